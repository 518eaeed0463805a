/**
 * Who has not acknowledged which policy (/t/<slug>/policy-acknowledgements): persons in charge see their own branch,
 * headquarters and tenant administrators any branch or all of them.
 */
import { useState } from 'react';
import { loadAcknowledgements, readsAcknowledgements, readsConsistency } from './policies';
import { BranchPicker } from '../../shared/BranchPicker';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';
import { NotForYourRole } from './parts';

export function PolicyAcknowledgementsPage() {
  const { t } = useI18n();
  const { session, me, branches } = usePage();
  const allowed = readsAcknowledgements(me);
  const everyBranch = readsConsistency(me);
  const [branch, setBranch] = useState('');
  const loaded = useLoad((signal) => loadAcknowledgements(session, branch || undefined, signal), `acknowledgements:${branch}`, {
    title: 'policies.problem.acknowledgements',
    wait: !allowed,
  });
  const rows = useLastAnswer(loaded);
  const branchName = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? code;
  if (!allowed) {
    return <NotForYourRole title="policies.screen.acknowledgements" />;
  }
  return (
    <>
      <Heading>{t('policies.screen.acknowledgements')}</Heading>
      <p className="quiet">{everyBranch ? t('policies.ack.introAll') : t('policies.ack.introOwn', { branch: me.branchName })}</p>
      {everyBranch && (
        <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('policies.ack.filter')}>
          <BranchPicker
            id="acknowledgements-branch"
            label={t('field.branch')}
            branches={branches.data}
            value={branch}
            onChange={setBranch}
            allLabel={t('field.allBranches')}
          />
        </form>
      )}
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!rows && !loaded.problem && <p className="quiet">{t('policies.loading')}</p>}
      {rows && (
        <DataTable
          className="acknowledgement-table"
          caption={t('policies.count', { count: rows.length })}
          updating={loaded.loading}
          columns={[t('policies.field.title'), t('policies.version'), t('policies.ack.acknowledged'), t('policies.ack.outstanding')]}
        >
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.title}</th>
              <td>{row.version}</td>
              <td>{row.acknowledged}</td>
              <td>
                {row.outstanding.length === 0 ? (
                  t('policies.ack.everyone')
                ) : (
                  <ul className="cell-list">
                    {row.outstanding.map((person) => (
                      <li key={person.staffId}>
                        {t('policies.ack.person', { name: person.tagName, position: person.position, branch: branchName(person.branch) })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
