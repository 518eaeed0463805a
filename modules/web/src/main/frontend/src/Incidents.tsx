/**
 * Incident reports to read: the list (for headquarters every branch, with filters, counts, overdue reports first
 * and a CSV export) and one report with its answers, the call to headquarters, its signature trail, the chain's
 * verification and the PDF. Every answer and name is React text: markup in a report is shown as typed.
 */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { asProblem, type ApiError, type Me } from './api';
import { AppLink, type Navigate } from './AppLink';
import { inCharge } from './bans';
import { BranchPicker } from './BranchPicker';
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
import { countText } from './present';
import { saveFile, type Branch, type Session } from './staffing';
import { useLoad, type Loaded } from './useLoad';
import { Heading, ProblemNotice } from './views';

interface PageProps {
  session: Session;
  me: Me;
  branches: Loaded<Branch[]>;
  navigate: Navigate;
}

export function IncidentsPage(props: PageProps & { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <ReportDetail key={props.item} {...props} id={props.item} initial={initial} />;
  }
  return <IncidentList {...props} />;
}

function IncidentList({ session, me, branches, navigate }: PageProps) {
  const everyBranch = seesEveryBranch(me);
  const [filter, setFilter] = useState<ReportFilter>({});
  const key = JSON.stringify(filter);
  const reports = useLoad((signal) => loadReports(session, filter, signal), `incident-reports:${key}`, {
    title: 'The incident reports could not be loaded',
  });
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'The categories could not be loaded' });
  const counts = useLoad((signal) => (everyBranch ? loadReportCounts(session, filter, signal) : Promise.resolve(undefined)), `incident-counts:${key}`);
  const categories = categoriesOf(form.data);
  const nameOf = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? categories.find((c) => c.code === code)?.title;
  const countList: CountLine[] = countLines(counts.data, nameOf);
  const [downloading, setDownloading] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
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
    setDownloading(true);
    setProblem(undefined);
    setStatus('Preparing the CSV file…');
    try {
      const name = saveFile(await downloadReportsCsv(session, filter), `incident-reports-${session.slug}.csv`);
      setStatus(`Incident reports downloaded: ${name}.`);
    } catch (error) {
      setStatus('');
      setProblem(asProblem(error, 'The CSV file could not be made'));
    } finally {
      setDownloading(false);
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
      <Heading>Incident reports</Heading>
      <p className="quiet">
        {everyBranch
          ? 'Reports of every branch, newest incident first; overdue reports on top.'
          : 'Reports you may see: your own, and as a person in charge those of your branch.'}
      </p>
      <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label="Filter the reports">
        {everyBranch && (
          <BranchPicker
            id="incidents-branch"
            label="Branch"
            branches={branches.data}
            value={filter.branch ?? ''}
            onChange={(code) => set({ branch: code || undefined })}
            allLabel="All branches"
          />
        )}
        <div className="field">
          <label htmlFor="incidents-category">Category</label>
          <select id="incidents-category" value={filter.category ?? ''} onChange={(event) => set({ category: event.target.value || undefined })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incidents-status">Status</label>
          <select id="incidents-status" value={filter.status ?? ''} onChange={(event) => set({ status: event.target.value || undefined })}>
            <option value="">Any status</option>
            {STATUSES.map((code) => (
              <option key={code} value={code}>
                {statusLabel(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="incidents-from">From</label>
          <input id="incidents-from" type="date" value={filter.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
        </div>
        <div className="field">
          <label htmlFor="incidents-to">To</label>
          <input id="incidents-to" type="date" value={filter.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
        </div>
        {everyBranch && (
          <div className="field checkbox-filters">
            <label>
              <input type="checkbox" checked={filter.overdue === true} onChange={(event) => set({ overdue: event.target.checked || undefined })} />{' '}
              Overdue only
            </label>
          </div>
        )}
        {everyBranch && (
          <div className="field">
            <label htmlFor="incidents-delivery">Delivery</label>
            <select id="incidents-delivery" value={filter.delivery ?? ''} onChange={(event) => set({ delivery: event.target.value || undefined })}>
              <option value="">Any</option>
              <option value="pending">Mail waiting</option>
              <option value="failed">Mail failed</option>
            </select>
          </div>
        )}
        {everyBranch && (
          <div className="toolbar-actions">
            <button type="button" className="button" aria-disabled={downloading} onClick={() => void csv()}>
              CSV
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
          <h2 id="incident-counts">At a glance</h2>
          <dl className="count-list">
            {countList.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {reports.problem && <ProblemNotice problem={reports.problem} />}
      {!list && !reports.problem && <p className="quiet">Loading the reports…</p>}
      {list && (
        <div className="table-scroll">
          <table className="data-table incident-table">
            <caption>
              {countText(list.length, 'report', 'reports')}
              {reports.loading ? ' (updating…)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Occurred</th>
                <th scope="col">Category</th>
                <th scope="col">Branch</th>
                <th scope="col">Status</th>
                <th scope="col">Reporter</th>
                {hasDeadline && <th scope="col">Deadline</th>}
                {hasDelivery && <th scope="col">Delivery</th>}
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
  const overdue = summary.overdue === true;
  const delivery = deliveryText(summary.delivery);
  return (
    <tr className={`clickable${overdue ? ' overdue' : ''}`} onClick={(event) => props.onClick(event, summary.id)}>
      <th scope="row">
        <AppLink slug={props.slug} screen="incidents" item={summary.id} navigate={props.navigate}>
          {whenText(summary.occurredAt)}
        </AppLink>
      </th>
      <td>{summary.categoryTitle ?? summary.category}</td>
      <td>{summary.branchName ?? summary.branch}</td>
      <td>
        {statusLabel(summary.status)}
        {overdue && <strong className="overdue-flag"> — overdue</strong>}
      </td>
      <td>{summary.reporterTagName ?? ''}</td>
      {props.deadline && <td>{summary.deadline ? whenText(summary.deadline) : ''}</td>}
      {props.delivery && <td className={deliveryFailed(summary.delivery) ? 'delivery-failed' : undefined}>{delivery ?? ''}</td>}
    </tr>
  );
}

function ReportDetail({ session, me, navigate, id, initial }: PageProps & { id: string; initial?: IncidentReport }) {
  const loaded = useLoad((signal) => (initial ? Promise.resolve(initial) : loadReport(session, id, signal)), `report:${id}`, {
    title: 'The report could not be loaded',
  });
  // What an action answered wins over what was loaded: the trail, verification and deliveries follow its version.
  const [changed, setChanged] = useState<IncidentReport | undefined>(undefined);
  const report = changed && changed.version >= (loaded.data?.version ?? 0) ? changed : loaded.data;
  const signed = report !== undefined && report.status !== 'draft';
  const verification = useLoad(
    (signal) => loadVerification(session, id, signal),
    `verification:${id}:${report?.version ?? ''}`,
    { title: 'The signatures could not be checked', wait: !signed },
  );
  const [deliveryRound, setDeliveryRound] = useState(0);
  const deliveries = useLoad(
    (signal) => loadDeliveries(session, id, signal),
    `deliveries:${id}:${report?.version ?? ''}:${deliveryRound}`,
    { wait: !signed },
  );
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState(initial && initial.status !== 'draft' ? 'Signed and submitted.' : '');
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);

  const pdf = async () => {
    if (busy) {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setStatus('Preparing the PDF…');
    try {
      const name = saveFile(await downloadReportPdf(session, id), `incident-report-${id}.pdf`);
      setStatus(`Report downloaded: ${name}.`);
    } catch (error) {
      setStatus('');
      setProblem(asProblem(error, 'The PDF could not be made'));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <AppLink slug={session.slug} screen="incidents" navigate={navigate} className="no-print">
      All incident reports
    </AppLink>
  );
  if (!report) {
    return (
      <>
        <Heading>Incident report</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">Loading the report…</p>}
        <p>{back}</p>
      </>
    );
  }
  const questions = (report.questions ?? []).map(questionOf);
  const answers = report.answers ?? {};
  const answered = questions.filter((q) => answerText(q, answers[q.key], report.staffMembers) !== '');
  const signatures = report.signatures ?? [];
  const addenda = report.addenda ?? [];
  return (
    <article className="report-detail" aria-labelledby="report-title">
      <Heading>
        <span id="report-title">{report.categoryTitle ?? report.category}</span>
      </Heading>
      <p className="report-status">
        Status: <strong>{statusLabel(report.status)}</strong>
        {report.steps?.countersignatureRequired && !report.steps.countersigned && report.status !== 'draft' && ' — waiting for a countersignature'}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="notice" aria-hidden="true">{status}</p>}
      {report.status === 'draft' && isReporter(report, me) && (
        <p>
          <AppLink slug={session.slug} screen="report" item={report.id} navigate={navigate}>
            Go on with this draft
          </AppLink>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Branch</dt>
          <dd>{report.branchName ?? report.branch}</dd>
        </div>
        <div>
          <dt>When it happened</dt>
          <dd>{whenText(report.occurredAt)}</dd>
        </div>
        <div>
          <dt>Reported by</dt>
          <dd>
            {report.reporter.tagName ?? report.reporter.username}
            {report.reporter.positionName ? ` (${report.reporter.positionName})` : ''}
          </dd>
        </div>
        {report.submittedAt && (
          <div>
            <dt>Signed</dt>
            <dd>{whenText(report.submittedAt)}</dd>
          </div>
        )}
        <div>
          <dt>Form version</dt>
          <dd>{report.formVersion}</dd>
        </div>
      </dl>

      <section aria-labelledby="detail-answers">
        <h2 id="detail-answers">Answers</h2>
        {answered.length === 0 ? (
          <p className="quiet">No answers yet.</p>
        ) : (
          <dl className="answers">
            {answered.map((question) => (
              <div key={question.key}>
                <dt>{question.label}</dt>
                <dd className="free-text">{answerText(question, answers[question.key], report.staffMembers)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {report.verbalReport && (
        <section aria-labelledby="detail-call">
          <h2 id="detail-call">The call to headquarters</h2>
          <p>
            {report.verbalReport.calledBy} called {report.verbalReport.calledTo} at {whenText(report.verbalReport.calledAt)}.
          </p>
          {report.verbalReport.note && <p className="free-text">{report.verbalReport.note}</p>}
        </section>
      )}

      {addenda.length > 0 && (
        <section aria-labelledby="detail-addenda">
          <h2 id="detail-addenda">Addenda</h2>
          <ol className="addenda">
            {addenda.map((addendum) => (
              <li key={addendum.seq}>
                <p className="free-text">{addendum.text}</p>
                <p className="quiet">
                  {addendum.author.tagName ?? addendum.author.username}, {whenText(addendum.createdAt)}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="detail-signatures">
        <h2 id="detail-signatures">Signatures</h2>
        {signatures.length === 0 ? (
          <p className="quiet">Not signed yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table signature-table">
              <caption className="visually-hidden">Signature trail</caption>
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Signed by</th>
                  <th scope="col">At</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {signatures.map((signature) => (
                  <tr key={signature.seq}>
                    <td>{signature.seq}</td>
                    <td>{signatureLabel(signature.kind)}</td>
                    <th scope="row">
                      {signature.signer.tagName ?? signature.signer.username}
                      {signature.signer.positionName ? ` (${signature.signer.positionName})` : ''}
                    </th>
                    <td>{whenText(signature.signedAt)}</td>
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
            Download PDF
          </button>
        )}
        {/* Any signed report: a ban may follow from vandalism or abuse as well as from a "computer-use ban" report. */}
        {signed && inCharge(me) && (
          <AppLink slug={session.slug} screen="bans" item={report.id} navigate={navigate} className="button">
            Ban from computers…
          </AppLink>
        )}
        <button type="button" className="button quiet-button" onClick={() => window.print()}>
          Print this page
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

  const run = async (title: string, action: () => Promise<void>) => {
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
    run('The report was not countersigned', async () => {
      onChanged(await countersignReport(session, report.id, report.version), 'Countersigned.');
    });
  const acknowledge = () =>
    run('The report was not acknowledged', async () => {
      onChanged(await acknowledgeReport(session, report.id, report.version), 'Acknowledged for headquarters.');
    });
  const close = () =>
    run('The report was not closed', async () => {
      onChanged(await closeReport(session, report.id, report.version), 'Closed.');
    });
  const resend = () =>
    run('The failed mails were not queued again', async () => {
      const trail = await retryDeliveries(session, report.id);
      const waiting = trail.filter((d) => d.status === 'pending').length;
      onRequeued(waiting > 0 ? `${countText(waiting, 'mail', 'mails')} queued again.` : 'Nothing could be queued again: fix the roster first.');
    });
  const addNote = async () => {
    if (addendum.trim() === '') {
      setAddendumProblem('Write the addendum first.');
      return;
    }
    setAddendumProblem(undefined);
    const refused = await run('The addendum was not added', async () => {
      onChanged(await addAddendum(session, report.id, addendum, report.version), 'Addendum signed and added.');
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
      <h2 id="detail-actions">Next steps</h2>
      <div className="toolbar-actions">
        {actions.includes('countersign') && (
          <button type="button" className="button primary" aria-expanded={confirming === 'countersign'} onClick={() => setConfirming('countersign')}>
            Countersign…
          </button>
        )}
        {actions.includes('acknowledge') && (
          <button type="button" className="button primary" aria-expanded={confirming === 'acknowledge'} onClick={() => setConfirming('acknowledge')}>
            Acknowledge…
          </button>
        )}
        {actions.includes('close') && (
          <button type="button" className="button" aria-disabled={busy} onClick={() => void close()}>
            Close the report
          </button>
        )}
        {actions.includes('retry-deliveries') && failed > 0 && (
          <button type="button" className="button" aria-disabled={busy} onClick={() => void resend()}>
            Send failed mails again ({failed})
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm-box" role="group" aria-labelledby="action-confirm-text">
          <p id="action-confirm-text">
            {confirming === 'countersign'
              ? 'By countersigning you state, as the person in charge, that you have read this report. Your signature is added to its trail.'
              : 'By acknowledging you state that headquarters has received this report. Your signature is added to its trail.'}
          </p>
          <button
            ref={confirmButton}
            type="button"
            className="button primary"
            aria-disabled={busy}
            onClick={() => void (confirming === 'countersign' ? countersign() : acknowledge())}
          >
            {confirming === 'countersign' ? 'Yes, countersign' : 'Yes, acknowledge'}
          </button>{' '}
          <button type="button" className="button quiet-button" onClick={() => setConfirming(undefined)}>
            Not now
          </button>
        </div>
      )}
      {actions.includes('add-addendum') && (
        <div className="addendum-entry">
          <label htmlFor="addendum-text">Addendum: a correction or a later fact (signed with your name; the report stays as signed)</label>
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
            Sign and add the addendum
          </button>
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}

function DeliveryTrail({ deliveries }: { deliveries: readonly Delivery[] }) {
  return (
    <section aria-labelledby="detail-deliveries">
      <h2 id="detail-deliveries">Delivery</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Mail delivery of this report</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Tries</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row">
                  {delivery.recipient ?? delivery.positionName ?? delivery.position ?? ''}
                  {delivery.recipient && delivery.positionName ? ` (${delivery.positionName})` : ''}
                  {delivery.kind && delivery.kind !== 'report' ? ` — ${titleOfCode(delivery.kind)}` : ''}
                </th>
                <td className={delivery.status === 'failed' ? 'delivery-failed' : undefined}>
                  {titleOfCode(delivery.status)}
                  {delivery.lastError && delivery.status !== 'sent' ? `: ${delivery.lastError}` : ''}
                </td>
                <td>{delivery.attempts ?? ''}</td>
                <td>
                  {delivery.sentAt
                    ? `sent ${whenText(delivery.sentAt)}`
                    : delivery.nextAttemptAt
                      ? `next try ${whenText(delivery.nextAttemptAt)}`
                      : delivery.queuedAt
                        ? `queued ${whenText(delivery.queuedAt)}`
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
  if (problem) {
    return <ProblemNotice problem={problem} />;
  }
  if (!verification) {
    return <p className="quiet">Checking the signatures…</p>;
  }
  if (verification.intact) {
    return (
      <p className="verification intact">
        Verified: the signature chain is intact ({countText(verification.checked, 'signature', 'signatures')} checked).
      </p>
    );
  }
  const mismatch = verification.firstMismatch;
  return (
    <div className="problem verification broken" role="alert">
      <p className="problem-title">The signature chain does not hold</p>
      {mismatch && (
        <p>
          Signature {mismatch.seq}
          {mismatch.kind ? ` (${signatureLabel(mismatch.kind)}${mismatch.signer ? `, ${mismatch.signer}` : ''})` : ''}:{' '}
          {mismatch.explanation ?? mismatch.problem}
        </p>
      )}
    </div>
  );
}
