import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconsiderationsPage } from './Reconsiderations';
import { FOLLOW_UPS, HISTORY, REQUEST, REQUEST_ID, REQUEST_ROWS } from './testData';
import type { Reconsideration } from './requests';
import { API, BRANCHES, HQ, MANAGER, SESSION, STAFF, calls, downloadCatcher, fakeApi, invalidInput, onPage, recorder } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };
const LIST = `${API}/reconsiderations`;
const ONE = `${LIST}/${REQUEST_ID}`;
const MATTER = `${API}/matters/reconsideration/${REQUEST_ID}`;
const files = downloadCatcher();

function page(item?: string) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me: HQ, branches, navigate }, <ReconsiderationsPage item={item} />));
  return navigate;
}

const REVIEWED: Reconsideration = {
  ...REQUEST,
  steps: REQUEST.steps.map((step) => (step.step === 'read-and-review' ? { ...step, doneAt: '2026-12-03T16:00:00Z', by: 'Dee', note: 'Read it' } : step)),
};

describe('ReconsiderationsPage', () => {
  afterEach(cleanup);
  beforeEach(files.install);

  it('lists the item, state and step now due, and filters by state and branch', async () => {
    const fetch = fakeApi({ [`GET ${LIST}`]: REQUEST_ROWS });
    const navigate = page();
    const table = await screen.findByRole('table', { name: '1 request' });
    expect([...within(table).getAllByRole('row')[1]!.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual([
      'R-2026-0001',
      'The Big Book <b>of</b> Things — A. Writer (Book)',
      'Pine Hollow Branch',
      'In review',
      'Nov 20, 2026, 16:00',
      'Read and review, due Dec 25, 2026, 16:00',
    ]);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'decided' } });
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'PINE-HOLLOW' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${LIST}?state=decided&branch=PINE-HOLLOW`));
    fireEvent.click(within(table).getByRole('link', { name: 'R-2026-0001' }));
    expect(navigate).toHaveBeenCalledWith('reconsiderations', REQUEST_ID);
  });

  it('shows the item’s status during review in the library’s words, completes the current step, then decides with reasons', async () => {
    const { sent, record } = recorder();
    let decided = 0;
    fakeApi({
      [`GET ${ONE}`]: REQUEST,
      [`POST ${ONE}/steps/read-and-review`]: record(REVIEWED),
      [`POST ${ONE}/decision`]: record(() =>
        ++decided === 1
          ? invalidInput('Invalid input', [{ field: 'reasons', message: 'markup is not allowed' }])
          : { ...REVIEWED, state: 'decided', letter: true, decision: { outcome: 'keep', reasons: 'It fits the collection.', decidedAt: '2026-12-04T16:00:00Z', by: 'Dee' } },
      ),
      [`GET ${ONE}/letter`]: () => new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="R-2026-0001.pdf"' } }),
      [`GET ${MATTER}/follow-ups`]: FOLLOW_UPS,
      [`GET ${MATTER}/history`]: HISTORY,
      [`GET ${API}/staff`]: STAFF,
    });
    page(REQUEST_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Request R-2026-0001: The Big Book <b>of</b> Things' })).toBeTruthy();
    expect(screen.getByText('The item stays on the shelf and can be borrowed while the committee reviews it.')).toBeTruthy();
    const steps = screen.getByRole('table', { name: 'Steps of the review' });
    expect(within(steps).getAllByRole('row')[1]!.textContent).toContain('By Dee, Nov 21, 2026, 16:00');
    expect(within(steps).getAllByRole('row')[2]!.getAttribute('aria-current')).toBe('step');
    expect(screen.queryByRole('region', { name: 'Decide' })).toBeNull();

    const step = screen.getByRole('region', { name: 'Complete the step: Read and review' });
    fireEvent.change(within(step).getByLabelText('Note'), { target: { value: 'Read it' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Mark “Read and review” done' }));
    const decide = await screen.findByRole('region', { name: 'Decide' });
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('Step done: Read and review.');

    fireEvent.click(within(decide).getByRole('button', { name: 'Record the decision' }));
    expect(within(decide).getByText('Choose the outcome.')).toBeTruthy();
    expect(within(decide).getByText('Give the reasons.')).toBeTruthy();
    fireEvent.change(within(decide).getByLabelText('Outcome (required)'), { target: { value: 'keep' } });
    fireEvent.change(within(decide).getByLabelText('Reasons (required)'), { target: { value: '<b>It fits</b>' } });
    fireEvent.click(within(decide).getByRole('button', { name: 'Record the decision' }));
    expect(await within(decide).findByText('markup is not allowed')).toBeTruthy();
    fireEvent.change(within(decide).getByLabelText('Reasons (required)'), { target: { value: 'It fits the collection.' } });
    fireEvent.click(within(decide).getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByRole('region', { name: 'Decision' })).toBeTruthy();
    expect(sent.map((s) => s.body)).toEqual([{ note: 'Read it' }, { outcome: 'keep', reasons: '<b>It fits</b>' }, { outcome: 'keep', reasons: 'It fits the collection.' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Download the decision letter (PDF)' }));
    await waitFor(() => expect(files.saved).toEqual([{ href: 'blob:http://localhost:3000/1', download: 'R-2026-0001.pdf' }]));
  });

  it('is not offered to desk staff and loads nothing for them', () => {
    const fetch = fakeApi({});
    render(onPage({ session: SESSION, me: { ...MANAGER, roles: ['staff'] }, branches }, <ReconsiderationsPage />));
    expect(screen.getByRole('heading', { level: 1, name: 'Reconsiderations' })).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });
});
