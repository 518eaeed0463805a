/**
 * The staff app: finds the library system from the path, signs the staff member in with its realm,
 * shows the shell, and locks the screen when the desk has been left alone.
 *
 * Everything confidential (tokens, who is signed in) lives in this component's state and the Auth's
 * memory; locking or signing out replaces that state, which unmounts every screen that showed it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, asProblem, DEFAULT_IDLE_LOCK_SECONDS, loadMe, loadSignInConfig, type Me, type SignInConfig } from './api';
import { clearAppStorage, createAuth, type Auth } from './auth';
import { placeOf } from './place';
import { Shell } from './Shell';
import { signInEnded, type Session } from './staffing';
import { useIdleLock } from './useIdleLock';
import { Leaving, Locked, NoTenant, SignIn, Starting, Unavailable, UnknownTenant, lockMessage } from './views';

export interface Deps {
  loadSignInConfig(slug: string): Promise<SignInConfig>;
  loadMe(accessToken: string): Promise<Me>;
  createAuth(config: SignInConfig, slug: string): Auth;
}

const SERVER: Deps = {
  loadSignInConfig: (slug) => loadSignInConfig(slug),
  loadMe: (accessToken) => loadMe(accessToken),
  createAuth: (config, slug) => createAuth(config, slug),
};

export type State =
  | { phase: 'starting' }
  | { phase: 'no-tenant' }
  | { phase: 'unknown-tenant'; slug: string }
  | { phase: 'unavailable'; problem: ApiError }
  | { phase: 'signed-out'; config: SignInConfig; notice?: string; problem?: ApiError }
  | { phase: 'leaving'; config: SignInConfig; message: string }
  | { phase: 'signed-in'; config: SignInConfig; me: Me }
  | { phase: 'locked'; config: SignInConfig };

interface Started {
  state: State;
  auth?: Auth;
}

const SIGN_IN_ENDED = 'Your sign-in has ended. Please sign in again.';

export function App({ deps = SERVER }: { deps?: Deps }) {
  const [state, setState] = useState<State>({ phase: 'starting' });
  const auth = useRef<Auth | undefined>(undefined);
  // Started once per page load, even when React runs effects twice in development.
  const starting = useRef<Promise<Started> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    starting.current ??= start(deps);
    void starting.current.then((started) => {
      if (live) {
        auth.current = started.auth;
        setState(started.state);
      }
    });
    return () => {
      live = false;
    };
  }, [deps]);

  const config = 'config' in state ? state.config : undefined;

  // The screens ask for a token at each call: renewals happen behind them, and after the lock there is none.
  const slug = config?.tenant.slug;
  const session = useMemo<Session | undefined>(
    () =>
      slug === undefined
        ? undefined
        : {
            slug,
            async token() {
              const tokens = await auth.current?.tokens();
              if (!tokens) {
                throw signInEnded();
              }
              return tokens.accessToken;
            },
          },
    [slug],
  );

  const lock = useCallback(() => {
    setState((current) => (current.phase === 'signed-in' ? { phase: 'locked', config: current.config } : current));
    void auth.current?.endSession();
  }, []);
  useIdleLock(config?.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS, lock, state.phase === 'signed-in');

  useEffect(() => {
    if (state.phase !== 'signed-in' || !auth.current) {
      return undefined;
    }
    return auth.current.onExpired(() => {
      void auth.current?.forget();
      setState((current) =>
        current.phase === 'signed-in' ? { phase: 'signed-out', config: current.config, notice: SIGN_IN_ENDED } : current,
      );
    });
  }, [state.phase]);

  const signIn = useCallback(
    async (fresh: boolean) => {
      if (!config || !auth.current) {
        return;
      }
      setState({ phase: 'leaving', config, message: 'Taking you to sign-in…' });
      try {
        await auth.current.signIn({ fresh });
      } catch (error) {
        setState({ phase: 'signed-out', config, problem: problemOf(error, 'Sign-in could not start') });
      }
    },
    [config],
  );

  const signOut = useCallback(async () => {
    if (!config || !auth.current) {
      return;
    }
    const tokens = await auth.current.tokens();
    setState({ phase: 'leaving', config, message: 'Signing out…' });
    try {
      await auth.current.signOut(tokens?.idToken);
    } catch (error) {
      setState({ phase: 'signed-out', config, problem: problemOf(error, 'Sign-out did not reach the sign-in service') });
    }
  }, [config]);

  return (
    <>
      <Screen
        state={state}
        session={session}
        onSignIn={() => void signIn(false)}
        onUnlock={() => void signIn(true)}
        onSignOut={() => void signOut()}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(state)}
      </p>
    </>
  );
}

function Screen(props: { state: State; session?: Session; onSignIn: () => void; onUnlock: () => void; onSignOut: () => void }) {
  const { state } = props;
  switch (state.phase) {
    case 'starting':
      return <Starting />;
    case 'no-tenant':
      return <NoTenant />;
    case 'unknown-tenant':
      return <UnknownTenant slug={state.slug} />;
    case 'unavailable':
      return <Unavailable problem={state.problem} />;
    case 'signed-out':
      return <SignIn config={state.config} notice={state.notice} problem={state.problem} onSignIn={props.onSignIn} />;
    case 'leaving':
      return <Leaving message={state.message} />;
    case 'signed-in':
      return props.session ? (
        <Shell config={state.config} me={state.me} session={props.session} onSignOut={props.onSignOut} />
      ) : (
        <Starting />
      );
    case 'locked':
      return <Locked config={state.config} onSignIn={props.onUnlock} />;
  }
}

/** Status for screen readers; never anything about the person signed in. */
function announcement(state: State): string {
  switch (state.phase) {
    case 'starting':
      return 'Loading';
    case 'signed-out':
      return state.notice ?? '';
    case 'leaving':
      return state.message;
    case 'locked':
      return `${lockMessage(state.config.idleLockSeconds)}.`;
    default:
      return '';
  }
}

