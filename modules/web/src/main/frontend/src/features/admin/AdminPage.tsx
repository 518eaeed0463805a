/**
 * The frame of every administration screen: its title and intro, the draft loaded once, the screen's own fields, and
 * below them the way every change goes: "Preview changes" (the plan, field by field) → "Apply" → what was applied.
 * A stale revision (someone changed the configuration meanwhile) is explained and the latest configuration can be
 * loaded without losing the draft; refusals appear at their fields and, named, in one list here.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { FieldErrors, Field, type ControlIds } from '../../shared/fields';
import { NotForYourRole } from '../policies/parts';
import { usePage } from '../../shared/page';
import { changesAnything, PlanView, type Plan } from '../../shared/PlanView';
import { ROLE } from '../../shared/session';
import { useDownload } from '../../shared/useDownload';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import { hasChanges, useAdminDraft } from './AdminDraft';
import { applyConfiguration, controlId, downloadTenantYaml, planConfiguration, refusalPath, type TenantConfiguration } from './configuration';
import { pathText } from './pathText';

export function AdminPage(props: { title: MessageId; intro: MessageId; children: (draft: TenantConfiguration) => ReactNode }) {
  const { t } = useI18n();
  const { me } = usePage();
  const state = useAdminDraft();
  const allowed = me.roles.includes(ROLE.tenantAdmin);
  const { live, load, loading } = state;
  useEffect(() => {
    if (allowed && !live && !loading) {
      void load(false);
    }
    // Loaded once for all the administration screens; a failure is offered again by its button.
  }, [allowed]);
  if (!allowed) {
    return <NotForYourRole title={props.title} />;
  }
  return (
    <>
      <Heading>{t(props.title)}</Heading>
      <p className="quiet">{t(props.intro)}</p>
      {state.problem && (
        <>
          <ProblemNotice problem={state.problem} />
          <button type="button" className="button" onClick={() => void load(false)}>
            {t('admin.retry')}
          </button>
        </>
      )}
      {!state.draft && !state.problem && <p className="quiet">{t('admin.loading')}</p>}
      {state.draft && (
        <div className="admin-screen">
          {/* A new generation (loaded, discarded, applied) starts the fields' typed text again; the change bar stays. */}
          <div key={state.generation}>{props.children(state.draft)}</div>
          <ChangeBar />
        </div>
      )}
    </>
  );
}

