import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PoliciesPage } from './Policies';
import { APPROVERS, FINES, FOUND, PRIVACY } from './testData';
import type { Me } from '../../shared/api';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, MANAGER, SESSION, calls, fakeApi, invalidInput, json, onPage, recorder } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const POLICIES = `${API}/policies`;
const EXCEPTIONS = `${API}/policy-exceptions`;
const CARD = '2 1234 00567 8901';

/** Bea, a branch manager: her position may approve exceptions to the fines policy. */
const BEA: Me = { ...MANAGER, position: 'branch-manager', positionName: 'Branch manager' };


function page(item?: string, me: Me = ADA) {
  const navigate = vi.fn();
  render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate }, <PoliciesPage item={item} />));
  return navigate;
}

function form(): HTMLElement {
  return screen.getByRole('region', { name: 'Record an exception' });
}

function fieldOf(label: RegExp): HTMLElement {
  return within(form()).getByLabelText(label).closest('.field, div') as HTMLElement;
}

describe('PoliciesPage: searching', () => {
  afterEach(cleanup);

  it('searches by keyboard, marks strict and flexible in words and shows the matched words as text', async () => {
    const fetch = fakeApi({ [`GET ${POLICIES}`]: (url: URL) => (url.searchParams.get('q') ? FOUND.slice(0, 1) : FOUND) });
    const navigate = page();

    expect(screen.getByRole('heading', { level: 1, name: 'Policies' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: '2 policies' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual([
      '◇ Flexible — exceptions within limits',
      '■ Strict — no exceptions',
    ]);
    expect(rows[0]!.textContent).toContain('Fines & fees <i>overdue</i>');
    expect(rows[0]!.textContent).toContain('Please read');
    expect(rows[1]!.textContent).toContain('Read');

    const box = screen.getByRole('searchbox', { name: /^Search words/ });
    fireEvent.change(box, { target: { value: 'fine' } });
    fireEvent.submit(box.closest('form')!);
    const found = await screen.findByRole('table', { name: '1 policy matches “fine”' });
    expect(screen.getByRole('status').textContent).toBe('1 policy matches “fine”');
    const snippet = found.querySelector('.policy-snippet')!;
    expect(snippet.textContent).toBe('Overdue items fine of 10 cents <script>x()</script>');
    expect(snippet.querySelector('mark')!.textContent).toBe('fine');
    expect(found.querySelector('script, i, b')).toBeNull();

    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'circulation' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${POLICIES}?q=fine&category=circulation`));
    expect(calls(fetch)[0]).toBe(`GET ${POLICIES}`);

    const link = within(found).getByRole('link', { name: 'Fines & fees <i>overdue</i>' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(link);
    expect(link.getAttribute('href')).toBe('/t/riverbend/policies/fines-and-fees');
    fireEvent.click(link);
    expect(navigate).toHaveBeenCalledWith('policies', 'fines-and-fees');
  });

  it('searches as the staff member types, once typing pauses, and Escape clears the words', async () => {
    const fetch = fakeApi({ [`GET ${POLICIES}`]: [] });
    page();
    await screen.findByRole('table', { name: 'No policies' });
    const box = screen.getByRole('searchbox', { name: /^Search words/ }) as HTMLInputElement;
    fireEvent.change(box, { target: { value: 'fi' } });
    fireEvent.change(box, { target: { value: 'fines' } });
    await screen.findByRole('table', { name: 'No policy matches “fines”' });
    expect(calls(fetch)).toEqual([`GET ${POLICIES}`, `GET ${POLICIES}?q=fines`]);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.value).toBe('');
    await screen.findByRole('table', { name: 'No policies' });
  });
});

describe('PoliciesPage: one policy', () => {
  afterEach(cleanup);

  it('shows a strict policy’s "No exceptions" with why, and offers no exception form', async () => {
    const fetch = fakeApi({ [`GET ${POLICIES}/${PRIVACY.key}`]: PRIVACY });
    page(PRIVACY.key);
    expect(await screen.findByRole('heading', { level: 1, name: 'Patron privacy' })).toBeTruthy();
    const rule = screen.getByRole('region', { name: 'No exceptions' });
    expect(rule.textContent).toContain('State law protects library records; nobody may bend it.');
    expect(document.querySelector('.policy-marks .scale-of-yes')!.textContent).toBe('■ Strict — no exceptions');
    const record = screen.getByRole('region', { name: 'Record an exception' });
    expect(record.textContent).toContain('No exception can be recorded: this policy is strict.');
    expect(within(record).queryByRole('button')).toBeNull();
    expect(screen.getByText('You acknowledged version 1 on Nov 30, 2026, 16:05.')).toBeTruthy();
    expect(screen.getByText('library-assistant, branch-manager')).toBeTruthy();
    expect(calls(fetch)).toEqual([`GET ${POLICIES}/${PRIVACY.key}`]);
  });

  it('shows a flexible policy’s text, reason, approval, limits and approvers, and acknowledges the new version', async () => {
    const { sent, record } = recorder();
    let acknowledged = false;
    fakeApi({
      [`GET ${POLICIES}/${FINES.key}`]: () =>
        acknowledged ? { ...FINES, acknowledgement: { status: 'current', version: 2, at: '2026-12-03T15:10:00-06:00' } } : FINES,
      [`POST ${POLICIES}/${FINES.key}/acknowledgement`]: record(() => {
        acknowledged = true;
        return { version: 2, at: '2026-12-03T15:10:00-06:00' };
      }),
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
    });
    page(FINES.key);
    expect(await screen.findByRole('heading', { level: 1, name: 'Fines & fees <i>overdue</i>' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'The policy' }).textContent).toBe('The policyOverdue items cost 10 cents a day.\nLost items cost what they cost.');
    expect(screen.getByRole('region', { name: 'Why we have it' }).textContent).toContain('Fines bring items back for the next patron.');
    expect(screen.getByText('Approved by Board of Trustees on Mar 12, 2026')).toBeTruthy();
    expect(document.querySelector('.policy-facts')!.textContent).toBe(
      'ApprovalApproved by Board of Trustees on Mar 12, 2026In effect fromApr 1, 2026OwnerExecutive directorApplies toEveryone',
    );
    const rule = screen.getByRole('region', { name: 'Exceptions allowed within limits' });
    expect(rule.textContent).toContain('Waive at most <b>$10</b> once a year per card.');
    expect(rule.textContent).toContain('Who may approve an exception: Branch manager, Executive director.');
    expect(rule.querySelector('b')).toBeNull();

    const ack = screen.getByRole('region', { name: 'Have you read it?' });
    expect(ack.textContent).toContain('Version 2 replaces the version 1 you read.');
    fireEvent.click(within(ack).getByRole('button', { name: 'I have read version 2' }));
    await within(ack).findByText('You acknowledged version 2 on Dec 3, 2026, 21:10.');
    expect(screen.getAllByText('Thank you: you acknowledged version 2 on Dec 3, 2026, 21:10.')).toHaveLength(2);
    expect(sent).toEqual([{ path: `${POLICIES}/${FINES.key}/acknowledgement`, body: {} }]);
  });

  it('shows the words added and removed between two versions, in words as well as by line', async () => {
    const fetch = fakeApi({
      [`GET ${POLICIES}/${FINES.key}`]: FINES,
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
      [`GET ${POLICIES}/${FINES.key}/versions/1`]: {
        ...FINES.versions[0],
        text: 'Overdue items cost 25 cents a day.',
        reason: 'Fines bring <b>items</b> back.',
      },
      [`GET ${POLICIES}/${FINES.key}/difference`]: {
        from: 1,
        to: 2,
        fields: [
          {
            field: 'text',
            parts: [
              { change: 'same', text: 'Overdue items cost ' },
              { change: 'removed', text: '25' },
              { change: 'added', text: '10' },
              { change: 'same', text: ' cents a day.' },
            ],
          },
        ],
      },
    });
    page(FINES.key);
    const versions = await screen.findByRole('region', { name: 'Versions' });
    const rows = within(versions).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '2Fines & fees <i>overdue</i>Board of TrusteesMar 12, 2026Apr 1, 2026Shown above',
      '1FinesBoard of TrusteesJan 10, 2025Feb 1, 2025Read version 1',
    ]);
    fireEvent.click(within(versions).getByRole('button', { name: 'Read version 1' }));
    const old = await within(versions).findByRole('region', { name: 'Version 1: Fines' });
    expect(old.textContent).toBe(
      'Version 1: FinesOverdue items cost 25 cents a day.Why we have itFines bring <b>items</b> back.Approved by Board of Trustees on Jan 10, 2025 In effect from Feb 1, 2025.',
    );
    expect(old.querySelector('b')).toBeNull();
    expect((within(versions).getByLabelText('From') as HTMLSelectElement).value).toBe('1');
    expect((within(versions).getByLabelText('To') as HTMLSelectElement).value).toBe('2');
    fireEvent.click(within(versions).getByRole('button', { name: 'Show the difference' }));
    const field = await within(versions).findByRole('heading', { level: 4, name: 'The policy' });
    const text = field.nextElementSibling!;
    expect(text.textContent).toBe('Overdue items cost [removed: 25 :end of removed][added: 10 :end of added] cents a day.');
    expect(text.querySelector('del')!.textContent).toContain('25');
    expect(text.querySelector('ins')!.textContent).toContain('10');
    expect(calls(fetch)).toContain(`GET ${POLICIES}/${FINES.key}/difference?from=1&to=2`);
  });
});

describe('PoliciesPage: recording an exception', () => {
  afterEach(cleanup);

  it('asks for what is missing first, offers only approvers whose position may, and places the server’s refusals', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${POLICIES}/${FINES.key}`]: FINES,
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
      [`POST ${EXCEPTIONS}`]: record(() =>
        sent.length === 1
          ? invalidInput('2 problems', [
              { field: 'record.form.asked', message: 'must not hold markup' },
              { field: 'colour', message: 'is not a field' },
            ])
          : json(422, { title: 'Not allowed to approve', status: 422, detail: 'Only a Branch manager or an Executive director may approve it.' }),
      ),
    });
    page(FINES.key);
    await screen.findByRole('region', { name: 'Record an exception' });
    const approver = within(form()).getByLabelText(/^Approved by/) as HTMLSelectElement;
    await waitFor(() => expect(approver.options).toHaveLength(4));
    // Ada (library assistant) may not approve: she chooses among those the server offers.
    expect([...approver.options].map((o) => o.textContent)).toEqual([
      'Choose who approved it',
      'Bea (Branch manager, Pine Hollow Branch)',
      'Rosa (Branch manager, Pine Hollow Branch)',
      'Dee (Executive director, Headquarters)',
    ]);

    fireEvent.click(within(form()).getByRole('button', { name: 'Record the exception' }));
    expect(within(fieldOf(/^What the patron asked for/)).getByText('Say what the patron asked for.')).toBeTruthy();
    expect(within(fieldOf(/^What was granted/)).getByText('Say what was granted.')).toBeTruthy();
    expect(within(fieldOf(/^Approved by/)).getByText('Say who approved the exception.')).toBeTruthy();
    const told = within(form()).getByRole('checkbox', { name: /one-time exception/ });
    expect(told.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(form()).getByLabelText(/^What the patron asked for/));
    expect(sent).toEqual([]);

    fireEvent.change(within(form()).getByLabelText(/^What the patron asked for/), { target: { value: 'Waive <b>$4</b>' } });
    fireEvent.change(within(form()).getByLabelText(/^What was granted/), { target: { value: 'Waived $4 once' } });
    fireEvent.change(approver, { target: { value: 's-3' } });
    fireEvent.click(told);
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the exception' }));
    expect(await within(fieldOf(/^What the patron asked for/)).findByText('must not hold markup')).toBeTruthy();
    expect(within(form()).getByText('colour: is not a field')).toBeTruthy();

    fireEvent.click(within(form()).getByRole('button', { name: 'Record the exception' }));
    expect(await within(fieldOf(/^Approved by/)).findByText('Only a Branch manager or an Executive director may approve it.')).toBeTruthy();
    expect(approver.getAttribute('aria-invalid')).toBe('true');
    expect((within(form()).getByLabelText(/^What was granted/) as HTMLTextAreaElement).value).toBe('Waived $4 once');
    expect(sent.map((s) => s.body)).toEqual([
      { policy: FINES.key, branch: 'PINE-HOLLOW', asked: 'Waive <b>$4</b>', granted: 'Waived $4 once', toldOneTime: true, approvedBy: 's-3' },
      { policy: FINES.key, branch: 'PINE-HOLLOW', asked: 'Waive <b>$4</b>', granted: 'Waived $4 once', toldOneTime: true, approvedBy: 's-3' },
    ]);
  });

  it('records an exception the signed-in manager approves, with the card sent only to make a patron reference', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${POLICIES}/${FINES.key}`]: FINES,
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
      [`POST /api/patron-references`]: record(json(201, { id: 'p0000000-2222-4333-8444-555555555555' })),
      [`POST ${EXCEPTIONS}`]: record(
        json(201, {
          id: 'x-1',
          policy: FINES.key,
          branch: 'HQ',
          asked: 'Waive the fine',
          granted: 'Waived $4',
          approvedBy: { staffId: 's-5', tagName: 'Bea', position: 'branch-manager' },
          occurredAt: '2026-12-03T15:10:00-06:00',
          recordedBy: 'bea',
        }),
      ),
    });
    page(FINES.key, BEA);
    await screen.findByRole('region', { name: 'Record an exception' });
    const approver = within(form()).getByLabelText(/^Approved by/) as HTMLSelectElement;
    expect(approver.value).toBe('me');
    // Bea may approve herself: offered once, as "Me".
    await waitFor(() => expect(approver.options).toHaveLength(3));
    expect([...approver.options].map((o) => o.textContent)).toEqual([
      'Me (Bea, Branch manager)',
      'Rosa (Branch manager, Pine Hollow Branch)',
      'Dee (Executive director, Headquarters)',
    ]);
    fireEvent.change(within(form()).getByLabelText(/^What the patron asked for/), { target: { value: 'Waive the fine' } });
    fireEvent.change(within(form()).getByLabelText(/^What was granted/), { target: { value: 'Waived $4' } });
    fireEvent.change(within(form()).getByLabelText(/^Branch/), { target: { value: 'HQ' } });
    const card = within(form()).getByLabelText(/^Patron’s library card number/) as HTMLInputElement;
    expect(card.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(card, { target: { value: CARD } });
    fireEvent.click(within(form()).getByRole('checkbox', { name: /one-time exception/ }));
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the exception' }));

    expect(await screen.findAllByText('Exception recorded, approved by Bea on Dec 3, 2026, 21:10.')).toHaveLength(2);
    expect(sent).toEqual([
      { path: '/api/patron-references', body: { cardNumber: CARD } },
      {
        path: EXCEPTIONS,
        body: {
          policy: FINES.key,
          branch: 'HQ',
          asked: 'Waive the fine',
          granted: 'Waived $4',
          toldOneTime: true,
          patronReference: 'p0000000-2222-4333-8444-555555555555',
        },
      },
    ]);
    expect(card.value).toBe('');
    expect((within(form()).getByLabelText(/^What the patron asked for/) as HTMLTextAreaElement).value).toBe('');
    expect(within(form()).getByRole('checkbox', { name: /one-time exception/ })).toHaveProperty('checked', false);
    expect(calls(fetch).every((c) => !c.includes('8901'))).toBe(true);
    expect(document.body.textContent).not.toContain('00567');
  });

  it('shows the server’s refusal of an exception to a policy that became strict, with its reason', async () => {
    fakeApi({
      [`GET ${POLICIES}/${FINES.key}`]: FINES,
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
      [`POST ${EXCEPTIONS}`]: json(409, {
        type: 'urn:servicepoint:problem:strict-policy',
        title: 'No exceptions to a strict policy',
        status: 409,
        detail: 'State law protects library records.',
      }),
    });
    page(FINES.key, BEA);
    await screen.findByRole('region', { name: 'Record an exception' });
    fireEvent.change(within(form()).getByLabelText(/^What the patron asked for/), { target: { value: 'a' } });
    fireEvent.change(within(form()).getByLabelText(/^What was granted/), { target: { value: 'b' } });
    fireEvent.click(within(form()).getByRole('checkbox', { name: /one-time exception/ }));
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the exception' }));
    const alert = await within(form()).findByRole('alert');
    expect(alert.textContent).toContain('No exceptions to a strict policy');
    expect(alert.textContent).toContain('State law protects library records.');
    expect((within(form()).getByLabelText(/^What was granted/) as HTMLTextAreaElement).value).toBe('b');
  });
});
