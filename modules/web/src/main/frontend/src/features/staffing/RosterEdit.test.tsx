import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RosterPage } from './Roster';
import type { ImportPreview, StaffEntry } from './planning';
import type { Branch } from '../../shared/session';
import { ADA, API, BRANCHES, MANAGER, SESSION, STAFF, calls, fakeApi, fakeClockEachTest, json, onPage, recorder } from '../../shared/testing';
import type { Loaded } from '../../shared/useLoad';

const BRANCH_LIST: Loaded<Branch[]> = { data: BRANCHES, loading: false, reload: () => {} };
const ENTRIES: StaffEntry[] = STAFF.map((person, i) => ({ ...person, version: 3 + i, username: null, email: null }));
const CSV = 'tag_name,username,position,branch,employment_type,starts_on,ends_on\r\nNia,nia,page,HQ,page,2027-01-04,\r\n';

const PREVIEW: ImportPreview = {
  acceptable: false,
  summary: { added: 1, changed: 1, unchanged: 1 },
  rows: [
    { row: 2, result: 'ADD', tagName: 'Nia', username: 'nia', branch: 'HQ', fields: [], problems: [] },
    { row: 3, result: 'CHANGE', tagName: 'José', username: 'jose', branch: 'PINE-HOLLOW', fields: ['position', 'branch'], problems: [] },
    { row: 4, result: 'UNCHANGED', tagName: 'Dee', username: 'dee', branch: 'HQ', fields: [], problems: [] },
    { row: 5, result: 'REFUSED', tagName: 'Sam', username: 'SAM!', branch: 'HQ', fields: [], problems: [{ field: 'row 5: username', message: 'is not a username' }] },
  ],
};

function page(me = MANAGER) {
  render(onPage({ session: SESSION, me, branches: BRANCH_LIST }, <RosterPage />));
  return screen.findByRole('table');
}

function chooseFile(text: string) {
  const input = screen.getByLabelText('CSV file') as HTMLInputElement;
  const file = new File([text], 'staff.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('Roster editing', () => {
  fakeClockEachTest();

  it('shows each row of a CSV with its result before anything is imported, and imports nothing while a row is refused', async () => {
    const fetch = fakeApi({ [`GET ${API}/staff`]: ENTRIES, [`POST ${API}/staff/import/preview`]: PREVIEW });
    await page();
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));

    chooseFile(CSV);

    const preview = await screen.findByRole('table', { name: 'What each row would do' });
    const rows = within(preview).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'Nia', 'Added', ''],
      ['3', 'José', 'Changed', 'position, branch'],
      ['4', 'Dee', 'Unchanged', ''],
      ['5', 'Sam', 'Refused', 'row 5: username: is not a username'],
    ]);
    expect(screen.getByText(/1 row is not acceptable/)).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(importButton);
    expect(calls(fetch)).toEqual([`GET ${API}/staff`, `POST ${API}/staff/import/preview`]);
  });

  it('imports the previewed file when every row is acceptable, then reads the roster again', async () => {
    const texts: string[] = [];
    const keep = (answer: unknown) => (_url: URL, init?: RequestInit) => {
      texts.push(`${(init?.headers as Record<string, string>)['Content-Type']}|${String(init?.body)}`);
      return answer;
    };
    const fetch = fakeApi({
      [`GET ${API}/staff`]: ENTRIES,
      [`POST ${API}/staff/import/preview`]: keep({ ...PREVIEW, acceptable: true, rows: PREVIEW.rows.slice(0, 3) }),
      [`POST ${API}/staff/import`]: keep({ added: 1, changed: 1, unchanged: 1 }),
    });
    await page();
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    chooseFile(CSV);
    await screen.findByText('Importing would add 1 person, change 1 and leave 1 as they are.');

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    await screen.findByText('Imported: 1 added, 1 changed, 1 unchanged.', { selector: '[role=status]' });
    expect(texts).toEqual([`text/csv; charset=UTF-8|${CSV}`, `text/csv; charset=UTF-8|${CSV}`]);
    await waitFor(() => expect(calls(fetch).filter((c) => c === `GET ${API}/staff`)).toHaveLength(2));
  });

  it('changes an entry with the version read, and sends "may sign in" only when the roster carries it', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${API}/staff`]: ENTRIES,
      [`PUT ${API}/staff/s-1`]: record({ ...ENTRIES[0], version: 4 }),
    });
    await page();
    fireEvent.click(screen.getByRole('button', { name: 'Change José' }));
    expect(screen.queryByLabelText('May sign in to ServicePoint')).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Work email/), { target: { value: 'jose@riverbend.example' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('The entry of José was saved.', { selector: '[role=status]' });
    expect(sent).toEqual([
      {
        path: `${API}/staff/s-1`,
        body: {
          tagName: 'José',
          position: 'library-assistant',
          branch: 'PINE-HOLLOW',
          employmentType: 'student-assistant',
          startsOn: '2024-09-01',
          email: 'jose@riverbend.example',
          version: 3,
        },
      },
    ]);
  });

  it('binds the sign-in checkbox to maySignIn when the server has it', async () => {
    const { sent, record } = recorder();
    fakeApi({
      [`GET ${API}/staff`]: ENTRIES.map((e) => ({ ...e, maySignIn: false })),
      [`POST ${API}/staff`]: record(json(201, { ...ENTRIES[0], tagName: 'Nia' })),
    });
    await page();
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.change(screen.getByLabelText(/^Tag name/), { target: { value: 'Nia' } });
    fireEvent.change(screen.getByLabelText(/^Position/), { target: { value: 'page' } });
    fireEvent.change(screen.getByLabelText(/^Work email/), { target: { value: 'nia@riverbend.example' } });
    fireEvent.click(screen.getByLabelText('May sign in to ServicePoint'));

    fireEvent.click(screen.getByRole('button', { name: 'Add to the roster' }));

    await screen.findByText('Nia was added to the roster.', { selector: '[role=status]' });
    expect(sent[0]!.body).toMatchObject({ tagName: 'Nia', position: 'page', branch: 'PINE-HOLLOW', email: 'nia@riverbend.example', maySignIn: true });
  });

  it('sets a last day, and shows the server refusal by the field', async () => {
    fakeApi({
      [`GET ${API}/staff`]: ENTRIES,
      [`POST ${API}/staff/s-1/end`]: json(400, {
        title: 'Invalid input',
        status: 400,
        detail: 'endsOn: is before the first day',
        errors: [{ field: 'endsOn', message: 'is before the first day 2024-09-01' }],
      }),
    });
    await page();
    fireEvent.click(screen.getByRole('button', { name: 'Set last day of José' }));
    fireEvent.change(within(screen.getByRole('region', { name: 'Last day of José on the roster' })).getByLabelText(/^Last day/), {
      target: { value: '2020-01-01' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Set last day' }));

    expect(await screen.findByText('is before the first day 2024-09-01')).toBeTruthy();
  });

  it('offers no roster changes to staff who do not keep it', async () => {
    fakeApi({ [`GET ${API}/staff`]: ENTRIES });
    await page(ADA);
    expect(screen.queryByRole('button', { name: 'Add a person' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change José' })).toBeNull();
  });
});
