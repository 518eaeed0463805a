import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BansPage } from './Bans';
import type { ComputerUseBan } from './bans';
import { IncidentsPage } from '../incidents/Incidents';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, MANAGER, SESSION, SIGNED, calls, fakeApi, invalidInput, json, onPage, recorder } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const BANS = `${API}/computer-use-bans`;
const CARD = '2 1234 00567 8901';

const BAN: ComputerUseBan = {
  id: 'b0000000-2222-4333-8444-555555555555',
  status: 'active',
  patronReferenceId: 'p0000000-2222-4333-8444-555555555555',
  incidentReportId: SIGNED.id,
  scope: 'branch',
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  startsAt: '2026-03-10T14:40:00-06:00',
  endsAt: '2026-04-10T18:30:00-05:00',
  reason: 'Wrote <b>bold</b> on the screen <script>x()</script>',
  reviewOn: '2026-03-20',
  reviewDue: true,
  createdAt: '2026-03-10T14:40:00-06:00',
  createdBy: 'bea',
  version: 3,
};

function page(me = MANAGER, incidentReportId?: string) {
  return render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate: vi.fn() }, <BansPage incidentReportId={incidentReportId} />));
}

/** The box of a field of the ban form, found by its label. */
function fieldOf(label: RegExp): HTMLElement {
  return within(screen.getByRole('region', { name: 'Ban from computers' })).getByLabelText(label).closest('.field') as HTMLElement;
}

