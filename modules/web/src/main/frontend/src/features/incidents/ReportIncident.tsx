/**
 * Filing an incident report at the desk, keyboard first: choose what happened (arrow keys or the first letters),
 * answer the questions with the guidance beside them (saved as you type), record the call to headquarters where
 * the category asks for it, then sign with an explicit confirmation. Drafts of one's own are listed to go on with.
 *
 * Everything typed or received is rendered as React text: markup in an answer stays visible as typed.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, asProblem } from '../../shared/api';
import { AppLink } from '../../shared/AppLink';
import { Autosaver, type SaveState } from './autosave';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { FieldErrors, QuestionField, RequiredMark } from './IncidentFields';
import {
  answersFromDraft,
  categoriesOf,
  draftFromAnswers,
  guidanceFor,
  isOwnDraft,
  isReporter,
  localProblems,
  missingRequired,
  nowAt,
  offsetOf,
  placeViolations,
  questionOf,
  seesEveryBranch,
  typeAhead,
  wallClock,
  whenText,
  withOffset,
  type Draft,
  type DraftValue,
  type PlacedViolations,
} from './incidentForm';
import {
  createReport,
  loadIncidentForm,
  loadReport,
  loadReports,
  recordVerbalReport,
  saveAnswers,
  submitReport,
  type IncidentReport,
} from './incidents';
import { loadStaff } from '../staffing/staffing';
import type { PageProps } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

/** Long enough not to save at every key, short enough that little is lost when the screen locks. */
export const AUTOSAVE_DELAY_MS = 800;

/** How long typed letters add up to one type-ahead search in the category list. */
const TYPE_AHEAD_MS = 1000;

const NO_VIOLATIONS: PlacedViolations = { byField: {}, other: [] };

export function ReportPage(props: PageProps & { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <DraftLoader key={props.item} {...props} id={props.item} initial={initial} />;
  }
  return <StartReport {...props} />;
}

