/**
 * The controls above a list that narrow what it shows (bans, incident reports). Each reports `undefined` for "no
 * filter", so a filter object holds only what the staff member chose and the list's query leaves the rest out.
 */
import type { ReactNode } from 'react';
import { Field } from './fields';

/** A choice among codes, the first option (empty) meaning any of them. */
export function ChoiceFilter(props: {
  id: string;
  label: string;
  /** The words of the empty choice, e.g. "Any status". */
  anyLabel: string;
  value: string | undefined;
  choices: readonly { code: string; label: string }[];
  onChange: (code: string | undefined) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      {(ids) => (
        <select {...ids} value={props.value ?? ''} onChange={(event) => props.onChange(event.target.value || undefined)}>
          <option value="">{props.anyLabel}</option>
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

/** A checkbox that, when ticked, shows only some rows (those overdue, those due for review). */
export function OnlyFilter(props: { checked: boolean | undefined; onChange: (only: true | undefined) => void; children: ReactNode }) {
  return (
    <div className="field checkbox-filters">
      <label>
        <input type="checkbox" checked={props.checked === true} onChange={(event) => props.onChange(event.target.checked || undefined)} />{' '}
        {props.children}
      </label>
    </div>
  );
}
