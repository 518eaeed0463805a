/** The fields of the policy editor: a policy as policies.yaml writes it, with the Scale of Yes choosing what else is asked. */
import type { ReactNode } from 'react';
import { CATEGORIES, categoryLabel, codesOf, type Policy, type PolicyDocument } from './policies';
import { Field, RequiredMark, textBinding, type ControlIds } from '../../shared/fields';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';

export const EDITOR_FIELDS = [
  'key',
  'title',
  'category',
  'strictness',
  'text',
  'reason',
  'strictWhy',
  'exceptionLimits',
  'exceptionsBy',
  'owner',
  'appliesTo',
  'approvedBy',
  'approvedOn',
  'effectiveOn',
] as const;

/** The form's fields: the policy's, with the lists of position codes as typed. */
export type EditorDraft = Omit<Required<PolicyDocument>, 'exceptionsBy' | 'appliesTo' | 'approval'> & {
  exceptionsBy: string;
  appliesTo: string;
  approvedBy: string;
  approvedOn: string;
};

/** Where the server's names of the policy's fields differ from the form's. */
export const EDITOR_ALIASES: Record<string, string> = { 'approval.by': 'approvedBy', 'approval.on': 'approvedOn' };

/** The form's start: the policy as it is now, or empty for a new one. */
export function draftOf(policy?: Policy): EditorDraft {
  const current = policy?.current;
  return {
    key: policy?.key ?? '',
    title: current?.title ?? '',
    category: policy?.category ?? 'other',
    strictness: policy?.strictness === 'strict' ? 'strict' : 'flexible',
    text: current?.text ?? '',
    reason: current?.reason ?? '',
    strictWhy: policy?.strictWhy ?? '',
    exceptionLimits: policy?.exceptionLimits ?? '',
    exceptionsBy: policy?.exceptionsBy.map((p) => p.code).join(', ') ?? '',
    owner: policy?.owner?.code ?? '',
    appliesTo: policy?.appliesTo.join(', ') ?? '',
    approvedBy: current?.approvedBy ?? '',
    approvedOn: current?.approvedOn ?? '',
    effectiveOn: current?.effectiveOn ?? '',
  };
}

/** What is sent: trimmed, lists of codes as lists, and only the exception fields of the strictness chosen. */
export function documentOf(draft: EditorDraft): PolicyDocument {
  const written: PolicyDocument = {
    key: draft.key.trim(),
    category: draft.category,
    strictness: draft.strictness,
    owner: draft.owner.trim(),
    appliesTo: codesOf(draft.appliesTo),
    title: draft.title.trim(),
    text: draft.text.trim(),
    reason: draft.reason.trim(),
    approval: { by: draft.approvedBy.trim(), on: draft.approvedOn },
    effectiveOn: draft.effectiveOn,
  };
  if (draft.strictness === 'strict') {
    written.strictWhy = draft.strictWhy.trim();
  } else {
    written.exceptionLimits = draft.exceptionLimits.trim();
    written.exceptionsBy = codesOf(draft.exceptionsBy);
  }
  return written;
}

type EditorField = (typeof EDITOR_FIELDS)[number];
type TextField = Exclude<EditorField, 'strictness'>;

export function EditorFields(props: {
  draft: EditorDraft;
  onChange: (change: Partial<EditorDraft>) => void;
  errors: Record<string, string[]>;
  /** An existing policy keeps its key. */
  existing: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { draft, onChange, errors } = props;
  const bound = textBinding(draft, onChange);
  const field = (name: EditorField, label: MessageId, control: (ids: ControlIds) => ReactNode, options: { required?: boolean; hint?: MessageId } = {}) => (
    <Field id={`policy-${name}`} label={t(label)} errors={errors[name]} required={options.required} hint={options.hint && t(options.hint)}>
      {control}
    </Field>
  );
  const line = (name: TextField, label: MessageId, hint?: MessageId, required = true) =>
    field(name, label, (ids) => <input {...ids} type="text" autoComplete="off" aria-required={required} {...bound(name)} />, {
      required,
      hint,
    });
  const area = (name: TextField, label: MessageId, rows: number, required = true) =>
    field(name, label, (ids) => <textarea {...ids} rows={rows} aria-required={required} {...bound(name)} />, { required });

  return (
    <>
      {field(
        'key',
        'policies.field.key',
        (ids) => <input {...ids} type="text" autoComplete="off" spellCheck={false} aria-required readOnly={props.existing} {...bound('key')} />,
        { required: true, hint: 'policies.editor.keyHint' },
      )}
      {line('title', 'policies.field.title')}
      {field('category', 'policies.field.category', (ids) => (
        <select {...ids} value={draft.category} onChange={(event) => onChange({ category: event.target.value })}>
          {CATEGORIES.map((code) => (
            <option key={code} value={code}>
              {categoryLabel(code, i18n)}
            </option>
          ))}
        </select>
      ), { required: true })}
      <fieldset className={`field choice-group${errors.strictness ? ' has-errors' : ''}`}>
        <legend>
          {t('policies.field.strictness')}
          <RequiredMark required />
        </legend>
        {(['strict', 'flexible'] as const).map((code) => (
          <label key={code} className="choice">
            <input
              type="radio"
              name="policy-strictness"
              id={code === 'strict' ? 'policy-strictness' : undefined}
              value={code}
              checked={draft.strictness === code}
              onChange={() => onChange({ strictness: code })}
            />
            {t(code === 'strict' ? 'policies.editor.strict' : 'policies.editor.flexible')}
          </label>
        ))}
        {errors.strictness && (
          <ul className="field-errors">
            {errors.strictness.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
      {area('text', 'policies.field.text', 6)}
      {area('reason', 'policies.field.reason', 3)}
      {draft.strictness === 'strict' && area('strictWhy', 'policies.field.strictWhy', 2)}
      {draft.strictness === 'flexible' && area('exceptionLimits', 'policies.field.exceptionLimits', 2)}
      {draft.strictness === 'flexible' && line('exceptionsBy', 'policies.field.exceptionsBy', 'policies.editor.codesHint', false)}
      {line('owner', 'policies.field.owner', 'policies.editor.ownerHint')}
      {line('appliesTo', 'policies.field.appliesTo', 'policies.editor.appliesToHint', false)}
      {line('approvedBy', 'policies.field.approvedBy', 'policies.editor.approvedByHint')}
      {field('approvedOn', 'policies.field.approvedOn', (ids) => <input {...ids} type="date" aria-required {...bound('approvedOn')} />, { required: true })}
      {field('effectiveOn', 'policies.field.effectiveOn', (ids) => <input {...ids} type="date" aria-required {...bound('effectiveOn')} />, { required: true })}
    </>
  );
}
