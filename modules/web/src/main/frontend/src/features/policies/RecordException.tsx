/**
 * Recording an exception to a flexible policy: what was asked and granted, where, who approved it (the signed-in
 * person when their position may, else someone the server offers whose position may), and that the patron was told it
 * is a one-time exception. A strict policy shows why no exception can be recorded instead. The patron's card, when
 * given, becomes a patron reference (confidentiality) and is cleared; only the reference goes with the exception.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { CARD_INPUT, REASON_MAX } from '../bans/bans';
import { atText, loadApprovers, mayApprove, patronReference, placeRefusals, recordException, type NewException, type Policy } from './policies';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field, FieldErrors, RequiredMark, textBinding } from '../../shared/fields';
import { FormEnd } from './parts';
import type { PlacedViolations } from '../incidents/incidentForm';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

const FIELDS = ['asked', 'granted', 'branch', 'approvedBy', 'toldOneTime', 'cardNumber', 'occurredAt'] as const;
type ExceptionField = (typeof FIELDS)[number];
const NONE: PlacedViolations = { byField: {}, other: [] };
/** The caller approves: the form's value for "approvedBy left out". */
const ME = 'me';

interface Draft {
  asked: string;
  granted: string;
  branch: string;
  approvedBy: string;
  toldOneTime: boolean;
  cardNumber: string;
  occurredAt: string;
}

export function RecordException(props: { policy: Policy; onRecorded: (message: string) => void }) {
  const { t } = useI18n();
  const { policy } = props;
  if (policy.strictness === 'strict') {
    return (
      <section className="record-exception" aria-labelledby="record-exception-heading">
        <h2 id="record-exception-heading">{t('exceptions.title')}</h2>
        <p className="notice">{t('exceptions.notForStrict')}</p>
        <p className="free-text">{policy.strictWhy}</p>
      </section>
    );
  }
  return <ExceptionForm {...props} />;
}

