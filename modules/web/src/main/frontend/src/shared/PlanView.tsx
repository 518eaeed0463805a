/**
 * A plan as a tenant administrator reads it (the tenancy module's Plan, from the policy editor or the configuration
 * screens): per thing, create / update / unchanged / kept, and each field before → after.
 */
import { DataTable } from './DataTable';
import { useI18n, type I18n, type MessageId } from './i18n/i18n';

/** The tenancy module's Plan: per thing, what applying changes (or changed), field by field. */
export interface Plan {
  applied: boolean;
  changes: {
    kind: string;
    key: string;
    action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'NOT_IN_FILE' | string;
    fields: { field: string; before?: string | null; after?: string | null }[];
  }[];
}

const ACTIONS: Record<string, MessageId> = {
  CREATE: 'policies.plan.create',
  UPDATE: 'policies.plan.update',
  UNCHANGED: 'policies.plan.unchanged',
  NOT_IN_FILE: 'policies.plan.notInFile',
};

/** Whether applying the plan would create or change anything. */
export function changesAnything(plan: Plan): boolean {
  return plan.changes.some((change) => change.action === 'CREATE' || change.action === 'UPDATE');
}

/** `fieldLabel` names a field the server names; without it the field is shown as the server wrote it. */
export function PlanView({ plan, fieldLabel }: { plan: Plan; fieldLabel?: (field: string, i18n: Pick<I18n, 't'>) => string }) {
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
                  <th scope="row">{fieldLabel ? fieldLabel(field.field, i18n) : field.field}</th>
                  <td className="free-text">{field.before ?? t('policies.plan.none')}</td>
                  <td className="free-text">{field.after ?? t('policies.plan.none')}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      ))}
      {!changesAnything(plan) && <p>{t('policies.plan.nothing')}</p>}
    </>
  );
}
