/**
 * The one way the app talks to the ServicePoint API: JSON over fetch, never cached by the browser
 * (answers may name patrons or staff), errors read from application/problem+json.
 */
import { ENGLISH, type MessageId, type Values } from './i18n/i18n';

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
  /** The library system's locale ("en-US", "es-US"): the staff app's language unless the staff member chose. */
  locale?: string;
  /** The library system's time zone: dates and times are shown on its clock. */
  timeZone?: string;
  /** The language ("en", "es") of the texts when the app has none in the locale's own (fr-CA). */
  fallbackLanguage?: string;
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

/** One thing wrong with the input, as the server names it (`field` is a path such as `answers.location`). */
export interface Violation {
  field: string;
  message: string;
}

/** An RFC 9457 problem the server answered, or one made up here when it could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly type?: string;
  readonly title: string;
  readonly detail?: string;
  readonly requestId?: string;
  readonly errors: Violation[];
  /** The app's own problems name catalogue messages; the server's come with their own (translated) words. */
  readonly titleId?: MessageId;
  readonly detailId?: MessageId;
  readonly detailValues?: Values;

  constructor(problem: {
    status: number;
    title: string;
    type?: string;
    detail?: string;
    requestId?: string;
    errors?: Violation[];
    titleId?: MessageId;
    detailId?: MessageId;
    detailValues?: Values;
  }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
    this.titleId = problem.titleId;
    this.detailId = problem.detailId;
    this.detailValues = problem.detailValues;
  }

  /** The server's messages about one field of a form, named alone ("reason") or as a path ending in it ("form.reason"). */
  errorsAt(field: string): string[] {
    return this.errors.filter((e) => e.field.split('.').pop() === field).map((e) => e.message);
  }

  /** A problem the app itself found, in the catalogue's words. */
  static of(status: number, titleId: MessageId, detail?: { id: MessageId; values?: Values; requestId?: string }): ApiError {
    return new ApiError({
      status,
      title: ENGLISH.t(titleId),
      titleId,
      detail: detail && ENGLISH.t(detail.id, detail.values),
      detailId: detail?.id,
      detailValues: detail?.values,
      requestId: detail?.requestId,
    });
  }
}

export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/** Falls back to a lock after five minutes when the server sends no usable value: never no lock. */
export const DEFAULT_IDLE_LOCK_SECONDS = 300;

/** The staff member's language, asked of the server for the words it sends back (problem titles). */
let acceptLanguage = 'en';

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options));
}

/** POSTs a JSON body and reads the JSON answer (201 or 200). */
export async function postJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options, { method: 'POST', body: JSON.stringify(body) }));
}

/** PUTs a JSON body and reads the JSON answer. */
export async function putJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options, { method: 'PUT', body: JSON.stringify(body) }));
}

/** POSTs without a body where the answer has none either (204). */
export async function postEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options, { method: 'POST' });
}

/** POSTs a text body of another type (a CSV file) and reads the JSON answer. */
export async function postText<T>(path: string, body: string, contentType: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options, { method: 'POST', body, contentType }));
}

/** DELETEs; the answer has no body (204). */
export async function deleteEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options, { method: 'DELETE' });
}

/** A file the API hands out as an attachment (PDF, CSV), with the name the server gave it. */
export interface Download {
  blob: Blob;
  filename?: string;
}

export async function getFile(path: string, accept: string, options: RequestOptions = {}): Promise<Download> {
  const response = await send(path, options, { accept });
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

/** The file name of `attachment; filename="staff-riverbend.csv"`; only plain names, never a path. */
export function filenameOf(disposition: string | null): string | undefined {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  const name = match?.[1]?.trim();
  return name && /^[\w.-]+$/.test(name) ? name : undefined;
}

async function send(
  path: string,
  { token, signal }: RequestOptions,
  {
    method = 'GET',
    body,
    accept = 'application/json, application/problem+json',
    contentType = 'application/json',
  }: { method?: string; body?: string; accept?: string; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': acceptLanguage };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const init: RequestInit = { headers, signal, cache: 'no-store', credentials: 'same-origin' };
  if (method !== 'GET') {
    init.method = method;
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    init.body = body;
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw ApiError.of(0, 'problem.unreachable', { id: 'problem.unreachable.detail' });
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw ApiError.of(response.status, 'problem.notJson', {
      id: 'problem.notJson.detail',
      requestId: response.headers.get('X-Request-Id') ?? undefined,
    });
  }
}

/** Any error as a problem to show: the API's own, or one made up from what went wrong. */
export function asProblem(error: unknown, titleId: MessageId): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  const detail = error instanceof Error && error.message ? error.message : undefined;
  return new ApiError({ status: 0, title: ENGLISH.t(titleId), titleId, detail });
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
      errors: violationsIn(body.errors),
    });
  } catch {
    return new ApiError(fallback);
  }
}

/** The problem's `errors`, keeping only entries that have the expected shape (the body is not trusted). */
function violationsIn(errors: unknown): Violation[] {
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.flatMap((error: unknown) => {
    if (typeof error !== 'object' || error === null) {
      return [];
    }
    const { field, message } = error as Record<string, unknown>;
    return typeof message === 'string' ? [{ field: typeof field === 'string' ? field : '', message }] : [];
  });
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
