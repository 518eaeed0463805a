/**
 * Escalating from a response guide: one button per escalation situation the guide links to, then a confirmation
 * (an escalation tells people at once), then the same call and answer as on the home screen: who decides, why, and
 * who was told. Sent for the staff member's own branch (headquarters without one: the headquarters).
 */
import { useRef, useState } from 'react';
import { startingBranch } from '../../shared/BranchPicker';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { EscalationAnswer, useEscalation } from '../staffing/Home';
import type { Named } from '../standards/standards';

export function GuideEscalation({ situations }: { situations: readonly Named[] }) {
  const { t } = useI18n();
  const { me, branches } = usePage();
  const [asking, setAsking] = useState<Named | undefined>(undefined);
  const { sending, result, problem, send: escalate } = useEscalation();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const branch = startingBranch(me, branches.data);
  const branchName = me.branch ? me.branchName : (branches.data?.find((b) => b.code === branch)?.name ?? branch ?? '');

  const ask = (situation: Named, button: HTMLButtonElement) => {
    opener.current = button;
    setAsking(situation);
    // The confirmation takes the keyboard: one more Enter sends it, Escape or "Cancel" does not.
    setTimeout(() => confirmButton.current?.focus(), 0);
  };

  /** The confirmation goes; the keyboard goes back to the button that asked for it. */
  const close = () => {
    setAsking(undefined);
    opener.current?.focus();
  };

  const send = async () => {
    if (asking && (await escalate({ situation: asking.code, branch }))) {
      close();
    }
  };
  return (
    <div className="guide-escalation">
      <p className="list-label">{t('desk.escalateFromGuide')}</p>
      <ul className="situations">
        {situations.map((situation) => (
          <li key={situation.code}>
            <button type="button" className="button" aria-expanded={asking?.code === situation.code} onClick={(event) => ask(situation, event.currentTarget)}>
              {t('desk.escalateSituation', { situation: situation.name })}
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <div
          className="confirm-box"
          role="group"
          aria-label={t('desk.confirmTitle')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <p>{t('desk.confirmEscalation', { situation: asking.name, branch: branchName })}</p>
          <div className="toolbar-actions">
            <button ref={confirmButton} type="button" className="button primary" aria-disabled={sending} onClick={() => void send()}>
              {t('desk.confirmSend')}
            </button>
            <button type="button" className="button quiet-button" onClick={close}>
              {t('action.notNow')}
            </button>
          </div>
        </div>
      )}
      <EscalationAnswer sending={sending} result={result} problem={problem} />
    </div>
  );
}
