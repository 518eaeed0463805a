/** Persons in charge ban a card from the computers: at one branch or the whole library system, until a time. */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { CARD_INPUT, REASON_MAX, bansAtAnyBranch, imposeBan, lastFour, placeBanViolations, type BanField, type PlacedBanViolations } from './bans';
import { BanProblem } from './BanProblem';
import { NO_VIOLATIONS, localProblems, newBanOf, type BanDraft } from './banDraft';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field, FieldErrors, FormRefusals, NAME_INPUT, RequiredMark, SubmitButton, textBinding, type ControlIds } from '../../shared/fields';
import { whenText } from '../incidents/incidentForm';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';

export function ImposeBan(props: { incidentReportId?: string; onImposed: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const { onImposed } = props;
  const anyBranch = bansAtAnyBranch(me);
  const fresh = (): BanDraft => ({
    cardNumber: '',
    displayName: '',
    scope: 'branch',
    branch: anyBranch ? startingBranch(me, branches.data) ?? '' : me.branch,
    startsAt: '',
    endsAt: '',
    reason: '',
    reviewOn: '',
    incidentReportId: props.incidentReportId ?? '',
  });
  const [draft, setDraft] = useState<BanDraft>(fresh);
  const [violations, setViolations] = useState<PlacedBanViolations>(NO_VIOLATIONS);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (anyBranch && !draft.branch && branches.data) {
      setDraft((current) => ({ ...current, branch: startingBranch(me, branches.data) ?? '' }));
    }
  }, [anyBranch, draft.branch, branches.data, me]);

  const set = (change: Partial<BanDraft>) => setDraft((current) => ({ ...current, ...change }));
  const bound = textBinding(draft, set);
  const errorsOf = (field: BanField) => violations.byField[field];

  /** The first field with a problem takes the focus, so the keyboard lands where the fix is. */
  const focusFirstProblem = (placed: PlacedBanViolations) => {
    const first = (['cardNumber', 'displayName', 'scope', 'branch', 'startsAt', 'endsAt', 'reason', 'reviewOn', 'incidentReportId'] as const).find(
      (field) => placed.byField[field],
    );
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#ban-${first}`)?.focus();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    setProblem(undefined);
    const local = localProblems(draft, anyBranch, i18n);
    if (Object.keys(local.byField).length > 0) {
      setViolations(local);
      focusFirstProblem(local);
      return;
    }
    const ban = newBanOf(draft);
    setViolations(NO_VIOLATIONS);
    setBusy(true);
    try {
      const made = await imposeBan(session, ban);
      const card = lastFour(draft.cardNumber);
      // Scope and branch stay as chosen; the card and everything about this patron go.
      setDraft((current) => ({ ...fresh(), scope: current.scope, branch: current.branch, incidentReportId: '' }));
      onImposed(
        made.scope === 'system'
          ? t('bans.imposedEverywhere', { card, until: whenText(made.endsAt, i18n) })
          : t('bans.imposedAt', { card, branch: made.branchName ?? made.branch, until: whenText(made.endsAt, i18n) }),
      );
    } catch (error) {
      const refused = asProblem(error, 'bans.notMade');
      if (refused.status === 400 && refused.errors.length > 0) {
        const placed = placeBanViolations(refused.errors);
        setViolations(placed);
        focusFirstProblem(placed);
      } else {
        setProblem(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: BanField, label: string, control: (ids: ControlIds) => ReactNode, options: { required?: boolean; hint?: string } = {}) => (
    <Field id={`ban-${name}`} label={label} errors={errorsOf(name)} required={options.required} hint={options.hint}>
      {control}
    </Field>
  );

  return (
    <section className="ban-form" aria-labelledby="ban-form-heading" id="ban-form">
      <h2 id="ban-form-heading">{t('bans.formTitle')}</h2>
      <p className="quiet">{t('bans.formIntro')}</p>
      {props.incidentReportId && <p className="notice">{t('bans.fromReport')}</p>}
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
        {field(
          'cardNumber',
          t('bans.card'),
          (ids) => <input {...ids} {...CARD_INPUT} aria-required {...bound('cardNumber')} />,
          { required: true },
        )}
        {field(
          'displayName',
          t('bans.displayName'),
          (ids) => <input {...ids} {...NAME_INPUT} {...bound('displayName')} />,
          { hint: t('bans.displayNameHint') },
        )}
        <fieldset
          className={`field choice-group${errorsOf('scope') ? ' has-errors' : ''}`}
          aria-describedby={errorsOf('scope') ? 'ban-scope-errors' : undefined}
        >
          <legend>
            {t('bans.where')}
            <RequiredMark required />
          </legend>
          <label className="choice">
            <input
              type="radio"
              name="ban-scope"
              value="branch"
              id="ban-scope"
              checked={draft.scope === 'branch'}
              onChange={() => set({ scope: 'branch' })}
            />
            {anyBranch ? t('bans.oneBranch') : t('bans.thisBranch', { branch: me.branchName })}
          </label>
          <label className="choice">
            <input type="radio" name="ban-scope" value="system" checked={draft.scope === 'system'} onChange={() => set({ scope: 'system' })} />
            {t('bans.wholeSystem')}
          </label>
          <FieldErrors id="ban-scope-errors" errors={errorsOf('scope')} />
        </fieldset>
        {draft.scope === 'branch' && anyBranch && (
          <div className={errorsOf('branch') ? 'has-errors' : undefined}>
            <BranchPicker id="ban-branch" label={t('field.branch')} branches={branches.data} value={draft.branch} onChange={(code) => set({ branch: code })} />
            <FieldErrors id="ban-branch-errors" errors={errorsOf('branch')} />
          </div>
        )}
        {draft.scope === 'branch' && !anyBranch && errorsOf('branch') && <FieldErrors id="ban-branch-errors" errors={errorsOf('branch')} />}
        {field(
          'startsAt',
          t('bans.starts'),
          (ids) => <input {...ids} type="datetime-local" {...bound('startsAt')} />,
          { hint: t('bans.startsHint') },
        )}
        {field(
          'endsAt',
          t('bans.ends'),
          (ids) => <input {...ids} type="datetime-local" aria-required {...bound('endsAt')} />,
          { required: true, hint: t('bans.endsHint') },
        )}
        {field(
          'reason',
          t('bans.reason'),
          (ids) => <textarea {...ids} rows={3} aria-required {...bound('reason')} />,
          { required: true, hint: t('bans.reasonHint', { max: REASON_MAX }) },
        )}
        {field(
          'reviewOn',
          t('bans.reviewOn'),
          (ids) => <input {...ids} type="date" {...bound('reviewOn')} />,
          { hint: t('bans.reviewOnHint') },
        )}
        {field(
          'incidentReportId',
          t('bans.reportId'),
          (ids) => (
            <input
              {...ids}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={36}
              {...bound('incidentReportId')}
            />
          ),
          { hint: t('bans.reportIdHint') },
        )}
        <FormRefusals title={t('bans.notMade')} lines={violations.other} />
        {Object.keys(violations.byField).length > 0 && (
          <p className="visually-hidden" role="alert">
            {t('bans.notMadeFields')}
          </p>
        )}
        <div className="toolbar-actions">
          <SubmitButton busy={busy}>{t('bans.formTitle')}</SubmitButton>
        </div>
      </form>
      {problem && <BanProblem problem={problem} />}
    </section>
  );
}
