/**
 * Every text a screen shows comes from a catalogue: each page is rendered in the pseudo-locale, where every
 * catalogue message and every formatted date is marked; what is left once the marked parts and the API's own
 * data are taken away must hold no letters. A text typed into a component instead of the catalogue fails here.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Me, type SignInConfig } from '../api';
import type { ComputerUseBan } from '../../features/bans/bans';
import type { Delivery, IncidentReport } from '../../features/incidents/incidents';
import { titleOfCode } from '../../features/incidents/incidentForm';
import { CHANGES, COMPLETION, STANDARDS, TOPICS, TRAINING } from '../../features/standards/testData';
import { Shell } from '../../Shell';
import {
  ADA,
  API,
  BRANCHES,
  DRAFT,
  ESCALATED,
  FORM,
  HQ,
  IN_CHARGE,
  NOTICES,
  SESSION,
  SIGNED,
  SITUATIONS,
  STAFF,
  SUMMARIES,
  WEEK,
  fakeApi,
} from '../testing';
import { Leaving, Locked, NoTenant, ServiceDown, SignIn, Starting, Unavailable, UnknownTenant } from '../views';
import { I18nProvider, makeI18n, PSEUDO, PSEUDO_CLOSE, PSEUDO_OPEN } from './i18n';
import { snippetParts } from '../../features/policies/policies';
import { APPROVERS, FINES, FOUND, OUTSTANDING, PRIVACY, REPORT } from '../../features/policies/testData';
import * as REQUESTS from '../../features/requests/testData';
import { CREATE_PLAN as ADMIN_PLAN, LIVE as ADMIN_LIVE } from '../../features/admin/testData';

// A search snippet is shown in parts, the matched words marked: each part is the server's data too.
const POLICY_DATA = [APPROVERS, FINES, FOUND, OUTSTANDING, PRIVACY, REPORT, FOUND.map((p) => snippetParts(p.snippet ?? '').map((part) => part.text))];

const CONFIG: SignInConfig = {
  tenant: { slug: 'riverbend', name: 'Riverbend Regional Library System' },
  authority: 'http://localhost:8180/realms/riverbend',
  clientId: 'servicepoint-web',
  idleLockSeconds: 300,
  locale: 'en-US',
  timeZone: 'America/Chicago',
};

/** Sees every screen and every button: a person in charge at headquarters. */
const BOSS: Me = { ...HQ, roles: ['staff', 'person-in-charge', 'headquarters'] };

const BAN: ComputerUseBan = {
  id: 'b0000000-2222-4333-8444-555555555555',
  status: 'lifted',
  patronReferenceId: 'p0000000-2222-4333-8444-555555555555',
  incidentReportId: SIGNED.id,
  scope: 'branch',
  branch: 'HQ',
  branchName: 'Headquarters',
  startsAt: '2026-03-10T14:40:00-06:00',
  endsAt: '2026-04-10T18:30:00-05:00',
  reason: 'Kicked the desk',
  reviewOn: '2026-03-20',
  reviewDue: true,
  liftedAt: '2026-03-12T09:00:00-05:00',
  liftedBy: 'dee',
  liftReason: 'Paid for it',
  createdAt: '2026-03-10T14:40:00-06:00',
  createdBy: 'bea',
  version: 3,
};

const ACTIVE_BAN: ComputerUseBan = { ...BAN, id: 'b1111111-2222-4333-8444-555555555555', status: 'active', scope: 'system', liftedAt: null, liftedBy: null, liftReason: null };

const DETAIL: IncidentReport = {
  ...SIGNED,
  actions: ['countersign', 'acknowledge', 'close', 'add-addendum', 'retry-deliveries'],
  addenda: [{ seq: 2, text: 'Later fact', author: { username: 'bea', tagName: 'Bea' }, createdAt: '2026-03-11T09:00:00-06:00' }],
} as IncidentReport;

const DELIVERIES: Delivery[] = [
  { id: 'd-1', kind: 'report', recipient: 'Hal', positionName: 'Director', status: 'failed', attempts: 3, lastError: 'mailbox full', nextAttemptAt: '2026-03-10T15:00:00-06:00' },
  { id: 'd-2', kind: 'overdue-notice', position: 'director', status: 'sent', attempts: 1, sentAt: '2026-03-10T15:00:00-06:00' },
] as Delivery[];

