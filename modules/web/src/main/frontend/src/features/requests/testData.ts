/** What the fake API answers on the patron-requests screens' tests, shaped as the contract of issue 13 says. */
import type { Card, CardCount, CardRow, Complaint, ComplaintRow, FollowUp, HistoryEntry, Overview, Reconsideration, ReconsiderationRow } from './requests';
import type { PolicySummary } from '../policies/policies';

export const COMPLAINT_ID = 'c0000000-2222-4333-8444-555555555555';
export const CARD_ID = 'a0000000-2222-4333-8444-555555555555';
export const REQUEST_ID = 'b0000000-2222-4333-8444-555555555555';

export const POLICIES: PolicySummary[] = [
  { key: 'meeting-rooms', title: 'Meeting rooms <b>booking</b>', category: 'meeting-rooms', strictness: 'flexible', version: 1, acknowledgement: 'current' },
  { key: 'patron-privacy', title: 'Patron privacy', category: 'privacy', strictness: 'strict', version: 1, acknowledgement: 'current' },
];

export const COMPLAINT_ROWS: ComplaintRow[] = [
  {
    id: COMPLAINT_ID,
    reference: 'C-2026-0042',
    branch: 'PINE-HOLLOW',
    channel: 'in-person',
    policy: { key: 'meeting-rooms', title: 'Meeting rooms <b>booking</b>' },
    state: 'received',
    receivedAt: '2026-12-01T19:05:00Z',
    dueAt: '2026-12-11T19:05:00Z',
    overdue: false,
    directorToldAt: '2026-12-01T19:05:01Z',
    directorOpenedAt: null,
  },
  {
    id: 'c1111111-2222-4333-8444-555555555555',
    reference: 'C-2026-0007',
    branch: 'HQ',
    channel: 'phone',
    policy: null,
    state: 'with-director',
    receivedAt: '2026-11-01T15:00:00Z',
    dueAt: '2026-11-11T15:00:00Z',
    overdue: true,
    directorToldAt: '2026-11-01T15:00:01Z',
    directorOpenedAt: '2026-11-02T15:00:00Z',
  },
];

export const COMPLAINT: Complaint = {
  ...COMPLAINT_ROWS[0]!,
  about: 'The room was double-booked <script>x()</script>',
  asks: 'An apology & a refund',
  policy: { key: 'meeting-rooms', title: 'Meeting rooms <b>booking</b>', category: 'meeting-rooms' },
  handledBy: { position: 'executive-director', name: 'Executive director', staff: [{ staffId: 's-9', tagName: 'Dee' }] },
  response: null,
  closedAt: null,
  hasContact: true,
  recordedBy: 'Sam',
  steps: [{ at: '2026-12-01T19:05:00Z', step: 'received', by: 'Sam' }],
  commentCard: null,
};

export const CARD_ROWS: CardRow[] = [
  { id: CARD_ID, reference: 'K-2026-0003', branch: 'PINE-HOLLOW', kind: 'complaint', state: 'new', receivedAt: '2026-12-02T16:00:00Z', mayReply: true, hasContact: true },
  { id: 'a1111111-2222-4333-8444-555555555555', reference: 'K-2026-0002', branch: 'HQ', kind: 'praise', state: 'thanked', receivedAt: '2026-12-01T16:00:00Z', mayReply: false, hasContact: false },
];

export const CARD: Card = {
  ...CARD_ROWS[0]!,
  text: 'Nobody told me the room was <i>taken</i>.',
  language: 'es',
  complaint: null,
  forwardedTo: null,
  steps: [],
};

export const COUNTS: CardCount[] = [
  { branch: 'PINE-HOLLOW', kind: 'complaint', count: 3 },
  { branch: 'PINE-HOLLOW', kind: 'praise', count: 5 },
  { branch: 'HQ', kind: 'suggestion', count: 1 },
];

export const REQUEST_ROWS: ReconsiderationRow[] = [
  {
    id: REQUEST_ID,
    reference: 'R-2026-0001',
    branch: 'PINE-HOLLOW',
    item: { title: 'The Big Book <b>of</b> Things', author: 'A. Writer', format: 'book' },
    state: 'in-review',
    receivedAt: '2026-11-20T16:00:00Z',
    currentStep: { step: 'read-and-review', dueAt: '2026-12-25T16:00:00Z', overdue: false },
  },
];

export const REQUEST: Reconsideration = {
  ...REQUEST_ROWS[0]!,
  objection: 'Chapter 3 is not for children.',
  consumed: 'whole',
  asks: 'Move it to the adult shelves.',
  itemDuringReview: 'The item stays on the shelf and can be borrowed while the committee reviews it.',
  committee: [{ position: 'executive-director', name: 'Executive director', staff: [{ staffId: 's-9', tagName: 'Dee' }] }],
  steps: [
    { step: 'acknowledge', days: 5, dueAt: '2026-11-25T16:00:00Z', doneAt: '2026-11-21T16:00:00Z', by: 'Dee', note: 'Letter sent' },
    { step: 'read-and-review', days: 30, dueAt: '2026-12-25T16:00:00Z', doneAt: null, by: null, note: null },
    { step: 'decide', days: 10, dueAt: '2027-01-04T16:00:00Z', doneAt: null, by: null, note: null },
  ],
  decision: null,
  hasContact: true,
  letter: false,
};

export const FOLLOW_UPS: FollowUp[] = [
  { id: 'f-1', what: 'Call the room booker', dueOn: '2026-12-04', owner: { staffId: 's-1', tagName: 'José' }, doneAt: null, pastDue: true },
  { id: 'f-2', what: 'Check the calendar', dueOn: '2026-12-02', owner: { staffId: 's-1', tagName: 'José' }, doneAt: '2026-12-02T18:00:00Z', pastDue: false },
];

export const HISTORY: HistoryEntry[] = [
  { at: '2026-12-01T19:06:00Z', kind: 'follow-up', channel: null, text: 'Call the room booker', by: 'Dee', mail: null },
  { at: '2026-12-02T19:06:00Z', kind: 'update', channel: 'email', text: 'We are looking into it.', by: 'Dee', mail: { status: 'sent', sentAt: '2026-12-02T19:06:30Z' } },
];

export const OVERVIEW: Overview = {
  branches: [
    { code: 'HQ', name: 'Headquarters', complaintsWaiting: 1, complaintsOverdue: 1, commentCardsNew: 0, reconsiderationsOpen: 0, callBacksDue: 2, callBacksOverdue: 0, followUpsPastDue: 0 },
    { code: 'PINE-HOLLOW', name: 'Pine Hollow Branch', complaintsWaiting: 1, complaintsOverdue: 0, commentCardsNew: 1, reconsiderationsOpen: 1, callBacksDue: 0, callBacksOverdue: 1, followUpsPastDue: 1 },
  ],
  matters: [
    { kind: 'complaint', id: COMPLAINT_ID, reference: 'C-2026-0042', branch: 'PINE-HOLLOW', label: 'Meeting rooms', state: 'received', openedAt: '2026-12-01T19:05:00Z', dueAt: '2026-12-11T19:05:00Z', overdue: false },
    { kind: 'call-back', id: 'd0000000-2222-4333-8444-555555555555', reference: 'B-2026-0009', branch: 'HQ', label: 'Renewals question', state: 'open', openedAt: '2026-12-03T15:00:00Z', dueAt: '2026-12-03T23:00:00Z', overdue: true },
  ],
};
