/**
 * Requests to reconsider a library item (/t/<slug>/reconsiderations, one at /t/<slug>/reconsiderations/<id>): the item,
 * the state of its review and the step now due, filtered by state and branch.
 */
import { useState } from 'react';
import { ReconsiderationDetail } from './ReconsiderationDetail';
import { RECONSIDERATION_STATES, branchName, formatLabel, loadReconsiderations, overdueText, reconsiderationStateLabel, stepLabel, worksMatters } from './requests';
import { ListFilters, When } from './parts';
import { NotForYourRole } from '../policies/parts';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { ChoiceFilter } from '../../shared/filters';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export function ReconsiderationsPage({ item }: { item?: string }) {
  const { me } = usePage();
  if (!worksMatters(me)) {
    return <NotForYourRole title="reconsideration.title" />;
  }
  return item ? <ReconsiderationDetail id={item} /> : <ReconsiderationList />;
}

function ReconsiderationList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, branches, navigate } = usePage();
  const [filter, setFilter] = useState<{ branch?: string; state?: string }>({});
  const loaded = useLoad((signal) => loadReconsiderations(session, filter, signal), `reconsiderations:${JSON.stringify(filter)}`, {
    title: 'reconsideration.problem.list',
  });
  const rows = useLastAnswer(loaded);
  return (
    <>
      <Heading>{t('reconsideration.title')}</Heading>
      <p className="quiet">{t('reconsideration.intro')}</p>
      <ListFilters id="reconsiderations" label={t('reconsideration.filter')} branch={filter.branch} onBranch={(branch) => setFilter({ ...filter, branch })}>
        <ChoiceFilter
          id="reconsiderations-state"
          label={t('reconsideration.state')}
          anyLabel={t('reconsideration.anyState')}
          value={filter.state}
          choices={RECONSIDERATION_STATES.map((code) => ({ code, label: reconsiderationStateLabel(code, i18n) }))}
          onChange={(state) => setFilter({ ...filter, state })}
        />
      </ListFilters>
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!rows && !loaded.problem && <p className="quiet">{t('reconsideration.loading')}</p>}
      {rows && (
        <DataTable
          className="reconsideration-table"
          caption={t('reconsideration.count', { count: rows.length })}
          updating={loaded.loading}
          columns={[t('reconsideration.reference'), t('reconsideration.item'), t('field.branch'), t('reconsideration.state'), t('reconsideration.received'), t('reconsideration.currentStep')]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <AppLink slug={session.slug} screen="reconsiderations" item={row.id} navigate={navigate}>
                  {row.reference}
                </AppLink>
              </th>
              <td>{t('reconsideration.itemLine', { title: row.item.title, author: row.item.author ?? '—', format: formatLabel(row.item.format, i18n) })}</td>
              <td>{branchName(row.branch, branches.data)}</td>
              <td>{reconsiderationStateLabel(row.state, i18n)}</td>
              <td>
                <When at={row.receivedAt} />
              </td>
              <td>
                {row.currentStep ? (
                  <>
                    {t('reconsideration.stepDue', { step: stepLabel(row.currentStep.step, i18n) })} <When at={row.currentStep.dueAt} />
                    {row.currentStep.overdue && <strong className="overdue"> {overdueText(true, i18n)}</strong>}
                  </>
                ) : (
                  t('reconsideration.noStep')
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
