import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../shared/api';
import { navGroupsFor } from '../../shared/navGroups';
import { ADA, API, HQ, MANAGER, SESSION, calls, downloadCatcher, fakeApi, json, onPage } from '../../shared/testing';
import { AdminDraftProvider } from './AdminDraft';
import { AdminBranchesPage } from './Branches';
import { AdminClosuresPage } from './Closures';
import { AdminHoursPage } from './Hours';
import { AdminPositionsPage } from './Positions';
import { AdminSettingsPage } from './Settings';
import { badPeriods, monthGrid, periodsOf, type TenantConfiguration } from './configuration';
import { CREATE_PLAN, LIVE } from './testData';

const DEE: Me = { ...HQ, username: 'dee', tagName: 'Dee', roles: ['staff', 'person-in-charge', 'headquarters', 'tenant-admin'] };

function show(element: ReactElement, me: Me = DEE) {
  const wrap = (screenElement: ReactElement) =>
    onPage({ session: SESSION, me, branches: { loading: false, reload }, navigate: () => {} }, <AdminDraftProvider session={SESSION}>{screenElement}</AdminDraftProvider>);
  const reload = vi.fn();
  const view = render(wrap(element));
  return { reload, rerender: (next: ReactElement) => view.rerender(wrap(next)) };
}

/** Keeps what plan and apply were sent, and answers them in turn from `answers`. */
function configurationApi(answers: { plan?: () => Response | object; apply?: () => Response | object; live?: () => TenantConfiguration }) {
  const sent: { path: string; body: { revision: string; configuration: TenantConfiguration } }[] = [];
  const keep = (answer: () => unknown) => (url: URL, init?: RequestInit) => {
    sent.push({ path: url.pathname, body: JSON.parse(String(init?.body)) });
    return answer();
  };
  const fetch = fakeApi({
    [`GET ${API}/configuration`]: () => (answers.live ?? (() => LIVE))(),
    [`POST ${API}/configuration/plan`]: keep(answers.plan ?? (() => CREATE_PLAN)),
    [`POST ${API}/configuration/apply`]: keep(answers.apply ?? (() => ({ ...CREATE_PLAN, applied: true }))),
  });
  return { fetch, sent };
}

