/**
 * Computer-use bans ("Computer-use bans", /t/<slug>/bans): every staff member asks at the desk whether a card is
 * banned from the computers now; persons in charge, headquarters and tenant administrators read the list; persons in
 * charge ban a card and lift a ban early. /t/<slug>/bans?incident=<id> opens the form for a ban that follows from
 * that incident report.
 *
 * The card number lives only in the input while it is typed or scanned: it is sent in a POST body, cleared once
 * answered, and only its last four characters are shown. Reasons are React text: markup is shown as typed.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { asProblem, type ApiError, type Me } from '../../shared/api';
import { AppLink, type Navigate } from '../../shared/AppLink';
import {
  BAN_STATUSES,
  REASON_MAX,
  REPORT_ID,
  banStatusLabel,
  bansAtAnyBranch,
  dateText,
  imposeBan,
  inCharge,
  lastFour,
  liftBan,
  loadBans,
  lookUpCard,
  lookupScopeSentence,
  lookupSentence,
  mayLift,
  placeBanViolations,
  readsBans,
  scopeText,
  seesEveryBranch,
  type BanField,
  type BanFilter,
  type BanLookup,
  type ComputerUseBan,
  type NewBan,
  type PlacedBanViolations,
} from './bans';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { FieldErrors, RequiredMark } from '../incidents/IncidentFields';
import { whenText } from '../incidents/incidentForm';
import type { Branch, PageProps, Session } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export function BansPage(props: PageProps & { incidentReportId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches, navigate, incidentReportId } = props;
  // Bumped after a ban is imposed or lifted, so the list is read again.
  const [round, setRound] = useState(0);
  const [status, setStatus] = useState('');
  const changed = (message: string) => {
    setStatus(message);
    setRound((n) => n + 1);
  };
  const form = inCharge(me) ? (
    <ImposeBan session={session} me={me} branches={branches} incidentReportId={incidentReportId} onImposed={changed} />
  ) : null;
  return (
    <>
      <Heading>{t('screen.bans')}</Heading>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && (
        <p className="notice" aria-hidden="true">
          {status}
        </p>
      )}
      {/* Coming from an incident report, the form is what is wanted: it comes first. */}
      {incidentReportId && form}
      <DeskLookup session={session} me={me} branches={branches} />
      {!incidentReportId && form}
      {readsBans(me) && <BanList session={session} me={me} branches={branches} navigate={navigate} round={round} onLifted={changed} />}
    </>
  );
}

function branchNameOf(code: string, me: Me, branches: readonly Branch[] | undefined): string {
  return branches?.find((b) => b.code === code)?.name ?? (code === me.branch ? me.branchName : code);
}

/** Explains a 503: without the confidentiality key the server handles no card numbers at all. */
function BanProblem({ problem }: { problem: ApiError }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <ProblemNotice problem={problem} />
      {problem.status === 503 && (
        <p className="problem-hint">{t('bans.noKey')}</p>
      )}
    </>
  );
}

// ---- the desk: is this card banned now? ----

interface Answer {
  lookup: BanLookup;
  card: string;
}

