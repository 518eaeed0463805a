/**
 * Incident reports to read: the list (for headquarters every branch, with filters, counts, overdue reports first
 * and a CSV export) and one report with its answers, the call to headquarters, its signature trail, the chain's
 * verification and the PDF. Every answer and name is React text: markup in a report is shown as typed.
 */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { AppLink, type Navigate } from '../../shared/AppLink';
import { inCharge } from '../bans/bans';
import { BranchPicker } from '../../shared/BranchPicker';
import {
  STATUSES,
  answerText,
  categoriesOf,
  countLines,
  deliveryFailed,
  deliveryText,
  isReporter,
  overdueFirst,
  questionOf,
  seesEveryBranch,
  signatureLabel,
  statusLabel,
  titleOfCode,
  whenText,
  type CountLine,
} from './incidentForm';
import {
  acknowledgeReport,
  addAddendum,
  closeReport,
  countersignReport,
  downloadReportPdf,
  downloadReportsCsv,
  loadDeliveries,
  loadIncidentForm,
  loadReport,
  loadReportCounts,
  loadReports,
  loadVerification,
  retryDeliveries,
  type Delivery,
  type IncidentReport,
  type ReportFilter,
  type ReportSummary,
  type Verification,
} from './incidents';
import { saveFile, type PageProps, type Session } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export function IncidentsPage(props: PageProps & { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <ReportDetail key={props.item} {...props} id={props.item} initial={initial} />;
  }
  return <IncidentList {...props} />;
}

