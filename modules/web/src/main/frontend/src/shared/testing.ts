/** Test doubles for the staffing screens' tests: a fake API behind fetch, and the data it answers with. */
import { createElement, type ReactElement } from 'react';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Me } from './api';
import type { IncidentForm, IncidentReport, ReportSummary } from '../features/incidents/incidents';
import type { EscalationView, InCharge, Notice, Situation, StaffMember, WeekSchedule } from '../features/staffing/staffing';
import { PageContext, type Page } from './page';
import type { Branch, Session } from './session';

export type Handler = (url: URL, init: RequestInit | undefined) => unknown;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });
}

/** The API's refusal of a request that breaks its rules: one entry in `errors` for each field it names. */
export function invalidInput(detail: string, errors: { field: string; message: string }[]): Response {
  return json(400, { type: 'urn:servicepoint:problem:invalid-input', title: 'Invalid input', status: 400, detail, errors });
}

/**
 * Answers fetch from `routes`, keyed "METHOD /path" (no query): a value is sent as JSON, a function is
 * called with the URL and request, a Response is sent as it is. Anything else is a 404 problem.
 */
export function fakeApi(routes: Record<string, unknown>) {
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost:3000');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    if (!(key in routes)) {
      return json(404, { title: 'Not found', status: 404, detail: `no fake for ${key}` });
    }
    const route = routes[key];
    const value = typeof route === 'function' ? await (route as Handler)(url, init) : route;
    return value instanceof Response ? value : json(200, value);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/**
 * Keeps the JSON bodies a fake API received, by path, in order: `record(answer)` is a route that keeps the body and
 * answers `answer` (a function is called for each request).
 */
export function recorder() {
  const sent: { path: string; body: unknown }[] = [];
  const record = (answer: unknown) => (url: URL, init?: RequestInit) => {
    sent.push({ path: url.pathname, body: JSON.parse(String(init?.body)) });
    return typeof answer === 'function' ? (answer as () => unknown)() : answer;
  };
  return { sent, record };
}

/** The calls a fake API received, as "METHOD /path?query". */
export function calls(fetch: ReturnType<typeof fakeApi>): string[] {
  return fetch.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://localhost:3000');
    return `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
  });
}

/**
 * For the tests of a `describe` whose screens wait on timers (autosave, refreshes): a fake clock that still moves on
 * its own, so `waitFor` works, and each test's screen taken down after it.
 */
export function fakeClockEachTest(): void {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

/**
 * Catches the files a screen hands to the browser: jsdom has no object URLs and does not download, so the page's use
 * of both is what a test checks. `install` (in beforeEach) empties the lists and puts the fakes in place.
 */
export function downloadCatcher() {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const saved: { href: string; download: string }[] = [];
  const install = () => {
    created.length = 0;
    revoked.length = 0;
    saved.length = 0;
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return `blob:http://localhost:3000/${created.length}`;
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
  };
  return { created, revoked, saved, install };
}

export const SESSION: Session = { slug: 'riverbend', token: async () => 'access-1' };

/** A screen as the shell shows it: inside the page context (branches not loaded and navigation ignored unless given). */
export function onPage(page: Pick<Page, 'session' | 'me'> & Partial<Page>, element: ReactElement): ReactElement {
  const value: Page = { branches: { loading: false, reload: () => {} }, navigate: () => {}, ...page };
  return createElement(PageContext.Provider, { value }, element);
}

export const API = '/api/tenants/riverbend';

export const ADA: Me = {
  username: 'ada',
  tagName: 'Ada',
  position: 'library-assistant',
  positionName: 'Library assistant',
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  roles: ['staff'],
  tenant: { slug: 'riverbend', name: 'Riverbend Regional Library System' },
};

export const MANAGER: Me = { ...ADA, username: 'bea', tagName: 'Bea', roles: ['staff', 'person-in-charge'] };

export const HQ: Me = { ...ADA, username: 'hal', tagName: 'Hal', branch: 'HQ', branchName: 'Headquarters', roles: ['staff', 'headquarters'] };

export const BRANCHES: Branch[] = [
  { code: 'HQ', name: 'Headquarters', headquarters: true, servicePoints: [{ code: 'circulation', name: 'Circulation desk' }] },
  {
    code: 'PINE-HOLLOW',
    name: 'Pine Hollow Branch',
    headquarters: false,
    servicePoints: [
      { code: 'circulation', name: 'Circulation desk' },
      { code: 'children', name: "Children's desk" },
    ],
  },
];

