/**
 * One complaint: what it is about and the policy it concerns, who handles it and when they were told and opened it,
 * the steps so far, the response to the patron (by email, phone or in person), closing it, and the follow-ups and
 * history every matter has. Opening it as the handling position's holder is what the server records as "opened".
 */
import { useState } from 'react';
import { MatterPanel } from './MatterPanel';
import {
  RESPONSE_CHANNELS,
  branchName,
  channelLabel,
  closeComplaint,
  complaintStateLabel,
  complaintStepLabel,
  loadComplaint,
  overdueText,
  respondToComplaint,
  type Complaint,
} from './requests';
import { ActionForm, Choice, Facts, TextBox, When, refusalOf, tooLong } from './parts';
import { AppLink } from '../../shared/AppLink';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

export const RESPONSE_MAX = 4000;
const NOTE_MAX = 500;

export function ComplaintDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, branches, navigate } = usePage();
  const loaded = useLoad((signal) => loadComplaint(session, id, signal), `complaint:${id}`, { title: 'complaints.problem.one' });
  const [shown, setShown] = useState<Complaint | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [changes, setChanges] = useState(0);
  const complaint = shown ?? loaded.data;
  const changed = (next: Complaint, message: string) => {
    setShown(next);
    setStatus(message);
    setChanges((n) => n + 1);
  };

  if (!complaint) {
    return (
      <>
        <Heading>{t('complaints.title')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('complaints.loadingOne')}</p>}
      </>
    );
  }
  const handler = complaint.handledBy;
  return (
    <article className="complaint-detail">
      <p>
        <AppLink slug={session.slug} screen="complaints" navigate={navigate}>
          {t('complaints.back')}
        </AppLink>
      </p>
      <Heading>{t('complaints.heading', { reference: complaint.reference })}</Heading>
      <StatusNotice status={status} />
      <Facts
        facts={[
          [t('complaints.state'), complaintStateLabel(complaint.state, i18n)],
          [t('field.branch'), branchName(complaint.branch, branches.data)],
          [t('complaints.channel'), channelLabel(complaint.channel, i18n)],
          [t('complaints.policy'), complaint.policy ? complaint.policy.title : t('complaints.noPolicy')],
          [t('complaints.received'), <When key="r" at={complaint.receivedAt} />],
          [
            t('complaints.due'),
            complaint.dueAt && (
              <>
                <When at={complaint.dueAt} />
                {complaint.overdue && <strong className="overdue"> {overdueText(true, i18n)}</strong>}
              </>
            ),
          ],
          [t('complaints.handledBy'), handler && t('complaints.holders', { position: handler.name, names: handler.staff.map((s) => s.tagName).join(', ') || '—' })],
          [t('complaints.directorTold'), complaint.directorToldAt ? <When at={complaint.directorToldAt} /> : t('complaints.notYet')],
          [t('complaints.directorOpened'), complaint.directorOpenedAt ? <When at={complaint.directorOpenedAt} /> : t('complaints.notYet')],
          [t('complaints.recordedBy'), complaint.recordedBy],
          [t('complaints.hasContact'), complaint.hasContact ? t('complaints.yes') : t('complaints.no')],
          [t('complaints.closedAt'), complaint.closedAt && <When at={complaint.closedAt} />],
          [
            t('complaints.fromCard'),
            complaint.commentCard && (
              <AppLink slug={session.slug} screen="comment-cards" item={complaint.commentCard} navigate={navigate}>
                {t('complaints.openCard')}
              </AppLink>
            ),
          ],
        ]}
      />
      <section aria-labelledby="complaint-about-heading">
        <h2 id="complaint-about-heading">{t('complaints.about')}</h2>
        <p className="free-text">{complaint.about}</p>
        {complaint.asks && (
          <>
            <h3>{t('complaints.asks')}</h3>
            <p className="free-text">{complaint.asks}</p>
          </>
        )}
      </section>
      <section aria-labelledby="complaint-steps-heading">
        <h2 id="complaint-steps-heading">{t('complaints.steps')}</h2>
        <ol className="step-list">
          {complaint.steps.map((step, index) => (
            <li key={`${step.at}-${index}`}>
              {t('complaints.stepLine', { step: complaintStepLabel(step.step, i18n), by: step.by ?? '—' })} <When at={step.at} />
            </li>
          ))}
        </ol>
      </section>
      {complaint.response && (
        <section aria-labelledby="complaint-response-heading">
          <h2 id="complaint-response-heading">{t('complaints.response')}</h2>
          <p>
            {t('complaints.responseBy', { channel: channelLabel(complaint.response.channel, i18n), by: complaint.response.by })}{' '}
            <When at={complaint.response.at} />
          </p>
          <p className="free-text">{complaint.response.text}</p>
        </section>
      )}
      {complaint.state !== 'closed' && (
        <section aria-labelledby="complaint-next-heading">
          <h2 id="complaint-next-heading">{t('complaints.next')}</h2>
          {!complaint.response && <Respond complaint={complaint} onDone={changed} />}
          <Close complaint={complaint} onDone={changed} />
        </section>
      )}
      <MatterPanel kind="complaint" id={complaint.id} branch={complaint.branch} hasContact={complaint.hasContact} changes={changes} />
    </article>
  );
}

