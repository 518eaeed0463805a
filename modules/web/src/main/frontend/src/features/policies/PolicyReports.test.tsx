import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyAcknowledgementsPage } from './Acknowledgements';
import { PolicyReportPage } from './ConsistencyReport';
import { PolicyEditorPage } from './PolicyEditor';
import { monthsBefore, todayIn } from './policies';
import { FINES, FOUND, OUTSTANDING, REPORT } from './testData';
import type { Me } from '../../shared/api';
import { screensFor } from '../../shared/place';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, calls, fakeApi, invalidInput, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';
import type { ReactElement } from 'react';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const ADMIN: Me = { ...HQ, username: 'dee', tagName: 'Dee', roles: ['staff', 'headquarters', 'tenant-admin'] };

function show(element: ReactElement, me: Me) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate }, element));
  return navigate;
}

describe('the policy screens in the navigation', () => {
  it('offers the desk the policies, persons in charge the acknowledgements, headquarters the report, admins the editor', () => {
    const policyScreens = (roles: string[]) => screensFor(roles).filter((screen) => screen.startsWith('polic'));
    expect(policyScreens(ADA.roles)).toEqual(['policies']);
    expect(policyScreens(MANAGER.roles)).toEqual(['policies', 'policy-acknowledgements']);
    expect(policyScreens(HQ.roles)).toEqual(['policies', 'policy-report', 'policy-acknowledgements']);
    expect(policyScreens(ADMIN.roles)).toEqual(['policies', 'policy-report', 'policy-acknowledgements', 'policy-editor']);
    expect(screensFor(ADA.roles)).toEqual(['home', 'desk', 'call-backs', 'report', 'incidents', 'bans', 'policies', 'standards', 'training', 'roster', 'schedule', 'record-complaint', 'my-name-tag']);
  });
});

