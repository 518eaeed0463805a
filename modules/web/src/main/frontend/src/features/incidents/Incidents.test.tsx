import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IncidentsPage } from './Incidents';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, DRAFT, FORM, HQ, SESSION, SIGNED, SUMMARIES, calls, downloadCatcher, fakeApi, fakeClockEachTest, json, onPage } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const REPORTS = `${API}/incident-reports`;

describe('IncidentsPage: the list', () => {
  const { saved, install } = downloadCatcher();
  fakeClockEachTest();
  beforeEach(install);

  it('shows headquarters every branch, overdue first, with counts, filters and the CSV', async () => {
    const fetch = fakeApi({
      [`GET ${REPORTS}`]: SUMMARIES,
      [`GET ${API}/incident-forms`]: FORM,
      [`GET ${REPORTS}/counts`]: { total: 2, overdue: 1, pendingDelivery: 1, byBranch: { HQ: 1, 'PINE-HOLLOW': 1 }, byCategory: {} },
      [`GET ${REPORTS}/export.csv`]: () =>
        new Response('id,status\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="incident-reports-riverbend.csv"' } }),
    });
    const navigate = vi.fn();
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate }, <IncidentsPage />));

    const table = await screen.findByRole('table', { name: '2 reports' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.className)).toEqual(['clickable overdue', 'clickable']);
    expect(rows[0]!.textContent).toBe('Mar 9, 2026, 10:00TheftHeadquartersSubmitted — overdueHal <b>x</b>Mar 10, 2026, 00:003 failed');
    expect(rows[0]!.querySelector('b')).toBeNull();
    expect(rows[1]!.textContent).toContain('1 pending, 2 sent');
    expect(within(rows[1]!).getByRole('link').getAttribute('href')).toBe(`/t/riverbend/incidents/${DRAFT.id}`);

    const counts = await screen.findByRole('region', { name: 'At a glance' });
    expect(counts.textContent).toBe('At a glanceTotal2Overdue1Pending delivery1By branch: Headquarters1By branch: Pine Hollow Branch1');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'submitted' } });
    fireEvent.change(screen.getByLabelText('Branch'), { target: { value: 'HQ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    fireEvent.change(screen.getByLabelText('Delivery'), { target: { value: 'pending' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${REPORTS}?branch=HQ&status=submitted&from=2026-03-01&overdue=true&delivery=pending`));
    expect(calls(fetch)).toContain(`GET ${REPORTS}/counts?branch=HQ&status=submitted&from=2026-03-01&overdue=true&delivery=pending`);

    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:http://localhost:3000/1', download: 'incident-reports-riverbend.csv' }]));
    expect(calls(fetch)).toContain(`GET ${REPORTS}/export.csv?branch=HQ&status=submitted&from=2026-03-01&overdue=true&delivery=pending`);
    const csv = fetch.mock.calls.find(([input]) => String(input).includes('export.csv'));
    expect(csv?.[1]?.headers).toHaveProperty('Authorization', 'Bearer access-1');

    // A click anywhere on a row opens it, like its link.
    const now = within(screen.getByRole('table')).getAllByRole('row');
    fireEvent.click(within(now[2]!).getByText('Pine Hollow Branch'));
    expect(navigate).toHaveBeenCalledWith('incidents', DRAFT.id);
  });

  it('goes without counts, deadlines and delivery where the server has none', async () => {
    const plain = SUMMARIES.map(({ deadline: _d, overdue: _o, delivery: _v, ...rest }) => rest);
    fakeApi({
      [`GET ${REPORTS}`]: plain,
      [`GET ${API}/incident-forms`]: FORM,
      [`GET ${REPORTS}/counts`]: () => json(404, { title: 'Not Found', status: 404 }),
    });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage />));

    const table = await screen.findByRole('table', { name: '2 reports' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Occurred',
      'Category',
      'Branch',
      'Status',
      'Reporter',
    ]);
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Accident or injury');
    expect(screen.queryByRole('region', { name: 'At a glance' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the desk its own reports, without headquarters' tools", async () => {
    const fetch = fakeApi({ [`GET ${REPORTS}`]: [SUMMARIES[0]], [`GET ${API}/incident-forms`]: FORM });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage />));

    await screen.findByRole('table', { name: '1 report' });
    expect(screen.queryByLabelText('Branch')).toBeNull();
    expect(screen.queryByRole('button', { name: 'CSV' })).toBeNull();
    expect(calls(fetch).some((c) => c.includes('/counts'))).toBe(false);
  });
});