function ExceptionForm(props: { policy: Policy; onRecorded: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const { policy } = props;
  const self = mayApprove(me, policy);
  const fresh = (): Draft => ({
    asked: '',
    granted: '',
    branch: startingBranch(me, branches.data) ?? '',
    approvedBy: self ? ME : '',
    toldOneTime: false,
    cardNumber: '',
    occurredAt: '',
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [placed, setPlaced] = useState<PlacedViolations>(NONE);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Who may approve, as the server's chain of command says (the caller's branch first); the caller is offered as "Me".
  const choices = useLoad((signal) => loadApprovers(session, policy.key, signal), `approvers:${policy.key}`, {
    title: 'exceptions.problem.approvers',
  });
  const approvers = useMemo(
    () =>
      (choices.data ?? []).filter(
        (person) => !(self && person.tagName === me.tagName && person.position === me.position && person.branch === me.branch),
      ),
    [choices.data, self, me],
  );

  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const bound = textBinding(draft, set);
  const errorsOf = (field: ExceptionField) => placed.byField[field];
  const show = (found: PlacedViolations) => {
    setPlaced(found);
    const first = FIELDS.find((field) => found.byField[field]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#exception-${first}`)?.focus();
    }
  };

  const local = (): PlacedViolations => {
    const byField: Record<string, string[]> = {};
    const long = (text: string) => [...text.trim()].length > REASON_MAX;
    if (!draft.asked.trim()) byField.asked = [t('exceptions.sayAsked')];
    else if (long(draft.asked)) byField.asked = [t('exceptions.tooLong', { max: REASON_MAX })];
    if (!draft.granted.trim()) byField.granted = [t('exceptions.sayGranted')];
    else if (long(draft.granted)) byField.granted = [t('exceptions.tooLong', { max: REASON_MAX })];
    if (!draft.branch) byField.branch = [t('exceptions.chooseBranch')];
    if (!draft.approvedBy) byField.approvedBy = [t('exceptions.sayApprover')];
    if (!draft.toldOneTime) byField.toldOneTime = [t('exceptions.tellPatron')];
    return { byField, other: [] };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    setProblem(undefined);
    const found = local();
    if (Object.keys(found.byField).length > 0) {
      show(found);
      return;
    }
    show(NONE);
    setBusy(true);
    let step: 'card' | 'exception' = 'card';
    try {
      const exception: NewException = {
        policy: policy.key,
        branch: draft.branch,
        asked: draft.asked.trim(),
        granted: draft.granted.trim(),
        toldOneTime: true,
      };
      if (draft.approvedBy !== ME) exception.approvedBy = draft.approvedBy;
      if (draft.occurredAt) exception.occurredAt = draft.occurredAt;
      if (draft.cardNumber.trim()) exception.patronReference = await patronReference(session, draft.cardNumber);
      step = 'exception';
      const made = await recordException(session, exception);
      setDraft((current) => ({ ...fresh(), branch: current.branch, approvedBy: current.approvedBy }));
      props.onRecorded(t('exceptions.recorded', { by: made.approvedBy.tagName, at: atText(made.occurredAt, i18n) }));
    } catch (error) {
      const refused = asProblem(error, 'exceptions.notRecorded');
      if (refused.status === 400 && refused.errors.length > 0) {
        show(placeRefusals(refused.errors, FIELDS, step === 'card' ? {} : { patronReference: 'cardNumber' }));
      } else if (refused.status === 422) {
        // The approver's position may not grant: the server names those that may.
        show({ byField: { approvedBy: [refused.detail ?? refused.title] }, other: [] });
      } else {
        setProblem(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="record-exception" aria-labelledby="record-exception-heading">
      <h2 id="record-exception-heading">{t('exceptions.title')}</h2>
      <p className="quiet">{t('exceptions.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        <Field id="exception-asked" label={t('exceptions.asked')} errors={errorsOf('asked')} required hint={t('exceptions.askedHint', { max: REASON_MAX })}>
          {(ids) => <textarea {...ids} rows={2} aria-required {...bound('asked')} />}
        </Field>
        <Field id="exception-granted" label={t('exceptions.granted')} errors={errorsOf('granted')} required hint={t('exceptions.grantedHint')}>
          {(ids) => <textarea {...ids} rows={2} aria-required {...bound('granted')} />}
        </Field>
        <div className={errorsOf('branch') ? 'has-errors' : undefined}>
          <BranchPicker id="exception-branch" label={t('field.branch')} branches={branches.data} value={draft.branch} onChange={(branch) => set({ branch })} />
          <FieldErrors id="exception-branch-errors" errors={errorsOf('branch')} />
        </div>
        <Field id="exception-approvedBy" label={t('exceptions.approvedBy')} errors={errorsOf('approvedBy')} required hint={t('exceptions.approvedByHint')}>
          {(ids) => (
            <select {...ids} aria-required value={draft.approvedBy} onChange={(event) => set({ approvedBy: event.target.value })}>
              {!self && <option value="">{t('exceptions.chooseApprover')}</option>}
              {self && <option value={ME}>{t('exceptions.approvedByMe', { name: me.tagName, position: me.positionName })}</option>}
              {approvers.map((person) => (
                <option key={person.staffId} value={person.staffId}>
                  {t('exceptions.approver', { name: person.tagName, position: person.positionName, branch: person.branchName })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="exception-occurredAt" label={t('exceptions.when')} errors={errorsOf('occurredAt')} hint={t('exceptions.whenHint')}>
          {(ids) => <input {...ids} type="datetime-local" {...bound('occurredAt')} />}
        </Field>
        <Field id="exception-cardNumber" label={t('exceptions.card')} errors={errorsOf('cardNumber')} hint={t('exceptions.cardHint')}>
          {(ids) => <input {...ids} {...CARD_INPUT} {...bound('cardNumber')} />}
        </Field>
        <div className={`field checkbox-filters${errorsOf('toldOneTime') ? ' has-errors' : ''}`}>
          <label>
            <input
              type="checkbox"
              id="exception-toldOneTime"
              aria-required
              aria-invalid={errorsOf('toldOneTime') ? true : undefined}
              aria-describedby={errorsOf('toldOneTime') ? 'exception-toldOneTime-errors' : undefined}
              checked={draft.toldOneTime}
              onChange={(event) => set({ toldOneTime: event.target.checked })}
            />{' '}
            {t('exceptions.toldOneTime')}
            <RequiredMark required />
          </label>
          <FieldErrors id="exception-toldOneTime-errors" errors={errorsOf('toldOneTime')} />
        </div>
        <FormEnd placed={placed} refused={t('exceptions.notRecorded')} fieldsRefused={t('exceptions.notRecordedFields')} busy={busy}>
          {t('exceptions.record')}
        </FormEnd>
      </form>
      {problem && <ProblemNotice problem={problem} />}
      {/* Without the confidentiality key no card can be referenced: the exception can still be recorded without one. */}
      {problem?.status === 503 && <p className="problem-hint">{t('exceptions.noKey')}</p>}
      {choices.problem && <ProblemNotice problem={choices.problem} />}
    </section>
  );
}
