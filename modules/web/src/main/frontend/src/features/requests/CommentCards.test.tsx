import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentCardsPage } from './CommentCards';
import { CARD, CARD_ID, CARD_ROWS, COUNTS, FOLLOW_UPS, HISTORY, POLICIES } from './testData';
import type { Me } from '../../shared/api';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, STAFF, calls, downloadCatcher, fakeApi, json, onPage, recorder } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };
const CARDS = `${API}/comment-cards`;
const MATTER = `${API}/matters/comment-card/${CARD_ID}`;
const files = downloadCatcher();

function page(me: Me, item?: string) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me, branches, navigate }, <CommentCardsPage item={item} />));
  return navigate;
}

describe('CommentCardsPage: triage', () => {
  afterEach(cleanup);
  beforeEach(files.install);

  it('is not offered to desk staff without charge, as the API refuses them, and loads nothing for them', () => {
    const fetch = fakeApi({});
    page(ADA);
    expect(screen.getByRole('heading', { level: 1, name: 'Comment cards' })).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });

  it('lists the cards with kind and state in words, counts them per branch and kind, and filters by kind and state', async () => {
    const fetch = fakeApi({ [`GET ${CARDS}`]: CARD_ROWS, [`GET ${CARDS}/counts`]: COUNTS });
    const navigate = page(MANAGER);
    const table = await screen.findByRole('table', { name: '2 comment cards' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['K-2026-0003', 'Pine Hollow Branch', 'Complaint', 'New', 'Dec 2, 2026, 16:00', 'Yes'],
      ['K-2026-0002', 'Headquarters', 'Praise', 'Thanked', 'Dec 1, 2026, 16:00', 'No'],
    ]);
    const counts = await screen.findByRole('table', { name: 'Comment cards per branch and kind' });
    expect(within(counts).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Branch', 'Praise', 'Suggestion', 'Complaint'],
      ['Pine Hollow Branch', '5', '0', '3'],
      ['Headquarters', '0', '1', '0'],
    ]);
    // A person in charge sees their own branch's cards: the server narrows it, the list offers no branch filter.
    expect(document.getElementById('cards-branch')).toBeNull();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'complaint' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'new' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${CARDS}?kind=complaint&state=new`));
    fireEvent.click(within(table).getByRole('link', { name: 'K-2026-0003' }));
    expect(navigate).toHaveBeenCalledWith('comment-cards', CARD_ID);
  });

  it('downloads the poster of a branch in the language chosen, as a PDF', async () => {
    const fetch = fakeApi({
      [`GET ${CARDS}`]: [],
      [`GET ${CARDS}/counts`]: [],
      [`GET ${CARDS}/poster`]: () =>
        new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="poster-HQ.pdf"' } }),
    });
    page(HQ);
    const poster = await screen.findByRole('region', { name: 'Print the poster' });
    fireEvent.change(within(poster).getByLabelText('Branch'), { target: { value: 'HQ' } });
    fireEvent.change(within(poster).getByLabelText('Language of the poster'), { target: { value: 'es' } });
    fireEvent.click(within(poster).getByRole('button', { name: 'Download the poster (PDF)' }));
    await waitFor(() => expect(files.saved).toEqual([{ href: 'blob:http://localhost:3000/1', download: 'poster-HQ.pdf' }]));
    expect(calls(fetch)).toContain(`GET ${CARDS}/poster?branch=HQ&language=es`);
    expect(within(poster).getAllByText('Poster downloaded: poster-HQ.pdf.').length).toBeGreaterThan(0);
  });
});

describe('CommentCardsPage: one card', () => {
  afterEach(cleanup);

  const api = (extra: Record<string, unknown>) =>
    fakeApi({
      [`GET ${CARDS}/${CARD_ID}`]: CARD,
      [`GET ${API}/policies`]: POLICIES,
      [`GET ${MATTER}/follow-ups`]: FOLLOW_UPS,
      [`GET ${MATTER}/history`]: HISTORY,
      [`GET ${API}/staff`]: STAFF,
      ...extra,
    });

  it('turns the card into a complaint citing a policy, and says the director has been told', async () => {
    const { sent, record } = recorder();
    let made = false;
    api({
      [`GET ${CARDS}/${CARD_ID}`]: () => (made ? { ...CARD, state: 'complaint', complaint: { id: 'c0000000-2222-4333-8444-555555555555', reference: 'C-2026-0043' } } : CARD),
      [`POST ${CARDS}/${CARD_ID}/complaint`]: record(() => {
        made = true;
        return { complaint: { id: 'c0000000-2222-4333-8444-555555555555', reference: 'C-2026-0043' } };
      }),
    });
    const navigate = page(MANAGER, CARD_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Comment card K-2026-0003' })).toBeTruthy();
    expect(screen.getByText('Nobody told me the room was <i>taken</i>.')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'Turn it into a complaint' });
    const policy = within(form).getByLabelText('The policy it concerns') as HTMLSelectElement;
    await waitFor(() => expect(policy.options.length).toBe(3));
    fireEvent.change(policy, { target: { value: 'meeting-rooms' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Make it a complaint' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toBe('Complaint C-2026-0043 made from this card; the director has been told.'),
    );
    expect(sent.map((s) => s.body)).toEqual([{ policy: 'meeting-rooms' }]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Turn it into a complaint' })).toBeNull());
    fireEvent.click(await screen.findByRole('link', { name: 'C-2026-0043' }));
    expect(navigate).toHaveBeenCalledWith('complaints', 'c0000000-2222-4333-8444-555555555555');
  });

  it('thanks, replies with the text as typed, and forwards only once a policy is chosen', async () => {
    const { sent, record } = recorder();
    api({
      [`POST ${CARDS}/${CARD_ID}/thank`]: record({}),
      [`POST ${CARDS}/${CARD_ID}/reply`]: record({}),
      [`POST ${CARDS}/${CARD_ID}/forward`]: record(() => json(404, { title: 'No such policy', status: 404, detail: 'No policy meeting-rooms.' })),
    });
    page(HQ, CARD_ID);
    fireEvent.click(await screen.findByRole('button', { name: 'Thank the patron' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toBe('Marked as thanked.'));
    const reply = screen.getByRole('region', { name: 'Reply to the patron' });
    fireEvent.change(within(reply).getByLabelText('The reply (required)'), { target: { value: 'Gracias <3' } });
    fireEvent.click(within(reply).getByRole('button', { name: 'Send the reply' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toBe('Reply sent to the patron.'));
    const forward = screen.getByRole('region', { name: 'Forward it to the policy’s owner'.replace('’', "'") });
    fireEvent.click(within(forward).getByRole('button', { name: 'Forward it' }));
    expect(await within(forward).findByText('Choose the policy.')).toBeTruthy();
    const policy = within(forward).getByLabelText('The policy it concerns (required)') as HTMLSelectElement;
    await waitFor(() => expect(policy.options.length).toBe(3));
    fireEvent.change(policy, { target: { value: 'meeting-rooms' } });
    fireEvent.click(within(forward).getByRole('button', { name: 'Forward it' }));
    expect(await within(forward).findByText('No policy meeting-rooms.')).toBeTruthy();
    expect(sent.map((s) => [s.path.split('/').pop(), s.body])).toEqual([
      ['thank', {}],
      ['reply', { text: 'Gracias <3' }],
      ['forward', { policy: 'meeting-rooms' }],
    ]);
  });
});
