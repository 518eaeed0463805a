/**
 * The main navigation in groups, so a desk worker finds the desk's screens first and the rest sit apart: "At the
 * desk" (every staff member's screens), "Follow-up" (screens for persons in charge and headquarters) and
 * "Administration" (screens only tenant administrators open). A screen's group follows from who may open it
 * (SCREEN_ROLES), so a screen added later lands in the right group without a list to keep.
 */
import type { MessageId } from './i18n/i18n';
import { SCREEN_ROLES, screensFor, type Screen } from './place';
import { ROLE } from './session';

export type NavGroupName = 'desk' | 'follow-up' | 'administration';

export interface NavGroup {
  name: NavGroupName;
  label: MessageId;
  screens: Screen[];
}

const LABELS: Record<NavGroupName, MessageId> = {
  desk: 'admin.nav.desk',
  'follow-up': 'admin.nav.followUp',
  administration: 'admin.nav.administration',
};

const ORDER: NavGroupName[] = ['desk', 'follow-up', 'administration'];

export function navGroupOf(screen: Screen): NavGroupName {
  const roles = SCREEN_ROLES[screen];
  if (!roles) {
    return 'desk';
  }
  return roles.every((role) => role === ROLE.tenantAdmin) ? 'administration' : 'follow-up';
}

/** The groups someone with these roles sees, in order, each with its screens in the navigation's order; none empty. */
export function navGroupsFor(roles: readonly string[]): NavGroup[] {
  const screens = screensFor(roles);
  return ORDER.map((name) => ({ name, label: LABELS[name], screens: screens.filter((screen) => navGroupOf(screen) === name) })).filter(
    (group) => group.screens.length > 0,
  );
}
