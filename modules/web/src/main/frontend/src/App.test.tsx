import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Me, type SignInConfig } from './shared/api';
import { App, type Deps } from './App';
import type { Auth, Tokens } from './shared/auth';
import { API, BRANCHES, IN_CHARGE, NOTICES, SITUATIONS, STAFF, WEEK, calls, fakeApi } from './shared/testing';

const CONFIG: SignInConfig = {
  tenant: { slug: 'riverbend', name: 'Riverbend Regional Library System' },
  authority: 'http://localhost:8180/realms/riverbend',
  clientId: 'servicepoint-web',
  idleLockSeconds: 300,
};

const ADA: Me = {
  username: 'ada',
  tagName: 'Ada',
  position: 'branch-manager',
  positionName: 'Branch manager',
  branch: 'HQ',
  branchName: 'Headquarters',
  roles: ['staff', 'person-in-charge'],
  tenant: CONFIG.tenant,
};

/** An Auth double holding the tokens in a variable, as the real one holds them in memory. */
function fakeAuth(signedIn: boolean) {
  let tokens: Tokens | null = signedIn ? { accessToken: 'access-1', idToken: 'id-1' } : null;
  const expired: (() => void)[] = [];
  const auth = {
    signIn: vi.fn(async () => {}),
    completeSignIn: vi.fn(async () => {
      tokens = { accessToken: 'access-1', idToken: 'id-1' };
    }),
    tokens: vi.fn(async () => tokens),
    forget: vi.fn(async () => {
      tokens = null;
    }),
    endSession: vi.fn(async () => {
      tokens = null;
    }),
    signOut: vi.fn(async () => {
      tokens = null;
    }),
    onExpired: vi.fn((listener: () => void) => {
      expired.push(listener);
      return () => {};
    }),
    expire: () => expired.forEach((listener) => listener()),
  } satisfies Auth & { expire: () => void };
  return auth;
}

function deps(auth: Auth, overrides: Partial<Deps> = {}): Deps {
  return {
    loadSignInConfig: vi.fn(async () => CONFIG),
    loadMe: vi.fn(async () => ADA),
    createAuth: () => auth,
    ...overrides,
  };
}

function at(path: string) {
  window.history.replaceState(null, '', path);
}

/** Waits for the shell, then lets React run its effects (idle clock, expiry listener) before going on. */
async function shellShown() {
  const line = await screen.findByText(/Signed in as/);
  await act(async () => {});
  return line;
}

