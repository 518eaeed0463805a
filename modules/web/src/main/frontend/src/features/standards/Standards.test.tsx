import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandardsPage } from './Standards';
import { groupByKind } from './standards';
import type { Me } from '../../shared/api';
import { ADA, API, SESSION, calls, fakeApi, json, onPage } from '../../shared/testing';
import { BLAST, CHANGES, GRUMPY, OWN_CHECKLIST, PRINCIPLE, STANDARDS } from './testData';

const ADMIN: Me = { ...ADA, username: 'tia', tagName: 'Tia', roles: ['staff', 'tenant-admin'] };

function page(me: Me = ADA, navigate = vi.fn()) {
  return render(onPage({ session: SESSION, me, navigate }, <StandardsPage />));
}

afterEach(cleanup);

describe('StandardsPage', () => {
  it('groups the standards by kind, each group in the library’s order, and leaves the scenarios’ answers to training', async () => {
    const fetch = fakeApi({ [`GET ${API}/standards`]: STANDARDS });
    const navigate = vi.fn();
    page(ADA, navigate);

    expect(screen.getByRole('heading', { level: 1, name: 'Service standards' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Principles' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Principles',
      'Methods',
      'Response guides',
      'Desk checklist',
    ]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      PRINCIPLE.title,
      BLAST.title,
      GRUMPY.title,
      OWN_CHECKLIST.title,
    ]);
    const contents = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(contents).getByRole('link', { name: 'Methods' }).getAttribute('href')).toBe('#standards-method');
    // The scenario's recommended answer and why stay off this screen.
    expect(document.body.textContent).not.toContain('Secret why');
    expect(screen.getByText(/1 training scenario goes with these standards/).textContent).toContain('Training');
    fireEvent.click(screen.getByRole('link', { name: 'Training' }));
    expect(navigate).toHaveBeenCalledWith('training', undefined);
    // Only tenant administrators review the catalogue.
    expect(screen.queryByRole('heading', { name: 'Catalogue changes' })).toBeNull();
    expect(calls(fetch)).toEqual([`GET ${API}/standards`]);
  });

  it('shows a method’s steps with what to say and what to avoid, as text', async () => {
    fakeApi({ [`GET ${API}/standards`]: [BLAST] });
    page();
    const method = (await screen.findByRole('heading', { level: 3, name: 'BLAST' })).closest('article')!;
    const steps = within(method).getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('method-steps'));
    expect(steps.map((step) => step.textContent)).toEqual([
      'Believe — Take the account as true for them.Say, for example“I can see why that is frustrating.”AvoidThat can\'t be right.',
      'Listen — Let them finish.AvoidInterrupting <b>them</b>.',
    ]);
    expect(method.querySelector('b')).toBeNull();
    expect(within(method).getByText('Method', { selector: '.badge' })).toBeTruthy();
  });

  it('says which entries the library reworded or wrote itself, and shows the shared original on demand', async () => {
    fakeApi({ [`GET ${API}/standards`]: [GRUMPY, OWN_CHECKLIST] });
    page();
    const guide = (await screen.findByRole('heading', { level: 3, name: GRUMPY.title })).closest('article')!;
    expect(within(guide).getByText('Reworded by your library')).toBeTruthy();
    expect(guide.textContent).toContain('Who to call: Branch manager and Director');
    expect(guide.textContent).toContain('Escalation: A difficult or abusive situation with a patron');
    expect(guide.textContent).not.toContain('The shared words');

    const toggle = within(guide).getByRole('button', { name: 'Show the shared original' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const original = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(original.textContent).toBe(
      'The shared original: Grumpy versus abusive behaviourThe shared words: rudeness is not abuse.What to doKeep your voice low.',
    );
    fireEvent.click(within(guide).getByRole('button', { name: 'Hide the shared original' }));
    expect(original.hidden).toBe(true);

    const own = screen.getByRole('heading', { level: 3, name: OWN_CHECKLIST.title }).closest('article')!;
    expect(within(own).getByText("Your library's own")).toBeTruthy();
    expect(within(own).queryByRole('button')).toBeNull();
    expect(within(own).getByText('Check')).toBeTruthy();
  });

  it('says so when the library has adopted nothing, and shows the problem when the list fails', async () => {
    fakeApi({ [`GET ${API}/standards`]: [] });
    page();
    expect(await screen.findByText('Your library has not adopted any service standards yet.')).toBeTruthy();
    cleanup();
    fakeApi({ [`GET ${API}/standards`]: json(503, { title: 'Standards unavailable', status: 503 }) });
    page();
    expect((await screen.findByRole('alert')).textContent).toContain('Standards unavailable');
  });
});

describe('StandardsPage: catalogue changes for tenant administrators', () => {
  it('shows what changed since the version reviewed and which of it the library reworded, and marks it reviewed', async () => {
    let reviewed = false;
    const fetch = fakeApi({
      [`GET ${API}/standards`]: STANDARDS,
      [`GET ${API}/standards/changes`]: () => (reviewed ? { reviewedVersion: 2, currentVersion: 2, changes: [] } : CHANGES),
      [`POST ${API}/standards/changes/review`]: () => {
        reviewed = true;
        return new Response(null, { status: 204 });
      },
    });
    page(ADMIN);

    const table = await screen.findByRole('table', { name: '2 changes since the version you reviewed' });
    expect(screen.getByText('You reviewed version 1 of the shared catalogue; it is now at version 2.')).toBeTruthy();
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'EntryKindChangeParts changedYour words',
      `${GRUMPY.title}Response guideChanged (version 1 to 2)en.points, es-US.pointsReworded by your library: read your words again`,
      'Lost childrenResponse guideAddedThe shared words',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Mark as reviewed' }));
    await screen.findByText('Nothing changed since the version you reviewed.');
    expect(screen.getByText('Marked as reviewed: version 2.', { selector: '[role=status]' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark as reviewed' })).toBeNull();
    await waitFor(() => expect(calls(fetch).filter((c) => c.includes('changes'))).toEqual([
      `GET ${API}/standards/changes`,
      `POST ${API}/standards/changes/review`,
      `GET ${API}/standards/changes`,
    ]));
  });

  it('keeps the changes on screen and says why when marking them reviewed is refused', async () => {
    fakeApi({
      [`GET ${API}/standards`]: [],
      [`GET ${API}/standards/changes`]: CHANGES,
      [`POST ${API}/standards/changes/review`]: json(403, { title: 'Forbidden', status: 403, detail: 'tenant administrators only' }),
    });
    page(ADMIN);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as reviewed' }));
    expect((await screen.findByRole('alert')).textContent).toContain('tenant administrators only');
    expect(screen.getByRole('table', { name: /2 changes/ })).toBeTruthy();
  });
});

describe('groupByKind', () => {
  it('puts kinds this app does not know last, keeping the order within each kind', () => {
    const odd = { ...PRINCIPLE, id: 'x', kind: 'poster' };
    const second = { ...PRINCIPLE, id: 'principle.two' };
    expect(groupByKind([odd, PRINCIPLE, BLAST, second]).map((g) => [g.kind, g.standards.map((s) => s.id)])).toEqual([
      ['principle', [PRINCIPLE.id, 'principle.two']],
      ['method', [BLAST.id]],
      ['poster', ['x']],
    ]);
  });
});
