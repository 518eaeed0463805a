/**
 * "Positions and chain of command" (/t/<slug>/admin-positions): the positions lowest first (the order is the chain of
 * command: who is in charge is the most senior person on duty who may be), what each may do, and the library
 * system's rules about substitutes and who is told when the branch manager is away.
 */
import { codeLabeller, useI18n, type I18n, type MessageId } from '../../shared/i18n/i18n';
import { useAdminDraft } from './AdminDraft';
import { AdminPage, ConfigField, GroupRefusals, TextField, useFocusLater } from './AdminPage';
import { controlId, moved, PERMISSIONS, withItem, type PositionConfig, type TenantConfiguration } from './configuration';

const PERMISSION_LABELS: Record<string, MessageId> = {
  'be-in-charge': 'admin.permission.be-in-charge',
  'handle-difficult-situations': 'admin.permission.handle-difficult-situations',
  'handle-complaints': 'admin.permission.handle-complaints',
  'sign-incident-reports': 'admin.permission.sign-incident-reports',
  'countersign-incident-reports': 'admin.permission.countersign-incident-reports',
  'receive-incident-reports': 'admin.permission.receive-incident-reports',
  'grant-policy-exceptions': 'admin.permission.grant-policy-exceptions',
  'handle-insurance-questions': 'admin.permission.handle-insurance-questions',
  'decide-disclosure-requests': 'admin.permission.decide-disclosure-requests',
};

/** What a permission code allows, in words; a code this app does not know is shown as it is. */
export const permissionLabel: (code: string, i18n?: Pick<I18n, 't'>) => string = codeLabeller(PERMISSION_LABELS, (code) => code);

export function AdminPositionsPage() {
  return (
    <AdminPage title="admin.positions.title" intro="admin.positions.intro">
      {(draft) => <PositionsEditor draft={draft} />}
    </AdminPage>
  );
}

function PositionsEditor({ draft }: { draft: TenantConfiguration }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { edit, live } = useAdminDraft();
  const liveCodes = new Set(live?.configuration.positions.map((p) => p.code) ?? []);
  const positions = draft.positions;
  const change = (i: number, part: Partial<PositionConfig>) =>
    edit((current) => ({ ...current, positions: withItem(current.positions, i, (p) => ({ ...p, ...part })) }));
  const focusLater = useFocusLater();
  const move = (i: number, step: -1 | 1) => {
    edit((current) => ({ ...current, positions: moved(current.positions, i, step) }));
    // The button pressed moves with its position: the focus follows it.
    focusLater(`admin-position-${i + step}-${step < 0 ? 'up' : 'down'}`);
  };
  const add = () => {
    edit((current) => ({ ...current, positions: [...current.positions, { code: '', name: '', may: [] }] }));
    focusLater(controlId(`positions[${positions.length}].code`));
  };
  const rules = draft.chainOfCommand ?? {};
  const setRules = (part: Record<string, unknown>) => edit((current) => ({ ...current, chainOfCommand: { ...(current.chainOfCommand ?? {}), ...part } }));

  return (
    <>
      <GroupRefusals path="positions" />
      <ol className="admin-positions">
        {positions.map((position, i) => {
          const name = position.name || position.code || String(i + 1);
          const held = position.may ?? [];
          const offered = [...PERMISSIONS, ...held.filter((code) => !(PERMISSIONS as readonly string[]).includes(code))];
          const isNew = !liveCodes.has(position.code) || i >= (live?.configuration.positions.length ?? 0);
          return (
            <li key={i}>
              <fieldset className="admin-group">
                <legend>{t('admin.positions.rung', { number: i + 1, name })}</legend>
                <div className="form-grid">
                  <TextField
                    path={`positions[${i}].code`}
                    label={t('admin.field.code')}
                    required
                    hint={isNew ? t('admin.positions.codeHint') : undefined}
                    maxLength={40}
                    readOnly={!isNew}
                    value={position.code}
                    onChange={(value) => change(i, { code: value.toLowerCase() })}
                  />
                  <TextField path={`positions[${i}].name`} label={t('admin.field.name')} required maxLength={200} value={position.name} onChange={(value) => change(i, { name: value })} />
                </div>
                <fieldset className="permissions">
                  <legend>{t('admin.positions.may', { name })}</legend>
                  <GroupRefusals path={`positions[${i}].may`} />
                  {offered.map((code) => (
                    <label key={code} className="choice">
                      <input
                        type="checkbox"
                        checked={held.includes(code)}
                        onChange={(event) =>
                          change(i, { may: event.target.checked ? [...held, code].sort() : held.filter((c) => c !== code) })
                        }
                      />{' '}
                      {permissionLabel(code, i18n)}
                    </label>
                  ))}
                </fieldset>
                <div className="toolbar-actions">
                  <button id={`admin-position-${i}-up`} type="button" className="button small" aria-disabled={i === 0} onClick={() => i > 0 && move(i, -1)}>
                    {t('admin.positions.up', { name })}
                  </button>
                  <button
                    id={`admin-position-${i}-down`}
                    type="button"
                    className="button small"
                    aria-disabled={i === positions.length - 1}
                    onClick={() => i < positions.length - 1 && move(i, 1)}
                  >
                    {t('admin.positions.down', { name })}
                  </button>
                  {isNew && (
                    <button
                      type="button"
                      className="button small quiet-button"
                      onClick={() => edit((current) => ({ ...current, positions: current.positions.filter((_, at) => at !== i) }))}
                    >
                      {t('admin.positions.remove', { name })}
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="button" onClick={add}>
          {t('admin.positions.add')}
        </button>
      </p>
      <fieldset className="admin-group">
        <legend>{t('admin.chain.title')}</legend>
        <GroupRefusals path="chainOfCommand" />
        <div className="field">
          <label className="choice">
            <input
              id={controlId('chainOfCommand.substitutesOnlyWithoutPermanentStaff')}
              type="checkbox"
              checked={rules.substitutesOnlyWithoutPermanentStaff !== false}
              onChange={(event) => setRules({ substitutesOnlyWithoutPermanentStaff: event.target.checked })}
            />{' '}
            {t('admin.chain.substitutes')}
          </label>
        </div>
        <ConfigField path="chainOfCommand.notifyWhenAbsent" label={t('admin.field.notifyWhenAbsent')} hint={t('admin.chain.notifyHint')}>
          {(ids) => (
            <select {...ids} value={rules.notifyWhenAbsent ?? ''} onChange={(event) => setRules({ notifyWhenAbsent: event.target.value || null })}>
              <option value="">{t('admin.chain.nobody')}</option>
              {positions
                .filter((p) => p.code)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name || p.code}
                  </option>
                ))}
            </select>
          )}
        </ConfigField>
      </fieldset>
    </>
  );
}
