/**
 * One incident report: its answers, the call to headquarters, addenda, the signature trail with the chain's
 * verification, mail deliveries, the next steps and the PDF. Every answer and name is React text.
 */
import { useState, type ReactNode } from 'react';
import { AppLink } from '../../shared/AppLink';
import { inCharge } from '../bans/bans';
import { answerText, isReporter, questionOf, statusLabel, whenText } from './incidentForm';
import { downloadReportPdf, loadDeliveries, loadReport, loadVerification, type IncidentReport } from './incidents';
import { ReportActions } from './ReportActions';
import { DeliveryTrail, SignatureTrail, personText } from './ReportTrail';
import { usePage } from '../../shared/page';
import { useDownload } from '../../shared/useDownload';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

export function ReportDetail({ id, initial }: { id: string; initial?: IncidentReport }) {
  const { session, me, navigate } = usePage();
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
  const { busy, problem, status, setStatus, download } = useDownload(
    initial && initial.status !== 'draft' ? t('report.signedAndSubmitted') : '',
  );

  const pdf = () =>
    download({
      fetch: () => downloadReportPdf(session, id),
      fallbackName: `incident-report-${id}.pdf`,
      preparing: t('report.preparingPdf'),
      saved: (name) => t('report.downloaded', { name }),
      failure: 'problem.pdf',
    });

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
      <StatusNotice status={status} />
      {report.status === 'draft' && isReporter(report, me) && (
        <p>
          <AppLink slug={session.slug} screen="report" item={report.id} navigate={navigate}>
            {t('report.goOn')}
          </AppLink>
        </p>
      )}
      <dl className="facts">
        <Fact term={t('field.branch')}>{report.branchName ?? report.branch}</Fact>
        <Fact term={t('report.whenItHappened')}>{whenText(report.occurredAt, i18n)}</Fact>
        <Fact term={t('report.reportedBy')}>{personText(report.reporter, t)}</Fact>
        {report.submittedAt && <Fact term={t('report.signed')}>{whenText(report.submittedAt, i18n)}</Fact>}
        <Fact term={t('report.formVersion')}>{report.formVersion}</Fact>
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

      <SignatureTrail signatures={signatures} signed={signed} verification={verification} />

      {deliveries.data && deliveries.data.length > 0 && <DeliveryTrail deliveries={deliveries.data} />}

      <ReportActions
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

/** One fact about the report: what it is, then its value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
