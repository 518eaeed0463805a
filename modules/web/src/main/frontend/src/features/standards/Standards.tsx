/**
 * "Service standards" (/t/<slug>/standards): the library system's standards in its own order, grouped by kind
 * (principles, methods with their steps, response guides, telephone and email, the desk checklist), each saying
 * whether the library reworded it (with the shared original on demand) and which positions and situations it links
 * to. Training scenarios are only counted here: their answers belong to the training screen. Tenant administrators
 * see the catalogue's changes first.
 */
import { AppLink } from '../../shared/AppLink';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';
import { CatalogueChangesPanel } from './CatalogueChanges';
import { StandardEntry } from './StandardEntry';
import { groupByKind, groupLabel, loadStandards, reviewsCatalogue } from './standards';

export function StandardsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, navigate } = usePage();
  const standards = useLoad((signal) => loadStandards(session, signal), 'standards', { title: 'standards.problem.list' });
  const groups = standards.data ? groupByKind(standards.data) : [];
  const scenarios = groups.find((group) => group.kind === 'scenario')?.standards.length ?? 0;
  const shown = groups.filter((group) => group.kind !== 'scenario');

  return (
    <>
      <Heading>{t('standards.title')}</Heading>
      <p className="quiet">{t('standards.intro')}</p>
      {reviewsCatalogue(me) && <CatalogueChangesPanel />}
      {standards.problem && (
        <>
          <ProblemNotice problem={standards.problem} />
          <button type="button" className="button quiet-button" onClick={standards.reload}>
            {t('action.tryAgain')}
          </button>
        </>
      )}
      {!standards.data && !standards.problem && <p className="quiet">{t('standards.loading')}</p>}
      {standards.data && standards.data.length === 0 && <p>{t('standards.none')}</p>}
      {shown.length > 1 && (
        <nav aria-label={t('standards.contents')} className="standards-contents">
          <ul>
            {shown.map((group) => (
              <li key={group.kind}>
                <a href={`#standards-${group.kind}`}>{groupLabel(group.kind, i18n)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {shown.map((group) => (
        <section key={group.kind} className="standard-group" aria-labelledby={`standards-${group.kind}`}>
          <h2 id={`standards-${group.kind}`} tabIndex={-1}>
            {groupLabel(group.kind, i18n)}
          </h2>
          {group.standards.map((standard) => (
            <StandardEntry key={standard.id} standard={standard} level={3} />
          ))}
        </section>
      ))}
      {scenarios > 0 && (
        <p className="standards-training">
          {t('standards.scenarios', { count: scenarios })}{' '}
          <AppLink slug={session.slug} screen="training" navigate={navigate}>
            {t('training.title')}
          </AppLink>
        </p>
      )}
    </>
  );
}
