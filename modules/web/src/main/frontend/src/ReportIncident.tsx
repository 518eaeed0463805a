/**
 * Filing an incident report at the desk, keyboard first: choose what happened (arrow keys or the first letters),
 * answer the questions with the guidance beside them (saved as you type), record the call to headquarters where
 * the category asks for it, then sign with an explicit confirmation. Drafts of one's own are listed to go on with.
 *
 * Everything typed or received is rendered as React text: markup in an answer stays visible as typed.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, asProblem, type Me } from './api';
import { AppLink, type Navigate } from './AppLink';
import { Autosaver, type SaveState } from './autosave';
import { BranchPicker, startingBranch } from './BranchPicker';
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
import { loadStaff, type Branch, type Session } from './staffing';
import { useLoad, type Loaded } from './useLoad';
import { Heading, ProblemNotice } from './views';

/** Long enough not to save at every key, short enough that little is lost when the screen locks. */
export const AUTOSAVE_DELAY_MS = 800;

/** How long typed letters add up to one type-ahead search in the category list. */
const TYPE_AHEAD_MS = 1000;

const NO_VIOLATIONS: PlacedViolations = { byField: {}, other: [] };

interface PageProps {
  session: Session;
  me: Me;
  branches: Loaded<Branch[]>;
  navigate: Navigate;
}

export function ReportPage(props: PageProps & { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <DraftLoader key={props.item} {...props} id={props.item} initial={initial} />;
  }
  return <StartReport {...props} />;
}

