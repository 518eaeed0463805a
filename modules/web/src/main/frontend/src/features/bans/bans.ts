/**
 * The computer-use bans API as the screens use it (modules/bans: /api/tenants/{slug}/computer-use-bans): the desk's
 * lookup by card, the list, imposing and lifting. Every call goes through api.ts with a current token from the
 * session. The card number only ever travels in a POST body, never in a URL, and nothing here keeps it.
 * Below the calls: who may do what on the screen, and how answers read, without React.
 */
import type { Me, Violation } from '../../shared/api';
import { getJson, postJson } from '../../shared/api';
import { whenText } from '../incidents/incidentForm';
import { ENGLISH, codeLabeller, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { ROLE, tenantPath, type Session } from '../../shared/session';

/** A ban as the list and every change answer it (BanView). Times are the library's wall clock with its offset. */
export interface ComputerUseBan {
  id: string;
  status: BanStatus | string;
  patronReferenceId: string;
  incidentReportId?: string | null;
  scope: 'branch' | 'system' | string;
  branch?: string | null;
  branchName?: string | null;
  startsAt: string;
  endsAt: string;
  /** Plain text exactly as typed, markup included: always shown as text. */
  reason: string;
  reviewOn?: string | null;
  reviewDue: boolean;
  createdAt: string;
  createdBy: string;
  liftedAt?: string | null;
  liftedBy?: string | null;
  liftReason?: string | null;
  version: number;
}

/** The desk's answer (BanLookup): yes with the end and scope, or no. Nothing else about the patron. */
export interface BanLookup {
  banned: boolean;
  endsAt?: string | null;
  scope?: string | null;
  /** The branch code asked about. */
  branch: string;
}

export const BAN_STATUSES = ['upcoming', 'active', 'ended', 'lifted'] as const;
export type BanStatus = (typeof BAN_STATUSES)[number];

export interface BanFilter {
  status?: string;
  branch?: string;
  reviewDue?: boolean;
}

/** What the form sends (BanForm); empty fields are left out so the server applies its defaults. */
export interface NewBan {
  cardNumber: string;
  displayName?: string;
  scope: 'branch' | 'system';
  branch?: string;
  startsAt?: string;
  endsAt: string;
  reason: string;
  reviewOn?: string;
  incidentReportId?: string;
}

function bansPath(session: Session, rest = '', query: Record<string, string | undefined> = {}): string {
  return tenantPath(session, `computer-use-bans${rest}`, query);
}

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

/** The desk's question; the branch is the caller's own when left out. */
export async function lookUpCard(session: Session, cardNumber: string, branch?: string): Promise<BanLookup> {
  return postJson(bansPath(session, '/lookup'), branch ? { cardNumber, branch } : { cardNumber }, await options(session));
}

export async function loadBans(session: Session, filter: BanFilter, signal?: AbortSignal): Promise<ComputerUseBan[]> {
  const query = {
    status: filter.status,
    branch: filter.branch,
    reviewDue: filter.reviewDue ? 'true' : undefined,
  };
  return getJson(bansPath(session, '', query), await options(session, signal));
}

/** 201 for a new ban; 200 with the same ban when the same request came moments ago (a double click). */
export async function imposeBan(session: Session, ban: NewBan): Promise<ComputerUseBan> {
  return postJson(bansPath(session), ban, await options(session));
}

/** Ends a ban early; the version read, so a ban changed meanwhile is not lifted unseen (409). */
export async function liftBan(session: Session, id: string, reason: string, version: number): Promise<ComputerUseBan> {
  return postJson(bansPath(session, `/${encodeURIComponent(id)}/lift`), { reason, version }, await options(session));
}

// ---- who may do what (the server checks again; modules/bans/README.md, "Who may do what") ----

export function inCharge(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.personInCharge);
}

