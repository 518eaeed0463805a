/**
 * The tenant administrator's configuration API as the screens use it (modules/tenancy:
 * /api/tenants/{slug}/configuration): the live configuration with its revision, the plan of a draft, applying it, and
 * the live configuration as tenant.yaml. Below the calls: the draft's pure edits (weekly hours as typed, closures by
 * month) and where the server's refusals go, without React.
 *
 * The configuration has the shape of tenant.yaml (TenantSpec). Fields these screens do not know (a newer server's)
 * are kept as they came: every edit copies the object it changes, so they go back untouched.
 */
import { getFile, getJson, postJson, type Download, type Violation } from '../../shared/api';
import type { Plan } from '../../shared/PlanView';
import { tenantPath, type Session } from '../../shared/session';

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Day = (typeof DAYS)[number];

/** Per day a list of "HH:MM-HH:MM" periods; a missing or empty day is closed. */
export type Week = Partial<Record<Day, string[] | null>>;

/** A stop of a bookmobile's weekly round. */
export interface Stop {
  name: string;
  day: string;
  hours: string;
  [more: string]: unknown;
}

export interface ServicePointConfig {
  code: string;
  name: string;
  /** The desk's own hours where they differ from the branch's; none: the branch's. */
  openingHours?: Week | null;
  mobile?: boolean | null;
  stops?: Stop[] | null;
  [more: string]: unknown;
}

/** A dated closure, or shortened hours that day (a short day). */
export interface Closure {
  date: string;
  reason: string;
  hours?: string[] | null;
  [more: string]: unknown;
}

export interface BranchConfig {
  code: string;
  name: string;
  headquarters?: boolean | null;
  address?: string | null;
  phone?: string | null;
  servicePoints?: ServicePointConfig[] | null;
  openingHours?: Week | null;
  closures?: Closure[] | null;
  [more: string]: unknown;
}

export interface PositionConfig {
  code: string;
  name: string;
  may?: string[] | null;
  [more: string]: unknown;
}

export interface ChainOfCommand {
  substitutesOnlyWithoutPermanentStaff?: boolean | null;
  notifyWhenAbsent?: string | null;
  [more: string]: unknown;
}

/** GET configuration: tenant.yaml's shape without demo users and status, with the stored revision. */
export interface TenantConfiguration {
  slug?: string;
  name: string;
  timeZone: string;
  locale: string;
  fallbackLanguage?: string | null;
  branches: BranchConfig[];
  settings?: Record<string, unknown> | null;
  positions: PositionConfig[];
  chainOfCommand?: ChainOfCommand | null;
  revision?: string;
  [more: string]: unknown;
}

/** The live configuration as loaded, and the revision a plan or an apply must name. */
export interface Live {
  revision: string;
  configuration: TenantConfiguration;
}

/** What positions may do (the codes the modules ask about); a position may hold others the server knows. */
export const PERMISSIONS = [
  'be-in-charge',
  'handle-difficult-situations',
  'handle-complaints',
  'sign-incident-reports',
  'countersign-incident-reports',
  'receive-incident-reports',
  'grant-policy-exceptions',
  'handle-insurance-questions',
  'decide-disclosure-requests',
] as const;

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

/** The configuration without its revision, its lists always present. */
function complete(answer: TenantConfiguration): Live {
  const { revision = '', ...configuration } = answer;
  return {
    revision,
    configuration: { ...configuration, branches: configuration.branches ?? [], positions: configuration.positions ?? [] },
  };
}

export async function loadConfiguration(session: Session, signal?: AbortSignal): Promise<Live> {
  return complete(await getJson<TenantConfiguration>(tenantPath(session, 'configuration'), await options(session, signal)));
}

/** What applying the draft would change; nothing is written. */
export async function planConfiguration(session: Session, revision: string, configuration: TenantConfiguration): Promise<Plan> {
  return postJson(tenantPath(session, 'configuration/plan'), { revision, configuration: withoutNulls(configuration) }, await options(session));
}

/** Applies the draft on the revision it was loaded at; a stale revision is refused (409) and nothing is written. */
export async function applyConfiguration(session: Session, revision: string, configuration: TenantConfiguration): Promise<Plan> {
  return postJson(tenantPath(session, 'configuration/apply'), { revision, configuration: withoutNulls(configuration) }, await options(session));
}

