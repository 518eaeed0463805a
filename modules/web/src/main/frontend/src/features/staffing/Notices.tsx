/** The staff member's own notices (escalations that concern them): a count in the header and a panel. */
import { forwardRef, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { momentText, unreadCount } from './present';
import { markNoticeRead, type Notice } from './staffing';
import { type Session } from '../../shared/session';
import type { Loaded } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export const NOTICES_REFRESH_MS = 60_000;
export const NOTICES_PANEL_ID = 'notices-panel';

export const NoticesButton = forwardRef<HTMLButtonElement, { count: number; open: boolean; onToggle: () => void }>(
  function NoticesButton({ count, open, onToggle }, ref) {
    const { t } = useI18n();
    return (
      <button
        ref={ref}
        type="button"
        className={count > 0 ? 'button quiet-button notices-button has-unread' : 'button quiet-button notices-button'}
        aria-expanded={open}
        aria-controls={open ? NOTICES_PANEL_ID : undefined}
        onClick={onToggle}
      >
        {t('notices.button', { count })}
      </button>
    );
  },
);

/** Says so when new notices arrive with a refresh (not when the count first appears). */
export function NoticesAnnouncer({ count }: { count: number | undefined }) {
  const { t } = useI18n();
  const previous = useRef<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (count === undefined) {
      return;
    }
    if (previous.current !== undefined && count > previous.current) {
      setMessage(t('notices.new', { count }));
    }
    previous.current = count;
  }, [count, t]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  );
}

/** The notices with this session's "read" marks applied on top (the next refresh brings the server's). */
export function withReadMarks(notices: readonly Notice[] | undefined, read: ReadonlySet<string>): Notice[] | undefined {
  return notices?.map((notice) => (read.has(notice.id) && !notice.read ? { ...notice, read: true } : notice));
}

export function NoticesPanel(props: {
  session: Session;
  notices: Loaded<Notice[]>;
  list: Notice[] | undefined;
  onRead: (id: string) => void;
  onClose: () => void;
}) {
  const { notices, list } = props;
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const items = useRef(new Map<string, HTMLElement>());
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [status, setStatus] = useState('');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };

  const markRead = async (notice: Notice) => {
    setProblem(undefined);
    try {
      await markNoticeRead(props.session, notice.id);
      props.onRead(notice.id);
      setStatus(t('notices.marked', { count: unreadCount(list?.filter((n) => n.id !== notice.id)) }));
      // The button goes away with the mark; the keyboard stays on the notice itself.
      items.current.get(notice.id)?.focus();
    } catch (error) {
      setProblem(asProblem(error, 'problem.noticeRead'));
    }
  };

  return (
    <section id={NOTICES_PANEL_ID} className="notices-panel" aria-labelledby="notices-heading" onKeyDown={onKeyDown}>
      <div className="notices-top">
        <h2 id="notices-heading" ref={heading} tabIndex={-1}>
          {t('notices.title')}
        </h2>
        <button type="button" className="button quiet-button small" onClick={props.onClose}>
          {t('notices.close')}
        </button>
      </div>
      {notices.problem && <ProblemNotice problem={notices.problem} />}
      {problem && <ProblemNotice problem={problem} />}
      {!list && !notices.problem && <p className="quiet">{t('notices.loading')}</p>}
      {list && list.length === 0 && <p className="quiet">{t('notices.none')}</p>}
      {list && list.length > 0 && (
        <ul className="notice-list">
          {list.map((notice) => (
            <NoticeItem
              key={notice.id}
              notice={notice}
              ref={(element) => {
                if (element) {
                  items.current.set(notice.id, element);
                } else {
                  items.current.delete(notice.id);
                }
              }}
              onMarkRead={() => void markRead(notice)}
            />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

const NoticeItem = forwardRef<HTMLLIElement, { notice: Notice; onMarkRead: () => void }>(function NoticeItem(
  { notice, onMarkRead },
  ref,
) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li ref={ref} tabIndex={-1} className={notice.read ? 'notice-item' : 'notice-item unread'}>
      <p className="notice-state">{notice.read ? t('notices.read') : t('notices.unread')}</p>
      <p className="notice-text" id={`notice-${notice.id}`}>
        {notice.text}
      </p>
      <p className="quiet notice-time">{momentText(notice.createdAt, i18n)}</p>
      {!notice.read && (
        <button type="button" className="button quiet-button small" aria-describedby={`notice-${notice.id}`} onClick={onMarkRead}>
          {t('notices.markRead')}
        </button>
      )}
    </li>
  );
});
