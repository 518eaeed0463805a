/** The call to headquarters that some categories ask for before signing: whom, when, who called, a note. */
import { useState, type FormEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import type { Autosaver } from './autosave';
import { Field, NAME_INPUT, SubmitButton, textBinding } from '../../shared/fields';
import { nowAt, placeViolations, wallClock, whenText, withOffset, type PlacedViolations } from './incidentForm';
import { recordVerbalReport, type IncidentReport } from './incidents';
import { NO_VIOLATIONS } from './draftView';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

interface Call {
  calledTo: string;
  calledAt: string;
  calledBy: string;
  note: string;
}

const CALL_FIELDS = ['calledTo', 'calledAt', 'calledBy', 'note'];

export function CallStep(props: {
  /** The draft as first loaded: the call's starting values. */
  initial: IncidentReport;
  /** The draft as the server last answered. */
  report: IncidentReport;
  /** The library's offset, for the time of the call. */
  offset: string;
  saver: Autosaver;
  onRecorded: (view: IncidentReport) => void;
}) {
  const { session, me } = usePage();
  const { initial, report, offset, saver } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const id = initial.id;
  const [call, setCall] = useState<Call>(() => callOf(initial, offset));
  const bound = textBinding(call, (change) => setCall((current) => ({ ...current, ...change })));
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
      props.onRecorded(view);
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

  if (!callAsked) {
    return null;
  }
  return (
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
        <Field id="call-calledTo" label={t('call.whom')} required errors={callErrors.byField.calledTo}>
          {(ids) => <input {...ids} {...NAME_INPUT} {...bound('calledTo')} aria-required />}
        </Field>
        <Field id="call-calledAt" label={t('call.when')} required errors={callErrors.byField.calledAt}>
          {(ids) => <input {...ids} type="datetime-local" {...bound('calledAt')} aria-required />}
        </Field>
        <Field id="call-calledBy" label={t('call.who')} hint={t('call.whoHint')} errors={callErrors.byField.calledBy}>
          {(ids) => <input {...ids} {...NAME_INPUT} placeholder={me.tagName} {...bound('calledBy')} />}
        </Field>
        <Field id="call-note" label={t('call.note')} errors={callErrors.byField.note}>
          {(ids) => <textarea {...ids} rows={2} maxLength={2000} {...bound('note')} />}
        </Field>
        <SubmitButton busy={callBusy} primary={false}>
          {report.verbalReport ? t('call.recordAgain') : t('call.record')}
        </SubmitButton>
        <p className="visually-hidden" role="status" aria-live="polite">
          {callStatus}
        </p>
        {callProblem && <ProblemNotice problem={callProblem} />}
      </form>
    </section>
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