function StartReport({ session, me, branches, navigate }: PageProps) {
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'The incident form could not be loaded' });
  const drafts = useLoad((signal) => loadReports(session, { status: 'draft' }, signal), 'my-drafts', {
    title: 'Your drafts could not be loaded',
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
      setProblem(new ApiError({ status: 0, title: 'Choose what happened first' }));
      radios.current[0]?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const report = await createReport(session, { category: chosen, branch: picksBranch && branchCode ? branchCode : undefined });
      navigate('report', report.id, report);
    } catch (error) {
      setProblem(asProblem(error, 'The report could not be started'));
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Report an incident</Heading>
      <p className="quiet">
        Choose what happened and start: your answers are saved as you type, and you sign when you are done.
      </p>
      {form.problem && <ProblemNotice problem={form.problem} />}
      {!form.data && !form.problem && <p className="quiet">Loading the incident form…</p>}
      {form.data && (
        <form className="start-report" onSubmit={(event) => void start(event)} noValidate>
          {picksBranch && (
            <BranchPicker id="report-branch" label="Branch where it happened" branches={branches.data} value={branchCode} onChange={setBranch} />
          )}
          <fieldset className="categories" onKeyDown={onKeyDown} aria-describedby="categories-hint">
            <legend>What happened?</legend>
            <p id="categories-hint" className="hint">
              Arrow keys move through the list; typing the first letters jumps to a match. Enter starts the report.
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
              <h2 id="start-guidance">{category.title}: before you start</h2>
              <ul>
                {guidance.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {category.verbalReport && <li className="step-note">Phone headquarters; you record the call before you sign.</li>}
                {category.countersignature && <li className="step-note">A person in charge countersigns after you.</li>}
              </ul>
            </section>
          )}
          <button type="submit" className="button primary" aria-disabled={busy}>
            {busy ? 'Starting…' : 'Start the report'}
          </button>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <section aria-labelledby="my-drafts">
        <h2 id="my-drafts">My drafts</h2>
        {drafts.problem && <ProblemNotice problem={drafts.problem} />}
        {!drafts.data && !drafts.problem && <p className="quiet">Loading your drafts…</p>}
        {mine && mine.length === 0 && <p className="quiet">No drafts waiting.</p>}
        {mine && mine.length > 0 && (
          <ul className="draft-list">
            {mine.map((summary) => (
              <li key={summary.id}>
                <AppLink slug={session.slug} screen="report" item={summary.id} navigate={navigate}>
                  {summary.categoryTitle ?? summary.category}, {whenText(summary.occurredAt)}
                </AppLink>{' '}
                <span className="quiet">— {summary.branchName ?? summary.branch}</span>
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
  const loaded = useLoad((signal) => (initial ? Promise.resolve(initial) : loadReport(session, id, signal)), `report:${id}`, {
    title: 'The report could not be loaded',
  });
  const report = loaded.data;
  if (!report) {
    return (
      <>
        <Heading>Report an incident</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">Loading the report…</p>}
      </>
    );
  }
  if (report.status !== 'draft' || !isReporter(report, me)) {
    return (
      <>
        <Heading>{report.categoryTitle ?? report.category}</Heading>
        <p>
          {report.status === 'draft' ? 'Only the person who started this draft can change it.' : 'This report is signed and can no longer be changed.'}{' '}
          <AppLink slug={session.slug} screen="incidents" item={report.id} navigate={navigate}>
            Read the report
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
    title: 'The roster could not be loaded',
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

  const local = localProblems(questions, draft);
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
    if (!call.calledTo.trim()) missing.calledTo = ['Say whom you reached at headquarters.'];
    if (!call.calledAt) missing.calledAt = ['Say when you called.'];
    if (Object.keys(missing).length > 0) {
      setCallErrors({ byField: missing, other: [] });
      document.getElementById(`call-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    setCallBusy(true);
    setCallProblem(undefined);
    setCallErrors(NO_VIOLATIONS);
    setCallStatus('Recording the call…');
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
      setCallStatus(`Call recorded: ${view.verbalReport?.calledBy ?? me.tagName} reached ${view.verbalReport?.calledTo ?? call.calledTo}.`);
    } catch (error) {
      const problem = asProblem(error, 'The call was not recorded');
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
    ...(occurred ? [] : [{ key: 'occurredAt', label: 'When it happened' }]),
    ...missingRequired(questions, draft).map((key) => ({ key, label: questions.find((q) => q.key === key)?.label ?? key })),
    ...(steps?.verbalReportRequired && !steps.verbalReportRecorded ? [{ key: 'call', label: 'The call to headquarters' }] : []),
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
      setSignStatus(`Not yet: ${needed.map((n) => n.label).join('; ')}.`);
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
    setSignStatus('Signing…');
    try {
      if (!(await saver.flush())) {
        throw new ApiError({
          status: 0,
          title: 'The latest answers are not saved',
          detail: 'Fix the answers marked above, then sign.',
        });
      }
      const view = await saver.exclusive(() => submitReport(session, id, version.current));
      navigate('incidents', view.id, view);
    } catch (error) {
      const problem = asProblem(error, 'The report was not signed');
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
      <Heading>Report: {report.categoryTitle ?? report.category}</Heading>
      <p className="quiet report-meta">
        Draft for {report.branchName ?? report.branch}, started {whenText(report.createdAt ?? report.occurredAt)}.{' '}
        <AppLink slug={session.slug} screen="report" navigate={navigate}>
          Back to the start
        </AppLink>
      </p>
      <p className={`save-state ${saveState.phase}`} role="status" aria-live="polite">
        {saveText(saveState)}
      </p>
      <div className="report-layout">
        <div className="report-questions">
          {guidance.length > 0 && (
            <section className="guidance" aria-labelledby="report-guidance">
              <h2 id="report-guidance">Guidance</h2>
              <ul>
                {guidance.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="report-answers">
            <h2 id="report-answers">Questions</h2>
            <p className="hint">
              Questions marked required must be answered before you sign.
            </p>
            <div id={`${prefix}-occurredAt-field`} className={`field question${errorsOf('occurredAt') ? ' has-errors' : ''}`}>
              <label htmlFor={`${prefix}-occurredAt`}>
                When it happened
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
                  staffProblem={staff.problem ? 'The roster could not be loaded; try again later.' : undefined}
                />
              </div>
            ))}
            {violations.other.length > 0 && (
              <div className="problem" role="alert">
                <p className="problem-title">Not saved</p>
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
          <h2 id="call-heading">The call to headquarters</h2>
          {report.verbalReport ? (
            <p className="call-recorded">
              Recorded: {report.verbalReport.calledBy} called {report.verbalReport.calledTo} at {whenText(report.verbalReport.calledAt)}.
            </p>
          ) : (
            <p>Phone headquarters before you sign, then record the call here.</p>
          )}
          <form onSubmit={(event) => void recordCall(event)} noValidate>
            <div className="field">
              <label htmlFor="call-calledTo">
                Whom you reached at headquarters
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
                When you called
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
              <label htmlFor="call-calledBy">Who called</label>
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
                Leave empty if you called yourself.
              </p>
              <FieldErrors id="call-calledBy-errors" errors={callErrors.byField.calledBy} />
            </div>
            <div className="field">
              <label htmlFor="call-note">What headquarters said</label>
              <textarea id="call-note" rows={2} maxLength={2000} value={call.note} onChange={(event) => setCall({ ...call, note: event.target.value })} />
              <FieldErrors id="call-note-errors" errors={callErrors.byField.note} />
            </div>
            <button type="submit" className="button" aria-disabled={callBusy}>
              {report.verbalReport ? 'Record the call again' : 'Record the call'}
            </button>
            <p className="visually-hidden" role="status" aria-live="polite">
              {callStatus}
            </p>
            {callProblem && <ProblemNotice problem={callProblem} />}
          </form>
        </section>
      )}

      <section className="sign-step" aria-labelledby="sign-heading">
        <h2 id="sign-heading">Sign and submit</h2>
        {needed.length > 0 ? (
          <p>
            Still needed: {needed.map((n) => n.label).join('; ')}.
          </p>
        ) : (
          <p>Everything required is answered.</p>
        )}
        <button
          ref={signButton}
          type="button"
          className="button primary"
          aria-expanded={confirming}
          aria-controls="confirm-box"
          onClick={askToSign}
        >
          Sign and submit…
        </button>
        {confirming && (
          <div id="confirm-box" className="confirm-box" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">
              By signing you state that this report is true and complete as far as you know. A signed report cannot be changed; later
              facts are added as signed addenda.
            </p>
            <button ref={confirmButton} type="button" className="button primary" aria-disabled={signing} onClick={() => void sign()}>
              Yes, sign and submit
            </button>{' '}
            <button
              type="button"
              className="button quiet-button"
              onClick={() => {
                setConfirming(false);
                signButton.current?.focus();
              }}
            >
              Not yet
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

function saveText(state: SaveState): string {
  switch (state.phase) {
    case 'idle':
      return 'Draft: saved as you type.';
    case 'pending':
      return 'Changes not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${state.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`;
    case 'failed': {
      const problem = asProblem(state.error, 'Not saved');
      return problem.status === 400
        ? 'Not saved: some answers are not acceptable (marked below). Nothing of this change was stored.'
        : `Not saved: ${problem.title}. Your answers stay on screen; the next change tries again.`;
    }
  }
}
