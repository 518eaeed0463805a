/**
 * "Branches and desks" (/t/<slug>/admin-branches): the library system's branches at a glance, then one branch to
 * edit: name, headquarters, address, phone, and its desks (service points). A branch or desk already live keeps its
 * code (the code is what the roster, shifts and reports refer to); one added in this draft can still be taken out.
 * Branches are never deleted from here: one left out of the configuration is kept, as with the files.
 */
import { DataTable } from '../../shared/DataTable';
import { useI18n } from '../../shared/i18n/i18n';
import { useAdminDraft } from './AdminDraft';
import { AdminPage, GroupRefusals, TextField, useChosenBranch, useFocusLater } from './AdminPage';
import { controlId, optional, withBranch, withItem, type BranchConfig, type ServicePointConfig, type TenantConfiguration } from './configuration';

export function AdminBranchesPage() {
  return (
    <AdminPage title="admin.branches.title" intro="admin.branches.intro">
      {(draft) => <BranchesEditor draft={draft} />}
    </AdminPage>
  );
}

const NEW_BRANCH: BranchConfig = { code: '', name: '', headquarters: false, address: null, phone: null, servicePoints: [], openingHours: {}, closures: [] };

function BranchesEditor({ draft }: { draft: TenantConfiguration }) {
  const { t } = useI18n();
  const { edit, live, branch: chosen } = useAdminDraft();
  const { index, choose } = useChosenBranch(draft);
  const liveCount = live?.configuration.branches.length ?? 0;
  const focusLater = useFocusLater();

  const add = () => {
    edit((current) => ({ ...current, branches: [...current.branches, { ...NEW_BRANCH }] }));
    choose(draft.branches.length);
    focusLater(controlId(`branches[${draft.branches.length}].code`));
  };
  const remove = (i: number) => {
    edit((current) => ({ ...current, branches: current.branches.filter((_, at) => at !== i) }));
    choose(0);
  };

  return (
    <>
      <GroupRefusals path="branches" />
      <DataTable
        className="admin-branches"
        caption={t('admin.branches.list')}
        columns={[t('admin.field.code'), t('admin.field.name'), t('admin.field.headquarters'), t('admin.field.servicePoints'), t('admin.field.address'), t('admin.field.phone'), t('admin.actions')]}
      >
        {draft.branches.map((branch, i) => (
          <tr key={i} aria-current={i === index && chosen !== undefined ? 'true' : undefined}>
            <td>
              <code>{branch.code}</code>
            </td>
            <th scope="row">{branch.name}</th>
            <td>{branch.headquarters ? t('admin.yes') : t('admin.no')}</td>
            <td>{(branch.servicePoints ?? []).map((desk) => desk.name || desk.code).join(', ')}</td>
            <td className="free-text">{branch.address ?? ''}</td>
            <td>{branch.phone ?? ''}</td>
            <td>
              <button type="button" className="button small" onClick={() => choose(i)}>
                {t('admin.branches.edit', { name: branch.name || branch.code || t('admin.branch.unnamed') })}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <p>
        <button type="button" className="button" onClick={add}>
          {t('admin.branches.add')}
        </button>
      </p>
      {draft.branches[index] && (
        <BranchForm key={index} index={index} branch={draft.branches[index]!} isNew={index >= liveCount} onRemove={() => remove(index)} />
      )}
    </>
  );
}

function BranchForm(props: { index: number; branch: BranchConfig; isNew: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  const { edit, live } = useAdminDraft();
  const { index, branch } = props;
  const at = `branches[${index}]`;
  const change = (part: Partial<BranchConfig>) => edit((current) => withBranch(current, index, (b) => ({ ...b, ...part })));
  const desks = branch.servicePoints ?? [];
  const liveDesks = live?.configuration.branches[index]?.servicePoints?.length ?? 0;
  const editDesk = (d: number, part: Partial<ServicePointConfig>) =>
    edit((current) => withBranch(current, index, (b) => ({ ...b, servicePoints: withItem(b.servicePoints, d, (desk) => ({ ...desk, ...part })) })));
  const focusLater = useFocusLater();
  const addDesk = () => {
    change({ servicePoints: [...desks, { code: '', name: '' }] });
    focusLater(controlId(`${at}.servicePoints[${desks.length}].code`));
  };
  return (
    <section className="admin-branch" aria-labelledby="admin-branch-heading">
      <h2 id="admin-branch-heading">
        {props.isNew ? t('admin.branches.new') : t('admin.branches.editing', { name: branch.name || branch.code })}
      </h2>
      <div className="form-grid">
        <TextField
          path={`${at}.code`}
          label={t('admin.field.code')}
          required
          hint={props.isNew ? t('admin.branches.codeHint') : t('admin.branches.codeFixed')}
          maxLength={16}
          readOnly={!props.isNew}
          value={branch.code}
          onChange={(value) => change({ code: value.toUpperCase() })}
        />
        <TextField path={`${at}.name`} label={t('admin.field.name')} required maxLength={200} value={branch.name} onChange={(value) => change({ name: value })} />
        <TextField path={`${at}.address`} label={t('admin.field.address')} maxLength={300} value={branch.address ?? ''} onChange={(value) => change({ address: optional(value) })} />
        <TextField path={`${at}.phone`} label={t('admin.field.phone')} type="tel" maxLength={40} value={branch.phone ?? ''} onChange={(value) => change({ phone: optional(value) })} />
      </div>
      <div className="field">
        <label className="choice">
          <input
            id={controlId(`${at}.headquarters`)}
            type="checkbox"
            checked={branch.headquarters === true}
            onChange={(event) => change({ headquarters: event.target.checked })}
          />{' '}
          {t('admin.branches.headquarters')}
        </label>
        <GroupRefusals path={`${at}.headquarters`} />
      </div>
      <fieldset className="admin-group">
        <legend>{t('admin.branches.desks', { name: branch.name || branch.code })}</legend>
        <GroupRefusals path={`${at}.servicePoints`} />
        {desks.length === 0 && <p className="quiet">{t('admin.branches.noDesks')}</p>}
        {desks.map((desk, d) => (
          <div key={d} className="form-grid admin-desk">
            <TextField
              path={`${at}.servicePoints[${d}].code`}
              label={t('admin.branches.deskCode', { number: d + 1 })}
              required
              maxLength={32}
              readOnly={d < liveDesks && !props.isNew}
              value={desk.code}
              onChange={(value) => editDesk(d, { code: value.toLowerCase() })}
            />
            <TextField path={`${at}.servicePoints[${d}].name`} label={t('admin.branches.deskName', { number: d + 1 })} required maxLength={200} value={desk.name} onChange={(value) => editDesk(d, { name: value })} />
            {'mobile' in desk && (
              <div className="field">
                <label className="choice">
                  <input type="checkbox" checked={desk.mobile === true} onChange={(event) => editDesk(d, { mobile: event.target.checked })} />{' '}
                  {t('admin.branches.mobile', { name: desk.name || desk.code })}
                </label>
              </div>
            )}
            {(d >= liveDesks || props.isNew) && (
              <div className="field">
                <button
                  type="button"
                  className="button small"
                  onClick={() => change({ servicePoints: desks.filter((_, at2) => at2 !== d) })}
                >
                  {t('admin.branches.removeDesk', { name: desk.name || desk.code || String(d + 1) })}
                </button>
              </div>
            )}
          </div>
        ))}
        <button type="button" className="button small" onClick={addDesk}>
          {t('admin.branches.addDesk')}
        </button>
      </fieldset>
      {props.isNew && (
        <p>
          <button type="button" className="button quiet-button" onClick={props.onRemove}>
            {t('admin.branches.remove', { name: branch.name || branch.code || t('admin.branch.unnamed') })}
          </button>
        </p>
      )}
    </section>
  );
}
