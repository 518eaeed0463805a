/**
 * Keeping the roster and planning shifts: the staffing API's writing side as the roster and week editor screens use
 * it, and the week grid's rules worked out without React (which cell an arrow key moves to, what a cell shows).
 */
import { deleteEmpty, getJson, postJson, postText, putJson, type Violation } from '../../shared/api';
import { tenantPath, type Session } from '../../shared/session';
import type { CoverageIssue, Duty, StaffMember } from './staffing';

/** A roster entry as GET staff answers it, with what an edit sends back. */
export interface StaffEntry extends StaffMember {
  username?: string | null;
  email?: string | null;
  version: number;
  /** Only when the server knows it (the accounts work adds it); sent back only then. */
  maySignIn?: boolean | null;
}

/** What a roster form edits; dates "YYYY-MM-DD", empty text for none. */
export interface StaffDraft {
  tagName: string;
  username: string;
  position: string;
  branch: string;
  employmentType: string;
  startsOn: string;
  endsOn: string;
  email: string;
  maySignIn?: boolean;
}

export const EMPLOYMENT_TYPES = ['permanent', 'substitute', 'volunteer', 'page', 'student-assistant'] as const;

export function draftOf(entry: StaffEntry | undefined, branch: string, today: string): StaffDraft {
  const draft: StaffDraft = {
    tagName: entry?.tagName ?? '',
    username: entry?.username ?? '',
    position: entry?.position ?? '',
    branch: entry?.branch ?? branch,
    employmentType: entry?.employmentType ?? 'permanent',
    startsOn: entry?.startsOn ?? today,
    endsOn: entry?.endsOn ?? '',
    email: entry?.email ?? '',
  };
  if (entry && typeof entry.maySignIn === 'boolean') {
    draft.maySignIn = entry.maySignIn;
  }
  return draft;
}

/** The JSON a roster form sends: empty text left out; maySignIn only if the draft carries it (the server knows it). */
export function staffBody(draft: StaffDraft, version?: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    tagName: draft.tagName.trim(),
    position: draft.position.trim(),
    branch: draft.branch,
    employmentType: draft.employmentType,
    startsOn: draft.startsOn,
  };
  for (const key of ['username', 'endsOn', 'email'] as const) {
    const value = draft[key].trim();
    if (value) {
      body[key] = value;
    }
  }
  if (typeof draft.maySignIn === 'boolean') {
    body.maySignIn = draft.maySignIn;
  }
  if (version !== undefined) {
    body.version = version;
  }
  return body;
}

export async function loadRoster(session: Session, signal?: AbortSignal): Promise<StaffEntry[]> {
  return getJson(tenantPath(session, 'staff'), { token: await session.token(), signal });
}

export async function addStaff(session: Session, draft: StaffDraft): Promise<StaffEntry> {
  return postJson(tenantPath(session, 'staff'), staffBody(draft), { token: await session.token() });
}

export async function replaceStaff(session: Session, entry: StaffEntry, draft: StaffDraft): Promise<StaffEntry> {
  return putJson(tenantPath(session, `staff/${encodeURIComponent(entry.id)}`), staffBody(draft, entry.version), {
    token: await session.token(),
  });
}

export async function endStaff(session: Session, entry: StaffEntry, endsOn: string): Promise<StaffEntry> {
  return postJson(tenantPath(session, `staff/${encodeURIComponent(entry.id)}/end`), { endsOn }, { token: await session.token() });
}

export type RowResult = 'ADD' | 'CHANGE' | 'UNCHANGED' | 'REFUSED';

export interface ImportRow {
  row: number;
  result: RowResult;
  tagName?: string | null;
  username?: string | null;
  branch?: string | null;
  fields: string[];
  problems: Violation[];
}

export interface ImportSummary {
  added: number;
  changed: number;
  unchanged: number;
}

export interface ImportPreview {
  acceptable: boolean;
  summary: ImportSummary;
  rows: ImportRow[];
}

const CSV = 'text/csv; charset=UTF-8';

export async function previewImport(session: Session, csv: string): Promise<ImportPreview> {
  return postText(tenantPath(session, 'staff/import/preview'), csv, CSV, { token: await session.token() });
}

export async function importRoster(session: Session, csv: string): Promise<ImportSummary> {
  return postText(tenantPath(session, 'staff/import'), csv, CSV, { token: await session.token() });
}

/** GET shifts: only what the week editor needs. */
export interface ShiftView {
  id: string;
  staffMemberId: string;
  tagName?: string | null;
  branch: string;
  servicePoint: string;
  repeat: 'weekly' | 'once' | string;
  date?: string | null;
  start: string;
  end: string;
}

