/**
 * The week editor: a branch's desks by day, where persons in charge and tenant administrators add and take away
 * duty, record absences, copy last week or repeat this one, and see the coverage gaps close as they go. The grid is
 * one tab stop; arrow keys move between cells, Enter opens a cell, Escape goes back to it.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useBranchWeek, WeekToolbar } from './BranchWeek';
import { Field, FormRefusals, SubmitButton } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import type { Session } from '../../shared/session';
import { deskDays, dutyText, issueText, span, type DeskDayCell } from './present';
import { loadStaff, type CoverageIssue, type DeskWeek, type Duty, type StaffMember } from './staffing';
import {
  ABSENCE_KINDS,
  addAbsence,
  addShift,
  copyWeek,
  issuesAt,
  loadAbsences,
  loadShifts,
  loadWeekCoverage,
  moveInGrid,
  removeAbsence,
  removeDuty,
  shiftDate,
  type AbsenceView,
  type Cell,
  type ShiftView,
} from './planning';
import { datesOf, longDay, shortDay, weekTitle } from './week';

/** How long the editor waits after a change before it asks for coverage again, so a burst of changes asks once. */
export const COVERAGE_DEBOUNCE_MS = 400;

export function ShiftEditorPage() {
  const { session, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const shown = useBranchWeek('shifts-week');
  const { branch, schedule } = shown;
  const data = schedule.data;
  const dates = data ? datesOf(data.week) : [];
  const monday = dates[0] ?? '';
  const sunday = dates[6] ?? '';
  const ready = Boolean(branch && monday);
  const shifts = useLoad((signal) => loadShifts(session, branch!, monday, sunday, signal), `shifts-list:${branch}:${monday}`, {
    title: 'problem.schedule',
    wait: !ready,
  });
  const staff = useLoad((signal) => loadStaff(session, branch, signal), `shifts-staff:${branch}`, { title: 'problem.roster', wait: !branch });
  const absences = useLoad((signal) => loadAbsences(session, monday, sunday, signal), `shifts-absences:${monday}`, {
    title: 'problem.schedule',
    wait: !ready,
  });
  const coverage = useLoad((signal) => loadWeekCoverage(session, branch!, monday, signal), `shifts-coverage:${branch}:${monday}`, {
    title: 'problem.schedule',
    wait: !ready,
  });
  const { busy, problem, submit } = useSubmit();
  const [status, setStatus] = useState('');

  // After every change: the week and its lists at once, the coverage once the changes have paused.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reloadCoverage = coverage.reload;
  const changed = useCallback(() => {
    schedule.reload();
    shifts.reload();
    absences.reload();
    clearTimeout(timer.current);
    timer.current = setTimeout(reloadCoverage, COVERAGE_DEBOUNCE_MS);
  }, [schedule, shifts, absences, reloadCoverage]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const act = async (action: () => Promise<string>) => {
    setStatus('');
    await submit('shifts.problem', async () => {
      const said = await action();
      setStatus(said);
      changed();
    });
  };

  const people = (staff.data ?? []).filter((p) => p.active);
  const weekly = new Set((shifts.data ?? []).filter((s) => s.repeat === 'weekly').map((s) => s.id));

  return (
    <>
      <Heading>{t('shifts.title')}</Heading>
      <p className="quiet">{t('shifts.intro')}</p>
      <WeekToolbar id="shifts-branch" shown={shown} branches={branches.data} />
      {branches.problem && <ProblemNotice problem={branches.problem} />}
      {schedule.problem && <ProblemNotice problem={schedule.problem} />}
      {problem && <ProblemNotice problem={problem} />}
      {problem && <FormRefusals title={t('shifts.refusedItems')} lines={problem.errors.map((e) => `${e.field}: ${e.message}`)} />}
      <StatusNotice status={status} />
      {!data && !schedule.problem && <p className="quiet">{t('schedule.loading')}</p>}
      {data && branch && (
        <>
          <h2 id="shifts-week-heading">{t('schedule.heading', { branch: data.branchName, week: weekTitle(data.week, i18n) })}</h2>
          <p className="hint">{t('shifts.timeZone', { zone: data.timeZone })}</p>
          <CopyTools
            busy={busy}
            onCopyLast={() =>
              act(async () => copied(await copyWeek(session, { branch, fromWeek: shiftDate(monday, -7), toWeek: monday, weeks: 1 }), t))
            }
            onRepeat={(weeks) =>
              act(async () => copied(await copyWeek(session, { branch, fromWeek: monday, toWeek: shiftDate(monday, 7), weeks }), t))
            }
          />
          <WeekGrid
            desks={data.desks}
            issues={coverage.data ?? []}
            people={people}
            busy={busy}
            onAdd={(desk, date, person, start, end) =>
              act(async () => {
                await addShift(session, { staffMemberId: person.id, branch, servicePoint: desk.servicePoint, date, start, end });
                return t('shifts.added', { name: person.tagName, span: span(start, end), day: longDay(date, i18n) });
              })
            }
            onRemove={(duty) =>
              act(async () => {
                await removeDuty(session, duty, weekly.has(duty.shiftId));
                return t('shifts.removed', { duty: dutyText(duty, i18n), day: longDay(duty.date, i18n) });
              })
            }
          />
          <CoverageList issues={coverage.data} loading={coverage.loading} desks={data.desks} />
          <Absences
            session={session}
            absences={(absences.data ?? []).filter((a) => people.some((p) => p.id === a.staffMemberId))}
            people={people}
            dates={dates}
            busy={busy}
            act={act}
          />
        </>
      )}
    </>
  );
}

function copied(result: { created: ShiftView[]; unchanged: number }, t: I18n['t']): string {
  return t('shifts.copied', { made: result.created.length, unchanged: result.unchanged });
}

function CopyTools(props: { busy: boolean; onCopyLast: () => void; onRepeat: (weeks: number) => void }) {
  const { t } = useI18n();
  const [weeks, setWeeks] = useState('4');
  const count = Number(weeks);
  const valid = Number.isInteger(count) && count >= 1 && count <= 13;
  return (
    <div className="toolbar">
      <button type="button" className="button" aria-disabled={props.busy} onClick={() => !props.busy && props.onCopyLast()}>
        {t('shifts.copyLastWeek')}
      </button>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid && !props.busy) {
            props.onRepeat(count);
          }
        }}
      >
        <Field id="shifts-repeat-weeks" label={t('shifts.repeatWeeks')} errors={valid ? undefined : [t('shifts.repeatRange')]}>
          {(ids) => <input {...ids} type="number" min={1} max={13} value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
        </Field>
        <SubmitButton busy={props.busy} primary={false}>
          {t('shifts.repeat')}
        </SubmitButton>
      </form>
    </div>
  );
}