function IncidentList({ session, me, branches, navigate }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const everyBranch = seesEveryBranch(me);
  const [filter, setFilter] = useState<ReportFilter>({});
  const key = JSON.stringify(filter);
  const reports = useLoad((signal) => loadReports(session, filter, signal), `incident-reports:${key}`, {
    title: 'problem.reports',
  });
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'problem.categories' });
  const counts = useLoad((signal) => (everyBranch ? loadReportCounts(session, filter, signal) : Promise.resolve(undefined)), `incident-counts:${key}`);
  const categories = categoriesOf(form.data);
  const nameOf = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? categories.find((c) => c.code === code)?.title;
  const countList: CountLine[] = countLines(counts.data, nameOf, '', i18n);
  const { busy: downloading, problem, submit } = useSubmit();
  const [status, setStatus] = useState('');
  const set = (change: Partial<ReportFilter>) => setFilter((current) => ({ ...current, ...change }));
  // While a new filter loads, the last answer stays on screen (marked as updating) instead of a blank.
  const lastData = useRef<ReportSummary[] | undefined>(undefined);
  if (reports.data) {
    lastData.current = reports.data;
  }
  const shown = reports.data ?? (reports.problem ? undefined : lastData.current);
  const list = shown ? overdueFirst(shown) : undefined;
  const hasDeadline = list?.some((r) => r.deadline) ?? false;
  const hasDelivery = list?.some((r) => r.delivery !== undefined && r.delivery !== null) ?? false;

  const csv = async () => {
    if (downloading) {
      return;
    }
    setStatus(t('status.preparingCsv'));
    const refused = await submit('problem.csv', async () => {
      const name = saveFile(await downloadReportsCsv(session, filter), `incident-reports-${session.slug}.csv`);
      setStatus(t('incidents.downloaded', { name }));
    });
    if (refused) {
      setStatus('');
    }
  };

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The link in the row is the keyboard's way in; a click anywhere else on the row does the same.
    if ((event.target as HTMLElement).closest('a, button') || event.button !== 0) {
      return;
    }
    navigate('incidents', id);
  };

  return (
    <>
      <Heading>{t('screen.incidents')}</Heading>
      <p className="quiet">{everyBranch ? t('incidents.introAll') : t('incidents.introOwn')}</p>
      <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('incidents.filter')}>
        {everyBranch && (
          <BranchPicker
            id="incidents-branch"
            label={t('field.branch')}
            branches={branches.data}
            value={filter.branch ?? ''}
            onChange={(code) => set({ branch: code || undefined })}
            allLabel={t('field.allBranches')}
          />
        )}
        <div className="field">
          <label htmlFor="incidents-category">{t('incidents.category')}</label>
          <select id="incidents-category" value={filter.category ?? ''} onChange={(event) => set({ category: event.target.value || undefined })}>
            <option value="">{t('incidents.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incidents-status">{t('incidents.status')}</label>
          <select id="incidents-status" value={filter.status ?? ''} onChange={(event) => set({ status: event.target.value || undefined })}>
            <option value="">{t('incidents.anyStatus')}</option>
            {STATUSES.map((code) => (
              <option key={code} value={code}>
                {statusLabel(code, i18n)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incidents-from">{t('incidents.from')}</label>
          <input id="incidents-from" type="date" value={filter.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
        </div>
        <div className="field">
          <label htmlFor="incidents-to">{t('incidents.to')}</label>
          <input id="incidents-to" type="date" value={filter.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
        </div>
        {everyBranch && (
          <div className="field checkbox-filters">
            <label>
              <input type="checkbox" checked={filter.overdue === true} onChange={(event) => set({ overdue: event.target.checked || undefined })} />{' '}
              {t('incidents.overdueOnly')}
            </label>
          </div>
        )}
        {everyBranch && (
          <div className="field">
            <label htmlFor="incidents-delivery">{t('incidents.delivery')}</label>
            <select id="incidents-delivery" value={filter.delivery ?? ''} onChange={(event) => set({ delivery: event.target.value || undefined })}>
              <option value="">{t('incidents.anyDelivery')}</option>
              <option value="pending">{t('incidents.mailWaiting')}</option>
              <option value="failed">{t('incidents.mailFailed')}</option>
            </select>
          </div>
        )}
        {everyBranch && (
          <div className="toolbar-actions">
            <button type="button" className="button" aria-disabled={downloading} onClick={() => void csv()}>
              {t('incidents.csv')}
            </button>
          </div>
        )}
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="notice" aria-hidden="true">{status}</p>}
      {problem && <ProblemNotice problem={problem} />}
      {countList.length > 0 && (
        <section aria-labelledby="incident-counts" className="counts">
          <h2 id="incident-counts">{t('incidents.atAGlance')}</h2>
          <dl className="count-list">
            {countList.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{i18n.intl.formatNumber(line.value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {reports.problem && <ProblemNotice problem={reports.problem} />}
      {!list && !reports.problem && <p className="quiet">{t('incidents.loading')}</p>}
      {list && (
        <div className="table-scroll">
          <table className="data-table incident-table">
            <caption>
              {t('incidents.count', { count: list.length })}
              {reports.loading ? t('status.updating') : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.occurred')}</th>
                <th scope="col">{t('incidents.category')}</th>
                <th scope="col">{t('field.branch')}</th>
                <th scope="col">{t('incidents.status')}</th>
                <th scope="col">{t('signature.reporter')}</th>
                {hasDeadline && <th scope="col">{t('incidents.deadline')}</th>}
                {hasDelivery && <th scope="col">{t('incidents.delivery')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((summary) => (
                <SummaryRow
                  key={summary.id}
                  summary={summary}
                  slug={session.slug}
                  navigate={navigate}
                  onClick={openRow}
                  deadline={hasDeadline}
                  delivery={hasDelivery}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function SummaryRow(props: {
  summary: ReportSummary;
  slug: string;
  navigate: Navigate;
  onClick: (event: MouseEvent<HTMLTableRowElement>, id: string) => void;
  deadline: boolean;
  delivery: boolean;
}) {
  const { summary } = props;
  const i18n = useI18n();
  const overdue = summary.overdue === true;
  const delivery = deliveryText(summary.delivery, i18n);
  return (
    <tr className={`clickable${overdue ? ' overdue' : ''}`} onClick={(event) => props.onClick(event, summary.id)}>
      <th scope="row">
        <AppLink slug={props.slug} screen="incidents" item={summary.id} navigate={props.navigate}>
          {whenText(summary.occurredAt, i18n)}
        </AppLink>
      </th>
      <td>{summary.categoryTitle ?? summary.category}</td>
      <td>{summary.branchName ?? summary.branch}</td>
      <td>
        {statusLabel(summary.status, i18n)}
        {overdue && <strong className="overdue-flag">{i18n.t('incidents.overdueFlag')}</strong>}
      </td>
      <td>{summary.reporterTagName ?? ''}</td>
      {props.deadline && <td>{summary.deadline ? whenText(summary.deadline, i18n) : ''}</td>}
      {props.delivery && <td className={deliveryFailed(summary.delivery) ? 'delivery-failed' : undefined}>{delivery ?? ''}</td>}
    </tr>
  );
}

function ReportDetail({ session, me, navigate, id, initial }: PageProps & { id: string; initial?: IncidentReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const loaded = useLoad((signal) => (initial ? Promise.resolve(initial) : loadReport(session, id, signal)), `report:${id}`, {
    title: 'problem.report',
  });
  // What an action answered wins over what was loaded: the trail, verification and deliveries follow its version.
  const [changed, setChanged] = useState<IncidentReport | undefined>(undefined);
  const report = changed && changed.version >= (loaded.data?.version ?? 0) ? changed : loaded.data;
  const signed = report !== undefined && report.status !== 'draft';
  const verification = useLoad(
    (signal) => loadVerification(session, id, signal),
    `verification:${id}:${report?.version ?? ''}`,
    { title: 'problem.verification', wait: !signed },
  );
  const [deliveryRound, setDeliveryRound] = useState(0);
  const deliveries = useLoad(
    (signal) => loadDeliveries(session, id, signal),
    `deliveries:${id}:${report?.version ?? ''}:${deliveryRound}`,
    { wait: !signed },
  );
  const { busy, problem, submit } = useSubmit();
  const [status, setStatus] = useState(initial && initial.status !== 'draft' ? t('report.signedAndSubmitted') : '');

  const pdf = async () => {
    if (busy) {
      return;
    }
    setStatus(t('report.preparingPdf'));
    const refused = await submit('problem.pdf', async () => {
      const name = saveFile(await downloadReportPdf(session, id), `incident-report-${id}.pdf`);
      setStatus(t('report.downloaded', { name }));
    });
    if (refused) {
      setStatus('');
    }
  };

  const back = (
    <AppLink slug={session.slug} screen="incidents" navigate={navigate} className="no-print">
      {t('report.allReports')}
    </AppLink>
  );
  if (!report) {
    return (
      <>
        <Heading>{t('report.title')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('report.loading')}</p>}
        <p>{back}</p>
      </>
    );
  }
  const questions = (report.questions ?? []).map(questionOf);
  const answers = report.answers ?? {};
  const answered = questions.filter((q) => answerText(q, answers[q.key], report.staffMembers, i18n) !== '');
  const signatures = report.signatures ?? [];
  const addenda = report.addenda ?? [];
  return (
    <article className="report-detail" aria-labelledby="report-title">
      <Heading>
        <span id="report-title">{report.categoryTitle ?? report.category}</span>
      </Heading>
      <p className="report-status">
        {i18n.rich('report.status', { status: <strong>{statusLabel(report.status, i18n)}</strong> })}
        {report.steps?.countersignatureRequired &&
          !report.steps.countersigned &&
          report.status !== 'draft' &&
          t('report.waitingCountersignature')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="notice" aria-hidden="true">{status}</p>}
      {report.status === 'draft' && isReporter(report, me) && (
        <p>
          <AppLink slug={session.slug} screen="report" item={report.id} navigate={navigate}>
            {t('report.goOn')}
          </AppLink>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('field.branch')}</dt>
          <dd>{report.branchName ?? report.branch}</dd>
        </div>
        <div>
          <dt>{t('report.whenItHappened')}</dt>
          <dd>{whenText(report.occurredAt, i18n)}</dd>
        </div>
        <div>
          <dt>{t('report.reportedBy')}</dt>
          <dd>{personText(report.reporter, t)}</dd>
        </div>
        {report.submittedAt && (
          <div>
            <dt>{t('report.signed')}</dt>
            <dd>{whenText(report.submittedAt, i18n)}</dd>
          </div>
        )}
        <div>
          <dt>{t('report.formVersion')}</dt>
          <dd>{report.formVersion}</dd>
        </div>
      </dl>

      <section aria-labelledby="detail-answers">
        <h2 id="detail-answers">{t('report.answers')}</h2>
        {answered.length === 0 ? (
          <p className="quiet">{t('report.noAnswers')}</p>
        ) : (
          <dl className="answers">
            {answered.map((question) => (
              <div key={question.key}>
                <dt>{question.label}</dt>
                <dd className="free-text">{answerText(question, answers[question.key], report.staffMembers, i18n)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {report.verbalReport && (
        <section aria-labelledby="detail-call">
          <h2 id="detail-call">{t('report.call')}</h2>
          <p>
            {t('report.called', {
              by: report.verbalReport.calledBy,
              to: report.verbalReport.calledTo,
              at: whenText(report.verbalReport.calledAt, i18n),
            })}
          </p>
          {report.verbalReport.note && <p className="free-text">{report.verbalReport.note}</p>}
        </section>
      )}

      {addenda.length > 0 && (
        <section aria-labelledby="detail-addenda">
          <h2 id="detail-addenda">{t('report.addenda')}</h2>
          <ol className="addenda">
            {addenda.map((addendum) => (
              <li key={addendum.seq}>
                <p className="free-text">{addendum.text}</p>
                <p className="quiet">
                  {t('report.addendumBy', {
                    name: addendum.author.tagName ?? addendum.author.username,
                    at: whenText(addendum.createdAt, i18n),
                  })}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="detail-signatures">
        <h2 id="detail-signatures">{t('report.signatures')}</h2>
        {signatures.length === 0 ? (
          <p className="quiet">{t('report.notSigned')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table signature-table">
              <caption className="visually-hidden">{t('report.signatureTrail')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.number')}</th>
                  <th scope="col">{t('report.kind')}</th>
                  <th scope="col">{t('report.signedBy')}</th>
                  <th scope="col">{t('report.at')}</th>
                  <th scope="col">{t('report.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {signatures.map((signature) => (
                  <tr key={signature.seq}>
                    <td>{signature.seq}</td>
                    <td>{signatureLabel(signature.kind, i18n)}</td>
                    <th scope="row">{personText(signature.signer, t)}</th>
                    <td>{whenText(signature.signedAt, i18n)}</td>
                    <td>
                      <code className="hash">{signature.hash}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {signed && <VerificationLine verification={verification.data} problem={verification.problem} />}
      </section>

      {deliveries.data && deliveries.data.length > 0 && <DeliveryTrail deliveries={deliveries.data} />}

      <ReportActions
        session={session}
        report={report}
        deliveries={deliveries.data}
        onChanged={(next, message) => {
          setChanged(next);
          setStatus(message);
        }}
        onRequeued={(message) => {
          setDeliveryRound((n) => n + 1);
          setStatus(message);
        }}
      />

      <div className="toolbar-actions no-print">
        {signed && (
          <button type="button" className="button" aria-disabled={busy} onClick={() => void pdf()}>
            {t('report.downloadPdf')}
          </button>
        )}
        {/* Any signed report: a ban may follow from vandalism or abuse as well as from a "computer-use ban" report. */}
        {signed && inCharge(me) && (
          <AppLink slug={session.slug} screen="bans" item={report.id} navigate={navigate} className="button">
            {t('report.ban')}
          </AppLink>
        )}
        <button type="button" className="button quiet-button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      {problem && <ProblemNotice problem={problem} />}
      <p>{back}</p>
    </article>
  );
}

/** The next steps the server says this person may take: countersign, add an addendum, acknowledge, close, resend. */
function ReportActions({
  session,
  report,
  deliveries,
  onChanged,
  onRequeued,
}: {
  session: Session;
  report: IncidentReport;
  deliveries?: readonly Delivery[];
  onChanged: (report: IncidentReport, message: string) => void;
  onRequeued: (message: string) => void;
}) {
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

function DeliveryTrail({ deliveries }: { deliveries: readonly Delivery[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="detail-deliveries">
      <h2 id="detail-deliveries">{t('incidents.delivery')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('delivery.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delivery.to')}</th>
              <th scope="col">{t('incidents.status')}</th>
              <th scope="col">{t('delivery.tries')}</th>
              <th scope="col">{t('delivery.when')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row">
                  {delivery.recipient ?? delivery.positionName ?? delivery.position ?? ''}
                  {delivery.recipient && delivery.positionName ? ` (${delivery.positionName})` : ''}
                  {delivery.kind && delivery.kind !== 'report' ? ` — ${deliveryKind(delivery.kind, t)}` : ''}
                </th>
                <td className={delivery.status === 'failed' ? 'delivery-failed' : undefined}>
                  {deliveryText(delivery.status, i18n)}
                  {delivery.lastError && delivery.status !== 'sent' ? `: ${delivery.lastError}` : ''}
                </td>
                <td>{delivery.attempts ?? ''}</td>
                <td>
                  {delivery.sentAt
                    ? t('delivery.sentAt', { at: whenText(delivery.sentAt, i18n) })
                    : delivery.nextAttemptAt
                      ? t('delivery.nextTry', { at: whenText(delivery.nextAttemptAt, i18n) })
                      : delivery.queuedAt
                        ? t('delivery.queuedAt', { at: whenText(delivery.queuedAt, i18n) })
                        : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VerificationLine({ verification, problem }: { verification?: Verification; problem?: ApiError }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (problem) {
    return <ProblemNotice problem={problem} />;
  }
  if (!verification) {
    return <p className="quiet">{t('verification.checking')}</p>;
  }
  if (verification.intact) {
    return <p className="verification intact">{t('verification.intact', { count: verification.checked })}</p>;
  }
  const mismatch = verification.firstMismatch;
  return (
    <div className="problem verification broken" role="alert">
      <p className="problem-title">{t('verification.broken')}</p>
      {mismatch && (
        <p>
          {t('verification.mismatch', {
            seq: mismatch.seq,
            kind: mismatch.kind ? signatureLabel(mismatch.kind, i18n) : 'none',
            signer: mismatch.signer || 'none',
            problem: mismatch.explanation ?? mismatch.problem,
          })}
        </p>
      )}
    </div>
  );
}

/** "Bea (Branch manager)", or the name alone when the position is not known. */
function personText(person: { tagName?: string | null; username: string; positionName?: string | null }, t: I18n['t']): string {
  const name = person.tagName ?? person.username;
  return person.positionName ? t('person.withPosition', { name, position: person.positionName }) : name;
}

const DELIVERY_KINDS: Record<string, MessageId> = { 'overdue-notice': 'delivery.kind.overdueNotice' };

function deliveryKind(kind: string, t: I18n['t']): string {
  const id = DELIVERY_KINDS[kind];
  return id ? t(id) : titleOfCode(kind);
}