/** Preview, apply, discard and download, for the whole draft whichever screen shows it. */
function ChangeBar() {
  const { t } = useI18n();
  const { session, branches } = usePage();
  const state = useAdminDraft();
  const { busy, problem, setProblem, submit } = useSubmit();
  const files = useDownload();
  const [plan, setPlan] = useState<{ plan: Plan; of: string } | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState('');
  const planRef = useRef<HTMLElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const draft = state.draft!;
  const written = JSON.stringify(draft);
  // A plan is for the draft as it was planned: any change asks for a new preview before applying.
  const planned = plan && plan.of === written ? plan.plan : undefined;
  const changed = hasChanges(state);
  const unchanged = planned?.changes.filter((change) => change.action === 'UNCHANGED').length ?? 0;

  useEffect(() => {
    if (planned) {
      planRef.current?.focus();
    }
  }, [planned]);
  useEffect(() => {
    if (stale) {
      staleRef.current?.focus();
    }
  }, [stale]);

  const refused = (error: ApiError) => {
    if (error.status === 409) {
      setStale(true);
      setProblem(undefined);
    } else if ((error.status === 422 || error.status === 400) && error.errors.length > 0) {
      state.refuse(error.errors);
      setProblem(undefined);
      // The first refused field this screen shows takes the focus; the list below names all of them.
      const first = error.errors.map((e) => document.getElementById(controlId(refusalPath(e.field)))).find(Boolean);
      first?.focus();
    }
  };

  const preview = async () => {
    setStatus('');
    setStale(false);
    const failed = await submit('admin.problem.plan', async () => {
      state.refuse([]);
      setPlan({ plan: await planConfiguration(session, state.live!.revision, draft), of: written });
    });
    if (failed) {
      refused(failed);
    }
  };

  const apply = async () => {
    if (!planned) {
      return;
    }
    const failed = await submit('admin.problem.apply', async () => {
      const applied = await applyConfiguration(session, state.live!.revision, draft);
      const count = applied.changes.filter((change) => change.action === 'CREATE' || change.action === 'UPDATE').length;
      setPlan(undefined);
      await state.load(false);
      branches.reload();
      setStatus(t('admin.applied', { count }));
    });
    if (failed) {
      refused(failed);
    }
  };

  const reloadKeepingDraft = async () => {
    await state.load(true);
    setStale(false);
    setPlan(undefined);
    setStatus(t('admin.reloaded'));
  };

  const discard = () => {
    setPlan(undefined);
    setStale(false);
    state.discard();
    setStatus(t('admin.discarded'));
  };

  const refusals = [...state.refusals.entries()];
  return (
    <section className="admin-changes" aria-labelledby="admin-changes-heading">
      <h2 id="admin-changes-heading">{t('admin.changes.title')}</h2>
      <StatusNotice status={status || files.status} />
      <p>{changed ? t('admin.changes.pending') : t('admin.changes.none')}</p>
      {refusals.length > 0 && (
        <div className="problem" role="alert">
          <p className="problem-title">{t('admin.refused')}</p>
          <ul>
            {refusals.map(([path, messages]) => (
              <li key={path}>
                {t('admin.refusedAt', { where: pathText(path, draft, t), message: messages.join('; ') })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stale && (
        <div ref={staleRef} tabIndex={-1} className="problem" role="alert">
          <p className="problem-title">{t('admin.stale.title')}</p>
          <p>{t('admin.stale.text')}</p>
          <button type="button" className="button primary" onClick={() => void reloadKeepingDraft()}>
            {t('admin.stale.reload')}
          </button>
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {files.problem && <ProblemNotice problem={files.problem} />}
      <div className="toolbar-actions">
        <button type="button" className="button primary" aria-disabled={busy} onClick={() => void preview()}>
          {t('admin.preview')}
        </button>
        <button type="button" className="button" aria-disabled={busy || !changed} onClick={() => changed && discard()}>
          {t('admin.discard')}
        </button>
        <button
          type="button"
          className="button quiet-button"
          aria-disabled={files.busy}
          onClick={() =>
            void files.download({
              fetch: () => downloadTenantYaml(session),
              fallbackName: 'tenant.yaml',
              preparing: t('admin.download.preparing'),
              saved: (name) => t('admin.download.saved', { name }),
              failure: 'admin.problem.download',
            })
          }
        >
          {t('admin.download')}
        </button>
      </div>
      {planned && (
        <section ref={planRef} tabIndex={-1} aria-labelledby="admin-plan-heading" className="plan">
          <h3 id="admin-plan-heading">{t('admin.plan.title')}</h3>
          {/* Every branch is in the plan; the ones that stay as they are would bury the one that changes. */}
          <PlanView plan={{ ...planned, changes: planned.changes.filter((change) => change.action !== 'UNCHANGED') }} />
          {unchanged > 0 && <p className="quiet">{t('admin.plan.unchanged', { count: unchanged })}</p>}
          {changesAnything(planned) && (
            <button type="button" className="button primary" aria-disabled={busy} onClick={() => void apply()}>
              {t('admin.apply')}
            </button>
          )}
        </section>
      )}
    </section>
  );
}

/** A field of the draft at `path`: its control carries the id refusals are found by, and shows the server's refusals. */
export function ConfigField(props: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  className?: string;
  children: (ids: ControlIds) => ReactNode;
}) {
  const { refusals } = useAdminDraft();
  const found = [...(props.errors ?? []), ...(refusals.get(props.path) ?? [])];
  return (
    <Field
      id={controlId(props.path)}
      label={props.label}
      hint={props.hint}
      required={props.required}
      className={props.className}
      errors={found.length > 0 ? found : undefined}
    >
      {props.children}
    </Field>
  );
}

/** A text box of the draft at `path` (never completed by the browser from earlier entries: the computers are shared). */
export function TextField(props: {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  maxLength?: number;
  readOnly?: boolean;
  type?: 'text' | 'tel' | 'date';
  inputMode?: 'numeric';
  placeholder?: string;
}) {
  return (
    <ConfigField path={props.path} label={props.label} required={props.required} hint={props.hint} errors={props.errors} className={props.className}>
      {(ids) => (
        <input
          {...ids}
          type={props.type ?? 'text'}
          autoComplete="off"
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          readOnly={props.readOnly}
          placeholder={props.placeholder}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </ConfigField>
  );
}

/** Refusals of a whole list or group (a branch's closures, a desk's hours) where no one field names them. */
export function GroupRefusals({ path }: { path: string }) {
  const { refusals } = useAdminDraft();
  return <FieldErrors id={`${controlId(path)}-errors`} errors={refusals.get(path)} />;
}

/** The branch the hours and closures screens show: the one chosen on any of them, else the first. */
export function useChosenBranch(draft: TenantConfiguration): { index: number; choose: (index: number) => void } {
  const { branch, chooseBranch } = useAdminDraft();
  const index = branch !== undefined && branch < draft.branches.length ? branch : draft.branches.length > 0 ? 0 : -1;
  return { index, choose: chooseBranch };
}

/**
 * Moves the focus to a control that the next render makes (a new desk's code, a position that moved): `focusLater(id)`
 * asks for it, and it happens once the control is there.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    const element = pending.current ? document.getElementById(pending.current) : null;
    if (element) {
      pending.current = undefined;
      element.focus();
    }
  });
  const [, rerender] = useState(0);
  return useCallback((id: string) => {
    pending.current = id;
    rerender((n) => n + 1);
  }, []);
}

export function BranchChoice({ draft, id }: { draft: TenantConfiguration; id: string }) {
  const { t } = useI18n();
  const { index, choose } = useChosenBranch(draft);
  return (
    <div className="toolbar">
      <div className="field">
        <label htmlFor={id}>{t('admin.branch.choose')}</label>
        <select id={id} value={index} onChange={(event) => choose(Number(event.target.value))}>
          {draft.branches.map((branch, i) => (
            <option key={i} value={i}>
              {branch.name || branch.code || t('admin.branch.unnamed')}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
