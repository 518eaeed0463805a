/**
 * The service-standards API as the screens use it (modules/standards, /api/tenants/{slug}/standards and /training):
 * the library system's standards in its order, the catalogue changes a tenant administrator reviews, the training
 * scenarios and their completion. Every call goes through api.ts with a current token from the session.
 * Below the calls: who may see what on these screens, and how codes read, without React.
 */
import type { Me } from '../../shared/api';
import { getJson, postEmpty, postJson } from '../../shared/api';
import { codeLabeller, type MessageId } from '../../shared/i18n/i18n';
import { ROLE, tenantPath, type Session } from '../../shared/session';

/** The kinds of entry, in the order the standards screen groups them. */
export const STANDARD_KINDS = ['principle', 'method', 'response-guide', 'phone-and-email', 'checklist', 'scenario'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

export interface Named {
  code: string;
  name: string;
}

/** One step of a method (BLAST, HEAR): what to do, and examples of what to say and what to avoid. */
export interface MethodStep {
  name: string;
  action?: string | null;
  say?: string[] | null;
  avoid?: string[] | null;
}

export interface ScenarioChoice {
  key: string;
  text: string;
}

export interface ScenarioText {
  situation: string;
  choices?: ScenarioChoice[] | null;
  recommended?: string | null;
  why?: string | null;
}

/** An entry's words: the parts its kind uses; the rest are absent or empty. */
export interface StandardWords {
  title: string;
  summary?: string | null;
  points?: string[] | null;
  avoid?: string[] | null;
  steps?: MethodStep[] | null;
  scenario?: ScenarioText | null;
}

/** GET standards: an entry as the library system's staff see it, in their language. */
export interface Standard extends StandardWords {
  id: string;
  kind: StandardKind | string;
  /** The library system's own entry, not from the shared catalogue. */
  own: boolean;
  /** The library system put a shared entry in its own words; `original` holds the shared ones. */
  reworded: boolean;
  original?: StandardWords | null;
  links?: { positions?: Named[] | null; situations?: Named[] | null } | null;
}

/** One entry's move from the catalogue version last reviewed to the current one. */
export interface CatalogueChange {
  id: string;
  kind: string;
  title?: string | null;
  what: string;
  fromVersion?: number | null;
  toVersion?: number | null;
  changedParts?: string[] | null;
  adopted?: boolean | null;
  reworded?: boolean | null;
  rewordedIn?: string[] | null;
}

/** GET standards/changes (tenant administrators). */
export interface CatalogueChanges {
  reviewedVersion?: number | null;
  currentVersion: number;
  changes: CatalogueChange[];
}

/** GET training: a scenario without its answer; `chosen` is the key the staff member last chose, once done. */
export interface TrainingScenario {
  id: string;
  title: string;
  situation: string;
  choices: ScenarioChoice[];
  done: boolean;
  chosen?: string | null;
}

/** POST training/{id}: the answer to a choice; the scenario is marked done. */
export interface TrainingAnswer {
  correct: boolean;
  /** The key of the recommended choice. */
  recommended: string;
  why: string;
}

export interface StaffCompletion {
  staffId: string;
  tagName: string;
  branch: string;
  done: number;
}

/** GET training/completion (persons in charge: their branch; headquarters and tenant administrators: any). */
export interface Completion {
  scenarios: number;
  staff: StaffCompletion[];
}

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

export async function loadStandards(session: Session, signal?: AbortSignal): Promise<Standard[]> {
  return getJson(tenantPath(session, 'standards'), await options(session, signal));
}

export async function loadStandard(session: Session, id: string, signal?: AbortSignal): Promise<Standard> {
  return getJson(tenantPath(session, `standards/${encodeURIComponent(id)}`), await options(session, signal));
}

export async function loadCatalogueChanges(session: Session, signal?: AbortSignal): Promise<CatalogueChanges> {
  return getJson(tenantPath(session, 'standards/changes'), await options(session, signal));
}

export async function markCatalogueReviewed(session: Session): Promise<void> {
  await postEmpty(tenantPath(session, 'standards/changes/review'), await options(session));
}

export async function loadTraining(session: Session, signal?: AbortSignal): Promise<TrainingScenario[]> {
  return getJson(tenantPath(session, 'training'), await options(session, signal));
}

export async function answerScenario(session: Session, id: string, choice: string): Promise<TrainingAnswer> {
  return postJson(tenantPath(session, `training/${encodeURIComponent(id)}`), { choice }, await options(session));
}

export async function loadCompletion(session: Session, branch: string | undefined, signal?: AbortSignal): Promise<Completion> {
  return getJson(tenantPath(session, 'training/completion', { branch }), await options(session, signal));
}

// ---- who may see what (the server checks again) ----

/** Persons in charge (their branch), headquarters and tenant administrators (every branch) see who has trained. */
export function seesCompletion(me: Pick<Me, 'roles'>): boolean {
  return [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin].some((role) => me.roles.includes(role));
}

export function reviewsCatalogue(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes(ROLE.tenantAdmin);
}

// ---- how codes read ----

const KIND_LABELS: Record<string, MessageId> = {
  principle: 'standards.kind.principle',
  method: 'standards.kind.method',
  'response-guide': 'standards.kind.response-guide',
  'phone-and-email': 'standards.kind.phone-and-email',
  checklist: 'standards.kind.checklist',
  scenario: 'standards.kind.scenario',
  policy: 'standards.kind.policy',
};

const GROUP_LABELS: Record<string, MessageId> = {
  principle: 'standards.group.principle',
  method: 'standards.group.method',
  'response-guide': 'standards.group.response-guide',
  'phone-and-email': 'standards.group.phone-and-email',
  checklist: 'standards.group.checklist',
  scenario: 'standards.group.scenario',
};

const CHANGE_LABELS: Record<string, MessageId> = {
  added: 'standards.change.added',
  changed: 'standards.change.changed',
  retired: 'standards.change.retired',
  removed: 'standards.change.removed',
};

/** The kind of one entry or desk topic ("Response guide"); a kind this app does not know reads as its code. */
export const kindLabel = codeLabeller(KIND_LABELS, (code) => code);
/** The heading of a group of entries ("Response guides"). */
export const groupLabel = codeLabeller(GROUP_LABELS, (code) => code);
/** What happened to an entry ("Changed"). */
export const changeLabel = codeLabeller(CHANGE_LABELS, (code) => code);

/** A code as the catalogue's files write it ("response-guide"), should the server send a Java enum's name instead. */
export function fileCode(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

export interface StandardGroup {
  kind: string;
  standards: Standard[];
}

/**
 * The entries grouped by kind, the groups in the order of STANDARD_KINDS (kinds this app does not know last), each
 * group in the library system's order.
 */
export function groupByKind(standards: readonly Standard[]): StandardGroup[] {
  const groups = new Map<string, Standard[]>();
  for (const standard of standards) {
    const list = groups.get(standard.kind) ?? [];
    list.push(standard);
    groups.set(standard.kind, list);
  }
  const rank = (kind: string) => {
    const index = (STANDARD_KINDS as readonly string[]).indexOf(kind);
    return index < 0 ? STANDARD_KINDS.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([kind, list]) => ({ kind, standards: list }));
}

/** The words of a choice by its key, or the key itself when the scenario does not list it. */
export function choiceText(choices: readonly ScenarioChoice[] | null | undefined, key: string): string {
  return choices?.find((choice) => choice.key === key)?.text ?? key;
}

/** The first scenario not yet done, else the first one: where training picks up. */
export function firstToDo(scenarios: readonly TrainingScenario[]): number {
  const index = scenarios.findIndex((scenario) => !scenario.done);
  return index < 0 ? 0 : index;
}
