/** Choosing a branch, the same way on every screen. */
import type { Me } from './api';
import { Field } from './fields';
import type { Branch } from './session';

/** The branch a screen starts with: mine, else (headquarters without a home branch) the headquarters. */
export function startingBranch(me: Me, branches: readonly Branch[] | undefined): string | undefined {
  return me.branch || branches?.find((b) => b.headquarters)?.code || branches?.[0]?.code;
}

export function BranchPicker(props: {
  id: string;
  label: string;
  branches: readonly Branch[] | undefined;
  value: string;
  onChange: (code: string) => void;
  allLabel?: string;
}) {
  const { branches } = props;
  return (
    <Field id={props.id} label={props.label}>
      {(ids) => (
        <select {...ids} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
          {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
          {props.value && !branches?.some((b) => b.code === props.value) && <option value={props.value}>{props.value}</option>}
          {branches?.map((branch) => (
            <option key={branch.code} value={branch.code}>
              {branch.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
