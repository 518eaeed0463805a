/**
 * The "Call-back queue" screen: offer a call-back at the desk, and work the queue of a branch (one's own; headquarters
 * and tenant administrators choose any). Home shows the same queue at a glance (CallBacksCard).
 */
import { useState } from 'react';
import { AppLink } from '../../shared/AppLink';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { usePage } from '../../shared/page';
import { ROLE } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import { CallBackQueue, timeText } from './CallBackQueue';
import { OfferCallBack } from './OfferCallBack';
import { atAGlance, loadQueue } from './callBacks';

/** Refresh the queue while it is on screen: colleagues claim and close call-backs meanwhile. */
const QUEUE_REFRESH_MS = 60_000;

export function CallBacksPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const acrossBranches = me.roles.includes(ROLE.headquarters) || me.roles.includes(ROLE.tenantAdmin);
  const [branch, setBranch] = useState<string>(() => startingBranch(me, branches.data) ?? '');
  const queue = useLoad((signal) => loadQueue(session, branch || undefined, signal), `call-backs:${branch}`, {
    title: 'callBacks.problem.queue',
    refreshMs: QUEUE_REFRESH_MS,
  });
  const [status, setStatus] = useState('');

  return (
    <>
      <Heading>{t('callBacks.title')}</Heading>
      <StatusNotice status={status} />
      <OfferCallBack
        onOffered={(made) => {
          setStatus(t('callBacks.offered', { reference: made.reference, due: timeText(made.dueAt, i18n) }));
          queue.reload();
        }}
      />
      <section aria-labelledby="call-back-queue-heading">
        <h2 id="call-back-queue-heading">{t('callBacks.queue')}</h2>
        {acrossBranches && <BranchPicker id="call-back-queue-branch" label={t('field.branch')} branches={branches.data} value={branch} onChange={setBranch} />}
        {queue.problem && <ProblemNotice problem={queue.problem} />}
        {queue.data && (
          <CallBackQueue
            branch={branch}
            queue={queue.data}
            onChanged={(message) => {
              setStatus(message);
              queue.reload();
            }}
          />
        )}
      </section>
    </>
  );
}

/** Home's card: the signer's branch's call-backs due today and overdue, with the way to the queue. */
export function CallBacksCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, navigate } = usePage();
  const queue = useLoad((signal) => loadQueue(session, me.branch || undefined, signal), `call-backs-home:${me.branch}`, {
    title: 'callBacks.problem.queue',
    refreshMs: QUEUE_REFRESH_MS,
  });
  const glance = queue.data ? atAGlance(queue.data, new Date(), i18n.timeZone) : undefined;
  return (
    <section className="card call-backs-card" aria-labelledby="call-backs-card-heading">
      <h2 id="call-backs-card-heading">{t('callBacks.home.title')}</h2>
      {queue.problem && <ProblemNotice problem={queue.problem} />}
      {glance && (
        <>
          <p>{t('callBacks.home.counts', { overdue: glance.overdue.length, today: glance.dueToday.length })}</p>
          {glance.overdue.length + glance.dueToday.length > 0 && (
            <ul>
              {[...glance.overdue, ...glance.dueToday].slice(0, 5).map((callBack) => (
                <li key={callBack.id}>
                  {t(callBack.overdue ? 'callBacks.home.overdueLine' : 'callBacks.home.dueLine', {
                    reference: callBack.reference,
                    at: timeText(callBack.dueAt, i18n),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <AppLink slug={session.slug} screen="call-backs" navigate={navigate}>
          {t('callBacks.home.open')}
        </AppLink>
      </p>
    </section>
  );
}
