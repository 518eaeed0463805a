import { describe, expect, it, vi } from 'vitest';
import { ApiError, DEFAULT_IDLE_LOCK_SECONDS, filenameOf, getFile, getJson, loadMe, loadSignInConfig, postEmpty, postJson, putJson } from './api';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

/** A fetch double that answers every call with `response()` and records what it was asked. */
function serve(response: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api', () => {
  it('sends the bearer token and asks the browser not to cache', async () => {
    const fetch = serve(() => answer(200, { tagName: 'Ada' }, { 'Content-Type': 'application/json' }));

    await loadMe('token-1');

    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/me');
    expect(init?.cache).toBe('no-store');
    expect(init?.headers).toHaveProperty('Authorization', 'Bearer token-1');
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = serve(() => answer(200, {}, { 'Content-Type': 'application/json' }));

    await getJson('/api/public/anything');

    expect(fetch.mock.calls[0]?.[1]?.headers).not.toHaveProperty('Authorization');
  });

  it('reads problem+json into an ApiError', async () => {
    serve(() =>
      answer(
        404,
        { type: 'urn:servicepoint:problem:not-found', title: 'Not found', status: 404, detail: 'No library system called nowhere', requestId: 'req-12345678' },
        { 'Content-Type': 'application/problem+json' },
      ),
    );

    const error = await loadSignInConfig('nowhere').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, title: 'Not found', detail: 'No library system called nowhere', requestId: 'req-12345678' });
  });

  it('keeps the fields a refusal names, and only well-formed ones', async () => {
    const fetch = serve(() =>
      answer(
        400,
        {
          title: 'Invalid input',
          status: 400,
          errors: [{ field: 'answers.location', message: 'is too long' }, { message: 'no field' }, { field: 'x' }, 'junk', null],
        },
        { 'Content-Type': 'application/problem+json' },
      ),
    );

    const error = await putJson('/api/x', { answers: {} }, { token: 't' }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 400,
      errors: [
        { field: 'answers.location', message: 'is too long' },
        { field: '', message: 'no field' },
      ],
    });
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'PUT', body: '{"answers":{}}' });
  });

  it('takes the request id from the header when the body is not a problem', async () => {
    serve(() => answer(502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html', 'X-Request-Id': 'req-abcdefgh' }));

    const error = await getJson('/api/me').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, requestId: 'req-abcdefgh' });
  });

  it('says so when the server cannot be reached', async () => {
    serve(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = await getJson('/api/me').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, title: 'Server not reachable' });
  });

  it('never goes without an idle lock', async () => {
    const config = { tenant: { slug: 'riverbend', name: 'Riverbend' }, authority: 'http://kc/realms/riverbend', clientId: 'servicepoint-web' };
    serve(() => answer(200, { ...config, idleLockSeconds: 0 }, { 'Content-Type': 'application/json' }));

    expect((await loadSignInConfig('riverbend')).idleLockSeconds).toBe(DEFAULT_IDLE_LOCK_SECONDS);
  });

  it('asks for the tenant by its slug', async () => {
    const fetch = serve(() => answer(200, { idleLockSeconds: 120 }, { 'Content-Type': 'application/json' }));

    await loadSignInConfig('riverbend');

    expect(fetch.mock.calls[0]?.[0]).toBe('/api/public/tenants/riverbend/sign-in');
  });

  it('posts JSON with the bearer token and reads the answer', async () => {
    const fetch = serve(() => answer(201, { id: 'e-1' }, { 'Content-Type': 'application/json' }));

    expect(await postJson('/api/tenants/riverbend/escalations', { situation: 'complaint' }, { token: 'token-1' })).toEqual({ id: 'e-1' });

    const [, init] = fetch.mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', body: '{"situation":"complaint"}', cache: 'no-store' });
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-1', 'Content-Type': 'application/json' });
  });

  it('takes a 204 without a body', async () => {
    serve(() => new Response(null, { status: 204 }));

    await expect(postEmpty('/api/tenants/riverbend/duty/notices/n-1/read', { token: 'token-1' })).resolves.toBeUndefined();
  });

  it('reads a problem on a post too', async () => {
    serve(() => answer(404, { title: 'Not found', status: 404, detail: 'notice n-9', requestId: 'req-n9n9n9n9' }, { 'Content-Type': 'application/problem+json' }));

    await expect(postEmpty('/api/x', {})).rejects.toMatchObject({ status: 404, detail: 'notice n-9', requestId: 'req-n9n9n9n9' });
  });

  it('fetches a file with the name the server gave it', async () => {
    const fetch = serve(() => answer(200, 'tag_name\r\nJosé\r\n', { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="staff-riverbend.csv"' }));

    const file = await getFile('/api/tenants/riverbend/staff.csv', 'text/csv', { token: 'token-1' });

    expect(file.filename).toBe('staff-riverbend.csv');
    expect(await file.blob.text()).toBe('tag_name\r\nJosé\r\n');
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ Accept: 'text/csv', Authorization: 'Bearer token-1' });
  });

  it('keeps only plain file names from Content-Disposition', () => {
    expect(filenameOf('attachment; filename="name-tags-riverbend-HQ.pdf"')).toBe('name-tags-riverbend-HQ.pdf');
    expect(filenameOf('attachment; filename=staff.csv')).toBe('staff.csv');
    expect(filenameOf('attachment; filename="../../etc/passwd"')).toBeUndefined();
    expect(filenameOf(null)).toBeUndefined();
  });
});
