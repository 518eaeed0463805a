/**
 * One request to reconsider an item: the item and the objection, the item's status during the review in the library's
 * own words, the committee, the steps with their due dates and notes (the current one completed here, in order), the
 * decision with its reasons, and the decision letter (PDF, in the library system's language); then follow-ups and
 * history.
 */
import { useState } from 'react';
import { MatterPanel } from './MatterPanel';
import {
  OUTCOMES,
  branchName,
  completeStep,
  consumedLabel,
  decide,
  downloadLetter,
  formatLabel,
  loadReconsideration,
  outcomeLabel,
  reconsiderationStateLabel,
  stepLabel,
  type Reconsideration,
} from './requests';
import { ActionForm, Choice, Facts, TextBox, When, refusalOf, tooLong } from './parts';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useDownload } from '../../shared/useDownload';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

const NOTE_MAX = 2000;
const REASONS_MAX = 4000;

export function ReconsiderationDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, branches, navigate } = usePage();
  const loaded = useLoad((signal) => loadReconsideration(session, id, signal), `reconsideration:${id}`, { title: 'reconsideration.problem.one' });
  const [shown, setShown] = useState<Reconsideration | undefined>(undefined);
  const [changes, setChanges] = useState(0);
  const letter = useDownload();
  const request = shown ?? loaded.data;
  const changed = (next: Reconsideration, message: string) => {
    setShown(next);
    letter.setStatus(message);
    setChanges((n) => n + 1);
  };
  if (!request) {
    return (
      <>
        <Heading>{t('reconsideration.title')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('reconsideration.loadingOne')}</p>}
      </>
    );
  }
  const current = request.steps.find((step) => !step.doneAt);
  // The last step is the decision itself, made with its outcome and reasons.
  const deciding = current !== undefined && current === request.steps[request.steps.length - 1];
  const saveLetter = () =>
    void letter.download({
      fetch: () => downloadLetter(session, request.id),
      fallbackName: `decision-${request.reference}.pdf`,
      preparing: t('reconsideration.letterPreparing'),
      saved: (name) => t('reconsideration.letterSaved', { name }),
      failure: 'reconsideration.problem.letter',
    });
  return (
    <article className="reconsideration-detail">
      <p>
        <AppLink slug={session.slug} screen="reconsiderations" navigate={navigate}>
          {t('reconsideration.back')}
        </AppLink>
      </p>
      <Heading>{t('reconsideration.heading', { reference: request.reference, title: request.item.title })}</Heading>
      <StatusNotice status={letter.status} />
      {letter.problem && <ProblemNotice problem={letter.problem} />}
      <Facts
        facts={[
          [t('reconsideration.state'), reconsiderationStateLabel(request.state, i18n)],
          [t('field.branch'), branchName(request.branch, branches.data)],
          [t('reconsideration.item'), t('reconsideration.itemLine', { title: request.item.title, author: request.item.author ?? '—', format: formatLabel(request.item.format, i18n) })],
          [t('reconsideration.consumed'), consumedLabel(request.consumed, i18n)],
          [t('reconsideration.received'), <When key="r" at={request.receivedAt} />],
          [t('reconsideration.duringReview'), request.itemDuringReview],
          [t('complaints.hasContact'), request.hasContact ? t('complaints.yes') : t('complaints.no')],
          [t('reconsideration.committee'), request.committee.map((c) => t('complaints.holders', { position: c.name, names: c.staff.map((s) => s.tagName).join(', ') || '—' })).join('; ')],
        ]}
      />
      <section aria-labelledby="objection-heading">
        <h2 id="objection-heading">{t('reconsideration.objection')}</h2>
        <p className="free-text">{request.objection}</p>
        {request.asks && (
          <>
            <h3>{t('reconsideration.asks')}</h3>
            <p className="free-text">{request.asks}</p>
          </>
        )}
      </section>
      <section aria-labelledby="review-steps-heading">
        <h2 id="review-steps-heading">{t('reconsideration.steps')}</h2>
        <DataTable caption={t('reconsideration.steps')} hiddenCaption className="review-steps" columns={[t('reconsideration.step'), t('reconsideration.days'), t('reconsideration.dueAt'), t('reconsideration.doneAt'), t('reconsideration.note')]}>
          {request.steps.map((step) => (
            <tr key={step.step} aria-current={step === current ? 'step' : undefined}>
              <th scope="row">{stepLabel(step.step, i18n)}</th>
              <td>{step.days}</td>
              <td>
                <When at={step.dueAt} />
              </td>
              <td>{step.doneAt ? <>{t('reconsideration.doneBy', { by: step.by ?? '—' })} <When at={step.doneAt} /></> : t('complaints.notYet')}</td>
              <td className="free-text">{step.note}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      {request.decision && (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('reconsideration.decision')}</h2>
          <p>
            {t('reconsideration.decided', { outcome: outcomeLabel(request.decision.outcome, i18n), by: request.decision.by })} <When at={request.decision.decidedAt} />
          </p>
          <p className="free-text">{request.decision.reasons}</p>
        </section>
      )}
      {request.letter && (
        <p>
          <button type="button" className="button" aria-disabled={letter.busy} onClick={saveLetter}>
            {t('reconsideration.letter')}
          </button>
        </p>
      )}
      {current && !deciding && <CompleteStep request={request} step={current.step} onDone={changed} />}
      {deciding && !request.decision && <Decide request={request} onDone={changed} />}
      <MatterPanel kind="reconsideration" id={request.id} branch={request.branch} hasContact={request.hasContact} changes={changes} />
    </article>
  );
}

function CompleteStep(props: { request: Reconsideration; step: string; onDone: (next: Reconsideration, message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const [note, setNote] = useState('');
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['note']);
  const long = tooLong(note, NOTE_MAX) ? [t('complaints.tooLong', { max: NOTE_MAX })] : undefined;
  const name = stepLabel(props.step, i18n);
  const send = () => {
    if (long) {
      document.getElementById('step-note')?.focus();
      return;
    }
    void submit('reconsideration.notCompleted', async () => {
      const next = await completeStep(session, props.request.id, props.step, note.trim());
      setNote('');
      props.onDone(next, t('reconsideration.completed', { step: name }));
    });
  };
  return (
    <ActionForm id="complete-step" title={t('reconsideration.complete', { step: name })} submit={t('reconsideration.completeSubmit', { step: name })} refused={t('reconsideration.notCompleted')}
      busy={busy} placed={{ byField: { ...placed.byField, ...(long ? { note: long } : {}) }, other: placed.other }} problem={shown} onSubmit={send}>
      <TextBox id="step-note" label={t('reconsideration.note')} hint={t('reconsideration.noteHint', { max: NOTE_MAX })} rows={3} value={note} errors={long ?? placed.byField.note} onChange={setNote} />
    </ActionForm>
  );
}

function Decide(props: { request: Reconsideration; onDone: (next: Reconsideration, message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const [outcome, setOutcome] = useState('');
  const [reasons, setReasons] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['outcome', 'reasons']);
  const send = () => {
    const found: Record<string, string[]> = {};
    if (!outcome) found.outcome = [t('reconsideration.sayOutcome')];
    if (!reasons.trim()) found.reasons = [t('reconsideration.sayReasons')];
    else if (tooLong(reasons, REASONS_MAX)) found.reasons = [t('complaints.tooLong', { max: REASONS_MAX })];
    setLocal(found);
    const first = ['outcome', 'reasons'].find((field) => found[field]);
    if (first) {
      document.getElementById(`decide-${first}`)?.focus();
      return;
    }
    void submit('reconsideration.notDecided', async () => {
      props.onDone(await decide(session, props.request.id, { outcome, reasons: reasons.trim() }), t('reconsideration.decidedNow', { outcome: outcomeLabel(outcome, i18n) }));
    });
  };
  const errors = (field: string) => local[field] ?? placed.byField[field];
  return (
    <ActionForm id="decide" title={t('reconsideration.decide')} intro={t('reconsideration.decideIntro')} submit={t('reconsideration.decideSubmit')} refused={t('reconsideration.notDecided')}
      busy={busy} placed={{ byField: { ...placed.byField, ...local }, other: placed.other }} problem={shown} onSubmit={send}>
      <Choice id="decide-outcome" label={t('reconsideration.outcome')} value={outcome} required empty={t('reconsideration.chooseOutcome')} errors={errors('outcome')}
        choices={OUTCOMES.map((code) => ({ code, label: outcomeLabel(code, i18n) }))} onChange={setOutcome} />
      <TextBox id="decide-reasons" label={t('reconsideration.reasons')} hint={t('reconsideration.reasonsHint', { max: REASONS_MAX })} required rows={5} value={reasons} errors={errors('reasons')} onChange={setReasons} />
    </ActionForm>
  );
}
