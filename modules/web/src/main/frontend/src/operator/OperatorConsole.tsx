/**
 * The platform operators' console (/operator/): library systems with status, health and usage, a tenant's detail,
 * suspend and resume, and onboarding a new library system from its files (plan, then apply). Signs in with the
 * operators' realm like the staff app signs in with a library system's (PKCE, tokens in memory only). It shows
 * counts and times only: the operator API it calls never answers patron data or free text.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, asProblem, getJson, postEmpty, postJson, setApiLanguage, type SignInConfig } from '../shared/api';
import { clearAppStorage, createAuth, type Auth } from '../shared/auth';
import { I18nProvider, languageOf, makeI18n, storedLanguage, storeLanguage, useI18n, type Language } from '../shared/i18n/i18n';
import { Heading, LanguagePicker, ProblemNotice, SkipLink, StatusNotice } from '../shared/views';

/** GET /api/admin/tenant-usage: one library system's figures (counts and times, never content). */
export interface TenantUsage {
  slug: string;
  name: string;
  status: 'active' | 'suspended';
  realmPresent: boolean | null;
  staff: number;
  branches: number;
  incidentReportsThisMonth: number;
  storageBytes: number;
  lastActivity: string | null;
  mailBacklog: number;
  configurationDrift: boolean | null;
}

interface PlanChange {
  kind: string;
  key: string;
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'NOT_IN_FILE';
  fields: { field: string; before: string | null; after: string | null }[];
}

interface Plan {
  applied: boolean;
  changes: PlanChange[];
}

interface TenantFile {
  path: string;
  content: string;
}

interface OperatorSignIn {
  authority: string;
  clientId: string;
  idleLockSeconds: number;
}

const HOME = '/operator/';

type Phase =
  | { phase: 'starting' }
  | { phase: 'signed-out'; problem?: ApiError }
  | { phase: 'signed-in'; token: string }
  | { phase: 'unavailable'; problem: ApiError };

export function OperatorConsole() {
  const [language, setLanguage] = useState<Language>(() => storedLanguage() ?? languageOf(navigator.language));
  const i18n = useMemo(
    () =>
      makeI18n(language, undefined, (chosen) => {
        storeLanguage(chosen);
        setLanguage(chosen);
      }),
    [language],
  );
  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    setApiLanguage(i18n.locale);
  }, [i18n]);
  const [state, setState] = useState<Phase>({ phase: 'starting' });
  const auth = useRef<Auth | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const config = await getJson<OperatorSignIn>('/api/public/operator/sign-in');
        const signIn: SignInConfig = { ...config, tenant: { slug: 'operator', name: 'ServicePoint' } };
        const origin = window.location.origin;
        auth.current = createAuth(signIn, 'operator', {
          urls: { callback: `${origin}${HOME}callback`, signedOut: `${origin}${HOME}` },
        });
        if (window.location.pathname === `${HOME}callback`) {
          const callbackUrl = window.location.href;
          // The one-time code must not stay in the address bar or in the history.
          window.history.replaceState(null, '', HOME);
          try {
            await auth.current.completeSignIn(callbackUrl);
          } catch (error) {
            clearAppStorage();
            if (!cancelled) setState({ phase: 'signed-out', problem: asProblem(error, 'operator.problem.signIn') });
            return;
          }
        }
        const tokens = await auth.current.tokens();
        if (!cancelled) setState(tokens ? { phase: 'signed-in', token: tokens.accessToken } : { phase: 'signed-out' });
      } catch (error) {
        if (!cancelled) setState({ phase: 'unavailable', problem: asProblem(error, 'operator.problem.signIn') });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback(() => void auth.current?.signIn({ fresh: true }), []);
  const signOut = useCallback(() => {
    void (async () => {
      const tokens = await auth.current?.tokens();
      await auth.current?.signOut(tokens?.idToken);
    })();
  }, []);

  return (
    <I18nProvider i18n={i18n}>
      <SkipLink />
      <header className="operator-header">
        <p className="operator-brand">{i18n.t('operator.brand')}</p>
        <LanguagePicker />
        {state.phase === 'signed-in' && (
          <button type="button" onClick={signOut}>
            {i18n.t('operator.signOut')}
          </button>
        )}
      </header>
      <main id="main" className="operator">
        {state.phase === 'starting' && <p>{i18n.t('app.loading')}</p>}
        {state.phase === 'unavailable' && <ProblemNotice problem={state.problem} />}
        {state.phase === 'signed-out' && (
          <>
            <Heading>{i18n.t('operator.title')}</Heading>
            <p>{i18n.t('operator.signIn.text')}</p>
            {state.problem && <ProblemNotice problem={state.problem} />}
            <button type="button" onClick={signIn}>
              {i18n.t('operator.signIn.button')}
            </button>
          </>
        )}
        {state.phase === 'signed-in' && <Tenants token={state.token} />}
      </main>
    </I18nProvider>
  );
}

