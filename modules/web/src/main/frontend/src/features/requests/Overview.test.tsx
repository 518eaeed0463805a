import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverviewPage } from './Overview';
import { COMPLAINT_ID, OVERVIEW } from './testData';
import type { Me } from '../../shared/api';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, calls, downloadCatcher, fakeApi, onPage } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };
const files = downloadCatcher();

function page(me: Me) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me, branches, navigate }, <OverviewPage />));
  return navigate;
}

describe('OverviewPage: patron requests per branch', () => {
  afterEach(cleanup);
  beforeEach(files.install);

  it('counts per branch, lists the open matters with overdue in words, and downloads them as CSV for the branch chosen', async () => {
    const fetch = fakeApi({
      [`GET ${API}/patron-requests/overview`]: OVERVIEW,
      [`GET ${API}/patron-requests/overview.csv`]: () =>
        new Response('kind,reference\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="patron-requests.csv"' } }),
    });
    const navigate = page(HQ);
    const perBranch = await screen.findByRole('table', { name: 'Per branch' });
    expect([...within(perBranch).getAllByRole('row')[2]!.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual(['Pine Hollow Branch', '1', '0', '1', '1', '0', '1', '1']);
    const matters = screen.getByRole('table', { name: '2 open matters' });
    const rows = within(matters).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['C-2026-0042', 'Complaint', 'Pine Hollow Branch', 'Meeting rooms', 'Received', 'Dec 1, 2026, 19:05', 'Dec 11, 2026, 19:05'],
      ['B-2026-0009', 'Call-back', 'Headquarters', 'Renewals question', 'open', 'Dec 3, 2026, 15:00', 'Dec 3, 2026, 23:00 Overdue'],
    ]);
    fireEvent.click(within(matters).getByRole('link', { name: 'C-2026-0042' }));
    expect(navigate).toHaveBeenCalledWith('complaints', COMPLAINT_ID);

    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'HQ' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/patron-requests/overview?branch=HQ`));
    fireEvent.click(screen.getByRole('button', { name: 'Download the matters (CSV)' }));
    await waitFor(() => expect(files.saved).toEqual([{ href: 'blob:http://localhost:3000/1', download: 'patron-requests.csv' }]));
    expect(calls(fetch)).toContain(`GET ${API}/patron-requests/overview.csv?branch=HQ`);
  });

  it('gives a person in charge their branch without a choice, and desk staff nothing', async () => {
    const fetch = fakeApi({ [`GET ${API}/patron-requests/overview`]: { branches: [], matters: [] } });
    page(MANAGER);
    await screen.findByRole('table', { name: 'No open matters' });
    expect(screen.queryByLabelText('Branch')).toBeNull();
    cleanup();
    fetch.mockClear();
    page(ADA);
    expect(screen.getByRole('heading', { level: 1, name: 'Patron requests' })).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });
});
