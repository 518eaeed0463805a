/** The next steps on a signed report, each only when the server offers it. */
import { useEffect, useRef, useState } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { acknowledgeReport, addAddendum, closeReport, countersignReport, retryDeliveries, type Delivery, type IncidentReport } from './incidents';
import { usePage } from '../../shared/page';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

/** The next steps the server says this person may take: countersign, add an addendum, acknowledge, close, resend. */
export function ReportActions({
  report,
  deliveries,
  onChanged,
  onRequeued,
}: {
  report: IncidentReport;
  deliveries?: readonly Delivery[];
  onChanged: (report: IncidentReport, message: string) => void;
  onRequeued: (message: string) => void;
}) {
  const { session } = usePage();
  const { t } = useI18n();
  const actions = report.actions ?? [];
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [confirming, setConfirming] = useState<'countersign' | 'acknowledge' | undefined>(undefined);
  const [addendum, setAddendum] = useState('');
  const [addendumProblem, setAddendumProblem] = useState<string | undefined>(undefined);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const failed = (deliveries ?? []).filter((d) => d.status === 'failed').length;

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  const run = async (title: MessageId, action: () => Promise<void>) => {
    if (busy) {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      const refused = asProblem(error, title);
      setProblem(refused);
      return refused;
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
    return undefined;
  };

  const countersign = () =>
    run('problem.countersign', async () => {
      onChanged(await countersignReport(session, report.id, report.version), t('report.countersigned'));
    });
  const acknowledge = () =>
    run('problem.acknowledge', async () => {
      onChanged(await acknowledgeReport(session, report.id, report.version), t('report.acknowledged'));
    });
  const close = () =>
    run('problem.close', async () => {
      onChanged(await closeReport(session, report.id, report.version), t('report.closed'));
    });
  const resend = () =>
    run('problem.resend', async () => {
      const trail = await retryDeliveries(session, report.id);
      const waiting = trail.filter((d) => d.status === 'pending').length;
      onRequeued(waiting > 0 ? t('report.requeued', { count: waiting }) : t('report.nothingRequeued'));
    });
  const addNote = async () => {
    if (addendum.trim() === '') {
      setAddendumProblem(t('report.addendumFirst'));
      return;
    }
    setAddendumProblem(undefined);
    const refused = await run('problem.addendum', async () => {
      onChanged(await addAddendum(session, report.id, addendum, report.version), t('report.addendumAdded'));
      setAddendum('');
    });
    const reason = refused?.errors.find((e) => e.field === 'text')?.message;
    if (reason) {
      setAddendumProblem(reason);
    }
  };

  const offered = ['countersign', 'acknowledge', 'close', 'add-addendum'].some((a) => actions.includes(a)) ||
    (actions.includes('retry-deliveries') && failed > 0);
  if (!offered) {
    return null;
  }
  return (
    <section className="report-actions no-print" aria-labelledby="detail-actions">
      <h2 id="detail-actions">{t('report.nextSteps')}</h2>
      <div className="toolbar-actions">
        {actions.includes('countersign') && (
          <button type="button" className="button primary" aria-expanded={confirming === 'countersign'} onClick={() => setConfirming('countersign')}>
            {t('report.countersign')}
          </button>
        )}
        {actions.includes('acknowledge') && (
          <button type="button" className="button primary" aria-expanded={confirming === 'acknowledge'} onClick={() => setConfirming('acknowledge')}>
            {t('report.acknowledge')}
          </button>
        )}
        {actions.includes('close') && (
          <button type="button" className="button" aria-disabled={busy} onClick={() => void close()}>
            {t('report.close')}
          </button>
        )}
        {actions.includes('retry-deliveries') && failed > 0 && (
          <button type="button" className="button" aria-disabled={busy} onClick={() => void resend()}>
            {t('report.resend', { count: failed })}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm-box" role="group" aria-labelledby="action-confirm-text">
          <p id="action-confirm-text">
            {confirming === 'countersign' ? t('report.countersignConfirm') : t('report.acknowledgeConfirm')}
          </p>
          <button
            ref={confirmButton}
            type="button"
            className="button primary"
            aria-disabled={busy}
            onClick={() => void (confirming === 'countersign' ? countersign() : acknowledge())}
          >
            {confirming === 'countersign' ? t('report.yesCountersign') : t('report.yesAcknowledge')}
          </button>{' '}
          <button type="button" className="button quiet-button" onClick={() => setConfirming(undefined)}>
            {t('action.notNow')}
          </button>
        </div>
      )}
      {actions.includes('add-addendum') && (
        <div className="addendum-entry">
          <label htmlFor="addendum-text">{t('report.addendumLabel')}</label>
          <textarea
            id="addendum-text"
            rows={3}
            maxLength={4000}
            value={addendum}
            aria-invalid={addendumProblem ? true : undefined}
            aria-describedby={addendumProblem ? 'addendum-problem' : undefined}
            onChange={(event) => setAddendum(event.target.value)}
          />
          {addendumProblem && (
            <ul id="addendum-problem" className="field-errors">
              <li>{addendumProblem}</li>
            </ul>
          )}
          <button type="button" className="button" aria-disabled={busy} onClick={() => void addNote()}>
            {t('report.addAddendum')}
          </button>
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
