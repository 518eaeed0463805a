/**
 * The tenant administrator's incident form editor (/t/<slug>/form-editor): the form's own questions and guidance, then
 * each category's settings and questions, with a live preview as desk staff will see it. "Check the changes" asks the
 * server for the plan (the version it would make, what differs, or every problem at its field); "Publish" makes the
 * new version after an explicit confirmation. Reports already started keep the version they were started on.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { Field, FormRefusals, SubmitButton } from '../../shared/fields';
import { ROLE } from '../../shared/session';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import { titleOfCode } from '../incidents/incidentForm';
import { NotForYourRole } from '../policies/parts';
import { CategorySettings, QuestionList } from './EditorSections';
import { FormPlanView } from './FormPlanView';
import { FormPreview } from './FormPreview';
import {
  CATEGORY_CODES,
  documentOf,
  editorFormOf,
  loadEditing,
  placeProblems,
  planForm,
  publishForm,
  type EditorCategory,
  type EditorForm,
  type FormEditing,
  type FormPlan,
} from './formEditor';

export function FormEditorPage() {
  const { t } = useI18n();
  const { session, me } = usePage();
  const allowed = me.roles.includes(ROLE.tenantAdmin);
  const [round, setRound] = useState(0);
  const editing = useLoad((signal) => loadEditing(session, signal), `form-editing:${round}`, { title: 'formEditor.problem.load', wait: !allowed });
  const [published, setPublished] = useState('');
  if (!allowed) {
    return <NotForYourRole title="formEditor.title" />;
  }
  return (
    <>
      <Heading>{t('formEditor.title')}</Heading>
      <p className="quiet">{t('formEditor.intro')}</p>
      <StatusNotice status={published} />
      {editing.problem && <ProblemNotice problem={editing.problem} />}
      {!editing.data && !editing.problem && <p className="quiet">{t('formEditor.loading')}</p>}
      {editing.data && (
        <Editor
          key={`${round}:${editing.data.current.version ?? 0}`}
          editing={editing.data}
          onPublished={(version) => {
            setPublished(t('formEditor.published', { version }));
            setRound((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

function Editor({ editing, onPublished }: { editing: FormEditing; onPublished: (version: number) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const basedOn = editing.current.version ?? 0;
  const [form, setForm] = useState<EditorForm>(() => editorFormOf(editing.current.definition));
  const [shown, setShown] = useState(form.categories[0]?.code ?? '');
  const [plan, setPlan] = useState<{ plan: FormPlan; of: string } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ byPath: Record<string, string[]>; other: string[] }>({ byPath: {}, other: [] });
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const planRef = useRef<HTMLElement>(null);
  const sent = useMemo(() => documentOf(form), [form]);
  const written = JSON.stringify(sent);
  // A plan is for the form as it was checked: any change asks for a new check before publishing.
  const planned = plan && plan.of === written ? plan.plan : undefined;
  const index = form.categories.findIndex((c) => c.code === shown);
  const category = form.categories[index];
  const known = useMemo(() => knownPaths(form), [form]);
  const unused = CATEGORY_CODES.filter((code) => !form.categories.some((c) => c.code === code));

  const change = (edit: Partial<EditorForm>) => setForm((current) => ({ ...current, ...edit }));
  const changeCategory = (edit: Partial<EditorCategory>) =>
    setForm((current) => ({ ...current, categories: current.categories.map((c, i) => (i === index ? { ...c, ...edit } : c)) }));
  const addCategory = (code: string) => {
    const added: EditorCategory = { code, title: titleOfCode(code), guidance: '', fields: [], recipients: null, verbalReportToHeadquarters: false, countersignature: false };
    setForm((current) => ({ ...current, categories: [...current.categories, added] }));
    setShown(code);
  };
  const removeCategory = () => {
    setForm((current) => ({ ...current, categories: current.categories.filter((_, i) => i !== index) }));
    setShown(form.categories.find((_, i) => i !== index)?.code ?? '');
  };

  const run = async (action: 'plan' | 'publish') => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      if (action === 'plan') {
        const answer = await planForm(session, sent);
        setErrors({ byPath: {}, other: [] });
        setPlan({ plan: answer, of: written });
        setConfirming(false);
        window.requestAnimationFrame(() => planRef.current?.focus());
      } else {
        const done = await publishForm(session, sent, basedOn);
        onPublished(done.current.version);
      }
    } catch (error) {
      const refused = asProblem(error, action === 'plan' ? 'formEditor.problem.plan' : 'formEditor.problem.publish');
      if (refused.status === 400 && refused.errors.length > 0) {
        const placed = placeProblems(refused.errors, known);
        setErrors(placed);
        setPlan(undefined);
        focusFirstProblem(placed.byPath, form, setShown);
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
  const problemCount = Object.values(errors.byPath).reduce((n, list) => n + list.length, 0) + errors.other.length;

  return (
    <div className="form-editor">
      <form className="form-editor-fields" onSubmit={submit} noValidate aria-labelledby="fe-form-heading">
        <h2 id="fe-form-heading">{basedOn ? t('formEditor.formHeading', { version: basedOn }) : t('formEditor.formHeadingBuiltIn')}</h2>
        <Field id="fe-title" label={t('formEditor.formTitle')} errors={errors.byPath.title}>
          {(ids) => <input {...ids} type="text" autoComplete="off" maxLength={120} value={form.title} onChange={(event) => change({ title: event.target.value })} />}
        </Field>
        <Field id="fe-guidance" label={t('formEditor.formGuidance')} errors={errors.byPath.guidance} hint={t('formEditor.guidanceHint')}>
          {(ids) => <textarea {...ids} rows={4} value={form.guidance} onChange={(event) => change({ guidance: event.target.value })} />}
        </Field>
        <section aria-labelledby="fe-common">
          <h3 id="fe-common">{t('formEditor.commonQuestions')}</h3>
          <QuestionList questions={form.fields} taken={form.fields.map((q) => q.key)} errors={errors.byPath} onChange={(fields) => change({ fields })} headingId="fe-common" />
        </section>
        <section aria-labelledby="fe-categories">
          <h3 id="fe-categories">{t('formEditor.categories')}</h3>
          <div className="toolbar">
            <div className="field">
              <label htmlFor="fe-category">{t('formEditor.categoryToEdit')}</label>
              <select id="fe-category" value={shown} onChange={(event) => setShown(event.target.value)}>
                {form.categories.map((c, i) => (
                  <option key={c.code} value={c.code}>
                    {(c.title.trim() || titleOfCode(c.code)) + (Object.keys(errors.byPath).some((p) => p.startsWith(`categories[${i}]`)) ? ` ${t('formEditor.hasProblems')}` : '')}
                  </option>
                ))}
              </select>
            </div>
            {unused.length > 0 && (
              <div className="field">
                <label htmlFor="fe-add-category">{t('formEditor.addCategory')}</label>
                <select id="fe-add-category" value="" onChange={(event) => event.target.value && addCategory(event.target.value)}>
                  <option value="">{t('formEditor.chooseCategory')}</option>
                  {unused.map((code) => (
                    <option key={code} value={code}>
                      {titleOfCode(code)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {category && (
            <section className="editor-category" aria-labelledby="fe-category-heading">
              <h4 id="fe-category-heading">{t('formEditor.categoryHeading', { category: category.title.trim() || titleOfCode(category.code) })}</h4>
              <CategorySettings category={category} index={index} positions={editing.positions} errors={errors.byPath} onChange={changeCategory} />
              <h5 id="fe-category-questions">{t('formEditor.categoryQuestions')}</h5>
              <QuestionList
                key={category.code}
                questions={category.fields}
                category={index}
                taken={[...form.fields, ...category.fields].map((q) => q.key)}
                errors={errors.byPath}
                onChange={(fields) => changeCategory({ fields })}
                headingId="fe-category-questions"
              />
              {form.categories.length > 1 && (
                <p>
                  <button type="button" className="button quiet-button" onClick={removeCategory}>
                    {t('formEditor.removeCategory', { category: category.title.trim() || titleOfCode(category.code) })}
                  </button>
                </p>
              )}
            </section>
          )}
        </section>
        {problemCount > 0 && <p className="field-errors" role="alert">{t('formEditor.problems', { count: problemCount })}</p>}
        <FormRefusals title={t('formEditor.otherProblems')} lines={errors.other} />
        <SubmitButton busy={busy}>{t('formEditor.check')}</SubmitButton>
      </form>
      <aside className="form-editor-preview" aria-labelledby="fe-preview">
        <h2 id="fe-preview">{t('formEditor.preview.title')}</h2>
        <FormPreview definition={sent} positions={editing.positions} category={shown} onCategory={setShown} />
      </aside>
      {problem && <ProblemNotice problem={problem} />}
      {planned && (
        <section ref={planRef} tabIndex={-1} aria-labelledby="fe-plan" className="plan">
          <h2 id="fe-plan">{t('formEditor.plan.title')}</h2>
          <FormPlanView plan={planned} />
          {planned.nextVersion != null && !confirming && (
            <button type="button" className="button primary" onClick={() => setConfirming(true)}>
              {t('formEditor.publish', { version: planned.nextVersion })}
            </button>
          )}
          {planned.nextVersion != null && confirming && (
            <div className="confirm" role="group" aria-labelledby="fe-confirm">
              <p id="fe-confirm">{t('formEditor.confirm', { version: planned.nextVersion })}</p>
              <button type="button" className="button primary" aria-disabled={busy} autoFocus onClick={() => void run('publish')}>
                {t('formEditor.confirmYes', { version: planned.nextVersion })}
              </button>{' '}
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('formEditor.confirmNo')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

/** Every path the editor has a control for, as the server names them. */
function knownPaths(form: EditorForm): Set<string> {
  const paths = new Set<string>(['title', 'guidance', 'fields']);
  const questions = (base: string, count: number) => {
    for (let i = 0; i < count; i++) {
      for (const part of ['', '.key', '.label', '.type', '.required', '.help', '.choices', '.maxLength']) paths.add(`${base}[${i}]${part}`);
    }
  };
  questions('fields', form.fields.length);
  form.categories.forEach((category, c) => {
    for (const part of ['title', 'guidance', 'recipients', 'fields']) paths.add(`categories[${c}].${part}`);
    questions(`categories[${c}].fields`, category.fields.length);
  });
  return paths;
}

/** Shows the category of the first problem and puts the keyboard on its control. */
function focusFirstProblem(byPath: Record<string, string[]>, form: EditorForm, show: (code: string) => void) {
  const first = Object.keys(byPath)[0];
  if (!first) return;
  const category = /^categories\[(\d+)\]/.exec(first);
  if (category) show(form.categories[Number(category[1])]?.code ?? '');
  window.requestAnimationFrame(() => {
    const box = document.getElementById(`fe-${first.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);
    (box?.matches('input, select, textarea') ? box : box?.querySelector<HTMLElement>('input, select, textarea'))?.focus();
  });
}
