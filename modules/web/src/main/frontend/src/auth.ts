/**
 * Staff sign-in with the library system's Keycloak realm: OpenID Connect authorization code flow with
 * PKCE, in the browser, no client secret.
 *
 * Privacy: tokens live in memory only (a page reload signs in again through Keycloak's single sign-on),
 * so nothing that opens the API stays in browser storage on a shared desk computer. Only the short-lived
 * PKCE state sits in sessionStorage while the browser is away at Keycloak, and it is removed on return.
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
  /** Drops everything here, then ends the Keycloak session, which returns to /t/<slug>/signed-out. */
  signOut(idTokenHint?: string): Promise<void>;
  /** Called when the access token expired and could not be renewed; returns an unsubscribe function. */
  onExpired(listener: () => void): () => void;
}

export interface AuthOptions {
  origin?: string;
  /** How the browser leaves for Keycloak; the window itself unless a test watches instead. */
  navigator?: INavigator;
}

export function createAuth(config: SignInConfig, slug: string, options: AuthOptions = {}): Auth {
  const urls = appUrls(options.origin ?? window.location.origin, slug);
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

  return {
    async signIn(request) {
      await manager.signinRedirect(request?.fresh ? { prompt: 'login' } : undefined);
    },
    async completeSignIn(callbackUrl) {
      await manager.signinRedirectCallback(callbackUrl);
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