export function Tenants({ token }: { token: string }) {
  const { t } = useI18n();
  const [tenants, setTenants] = useState<TenantUsage[]>();
  const [problem, setProblem] = useState<ApiError>();
  const [chosen, setChosen] = useState<string>();
  const [status, setStatus] = useState('');

  const reload = useCallback(async () => {
    try {
      setTenants(await getJson<TenantUsage[]>('/api/admin/tenant-usage', { token }));
      setProblem(undefined);
    } catch (error) {
      setProblem(asProblem(error, 'operator.problem.load'));
    }
  }, [token]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const tenant = tenants?.find((x) => x.slug === chosen);
  return (
    <>
      <Heading>{t('operator.title')}</Heading>
      <StatusNotice status={status} />
      {problem && <ProblemNotice problem={problem} />}
      {tenants && <TenantTable tenants={tenants} onChoose={setChosen} />}
      {tenant && (
        <TenantDetail
          key={tenant.slug}
          tenant={tenant}
          token={token}
          onChanged={async (message) => {
            setStatus(message);
            await reload();
          }}
        />
      )}
      <Onboarding
        token={token}
        onApplied={async (slug) => {
          await reload();
          setChosen(slug);
        }}
      />
    </>
  );
}

function TenantTable({ tenants, onChoose }: { tenants: TenantUsage[]; onChoose: (slug: string) => void }) {
  const { t, moment } = useI18n();
  return (
    <table className="operator-tenants">
      <caption>{t('operator.tenants.caption', { count: tenants.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.tenants.name')}</th>
          <th scope="col">{t('operator.tenants.status')}</th>
          <th scope="col">{t('operator.tenants.realm')}</th>
          <th scope="col">{t('operator.tenants.staff')}</th>
          <th scope="col">{t('operator.tenants.branches')}</th>
          <th scope="col">{t('operator.tenants.reports')}</th>
          <th scope="col">{t('operator.tenants.storage')}</th>
          <th scope="col">{t('operator.tenants.lastActivity')}</th>
          <th scope="col">{t('operator.tenants.mailBacklog')}</th>
        </tr>
      </thead>
      <tbody>
        {tenants.map((tenant) => (
          <tr key={tenant.slug} data-slug={tenant.slug}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onChoose(tenant.slug)}>
                {tenant.name}
              </button>{' '}
              <code>{tenant.slug}</code>
            </th>
            <td data-field="status">{t(tenant.status === 'suspended' ? 'operator.status.suspended' : 'operator.status.active')}</td>
            <td data-field="realm">{t(realmText(tenant.realmPresent))}</td>
            <td data-field="staff">{tenant.staff}</td>
            <td data-field="branches">{tenant.branches}</td>
            <td data-field="reports">{tenant.incidentReportsThisMonth}</td>
            <td data-field="storage">{t('operator.kilobytes', { kb: Math.ceil(tenant.storageBytes / 1024) })}</td>
            <td data-field="lastActivity">
              {tenant.lastActivity ? moment(tenant.lastActivity, { dateStyle: 'medium', timeStyle: 'short' }) : t('operator.never')}
            </td>
            <td data-field="mailBacklog">{tenant.mailBacklog}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function realmText(present: boolean | null) {
  return present === null ? 'operator.realm.unknown' : present ? 'operator.realm.present' : 'operator.realm.missing';
}

function filesText(drift: boolean | null) {
  return drift === null ? 'operator.files.unknown' : drift ? 'operator.files.drift' : 'operator.files.agree';
}

function TenantDetail(props: { tenant: TenantUsage; token: string; onChanged: (message: string) => Promise<void> }) {
  const { tenant, token } = props;
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const suspended = tenant.status === 'suspended';
  const action = suspended ? 'resume' : 'suspend';

  async function change() {
    try {
      await postEmpty(`/api/admin/tenants/${encodeURIComponent(tenant.slug)}/${action}`, { token });
      setConfirming(false);
      setProblem(undefined);
      await props.onChanged(t(suspended ? 'operator.resumed' : 'operator.suspended', { name: tenant.name }));
    } catch (error) {
      setProblem(asProblem(error, 'operator.problem.status'));
    }
  }

  return (
    <section className="operator-detail" aria-labelledby={`detail-${tenant.slug}`}>
      <h2 id={`detail-${tenant.slug}`}>{tenant.name}</h2>
      <dl>
        <dt>{t('operator.tenants.status')}</dt>
        <dd data-field="detail-status">{t(suspended ? 'operator.status.suspended' : 'operator.status.active')}</dd>
        <dt>{t('operator.tenants.realm')}</dt>
        <dd>{t(realmText(tenant.realmPresent))}</dd>
        <dt>{t('operator.tenants.staff')}</dt>
        <dd>{tenant.staff}</dd>
        <dt>{t('operator.tenants.branches')}</dt>
        <dd>{tenant.branches}</dd>
        <dt>{t('operator.tenants.mailBacklog')}</dt>
        <dd>{tenant.mailBacklog}</dd>
        <dt>{t('operator.tenants.files')}</dt>
        <dd data-field="detail-files">{t(filesText(tenant.configurationDrift))}</dd>
      </dl>
      {problem && <ProblemNotice problem={problem} />}
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          {t(suspended ? 'operator.resume' : 'operator.suspend')}
        </button>
      ) : (
        <div role="group" aria-label={t('operator.confirm.label')}>
          <p>{t(suspended ? 'operator.confirm.resume' : 'operator.confirm.suspend', { name: tenant.name })}</p>
          <button type="button" onClick={() => void change()}>
            {t(suspended ? 'operator.confirm.resumeButton' : 'operator.confirm.suspendButton')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('operator.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

function Onboarding({ token, onApplied }: { token: string; onApplied: (slug: string) => Promise<void> }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<TenantFile[]>([{ path: 'tenants/new-library/tenant.yaml', content: '' }]);
  const [plan, setPlan] = useState<Plan>();
  const [applied, setApplied] = useState<Plan>();
  const [problem, setProblem] = useState<ApiError>();
  const uploadId = useId();

  function edit(index: number, file: Partial<TenantFile>) {
    setFiles((current) => current.map((f, i) => (i === index ? { ...f, ...file } : f)));
    setPlan(undefined);
    setApplied(undefined);
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    const read = await Promise.all(chosen.map(async (file) => ({ path: file.name, content: await file.text() })));
    const folder = files[0]?.path.replace(/[^/]*$/, '') ?? 'tenants/new-library/';
    setFiles((current) => [...current.filter((f) => f.content.trim() !== ''), ...read.map((f) => ({ ...f, path: folder + f.path }))]);
    setPlan(undefined);
  }

  async function send(step: 'plan' | 'apply') {
    try {
      const answer = await postJson<Plan>(`/api/admin/onboarding/${step}`, { files: files.filter((f) => f.content.trim() !== '') }, { token });
      setProblem(undefined);
      if (step === 'plan') {
        setPlan(answer);
      } else {
        setApplied(answer);
        setPlan(undefined);
        const slug = answer.changes.find((c) => c.kind === 'tenant')?.key;
        if (slug) await onApplied(slug);
      }
    } catch (error) {
      setProblem(asProblem(error, step === 'plan' ? 'operator.problem.plan' : 'operator.problem.apply'));
    }
  }

  return (
    <section className="operator-onboarding" aria-labelledby="onboarding">
      <h2 id="onboarding">{t('operator.onboarding.title')}</h2>
      <p>{t('operator.onboarding.text')}</p>
      {files.map((file, index) => (
        <fieldset key={index}>
          <legend>{t('operator.onboarding.file', { number: index + 1 })}</legend>
          <label htmlFor={`file-path-${index}`}>{t('operator.onboarding.path')}</label>
          <input id={`file-path-${index}`} value={file.path} maxLength={500} onChange={(e) => edit(index, { path: e.target.value })} />
          <label htmlFor={`file-content-${index}`}>{t('operator.onboarding.content')}</label>
          <textarea
            id={`file-content-${index}`}
            rows={12}
            spellCheck={false}
            value={file.content}
            onChange={(e) => edit(index, { content: e.target.value })}
          />
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => setFiles((current) => [...current, { path: files[0]?.path.replace(/[^/]*$/, '') ?? '', content: '' }])}>
          {t('operator.onboarding.addFile')}
        </button>
      </p>
      <p>
        <label htmlFor={uploadId}>{t('operator.onboarding.upload')}</label>
        <input id={uploadId} type="file" multiple accept=".yaml,.yml,.csv,text/yaml" onChange={(e) => void upload(e)} />
      </p>
      {problem && <ProblemNotice problem={problem} />}
      <p>
        <button type="button" onClick={() => void send('plan')}>
          {t('operator.onboarding.plan')}
        </button>{' '}
        <button type="button" disabled={!plan} onClick={() => void send('apply')}>
          {t('operator.onboarding.apply')}
        </button>
      </p>
      {plan && <PlanTable plan={plan} />}
      {applied && (
        <>
          <p role="status">{t('operator.onboarding.applied')}</p>
          <PlanTable plan={applied} />
        </>
      )}
    </section>
  );
}

function PlanTable({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  return (
    <table className="operator-plan">
      <caption>{t(plan.applied ? 'operator.plan.appliedCaption' : 'operator.plan.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.plan.kind')}</th>
          <th scope="col">{t('operator.plan.key')}</th>
          <th scope="col">{t('operator.plan.action')}</th>
          <th scope="col">{t('operator.plan.fields')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.changes.map((change) => (
          <tr key={`${change.kind}/${change.key}`}>
            <td>{change.kind}</td>
            <td>{change.key}</td>
            <td data-field="action">{change.action}</td>
            <td>
              {change.fields.map((f) => (
                <div key={f.field}>
                  <code>{f.field}</code>: {f.before ?? '—'} → {f.after ?? '—'}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
