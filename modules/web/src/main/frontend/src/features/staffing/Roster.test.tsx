import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RosterPage } from './Roster';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, STAFF, calls, downloadCatcher, fakeApi, fakeClockEachTest, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };

describe('RosterPage', () => {
  const { created, revoked, saved, install } = downloadCatcher();

  fakeClockEachTest();
  beforeEach(install);

  it('lists tag names as text, in any script', async () => {
    const fetch = fakeApi({ [`GET ${API}/staff`]: STAFF });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <RosterPage />));

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'José' })).toBeTruthy();
    // Markup in a name stays text.
    expect(within(table).getByRole('rowheader', { name: 'Zoë <b>Ωμέγα</b>' })).toBeTruthy();
    expect(table.querySelector('b')).toBeNull();
    expect(table.textContent).toContain('Student assistant');
    expect(table.textContent).toContain('2027-01-04 (starts later)');
    expect(within(table).getByText('All branches: 2 people', { exact: false })).toBeTruthy();
    expect(calls(fetch)).toEqual([`GET ${API}/staff`]);
  });

  it('filters by branch', async () => {
    const fetch = fakeApi({ [`GET ${API}/staff`]: (url: URL) => STAFF.filter((s) => !url.searchParams.get('branch') || s.branch === url.searchParams.get('branch')) });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <RosterPage />));
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'HQ' } });

    await screen.findByText('Headquarters: 1 person', { exact: false });
    expect(calls(fetch)).toEqual([`GET ${API}/staff`, `GET ${API}/staff?branch=HQ`]);
  });

  it('hides name tags and export from staff and headquarters', async () => {
    fakeApi({ [`GET ${API}/staff`]: STAFF });
    for (const me of [ADA, HQ]) {
      render(onPage({ session: SESSION, me, branches: BRANCH_LIST }, <RosterPage />));
      await screen.findByRole('table');
      expect(screen.queryByRole('button', { name: 'Print name tags' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
      cleanup();
    }
  });

  it('downloads the name tags with the bearer token and lets go of the file', async () => {
    const fetch = fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`GET ${API}/staff/name-tags.pdf`]: new Response('%PDF-1.7', {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="name-tags-riverbend-HQ.pdf"' },
      }),
    });
    render(onPage({ session: SESSION, me: MANAGER, branches: BRANCH_LIST }, <RosterPage />));
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'HQ' } });

    fireEvent.click(screen.getByRole('button', { name: 'Print name tags' }));

    await waitFor(() => expect(saved).toEqual([{ href: 'blob:http://localhost:3000/1', download: 'name-tags-riverbend-HQ.pdf' }]));
    const call = fetch.mock.calls.find(([path]) => String(path).includes('name-tags.pdf'))!;
    expect(call[0]).toBe(`${API}/staff/name-tags.pdf?branch=HQ`);
    expect(call[1]?.headers).toHaveProperty('Authorization', 'Bearer access-1');
    expect(await created[0]!.text()).toBe('%PDF-1.7');
    expect(screen.getByRole('status').textContent).toBe('Name tags downloaded: name-tags-riverbend-HQ.pdf. Open it to print.');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(revoked).toEqual(['blob:http://localhost:3000/1']);
  });

  it('exports the CSV, and shows why when the server refuses', async () => {
    fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`GET ${API}/staff.csv`]: json(403, { title: 'Forbidden', status: 403, detail: 'your role does not allow this', requestId: 'req-00000403' }),
    });
    render(onPage({ session: SESSION, me: MANAGER, branches: BRANCH_LIST }, <RosterPage />));
    await screen.findByRole('table');

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('your role does not allow this');
    expect(alert.textContent).toContain('req-00000403');
    expect(saved).toEqual([]);
  });
});
