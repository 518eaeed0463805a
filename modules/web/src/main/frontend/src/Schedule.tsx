/**
 * A branch's week at its desks: open hours, who is on duty, and the gaps, each said in words (never by
 * colour alone). Headquarters roles also see every branch's coverage for the next 15 days.
 */
import { useState } from 'react';
import type { Me } from './api';
import { BranchPicker, startingBranch } from './BranchPicker';
import {
  countText,
  deskDays,
  deskName,
  dutyText,
  groupCoverageByBranch,
  issueKindLabel,
  issueText,
  seesAllBranches,
  span,
  type DeskDayCell,
} from './present';
import { loadCoverage, loadSchedule, type Branch, type CoverageIssue, type DeskWeek, type Session, type WeekSchedule } from './staffing';
import { useLoad, type Loaded } from './useLoad';
import { Heading, ProblemNotice } from './views';
import { addWeeks, longDay, shortDay, weekTitle } from './week';

export const COVERAGE_DAYS = 15;

export function SchedulePage({ session, me, branches }: { session: Session; me: Me; branches: Loaded<Branch[]> }) {
  const [chosenBranch, setChosenBranch] = useState<string | undefined>(undefined);
  /** undefined: this week, as the library system's clock says (the server decides). */
  const [week, setWeek] = useState<string | undefined>(undefined);
  const branch = chosenBranch ?? startingBranch(me, branches.data);
  const schedule = useLoad(
    (signal) => loadSchedule(session, { branch, week }, signal),
    `schedule:${branch ?? ''}:${week ?? 'now'}`,
    { title: 'The schedule could not be loaded', wait: branch === undefined && !branches.problem && !branches.data },
  );
  const data = schedule.data;
  const shownWeek = data?.week ?? week;

  const go = (weeks: number) => {
    if (shownWeek) {
      setWeek(addWeeks(shownWeek, weeks));
    }
  };

  return (
    <>
      <Heading>Schedule</Heading>
      <div className="toolbar">
        <BranchPicker id="schedule-branch" label="Branch" branches={branches.data} value={branch ?? ''} onChange={setChosenBranch} />
        <div className="toolbar-actions" role="group" aria-label="Week">
          <button type="button" className="button" aria-disabled={!shownWeek} onClick={() => go(-1)}>
            <span aria-hidden="true">← </span>Previous week
          </button>
          <button type="button" className="button" onClick={() => setWeek(undefined)}>
            This week
          </button>
          <button type="button" className="button" aria-disabled={!shownWeek} onClick={() => go(1)}>
            Next week<span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      {branches.problem && <ProblemNotice problem={branches.problem} />}
      {schedule.problem && <ProblemNotice problem={schedule.problem} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {data && !schedule.loading ? weekSummary(data) : ''}
      </p>
      {!data && !schedule.problem && <p className="quiet">Loading the schedule…</p>}
      {data && <Week data={data} updating={schedule.loading} />}
      {seesAllBranches(me) && <AllBranches session={session} branches={branches.data ?? []} />}
    </>
  );
}

function weekSummary(data: WeekSchedule): string {
  const gaps = data.gaps.filter((g) => g.kind === 'GAP').length;
  const warnings = data.gaps.length - gaps;
  return `${data.branchName}, ${weekTitle(data.week)}: ${countText(gaps, 'gap', 'gaps')}, ${countText(
    warnings,
    'stretch',
    'stretches',
  )} with only volunteers or pages.`;
}

function Week({ data, updating }: { data: WeekSchedule; updating: boolean }) {
  const gaps = data.gaps.filter((g) => g.kind === 'GAP').length;
  const warnings = data.gaps.length - gaps;
  return (
    <section aria-labelledby="week-heading" className="week" aria-busy={updating}>
      <h2 id="week-heading">
        {data.branchName} — {weekTitle(data.week)}
      </h2>
      <p className={gaps > 0 ? 'week-summary has-gaps' : 'week-summary'}>
        {gaps === 0 && warnings === 0
          ? 'Every open hour of this week has staff on duty.'
          : `This week: ${countText(gaps, 'gap', 'gaps')} with nobody on duty, ${countText(
              warnings,
              'stretch',
              'stretches',
            )} with only volunteers or pages.`}
        {updating ? ' Updating…' : ''}
      </p>
      {data.desks.length === 0 && <p className="quiet">This branch has no desks.</p>}
      {data.desks.map((desk) => (
        <DeskGrid key={desk.servicePoint} desk={desk} cells={deskDays(desk, data.gaps, data.branch)} />
      ))}
    </section>
  );
}

function DeskGrid({ desk, cells }: { desk: DeskWeek; cells: DeskDayCell[] }) {
  const headingId = `desk-${desk.servicePoint}`;
  return (
    <div className="desk">
      <h3 id={headingId}>{desk.name}</h3>
      <div className="table-scroll">
        <table className="desk-grid" aria-labelledby={headingId}>
          <thead>
            <tr>
              <td />
              {cells.map((cell) => (
                <th key={cell.date} scope="col">
                  <span aria-hidden="true">{shortDay(cell.date)}</span>
                  <span className="visually-hidden">{longDay(cell.date)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Open</th>
              {cells.map((cell) => (
                <td key={cell.date}>{openText(cell)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">On duty</th>
              {cells.map((cell) => (
                <td key={cell.date}>
                  {cell.duties.length > 0 ? (
                    <ul className="cell-list">
                      {cell.duties.map((duty) => (
                        <li key={`${duty.shiftId}-${duty.date}`} className="duty">
                          {dutyText(duty)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="quiet">{cell.open.length > 0 ? 'Nobody' : '–'}</span>
                  )}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Coverage</th>
              {cells.map((cell) => (
                <td key={cell.date}>
                  {cell.gaps.length + cell.warnings.length > 0 ? (
                    <ul className="cell-list">
                      {cell.gaps.map((gap) => (
                        <li key={`gap-${gap.from}`} className="issue gap">
                          {issueText(gap)}
                        </li>
                      ))}
                      {cell.warnings.map((warning) => (
                        <li key={`warning-${warning.from}`} className="issue warning">
                          Warning: {issueText(warning).toLowerCase()}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="quiet">{cell.open.length > 0 ? 'Covered' : '–'}</span>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

function openText(cell: DeskDayCell): string {
  const hours = cell.open.map((period) => span(period)).join(', ');
  if (cell.closure) {
    return hours ? `Short day (${cell.closure}): ${hours}` : `Closed: ${cell.closure}`;
  }
  return hours || 'Closed';
}

/** Headquarters' view: every branch's gaps and warnings for today and the next 14 days. */
function AllBranches({ session, branches }: { session: Session; branches: readonly Branch[] }) {
  const coverage = useLoad((signal) => loadCoverage(session, { days: COVERAGE_DAYS }, signal), 'coverage:all', {
    title: 'Coverage could not be loaded',
  });
  const groups = coverage.data ? groupCoverageByBranch(coverage.data, branches) : undefined;
  return (
    <section aria-labelledby="all-branches-heading" className="all-branches">
      <h2 id="all-branches-heading">
        All branches: coverage today and the next {COVERAGE_DAYS - 1} days
      </h2>
      {coverage.problem && <ProblemNotice problem={coverage.problem} />}
      {!groups && !coverage.problem && <p className="quiet">Loading coverage…</p>}
      {groups?.map((group) => (
        <div key={group.branch} className="branch-coverage">
          <h3>{group.branchName}</h3>
          {group.issues.length === 0 ? (
            <p className="quiet">No gaps.</p>
          ) : (
            <>
              <p>
                {countText(group.gaps, 'gap', 'gaps')}, {countText(group.warnings, 'stretch', 'stretches')} with only volunteers or
                pages.
              </p>
              <ul className="issue-list">
                {group.issues.map((issue, index) => (
                  <li key={index} className={issue.kind === 'GAP' ? 'issue gap' : 'issue warning'}>
                    {coverageLine(issue, branches)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

function coverageLine(issue: CoverageIssue, branches: readonly Branch[]): string {
  const kind = issue.kind === 'GAP' ? issueKindLabel(issue.kind) : `Warning: ${issueKindLabel(issue.kind).toLowerCase()}`;
  return `${kind} — ${longDay(issue.date)}, ${span(issue.from, issue.to)}, ${deskName(branches, issue.branch, issue.servicePoint)}`;
}
