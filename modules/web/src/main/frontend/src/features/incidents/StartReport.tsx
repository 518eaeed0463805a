/** The first step of a report: choose what happened (and, for headquarters, the branch); one's own drafts to go on with. */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, asProblem } from '../../shared/api';
import { AppLink } from '../../shared/AppLink';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { SubmitButton } from '../../shared/fields';
import { categoriesOf, guidanceFor, isOwnDraft, seesEveryBranch, typeAhead, whenText } from './incidentForm';
import { createReport, loadIncidentForm, loadReports } from './incidents';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

/** How long typed letters add up to one type-ahead search in the category list. */
const TYPE_AHEAD_MS = 1000;

export function StartReport() {
  const { session, me, branches, navigate } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'problem.incidentForm' });
  const drafts = useLoad((signal) => loadReports(session, { status: 'draft' }, signal), 'my-drafts', {
    title: 'problem.drafts',
  });
  const categories = useMemo(() => categoriesOf(form.data), [form.data]);
  const [chosen, setChosen] = useState('');
  const [branch, setBranch] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const typed = useRef({ text: '', at: 0 });
  const radios = useRef<(HTMLInputElement | null)[]>([]);
  // Headquarters files for any branch; everyone else for their own, which the server fills in.
  const picksBranch = seesEveryBranch(me) || !me.branch;
  const branchCode = branch ?? startingBranch(me, branches.data) ?? '';
  const mine = drafts.data?.filter((summary) => isOwnDraft(summary, me));
  const category = categories.find((c) => c.code === chosen);
  const guidance = form.data && chosen ? guidanceFor(form.data.definition, chosen) : [];

  const choose = (index: number) => {
    const target = categories[index];
    if (target) {
      setChosen(target.code);
      radios.current[index]?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key.length !== 1 || !/\S/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const now = Date.now();
    const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key : event.key;
    typed.current = { text, at: now };
    const index = typeAhead(
      categories.map((c) => c.title),
      text,
      categories.findIndex((c) => c.code === chosen),
    );
    if (index !== undefined) {
      event.preventDefault();
      choose(index);
    }
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (!chosen) {
      setProblem(ApiError.of(0, 'start.chooseFirst'));
      radios.current[0]?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const report = await createReport(session, { category: chosen, branch: picksBranch && branchCode ? branchCode : undefined });
      navigate('report', report.id, report);
    } catch (error) {
      setProblem(asProblem(error, 'problem.start'));
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>{t('screen.report')}</Heading>
      <p className="quiet">{t('start.intro')}</p>
      {form.problem && <ProblemNotice problem={form.problem} />}
      {!form.data && !form.problem && <p className="quiet">{t('start.loading')}</p>}
      {form.data && (
        <form className="start-report" onSubmit={(event) => void start(event)} noValidate>
          {picksBranch && (
            <BranchPicker
              id="report-branch"
              label={t('start.branch')}
              branches={branches.data}
              value={branchCode}
              onChange={setBranch}
            />
          )}
          <fieldset className="categories" onKeyDown={onKeyDown} aria-describedby="categories-hint">
            <legend>{t('start.what')}</legend>
            <p id="categories-hint" className="hint">
              {t('start.hint')}
            </p>
            {categories.map((c, index) => (
              <label key={c.code} className="choice category-choice">
                <input
                  ref={(element) => {
                    radios.current[index] = element;
                  }}
                  type="radio"
                  name="category"
                  value={c.code}
                  checked={chosen === c.code}
                  onChange={() => setChosen(c.code)}
                />{' '}
                {c.title}
              </label>
            ))}
          </fieldset>
          {category && (
            <section className="guidance" aria-labelledby="start-guidance">
              <h2 id="start-guidance">{t('start.beforeYouStart', { category: category.title })}</h2>
              <ul>
                {guidance.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {category.verbalReport && <li className="step-note">{t('start.phoneHeadquarters')}</li>}
                {category.countersignature && <li className="step-note">{t('start.countersignAfter')}</li>}
              </ul>
            </section>
          )}
          <SubmitButton busy={busy}>{busy ? t('start.starting') : t('start.button')}</SubmitButton>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <section aria-labelledby="my-drafts">
        <h2 id="my-drafts">{t('start.myDrafts')}</h2>
        {drafts.problem && <ProblemNotice problem={drafts.problem} />}
        {!drafts.data && !drafts.problem && <p className="quiet">{t('start.loadingDrafts')}</p>}
        {mine && mine.length === 0 && <p className="quiet">{t('start.noDrafts')}</p>}
        {mine && mine.length > 0 && (
          <ul className="draft-list">
            {mine.map((summary) => (
              <li key={summary.id}>
                <AppLink slug={session.slug} screen="report" item={summary.id} navigate={navigate}>
                  {t('start.draftLink', { category: summary.categoryTitle ?? summary.category, at: whenText(summary.occurredAt, i18n) })}
                </AppLink>{' '}
                <span className="quiet">{t('start.draftBranch', { branch: summary.branchName ?? summary.branch })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
