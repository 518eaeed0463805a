import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskPage } from './Desk';
import { DeskLink, isDeskShortcut, useDeskShortcut } from './DeskLink';
import { nextActive } from './desk';
import type { Navigate } from '../../shared/AppLink';
import type { SignInConfig } from '../../shared/api';
import { Shell } from '../../Shell';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, ESCALATED, HQ, IN_CHARGE, NOTICES, SESSION, SITUATIONS, calls, fakeApi, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';
import { GRUMPY, PRINCIPLE, TOPICS } from '../standards/testData';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const TOPICS_PATH = `${API}/desk/topics`;

function desk(navigate: Navigate = vi.fn(), me = ADA) {
  return render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate }, <DeskPage />));
}

function api(extra: Record<string, unknown> = {}) {
  return fakeApi({
    [`GET ${API}/duty/in-charge`]: IN_CHARGE,
    [`GET ${TOPICS_PATH}`]: (url: URL) => (url.searchParams.get('q') === 'zzz' ? [] : TOPICS),
    [`GET ${API}/standards/${GRUMPY.id}`]: GRUMPY,
    [`GET ${API}/standards/${PRINCIPLE.id}`]: PRINCIPLE,
    ...extra,
  });
}

function searchBox(): HTMLInputElement {
  return screen.getByRole('combobox', { name: 'Search policies and service standards' }) as HTMLInputElement;
}

afterEach(cleanup);

describe('DeskPage: "How do I handle…"', () => {
  it('has the search box focused on open, searches once typing pauses, and shows each result with its kind', async () => {
    const fetch = api();
    desk();

    expect(screen.getByRole('heading', { level: 1, name: 'How do I handle…' })).toBeTruthy();
    const box = searchBox();
    expect(document.activeElement).toBe(box);
    expect(calls(fetch).some((c) => c.startsWith(`GET ${TOPICS_PATH}`))).toBe(false);

    fireEvent.change(box, { target: { value: 'f' } });
    fireEvent.change(box, { target: { value: 'fine' } });
    const list = await screen.findByRole('listbox', { name: 'Results' });
    expect(within(list).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Fines and fees PolicyOverdue fines are waived for children',
      'Grumpy or abusive: where the line is Response guidewhen a patron shouts',
      'A patron asks you to fill in an application Training scenario',
    ]);
    // One search for the word typed, not one per letter.
    expect(calls(fetch).filter((c) => c.startsWith(`GET ${TOPICS_PATH}`))).toEqual([`GET ${TOPICS_PATH}?q=fine&limit=10`]);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('3 results')).toBeTruthy();
  });

  it('moves through the results with the arrow keys and opens a guide in place with Enter', async () => {
    const navigate = vi.fn();
    api();
    desk(navigate);
    const box = searchBox();
    fireEvent.change(box, { target: { value: 'shouting' } });
    await screen.findByRole('listbox');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const options = screen.getAllByRole('option');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box, { key: 'Enter' });

    const title = await screen.findByRole('heading', { level: 2, name: GRUMPY.title });
    await waitFor(() => expect(document.activeElement).toBe(title));
    const opened = title.closest('article')!;
    expect(opened.textContent).toContain('Reworded by your library');
    expect(opened.textContent).toContain('Who to call: Branch manager and Director');
    expect(navigate).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'New search' }));
    expect(screen.queryByRole('heading', { level: 2, name: GRUMPY.title })).toBeNull();
    expect(document.activeElement).toBe(box);
  });

  it('opens a policy on the policies screen, by its key', async () => {
    const navigate = vi.fn();
    api();
    desk(navigate);
    fireEvent.change(searchBox(), { target: { value: 'fine' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Fines and fees/ }));
    expect(navigate).toHaveBeenCalledWith('policies', 'fines');
  });

  it('opens the first result with Enter when no result was chosen, and says when nothing is found', async () => {
    const navigate = vi.fn();
    api();
    desk(navigate);
    const box = searchBox();
    fireEvent.change(box, { target: { value: 'zzz' } });
    expect(await screen.findByText('Nothing found. Try another word.', { selector: 'p:not([role=status])' })).toBeTruthy();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(navigate).not.toHaveBeenCalled();

    fireEvent.change(box, { target: { value: 'fines' } });
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(navigate).toHaveBeenCalledWith('policies', 'fines');
  });

  it('shows who is in charge now at the staff member’s branch beside the search', async () => {
    const fetch = api();
    desk();
    const side = screen.getByRole('complementary', { name: 'Help at hand' });
    await within(side).findByText('Bea');
    expect(side.textContent).toContain('In charge now: Bea (Branch manager)');
    expect(calls(fetch)).toContain(`GET ${API}/duty/in-charge?branch=PINE-HOLLOW`);
  });

  it('escalates a situation the guide names only after a confirmation, for the staff member’s branch', async () => {
    const sent: unknown[] = [];
    api({
      [`POST ${API}/escalations`]: (_url: URL, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)));
        return json(201, ESCALATED);
      },
    });
    desk();
    fireEvent.change(searchBox(), { target: { value: 'abusive' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Grumpy/ }));

    const ask = await screen.findByRole('button', { name: 'Escalate: A difficult or abusive situation with a patron' });
    fireEvent.click(ask);
    const confirm = screen.getByRole('group', { name: 'Confirm the escalation' });
    expect(confirm.textContent).toContain('Escalate "A difficult or abusive situation with a patron" at Pine Hollow Branch?');
    expect(sent).toEqual([]);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('group', { name: 'Confirm the escalation' })).toBeNull();
    expect(document.activeElement).toBe(ask);
    expect(sent).toEqual([]);

    fireEvent.click(ask);
    const send = within(screen.getByRole('group', { name: 'Confirm the escalation' })).getByRole('button', { name: 'Yes, escalate now' });
    await waitFor(() => expect(document.activeElement).toBe(send));
    fireEvent.click(send);
    fireEvent.click(send);

    const result = await screen.findByText('Escalated: A difficult or abusive situation with a patron');
    expect(result.closest('[role=status]')!.textContent).toContain('Bea (Branch manager) decides.');
    expect(sent).toEqual([{ situation: 'difficult-situation', branch: 'PINE-HOLLOW' }]);
    expect(document.activeElement).toBe(ask);
  });

  it('escalates for headquarters staff without a home branch at the headquarters', async () => {
    const sent: unknown[] = [];
    api({
      [`POST ${API}/escalations`]: (_url: URL, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)));
        return json(201, ESCALATED);
      },
    });
    desk(vi.fn(), { ...HQ, branch: '', branchName: '' });
    fireEvent.change(searchBox(), { target: { value: 'abusive' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Grumpy/ }));
    fireEvent.click(await screen.findByRole('button', { name: /^Escalate: / }));
    expect(screen.getByRole('group', { name: 'Confirm the escalation' }).textContent).toContain('at Headquarters?');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, escalate now' }));
    await screen.findByText(/^Escalated: /);
    expect(sent).toEqual([{ situation: 'difficult-situation', branch: 'HQ' }]);
  });

  it('offers no escalation under a standard that names no situation', async () => {
    api({ [`GET ${TOPICS_PATH}`]: [{ kind: 'principle', id: PRINCIPLE.id, title: PRINCIPLE.title }] });
    desk();
    fireEvent.change(searchBox(), { target: { value: 'respect' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Equal respect/ }));
    await screen.findByRole('heading', { level: 2, name: PRINCIPLE.title });
    expect(screen.queryByRole('button', { name: /^Escalate/ })).toBeNull();
  });

  it('shows the problem when the search fails, with the box kept', async () => {
    api({ [`GET ${TOPICS_PATH}`]: json(503, { title: 'Search unavailable', status: 503, requestId: 'r-1' }) });
    desk();
    fireEvent.change(searchBox(), { target: { value: 'fine' } });
    expect((await screen.findByRole('alert')).textContent).toContain('Search unavailable');
    expect(searchBox().value).toBe('fine');
  });
});

