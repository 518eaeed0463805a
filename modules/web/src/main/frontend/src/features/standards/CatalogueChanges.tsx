/**
 * "Catalogue changes", for tenant administrators: what the shared catalogue changed since the version the library
 * system last reviewed, which of those entries it had put in its own words (to read again), and "Mark as reviewed".
 */
import { useState } from 'react';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice, StatusNotice } from '../../shared/views';
import { changeLabel, fileCode, kindLabel, loadCatalogueChanges, markCatalogueReviewed, type CatalogueChange } from './standards';

export function CatalogueChangesPanel() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const changes = useLoad((signal) => loadCatalogueChanges(session, signal), 'catalogue-changes', { title: 'standards.problem.changes' });
  const { busy, problem, submit } = useSubmit();
  const [status, setStatus] = useState('');
  const answer = changes.data;

  const review = async () => {
    if (busy || !answer) {
      return;
    }
    await submit('standards.problem.review', async () => {
      await markCatalogueReviewed(session);
      setStatus(t('standards.changes.reviewed', { version: answer.currentVersion }));
      changes.reload();
    });
  };

  return (
    <section className="catalogue-changes card" aria-labelledby="catalogue-changes-heading">
      <h2 id="catalogue-changes-heading">{t('standards.changes.title')}</h2>
      <StatusNotice status={status} />
      {changes.problem && <ProblemNotice problem={changes.problem} />}
      {!answer && !changes.problem && <p className="quiet">{t('standards.loading')}</p>}
      {answer && (
        <>
          <p>
            {answer.reviewedVersion
              ? t('standards.changes.versions', { reviewed: answer.reviewedVersion, current: answer.currentVersion })
              : t('standards.changes.neverReviewed', { current: answer.currentVersion })}
          </p>
          {answer.changes.length === 0 ? (
            <p>{t('standards.changes.none')}</p>
          ) : (
            <DataTable
              className="changes-table"
              caption={t('standards.changes.count', { count: answer.changes.length })}
              updating={changes.loading}
              columns={[t('standards.changes.entry'), t('standards.changes.kind'), t('standards.changes.what'), t('standards.changes.parts'), t('standards.changes.yours')]}
            >
              {answer.changes.map((change) => (
                <ChangeRow key={change.id} change={change} />
              ))}
            </DataTable>
          )}
          {problem && <ProblemNotice problem={problem} />}
          {(answer.changes.length > 0 || answer.reviewedVersion !== answer.currentVersion) && (
            <button type="button" className="button primary" aria-disabled={busy} onClick={() => void review()}>
              {t('standards.changes.markReviewed')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ChangeRow({ change }: { change: CatalogueChange }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reworded = change.reworded ?? (change.rewordedIn ?? []).length > 0;
  return (
    <tr className={reworded ? 'reworded-change' : undefined}>
      <th scope="row">
        {change.title ?? change.id}
        {change.adopted === false && <span className="quiet"> {t('standards.changes.notAdopted')}</span>}
      </th>
      <td>{kindLabel(fileCode(change.kind), i18n)}</td>
      <td>
        {changeLabel(fileCode(change.what), i18n)}
        {change.fromVersion && change.toVersion && change.fromVersion !== change.toVersion
          ? ` ${t('standards.changes.fromTo', { from: change.fromVersion, to: change.toVersion })}`
          : ''}
      </td>
      <td>{(change.changedParts ?? []).join(', ')}</td>
      <td>{reworded ? <strong>{t('standards.changes.rewordedReadAgain')}</strong> : t('standards.changes.notReworded')}</td>
    </tr>
  );
}
