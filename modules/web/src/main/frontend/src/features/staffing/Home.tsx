/**
 * The home screen's live part: who is in charge now, and escalating a situation in two clicks
 * ("Escalate", then the situation). Everything from the API is rendered as text.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../shared/api';
import { clockOf, escalationOutcome, seesAllBranches } from './present';
import { escalate, loadInCharge, loadSituations, type EscalationView, type Situation } from './staffing';
import { usePage } from '../../shared/page';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field } from '../../shared/fields';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export const IN_CHARGE_REFRESH_MS = 60_000;

export function InChargeWidget() {
  const { session, me, branches } = usePage();
  const { t, rich } = useI18n();
  const picker = seesAllBranches(me);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const branch = chosen ?? startingBranch(me, branches.data);
  const inCharge = useLoad((signal) => loadInCharge(session, branch, signal), `in-charge:${branch ?? ''}`, {
    refreshMs: IN_CHARGE_REFRESH_MS,
    title: 'problem.inCharge',
    // Without a home branch (some headquarters staff) the branch list says which branch to show first.
    wait: branch === undefined && !me.branch && !branches.problem && !branches.data,
  });
  const answer = inCharge.data;
  const at = answer ? clockOf(answer.at) : undefined;

  return (
    <section className="card live-card" aria-labelledby="in-charge-heading">
      <h2 id="in-charge-heading">{t('inCharge.title')}</h2>
      {picker && (
        <BranchPicker id="in-charge-branch" label={t('field.branch')} branches={branches.data} value={branch ?? ''} onChange={setChosen} />
      )}
      {/* Announced when the answer changes (a new person in charge), not at every refresh. */}
      <div className="in-charge" aria-live="polite" aria-atomic="true">
        {answer ? (
          answer.person && !answer.headquarters ? (
            <p className="in-charge-now">
              {rich('inCharge.now', { name: <strong>{answer.person.tagName}</strong>, position: answer.person.positionName })}
            </p>
          ) : (
            <p className="in-charge-now in-charge-hq">{t('inCharge.headquarters')}</p>
          )
        ) : (
          !inCharge.problem && <p className="quiet">{t('inCharge.checking')}</p>
        )}
        {answer?.explanation && <p className="explanation">{sentence(answer.explanation)}</p>}
      </div>
      {answer && (
        <p className="quiet as-of">
          {at ? t('inCharge.asOf', { branch: answer.branchName, at }) : answer.branchName}
        </p>
      )}
      {inCharge.problem && <ProblemNotice problem={inCharge.problem} />}
      <button type="button" className="button quiet-button small" onClick={inCharge.reload}>
        {t('inCharge.checkAgain')}
      </button>
    </section>
  );
}

/** The API's explanation as a sentence: capital first, full stop last. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * "Escalate" opens the list of situations; choosing one sends it at once (a note, if wanted, is typed in the
 * open list before choosing: it costs no click). The answer stays on screen and is announced.
 */
