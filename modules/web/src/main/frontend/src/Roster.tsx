/** The name-tag roster: who works where, under the name on their tag; name tags and CSV for those who keep it. */
import { useState } from 'react';
import { asProblem, type ApiError, type Me } from './api';
import { BranchPicker } from './BranchPicker';
import { countText, employmentLabel, keepsRoster } from './present';
import { downloadNameTags, downloadStaffCsv, loadStaff, saveFile, type Branch, type Session } from './staffing';
import { useLoad, type Loaded } from './useLoad';
import { Heading, ProblemNotice } from './views';

export function RosterPage({ session, me, branches }: { session: Session; me: Me; branches: Loaded<Branch[]> }) {
  const [branch, setBranch] = useState('');
  const staff = useLoad((signal) => loadStaff(session, branch || undefined, signal), `staff:${branch}`, {
    title: 'The roster could not be loaded',
  });
  const [busy, setBusy] = useState<'pdf' | 'csv' | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const branchName = branches.data?.find((b) => b.code === branch)?.name ?? branch;

  const download = async (kind: 'pdf' | 'csv') => {
    if (busy) {
      return;
    }
    setBusy(kind);
    setProblem(undefined);
    setStatus(kind === 'pdf' ? 'Preparing the name tags…' : 'Preparing the CSV file…');
    try {
      const file = kind === 'pdf' ? await downloadNameTags(session, branch || undefined) : await downloadStaffCsv(session, branch || undefined);
      const name = saveFile(file, kind === 'pdf' ? `name-tags-${session.slug}.pdf` : `staff-${session.slug}.csv`);
      setStatus(kind === 'pdf' ? `Name tags downloaded: ${name}. Open it to print.` : `Roster downloaded: ${name}.`);
    } catch (error) {
      setStatus('');
      setProblem(asProblem(error, kind === 'pdf' ? 'The name tags could not be made' : 'The roster could not be exported'));
    } finally {
      setBusy(undefined);
    }
  };

  const people = staff.data;
  return (
    <>
      <Heading>Roster</Heading>
      <p className="quiet">Everyone on the roster today or starting later, under the name on their name tag.</p>
      <div className="toolbar">
        <BranchPicker id="roster-branch" label="Branch" branches={branches.data} value={branch} onChange={setBranch} allLabel="All branches" />
        {keepsRoster(me) && (
          <div className="toolbar-actions">
            <button type="button" className="button" aria-disabled={busy !== undefined} onClick={() => void download('pdf')}>
              Print name tags
            </button>
            <button type="button" className="button" aria-disabled={busy !== undefined} onClick={() => void download('csv')}>
              Export CSV
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
      {!people && !staff.problem && <p className="quiet">Loading the roster…</p>}
      {people && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              {branch ? branchName : 'All branches'}: {countText(people.length, 'person', 'people')}
              {staff.loading ? ' (updating…)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tag name</th>
                <th scope="col">Position</th>
                <th scope="col">Branch</th>
                <th scope="col">Employment</th>
                <th scope="col">First day</th>
                <th scope="col">Last day</th>
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
                  <td>{employmentLabel(person.employmentType)}</td>
                  <td>
                    {person.startsOn}
                    {!person.active ? ' (starts later)' : ''}
                  </td>
                  <td>{person.endsOn ?? <span className="quiet">none set</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
