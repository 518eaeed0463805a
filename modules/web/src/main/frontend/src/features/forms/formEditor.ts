/**
 * The incident form editor's model and API: the form as the editor holds it while typed (lists of lines as text, a
 * stable id per question so moving one keeps its inputs), the document it sends (the shape of incident-form.yaml, as
 * JSON), the server's plan and publication, and where each of the server's refusals belongs.
 */
import { getJson, postJson, type Violation } from '../../shared/api';
import { tenantPath, type Session } from '../../shared/session';
import type { FormCategory, FormDefinition, FormField, IncidentForm } from '../incidents/incidents';

export { FIELD_TYPES } from '../incidents/incidentForm';

/** The category catalogue (IncidentCategory): a form lists each at most once. */
export const CATEGORY_CODES = [
  'accident-injury',
  'theft',
  'vandalism',
  'break-in',
  'physical-altercation',
  'missing-person',
  'threat-of-harm',
  'angry-patron',
  'abusive-behaviour',
  'computer-use-ban',
  'other',
] as const;

export interface Recipient {
  code: string;
  name: string;
  receivesReports: boolean;
}

/** GET incident-forms/editing. */
export interface FormEditing {
  current: IncidentForm & { recipients?: Record<string, string[]> | null };
  positions: Recipient[];
}

export interface PlanChange {
  kind: string;
  key: string;
  action: string;
  fields: { field: string; before?: string | null; after?: string | null }[];
}

/** POST incident-forms/plan. */
export interface FormPlan {
  currentVersion?: number | null;
  nextVersion?: number | null;
  change: PlanChange;
  definition: FormDefinition;
  recipients: Record<string, string[]>;
}

export interface Publication {
  changed: boolean;
  current: { version: number };
}

export interface EditorQuestion {
  uid: string;
  key: string;
  label: string;
  type: string;
  required: boolean;
  help: string;
  /** One choice a line. */
  choices: string;
  /** As typed; empty: the type's default. */
  maxLength: string;
}

export interface EditorCategory {
  code: string;
  title: string;
  /** One line of guidance a line. */
  guidance: string;
  fields: EditorQuestion[];
  /** Null: every position that may receive incident reports. */
  recipients: string[] | null;
  verbalReportToHeadquarters: boolean;
  countersignature: boolean;
}

export interface EditorForm {
  title: string;
  guidance: string;
  fields: EditorQuestion[];
  categories: EditorCategory[];
  /** Kept as it is: the editor does not change it, and publishing must not drop it. */
  rest: Pick<FormDefinition & { deliveryDeadline?: unknown }, 'deliveryDeadline'>;
}

let next = 0;
function uid(): string {
  next += 1;
  return `q${next}`;
}

export function hasChoices(type: string): boolean {
  return type === 'choice' || type === 'multi-choice';
}

export function isText(type: string): boolean {
  return type === 'text' || type === 'long-text';
}

function questionOf(field: FormField): EditorQuestion {
  return {
    uid: uid(),
    key: field.key,
    label: field.label ?? '',
    type: field.type,
    required: field.required === true,
    help: field.help ?? '',
    choices: (field.choices ?? []).join('\n'),
    maxLength: field.maxLength ? String(field.maxLength) : '',
  };
}

/** The editor's start: the form as it is now. */
export function editorFormOf(definition: FormDefinition & { deliveryDeadline?: unknown }): EditorForm {
  return {
    title: definition.title ?? '',
    guidance: (definition.guidance ?? []).join('\n'),
    fields: (definition.fields ?? []).map(questionOf),
    categories: (definition.categories ?? []).map((category) => ({
      code: category.code,
      title: category.title ?? '',
      guidance: (category.guidance ?? []).join('\n'),
      fields: (category.fields ?? []).map(questionOf),
      recipients: category.recipients ? [...category.recipients] : null,
      verbalReportToHeadquarters: category.verbalReportToHeadquarters === true,
      countersignature: category.countersignature === true,
    })),
    rest: definition.deliveryDeadline ? { deliveryDeadline: definition.deliveryDeadline } : {},
  };
}

