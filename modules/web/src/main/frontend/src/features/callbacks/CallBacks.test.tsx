import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallBacksCard, CallBacksPage } from './CallBacks';
import { atAGlance, type CallBack, type CallBackInQueue } from './callBacks';
import { ADA, API, BRANCHES, SESSION, calls, fakeApi, invalidInput, onPage, recorder } from '../../shared/testing';
import { I18nProvider, makeI18n } from '../../shared/i18n/i18n';
import type { Branch } from '../../shared/session';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const QUEUE = `${API}/call-backs`;
const CHICAGO = makeI18n('en', 'America/Chicago');

const WAITING: CallBackInQueue = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'B-2026-0001',
  branch: 'PINE-HOLLOW',
  state: 'open',
  offeredAt: '2026-12-03T15:00:00Z',
  dueAt: '2026-12-03T16:30:00Z',
  overdue: true,
  claimedBy: null,
  mine: false,
  hasContact: true,
};
const MINE: CallBackInQueue = {
  ...WAITING,
  id: '00000000-0000-4000-8000-000000000002',
  reference: 'B-2026-0002',
  state: 'claimed',
  dueAt: '2026-12-04T00:00:00Z',
  overdue: false,
  claimedBy: 'ada',
  mine: true,
};
const ROSA = { staffId: '00000000-0000-4000-8000-0000000000aa', tagName: 'Rosa', username: 'rosa' };

function made(reference: string): CallBack {
  return { ...WAITING, reference, overdue: false, dueAt: '2026-12-04T00:00:00Z', question: 'q', offeredBy: 'ada', steps: [] };
}

function shown(element: ReactElement, navigate = vi.fn()) {
  render(<I18nProvider i18n={CHICAGO}>{onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate }, element)}</I18nProvider>);
  return navigate;
}

afterEach(cleanup);