/** Pine Hollow's branch manager, in charge there in these tests. */
const BEA = { staffMemberId: 'p-1', tagName: 'Bea', positionName: 'Branch manager' };

export const IN_CHARGE: InCharge = {
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  at: '2026-12-01T13:05:00-06:00',
  person: BEA,
  headquarters: false,
  explanation: 'Bea (Branch manager) is the most senior person on duty who may be in charge',
};

export const SITUATIONS: Situation[] = [
  { code: 'difficult-situation', title: 'A difficult or abusive situation with a patron' },
  { code: 'complaint', title: "A patron's complaint" },
];

export const ESCALATED: EscalationView = {
  id: 'e-1',
  branch: 'PINE-HOLLOW',
  situation: 'difficult-situation',
  situationTitle: 'A difficult or abusive situation with a patron',
  decides: BEA,
  decidesTagName: 'Bea',
  atHeadquarters: false,
  reason: 'Bea (Branch manager) is the most senior person on duty at PINE-HOLLOW who may handle difficult situations',
  notified: [{ tagName: 'Dana', why: 'Bea decided about "A difficult or abusive situation with a patron" in your absence' }],
  createdAt: '2026-12-01T19:05:00Z',
};

export const NOTICES: Notice[] = [
  { id: 'n-1', text: '"A patron\'s complaint" at PINE-HOLLOW comes to you', escalationId: 'e-0', createdAt: '2026-12-01T18:00:00Z', read: false },
  { id: 'n-2', text: 'A substitute is handling it', escalationId: 'e-0', createdAt: '2026-12-01T17:00:00Z', read: false },
  { id: 'n-3', text: 'Old news', escalationId: 'e-0', createdAt: '2026-11-01T17:00:00Z', read: true },
];

export const STAFF: StaffMember[] = [
  {
    id: 's-1',
    tagName: 'José',
    position: 'library-assistant',
    positionName: 'Library assistant',
    branch: 'PINE-HOLLOW',
    branchName: 'Pine Hollow Branch',
    employmentType: 'student-assistant',
    startsOn: '2024-09-01',
    active: true,
  },
  {
    id: 's-2',
    tagName: 'Zoë <b>Ωμέγα</b>',
    position: 'page',
    positionName: 'Page',
    branch: 'HQ',
    branchName: 'Headquarters',
    employmentType: 'page',
    startsOn: '2027-01-04',
    endsOn: '2027-06-30',
    active: false,
  },
];

export const WEEK: WeekSchedule = {
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  week: '2026-W49',
  timeZone: 'America/Chicago',
  firstDay: '2026-11-30',
  lastDay: '2026-12-06',
  desks: [
    {
      servicePoint: 'circulation',
      name: 'Circulation desk',
      days: [
        { date: '2026-11-30', open: ['09:00-17:00'] },
        { date: '2026-12-01', open: ['09:00-17:00'] },
        { date: '2026-12-02', open: ['09:00-17:00'] },
        { date: '2026-12-03', open: ['09:00-13:00'], closure: 'Staff training' },
        { date: '2026-12-04', open: ['09:00-17:00'] },
        { date: '2026-12-05', open: ['10:00-14:00'] },
        { date: '2026-12-06', open: [], closure: null },
      ],
      duties: [
        { shiftId: 'sh-2', staffMemberId: 's-2', tagName: 'Cleo', employmentType: 'volunteer', date: '2026-11-30', from: '09:00', to: '10:00', minutes: 60 },
        { shiftId: 'sh-1', staffMemberId: 's-1', tagName: 'José', employmentType: 'permanent', date: '2026-11-30', from: '10:00', to: '13:00', minutes: 180 },
      ],
    },
  ],
  gaps: [
    { branch: 'PINE-HOLLOW', servicePoint: 'circulation', date: '2026-11-30', from: '09:00', to: '10:00', kind: 'ONLY_VOLUNTEERS_OR_PAGES' },
    { branch: 'PINE-HOLLOW', servicePoint: 'circulation', date: '2026-11-30', from: '13:00', to: '17:00', kind: 'GAP' },
  ],
};

