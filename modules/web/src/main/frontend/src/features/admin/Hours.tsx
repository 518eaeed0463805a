/**
 * "Opening hours" (/t/<slug>/admin-hours): a branch's weekly hours and, where a desk keeps other hours, the desk's.
 * Each day is one text box of periods ("09:00-12:00, 13:00-17:00"), typed and corrected with the keyboard alone; an
 * empty box is a closed day. A bookmobile's weekly stops are shown where the configuration has them.
 */
import { useState } from 'react';
import { DataTable } from '../../shared/DataTable';
import { useI18n } from '../../shared/i18n/i18n';
import { useAdminDraft } from './AdminDraft';
import { AdminPage, BranchChoice, GroupRefusals, TextField, useChosenBranch } from './AdminPage';
import { DAY_LABELS } from './pathText';
import {
  badPeriods,
  DAYS,
  periodsOf,
  periodsText,
  withBranch,
  withDay,
  withItem,
  type Day,
  type ServicePointConfig,
  type TenantConfiguration,
  type Week,
} from './configuration';

const WEEKDAYS: Day[] = ['tuesday', 'wednesday', 'thursday', 'friday'];

export function AdminHoursPage() {
  return (
    <AdminPage title="admin.hours.title" intro="admin.hours.intro">
      {(draft) => <HoursEditor draft={draft} />}
    </AdminPage>
  );
}

function HoursEditor({ draft }: { draft: TenantConfiguration }) {
  const { t } = useI18n();
  const { edit } = useAdminDraft();
  const { index } = useChosenBranch(draft);
  const branch = draft.branches[index];
  if (!branch) {
    return <p>{t('admin.branch.none')}</p>;
  }
  const at = `branches[${index}]`;
  const desks = branch.servicePoints ?? [];
  const editDesk = (d: number, change: (desk: ServicePointConfig) => ServicePointConfig) =>
    edit((current) => withBranch(current, index, (b) => ({ ...b, servicePoints: withItem(b.servicePoints, d, change) })));
  return (
    <>
      <BranchChoice draft={draft} id="admin-hours-branch" />
      <div key={index}>
        <WeekEditor
          path={`${at}.openingHours`}
          legend={t('admin.hours.branch', { name: branch.name || branch.code })}
          week={branch.openingHours}
          onChange={(week) => edit((current) => withBranch(current, index, (b) => ({ ...b, openingHours: week })))}
        />
        {desks.map((desk, d) => (
          <fieldset key={d} className="admin-group">
            <legend>{t('admin.hours.desk', { name: desk.name || desk.code })}</legend>
            <div className="field">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={!!desk.openingHours}
                  onChange={(event) =>
                    editDesk(d, (current) => ({ ...current, openingHours: event.target.checked ? { ...(branch.openingHours ?? {}) } : null }))
                  }
                />{' '}
                {t('admin.hours.ownHours')}
              </label>
            </div>
            {desk.openingHours ? (
              <WeekEditor
                path={`${at}.servicePoints[${d}].openingHours`}
                legend={t('admin.hours.deskWeek', { name: desk.name || desk.code })}
                week={desk.openingHours}
                onChange={(week) => editDesk(d, (current) => ({ ...current, openingHours: week }))}
              />
            ) : (
              <p className="quiet">{t('admin.hours.sameAsBranch')}</p>
            )}
            {(desk.mobile || (desk.stops?.length ?? 0) > 0) && <Stops desk={desk} />}
          </fieldset>
        ))}
      </div>
    </>
  );
}

/** A bookmobile's weekly round as the configuration has it (edited in its files for now). */
function Stops({ desk }: { desk: ServicePointConfig }) {
  const { t } = useI18n();
  const stops = desk.stops ?? [];
  return (
    <>
      <p>{t('admin.hours.mobile')}</p>
      {stops.length > 0 && (
        <DataTable caption={t('admin.hours.stops', { name: desk.name || desk.code })} columns={[t('admin.hours.stop'), t('admin.hours.day'), t('admin.field.hours')]}>
          {stops.map((stop, i) => (
            <tr key={i}>
              <th scope="row">{stop.name}</th>
              <td>{DAY_LABELS[stop.day as Day] ? t(DAY_LABELS[stop.day as Day]) : stop.day}</td>
              <td>{stop.hours}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/**
 * A week of periods, one box per day. What is typed stays as typed (a half-written time is not thrown away); the
 * draft gets the periods, and a period that cannot be a time range is named at its day before any preview.
 */
export function WeekEditor(props: { path: string; legend: string; week: Week | null | undefined; onChange: (week: Week) => void }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<Day, string>>(
    () => Object.fromEntries(DAYS.map((day) => [day, periodsText(props.week?.[day])])) as Record<Day, string>,
  );
  const type = (changes: Partial<Record<Day, string>>) => {
    const next = { ...texts, ...changes };
    setTexts(next);
    let week: Week = { ...(props.week ?? {}) };
    for (const day of Object.keys(changes) as Day[]) {
      week = withDay(week, day, periodsOf(next[day]));
    }
    props.onChange(week);
  };
  return (
    <fieldset className="admin-group week-editor">
      <legend>{props.legend}</legend>
      <p className="hint">{t('admin.hours.hint')}</p>
      <GroupRefusals path={props.path} />
      {DAYS.map((day) => {
        const bad = badPeriods(periodsOf(texts[day]));
        return (
          <TextField
            key={day}
            path={`${props.path}.${day}`}
            label={t(DAY_LABELS[day])}
            className="field day-field"
            errors={bad.length > 0 ? [t('admin.hours.bad', { periods: bad.join(', ') })] : undefined}
            inputMode="numeric"
            value={texts[day]}
            onChange={(typed) => type({ [day]: typed })}
          />
        );
      })}
      <button type="button" className="button small" onClick={() => type(Object.fromEntries(WEEKDAYS.map((day) => [day, texts.monday])))}>
        {t('admin.hours.copyMonday')}
      </button>
    </fieldset>
  );
}
