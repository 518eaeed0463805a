import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormEditorPage } from './FormEditor';
import { keyOf, placeProblems } from './formEditor';
import type { Me } from '../../shared/api';
import { screensFor } from '../../shared/place';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, HQ, SESSION, calls, fakeApi, invalidInput, onPage, recorder } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const ADMIN: Me = { ...HQ, username: 'dee', tagName: 'Dee', roles: ['staff', 'headquarters', 'tenant-admin'] };

const EDITING = {
  current: {
    version: 3,
    hash: 'abc',
    source: 'api',
    definition: {
      title: 'Riverbend incident report',
      guidance: ['Phone headquarters first.'],
      fields: [{ key: 'location', label: 'Where in the library', type: 'text', required: true, maxLength: 200 }],
      categories: [
        { code: 'theft', title: 'Theft', guidance: ['Never chase anyone.'], fields: [], recipients: ['business-manager'], verbalReportToHeadquarters: true },
        { code: 'other', title: 'Other', guidance: [], fields: [], verbalReportToHeadquarters: false },
      ],
      deliveryDeadline: { daysAfterIncident: 0, time: '18:00' },
    },
  },
  positions: [
    { code: 'business-manager', name: 'Business manager', receivesReports: true },
    { code: 'library-assistant', name: 'Library assistant', receivesReports: false },
  ],
};

const PLAN = {
  currentVersion: 3,
  nextVersion: 4,
  change: {
    kind: 'incident-form',
    key: 'riverbend/incident-form',
    action: 'UPDATE',
    fields: [
      { field: 'version', before: '3', after: '4' },
      { field: 'fields.floor', before: null, after: 'Floor (text)' },
    ],
  },
  definition: EDITING.current.definition,
  recipients: { theft: ['business-manager'], other: ['business-manager'] },
};

function show(me: Me) {
  render(onPage({ session: SESSION, me, branches: BRANCH_LIST, navigate: vi.fn() }, <FormEditorPage />));
}

describe('the form editor in the navigation', () => {
  it('is offered to tenant administrators only', () => {
    expect(screensFor(ADMIN.roles)).toContain('form-editor');
    expect(screensFor(HQ.roles)).not.toContain('form-editor');
    expect(screensFor(ADA.roles)).not.toContain('form-editor');
  });
});

describe('FormEditorPage', () => {
  afterEach(cleanup);

  it('adds a question that the preview shows at once, checks the changes and publishes them only after confirming', async () => {
    const { sent, record } = recorder();
    const fetch = fakeApi({
      [`GET ${API}/incident-forms/editing`]: EDITING,
      [`POST ${API}/incident-forms/plan`]: record(PLAN),
      [`POST ${API}/incident-forms`]: record({ changed: true, current: { version: 4 } }),
    });
    show(ADMIN);
    const common = await screen.findByRole('region', { name: 'Questions in every report' });
    fireEvent.click(within(common).getByRole('button', { name: 'Add a question' }));
    const label = within(common).getAllByRole('textbox', { name: /^Question/ }).at(-1)!;
    fireEvent.change(label, { target: { value: 'Which floor' } });
    expect(within(common).getAllByRole('textbox', { name: /^Key/ }).at(-1)).toHaveProperty('value', 'whichFloor');
    const preview = screen.getByRole('group', { name: 'The report form for desk staff' });
    expect(within(preview).getByRole('textbox', { name: 'Which floor' })).toBeTruthy();
    expect(within(preview).getByText('Never chase anyone.')).toBeTruthy();
    expect(within(preview).getByText('Sent when signed to: Business manager.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Check the changes' }));
    const plan = await screen.findByRole('region', { name: 'What publishing would change' });
    expect(within(plan).getByText('Publishing makes version 4; version 3 stays for the reports started on it.')).toBeTruthy();
    expect(within(plan).getByText('fields.floor')).toBeTruthy();
    const planned = sent[0]!.body as { fields: { key: string; label: string; required: boolean }[]; deliveryDeadline: unknown };
    expect(planned.fields.at(-1)).toEqual({ key: 'whichFloor', label: 'Which floor', type: 'text', required: false });
    // What the editor does not change is sent back as it was.
    expect(planned.deliveryDeadline).toEqual({ daysAfterIncident: 0, time: '18:00' });

    fireEvent.click(within(plan).getByRole('button', { name: 'Publish version 4' }));
    expect(calls(fetch).filter((call) => call.startsWith('POST') && !call.includes('plan'))).toEqual([]);
    fireEvent.click(within(plan).getByRole('button', { name: 'Yes, publish version 4' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Version 4 of the incident form is published. New reports use it.'));
    expect(calls(fetch)).toContain(`POST ${API}/incident-forms?basedOn=3`);
  });

  it('shows each of the server’s problems at its field, in the category it belongs to', async () => {
    fakeApi({
      [`GET ${API}/incident-forms/editing`]: EDITING,
      [`POST ${API}/incident-forms/plan`]: invalidInput('1 problem', [{ field: 'categories[1].title', message: 'must not be only spaces' }]),
    });
    show(ADMIN);
    await screen.findByRole('region', { name: 'Questions in every report' });
    fireEvent.click(screen.getByRole('button', { name: 'Check the changes' }));
    const title = await screen.findByRole('textbox', { name: /Title of the category/ });
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must not be only spaces')).toBeTruthy();
    expect(title).toHaveProperty('value', 'Other');
  });

  it('is not offered to desk staff, and asks the server nothing for them', () => {
    const fetch = fakeApi({});
    show(ADA);
    expect(screen.getByText(/not part of your role/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the editor model', () => {
  it('makes a key from a label and puts each refusal at the nearest control', () => {
    expect(keyOf('Which floor?')).toBe('whichFloor');
    expect(keyOf('2nd witness')).toBe('ndWitness');
    const known = new Set(['fields[0].choices', 'categories[0].recipients']);
    expect(
      placeProblems(
        [
          { field: 'fields[0].choices[2]', message: 'blank' },
          { field: 'categories[0].recipients[1]', message: 'unknown' },
          { field: 'deliveryDeadline.time', message: 'bad' },
        ],
        known,
      ),
    ).toEqual({ byPath: { 'fields[0].choices': ['blank'], 'categories[0].recipients': ['unknown'] }, other: ['deliveryDeadline.time: bad'] });
  });
});
