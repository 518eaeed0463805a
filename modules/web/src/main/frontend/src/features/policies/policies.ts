/**
 * The policies API as the screens use it (modules/policies: /api/tenants/{slug}/policies, policy-acknowledgements,
 * policy-exceptions): the library, one policy with its versions and their difference, acknowledging, exceptions on
 * record and the consistency report, and the tenant administrator's plan and apply. Every call goes through api.ts
 * with a current token. Below the calls: who may do what on these screens, and how answers read, without React.
 */
import type { Me, Violation } from '../../shared/api';
import { getJson, postJson, putJson } from '../../shared/api';
import type { Plan } from '../../shared/PlanView';
import { placeViolations, type PlacedViolations } from '../incidents/incidentForm';
import { ENGLISH, codeLabeller, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { ROLE, tenantPath, type Session } from '../../shared/session';

export type Strictness = 'strict' | 'flexible';
export type AcknowledgementStatus = 'current' | 'needed' | 'not-applicable';

/** One row of GET policies (with `snippet` only when words were searched for). */
export interface PolicySummary {
  key: string;
  title: string;
  category: string;
  strictness: Strictness | string;
  summary?: string | null;
  version: number;
  effectiveOn?: string | null;
  snippet?: string | null;
  acknowledgement: AcknowledgementStatus | string;
}

export interface Position {
  code: string;
  name: string;
}

export interface PolicyVersion {
  version: number;
  title: string;
  text?: string;
  reason?: string;
  approvedBy?: string | null;
  approvedOn?: string | null;
  effectiveOn?: string | null;
}

/** GET policies/{key}. */
export interface Policy {
  key: string;
  category: string;
  strictness: Strictness | string;
  /** Strict only: why no exceptions are made. */
  strictWhy?: string | null;
  /** Flexible only: the stated limits of an exception. */
  exceptionLimits?: string | null;
  /** The positions that may approve an exception. */
  exceptionsBy: Position[];
  owner?: Position | null;
  /** Position codes the policy applies to; empty for everyone. */
  appliesTo: string[];
  current: PolicyVersion;
  versions: PolicyVersion[];
  acknowledgement: { status: AcknowledgementStatus | string; version?: number | null; at?: string | null };
}

export interface DifferencePart {
  change: 'same' | 'added' | 'removed' | string;
  text: string;
}

/** GET policies/{key}/difference: word by word, only the fields that changed. */
export interface Difference {
  from: number;
  to: number;
  fields: { field: string; parts: DifferencePart[] }[];
}

/** GET policy-acknowledgements. */
export interface AcknowledgementRow {
  key: string;
  title: string;
  version: number;
  acknowledged: number;
  outstanding: { staffId: string; tagName: string; branch: string; position: string }[];
}

/** What the exception form sends (POST policy-exceptions); optional parts only when given. */
export interface NewException {
  policy: string;
  branch: string;
  asked: string;
  granted: string;
  approvedBy?: string;
  toldOneTime: boolean;
  patronReference?: string;
  occurredAt?: string;
}

export interface PolicyException {
  id: string;
  policy: string;
  branch: string;
  asked: string;
  granted: string;
  approvedBy: { staffId: string; tagName: string; position: string };
  occurredAt: string;
  recordedBy: string;
}

/** GET policy-exceptions/approvers: a choice for `approvedBy`. */
export interface Approver {
  staffId: string;
  tagName: string;
  position: string;
  positionName: string;
  branch: string;
  branchName: string;
}

export type Flag = 'high' | 'low' | null;

/** GET policy-exceptions/consistency. */
export interface Consistency {
  from: string;
  to: string;
  months: string[];
  policies: { key: string; title: string; count: number; perMonth: number[]; candidateForChange: boolean }[];
  branches: { code: string; name: string; count: number; flag?: Flag | string }[];
  staff: { staffId: string; tagName: string; branch: string; count: number; flag?: Flag | string }[];
  medians: { branch: number; staff: number };
}

/** A policy as the tenant administrator writes it: the JSON form of an entry of policies.yaml (PolicySpec). */
export interface PolicyDocument {
  key: string;
  category: string;
  strictness: Strictness;
  strictWhy?: string;
  exceptionLimits?: string;
  exceptionsBy?: string[];
  owner: string;
  appliesTo?: string[];
  title: string;
  text: string;
  reason: string;
  approval: { by: string; on: string };
  effectiveOn: string;
}

/** The tenancy module's Plan (shared with the configuration screens). */
export type { Plan };

export const CATEGORIES = [
  'circulation',
  'computer-use',
  'meeting-rooms',
  'conduct',
  'privacy',
  'complaints',
  'children',
  'safety',
  'other',
] as const;

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

function policyPath(session: Session, key: string, rest = '', query: Record<string, string | undefined> = {}): string {
  return tenantPath(session, `policies/${encodeURIComponent(key)}${rest}`, query);
}

export async function searchPolicies(session: Session, query: { q?: string; category?: string }, signal?: AbortSignal): Promise<PolicySummary[]> {
  return getJson(tenantPath(session, 'policies', { q: query.q?.trim(), category: query.category }), await options(session, signal));
}

/** The lists a strict policy may leave out (null) come as empty lists. */
function complete(policy: Policy): Policy {
  return { ...policy, exceptionsBy: policy.exceptionsBy ?? [], appliesTo: policy.appliesTo ?? [], versions: policy.versions ?? [] };
}

export async function loadPolicy(session: Session, key: string, signal?: AbortSignal): Promise<Policy> {
  return complete(await getJson<Policy>(policyPath(session, key), await options(session, signal)));
}

export async function loadVersion(session: Session, key: string, version: number): Promise<PolicyVersion> {
  return getJson(policyPath(session, key, `/versions/${version}`), await options(session));
}

export async function loadDifference(session: Session, key: string, from: number, to: number): Promise<Difference> {
  return getJson(policyPath(session, key, '/difference', { from: String(from), to: String(to) }), await options(session));
}

export async function acknowledge(session: Session, key: string): Promise<{ version: number; at: string }> {
  return postJson(policyPath(session, key, '/acknowledgement'), {}, await options(session));
}

export async function loadAcknowledgements(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<AcknowledgementRow[]> {
  return getJson(tenantPath(session, 'policy-acknowledgements', { branch }), await options(session, signal));
}

/** The patron reference of a card (confidentiality): made on first use, the same id ever after; the card goes in the body only. */
export async function patronReference(session: Session, cardNumber: string): Promise<string> {
  const answer = await postJson<{ id: string }>('/api/patron-references', { cardNumber }, await options(session));
  return answer.id;
}

/** Who may approve an exception to the policy today (roster entries in a position that may), the caller's branch first. */
export async function loadApprovers(session: Session, key: string, signal?: AbortSignal): Promise<Approver[]> {
  return getJson(tenantPath(session, 'policy-exceptions/approvers', { policy: key }), await options(session, signal));
}

export async function recordException(session: Session, exception: NewException): Promise<PolicyException> {
  return postJson(tenantPath(session, 'policy-exceptions'), exception, await options(session));
}

export async function loadConsistency(session: Session, range: { from?: string; to?: string }, signal?: AbortSignal): Promise<Consistency> {
  return getJson(tenantPath(session, 'policy-exceptions/consistency', range), await options(session, signal));
}

export async function planPolicy(session: Session, policy: PolicyDocument): Promise<Plan> {
  return postJson(policyPath(session, policy.key, '/plan'), policy, await options(session));
}

export async function applyPolicy(session: Session, policy: PolicyDocument): Promise<Policy> {
  return complete(await putJson<Policy>(policyPath(session, policy.key), policy, await options(session)));
}

// ---- who may do what (the server checks again) ----

/** Persons in charge (their branch), headquarters and tenant administrators see who has not acknowledged. */
export function readsAcknowledgements(me: Pick<Me, 'roles'>): boolean {
  return [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin].some((role) => me.roles.includes(role));
}

/** Headquarters and tenant administrators read the consistency report, and choose any branch. */
export function readsConsistency(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

export function editsPolicies(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.tenantAdmin);
}

/** Whether the signed-in person may approve an exception to this policy themselves. */
export function mayApprove(me: Pick<Me, 'position'>, policy: Pick<Policy, 'exceptionsBy'>): boolean {
  return policy.exceptionsBy.some((position) => position.code === me.position);
}

// ---- how answers read ----

const CATEGORY_LABELS: Record<string, MessageId> = {
  circulation: 'policies.category.circulation',
  'computer-use': 'policies.category.computer-use',
  'meeting-rooms': 'policies.category.meeting-rooms',
  conduct: 'policies.category.conduct',
  privacy: 'policies.category.privacy',
  complaints: 'policies.category.complaints',
  children: 'policies.category.children',
  safety: 'policies.category.safety',
  other: 'policies.category.other',
};

export const categoryLabel = codeLabeller(CATEGORY_LABELS, (code) => code);

const STRICTNESS_LABELS: Record<string, MessageId> = {
  strict: 'policies.strict',
  flexible: 'policies.flexible',
};

export const strictnessLabel = codeLabeller(STRICTNESS_LABELS, (code) => code);

const FLAG_LABELS: Record<string, MessageId> = {
  high: 'exceptions.flag.high',
  low: 'exceptions.flag.low',
};

/** A branch's or person's place against the median, in words; near the median when not flagged. */
export function flagText(flag: string | null | undefined, i18n: Pick<I18n, 't'> = ENGLISH): string {
  return flag ? codeLabeller(FLAG_LABELS, (code) => code)(flag, i18n) : i18n.t('exceptions.flag.none');
}

const FIELD_LABELS: Record<string, MessageId> = {
  title: 'policies.field.title',
  text: 'policies.field.text',
  reason: 'policies.field.reason',
  category: 'policies.field.category',
  strictness: 'policies.field.strictness',
  strictWhy: 'policies.field.strictWhy',
  exceptionLimits: 'policies.field.exceptionLimits',
  exceptionsBy: 'policies.field.exceptionsBy',
  owner: 'policies.field.owner',
  appliesTo: 'policies.field.appliesTo',
  approvedBy: 'policies.field.approvedBy',
  approvedOn: 'policies.field.approvedOn',
  approval: 'policies.field.approval',
  'approval.by': 'policies.field.approvedBy',
  'approval.on': 'policies.field.approvedOn',
  effectiveOn: 'policies.field.effectiveOn',
  key: 'policies.field.key',
};

/** The name of a policy field the server names (in a difference or a plan). */
export const fieldLabel = codeLabeller(FIELD_LABELS, (code) => code);

/** "2026-07" → "Jul 2026". */
export function monthText(month: string, i18n: Pick<I18n, 'day'> = ENGLISH): string {
  return /^\d{4}-\d{2}$/.test(month) ? i18n.day(`${month}-01`, { month: 'short', year: 'numeric' }) : month;
}

/**
 * A search snippet in parts: the words the search matched come between <b> and </b> (PostgreSQL's ts_headline);
 * they are marked, never parsed as markup; anything else in the snippet stays text.
 */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  return snippet
    .split(/(<b>.*?<\/b>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^<b>(.*)<\/b>$/.exec(part);
      return match ? { text: match[1]!, match: true } : { text: part, match: false };
    });
}

/** The day in a time zone ("2026-12-03"), for date inputs that start at today on the library's calendar. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first day of the month `back` months before `day` ("2026-12-03", 5 → "2026-07-01"). */
export function monthsBefore(day: string, back: number): string {
  const [year, month] = day.split('-').map(Number);
  const start = new Date(Date.UTC(year!, month! - 1 - back, 1));
  return start.toISOString().slice(0, 10);
}

/**
 * Puts each refusal at the field it names. The server writes a path ("form.asked", "approval.on", "exceptionsBy[1]");
 * the longest end of it that is a field of the form, or that `aliases` maps to one, is where the refusal goes.
 */
export function placeRefusals(errors: readonly Violation[], known: readonly string[], aliases: Record<string, string> = {}): PlacedViolations {
  const placed = (field: string): string | undefined => {
    const segments = field.replace(/\[\d+\]/g, '').split('.');
    for (let from = 0; from < segments.length; from++) {
      const end = segments.slice(from).join('.');
      const name = aliases[end] ?? end;
      if (known.includes(name)) {
        return name;
      }
    }
    return undefined;
  };
  return placeViolations(
    errors.map((error) => {
      const name = placed(error.field);
      return name ? { ...error, field: name } : error;
    }),
    known,
  );
}

/** A list of codes as typed ("branch-manager, executive-director"), without blanks. */
export function codesOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/**
 * An instant on the library system's clock ("Mar 10, 2026, 14:05"), whatever offset the server wrote it with and
 * whatever the desk computer's zone.
 */
export function atText(iso: string | null | undefined, i18n: Pick<I18n, 't' | 'moment'> = ENGLISH): string {
  if (!iso || Number.isNaN(new Date(iso).getTime())) {
    return iso ?? '';
  }
  return i18n.t('when.text', {
    month: i18n.moment(iso, { month: 'short' }),
    day: i18n.moment(iso, { day: 'numeric' }),
    year: i18n.moment(iso, { year: 'numeric' }),
    time: i18n.moment(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  });
}
