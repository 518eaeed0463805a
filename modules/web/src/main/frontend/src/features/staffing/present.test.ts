import { describe, expect, it } from 'vitest';
import {
  deskDays,
  dutyText,
  employmentLabel,
  escalationOutcome,
  groupCoverageByBranch,
  issueText,
  keepsRoster,
  seesAllBranches,
  span,
  unreadCount,
} from './present';
import type { CoverageIssue } from './staffing';
import { ADA, BRANCHES, ESCALATED, HQ, MANAGER, NOTICES, WEEK } from '../../shared/testing';

describe('roles', () => {
  it('shows every branch to headquarters and tenant administrators only', () => {
    expect(seesAllBranches(ADA)).toBe(false);
    expect(seesAllBranches(MANAGER)).toBe(false);
    expect(seesAllBranches(HQ)).toBe(true);
    expect(seesAllBranches({ roles: ['staff', 'tenant-admin'] })).toBe(true);
  });

  it('lets persons in charge and tenant administrators export and print', () => {
    expect(keepsRoster(ADA)).toBe(false);
    expect(keepsRoster(HQ)).toBe(false);
    expect(keepsRoster(MANAGER)).toBe(true);
    expect(keepsRoster({ roles: ['tenant-admin'] })).toBe(true);
  });
});

describe('unreadCount', () => {
  it('counts the notices not read yet', () => {
    expect(unreadCount(NOTICES)).toBe(2);
    expect(unreadCount([])).toBe(0);
    expect(unreadCount(undefined)).toBe(0);
  });
});

describe('escalationOutcome', () => {
  it('names who decides at the branch, why, and who was told', () => {
    expect(escalationOutcome(ESCALATED)).toEqual({
      decides: 'Bea (Branch manager) decides',
      reason: ESCALATED.reason,
      told: ['Dana: Bea decided about "A difficult or abusive situation with a patron" in your absence'],
    });
  });

  it('says when headquarters decides', () => {
    const outcome = escalationOutcome({
      ...ESCALATED,
      decides: { staffMemberId: 'p-9', tagName: 'Hélène', positionName: 'Director' },
      decidesTagName: 'Hélène',
      atHeadquarters: true,
      notified: [],
    });
    expect(outcome.decides).toBe('Headquarters decides: Hélène (Director)');
    expect(outcome.told).toEqual([]);
  });

  it('takes the tag name alone when the person is not sent along (listed escalations)', () => {
    expect(escalationOutcome({ ...ESCALATED, decides: null, notified: [{ tagName: null, why: 'you were told' }] })).toMatchObject({
      decides: 'Bea decides',
      told: ['you were told'],
    });
  });

  it('says so when nobody may decide', () => {
    const outcome = escalationOutcome({
      ...ESCALATED,
      decides: null,
      decidesTagName: null,
      atHeadquarters: true,
      reason: 'nobody in the library system may handle difficult situations; check the chain of command',
      notified: null,
    });
    expect(outcome.decides).toBe('Nobody could be found to decide: call headquarters');
    expect(outcome.reason).toContain('check the chain of command');
  });
});

describe('groupCoverageByBranch', () => {
  const issue = (branch: string, kind: string, date = '2026-12-01'): CoverageIssue => ({
    branch,
    servicePoint: 'circulation',
    date,
    from: '13:00',
    to: '17:00',
    kind,
  });

  it('groups in the order of the branch list, keeps each group soonest first, and names branches without issues', () => {
    const issues = [
      issue('PINE-HOLLOW', 'GAP', '2026-12-01'),
      issue('PINE-HOLLOW', 'ONLY_VOLUNTEERS_OR_PAGES', '2026-12-02'),
      issue('PINE-HOLLOW', 'GAP', '2026-12-03'),
    ];
    const groups = groupCoverageByBranch(issues, BRANCHES);
    expect(groups.map((g) => [g.branch, g.branchName, g.gaps, g.warnings])).toEqual([
      ['HQ', 'Headquarters', 0, 0],
      ['PINE-HOLLOW', 'Pine Hollow Branch', 2, 1],
    ]);
    expect(groups[1]!.issues.map((i) => i.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('keeps issues of branches the list does not know, under their code', () => {
    const groups = groupCoverageByBranch([issue('EAST', 'GAP')], BRANCHES);
    expect(groups.map((g) => g.branchName)).toEqual(['Headquarters', 'Pine Hollow Branch', 'EAST']);
    expect(groupCoverageByBranch([issue('EAST', 'GAP')])).toHaveLength(1);
  });
});

describe('the week grid', () => {
  it('puts duties, gaps and warnings into their day', () => {
    const cells = deskDays(WEEK.desks[0]!, WEEK.gaps, WEEK.branch);
    expect(cells).toHaveLength(7);
    const monday = cells[0]!;
    expect(monday.duties.map((d) => d.tagName)).toEqual(['Cleo', 'José']);
    expect(monday.gaps.map((issue) => issueText(issue))).toEqual(['Gap 13:00–17:00']);
    expect(monday.warnings.map((issue) => issueText(issue))).toEqual(['Only volunteers or pages 09:00–10:00']);
    expect(cells[1]!.gaps).toEqual([]);
    expect(cells[3]!.closure).toBe('Staff training');
  });

  it('leaves out issues of other desks and branches', () => {
    const other = { ...WEEK.gaps[1]!, servicePoint: 'children' };
    const elsewhere = { ...WEEK.gaps[1]!, branch: 'HQ' };
    expect(deskDays(WEEK.desks[0]!, [other, elsewhere], 'PINE-HOLLOW')[0]!.gaps).toEqual([]);
  });

  it('writes duties and spans as the desk reads them', () => {
    const duty = WEEK.desks[0]!.duties[1]!;
    expect(dutyText(duty)).toBe('José 10:00–13:00');
    expect(dutyText({ ...duty, tagName: 'Ben', from: '22:00', to: '06:00' })).toBe('Ben 22:00–06:00 (next day)');
    expect(dutyText({ ...duty, employmentType: 'volunteer' })).toBe('José 10:00–13:00 (Volunteer)');
    expect(dutyText({ ...duty, tagName: null })).toBe('Someone no longer on the roster 10:00–13:00');
    expect(span('09:00-17:00')).toBe('09:00–17:00');
    expect(issueText({ ...WEEK.gaps[1]!, to: '24:00' })).toBe('Gap 13:00–24:00');
    expect(employmentLabel('student-assistant')).toBe('Student assistant');
  });

  it('names the bookmobile stop of a gap and keeps each day’s stops in its cell', () => {
    const atStop = { ...WEEK.gaps[1]!, stop: 'Oak Street School' };
    expect(issueText(atStop)).toBe('Gap 13:00–17:00 at Oak Street School');
    const stops = [{ name: 'Oak Street School', hours: '10:00-12:00' }];
    const bookmobile = { ...WEEK.desks[0]!, mobile: true, days: WEEK.desks[0]!.days.map((day, i) => (i === 0 ? { ...day, stops } : day)) };
    const cells = deskDays(bookmobile, [], WEEK.branch);
    expect(cells[0]!.stops).toEqual(stops);
    expect(cells[1]!.stops).toEqual([]);
  });
});
