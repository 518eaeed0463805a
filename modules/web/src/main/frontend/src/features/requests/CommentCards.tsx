/**
 * Comment cards (/t/<slug>/comment-cards, one at /t/<slug>/comment-cards/<id>): what patrons left on the public page,
 * for persons in charge (their branch), headquarters and tenant administrators (as the API allows), filtered by kind and state, the counts per branch and kind, and the poster with the page's QR code to print
 * for a branch (PDF, English or Spanish).
 */
import { useState } from 'react';
import { CardDetail } from './CardDetail';
import { CARD_KINDS, CARD_STATES, branchName, cardKindLabel, cardStateLabel, downloadPoster, loadCardCounts, loadCards, worksMatters } from './requests';
import { LanguageChoice, ListFilters, When } from './parts';
import { NotForYourRole } from '../policies/parts';
import { AppLink } from '../../shared/AppLink';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { DataTable } from '../../shared/DataTable';
import { ChoiceFilter } from '../../shared/filters';
import { usePage } from '../../shared/page';
import { useDownload } from '../../shared/useDownload';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

export function CommentCardsPage({ item }: { item?: string }) {
  const { me } = usePage();
  if (!worksMatters(me)) {
    return <NotForYourRole title="cards.title" />;
  }
  return item ? <CardDetail id={item} /> : <CardList />;
}

function CardList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, branches, navigate } = usePage();
  const [filter, setFilter] = useState<{ branch?: string; kind?: string; state?: string }>({});
  const loaded = useLoad((signal) => loadCards(session, filter, signal), `cards:${JSON.stringify(filter)}`, { title: 'cards.problem.list' });
  const counts = useLoad((signal) => loadCardCounts(session, {}, signal), 'card-counts', { title: 'cards.problem.counts' });
  const rows = useLastAnswer(loaded);
  const kinds = CARD_KINDS.map((code) => ({ code, label: cardKindLabel(code, i18n) }));
  const countBranches = [...new Set((counts.data ?? []).map((count) => count.branch))];
  const countOf = (branch: string, kind: string) => counts.data?.find((count) => count.branch === branch && count.kind === kind)?.count ?? 0;

  return (
    <>
      <Heading>{t('cards.title')}</Heading>
      <p className="quiet">{t('cards.intro')}</p>
      <ListFilters id="cards" label={t('cards.filter')} branch={filter.branch} onBranch={(branch) => setFilter({ ...filter, branch })}>
        <ChoiceFilter id="cards-kind" label={t('cards.kind')} anyLabel={t('cards.anyKind')} value={filter.kind} choices={kinds} onChange={(kind) => setFilter({ ...filter, kind })} />
        <ChoiceFilter
          id="cards-state"
          label={t('cards.state')}
          anyLabel={t('cards.anyState')}
          value={filter.state}
          choices={CARD_STATES.map((code) => ({ code, label: cardStateLabel(code, i18n) }))}
          onChange={(state) => setFilter({ ...filter, state })}
        />
      </ListFilters>
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!rows && !loaded.problem && <p className="quiet">{t('cards.loading')}</p>}
      {rows && (
        <DataTable
          className="card-table"
          caption={t('cards.count', { count: rows.length })}
          updating={loaded.loading}
          columns={[t('cards.reference'), t('field.branch'), t('cards.kind'), t('cards.state'), t('cards.received'), t('cards.mayReply')]}
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <AppLink slug={session.slug} screen="comment-cards" item={row.id} navigate={navigate}>
                  {row.reference}
                </AppLink>
              </th>
              <td>{branchName(row.branch, branches.data)}</td>
              <td>{cardKindLabel(row.kind, i18n)}</td>
              <td>{cardStateLabel(row.state, i18n)}</td>
              <td>
                <When at={row.receivedAt} />
              </td>
              <td>{row.mayReply && row.hasContact ? t('complaints.yes') : t('complaints.no')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="card-counts-heading">
        <h2 id="card-counts-heading">{t('cards.counts')}</h2>
        {counts.problem && <ProblemNotice problem={counts.problem} />}
        {counts.data && (
          <DataTable className="card-counts" caption={t('cards.countsCaption')} hiddenCaption columns={[t('field.branch'), ...kinds.map((kind) => kind.label)]}>
            {countBranches.map((branch) => (
              <tr key={branch}>
                <th scope="row">{branchName(branch, branches.data)}</th>
                {CARD_KINDS.map((kind) => (
                  <td key={kind}>{countOf(branch, kind)}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <Poster />
    </>
  );
}

/** The poster for one branch: the public page's address and its QR code, to print and put up. */
function Poster() {
  const { t } = useI18n();
  const { session, me, branches } = usePage();
  const [branch, setBranch] = useState(() => startingBranch(me, branches.data) ?? '');
  const [language, setLanguage] = useState('en');
  const { busy, problem, status, download } = useDownload();
  const chosen = branch || startingBranch(me, branches.data) || '';
  const save = () =>
    void download({
      fetch: () => downloadPoster(session, chosen, language),
      fallbackName: `comment-card-poster-${chosen}.pdf`,
      preparing: t('cards.posterPreparing'),
      saved: (name) => t('cards.posterSaved', { name }),
      failure: 'cards.problem.poster',
    });
  return (
    <section aria-labelledby="card-poster-heading">
      <h2 id="card-poster-heading">{t('cards.poster')}</h2>
      <p className="quiet">{t('cards.posterIntro')}</p>
      <div className="toolbar">
        <BranchPicker id="poster-branch" label={t('field.branch')} branches={branches.data} value={chosen} onChange={setBranch} />
        <LanguageChoice id="poster-language" label={t('cards.posterLanguage')} value={language} onChange={setLanguage} />
        <div className="toolbar-actions">
          <button type="button" className="button" aria-disabled={busy || !chosen} onClick={() => chosen && save()}>
            {t('cards.posterDownload')}
          </button>
        </div>
      </div>
      <StatusNotice status={status} />
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
