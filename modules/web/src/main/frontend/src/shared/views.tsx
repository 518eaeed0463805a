/** The screens of the staff app. None of them keeps state: App decides what is shown. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiError, SignInConfig } from './api';
import { LANGUAGES, useI18n, type I18n, type Language, type MessageId } from './i18n/i18n';

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
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipLink')}
    </a>
  );
}

/** A problem the server or Keycloak answered: what went wrong, and the id to quote to IT. */
export function ProblemNotice({ problem }: { problem: ApiError }) {
  const { t, rich } = useI18n();
  const title = problem.titleId ? t(problem.titleId) : problem.title;
  const detail = problem.detailId ? t(problem.detailId, problem.detailValues) : problem.detail;
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{title}</p>
      {detail && detail !== title && <p>{detail}</p>}
      {problem.requestId && <p className="request-id">{rich('problem.requestId', { id: <code>{problem.requestId}</code> })}</p>}
    </div>
  );
}

/** What an action has just done: read out once by screen readers (a polite live region) and shown as a notice. */
export function StatusNotice({ status }: { status: string }) {
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && (
        <p className="notice" aria-hidden="true">
          {status}
        </p>
      )}
    </>
  );
}

/** The language this browser shows the app in; the library system's own until someone chooses. */
export function LanguagePicker() {
  const { t, language, choose } = useI18n();
  const id = useId();
  if (!choose) {
    return null;
  }
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={language} onChange={(event) => choose(event.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
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
  const { t } = useI18n();
  return (
    <Panel>
      <p className="quiet">{t('app.starting')}</p>
    </Panel>
  );
}

export function NoTenant() {
  const { t, rich } = useI18n();
  return (
    <Panel>
      <Heading>{t('app.noTenant.title')}</Heading>
      <p>{rich('app.noTenant.text', { code: (chunks) => <code>{chunks}</code> })}</p>
    </Panel>
  );
}

export function UnknownTenant({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <Panel>
      <Heading>{t('app.unknownTenant.title', { slug })}</Heading>
      <p>{t('app.unknownTenant.text')}</p>
    </Panel>
  );
}

export function Unavailable({ problem }: { problem: ApiError }) {
  const { t } = useI18n();
  return (
    <Panel>
      <Heading>{t('app.unavailable.title')}</Heading>
      <ProblemNotice problem={problem} />
      <p>{t('app.unavailable.text')}</p>
    </Panel>
  );
}

export function SignIn(props: { config: SignInConfig; notice?: MessageId; problem?: ApiError; onSignIn: () => void }) {
  const { t } = useI18n();
  return (
    <Panel>
      <p className="product">{t('app.product')}</p>
      <Heading>{props.config.tenant.name}</Heading>
      <p>{t('signIn.text')}</p>
      {props.notice && <p className="notice">{t(props.notice)}</p>}
      {props.problem && <ProblemNotice problem={props.problem} />}
      <button type="button" className="button primary" onClick={props.onSignIn}>
        {t('signIn.button')}
      </button>
      <LanguagePicker />
    </Panel>
  );
}

export function Leaving({ message }: { message: MessageId }) {
  const { t } = useI18n();
  return (
    <Panel>
      <p className="quiet">{t(message)}</p>
    </Panel>
  );
}

/** All that is left after the idle lock: no name, no position, nothing from the session. */
export function Locked(props: { config: SignInConfig; onSignIn: () => void }) {
  const i18n = useI18n();
  return (
    <Panel>
      <p className="product">{props.config.tenant.name}</p>
      <Heading>{lockMessage(props.config.idleLockSeconds, i18n)}</Heading>
      <p>{i18n.t('locked.text')}</p>
      <button type="button" className="button primary" onClick={props.onSignIn}>
        {i18n.t('locked.button')}
      </button>
    </Panel>
  );
}

export function lockMessage(seconds: number, { t }: Pick<I18n, 't'>): string {
  return seconds % 60 === 0 ? t('locked.title.minutes', { minutes: seconds / 60 }) : t('locked.title.seconds', { seconds });
}

/** Signed in, but ServicePoint did not answer: nothing is dropped, the staff member tries again. */
export function ServiceDown(props: { problem: ApiError; onRetry: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <Panel>
      <Heading>{t('app.serviceDown.title')}</Heading>
      <ProblemNotice problem={props.problem} />
      <p>{t('app.serviceDown.text')}</p>
      <button type="button" className="button primary" onClick={props.onRetry}>
        {t('app.serviceDown.retry')}
      </button>{' '}
      <button type="button" className="button quiet-button" onClick={props.onSignOut}>
        {t('shell.signOut')}
      </button>
    </Panel>
  );
}