async function addOrchard() {
  fireEvent.click(await screen.findByRole('button', { name: 'Add a branch' }));
  const code = screen.getByRole('textbox', { name: 'Code (required)' });
  await waitFor(() => expect(document.activeElement).toBe(code));
  fireEvent.change(code, { target: { value: 'orchard' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Name (required)' }), { target: { value: 'Orchard Branch' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Address' }), { target: { value: '1 Orchard Lane' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a desk' }));
  const desk = screen.getByRole('textbox', { name: /^Code of desk 1/ });
  await waitFor(() => expect(document.activeElement).toBe(desk));
  fireEvent.change(desk, { target: { value: 'Circulation' } });
  fireEvent.change(screen.getByRole('textbox', { name: /^Name of desk 1/ }), { target: { value: 'Circulation Desk' } });
}

describe('the navigation in groups', () => {
  it('gives desk staff one plain group, persons in charge a follow-up group, and tenant admins an administration group', () => {
    expect(navGroupsFor(ADA.roles).map((group) => group.name)).toEqual(['desk']);
    expect(navGroupsFor(ADA.roles)[0]!.screens).toEqual(['home', 'desk', 'call-backs', 'report', 'incidents', 'bans', 'policies', 'standards', 'training', 'roster', 'schedule', 'record-complaint', 'my-name-tag']);
    expect(navGroupsFor(MANAGER.roles).map((group) => group.name)).toEqual(['desk', 'follow-up']);
    const admin = navGroupsFor(DEE.roles);
    expect(admin.map((group) => group.name)).toEqual(['desk', 'follow-up', 'administration']);
    expect(admin[2]!.screens).toEqual(['policy-editor', 'admin-branches', 'admin-hours', 'admin-closures', 'admin-positions', 'admin-settings', 'form-editor']);
    expect(admin[0]!.screens[0]).toBe('home');
  });
});

describe('the configuration draft: preview, apply, stale revision, refusals', () => {
  afterEach(cleanup);

  it('adds a branch with a desk and its hours across two screens, previews the plan, applies it and says so', async () => {
    let live = LIVE;
    const { fetch, sent } = configurationApi({
      live: () => live,
      apply: () => {
        live = { ...LIVE, revision: 'r2', branches: [...LIVE.branches, { code: 'ORCHARD', name: 'Orchard Branch' }] };
        return { ...CREATE_PLAN, applied: true };
      },
    });
    const view = show(<AdminBranchesPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Branches and desks' })).toBeTruthy();
    await addOrchard();
    expect(screen.getByText(/You have changes that are not applied yet/)).toBeTruthy();

    // The hours screen edits the same draft: the new branch is there, chosen.
    view.rerender(<AdminHoursPage />);
    expect((screen.getByRole('combobox', { name: 'Branch' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Orchard Branch');
    const monday = screen.getByRole('textbox', { name: 'Monday' });
    fireEvent.change(monday, { target: { value: '09:00-12:00, 13:00-' } });
    expect(screen.getByText('Not a time range from start to end: 13:00-. Write it as 09:00-17:00.')).toBeTruthy();
    fireEvent.change(monday, { target: { value: '09:00-12:00, 13:00-17:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }));
    expect((screen.getByRole('textbox', { name: 'Thursday' }) as HTMLInputElement).value).toBe('09:00-12:00, 13:00-17:00');

    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const plan = await screen.findByRole('region', { name: 'What applying would change' });
    expect(within(plan).getByText('riverbend/ORCHARD')).toBeTruthy();
    expect(within(plan).getByRole('row', { name: /name.*Orchard Branch/ })).toBeTruthy();
    expect(within(plan).queryByText('riverbend')).toBeNull();
    expect(within(plan).getByText('1 more part stays as it is.')).toBeTruthy();
    expect(sent[0]!.path).toBe(`${API}/configuration/plan`);
    expect(sent[0]!.body.revision).toBe('r1');
    const orchard = sent[0]!.body.configuration.branches[1]!;
    expect(orchard).toMatchObject({ code: 'ORCHARD', name: 'Orchard Branch', address: '1 Orchard Lane', headquarters: false, servicePoints: [{ code: 'circulation', name: 'Circulation Desk' }] });
    expect(orchard.openingHours).toMatchObject({ monday: ['09:00-12:00', '13:00-17:00'], friday: ['09:00-12:00', '13:00-17:00'] });
    // What the screens do not know goes back as it came: the revision is not part of the configuration.
    expect(sent[0]!.body.configuration.branches[0]!.region).toBe('north');
    expect(sent[0]!.body.configuration).not.toHaveProperty('revision');

    fireEvent.click(within(plan).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Applied: 1 change is live.', { selector: '.notice' })).toBeTruthy();
    expect(sent.map((s) => s.path)).toEqual([`${API}/configuration/plan`, `${API}/configuration/apply`]);
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(calls(fetch).filter((c) => c === `GET ${API}/configuration`)).toHaveLength(2);
    expect(view.reload).toHaveBeenCalled();
    expect(screen.getByText('No changes yet: this is the live configuration.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'What applying would change' })).toBeNull();
  });

  it('asks for a new preview when the draft changes after one', async () => {
    configurationApi({});
    show(<AdminBranchesPage />);
    await addOrchard();
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    await screen.findByRole('region', { name: 'What applying would change' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name (required)' }), { target: { value: 'Orchard Hill Branch' } });
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  it('explains a stale revision and loads the latest configuration without losing the draft', async () => {
    let live = LIVE;
    const { sent } = configurationApi({
      live: () => live,
      apply: () => {
        live = { ...LIVE, revision: 'r2', name: 'Riverbend Library System' };
        return json(409, { type: 'urn:servicepoint:problem:stale-revision', title: 'Changed meanwhile', status: 409 });
      },
    });
    show(<AdminBranchesPage />);
    await addOrchard();
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    fireEvent.click(within(await screen.findByRole('region', { name: 'What applying would change' })).getByRole('button', { name: 'Apply' }));
    const stale = await screen.findByText('Someone changed the configuration since you opened it');
    expect(stale.parentElement!.textContent).toContain('Nothing was applied');
    await waitFor(() => expect(document.activeElement).toBe(stale.parentElement));

    fireEvent.click(screen.getByRole('button', { name: 'Load the latest and keep my changes' }));
    expect(await screen.findByText(/The latest configuration is loaded and your changes are kept/, { selector: '.notice' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Orchard Branch' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    await screen.findByRole('region', { name: 'What applying would change' });
    expect(sent.map((s) => s.body.revision)).toEqual(['r1', 'r1', 'r2']);
    expect(sent[2]!.body.configuration.branches.map((b) => b.code)).toEqual(['MAIN', 'ORCHARD']);
  });

  it('shows the server’s refusals at their fields and names every one of them in words', async () => {
    configurationApi({
      plan: () =>
        json(422, {
          type: 'urn:servicepoint:problem:invalid-configuration',
          title: 'Invalid configuration',
          status: 422,
          errors: [
            { field: 'configuration.branches[1].phone', message: 'is not a phone number' },
            { field: 'branches[1].openingHours.monday[1]', message: 'periods overlap' },
          ],
        }),
    });
    const view = show(<AdminBranchesPage />);
    await addOrchard();
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)!.textContent).toBe('is not a phone number');
    expect(document.activeElement?.id).toBe(phone.id);
    const list = screen.getByText('Some changes need correcting before they can be applied:').parentElement!;
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Branch Orchard Branch › Phone: is not a phone number',
      'Branch Orchard Branch › Opening hours › Monday: periods overlap',
    ]);
    expect(screen.queryByRole('region', { name: 'What applying would change' })).toBeNull();

    // The hours screen shows its refusal at the day.
    view.rerender(<AdminHoursPage />);
    const monday = screen.getByRole('textbox', { name: 'Monday' });
    expect(monday.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(monday.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe('periods overlap');
  });

  it('shows names and addresses with markup in them as text', async () => {
    const annex = { code: 'ANNEX', name: 'Annex <img src=x onerror="alert(1)">', address: '<b>2</b> Main St', servicePoints: [{ code: 'circulation', name: 'Desk' }] };
    configurationApi({ live: () => ({ ...LIVE, branches: [...LIVE.branches, annex] }) });
    show(<AdminBranchesPage />);
    const row = (await screen.findByRole('rowheader', { name: annex.name })).closest('tr')!;
    expect(row.textContent).toContain('<b>2</b> Main St');
    expect(row.querySelector('img, b')).toBeNull();
  });

  it('says nothing is for a person in charge, and asks the server nothing', () => {
    const fetch = fakeApi({});
    show(<AdminBranchesPage />, MANAGER);
    expect(screen.getByRole('heading', { level: 1, name: 'Branches and desks' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Preview changes' })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the closures calendar, positions and settings', () => {
  const files = downloadCatcher();
  beforeEach(() => {
    files.install();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('shows a month of closures and short days in words, and adds a closure picked on the calendar', async () => {
    const { sent } = configurationApi({});
    show(<AdminClosuresPage />);
    const calendar = await screen.findByRole('table', { name: 'Closures in December 2026' });
    expect(within(calendar).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(within(calendar).getByText(/Open 09:00-12:00/).parentElement!.textContent).toBe('24Open 09:00-12:00 — Christmas Eve');
    expect(within(calendar).getByText(/Closed/).parentElement!.textContent).toBe('25Closed — Christmas Day');

    fireEvent.click(within(calendar).getByRole('button', { name: '31 Add a closure on Thursday, December 31, 2026' }));
    expect((screen.getByLabelText(/^Date/, { selector: '#admin-closure-date' }) as HTMLInputElement).value).toBe('2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Add the closure' }));
    expect(screen.getByText('Say why the branch closes, e.g. Thanksgiving Day.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason (required)' }), { target: { value: "New Year's Eve" } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Hours open that day' }), { target: { value: '09:00-12:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the closure' }));
    expect(within(calendar).getByText(/New Year's Eve/).closest('td')!.textContent).toBe("31Open 09:00-12:00 — New Year's Eve");
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('table', { name: 'Closures in January 2027' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body.configuration.branches[0]!.closures).toEqual([
      { date: '2026-12-24', reason: 'Christmas Eve', hours: ['09:00-12:00'] },
      { date: '2026-12-25', reason: 'Christmas Day' },
      { date: '2026-12-31', reason: "New Year's Eve", hours: ['09:00-12:00'] },
    ]);
  });

  it('edits what positions may do, their order and the chain-of-command rules', async () => {
    const { sent } = configurationApi({});
    show(<AdminPositionsPage />);
    const manager = await screen.findByRole('group', { name: 'What the Branch manager position may do' });
    fireEvent.click(within(manager).getByRole('checkbox', { name: 'Handle complaints' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Branch manager up' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /A substitute is in charge only/ }));
    fireEvent.change(screen.getByRole('combobox', { name: /Told when absent/ }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview changes' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const { positions, chainOfCommand } = sent[0]!.body.configuration;
    expect(positions).toEqual([
      { code: 'branch-manager', name: 'Branch manager', may: ['be-in-charge', 'handle-complaints'] },
      { code: 'page', name: 'Page', may: [] },
    ]);
    // No value is left out, as tenant.yaml leaves it out.
    expect(chainOfCommand).toEqual({ substitutesOnlyWithoutPermanentStaff: false });
  });

  it('shows every setting the configuration has, the fallback language, and downloads tenant.yaml', async () => {
    const fetch = fakeApi({
      [`GET ${API}/configuration`]: LIVE,
      [`GET ${API}/configuration/tenant.yaml`]: () =>
        new Response('slug: riverbend\n', { headers: { 'Content-Type': 'text/yaml', 'Content-Disposition': 'attachment; filename="tenant.yaml"' } }),
    });
    show(<AdminSettingsPage />);
    expect(((await screen.findByRole('spinbutton', { name: 'Idle lock (minutes)' })) as HTMLInputElement).value).toBe('5');
    expect((screen.getByRole('spinbutton', { name: 'mailDeadlineHours' }) as HTMLInputElement).value).toBe('24');
    expect((screen.getByRole('textbox', { name: 'Fallback language' }) as HTMLInputElement).value).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'Download tenant.yaml' }));
    expect(await screen.findByText('The live configuration was downloaded: tenant.yaml.', { selector: '.notice' })).toBeTruthy();
    expect(files.saved.map((file) => file.download)).toEqual(['tenant.yaml']);
    expect(calls(fetch)).toContain(`GET ${API}/configuration/tenant.yaml`);
  });

  it('shows a bookmobile’s stops on the hours screen', async () => {
    configurationApi({});
    show(<AdminHoursPage />);
    const stops = await screen.findByRole('table', { name: 'Stops of Bookmobile' });
    expect(within(stops).getAllByRole('row')[1]!.textContent).toBe('Mill Road schoolTuesday10:00-12:00');
  });
});

describe('the draft’s pure parts', () => {
  it('reads periods as typed and names the ones that are not ranges', () => {
    expect(periodsOf(' 09:00-12:00,13:00-17:00 ; ')).toEqual(['09:00-12:00', '13:00-17:00']);
    expect(badPeriods(['09:00-12:00', '12:00-09:00', '9-5', '23:00-24:00'])).toEqual(['12:00-09:00', '9-5']);
  });

  it('lays a month out Monday first', () => {
    const december = monthGrid('2026-12');
    expect(december[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(december.at(-1)).toEqual([28, 29, 30, 31, null, null, null]);
  });
});
