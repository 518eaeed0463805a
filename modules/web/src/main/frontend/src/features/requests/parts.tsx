/**
 * What the patron-requests screens share: how a refusal is placed at its field, a box of text, a small form that does
 * one thing to a matter, the facts of a matter, and a time on the library system's clock.
 */
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { Field } from '../../shared/fields';
import type { PlacedViolations } from '../incidents/incidentForm';
import { FormEnd } from '../policies/parts';
import { atText, placeRefusals } from '../policies/policies';
import { everyBranch } from './requests';
import { BranchPicker } from '../../shared/BranchPicker';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export const NONE: PlacedViolations = { byField: {}, other: [] };

/**
 * A refusal with field errors (400, 422 naming fields) goes to the fields it names; anything else is a problem to show
 * as it is.
 */
export function refusalOf(problem: ApiError | undefined, fields: readonly string[]): { placed: PlacedViolations; shown?: ApiError } {
  if (problem && (problem.status === 400 || problem.status === 422) && problem.errors.length > 0) {
    return { placed: placeRefusals(problem.errors, fields) };
  }
  return { placed: NONE, shown: problem };
}

/** The longest text a box takes, counted as the server counts (characters, not UTF-16 units). */
export function tooLong(text: string, max: number): boolean {
  return [...text.trim()].length > max;
}

export function TextBox(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
  required?: boolean;
  hint?: string;
  rows?: number;
}) {
  return (
    <Field id={props.id} label={props.label} errors={props.errors} required={props.required} hint={props.hint}>
      {(ids) => (
        <textarea
          {...ids}
          rows={props.rows ?? 3}
          aria-required={props.required || undefined}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice among codes as a native select (arrow keys and type-ahead work). */
export function Choice(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly { code: string; label: string }[];
  onChange: (code: string) => void;
  errors?: readonly string[];
  required?: boolean;
  empty?: string;
}) {
  return (
    <Field id={props.id} label={props.label} errors={props.errors} required={props.required}>
      {(ids) => (
        <select {...ids} aria-required={props.required || undefined} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.choices.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One thing done to a matter (respond, close, reply, complete a step): its heading, its fields, its refusals. */
export function ActionForm(props: {
  id: string;
  title: string;
  intro?: string;
  submit: string;
  refused: string;
  busy: boolean;
  placed: PlacedViolations;
  problem?: ApiError;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const send = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <section className="matter-action" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.title}</h3>
      {props.intro && <p className="quiet">{props.intro}</p>}
      <form id={props.id} onSubmit={send} noValidate>
        {props.children}
        <FormEnd placed={props.placed} refused={props.refused} fieldsRefused={t('complaints.fieldsRefused')} busy={props.busy}>
          {props.submit}
        </FormEnd>
      </form>
      {props.problem && <ProblemNotice problem={props.problem} />}
    </section>
  );
}

/** The facts of a matter as a list of terms; a fact without a value is left out. */
export function Facts({ facts }: { facts: readonly [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** An instant on the library system's clock; nothing when there is none. */
export function When({ at }: { at: string | null | undefined }) {
  const i18n = useI18n();
  return at ? <time dateTime={at}>{atText(at, i18n)}</time> : null;
}

/**
 * The filters above a list of matters: the branch first for those who see every branch (a person in charge sees their
 * own, as the server narrows it), then the list's own filters.
 */
export function ListFilters(props: { id: string; label: string; branch: string | undefined; onBranch: (branch: string | undefined) => void; children: ReactNode }) {
  const { t } = useI18n();
  const { me, branches } = usePage();
  return (
    <form className="toolbar filters" aria-label={props.label} onSubmit={(event) => event.preventDefault()}>
      {everyBranch(me) && (
        <BranchPicker
          id={`${props.id}-branch`}
          label={t('field.branch')}
          branches={branches.data}
          value={props.branch ?? ''}
          allLabel={t('field.allBranches')}
          onChange={(branch) => props.onBranch(branch || undefined)}
        />
      )}
      {props.children}
    </form>
  );
}

/** The language a patron is written to in (the patron-requests API's codes: en, es). */
export function LanguageChoice(props: { id: string; label: string; value: string; onChange: (language: 'en' | 'es') => void; errors?: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Choice
      id={props.id}
      label={props.label}
      value={props.value}
      errors={props.errors}
      choices={[
        { code: 'en', label: t('complaints.language.en') },
        { code: 'es', label: t('complaints.language.es') },
      ]}
      onChange={(language) => props.onChange(language === 'es' ? 'es' : 'en')}
    />
  );
}