describe('BansPage: the desk lookup', () => {
  afterEach(cleanup);

  it('tells the desk yes or no in words, clears the card and shows only its last four characters', async () => {
    const { sent, record } = recorder();
    let answers = 0;
    const fetch = fakeApi({
      [`POST ${BANS}/lookup`]: record(() =>
        answers++ === 0
          ? { banned: true, endsAt: '2026-04-10T18:30:00-05:00', scope: 'system', branch: 'PINE-HOLLOW' }
          : { banned: false, branch: 'PINE-HOLLOW' },
      ),
    });
    page(ADA);

    expect(screen.getByRole('heading', { level: 1, name: 'Computer-use bans' })).toBeTruthy();
    const card = screen.getByLabelText('Library card number') as HTMLInputElement;
    expect(card.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(card, { target: { value: CARD } });
    // Enter in the input submits its form.
    fireEvent.submit(card.closest('form')!);

    const status = screen.getAllByRole('status').find((region) => region.getAttribute('aria-live') === 'polite' && region.getAttribute('aria-atomic') === 'true')!;
    await within(status).findByText('Banned from computers at Pine Hollow Branch until Apr 10, 2026, 18:30');
    expect(status.textContent).toBe(
      'Banned from computers at Pine Hollow Branch until Apr 10, 2026, 18:30A ban at every branch of the library system.Card ending 8901',
    );
    expect(card.value).toBe('');
    expect(document.activeElement).toBe(card);
    expect(document.body.textContent).not.toContain('00567');

    fireEvent.change(card, { target: { value: '  77-4321 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    await within(status).findByText('Not banned at Pine Hollow Branch');
    expect(status.textContent).toBe('Not banned at Pine Hollow BranchCard ending 4321');
    expect(card.value).toBe('');

    // The card went in the body only, with no branch: the desk's own is the server's default.
    expect(sent).toEqual([
      { path: `${BANS}/lookup`, body: { cardNumber: CARD } },
      { path: `${BANS}/lookup`, body: { cardNumber: '  77-4321 ' } },
    ]);
    expect(calls(fetch).every((c) => !c.includes('1234') && !c.includes('4321'))).toBe(true);
    expect(window.location.href).not.toContain('4321');
    expect(Object.keys(window.localStorage)).toEqual([]);
    expect(Object.keys(window.sessionStorage)).toEqual([]);
  });

  it('shows the desk (staff only) no list and no form, and asks for no list', async () => {
    const fetch = fakeApi({ [`POST ${BANS}/lookup`]: { banned: false, branch: 'PINE-HOLLOW' } });
    page(ADA);
    const card = screen.getByLabelText('Library card number');
    fireEvent.change(card, { target: { value: '123456' } });
    fireEvent.submit(card.closest('form')!);
    await screen.findByText('Not banned at Pine Hollow Branch');

    expect(screen.queryByRole('heading', { name: 'Ban from computers' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Bans' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByLabelText('At branch')).toBeNull();
    expect(calls(fetch)).toEqual([`POST ${BANS}/lookup`]);
  });

  it('asks for a card before asking the server, and keeps the card when the server refuses it', async () => {
    const fetch = fakeApi({
      [`POST ${BANS}/lookup`]: () =>
        json(400, { title: 'Invalid input', status: 400, errors: [{ field: 'cardNumber', message: 'is not a card number' }] }),
    });
    page(ADA);
    const card = screen.getByLabelText('Library card number') as HTMLInputElement;
    fireEvent.submit(card.closest('form')!);
    expect(await screen.findByText('Scan or type the card number first.')).toBeTruthy();
    expect(calls(fetch)).toEqual([]);

    fireEvent.change(card, { target: { value: '12<b>' } });
    fireEvent.submit(card.closest('form')!);
    expect(await screen.findByText('is not a card number')).toBeTruthy();
    expect(card.getAttribute('aria-invalid')).toBe('true');
    expect(card.value).toBe('12<b>');
  });

  it('lets headquarters ask about any branch, and says so when confidentiality is not configured', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${BANS}`]: [],
      [`POST ${BANS}/lookup`]: record(() =>
        json(503, {
          type: 'urn:servicepoint:problem:confidentiality-not-configured',
          title: 'Confidentiality is not configured',
          status: 503,
          detail: 'no master key',
          requestId: 'r-503',
        }),
      ),
    });
    page(HQ);
    const card = screen.getByLabelText('Library card number') as HTMLInputElement;
    fireEvent.change(screen.getByLabelText('At branch'), { target: { value: 'PINE-HOLLOW' } });
    fireEvent.change(card, { target: { value: '998877' } });
    fireEvent.submit(card.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('Confidentiality is not configured');
    expect(screen.getByText(/until IT configures confidentiality/)).toBeTruthy();
    expect(sent).toEqual([{ path: `${BANS}/lookup`, body: { cardNumber: '998877', branch: 'PINE-HOLLOW' } }]);
  });
});

describe('BansPage: the list, banning and lifting', () => {
  afterEach(cleanup);

  it('shows the bans with the reason as text, the review due and the incident report, and filters them', async () => {
    const lifted: ComputerUseBan = {
      ...BAN,
      id: 'b1111111-2222-4333-8444-555555555555',
      status: 'lifted',
      scope: 'system',
      branch: null,
      branchName: null,
      incidentReportId: null,
      reviewOn: null,
      reviewDue: false,
      reason: 'Kicked <i>the</i> desk',
      liftedAt: '2026-03-12T09:00:00-05:00',
      liftedBy: 'dee',
      liftReason: 'Paid <u>for</u> it',
    };
    const fetch = fakeApi({ [`GET ${BANS}`]: [BAN, lifted] });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate: vi.fn() }, <BansPage />));

    const table = await screen.findByRole('table', { name: '2 bans' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Status',
      'Applies at',
      'Starts',
      'Ends',
      'Review',
      'Reason',
      'Incident report',
      'Imposed by',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toBe(
      'In force — review duePine Hollow Branch onlyMar 10, 2026, 14:40Apr 10, 2026, 18:30Mar 20, 2026' +
        'Wrote <b>bold</b> on the screen <script>x()</script>Incident reportbea',
    );
    expect(within(rows[0]!).getByRole('link', { name: 'Incident report' }).getAttribute('href')).toBe(`/t/riverbend/incidents/${SIGNED.id}`);
    expect(rows[1]!.textContent).toBe(
      'Lifted Mar 12, 2026, 09:00 by deeEvery branchMar 10, 2026, 14:40Apr 10, 2026, 18:30Kicked <i>the</i> deskLifted because: Paid <u>for</u> itbea',
    );
    expect(table.querySelector('b, i, u, script')).toBeNull();
    // Headquarters reads but does not ban or lift.
    expect(screen.queryByRole('heading', { name: 'Ban from computers' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lift…' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Review due only' }));
    fireEvent.change(screen.getByLabelText('Applies at'), { target: { value: 'PINE-HOLLOW' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${BANS}?status=active&branch=PINE-HOLLOW&reviewDue=true`));
    expect(calls(fetch)[0]).toBe(`GET ${BANS}`);
  });

  it('places the server’s refusals at their fields and keeps the input; a ban made appears in the list', async () => {
    const { sent, record } = recorder();
    let posts = 0;
    let listed: ComputerUseBan[] = [];
    const made: ComputerUseBan = {
      ...BAN,
      id: 'b2222222-2222-4333-8444-555555555555',
      incidentReportId: null,
      reason: '<b>Shouted</b> at staff & left',
      endsAt: '2026-12-31T18:30:00-06:00',
      reviewOn: null,
      reviewDue: false,
      version: 1,
    };
    const fetch = fakeApi({
      [`GET ${BANS}`]: () => listed,
      [`POST ${BANS}`]: record(() => {
        if (posts++ === 0) {
          return invalidInput('2 problems with the ban', [
            { field: 'endsAt', message: 'a ban lasts at most two years' },
            { field: 'reviewOn', message: "must be between the ban's first and last day" },
            { field: 'colour', message: 'is not a field' },
          ]);
        }
        listed = [made];
        return json(201, made, { Location: `${BANS}/${made.id}` });
      }),
    });
    page(MANAGER);
    await screen.findByRole('table', { name: '0 bans' });

    const card = screen.getByLabelText(/^Library card number/, { selector: '#ban-cardNumber' }) as HTMLInputElement;
    fireEvent.change(card, { target: { value: CARD } });
    fireEvent.change(screen.getByLabelText(/^Name to show/), { target: { value: 'Pat' } });
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: '2029-12-31T18:30' } });
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: '<b>Shouted</b> at staff & left' } });
    fireEvent.change(screen.getByLabelText(/^Review on/), { target: { value: '2030-02-01' } });
    expect(screen.getByRole('radio', { name: 'This branch (Pine Hollow Branch)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Ban from computers' }));

    expect(await within(fieldOf(/^Ends/)).findByText('a ban lasts at most two years')).toBeTruthy();
    expect(within(fieldOf(/^Review on/)).getByText("must be between the ban's first and last day")).toBeTruthy();
    expect(screen.getByLabelText(/^Ends/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Reason/).getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Ends/));
    expect(screen.getByText('colour: is not a field')).toBeTruthy();
    // Nothing lost: every input as typed.
    expect(card.value).toBe(CARD);
    expect((screen.getByLabelText(/^Name to show/) as HTMLInputElement).value).toBe('Pat');
    expect((screen.getByLabelText(/^Reason/) as HTMLTextAreaElement).value).toBe('<b>Shouted</b> at staff & left');
    expect((screen.getByLabelText(/^Review on/) as HTMLInputElement).value).toBe('2030-02-01');

    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: '2026-12-31T18:30' } });
    fireEvent.change(screen.getByLabelText(/^Review on/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ban from computers' }));

    const table = await screen.findByRole('table', { name: '1 ban' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText('<b>Shouted</b> at staff & left')).toBeTruthy();
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('In force');
    expect(screen.getAllByText('Banned from computers: card ending 8901, at Pine Hollow Branch, until Dec 31, 2026, 18:30.')).toHaveLength(2);
    expect(card.value).toBe('');
    expect(document.body.textContent).not.toContain('00567');
    expect(sent.map((s) => s.body)).toEqual([
      {
        cardNumber: CARD,
        displayName: 'Pat',
        scope: 'branch',
        branch: 'PINE-HOLLOW',
        endsAt: '2029-12-31T18:30',
        reason: '<b>Shouted</b> at staff & left',
        reviewOn: '2030-02-01',
      },
      { cardNumber: CARD, displayName: 'Pat', scope: 'branch', branch: 'PINE-HOLLOW', endsAt: '2026-12-31T18:30', reason: '<b>Shouted</b> at staff & left' },
    ]);
    expect(calls(fetch).filter((c) => c === `GET ${BANS}`)).toHaveLength(2);
  });

  it('says what is missing before asking the server, and shows a 503 without losing the form', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${BANS}`]: [],
      [`POST ${BANS}`]: record(() =>
        json(503, { title: 'Confidentiality is not configured', status: 503, detail: 'patron features are off on this server' }),
      ),
    });
    page(MANAGER);
    await screen.findByRole('table', { name: '0 bans' });
    fireEvent.click(screen.getByRole('button', { name: 'Ban from computers' }));
    expect(within(fieldOf(/^Library card number/)).getByText('Scan or type the card number.')).toBeTruthy();
    expect(within(fieldOf(/^Ends/)).getByText('Say when the ban ends.')).toBeTruthy();
    expect(within(fieldOf(/^Reason/)).getByText('Say why, in a few words.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Library card number/, { selector: '#ban-cardNumber' }), { target: { value: '55' } });
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: '2026-12-31T18:30' } });
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Threats' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Whole library system (every branch)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ban from computers' }));
    expect(await screen.findByText('Confidentiality is not configured')).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByText(/until IT configures confidentiality/)).toBeTruthy();
    expect(screen.queryByText('Say why, in a few words.')).toBeNull();
    expect((screen.getByLabelText(/^Reason/) as HTMLTextAreaElement).value).toBe('Threats');
    // A system ban names no branch.
    expect(sent.map((s) => s.body)).toEqual([{ cardNumber: '55', scope: 'system', endsAt: '2026-12-31T18:30', reason: 'Threats' }]);
  });

  it('lifts a ban with a reason and the version read', async () => {
    const { sent, record } = recorder();
    let listed = [BAN];
    fakeApi({
      [`GET ${BANS}`]: () => listed,
      [`POST ${BANS}/${BAN.id}/lift`]: record(() => {
        listed = [{ ...BAN, status: 'lifted', reviewDue: false, liftedAt: '2026-03-11T10:00:00-05:00', liftedBy: 'bea', liftReason: 'Apologised', version: 4 }];
        return listed[0];
      }),
    });
    page(MANAGER);
    const table = await screen.findByRole('table', { name: '1 ban' });
    fireEvent.click(within(table).getByRole('button', { name: 'Lift…' }));
    const box = screen.getByLabelText(/^Why the ban ends early/) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    fireEvent.click(screen.getByRole('button', { name: 'Lift the ban' }));
    expect(screen.getByText('Say why the ban ends early.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(box, { target: { value: 'Apologised' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lift the ban' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')[1]!.textContent).toMatch(/^Lifted Mar 11, 2026, 10:00 by bea/));
    expect(screen.getAllByText(/^Ban lifted: it no longer applies/)).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Lift…' })).toBeNull();
    expect(screen.queryByLabelText(/^Why the ban ends early/)).toBeNull();
    expect(sent).toEqual([{ path: `${BANS}/${BAN.id}/lift`, body: { reason: 'Apologised', version: 3 } }]);
  });

  it('says clearly when the ban changed or was lifted meanwhile (409), and reads the list again', async () => {
    let listed = [BAN];
    const fetch = fakeApi({
      [`GET ${BANS}`]: () => listed,
      [`POST ${BANS}/${BAN.id}/lift`]: () => {
        listed = [{ ...BAN, status: 'lifted', reviewDue: false, liftedAt: '2026-03-11T10:00:00-05:00', liftedBy: 'dee', liftReason: 'Done', version: 4 }];
        return json(409, { title: 'Conflict', status: 409, detail: 'the ban was lifted already' });
      },
    });
    page(MANAGER);
    const table = await screen.findByRole('table', { name: '1 ban' });
    fireEvent.click(within(table).getByRole('button', { name: 'Lift…' }));
    fireEvent.change(screen.getByLabelText(/^Why the ban ends early/), { target: { value: 'Apologised' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lift the ban' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Conflict');
    expect(alert.textContent).toContain('the ban was lifted already');
    expect(screen.getByText('The list has been read again: look at the ban as it is now.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')[1]!.textContent).toMatch(/^Lifted Mar 11, 2026, 10:00 by dee/));
    expect(calls(fetch).filter((c) => c === `GET ${BANS}`)).toHaveLength(2);
    expect((screen.getByLabelText(/^Why the ban ends early/) as HTMLTextAreaElement).value).toBe('Apologised');
  });

  it('offers Lift… only where this person in charge may lift', async () => {
    const other = { ...BAN, id: 'b3333333-2222-4333-8444-555555555555', branch: 'HQ', branchName: 'Headquarters', createdBy: 'dee' };
    const mine = { ...other, id: 'b4444444-2222-4333-8444-555555555555', createdBy: 'bea' };
    const ended = { ...BAN, id: 'b5555555-2222-4333-8444-555555555555', status: 'ended' };
    fakeApi({ [`GET ${BANS}`]: [BAN, other, mine, ended] });
    page(MANAGER);
    const rows = within(await screen.findByRole('table', { name: '4 bans' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).queryByRole('button', { name: 'Lift…' }) !== null)).toEqual([true, false, true, false]);
  });
});

describe('From an incident report to a ban', () => {
  afterEach(cleanup);

  it('offers a person in charge "Ban from computers…" on a signed report, which opens the form with the report filled in', async () => {
    const REPORT = `${API}/incident-reports/${SIGNED.id}`;
    fakeApi({
      [`GET ${REPORT}`]: SIGNED,
      [`GET ${REPORT}/verification`]: { reportId: SIGNED.id, checked: 1, intact: true },
      [`GET ${REPORT}/deliveries`]: [],
    });
    const navigate = vi.fn();
    const { unmount } = render(onPage({ session: SESSION, me: MANAGER, branches: BRANCH_LIST, navigate }, <IncidentsPage item={SIGNED.id} />));
    const link = await screen.findByRole('link', { name: 'Ban from computers…' });
    expect(link.getAttribute('href')).toBe(`/t/riverbend/bans?incident=${SIGNED.id}`);
    fireEvent.click(link);
    expect(navigate).toHaveBeenCalledWith('bans', SIGNED.id);
    unmount();

    // The desk is not offered it.
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));
    await screen.findByRole('heading', { level: 1, name: 'Accident or injury' });
    expect(screen.queryByRole('link', { name: 'Ban from computers…' })).toBeNull();
    cleanup();

    const { sent, record } = recorder();
    fakeApi({ [`GET ${API}/computer-use-bans`]: [], [`POST ${API}/computer-use-bans`]: record(json(201, BAN)) });
    page(MANAGER, SIGNED.id);
    const form = screen.getByRole('region', { name: 'Ban from computers' });
    // The form comes before the desk lookup here: it is what the person came for.
    expect(form.compareDocumentPosition(screen.getByRole('region', { name: 'Is this card banned from computers now?' }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect((within(form).getByLabelText(/^Incident report id/) as HTMLInputElement).value).toBe(SIGNED.id);
    fireEvent.change(within(form).getByLabelText(/^Library card number/), { target: { value: '4000123' } });
    fireEvent.change(within(form).getByLabelText(/^Ends/), { target: { value: '2026-12-31T18:30' } });
    fireEvent.change(within(form).getByLabelText(/^Reason/), { target: { value: 'See the report' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ban from computers' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({
      cardNumber: '4000123',
      scope: 'branch',
      branch: 'PINE-HOLLOW',
      endsAt: '2026-12-31T18:30',
      reason: 'See the report',
      incidentReportId: SIGNED.id,
    });
  });
});