describe('App', () => {
  let fetch: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    at('/t/riverbend/');
    fetch = fakeApi({
      [`GET ${API}/branches`]: BRANCHES,
      [`GET ${API}/duty/in-charge`]: IN_CHARGE,
      [`GET ${API}/duty/situations`]: SITUATIONS,
      [`GET ${API}/duty/notices`]: NOTICES,
      [`POST ${API}/duty/notices/n-1/read`]: () => new Response(null, { status: 204 }),
      [`GET ${API}/staff`]: STAFF,
      [`GET ${API}/schedule`]: WEEK,
      [`GET ${API}/coverage`]: [],
      [`GET ${API}/call-backs`]: [],
    });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the shell with the tag name, position and branch once signed in', async () => {
    render(<App deps={deps(fakeAuth(true))} />);

    expect(await shellShown()).toHaveProperty('textContent', 'Signed in as Ada — Branch manager, Headquarters');
    expect(screen.getByRole('banner').textContent).toContain('Riverbend Regional Library System');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Call-backs' })).toBeTruthy();
    // Home's call-back card is the real thing: the branch's queue at a glance and the way to it.
    expect(screen.queryByText('Coming soon')).toBeNull();
    expect(screen.getByRole('link', { name: 'Open the call-back queue' }).getAttribute('href')).toBe('/t/riverbend/call-backs');
    expect(await screen.findByText('None overdue, none more due today.')).toBeTruthy();
    expect(screen.getByRole('main').querySelector('a.button')?.getAttribute('href')).toBe('/t/riverbend/report');
    expect((await screen.findByText(/^In charge now:/)).textContent).toBe('In charge now: Bea (Branch manager)');
    expect(screen.getByRole('button', { name: 'Escalate' })).toBeTruthy();
    // Headquarters' branch choice is hidden from others (Ada is a person in charge at HQ, not headquarters).
    expect(screen.queryByLabelText('Branch')).toBeNull();
    for (const call of fetch.mock.calls) {
      expect(call[1]?.headers).toHaveProperty('Authorization', 'Bearer access-1');
    }
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
  });

  it('asks to sign in when nobody is, and leaves for Keycloak on the button', async () => {
    const auth = fakeAuth(false);
    render(<App deps={deps(auth)} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Riverbend Regional Library System' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(auth.signIn).toHaveBeenCalledWith({ fresh: false });
  });

  it('locks the screen after the idle time and leaves nothing of the session in the page', async () => {
    const auth = fakeAuth(true);
    render(<App deps={deps(auth)} />);
    await shellShown();

    await act(async () => {
      vi.advanceTimersByTime(300_000);
    });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Screen locked after 5 minutes without activity');
    // Not only the page's tokens: the Keycloak session, so a reload asks for the password.
    expect(auth.endSession).toHaveBeenCalled();
    const page = document.body.innerHTML;
    for (const trace of ['Ada', 'Bea', 'Branch manager', 'Headquarters', 'Sign out', 'Notices', 'In charge']) {
      expect(page).not.toContain(trace);
    }
    expect(screen.getByRole('status').textContent).toBe('Screen locked after 5 minutes without activity.');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(auth.signIn).toHaveBeenCalledWith({ fresh: true });
  });

  it('does not lock while the desk is in use', async () => {
    render(<App deps={deps(fakeAuth(true))} />);
    await shellShown();

    for (let minute = 0; minute < 10; minute++) {
      await act(async () => {
        vi.advanceTimersByTime(60_000);
      });
      fireEvent.keyDown(document.body, { key: 'Tab' });
    }

    expect(screen.getByText(/Signed in as/)).toBeTruthy();
  });

  it('finishes the return from Keycloak and takes the code out of the address bar', async () => {
    at('/t/riverbend/callback?code=one-time-code&state=abc&session_state=xyz');
    const auth = fakeAuth(false);
    render(<App deps={deps(auth)} />);

    await shellShown();

    expect(auth.completeSignIn).toHaveBeenCalledWith('http://localhost:3000/t/riverbend/callback?code=one-time-code&state=abc&session_state=xyz');
    expect(window.location.pathname).toBe('/t/riverbend/');
    expect(window.location.search).toBe('');
  });

  it('shows why the return from Keycloak failed', async () => {
    at('/t/riverbend/callback?error=access_denied');
    const auth = fakeAuth(false);
    auth.completeSignIn.mockRejectedValueOnce(new Error('The user was not allowed to sign in'));
    render(<App deps={deps(auth)} />);

    expect((await screen.findByRole('alert')).textContent).toContain('The user was not allowed to sign in');
    expect(window.location.search).toBe('');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs in again when the server no longer accepts the token', async () => {
    const auth = fakeAuth(true);
    const loadMe = vi.fn(async () => {
      throw new ApiError({ status: 401, title: 'Unauthorized', detail: 'The token has expired' });
    });
    render(<App deps={deps(auth, { loadMe })} />);

    expect(await screen.findByText('Your sign-in has ended. Please sign in again.', { selector: '.notice' })).toBeTruthy();
    expect(auth.forget).toHaveBeenCalled();
  });

  it('drops the session when the token expires and cannot be renewed', async () => {
    const auth = fakeAuth(true);
    render(<App deps={deps(auth)} />);
    await shellShown();

    act(() => auth.expire());

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('Ada');
    expect(auth.forget).toHaveBeenCalled();
  });

  it('signs out with the id token as hint after clearing the screen', async () => {
    const auth = fakeAuth(true);
    render(<App deps={deps(auth)} />);
    await shellShown();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Signing out…', { selector: '.quiet' })).toBeTruthy();
    expect(auth.signOut).toHaveBeenCalledWith('id-1');
    expect(document.body.innerHTML).not.toContain('Ada');
  });

  it('names the library system it does not know', async () => {
    at('/t/nowhere/');
    const loadSignInConfig = vi.fn(async () => {
      throw new ApiError({ status: 404, title: 'Not found', detail: 'No library system called nowhere' });
    });
    render(<App deps={deps(fakeAuth(false), { loadSignInConfig })} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'No library system called nowhere' })).toBeTruthy();
  });

  it('shows the detail and the request id of a server problem', async () => {
    const loadSignInConfig = vi.fn(async () => {
      throw new ApiError({ status: 503, title: 'Service unavailable', detail: 'The database is not ready', requestId: 'req-0123456789' });
    });
    render(<App deps={deps(fakeAuth(false), { loadSignInConfig })} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not ready');
    expect(alert.textContent).toContain('req-0123456789');
  });

  it('refuses a profile from another library system', async () => {
    const loadMe = vi.fn(async () => ({ ...ADA, tenant: { slug: 'lakeview-law', name: 'Lakeview Law Library' } }));
    const auth = fakeAuth(true);
    render(<App deps={deps(auth, { loadMe })} />);

    expect((await screen.findByRole('alert')).textContent).toContain('This sign-in is not for Riverbend Regional Library System.');
    expect(document.body.innerHTML).not.toContain('Ada');
    expect(auth.forget).toHaveBeenCalled();
  });

  it('asks for the library system when the path names none', async () => {
    at('/app/');
    render(<App deps={deps(fakeAuth(false))} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Which library system?' })).toBeTruthy();
  });

  it('shows the unread notices in the header and marks one read', async () => {
    render(<App deps={deps(fakeAuth(true))} />);
    await shellShown();
    const button = await screen.findByRole('button', { name: 'Notices (2)' });

    fireEvent.click(button);
    const panel = screen.getByRole('region', { name: 'Notices' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Notices' }));
    const marks = screen.getAllByRole('button', { name: 'Mark read' });
    expect(marks).toHaveLength(2);
    fireEvent.click(marks[0]!);

    expect(await screen.findByRole('button', { name: 'Notices (1)' })).toBe(button);
    expect(calls(fetch)).toContain(`POST ${API}/duty/notices/n-1/read`);
    expect(panel.textContent).toContain('Marked read. 1 unread.');
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('goes to the roster and the schedule without reloading, and back', async () => {
    render(<App deps={deps(fakeAuth(true))} />);
    await shellShown();

    fireEvent.click(screen.getByRole('link', { name: 'Roster' }));
    expect(window.location.pathname).toBe('/t/riverbend/roster');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Roster' }));
    expect(screen.getByRole('link', { name: 'Roster' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('rowheader', { name: 'José' })).toBeTruthy();
    expect(document.title).toBe('Roster — ServicePoint');

    fireEvent.click(screen.getByRole('link', { name: 'Schedule' }));
    expect(window.location.pathname).toBe('/t/riverbend/schedule');
    expect(await screen.findByRole('table', { name: 'Circulation desk' })).toBeTruthy();

    act(() => {
      window.history.replaceState(null, '', '/t/riverbend/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
  });

  it('opens the screen the address names', async () => {
    at('/t/riverbend/schedule');
    render(<App deps={deps(fakeAuth(true))} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Schedule' })).toBeTruthy();
  });
});

describe('App when ServicePoint does not answer who is signed in', () => {
  beforeEach(() => {
    at('/t/riverbend/');
    fakeApi({
      [`GET ${API}/branches`]: BRANCHES,
      [`GET ${API}/duty/in-charge`]: IN_CHARGE,
      [`GET ${API}/duty/situations`]: SITUATIONS,
      [`GET ${API}/duty/notices`]: NOTICES,
    });
  });
  afterEach(cleanup);

  it('keeps the sign-in through a 503 and goes on when trying again works', async () => {
    const auth = fakeAuth(true);
    const loadMe = vi
      .fn<Deps['loadMe']>()
      .mockRejectedValueOnce(new ApiError({ status: 503, title: 'Service unavailable', requestId: 'req-503' }))
      .mockResolvedValue(ADA);
    render(<App deps={deps(auth, { loadMe })} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'ServicePoint is not answering right now' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('req-503');
    expect(auth.forget).not.toHaveBeenCalled();
    expect(await auth.tokens()).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await shellShown()).toHaveProperty('textContent', 'Signed in as Ada — Branch manager, Headquarters');
    expect(loadMe).toHaveBeenCalledTimes(2);
  });

  it('keeps the sign-in when the network is down', async () => {
    const auth = fakeAuth(true);
    const loadMe = vi.fn(async (): Promise<Me> => {
      throw ApiError.of(0, 'problem.unreachable', { id: 'problem.unreachable.detail' });
    });
    render(<App deps={deps(auth, { loadMe })} />);

    expect(await screen.findByText('Server not reachable', { selector: '.problem-title' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(auth.forget).not.toHaveBeenCalled();
  });

  it('still drops the sign-in on 401', async () => {
    const auth = fakeAuth(true);
    const loadMe = vi.fn(async (): Promise<Me> => {
      throw new ApiError({ status: 401, title: 'Unauthorized' });
    });
    render(<App deps={deps(auth, { loadMe })} />);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(auth.forget).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('App in the library system’s language', () => {
  beforeEach(() => {
    at('/t/riverbend/');
    window.localStorage.clear();
    fakeApi({
      [`GET ${API}/branches`]: BRANCHES,
      [`GET ${API}/duty/in-charge`]: IN_CHARGE,
      [`GET ${API}/duty/situations`]: SITUATIONS,
      [`GET ${API}/duty/notices`]: NOTICES,
    });
  });
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
    document.documentElement.lang = '';
  });

  it('speaks Spanish when the library system’s locale is es-US', async () => {
    const loadSignInConfig = vi.fn(async () => ({ ...CONFIG, locale: 'es-US', timeZone: 'America/Chicago' }));
    render(<App deps={deps(fakeAuth(false), { loadSignInConfig })} />);

    expect(await screen.findByRole('button', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(screen.getByText('Inicio de sesión del personal del mostrador de servicio.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('es-US');
  });

  it('lets the staff member choose English over the library system’s Spanish, and remembers it', async () => {
    const loadSignInConfig = vi.fn(async () => ({ ...CONFIG, locale: 'es-US' }));
    render(<App deps={deps(fakeAuth(true), { loadSignInConfig })} />);
    expect(await screen.findByText(/Sesión iniciada como/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Principal' }).textContent).toContain('Lista del personal');

    fireEvent.change(screen.getByLabelText('Idioma'), { target: { value: 'en' } });

    expect(await shellShown()).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).toContain('Roster');
    expect(window.localStorage.getItem('servicepoint.language')).toBe('en');
    cleanup();

    render(<App deps={deps(fakeAuth(false), { loadSignInConfig })} />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks the server for its words in the chosen language', async () => {
    const loadSignInConfig = vi.fn(async () => ({ ...CONFIG, locale: 'es-US' }));
    const fetch = fakeApi({ [`GET ${API}/branches`]: BRANCHES, [`GET ${API}/duty/notices`]: NOTICES });
    render(<App deps={deps(fakeAuth(true), { loadSignInConfig })} />);
    expect(await screen.findByText(/Sesión iniciada como/)).toBeTruthy();

    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls[0]?.[1]?.headers).toHaveProperty('Accept-Language', 'es-US');
  });
});
