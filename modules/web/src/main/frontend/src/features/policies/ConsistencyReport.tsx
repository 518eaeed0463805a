/**
 * The consistency report (headquarters, tenant administrators; /t/<slug>/policy-report): exceptions on record over a
 * date range, per policy and month, per branch and per staff member. Branches and people far from the median are
 * flagged in words, and a policy that collects many exceptions is marked a candidate for change.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { dateText } from '../bans/bans';
import { flagText, loadConsistency, monthText, monthsBefore, readsConsistency, todayIn, type Consistency } from './policies';
import { Field, SubmitButton } from '../../shared/fields';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';
import { NotForYourRole } from './parts';

/** The report starts with the current month and the five before it. */
const MONTHS_SHOWN = 5;

export function PolicyReportPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me } = usePage();
  const today = todayIn(i18n.timeZone);
  const [typed, setTyped] = useState({ from: monthsBefore(today, MONTHS_SHOWN), to: today });
  const [range, setRange] = useState(typed);
  const allowed = readsConsistency(me);
  const loaded = useLoad((signal) => loadConsistency(session, range, signal), `consistency:${range.from}:${range.to}`, {
    title: 'exceptions.problem.report',
    wait: !allowed,
  });
  const report = useLastAnswer(loaded);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setRange(typed);
  };

  if (!allowed) {
    return <NotForYourRole title="policies.screen.report" />;
  }
  return (
    <>
      <Heading>{t('policies.screen.report')}</Heading>
      <p className="quiet">{t('exceptions.reportIntro')}</p>
      <form className="toolbar filters" onSubmit={show} aria-label={t('exceptions.range')}>
        <Field id="consistency-from" label={t('policies.from')}>
          {(ids) => <input {...ids} type="date" value={typed.from} onChange={(event) => setTyped({ ...typed, from: event.target.value })} />}
        </Field>
        <Field id="consistency-to" label={t('policies.to')}>
          {(ids) => <input {...ids} type="date" value={typed.to} onChange={(event) => setTyped({ ...typed, to: event.target.value })} />}
        </Field>
        <div className="toolbar-actions">
          <SubmitButton busy={loaded.loading} primary={false}>
            {t('exceptions.show')}
          </SubmitButton>
        </div>
      </form>
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!report && !loaded.problem && <p className="quiet">{t('exceptions.loading')}</p>}
      {report && <Tables report={report} updating={loaded.loading} />}
    </>
  );
}

function Tables({ report, updating }: { report: Consistency; updating: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { branches } = usePage();
  const branchName = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? code;
  return (
    <div className="consistency">
      <p role="status" aria-live="polite">
        {t('exceptions.between', { from: dateText(report.from, i18n), to: dateText(report.to, i18n) })}{' '}
        {t('exceptions.medians', { branch: report.medians.branch, staff: report.medians.staff })}
      </p>
      {report.policies.length === 0 && <p className="notice">{t('exceptions.none')}</p>}
      <ReportSection
        id="per-policy"
        title={t('exceptions.perPolicy')}
        updating={updating}
        columns={[t('policies.field.title'), ...report.months.map((month) => monthText(month, i18n)), t('exceptions.total'), t('exceptions.candidate')]}
      >
        {report.policies.map((policy) => (
          <tr key={policy.key} className={policy.candidateForChange ? 'candidate' : undefined}>
            <th scope="row">{policy.title}</th>
            {policy.perMonth.map((n, index) => (
              <td key={index}>{n}</td>
            ))}
            <td>{policy.count}</td>
            <td>{policy.candidateForChange ? <strong>{t('exceptions.candidateYes')}</strong> : ''}</td>
          </tr>
        ))}
      </ReportSection>
      <ReportSection
        id="per-branch"
        title={t('exceptions.perBranch')}
        updating={updating}
        columns={[t('field.branch'), t('exceptions.total'), t('exceptions.againstMedian', { median: report.medians.branch })]}
      >
        {report.branches.map((branch) => (
          <FlaggedRow key={branch.code} name={branch.name} count={branch.count} flag={branch.flag} />
        ))}
      </ReportSection>
      <ReportSection
        id="per-staff"
        title={t('exceptions.perStaff')}
        updating={updating}
        columns={[t('exceptions.staffMember'), t('field.branch'), t('exceptions.total'), t('exceptions.againstMedian', { median: report.medians.staff })]}
      >
        {report.staff.map((person) => (
          <FlaggedRow key={person.staffId} name={person.tagName} branch={branchName(person.branch)} count={person.count} flag={person.flag} />
        ))}
      </ReportSection>
    </div>
  );
}

/** One of the report's three tables under its heading (the heading names the table). */
function ReportSection(props: { id: string; title: string; updating: boolean; columns: string[]; children: ReactNode }) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <DataTable className={`consistency-${props.id}`} caption={props.title} hiddenCaption updating={props.updating} columns={props.columns}>
        {props.children}
      </DataTable>
    </section>
  );
}

/** A branch or a person: their count and, in words (stressed when flagged), where it stands against the median. */
function FlaggedRow(props: { name: string; branch?: string; count: number; flag?: string | null }) {
  const i18n = useI18n();
  const words = flagText(props.flag, i18n);
  return (
    <tr className={props.flag ? `flag-${props.flag}` : undefined}>
      <th scope="row">{props.name}</th>
      {props.branch !== undefined && <td>{props.branch}</td>}
      <td>{props.count}</td>
      <td>{props.flag ? <strong>{words}</strong> : words}</td>
    </tr>
  );
}
