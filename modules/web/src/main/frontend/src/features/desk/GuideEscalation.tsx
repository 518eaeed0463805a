/**
 * Escalating from a response guide: one button per escalation situation the guide links to, then a confirmation
 * (an escalation tells people at once), then the same call and answer as on the home screen: who decides, why, and
 * who was told. Sent for the staff member's own branch (headquarters without one: the headquarters).
 */
import { useRef, useState } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { startingBranch } from '../../shared/BranchPicker';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { escalationOutcome } from '../staffing/present';
import { escalate, type EscalationView } from '../staffing/staffing';
import type { Named } from '../standards/standards';

export function GuideEscalation({ situations }: { situations: readonly Named[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const [asking, setAsking] = useState<Named | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<EscalationView | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const sendingNow = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const branch = startingBranch(me, branches.data);
  const branchName = me.branch ? me.branchName : (branches.data?.find((b) => b.code === branch)?.name ?? branch ?? '');

  const ask = (situation: Named, button: HTMLButtonElement) => {
    opener.current = button;
    setAsking(situation);
    setProblem(undefined);
    // The confirmation takes the keyboard: one more Enter sends it, Escape or "Cancel" does not.
    setTimeout(() => confirmButton.current?.focus(), 0);
  };

  /** The confirmation goes; the keyboard goes back to the button that asked for it. */
  const close = () => {
    setAsking(undefined);
    opener.current?.focus();
  };

  const send = async () => {
    if (!asking || sendingNow.current) {
      return;
    }
    sendingNow.current = true;
    setSending(true);
    setProblem(undefined);
    try {
      setResult(await escalate(session, { situation: asking.code, branch }));
      close();
    } catch (error) {
      setProblem(asProblem(error, 'problem.escalate'));
    } finally {
      sendingNow.current = false;
      setSending(false);
    }
  };

  const outcome = result ? escalationOutcome(result, i18n) : undefined;
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
      {problem && <ProblemNotice problem={problem} />}
      <div className="escalation-result" role="status" aria-live="polite" aria-atomic="true">
        {sending && <p className="quiet">{t('escalate.sending')}</p>}
        {result && outcome && !sending && (
          <div className="result-box">
            <p className="result-title">{t('escalate.escalated', { situation: result.situationTitle })}</p>
            <p className="result-decides">{outcome.decides}.</p>
            {outcome.reason && <p>{t('escalate.why', { reason: outcome.reason })}</p>}
            {outcome.told.length > 0 && (
              <ul>
                {outcome.told.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
