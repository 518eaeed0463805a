import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { INavigator } from 'oidc-client-ts';
import type { SignInConfig } from './api';
import { clearAppStorage, createAuth } from './auth';

const AUTHORITY = 'http://localhost:8180/realms/riverbend';
const CONFIG: SignInConfig = {
  tenant: { slug: 'riverbend', name: 'Riverbend Regional Library System' },
  authority: AUTHORITY,
  clientId: 'servicepoint-web',
  idleLockSeconds: 300,
};

function base64url(value: object): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

const now = Math.floor(Date.now() / 1000);
const ID_TOKEN = [
  base64url({ alg: 'RS256', typ: 'JWT' }),
  base64url({ iss: AUTHORITY, aud: 'servicepoint-web', sub: 'user-1', iat: now, exp: now + 300, auth_time: now - 5 }),
  'signature',
].join('.');
/** An id token whose password entry is older than the idle time (Keycloak re-used an old session). */
const STALE_ID_TOKEN = [
  base64url({ alg: 'RS256', typ: 'JWT' }),
  base64url({ iss: AUTHORITY, aud: 'servicepoint-web', sub: 'user-1', iat: now, exp: now + 300, auth_time: now - 3600 }),
  'signature',
].join('.');
const ACCESS_TOKEN = 'access-token-from-keycloak';

/** Keycloak's discovery document and token endpoint, as far as the sign-in needs them. */
function fakeKeycloak(idToken = ID_TOKEN) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === `${AUTHORITY}/.well-known/openid-configuration`) {
      return Response.json({
        issuer: AUTHORITY,
        authorization_endpoint: `${AUTHORITY}/protocol/openid-connect/auth`,
        token_endpoint: `${AUTHORITY}/protocol/openid-connect/token`,
        end_session_endpoint: `${AUTHORITY}/protocol/openid-connect/logout`,
      });
    }
    if (url === `${AUTHORITY}/protocol/openid-connect/logout` && init?.method === 'POST') {
      return new Response(null, { status: 204 });
    }
    if (url === `${AUTHORITY}/protocol/openid-connect/token` && init?.method === 'POST') {
      return Response.json({
        access_token: ACCESS_TOKEN,
        id_token: idToken,
        refresh_token: 'refresh-token-from-keycloak',
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'openid',
      });
    }
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function storedText(): string {
  const all: string[] = [];
  for (const storage of [sessionStorage, localStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      all.push(key, storage.getItem(key) ?? '');
    }
  }
  return all.join('\n');
}

/** Stands in for the browser leaving for Keycloak: notes where it was sent instead. */
function watchingNavigator() {
  const visited: URL[] = [];
  const navigator: INavigator = {
    prepare: async () => ({
      navigate: async ({ url }) => {
        visited.push(new URL(url));
        return { url };
      },
      close: () => {},
    }),
    callback: async () => {},
  };
  return { navigator, visited };
}

const ORIGIN = 'http://localhost:3000';

