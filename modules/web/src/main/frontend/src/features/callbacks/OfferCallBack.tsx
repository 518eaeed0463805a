/**
 * Offering a call-back at the desk ("present patrons first"): the patron's question, how to reach them (a phone or an
 * email) and the branch; the server works out when it is due from the branch's opening hours and says so.
 */
import { useRef, useState, type FormEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field, FieldErrors, NAME_INPUT, SubmitButton, textBinding } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { QUESTION_MAX, offerCallBack, type CallBack } from './callBacks';

const FIELDS = ['question', 'phone', 'email', 'name', 'branch'] as const;
type OfferField = (typeof FIELDS)[number];
type Errors = Partial<Record<OfferField, string[]>>;

interface Draft {
  question: string;
  name: string;
  phone: string;
  email: string;
  language: 'en' | 'es';
  branch: string;
}

/** The server's field path ("contact.phone") as the form's field ("phone"). */
function fieldOf(path: string): OfferField | undefined {
  const last = path.split('.').pop() ?? '';
  return (FIELDS as readonly string[]).includes(last) ? (last as OfferField) : undefined;
}

export function OfferCallBack(props: { onOffered: (made: CallBack) => void }) {
  const { t } = useI18n();
  const { session, me, branches } = usePage();
  const fresh = (): Draft => ({ question: '', name: '', phone: '', email: '', language: 'en', branch: startingBranch(me, branches.data) ?? '' });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const bound = textBinding(draft, set);

  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#call-back-${first}`)?.focus();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    setProblem(undefined);
    const found: Errors = {};
    if (!draft.question.trim()) found.question = [t('callBacks.sayQuestion')];
    else if ([...draft.question.trim()].length > QUESTION_MAX) found.question = [t('callBacks.tooLong', { max: QUESTION_MAX })];
    if (!draft.phone.trim() && !draft.email.trim()) found.phone = [t('callBacks.sayPhoneOrEmail')];
    if (!draft.branch) found.branch = [t('callBacks.chooseBranch')];
    if (Object.keys(found).length > 0) {
      show(found);
      return;
    }
    show({});
    setBusy(true);
    try {
      const contact: { name?: string; phone?: string; email?: string; language: 'en' | 'es' } = { language: draft.language };
      if (draft.name.trim()) contact.name = draft.name.trim();
      if (draft.phone.trim()) contact.phone = draft.phone.trim();
      if (draft.email.trim()) contact.email = draft.email.trim();
      const made = await offerCallBack(session, { branch: draft.branch, question: draft.question.trim(), contact });
      setDraft((current) => ({ ...fresh(), branch: current.branch }));
      props.onOffered(made);
    } catch (error) {
      const refused = asProblem(error, 'callBacks.notOffered');
      const byField: Errors = {};
      for (const violation of refused.errors) {
        const field = fieldOf(violation.field);
        if (field) (byField[field] ??= []).push(violation.message);
      }
      if (refused.status === 400 && Object.keys(byField).length > 0) {
        show(byField);
      } else {
        setProblem(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="offer-call-back" aria-labelledby="offer-call-back-heading">
      <h2 id="offer-call-back-heading">{t('callBacks.offer')}</h2>
      <p className="quiet">{t('callBacks.offerIntro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Field id="call-back-question" label={t('callBacks.question')} errors={errors.question} required hint={t('callBacks.questionHint', { max: QUESTION_MAX })}>
          {(ids) => <textarea {...ids} rows={3} aria-required {...bound('question')} />}
        </Field>
        <Field id="call-back-phone" label={t('callBacks.phone')} errors={errors.phone} hint={t('callBacks.phoneHint')}>
          {(ids) => <input {...ids} type="tel" autoComplete="off" maxLength={40} {...bound('phone')} />}
        </Field>
        <Field id="call-back-email" label={t('callBacks.email')} errors={errors.email}>
          {(ids) => <input {...ids} type="email" autoComplete="off" maxLength={254} {...bound('email')} />}
        </Field>
        <Field id="call-back-name" label={t('callBacks.name')} errors={errors.name}>
          {(ids) => <input {...ids} {...NAME_INPUT} maxLength={120} {...bound('name')} />}
        </Field>
        <Field id="call-back-language" label={t('callBacks.language')}>
          {(ids) => (
            <select {...ids} value={draft.language} onChange={(event) => set({ language: event.target.value === 'es' ? 'es' : 'en' })}>
              <option value="en">{t('callBacks.language.en')}</option>
              <option value="es">{t('callBacks.language.es')}</option>
            </select>
          )}
        </Field>
        <div className={errors.branch ? 'has-errors' : undefined}>
          <BranchPicker id="call-back-branch" label={t('field.branch')} branches={branches.data} value={draft.branch} onChange={(branch) => set({ branch })} />
          <FieldErrors id="call-back-branch-errors" errors={errors.branch} />
        </div>
        <SubmitButton busy={busy}>{t('callBacks.offerButton')}</SubmitButton>
      </form>
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
