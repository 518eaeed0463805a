/**
 * The policy a matter concerns, picked from the policy library (the policies feature's own search): a few letters
 * narrow the list, the list is a native select (arrow keys, type-ahead), "No policy" is a choice too.
 */
import { useState } from 'react';
import { categoryLabel, searchPolicies } from '../policies/policies';
import { Field } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export function PolicyChoice(props: { id: string; value: string; onChange: (key: string) => void; errors?: readonly string[]; required?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const [words, setWords] = useState('');
  const found = useLoad((signal) => searchPolicies(session, { q: words.trim() || undefined }, signal), `policy-choice:${words.trim()}`, {
    title: 'complaints.problem.policies',
  });
  const list = useLastAnswer(found) ?? [];
  const chosenMissing = props.value && !list.some((policy) => policy.key === props.value);
  return (
    <div className="policy-choice">
      <Field id={`${props.id}-search`} label={t('complaints.policySearch')} hint={t('complaints.policySearchHint')}>
        {(ids) => <input {...ids} type="search" autoComplete="off" value={words} onChange={(event) => setWords(event.target.value)} />}
      </Field>
      <Field id={props.id} label={t('complaints.policy')} errors={props.errors} required={props.required}>
        {(ids) => (
          <select {...ids} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
            <option value="">{props.required ? t('complaints.policyChoose') : t('complaints.policyNone')}</option>
            {chosenMissing && <option value={props.value}>{props.value}</option>}
            {list.map((policy) => (
              <option key={policy.key} value={policy.key}>
                {t('complaints.policyOption', { title: policy.title, category: categoryLabel(policy.category, i18n) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {found.problem && <ProblemNotice problem={found.problem} />}
    </div>
  );
}
