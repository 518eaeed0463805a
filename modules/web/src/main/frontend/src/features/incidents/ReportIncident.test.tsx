import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, ReportPage } from './ReportIncident';
import type { IncidentReport } from './incidents';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, DRAFT, FORM, HQ, SESSION, STAFF, calls, fakeApi, fakeClockEachTest, invalidInput, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const REPORTS = `${API}/incident-reports`;

function bodyOf(fetch: ReturnType<typeof fakeApi>, key: string): unknown[] {
  return fetch.mock.calls
    .filter(([input, init]) => `${init?.method ?? 'GET'} ${new URL(String(input), 'http://localhost:3000').pathname}` === key)
    .map(([, init]) => JSON.parse(String(init?.body)));
}

async function pause(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

describe('ReportPage: starting', () => {
  fakeClockEachTest();

  it('lists the categories, finds one by its first letters, shows its guidance and starts a draft', async () => {
    const fetch = fakeApi({
      [`GET ${API}/incident-forms`]: FORM,
      [`GET ${REPORTS}`]: [
        { id: 'd-1', status: 'draft', category: 'theft', categoryTitle: 'Theft', branch: 'PINE-HOLLOW', occurredAt: '2026-03-09T10:00:00-06:00', reporterTagName: 'Ada' },
        { id: 'd-2', status: 'draft', category: 'theft', categoryTitle: 'Theft', branch: 'PINE-HOLLOW', occurredAt: '2026-03-09T11:00:00-06:00', reporterTagName: 'Bea' },
      ],
      [`POST ${REPORTS}`]: () => json(201, DRAFT),
    });
    const navigate = vi.fn();
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate }, <ReportPage />));

    const group = await screen.findByRole('group', { name: 'What happened?' });
    expect(within(group).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual([
      'Accident or injury',
      'Angry patron',
      'Abusive behaviour',
      'Other',
    ]);
    // Ada files for her own branch: no branch to choose.
    expect(screen.queryByLabelText('Branch where it happened')).toBeNull();

    fireEvent.keyDown(group, { key: 'a' });
    fireEvent.keyDown(group, { key: 'n' });
    expect(screen.getByRole('radio', { name: 'Angry patron' })).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Angry patron' }));
    fireEvent.keyDown(group, { key: 'a' });
    await pause(1500);
    fireEvent.keyDown(group, { key: 'a' });
    expect(screen.getByRole('radio', { name: 'Abusive behaviour' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('radio', { name: 'Accident or injury' }));
    const guidance = screen.getByRole('region', { name: 'Accident or injury: before you start' });
    expect(guidance.textContent).toContain('Facts only.');
    expect(guidance.textContent).toContain('Give no insurance details.');
    expect(guidance.textContent).toContain('record the call before you sign');
    expect(guidance.textContent).toContain('A person in charge countersigns after you.');

    const drafts = await screen.findByRole('region', { name: 'My drafts' });
    await within(drafts).findByRole('link');
    expect(within(drafts).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/t/riverbend/report/d-1']);

    fireEvent.submit(group.closest('form')!);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('report', DRAFT.id, DRAFT));
    expect(bodyOf(fetch, `POST ${REPORTS}`)).toEqual([{ category: 'accident-injury' }]);
    expect(calls(fetch)).toContain(`GET ${REPORTS}?status=draft`);
  });

  it('lets headquarters choose the branch, and says so when nothing is chosen', async () => {
    const fetch = fakeApi({ [`GET ${API}/incident-forms`]: FORM, [`GET ${REPORTS}`]: [], [`POST ${REPORTS}`]: () => json(201, DRAFT) });
    const navigate = vi.fn();
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate }, <ReportPage />));

    const group = await screen.findByRole('group', { name: 'What happened?' });
    expect(await screen.findByText('No drafts waiting.')).toBeTruthy();
    fireEvent.submit(group.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('Choose what happened first');
    expect(calls(fetch)).not.toContain(`POST ${REPORTS}`);

    fireEvent.change(screen.getByLabelText('Branch where it happened'), { target: { value: 'PINE-HOLLOW' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    fireEvent.submit(group.closest('form')!);
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(bodyOf(fetch, `POST ${REPORTS}`)).toEqual([{ category: 'other', branch: 'PINE-HOLLOW' }]);
  });
});

describe('ReportPage: a draft', () => {
  fakeClockEachTest();

  const ID = DRAFT.id;
  const REPORT = `${REPORTS}/${ID}`;

  function saved(version: number, extra: Partial<IncidentReport> = {}): IncidentReport {
    return { ...DRAFT, version, ...extra };
  }

  it('asks every question with its widget, marks the required ones and shows the guidance beside them', async () => {
    fakeApi({ [`GET ${API}/staff`]: STAFF });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <ReportPage item={ID} handoff={DRAFT} />));

    await screen.findByRole('heading', { level: 1, name: 'Report: Accident or injury' });
    // The desk types at once: the first question has the focus (after the heading took it for a moment).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Where/)));
    expect(screen.getByLabelText(/^Where/).getAttribute('type')).toBe('text');
    expect(screen.getByLabelText(/^Where/).getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText(/^Where/).getAttribute('maxlength')).toBe('200');
    expect(screen.getByText('Room or desk.').id).toBe(screen.getByLabelText(/^Where/).getAttribute('aria-describedby'));
    expect(screen.getByLabelText(/^What happened/).tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText(/^When it happened/)).toHaveProperty('value', '2026-03-10T14:05');
    expect(screen.getByLabelText(/^Manager informed/).getAttribute('type')).toBe('datetime-local');
    const police = screen.getByRole('radiogroup', { name: 'Police called? (required)' });
    expect(within(police).getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim())).toEqual(['Yes', 'No']);
    expect(screen.getByRole('radiogroup', { name: 'Who was hurt (required)' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Treatment' })).getAllByRole('checkbox')).toHaveLength(3);
    const witness = screen.getByLabelText('Second staff member');
    await waitFor(() => expect(within(witness).getAllByRole('option')).toHaveLength(3));
    // Tag names as text, whatever they contain.
    expect(within(witness).getByRole('option', { name: /^Zoë <b>Ωμέγα<\/b>/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Guidance' }).textContent).toContain('Give no insurance details.');
    expect(screen.getAllByText('(required)', { exact: false }).length).toBeGreaterThanOrEqual(5);
  });

  it('saves as typed, once per pause, with the answers as the API wants them', async () => {
    let version = 1;
    const fetch = fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`PUT ${REPORT}/answers`]: () => saved(++version),
    });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <ReportPage item={ID} handoff={DRAFT} />));

    await screen.findByLabelText(/^Where/);
    fireEvent.change(screen.getByLabelText(/^Where/), { target: { value: 'Stacks <b>B</b>' } });
    fireEvent.change(screen.getByLabelText(/^What happened/), { target: { value: 'Fell\nover' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Police called/ })).getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ambulance' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'None' }));
    expect(calls(fetch).filter((c) => c.startsWith('PUT'))).toHaveLength(0);
    await pause(AUTOSAVE_DELAY_MS);
    await waitFor(() => expect(screen.getByText(/^Saved at /)).toBeTruthy());
    expect(bodyOf(fetch, `PUT ${REPORT}/answers`)).toEqual([
      { answers: { location: 'Stacks <b>B</b>', description: 'Fell\nover', police: false, treatment: ['None', 'Ambulance'] } },
    ]);
    // The typed markup stays text in the input.
    expect(screen.getByLabelText(/^Where/)).toHaveProperty('value', 'Stacks <b>B</b>');

    fireEvent.change(screen.getByLabelText(/^When it happened/), { target: { value: '2026-03-10T13:00' } });
    await pause(AUTOSAVE_DELAY_MS);
    await waitFor(() => expect(bodyOf(fetch, `PUT ${REPORT}/answers`)).toHaveLength(2));
    expect(bodyOf(fetch, `PUT ${REPORT}/answers`)[1]).toMatchObject({ occurredAt: '2026-03-10T13:00:00-06:00' });
  });

  it("shows the server's refusals next to their fields, and nothing as saved", async () => {
    fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`PUT ${REPORT}/answers`]: () =>
        invalidInput('1 answer(s) are not acceptable; nothing was saved', [
          { field: 'answers.location', message: 'must not contain control characters' },
          { field: 'answers.retired', message: 'is not a question of this form for this category' },
        ]),
    });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <ReportPage item={ID} handoff={DRAFT} />));

    const where = await screen.findByLabelText(/^Where/);
    fireEvent.change(where, { target: { value: 'bad' } });
    await pause(AUTOSAVE_DELAY_MS);
    await waitFor(() => expect(where.getAttribute('aria-invalid')).toBe('true'));
    const errors = document.getElementById(where.getAttribute('aria-describedby')!.split(' ').pop()!);
    expect(errors?.textContent).toBe('must not contain control characters');
    expect(screen.getByText(/^Not saved: some answers are not acceptable/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('answers.retired: is not a question of this form for this category');

    fireEvent.change(where, { target: { value: 'better' } });
    expect(where.getAttribute('aria-invalid')).toBeNull();
  });

  it('records the call to headquarters, then signs with an explicit confirmation', async () => {
    let version = 1;
    const complete = { location: 'Stacks', description: 'Fell', police: false, hurt: 'Patron' };
    const fetch = fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`PUT ${REPORT}/answers`]: () => saved(++version, { answers: complete }),
      [`POST ${REPORT}/verbal-report`]: (_url: URL, init: RequestInit | undefined) => {
        const call = JSON.parse(String(init?.body));
        return saved(++version, {
          answers: complete,
          verbalReport: { calledBy: 'Ada', calledTo: call.calledTo, calledAt: call.calledAt },
          steps: { ...DRAFT.steps!, verbalReportRecorded: true },
        });
      },
      [`POST ${REPORT}/submit`]: () => ({ ...saved(version + 1), status: 'submitted' }),
    });
    const navigate = vi.fn();
    vi.setSystemTime(new Date('2026-03-10T20:25:30Z'));
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate }, <ReportPage item={ID} handoff={DRAFT} />));

    await screen.findByLabelText(/^Where/);
    // Not yet: the sign button names what is missing and takes the desk there.
    fireEvent.click(screen.getByRole('button', { name: 'Sign and submit…' }));
    expect(screen.getByText(/^Not yet: Where; What happened; Police called\?; Who was hurt; The call to headquarters\.$/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Where/));
    expect(screen.queryByRole('button', { name: 'Yes, sign and submit' })).toBeNull();

    fireEvent.change(screen.getByLabelText(/^Where/), { target: { value: 'Stacks' } });
    fireEvent.change(screen.getByLabelText(/^What happened/), { target: { value: 'Fell' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Police called/ })).getByRole('radio', { name: 'No' }));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Who was hurt/ })).getByRole('radio', { name: 'Patron' }));

    // The call: "now" is the library's wall clock (UTC-6), whatever the test machine's zone.
    const calledAt = screen.getByLabelText(/^When you called/);
    expect(calledAt).toHaveProperty('value', '2026-03-10T14:25');
    fireEvent.submit(calledAt.closest('form')!);
    expect(await screen.findByText('Say whom you reached at headquarters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Whom you reached/), { target: { value: 'Bea <i>HQ</i>' } });
    fireEvent.submit(calledAt.closest('form')!);
    expect(await screen.findByText(/^Recorded: Ada called Bea <i>HQ<\/i> at Mar 10, 2026, 14:25\.$/)).toBeTruthy();
    expect(bodyOf(fetch, `POST ${REPORT}/verbal-report`)).toEqual([{ calledTo: 'Bea <i>HQ</i>', calledAt: '2026-03-10T14:25:00-06:00' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Sign and submit…' }));
    const confirm = screen.getByRole('button', { name: 'Yes, sign and submit' });
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByRole('group', { name: /^By signing you state/ })).toBeTruthy();
    fireEvent.click(confirm);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('incidents', ID, expect.objectContaining({ status: 'submitted' })));
    // The answers typed just before were saved first, and the signature is of the version that save answered.
    const order = calls(fetch).filter((c) => !c.startsWith('GET'));
    expect(order.at(-1)).toBe(`POST ${REPORT}/submit`);
    expect(order.slice(0, -1)).toContain(`PUT ${REPORT}/answers`);
    expect(bodyOf(fetch, `POST ${REPORT}/submit`)).toEqual([{ version, confirm: true }]);
  });

  it('says why a report was not signed and goes back to the sign button', async () => {
    const complete = { location: 'Stacks', description: 'Fell', police: false, hurt: 'Patron' };
    const ready: IncidentReport = {
      ...DRAFT,
      answers: complete,
      verbalReport: { calledBy: 'Ada', calledTo: 'Bea', calledAt: '2026-03-10T14:20:00-06:00' },
      steps: { ...DRAFT.steps!, verbalReportRecorded: true },
    };
    fakeApi({
      [`GET ${API}/staff`]: STAFF,
      [`POST ${REPORT}/submit`]: () =>
        json(409, { title: 'Conflict with the current state', status: 409, detail: 'the report changed since you read it' }),
    });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <ReportPage item={ID} handoff={ready} />));

    await screen.findByText(/^Recorded: Ada called Bea/);
    expect(screen.getByText('Everything required is answered.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign and submit…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign and submit' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the report changed since you read it');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign and submit…' }));
  });

  it('loads a draft by its address, and sends a signed report to its reading page', async () => {
    fakeApi({ [`GET ${REPORT}`]: { ...DRAFT, status: 'submitted' } });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <ReportPage item={ID} />));

    expect(await screen.findByText(/This report is signed and can no longer be changed/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the report' }).getAttribute('href')).toBe(`/t/riverbend/incidents/${ID}`);
  });
});
