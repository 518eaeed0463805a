import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ShiftEditorPage } from './ShiftEditor';
import { moveInGrid } from './planning';
import type { CoverageIssue } from './staffing';
import type { Branch } from '../../shared/session';
import { API, BRANCHES, MANAGER, SESSION, STAFF, WEEK, calls, fakeApi, fakeClockEachTest, json, onPage, recorder } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const MONDAY_GAP: CoverageIssue = { branch: 'PINE-HOLLOW', servicePoint: 'circulation', date: '2026-11-30', from: '13:00', to: '17:00', kind: 'GAP' };
const PEOPLE = STAFF.map((person) => ({ ...person, active: true, branch: 'PINE-HOLLOW', version: 1 }));

/** The API of one branch's week: `coverage()` answers the coverage endpoint each time it is asked. */
function weekApi(coverage: () => CoverageIssue[], extra: Record<string, unknown> = {}) {
  return fakeApi({
    [`GET ${API}/schedule`]: WEEK,
    [`GET ${API}/shifts`]: [],
    [`GET ${API}/staff`]: PEOPLE,
    [`GET ${API}/absences`]: [],
    [`GET ${API}/coverage`]: () => coverage(),
    ...extra,
  });
}

function open() {
  render(onPage({ session: SESSION, me: MANAGER, branches: BRANCH_LIST }, <ShiftEditorPage />));
  return screen.findByRole('grid');
}

describe('moveInGrid', () => {
  it('moves one cell per arrow key and stops at the edges', () => {
    expect(moveInGrid({ row: 0, column: 0 }, 'ArrowRight', 2, 7)).toEqual({ row: 0, column: 1 });
    expect(moveInGrid({ row: 0, column: 0 }, 'ArrowLeft', 2, 7)).toEqual({ row: 0, column: 0 });
    expect(moveInGrid({ row: 0, column: 3 }, 'ArrowDown', 2, 7)).toEqual({ row: 1, column: 3 });
    expect(moveInGrid({ row: 1, column: 3 }, 'ArrowDown', 2, 7)).toEqual({ row: 1, column: 3 });
    expect(moveInGrid({ row: 1, column: 3 }, 'Home', 2, 7)).toEqual({ row: 1, column: 0 });
    expect(moveInGrid({ row: 0, column: 3 }, 'End', 2, 7, true)).toEqual({ row: 1, column: 6 });
    expect(moveInGrid({ row: 0, column: 3 }, 'a', 2, 7)).toBeUndefined();
  });
});

describe('ShiftEditorPage', () => {
  fakeClockEachTest();

  it('is one tab stop that arrow keys move through, Enter opens and Escape leaves', async () => {
    weekApi(() => [MONDAY_GAP]);
    const grid = await open();
    await screen.findByText('1 gap left this week.');
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells.filter((cell) => cell.tabIndex === 0)).toEqual([cells[0]]);
    expect(cells[0]!.getAttribute('aria-label')).toBe(
      'Circulation desk, Monday 30 Nov 2026. Open: 09:00–17:00. On duty: Cleo 09:00–10:00 (Volunteer), José 10:00–13:00. Gap 13:00–17:00',
    );

    cells[0]!.focus();
    fireEvent.keyDown(cells[0]!, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(cells[1]));
    expect(cells[1]!.tabIndex).toBe(0);
    expect(cells[0]!.tabIndex).toBe(-1);
    fireEvent.keyDown(cells[1]!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(cells[6]));
    fireEvent.keyDown(cells[6]!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(cells[0]));

    fireEvent.keyDown(cells[0]!, { key: 'Enter' });
    const editor = await screen.findByRole('region', { name: 'Circulation desk, Monday 30 Nov 2026' });
    // The form offers the first gap, and takes the focus.
    expect(document.activeElement).toBe(within(editor).getByLabelText('Person'));
    expect((within(editor).getByLabelText('From') as HTMLInputElement).value).toBe('13:00');
    expect((within(editor).getByLabelText('To') as HTMLInputElement).value).toBe('17:00');
    fireEvent.keyDown(within(editor).getByLabelText('Person'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: /Circulation desk, Monday/ })).toBeNull());
    expect(document.activeElement).toBe(within(screen.getByRole('grid')).getAllByRole('gridcell')[0]);
  });

  it('adds a shift from the keyboard and reads the coverage again once, after the change', async () => {
    let gaps = [MONDAY_GAP];
    const { sent, record } = recorder();
    const fetch = weekApi(() => gaps, {
      [`POST ${API}/shifts`]: record(() => {
        gaps = [];
        return json(201, { id: 'sh-9', staffMemberId: 's-1', branch: 'PINE-HOLLOW', servicePoint: 'circulation', repeat: 'once', start: '13:00', end: '17:00' });
      }),
    });
    const grid = await open();
    await screen.findByText('1 gap left this week.');
    const monday = within(grid).getAllByRole('gridcell')[0]!;
    monday.focus();
    fireEvent.keyDown(monday, { key: 'Enter' });
    const editor = await screen.findByRole('region', { name: 'Circulation desk, Monday 30 Nov 2026' });

    fireEvent.click(within(editor).getByRole('button', { name: 'Add shift' }));

    await screen.findByText('No gaps this week: every open hour has staff on duty.');
    expect(sent).toEqual([
      {
        path: `${API}/shifts`,
        body: { staffMemberId: 's-1', branch: 'PINE-HOLLOW', servicePoint: 'circulation', date: '2026-11-30', start: '13:00', end: '17:00', overnight: false },
      },
    ]);
    expect(screen.getByText('Added José 13:00–17:00 on Monday 30 Nov 2026.', { selector: '[role=status]' })).toBeTruthy();
    const coverageCalls = calls(fetch).filter((call) => call.startsWith(`GET ${API}/coverage`));
    expect(coverageCalls).toEqual([
      `GET ${API}/coverage?branch=PINE-HOLLOW&from=2026-11-30&days=7`,
      `GET ${API}/coverage?branch=PINE-HOLLOW&from=2026-11-30&days=7`,
    ]);
  });

  it('copies last week and repeats this one on the server, showing what could not be copied', async () => {
    const { sent, record } = recorder();
    let refuse = false;
    weekApi(() => [], {
      [`POST ${API}/shifts/week-copies`]: record(() =>
        refuse
          ? json(409, {
              title: 'Conflict with the current state',
              status: 409,
              detail: '1 shift(s) could not be copied; nothing was copied',
              errors: [{ field: 'shifts[2026-12-07 circulation 09:00-13:00 José]', message: 'José already has a shift then' }],
            })
          : { created: [{ id: 'x' }, { id: 'y' }], unchanged: 1 },
      ),
    });
    await open();

    fireEvent.click(screen.getByRole('button', { name: 'Copy last week' }));
    await screen.findByText('2 shifts made; 1 was there already.', { selector: '[role=status]' });
    refuse = true;
    fireEvent.change(screen.getByLabelText('Weeks to repeat this week'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Repeat this week' }));

    const refused = await screen.findByText('What could not be done');
    expect(refused.parentElement!.textContent).toContain('shifts[2026-12-07 circulation 09:00-13:00 José]: José already has a shift then');
    expect(sent.map((s) => s.body)).toEqual([
      { branch: 'PINE-HOLLOW', fromWeek: '2026-11-23', toWeek: '2026-11-30', weeks: 1 },
      { branch: 'PINE-HOLLOW', fromWeek: '2026-11-30', toWeek: '2026-12-07', weeks: 3 },
    ]);
  });
});