const REPORTS = `${API}/incident-reports`;

/** Every string the fake API answers with: the server's data, which no catalogue holds. */
function dataStrings(...values: unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      found.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(walk);
    }
  };
  values.forEach(walk);
  // Longest first, so a name is taken away whole before any part of it; single letters would hide too much.
  return [...found].filter((s) => s.length > 2).sort((a, b) => b.length - a.length);
}

const SERVER_PROBLEM = new ApiError({ status: 503, title: 'Service unavailable', requestId: 'req-1' });

// A category the form gives no title is named from its code: that is the server's data too.
const CODE_TITLES = (FORM.definition.categories ?? []).map((c) => titleOfCode(c.code));

const DATA = dataStrings(SERVER_PROBLEM, CODE_TITLES, CONFIG, BOSS, ADA, BRANCHES, IN_CHARGE, SITUATIONS, NOTICES, STAFF, WEEK, FORM, SUMMARIES, DETAIL, DRAFT, BAN, DELIVERIES, ESCALATED, STANDARDS, TOPICS, TRAINING, COMPLETION, CHANGES, POLICY_DATA, Object.values(REQUESTS));

/** What the page says that is neither marked as from a catalogue nor the API's data (`extra`: a test's own data). */
function untranslated(extra: readonly string[] = []): string[] {
  const data = extra.length > 0 ? [...extra, ...DATA].sort((a, b) => b.length - a.length) : DATA;
  const texts: string[] = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = node.getAttribute(attribute);
      if (value) texts.push(value);
    }
  }
  texts.push(document.body.textContent ?? '');
  const marked = new RegExp(`\\${PSEUDO_OPEN}[^\\${PSEUDO_OPEN}\\${PSEUDO_CLOSE}]*\\${PSEUDO_CLOSE}`, 'g');
  return texts
    .map((text) => {
      let rest = text;
      for (;;) {
        const next = rest.replace(marked, ' ');
        if (next === rest) break;
        rest = next;
      }
      for (const known of data) {
        rest = rest.split(known).join(' ');
      }
      return rest.replace(/\s+/g, ' ').trim();
    })
    .filter((rest) => /\p{L}/u.test(rest));
}

function pseudo(element: ReactElement) {
  return render(<I18nProvider i18n={makeI18n(PSEUDO, CONFIG.timeZone)}>{element}</I18nProvider>);
}

function api(extra: Record<string, unknown> = {}) {
  return fakeApi({
    [`GET ${API}/branches`]: BRANCHES,
    [`GET ${API}/duty/in-charge`]: IN_CHARGE,
    [`GET ${API}/duty/situations`]: SITUATIONS,
    [`GET ${API}/duty/notices`]: NOTICES,
    [`POST ${API}/escalations`]: ESCALATED,
    [`GET ${API}/staff`]: STAFF,
    [`GET ${API}/schedule`]: WEEK,
    [`GET ${API}/coverage`]: WEEK.gaps,
    [`GET ${API}/incident-forms`]: FORM,
    [`GET ${REPORTS}`]: SUMMARIES,
    [`GET ${REPORTS}/counts`]: { total: 2, overdue: 1, pendingDelivery: 1, byBranch: { HQ: 1 }, byCategory: { 'accident-injury': 1 } },
    [`GET ${REPORTS}/${SIGNED.id}`]: DETAIL,
    [`GET ${REPORTS}/${SIGNED.id}/verification`]: { intact: false, checked: 1, firstMismatch: { seq: 1, kind: 'reporter', signer: 'Ada', problem: 'hash' } },
    [`GET ${REPORTS}/${SIGNED.id}/deliveries`]: DELIVERIES,
    [`GET ${API}/computer-use-bans`]: [ACTIVE_BAN, BAN],
    [`POST ${API}/computer-use-bans/lookup`]: { banned: true, scope: 'system', branch: 'HQ', endsAt: '2026-04-10T18:30:00-05:00' },
    [`GET ${API}/call-backs`]: [],
    ...extra,
  });
}

function shellAt(path: string, me: Me = BOSS) {
  window.history.replaceState(null, '', path);
  return pseudo(<Shell config={CONFIG} me={me} session={SESSION} onSignOut={() => {}} />);
}

async function settled(selector: string) {
  await waitFor(() => expect(document.querySelector(selector)).not.toBeNull());
  await act(async () => {});
}

