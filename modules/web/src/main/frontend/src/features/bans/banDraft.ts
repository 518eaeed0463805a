/** The ban form's draft, and what can be said about it before the server is asked. */
import { REASON_MAX, REPORT_ID, type NewBan, type PlacedBanViolations } from './bans';
import type { I18n } from '../../shared/i18n/i18n';

export interface BanDraft {
  cardNumber: string;
  displayName: string;
  scope: 'branch' | 'system';
  branch: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  reviewOn: string;
  incidentReportId: string;
}

export const NO_VIOLATIONS: PlacedBanViolations = { byField: {}, other: [] };

/** What can be said before asking the server: what is missing, a reason too long, an id that is none. */
export function localProblems(draft: BanDraft, branchNeeded: boolean, { t }: Pick<I18n, 't'>): PlacedBanViolations {
  const byField: PlacedBanViolations['byField'] = {};
  if (!draft.cardNumber.trim()) byField.cardNumber = [t('bans.scanCard')];
  if (branchNeeded && draft.scope === 'branch' && !draft.branch) byField.branch = [t('bans.chooseBranch')];
  if (!draft.endsAt) byField.endsAt = [t('bans.sayEnd')];
  if (!draft.reason.trim()) byField.reason = [t('bans.sayWhy')];
  else if ([...draft.reason.trim()].length > REASON_MAX)
    byField.reason = [t('bans.reasonTooLong', { max: REASON_MAX, now: [...draft.reason.trim()].length })];
  if (draft.incidentReportId.trim() && !REPORT_ID.test(draft.incidentReportId.trim())) {
    byField.incidentReportId = [t('bans.reportIdInvalid')];
  }
  return { byField, other: [] };
}

/** What the form asks the server for: optional fields only when filled in. */
export function newBanOf(draft: BanDraft): NewBan {
  const ban: NewBan = {
    cardNumber: draft.cardNumber,
    scope: draft.scope,
    endsAt: draft.endsAt,
    reason: draft.reason,
  };
  if (draft.displayName.trim()) ban.displayName = draft.displayName.trim();
  if (draft.scope === 'branch' && draft.branch) ban.branch = draft.branch;
  // datetime-local values without an offset: the server reads them in the library system's time zone.
  if (draft.startsAt) ban.startsAt = draft.startsAt;
  if (draft.reviewOn) ban.reviewOn = draft.reviewOn;
  if (draft.incidentReportId.trim()) ban.incidentReportId = draft.incidentReportId.trim();
  return ban;
}
