import { describe, expect, it } from 'vitest';
import {
  answerText,
  answersFromDraft,
  categoriesOf,
  countLines,
  deliveryFailed,
  deliveryText,
  draftFromAnswers,
  guidanceFor,
  isOwnDraft,
  localProblems,
  missingRequired,
  nowAt,
  numberOf,
  offsetOf,
  overdueFirst,
  placeViolations,
  questionOf,
  questionsFor,
  typeAhead,
  wallClock,
  whenText,
  withOffset,
} from './incidentForm';
import type { ReportSummary } from './incidents';
import { ADA, FORM } from '../../shared/testing';

describe('questions of a category', () => {
  it('asks the form questions, then the category questions, with every default filled in', () => {
    const questions = questionsFor(FORM.definition, 'accident-injury');
    expect(questions.map((q) => q.key)).toEqual(['location', 'description', 'police', 'witness', 'informedAt', 'hurt', 'treatment']);
    expect(questions[0]).toEqual({
      key: 'location',
      label: 'Where',
      help: 'Room or desk.',
      type: 'text',
      required: true,
      choices: [],
      maxLength: 200,
    });
    expect(questions[1]?.maxLength).toBe(6000);
    expect(questions[2]).toMatchObject({ type: 'yes-no', required: true, maxLength: undefined });
    expect(questions[5]).toMatchObject({ type: 'choice', choices: ['Patron', 'Staff member'] });
    expect(questions[6]).toMatchObject({ type: 'multi-choice', required: false });
  });

  it('answers a type it does not know yet as plain text', () => {
    expect(questionOf({ key: 'x', label: '', type: 'signature-pad' })).toMatchObject({ type: 'text', label: 'x', maxLength: 200 });
  });

  it('lists categories with their steps, titled from the code when the form gives no title', () => {
    const categories = categoriesOf(FORM);
    expect(categories.map((c) => c.title)).toEqual(['Accident or injury', 'Angry patron', 'Abusive behaviour', 'Other']);
    expect(categories[0]).toMatchObject({ verbalReport: true, countersignature: true, guidance: ['Give no insurance details.'] });
    expect(categories[1]).toMatchObject({ verbalReport: false, countersignature: false });
    expect(categoriesOf(undefined)).toEqual([]);
  });

  it("shows the form's guidance, then the category's", () => {
    expect(guidanceFor(FORM.definition, 'accident-injury')).toEqual(['Facts only.', 'Give no insurance details.']);
    expect(guidanceFor(FORM.definition, 'other')).toEqual(['Facts only.']);
  });
});

describe('type-ahead in the category list', () => {
  const titles = ['Accident or injury', 'Theft', 'Angry patron', 'Abusive behaviour', 'Other'];

  it('jumps to the first match after the current one, and the same letter again steps on', () => {
    expect(typeAhead(titles, 'a', -1)).toBe(0);
    expect(typeAhead(titles, 'a', 0)).toBe(2);
    expect(typeAhead(titles, 'aa', 2)).toBe(3);
    expect(typeAhead(titles, 'a', 3)).toBe(0);
  });

  it('keeps a longer prefix on the current title while it still fits', () => {
    expect(typeAhead(titles, 'an', 0)).toBe(2);
    expect(typeAhead(titles, 'ang', 2)).toBe(2);
    expect(typeAhead(titles, 'T', 4)).toBe(1);
    expect(typeAhead(titles, 'z', 0)).toBeUndefined();
  });
});

describe('answers between the inputs and the API', () => {
  const questions = [
    ...questionsFor(FORM.definition, 'accident-injury'),
    ...questionsFor({ categories: FORM.definition.categories }, 'angry-patron'),
  ];

  it('sends each kind as the API wants it and leaves empty answers out', () => {
    const answers = answersFromDraft(questions, {
      location: '  Stacks <b>B</b>  ',
      description: '   ',
      police: false,
      witness: '8a1f3e2c-0000-4000-8000-000000000001',
      informedAt: '2026-03-10T14:05',
      hurt: 'Patron',
      treatment: [],
      value: '1,200.50',
    });
    expect(answers).toEqual({
      location: '  Stacks <b>B</b>  ',
      police: false,
      witness: '8a1f3e2c-0000-4000-8000-000000000001',
      informedAt: '2026-03-10T14:05',
      hurt: 'Patron',
      value: 1200.5,
    });
    expect(JSON.stringify(answersFromDraft(questions, { treatment: ['First aid'], police: true }))).toBe(
      '{"police":true,"treatment":["First aid"]}',
    );
  });

  it('sends a number that does not read as one as typed, so the server names the field', () => {
    expect(answersFromDraft(questions, { value: 'twelve' })).toEqual({ value: 'twelve' });
    expect(localProblems(questions, { value: 'twelve' })).toEqual({ value: 'Enter a number, such as 25 or 12.50.' });
    expect(numberOf('-3.25')).toBe(-3.25);
    expect(numberOf('.5')).toBe(0.5);
    expect(numberOf('1e3')).toBeUndefined();
    expect(numberOf('')).toBeUndefined();
  });

  it('fills the inputs from stored answers', () => {
    const draft = draftFromAnswers(questions, {
      location: 'Desk',
      police: true,
      informedAt: '2026-03-10T14:05:00-06:00',
      treatment: ['First aid', 7],
      value: 12.5,
      unknown: 'ignored',
    });
    expect(draft).toEqual({ location: 'Desk', police: true, informedAt: '2026-03-10T14:05', treatment: ['First aid'], value: '12.5' });
    expect(draftFromAnswers(questions, null)).toEqual({});
  });

  it('says which required answers are missing and which text is too long', () => {
    expect(missingRequired(questions, { location: 'x', police: false })).toEqual(['description', 'hurt']);
    expect(localProblems(questions, { location: 'x'.repeat(201) })).toEqual({ location: 'At most 200 characters.' });
  });

  it("puts the server's refusals next to their fields", () => {
    const placed = placeViolations(
      [
        { field: 'answers.location', message: 'must be plain text' },
        { field: 'answers.location', message: 'is too long' },
        { field: 'occurredAt', message: 'is in the future' },
        { field: 'answers.gone', message: 'is not a question of this form' },
        { field: '', message: 'something else' },
      ],
      ['location', 'occurredAt'],
    );
    expect(placed.byField).toEqual({ location: ['must be plain text', 'is too long'], occurredAt: ['is in the future'] });
    expect(placed.other).toEqual(['answers.gone: is not a question of this form', 'something else']);
  });

  it('reads answers back as plain text', () => {
    const [, , police, witness, informedAt, , treatment] = questionsFor(FORM.definition, 'accident-injury');
    expect(answerText(police!, false, {})).toBe('No');
    expect(answerText(witness!, 's-1', { 's-1': 'José' })).toBe('José');
    expect(answerText(witness!, 's-9', {})).toBe('Someone no longer on the roster');
    expect(answerText(informedAt!, '2026-03-10T14:05:00-06:00', {})).toBe('Mar 10, 2026, 14:05');
    expect(answerText(treatment!, ['None', 'First aid'], {})).toBe('None, First aid');
    expect(answerText(questionOf({ key: 'l', label: 'L', type: 'text' }), '<b>bold</b>', {})).toBe('<b>bold</b>');
  });
});

