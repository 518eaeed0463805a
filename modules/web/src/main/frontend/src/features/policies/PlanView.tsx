/** A plan as the tenant administrator reads it: per policy, create / update / unchanged, and each field before → after. */
import { fieldLabel, type Plan } from './policies';
import { DataTable } from '../../shared/DataTable';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';

const ACTIONS: Record<string, MessageId> = {
  CREATE: 'policies.plan.create',
  UPDATE: 'policies.plan.update',
  UNCHANGED: 'policies.plan.unchanged',
  NOT_IN_FILE: 'policies.plan.notInFile',
};

export function PlanView({ plan }: { plan: Plan }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      {plan.changes.map((change) => (
        <div key={`${change.kind}:${change.key}`} className="plan-change">
          <p>
            <strong>{ACTIONS[change.action] ? t(ACTIONS[change.action]!) : change.action}</strong> <code>{change.key}</code>
          </p>
          {change.action !== 'UNCHANGED' && change.fields.length > 0 && (
            <DataTable
              className="plan-table"
              caption={t('policies.plan.fields', { key: change.key })}
              hiddenCaption
              columns={[t('policies.plan.field'), t('policies.plan.before'), t('policies.plan.after')]}
            >
              {change.fields.map((field) => (
                <tr key={field.field}>
                  <th scope="row">{fieldLabel(field.field, i18n)}</th>
                  <td className="free-text">{field.before ?? t('policies.plan.none')}</td>
                  <td className="free-text">{field.after ?? t('policies.plan.none')}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      ))}
      {!plan.changes.some((change) => change.action === 'CREATE' || change.action === 'UPDATE') && <p>{t('policies.plan.nothing')}</p>}
    </>
  );
}
