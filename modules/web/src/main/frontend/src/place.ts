/**
 * Where in the staff app the browser is. The library system is chosen by path, /t/<slug>/, so a
 * bookmark at a desk always opens the right tenant.
 */

/** The tenant slug rule of the server (TenantId.SLUG): 3–40 characters, lowercase, digits, inner hyphens. */
const SLUG = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

export type View = 'home' | 'callback';

export interface Place {
  slug: string;
  view: View;
}

export function placeOf(pathname: string): Place | null {
  const match = /^\/t\/([^/]+)(?:\/(.*))?$/.exec(pathname);
  if (!match || !SLUG.test(match[1] ?? '')) {
    return null;
  }
  return { slug: match[1]!, view: match[2] === 'callback' ? 'callback' : 'home' };
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
