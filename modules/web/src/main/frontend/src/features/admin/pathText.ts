/**
 * The words for the configuration's fields, and where in it a refusal points: "branches[5].closures[0].date" →
 * "Branch Orchard Branch › closure on 2027-01-04 › Date". A part the catalogue does not know is shown as written.
 */
import type { I18n, MessageId } from '../../shared/i18n/i18n';
import type { Day, TenantConfiguration } from './configuration';

export const DAY_LABELS: Record<Day, MessageId> = {
  monday: 'admin.day.monday',
  tuesday: 'admin.day.tuesday',
  wednesday: 'admin.day.wednesday',
  thursday: 'admin.day.thursday',
  friday: 'admin.day.friday',
  saturday: 'admin.day.saturday',
  sunday: 'admin.day.sunday',
};

const FIELDS: Record<string, MessageId> = {
  code: 'admin.field.code',
  name: 'admin.field.name',
  headquarters: 'admin.field.headquarters',
  address: 'admin.field.address',
  phone: 'admin.field.phone',
  openingHours: 'admin.field.openingHours',
  closures: 'admin.field.closures',
  date: 'admin.field.date',
  reason: 'admin.field.reason',
  hours: 'admin.field.hours',
  servicePoints: 'admin.field.servicePoints',
  may: 'admin.field.may',
  timeZone: 'admin.field.timeZone',
  locale: 'admin.field.locale',
  fallbackLanguage: 'admin.field.fallbackLanguage',
  idleLockMinutes: 'admin.field.idleLockMinutes',
  notifyWhenAbsent: 'admin.field.notifyWhenAbsent',
  substitutesOnlyWithoutPermanentStaff: 'admin.field.substitutesOnly',
  branches: 'admin.field.branches',
  positions: 'admin.field.positions',
  ...DAY_LABELS,
};

type Named = { code?: string; name?: string; date?: string } | undefined;

export function pathText(path: string, draft: TenantConfiguration, t: I18n['t']): string {
  const words: string[] = [];
  let here: unknown = draft;
  for (const segment of path.split('.')) {
    const match = /^(\w+)(?:\[(\d+)\])?$/.exec(segment);
    if (!match) {
      words.push(segment);
      continue;
    }
    const [, name, index] = match;
    const next = (here as Record<string, unknown> | undefined)?.[name!];
    if (index === undefined) {
      words.push(FIELDS[name!] ? t(FIELDS[name!]!) : name!);
      here = next;
      continue;
    }
    const item = (Array.isArray(next) ? next[Number(index)] : undefined) as Named;
    const number = Number(index) + 1;
    const label = item?.name || item?.code || item?.date || String(number);
    switch (name) {
      case 'branches':
        words.push(t('admin.path.branch', { name: label }));
        break;
      case 'servicePoints':
        words.push(t('admin.path.desk', { name: label }));
        break;
      case 'closures':
        words.push(t('admin.path.closure', { date: label }));
        break;
      case 'positions':
        words.push(t('admin.path.position', { name: label }));
        break;
      default:
        words.push(`${FIELDS[name!] ? t(FIELDS[name!]!) : name!} ${number}`);
    }
    here = item;
  }
  return words.join(' › ');
}
