/**
 * The parts every form field is made of: a label (with "required" in words), the control, a hint and the problems
 * found with it, tied to the control by ids so a screen reader reads them with it.
 */
import type { ChangeEvent, ReactNode } from 'react';
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

/** What the server refused about a form that names no field of it: under a title, one line each; nothing if none. */
export function FormRefusals({ title, lines }: { title: string; lines: readonly string[] }) {
  if (lines.length === 0) {
    return null;
  }
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{title}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** The fields of a form's draft that hold free text (not a choice among codes). */
type TextKeys<T> = { [K in keyof T]-?: string extends T[K] ? K : never }[keyof T];

/**
 * Ties text controls to a form's draft: `bind(name)` gives the `value` and `onChange` of a control that shows and
 * edits `draft[name]`; `edit` receives the changed part.
 */
export function textBinding<T>(draft: T, edit: (change: Partial<T>) => void) {
  return (name: TextKeys<T>) => ({
    value: draft[name] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit({ [name]: event.target.value } as Partial<T>),
  });
}

/**
 * The button that sends a form. While the form is being sent it is marked busy with aria-disabled, not disabled: a
 * disabled button would drop the keyboard's focus to the page's start (a second press meanwhile is ignored anyway).
 */
export function SubmitButton({ busy, primary = true, children }: { busy: boolean; primary?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className={primary ? 'button primary' : 'button'} aria-disabled={busy}>
      {children}
    </button>
  );
}

/**
 * A person's name typed at the desk: plain text the browser never completes from earlier entries (the computers are
 * shared, and earlier entries name patrons), at most the 200 characters the server keeps.
 */
export const NAME_INPUT = { type: 'text', autoComplete: 'off', maxLength: 200 } as const;
