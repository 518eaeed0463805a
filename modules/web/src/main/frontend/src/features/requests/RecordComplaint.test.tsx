import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordComplaintPage } from './RecordComplaint';
import { COMPLAINT, POLICIES } from './testData';
import { ADA, API, BRANCHES, SESSION, calls, fakeApi, invalidInput, onPage, recorder } from '../../shared/testing';

const branches = { data: BRANCHES, loading: false, reload: () => {} };

function page() {
  render(onPage({ session: SESSION, me: ADA, branches }, <RecordComplaintPage />));
}

function form() {
  return screen.getByRole('region', { name: 'The complaint' });
}

describe('RecordComplaintPage', () => {
  afterEach(cleanup);

  it('records a complaint citing a policy picked from the library, with the contact, and says the director was told', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${API}/policies`]: (url: URL) => (url.searchParams.get('q') ? POLICIES.slice(0, 1) : POLICIES),
      [`POST ${API}/complaints`]: record(COMPLAINT),
    });
    page();
    expect(screen.getByRole('heading', { level: 1, name: 'Record a complaint' })).toBeTruthy();
    const policy = within(form()).getByLabelText('The policy it concerns') as HTMLSelectElement;
    await waitFor(() => expect(policy.options.length).toBe(3));
    expect([...policy.options].map((option) => option.textContent)).toEqual(['No policy', 'Meeting rooms <b>booking</b> (Meeting rooms)', 'Patron privacy (Privacy)']);
    fireEvent.change(within(form()).getByLabelText('Find a policy'), { target: { value: 'room' } });
    await waitFor(() => expect(calls(fetch)).toContain(`GET ${API}/policies?q=room`));
    await waitFor(() => expect(policy.options.length).toBe(2));
    fireEvent.change(policy, { target: { value: 'meeting-rooms' } });
    fireEvent.change(within(form()).getByLabelText('How it came in (required)'), { target: { value: 'phone' } });
    fireEvent.change(within(form()).getByLabelText('What it is about (required)'), { target: { value: '  The room was double-booked  ' } });
    fireEvent.change(within(form()).getByLabelText('What the patron asked for'), { target: { value: 'A refund' } });
    fireEvent.change(within(form()).getByLabelText('Email'), { target: { value: 'pat@example.org' } });
    fireEvent.change(within(form()).getByLabelText('Language for the answer'), { target: { value: 'es' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the complaint' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(
      'Complaint C-2026-0042 recorded; the director was told at Dec 1, 2026, 19:05. Give the patron this reference.',
    ));
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      branch: 'PINE-HOLLOW',
      channel: 'phone',
      about: 'The room was double-booked',
      policy: 'meeting-rooms',
      asks: 'A refund',
      contact: { email: 'pat@example.org', language: 'es' },
    });
    expect(body.key).toMatch(/.{8,}/);
    expect((within(form()).getByLabelText('What it is about (required)') as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for what it is about before sending, and shows the server’s refusal at its field', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${API}/policies`]: POLICIES,
      [`POST ${API}/complaints`]: record(() => invalidInput('Invalid input', [{ field: 'contact.email', message: 'not an email address' }])),
    });
    page();
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the complaint' }));
    expect(await within(form()).findByText('Say what the complaint is about.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('complaint-about');
    expect(sent).toHaveLength(0);

    fireEvent.change(within(form()).getByLabelText('What it is about (required)'), { target: { value: 'Too loud' } });
    fireEvent.change(within(form()).getByLabelText('Email'), { target: { value: 'pat' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Record the complaint' }));
    expect(await within(form()).findByText('not an email address')).toBeTruthy();
    expect(within(form()).getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('status')?.textContent ?? '').toBe('');
    expect((within(form()).getByLabelText('What it is about (required)') as HTMLTextAreaElement).value).toBe('Too loud');
  });
});
