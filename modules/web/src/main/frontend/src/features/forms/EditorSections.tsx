/**
 * The parts of the form editor: a list of questions (the form's own, or a category's) with "Add a question", and one
 * category's settings (title, guidance, who receives its reports, the call to headquarters, countersignature).
 */
import { useState } from 'react';
import { Field } from '../../shared/fields';
import { useI18n } from '../../shared/i18n/i18n';
import { newQuestion, pathOf, type EditorCategory, type EditorQuestion, type Recipient } from './formEditor';
import { QuestionEditor } from './QuestionEditor';

/** Moves one item of a list by one place. */
function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(index + by, 0, item!);
  return copy;
}

export function QuestionList(props: {
  questions: EditorQuestion[];
  category?: number;
  /** Every key in use where these questions are asked, so a new one gets a key of its own. */
  taken: readonly string[];
  errors: Record<string, string[]>;
  onChange: (questions: EditorQuestion[]) => void;
  headingId: string;
}) {
  const { t } = useI18n();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const { questions, category } = props;
  const focusLabel = (index: number) =>
    window.requestAnimationFrame(() => document.getElementById(`fe-${pathOf(category, index, 'label').replace(/[^A-Za-z0-9]+/g, '-')}`)?.focus());
  const add = () => {
    const question = newQuestion(props.taken);
    setFresh((current) => new Set(current).add(question.uid));
    props.onChange([...questions, question]);
    focusLabel(questions.length);
  };
  const listErrors = props.errors[pathOf(category)];
  return (
    <>
      {questions.length === 0 && <p className="quiet">{t('formEditor.noQuestions')}</p>}
      <ol className="editor-questions" aria-labelledby={props.headingId}>
        {questions.map((question, index) => (
          <QuestionEditor
            key={question.uid}
            question={question}
            category={category}
            index={index}
            count={questions.length}
            fresh={fresh.has(question.uid)}
            errors={props.errors}
            onChange={(change) => props.onChange(questions.map((q) => (q.uid === question.uid ? { ...q, ...change } : q)))}
            onMove={(by) => props.onChange(moved(questions, index, by))}
            onRemove={() => {
              props.onChange(questions.filter((q) => q.uid !== question.uid));
              focusLabel(Math.max(0, index - 1));
            }}
          />
        ))}
      </ol>
      {listErrors && (
        <ul className="field-errors">
          {listErrors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={add}>
        {t('formEditor.addQuestion')}
      </button>
    </>
  );
}

export function CategorySettings(props: {
  category: EditorCategory;
  index: number;
  positions: readonly Recipient[];
  errors: Record<string, string[]>;
  onChange: (change: Partial<EditorCategory>) => void;
}) {
  const { t } = useI18n();
  const { category, index, errors } = props;
  const at = (part: string) => `categories[${index}].${part}`;
  const id = (part: string) => `fe-categories-${index}-${part}`;
  const chosen = category.recipients;
  const defaults = props.positions.filter((p) => p.receivesReports).map((p) => p.name);
  return (
    <>
      <Field id={id('title')} label={t('formEditor.categoryTitle')} required errors={errors[at('title')]}>
        {(ids) => (
          <input {...ids} type="text" autoComplete="off" aria-required maxLength={120} value={category.title} onChange={(event) => props.onChange({ title: event.target.value })} />
        )}
      </Field>
      <Field id={id('guidance')} label={t('formEditor.categoryGuidance')} errors={errors[at('guidance')]} hint={t('formEditor.guidanceHint')}>
        {(ids) => <textarea {...ids} rows={3} value={category.guidance} onChange={(event) => props.onChange({ guidance: event.target.value })} />}
      </Field>
      <fieldset className={`field choice-group${errors[at('recipients')] ? ' has-errors' : ''}`} id={id('recipients')}>
        <legend>{t('formEditor.recipients')}</legend>
        <label className="choice">
          <input type="checkbox" checked={chosen === null} onChange={(event) => props.onChange({ recipients: event.target.checked ? null : [] })} />{' '}
          {t('formEditor.recipientsDefault', { positions: defaults.join(', ') || t('formEditor.nobody') })}
        </label>
        {chosen !== null &&
          props.positions.map((position) => (
            <label key={position.code} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(position.code)}
                onChange={(event) =>
                  props.onChange({
                    recipients: event.target.checked
                      ? props.positions.filter((p) => p.code === position.code || chosen.includes(p.code)).map((p) => p.code)
                      : chosen.filter((code) => code !== position.code),
                  })
                }
              />{' '}
              {position.name}
            </label>
          ))}
        {errors[at('recipients')] && (
          <ul className="field-errors">
            {errors[at('recipients')]!.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            id={id('verbal')}
            checked={category.verbalReportToHeadquarters}
            onChange={(event) => props.onChange({ verbalReportToHeadquarters: event.target.checked })}
          />{' '}
          {t('formEditor.verbalReport')}
        </label>
        <label className="choice">
          <input type="checkbox" id={id('countersignature')} checked={category.countersignature} onChange={(event) => props.onChange({ countersignature: event.target.checked })} />{' '}
          {t('formEditor.countersignature')}
        </label>
      </div>
    </>
  );
}
