/**
 * The call-back queue of a branch: due and overdue first, each with what can be done next — claim it, see how to
 * reach the patron and record an attempt, or hand it to a colleague. Every control is a button, a select or a link,
 * so the queue is worked with the keyboard alone; times are on the library system's clock.
 */
import { useState } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import {
  OUTCOMES,
  claimCallBack,
  handOver,
  loadColleagues,
  recordAttempt,
  revealContact,
  type CallBackContact,
  type CallBackInQueue,
  type Outcome,
} from './callBacks';

export function timeText(instant: string, i18n: Pick<I18n, 'moment'>): string {
  return i18n.moment(instant, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

export function CallBackQueue(props: { branch: string; queue: readonly CallBackInQueue[]; onChanged: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const colleagues = useLoad((signal) => loadColleagues(session, props.branch, signal), `colleagues:${props.branch}`, {
    title: 'callBacks.problem.colleagues',
    wait: !props.branch,
  });
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [contacts, setContacts] = useState<Record<string, CallBackContact>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [handTo, setHandTo] = useState<Record<string, string>>({});

  const act = async (work: () => Promise<unknown>, done: string) => {
    setProblem(undefined);
    try {
      await work();
      props.onChanged(done);
    } catch (error) {
      setProblem(asProblem(error, 'callBacks.notChanged'));
    }
  };

  if (props.queue.length === 0) {
    return <p>{t('callBacks.empty')}</p>;
  }
  return (
    <>
      {problem && <ProblemNotice problem={problem} />}
      <ul className="call-back-queue">
        {props.queue.map((callBack) => {
          const contact = contacts[callBack.id];
          const outcome = outcomes[callBack.id] ?? 'no-answer';
          return (
            <li key={callBack.id} className={`card${callBack.overdue ? ' overdue' : ''}`}>
              <h3>{callBack.reference}</h3>
              <p>
                {t(callBack.overdue ? 'callBacks.wasDue' : 'callBacks.due', { at: timeText(callBack.dueAt, i18n) })}{' '}
                {callBack.overdue && <span className="badge">{t('callBacks.overdue')}</span>}
              </p>
              <p>
                {callBack.claimedBy
                  ? t(callBack.mine ? 'callBacks.heldByYou' : 'callBacks.heldBy', { name: callBack.claimedBy })
                  : t('callBacks.nobodyYet')}
              </p>
              {!callBack.claimedBy && (
                <button type="button" className="button" onClick={() => void act(() => claimCallBack(session, callBack.id), t('callBacks.claimed', { reference: callBack.reference }))}>
                  {t('callBacks.claim', { reference: callBack.reference })}
                </button>
              )}
              {callBack.mine && (
                <>
                  {contact ? (
                    <dl className="call-back-contact">
                      {contact.name && (<><dt>{t('callBacks.name')}</dt><dd>{contact.name}</dd></>)}
                      {contact.phone && (<><dt>{t('callBacks.phone')}</dt><dd>{contact.phone}</dd></>)}
                      {contact.email && (<><dt>{t('callBacks.email')}</dt><dd>{contact.email}</dd></>)}
                    </dl>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        void revealContact(session, callBack.id)
                          .then((found) => setContacts((all) => ({ ...all, [callBack.id]: found })))
                          .catch((error: unknown) => setProblem(asProblem(error, 'callBacks.notChanged')))
                      }
                    >
                      {t('callBacks.showContact', { reference: callBack.reference })}
                    </button>
                  )}
                  <div className="field">
                    <label htmlFor={`outcome-${callBack.id}`}>{t('callBacks.outcome')}</label>
                    <select
                      id={`outcome-${callBack.id}`}
                      value={outcome}
                      onChange={(event) => setOutcomes((all) => ({ ...all, [callBack.id]: event.target.value as Outcome }))}
                    >
                      {OUTCOMES.map((code) => (
                        <option key={code} value={code}>
                          {t(`callBacks.outcome.${code}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button
                    type="button"
                    className="button primary"
                    onClick={() => void act(() => recordAttempt(session, callBack.id, outcome), t('callBacks.attemptRecorded', { reference: callBack.reference }))}
                  >
                    {t('callBacks.recordAttempt', { reference: callBack.reference })}
                  </button>
                </>
              )}
              {(callBack.mine || !callBack.claimedBy) && colleagues.data && colleagues.data.length > 0 && (
                <div className="field">
                  <label htmlFor={`hand-to-${callBack.id}`}>{t('callBacks.handTo')}</label>
                  <select id={`hand-to-${callBack.id}`} value={handTo[callBack.id] ?? ''} onChange={(event) => setHandTo((all) => ({ ...all, [callBack.id]: event.target.value }))}>
                    <option value="">{t('callBacks.chooseColleague')}</option>
                    {colleagues.data.map((person) => (
                      <option key={person.staffId} value={person.staffId}>
                        {person.tagName}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button"
                    aria-disabled={!handTo[callBack.id]}
                    onClick={() => {
                      const to = handTo[callBack.id];
                      if (to) void act(() => handOver(session, callBack.id, to), t('callBacks.handedOver', { reference: callBack.reference }));
                    }}
                  >
                    {t('callBacks.handOver', { reference: callBack.reference })}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {colleagues.problem && <ProblemNotice problem={colleagues.problem} />}
    </>
  );
}
