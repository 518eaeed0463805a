/**
 * The patron-requests API as the screens use it (modules/patron-requests: complaints, comment cards, reconsiderations,
 * follow-ups and updates on any matter, headquarters' overview). Every call goes through api.ts with a current token.
 * Below the calls: how the server's codes read, without React.
 */
import { getFile, getJson, postJson, type Download, type Me } from '../../shared/api';
import { ENGLISH, codeLabeller, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { ROLE, tenantPath, type Session } from '../../shared/session';

export type MatterKind = 'complaint' | 'comment-card' | 'reconsideration' | 'call-back' | 'escalation';

export interface PolicyRef {
  key: string;
  title: string;
  category?: string | null;
}

export interface StaffRef {
  staffId: string;
  tagName: string;
}

export interface Holders {
  position: string;
  name: string;
  staff: StaffRef[];
}

export interface Step {
  at: string;
  step: string;
  by?: string | null;
}

/** One row of GET complaints. */
export interface ComplaintRow {
  id: string;
  reference: string;
  branch: string;
  channel: string;
  policy: PolicyRef | null;
  state: string;
  receivedAt: string;
  dueAt?: string | null;
  overdue: boolean;
  directorToldAt?: string | null;
  directorOpenedAt?: string | null;
}

/** GET complaints/{id}. */
export interface Complaint extends ComplaintRow {
  about: string;
  asks?: string | null;
  handledBy?: Holders | null;
  response?: { text: string; channel: string; at: string; by: string } | null;
  closedAt?: string | null;
  hasContact: boolean;
  recordedBy?: string | null;
  steps: Step[];
  commentCard?: string | null;
}

export interface PatronContactDraft {
  name?: string;
  email?: string;
  phone?: string;
  language: 'en' | 'es';
}

export interface NewComplaint {
  branch: string;
  channel: string;
  about: string;
  policy?: string;
  asks?: string;
  contact?: PatronContactDraft;
  key?: string;
}

/** One row of GET comment-cards. */
export interface CardRow {
  id: string;
  reference: string;
  branch: string;
  kind: string;
  state: string;
  receivedAt: string;
  mayReply: boolean;
  hasContact: boolean;
}

export interface Card extends CardRow {
  text: string;
  language?: string | null;
  complaint?: { id: string; reference: string } | null;
  forwardedTo?: { policy: string; position: string } | null;
  steps?: Step[];
}

export interface CardCount {
  branch: string;
  kind: string;
  count: number;
}

export interface Item {
  title: string;
  author?: string | null;
  format: string;
}

export interface ReconsiderationRow {
  id: string;
  reference: string;
  branch: string;
  item: Item;
  state: string;
  receivedAt: string;
  currentStep?: { step: string; dueAt: string; overdue: boolean } | null;
}

export interface ReviewStep {
  step: string;
  days: number;
  dueAt?: string | null;
  doneAt?: string | null;
  by?: string | null;
  note?: string | null;
}

export interface Reconsideration {
  id: string;
  reference: string;
  branch: string;
  item: Item;
  objection: string;
  consumed: string;
  asks?: string | null;
  receivedAt: string;
  state: string;
  itemDuringReview?: string | null;
  committee: Holders[];
  steps: ReviewStep[];
  decision?: { outcome: string; reasons: string; decidedAt: string; by: string } | null;
  hasContact: boolean;
  letter: boolean;
}

export interface FollowUp {
  id: string;
  what: string;
  dueOn: string;
  owner: StaffRef;
  doneAt?: string | null;
  pastDue: boolean;
}

export interface MailState {
  status: 'pending' | 'sent' | 'failed' | string;
  sentAt?: string | null;
}

export interface HistoryEntry {
  at: string;
  kind: 'update' | 'follow-up' | 'follow-up-done' | string;
  channel?: string | null;
  text: string;
  by?: string | null;
  mail?: MailState | null;
}

export interface OverviewBranch {
  code: string;
  name: string;
  complaintsWaiting: number;
  complaintsOverdue: number;
  commentCardsNew: number;
  reconsiderationsOpen: number;
  callBacksDue: number;
  callBacksOverdue: number;
  followUpsPastDue: number;
}

export interface OverviewMatter {
  kind: MatterKind | string;
  id: string;
  reference: string;
  branch: string;
  label: string;
  state: string;
  openedAt: string;
  dueAt?: string | null;
  overdue: boolean;
}

export interface Overview {
  branches: OverviewBranch[];
  matters: OverviewMatter[];
}

type Query = Record<string, string | undefined>;

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

const id = encodeURIComponent;

// ---- complaints ----

export async function recordComplaint(session: Session, complaint: NewComplaint): Promise<Complaint> {
  return postJson(tenantPath(session, 'complaints'), complaint, await options(session));
}

export async function loadComplaints(session: Session, query: Query, signal?: AbortSignal): Promise<ComplaintRow[]> {
  return getJson(tenantPath(session, 'complaints', query), await options(session, signal));
}

export async function loadComplaint(session: Session, complaint: string, signal?: AbortSignal): Promise<Complaint> {
  return getJson(tenantPath(session, `complaints/${id(complaint)}`), await options(session, signal));
}

export async function respondToComplaint(session: Session, complaint: string, response: { text: string; channel: string }): Promise<Complaint> {
  return postJson(tenantPath(session, `complaints/${id(complaint)}/response`), response, await options(session));
}

export async function closeComplaint(session: Session, complaint: string, note: string): Promise<Complaint> {
  return postJson(tenantPath(session, `complaints/${id(complaint)}/close`), note ? { note } : {}, await options(session));
}

// ---- comment cards ----

export async function loadCards(session: Session, query: Query, signal?: AbortSignal): Promise<CardRow[]> {
  return getJson(tenantPath(session, 'comment-cards', query), await options(session, signal));
}

export async function loadCardCounts(session: Session, query: Query, signal?: AbortSignal): Promise<CardCount[]> {
  return getJson(tenantPath(session, 'comment-cards/counts', query), await options(session, signal));
}

export async function loadCard(session: Session, card: string, signal?: AbortSignal): Promise<Card> {
  return getJson(tenantPath(session, `comment-cards/${id(card)}`), await options(session, signal));
}

export type CardAction = 'thank' | 'reply' | 'complaint' | 'forward' | 'close';

/** thank {}, reply {text}, complaint {policy?, asks?} → {complaint}, forward {policy}, close {}. */
export async function actOnCard<T = unknown>(session: Session, card: string, action: CardAction, body: object = {}): Promise<T> {
  return postJson(tenantPath(session, `comment-cards/${id(card)}/${action}`), body, await options(session));
}

export async function downloadPoster(session: Session, branch: string, language: string): Promise<Download> {
  return getFile(tenantPath(session, 'comment-cards/poster', { branch, language }), 'application/pdf', await options(session));
}

// ---- reconsiderations ----

export async function loadReconsiderations(session: Session, query: Query, signal?: AbortSignal): Promise<ReconsiderationRow[]> {
  return getJson(tenantPath(session, 'reconsiderations', query), await options(session, signal));
}

export async function loadReconsideration(session: Session, request: string, signal?: AbortSignal): Promise<Reconsideration> {
  return getJson(tenantPath(session, `reconsiderations/${id(request)}`), await options(session, signal));
}

export async function completeStep(session: Session, request: string, step: string, note: string): Promise<Reconsideration> {
  return postJson(tenantPath(session, `reconsiderations/${id(request)}/steps/${id(step)}`), { note }, await options(session));
}

export async function decide(session: Session, request: string, decision: { outcome: string; reasons: string }): Promise<Reconsideration> {
  return postJson(tenantPath(session, `reconsiderations/${id(request)}/decision`), decision, await options(session));
}

export async function downloadLetter(session: Session, request: string): Promise<Download> {
  return getFile(tenantPath(session, `reconsiderations/${id(request)}/letter`), 'application/pdf', await options(session));
}

// ---- follow-ups, updates and history of any matter ----

function matterPath(session: Session, kind: MatterKind, matter: string, rest: string): string {
  return tenantPath(session, `matters/${kind}/${id(matter)}/${rest}`);
}

export async function loadFollowUps(session: Session, kind: MatterKind, matter: string, signal?: AbortSignal): Promise<FollowUp[]> {
  return getJson(matterPath(session, kind, matter, 'follow-ups'), await options(session, signal));
}

export async function addFollowUp(session: Session, kind: MatterKind, matter: string, followUp: { what: string; dueOn: string; owner: string }): Promise<FollowUp> {
  return postJson(matterPath(session, kind, matter, 'follow-ups'), followUp, await options(session));
}

export async function followUpDone(session: Session, kind: MatterKind, matter: string, followUp: string): Promise<unknown> {
  return postJson(matterPath(session, kind, matter, `follow-ups/${id(followUp)}/done`), {}, await options(session));
}

export async function giveUpdate(session: Session, kind: MatterKind, matter: string, update: { channel: string; text: string; key: string }): Promise<unknown> {
  return postJson(matterPath(session, kind, matter, 'updates'), update, await options(session));
}

export async function loadHistory(session: Session, kind: MatterKind, matter: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return getJson(matterPath(session, kind, matter, 'history'), await options(session, signal));
}

// ---- headquarters' overview ----

export async function loadOverview(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<Overview> {
  return getJson(tenantPath(session, 'patron-requests/overview', { branch }), await options(session, signal));
}

export async function downloadOverviewCsv(session: Session, branch: string | undefined): Promise<Download> {
  return getFile(tenantPath(session, 'patron-requests/overview.csv', { branch }), 'text/csv', await options(session));
}

// ---- who sees what (the server checks again) ----

/** Persons in charge (their branch), headquarters and tenant administrators work the matters past the desk. */
export function worksMatters(me: Pick<Me, 'roles'>): boolean {
  return [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin].some((role) => me.roles.includes(role));
}

/** Headquarters and tenant administrators choose any branch. */
export function everyBranch(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

/** A key for a POST that may be sent again (a retry after no answer must not record twice). */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

// ---- how codes read ----

/**
 * The words for one kind of code: each code's message is `<prefix>.<code>` in the catalogues (the type checker holds
 * every such id to exist); a code the catalogue does not know (a newer server's) is shown as it is.
 */
function labelsOf<P extends string, C extends string>(prefix: P, codes: readonly C[] & ([`${P}.${C}`] extends [MessageId] ? unknown : never)) {
  const labels = Object.fromEntries(codes.map((code) => [code, `${prefix}.${code}` as MessageId]));
  return codeLabeller(labels, (code) => code);
}

export const COMPLAINT_CHANNELS = ['in-person', 'phone', 'email', 'comment-card'] as const;
export const RESPONSE_CHANNELS = ['email', 'phone', 'in-person'] as const;
export const COMPLAINT_STATES = ['received', 'with-director', 'responded', 'closed'] as const;
export const CARD_KINDS = ['praise', 'suggestion', 'complaint'] as const;
export const CARD_STATES = ['new', 'thanked', 'replied', 'complaint', 'forwarded', 'closed'] as const;
export const RECONSIDERATION_STATES = ['received', 'in-review', 'decided'] as const;
export const OUTCOMES = ['keep', 'move', 'relabel', 'withdraw'] as const;

export const channelLabel = labelsOf('complaints.channel', COMPLAINT_CHANNELS);
export const complaintStateLabel = labelsOf('complaints.state', COMPLAINT_STATES);
/** A complaint's step ("director-told") in words. */
export const complaintStepLabel = labelsOf('complaints.step', ['received', 'director-told', 'headquarters-told', 'opened', 'responded', 'closed', 'overdue-told'] as const);
export const cardKindLabel = labelsOf('cards.kind', CARD_KINDS);
export const cardStateLabel = labelsOf('cards.state', CARD_STATES);
export const reconsiderationStateLabel = labelsOf('reconsideration.state', RECONSIDERATION_STATES);
export const outcomeLabel = labelsOf('reconsideration.outcome', OUTCOMES);
export const formatLabel = labelsOf('reconsideration.format', ['book', 'audio', 'video', 'ebook', 'magazine', 'other'] as const);
export const consumedLabel = labelsOf('reconsideration.consumed', ['whole', 'part', 'not'] as const);
export const matterKindLabel = labelsOf('overview.kind', ['complaint', 'comment-card', 'reconsideration', 'call-back', 'escalation'] as const);
export const historyKindLabel = labelsOf('followUps.history', ['update', 'follow-up', 'follow-up-done'] as const);
export const mailStatusLabel = labelsOf('followUps.mail', ['pending', 'sent', 'failed'] as const);
/** A review step's code ("read-and-review") in words: the tenant names its own steps, so known ones only are translated. */
export const stepLabel = labelsOf('reconsideration.step', ['acknowledge', 'read-and-review', 'decide'] as const);

/** The name of a branch the server gave by code, from the library system's branches. */
export function branchName(code: string, branches: readonly { code: string; name: string }[] | undefined): string {
  return branches?.find((branch) => branch.code === code)?.name ?? code;
}

/** "Overdue" in words where it is, else nothing: never a colour alone. */
export function overdueText(overdue: boolean, i18n: Pick<I18n, 't'> = ENGLISH): string {
  return overdue ? i18n.t('complaints.overdue') : '';
}

/** A matter's state in words, by its kind (the overview lists every kind together). */
export function matterStateText(kind: string, state: string, i18n: Pick<I18n, 't'> = ENGLISH): string {
  const label = { complaint: complaintStateLabel, 'comment-card': cardStateLabel, reconsideration: reconsiderationStateLabel }[kind];
  return label ? label(state, i18n) : state;
}
