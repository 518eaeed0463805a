/**
 * The follow-ups and history of any matter (a complaint, a comment card, a reconsideration, a call-back, an
 * escalation), shown under its detail: follow-ups with a due date and an owner, marked done; an update to the patron
 * by email (sent through the outbox) or recorded as given by phone or in person; and the history of every contact,
 * oldest first, with the mail's status. Another screen shows it with its matter's kind and id, and `changes` counted
 * up when the matter changed, so the history is read again.
 */
import { useRef, useState } from 'react';
import { addFollowUp, followUpDone, giveUpdate, historyKindLabel, loadFollowUps, loadHistory, mailStatusLabel, newKey, channelLabel, RESPONSE_CHANNELS, type MatterKind } from './requests';
import { ActionForm, Choice, TextBox, When, refusalOf, tooLong } from './parts';
import { dateText } from '../bans/bans';
import { todayIn } from '../policies/policies';
import { loadStaff } from '../staffing/staffing';
import { DataTable } from '../../shared/DataTable';
import { Field } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice, StatusNotice } from '../../shared/views';

const WHAT_MAX = 500;
const UPDATE_MAX = 4000;

export function MatterPanel(props: { kind: MatterKind; id: string; branch: string; hasContact?: boolean; changes?: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const { kind, id } = props;
  const [done, setDone] = useState(0);
  const tick = `${kind}:${id}:${props.changes ?? 0}:${done}`;
  const followUps = useLoad((signal) => loadFollowUps(session, kind, id, signal), `follow-ups:${tick}`, { title: 'followUps.problem.list' });
  const history = useLoad((signal) => loadHistory(session, kind, id, signal), `history:${tick}`, { title: 'followUps.problem.history' });
  const [status, setStatus] = useState('');
  const marking = useSubmit();
  const changed = (message: string) => {
    setStatus(message);
    setDone((n) => n + 1);
  };
  const markDone = (followUp: string, what: string) =>
    void marking.submit('followUps.notDone', async () => {
      await followUpDone(session, kind, id, followUp);
      changed(t('followUps.markedDone', { what }));
    });

  return (
    <section className="matter-panel" aria-labelledby={`matter-${id}-follow-ups`}>
      <h2 id={`matter-${id}-follow-ups`}>{t('followUps.title')}</h2>
      <StatusNotice status={status} />
      {followUps.problem && <ProblemNotice problem={followUps.problem} />}
      {marking.problem && <ProblemNotice problem={marking.problem} />}
      {followUps.data && (
        <DataTable
          className="follow-up-table"
          caption={t('followUps.count', { count: followUps.data.length })}
          columns={[t('followUps.what'), t('followUps.dueOn'), t('followUps.owner'), t('followUps.state'), t('followUps.action')]}
        >
          {followUps.data.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="free-text">
                {row.what}
              </th>
              <td>{dateText(row.dueOn, i18n)}</td>
              <td>{row.owner.tagName}</td>
              <td>
                {row.doneAt ? (
                  <>
                    {t('followUps.doneAt')} <When at={row.doneAt} />
                  </>
                ) : row.pastDue ? (
                  <strong className="overdue">{t('followUps.pastDue')}</strong>
                ) : (
                  t('followUps.open')
                )}
              </td>
              <td>
                {!row.doneAt && (
                  <button type="button" className="button" aria-disabled={marking.busy} onClick={() => markDone(row.id, row.what)}>
                    {t('followUps.markDone', { what: row.what })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <NewFollowUp {...props} onAdded={changed} />
      <GiveUpdate {...props} onGiven={changed} />
      <h2 id={`matter-${id}-history`}>{t('followUps.history')}</h2>
      {history.problem && <ProblemNotice problem={history.problem} />}
      {history.data && history.data.length === 0 && <p className="quiet">{t('followUps.noHistory')}</p>}
      {history.data && history.data.length > 0 && (
        <ol className="history-list" aria-labelledby={`matter-${id}-history`}>
          {history.data.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <p>
                <When at={entry.at} /> — {historyKindLabel(entry.kind, i18n)}
                {entry.channel ? ` (${channelLabel(entry.channel, i18n)})` : ''}
                {entry.by ? ` — ${t('followUps.by', { by: entry.by })}` : ''}
                {entry.mail && (
                  <>
                    {' — '}
                    {t('followUps.mail', { status: mailStatusLabel(entry.mail.status, i18n) })} {entry.mail.sentAt && <When at={entry.mail.sentAt} />}
                  </>
                )}
              </p>
              <p className="free-text">{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NewFollowUp(props: { kind: MatterKind; id: string; branch: string; onAdded: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me } = usePage();
  const staff = useLoad((signal) => loadStaff(session, undefined, signal), 'follow-up-owners', { title: 'followUps.problem.owners' });
  const [what, setWhat] = useState('');
  const [dueOn, setDueOn] = useState(() => todayIn(i18n.timeZone));
  const [owner, setOwner] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['what', 'dueOn', 'owner']);
  const people = (staff.data ?? []).filter((person) => person.active !== false);
  // The signed-in person first: most follow-ups are one's own.
  const sorted = [...people].sort((a, b) => Number(b.tagName === me.tagName) - Number(a.tagName === me.tagName));
  const send = () => {
    const found: Record<string, string[]> = {};
    if (!what.trim()) found.what = [t('followUps.sayWhat')];
    else if (tooLong(what, WHAT_MAX)) found.what = [t('complaints.tooLong', { max: WHAT_MAX })];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found.dueOn = [t('followUps.sayDue')];
    if (!owner) found.owner = [t('followUps.sayOwner')];
    setLocal(found);
    const first = ['what', 'dueOn', 'owner'].find((field) => found[field]);
    if (first) {
      document.getElementById(`follow-up-${props.id}-${first}`)?.focus();
      return;
    }
    void submit('followUps.notAdded', async () => {
      await addFollowUp(session, props.kind, props.id, { what: what.trim(), dueOn, owner });
      setWhat('');
      props.onAdded(t('followUps.added', { what: what.trim() }));
    });
  };
  const errors = (field: string) => local[field] ?? placed.byField[field];
  return (
    <ActionForm
      id={`follow-up-${props.id}`}
      title={t('followUps.add')}
      submit={t('followUps.addSubmit')}
      refused={t('followUps.notAdded')}
      busy={busy}
      placed={{ byField: { ...placed.byField, ...local }, other: placed.other }}
      problem={shown ?? staff.problem}
      onSubmit={send}
    >
      <TextBox id={`follow-up-${props.id}-what`} label={t('followUps.what')} hint={t('followUps.whatHint', { max: WHAT_MAX })} required rows={2} value={what} errors={errors('what')} onChange={setWhat} />
      <Field id={`follow-up-${props.id}-dueOn`} label={t('followUps.dueOn')} errors={errors('dueOn')} required>
        {(ids) => <input {...ids} type="date" aria-required value={dueOn} onChange={(event) => setDueOn(event.target.value)} />}
      </Field>
      <Choice
        id={`follow-up-${props.id}-owner`}
        label={t('followUps.owner')}
        value={owner}
        required
        empty={t('followUps.chooseOwner')}
        errors={errors('owner')}
        choices={sorted.map((person) => ({ code: person.id, label: t('followUps.ownerOption', { name: person.tagName, position: person.positionName, branch: person.branchName }) }))}
        onChange={setOwner}
      />
    </ActionForm>
  );
}

function GiveUpdate(props: { kind: MatterKind; id: string; hasContact?: boolean; onGiven: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const [channel, setChannel] = useState<string>(props.hasContact === false ? 'phone' : 'email');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<string[] | undefined>(undefined);
  const key = useRef(newKey());
  const { busy, problem, submit } = useSubmit();
  const { placed, shown } = refusalOf(problem, ['channel', 'text']);
  const send = () => {
    const wrong = !text.trim() ? [t('followUps.sayUpdate')] : tooLong(text, UPDATE_MAX) ? [t('complaints.tooLong', { max: UPDATE_MAX })] : undefined;
    setLocal(wrong);
    if (wrong) {
      document.getElementById(`update-${props.id}-text`)?.focus();
      return;
    }
    void submit('followUps.notGiven', async () => {
      await giveUpdate(session, props.kind, props.id, { channel, text: text.trim(), key: key.current });
      key.current = newKey();
      setText('');
      props.onGiven(t('followUps.given', { channel: channelLabel(channel, i18n) }));
    });
  };
  return (
    <ActionForm
      id={`update-${props.id}`}
      title={t('followUps.update')}
      intro={props.hasContact === false ? t('followUps.updateNoContact') : t('followUps.updateIntro')}
      submit={t('followUps.updateSubmit')}
      refused={t('followUps.notGiven')}
      busy={busy}
      placed={{ byField: { ...placed.byField, ...(local ? { text: local } : {}) }, other: placed.other }}
      problem={shown}
      onSubmit={send}
    >
      <Choice
        id={`update-${props.id}-channel`}
        label={t('followUps.channel')}
        value={channel}
        required
        errors={placed.byField.channel}
        choices={RESPONSE_CHANNELS.map((code) => ({ code, label: channelLabel(code, i18n) }))}
        onChange={setChannel}
      />
      <TextBox id={`update-${props.id}-text`} label={t('followUps.updateText')} hint={t('followUps.updateHint', { max: UPDATE_MAX })} required rows={4} value={text} errors={local ?? placed.byField.text} onChange={setText} />
    </ActionForm>
  );
}
