/**
 * One widget per kind of question, all native controls (so the keyboard, type-ahead in lists and screen
 * readers work as everywhere): text, long text, date and time, choices, yes or no, numbers and a staff member
 * from the roster. Labels, hints, "required" and the server's refusals are tied to each control.
 */
import type { ReactNode } from 'react';
import type { DraftValue, Question } from './incidentForm';
import type { StaffMember } from '../staffing/staffing';
import { FieldErrors, RequiredMark } from '../../shared/fields';
import { useI18n } from '../../shared/i18n/i18n';

export interface FieldProps {
  question: Question;
  /** Unique on the page: ids of the control, its hint and its errors start with it. */
  idPrefix: string;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  errors?: readonly string[];
  staff?: readonly StaffMember[];
  staffProblem?: string;
}

export function QuestionField(props: FieldProps) {
  const { question, idPrefix, value, onChange, errors } = props;
  const { t } = useI18n();
  const id = `${idPrefix}-${question.key}`;
  const hintId = question.help ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const invalid = errorId ? true : undefined;
  const text = typeof value === 'string' ? value : '';
  const hint = question.help ? (
    <p id={hintId} className="hint">
      {question.help}
    </p>
  ) : null;
  const errorList = <FieldErrors id={`${id}-errors`} errors={errors} />;
  // What every single control carries: its id, and that it is required, invalid and described by hint and errors.
  const control = {
    id,
    'aria-required': question.required || undefined,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
  };

  const single = (control: ReactNode) => (
    <div className={`field question${errorId ? ' has-errors' : ''}`}>
      <label htmlFor={id}>
        {question.label}
        <RequiredMark required={question.required} />
      </label>
      {hint}
      {control}
      {errorList}
    </div>
  );

  const group = (controls: ReactNode, role?: 'radiogroup') => (
    <fieldset
      className={`field question choice-group${errorId ? ' has-errors' : ''}`}
      role={role}
      aria-labelledby={`${id}-legend`}
      aria-required={role && question.required ? true : undefined}
      aria-describedby={describedBy}
      aria-invalid={role ? invalid : undefined}
    >
      <legend id={`${id}-legend`}>
        {question.label}
        <RequiredMark required={question.required} />
      </legend>
      {hint}
      {controls}
      {errorList}
    </fieldset>
  );

  switch (question.type) {
    case 'long-text':
      return single(
        <textarea
          {...control}
          rows={4}
          value={text}
          maxLength={question.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'date-time':
      return single(
        <input
          {...control}
          type="datetime-local"
          value={text}
          onChange={(event) => onChange(event.target.value || undefined)}
        />,
      );
    case 'number':
      // Text with a decimal keypad: a number input would swallow what does not parse and change on scroll.
      return single(
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />,
      );
    case 'staff-member':
      return single(
        <>
          <select
            {...control}
            value={text}
            onChange={(event) => onChange(event.target.value || undefined)}
          >
            <option value="">{question.required ? t('form.chooseStaff') : t('form.nobody')}</option>
            {text && !props.staff?.some((person) => person.id === text) && <option value={text}>{t('form.notInList')}</option>}
            {props.staff?.map((person) => (
              <option key={person.id} value={person.id}>
                {t('form.staffOption', { name: person.tagName, position: person.positionName, branch: person.branchName })}
              </option>
            ))}
          </select>
          {props.staffProblem && <p className="hint">{props.staffProblem}</p>}
        </>,
      );
    case 'choice':
      return group(
        <>
          {question.choices.map((choice, index) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name={id}
                id={`${id}-${index}`}
                value={choice}
                checked={text === choice}
                onChange={() => onChange(choice)}
              />{' '}
              {choice}
            </label>
          ))}
          {!question.required && text && (
            <button type="button" className="button quiet-button small" onClick={() => onChange(undefined)}>
              {t('form.clear')}
            </button>
          )}
        </>,
        'radiogroup',
      );
    case 'multi-choice': {
      const chosen = Array.isArray(value) ? value : [];
      return group(
        question.choices.map((choice, index) => (
          <label key={choice} className="choice">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              value={choice}
              checked={chosen.includes(choice)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? question.choices.filter((c) => c === choice || chosen.includes(c))
                    : chosen.filter((c) => c !== choice),
                )
              }
            />{' '}
            {choice}
          </label>
        )),
      );
    }
    case 'yes-no':
      return group(
        <>
          {[true, false].map((answer) => (
            <label key={String(answer)} className="choice">
              <input
                type="radio"
                name={id}
                id={`${id}-${answer ? 'yes' : 'no'}`}
                checked={value === answer}
                onChange={() => onChange(answer)}
              />{' '}
              {answer ? t('answer.yes') : t('answer.no')}
            </label>
          ))}
        </>,
        'radiogroup',
      );
    default:
      return single(
        <input
          {...control}
          type="text"
          value={text}
          maxLength={question.maxLength}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />,
      );
  }
}
