/** The server's plan for the form as the administrator reads it: which version it would make, then each difference. */
import { DataTable } from '../../shared/DataTable';
import { useI18n } from '../../shared/i18n/i18n';
import type { FormPlan } from './formEditor';

export function FormPlanView({ plan }: { plan: FormPlan }) {
  const { t } = useI18n();
  if (plan.nextVersion == null) {
    return <p>{t('formEditor.plan.unchanged', { version: plan.currentVersion ?? 0 })}</p>;
  }
  const differences = plan.change.fields.filter((field) => field.field !== 'version');
  return (
    <>
      <p>
        {plan.currentVersion == null
          ? t('formEditor.plan.first', { version: plan.nextVersion })
          : t('formEditor.plan.next', { current: plan.currentVersion, version: plan.nextVersion })}
      </p>
      <DataTable
        className="plan-table"
        caption={t('formEditor.plan.caption', { count: differences.length })}
        columns={[t('formEditor.plan.what'), t('formEditor.plan.before'), t('formEditor.plan.after')]}
      >
        {differences.map((field) => (
          <tr key={field.field}>
            <th scope="row">
              <code>{field.field}</code>
            </th>
            <td className="free-text">{field.before ?? t('formEditor.plan.none')}</td>
            <td className="free-text">{field.after ?? t('formEditor.plan.none')}</td>
          </tr>
        ))}
      </DataTable>
      <p className="hint">{t('formEditor.plan.oldReports')}</p>
    </>
  );
}
