/** One policy as staff read it: the words, why, who approved it and when, the Scale of Yes and "I have read it". */
import { useState } from 'react';
import { AppLink } from '../../shared/AppLink';
import { dateText } from '../bans/bans';
import { acknowledge, atText, categoryLabel, loadPolicy, type Policy } from './policies';
import { PolicyVersions } from './PolicyVersions';
import { RecordException } from './RecordException';
import { ScaleOfYes } from './ScaleOfYes';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

export function PolicyDetail({ policyKey }: { policyKey: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, navigate } = usePage();
  const loaded = useLoad((signal) => loadPolicy(session, policyKey, signal), `policy:${policyKey}`, { title: 'policies.problem.one' });
  const [status, setStatus] = useState('');
  const back = (
    <p>
      <AppLink slug={session.slug} screen="policies" navigate={navigate}>
        {t('policies.back')}
      </AppLink>
    </p>
  );
  const policy = loaded.data;
  if (!policy) {
    return (
      <>
        <Heading>{t('policies.screen.library')}</Heading>
        {back}
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('policies.loadingOne')}</p>}
      </>
    );
  }
  const current = policy.current;
  return (
    <>
      <Heading>{current.title}</Heading>
      {back}
      <StatusNotice status={status} />
      <p className="policy-marks">
        <ScaleOfYes strictness={policy.strictness} /> <span className="badge">{categoryLabel(policy.category, i18n)}</span>{' '}
        <span className="quiet">{t('policies.versionOf', { version: current.version })}</span>
      </p>
      <ExceptionRule policy={policy} />
      <section aria-labelledby="policy-text-heading">
        <h2 id="policy-text-heading">{t('policies.field.text')}</h2>
        <p className="free-text policy-text">{current.text}</p>
      </section>
      <section aria-labelledby="policy-reason-heading">
        <h2 id="policy-reason-heading">{t('policies.field.reason')}</h2>
        <p className="free-text">{current.reason}</p>
      </section>
      <dl className="answers policy-facts">
        <div>
          <dt>{t('policies.approved')}</dt>
          <dd>{t('policies.approvedByOn', { by: current.approvedBy ?? '—', on: dateText(current.approvedOn, i18n) })}</dd>
        </div>
        <div>
          <dt>{t('policies.field.effectiveOn')}</dt>
          <dd>{dateText(current.effectiveOn, i18n)}</dd>
        </div>
        <div>
          <dt>{t('policies.field.owner')}</dt>
          <dd>{policy.owner?.name ?? policy.owner?.code ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('policies.field.appliesTo')}</dt>
          <dd>{policy.appliesTo.length === 0 ? t('policies.everyone') : policy.appliesTo.join(', ')}</dd>
        </div>
      </dl>
      <Acknowledgement policy={policy} onDone={(message) => {
        setStatus(message);
        loaded.reload();
      }} />
      <RecordException policy={policy} onRecorded={setStatus} />
      <PolicyVersions policy={policy} />
    </>
  );
}

/** Strict: "No exceptions" and why, where nobody can miss it. Flexible: the limits and who may approve. */
function ExceptionRule({ policy }: { policy: Policy }) {
  const { t } = useI18n();
  if (policy.strictness === 'strict') {
    return (
      <section className="exception-rule strict" aria-labelledby="exception-rule-heading">
        <h2 id="exception-rule-heading">{t('policies.noExceptions')}</h2>
        <p className="free-text">{policy.strictWhy}</p>
      </section>
    );
  }
  return (
    <section className="exception-rule flexible" aria-labelledby="exception-rule-heading">
      <h2 id="exception-rule-heading">{t('policies.exceptionsWithin')}</h2>
      {policy.exceptionLimits && <p className="free-text">{policy.exceptionLimits}</p>}
      <p>
        {policy.exceptionsBy.length > 0
          ? t('policies.whoMayApprove', { positions: policy.exceptionsBy.map((p) => p.name).join(', ') })
          : t('policies.whoMayApproveAny')}
      </p>
    </section>
  );
}

function Acknowledgement(props: { policy: Policy; onDone: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const { policy } = props;
  const { busy, problem, submit } = useSubmit();
  const ack = policy.acknowledgement;
  const version = policy.current.version;
  return (
    <section className="acknowledgement" aria-labelledby="acknowledgement-heading">
      <h2 id="acknowledgement-heading">{t('policies.ack.title')}</h2>
      {ack.status === 'current' && <p>{t('policies.ack.done', { version: ack.version ?? version, at: atText(ack.at, i18n) })}</p>}
      {ack.status === 'not-applicable' && <p className="quiet">{t('policies.ack.notForYou')}</p>}
      {ack.status === 'needed' && (
        <>
          <p>{ack.version ? t('policies.ack.newVersion', { version, read: ack.version }) : t('policies.ack.pleaseRead', { version })}</p>
          <button
            type="button"
            className="button primary"
            aria-disabled={busy}
            onClick={() =>
              void submit('policies.ack.failed', async () => {
                const done = await acknowledge(session, policy.key);
                props.onDone(t('policies.ack.thanks', { version: done.version, at: atText(done.at, i18n) }));
              })
            }
          >
            {t('policies.ack.button', { version })}
          </button>
        </>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
