/** A report's signature trail with the chain's verification, and its mail deliveries. */
import type { ApiError } from '../../shared/api';
import { deliveryText, signatureLabel, titleOfCode, whenText } from './incidentForm';
import type { Delivery, Signature, Verification } from './incidents';
import type { Loaded } from '../../shared/useLoad';
import { codeLabel, useI18n, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { DataTable } from '../../shared/DataTable';

export function SignatureTrail({
  signatures,
  signed,
  verification,
}: {
  signatures: readonly Signature[];
  signed: boolean;
  verification: Loaded<Verification>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="detail-signatures">
      <h2 id="detail-signatures">{t('report.signatures')}</h2>
      {signatures.length === 0 ? (
        <p className="quiet">{t('report.notSigned')}</p>
      ) : (
        <DataTable
          className="signature-table"
          caption={t('report.signatureTrail')}
          hiddenCaption
          columns={[t('report.number'), t('report.kind'), t('report.signedBy'), t('report.at'), t('report.hash')]}
        >
          {signatures.map((signature) => (
            <tr key={signature.seq}>
              <td>{signature.seq}</td>
              <td>{signatureLabel(signature.kind, i18n)}</td>
              <th scope="row">{personText(signature.signer, t)}</th>
              <td>{whenText(signature.signedAt, i18n)}</td>
              <td>
                <code className="hash">{signature.hash}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {signed && <VerificationLine verification={verification.data} problem={verification.problem} />}
    </section>
  );
}

export function DeliveryTrail({ deliveries }: { deliveries: readonly Delivery[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="detail-deliveries">
      <h2 id="detail-deliveries">{t('incidents.delivery')}</h2>
      <DataTable
        caption={t('delivery.caption')}
        hiddenCaption
        columns={[t('delivery.to'), t('incidents.status'), t('delivery.tries'), t('delivery.when')]}
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">
              {delivery.recipient ?? delivery.positionName ?? delivery.position ?? ''}
              {delivery.recipient && delivery.positionName ? ` (${delivery.positionName})` : ''}
              {delivery.kind && delivery.kind !== 'report' ? ` — ${deliveryKind(delivery.kind, t)}` : ''}
            </th>
            <td className={delivery.status === 'failed' ? 'delivery-failed' : undefined}>
              {deliveryText(delivery.status, i18n)}
              {delivery.lastError && delivery.status !== 'sent' ? `: ${delivery.lastError}` : ''}
            </td>
            <td>{delivery.attempts ?? ''}</td>
            <td>
              {delivery.sentAt
                ? t('delivery.sentAt', { at: whenText(delivery.sentAt, i18n) })
                : delivery.nextAttemptAt
                  ? t('delivery.nextTry', { at: whenText(delivery.nextAttemptAt, i18n) })
                  : delivery.queuedAt
                    ? t('delivery.queuedAt', { at: whenText(delivery.queuedAt, i18n) })
                    : ''}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function VerificationLine({ verification, problem }: { verification?: Verification; problem?: ApiError }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (problem) {
    return <ProblemNotice problem={problem} />;
  }
  if (!verification) {
    return <p className="quiet">{t('verification.checking')}</p>;
  }
  if (verification.intact) {
    return <p className="verification intact">{t('verification.intact', { count: verification.checked })}</p>;
  }
  const mismatch = verification.firstMismatch;
  return (
    <div className="problem verification broken" role="alert">
      <p className="problem-title">{t('verification.broken')}</p>
      {mismatch && (
        <p>
          {t('verification.mismatch', {
            seq: mismatch.seq,
            kind: mismatch.kind ? signatureLabel(mismatch.kind, i18n) : 'none',
            signer: mismatch.signer || 'none',
            problem: mismatch.explanation ?? mismatch.problem,
          })}
        </p>
      )}
    </div>
  );
}

/** "Bea (Branch manager)", or the name alone when the position is not known. */
export function personText(person: { tagName?: string | null; username: string; positionName?: string | null }, t: I18n['t']): string {
  const name = person.tagName ?? person.username;
  return person.positionName ? t('person.withPosition', { name, position: person.positionName }) : name;
}

const DELIVERY_KINDS: Record<string, MessageId> = { 'overdue-notice': 'delivery.kind.overdueNotice' };

function deliveryKind(kind: string, t: I18n['t']): string {
  return codeLabel(DELIVERY_KINDS, kind, t, titleOfCode);
}
