/**
 * The one way the app talks to the ServicePoint API: JSON over fetch, never cached by the browser
 * (answers may name patrons or staff), errors read from application/problem+json.
 */

export interface Tenant {
  slug: string;
  name: string;
}

/** GET /api/public/tenants/{slug}/sign-in: what the browser needs to sign staff in; public. */
export interface SignInConfig {
  tenant: Tenant;
  authority: string;
  clientId: string;
  idleLockSeconds: number;
}

/** GET /api/me: the signed-in staff member as the desk should see them (tag name, never a legal name). */
export interface Me {
  username: string;
  tagName: string;
  position: string;
  positionName: string;
  branch: string;
  branchName: string;
  roles: string[];
  tenant: Tenant;
}

/** An RFC 9457 problem the server answered, or one made up here when it could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly type?: string;
  readonly title: string;
  readonly detail?: string;
  readonly requestId?: string;

  constructor(problem: { status: number; title: string; type?: string; detail?: string; requestId?: string }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
  }
}

export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/** Falls back to a lock after five minutes when the server sends no usable value: never no lock. */
export const DEFAULT_IDLE_LOCK_SECONDS = 300;

export async function getJson<T>(path: string, { token, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  try {
    response = await fetch(path, { headers, signal, cache: 'no-store', credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({
      status: 0,
      title: 'Server not reachable',
      detail: 'ServicePoint could not be reached. Check the network connection and try again.',
    });
  }
  if (response.ok) {
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError({
        status: response.status,
        title: 'Unexpected answer',
        detail: 'The server answered something that is not JSON.',
        requestId: response.headers.get('X-Request-Id') ?? undefined,
      });
    }
  }
  throw await problemOf(response);
}

async function problemOf(response: Response): Promise<ApiError> {
  const headerId = response.headers.get('X-Request-Id') ?? undefined;
  const fallback = { status: response.status, title: response.statusText || `HTTP ${response.status}`, requestId: headerId };
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return new ApiError(fallback);
  }
  try {
    const body = (await response.json()) as Record<string, unknown>;
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      title: typeof body.title === 'string' ? body.title : fallback.title,
      type: typeof body.type === 'string' ? body.type : undefined,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      requestId: typeof body.requestId === 'string' ? body.requestId : headerId,
    });
  } catch {
    return new ApiError(fallback);
  }
}

export async function loadSignInConfig(slug: string, signal?: AbortSignal): Promise<SignInConfig> {
  const config = await getJson<SignInConfig>(`/api/public/tenants/${encodeURIComponent(slug)}/sign-in`, { signal });
  const seconds = Number(config.idleLockSeconds);
  return {
    ...config,
    idleLockSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : DEFAULT_IDLE_LOCK_SECONDS,
  };
}

export function loadMe(token: string, signal?: AbortSignal): Promise<Me> {
  return getJson<Me>('/api/me', { token, signal });
}
