/**
 * Staff sign-in with the library system's Keycloak realm: OpenID Connect authorization code flow with
 * PKCE, in the browser, no client secret.
 *
 * Privacy: tokens live in memory only, so nothing that opens the API stays in browser storage on a shared
 * desk computer. Only the short-lived PKCE state sits in sessionStorage while the browser is away at
 * Keycloak, and it is removed on return. A reload signs in again through Keycloak's single sign-on only
 * while the last password entry is younger than the library system's idle time (`max_age`), and the idle
 * lock ends that Keycloak session: the next person at the desk is asked for a password.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type INavigator } from 'oidc-client-ts';
import type { SignInConfig } from './api';
import { appUrls } from './place';

/** The library's prefix for the entries it writes; everything the app keeps in web storage has it. */
const STORAGE_PREFIX = 'oidc.';

export interface Tokens {
  accessToken: string;
  idToken?: string;
}

export interface Auth {
  /** Leaves for Keycloak. `fresh` asks for the password again even if Keycloak still knows the browser. */
  signIn(options?: { fresh?: boolean }): Promise<void>;
  /** Finishes the sign-in on return from Keycloak, given the callback URL with its code and state. */
  completeSignIn(callbackUrl: string): Promise<void>;
  /** The tokens of the signed-in staff member, or null. */
  tokens(): Promise<Tokens | null>;
  /** Drops the tokens and the app's web storage entries; stays on this page. */
  forget(): Promise<void>;
  /**
   * The idle lock: drops everything here like `forget`, then ends the Keycloak session in the background
   * (no page change), so a reload, a new tab or the back button finds no single sign-on to reuse.
   */
  endSession(): Promise<void>;
  /** Drops everything here, then ends the Keycloak session, which returns to /t/<slug>/signed-out. */
  signOut(idTokenHint?: string): Promise<void>;
  /** Called when the access token expired and could not be renewed; returns an unsubscribe function. */
  onExpired(listener: () => void): () => void;
}

export interface AuthOptions {
  origin?: string;
  /** How the browser leaves for Keycloak; the window itself unless a test watches instead. */
  navigator?: INavigator;
  /** Return addresses of another page than the staff app's (the operator console's, under /operator/). */
  urls?: { callback: string; signedOut: string };
}

/** A sign-in older than the idle time by more than this is refused even if Keycloak let it through. */
export const AUTH_TIME_TOLERANCE_SECONDS = 30;

export function createAuth(config: SignInConfig, slug: string, options: AuthOptions = {}): Auth {
  const urls = options.urls ?? appUrls(options.origin ?? window.location.origin, slug);
  const manager = new UserManager(
    {
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: urls.callback,
      post_logout_redirect_uri: urls.signedOut,
      response_type: 'code',
      scope: 'openid',
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      // The library would default to localStorage, which outlives the tab.
      stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: STORAGE_PREFIX }),
      // Renewal uses the refresh token over fetch; no hidden iframes (the CSP allows none).
      automaticSilentRenew: true,
      monitorSession: false,
      loadUserInfo: false,
    },
    options.navigator,
  );
  void manager.clearStaleState();

  // Keycloak re-uses its session only if the password was entered within the idle time; after that it asks again.
  const maxAge = Math.max(1, Math.floor(config.idleLockSeconds));

  return {
    async signIn(request) {
      await manager.signinRedirect(request?.fresh ? { prompt: 'login', max_age: maxAge } : { max_age: maxAge });
    },
    async completeSignIn(callbackUrl) {
      const user = await manager.signinRedirectCallback(callbackUrl);
      // Our own check of what Keycloak was asked: a sign-in that reused an older session is not accepted.
      const authTime = authTimeOf(user.id_token);
      const age = Date.now() / 1000 - (authTime ?? 0);
      if (age > maxAge + AUTH_TIME_TOLERANCE_SECONDS) {
        await manager.removeUser();
        clearAppStorage();
        throw new Error('The sign-in service did not ask for your password. Please sign in again.');
      }
    },
    async tokens() {
      const user = await manager.getUser();
      if (!user || user.expired) {
        return null;
      }
      return { accessToken: user.access_token, idToken: user.id_token };
    },
    async forget() {
      try {
        await manager.removeUser();
      } finally {
        clearAppStorage();
      }
    },
    async endSession() {
      const user = await manager.getUser();
      try {
        await manager.removeUser();
      } finally {
        clearAppStorage();
      }
      if (!user?.refresh_token) {
        return;
      }
      try {
        const endpoint = await manager.metadataService.getEndSessionEndpoint();
        if (!endpoint) {
          return;
        }
        // Keycloak's logout by refresh token ends the whole session (its cookie then opens nothing).
        // keepalive lets it finish even if the page is reloaded at once.
        await fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_id: config.clientId, refresh_token: user.refresh_token }).toString(),
          credentials: 'omit',
          keepalive: true,
        });
      } catch {
        // Unreachable Keycloak: its session then ends by its own idle timeout, set close to the lock's.
      }
    },
    async signOut(idTokenHint) {
      await manager.removeUser();
      clearAppStorage();
      await manager.signoutRedirect({ id_token_hint: idTokenHint });
    },
    onExpired(listener) {
      return manager.events.addAccessTokenExpired(listener);
    },
  };
}

/** The id token's auth_time (the library drops it from the profile it keeps); undefined when absent. */
function authTimeOf(idToken: string | undefined): number | undefined {
  try {
    const payload = idToken?.split('.')[1];
    if (!payload) {
      return undefined;
    }
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const authTime = (JSON.parse(json) as { auth_time?: unknown }).auth_time;
    return typeof authTime === 'number' ? authTime : undefined;
  } catch {
    return undefined;
  }
}

/** Removes every entry the app wrote to sessionStorage or localStorage (nothing else of the origin). */
export function clearAppStorage(): void {
  for (const storage of [window.sessionStorage, window.localStorage]) {
    try {
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (key?.startsWith(STORAGE_PREFIX)) {
          storage.removeItem(key);
        }
      }
    } catch {
      // Storage can be switched off by the browser; then there is nothing of ours in it either.
    }
  }
}