/** From the address to the first screen: tenant, then the return from Keycloak, then who is signed in. */
async function start(deps: Deps): Promise<Started> {
  const place = placeOf(window.location.pathname);
  if (!place) {
    return { state: { phase: 'no-tenant' } };
  }
  let config: SignInConfig;
  try {
    config = await deps.loadSignInConfig(place.slug);
  } catch (error) {
    const problem = problemOf(error, 'The library system could not be loaded');
    return problem.status === 404
      ? { state: { phase: 'unknown-tenant', slug: place.slug } }
      : { state: { phase: 'unavailable', problem } };
  }
  try {
    const auth = deps.createAuth(config, place.slug);
    if (place.view === 'callback') {
      const callbackUrl = window.location.href;
      // The one-time code must not stay in the address bar or in the history.
      window.history.replaceState(null, '', `/t/${place.slug}/`);
      try {
        await auth.completeSignIn(callbackUrl);
      } catch (error) {
        clearAppStorage();
        return { auth, state: { phase: 'signed-out', config, problem: problemOf(error, 'Sign-in did not complete') } };
      }
    }
    return { auth, state: await whoIsSignedIn(deps, auth, config, place.slug) };
  } catch (error) {
    return { state: { phase: 'unavailable', problem: problemOf(error, 'Sign-in is not available') } };
  }
}

async function whoIsSignedIn(deps: Deps, auth: Auth, config: SignInConfig, slug: string): Promise<State> {
  const tokens = await auth.tokens();
  if (!tokens) {
    return { phase: 'signed-out', config };
  }
  try {
    const me = await deps.loadMe(tokens.accessToken);
    if (me.tenant?.slug !== slug) {
      throw new ApiError({ status: 403, title: 'Wrong library system', detail: `This sign-in is not for ${config.tenant.name}.` });
    }
    return { phase: 'signed-in', config, me };
  } catch (error) {
    await auth.forget();
    const problem = problemOf(error, 'Your staff profile could not be loaded');
    return problem.status === 401
      ? { phase: 'signed-out', config, notice: SIGN_IN_ENDED }
      : { phase: 'signed-out', config, problem };
  }
}

function problemOf(error: unknown, title: string): ApiError {
  return asProblem(error, title);
}