describe('CallBacksPage', () => {
  it('offers a call-back at the desk and says when it is due on the library system’s clock', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${QUEUE}`]: [],
      [`GET ${QUEUE}/colleagues`]: [ROSA],
      [`POST ${QUEUE}`]: record(made('B-2026-0007')),
    });
    shown(<CallBacksPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Call-back queue' })).toBeTruthy();
    expect(await screen.findByText('Nobody is waiting for a call back.')).toBeTruthy();

    const form = screen.getByRole('region', { name: 'Offer a call-back' });
    fireEvent.change(within(form).getByLabelText(/What the patron asked/), { target: { value: '  Large-print <b>tax</b> forms?  ' } });
    fireEvent.change(within(form).getByLabelText(/^Phone/), { target: { value: '555-0100' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Offer the call-back' }));

    // Midnight UTC is 18:00 in Chicago, the day before.
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Call-back B-2026-0007 offered; due Thu, Dec 3, 18:00\.$/));
    expect(sent).toEqual([
      { path: QUEUE, body: { branch: 'PINE-HOLLOW', question: 'Large-print <b>tax</b> forms?', contact: { language: 'en', phone: '555-0100' } } },
    ]);
    expect((within(form).getByLabelText(/What the patron asked/) as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(calls(fetch).filter((c) => c === `GET ${QUEUE}?branch=PINE-HOLLOW`)).toHaveLength(2));
  });

  it('asks for the question and a phone or email before sending, and places the server’s refusals at their fields', async () => {
    const fetch = fakeApi({
      [`GET ${QUEUE}`]: [],
      [`GET ${QUEUE}/colleagues`]: [],
      [`POST ${QUEUE}`]: () => invalidInput('the call-back cannot be offered as given', [
        { field: 'contact.phone', message: 'must be a phone number: digits, spaces, + ( ) . and -' },
      ]),
    });
    shown(<CallBacksPage />);
    const form = screen.getByRole('region', { name: 'Offer a call-back' });
    fireEvent.click(within(form).getByRole('button', { name: 'Offer the call-back' }));
    expect(await within(form).findByText('Say what the patron asked.')).toBeTruthy();
    expect(within(form).getByText('Give a phone number or an email address.')).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText(/What the patron asked/));
    expect(calls(fetch).some((c) => c.startsWith('POST'))).toBe(false);

    fireEvent.change(within(form).getByLabelText(/What the patron asked/), { target: { value: 'Hours on Saturday?' } });
    fireEvent.change(within(form).getByLabelText(/^Phone/), { target: { value: 'call me' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Offer the call-back' }));
    const phone = within(form).getByLabelText(/^Phone/);
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('call-back-phone-errors')!.textContent).toBe('must be a phone number: digits, spaces, + ( ) . and -');
    expect(document.activeElement).toBe(phone);
  });

  it('works the queue with buttons: take one, see how to reach the patron, record the call and hand one over', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${QUEUE}`]: [WAITING, MINE],
      [`GET ${QUEUE}/colleagues`]: [ROSA],
      [`POST ${QUEUE}/${WAITING.id}/claim`]: record(made(WAITING.reference)),
      [`POST ${QUEUE}/${MINE.id}/contact`]: record({ name: 'Ada P.', phone: '555-0142', email: null, language: 'en' }),
      [`POST ${QUEUE}/${MINE.id}/attempts`]: record(made(MINE.reference)),
      [`POST ${QUEUE}/${MINE.id}/hand-over`]: record(made(MINE.reference)),
    });
    shown(<CallBacksPage />);
    const waiting = (await screen.findByRole('heading', { level: 3, name: 'B-2026-0001' })).closest('li')!;
    expect(waiting.textContent).toContain('Was due Thu, Dec 3, 10:30');
    expect(within(waiting).getByText('Overdue', { selector: '.badge' })).toBeTruthy();
    expect(within(waiting).queryByRole('button', { name: /Record the call/ })).toBeNull();
    fireEvent.click(within(waiting).getByRole('button', { name: 'Take B-2026-0001' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('You took B-2026-0001.'));

    const mine = screen.getByRole('heading', { level: 3, name: 'B-2026-0002' }).closest('li')!;
    expect(mine.textContent).toContain('You are on it.');
    expect(mine.textContent).not.toContain('555-0142');
    fireEvent.click(within(mine).getByRole('button', { name: 'How to reach the patron of B-2026-0002' }));
    expect(await within(mine).findByText('555-0142')).toBeTruthy();
    fireEvent.change(within(mine).getByLabelText('How the call went'), { target: { value: 'done' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Record the call for B-2026-0002' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The call for B-2026-0002 was recorded.'));
    fireEvent.change(within(mine).getByLabelText('Hand over to'), { target: { value: ROSA.staffId } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Hand over B-2026-0002' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('B-2026-0002 was handed over.'));

    expect(sent.map((s) => [s.path, s.body])).toEqual([
      [`${QUEUE}/${WAITING.id}/claim`, {}],
      [`${QUEUE}/${MINE.id}/contact`, {}],
      [`${QUEUE}/${MINE.id}/attempts`, { outcome: 'done' }],
      [`${QUEUE}/${MINE.id}/hand-over`, { to: ROSA.staffId }],
    ]);
    expect(calls(fetch)).toContain(`GET ${QUEUE}/colleagues?branch=PINE-HOLLOW`);
  });
});

describe('CallBacksCard', () => {
  it('shows the branch’s overdue call-backs and those due today at a glance, and opens the queue', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date('2026-12-03T20:00:00Z') });
    try {
      const later: CallBackInQueue = { ...MINE, id: '00000000-0000-4000-8000-000000000003', reference: 'B-2026-0003', dueAt: '2026-12-05T00:00:00Z' };
      const fetch = fakeApi({ [`GET ${QUEUE}`]: [WAITING, MINE, later] });
      const navigate = shown(<CallBacksCard />);
      expect(await screen.findByText('1 overdue, 1 more due today.')).toBeTruthy();
      const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
      expect(lines).toEqual(['B-2026-0001 — overdue since Thu, Dec 3, 10:30', 'B-2026-0002 — due Thu, Dec 3, 18:00']);
      expect(calls(fetch)).toEqual([`GET ${QUEUE}?branch=PINE-HOLLOW`]);
      fireEvent.click(screen.getByRole('link', { name: 'Open the call-back queue' }));
      expect(navigate).toHaveBeenCalledWith('call-backs', undefined);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts by the library system’s day, not the desk computer’s', () => {
    // 05:00 UTC on Dec 4 is still Dec 3 in Chicago: a call-back due at 23:00 Chicago time is due today there.
    const late: CallBackInQueue = { ...MINE, dueAt: '2026-12-04T05:00:00Z' };
    expect(atAGlance([late], new Date('2026-12-03T18:00:00Z'), 'America/Chicago').dueToday).toHaveLength(1);
    expect(atAGlance([late], new Date('2026-12-03T18:00:00Z'), 'UTC').dueToday).toHaveLength(0);
  });
});