function Respond({ complaint, onDone }: { complaint: Complaint; onDone: (next: Complaint, message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<string>(complaint.hasContact ? 'email' : 'phone');
  const [local, setLocal] = useState<string[] | undefined>(undefined);
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['text', 'channel']);
  const send = () => {
    const wrong = !text.trim() ? [t('complaints.sayResponse')] : tooLong(text, RESPONSE_MAX) ? [t('complaints.tooLong', { max: RESPONSE_MAX })] : undefined;
    setLocal(wrong);
    if (wrong) {
      document.getElementById('respond-text')?.focus();
      return;
    }
    void submit('complaints.notResponded', async () => {
      const next = await respondToComplaint(session, complaint.id, { text: text.trim(), channel });
      setText('');
      onDone(next, t('complaints.responded', { channel: channelLabel(channel, i18n) }));
    });
  };
  // An email needs an address: the server answers 422 naming the channel; it is shown at the choice.
  const channelErrors = placed.byField.channel ?? (problem?.status === 422 && !placed.byField.text ? [problem.detail ?? problem.title] : undefined);
  return (
    <ActionForm
      id="respond"
      title={t('complaints.respond')}
      intro={complaint.hasContact ? t('complaints.respondIntro') : t('complaints.respondNoContact')}
      submit={t('complaints.respondSubmit')}
      refused={t('complaints.notResponded')}
      busy={busy}
      placed={{ byField: { ...placed.byField, ...(local ? { text: local } : {}) }, other: placed.other }}
      problem={channelErrors ? undefined : shown}
      onSubmit={send}
    >
      <Choice
        id="respond-channel"
        label={t('complaints.respondChannel')}
        value={channel}
        required
        errors={channelErrors}
        choices={RESPONSE_CHANNELS.map((code) => ({ code, label: channelLabel(code, i18n) }))}
        onChange={setChannel}
      />
      <TextBox
        id="respond-text"
        label={t('complaints.responseText')}
        hint={t('complaints.responseHint', { max: RESPONSE_MAX })}
        required
        rows={5}
        value={text}
        errors={local ?? placed.byField.text}
        onChange={setText}
      />
    </ActionForm>
  );
}

function Close({ complaint, onDone }: { complaint: Complaint; onDone: (next: Complaint, message: string) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const [note, setNote] = useState('');
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['note']);
  const long = tooLong(note, NOTE_MAX) ? [t('complaints.tooLong', { max: NOTE_MAX })] : undefined;
  const send = () => {
    if (long) {
      document.getElementById('close-note')?.focus();
      return;
    }
    void submit('complaints.notClosed', async () => {
      onDone(await closeComplaint(session, complaint.id, note.trim()), t('complaints.closed'));
    });
  };
  return (
    <ActionForm id="close" title={t('complaints.close')} submit={t('complaints.closeSubmit')} refused={t('complaints.notClosed')} busy={busy} placed={placed} problem={shown} onSubmit={send}>
      <TextBox id="close-note" label={t('complaints.closeNote')} hint={t('complaints.closeHint', { max: NOTE_MAX })} rows={2} value={note} errors={long ?? placed.byField.note} onChange={setNote} />
    </ActionForm>
  );
}
