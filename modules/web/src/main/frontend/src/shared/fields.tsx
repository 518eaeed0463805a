/**
 * The parts every form field is made of: a label (with "required" in words), the control, a hint and the problems
 * found with it, tied to the control by ids so a screen reader reads them with it.
 */
import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n';

/** "(required)" in words, so it is read out and printed; never a colour or an asterisk alone. */
export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useI18n();
  return required ? <span className="required">{t('form.required')}</span> : null;
}

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors || errors.length === 0) {
    return null;
  }
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** What a field's control must carry: its id, and whether and by what it is described and invalid. */
export interface ControlIds {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with its hint below it and its errors last. The control is made by `children` from the ids
 * it must carry; `<id>-hint` and `<id>-errors` name the hint and the error list.
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  hint?: ReactNode;
  /** The box's classes besides "has-errors" (default "field"), and an id for it when the page finds it by one. */
  className?: string;
  boxId?: string;
  children: (ids: ControlIds) => ReactNode;
}) {
  const { id } = props;
  const described = [props.hint ? `${id}-hint` : '', props.errors ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div id={props.boxId} className={`${props.className ?? 'field'}${props.errors ? ' has-errors' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required === true} />
      </label>
      {props.children({
        id,
        'aria-invalid': props.errors ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} errors={props.errors} />
    </div>
  );
}
