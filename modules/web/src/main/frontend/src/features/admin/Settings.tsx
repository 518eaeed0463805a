/**
 * "Library system settings" (/t/<slug>/admin-settings): the name, time zone and language of the library system, and
 * every setting its configuration has (the idle lock first). A setting this app does not know yet is still shown and
 * edited by its kind (a number, yes or no, or text), so a newer server's settings are never hidden or dropped.
 */
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { useAdminDraft } from './AdminDraft';
import { AdminPage, ConfigField, GroupRefusals, TextField } from './AdminPage';
import { controlId, optional, type TenantConfiguration } from './configuration';

const SETTING_LABELS: Record<string, MessageId> = {
  idleLockMinutes: 'admin.field.idleLockMinutes',
};

const SETTING_HINTS: Record<string, MessageId> = {
  idleLockMinutes: 'admin.settings.idleHint',
};

export function AdminSettingsPage() {
  return (
    <AdminPage title="admin.settings.title" intro="admin.settings.intro">
      {(draft) => <SettingsEditor draft={draft} />}
    </AdminPage>
  );
}

function SettingsEditor({ draft }: { draft: TenantConfiguration }) {
  const { t } = useI18n();
  const { edit } = useAdminDraft();
  const change = (part: Partial<TenantConfiguration>) => edit((current) => ({ ...current, ...part }));
  const settings = { idleLockMinutes: null, ...(draft.settings ?? {}) } as Record<string, unknown>;
  const setSetting = (key: string, value: unknown) => edit((current) => ({ ...current, settings: { ...(current.settings ?? {}), [key]: value } }));
  return (
    <>
      <fieldset className="admin-group">
        <legend>{t('admin.settings.system')}</legend>
        <div className="form-grid">
          <TextField path="name" label={t('admin.field.name')} required maxLength={200} value={draft.name} onChange={(value) => change({ name: value })} />
          <TextField path="timeZone" label={t('admin.field.timeZone')} required hint={t('admin.settings.zoneHint')} maxLength={60} value={draft.timeZone} onChange={(value) => change({ timeZone: value })} />
          <TextField path="locale" label={t('admin.field.locale')} required hint={t('admin.settings.localeHint')} maxLength={35} value={draft.locale} onChange={(value) => change({ locale: value })} />
          {'fallbackLanguage' in draft && (
            <TextField
              path="fallbackLanguage"
              label={t('admin.field.fallbackLanguage')}
              hint={t('admin.settings.fallbackHint')}
              maxLength={20}
              value={draft.fallbackLanguage ?? ''}
              onChange={(value) => change({ fallbackLanguage: optional(value) })}
            />
          )}
        </div>
      </fieldset>
      <fieldset className="admin-group">
        <legend>{t('admin.settings.settings')}</legend>
        <GroupRefusals path="settings" />
        <div className="form-grid">
          {Object.entries(settings).map(([key, value]) => (
            <Setting key={key} name={key} value={value} onChange={(next) => setSetting(key, next)} />
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** One setting, edited by its kind; the idle lock is a number even while it has no value. */
function Setting({ name, value, onChange }: { name: string; value: unknown; onChange: (value: unknown) => void }) {
  const { t } = useI18n();
  const path = `settings.${name}`;
  const label = SETTING_LABELS[name] ? t(SETTING_LABELS[name]!) : name;
  const hint = SETTING_HINTS[name] ? t(SETTING_HINTS[name]!) : undefined;
  if (typeof value === 'boolean') {
    return (
      <div className="field">
        <label className="choice">
          <input id={controlId(path)} type="checkbox" checked={value} onChange={(event) => onChange(event.target.checked)} /> {label}
        </label>
        <GroupRefusals path={path} />
      </div>
    );
  }
  if (typeof value === 'number' || value === null || value === undefined) {
    return (
      <ConfigField path={path} label={label} hint={hint}>
        {(ids) => (
          <input
            {...ids}
            type="number"
            inputMode="numeric"
            step={1}
            value={typeof value === 'number' ? value : ''}
            onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
          />
        )}
      </ConfigField>
    );
  }
  if (typeof value === 'string') {
    return (
      <TextField path={path} label={label} hint={hint} value={value} onChange={onChange} />
    );
  }
  // Lists and groups of settings are kept as they are; the files edit them.
  return (
    <div className="field">
      <p>
        {label}: <code>{JSON.stringify(value)}</code>
      </p>
    </div>
  );
}
