/**
 * Filing an incident report at the desk, keyboard first: choose what happened (arrow keys or the first letters),
 * answer the questions with the guidance beside them (saved as you type), record the call to headquarters where
 * the category asks for it, then sign with an explicit confirmation. Drafts of one's own are listed to go on with.
 *
 * Everything typed or received is rendered as React text: markup in an answer stays visible as typed.
 */
import { AppLink } from '../../shared/AppLink';
import { DraftForm } from './DraftForm';
import { isReporter } from './incidentForm';
import { loadReport, type IncidentReport } from './incidents';
import { StartReport } from './StartReport';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';

export { AUTOSAVE_DELAY_MS } from './DraftForm';

export function ReportPage(props: { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <DraftLoader key={props.item} id={props.item} initial={initial} />;
  }
  return <StartReport />;
}

function DraftLoader({ id, initial }: { id: string; initial?: IncidentReport }) {
  const { session, me, navigate } = usePage();
  const { t } = useI18n();
  const loaded = useLoad((signal) => (initial ? Promise.resolve(initial) : loadReport(session, id, signal)), `report:${id}`, {
    title: 'problem.report',
  });
  const report = loaded.data;
  if (!report) {
    return (
      <>
        <Heading>{t('screen.report')}</Heading>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} /> : <p className="quiet">{t('report.loading')}</p>}
      </>
    );
  }
  if (report.status !== 'draft' || !isReporter(report, me)) {
    return (
      <>
        <Heading>{report.categoryTitle ?? report.category}</Heading>
        <p>
          {report.status === 'draft' ? t('draft.notYours') : t('draft.signed')}{' '}
          <AppLink slug={session.slug} screen="incidents" item={report.id} navigate={navigate}>
            {t('draft.read')}
          </AppLink>
        </p>
      </>
    );
  }
  return <DraftForm initial={report} />;
}
