/**
 * Where in the staff app the browser is. The library system is chosen by path, /t/<slug>/, so a
 * bookmark at a desk always opens the right tenant; the screen is the next part of the path
 * (/t/<slug>/roster, /t/<slug>/schedule), and for some screens one item after it (/t/<slug>/report/<id>,
 * /t/<slug>/incidents/<id>). The bans screen's item is the incident report a new ban follows from, and it is no
 * ban, so it goes in the query (/t/<slug>/bans?incident=<id>). The server answers every such path with the app.
 */
import { ROLE } from './session';

/** The tenant slug rule of the server (TenantId.SLUG): 3–40 characters, lowercase, digits, inner hyphens. */
const SLUG = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

/** The screens of the signed-in shell, in the order the navigation lists them. */
export const SCREENS = [
  'home',
  'desk',
  'call-backs',
  'report',
  'incidents',
  'bans',
  'policies',
  'standards',
  'training',
  'roster',
  'schedule',
  'policy-report',
  'policy-acknowledgements',
  'policy-editor',
  'record-complaint',
  'comment-cards',
  'complaints',
  'reconsiderations',
  'patron-requests',
  // admin-screens
  'admin-branches',
  'admin-hours',
  'admin-closures',
  'admin-positions',
  'admin-settings',
  // forms-editor
  'form-editor',
  // accounts
  'my-name-tag',
  // roster-shifts
  'shift-editor',
] as const;
export type Screen = (typeof SCREENS)[number];

/** Report ids are UUIDs; anything else after a screen name is not an item. */
const ITEM = /^[0-9a-fA-F-]{36}$/;
/** A policy's key: lowercase words with hyphens, as in policies.yaml. */
const POLICY_KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Screens that may name one item (a draft to go on with, a report to read, a policy) after their own name, and its shape. */
const ITEM_SCREENS: Partial<Record<Screen, RegExp>> = {
  report: ITEM,
  incidents: ITEM,
  policies: POLICY_KEY,
  'policy-editor': POLICY_KEY,
  complaints: ITEM,
  'comment-cards': ITEM,
  reconsiderations: ITEM,
};

/** Screens only some roles open (the server refuses the others anyway); every other screen is every staff member's. */
export const SCREEN_ROLES: Partial<Record<Screen, readonly string[]>> = {
  'policy-report': [ROLE.headquarters, ROLE.tenantAdmin],
  'policy-acknowledgements': [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin],
  'policy-editor': [ROLE.tenantAdmin],
  'comment-cards': [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin],
  complaints: [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin],
  reconsiderations: [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin],
  'patron-requests': [ROLE.personInCharge, ROLE.headquarters, ROLE.tenantAdmin],
  // admin-screens
  'admin-branches': [ROLE.tenantAdmin],
  'admin-hours': [ROLE.tenantAdmin],
  'admin-closures': [ROLE.tenantAdmin],
  'admin-positions': [ROLE.tenantAdmin],
  'admin-settings': [ROLE.tenantAdmin],
  // forms-editor
  'form-editor': [ROLE.tenantAdmin],
  // roster-shifts
  'shift-editor': [ROLE.personInCharge, ROLE.tenantAdmin],
};

/** The screens the navigation offers someone with these roles, in its order. */
export function screensFor(roles: readonly string[]): Screen[] {
  return SCREENS.filter((screen) => SCREEN_ROLES[screen]?.some((role) => roles.includes(role)) ?? true);
}

/** Screens whose item is named in the query, and under which name. */
const QUERY_ITEMS: Partial<Record<Screen, string>> = { bans: 'incident' };

export type View = Screen | 'callback';

export interface Place {
  slug: string;
  view: View;
}

export function placeOf(pathname: string): Place | null {
  const match = /^\/t\/([^/]+)(?:\/(.*))?$/.exec(pathname);
  if (!match || !SLUG.test(match[1] ?? '')) {
    return null;
  }
  return { slug: match[1]!, view: viewOf(match[2] ?? '') };
}

function viewOf(rest: string): View {
  if (rest === 'callback') {
    return 'callback';
  }
  const [screen = '', item, ...more] = rest.replace(/\/+$/, '').split('/');
  if (item !== undefined && (more.length > 0 || !ITEM_SCREENS[screen as Screen]?.test(item))) {
    return 'home';
  }
  return (SCREENS as readonly string[]).includes(screen) && screen !== 'home' ? (screen as Screen) : 'home';
}

/**
 * The item a path names after its screen (/t/<slug>/incidents/<id> → the id), or in its query for the screens that
 * take it there (/t/<slug>/bans?incident=<id> → the id), if any.
 */
export function itemOf(pathname: string, search = ''): string | undefined {
  const screen = screenOf(pathname);
  const name = QUERY_ITEMS[screen];
  if (name) {
    const value = new URLSearchParams(search).get(name) ?? '';
    return ITEM.test(value) ? value : undefined;
  }
  const match = /^\/t\/[^/]+\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  return match && ITEM_SCREENS[match[1] as Screen]?.test(match[2] ?? '') ? match[2] : undefined;
}

/** The screen a path shows once signed in (the callback and unknown paths show home). */
export function screenOf(pathname: string): Screen {
  const view = placeOf(pathname)?.view ?? 'home';
  return view === 'callback' ? 'home' : view;
}

/** The app's own path of a screen: /t/<slug>/ for home, /t/<slug>/<screen>[/<item>] for the others. */
export function pathOf(slug: string, screen: Screen, item?: string): string {
  if (screen === 'home') {
    return `/t/${slug}/`;
  }
  const name = QUERY_ITEMS[screen];
  if (name) {
    return item ? `/t/${slug}/${screen}?${name}=${encodeURIComponent(item)}` : `/t/${slug}/${screen}`;
  }
  return item ? `/t/${slug}/${screen}/${encodeURIComponent(item)}` : `/t/${slug}/${screen}`;
}

export interface AppUrls {
  home: string;
  callback: string;
  signedOut: string;
}

export function appUrls(origin: string, slug: string): AppUrls {
  const home = `${origin}/t/${slug}/`;
  return { home, callback: `${home}callback`, signedOut: `${home}signed-out` };
}
