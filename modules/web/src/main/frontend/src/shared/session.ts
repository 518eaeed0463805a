/**
 * What every screen shares about the signed-in session: the library system and a token for each call, the roles
 * the screens ask about, the library system's branches, the one way to write an API path, and downloads.
 */
import { ApiError, type Download } from './api';

/** What the screens need of the signed-in session: the library system and a token for each call. */
export interface Session {
  slug: string;
  /** The current access token; an ApiError (401) when the sign-in has ended. */
  token(): Promise<string>;
}

export const ROLE = {
  staff: 'staff',
  personInCharge: 'person-in-charge',
  headquarters: 'headquarters',
  tenantAdmin: 'tenant-admin',
} as const;

/** GET /api/tenants/{slug}/branches (a BranchSpec; only what the screens use). */
export interface Branch {
  code: string;
  name: string;
  headquarters?: boolean | null;
  servicePoints?: { code: string; name: string }[];
}

/** "/api/tenants/{slug}/{path}?{query}": the library system's part of the API, empty query values left out. */
export function tenantPath(session: Session, path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return `/api/tenants/${encodeURIComponent(session.slug)}/${path}${search ? `?${search}` : ''}`;
}

/** Hands a downloaded file to the browser as a download, then lets go of it. */
export function saveFile(download: Download, fallbackName: string, doc: Document = document): string {
  const name = download.filename ?? fallbackName;
  const url = URL.createObjectURL(download.blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the file once the click is handled; a moment later the object URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return name;
}

/** The error the session gives when it has no token any more. */
export function signInEnded(): ApiError {
  return ApiError.of(401, 'problem.signInEnded', { id: 'problem.signInEnded.detail' });
}
