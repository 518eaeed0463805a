/**
 * One question of the form in the editor: key, label, type, required, hint, and choices or a length where the type
 * has them; move up, move down and remove are buttons named with the question's label, so the keyboard and screen
 * readers reorder as well as a mouse. The server's problems are shown at the control they name.
 */
import { Field } from '../../shared/fields';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { FIELD_TYPES, hasChoices, isText, keyOf, pathOf, type EditorQuestion } from './formEditor';

const TYPE_LABELS: Record<string, MessageId> = {
  text: 'formEditor.type.text',
  'long-text': 'formEditor.type.longText',
  'date-time': 'formEditor.type.dateTime',
  choice: 'formEditor.type.choice',
  'multi-choice': 'formEditor.type.multiChoice',
  'yes-no': 'formEditor.type.yesNo',
  number: 'formEditor.type.number',
  'staff-member': 'formEditor.type.staffMember',
};

export function QuestionEditor(props: {
  question: EditorQuestion;
  category?: number;
  index: number;
  count: number;
  /** A question added in this session: its key follows its label until the key is typed. */
  fresh: boolean;
  errors: Record<string, string[]>;
  onChange: (change: Partial<EditorQuestion>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { question, category, index } = props;
  const path = (part: string) => pathOf(category, index, part);
  const id = (part: string) => `fe-${path(part).replace(/[^A-Za-z0-9]+/g, '-')}`;
  const errors = (part: string) => props.errors[path(part)];
  const name = question.label.trim() || question.key;
  const own = props.errors[pathOf(category, index)];
  return (
    <li className="editor-question" aria-label={t('formEditor.question', { number: index + 1, label: name })}>
      <div className="editor-question-row">
        <Field id={id('label')} label={t('formEditor.label')} required errors={errors('label')}>
          {(ids) => (
            <input
              {...ids}
              type="text"
              autoComplete="off"
              aria-required
              maxLength={200}
              value={question.label}
              onChange={(event) =>
                props.onChange(props.fresh ? { label: event.target.value, key: keyOf(event.target.value) || question.key } : { label: event.target.value })
              }
            />
          )}
        </Field>
        <Field id={id('type')} label={t('formEditor.type')} errors={errors('type')}>
          {(ids) => (
            <select {...ids} value={question.type} onChange={(event) => props.onChange({ type: event.target.value })}>
              {FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(TYPE_LABELS[type]!)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className={`field choice-field${errors('required') ? ' has-errors' : ''}`}>
          <label className="choice">
            <input type="checkbox" id={id('required')} checked={question.required} onChange={(event) => props.onChange({ required: event.target.checked })} />{' '}
            {t('formEditor.required')}
          </label>
        </div>
      </div>
      <div className="editor-question-row">
        <Field id={id('key')} label={t('formEditor.key')} required errors={errors('key')} hint={t('formEditor.keyHint')}>
          {(ids) => (
            <input
              {...ids}
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-required
              maxLength={40}
              value={question.key}
              onChange={(event) => props.onChange({ key: event.target.value })}
            />
          )}
        </Field>
        <Field id={id('help')} label={t('formEditor.help')} errors={errors('help')}>
          {(ids) => <input {...ids} type="text" autoComplete="off" maxLength={500} value={question.help} onChange={(event) => props.onChange({ help: event.target.value })} />}
        </Field>
        {hasChoices(question.type) && (
          <Field id={id('choices')} label={t('formEditor.choices')} required errors={errors('choices')} hint={t('formEditor.choicesHint')}>
            {(ids) => <textarea {...ids} rows={3} aria-required value={question.choices} onChange={(event) => props.onChange({ choices: event.target.value })} />}
          </Field>
        )}
        {isText(question.type) && (
          <Field id={id('maxLength')} label={t('formEditor.maxLength')} errors={errors('maxLength')} hint={t('formEditor.maxLengthHint')}>
            {(ids) => (
              <input {...ids} type="text" inputMode="numeric" autoComplete="off" value={question.maxLength} onChange={(event) => props.onChange({ maxLength: event.target.value })} />
            )}
          </Field>
        )}
      </div>
      {own && (
        <ul className="field-errors">
          {own.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div className="editor-question-actions">
        <button type="button" className="button quiet-button small" aria-disabled={index === 0} onClick={() => index > 0 && props.onMove(-1)}>
          {t('formEditor.moveUp', { label: name })}
        </button>
        <button
          type="button"
          className="button quiet-button small"
          aria-disabled={index === props.count - 1}
          onClick={() => index < props.count - 1 && props.onMove(1)}
        >
          {t('formEditor.moveDown', { label: name })}
        </button>
        <button type="button" className="button quiet-button small" onClick={props.onRemove}>
          {t('formEditor.remove', { label: name })}
        </button>
      </div>
    </li>
  );
}