export function Escalate(props: { onEscalated?: (view: EscalationView) => void }) {
  const { session, me, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const ids = useId();
  const listId = `${ids}-situations`;
  const noteId = `${ids}-note`;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [branch, setBranch] = useState(me.branch || '');
  const { sending, result, problem, send } = useEscalation();
  const toggle = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const situations = useLoad((signal) => loadSituations(session, signal), 'situations', {
    title: 'problem.situations',
  });
  const picker = seesAllBranches(me) && (branches.data?.length ?? 0) > 1;
  // Mine by default; headquarters staff without a home branch start at the headquarters.
  const where = branch || startingBranch(me, branches.data) || '';

  // Opening the list puts the keyboard on the first situation: one more Enter sends it.
  // (When the list arrives later, only if the keyboard has not gone elsewhere meanwhile, e.g. to the note.)
  useEffect(() => {
    const active = document.activeElement;
    if (open && (active === toggle.current || active === document.body || active === null)) {
      firstChoice.current?.focus();
    }
  }, [open, situations.data]);

  // Closing gives the keyboard back to the button once the list is gone. Focusing it in the handler itself raced
  // with the effect above when the list had only just arrived: its pending run moved the keyboard into the list
  // that was about to disappear, leaving it on the page body.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const choose = async (situation: Situation) => {
    const view = await send({ situation: situation.code, branch: where || undefined, note });
    if (view) {
      setNote('');
      close();
      props.onEscalated?.(view);
    }
  };

  return (
    <section className="card live-card escalate" aria-labelledby="escalate-heading" onKeyDown={onKeyDown}>
      <h2 id="escalate-heading">{t('escalate.title')}</h2>
      <p className="quiet">{t('escalate.intro')}</p>
      <button
        ref={toggle}
        type="button"
        className="button primary big"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('escalate.button')}
      </button>
      <div id={listId} className="escalate-panel" hidden={!open}>
        {open && (
          <>
            {picker && (
              <BranchPicker id={`${ids}-branch`} label={t('escalate.where')} branches={branches.data} value={where} onChange={setBranch} />
            )}
            <Field id={noteId} label={t('escalate.note')}>
              {(ids) => <textarea {...ids} rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />}
            </Field>
            <h3 id={`${listId}-heading`}>{t('escalate.what')}</h3>
            {situations.data ? (
              <ul className="situations" aria-labelledby={`${listId}-heading`} aria-busy={sending}>
                {situations.data.map((situation, index) => (
                  <li key={situation.code}>
                    <button
                      ref={index === 0 ? firstChoice : undefined}
                      type="button"
                      className="button situation"
                      onClick={() => void choose(situation)}
                    >
                      {situation.title}
                    </button>
                  </li>
                ))}
              </ul>
            ) : situations.problem ? (
              <>
                <ProblemNotice problem={situations.problem} />
                <button type="button" className="button quiet-button" onClick={situations.reload}>
                  {t('action.tryAgain')}
                </button>
              </>
            ) : (
              <p className="quiet">{t('escalate.loading')}</p>
            )}
            <p className="quiet hint">{t('escalate.escape')}</p>
          </>
        )}
      </div>
      <EscalationAnswer sending={sending} result={result} problem={problem} />
    </section>
  );
}

/**
 * Sending an escalation, one at a time (a second press while one is on its way sends nothing): the answer, or the
 * problem, is kept to show with EscalationAnswer. `send` gives the answer back, or nothing when it failed or did not go.
 */
export function useEscalation() {
  const { session } = usePage();
  const { busy, problem, submit } = useSubmit();
  const [result, setResult] = useState<EscalationView | undefined>(undefined);

  const send = async (request: { situation: string; branch?: string; note?: string }): Promise<EscalationView | undefined> => {
    let view: EscalationView | undefined;
    await submit('problem.escalate', async () => {
      view = await escalate(session, request);
      setResult(view);
    });
    return view;
  };
  return { sending: busy, result, problem, send };
}

/** An escalation's answer, announced: who decides, why, and who was told; or why it did not go. */
export function EscalationAnswer(props: { sending: boolean; result?: EscalationView; problem?: ApiError }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { sending, result, problem } = props;
  const outcome = result ? escalationOutcome(result, i18n) : undefined;
  return (
    <>
      {problem && <ProblemNotice problem={problem} />}
      <div className="escalation-result" role="status" aria-live="polite" aria-atomic="true">
        {sending && <p className="quiet">{t('escalate.sending')}</p>}
        {result && outcome && !sending && (
          <div className="result-box">
            <p className="result-title">{t('escalate.escalated', { situation: result.situationTitle })}</p>
            <p className="result-decides">{outcome.decides}.</p>
            {outcome.reason && <p>{t('escalate.why', { reason: outcome.reason })}</p>}
            {outcome.told.length > 0 ? (
              <>
                <p className="result-told">{t('escalate.told')}</p>
                <ul>
                  {outcome.told.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('escalate.toldNobody')}</p>
            )}
          </div>
        )}
      </div>
    </>
  );
}