describe('PolicyReportPage', () => {
  afterEach(cleanup);

  it('shows exceptions per policy by month, per branch and per staff member, with the flags and candidates in words', async () => {
    const fetch = fakeApi({ [`GET ${API}/policy-exceptions/consistency`]: REPORT });
    show(<PolicyReportPage />, HQ);
    expect(screen.getByRole('heading', { level: 1, name: 'Policy exceptions report' })).toBeTruthy();
    const perPolicy = await screen.findByRole('table', { name: 'Exceptions per policy' });
    expect(within(perPolicy).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Policy',
      'Nov 2026',
      'Dec 2026',
      'Total',
      'Candidate for change',
    ]);
    expect(within(perPolicy).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Fines & fees459Candidate for change',
      'Meeting rooms011',
    ]);
    const perBranch = screen.getByRole('table', { name: 'Exceptions per branch' });
    expect(within(perBranch).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'BranchTotalCompared with the median (2)',
      'Pine Hollow Branch8Far above the median',
      'Headquarters2Near the median',
    ]);
    const perStaff = screen.getByRole('table', { name: 'Exceptions per staff member' });
    expect(within(perStaff).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'JoséPine Hollow Branch7Far above the median',
      'RosaHeadquarters0Far below the median',
    ]);
    expect(screen.getByText('From Jul 1, 2026 to Dec 3, 2026. Median per branch: 2; per staff member: 1.')).toBeTruthy();

    const today = todayIn(undefined);
    expect(calls(fetch)).toEqual([`GET ${API}/policy-exceptions/consistency?from=${monthsBefore(today, 5)}&to=${today}`]);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-06-30' } });
    // Nothing is asked until the range is shown.
    expect(calls(fetch)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/policy-exceptions/consistency?from=2026-01-01&to=2026-06-30`));
  });

  it('says so when no exception is on record between the dates', async () => {
    fakeApi({ [`GET ${API}/policy-exceptions/consistency`]: { ...REPORT, policies: [], branches: [], staff: [], medians: { branch: 0, staff: 0 } } });
    show(<PolicyReportPage />, HQ);
    expect(await screen.findByText('No exceptions on record between these dates.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Exceptions per policy' })).getAllByRole('row')).toHaveLength(1);
  });

  it('tells the desk the report is not part of its role, and asks for nothing', () => {
    const fetch = fakeApi({});
    show(<PolicyReportPage />, ADA);
    expect(screen.getByText(/not part of your role/)).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });
});

describe('PolicyAcknowledgementsPage', () => {
  afterEach(cleanup);

  it('lists who has not acknowledged each policy, and headquarters chooses the branch', async () => {
    const fetch = fakeApi({ [`GET ${API}/policy-acknowledgements`]: OUTSTANDING });
    show(<PolicyAcknowledgementsPage />, HQ);
    const table = await screen.findByRole('table', { name: '2 policies' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Fines & fees23José (Library assistant, Pine Hollow Branch)',
      'Patron privacy15Everyone has acknowledged it',
    ]);
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'PINE-HOLLOW' } });
    await waitFor(() => expect(calls(fetch)).toEqual([`GET ${API}/policy-acknowledgements`, `GET ${API}/policy-acknowledgements?branch=PINE-HOLLOW`]));
  });

  it('shows a person in charge their own branch, with no branch to choose', async () => {
    const fetch = fakeApi({ [`GET ${API}/policy-acknowledgements`]: OUTSTANDING.slice(0, 1) });
    show(<PolicyAcknowledgementsPage />, MANAGER);
    await screen.findByRole('table', { name: '1 policy' });
    expect(screen.getByText(/Who at Pine Hollow Branch has not yet acknowledged/)).toBeTruthy();
    expect(screen.queryByLabelText('Branch')).toBeNull();
    expect(calls(fetch)).toEqual([`GET ${API}/policy-acknowledgements`]);
  });
});

describe('PolicyEditorPage', () => {
  afterEach(cleanup);

  it('plans a changed policy field by field, places refusals, and applies only the fields planned', async () => {
    const sent: { method: string; body: unknown }[] = [];
    let plans = 0;
    const keep = (answer: () => unknown) => (_url: URL, init?: RequestInit) => {
      sent.push({ method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)) });
      return answer();
    };
    fakeApi({
      [`GET ${API}/policies`]: FOUND,
      [`GET ${API}/policies/${FINES.key}`]: FINES,
      [`POST ${API}/policies/${FINES.key}/plan`]: keep(() =>
        plans++ === 0
          ? invalidInput('2 problems', [
              { field: 'owner', message: 'is not a position of this library system' },
              { field: 'approval.on', message: 'is not a day of the calendar' },
            ])
          : {
              applied: false,
              changes: [
                {
                  kind: 'policy',
                  key: `riverbend/${FINES.key}`,
                  action: 'UPDATE',
                  fields: [{ field: 'reason', before: 'Fines bring items back for the next patron.', after: 'Fines bring <b>items</b> back.' }],
                },
              ],
            },
      ),
      [`PUT ${API}/policies/${FINES.key}`]: keep(() => ({ ...FINES, current: { ...FINES.current, version: 3 } })),
    });
    show(<PolicyEditorPage item={FINES.key} />, ADMIN);
    const reason = (await screen.findByLabelText(/^Why we have it/)) as HTMLTextAreaElement;
    expect(reason.value).toBe('Fines bring items back for the next patron.');
    expect((screen.getByLabelText(/^Short name/) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText(/^Positions that may approve/) as HTMLInputElement).value).toBe('branch-manager, executive-director');
    expect(screen.getByRole('radio', { name: /^Flexible/ })).toHaveProperty('checked', true);
    expect(screen.queryByLabelText(/^Why no exceptions/)).toBeNull();

    fireEvent.change(reason, { target: { value: 'Fines bring <b>items</b> back.' } });
    fireEvent.change(screen.getByLabelText(/^Owner/), { target: { value: 'boss' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show what would change' }));
    const owner = screen.getByLabelText(/^Owner/);
    await waitFor(() => expect(owner.getAttribute('aria-invalid')).toBe('true'));
    expect(owner.closest('.field')!.textContent).toContain('is not a position of this library system');
    expect(document.activeElement).toBe(owner);
    expect(screen.getByLabelText(/^Approved on/).closest('.field')!.textContent).toContain('is not a day of the calendar');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();

    fireEvent.change(owner, { target: { value: 'executive-director' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show what would change' }));
    const plan = await screen.findByRole('region', { name: 'What applying would change' });
    expect(within(plan).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'FieldNowAfter applying',
      'Why we have itFines bring items back for the next patron.Fines bring <b>items</b> back.',
    ]);
    expect(plan.textContent).toContain('Changes');
    expect(plan.querySelector('td b')).toBeNull();

    // A change after the plan needs a new plan before applying.
    fireEvent.change(screen.getByLabelText(/^Approved by/), { target: { value: 'The Board' } });
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Approved by/), { target: { value: 'Board of Trustees' } });
    const again = screen.getByRole('region', { name: 'What applying would change' });
    fireEvent.click(within(again).getByRole('button', { name: 'Apply' }));
    expect(await screen.findAllByText('Applied: “Fines & fees <i>overdue</i>” is now at version 3.')).toHaveLength(2);

    const planned = {
      key: FINES.key,
      category: 'circulation',
      strictness: 'flexible',
      owner: 'executive-director',
      appliesTo: [],
      title: FINES.current.title,
      text: FINES.current.text,
      reason: 'Fines bring <b>items</b> back.',
      approval: { by: 'Board of Trustees', on: '2026-03-12' },
      effectiveOn: '2026-04-01',
      exceptionLimits: FINES.exceptionLimits,
      exceptionsBy: ['branch-manager', 'executive-director'],
    };
    expect(sent).toEqual([
      { method: 'POST', body: { ...planned, owner: 'boss' } },
      { method: 'POST', body: planned },
      { method: 'PUT', body: planned },
    ]);
  });

  it('starts a new strict policy empty and asks why no exceptions instead of the limits', async () => {
    fakeApi({ [`GET ${API}/policies`]: FOUND });
    const navigate = show(<PolicyEditorPage />, ADMIN);
    const choose = screen.getByLabelText('Policy to edit') as HTMLSelectElement;
    await waitFor(() => expect(choose.options).toHaveLength(3));
    expect((screen.getByLabelText(/^Short name/) as HTMLInputElement).readOnly).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: /^Strict/ }));
    expect(screen.getByLabelText(/^Why no exceptions/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Limits of an exception/)).toBeNull();
    fireEvent.change(choose, { target: { value: FINES.key } });
    expect(navigate).toHaveBeenCalledWith('policy-editor', FINES.key);
  });

  it('is for tenant administrators only', () => {
    const fetch = fakeApi({});
    show(<PolicyEditorPage />, HQ);
    expect(screen.getByText(/not part of your role/)).toBeTruthy();
    expect(calls(fetch)).toEqual([]);
  });
});
