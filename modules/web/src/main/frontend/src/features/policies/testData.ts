/** What the fake API answers on the policy screens' tests: a flexible and a strict policy, as the server sends them. */
import type { AcknowledgementRow, Approver, Consistency, Policy, PolicySummary } from './policies';

export const FINES: Policy = {
  key: 'fines-and-fees',
  category: 'circulation',
  strictness: 'flexible',
  exceptionLimits: 'Waive at most <b>$10</b> once a year per card.',
  exceptionsBy: [
    { code: 'branch-manager', name: 'Branch manager' },
    { code: 'executive-director', name: 'Executive director' },
  ],
  owner: { code: 'executive-director', name: 'Executive director' },
  appliesTo: [],
  current: {
    version: 2,
    title: 'Fines & fees <i>overdue</i>',
    text: 'Overdue items cost 10 cents a day.\nLost items cost what they cost.',
    reason: 'Fines bring items back for the next patron.',
    approvedBy: 'Board of Trustees',
    approvedOn: '2026-03-12',
    effectiveOn: '2026-04-01',
  },
  versions: [
    { version: 1, title: 'Fines', approvedBy: 'Board of Trustees', approvedOn: '2025-01-10', effectiveOn: '2025-02-01' },
    { version: 2, title: 'Fines & fees <i>overdue</i>', approvedBy: 'Board of Trustees', approvedOn: '2026-03-12', effectiveOn: '2026-04-01' },
  ],
  acknowledgement: { status: 'needed', version: 1, at: '2025-02-03T15:00:00Z' },
};

export const PRIVACY: Policy = {
  key: 'patron-privacy',
  category: 'privacy',
  strictness: 'strict',
  strictWhy: 'State law protects library records; nobody may bend it.',
  exceptionLimits: null,
  exceptionsBy: [],
  owner: { code: 'executive-director', name: 'Executive director' },
  appliesTo: ['library-assistant', 'branch-manager'],
  current: {
    version: 1,
    title: 'Patron privacy',
    text: 'We tell nobody what a patron borrowed.',
    reason: 'Trust.',
    approvedBy: 'Board of Trustees',
    approvedOn: '2024-05-01',
    effectiveOn: '2024-06-01',
  },
  versions: [{ version: 1, title: 'Patron privacy', approvedBy: 'Board of Trustees', approvedOn: '2024-05-01', effectiveOn: '2024-06-01' }],
  acknowledgement: { status: 'current', version: 1, at: '2026-11-30T16:05:00Z' },
};

export const FOUND: PolicySummary[] = [
  {
    key: FINES.key,
    title: FINES.current.title,
    category: 'circulation',
    strictness: 'flexible',
    summary: 'What overdue and lost items cost.',
    version: 2,
    effectiveOn: '2026-04-01',
    snippet: 'Overdue items <b>fine</b> of 10 cents <script>x()</script>',
    acknowledgement: 'needed',
  },
  {
    key: PRIVACY.key,
    title: PRIVACY.current.title,
    category: 'privacy',
    strictness: 'strict',
    summary: 'Nobody learns what a patron borrowed.',
    version: 1,
    effectiveOn: '2024-06-01',
    acknowledgement: 'current',
  },
];

export const REPORT: Consistency = {
  from: '2026-07-01',
  to: '2026-12-03',
  months: ['2026-11', '2026-12'],
  policies: [
    { key: FINES.key, title: 'Fines & fees', count: 9, perMonth: [4, 5], candidateForChange: true },
    { key: 'meeting-rooms', title: 'Meeting rooms', count: 1, perMonth: [0, 1], candidateForChange: false },
  ],
  branches: [
    { code: 'PINE-HOLLOW', name: 'Pine Hollow Branch', count: 8, flag: 'high' },
    { code: 'HQ', name: 'Headquarters', count: 2, flag: null },
  ],
  staff: [
    { staffId: 's-1', tagName: 'José', branch: 'PINE-HOLLOW', count: 7, flag: 'high' },
    { staffId: 's-9', tagName: 'Rosa', branch: 'HQ', count: 0, flag: 'low' },
  ],
  medians: { branch: 2, staff: 1 },
};

export const OUTSTANDING: AcknowledgementRow[] = [
  {
    key: FINES.key,
    title: 'Fines & fees',
    version: 2,
    acknowledged: 3,
    outstanding: [{ staffId: 's-1', tagName: 'José', branch: 'PINE-HOLLOW', position: 'Library assistant' }],
  },
  { key: PRIVACY.key, title: 'Patron privacy', version: 1, acknowledged: 5, outstanding: [] },
];

/** Who may approve an exception to FINES, the Pine Hollow desk's branch first (GET policy-exceptions/approvers). */
export const APPROVERS: Approver[] = [
  { staffId: 's-5', tagName: 'Bea', position: 'branch-manager', positionName: 'Branch manager', branch: 'PINE-HOLLOW', branchName: 'Pine Hollow Branch' },
  { staffId: 's-3', tagName: 'Rosa', position: 'branch-manager', positionName: 'Branch manager', branch: 'PINE-HOLLOW', branchName: 'Pine Hollow Branch' },
  { staffId: 's-4', tagName: 'Dee', position: 'executive-director', positionName: 'Executive director', branch: 'HQ', branchName: 'Headquarters' },
];
