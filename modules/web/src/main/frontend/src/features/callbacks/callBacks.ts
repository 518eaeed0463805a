/**
 * The call-back API as the screens use it (modules/patron-requests: /api/tenants/{slug}/call-backs): the queue, offering
 * one at the desk, claiming, attempts, handing over and the patron's contact for the call. The contact only travels
 * in answers to a POST made to place the call, and nothing here keeps it.
 */
import { getJson, postJson } from '../../shared/api';
import { tenantPath, type Session } from '../../shared/session';

export type CallBackState = 'open' | 'claimed' | 'done';
export const OUTCOMES = ['no-answer', 'left-message', 'done'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One call-back in the queue (CallBackInQueue): no question, no contact. */
export interface CallBackInQueue {
  id: string;
  reference: string;
  branch: string;
  state: CallBackState | string;
  offeredAt: string;
  dueAt: string;
  overdue: boolean;
  claimedBy?: string | null;
  mine: boolean;
  closedAt?: string | null;
  hasContact: boolean;
}

export interface CallBackStep {
  at: string;
  step: string;
  outcome?: string | null;
  handedTo?: string | null;
  by: string;
}

/** One call-back with its question (CallBack). */
export interface CallBack extends CallBackInQueue {
  question: string;
  offeredBy: string;
  steps: CallBackStep[];
}

export interface CallBackContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  language: string;
}

export interface Colleague {
  staffId: string;
  tagName: string;
  username: string;
}

export interface NewCallBack {
  branch: string;
  question: string;
  contact: { name?: string; phone?: string; email?: string; language: 'en' | 'es' };
  key?: string;
}

export const QUESTION_MAX = 1000;

function path(session: Session, rest = '', query: Record<string, string | undefined> = {}): string {
  return tenantPath(session, `call-backs${rest}`, query);
}

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

export async function loadQueue(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<CallBackInQueue[]> {
  return getJson(path(session, '', { branch }), await options(session, signal));
}

export async function offerCallBack(session: Session, offer: NewCallBack): Promise<CallBack> {
  return postJson(path(session), offer, await options(session));
}

export async function claimCallBack(session: Session, id: string): Promise<CallBack> {
  return postJson(path(session, `/${encodeURIComponent(id)}/claim`), {}, await options(session));
}

export async function recordAttempt(session: Session, id: string, outcome: Outcome): Promise<CallBack> {
  return postJson(path(session, `/${encodeURIComponent(id)}/attempts`), { outcome }, await options(session));
}

export async function handOver(session: Session, id: string, to: string): Promise<CallBack> {
  return postJson(path(session, `/${encodeURIComponent(id)}/hand-over`), { to }, await options(session));
}

export async function revealContact(session: Session, id: string): Promise<CallBackContact> {
  return postJson(path(session, `/${encodeURIComponent(id)}/contact`), {}, await options(session));
}

export async function loadColleagues(session: Session, branch: string, signal?: AbortSignal): Promise<Colleague[]> {
  return getJson(path(session, '/colleagues', { branch }), await options(session, signal));
}

/** Today's date on the library system's clock, "2026-12-03". */
export function dayIn(instant: string | Date, timeZone: string | undefined): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** What home shows at a glance: open call-backs due today (not yet overdue) and those overdue. */
export function atAGlance(queue: readonly CallBackInQueue[], now: Date, timeZone: string | undefined) {
  const today = dayIn(now, timeZone);
  const overdue = queue.filter((c) => c.overdue);
  const dueToday = queue.filter((c) => !c.overdue && dayIn(c.dueAt, timeZone) === today);
  return { overdue, dueToday };
}