export function newQuestion(taken: readonly string[]): EditorQuestion {
  let n = 1;
  while (taken.includes(`question${n}`)) n += 1;
  return { uid: uid(), key: `question${n}`, label: '', type: 'text', required: false, help: '', choices: '', maxLength: '' };
}

/** "Where it happened" → "whereItHappened": a key for a new question from its label ([a-z][A-Za-z0-9]{0,39}). */
export function keyOf(label: string): string {
  const words = label
    .normalize('NFD')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
  const start = key.replace(/^[^a-z]+/, '');
  return start.slice(0, 40);
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function fieldDocument(question: EditorQuestion): FormField {
  const field: FormField = { key: question.key.trim(), label: question.label, type: question.type, required: question.required };
  if (question.help.trim()) field.help = question.help;
  if (hasChoices(question.type)) field.choices = lines(question.choices);
  if (isText(question.type) && question.maxLength.trim()) {
    const max = Number(question.maxLength.trim());
    // What does not read as a number is sent as is, so the server names the field.
    field.maxLength = Number.isInteger(max) ? max : (question.maxLength.trim() as unknown as number);
  }
  return field;
}

/** What is sent: the shape of incident-form.yaml; empty optional parts left out. */
export function documentOf(form: EditorForm): FormDefinition {
  const document: FormDefinition & Record<string, unknown> = {
    ...form.rest,
    fields: form.fields.map(fieldDocument),
    categories: form.categories.map((category) => {
      const written: FormCategory = {
        code: category.code,
        guidance: lines(category.guidance),
        fields: category.fields.map(fieldDocument),
        verbalReportToHeadquarters: category.verbalReportToHeadquarters,
        countersignature: category.countersignature,
      };
      if (category.title) written.title = category.title;
      if (category.recipients) written.recipients = [...category.recipients];
      return written;
    }),
  };
  if (form.title) document.title = form.title;
  const guidance = lines(form.guidance);
  if (guidance.length > 0) document.guidance = guidance;
  return document;
}

/** The path of a control in the document the server checks: "fields[0].label", "categories[2].recipients". */
export function pathOf(category: number | undefined, index?: number, part?: string): string {
  const base = category === undefined ? 'fields' : `categories[${category}].fields`;
  return index === undefined ? base : `${base}[${index}]${part ? `.${part}` : ''}`;
}

/**
 * Each refusal under the nearest path the editor has a control for ("categories[0].fields[1].choices[2]" → its
 * choices); what names none of them stays in `other`.
 */
export function placeProblems(errors: readonly Violation[], known: ReadonlySet<string>): { byPath: Record<string, string[]>; other: string[] } {
  const byPath: Record<string, string[]> = {};
  const other: string[] = [];
  for (const error of errors) {
    let path = error.field;
    while (path && !known.has(path)) {
      const shorter = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      path = shorter === path ? '' : shorter;
    }
    if (path) {
      (byPath[path] ??= []).push(error.message);
    } else {
      other.push(error.field ? `${error.field}: ${error.message}` : error.message);
    }
  }
  return { byPath, other };
}

export async function loadEditing(session: Session, signal?: AbortSignal): Promise<FormEditing> {
  return getJson(tenantPath(session, 'incident-forms/editing'), { token: await session.token(), signal });
}

export async function planForm(session: Session, document: FormDefinition): Promise<FormPlan> {
  return postJson(tenantPath(session, 'incident-forms/plan'), document, { token: await session.token() });
}

/** Publishes what was planned; refused (409) if a version was published since `basedOn`. */
export async function publishForm(session: Session, document: FormDefinition, basedOn: number): Promise<Publication> {
  return postJson(tenantPath(session, 'incident-forms', { basedOn: String(basedOn) }), document, { token: await session.token() });
}
