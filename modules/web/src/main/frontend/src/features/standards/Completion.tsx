/**
 * "Completion": how many training scenarios each staff member has done. Persons in charge see their own branch;
 * headquarters and tenant administrators choose a branch or see all of them (the server applies the same rule).
 */
import { useState } from 'react';
import { BranchPicker } from '../../shared/BranchPicker';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { seesAllBranches } from '../staffing/present';
import { loadCompletion } from './standards';

export function Completion() {
  const { t } = useI18n();
  const { session, me, branches } = usePage();
  const all = seesAllBranches(me);
  const [branch, setBranch] = useState<string | undefined>(undefined);
  const completion = useLoad((signal) => loadCompletion(session, all ? branch : undefined, signal), `completion:${branch ?? ''}`, {
    title: 'training.problem.completion',
  });
  const answer = useLastAnswer(completion);
  const branchName = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? code;

  return (
    <section aria-labelledby="completion-heading" className="completion">
      <h2 id="completion-heading">{t('training.completion.title')}</h2>
      <p className="quiet">{all ? t('training.completion.introAll') : t('training.completion.introOwn')}</p>
      {all && (
        <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('training.completion.filter')}>
          <BranchPicker
            id="completion-branch"
            label={t('field.branch')}
            branches={branches.data}
            value={branch ?? ''}
            onChange={(code) => setBranch(code || undefined)}
            allLabel={t('field.allBranches')}
          />
        </form>
      )}
      {completion.problem && <ProblemNotice problem={completion.problem} />}
      {!answer && !completion.problem && <p className="quiet">{t('training.loading')}</p>}
      {answer && (
        <DataTable
          className="completion-table"
          caption={t('training.completion.count', { count: answer.staff.length, scenarios: answer.scenarios })}
          updating={completion.loading}
          columns={[t('training.completion.staff'), t('field.branch'), t('training.completion.done')]}
        >
          {answer.staff.map((person) => (
            <tr key={person.staffId} className={person.done >= answer.scenarios ? 'complete' : undefined}>
              <th scope="row">{person.tagName}</th>
              <td>{branchName(person.branch)}</td>
              <td>{t('training.completion.doneOf', { done: person.done, total: answer.scenarios })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