/** The shell at `path`, once every one of `ready` is on screen. */
async function settledAt(path: string, ready: readonly string[], me: Me = BOSS) {
  shellAt(path, me);
  for (const selector of ready) {
    await settled(selector);
  }
}

describe('the pseudo-locale check', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  it('finds a text typed into a component', () => {
    pseudo(<p>Typed, not translated</p>);
    expect(untranslated()).toEqual(['Typed, not translated']);
  });

  it('passes the screens before sign-in and after the lock', () => {
    const problem = SERVER_PROBLEM;
    const screens = [
      <Starting key="1" />,
      <NoTenant key="2" />,
      <UnknownTenant key="3" slug="nowhere" />,
      <Unavailable key="4" problem={ApiError.of(0, 'problem.unreachable', { id: 'problem.unreachable.detail' })} />,
      <SignIn key="5" config={CONFIG} notice="signIn.ended" problem={ApiError.of(0, 'problem.signInStart')} onSignIn={() => {}} />,
      <Leaving key="6" message="signOut.leaving" />,
      <Locked key="7" config={CONFIG} onSignIn={() => {}} />,
      <ServiceDown key="8" problem={problem} onRetry={() => {}} onSignOut={() => {}} />,
    ];
    for (const element of screens) {
      pseudo(element);
      expect(untranslated()).toEqual([]);
      cleanup();
    }
  });

  it('passes the home screen, an escalation and the notices', async () => {
    api();
    await settledAt('/t/riverbend/', ['.in-charge-now']);
    fireEvent.click(screen.getByRole('button', { name: /Escalate/, expanded: false }));
    await settled('.situations');
    fireEvent.click(screen.getAllByRole('button', { name: SITUATIONS[0]!.title })[0]!);
    await settled('.result-box');
    fireEvent.click(document.querySelector<HTMLButtonElement>('.notices-button')!);
    await settled('.notice-list');
    expect(untranslated()).toEqual([]);
  });

  it('passes the roster and the schedule', async () => {
    api();
    await settledAt('/t/riverbend/roster', ['.data-table tbody tr']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt('/t/riverbend/schedule', ['.desk-grid', '.branch-coverage']);
    expect(untranslated()).toEqual([]);
  });

  it('passes the incident list and a report with its next steps', async () => {
    api();
    await settledAt('/t/riverbend/incidents', ['.incident-table tbody tr', '.count-list']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt(`/t/riverbend/incidents/${SIGNED.id}`, ['.verification', '.report-actions', '#detail-deliveries']);
    fireEvent.click(screen.getByRole('button', { name: /Countersign/ }));
    expect(untranslated()).toEqual([]);
  });

  it('passes starting a report and a draft with the call to headquarters', async () => {
    api({ [`GET ${REPORTS}/${DRAFT.id}`]: DRAFT });
    await settledAt('/t/riverbend/report', ['.start-report'], ADA);
    fireEvent.click(document.querySelector<HTMLInputElement>('input[value="accident-injury"]')!);
    await settled('.guidance');
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt(`/t/riverbend/report/${DRAFT.id}`, ['.call-step'], ADA);
    fireEvent.click(screen.getByRole('button', { name: /Sign and submit/ }));
    expect(untranslated()).toEqual([]);
  });

  it('passes the bans: the desk lookup, the form, the list and lifting', async () => {
    api();
    await settledAt('/t/riverbend/bans', ['.ban-table tbody tr']);
    fireEvent.change(document.querySelector('#ban-lookup-card')!, { target: { value: '1234 5678' } });
    fireEvent.submit(document.querySelector('.lookup-form')!);
    await settled('.lookup-answer');
    fireEvent.submit(document.querySelector('.ban-form form')!);
    await settled('.ban-form .field-errors');
    fireEvent.click(screen.getAllByRole('button', { name: /Lift/ })[0]!);
    await settled('.lift-box');
    expect(untranslated()).toEqual([]);
  });

  it('passes the policies: search, a policy with its exception form and difference, the report, acknowledgements, editor', async () => {
    const difference = { from: 1, to: 2, fields: [{ field: 'text', parts: [{ change: 'removed', text: '25' }, { change: 'added', text: '10' }] }] };
    api({
      [`GET ${API}/policies`]: FOUND,
      [`GET ${API}/policies/${FINES.key}`]: FINES,
      [`GET ${API}/policies/${PRIVACY.key}`]: PRIVACY,
      [`GET ${API}/policies/${FINES.key}/difference`]: difference,
      [`GET ${API}/policy-exceptions/consistency`]: REPORT,
      [`GET ${API}/policy-acknowledgements`]: OUTSTANDING,
      [`GET ${API}/policy-exceptions/approvers`]: APPROVERS,
    });
    await settledAt('/t/riverbend/policies', ['.policy-table tbody tr']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt(`/t/riverbend/policies/${FINES.key}`, ['.record-exception form', '.version-table']);
    fireEvent.submit(document.querySelector('.record-exception form')!);
    fireEvent.click(screen.getByRole('button', { name: /Show the difference/ }));
    await settled('.difference ins');
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt(`/t/riverbend/policies/${PRIVACY.key}`, ['.exception-rule.strict']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt('/t/riverbend/policy-report', ['.consistency-per-staff tbody tr']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt('/t/riverbend/policy-acknowledgements', ['.acknowledgement-table tbody tr']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt(`/t/riverbend/policy-editor/${FINES.key}`, ['.policy-editor'], { ...BOSS, roles: [...BOSS.roles, 'tenant-admin'] });
    expect(untranslated()).toEqual([]);
  });
});

describe('the pseudo-locale check of the desk, service standards and training', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  const standardsApi = () =>
    api({
      [`GET ${API}/desk/topics`]: TOPICS,
      [`GET ${API}/standards`]: STANDARDS,
      [`GET ${API}/standards/${STANDARDS[1]!.id}`]: STANDARDS[1],
      [`GET ${API}/standards/changes`]: CHANGES,
      [`GET ${API}/training`]: TRAINING,
      [`POST ${API}/training/${TRAINING[1]!.id}`]: { correct: false, recommended: 'b', why: 'Exceptions are recorded.' },
      [`GET ${API}/training/completion`]: COMPLETION,
    });

  it('passes the home screen’s way to the desk, and the desk with a guide opened and its escalation asked', async () => {
    standardsApi();
    await settledAt('/t/riverbend/', ['.desk-link']);
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt('/t/riverbend/desk', ['.desk-box', '.in-charge-now']);
    fireEvent.change(document.querySelector('.desk-box')!, { target: { value: 'shouting' } });
    await settled('.desk-results');
    fireEvent.keyDown(document.querySelector('.desk-box')!, { key: 'ArrowDown' });
    expect(untranslated()).toEqual([]);
    fireEvent.click(document.querySelectorAll<HTMLElement>('.desk-topic')[1]!);
    await settled('.guide-escalation');
    fireEvent.click(document.querySelector<HTMLButtonElement>('.guide-escalation .situations button')!);
    await settled('.guide-escalation .confirm-box');
    expect(untranslated()).toEqual([]);
  });

  it('passes the standards with an original shown and the catalogue changes, and training with an answer and completion', async () => {
    standardsApi();
    await settledAt('/t/riverbend/standards', ['.standard', '.changes-table'], { ...BOSS, roles: [...BOSS.roles, 'tenant-admin'] });
    fireEvent.click(screen.getByRole('button', { name: /Show the shared original/ }));
    expect(untranslated()).toEqual([]);
    cleanup();
    await settledAt('/t/riverbend/training', ['.scenario-form']);
    fireEvent.click(screen.getByRole('button', { name: /Check my answer/ }));
    await settled('.scenario-form .field-errors');
    fireEvent.click(document.querySelector<HTMLInputElement>('.scenario-form input[type=radio]')!);
    fireEvent.click(screen.getByRole('button', { name: /Check my answer/ }));
    await settled('.scenario-answer .result-box');
    expect(untranslated()).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: /Completion/ }));
    await settled('.completion-table tbody tr');
    expect(untranslated()).toEqual([]);
  });
});

describe('the Spanish catalogue', () => {
  afterEach(cleanup);

  it('says the shell in Spanish, dates included', async () => {
    api();
    window.history.replaceState(null, '', '/t/riverbend/schedule');
    render(
      <I18nProvider i18n={makeI18n('es-US', CONFIG.timeZone)}>
        <Shell config={CONFIG} me={BOSS} session={SESSION} onSignOut={() => {}} />
      </I18nProvider>,
    );
    await settled('.desk-grid');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Horario');
    expect(screen.getByRole('heading', { level: 2, name: /Semana 49/ }).textContent).toBe('Pine Hollow Branch — Semana 49: 30 nov – 6 dic 2026');
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    vi.restoreAllMocks();
  });
});

describe('the pseudo-locale check of patron requests', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  it('passes recording a complaint, the complaints, comment cards, reconsiderations with their panels, and the overview', async () => {
    const { CARD, CARD_ID, CARD_ROWS, COMPLAINT, COMPLAINT_ID, COMPLAINT_ROWS, COUNTS, FOLLOW_UPS, HISTORY, OVERVIEW, POLICIES, REQUEST, REQUEST_ID, REQUEST_ROWS } = REQUESTS;
    const matter = (kind: string, id: string) => ({ [`GET ${API}/matters/${kind}/${id}/follow-ups`]: FOLLOW_UPS, [`GET ${API}/matters/${kind}/${id}/history`]: HISTORY });
    api({
      [`GET ${API}/policies`]: POLICIES,
      [`GET ${API}/complaints`]: COMPLAINT_ROWS,
      [`GET ${API}/complaints/${COMPLAINT_ID}`]: COMPLAINT,
      [`GET ${API}/comment-cards`]: CARD_ROWS,
      [`GET ${API}/comment-cards/counts`]: COUNTS,
      [`GET ${API}/comment-cards/${CARD_ID}`]: CARD,
      [`GET ${API}/reconsiderations`]: REQUEST_ROWS,
      [`GET ${API}/reconsiderations/${REQUEST_ID}`]: REQUEST,
      [`GET ${API}/patron-requests/overview`]: OVERVIEW,
      ...matter('complaint', COMPLAINT_ID),
      ...matter('comment-card', CARD_ID),
      ...matter('reconsideration', REQUEST_ID),
    });
    await settledAt('/t/riverbend/record-complaint', ['#complaint-policy option[value="meeting-rooms"]']);
    fireEvent.submit(document.querySelector('#record-complaint')!);
    await settled('#complaint-about-errors');
    expect(untranslated()).toEqual([]);
    for (const [path, ready] of [
      ['/t/riverbend/complaints', '.complaint-table tbody tr'],
      [`/t/riverbend/complaints/${COMPLAINT_ID}`, '.history-list li'],
      ['/t/riverbend/comment-cards', '.card-counts tbody tr'],
      [`/t/riverbend/comment-cards/${CARD_ID}`, '.history-list li'],
      ['/t/riverbend/reconsiderations', '.reconsideration-table tbody tr'],
      [`/t/riverbend/reconsiderations/${REQUEST_ID}`, '.history-list li'],
      ['/t/riverbend/patron-requests', '.overview-matters tbody tr'],
    ] as const) {
      cleanup();
      await settledAt(path, [ready, '.follow-up-table tbody tr, .data-table tbody tr']);
      expect([path, untranslated()]).toEqual([path, []]);
    }
  });
});

