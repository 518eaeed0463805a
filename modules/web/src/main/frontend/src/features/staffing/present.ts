/**
 * What the staffing screens say, worked out without React: who may see which feature, the escalation's
 * answer in words, unread notices, coverage grouped by branch and the cells of the week grid.
 */
import type { Me } from '../../shared/api';
import { ENGLISH, type I18n } from '../../shared/i18n/i18n';
import { type CoverageIssue, type DeskWeek, type Duty, type EscalationView, type Notice } from './staffing';
import { ROLE, type Branch } from '../../shared/session';

/** Headquarters and tenant administrators look at every branch (the API's own rule). */
export function seesAllBranches(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

/** Persons in charge and tenant administrators export the roster and print name tags. */
export function keepsRoster(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.personInCharge) || me.roles.includes(ROLE.tenantAdmin);
}

export function unreadCount(notices: readonly Notice[] | undefined): number {
  return notices?.filter((notice) => !notice.read).length ?? 0;
}

/** "09:00-17:00" or a from and a to, as the screen shows a stretch of time: "09:00–17:00". */
export function span(from: string, to?: string): string {
  if (to === undefined) {
    const [start, end] = from.split('-');
    return end === undefined ? from : `${start}–${end}`;
  }
  return `${from}–${to}`;
}

export interface EscalationOutcome {
  /** Who decides, as one line: "Ada (Branch manager) decides", "Headquarters decides: Bea (Director)". */
  decides: string;
  reason: string;
  /** Who was told and why, one line each. */
  told: string[];
}

export function escalationOutcome(view: EscalationView, { t }: Pick<I18n, 't'> = ENGLISH): EscalationOutcome {
  const name = view.decidesTagName ?? view.decides?.tagName ?? null;
  const position = view.decides?.positionName;
  const who = name ? (position ? t('person.withPosition', { name, position }) : name) : null;
  let decides: string;
  if (!who) {
    decides = t('escalate.nobodyDecides');
  } else if (view.atHeadquarters) {
    decides = t('escalate.headquartersDecides', { who });
  } else {
    decides = t('escalate.decides', { who });
  }
  const told = (view.notified ?? []).map((n) => (n.tagName ? t('escalate.toldLine', { name: n.tagName, why: n.why }) : n.why));
  return { decides, reason: view.reason ?? '', told };
}

export function issueKindLabel(kind: string, { t }: Pick<I18n, 't'> = ENGLISH): string {
  switch (kind) {
    case 'GAP':
      return t('coverage.gap');
    case 'ONLY_VOLUNTEERS_OR_PAGES':
      return t('coverage.onlyVolunteers');
    default:
      return kind;
  }
}

/** "Gap 13:00–17:00", "Only volunteers or pages 09:00–10:00": the kind in words, never by colour alone. */
export function issueText(issue: CoverageIssue, i18n: Pick<I18n, 't'> = ENGLISH): string {
  const text = i18n.t('coverage.issue', { kind: issueKindLabel(issue.kind, i18n), span: span(issue.from, issue.to) });
  return issue.stop ? i18n.t('model.issueAtStop', { issue: text, stop: issue.stop }) : text;
}

/** "Warning: only volunteers or pages 09:00–10:00". */
export function warningText(issue: CoverageIssue, i18n: Pick<I18n, 't'> = ENGLISH): string {
  return i18n.t('coverage.warning', { issue: issueText(issue, i18n).toLowerCase() });
}

export interface BranchCoverage {
  branch: string;
  branchName: string;
  gaps: number;
  warnings: number;
  issues: CoverageIssue[];
}

/**
 * Coverage of all branches, one group per branch in the order of the branch list (branches without issues
 * too, so "nothing missing" is said out loud), then any branch the list does not know; each group keeps the
 * API's order (soonest first).
 */
export function groupCoverageByBranch(issues: readonly CoverageIssue[], branches: readonly Branch[] = []): BranchCoverage[] {
  const groups = new Map<string, BranchCoverage>();
  for (const branch of branches) {
    groups.set(branch.code, { branch: branch.code, branchName: branch.name, gaps: 0, warnings: 0, issues: [] });
  }
  for (const issue of issues) {
    let group = groups.get(issue.branch);
    if (!group) {
      group = { branch: issue.branch, branchName: issue.branch, gaps: 0, warnings: 0, issues: [] };
      groups.set(issue.branch, group);
    }
    group.issues.push(issue);
    if (issue.kind === 'GAP') {
      group.gaps++;
    } else {
      group.warnings++;
    }
  }
  return [...groups.values()];
}

export function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The desk's name from the branch list; the code when the list does not have it. */
export function deskName(branches: readonly Branch[], branch: string, servicePoint: string): string {
  return branches.find((b) => b.code === branch)?.servicePoints?.find((s) => s.code === servicePoint)?.name ?? servicePoint;
}

export interface DeskDayCell {
  date: string;
  open: string[];
  closure?: string | null;
  stops: { name: string; hours: string }[];
  duties: Duty[];
  gaps: CoverageIssue[];
  warnings: CoverageIssue[];
}

/** One cell per day of a desk's week: hours, who is on duty (by start), the gaps and the warnings. */
export function deskDays(desk: DeskWeek, issues: readonly CoverageIssue[], branch?: string): DeskDayCell[] {
  const here = issues.filter((issue) => issue.servicePoint === desk.servicePoint && (!branch || issue.branch === branch));
  return desk.days.map((day) => ({
    date: day.date,
    open: day.open,
    closure: day.closure,
    stops: day.stops ?? [],
    duties: desk.duties.filter((duty) => duty.date === day.date).sort((a, b) => a.from.localeCompare(b.from)),
    gaps: here.filter((issue) => issue.date === day.date && issue.kind === 'GAP'),
    warnings: here.filter((issue) => issue.date === day.date && issue.kind !== 'GAP'),
  }));
}

/** A duty as a line: "Ada 09:00–13:00", "Ben 22:00–06:00 (next day)", "Cleo 10:00–12:00 (volunteer)". */
export function dutyText(duty: Duty, i18n: Pick<I18n, 't'> = ENGLISH): string {
  const { t } = i18n;
  const name = duty.tagName ?? t('person.gone');
  const nextDay = duty.to <= duty.from ? t('duty.nextDay') : '';
  const type =
    duty.employmentType && duty.employmentType !== 'permanent' ? t('duty.employment', { type: employmentLabel(duty.employmentType, i18n) }) : '';
  return t('duty.line', { name, span: span(duty.from, duty.to), nextDay, type });
}

const EMPLOYMENT = ['permanent', 'substitute', 'volunteer', 'page', 'student-assistant'] as const;

/** The roster's employment types in words; a type the catalogue does not know, made readable. */
export function employmentLabel(type: string, { t }: Pick<I18n, 't'> = ENGLISH): string {
  if ((EMPLOYMENT as readonly string[]).includes(type)) {
    return t(`employment.${type as (typeof EMPLOYMENT)[number]}`);
  }
  const words = type.replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The wall-clock time of an ISO offset date-time as the server wrote it ("…T13:05:00-06:00" → "13:05"). */
export function clockOf(moment: string): string | undefined {
  return /T(\d{2}:\d{2})/.exec(moment)?.[1];
}

/** A moment for a notice: date and time on the library system's clock. */
export function momentText(moment: string, i18n: Pick<I18n, 'moment'> = ENGLISH): string {
  return i18n.moment(moment, { dateStyle: 'medium', timeStyle: 'short' });
}