/**
 * The configuration as tenant.yaml writes it: a field with no value is left out (the server never sends one, and
 * its schema takes an absent field, not a null, for "none").
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => withoutNulls(item)) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== null && field !== undefined)
        .map(([key, field]) => [key, withoutNulls(field)]),
    ) as T;
  }
  return value;
}

export async function downloadTenantYaml(session: Session): Promise<Download> {
  return getFile(tenantPath(session, 'configuration/tenant.yaml'), 'text/yaml, application/problem+json', await options(session));
}

// ---- the draft's edits ----

/** A branch's periods of one day as typed ("09:00-12:00, 13:00-17:00"). */
export function periodsText(periods: readonly string[] | null | undefined): string {
  return (periods ?? []).join(', ');
}

/** Periods typed with commas, semicolons or spaces between them; an empty box is a closed day. */
export function periodsOf(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((period) => period.trim())
    .filter(Boolean);
}

const PERIOD = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;

/** The periods typed that are not "HH:MM-HH:MM" with the end after the start (the server checks overlaps). */
export function badPeriods(periods: readonly string[]): string[] {
  return periods.filter((period) => {
    if (!PERIOD.test(period)) {
      return true;
    }
    const [from, to] = period.split('-');
    return from! >= to!;
  });
}

/** A week with one day's periods replaced. */
export function withDay(week: Week | null | undefined, day: Day, periods: string[]): Week {
  return { ...(week ?? {}), [day]: periods };
}

/** The closures of a branch in one month ("2026-12"), by day of the month. */
export function closuresIn(closures: readonly Closure[] | null | undefined, month: string): Map<number, Closure> {
  const found = new Map<number, Closure>();
  for (const closure of closures ?? []) {
    if (closure.date?.startsWith(`${month}-`)) {
      found.set(Number(closure.date.slice(8, 10)), closure);
    }
  }
  return found;
}

/** The weeks of a month as rows Monday to Sunday, each day its number or null before the 1st and after the last. */
export function monthGrid(month: string): (number | null)[][] {
  const [year, number] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year!, number! - 1, 1));
  const days = new Date(Date.UTC(year!, number!, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  const rows: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) {
    rows.push(cells.slice(i, i + 7));
  }
  return rows;
}

/** The month `step` months from `month` ("2026-12", 1 → "2027-01"). */
export function monthAfter(month: string, step: number): string {
  const [year, number] = month.split('-').map(Number);
  const next = new Date(Date.UTC(year!, number! - 1 + step, 1));
  return next.toISOString().slice(0, 7);
}

/** A list with its item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (target < 0 || target >= list.length) {
    return [...list];
  }
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

// ---- the server's refusals ----

/**
 * The server's refusals by the path of the draft they name ("branches[5].closures[0].date"), with any prefix of the
 * request body ("configuration.") and the index of one period ("monday[1]") taken off; the screens look up the paths
 * of their fields.
 */
export function refusalPath(field: string): string {
  return field.replace(/^.*?configuration\./, '').replace(/(\.(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|hours))\[\d+\]$/, '$1');
}

export function refusalsByPath(errors: readonly Violation[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const path = refusalPath(error.field);
    byPath.set(path, [...(byPath.get(path) ?? []), error.message]);
  }
  return byPath;
}

/** The id of the control that edits a path: "branches[5].closures[0].date" → "cfg-branches-5-closures-0-date". */
export function controlId(path: string): string {
  return `cfg-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/** A list with its item at `index` replaced by `change` of it. */
export function withItem<T>(list: readonly T[] | null | undefined, index: number, change: (item: T) => T): T[] {
  return (list ?? []).map((item, i) => (i === index ? change(item) : item));
}

/** The draft with one branch changed. */
export function withBranch(draft: TenantConfiguration, index: number, change: (branch: BranchConfig) => BranchConfig): TenantConfiguration {
  return { ...draft, branches: withItem(draft.branches, index, change) };
}

/** An optional text as the server keeps it: none rather than blank. */
export function optional(text: string): string | null {
  return text.trim() === '' ? null : text;
}
