import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComplaintsPage } from './Complaints';
import { COMPLAINT, COMPLAINT_ID, COMPLAINT_ROWS, FOLLOW_UPS, HISTORY } from './testData';
import type { Me } from '../../shared/api';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, STAFF, calls, fakeApi, json, onPage, recorder } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };
const ONE = `${API}/complaints/${COMPLAINT_ID}`;
const MATTER = `${API}/matters/complaint/${COMPLAINT_ID}`;

function page(me: Me, item?: string) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me, branches, navigate }, <ComplaintsPage item={item} />));
  return navigate;
}

const panel = {
  [`GET ${MATTER}/follow-ups`]: FOLLOW_UPS,
  [`GET ${MATTER}/history`]: HISTORY,
  [`GET ${API}/staff`]: STAFF,
};

describe('ComplaintsPage: the list', () => {
  afterEach(cleanup);

  it('lists state, due, overdue in words and when the director was told and opened each, and filters them', async () => {
    const fetch = fakeApi({ [`GET ${API}/complaints`]: COMPLAINT_ROWS });
    const navigate = page(HQ);
    const table = await screen.findByRole('table', { name: '2 complaints' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['C-2026-0042', 'Pine Hollow Branch', 'Meeting rooms <b>booking</b>', 'Received', 'Dec 1, 2026, 19:05', 'Dec 11, 2026, 19:05', 'Dec 1, 2026, 19:05', 'Not yet'],
      ['C-2026-0007', 'Headquarters', 'No policy named', 'With the director', 'Nov 1, 2026, 15:00', 'Nov 11, 2026, 15:00 Overdue', 'Nov 1, 2026, 15:00', 'Nov 2, 2026, 15:00'],
    ]);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'with-director' } });
    fireEvent.click(screen.getByLabelText('Overdue only'));
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'HQ' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/complaints?branch=HQ&state=with-director&overdue=true`));
    fireEvent.click(within(table).getByRole('link', { name: 'C-2026-0042' }));
    expect(navigate).toHaveBeenCalledWith('complaints', COMPLAINT_ID);
  });

  it('offers a person in charge no branch choice, and desk staff nothing', async () => {
    fakeApi({ [`GET ${API}/complaints`]: [] });
    page(MANAGER);
    await screen.findByRole('table', { name: 'No complaints' });
    expect(screen.queryByLabelText('Branch')).toBeNull();
    expect(screen.getByText('Complaints at Pine Hollow Branch, newest first.')).toBeTruthy();
    cleanup();
    const fetch = fakeApi({});
    page(ADA);
    expect(screen.getByRole('heading', { level: 1, name: 'Complaints' })).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });
});

describe('ComplaintsPage: one complaint', () => {
  afterEach(cleanup);

  it('shows the complaint as text, refuses an email answer without an address at the choice, and records one by phone', async () => {
    const { sent, record } = recorder();
    const noAddress = json(422, { title: 'No address', status: 422, detail: 'The patron left no email address.', errors: [] });
    let answers = 0;
    fakeApi({
      [`GET ${ONE}`]: COMPLAINT,
      [`POST ${ONE}/response`]: record(() =>
        ++answers === 1
          ? noAddress
          : { ...COMPLAINT, state: 'responded', response: { text: 'Sorry, fixed.', channel: 'phone', at: '2026-12-02T15:00:00Z', by: 'Dee' } },
      ),
      ...panel,
    });
    page(HQ, COMPLAINT_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Complaint C-2026-0042' })).toBeTruthy();
    expect(screen.getByText('The room was double-booked <script>x()</script>')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('Executive director: Dee')).toBeTruthy();
    const respond = screen.getByRole('region', { name: 'Respond to the patron' });
    expect((within(respond).getByLabelText('How you answer (required)') as HTMLSelectElement).value).toBe('email');
    fireEvent.click(within(respond).getByRole('button', { name: 'Record the response' }));
    expect(await within(respond).findByText('Write the answer.')).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.change(within(respond).getByLabelText('The answer (required)'), { target: { value: 'Sorry, fixed.' } });
    fireEvent.click(within(respond).getByRole('button', { name: 'Record the response' }));
    expect(await within(respond).findByText('The patron left no email address.')).toBeTruthy();
    expect(within(respond).getByLabelText('How you answer (required)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(respond).getByLabelText('How you answer (required)'), { target: { value: 'phone' } });
    fireEvent.click(within(respond).getByRole('button', { name: 'Record the response' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toBe('Response recorded (By phone).'));
    expect(sent.map((s) => s.body)).toEqual([
      { text: 'Sorry, fixed.', channel: 'email' },
      { text: 'Sorry, fixed.', channel: 'phone' },
    ]);
    expect(screen.queryByRole('region', { name: 'Respond to the patron' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Response to the patron' }).textContent).toContain('Sorry, fixed.');
  });

  it('closes with a note, and shows a refusal the API names as a problem', async () => {
    const { sent, record } = recorder();
    let tries = 0;
    fakeApi({
      [`GET ${ONE}`]: COMPLAINT,
      [`POST ${ONE}/close`]: record(() =>
        ++tries === 1 ? json(403, { title: 'Not yours', status: 403, detail: 'Only the handling position may close it.' }) : { ...COMPLAINT, state: 'closed', closedAt: '2026-12-03T15:00:00Z' },
      ),
      ...panel,
    });
    page(HQ, COMPLAINT_ID);
    const close = await screen.findByRole('region', { name: 'Close the complaint' });
    fireEvent.change(within(close).getByLabelText('Note'), { target: { value: 'Done' } });
    fireEvent.click(within(close).getByRole('button', { name: 'Close it' }));
    expect(await within(close).findByText('Only the handling position may close it.')).toBeTruthy();
    fireEvent.click(within(close).getByRole('button', { name: 'Close it' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Close the complaint' })).toBeNull());
    expect(screen.getAllByText('Closed').length).toBeGreaterThan(0);
    expect(sent.map((s) => s.body)).toEqual([{ note: 'Done' }, { note: 'Done' }]);
  });
});
