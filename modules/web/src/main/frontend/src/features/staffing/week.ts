/**
 * ISO 8601 weeks ("2026-W49": Monday to Sunday; week 1 is the week with the year's first Thursday) and the
 * calendar dates of the schedule screen. Dates are plain "YYYY-MM-DD" strings, as the API sends them, and are
 * computed in UTC so that the desk computer's own time zone and clock changes never move a day.
 */
import { ENGLISH, type I18n } from '../../shared/i18n/i18n';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;


export interface IsoWeek {
  year: number;
  week: number;
}

function utc(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Refuses 2026-02-30 and the like instead of rolling them over.
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? time : null;
}

function dateOf(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Monday is 0, Sunday 6. */
function weekdayIndex(time: number): number {
  return (new Date(time).getUTCDay() + 6) % 7;
}

export function formatWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week a date falls in: 2027-01-01 (a Friday) is in 2026-W53. */
export function isoWeekOf(date: string): IsoWeek {
  const time = utc(date);
  if (time === null) {
    throw new RangeError(`not a date: ${date}`);
  }
  const thursday = time + (3 - weekdayIndex(time)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return { year, week };
}

/** 52 or 53: the week of 28 December is always the year's last. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).week;
}

/** "2026-W49" read, or null when it is not a week of that year. */
export function parseWeek(text: string): IsoWeek | null {
  const match = WEEK.exec(text.trim());
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : null;
}

/** The Monday of an ISO week. */
export function mondayOf({ year, week }: IsoWeek): string {
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - weekdayIndex(jan4) * DAY_MS;
  return dateOf(firstMonday + (week - 1) * 7 * DAY_MS);
}

/** The week `weeks` before (negative) or after a given week, across year ends. */
export function addWeeks(week: string, weeks: number): string {
  const parsed = parseWeek(week);
  if (!parsed) {
    throw new RangeError(`not an ISO week: ${week}`);
  }
  const monday = utc(mondayOf(parsed))!;
  return formatWeek(isoWeekOf(dateOf(monday + weeks * 7 * DAY_MS)));
}

/** The seven dates of a week, Monday first. */
export function datesOf(week: string): string[] {
  const parsed = parseWeek(week);
  if (!parsed) {
    throw new RangeError(`not an ISO week: ${week}`);
  }
  const monday = utc(mondayOf(parsed))!;
  return Array.from({ length: 7 }, (_, i) => dateOf(monday + i * DAY_MS));
}

type Words = Pick<I18n, 't' | 'day'>;

/** The names of a date's parts in the staff member's language, put together by the catalogue's pattern. */
function parts(date: string, i18n: Words) {
  return {
    weekday: i18n.day(date, { weekday: 'short' }),
    weekdayLong: i18n.day(date, { weekday: 'long' }),
    day: i18n.day(date, { day: 'numeric' }),
    month: i18n.day(date, { month: 'short' }),
    year: i18n.day(date, { year: 'numeric' }),
  };
}

/** "Tue 1 Dec" — short, for a column heading. */
export function shortDay(date: string, i18n: Words = ENGLISH): string {
  if (utc(date) === null) {
    return date;
  }
  const p = parts(date, i18n);
  return i18n.t('day.short', { weekday: p.weekday, day: p.day, month: p.month });
}

/** "Tuesday 1 Dec 2026" — for text that is read on its own. */
export function longDay(date: string, i18n: Words = ENGLISH): string {
  if (utc(date) === null) {
    return date;
  }
  const p = parts(date, i18n);
  return i18n.t('day.long', { weekday: p.weekdayLong, day: p.day, month: p.month, year: p.year });
}

/** "Week 49: 30 Nov – 6 Dec 2026". */
export function weekTitle(week: string, i18n: Words = ENGLISH): string {
  const parsed = parseWeek(week);
  if (!parsed) {
    return week;
  }
  const [first, last] = [datesOf(week)[0]!, datesOf(week)[6]!];
  const f = parts(first, i18n);
  const l = parts(last, i18n);
  const from = first.slice(0, 4) !== last.slice(0, 4)
    ? i18n.t('day.withYear', { day: f.day, month: f.month, year: f.year })
    : i18n.t('day.withoutYear', { day: f.day, month: f.month });
  const to = i18n.t('day.withYear', { day: l.day, month: l.month, year: l.year });
  return i18n.t('week.title', { week: parsed.week, from, to });
}
