/**
 * The consistency report (headquarters, tenant administrators; /t/<slug>/policy-report): exceptions on record over a
 * date range, per policy and month, per branch and per staff member. Branches and people far from the median are
 * flagged in words, and a policy that collects many exceptions is marked a candidate for change.
 */
import { useState, type FormEvent } from 'react';
import { dateText } from '../bans/bans';
import { flagText, loadConsistency, monthText, monthsBefore, readsConsistency, todayIn, type Consistency } from './policies';
import { Field, SubmitButton } from '../../shared/fields';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

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
    return (
      <>
        <Heading>{t('policies.screen.report')}</Heading>
        <p className="notice">{t('policies.notForYou')}</p>
      </>
    );
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
      <section aria-labelledby="per-policy-heading">
        <h2 id="per-policy-heading">{t('exceptions.perPolicy')}</h2>
        <DataTable
          className="consistency-policies"
          caption={t('exceptions.perPolicy')}
          hiddenCaption
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
        </DataTable>
      </section>
      <section aria-labelledby="per-branch-heading">
        <h2 id="per-branch-heading">{t('exceptions.perBranch')}</h2>
        <DataTable
          className="consistency-branches"
          caption={t('exceptions.perBranch')}
          hiddenCaption
          updating={updating}
          columns={[t('field.branch'), t('exceptions.total'), t('exceptions.againstMedian', { median: report.medians.branch })]}
        >
          {report.branches.map((branch) => (
            <tr key={branch.code} className={branch.flag ? `flag-${branch.flag}` : undefined}>
              <th scope="row">{branch.name}</th>
              <td>{branch.count}</td>
              <td>{branch.flag ? <strong>{flagText(branch.flag, i18n)}</strong> : flagText(branch.flag, i18n)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="per-staff-heading">
        <h2 id="per-staff-heading">{t('exceptions.perStaff')}</h2>
        <DataTable
          className="consistency-staff"
          caption={t('exceptions.perStaff')}
          hiddenCaption
          updating={updating}
          columns={[t('exceptions.staffMember'), t('field.branch'), t('exceptions.total'), t('exceptions.againstMedian', { median: report.medians.staff })]}
        >
          {report.staff.map((person) => (
            <tr key={person.staffId} className={person.flag ? `flag-${person.flag}` : undefined}>
              <th scope="row">{person.tagName}</th>
              <td>{branchName(person.branch)}</td>
              <td>{person.count}</td>
              <td>{person.flag ? <strong>{flagText(person.flag, i18n)}</strong> : flagText(person.flag, i18n)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
