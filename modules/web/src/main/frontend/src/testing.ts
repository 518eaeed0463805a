/** Test doubles for the staffing screens' tests: a fake API behind fetch, and the data it answers with. */
import { vi } from 'vitest';
import type { Me } from './api';
import type { Branch, EscalationView, InCharge, Notice, Session, Situation, StaffMember, WeekSchedule } from './staffing';

export type Handler = (url: URL, init: RequestInit | undefined) => unknown;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });
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

/** The calls a fake API received, as "METHOD /path?query". */
export function calls(fetch: ReturnType<typeof fakeApi>): string[] {
  return fetch.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://localhost:3000');
    return `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
  });
}

export const SESSION: Session = { slug: 'riverbend', token: async () => 'access-1' };

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

export const IN_CHARGE: InCharge = {
  branch: 'PINE-HOLLOW',
  branchName: 'Pine Hollow Branch',
  at: '2026-12-01T13:05:00-06:00',
  person: { staffMemberId: 'p-1', tagName: 'Bea', positionName: 'Branch manager' },
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
  decides: { staffMemberId: 'p-1', tagName: 'Bea', positionName: 'Branch manager' },
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
