/**
 * The signed-in shell: header (who is signed in, notices, sign-out), the main navigation and the screen the
 * path names. Screens change with history.pushState; the server answers every /t/<slug>/… path with the app,
 * so a bookmark or the back button lands on the same screen.
 *
 * Everything here lives in React state under App's "signed-in" phase: the idle lock unmounts it all.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Me, SignInConfig } from './shared/api';
import { AppLink, type Navigate } from './shared/AppLink';
import { BansPage } from './features/bans/Bans';
import { CallBacksCard, CallBacksPage } from './features/callbacks/CallBacks';
import { DeskPage } from './features/desk/Desk';
import { DeskLink, useDeskShortcut } from './features/desk/DeskLink';
import { Escalate, InChargeWidget } from './features/staffing/Home';
import { IncidentsPage } from './features/incidents/Incidents';
import type { IncidentReport } from './features/incidents/incidents';
import { NoticesAnnouncer, NoticesButton, NoticesPanel, NOTICES_REFRESH_MS, withReadMarks } from './features/staffing/Notices';
import { itemOf, pathOf, screenOf, type Screen } from './shared/place';
import { navGroupsFor } from './shared/navGroups';
import { ReportPage } from './features/incidents/ReportIncident';
import { unreadCount } from './features/staffing/present';
import { RosterPage } from './features/staffing/Roster';
import { MyNameTagPage } from './features/accounts/MyNameTag';
import { SchedulePage } from './features/staffing/Schedule';
import { ShiftEditorPage } from './features/staffing/ShiftEditor';
import { StandardsPage } from './features/standards/Standards';
import { TrainingPage } from './features/standards/Training';
import { loadBranches, loadNotices } from './features/staffing/staffing';
import { PageContext, usePage, type Page } from './shared/page';
import { PolicyAcknowledgementsPage } from './features/policies/Acknowledgements';
import { PolicyReportPage } from './features/policies/ConsistencyReport';
import { PolicyEditorPage } from './features/policies/PolicyEditor';
import { PoliciesPage } from './features/policies/Policies';
import { CommentCardsPage } from './features/requests/CommentCards';
import { ComplaintsPage } from './features/requests/Complaints';
import { OverviewPage } from './features/requests/Overview';
import { ReconsiderationsPage } from './features/requests/Reconsiderations';
import { RecordComplaintPage } from './features/requests/RecordComplaint';
import { AdminDraftProvider } from './features/admin/AdminDraft';
import { AdminBranchesPage } from './features/admin/Branches';
import { AdminClosuresPage } from './features/admin/Closures';
import { AdminHoursPage } from './features/admin/Hours';
import { AdminPositionsPage } from './features/admin/Positions';
import { AdminSettingsPage } from './features/admin/Settings';
import { FormEditorPage } from './features/forms/FormEditor';
import type { Session } from './shared/session';
import { useLoad } from './shared/useLoad';
import { useI18n, type MessageId } from './shared/i18n/i18n';
import { Heading, LanguagePicker, SkipLink } from './shared/views';

const TITLES: Record<Screen, MessageId> = {
  home: 'screen.home',
  desk: 'desk.title',
  report: 'screen.report',
  incidents: 'screen.incidents',
  bans: 'screen.bans',
  standards: 'standards.title',
  training: 'training.title',
  roster: 'screen.roster',
  schedule: 'screen.schedule',
  policies: 'policies.screen.library',
  'policy-report': 'policies.screen.report',
  'policy-acknowledgements': 'policies.screen.acknowledgements',
  'policy-editor': 'policies.screen.editor',
  'record-complaint': 'complaints.record.title',
  'comment-cards': 'cards.title',
  complaints: 'complaints.title',
  reconsiderations: 'reconsideration.title',
  'patron-requests': 'overview.title',
  'call-backs': 'callBacks.title',
  'admin-branches': 'admin.branches.title',
  'admin-hours': 'admin.hours.title',
  'admin-closures': 'admin.closures.title',
  'admin-positions': 'admin.positions.title',
  'admin-settings': 'admin.settings.title',
  'form-editor': 'formEditor.title',
  'my-name-tag': 'accounts.title',
  'shift-editor': 'shifts.title',
};

export function Shell(props: { config: SignInConfig; me: Me; session: Session; onSignOut: () => void }) {
  const { config, me, session } = props;
  const { t, rich } = useI18n();
  const slug = config.tenant.slug;
  const main = useRef<HTMLElement>(null);
  const [screen, setScreen] = useState<Screen>(() => screenOf(window.location.pathname));
  const [item, setItem] = useState<string | undefined>(() => itemOf(window.location.pathname, window.location.search));
  // A report a screen already has in hand (just started or just signed), so the next one need not fetch it.
  const [handoff, setHandoff] = useState<IncidentReport | undefined>(undefined);

  useEffect(() => {
    const onPopState = () => {
      setScreen(screenOf(window.location.pathname));
      setItem(itemOf(window.location.pathname, window.location.search));
      setHandoff(undefined);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>(
    (target, targetItem, report) => {
      window.history.pushState(null, '', pathOf(slug, target, targetItem));
      setScreen(target);
      setItem(targetItem);
      setHandoff(report);
    },
    [slug],
  );

  useEffect(() => {
    document.title = t('shell.documentTitle', { screen: t(TITLES[screen]) });
    return () => {
      document.title = 'ServicePoint';
    };
  }, [screen, t]);

  const go = (event: MouseEvent<HTMLAnchorElement>, target: Screen) => {
    // A new tab or window is the browser's business (it signs in there on its own).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (target === screen && item === undefined) {
      main.current?.querySelector('h1')?.focus();
      return;
    }
    navigate(target);
  };

  const branches = useLoad((signal) => loadBranches(session, signal), 'branches', { title: 'problem.branches' });
  const notices = useLoad((signal) => loadNotices(session, signal), 'notices', {
    refreshMs: NOTICES_REFRESH_MS,
    title: 'problem.notices',
  });
  const [readMarks, setReadMarks] = useState<ReadonlySet<string>>(new Set());
  const noticeList = withReadMarks(notices.data, readMarks);
  const unread = notices.data ? unreadCount(noticeList) : undefined;
  const [noticesOpen, setNoticesOpen] = useState(false);
  const noticesButton = useRef<HTMLButtonElement>(null);
  const closeNotices = useCallback(() => {
    setNoticesOpen(false);
    noticesButton.current?.focus();
  }, []);
  const markRead = useCallback((id: string) => setReadMarks((marks) => new Set(marks).add(id)), []);
  const page = useMemo<Page>(() => ({ session, me, branches, navigate }), [session, me, branches, navigate]);
  useDeskShortcut(navigate);
  const navGroups = useMemo(() => navGroupsFor(me.roles), [me.roles]);

  return (
    // The administration screens' one draft lives as long as this shell (the idle lock and sign-out drop it).
    <AdminDraftProvider session={session}>
      <SkipLink />
      <header className="masthead">
        <div className="masthead-row">
          <p className="system-name">{config.tenant.name}</p>
          <p className="signed-in-as">
            {rich('shell.signedInAs', {
              name: <strong>{me.tagName}</strong>,
              position: me.positionName,
              branch: me.branchName,
            })}
          </p>
          <NoticesButton
            ref={noticesButton}
            count={unread ?? 0}
            open={noticesOpen}
            onToggle={() => (noticesOpen ? closeNotices() : setNoticesOpen(true))}
          />
          <LanguagePicker />
          <button type="button" className="button quiet-button" onClick={props.onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
        <NoticesAnnouncer count={unread} />
        <nav aria-label={t('shell.nav')}>
          {navGroups.map((group) => (
            <div key={group.name} className="nav-group">
              {/* One group needs no name: a desk worker's navigation stays one plain row. */}
              {navGroups.length > 1 && (
                <p id={`nav-group-${group.name}`} className="nav-group-name">
                  {t(group.label)}
                </p>
              )}
              <ul className="nav-list" aria-labelledby={navGroups.length > 1 ? `nav-group-${group.name}` : undefined}>
                {group.screens.map((target) => (
                  <li key={target}>
                    <a
                      href={pathOf(slug, target)}
                      aria-current={target === screen ? 'page' : undefined}
                      onClick={(event) => go(event, target)}
                    >
                      {t(TITLES[target])}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        {noticesOpen && (
          <NoticesPanel session={session} notices={notices} list={noticeList} onRead={markRead} onClose={closeNotices} />
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <PageContext value={page}>
          {screen === 'home' && <HomePage onEscalated={notices.reload} />}
          {screen === 'desk' && <DeskPage />}
          {screen === 'report' && <ReportPage key={item ?? 'start'} item={item} handoff={handoff} />}
          {screen === 'incidents' && <IncidentsPage key={item ?? 'list'} item={item} handoff={handoff} />}
          {screen === 'bans' && <BansPage key={item ?? 'bans'} incidentReportId={item} />}
          {screen === 'roster' && <RosterPage />}
          {screen === 'schedule' && <SchedulePage />}
          {screen === 'policies' && <PoliciesPage key={item ?? 'policies'} item={item} />}
          {screen === 'policy-report' && <PolicyReportPage />}
          {screen === 'policy-acknowledgements' && <PolicyAcknowledgementsPage />}
          {screen === 'policy-editor' && <PolicyEditorPage key={item ?? 'new'} item={item} />}
          {screen === 'standards' && <StandardsPage />}
          {screen === 'training' && <TrainingPage />}
          {screen === 'record-complaint' && <RecordComplaintPage />}
          {screen === 'comment-cards' && <CommentCardsPage key={item ?? 'cards'} item={item} />}
          {screen === 'complaints' && <ComplaintsPage key={item ?? 'complaints'} item={item} />}
          {screen === 'reconsiderations' && <ReconsiderationsPage key={item ?? 'reconsiderations'} item={item} />}
          {screen === 'patron-requests' && <OverviewPage />}
          {screen === 'call-backs' && <CallBacksPage />}
          {screen === 'admin-branches' && <AdminBranchesPage />}
          {screen === 'admin-hours' && <AdminHoursPage />}
          {screen === 'admin-closures' && <AdminClosuresPage />}
          {screen === 'admin-positions' && <AdminPositionsPage />}
          {screen === 'admin-settings' && <AdminSettingsPage />}
          {screen === 'form-editor' && <FormEditorPage />}
          {screen === 'my-name-tag' && <MyNameTagPage />}
          {screen === 'shift-editor' && <ShiftEditorPage />}
        </PageContext>
      </main>
    </AdminDraftProvider>
  );
}

function HomePage(props: { onEscalated: () => void }) {
  const { session, navigate } = usePage();
  const { t } = useI18n();
  return (
    <>
      <Heading>{t('screen.home')}</Heading>
      <div className="live-grid">
        <InChargeWidget />
        <Escalate onEscalated={props.onEscalated} />
      </div>
      <p className="home-actions">
        <AppLink slug={session.slug} screen="report" navigate={navigate} className="button big">
          {t('screen.report')}
        </AppLink>
      </p>
      <DeskLink />
      <CallBacksCard />
    </>
  );
}
