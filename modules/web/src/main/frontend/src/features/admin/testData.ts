/** What the configuration API answers in the administration screens' tests. */
import type { TenantConfiguration } from './configuration';

/** The live configuration as GET configuration answers it (a bookmobile and a setting this app does not know included). */
export const LIVE: TenantConfiguration = {
  slug: 'riverbend',
  name: 'Riverbend Regional Library System',
  timeZone: 'America/Chicago',
  locale: 'en-US',
  fallbackLanguage: 'en',
  revision: 'r1',
  branches: [
    {
      code: 'MAIN',
      name: 'Headquarters',
      headquarters: true,
      address: '410 Courthouse Square',
      phone: '+1 601-555-0100',
      servicePoints: [
        { code: 'circulation', name: 'Circulation Desk' },
        { code: 'bookmobile', name: 'Bookmobile', mobile: true, stops: [{ name: 'Mill Road school', day: 'tuesday', hours: '10:00-12:00' }] },
      ],
      openingHours: { monday: ['09:00-18:00'], sunday: [] },
      closures: [
        { date: '2026-12-24', reason: 'Christmas Eve', hours: ['09:00-12:00'] },
        { date: '2026-12-25', reason: 'Christmas Day' },
      ],
      region: 'north',
    },
  ],
  settings: { idleLockMinutes: 5, mailDeadlineHours: 24 },
  positions: [
    { code: 'page', name: 'Page', may: [] },
    { code: 'branch-manager', name: 'Branch manager', may: ['be-in-charge'] },
  ],
  chainOfCommand: { substitutesOnlyWithoutPermanentStaff: true, notifyWhenAbsent: 'branch-manager' },
};

export const CREATE_PLAN = {
  applied: false,
  changes: [
    { kind: 'tenant', key: 'riverbend', action: 'UNCHANGED', fields: [] },
    { kind: 'branch', key: 'riverbend/ORCHARD', action: 'CREATE', fields: [{ field: 'name', before: null, after: 'Orchard Branch' }] },
  ],
};
