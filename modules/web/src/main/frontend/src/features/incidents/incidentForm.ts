/**
 * The incident screens' logic without React: which questions a category asks and how each is entered, what the
 * inputs hold and what the API gets, where the server's refusals belong, times as the library's wall clock, and
 * how lists and counts read for headquarters.
 */
import type { Me, Violation } from '../../shared/api';
import type { FormCategory, FormDefinition, FormField, IncidentForm, IncidentReport, ReportSummary } from './incidents';
import { ENGLISH, codeLabel, codeLabeller, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { ROLE } from '../../shared/session';

export const FIELD_TYPES = ['text', 'long-text', 'date-time', 'choice', 'multi-choice', 'yes-no', 'number', 'staff-member'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A question ready for a widget: every optional part filled in. */
export interface Question {
  key: string;
  label: string;
  help?: string;
  /** 'text' for a type this app does not know yet: still answerable, as plain text. */
  type: FieldType;
  required: boolean;
  choices: string[];
  maxLength?: number;
}

/** The server's caps when a form leaves maxLength out. */
const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 200, 'long-text': 4000 };

export function questionOf(field: FormField): Question {
  const type = (FIELD_TYPES as readonly string[]).includes(field.type) ? (field.type as FieldType) : 'text';
  const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH[type];
  return {
    key: field.key,
    label: field.label || field.key,
    help: field.help?.trim() || undefined,
    type,
    required: field.required === true,
    choices: field.choices ?? [],
    maxLength: type === 'text' || type === 'long-text' ? maxLength : undefined,
  };
}

export interface CategoryChoice {
  code: string;
  title: string;
  guidance: string[];
  verbalReport: boolean;
  countersignature: boolean;
}

/** The categories of the form, in its order, each with what it asks beyond the answers. */
export function categoriesOf(form: IncidentForm | undefined): CategoryChoice[] {
  return (form?.definition.categories ?? []).map((category: FormCategory) => ({
    code: category.code,
    title: category.title?.trim() || titleOfCode(category.code),
    guidance: category.guidance ?? [],
    verbalReport: category.verbalReportToHeadquarters === true,
    countersignature: category.countersignature === true,
  }));
}

/** "angry-patron" → "Angry patron": a readable fallback when a form gives no title. */
export function titleOfCode(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The questions of a category: the form's own first, then the category's (keys are unique across both). */
export function questionsFor(definition: FormDefinition, categoryCode: string): Question[] {
  const category = definition.categories?.find((c) => c.code === categoryCode);
  return [...(definition.fields ?? []), ...(category?.fields ?? [])].map(questionOf);
}

/** What to do and not to do: the form's guidance, then the category's. */
export function guidanceFor(definition: FormDefinition, categoryCode: string): string[] {
  const category = definition.categories?.find((c) => c.code === categoryCode);
  return [...(definition.guidance ?? []), ...(category?.guidance ?? [])];
}

/**
 * The next category for type-ahead: the first after `from` (wrapping) whose title starts with `typed`, so
 * typing "a" twice steps through the A's, and "an" goes to "Angry patron".
 */
export function typeAhead(titles: readonly string[], typed: string, from: number): number | undefined {
  let prefix = typed.toLocaleLowerCase();
  if (!prefix) {
    return undefined;
  }
  // The same letter again and again steps through the titles starting with it.
  if (/^(.)\1+$/u.test(prefix)) {
    prefix = prefix.charAt(0);
  }
  // A longer prefix may still fit the current one; a single letter moves on to the next.
  const start = prefix.length > 1 ? Math.max(from, 0) : from + 1;
  for (let i = 0; i < titles.length; i++) {
    const index = (start + i + titles.length) % titles.length;
    if (titles[index]!.toLocaleLowerCase().startsWith(prefix)) {
      return index;
    }
  }
  return undefined;
}

/** What an input holds: text as typed, the chosen choices, yes (true) or no (false), nothing yet. */
export type DraftValue = string | string[] | boolean | undefined;
export type Draft = Record<string, DraftValue>;

/** The server's answers as the inputs show them. */
export function draftFromAnswers(questions: readonly Question[], answers: Record<string, unknown> | null | undefined): Draft {
  const draft: Draft = {};
  for (const question of questions) {
    const value = answers?.[question.key];
    if (value === undefined || value === null) {
      continue;
    }
    switch (question.type) {
      case 'yes-no':
        if (typeof value === 'boolean') draft[question.key] = value;
        break;
      case 'multi-choice':
        if (Array.isArray(value)) draft[question.key] = value.filter((v): v is string => typeof v === 'string');
        break;
      case 'date-time':
        draft[question.key] = wallClock(String(value));
        break;
      default:
        draft[question.key] = typeof value === 'string' ? value : String(value);
    }
  }
  return draft;
}

/**
 * The inputs as the API's answers: empty ones left out (the server clears them), numbers as JSON numbers, a
 * date and time without offset (the server reads it in the library's time zone). A number that does not read
 * as one is sent as typed, so the server's refusal names the field.
 */
export function answersFromDraft(questions: readonly Question[], draft: Draft): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const value = draft[question.key];
    if (value === undefined) {
      continue;
    }
    switch (question.type) {
      case 'yes-no':
        if (typeof value === 'boolean') answers[question.key] = value;
        break;
      case 'multi-choice':
        if (Array.isArray(value) && value.length > 0) answers[question.key] = [...value];
        break;
      case 'number': {
        const text = String(value).trim();
        if (text) answers[question.key] = numberOf(text) ?? text;
        break;
      }
      case 'text':
      case 'long-text':
        // Blank is no answer; otherwise exactly as typed (the server trims and checks).
        if (typeof value === 'string' && value.trim()) answers[question.key] = value;
        break;
      default:
        if (typeof value === 'string' && value.trim()) answers[question.key] = value.trim();
    }
  }
  return answers;
}

