import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MatterPanel } from './MatterPanel';
import { FOLLOW_UPS, HISTORY } from './testData';
import { API, BRANCHES, HQ, SESSION, STAFF, calls, fakeApi, json, onPage, recorder } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };
const MATTER = `${API}/matters/call-back/d0000000-2222-4333-8444-555555555555`;

function panel(hasContact = true) {
  render(onPage({ session: SESSION, me: HQ, branches }, <MatterPanel kind="call-back" id="d0000000-2222-4333-8444-555555555555" branch="HQ" hasContact={hasContact} />));
}

describe('MatterPanel: follow-ups and history of any matter', () => {
  afterEach(cleanup);

  it('lists follow-ups with due day, owner and past due in words, and marks one done', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${MATTER}/follow-ups`]: FOLLOW_UPS,
      [`GET ${MATTER}/history`]: HISTORY,
      [`GET ${API}/staff`]: STAFF,
      [`POST ${MATTER}/follow-ups/f-1/done`]: record({}),
    });
    panel();
    const table = await screen.findByRole('table', { name: '2 follow-ups' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Call the room booker', 'Dec 4, 2026', 'José', 'Past due', 'Mark done: Call the room booker'],
      ['Check the calendar', 'Dec 2, 2026', 'José', 'Done Dec 2, 2026, 18:00', ''],
    ]);
    fireEvent.click(within(table).getByRole('button', { name: 'Mark done: Call the room booker' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Follow-up done: Call the room booker.'));
    expect(sent.map((s) => s.path)).toEqual([`${MATTER}/follow-ups/f-1/done`]);
    // Marking done reads the follow-ups and the history again.
    await waitFor(() => expect(calls(fetch).filter((call) => call === `GET ${MATTER}/history`)).toHaveLength(2));
  });

  it('adds a follow-up for an owner on a day, and asks for what is missing first', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${MATTER}/follow-ups`]: [],
      [`GET ${MATTER}/history`]: [],
      [`GET ${API}/staff`]: STAFF,
      [`POST ${MATTER}/follow-ups`]: record(() => json(201, FOLLOW_UPS[0])),
    });
    panel();
    const form = await screen.findByRole('region', { name: 'Add a follow-up' });
    expect(await screen.findByText('No contact with the patron yet.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add the follow-up' }));
    expect(within(form).getByText('Say what is to be done.')).toBeTruthy();
    expect(within(form).getByText('Choose who does it.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('What is to be done (required)'), { target: { value: 'Ring back' } });
    fireEvent.change(within(form).getByLabelText('Due on (required)'), { target: { value: '2026-12-09' } });
    const owner = within(form).getByLabelText('Owner (required)') as HTMLSelectElement;
    // Only those still on the roster are offered (Zoë has left).
    await waitFor(() => expect([...owner.options].map((option) => option.value)).toEqual(['', 's-1']));
    fireEvent.change(owner, { target: { value: 's-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the follow-up' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Follow-up added: Ring back.'));
    expect(sent.map((s) => s.body)).toEqual([{ what: 'Ring back', dueOn: '2026-12-09', owner: 's-1' }]);
  });

  it('gives an update by email with a key kept for a retry, and shows every contact with the mail’s status', async () => {
    const { sent, record } = recorder();
    let tries = 0;
    fakeApi({
      [`GET ${MATTER}/follow-ups`]: [],
      [`GET ${MATTER}/history`]: HISTORY,
      [`GET ${API}/staff`]: STAFF,
      [`POST ${MATTER}/updates`]: record(() => (++tries === 1 ? json(503, { title: 'Busy', status: 503 }) : json(201, { id: 'u-1', channel: 'email', at: '2026-12-03T15:00:00Z', by: 'Hal', mail: { status: 'pending' } }))),
    });
    panel();
    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Dec 1, 2026, 19:06 — Follow-up set — by DeeCall the room booker',
      'Dec 2, 2026, 19:06 — Update to the patron (By email) — by Dee — mail sent Dec 2, 2026, 19:06We are looking into it.',
    ]);
    const form = screen.getByRole('region', { name: 'Give the patron an update' });
    fireEvent.change(within(form).getByLabelText('What the patron is told (required)'), { target: { value: 'Nearly there.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the update' }));
    expect(await within(form).findByText('Busy')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Record the update' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Update recorded (By email).'));
    const bodies = sent.map((s) => s.body as { channel: string; text: string; key: string });
    expect(bodies.map((b) => [b.channel, b.text])).toEqual([['email', 'Nearly there.'], ['email', 'Nearly there.']]);
    expect(bodies[0]!.key).toBe(bodies[1]!.key);
  });

  it('starts an update without a contact at the phone', async () => {
    fakeApi({ [`GET ${MATTER}/follow-ups`]: [], [`GET ${MATTER}/history`]: [], [`GET ${API}/staff`]: STAFF });
    panel(false);
    const form = await screen.findByRole('region', { name: 'Give the patron an update' });
    expect((within(form).getByLabelText('How (required)') as HTMLSelectElement).value).toBe('phone');
    expect(within(form).getByText('No contact is on record: record an update given by phone or in person.')).toBeTruthy();
  });
});
