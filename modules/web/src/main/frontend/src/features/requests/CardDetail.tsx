/**
 * One comment card: what the patron wrote, whether they may be answered, and what staff do with it — thank, reply
 * (through the outbox, in the patron's language), turn it into a complaint citing a policy, forward it to the owner of
 * a policy, close it — then its follow-ups and history.
 */
import { useState } from 'react';
import { MatterPanel } from './MatterPanel';
import { PolicyChoice } from './PolicyChoice';
import { actOnCard, branchName, cardKindLabel, cardStateLabel, loadCard, type Card } from './requests';
import { ActionForm, Facts, NONE, TextBox, When, refusalOf, tooLong } from './parts';
import { ASKS_MAX } from './RecordComplaint';
import { RESPONSE_MAX } from './ComplaintDetail';
import { AppLink } from '../../shared/AppLink';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

const OPEN = ['new', 'thanked', 'replied', 'forwarded'];

export function CardDetail({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, branches, navigate } = usePage();
  const loaded = useLoad((signal) => loadCard(session, id, signal), `card:${id}`, { title: 'cards.problem.one' });
  const [status, setStatus] = useState('');
  const [changes, setChanges] = useState(0);
  const changed = (message: string) => {
    setStatus(message);
    setChanges((n) => n + 1);
    loaded.reload();
  };
  const card = loaded.data;
  if (!card) {
    return (
      <>
        <Heading>{t('cards.title')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('cards.loadingOne')}</p>}
      </>
    );
  }
  const open = OPEN.includes(card.state);
  return (
    <article className="card-detail">
      <p>
        <AppLink slug={session.slug} screen="comment-cards" navigate={navigate}>
          {t('cards.back')}
        </AppLink>
      </p>
      <Heading>{t('cards.heading', { reference: card.reference })}</Heading>
      <StatusNotice status={status} />
      <Facts
        facts={[
          [t('cards.kind'), cardKindLabel(card.kind, i18n)],
          [t('cards.state'), cardStateLabel(card.state, i18n)],
          [t('field.branch'), branchName(card.branch, branches.data)],
          [t('cards.received'), <When key="r" at={card.receivedAt} />],
          [t('cards.mayReply'), card.mayReply && card.hasContact ? t('complaints.yes') : t('complaints.no')],
          [t('cards.language'), card.language === 'es' ? t('complaints.language.es') : card.language ? t('complaints.language.en') : ''],
          [
            t('cards.complaint'),
            card.complaint && (
              <AppLink slug={session.slug} screen="complaints" item={card.complaint.id} navigate={navigate}>
                {card.complaint.reference}
              </AppLink>
            ),
          ],
          [t('cards.forwardedTo'), card.forwardedTo && t('cards.forwardedLine', { policy: card.forwardedTo.policy, position: card.forwardedTo.position })],
        ]}
      />
      <section aria-labelledby="card-text-heading">
        <h2 id="card-text-heading">{t('cards.text')}</h2>
        <p className="free-text">{card.text}</p>
      </section>
      {open && (
        <section aria-labelledby="card-next-heading">
          <h2 id="card-next-heading">{t('cards.next')}</h2>
          <CardActions card={card} onDone={changed} />
        </section>
      )}
      <MatterPanel kind="comment-card" id={card.id} branch={card.branch} hasContact={card.hasContact && card.mayReply} changes={changes} />
    </article>
  );
}

