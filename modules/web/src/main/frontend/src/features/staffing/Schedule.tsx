/**
 * A branch's week at its desks: open hours, who is on duty, and the gaps, each said in words (never by
 * colour alone). Headquarters roles also see every branch's coverage for the next 15 days.
 */
import type { ReactNode } from 'react';
import { useBranchWeek, WeekToolbar } from './BranchWeek';
import {
  deskDays,
  deskName,
  dutyText,
  groupCoverageByBranch,
  issueKindLabel,
  issueText,
  seesAllBranches,
  warningText,
  span,
  type DeskDayCell,
} from './present';
import { loadCoverage, type CoverageIssue, type DeskWeek, type WeekSchedule } from './staffing';
import { usePage } from '../../shared/page';
import { type Branch, type Session } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';
import { longDay, shortDay, weekTitle } from './week';

export const COVERAGE_DAYS = 15;

export function SchedulePage() {
  const { session, me, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const shown = useBranchWeek('schedule');
  const { schedule } = shown;
  const data = schedule.data;

  return (
    <>
      <Heading>{t('screen.schedule')}</Heading>
      <WeekToolbar id="schedule-branch" shown={shown} branches={branches.data} />
      {branches.problem && <ProblemNotice problem={branches.problem} />}
      {schedule.problem && <ProblemNotice problem={schedule.problem} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {data && !schedule.loading ? weekSummary(data, i18n) : ''}
      </p>
      {!data && !schedule.problem && <p className="quiet">{t('schedule.loading')}</p>}
      {data && <Week data={data} updating={schedule.loading} />}
      {seesAllBranches(me) && <AllBranches session={session} branches={branches.data ?? []} />}
    </>
  );
}

function weekSummary(data: WeekSchedule, i18n: I18n): string {
  const gaps = data.gaps.filter((g) => g.kind === 'GAP').length;
  const warnings = data.gaps.length - gaps;
  return i18n.t('schedule.summary', { branch: data.branchName, week: weekTitle(data.week, i18n), gaps, warnings });
}

function Week({ data, updating }: { data: WeekSchedule; updating: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const gaps = data.gaps.filter((g) => g.kind === 'GAP').length;
  const warnings = data.gaps.length - gaps;
  return (
    <section aria-labelledby="week-heading" className="week" aria-busy={updating}>
      <h2 id="week-heading">
        {t('schedule.heading', { branch: data.branchName, week: weekTitle(data.week, i18n) })}
      </h2>
      <p className={gaps > 0 ? 'week-summary has-gaps' : 'week-summary'}>
        {gaps === 0 && warnings === 0 ? t('schedule.allCovered') : t('schedule.thisWeek', { gaps, warnings })}
        {updating ? t('schedule.updating') : ''}
      </p>
      {data.desks.length === 0 && <p className="quiet">{t('schedule.noDesks')}</p>}
      {data.desks.map((desk) => (
        <DeskGrid key={desk.servicePoint} desk={desk} cells={deskDays(desk, data.gaps, data.branch)} />
      ))}
    </section>
  );
}

function DeskGrid({ desk, cells }: { desk: DeskWeek; cells: DeskDayCell[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = `desk-${desk.servicePoint}`;
  return (
    <div className="desk">
      <h3 id={headingId}>{desk.mobile ? t('model.mobileDesk', { name: desk.name }) : desk.name}</h3>
      <div className="table-scroll">
        <table className="desk-grid" aria-labelledby={headingId}>
          <thead>
            <tr>
              <td />
              {cells.map((cell) => (
                <th key={cell.date} scope="col">
                  <span aria-hidden="true">{shortDay(cell.date, i18n)}</span>
                  <span className="visually-hidden">{longDay(cell.date, i18n)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <DayRow title={t('schedule.open')} cells={cells} show={(cell) => openText(cell, i18n)} />
            <DayRow
              title={t('schedule.onDuty')}
              cells={cells}
              show={(cell) => (
                <CellList
                  items={cell.duties.map((duty) => ({ key: `${duty.shiftId}-${duty.date}`, className: 'duty', text: dutyText(duty, i18n) }))}
                  none={cell.open.length > 0 ? t('schedule.nobody') : '–'}
                />
              )}
            />
            <DayRow
              title={t('schedule.coverage')}
              cells={cells}
              show={(cell) => (
                <CellList
                  items={[
                    ...cell.gaps.map((gap) => ({ key: `gap-${gap.from}`, className: 'issue gap', text: issueText(gap, i18n) })),
                    ...cell.warnings.map((warning) => ({ key: `warning-${warning.from}`, className: 'issue warning', text: warningText(warning, i18n) })),
                  ]}
                  none={cell.open.length > 0 ? t('schedule.covered') : '–'}
                />
              )}
            />
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A row of the desk grid: what it shows, then that for each day of the week. */
function DayRow({ title, cells, show }: { title: string; cells: DeskDayCell[]; show: (cell: DeskDayCell) => ReactNode }) {
  return (
    <tr>
      <th scope="row">{title}</th>
      {cells.map((cell) => (
        <td key={cell.date}>{show(cell)}</td>
      ))}
    </tr>
  );
}

/** A day's cell of the desk grid: what it holds as a list, or in quiet words that it holds nothing. */
function CellList({ items, none }: { items: { key: string; className: string; text: string }[]; none: string }) {
  if (items.length === 0) {
    return <span className="quiet">{none}</span>;
  }
  return (
    <ul className="cell-list">
      {items.map((item) => (
        <li key={item.key} className={item.className}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

function openText(cell: DeskDayCell, { t }: I18n): string {
  // A bookmobile's day is its stops: where it is, and when.
  const hours =
    cell.stops.length > 0 && cell.open.length > 0
      ? cell.stops.map((stop) => t('model.stop', { hours: span(stop.hours), name: stop.name })).join(', ')
      : cell.open.map((period) => span(period)).join(', ');
  if (cell.closure) {
    return hours ? t('schedule.shortDay', { closure: cell.closure, hours }) : t('schedule.closedFor', { closure: cell.closure });
  }
  return hours || t('schedule.closed');
}

/** Headquarters' view: every branch's gaps and warnings for today and the next 14 days. */
function AllBranches({ session, branches }: { session: Session; branches: readonly Branch[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const coverage = useLoad((signal) => loadCoverage(session, { days: COVERAGE_DAYS }, signal), 'coverage:all', {
    title: 'problem.coverage',
  });
  const groups = coverage.data ? groupCoverageByBranch(coverage.data, branches) : undefined;
  return (
    <section aria-labelledby="all-branches-heading" className="all-branches">
      <h2 id="all-branches-heading">
        {t('coverage.allTitle', { days: COVERAGE_DAYS - 1 })}
      </h2>
      {coverage.problem && <ProblemNotice problem={coverage.problem} />}
      {!groups && !coverage.problem && <p className="quiet">{t('coverage.loading')}</p>}
      {groups?.map((group) => (
        <div key={group.branch} className="branch-coverage">
          <h3>{group.branchName}</h3>
          {group.issues.length === 0 ? (
            <p className="quiet">{t('coverage.noGaps')}</p>
          ) : (
            <>
              <p>{t('coverage.counts', { gaps: group.gaps, warnings: group.warnings })}</p>
              <ul className="issue-list">
                {group.issues.map((issue, index) => (
                  <li key={index} className={issue.kind === 'GAP' ? 'issue gap' : 'issue warning'}>
                    {coverageLine(issue, branches, i18n)}
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

function coverageLine(issue: CoverageIssue, branches: readonly Branch[], i18n: I18n): string {
  const label = issueKindLabel(issue.kind, i18n);
  const kind = issue.kind === 'GAP' ? label : i18n.t('coverage.warning', { issue: label.toLowerCase() });
  return i18n.t('coverage.line', {
    kind,
    day: longDay(issue.date, i18n),
    span: span(issue.from, issue.to),
    desk: issue.stop
      ? i18n.t('model.deskAtStop', { desk: deskName(branches, issue.branch, issue.servicePoint), stop: issue.stop })
      : deskName(branches, issue.branch, issue.servicePoint),
  });
}