function StartReport({ session, me, branches, navigate }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'problem.incidentForm' });
  const drafts = useLoad((signal) => loadReports(session, { status: 'draft' }, signal), 'my-drafts', {
    title: 'problem.drafts',
  });
  const categories = useMemo(() => categoriesOf(form.data), [form.data]);
  const [chosen, setChosen] = useState('');
  const [branch, setBranch] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const typed = useRef({ text: '', at: 0 });
  const radios = useRef<(HTMLInputElement | null)[]>([]);
  // Headquarters files for any branch; everyone else for their own, which the server fills in.
  const picksBranch = seesEveryBranch(me) || !me.branch;
  const branchCode = branch ?? startingBranch(me, branches.data) ?? '';
  const mine = drafts.data?.filter((summary) => isOwnDraft(summary, me));
  const category = categories.find((c) => c.code === chosen);
  const guidance = form.data && chosen ? guidanceFor(form.data.definition, chosen) : [];

  const choose = (index: number) => {
    const target = categories[index];
    if (target) {
      setChosen(target.code);
      radios.current[index]?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key.length !== 1 || !/\S/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const now = Date.now();
    const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key : event.key;
    typed.current = { text, at: now };
    const index = typeAhead(
      categories.map((c) => c.title),
      text,
      categories.findIndex((c) => c.code === chosen),
    );
    if (index !== undefined) {
      event.preventDefault();
      choose(index);
    }
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (!chosen) {
      setProblem(ApiError.of(0, 'start.chooseFirst'));
      radios.current[0]?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const report = await createReport(session, { category: chosen, branch: picksBranch && branchCode ? branchCode : undefined });
      navigate('report', report.id, report);
    } catch (error) {
      setProblem(asProblem(error, 'problem.start'));
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>{t('screen.report')}</Heading>
      <p className="quiet">{t('start.intro')}</p>
      {form.problem && <ProblemNotice problem={form.problem} />}
      {!form.data && !form.problem && <p className="quiet">{t('start.loading')}</p>}
      {form.data && (
        <form className="start-report" onSubmit={(event) => void start(event)} noValidate>
          {picksBranch && (
            <BranchPicker
              id="report-branch"
              label={t('start.branch')}
              branches={branches.data}
              value={branchCode}
              onChange={setBranch}
            />
          )}
          <fieldset className="categories" onKeyDown={onKeyDown} aria-describedby="categories-hint">
            <legend>{t('start.what')}</legend>
            <p id="categories-hint" className="hint">
              {t('start.hint')}
            </p>
            {categories.map((c, index) => (
              <label key={c.code} className="choice category-choice">
                <input
                  ref={(element) => {
                    radios.current[index] = element;
                  }}
                  type="radio"
                  name="category"
                  value={c.code}
                  checked={chosen === c.code}
                  onChange={() => setChosen(c.code)}
                />{' '}
                {c.title}
              </label>
            ))}
          </fieldset>
          {category && (
            <section className="guidance" aria-labelledby="start-guidance">
              <h2 id="start-guidance">{t('start.beforeYouStart', { category: category.title })}</h2>
              <ul>
                {guidance.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {category.verbalReport && <li className="step-note">{t('start.phoneHeadquarters')}</li>}
                {category.countersignature && <li className="step-note">{t('start.countersignAfter')}</li>}
              </ul>
            </section>
          )}
          <button type="submit" className="button primary" aria-disabled={busy}>
            {busy ? t('start.starting') : t('start.button')}
          </button>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <section aria-labelledby="my-drafts">
        <h2 id="my-drafts">{t('start.myDrafts')}</h2>
        {drafts.problem && <ProblemNotice problem={drafts.problem} />}
        {!drafts.data && !drafts.problem && <p className="quiet">{t('start.loadingDrafts')}</p>}
        {mine && mine.length === 0 && <p className="quiet">{t('start.noDrafts')}</p>}
        {mine && mine.length > 0 && (
          <ul className="draft-list">
            {mine.map((summary) => (
              <li key={summary.id}>
                <AppLink slug={session.slug} screen="report" item={summary.id} navigate={navigate}>
                  {t('start.draftLink', { category: summary.categoryTitle ?? summary.category, at: whenText(summary.occurredAt, i18n) })}
                </AppLink>{' '}
                <span className="quiet">{t('start.draftBranch', { branch: summary.branchName ?? summary.branch })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DraftLoader(props: PageProps & { id: string; initial?: IncidentReport }) {
  const { session, me, id, initial, navigate } = props;
  const { t } = useI18n();
  const loaded = useLoad((signal) => (initial ? Promise.resolve(initial) : loadReport(session, id, signal)), `report:${id}`, {
    title: 'problem.report',
  });
  const report = loaded.data;
  if (!report) {
    return (
      <>
        <Heading>{t('screen.report')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('report.loading')}</p>}
      </>
    );
  }
  if (report.status !== 'draft' || !isReporter(report, me)) {
    return (
      <>
        <Heading>{report.categoryTitle ?? report.category}</Heading>
        <p>
          {report.status === 'draft' ? t('draft.notYours') : t('draft.signed')}{' '}
          <AppLink slug={session.slug} screen="incidents" item={report.id} navigate={navigate}>
            {t('draft.read')}
          </AppLink>
        </p>
      </>
    );
  }
  return <DraftForm {...props} initial={report} />;
}

interface Call {
  calledTo: string;
  calledAt: string;
  calledBy: string;
  note: string;
}

const CALL_FIELDS = ['calledTo', 'calledAt', 'calledBy', 'note'];

function DraftForm({ session, me, navigate, initial }: PageProps & { initial: IncidentReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = initial.id;
  const prefix = 'q';
  const questions = useMemo(() => (initial.questions ?? []).map(questionOf), [initial]);
  const known = useMemo(() => [...questions.map((q) => q.key), 'occurredAt'], [questions]);
  const [report, setReport] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftFromAnswers(questions, initial.answers));
  // The library's offset as the server wrote it: the desk computer's own zone may differ.
  const offset = offsetOf(initial.occurredAt) ?? offsetOf(initial.createdAt) ?? 'Z';
  const [occurred, setOccurred] = useState(() => wallClock(initial.occurredAt));
  const [violations, setViolations] = useState<PlacedViolations>(NO_VIOLATIONS);
  const [saveState, setSaveState] = useState<SaveState>({ phase: 'idle' });
  const latest = useRef({ draft, occurred });
  latest.current = { draft, occurred };
  const version = useRef(initial.version);
  const storedOccurred = useRef(wallClock(initial.occurredAt));

  const accept = (view: IncidentReport) => {
    version.current = view.version;
    setReport(view);
  };
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  const saver = useMemo(
    () =>
      new Autosaver({
        delayMs: AUTOSAVE_DELAY_MS,
        onState: setSaveState,
        save: async () => {
          const { draft: now, occurred: when } = latest.current;
          const change: { answers: Record<string, unknown>; occurredAt?: string } = { answers: answersFromDraft(questions, now) };
          if (when && when !== storedOccurred.current) {
            // DST: the offset of the day the draft was started; the server keeps the instant and shows it in its zone.
            change.occurredAt = withOffset(when, offset);
          }
          try {
            const view = await saveAnswers(session, id, change);
            if (change.occurredAt) {
              storedOccurred.current = when;
            }
            acceptRef.current(view);
            setViolations(NO_VIOLATIONS);
          } catch (error) {
            if (error instanceof ApiError && error.status === 400) {
              setViolations(placeViolations(error.errors, known));
            }
            throw error;
          }
        },
      }),
    [session, id, questions, known, offset],
  );
  useEffect(() => {
    saver.revive();
    return () => saver.dispose();
  }, [saver]);

  // The first question takes the focus (the time is filled in already): the desk starts typing at once.
  const firstKey = questions[0]?.key ?? 'occurredAt';
  useEffect(() => {
    firstControl(document.getElementById(`${prefix}-${firstKey}-field`))?.focus();
  }, [firstKey]);

  const staffNeeded = questions.some((q) => q.type === 'staff-member');
  const staff = useLoad((signal) => (staffNeeded ? loadStaff(session, undefined, signal) : Promise.resolve([])), 'report-staff', {
    title: 'problem.roster',
  });

  const change = (key: string, value: DraftValue) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setViolations((current) => withoutField(current, key));
    saver.change();
  };
  const changeOccurred = (value: string) => {
    setOccurred(value);
    setViolations((current) => withoutField(current, 'occurredAt'));
    saver.change();
  };

  const local = localProblems(questions, draft, i18n);
  const errorsOf = (key: string): string[] | undefined => {
    const server = violations.byField[key];
    const mine = local[key];
    const all = [...(mine ? [mine] : []), ...(server ?? [])];
    return all.length > 0 ? all : undefined;
  };

  // ---- the call to headquarters ----
  const [call, setCall] = useState<Call>(() => callOf(initial, offset));
  const [callErrors, setCallErrors] = useState<PlacedViolations>(NO_VIOLATIONS);
  const [callProblem, setCallProblem] = useState<ApiError | undefined>(undefined);
  const [callBusy, setCallBusy] = useState(false);
  const [callStatus, setCallStatus] = useState('');
  const steps = report.steps;
  const callAsked = steps?.verbalReportRequired === true || Boolean(report.verbalReport);

  const recordCall = async (event: FormEvent) => {
    event.preventDefault();
    if (callBusy) {
      return;
    }
    const missing: Record<string, string[]> = {};
    if (!call.calledTo.trim()) missing.calledTo = [t('call.sayWhom')];
    if (!call.calledAt) missing.calledAt = [t('call.sayWhen')];
    if (Object.keys(missing).length > 0) {
      setCallErrors({ byField: missing, other: [] });
      document.getElementById(`call-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    setCallBusy(true);
    setCallProblem(undefined);
    setCallErrors(NO_VIOLATIONS);
    setCallStatus(t('call.recording'));
    try {
      const view = await saver.exclusive(() =>
        recordVerbalReport(session, id, {
          calledTo: call.calledTo,
          calledAt: withOffset(call.calledAt, offset),
          calledBy: call.calledBy.trim() || undefined,
          note: call.note.trim() || undefined,
        }),
      );
      accept(view);
      setCallStatus(t('call.recorded', { by: view.verbalReport?.calledBy ?? me.tagName, to: view.verbalReport?.calledTo ?? call.calledTo }));
    } catch (error) {
      const problem = asProblem(error, 'problem.call');
      setCallErrors(placeViolations(problem.errors, CALL_FIELDS));
      setCallProblem(problem);
      setCallStatus('');
    } finally {
      setCallBusy(false);
    }
  };

  // ---- signing ----
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signProblem, setSignProblem] = useState<ApiError | undefined>(undefined);
  const [signStatus, setSignStatus] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const signButton = useRef<HTMLButtonElement>(null);
  const needed = [
    ...(occurred ? [] : [{ key: 'occurredAt', label: t('report.whenItHappened') }]),
    ...missingRequired(questions, draft).map((key) => ({ key, label: questions.find((q) => q.key === key)?.label ?? key })),
    ...(steps?.verbalReportRequired && !steps.verbalReportRecorded ? [{ key: 'call', label: t('report.call') }] : []),
  ];

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  const askToSign = () => {
    setSignProblem(undefined);
    const first = needed[0];
    if (first) {
      setSignStatus(t('sign.notYetNeeded', { needed: needed.map((n) => n.label).join('; ') }));
      const target =
        first.key === 'call' ? document.getElementById('call-calledTo') : firstControl(document.getElementById(`${prefix}-${first.key}-field`));
      target?.focus();
      return;
    }
    setSignStatus('');
    setConfirming(true);
  };

  const sign = async () => {
    if (signing) {
      return;
    }
    setSigning(true);
    setSignProblem(undefined);
    setSignStatus(t('sign.signing'));
    try {
      if (!(await saver.flush())) {
        throw ApiError.of(0, 'sign.unsaved', { id: 'sign.unsaved.detail' });
      }
      const view = await saver.exclusive(() => submitReport(session, id, version.current));
      navigate('incidents', view.id, view);
    } catch (error) {
      const problem = asProblem(error, 'problem.sign');
      if (problem.status === 400 && problem.errors.length > 0) {
        setViolations(placeViolations(problem.errors, known));
      }
      setSignProblem(problem);
      setSignStatus('');
      setSigning(false);
      setConfirming(false);
      signButton.current?.focus();
    }
  };

  const guidance = report.guidance ?? [];
  return (
    <>
      <Heading>{t('draft.title', { category: report.categoryTitle ?? report.category })}</Heading>
      <p className="quiet report-meta">
        {t('draft.meta', { branch: report.branchName ?? report.branch, at: whenText(report.createdAt ?? report.occurredAt, i18n) })}{' '}
        <AppLink slug={session.slug} screen="report" navigate={navigate}>
          {t('draft.backToStart')}
        </AppLink>
      </p>
      <p className={`save-state ${saveState.phase}`} role="status" aria-live="polite">
        {saveText(saveState, i18n)}
      </p>
      <div className="report-layout">
        <div className="report-questions">
          {guidance.length > 0 && (
            <section className="guidance" aria-labelledby="report-guidance">
              <h2 id="report-guidance">{t('draft.guidance')}</h2>
              <ul>
                {guidance.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="report-answers">
            <h2 id="report-answers">{t('draft.questions')}</h2>
            <p className="hint">{t('draft.requiredHint')}</p>
            <div id={`${prefix}-occurredAt-field`} className={`field question${errorsOf('occurredAt') ? ' has-errors' : ''}`}>
              <label htmlFor={`${prefix}-occurredAt`}>
                {t('report.whenItHappened')}
                <RequiredMark required />
              </label>
              <input
                id={`${prefix}-occurredAt`}
                type="datetime-local"
                value={occurred}
                aria-required
                aria-invalid={errorsOf('occurredAt') ? true : undefined}
                aria-describedby={errorsOf('occurredAt') ? `${prefix}-occurredAt-errors` : undefined}
                onChange={(event) => changeOccurred(event.target.value)}
              />
              <FieldErrors id={`${prefix}-occurredAt-errors`} errors={errorsOf('occurredAt')} />
            </div>
            {questions.map((question) => (
              <div key={question.key} id={`${prefix}-${question.key}-field`}>
                <QuestionField
                  question={question}
                  idPrefix={prefix}
                  value={draft[question.key]}
                  onChange={(value) => change(question.key, value)}
                  errors={errorsOf(question.key)}
                  staff={staff.data}
                  staffProblem={staff.problem ? t('draft.staffProblem') : undefined}
                />
              </div>
            ))}
            {violations.other.length > 0 && (
              <div className="problem" role="alert">
                <p className="problem-title">{t('save.notSaved')}</p>
                <ul>
                  {violations.other.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </div>
      </div>

      {callAsked && (
        <section className="call-step" aria-labelledby="call-heading">
          <h2 id="call-heading">{t('report.call')}</h2>
          {report.verbalReport ? (
            <p className="call-recorded">
              {t('call.recordedLine', {
                by: report.verbalReport.calledBy,
                to: report.verbalReport.calledTo,
                at: whenText(report.verbalReport.calledAt, i18n),
              })}
            </p>
          ) : (
            <p>{t('call.intro')}</p>
          )}
          <form onSubmit={(event) => void recordCall(event)} noValidate>
            <div className="field">
              <label htmlFor="call-calledTo">
                {t('call.whom')}
                <RequiredMark required />
              </label>
              <input
                id="call-calledTo"
                type="text"
                autoComplete="off"
                maxLength={200}
                value={call.calledTo}
                aria-required
                aria-invalid={callErrors.byField.calledTo ? true : undefined}
                aria-describedby={callErrors.byField.calledTo ? 'call-calledTo-errors' : undefined}
                onChange={(event) => setCall({ ...call, calledTo: event.target.value })}
              />
              <FieldErrors id="call-calledTo-errors" errors={callErrors.byField.calledTo} />
            </div>
            <div className="field">
              <label htmlFor="call-calledAt">
                {t('call.when')}
                <RequiredMark required />
              </label>
              <input
                id="call-calledAt"
                type="datetime-local"
                value={call.calledAt}
                aria-required
                aria-invalid={callErrors.byField.calledAt ? true : undefined}
                aria-describedby={callErrors.byField.calledAt ? 'call-calledAt-errors' : undefined}
                onChange={(event) => setCall({ ...call, calledAt: event.target.value })}
              />
              <FieldErrors id="call-calledAt-errors" errors={callErrors.byField.calledAt} />
            </div>
            <div className="field">
              <label htmlFor="call-calledBy">{t('call.who')}</label>
              <input
                id="call-calledBy"
                type="text"
                autoComplete="off"
                maxLength={200}
                placeholder={me.tagName}
                aria-describedby="call-calledBy-hint"
                value={call.calledBy}
                onChange={(event) => setCall({ ...call, calledBy: event.target.value })}
              />
              <p id="call-calledBy-hint" className="hint">
                {t('call.whoHint')}
              </p>
              <FieldErrors id="call-calledBy-errors" errors={callErrors.byField.calledBy} />
            </div>
            <div className="field">
              <label htmlFor="call-note">{t('call.note')}</label>
              <textarea id="call-note" rows={2} maxLength={2000} value={call.note} onChange={(event) => setCall({ ...call, note: event.target.value })} />
              <FieldErrors id="call-note-errors" errors={callErrors.byField.note} />
            </div>
            <button type="submit" className="button" aria-disabled={callBusy}>
              {report.verbalReport ? t('call.recordAgain') : t('call.record')}
            </button>
            <p className="visually-hidden" role="status" aria-live="polite">
              {callStatus}
            </p>
            {callProblem && <ProblemNotice problem={callProblem} />}
          </form>
        </section>
      )}

      <section className="sign-step" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t('sign.title')}</h2>
        {needed.length > 0 ? (
          <p>{t('sign.stillNeeded', { needed: needed.map((n) => n.label).join('; ') })}</p>
        ) : (
          <p>{t('sign.allAnswered')}</p>
        )}
        <button
          ref={signButton}
          type="button"
          className="button primary"
          aria-expanded={confirming}
          aria-controls="confirm-box"
          onClick={askToSign}
        >
          {t('sign.button')}
        </button>
        {confirming && (
          <div id="confirm-box" className="confirm-box" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">{t('sign.confirm')}</p>
            <button ref={confirmButton} type="button" className="button primary" aria-disabled={signing} onClick={() => void sign()}>
              {t('sign.yes')}
            </button>{' '}
            <button
              type="button"
              className="button quiet-button"
              onClick={() => {
                setConfirming(false);
                signButton.current?.focus();
              }}
            >
              {t('sign.notYet')}
            </button>
          </div>
        )}
        <p className="sign-status" role="status" aria-live="polite">
          {signStatus}
        </p>
        {signProblem && <ProblemNotice problem={signProblem} />}
      </section>
    </>
  );
}

function callOf(report: IncidentReport, offset: string): Call {
  const call = report.verbalReport;
  return {
    calledTo: call?.calledTo ?? '',
    calledAt: call ? wallClock(call.calledAt) : nowAt(offset),
    calledBy: call?.calledBy ?? '',
    note: call?.note ?? '',
  };
}

function withoutField(current: PlacedViolations, key: string): PlacedViolations {
  if (!(key in current.byField)) {
    return current;
  }
  const byField = { ...current.byField };
  delete byField[key];
  return { ...current, byField };
}

/** The first control inside an element (an input, a list or a text area), for moving the focus there. */
function firstControl(element: Element | null): HTMLElement | null {
  return element?.querySelector<HTMLElement>('input, select, textarea') ?? null;
}

function saveText(state: SaveState, i18n: I18n): string {
  const { t } = i18n;
  switch (state.phase) {
    case 'idle':
      return t('save.idle');
    case 'pending':
      return t('save.pending');
    case 'saving':
      return t('save.saving');
    case 'saved':
      return t('save.saved', { at: i18n.moment(state.at, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) });
    case 'failed': {
      const problem = asProblem(state.error, 'save.notSaved');
      return problem.status === 400
        ? t('save.refused')
        : t('save.failed', { title: problem.titleId ? t(problem.titleId) : problem.title });
    }
  }
}
