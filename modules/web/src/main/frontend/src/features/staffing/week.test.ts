import { describe, expect, it } from 'vitest';
import { addWeeks, datesOf, formatWeek, isoWeekOf, longDay, mondayOf, parseWeek, shortDay, weekTitle, weeksInYear } from './week';

describe('ISO weeks', () => {
  it('finds the week of a date, also around the year end', () => {
    expect(formatWeek(isoWeekOf('2026-12-01'))).toBe('2026-W49');
    expect(formatWeek(isoWeekOf('2026-01-01'))).toBe('2026-W01'); // a Thursday: week 1
    expect(formatWeek(isoWeekOf('2027-01-01'))).toBe('2026-W53'); // a Friday: last week of 2026
    expect(formatWeek(isoWeekOf('2027-01-03'))).toBe('2026-W53'); // Sunday of that week
    expect(formatWeek(isoWeekOf('2027-01-04'))).toBe('2027-W01');
    expect(formatWeek(isoWeekOf('2024-12-30'))).toBe('2025-W01'); // a Monday that belongs to next year
    expect(formatWeek(isoWeekOf('2021-01-03'))).toBe('2020-W53');
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
  });

  it('reads only weeks that exist', () => {
    expect(parseWeek('2026-W49')).toEqual({ year: 2026, week: 49 });
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    for (const text of ['2025-W53', '2026-W00', '2026-W54', '2026-49', '2026-W7', 'W49', '']) {
      expect(parseWeek(text), text).toBeNull();
    }
  });

  it('gives the Monday of a week', () => {
    expect(mondayOf({ year: 2026, week: 49 })).toBe('2026-11-30');
    expect(mondayOf({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(mondayOf({ year: 2026, week: 53 })).toBe('2026-12-28');
    expect(mondayOf({ year: 2025, week: 1 })).toBe('2024-12-30');
  });

  it('steps back and forth across year ends and 53-week years', () => {
    expect(addWeeks('2026-W49', 1)).toBe('2026-W50');
    expect(addWeeks('2026-W49', -1)).toBe('2026-W48');
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(addWeeks('2026-W10', 0)).toBe('2026-W10');
    expect(() => addWeeks('2025-W53', 1)).toThrow(RangeError);
  });

  it('lists the seven dates of a week, Monday first', () => {
    expect(datesOf('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('names days and weeks without the desk computer’s time zone moving them', () => {
    expect(shortDay('2026-12-01')).toBe('Tue 1 Dec');
    expect(longDay('2026-11-01')).toBe('Sunday 1 Nov 2026'); // the day the clocks go back in America/Chicago
    expect(weekTitle('2026-W49')).toBe('Week 49: 30 Nov – 6 Dec 2026');
    expect(weekTitle('2026-W53')).toBe('Week 53: 28 Dec 2026 – 3 Jan 2027');
  });
});
