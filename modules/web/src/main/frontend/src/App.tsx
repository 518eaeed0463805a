/**
 * The staff app: finds the library system from the path, signs the staff member in with its realm,
 * shows the shell, and locks the screen when the desk has been left alone.
 *
 * Everything confidential (tokens, who is signed in) lives in this component's state and the Auth's
 * memory; locking or signing out replaces that state, which unmounts every screen that showed it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError, asProblem, DEFAULT_IDLE_LOCK_SECONDS, loadMe, loadSignInConfig, setApiLanguage, type Me, type SignInConfig } from './shared/api';
import { clearAppStorage, createAuth, type Auth } from './shared/auth';
import { I18nProvider, languageOf, makeI18n, storedLanguage, storeLanguage, type I18n, type Language, type MessageId } from './shared/i18n/i18n';
import { placeOf } from './shared/place';
import { Shell } from './Shell';
import { signInEnded, type Session } from './shared/session';
import { useIdleLock } from './shared/useIdleLock';
import { Leaving, Locked, NoTenant, ServiceDown, SignIn, Starting, Unavailable, UnknownTenant, lockMessage } from './shared/views';

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
  | { phase: 'signed-out'; config: SignInConfig; notice?: MessageId; problem?: ApiError }
  | { phase: 'leaving'; config: SignInConfig; message: MessageId }
  /** Signed in, but the server could not say who: the tokens are kept and the staff member tries again. */
  | { phase: 'service-down'; config: SignInConfig; problem: ApiError }
  | { phase: 'signed-in'; config: SignInConfig; me: Me }
  | { phase: 'locked'; config: SignInConfig };

interface Started {
  state: State;
  auth?: Auth;
}

const SIGN_IN_ENDED: MessageId = 'signIn.ended';

export function App({ deps = SERVER }: { deps?: Deps }) {
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [chosenLanguage, setChosenLanguage] = useState<Language | undefined>(storedLanguage);
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

  // The staff member's own choice on this browser, else the library system's locale (or its fallback language).
  const language = chosenLanguage ?? languageOf(config?.locale, config?.fallbackLanguage);
  const i18n = useMemo<I18n>(
    () =>
      makeI18n(language, config?.timeZone, (next) => {
        storeLanguage(next);
        setChosenLanguage(next);
      }),
    [language, config?.timeZone],
  );
  // Before paint, so the page never shows words of one language under the lang attribute of the other (screen readers
  // pick their voice from it).
  useLayoutEffect(() => {
    document.documentElement.lang = i18n.locale;
    setApiLanguage(i18n.locale);
  }, [i18n.locale]);

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
    setState((current) => (holdsSession(current) ? { phase: 'locked', config: current.config } : current));
    void auth.current?.endSession();
  }, []);
  useIdleLock(config?.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS, lock, holdsSession(state));

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
      setState({ phase: 'leaving', config, message: 'signIn.leaving' });
      try {
        await auth.current.signIn({ fresh });
      } catch (error) {
        setState({ phase: 'signed-out', config, problem: problemOf(error, 'problem.signInStart') });
      }
    },
    [config],
  );

  const signOut = useCallback(async () => {
    if (!config || !auth.current) {
      return;
    }
    const tokens = await auth.current.tokens();
    setState({ phase: 'leaving', config, message: 'signOut.leaving' });
    try {
      await auth.current.signOut(tokens?.idToken);
    } catch (error) {
      setState({ phase: 'signed-out', config, problem: problemOf(error, 'problem.signOut') });
    }
  }, [config]);

  const retry = useCallback(async () => {
    if (state.phase !== 'service-down' || !auth.current || !session) {
      return;
    }
    setState(await whoIsSignedIn(deps, auth.current, state.config, session.slug));
  }, [deps, session, state]);

  return (
    <I18nProvider i18n={i18n}>
      <Screen
        state={state}
        session={session}
        onSignIn={() => void signIn(false)}
        onUnlock={() => void signIn(true)}
        onSignOut={() => void signOut()}
        onRetry={() => void retry()}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(state, i18n)}
      </p>
    </I18nProvider>
  );
}

function Screen(props: {
  state: State;
  session?: Session;
  onSignIn: () => void;
  onUnlock: () => void;
  onSignOut: () => void;
  onRetry: () => void;
}) {
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
    case 'service-down':
      return <ServiceDown problem={state.problem} onRetry={props.onRetry} onSignOut={props.onSignOut} />;
  }
}

/** Tokens are held: the idle lock watches. */
function holdsSession(state: State): state is Extract<State, { phase: 'signed-in' | 'service-down' }> {
  return state.phase === 'signed-in' || state.phase === 'service-down';
}

/** Status for screen readers; never anything about the person signed in. */
function announcement(state: State, i18n: I18n): string {
  switch (state.phase) {
    case 'starting':
      return i18n.t('app.loading');
    case 'signed-out':
      return state.notice ? i18n.t(state.notice) : '';
    case 'leaving':
      return i18n.t(state.message);
    case 'locked':
      return `${lockMessage(state.config.idleLockSeconds, i18n)}.`;
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
    const problem = problemOf(error, 'problem.tenant');
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
        return { auth, state: { phase: 'signed-out', config, problem: problemOf(error, 'problem.signInComplete') } };
      }
    }
    return { auth, state: await whoIsSignedIn(deps, auth, config, place.slug) };
  } catch (error) {
    return { state: { phase: 'unavailable', problem: problemOf(error, 'problem.signInUnavailable') } };
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
      throw ApiError.of(403, 'problem.wrongTenant', { id: 'problem.wrongTenant.detail', values: { name: config.tenant.name } });
    }
    return { phase: 'signed-in', config, me };
  } catch (error) {
    const problem = problemOf(error, 'problem.profile');
    // The server or the network is down for a while: the sign-in itself is still good, so it is kept.
    if (problem.status === 0 || problem.status >= 500) {
      return { phase: 'service-down', config, problem };
    }
    await auth.forget();
    return problem.status === 401
      ? { phase: 'signed-out', config, notice: SIGN_IN_ENDED }
      : { phase: 'signed-out', config, problem };
  }
}

function problemOf(error: unknown, title: MessageId): ApiError {
  return asProblem(error, title);
}
