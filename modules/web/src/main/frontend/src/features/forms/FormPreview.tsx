/**
 * The form as desk staff will see it, while it is typed: pick a category, and its guidance and questions are shown
 * with the desk's own question controls (IncidentFields), which can be tried out; nothing here is saved.
 */
import { useId, useState } from 'react';
import { QuestionField } from '../incidents/IncidentFields';
import { guidanceFor, questionsFor, titleOfCode, type Draft } from '../incidents/incidentForm';
import type { FormDefinition } from '../incidents/incidents';
import { useI18n } from '../../shared/i18n/i18n';
import type { Recipient } from './formEditor';

export function FormPreview(props: { definition: FormDefinition; positions: readonly Recipient[]; category: string; onCategory: (code: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [answers, setAnswers] = useState<Draft>({});
  const { definition } = props;
  const categories = definition.categories ?? [];
  const category = categories.find((c) => c.code === props.category) ?? categories[0];
  if (!category) {
    return <p className="quiet">{t('formEditor.preview.noCategory')}</p>;
  }
  const title = category.title?.trim() || titleOfCode(category.code);
  const questions = questionsFor(definition, category.code);
  const guidance = guidanceFor(definition, category.code);
  const named = (codes: readonly string[]) => codes.map((code) => props.positions.find((p) => p.code === code)?.name ?? code).join(', ');
  const recipients = category.recipients ?? props.positions.filter((p) => p.receivesReports).map((p) => p.code);
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('formEditor.preview.category')}</label>
        <select id={`${id}-category`} value={category.code} onChange={(event) => props.onCategory(event.target.value)}>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.title?.trim() || titleOfCode(c.code)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-preview" aria-label={t('formEditor.preview.asDeskSees')} role="group">
        <h3>{t('draft.title', { category: title })}</h3>
        {guidance.length > 0 && (
          <section className="guidance" aria-labelledby={`${id}-guidance`}>
            <h4 id={`${id}-guidance`}>{t('draft.guidance')}</h4>
            <ul>
              {guidance.map((line, index) => (
                <li key={`${index}-${line}`}>{line}</li>
              ))}
            </ul>
          </section>
        )}
        {category.verbalReportToHeadquarters && <p className="step-note">{t('start.phoneHeadquarters')}</p>}
        {category.countersignature && <p className="step-note">{t('start.countersignAfter')}</p>}
        <p className="hint">{t('draft.requiredHint')}</p>
        {questions.map((question, index) => (
          <QuestionField
            key={`${index}-${question.key}`}
            question={question}
            idPrefix={`${id}-q${index}`}
            value={answers[question.key]}
            onChange={(value) => setAnswers((current) => ({ ...current, [question.key]: value }))}
            staff={[]}
          />
        ))}
        <p className="quiet">{t('formEditor.preview.recipients', { positions: named(recipients) || t('formEditor.nobody') })}</p>
      </div>
    </>
  );
}
