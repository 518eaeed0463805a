import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SchedulePage } from './Schedule';
import type { WeekSchedule } from './staffing';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, SESSION, WEEK, calls, fakeApi, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';
import { addWeeks, mondayOf, parseWeek } from './week';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };

/** The schedule for whichever week is asked (this week: 2026-W49). */
function weekOf(url: URL): WeekSchedule {
  const week = url.searchParams.get('week') ?? WEEK.week;
  return { ...WEEK, week, firstDay: mondayOf(parseWeek(week)!), desks: week === WEEK.week ? WEEK.desks : [], gaps: week === WEEK.week ? WEEK.gaps : [] };
}

afterEach(() => {
  cleanup();
});

describe('SchedulePage', () => {
  it('shows a grid per desk with duties, open hours and gaps in words', async () => {
    const fetch = fakeApi({ [`GET ${API}/schedule`]: weekOf });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <SchedulePage />));

    const grid = await screen.findByRole('table', { name: 'Circulation desk' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Pine Hollow Branch — Week 49: 30 Nov – 6 Dec 2026');
    const monday = within(grid).getAllByRole('row').map((row) => row.children[1]?.textContent);
    expect(monday).toEqual(['Mon 30 NovMonday 30 Nov 2026', '09:00–17:00', 'Cleo 09:00–10:00 (Volunteer)José 10:00–13:00', 'Gap 13:00–17:00Warning: only volunteers or pages 09:00–10:00']);
    expect(grid.textContent).toContain('Short day (Staff training): 09:00–13:00');
    expect(within(grid).getAllByRole('row')[1]!.lastElementChild!.textContent).toBe('Closed');
    expect(screen.getByText(/^This week: 1 gap with nobody on duty, 1 stretch with only volunteers or pages/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Pine Hollow Branch, Week 49: 30 Nov – 6 Dec 2026: 1 gap, 1 stretch with only volunteers or pages.',
    );
    expect(calls(fetch)).toEqual([`GET ${API}/schedule?branch=PINE-HOLLOW`]);
    expect(screen.queryByRole('heading', { name: /^All branches/ })).toBeNull();
  });

  it('steps to the previous and next week and back to this one', async () => {
    const fetch = fakeApi({ [`GET ${API}/schedule`]: weekOf });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <SchedulePage />));
    await screen.findByRole('table');

    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    await screen.findByText('Pine Hollow Branch — Week 48: 23 Nov – 29 Nov 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await screen.findByText('Pine Hollow Branch — Week 49: 30 Nov – 6 Dec 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await screen.findByText(/Week 50:/, { selector: 'h2' });
    fireEvent.click(screen.getByRole('button', { name: 'This week' }));
    await screen.findByText(/Week 49:/, { selector: 'h2' });

    expect(calls(fetch)).toEqual([
      `GET ${API}/schedule?branch=PINE-HOLLOW`,
      `GET ${API}/schedule?branch=PINE-HOLLOW&week=2026-W48`,
      `GET ${API}/schedule?branch=PINE-HOLLOW&week=2026-W49`,
      `GET ${API}/schedule?branch=PINE-HOLLOW&week=${addWeeks('2026-W49', 1)}`,
      `GET ${API}/schedule?branch=PINE-HOLLOW`,
    ]);
  });

  it('shows headquarters every branch’s coverage, grouped by branch', async () => {
    const fetch = fakeApi({
      [`GET ${API}/schedule`]: weekOf,
      [`GET ${API}/coverage`]: [
        { branch: 'PINE-HOLLOW', servicePoint: 'children', date: '2026-12-01', from: '17:00', to: '18:00', kind: 'GAP' },
        { branch: 'PINE-HOLLOW', servicePoint: 'circulation', date: '2026-12-02', from: '09:00', to: '10:00', kind: 'ONLY_VOLUNTEERS_OR_PAGES' },
      ],
    });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST }, <SchedulePage />));

    const section = (await screen.findByRole('heading', { name: /^All branches/ })).closest('section')!;
    await within(section).findByRole('heading', { name: 'Pine Hollow Branch' });
    expect(within(section).getByRole('heading', { name: 'Headquarters' }).nextElementSibling?.textContent).toBe('No gaps.');
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Gap — Tuesday 1 Dec 2026, 17:00–18:00, Children's desk",
      'Warning: only volunteers or pages — Wednesday 2 Dec 2026, 09:00–10:00, Circulation desk',
    ]);
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/coverage?days=15`));
    expect(calls(fetch)).toContain(`GET ${API}/schedule?branch=HQ`);
  });
});

describe('SchedulePage with a bookmobile', () => {
  it('shows where the bookmobile stops each day and names the stop of a gap', async () => {
    const stops = [
      { name: 'Oak Street School', hours: '09:00-11:00' },
      { name: 'Mill Road', hours: '13:00-17:00' },
    ];
    const desk = WEEK.desks[0]!;
    const bookmobile = {
      ...desk,
      servicePoint: 'bookmobile',
      name: 'Bookmobile',
      mobile: true,
      days: desk.days.map((day, i) => (i === 0 ? { ...day, open: ['09:00-11:00', '13:00-17:00'], stops } : day)),
    };
    const gaps = WEEK.gaps.map((gap) => ({ ...gap, servicePoint: 'bookmobile', stop: 'Mill Road' }));
    fakeApi({ [`GET ${API}/schedule`]: () => ({ ...WEEK, desks: [bookmobile], gaps }) });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <SchedulePage />));

    const grid = await screen.findByRole('table', { name: 'Bookmobile (bookmobile: open at its stops)' });
    const monday = within(grid).getAllByRole('row').map((row) => row.children[1]?.textContent);
    expect(monday[1]).toBe('09:00–11:00 Oak Street School, 13:00–17:00 Mill Road');
    expect(monday[3]).toContain('Gap 13:00–17:00 at Mill Road');
  });
});