function WeekGrid(props: {
  desks: DeskWeek[];
  issues: CoverageIssue[];
  people: StaffMember[];
  busy: boolean;
  onAdd: (desk: DeskWeek, date: string, person: StaffMember, start: string, end: string) => Promise<void>;
  onRemove: (duty: Duty) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { desks } = props;
  const [active, setActive] = useState<Cell>({ row: 0, column: 0 });
  const [open, setOpen] = useState<Cell | undefined>(undefined);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const focusWanted = useRef(false);
  const rows = desks.map((desk) => deskDays(desk, props.issues));

  useEffect(() => {
    if (focusWanted.current) {
      focusWanted.current = false;
      cells.current.get(`${active.row}:${active.column}`)?.focus();
    }
  }, [active, open]);

  if (desks.length === 0) {
    return <p className="quiet">{t('schedule.noDesks')}</p>;
  }
  const columns = rows[0]?.length ?? 7;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = moveInGrid(active, event.key, desks.length, columns, event.ctrlKey);
    if (next) {
      event.preventDefault();
      focusWanted.current = true;
      setActive(next);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setOpen(active);
    }
  };
  const close = () => {
    focusWanted.current = true;
    setOpen(undefined);
  };

  const openDesk = open ? desks[open.row] : undefined;
  const openCell = open ? rows[open.row]?.[open.column] : undefined;
  return (
    <>
      <p id="shifts-grid-help" className="hint">
        {t('shifts.gridHelp')}
      </p>
      <div className="table-scroll">
        <table role="grid" className="desk-grid shift-grid" aria-labelledby="shifts-week-heading" aria-describedby="shifts-grid-help" onKeyDown={onKeyDown}>
          <thead>
            <tr>
              <th scope="col">{t('shifts.desk')}</th>
              {rows[0]?.map((cell) => (
                <th key={cell.date} scope="col">
                  <span aria-hidden="true">{shortDay(cell.date, i18n)}</span>
                  <span className="visually-hidden">{longDay(cell.date, i18n)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((days, row) => (
              <tr key={desks[row]!.servicePoint}>
                <th scope="row">{desks[row]!.name}</th>
                {days.map((cell, column) => {
                  const here = active.row === row && active.column === column;
                  return (
                    <td
                      key={cell.date}
                      role="gridcell"
                      ref={(element) => {
                        if (element) cells.current.set(`${row}:${column}`, element);
                      }}
                      tabIndex={here ? 0 : -1}
                      className={`shift-cell${cell.gaps.length > 0 ? ' has-gaps' : ''}`}
                      aria-label={cellLabel(desks[row]!, cell, i18n)}
                      onClick={() => {
                        setActive({ row, column });
                        setOpen({ row, column });
                      }}
                      onFocus={() => !here && setActive({ row, column })}
                    >
                      <CellSummary cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openDesk && openCell && (
        <CellEditor
          key={`${openDesk.servicePoint}:${openCell.date}`}
          desk={openDesk}
          cell={openCell}
          people={props.people}
          busy={props.busy}
          onAdd={(person, start, end) => props.onAdd(openDesk, openCell.date, person, start, end)}
          onRemove={props.onRemove}
          onClose={close}
        />
      )}
    </>
  );
}

/** What a screen reader says on a cell: desk, day, hours, who is on duty, what is missing. */
function cellLabel(desk: DeskWeek, cell: DeskDayCell, i18n: I18n): string {
  const { t } = i18n;
  const hours = cell.open.length === 0 ? t('schedule.closed') : cell.open.map((h) => span(h)).join(', ');
  const duties = cell.duties.length === 0 ? t('schedule.nobody') : cell.duties.map((d) => dutyText(d, i18n)).join(', ');
  const gaps = cell.gaps.length === 0 ? t('shifts.noGapsHere') : cell.gaps.map((g) => issueText(g, i18n)).join(', ');
  return t('shifts.cellLabel', { desk: desk.name, day: longDay(cell.date, i18n), hours, duties, gaps });
}

function CellSummary({ cell }: { cell: DeskDayCell }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (cell.open.length === 0 && cell.duties.length === 0) {
    return <span className="quiet">{cell.closure ?? t('schedule.closed')}</span>;
  }
  return (
    <ul className="cell-list">
      {cell.duties.map((duty) => (
        <li key={`${duty.shiftId}-${duty.date}`} className="duty">
          {dutyText(duty, i18n)}
        </li>
      ))}
      {cell.gaps.map((gap) => (
        <li key={`gap-${gap.from}`} className="issue gap">
          {issueText(gap, i18n)}
        </li>
      ))}
    </ul>
  );
}

/** A cell opened: its duties with a way to take each away, and a form for one more. */
function CellEditor(props: {
  desk: DeskWeek;
  cell: DeskDayCell;
  people: StaffMember[];
  busy: boolean;
  onAdd: (person: StaffMember, start: string, end: string) => Promise<void>;
  onRemove: (duty: Duty) => Promise<void>;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { cell } = props;
  // The first gap is what most often needs filling; else the day's opening hours.
  const [from, to] = cell.gaps[0] ? [cell.gaps[0].from, cell.gaps[0].to] : (cell.open[0] ?? '09:00-17:00').split('-');
  const [person, setPerson] = useState(props.people[0]?.id ?? '');
  const [start, setStart] = useState(from ?? '09:00');
  const [end, setEnd] = useState(to ?? '17:00');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = props.people.find((p) => p.id === person);
    if (chosen && !props.busy) {
      void props.onAdd(chosen, start, end);
    }
  };
  const title = t('shifts.cellTitle', { desk: props.desk.name, day: longDay(cell.date, i18n) });
  return (
    <section
      className="panel cell-editor"
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <h3>{title}</h3>
      {cell.duties.length > 0 && (
        <ul className="cell-list">
          {cell.duties.map((duty) => (
            <li key={`${duty.shiftId}-${duty.date}`}>
              {dutyText(duty, i18n)}{' '}
              <button type="button" className="button link" aria-disabled={props.busy} onClick={() => !props.busy && void props.onRemove(duty)}>
                {t('shifts.remove', { duty: dutyText(duty, i18n) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <Field id="shift-person" label={t('shifts.person')}>
          {(ids) => (
            <select {...ids} ref={first} value={person} onChange={(e) => setPerson(e.target.value)}>
              <PeopleOptions people={props.people} />
            </select>
          )}
        </Field>
        <Field id="shift-start" label={t('shifts.start')}>
          {(ids) => <input {...ids} type="time" value={start} onChange={(e) => setStart(e.target.value)} required />}
        </Field>
        <Field id="shift-end" label={t('shifts.end')}>
          {(ids) => <input {...ids} type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />}
        </Field>
        <SubmitButton busy={props.busy}>{t('shifts.add')}</SubmitButton>
        <button type="button" className="button" onClick={props.onClose}>
          {t('shifts.close')}
        </button>
      </form>
    </section>
  );
}

/** The staff of the branch, by the name on their tag. */
function PeopleOptions({ people }: { people: StaffMember[] }) {
  return (
    <>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.tagName}
        </option>
      ))}
    </>
  );
}

/** The gaps left this week per desk and time, said out loud when they change. */
function CoverageList(props: { issues: CoverageIssue[] | undefined; loading: boolean; desks: DeskWeek[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const gaps = (props.issues ?? []).filter((i) => i.kind === 'GAP');
  const summary = props.issues === undefined ? '' : gaps.length === 0 ? t('shifts.noGaps') : t('shifts.gapsLeft', { count: gaps.length });
  return (
    <section aria-labelledby="shifts-coverage-heading" aria-busy={props.loading}>
      <h3 id="shifts-coverage-heading">{t('schedule.coverage')}</h3>
      <p role="status" aria-live="polite" className={gaps.length > 0 ? 'week-summary has-gaps' : 'week-summary'}>
        {summary}
      </p>
      {props.desks.map((desk) => {
        const days = [...new Set(gaps.filter((g) => g.servicePoint === desk.servicePoint).map((g) => g.date))].sort();
        if (days.length === 0) {
          return null;
        }
        return (
          <div key={desk.servicePoint}>
            <h4>{desk.name}</h4>
            <ul className="issue-list">
              {days.flatMap((date) =>
                issuesAt(gaps, desk.servicePoint, date).map((gap) => (
                  <li key={`${date}-${gap.from}`} className="issue gap">
                    {longDay(date, i18n)}: {issueText(gap, i18n)}
                  </li>
                )),
              )}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function Absences(props: {
  session: Session;
  absences: AbsenceView[];
  people: StaffMember[];
  dates: string[];
  busy: boolean;
  act: (action: () => Promise<string>) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<string>('sick');
  const [firstDay, setFirstDay] = useState(props.dates[0] ?? '');
  const [lastDay, setLastDay] = useState(props.dates[0] ?? '');
  const chosen = props.people.find((p) => p.id === person) ?? props.people[0];
  const kindLabel = (code: string) => t(`shifts.absence.${code as (typeof ABSENCE_KINDS)[number]}`);
  return (
    <section aria-labelledby="shifts-absences-heading">
      <h3 id="shifts-absences-heading">{t('shifts.absences')}</h3>
      {props.absences.length === 0 ? (
        <p className="quiet">{t('shifts.noAbsences')}</p>
      ) : (
        <ul>
          {props.absences.map((a) => {
            const line = t('shifts.absenceLine', {
              name: a.tagName ?? t('person.gone'),
              kind: kindLabel(a.kind),
              span: a.wholeDays ? span(a.firstDay ?? '', a.lastDay ?? '') : span(a.from.replace('T', ' '), a.to.replace('T', ' ')),
            });
            return (
              <li key={a.id}>
                {line}{' '}
                <button
                  type="button"
                  className="button link"
                  aria-disabled={props.busy}
                  onClick={() =>
                    !props.busy &&
                    void props.act(async () => {
                      await removeAbsence(props.session, a.id);
                      return t('shifts.absenceRemoved', { line });
                    })
                  }
                >
                  {t('shifts.remove', { duty: line })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen && !props.busy) {
            void props.act(async () => {
              await addAbsence(props.session, { staffMemberId: chosen.id, kind, firstDay, lastDay: lastDay || firstDay });
              return t('shifts.absenceAdded', { name: chosen.tagName, kind: kindLabel(kind) });
            });
          }
        }}
      >
        <Field id="absence-person" label={t('shifts.person')}>
          {(ids) => (
            <select {...ids} value={chosen?.id ?? ''} onChange={(e) => setPerson(e.target.value)}>
              <PeopleOptions people={props.people} />
            </select>
          )}
        </Field>
        <Field id="absence-kind" label={t('shifts.absenceKind')}>
          {(ids) => (
            <select {...ids} value={kind} onChange={(e) => setKind(e.target.value)}>
              {ABSENCE_KINDS.map((code) => (
                <option key={code} value={code}>
                  {kindLabel(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="absence-first" label={t('shifts.firstDay')}>
          {(ids) => <input {...ids} type="date" value={firstDay} onChange={(e) => setFirstDay(e.target.value)} required />}
        </Field>
        <Field id="absence-last" label={t('shifts.lastDay')}>
          {(ids) => <input {...ids} type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} />}
        </Field>
        <SubmitButton busy={props.busy} primary={false}>
          {t('shifts.addAbsence')}
        </SubmitButton>
      </form>
    </section>
  );
}
