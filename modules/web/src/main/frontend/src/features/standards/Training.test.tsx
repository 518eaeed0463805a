import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrainingPage } from './Training';
import type { Me } from '../../shared/api';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, calls, fakeApi, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';
import { COMPLETION, TRAINING } from './testData';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };

function page(me: Me = ADA) {
  return render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate: vi.fn() }, <TrainingPage />));
}

afterEach(cleanup);

describe('TrainingPage: scenarios', () => {
  it('picks up at the first scenario not done, answers it, shows the recommended response and why, and counts it done', async () => {
    const sent: unknown[] = [];
    fakeApi({
      [`GET ${API}/training`]: TRAINING,
      [`POST ${API}/training/scenario.someone-else`]: (_url: URL, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)));
        return { correct: false, recommended: 'b', why: 'Exceptions are recorded and said to be one-time.' };
      },
    });
    page();

    expect(screen.getByRole('heading', { level: 1, name: 'Training' })).toBeTruthy();
    const title = await screen.findByRole('heading', { level: 2, name: '"Someone else was allowed to"' });
    expect(screen.getByText('You have done 1 of 2 scenarios.')).toBeTruthy();
    expect(screen.getByText('Scenario 2 of 2')).toBeTruthy();
    expect((screen.getByRole('progressbar', { name: 'You have done 1 of 2 scenarios.' }) as HTMLProgressElement).value).toBe(1);
    expect(screen.queryByRole('tab')).toBeNull();

    const question = screen.getByRole('group', { name: 'What do you do?' });
    const radios = within(question).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(['Let him print for free too.', 'Explain the policy and the one-time exception.']);
    expect(radios.some((radio) => radio.checked)).toBe(false);

    fireEvent.click(radios[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    const status = await screen.findByText('The recommended response is a different one.');
    const answer = status.closest('[role=status]')!;
    expect(answer.textContent).toBe(
      'The recommended response is a different one.Recommended: Explain the policy and the one-time exception.Why: Exceptions are recorded and said to be one-time.',
    );
    expect(sent).toEqual([{ choice: 'a' }]);
    expect(screen.getByText('You have done 2 of 2 scenarios.')).toBeTruthy();
    expect(within(title).getByText('Done')).toBeTruthy();
  });

  it('asks for a choice before sending anything', async () => {
    const fetch = fakeApi({ [`GET ${API}/training`]: TRAINING });
    page();
    await screen.findByRole('heading', { level: 2, name: '"Someone else was allowed to"' });
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(screen.getByText('Choose one answer first.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'What do you do?' }).getAttribute('aria-describedby')).toMatch(/-errors$/);
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
    expect(calls(fetch)).toEqual([`GET ${API}/training`]);
  });

  it('goes back to a scenario done before with the earlier choice marked, and tells a right answer so', async () => {
    fakeApi({
      [`GET ${API}/training`]: TRAINING,
      [`POST ${API}/training/scenario.benefits-form`]: { correct: true, recommended: 'b', why: 'Guide the first steps.' },
    });
    page();
    await screen.findByRole('heading', { level: 2, name: '"Someone else was allowed to"' });
    expect((screen.getByRole('button', { name: 'Next scenario' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous scenario' }));

    const title = screen.getByRole('heading', { level: 2, name: /A patron asks you to fill in an application/ });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(within(title).getByText('Done')).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Fill it in for him.' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Show the first steps and offer an appointment.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(await screen.findByText('That is the recommended response.')).toBeTruthy();
    expect(screen.getByText('You have done 1 of 2 scenarios.')).toBeTruthy();
  });

  it('shows the problem when an answer is refused, and keeps the choice', async () => {
    fakeApi({
      [`GET ${API}/training`]: TRAINING,
      [`POST ${API}/training/scenario.someone-else`]: json(400, { title: 'Invalid input', status: 400, detail: 'choice: not one of the choices' }),
    });
    page();
    fireEvent.click(await screen.findByRole('radio', { name: 'Explain the policy and the one-time exception.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('choice: not one of the choices');
    expect((screen.getByRole('radio', { name: 'Explain the policy and the one-time exception.' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('You have done 1 of 2 scenarios.')).toBeTruthy();
  });
});

describe('TrainingPage: completion', () => {
  it('gives a person in charge a completion tab for their own branch', async () => {
    const fetch = fakeApi({ [`GET ${API}/training`]: TRAINING, [`GET ${API}/training/completion`]: COMPLETION });
    page(MANAGER);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected')])).toEqual([
      ['My scenarios', 'true'],
      ['Completion', 'false'],
    ]);
    await screen.findByText('You have done 1 of 2 scenarios.');

    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Completion' });
    const table = await within(panel).findByRole('table', { name: '2 staff members, 2 scenarios in all' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Staff memberBranchDone',
      'JoséPine Hollow Branch2 of 2',
      'Zoë <b>Ω</b>Headquarters0 of 2',
    ]);
    expect(table.querySelector('b')).toBeNull();
    expect(within(panel).queryByLabelText('Branch')).toBeNull();
    expect(calls(fetch)).toContain(`GET ${API}/training/completion`);
  });

  it('lets headquarters choose the branch', async () => {
    const fetch = fakeApi({ [`GET ${API}/training`]: TRAINING, [`GET ${API}/training/completion`]: COMPLETION });
    page(HQ);
    fireEvent.click(screen.getByRole('tab', { name: 'Completion' }));
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'PINE-HOLLOW' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/training/completion?branch=PINE-HOLLOW`));
    fireEvent.click(screen.getByRole('tab', { name: 'My scenarios' }));
    expect(await screen.findByRole('heading', { level: 2, name: '"Someone else was allowed to"' })).toBeTruthy();
  });
});