/** "12", "-3.5", "1,200.25" as a number; anything else undefined. */
export function numberOf(text: string): number | undefined {
  const plain = text.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
    return undefined;
  }
  const number = Number(plain);
  return Number.isFinite(number) ? number : undefined;
}

/** What can be said before the server is asked: a number that is not one, text beyond its length. */
export function localProblems(questions: readonly Question[], draft: Draft, { t }: Pick<I18n, 't'> = ENGLISH): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const question of questions) {
    const value = draft[question.key];
    if (question.type === 'number' && typeof value === 'string' && value.trim() && numberOf(value) === undefined) {
      problems[question.key] = t('form.enterNumber');
    }
    if (question.maxLength !== undefined && typeof value === 'string' && [...value.trim()].length > question.maxLength) {
      problems[question.key] = t('form.atMost', { max: question.maxLength });
    }
  }
  return problems;
}

/** The keys of required questions still without an answer, in the form's order. */
export function missingRequired(questions: readonly Question[], draft: Draft): string[] {
  const answers = answersFromDraft(questions, draft);
  return questions.filter((q) => q.required && !(q.key in answers)).map((q) => q.key);
}

export interface PlacedViolations {
  /** By question key ("answers.location" → "location"), or by the field's own name (calledTo). */
  byField: Record<string, string[]>;
  /** Refusals that name no field this screen shows. */
  other: string[];
}

/** Puts each refusal next to the field it names; `known` are the names the screen has fields for. */
export function placeViolations(errors: readonly Violation[], known: readonly string[]): PlacedViolations {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const error of errors) {
    const key = error.field.startsWith('answers.') ? error.field.slice('answers.'.length) : error.field;
    if (known.includes(key)) {
      (byField[key] ??= []).push(error.message);
    } else {
      other.push(error.field ? `${error.field}: ${error.message}` : error.message);
    }
  }
  return { byField, other };
}

// ---- times: the server writes the library's wall clock with its offset ----

/** "2026-03-10T14:05:00-06:00" → "2026-03-10T14:05", for a datetime-local input. */
export function wallClock(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.exec(iso)?.[0] ?? '';
}

/** "-06:00", "+05:30" or "Z" at the end of an ISO date-time; undefined without one. */
export function offsetOf(iso: string | null | undefined): string | undefined {
  return /(Z|[+-]\d{2}:\d{2})$/.exec(iso ?? '')?.[1];
}

