/**
 * The way to "How do I handle…" from anywhere: a big link first on the home screen, and Alt+Shift+H on every screen
 * (a shortcut with modifiers, so typing never triggers it), which opens the desk screen or, there, puts the keyboard
 * back in its search box.
 */
import { useEffect } from 'react';
import { AppLink, type Navigate } from '../../shared/AppLink';
import { usePage } from '../../shared/page';
import { screenOf } from '../../shared/place';
import { useI18n } from '../../shared/i18n/i18n';

export const DESK_SHORTCUT = 'Alt+Shift+H';

/** Whether a key press is the desk's shortcut; by the key's place (`code`), since Alt+Shift+H types a letter on a Mac. */
export function isDeskShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH';
}

export function useDeskShortcut(navigate: Navigate): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isDeskShortcut(event)) {
        return;
      }
      event.preventDefault();
      if (screenOf(window.location.pathname) === 'desk') {
        document.querySelector<HTMLInputElement>('.desk-box')?.focus();
      } else {
        navigate('desk');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}

export function DeskLink() {
  const { t } = useI18n();
  const { session, navigate } = usePage();
  return (
    <div className="desk-link">
      <p>
        <AppLink slug={session.slug} screen="desk" navigate={navigate} className="button primary big" keyShortcuts={DESK_SHORTCUT}>
          {t('desk.title')}
        </AppLink>
      </p>
      <p className="quiet">
        {t('desk.homeAbout')} {t('desk.shortcut')}
      </p>
    </div>
  );
}