function DeskLookup({ session, me, branches }: Omit<PageProps, 'navigate'>) {
  const i18n = useI18n();
  const { t } = i18n;
  // Headquarters staff, and anyone whose sign-in names no branch, say which branch they ask for.
  const choosesBranch = seesEveryBranch(me) || !me.branch;
  const [branch, setBranch] = useState(() => (choosesBranch ? startingBranch(me, branches.data) ?? '' : me.branch));
  useEffect(() => {
    if (!branch && choosesBranch) {
      setBranch(startingBranch(me, branches.data) ?? '');
    }
  }, [branch, choosesBranch, me, branches.data]);
  const [card, setCard] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [cardErrors, setCardErrors] = useState<string[] | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (card.trim() === '') {
      setCardErrors([t('bans.scanFirst')]);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setCardErrors(undefined);
    setProblem(undefined);
    // Emptied first, so that the same answer for the next card is announced again.
    setAnswer(undefined);
    try {
      const lookup = await lookUpCard(session, card, choosesBranch ? branch || undefined : undefined);
      setAnswer({ lookup, card: lastFour(card) });
      // Ready for the next card; the number itself is kept nowhere.
      setCard('');
    } catch (error) {
      const refused = asProblem(error, 'problem.lookup');
      const atCard = refused.errors.filter((e) => e.field.split('.').pop() === 'cardNumber').map((e) => e.message);
      setCardErrors(atCard.length > 0 ? atCard : undefined);
      setProblem(atCard.length > 0 && refused.errors.length === atCard.length ? undefined : refused);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const branchName = answer ? branchNameOf(answer.lookup.branch, me, branches.data) : '';
  const scope = answer ? lookupScopeSentence(answer.lookup, i18n) : undefined;
  return (
    <section className="ban-lookup" aria-labelledby="ban-lookup-heading">
      <h2 id="ban-lookup-heading">{t('bans.lookupTitle')}</h2>
      <form onSubmit={(event) => void ask(event)} noValidate className="lookup-form">
        {choosesBranch && (
          <BranchPicker id="ban-lookup-branch" label={t('bans.atBranch')} branches={branches.data} value={branch} onChange={setBranch} />
        )}
        <div className={`field${cardErrors ? ' has-errors' : ''}`}>
          <label htmlFor="ban-lookup-card">{t('bans.card')}</label>
          <input
            ref={input}
            id="ban-lookup-card"
            type="text"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={100}
            value={card}
            aria-invalid={cardErrors ? true : undefined}
            aria-describedby={cardErrors ? 'ban-lookup-card-hint ban-lookup-card-errors' : 'ban-lookup-card-hint'}
            onChange={(event) => setCard(event.target.value)}
          />
          <p id="ban-lookup-card-hint" className="hint">
            {t('bans.scanHint')} {!choosesBranch && t('bans.answerFor', { branch: me.branchName })}
          </p>
          <FieldErrors id="ban-lookup-card-errors" errors={cardErrors} />
        </div>
        <div className="toolbar-actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {t('bans.lookUp')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy && <p className="quiet">{t('bans.lookingUp')}</p>}
        {answer && (
          <div className={`lookup-answer ${answer.lookup.banned ? 'banned' : 'not-banned'}`}>
            <p className="lookup-verdict">{lookupSentence(answer.lookup, branchName, i18n)}</p>
            {scope && <p>{scope}</p>}
            <p className="lookup-card">{t('bans.cardEnding', { card: answer.card })}</p>
          </div>
        )}
      </div>
      {problem && <BanProblem problem={problem} />}
    </section>
  );
}

// ---- persons in charge: ban a card ----

interface BanDraft {
  cardNumber: string;
  displayName: string;
  scope: 'branch' | 'system';
  branch: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  reviewOn: string;
  incidentReportId: string;
}

const NO_VIOLATIONS: PlacedBanViolations = { byField: {}, other: [] };

/** What can be said before asking the server: what is missing, a reason too long, an id that is none. */
function localProblems(draft: BanDraft, branchNeeded: boolean, { t }: Pick<I18n, 't'>): PlacedBanViolations {
  const byField: PlacedBanViolations['byField'] = {};
  if (!draft.cardNumber.trim()) byField.cardNumber = [t('bans.scanCard')];
  if (branchNeeded && draft.scope === 'branch' && !draft.branch) byField.branch = [t('bans.chooseBranch')];
  if (!draft.endsAt) byField.endsAt = [t('bans.sayEnd')];
  if (!draft.reason.trim()) byField.reason = [t('bans.sayWhy')];
  else if ([...draft.reason.trim()].length > REASON_MAX)
    byField.reason = [t('bans.reasonTooLong', { max: REASON_MAX, now: [...draft.reason.trim()].length })];
  if (draft.incidentReportId.trim() && !REPORT_ID.test(draft.incidentReportId.trim())) {
    byField.incidentReportId = [t('bans.reportIdInvalid')];
  }
  return { byField, other: [] };
}

function ImposeBan(props: Omit<PageProps, 'navigate'> & { incidentReportId?: string; onImposed: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches, onImposed } = props;
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
    const ban: NewBan = {
      cardNumber: draft.cardNumber,
      scope: draft.scope,
      endsAt: draft.endsAt,
      reason: draft.reason,
    };
    if (draft.displayName.trim()) ban.displayName = draft.displayName.trim();
    if (draft.scope === 'branch' && draft.branch) ban.branch = draft.branch;
    // datetime-local values without an offset: the server reads them in the library system's time zone.
    if (draft.startsAt) ban.startsAt = draft.startsAt;
    if (draft.reviewOn) ban.reviewOn = draft.reviewOn;
    if (draft.incidentReportId.trim()) ban.incidentReportId = draft.incidentReportId.trim();
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
    <BanFieldBox name={name} label={label} errors={errorsOf(name)} required={options.required} hint={options.hint}>
      {control}
    </BanFieldBox>
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
          (ids) => (
            <input
              {...ids}
              type="text"
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={100}
              aria-required
              value={draft.cardNumber}
              onChange={(event) => set({ cardNumber: event.target.value })}
            />
          ),
          { required: true },
        )}
        {field(
          'displayName',
          t('bans.displayName'),
          (ids) => (
            <input {...ids} type="text" autoComplete="off" maxLength={200} value={draft.displayName} onChange={(event) => set({ displayName: event.target.value })} />
          ),
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
          (ids) => <input {...ids} type="datetime-local" value={draft.startsAt} onChange={(event) => set({ startsAt: event.target.value })} />,
          { hint: t('bans.startsHint') },
        )}
        {field(
          'endsAt',
          t('bans.ends'),
          (ids) => <input {...ids} type="datetime-local" aria-required value={draft.endsAt} onChange={(event) => set({ endsAt: event.target.value })} />,
          { required: true, hint: t('bans.endsHint') },
        )}
        {field(
          'reason',
          t('bans.reason'),
          (ids) => <textarea {...ids} rows={3} aria-required value={draft.reason} onChange={(event) => set({ reason: event.target.value })} />,
          { required: true, hint: t('bans.reasonHint', { max: REASON_MAX }) },
        )}
        {field(
          'reviewOn',
          t('bans.reviewOn'),
          (ids) => <input {...ids} type="date" value={draft.reviewOn} onChange={(event) => set({ reviewOn: event.target.value })} />,
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
              value={draft.incidentReportId}
              onChange={(event) => set({ incidentReportId: event.target.value })}
            />
          ),
          { hint: t('bans.reportIdHint') },
        )}
        {violations.other.length > 0 && (
          <div className="problem" role="alert">
            <p className="problem-title">{t('bans.notMade')}</p>
            <ul>
              {violations.other.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {Object.keys(violations.byField).length > 0 && (
          <p className="visually-hidden" role="alert">
            {t('bans.notMadeFields')}
          </p>
        )}
        <div className="toolbar-actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {t('bans.formTitle')}
          </button>
        </div>
      </form>
      {problem && <BanProblem problem={problem} />}
    </section>
  );
}

interface ControlIds {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function BanFieldBox(props: {
  name: BanField;
  label: string;
  errors?: string[];
  required?: boolean;
  hint?: string;
  children: (ids: ControlIds) => ReactNode;
}) {
  const id = `ban-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.errors ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${props.errors ? ' has-errors' : ''}`}>
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

// ---- the list, and lifting ----

function BanList(props: PageProps & { round: number; onLifted: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches, navigate, round } = props;
  const [filter, setFilter] = useState<BanFilter>({});
  const bans = useLoad((signal) => loadBans(session, filter, signal), `bans:${JSON.stringify(filter)}:${round}`, {
    title: 'problem.bans',
  });
  const set = (change: Partial<BanFilter>) => setFilter((current) => ({ ...current, ...change }));
  // While a new filter loads, the last answer stays on screen (marked as updating) instead of a blank.
  const lastData = useRef<ComputerUseBan[] | undefined>(undefined);
  if (bans.data) {
    lastData.current = bans.data;
  }
  const list = bans.data ?? (bans.problem ? undefined : lastData.current);
  const lifts = inCharge(me);
  const [lifting, setLifting] = useState<string | undefined>(undefined);
  const columns = lifts ? 9 : 8;
  // The row's Lift button may be gone once the ban is lifted: the keyboard goes back to the list's heading.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby="ban-list-heading" className="ban-list">
      <h2 id="ban-list-heading" ref={heading} tabIndex={-1}>
        {t('bans.listTitle')}
      </h2>
      <p className="quiet">{seesEveryBranch(me) ? t('bans.listIntroAll') : t('bans.listIntroOwn')}</p>
      <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('bans.filter')}>
        <div className="field">
          <label htmlFor="bans-status">{t('incidents.status')}</label>
          <select id="bans-status" value={filter.status ?? ''} onChange={(event) => set({ status: event.target.value || undefined })}>
            <option value="">{t('incidents.anyStatus')}</option>
            {BAN_STATUSES.map((code) => (
              <option key={code} value={code}>
                {banStatusLabel(code, i18n)}
              </option>
            ))}
          </select>
        </div>
        {seesEveryBranch(me) && (
          <BranchPicker
            id="bans-branch"
            label={t('bans.appliesAt')}
            branches={branches.data}
            value={filter.branch ?? ''}
            onChange={(code) => set({ branch: code || undefined })}
            allLabel={t('field.allBranches')}
          />
        )}
        <div className="field checkbox-filters">
          <label>
            <input type="checkbox" checked={filter.reviewDue === true} onChange={(event) => set({ reviewDue: event.target.checked || undefined })} />{' '}
            {t('bans.reviewDueOnly')}
          </label>
        </div>
      </form>
      {bans.problem && <BanProblem problem={bans.problem} />}
      {!list && !bans.problem && <p className="quiet">{t('bans.loading')}</p>}
      {list && (
        <div className="table-scroll">
          <table className="data-table ban-table">
            <caption>
              {t('bans.count', { count: list.length })}
              {bans.loading ? t('status.updating') : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.status')}</th>
                <th scope="col">{t('bans.appliesAt')}</th>
                <th scope="col">{t('bans.starts')}</th>
                <th scope="col">{t('bans.ends')}</th>
                <th scope="col">{t('bans.review')}</th>
                <th scope="col">{t('bans.reason')}</th>
                <th scope="col">{t('report.title')}</th>
                <th scope="col">{t('bans.imposedBy')}</th>
                {lifts && <th scope="col">{t('bans.lift')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((ban) => (
                <BanRow
                  key={ban.id}
                  ban={ban}
                  me={me}
                  session={session}
                  navigate={navigate}
                  lifts={lifts}
                  columns={columns}
                  lifting={lifting === ban.id}
                  onLift={() => setLifting(ban.id)}
                  onDone={(message) => {
                    setLifting(undefined);
                    heading.current?.focus();
                    if (message) {
                      props.onLifted(message);
                    }
                  }}
                  onStale={bans.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BanRow(props: {
  ban: ComputerUseBan;
  me: Me;
  session: Session;
  navigate: Navigate;
  lifts: boolean;
  columns: number;
  lifting: boolean;
  onLift: () => void;
  onDone: (message?: string) => void;
  onStale: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { ban, session } = props;
  const liftable = mayLift(props.me, ban);
  return (
    <>
      <tr className={ban.status === 'active' ? 'in-force' : undefined}>
        <th scope="row">
          {banStatusLabel(ban.status, i18n)}
          {ban.reviewDue && <strong className="review-due">{t('bans.reviewDue')}</strong>}
          {ban.status === 'lifted' && ban.liftedAt && (
            <span className="quiet">
              {' '}
              {ban.liftedBy
                ? t('bans.liftedAtBy', { at: whenText(ban.liftedAt, i18n), by: ban.liftedBy })
                : whenText(ban.liftedAt, i18n)}
            </span>
          )}
        </th>
        <td>{scopeText(ban, i18n)}</td>
        <td>{whenText(ban.startsAt, i18n)}</td>
        <td>{whenText(ban.endsAt, i18n)}</td>
        <td>{dateText(ban.reviewOn, i18n)}</td>
        <td>
          <p className="free-text ban-reason">{ban.reason}</p>
          {ban.liftReason && <p className="free-text quiet">{t('bans.liftedBecause', { reason: ban.liftReason })}</p>}
        </td>
        <td>
          {ban.incidentReportId && (
            <AppLink slug={session.slug} screen="incidents" item={ban.incidentReportId} navigate={props.navigate}>
              {t('report.title')}
            </AppLink>
          )}
        </td>
        <td>{ban.createdBy}</td>
        {props.lifts && (
          <td>
            {liftable && (
              <button
                type="button"
                className="button small"
                aria-expanded={props.lifting}
                aria-controls={props.lifting ? `lift-${ban.id}` : undefined}
                onClick={props.onLift}
              >
                {t('bans.liftButton')}
              </button>
            )}
          </td>
        )}
      </tr>
      {props.lifting && (
        <tr className="lift-row">
          <td colSpan={props.columns} id={`lift-${ban.id}`}>
            <LiftBan session={session} ban={ban} onDone={props.onDone} onStale={props.onStale} />
          </td>
        </tr>
      )}
    </>
  );
}

function LiftBan(props: { session: Session; ban: ComputerUseBan; onDone: (message?: string) => void; onStale: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { ban } = props;
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);

  const lift = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (!reason.trim()) {
      setReasonErrors([t('bans.sayWhyLift')]);
      box.current?.focus();
      return;
    }
    setBusy(true);
    setReasonErrors(undefined);
    setProblem(undefined);
    try {
      await liftBan(props.session, ban.id, reason, ban.version);
      props.onDone(t('bans.lifted', { scope: scopeText(ban, i18n).toLowerCase(), until: whenText(ban.endsAt, i18n) }));
    } catch (error) {
      const refused = asProblem(error, 'problem.lift');
      const atReason = refused.errors.filter((e) => e.field.split('.').pop() === 'reason').map((e) => e.message);
      if (atReason.length > 0) {
        setReasonErrors(atReason);
        box.current?.focus();
      } else {
        setProblem(refused);
      }
      if (refused.status === 409 || refused.status === 404) {
        // Someone else lifted or changed it, or it ended meanwhile: show the ban as it is now.
        props.onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const id = `lift-reason-${ban.id}`;
  return (
    <form className="confirm-box lift-box" onSubmit={(event) => void lift(event)} noValidate aria-label={t('bans.liftTitle')}>
      <p>{t('bans.liftExplain', { scope: scopeText(ban, i18n).toLowerCase(), until: whenText(ban.endsAt, i18n) })}</p>
      <div className={`field${reasonErrors ? ' has-errors' : ''}`}>
        <label htmlFor={id}>
          {t('bans.whyLift')}
          <RequiredMark required />
        </label>
        <textarea
          ref={box}
          id={id}
          rows={2}
          aria-required
          value={reason}
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={reasonErrors ? `${id}-errors` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldErrors id={`${id}-errors`} errors={reasonErrors} />
      </div>
      {problem && (
        <>
          <ProblemNotice problem={problem} />
          {problem.status === 409 && <p className="problem-hint">{t('bans.reread')}</p>}
        </>
      )}
      <div className="toolbar-actions">
        <button type="submit" className="button primary" aria-disabled={busy}>
          {t('bans.liftTitle')}
        </button>
        <button type="button" className="button quiet-button" onClick={() => props.onDone()}>
          {t('action.notNow')}
        </button>
      </div>
    </form>
  );
}