describe('createAuth', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('signs in with PKCE and keeps the tokens out of web storage', async () => {
    const fetch = fakeKeycloak();
    const { navigator, visited } = watchingNavigator();
    const auth = createAuth(CONFIG, 'riverbend', { origin: ORIGIN, navigator });

    await auth.signIn();

    const authorize = visited[0]!;
    expect(authorize.origin + authorize.pathname).toBe(`${AUTHORITY}/protocol/openid-connect/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'servicepoint-web',
      redirect_uri: `${ORIGIN}/t/riverbend/callback`,
      response_type: 'code',
      scope: 'openid',
      code_challenge_method: 'S256',
      // Single sign-on only within the idle time; older sessions are asked for the password.
      max_age: '300',
    });
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.has('prompt')).toBe(false);
    // While the browser is away only the PKCE state is kept, in this tab's sessionStorage.
    expect(localStorage.length).toBe(0);
    const state = authorize.searchParams.get('state')!;
    const pending = JSON.parse(sessionStorage.getItem(`oidc.${state}`)!) as Record<string, unknown>;
    expect(pending).toHaveProperty('code_verifier');

    await auth.completeSignIn(`${ORIGIN}/t/riverbend/callback?code=one-time-code&state=${state}`);

    const tokenRequest = fetch.mock.calls.find(([url]) => String(url).endsWith('/token'))!;
    const form = new URLSearchParams(String(tokenRequest[1]?.body));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('one-time-code');
    expect(form.get('code_verifier')).toBe(pending.code_verifier);
    expect(await auth.tokens()).toEqual({ accessToken: ACCESS_TOKEN, idToken: ID_TOKEN });
    const stored = storedText();
    expect(stored).not.toContain(ACCESS_TOKEN);
    expect(stored).not.toContain(ID_TOKEN);
    expect(stored).not.toContain('access_token');
    expect(sessionStorage.length + localStorage.length).toBe(0);

    await auth.forget();
    expect(await auth.tokens()).toBeNull();
  });

  it('asks for the password again when unlocking', async () => {
    fakeKeycloak();
    const { navigator, visited } = watchingNavigator();
    const auth = createAuth(CONFIG, 'riverbend', { origin: ORIGIN, navigator });

    await auth.signIn({ fresh: true });

    expect(visited[0]!.searchParams.get('prompt')).toBe('login');
  });

  it('refuses a sign-in whose password entry is older than the idle time', async () => {
    fakeKeycloak(STALE_ID_TOKEN);
    const { navigator, visited } = watchingNavigator();
    const auth = createAuth(CONFIG, 'riverbend', { origin: ORIGIN, navigator });
    await auth.signIn();
    const state = visited[0]!.searchParams.get('state')!;

    await expect(auth.completeSignIn(`${ORIGIN}/t/riverbend/callback?code=one-time-code&state=${state}`)).rejects.toThrow(
      /did not ask for your password/,
    );

    expect(await auth.tokens()).toBeNull();
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('ends the Keycloak session with the refresh token when the screen locks, and keeps nothing here', async () => {
    const fetch = fakeKeycloak();
    const { navigator, visited } = watchingNavigator();
    const auth = createAuth(CONFIG, 'riverbend', { origin: ORIGIN, navigator });
    await auth.signIn();
    const state = visited[0]!.searchParams.get('state')!;
    await auth.completeSignIn(`${ORIGIN}/t/riverbend/callback?code=one-time-code&state=${state}`);

    await auth.endSession();

    const logout = fetch.mock.calls.find(([url, init]) => String(url).endsWith('/logout') && init?.method === 'POST');
    expect(logout).toBeDefined();
    const form = new URLSearchParams(String(logout![1]?.body));
    expect(form.get('client_id')).toBe('servicepoint-web');
    expect(form.get('refresh_token')).toBe('refresh-token-from-keycloak');
    expect(logout![1]?.credentials).toBe('omit');
    expect(await auth.tokens()).toBeNull();
    expect(visited).toHaveLength(1);
  });

  it('signs out at Keycloak with the id token as hint and returns to the signed-out page', async () => {
    fakeKeycloak();
    const { navigator, visited } = watchingNavigator();
    const auth = createAuth(CONFIG, 'riverbend', { origin: ORIGIN, navigator });

    await auth.signOut(ID_TOKEN);

    const logout = visited[0]!;
    expect(logout.origin + logout.pathname).toBe(`${AUTHORITY}/protocol/openid-connect/logout`);
    expect(logout.searchParams.get('id_token_hint')).toBe(ID_TOKEN);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/t/riverbend/signed-out`);
    expect(localStorage.length).toBe(0);
  });
});

describe('clearAppStorage', () => {
  it("removes the app's entries from both storages and nothing else", () => {
    sessionStorage.setItem('oidc.abc', '{"code_verifier":"x"}');
    localStorage.setItem('oidc.user:old', '{"access_token":"y"}');
    sessionStorage.setItem('other-app', 'keep');
    localStorage.setItem('other-app', 'keep');

    clearAppStorage();

    expect(sessionStorage.getItem('oidc.abc')).toBeNull();
    expect(localStorage.getItem('oidc.user:old')).toBeNull();
    expect(sessionStorage.getItem('other-app')).toBe('keep');
    expect(localStorage.getItem('other-app')).toBe('keep');
    sessionStorage.clear();
    localStorage.clear();
  });
});