/** An incident form with every kind of question (GET incident-forms). */
export const FORM: IncidentForm = {
  version: 1,
  hash: 'h',
  definition: {
    title: 'Incident report',
    guidance: ['Facts only.'],
    fields: [
      { key: 'location', label: 'Where', type: 'text', required: true, help: 'Room or desk.' },
      { key: 'description', label: 'What happened', type: 'long-text', required: true, maxLength: 6000 },
      { key: 'police', label: 'Police called?', type: 'yes-no', required: true },
      { key: 'witness', label: 'Second staff member', type: 'staff-member' },
      { key: 'informedAt', label: 'Manager informed', type: 'date-time' },
    ],
    categories: [
      {
        code: 'accident-injury',
        title: 'Accident or injury',
        guidance: ['Give no insurance details.'],
        verbalReportToHeadquarters: true,
        countersignature: true,
        fields: [
          { key: 'hurt', label: 'Who was hurt', type: 'choice', required: true, choices: ['Patron', 'Staff member'] },
          { key: 'treatment', label: 'Treatment', type: 'multi-choice', choices: ['None', 'First aid', 'Ambulance'] },
        ],
      },
      { code: 'angry-patron', title: 'Angry patron', fields: [{ key: 'value', label: 'Value', type: 'number' }] },
      { code: 'abusive-behaviour' },
      { code: 'other' },
    ],
  },
};

const ACCIDENT_QUESTIONS = [...(FORM.definition.fields ?? []), ...(FORM.definition.categories?.[0]?.fields ?? [])];

/** A draft just started by Ada (POST incident-reports). */
export const DRAFT: IncidentReport = {
  id: '11111111-2222-4333-8444-555555555555',
  status: 'draft',
  category: 'accident-injury',
  categoryTitle: 'Accident or injury',
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  occurredAt: '2026-03-10T14:05:00-06:00',
  createdAt: '2026-03-10T14:06:00-06:00',
  formVersion: 1,
  reporter: { username: 'ada', tagName: 'Ada', position: 'library-assistant', positionName: 'Library assistant' },
  answers: {},
  staffMembers: {},
  signatures: [],
  addenda: [],
  steps: {
    verbalReportRequired: true,
    verbalReportRecorded: false,
    countersignatureRequired: true,
    countersigned: false,
    readyForDistribution: false,
    distributed: false,
    acknowledged: false,
    closed: false,
  },
  questions: ACCIDENT_QUESTIONS,
  guidance: ['Facts only.', 'Give no insurance details.'],
  missing: ['location', 'description', 'police', 'hurt'],
  version: 1,
};

/** The same report signed, with markup typed into its answers. */
export const SIGNED: IncidentReport = {
  ...DRAFT,
  status: 'submitted',
  answers: { location: 'Stacks', description: 'Wrote <b>bold</b> on\na sign <script>x()</script>', police: false, hurt: 'Patron', witness: 's-1' },
  staffMembers: { 's-1': 'José' },
  verbalReport: { calledBy: 'Ada', calledTo: 'Bea <i>HQ</i>', calledAt: '2026-03-10T14:20:00-06:00', note: null, recordedBy: 'ada' },
  signatures: [
    {
      seq: 1,
      kind: 'reporter',
      signer: { username: 'ada', tagName: 'Ada', position: 'library-assistant', positionName: 'Library assistant' },
      signedAt: '2026-03-10T14:30:00-06:00',
      contentHash: 'c'.repeat(64),
      previousHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    },
  ],
  submittedAt: '2026-03-10T14:30:00-06:00',
  missing: [],
  version: 4,
};

export const SUMMARIES: ReportSummary[] = [
  {
    id: DRAFT.id,
    status: 'submitted',
    category: 'accident-injury',
    categoryTitle: 'Accident or injury',
    branch: 'PINE-HOLLOW',
    branchName: 'Pine Hollow Branch',
    occurredAt: '2026-03-10T14:05:00-06:00',
    reporterTagName: 'Ada',
    deadline: '2026-03-11T00:00:00-06:00',
    overdue: false,
    delivery: { pending: 1, sent: 2, failed: 0 },
  },
  {
    id: '99999999-2222-4333-8444-555555555555',
    status: 'submitted',
    category: 'theft',
    categoryTitle: 'Theft',
    branch: 'HQ',
    branchName: 'Headquarters',
    occurredAt: '2026-03-09T10:00:00-06:00',
    reporterTagName: 'Hal <b>x</b>',
    deadline: '2026-03-10T00:00:00-06:00',
    overdue: true,
    delivery: { pending: 0, sent: 0, failed: 3 },
  },
];