export interface AbsenceView {
  id: string;
  staffMemberId: string;
  tagName?: string | null;
  kind: string;
  wholeDays: boolean;
  firstDay?: string | null;
  lastDay?: string | null;
  from: string;
  to: string;
}

export const ABSENCE_KINDS = ['sick', 'leave', 'other'] as const;

export async function loadShifts(session: Session, branch: string, from: string, to: string, signal?: AbortSignal): Promise<ShiftView[]> {
  return getJson(tenantPath(session, 'shifts', { branch, from, to }), { token: await session.token(), signal });
}

export async function addShift(
  session: Session,
  shift: { staffMemberId: string; branch: string; servicePoint: string; date: string; start: string; end: string },
): Promise<ShiftView> {
  // A shift that ends at or before its start ends the next day, and the API wants that said.
  const overnight = shift.end <= shift.start;
  return postJson(tenantPath(session, 'shifts'), { ...shift, overnight }, { token: await session.token() });
}

/** Takes one day's duty away: a one-off shift is removed, a weekly one loses that occurrence only. */
export async function removeDuty(session: Session, duty: Pick<Duty, 'shiftId' | 'date'>, weekly: boolean): Promise<void> {
  const token = await session.token();
  const path = tenantPath(session, `shifts/${encodeURIComponent(duty.shiftId)}`);
  if (weekly) {
    await postJson(`${path}/cancellations`, { date: duty.date }, { token });
  } else {
    await deleteEmpty(path, { token });
  }
}

export async function loadAbsences(session: Session, from: string, to: string, signal?: AbortSignal): Promise<AbsenceView[]> {
  return getJson(tenantPath(session, 'absences', { from, to }), { token: await session.token(), signal });
}

export async function addAbsence(
  session: Session,
  absence: { staffMemberId: string; kind: string; firstDay: string; lastDay: string },
): Promise<AbsenceView> {
  return postJson(tenantPath(session, 'absences'), absence, { token: await session.token() });
}

export async function removeAbsence(session: Session, id: string): Promise<void> {
  await deleteEmpty(tenantPath(session, `absences/${encodeURIComponent(id)}`), { token: await session.token() });
}

export interface WeekCopy {
  created: ShiftView[];
  unchanged: number;
}

/** Copy one week's one-off shifts into `weeks` weeks from `toWeek` (Mondays), on the server, all or nothing. */
export async function copyWeek(
  session: Session,
  copy: { branch: string; fromWeek: string; toWeek: string; weeks: number },
): Promise<WeekCopy> {
  return postJson(tenantPath(session, 'shifts/week-copies'), copy, { token: await session.token() });
}

/** Coverage of one week: seven days from its Monday. */
export async function loadWeekCoverage(session: Session, branch: string, monday: string, signal?: AbortSignal): Promise<CoverageIssue[]> {
  return getJson(tenantPath(session, 'coverage', { branch, from: monday, days: '7' }), { token: await session.token(), signal });
}

/** A cell of the week grid: row = desk, column = day (0 = Monday). */
export interface Cell {
  row: number;
  column: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `columns` cells, or undefined for a key that does not move it.
 * Arrows stop at the edges; Home and End go to the row's first and last day, Ctrl with them to the grid's corners.
 */
export function moveInGrid(cell: Cell, key: string, rows: number, columns: number, ctrl = false): Cell | undefined {
  const clamp = (value: number, size: number) => Math.max(0, Math.min(size - 1, value));
  switch (key) {
    case 'ArrowRight':
      return { row: cell.row, column: clamp(cell.column + 1, columns) };
    case 'ArrowLeft':
      return { row: cell.row, column: clamp(cell.column - 1, columns) };
    case 'ArrowDown':
      return { row: clamp(cell.row + 1, rows), column: cell.column };
    case 'ArrowUp':
      return { row: clamp(cell.row - 1, rows), column: cell.column };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { row: cell.row, column: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, column: columns - 1 } : { row: cell.row, column: columns - 1 };
    default:
      return undefined;
  }
}

/** The gaps and thin stretches of one desk on one day, earliest first. */
export function issuesAt(issues: readonly CoverageIssue[], servicePoint: string, date: string): CoverageIssue[] {
  return issues.filter((i) => i.servicePoint === servicePoint && i.date === date).sort((a, b) => a.from.localeCompare(b.from));
}

/** The Monday of an ISO week's date list and the Monday before or after it. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y!, m! - 1, d! + days));
  return moved.toISOString().slice(0, 10);
}