describe('the pseudo-locale check of the administration screens', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  const DEE: Me = { ...BOSS, roles: [...BOSS.roles, 'tenant-admin'] };
  // The configuration and plan are the server's data; so are the names of settings this app has no words for.
  const ADMIN_DATA = dataStrings(ADMIN_LIVE, ADMIN_PLAN, Object.keys(ADMIN_LIVE.settings ?? {}));

  it('passes the branches, hours, closures, positions and settings, with the grouped navigation and a plan', async () => {
    api({ [`GET ${API}/configuration`]: ADMIN_LIVE, [`POST ${API}/configuration/plan`]: ADMIN_PLAN });
    await settledAt('/t/riverbend/admin-branches', ['.admin-branches tbody tr', '.admin-branch'], DEE);
    fireEvent.click(screen.getByRole('button', { name: /Preview changes/ }));
    await settled('.plan .plan-change');
    expect(untranslated(ADMIN_DATA)).toEqual([]);
    for (const [path, ready] of [
      ['admin-hours', '.week-editor'],
      ['admin-closures', '.calendar'],
      ['admin-positions', '.permissions'],
      ['admin-settings', '.admin-group'],
    ] as const) {
      cleanup();
      await settledAt(`/t/riverbend/${path}`, [ready], DEE);
      expect([path, untranslated(ADMIN_DATA)]).toEqual([path, []]);
    }
  });
});
