/**
 * "Closures and short days" (/t/<slug>/admin-closures): a branch's dated closures on a month calendar and in a list.
 * A closure without hours closes the branch that day; one with hours is a short day. The calendar starts at this month
 * on the library system's calendar (its time zone), whatever the computer's; its days are dates, which no zone moves.
 */
import { useRef, useState } from 'react';
import { DataTable } from '../../shared/DataTable';
import { useI18n } from '../../shared/i18n/i18n';
import { todayIn } from '../policies/policies';
import { useAdminDraft } from './AdminDraft';
import { Field } from '../../shared/fields';
import { AdminPage, BranchChoice, GroupRefusals, TextField, useChosenBranch } from './AdminPage';
import { badPeriods, closuresIn, monthAfter, monthGrid, periodsOf, periodsText, withBranch, withItem, type Closure, type TenantConfiguration } from './configuration';

export function AdminClosuresPage() {
  return (
    <AdminPage title="admin.closures.title" intro="admin.closures.intro">
      {(draft) => <ClosuresEditor draft={draft} />}
    </AdminPage>
  );
}

function ClosuresEditor({ draft }: { draft: TenantConfiguration }) {
  const { t } = useI18n();
  const { edit } = useAdminDraft();
  const { index } = useChosenBranch(draft);
  const branch = draft.branches[index];
  const [month, setMonth] = useState(() => todayIn(draft.timeZone).slice(0, 7));
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('');
  const [missing, setMissing] = useState<{ date?: string; reason?: string }>({});
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  if (!branch) {
    return <p>{t('admin.branch.none')}</p>;
  }
  const at = `branches[${index}]`;
  const closures = branch.closures ?? [];
  const editClosures = (change: (list: Closure[]) => Closure[]) =>
    edit((current) => withBranch(current, index, (b) => ({ ...b, closures: change(b.closures ?? []) })));
  const shortHours = periodsOf(hours);
  const badHours = badPeriods(shortHours);

  const add = () => {
    const wrong = { date: date ? undefined : t('admin.closures.needDate'), reason: reason.trim() ? undefined : t('admin.closures.needReason') };
    setMissing(wrong);
    if (wrong.date || wrong.reason || badHours.length > 0) {
      (wrong.date ? dateRef : reasonRef).current?.focus();
      return;
    }
    const closure: Closure = shortHours.length > 0 ? { date, reason: reason.trim(), hours: shortHours } : { date, reason: reason.trim() };
    editClosures((list) => [...list.filter((c) => c.date !== date), closure].sort((a, b) => a.date.localeCompare(b.date)));
    setMonth(date.slice(0, 7));
    setDate('');
    setReason('');
    setHours('');
    dateRef.current?.focus();
  };

  const pick = (day: number) => {
    setDate(`${month}-${String(day).padStart(2, '0')}`);
    reasonRef.current?.focus();
  };

  return (
    <>
      <BranchChoice draft={draft} id="admin-closures-branch" />
      <Calendar month={month} onMonth={setMonth} closures={closures} onPick={pick} />
      <section className="admin-group" aria-labelledby="admin-closure-add">
        <h2 id="admin-closure-add">{t('admin.closures.add', { name: branch.name || branch.code })}</h2>
        <div className="form-grid">
          <Field id="admin-closure-date" label={t('admin.field.date')} required errors={missing.date ? [missing.date] : undefined}>
            {(ids) => <input {...ids} ref={dateRef} type="date" value={date} onChange={(event) => setDate(event.target.value)} />}
          </Field>
          <Field id="admin-closure-reason" label={t('admin.field.reason')} required errors={missing.reason ? [missing.reason] : undefined}>
            {(ids) => <input {...ids} ref={reasonRef} type="text" autoComplete="off" maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
          <Field
            id="admin-closure-hours"
            label={t('admin.closures.shortHours')}
            hint={t('admin.closures.shortHint')}
            errors={badHours.length > 0 ? [t('admin.hours.bad', { periods: badHours.join(', ') })] : undefined}
          >
            {(ids) => <input {...ids} type="text" autoComplete="off" value={hours} onChange={(event) => setHours(event.target.value)} />}
          </Field>
        </div>
        <button type="button" className="button" onClick={add}>
          {t('admin.closures.addButton')}
        </button>
      </section>
      <GroupRefusals path={`${at}.closures`} />
      {closures.length === 0 ? (
        <p className="quiet">{t('admin.closures.none')}</p>
      ) : (
        <DataTable
          className="admin-closures"
          caption={t('admin.closures.list', { name: branch.name || branch.code })}
          columns={[t('admin.field.date'), t('admin.field.reason'), t('admin.closures.shortHours'), t('admin.actions')]}
        >
          {closures.map((closure, c) => (
            <ClosureRow
              key={`${closure.date}:${c}`}
              path={`${at}.closures[${c}]`}
              closure={closure}
              onChange={(changed) => editClosures((list) => withItem(list, c, () => changed))}
              onRemove={() => editClosures((list) => list.filter((_, i) => i !== c))}
            />
          ))}
        </DataTable>
      )}
    </>
  );
}

function ClosureRow(props: { path: string; closure: Closure; onChange: (closure: Closure) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const { closure } = props;
  const [hours, setHours] = useState(periodsText(closure.hours));
  const bad = badPeriods(periodsOf(hours));
  const name = closure.date;
  return (
    <tr>
      <th scope="row">
        <TextField
          path={`${props.path}.date`}
          label={<span className="visually-hidden">{t('admin.closures.dateOf', { reason: closure.reason })}</span>}
          type="date"
          value={closure.date}
          onChange={(date) => props.onChange({ ...closure, date })}
        />
      </th>
      <td>
        <TextField
          path={`${props.path}.reason`}
          label={<span className="visually-hidden">{t('admin.closures.reasonOn', { date: name })}</span>}
          maxLength={200}
          value={closure.reason}
          onChange={(reason) => props.onChange({ ...closure, reason })}
        />
      </td>
      <td>
        <TextField
          path={`${props.path}.hours`}
          label={<span className="visually-hidden">{t('admin.closures.hoursOn', { date: name })}</span>}
          errors={bad.length > 0 ? [t('admin.hours.bad', { periods: bad.join(', ') })] : undefined}
          placeholder={t('admin.closures.closedAllDay')}
          value={hours}
          onChange={(typed) => {
            setHours(typed);
            const periods = periodsOf(typed);
            props.onChange(periods.length > 0 ? { ...closure, hours: periods } : { ...closure, hours: null });
          }}
        />
      </td>
      <td>
        <button type="button" className="button small" onClick={props.onRemove}>
          {t('admin.closures.remove', { date: name })}
        </button>
      </td>
    </tr>
  );
}

/** One month, Monday first; each day says in words whether the branch is closed or open shorter. */
function Calendar(props: { month: string; onMonth: (month: string) => void; closures: Closure[]; onPick: (day: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const title = i18n.day(`${props.month}-01`, { month: 'long', year: 'numeric' });
  const found = closuresIn(props.closures, props.month);
  // 2026-11-30 was a Monday: the heads of the columns are that week's days.
  const heads = Array.from({ length: 7 }, (_, i) => i18n.day(`2026-${i === 0 ? '11-30' : `12-0${i}`}`, { weekday: 'short' }));
  return (
    <section className="admin-calendar" aria-labelledby="admin-calendar-month">
      <div className="toolbar">
        <button type="button" className="button small" onClick={() => props.onMonth(monthAfter(props.month, -1))}>
          {t('admin.calendar.previous')}
        </button>
        <h2 id="admin-calendar-month" aria-live="polite">
          {title}
        </h2>
        <button type="button" className="button small" onClick={() => props.onMonth(monthAfter(props.month, 1))}>
          {t('admin.calendar.next')}
        </button>
      </div>
      <DataTable className="calendar" caption={t('admin.calendar.caption', { month: title })} hiddenCaption columns={heads}>
        {monthGrid(props.month).map((week, w) => (
          <tr key={w}>
            {week.map((day, d) => {
              if (day === null) {
                return <td key={d} />;
              }
              const closure = found.get(day);
              const date = `${props.month}-${String(day).padStart(2, '0')}`;
              const full = i18n.day(date, { dateStyle: 'full' });
              return (
                <td key={d} className={closure ? (closure.hours?.length ? 'short-day' : 'closed-day') : undefined}>
                  {closure ? (
                    <>
                      <span className="day-number">{day}</span>
                      <span className="day-text">
                        {closure.hours?.length
                          ? t('admin.calendar.short', { hours: periodsText(closure.hours) })
                          : t('admin.calendar.closed')}
                        {' — '}
                        <span className="free-text">{closure.reason}</span>
                      </span>
                    </>
                  ) : (
                    // The name starts with the number shown, so a spoken command that says it finds the button.
                    <button type="button" className="day-button" onClick={() => props.onPick(day)}>
                      {day}
                      <span className="visually-hidden"> {t('admin.calendar.pick', { date: full })}</span>
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