describe('IncidentsPage: one report', () => {
  const { saved, install } = downloadCatcher();
  beforeEach(install);
  afterEach(cleanup);

  const REPORT = `${REPORTS}/${SIGNED.id}`;

  it('shows answers as text, the call, the signature trail, its verification and the delivery; the PDF downloads', async () => {
    const fetch = fakeApi({
      [`GET ${REPORT}`]: SIGNED,
      [`GET ${REPORT}/verification`]: { reportId: SIGNED.id, checked: 1, intact: true, headHash: 'a'.repeat(64) },
      [`GET ${REPORT}/deliveries`]: [
        { id: 'm-1', kind: 'report', recipient: 'Bea', positionName: 'Branch manager', status: 'sent', attempts: 1, sentAt: '2026-03-10T14:31:00-06:00' },
        { id: 'm-2', kind: 'report', recipient: 'Cy', status: 'failed', attempts: 0, lastError: 'no email address' },
      ],
      [`GET ${REPORT}.pdf`]: () =>
        new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="incident-report-${SIGNED.id}.pdf"` } }),
    });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));

    expect(await screen.findByRole('heading', { level: 1, name: 'Accident or injury' })).toBeTruthy();
    expect(screen.getByText(/^Status:/).textContent).toBe('Status: Submitted — waiting for a countersignature');
    const answers = screen.getByRole('region', { name: 'Answers' });
    const description = within(answers).getByText(/^Wrote/);
    expect(description.textContent).toBe('Wrote <b>bold</b> on\na sign <script>x()</script>');
    expect(description.className).toBe('free-text');
    expect(answers.querySelector('b, script')).toBeNull();
    expect(answers.textContent).toContain('Police called?No');
    expect(answers.textContent).toContain('Second staff memberJosé');
    expect(screen.getByRole('region', { name: 'The call to headquarters' }).textContent).toContain(
      'Ada called Bea <i>HQ</i> at Mar 10, 2026, 14:20.',
    );
    const trail = screen.getByRole('table', { name: 'Signature trail' });
    expect(within(trail).getAllByRole('row')[1]!.textContent).toBe(`1ReporterAda (Library assistant)Mar 10, 2026, 14:30${'a'.repeat(64)}`);
    expect(await screen.findByText('Verified: the signature chain is intact (1 signature checked).')).toBeTruthy();
    const delivery = await screen.findByRole('region', { name: 'Delivery' });
    expect(delivery.textContent).toContain('Bea (Branch manager)Sent1sent Mar 10, 2026, 14:31');
    expect(delivery.textContent).toContain('CyFailed: no email address0');

    fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved.map((file) => file.download)).toEqual([`incident-report-${SIGNED.id}.pdf`]));
    expect(calls(fetch)).toContain(`GET ${REPORT}.pdf`);
  });

  it('says where the signature chain breaks', async () => {
    fakeApi({
      [`GET ${REPORT}`]: SIGNED,
      [`GET ${REPORT}/verification`]: {
        reportId: SIGNED.id,
        checked: 1,
        intact: false,
        firstMismatch: { seq: 1, kind: 'reporter', signer: 'ada', problem: 'CONTENT_CHANGED', explanation: 'the report was changed after signing' },
      },
      [`GET ${REPORT}/deliveries`]: () => json(404, { title: 'Not Found', status: 404 }),
    });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The signature chain does not holdSignature 1 (Reporter, ada): the report was changed after signing');
    expect(screen.queryByRole('region', { name: 'Delivery' })).toBeNull();
  });

  it('uses the report handed over after signing, and offers the reporter their draft', async () => {
    const fetch = fakeApi({ [`GET ${REPORTS}/${DRAFT.id}/verification`]: { reportId: DRAFT.id, checked: 1, intact: true } });
    const { unmount } = render(
      onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} handoff={SIGNED} />),
    );
    expect(await screen.findAllByText('Signed and submitted.')).toHaveLength(2);
    expect(calls(fetch)).not.toContain(`GET ${REPORT}`);
    unmount();

    fakeApi({ [`GET ${REPORTS}/${DRAFT.id}`]: DRAFT });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={DRAFT.id} />));
    expect((await screen.findByRole('link', { name: 'Go on with this draft' })).getAttribute('href')).toBe(`/t/riverbend/report/${DRAFT.id}`);
    expect(screen.queryByRole('button', { name: 'Download PDF' })).toBeNull();
  });

  it('lets headquarters resend failed mails, add an addendum (markup refused at the field), acknowledge and close', async () => {
    const HQ_SIGNED = { ...SIGNED, steps: undefined, actions: ['add-addendum', 'acknowledge', 'retry-deliveries'] };
    const sent: { path: string; body: unknown }[] = [];
    const record = (answer: unknown) => (url: URL, init?: RequestInit) => {
      sent.push({ path: url.pathname, body: JSON.parse(String(init?.body)) });
      return typeof answer === 'function' ? (answer as () => unknown)() : answer;
    };
    let addenda = 0;
    // Once sent again, the mail is pending, no longer failed: the trail the server answers from then on.
    let retried = false;
    const PENDING = [{ id: 'm-2', kind: 'report', recipient: 'Cy', status: 'pending', attempts: 0 }];
    const fetch = fakeApi({
      [`GET ${REPORT}`]: HQ_SIGNED,
      [`GET ${REPORT}/verification`]: { reportId: SIGNED.id, checked: 1, intact: true },
      [`GET ${REPORT}/deliveries`]: () =>
        retried ? PENDING : [{ id: 'm-2', kind: 'report', recipient: 'Cy', status: 'failed', attempts: 0, lastError: 'no email address' }],
      [`POST ${REPORT}/deliveries/retry`]: record(() => {
        retried = true;
        return PENDING;
      }),
      [`POST ${REPORT}/addenda`]: record(() =>
        addenda++ === 0
          ? json(400, { title: 'Invalid input', status: 400, detail: 'the addendum is not acceptable; nothing was saved', errors: [{ field: 'text', message: 'markup is not accepted: <b>' }] })
          : {
              ...HQ_SIGNED,
              version: 5,
              addenda: [{ seq: 1, text: 'The patron came back & said 3 < 4.', author: { username: 'hal', tagName: 'Hal' }, createdAt: '2026-03-10T16:00:00-06:00', signatureSeq: 2 }],
            },
      ),
      [`POST ${REPORT}/acknowledge`]: record({ ...HQ_SIGNED, status: 'acknowledged', version: 6, actions: ['add-addendum', 'close', 'retry-deliveries'] }),
      [`POST ${REPORT}/close`]: record({ ...HQ_SIGNED, status: 'closed', version: 7, actions: ['retry-deliveries'] }),
    });
    render(onPage({ session: SESSION, me: HQ, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));

    const steps = await screen.findByRole('region', { name: 'Next steps' });
    expect(within(steps).queryByRole('button', { name: /Countersign/ })).toBeNull();
    expect(within(steps).queryByRole('button', { name: 'Close the report' })).toBeNull();

    fireEvent.click(await within(steps).findByRole('button', { name: 'Send failed mails again (1)' }));
    expect(await screen.findAllByText('1 mail queued again.')).toHaveLength(2);
    await waitFor(() => expect(calls(fetch).filter((c) => c === `GET ${REPORT}/deliveries`)).toHaveLength(2));

    const box = within(steps).getByLabelText(/^Addendum/);
    fireEvent.change(box, { target: { value: '<b>Later</b>' } });
    fireEvent.click(within(steps).getByRole('button', { name: 'Sign and add the addendum' }));
    expect(await within(steps).findByText('markup is not accepted: <b>')).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('<b>Later</b>');
    fireEvent.change(box, { target: { value: 'The patron came back & said 3 < 4.' } });
    fireEvent.click(within(steps).getByRole('button', { name: 'Sign and add the addendum' }));
    expect(await screen.findAllByText('Addendum signed and added.')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Addenda' }).textContent).toContain('The patron came back & said 3 < 4.');
    expect((box as HTMLTextAreaElement).value).toBe('');

    fireEvent.click(within(steps).getByRole('button', { name: 'Acknowledge…' }));
    const yes = within(steps).getByRole('button', { name: 'Yes, acknowledge' });
    expect(document.activeElement).toBe(yes);
    fireEvent.click(yes);
    expect(await screen.findByText('Acknowledged', { selector: 'strong' })).toBeTruthy();
    fireEvent.click(await within(steps).findByRole('button', { name: 'Close the report' }));
    expect(await screen.findByText('Closed', { selector: 'strong' })).toBeTruthy();

    expect(sent).toEqual([
      { path: `${REPORT}/deliveries/retry`, body: {} },
      { path: `${REPORT}/addenda`, body: { text: '<b>Later</b>', version: 4 } },
      { path: `${REPORT}/addenda`, body: { text: 'The patron came back & said 3 < 4.', version: 4 } },
      { path: `${REPORT}/acknowledge`, body: { version: 5, confirm: true } },
      { path: `${REPORT}/close`, body: { version: 6 } },
    ]);
    // Closed: nothing left to do but resend, and nothing failed any more.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Next steps' })).toBeNull());
  });

  it('asks a person in charge to confirm before countersigning, and shows a refusal', async () => {
    const fetch = fakeApi({
      [`GET ${REPORT}`]: { ...SIGNED, actions: ['countersign', 'add-addendum'] },
      [`GET ${REPORT}/verification`]: { reportId: SIGNED.id, checked: 1, intact: true },
      [`GET ${REPORT}/deliveries`]: [],
      [`POST ${REPORT}/countersign`]: () =>
        json(409, { title: 'Conflict', status: 409, detail: 'incident report was changed by someone else just now; read it again' }),
    });
    render(onPage({ session: SESSION, me: { ...ADA, username: 'rosa', roles: ['staff', 'person-in-charge'] }, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));

    const steps = await screen.findByRole('region', { name: 'Next steps' });
    fireEvent.click(within(steps).getByRole('button', { name: 'Countersign…' }));
    expect(within(steps).getByRole('group').textContent).toContain('you have read this report');
    fireEvent.click(within(steps).getByRole('button', { name: 'Not now' }));
    expect(calls(fetch).some((c) => c.startsWith('POST'))).toBe(false);
    fireEvent.click(within(steps).getByRole('button', { name: 'Countersign…' }));
    fireEvent.click(within(steps).getByRole('button', { name: 'Yes, countersign' }));
    expect((await within(steps).findByRole('alert')).textContent).toContain('read it again');
    expect(screen.getByText(/^Status:/).textContent).toBe('Status: Submitted — waiting for a countersignature');
  });

  it('offers the desk nothing where the server offers nothing', async () => {
    fakeApi({
      [`GET ${REPORT}`]: { ...SIGNED, actions: [] },
      [`GET ${REPORT}/verification`]: { reportId: SIGNED.id, checked: 1, intact: true },
      [`GET ${REPORT}/deliveries`]: [{ id: 'm-2', kind: 'report', recipient: 'Cy', status: 'failed', attempts: 0 }],
    });
    render(onPage({ session: SESSION, me: ADA, branches: BRANCH_LIST, navigate: vi.fn() }, <IncidentsPage item={SIGNED.id} />));
    await screen.findByRole('region', { name: 'Delivery' });
    expect(screen.queryByRole('region', { name: 'Next steps' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Send failed mails/ })).toBeNull();
  });
});
