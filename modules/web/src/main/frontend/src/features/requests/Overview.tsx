/**
 * "Patron requests" (/t/<slug>/patron-requests): headquarters' view of what patrons brought, per branch — complaints
 * waiting and overdue, new comment cards, open reconsiderations, call-backs due and overdue, follow-ups past due — and
 * the open matters themselves, overdue marked in words, with a CSV download. A person in charge sees their branch.
 */
import { useState } from 'react';
import { branchName, downloadOverviewCsv, everyBranch, loadOverview, matterKindLabel, matterStateText, overdueText, worksMatters, type OverviewMatter } from './requests';
import { ListFilters, When } from './parts';
import { NotForYourRole } from '../policies/parts';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import type { Screen } from '../../shared/place';
import { usePage } from '../../shared/page';
import { useDownload } from '../../shared/useDownload';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

/** Where a matter of each kind opens; kinds without a screen here are listed without a link. */
const SCREEN_OF: Record<string, Screen> = { complaint: 'complaints', 'comment-card': 'comment-cards', reconsideration: 'reconsiderations' };

export function OverviewPage() {
  const { me } = usePage();
  return worksMatters(me) ? <Overview /> : <NotForYourRole title="overview.title" />;
}

function Overview() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches, navigate } = usePage();
  const [branch, setBranch] = useState('');
  const loaded = useLoad((signal) => loadOverview(session, branch || undefined, signal), `overview:${branch}`, { title: 'overview.problem' });
  const data = useLastAnswer(loaded);
  const { busy, problem, status, download } = useDownload();
  const save = () =>
    void download({
      fetch: () => downloadOverviewCsv(session, branch || undefined),
      fallbackName: `patron-requests-${session.slug}.csv`,
      preparing: t('status.preparingCsv'),
      saved: (name) => t('overview.saved', { name }),
      failure: 'overview.problemCsv',
    });
  const link = (matter: OverviewMatter) => {
    const screen = SCREEN_OF[matter.kind];
    return screen ? (
      <AppLink slug={session.slug} screen={screen} item={matter.id} navigate={navigate}>
        {matter.reference}
      </AppLink>
    ) : (
      matter.reference
    );
  };
  return (
    <>
      <Heading>{t('overview.title')}</Heading>
      <p className="quiet">{everyBranch(me) ? t('overview.introAll') : t('overview.introOwn', { branch: me.branchName })}</p>
      <ListFilters id="overview" label={t('overview.filter')} branch={branch} onBranch={(code) => setBranch(code ?? '')}>
        <div className="toolbar-actions">
          <button type="button" className="button" aria-disabled={busy} onClick={save}>
            {t('overview.csv')}
          </button>
        </div>
      </ListFilters>
      <StatusNotice status={status} />
      {problem && <ProblemNotice problem={problem} />}
      {loaded.problem && <ProblemNotice problem={loaded.problem} />}
      {!data && !loaded.problem && <p className="quiet">{t('overview.loading')}</p>}
      {data && (
        <>
          <DataTable
            className="overview-branches"
            caption={t('overview.perBranch')}
            updating={loaded.loading}
            columns={[
              t('field.branch'),
              t('overview.complaintsWaiting'),
              t('overview.complaintsOverdue'),
              t('overview.commentCardsNew'),
              t('overview.reconsiderationsOpen'),
              t('overview.callBacksDue'),
              t('overview.callBacksOverdue'),
              t('overview.followUpsPastDue'),
            ]}
          >
            {data.branches.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.name}</th>
                <td>{row.complaintsWaiting}</td>
                <td>{row.complaintsOverdue}</td>
                <td>{row.commentCardsNew}</td>
                <td>{row.reconsiderationsOpen}</td>
                <td>{row.callBacksDue}</td>
                <td>{row.callBacksOverdue}</td>
                <td>{row.followUpsPastDue}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            className="overview-matters"
            caption={t('overview.matters', { count: data.matters.length })}
            columns={[t('overview.reference'), t('overview.kind'), t('field.branch'), t('overview.label'), t('overview.state'), t('overview.opened'), t('overview.due')]}
          >
            {data.matters.map((matter) => (
              <tr key={`${matter.kind}:${matter.id}`}>
                <th scope="row">{link(matter)}</th>
                <td>{matterKindLabel(matter.kind, i18n)}</td>
                <td>{branchName(matter.branch, branches.data)}</td>
                <td className="free-text">{matter.label}</td>
                <td>{matterStateText(matter.kind, matter.state, i18n)}</td>
                <td>
                  <When at={matter.openedAt} />
                </td>
                <td>
                  <When at={matter.dueAt} />
                  {matter.overdue && <strong className="overdue"> {overdueText(true, i18n)}</strong>}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
