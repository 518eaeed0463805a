/** The screens of the staff app. None of them keeps state: App decides what is shown. */
import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError, SignInConfig } from './api';

/** The page's heading; takes focus when it appears so a screen reader announces the new screen. */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

/** A problem the server or Keycloak answered: what went wrong, and the id to quote to IT. */
export function ProblemNotice({ problem }: { problem: ApiError }) {
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{problem.title}</p>
      {problem.detail && problem.detail !== problem.title && <p>{problem.detail}</p>}
      {problem.requestId && (
        <p className="request-id">
          Request id: <code>{problem.requestId}</code>
        </p>
      )}
    </div>
  );
}

/** For pages without a header: skip link, one main landmark, content in a calm centred panel. */
export function Panel({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <main id="main" className="centred" tabIndex={-1}>
        <div className="panel">{children}</div>
      </main>
    </>
  );
}

export function Starting() {
  return (
    <Panel>
      <p className="quiet">Loading ServicePoint…</p>
    </Panel>
  );
}

export function NoTenant() {
  return (
    <Panel>
      <Heading>Which library system?</Heading>
      <p>
        Open ServicePoint at your library system's own address, which ends in <code>/t/</code> and the library
        system's short name. Your supervisor or IT contact can give it to you.
      </p>
    </Panel>
  );
}

export function UnknownTenant({ slug }: { slug: string }) {
  return (
    <Panel>
      <Heading>No library system called {slug}</Heading>
      <p>Check the address, or ask your supervisor or IT contact for the right one.</p>
    </Panel>
  );
}

export function Unavailable({ problem }: { problem: ApiError }) {
  return (
    <Panel>
      <Heading>ServicePoint is not available</Heading>
      <ProblemNotice problem={problem} />
      <p>Try again in a moment. If it keeps happening, tell IT the request id.</p>
    </Panel>
  );
}

export function SignIn(props: { config: SignInConfig; notice?: string; problem?: ApiError; onSignIn: () => void }) {
  return (
    <Panel>
      <p className="product">ServicePoint</p>
      <Heading>{props.config.tenant.name}</Heading>
      <p>Staff sign-in for the service desk.</p>
      {props.notice && <p className="notice">{props.notice}</p>}
      {props.problem && <ProblemNotice problem={props.problem} />}
      <button type="button" className="button primary" onClick={props.onSignIn}>
        Sign in
      </button>
    </Panel>
  );
}

export function Leaving({ message }: { message: string }) {
  return (
    <Panel>
      <p className="quiet">{message}</p>
    </Panel>
  );
}

/** All that is left after the idle lock: no name, no position, nothing from the session. */
export function Locked(props: { config: SignInConfig; onSignIn: () => void }) {
  return (
    <Panel>
      <p className="product">{props.config.tenant.name}</p>
      <Heading>{lockMessage(props.config.idleLockSeconds)}</Heading>
      <p>Sign in again to go on. Nothing from the last session was kept on this screen.</p>
      <button type="button" className="button primary" onClick={props.onSignIn}>
        Sign in again
      </button>
    </Panel>
  );
}

export function lockMessage(seconds: number): string {
  return `Screen locked after ${duration(seconds)} without activity`;
}

function duration(seconds: number): string {
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