/** Persons in charge, headquarters and tenant administrators read the list; the desk only asks by card. */
export function readsBans(me: Pick<Me, 'roles'>): boolean {
  return inCharge(me) || me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

/** Headquarters and tenant administrators see every branch's bans (and may filter by branch). */
export function seesEveryBranch(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

/** A person in charge at headquarters bans at any branch; any other person in charge at their own. */
export function bansAtAnyBranch(me: Pick<Me, 'roles'>): boolean {
  return inCharge(me) && me.roles.includes(ROLE.headquarters);
}

/** Only upcoming and active bans can be lifted, by whoever could have imposed them or did impose them. */
export function mayLift(me: Pick<Me, 'roles' | 'branch' | 'username'>, ban: ComputerUseBan): boolean {
  if (!inCharge(me) || (ban.status !== 'upcoming' && ban.status !== 'active')) {
    return false;
  }
  return ban.scope === 'system' || bansAtAnyBranch(me) || (!!me.branch && ban.branch === me.branch) || ban.createdBy === me.username;
}

// ---- how answers read ----

/** The last four characters of a card, spaces and dashes left out: enough to tell which card, not enough to keep. */
export function lastFour(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '').slice(-4);
}

const STATUS_LABELS: Record<string, MessageId> = {
  upcoming: 'bans.status.upcoming',
  active: 'bans.status.active',
  ended: 'bans.status.ended',
  lifted: 'bans.status.lifted',
};

export const banStatusLabel = codeLabeller(STATUS_LABELS, (code) => code);

/** Where a ban applies: "Pine Hollow Branch only" or "Every branch". */
export function scopeText(ban: Pick<ComputerUseBan, 'scope' | 'branch' | 'branchName'>, { t }: Pick<I18n, 't'> = ENGLISH): string {
  return ban.scope === 'system' ? t('bans.everyBranch') : t('bans.branchOnly', { branch: ban.branchName ?? ban.branch ?? t('bans.oneBranch') });
}

/** "2026-06-15" → "Jun 15, 2026"; anything else as it came. */
export function dateText(date: string | null | undefined, i18n: Pick<I18n, 't' | 'day'> = ENGLISH): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
    return date ?? '';
  }
  const day = date!;
  return i18n.t('date.text', {
    month: i18n.day(day, { month: 'short' }),
    day: i18n.day(day, { day: 'numeric' }),
    year: i18n.day(day, { year: 'numeric' }),
  });
}

/** The desk's answer in words: plain enough to read out across the desk. */
export function lookupSentence(answer: BanLookup, branchName: string, i18n: Pick<I18n, 't' | 'day'> = ENGLISH): string {
  return answer.banned
    ? i18n.t('bans.bannedUntil', { branch: branchName, until: whenText(answer.endsAt, i18n) })
    : i18n.t('bans.notBanned', { branch: branchName });
}

export function lookupScopeSentence(answer: BanLookup, { t }: Pick<I18n, 't'> = ENGLISH): string | undefined {
  if (!answer.banned) {
    return undefined;
  }
  return answer.scope === 'system' ? t('bans.scopeSystem') : t('bans.scopeBranch');
}

/** The fields of the ban form, by the names the server uses in its refusals. */
export const BAN_FIELDS = [
  'cardNumber',
  'displayName',
  'scope',
  'branch',
  'startsAt',
  'endsAt',
  'reason',
  'reviewOn',
  'incidentReportId',
] as const;
export type BanField = (typeof BAN_FIELDS)[number];

export interface PlacedBanViolations {
  byField: Partial<Record<BanField, string[]>>;
  /** Refusals that name no field of the form, worded with their field. */
  other: string[];
}

/**
 * Puts each refusal at its field. The server names fields as the form does ("endsAt"), or as a path ending in
 * it ("form.endsAt"); a patron reference is asked for as the card number here.
 */
export function placeBanViolations(errors: readonly Violation[]): PlacedBanViolations {
  const byField: Partial<Record<BanField, string[]>> = {};
  const other: string[] = [];
  for (const error of errors) {
    const last = error.field.split('.').pop() ?? '';
    const key = last === 'patronReferenceId' ? 'cardNumber' : last;
    if ((BAN_FIELDS as readonly string[]).includes(key)) {
      (byField[key as BanField] ??= []).push(error.message);
    } else {
      other.push(error.field && error.field !== 'body' ? `${error.field}: ${error.message}` : error.message);
    }
  }
  return { byField, other };
}

/** The longest reason the server takes (after trimming), in characters as people count them. */
export const REASON_MAX = 1000;

/**
 * The input of a library card number, scanned or typed: not a word, so nothing corrects, capitalises or spell-checks
 * it, and the browser keeps no list of the numbers typed before (they name patrons); at most what the server takes.
 */
export const CARD_INPUT = {
  type: 'text',
  autoComplete: 'off',
  autoCorrect: 'off',
  autoCapitalize: 'off',
  spellCheck: false,
  maxLength: 100,
} as const;

/** Incident report ids are UUIDs. */
export const REPORT_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