function CardActions({ card, onDone }: { card: Card; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const quick = useSubmit();
  const act = (action: 'thank' | 'close', message: string) =>
    void quick.submit(action === 'thank' ? 'cards.notThanked' : 'cards.notClosed', async () => {
      await actOnCard(session, card.id, action);
      onDone(message);
    });
  return (
    <>
      <div className="toolbar-actions">
        {card.state === 'new' && (
          <button type="button" className="button" aria-disabled={quick.busy} onClick={() => act('thank', t('cards.thanked'))}>
            {t('cards.thank')}
          </button>
        )}
        <button type="button" className="button" aria-disabled={quick.busy} onClick={() => act('close', t('cards.closed'))}>
          {t('cards.close')}
        </button>
      </div>
      {quick.problem && <ProblemNotice problem={quick.problem} />}
      {card.mayReply && card.hasContact && <Reply card={card} onDone={onDone} />}
      <ToComplaint card={card} onDone={onDone} />
      <Forward card={card} onDone={onDone} />
    </>
  );
}

function Reply({ card, onDone }: { card: Card; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string[] | undefined>(undefined);
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['text']);
  const send = () => {
    const wrong = !text.trim() ? [t('cards.sayReply')] : tooLong(text, RESPONSE_MAX) ? [t('complaints.tooLong', { max: RESPONSE_MAX })] : undefined;
    setLocal(wrong);
    if (wrong) {
      document.getElementById('card-reply-text')?.focus();
      return;
    }
    void submit('cards.notReplied', async () => {
      await actOnCard(session, card.id, 'reply', { text: text.trim() });
      setText('');
      onDone(t('cards.replied'));
    });
  };
  return (
    <ActionForm id="card-reply" title={t('cards.reply')} intro={t('cards.replyIntro')} submit={t('cards.replySubmit')} refused={t('cards.notReplied')} busy={busy}
      placed={{ byField: { ...placed.byField, ...(local ? { text: local } : {}) }, other: placed.other }} problem={shown} onSubmit={send}>
      <TextBox id="card-reply-text" label={t('cards.replyText')} hint={t('complaints.responseHint', { max: RESPONSE_MAX })} required rows={4} value={text} errors={local ?? placed.byField.text} onChange={setText} />
    </ActionForm>
  );
}

function ToComplaint({ card, onDone }: { card: Card; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const [policy, setPolicy] = useState('');
  const [asks, setAsks] = useState('');
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['policy', 'asks']);
  const long = tooLong(asks, ASKS_MAX) ? [t('complaints.tooLong', { max: ASKS_MAX })] : undefined;
  const send = () => {
    if (long) {
      document.getElementById('card-complaint-asks')?.focus();
      return;
    }
    void submit('cards.notComplaint', async () => {
      const body: { policy?: string; asks?: string } = {};
      if (policy) body.policy = policy;
      if (asks.trim()) body.asks = asks.trim();
      const made = await actOnCard<{ complaint: { id: string; reference: string } }>(session, card.id, 'complaint', body);
      onDone(t('cards.madeComplaint', { reference: made.complaint.reference }));
    });
  };
  return (
    <ActionForm id="card-complaint" title={t('cards.toComplaint')} intro={t('cards.toComplaintIntro')} submit={t('cards.toComplaintSubmit')} refused={t('cards.notComplaint')} busy={busy}
      placed={{ byField: { ...placed.byField, ...(long ? { asks: long } : {}) }, other: placed.other }} problem={shown} onSubmit={send}>
      <PolicyChoice id="card-complaint-policy" value={policy} errors={placed.byField.policy} onChange={setPolicy} />
      <TextBox id="card-complaint-asks" label={t('complaints.asks')} hint={t('complaints.asksHint', { max: ASKS_MAX })} value={asks} errors={long ?? placed.byField.asks} onChange={setAsks} />
    </ActionForm>
  );
}

function Forward({ card, onDone }: { card: Card; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const [policy, setPolicy] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['policy']);
  const send = () => {
    setMissing(!policy);
    if (!policy) {
      document.getElementById('card-forward-policy')?.focus();
      return;
    }
    void submit('cards.notForwarded', async () => {
      await actOnCard(session, card.id, 'forward', { policy });
      onDone(t('cards.forwarded'));
    });
  };
  const errors = missing ? [t('cards.choosePolicy')] : placed.byField.policy;
  return (
    <ActionForm id="card-forward" title={t('cards.forward')} intro={t('cards.forwardIntro')} submit={t('cards.forwardSubmit')} refused={t('cards.notForwarded')} busy={busy}
      placed={errors ? { byField: { policy: errors }, other: placed.other } : { ...NONE, other: placed.other }} problem={shown} onSubmit={send}>
      <PolicyChoice id="card-forward-policy" value={policy} required errors={errors} onChange={setPolicy} />
    </ActionForm>
  );
}
