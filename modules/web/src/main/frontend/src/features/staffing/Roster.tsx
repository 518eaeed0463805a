/** The name-tag roster: who works where, under the name on their tag; name tags and CSV for those who keep it. */
import { useState } from 'react';
import { BranchPicker } from '../../shared/BranchPicker';
import { employmentLabel, keepsRoster } from './present';
import { downloadNameTags, downloadStaffCsv, loadStaff } from './staffing';
import { usePage } from '../../shared/page';
import { saveFile } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export function RosterPage() {
  const { session, me, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const [branch, setBranch] = useState('');
  const staff = useLoad((signal) => loadStaff(session, branch || undefined, signal), `staff:${branch}`, {
    title: 'problem.roster',
  });
  const { busy, problem, submit } = useSubmit();
  const [status, setStatus] = useState('');
  const branchName = branches.data?.find((b) => b.code === branch)?.name ?? branch;

  const download = async (kind: 'pdf' | 'csv') => {
    if (busy) {
      return;
    }
    setStatus(kind === 'pdf' ? t('roster.preparingTags') : t('status.preparingCsv'));
    const refused = await submit(kind === 'pdf' ? 'problem.nameTags' : 'problem.rosterExport', async () => {
      const file = kind === 'pdf' ? await downloadNameTags(session, branch || undefined) : await downloadStaffCsv(session, branch || undefined);
      const name = saveFile(file, kind === 'pdf' ? `name-tags-${session.slug}.pdf` : `staff-${session.slug}.csv`);
      setStatus(kind === 'pdf' ? t('roster.tagsDownloaded', { name }) : t('roster.downloaded', { name }));
    });
    if (refused) {
      setStatus('');
    }
  };

  const people = staff.data;
  return (
    <>
      <Heading>{t('screen.roster')}</Heading>
      <p className="quiet">{t('roster.intro')}</p>
      <div className="toolbar">
        <BranchPicker id="roster-branch" label={t('field.branch')}
          branches={branches.data}
          value={branch}
          onChange={setBranch}
          allLabel={t('field.allBranches')}
        />
        {keepsRoster(me) && (
          <div className="toolbar-actions">
            <button type="button" className="button" aria-disabled={busy} onClick={() => void download('pdf')}>
              {t('roster.printTags')}
            </button>
            <button type="button" className="button" aria-disabled={busy} onClick={() => void download('csv')}>
              {t('roster.exportCsv')}
            </button>
          </div>
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="notice" aria-hidden="true">{status}</p>}
      {problem && <ProblemNotice problem={problem} />}
      {branches.problem && <ProblemNotice problem={branches.problem} />}
      {staff.problem && <ProblemNotice problem={staff.problem} />}
      {!people && !staff.problem && <p className="quiet">{t('roster.loading')}</p>}
      {people && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              {t('roster.caption', { branch: branch ? branchName : t('field.allBranches'), count: people.length })}
              {staff.loading ? t('status.updating') : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.tagName')}</th>
                <th scope="col">{t('roster.position')}</th>
                <th scope="col">{t('field.branch')}</th>
                <th scope="col">{t('roster.employment')}</th>
                <th scope="col">{t('roster.firstDay')}</th>
                <th scope="col">{t('roster.lastDay')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row" className="tag-name">
                    {person.tagName}
                  </th>
                  <td>{person.positionName}</td>
                  <td>{person.branchName}</td>
                  <td>{employmentLabel(person.employmentType, i18n)}</td>
                  <td>
                    {person.startsOn}
                    {!person.active ? t('roster.startsLater') : ''}
                  </td>
                  <td>{person.endsOn ?? <span className="quiet">{t('roster.noneSet')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