describe('the way to the desk', () => {
  it('takes one keystroke from home in the shell, and the navigation lists the new screens', async () => {
    api({ [`GET ${API}/branches`]: BRANCHES, [`GET ${API}/duty/notices`]: NOTICES, [`GET ${API}/duty/situations`]: SITUATIONS });
    const config: SignInConfig = { tenant: ADA.tenant, authority: 'http://localhost:8180/realms/riverbend', clientId: 'web', idleLockSeconds: 300 };
    window.history.replaceState(null, '', '/t/riverbend/');
    render(<Shell config={config} me={ADA} session={SESSION} onSignOut={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(
      expect.arrayContaining(['How do I handle…', 'Service standards', 'Training']),
    );
    expect(within(nav).getByRole('link', { name: 'Training' }).getAttribute('href')).toBe('/t/riverbend/training');
    await screen.findByText(/^In charge now:/);

    fireEvent.keyDown(document.body, { key: 'Ó', code: 'KeyH', altKey: true, shiftKey: true });

    expect(await screen.findByRole('heading', { level: 1, name: 'How do I handle…' })).toBeTruthy();
    expect(window.location.pathname).toBe('/t/riverbend/desk');
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    window.history.replaceState(null, '', '/');
  });

  it('is a link first on the home screen, with its shortcut', () => {
    const navigate = vi.fn();
    render(onPage({ session: SESSION, me: ADA, navigate }, <DeskLink />));
    const link = screen.getByRole('link', { name: 'How do I handle…' });
    expect(link.getAttribute('href')).toBe('/t/riverbend/desk');
    expect(link.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+H');
    fireEvent.click(link);
    expect(navigate).toHaveBeenCalledWith('desk', undefined);
  });

  it('opens with Alt+Shift+H from any screen, and no other key does', () => {
    const navigate = vi.fn();
    function Anywhere() {
      useDeskShortcut(navigate);
      return <input aria-label="Somewhere else" />;
    }
    window.history.replaceState(null, '', '/t/riverbend/roster');
    render(<Anywhere />);
    const input = screen.getByLabelText('Somewhere else');
    fireEvent.keyDown(input, { key: 'H', code: 'KeyH', shiftKey: true });
    fireEvent.keyDown(input, { key: 'h', code: 'KeyH', altKey: true });
    expect(navigate).not.toHaveBeenCalled();
    act(() => {
      fireEvent.keyDown(input, { key: 'Ó', code: 'KeyH', altKey: true, shiftKey: true });
    });
    expect(navigate).toHaveBeenCalledWith('desk');
    window.history.replaceState(null, '', '/');
  });

  it('knows its shortcut and moves through results with wrap-around', () => {
    expect(isDeskShortcut({ altKey: true, shiftKey: true, ctrlKey: true, metaKey: false, code: 'KeyH' })).toBe(false);
    expect(nextActive('ArrowDown', -1, 3)).toBe(0);
    expect(nextActive('ArrowDown', 2, 3)).toBe(0);
    expect(nextActive('ArrowUp', -1, 3)).toBe(2);
    expect(nextActive('ArrowUp', 0, 3)).toBe(2);
    expect(nextActive('ArrowDown', -1, 0)).toBeUndefined();
    expect(nextActive('Home', 1, 3)).toBeUndefined();
  });
});