describe("times in the library's zone", () => {
  it('takes the wall clock and the offset apart and puts them back together', () => {
    expect(wallClock('2026-03-10T14:05:37.280376-06:00')).toBe('2026-03-10T14:05');
    expect(wallClock('garbage')).toBe('');
    expect(offsetOf('2026-03-10T14:05:37.280376-06:00')).toBe('-06:00');
    expect(offsetOf('2026-03-10T14:05:00Z')).toBe('Z');
    expect(offsetOf('2026-03-10T14:05')).toBeUndefined();
    expect(withOffset('2026-03-10T14:05', '-06:00')).toBe('2026-03-10T14:05:00-06:00');
    expect(withOffset('2026-03-10T14:05:09', '+05:30')).toBe('2026-03-10T14:05:09+05:30');
  });

  it('tells the time now at the library, whatever the desk computer thinks', () => {
    const now = new Date('2026-03-10T20:05:59Z');
    expect(nowAt('-06:00', now)).toBe('2026-03-10T14:05');
    expect(nowAt('+05:30', now)).toBe('2026-03-11T01:35');
    expect(nowAt('Z', now)).toBe('2026-03-10T20:05');
  });

  it('shows a moment as the wall clock the server wrote', () => {
    expect(whenText('2026-12-01T09:30:00+01:00')).toBe('Dec 1, 2026, 09:30');
    expect(whenText(undefined)).toBe('');
  });
});

describe('lists for the desk and headquarters', () => {
  const summary = (id: string, extra: Partial<ReportSummary> = {}): ReportSummary => ({
    id,
    status: 'submitted',
    category: 'theft',
    branch: 'HQ',
    occurredAt: '2026-03-10T14:05:00-06:00',
    reporterTagName: 'Ada',
    ...extra,
  });

  it('puts overdue reports first and keeps the order otherwise', () => {
    const list = [summary('a'), summary('b', { overdue: true }), summary('c', { overdue: false }), summary('d', { overdue: true })];
    expect(overdueFirst(list).map((s) => s.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it("finds the desk's own drafts: by username where given, else by tag name", () => {
    expect(isOwnDraft(summary('a', { status: 'draft' }), ADA)).toBe(true);
    expect(isOwnDraft(summary('a', { status: 'submitted' }), ADA)).toBe(false);
    expect(isOwnDraft(summary('a', { status: 'draft', reporterTagName: 'Bea' }), ADA)).toBe(false);
    expect(isOwnDraft(summary('a', { status: 'draft', reporterUsername: 'other-ada' }), ADA)).toBe(false);
  });

  it('says delivery in words whatever its shape, and nothing when it is absent', () => {
    expect(deliveryText(undefined)).toBeUndefined();
    expect(deliveryText(null)).toBeUndefined();
    expect(deliveryText('pending')).toBe('Pending');
    expect(deliveryText({ pending: 1, sent: 2, failed: 0 })).toBe('1 pending, 2 sent');
    expect(deliveryText({ pending: 0, sent: 0, failed: 0 })).toBe('None yet');
    expect(deliveryText(['odd'])).toBeUndefined();
    expect(deliveryFailed({ failed: 1 })).toBe(true);
    expect(deliveryFailed('failed')).toBe(true);
    expect(deliveryFailed({ failed: 0, pending: 3 })).toBe(false);
  });

  it('turns counts into labelled numbers, totals before breakdowns, codes named where known', () => {
    const lines = countLines(
      { byBranch: { HQ: 2, ZZ: 1 }, byCategory: { theft: 1 }, overdue: 1, pendingDelivery: 0, total: 3, note: 'x' },
      (code) => ({ HQ: 'Headquarters', theft: 'Theft' })[code],
    );
    expect(lines).toEqual([
      { label: 'Overdue', value: 1 },
      { label: 'Pending delivery', value: 0 },
      { label: 'Total', value: 3 },
      { label: 'By branch: Headquarters', value: 2 },
      { label: 'By branch: ZZ', value: 1 },
      { label: 'By category: Theft', value: 1 },
    ]);
    expect(countLines(undefined)).toEqual([]);
    expect(countLines([1, 2])).toEqual([]);
  });
});
