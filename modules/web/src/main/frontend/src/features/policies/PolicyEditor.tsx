/**
 * The tenant administrator's policy editor (/t/<slug>/policy-editor[/<key>]): the fields of one policy as in
 * policies.yaml, then the plan (what applying would change, field by field), then apply. A new version is made only
 * when the words change; the server decides and the plan says so.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { applyPolicy, editsPolicies, fieldLabel, loadPolicy, planPolicy, placeRefusals, searchPolicies, type Plan, type Policy, type PolicyDocument } from './policies';
import { EDITOR_ALIASES, EDITOR_FIELDS, EditorFields, draftOf, documentOf, type EditorDraft } from './EditorFields';
import { FormEnd, NotForYourRole } from './parts';
import type { PlacedViolations } from '../incidents/incidentForm';
import { usePage } from '../../shared/page';
import { PlanView } from '../../shared/PlanView';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

const NONE: PlacedViolations = { byField: {}, other: [] };

export function PolicyEditorPage({ item }: { item?: string }) {
  const { t } = useI18n();
  const { session, me, navigate } = usePage();
  const allowed = editsPolicies(me);
  const list = useLoad((signal) => searchPolicies(session, {}, signal), 'policies::', { title: 'policies.problem.list', wait: !allowed });
  const existing = useLoad((signal) => loadPolicy(session, item ?? '', signal), `policy:${item}`, {
    title: 'policies.problem.one',
    wait: !allowed || !item,
  });
  if (!allowed) {
    return <NotForYourRole title="policies.screen.editor" />;
  }
  return (
    <>
      <Heading>{t('policies.screen.editor')}</Heading>
      <p className="quiet">{t('policies.editor.intro')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="editor-choose">{t('policies.editor.choose')}</label>
          <select id="editor-choose" value={item ?? ''} onChange={(event) => navigate('policy-editor', event.target.value || undefined)}>
            <option value="">{t('policies.editor.new')}</option>
            {list.data?.map((policy) => (
              <option key={policy.key} value={policy.key}>
                {policy.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.problem && <ProblemNotice problem={list.problem} />}
      {existing.problem && <ProblemNotice problem={existing.problem} />}
      {item && !existing.data && !existing.problem && <p className="quiet">{t('policies.loadingOne')}</p>}
      {(!item || existing.data) && <Editor policy={existing.data} />}
    </>
  );
}

function Editor({ policy }: { policy?: Policy }) {
  const { t } = useI18n();
  const { session } = usePage();
  const [draft, setDraft] = useState<EditorDraft>(() => draftOf(policy));
  const [plan, setPlan] = useState<{ plan: Plan; of: PolicyDocument } | undefined>(undefined);
  const [placed, setPlaced] = useState<PlacedViolations>(NONE);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const planRef = useRef<HTMLElement>(null);
  const written = documentOf(draft);
  // A plan is for the fields as they were planned: any change asks for a new plan before applying.
  const planned = plan && JSON.stringify(plan.of) === JSON.stringify(written) ? plan : undefined;
  useEffect(() => {
    if (planned) {
      planRef.current?.focus();
    }
  }, [planned]);

  const run = async (action: 'plan' | 'apply') => {
    if (busy) {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setPlaced(NONE);
    setStatus('');
    try {
      if (action === 'plan') {
        setPlan({ plan: await planPolicy(session, written), of: written });
      } else {
        const applied = await applyPolicy(session, written);
        setPlan(undefined);
        setStatus(t('policies.editor.applied', { title: applied.current.title, version: applied.current.version }));
      }
    } catch (error) {
      const refused = asProblem(error, action === 'plan' ? 'policies.editor.notPlanned' : 'policies.editor.notApplied');
      if (refused.status === 400 && refused.errors.length > 0) {
        const found = placeRefusals(refused.errors, EDITOR_FIELDS, EDITOR_ALIASES);
        setPlaced(found);
        const first = EDITOR_FIELDS.find((field) => found.byField[field]);
        if (first) {
          formRef.current?.querySelector<HTMLElement>(`#policy-${first}`)?.focus();
        }
      } else {
        setProblem(refused);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('plan');
  };

  return (
    <>
      <StatusNotice status={status} />
      <form ref={formRef} className="policy-editor" onSubmit={submit} noValidate>
        <EditorFields draft={draft} onChange={(change) => setDraft((current) => ({ ...current, ...change }))} errors={placed.byField} existing={!!policy} />
        <FormEnd placed={placed} refused={t('policies.editor.notPlanned')} fieldsRefused={t('policies.editor.fieldsRefused')} busy={busy}>
          {t('policies.editor.plan')}
        </FormEnd>
      </form>
      {problem && <ProblemNotice problem={problem} />}
      {planned && (
        <section ref={planRef} tabIndex={-1} aria-labelledby="plan-heading" className="plan">
          <h2 id="plan-heading">{t('policies.editor.planTitle')}</h2>
          <PlanView plan={planned.plan} fieldLabel={fieldLabel} />
          <button type="button" className="button primary" aria-disabled={busy} onClick={() => void run('apply')}>
            {t('policies.editor.apply')}
          </button>
        </section>
      )}
    </>
  );
}
