/**
 * A draft of one's own, keyboard first: the questions with the guidance beside them (saved as you type), the call
 * to headquarters where the category asks for it, and signing. Everything typed is rendered as React text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import { AppLink } from '../../shared/AppLink';
import { Autosaver, type SaveState } from './autosave';
import { CallStep } from './CallStep';
import { NO_VIOLATIONS, firstControl, saveText, withoutField } from './draftView';
import { QuestionField } from './IncidentFields';
import { Field, FormRefusals } from '../../shared/fields';
import {
  answersFromDraft,
  draftFromAnswers,
  localProblems,
  missingRequired,
  offsetOf,
  placeViolations,
  questionOf,
  wallClock,
  whenText,
  withOffset,
  type Draft,
  type DraftValue,
  type PlacedViolations,
} from './incidentForm';
import { saveAnswers, submitReport, type IncidentReport } from './incidents';
import { SignStep, type Needed } from './SignStep';
import { loadStaff } from '../staffing/staffing';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading } from '../../shared/views';

/** Long enough not to save at every key, short enough that little is lost when the screen locks. */
export const AUTOSAVE_DELAY_MS = 800;

export function DraftForm({ initial }: { initial: IncidentReport }) {
  const { session, navigate } = usePage();
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

  const steps = report.steps;
  const needed: Needed[] = [
    ...(occurred ? [] : [{ key: 'occurredAt', label: t('report.whenItHappened') }]),
    ...missingRequired(questions, draft).map((key) => ({ key, label: questions.find((q) => q.key === key)?.label ?? key })),
    ...(steps?.verbalReportRequired && !steps.verbalReportRecorded ? [{ key: 'call', label: t('report.call') }] : []),
  ];

  const focusNeeded = (key: string) => {
    const target = key === 'call' ? document.getElementById('call-calledTo') : firstControl(document.getElementById(`${prefix}-${key}-field`));
    target?.focus();
  };

  const sign = async () => {
    if (!(await saver.flush())) {
      throw ApiError.of(0, 'sign.unsaved', { id: 'sign.unsaved.detail' });
    }
    const view = await saver.exclusive(() => submitReport(session, id, version.current));
    navigate('incidents', view.id, view);
  };

  const refused = (problem: ApiError) => {
    if (problem.status === 400 && problem.errors.length > 0) {
      setViolations(placeViolations(problem.errors, known));
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
            <Field
              boxId={`${prefix}-occurredAt-field`}
              className="field question"
              id={`${prefix}-occurredAt`}
              label={t('report.whenItHappened')}
              required
              errors={errorsOf('occurredAt')}
            >
              {(ids) => (
                <input {...ids} type="datetime-local" value={occurred} aria-required onChange={(event) => changeOccurred(event.target.value)} />
              )}
            </Field>
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
            <FormRefusals title={t('save.notSaved')} lines={violations.other} />
          </section>
        </div>
      </div>

      <CallStep initial={initial} report={report} offset={offset} saver={saver} onRecorded={accept} />

      <SignStep needed={needed} onFocusNeeded={focusNeeded} onSign={sign} onRefused={refused} />
    </>
  );
}
