import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Escalate, InChargeWidget } from './Home';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, ESCALATED, HQ, IN_CHARGE, SESSION, SITUATIONS, calls, fakeApi, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };

afterEach(() => {
  cleanup();
});

describe('Escalate', () => {
  it('posts once in two clicks and announces who decides, why and who was told', async () => {
    let answer!: (response: Response) => void;
    const fetch = fakeApi({
      [`GET ${API}/duty/situations`]: SITUATIONS,
      [`POST ${API}/escalations`]: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const onEscalated = vi.fn();
    render(onPage({ session: SESSION, me: ADA }, <Escalate onEscalated={onEscalated} />));
    const toggle = screen.getByRole('button', { name: 'Escalate' });
    await screen.findByText('Escalate a situation');
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/duty/situations`));

    fireEvent.click(toggle); // click 1
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const situation = await screen.findByRole('button', { name: /^A difficult/ });
    await waitFor(() => expect(document.activeElement).toBe(situation));
    fireEvent.click(situation); // click 2
    fireEvent.click(situation); // an impatient second click sends nothing more
    await waitFor(() => expect(calls(fetch)).toContain(`POST ${API}/escalations`));
    expect(screen.getByRole('status').textContent).toBe('Sending…');
    fireEvent.click(situation);
    await act(async () => answer(json(201, ESCALATED)));

    const posts = fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts).toHaveLength(1);
    const [path, init] = posts[0]!;
    expect(path).toBe(`${API}/escalations`);
    expect(JSON.parse(String(init?.body))).toEqual({ situation: 'difficult-situation', branch: 'PINE-HOLLOW' });
    expect(init?.headers).toHaveProperty('Authorization', 'Bearer access-1');

    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Escalated: A difficult or abusive situation with a patron');
    expect(status.textContent).toContain('Bea (Branch manager) decides.');
    expect(status.textContent).toContain('Why: Bea (Branch manager) is the most senior person on duty at PINE-HOLLOW');
    expect(within(status).getByRole('listitem').textContent).toBe(
      'Dana: Bea decided about "A difficult or abusive situation with a patron" in your absence',
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(onEscalated).toHaveBeenCalledWith(ESCALATED);
  });

  it('sends the note typed in the open list, without another click', async () => {
    const fetch = fakeApi({ [`GET ${API}/duty/situations`]: SITUATIONS, [`POST ${API}/escalations`]: json(201, ESCALATED) });
    render(onPage({ session: SESSION, me: ADA }, <Escalate />));
    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: '  Shouting at the desk  ' } });
    fireEvent.click(await screen.findByRole('button', { name: "A patron's complaint" }));

    await screen.findByText(/decides\.$/);
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ situation: 'complaint', branch: 'PINE-HOLLOW', note: 'Shouting at the desk' });
  });

  it('closes the list with Escape and gives the keyboard back to the button', async () => {
    fakeApi({ [`GET ${API}/duty/situations`]: SITUATIONS });
    render(onPage({ session: SESSION, me: ADA }, <Escalate />));
    const toggle = screen.getByRole('button', { name: 'Escalate' });
    fireEvent.click(toggle);
    const situation = await screen.findByRole('button', { name: /^A difficult/ });

    fireEvent.keyDown(situation, { key: 'Escape' });

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: /^A difficult/ })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('shows the problem and its request id when the escalation is refused', async () => {
    fakeApi({
      [`GET ${API}/duty/situations`]: SITUATIONS,
      [`POST ${API}/escalations`]: json(400, {
        title: 'Invalid input',
        status: 400,
        detail: 'branch: name a branch (you have no home branch)',
        requestId: 'req-42424242',
      }),
    });
    render(onPage({ session: SESSION, me: { ...ADA, branch: '' } }, <Escalate />));
    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    fireEvent.click(await screen.findByRole('button', { name: /^A difficult/ }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('name a branch');
    expect(alert.textContent).toContain('req-42424242');
  });

  it('lets headquarters say where, and shows staff no branch choice', async () => {
    const fetch = fakeApi({ [`GET ${API}/duty/situations`]: SITUATIONS, [`POST ${API}/escalations`]: json(201, ESCALATED) });
    // Without a home branch, headquarters staff escalate at the headquarters unless they say otherwise.
    render(onPage({ session: SESSION, me: { ...HQ, branch: '' }, branches: BRANCH_LIST }, <Escalate />));
    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    expect((screen.getByLabelText('Where') as HTMLSelectElement).value).toBe('HQ');
    fireEvent.change(screen.getByLabelText('Where'), { target: { value: 'PINE-HOLLOW' } });
    fireEvent.click(await screen.findByRole('button', { name: "A patron's complaint" }));
    await screen.findByText(/decides\.$/);
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ situation: 'complaint', branch: 'PINE-HOLLOW' });
    cleanup();

    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <Escalate />));
    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }));
    expect(screen.queryByLabelText('Where')).toBeNull();
  });
});

describe('InChargeWidget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names who is in charge at my branch and checks again every minute', async () => {
    const fetch = fakeApi({ [`GET ${API}/duty/in-charge`]: IN_CHARGE });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <InChargeWidget />));

    const line = await screen.findByText(/^In charge now:/);
    expect(line.textContent).toBe('In charge now: Bea (Branch manager)');
    expect(screen.getByText('Bea (Branch manager) is the most senior person on duty who may be in charge.')).toBeTruthy();
    expect(screen.getByText('Pine Hollow Branch, as of 13:05')).toBeTruthy();
    expect(calls(fetch)).toEqual([`GET ${API}/duty/in-charge?branch=PINE-HOLLOW`]);
    expect(screen.queryByLabelText('Branch')).toBeNull();

    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(calls(fetch)).toHaveLength(2);
  });

  it('says when headquarters decides', async () => {
    fakeApi({
      [`GET ${API}/duty/in-charge`]: {
        ...IN_CHARGE,
        person: null,
        headquarters: true,
        explanation: 'nobody on duty at PINE-HOLLOW may be in charge: headquarters is',
      },
    });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST }, <InChargeWidget />));

    expect(await screen.findByText('Nobody here may be in charge now — headquarters decides')).toBeTruthy();
    expect(screen.getByText('Nobody on duty at PINE-HOLLOW may be in charge: headquarters is.')).toBeTruthy();
  });

  it('lets headquarters look at another branch', async () => {
    const fetch = fakeApi({ [`GET ${API}/duty/in-charge`]: IN_CHARGE });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST }, <InChargeWidget />));
    await screen.findByText(/^In charge now:/);

    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'PINE-HOLLOW' } });

    await waitFor(() => expect(calls(fetch)).toEqual([`GET ${API}/duty/in-charge?branch=HQ`, `GET ${API}/duty/in-charge?branch=PINE-HOLLOW`]));
  });
});
