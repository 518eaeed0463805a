/** The signed-in person's name tag: the name on it is theirs to choose, and need not be their legal name. */
import { useState, type FormEvent } from 'react';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Field, SubmitButton } from '../../shared/fields';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';
import { chooseTagName, loadOwnEntry } from './accounts';

export function MyNameTagPage() {
  const { session } = usePage();
  const { t } = useI18n();
  const entry = useLoad((signal) => loadOwnEntry(session, signal), 'own-entry', { title: 'accounts.problem.load' });
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const { busy, problem, submit } = useSubmit();
  const value = draft ?? entry.data?.tagName ?? '';

  const save = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    void submit('accounts.problem.save', async () => {
      const saved = await chooseTagName(session, value);
      setDraft(undefined);
      entry.reload();
      setStatus(t('accounts.saved', { name: saved.tagName }));
    });
  };

  const fieldErrors = problem?.errorsAt('tagName');
  return (
    <>
      <Heading>{t('accounts.title')}</Heading>
      <p className="quiet">{t('accounts.intro')}</p>
      {entry.problem && <ProblemNotice problem={entry.problem} />}
      {!entry.data && !entry.problem && <p className="quiet">{t('accounts.loading')}</p>}
      {entry.data && (
        <>
          <div className="name-tag" aria-label={t('accounts.preview')}>
            <p id="my-tag-name" className="tag-name">
              {entry.data.tagName}
            </p>
            <p className="quiet">
              {entry.data.positionName} · {entry.data.branchName}
            </p>
          </div>
          <form onSubmit={save} noValidate>
            <Field id="tag-name" label={t('accounts.field')} hint={t('accounts.hint')} required
              errors={fieldErrors && fieldErrors.length > 0 ? fieldErrors : undefined}>
              {(ids) => (
                <input {...ids} type="text" autoComplete="off" maxLength={120} value={value}
                  onChange={(e) => setDraft(e.target.value)} />
              )}
            </Field>
            <SubmitButton busy={busy}>{t('accounts.save')}</SubmitButton>
          </form>
        </>
      )}
      <StatusNotice status={status} />
      {problem && !(fieldErrors && fieldErrors.length > 0) && <ProblemNotice problem={problem} />}
    </>
  );
}
