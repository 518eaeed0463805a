/** The name-tag roster: who works where, under the name on their tag; name tags and CSV for those who keep it. */
import { useState } from 'react';
import { BranchPicker } from '../../shared/BranchPicker';
import { employmentLabel, keepsRoster } from './present';
import { downloadNameTags, downloadStaffCsv, loadStaff } from './staffing';
import { usePage } from '../../shared/page';
import { DataTable } from '../../shared/DataTable';
import { useDownload } from '../../shared/useDownload';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import { RosterRowActions, RosterTaskPanel, RosterTasks, type RosterTask } from './RosterEdit';
import type { StaffEntry } from './planning';

export function RosterPage() {
  const { session, me, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const [branch, setBranch] = useState('');
  const staff = useLoad((signal) => loadStaff(session, branch || undefined, signal), `staff:${branch}`, {
    title: 'problem.roster',
  });
  const { busy, problem, status, download } = useDownload();
  const branchName = branches.data?.find((b) => b.code === branch)?.name ?? branch;
  const [task, setTask] = useState<RosterTask | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const done = (said?: string) => {
    setTask(undefined);
    setSaved(said ?? '');
    if (said) {
      staff.reload();
    }
  };

  const save = (kind: 'pdf' | 'csv') =>
    download({
      fetch: () => (kind === 'pdf' ? downloadNameTags(session, branch || undefined) : downloadStaffCsv(session, branch || undefined)),
      fallbackName: kind === 'pdf' ? `name-tags-${session.slug}.pdf` : `staff-${session.slug}.csv`,
      preparing: kind === 'pdf' ? t('roster.preparingTags') : t('status.preparingCsv'),
      saved: (name) => (kind === 'pdf' ? t('roster.tagsDownloaded', { name }) : t('roster.downloaded', { name })),
      failure: kind === 'pdf' ? 'problem.nameTags' : 'problem.rosterExport',
    });

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
            <button type="button" className="button" aria-disabled={busy} onClick={() => void save('pdf')}>
              {t('roster.printTags')}
            </button>
            <button type="button" className="button" aria-disabled={busy} onClick={() => void save('csv')}>
              {t('roster.exportCsv')}
            </button>
          </div>
        )}
        {keepsRoster(me) && <RosterTasks onTask={setTask} />}
      </div>
      <RosterTaskPanel task={task} branch={branch || me.branch} people={(people ?? []) as StaffEntry[]} onDone={done} />
      <StatusNotice status={saved || status} />
      {problem && <ProblemNotice problem={problem} />}
      {branches.problem && <ProblemNotice problem={branches.problem} />}
      {staff.problem && <ProblemNotice problem={staff.problem} />}
      {!people && !staff.problem && <p className="quiet">{t('roster.loading')}</p>}
      {people && (
        <DataTable
          caption={t('roster.caption', { branch: branch ? branchName : t('field.allBranches'), count: people.length })}
          updating={staff.loading}
          columns={[
            t('roster.tagName'),
            t('roster.position'),
            t('field.branch'),
            t('roster.employment'),
            t('roster.firstDay'),
            t('roster.lastDay'),
            ...(keepsRoster(me) ? [t('roster.edit.actions')] : []),
          ]}
        >
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
              {keepsRoster(me) && (
                <td>
                  <RosterRowActions entry={person as StaffEntry} onTask={setTask} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
