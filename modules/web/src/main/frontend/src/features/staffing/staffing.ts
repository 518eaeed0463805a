/**
 * The staffing API as the screens use it: who is in charge, escalations and notices, the roster, the week
 * schedule and desk coverage. Every call asks the session for a current access token (it may have been
 * renewed since the last call) and goes through api.ts, so nothing is cached and problems read alike.
 */
import { getFile, getJson, postEmpty, postJson, type Download } from '../../shared/api';
import { tenantPath, type Branch, type Session } from '../../shared/session';

export interface PersonView {
  staffMemberId: string;
  tagName: string;
  positionName: string;
}

/** GET duty/in-charge: the person in charge now, or headquarters when nobody on duty may be. */
export interface InCharge {
  branch: string;
  branchName: string;
  at: string;
  person?: PersonView | null;
  headquarters: boolean;
  explanation: string;
}

export interface Situation {
  code: string;
  title: string;
}

export interface Notified {
  tagName?: string | null;
  why: string;
}

/** The answer to POST escalations. */
export interface EscalationView {
  id: string;
  branch: string;
  situation: string;
  situationTitle: string;
  note?: string | null;
  decides?: PersonView | null;
  decidesTagName?: string | null;
  atHeadquarters: boolean;
  reason: string;
  notified?: Notified[] | null;
  createdAt?: string;
}

export interface Notice {
  id: string;
  text: string;
  escalationId?: string | null;
  createdAt: string;
  read: boolean;
}

/** GET staff: a person on the roster under the name on their name tag. */
export interface StaffMember {
  id: string;
  tagName: string;
  position: string;
  positionName: string;
  branch: string;
  branchName: string;
  employmentType: string;
  startsOn: string;
  endsOn?: string | null;
  active: boolean;
}

export type IssueKind = 'GAP' | 'ONLY_VOLUNTEERS_OR_PAGES';

export interface CoverageIssue {
  branch: string;
  servicePoint: string;
  date: string;
  from: string;
  to: string;
  kind: IssueKind | string;
  message?: string;
  /** The bookmobile stop the stretch falls in, for a mobile service point. */
  stop?: string | null;
}

export interface DeskDay {
  date: string;
  open: string[];
  closure?: string | null;
  /** Where a bookmobile is that day, by time ("10:00-12:00"); empty for a desk that stays put. */
  stops?: { name: string; hours: string }[];
}

export interface Duty {
  shiftId: string;
  staffMemberId: string;
  tagName?: string | null;
  employmentType?: string | null;
  date: string;
  from: string;
  to: string;
  minutes: number;
}

export interface DeskWeek {
  servicePoint: string;
  name: string;
  days: DeskDay[];
  duties: Duty[];
  /** A bookmobile: open at its weekly stops. */
  mobile?: boolean;
}

/** GET schedule: one branch's ISO week. */
export interface WeekSchedule {
  branch: string;
  branchName: string;
  week: string;
  timeZone: string;
  firstDay: string;
  lastDay: string;
  desks: DeskWeek[];
  gaps: CoverageIssue[];
}

async function get<T>(session: Session, path: string, signal?: AbortSignal): Promise<T> {
  return getJson<T>(path, { token: await session.token(), signal });
}

export function loadBranches(session: Session, signal?: AbortSignal): Promise<Branch[]> {
  return get(session, tenantPath(session, 'branches'), signal);
}

export function loadInCharge(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<InCharge> {
  return get(session, tenantPath(session, 'duty/in-charge', { branch }), signal);
}

export function loadSituations(session: Session, signal?: AbortSignal): Promise<Situation[]> {
  return get(session, tenantPath(session, 'duty/situations'), signal);
}

export async function escalate(
  session: Session,
  request: { situation: string; branch?: string; note?: string },
): Promise<EscalationView> {
  const body: Record<string, string> = { situation: request.situation };
  if (request.branch) {
    body.branch = request.branch;
  }
  const note = request.note?.trim();
  if (note) {
    body.note = note;
  }
  return postJson<EscalationView>(tenantPath(session, 'escalations'), body, { token: await session.token() });
}

export function loadNotices(session: Session, signal?: AbortSignal): Promise<Notice[]> {
  return get(session, tenantPath(session, 'duty/notices'), signal);
}

export async function markNoticeRead(session: Session, id: string): Promise<void> {
  await postEmpty(tenantPath(session, `duty/notices/${encodeURIComponent(id)}/read`), { token: await session.token() });
}

export function loadStaff(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<StaffMember[]> {
  return get(session, tenantPath(session, 'staff', { branch }), signal);
}

export async function downloadNameTags(session: Session, branch: string | undefined): Promise<Download> {
  return getFile(tenantPath(session, 'staff/name-tags.pdf', { branch }), 'application/pdf, application/problem+json', {
    token: await session.token(),
  });
}

export async function downloadStaffCsv(session: Session, branch: string | undefined): Promise<Download> {
  return getFile(tenantPath(session, 'staff.csv', { branch }), 'text/csv, application/problem+json', {
    token: await session.token(),
  });
}

export function loadSchedule(
  session: Session,
  query: { branch?: string; week?: string },
  signal?: AbortSignal,
): Promise<WeekSchedule> {
  return get(session, tenantPath(session, 'schedule', query), signal);
}

/** Without a branch: every branch for headquarters and tenant administrators. */
export function loadCoverage(session: Session, query: { branch?: string; days?: number }, signal?: AbortSignal): Promise<CoverageIssue[]> {
  return get(
    session,
    tenantPath(session, 'coverage', { branch: query.branch, days: query.days ? String(query.days) : undefined }),
    signal,
  );
}


