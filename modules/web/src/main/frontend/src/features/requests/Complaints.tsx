/**
 * Complaints (/t/<slug>/complaints, one at /t/<slug>/complaints/<id>): the complaints the caller may see (persons in
 * charge their branch; headquarters and tenant administrators any), with their state, when they are due and whether
 * overdue, and when the director was told and opened each one.
 */
import { useState } from 'react';
import { ComplaintDetail } from './ComplaintDetail';
import { NotForYourRole } from '../policies/parts';
import {
  COMPLAINT_STATES,
  branchName,
  complaintStateLabel,
  everyBranch,
  loadComplaints,
  overdueText,
  worksMatters,
} from './requests';
import { ListFilters, When } from './parts';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { ChoiceFilter, OnlyFilter } from '../../shared/filters';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export function ComplaintsPage({ item }: { item?: string }) {
  const { me } = usePage();
  if (!worksMatters(me)) {
    return <NotForYourRole title="complaints.title" />;
  }
  return item ? <ComplaintDetail id={item} /> : <ComplaintList />;
}

function ComplaintList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches, navigate } = usePage();
  const [filter, setFilter] = useState<{ branch?: string; state?: string; overdue?: true }>({});
  const query = { branch: filter.branch, state: filter.state, overdue: filter.overdue ? 'true' : undefined };
  const loaded = useLoad((signal) => loadComplaints(session, query, signal), `complaints:${JSON.stringify(query)}`, {
    title: 'complaints.problem.list',
  });
  const rows = useLastAnswer(loaded);
  return (
    <>
      <Heading>{t('complaints.title')}</Heading>
      <p className="quiet">{everyBranch(me) ? t('complaints.introAll') : t('complaints.introOwn', { branch: me.branchName })}</p>
      <ListFilters id="complaints" label={t('complaints.filter')} branch={filter.branch} onBranch={(branch) => setFilter({ ...filter, branch })}>
        <ChoiceFilter
          id="complaints-state"
          label={t('complaints.state')}
          anyLabel={t('complaints.anyState')}
          value={filter.state}
          choices={COMPLAINT_STATES.map((code) => ({ code, label: complaintStateLabel(code, i18n) }))}
          onChange={(state) => setFilter({ ...filter, state })}
        />
        <OnlyFilter checked={filter.overdue} onChange={(overdue) => setFilter({ ...filter, overdue })}>
          {t('complaints.overdueOnly')}
        </OnlyFilter>
      </ListFilters>
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!rows && !loaded.problem && <p className="quiet">{t('complaints.loading')}</p>}
      {rows && (
        <DataTable
          className="complaint-table"
          caption={t('complaints.count', { count: rows.length })}
          updating={loaded.loading}
          columns={[
            t('complaints.reference'),
            t('field.branch'),
            t('complaints.policy'),
            t('complaints.state'),
            t('complaints.received'),
            t('complaints.due'),
            t('complaints.directorTold'),
            t('complaints.directorOpened'),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <AppLink slug={session.slug} screen="complaints" item={row.id} navigate={navigate}>
                  {row.reference}
                </AppLink>
              </th>
              <td>{branchName(row.branch, branches.data)}</td>
              <td>{row.policy?.title ?? t('complaints.noPolicy')}</td>
              <td>{complaintStateLabel(row.state, i18n)}</td>
              <td>
                <When at={row.receivedAt} />
              </td>
              <td>
                <When at={row.dueAt} />
                {row.overdue && <strong className="overdue"> {overdueText(true, i18n)}</strong>}
              </td>
              <td>{row.directorToldAt ? <When at={row.directorToldAt} /> : t('complaints.notYet')}</td>
              <td>{row.directorOpenedAt ? <When at={row.directorOpenedAt} /> : t('complaints.notYet')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