/** A datetime-local value with an offset, as the API's OffsetDateTime fields want it. */
export function withOffset(local: string, offset: string): string {
  const seconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${seconds}${offset}`;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') {
    return 0;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/** The wall clock at `offset` now, to the minute ("2026-03-10T14:05"). */
export function nowAt(offset: string, now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + offsetMinutes(offset) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** "2026-03-10T14:05:00-06:00" → "Mar 10, 2026, 14:05": the library's wall clock, whatever the desk computer's zone. */
export function whenText(iso: string | null | undefined, i18n: Pick<I18n, 't' | 'day'> = ENGLISH): string {
  const clock = wallClock(iso ?? '');
  if (!clock) {
    return iso ?? '';
  }
  const [date = '', time] = clock.split('T');
  return i18n.t('when.text', {
    month: i18n.day(date, { month: 'short' }),
    day: i18n.day(date, { day: 'numeric' }),
    year: i18n.day(date, { year: 'numeric' }),
    time,
  });
}

// ---- reading a report back ----

/** An answer as the read-only report shows it; always plain text. */
export function answerText(
  question: Question,
  value: unknown,
  staffNames: Record<string, string> | null | undefined,
  i18n: Pick<I18n, 't' | 'day'> = ENGLISH,
): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  switch (question.type) {
    case 'yes-no':
      return value === true ? i18n.t('answer.yes') : value === false ? i18n.t('answer.no') : String(value);
    case 'multi-choice':
      return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    case 'date-time':
      return whenText(String(value), i18n);
    case 'staff-member':
      return staffNames?.[String(value)] ?? i18n.t('person.gone');
    default:
      return String(value);
  }
}

const STATUS_LABELS: Record<string, MessageId> = {
  draft: 'status.draft',
  submitted: 'status.submitted',
  countersigned: 'status.countersigned',
  distributed: 'status.distributed',
  acknowledged: 'status.acknowledged',
  closed: 'status.closed',
};

export const STATUSES = Object.keys(STATUS_LABELS);

export const statusLabel = codeLabeller(STATUS_LABELS, titleOfCode);

const SIGNATURE_LABELS: Record<string, MessageId> = {
  reporter: 'signature.reporter',
  countersignature: 'signature.countersignature',
  addendum: 'signature.addendum',
  acknowledgement: 'signature.acknowledgement',
};

export const signatureLabel = codeLabeller(SIGNATURE_LABELS, titleOfCode);

const DELIVERY_WORDS: Record<string, MessageId> = {
  pending: 'delivery.pending',
  sent: 'delivery.sent',
  failed: 'delivery.failed',
};

/** The desk's own drafts: the list also holds those a person in charge sees of their branch. */
export function isOwnDraft(summary: ReportSummary, me: Pick<Me, 'username' | 'tagName'>): boolean {
  if (summary.status !== 'draft') {
    return false;
  }
  // Summaries name the reporter by tag name; a username, where the server gives one, is the surer test.
  return summary.reporterUsername ? summary.reporterUsername === me.username : summary.reporterTagName === me.tagName;
}

export function isReporter(report: IncidentReport, me: Pick<Me, 'username'>): boolean {
  return report.reporter?.username === me.username;
}

/** Headquarters and tenant administrators filter by branch (they see every branch). */
export function seesEveryBranch(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
}

/** Overdue reports first, each part in the server's order (newest incident first). */
export function overdueFirst(summaries: readonly ReportSummary[]): ReportSummary[] {
  return [...summaries.filter((s) => s.overdue === true), ...summaries.filter((s) => s.overdue !== true)];
}

/**
 * Delivery as a few words, whatever shape the server sends: a word ("pending"), or counts such as
 * {pending: 1, sent: 2, failed: 0} ("1 pending, 2 sent"); nothing when absent.
 */
export function deliveryText(delivery: unknown, { t }: Pick<I18n, 't'> = ENGLISH): string | undefined {
  if (delivery === undefined || delivery === null) {
    return undefined;
  }
  if (typeof delivery === 'string') {
    return codeLabel(DELIVERY_WORDS, delivery, t, titleOfCode);
  }
  if (typeof delivery === 'number' || typeof delivery === 'boolean') {
    return String(delivery);
  }
  if (typeof delivery === 'object' && !Array.isArray(delivery)) {
    const parts = Object.entries(delivery as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'number' && value > 0)
      .map(([key, value]) => {
        const id = DELIVERY_WORDS[key];
        return id ? t('delivery.count', { count: value as number, what: t(id).toLowerCase() }) : `${value as number} ${key.replace(/-/g, ' ')}`;
      });
    return parts.length > 0 ? parts.join(', ') : t('delivery.noneYet');
  }
  return undefined;
}

/** Whether delivery is stuck somewhere: failed deliveries are said out loud. */
export function deliveryFailed(delivery: unknown): boolean {
  if (typeof delivery === 'string') {
    return delivery === 'failed';
  }
  if (typeof delivery === 'object' && delivery !== null && !Array.isArray(delivery)) {
    const failed = (delivery as Record<string, unknown>).failed;
    return typeof failed === 'number' && failed > 0;
  }
  return false;
}

export interface CountLine {
  label: string;
  value: number;
}

/**
 * The counts endpoint's answer as labelled numbers, whatever its nesting: {"overdue": 2, "byBranch":
 * {"HQ": 1}} → "Overdue 2", "By branch: Headquarters 1". Nested keys are codes: `nameOf` gives their names
 * where it knows them. Anything that is not a number is left out.
 */
export function countLines(
  counts: unknown,
  nameOf: (code: string) => string | undefined = () => undefined,
  prefix = '',
  i18n: Pick<I18n, 't'> = ENGLISH,
): CountLine[] {
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    return [];
  }
  const lines: CountLine[] = [];
  // Plain numbers (total, overdue) before the breakdowns.
  const entries = Object.entries(counts as Record<string, unknown>).sort(
    ([, a], [, b]) => Number(typeof a === 'object') - Number(typeof b === 'object'),
  );
  for (const [key, value] of entries) {
    const label = prefix ? i18n.t('count.breakdown', { group: prefix, name: nameOf(key) ?? key }) : countLabel(key, i18n);
    if (typeof value === 'number' && Number.isFinite(value)) {
      lines.push({ label, value });
    } else if (typeof value === 'object' && value !== null) {
      lines.push(...countLines(value, nameOf, label, i18n));
    }
  }
  return lines;
}

const COUNT_LABELS: Record<string, MessageId> = {
  total: 'count.total',
  overdue: 'count.overdue',
  pendingDelivery: 'count.pendingDelivery',
  byBranch: 'count.byBranch',
  byCategory: 'count.byCategory',
};

function countLabel(key: string, { t }: Pick<I18n, 't'>): string {
  return codeLabel(COUNT_LABELS, key, t, words);
}

/** "byStatus" or "by-status" → "By status". */
function words(key: string): string {
  const spaced = key.replace(/[-_]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
