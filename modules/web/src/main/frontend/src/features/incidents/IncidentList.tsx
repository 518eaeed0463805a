/** The incident reports a staff member may read: headquarters sees every branch, with filters, counts and a CSV. */
import { useState, type MouseEvent } from 'react';
import { AppLink } from '../../shared/AppLink';
import { BranchPicker } from '../../shared/BranchPicker';
import { Field } from '../../shared/fields';
import { ChoiceFilter, OnlyFilter } from '../../shared/filters';
import {
  STATUSES,
  categoriesOf,
  countLines,
  deliveryFailed,
  deliveryText,
  overdueFirst,
  seesEveryBranch,
  statusLabel,
  whenText,
  type CountLine,
} from './incidentForm';
import { downloadReportsCsv, loadIncidentForm, loadReportCounts, loadReports, type ReportFilter, type ReportSummary } from './incidents';
import { usePage } from '../../shared/page';
import { DataTable } from '../../shared/DataTable';
import { useDownload } from '../../shared/useDownload';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice, StatusNotice } from '../../shared/views';

export function IncidentList() {
  const { session, me, branches, navigate } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const everyBranch = seesEveryBranch(me);
  const [filter, setFilter] = useState<ReportFilter>({});
  const key = JSON.stringify(filter);
  const reports = useLoad((signal) => loadReports(session, filter, signal), `incident-reports:${key}`, {
    title: 'problem.reports',
  });
  const form = useLoad((signal) => loadIncidentForm(session, signal), 'incident-form', { title: 'problem.categories' });
  const counts = useLoad((signal) => (everyBranch ? loadReportCounts(session, filter, signal) : Promise.resolve(undefined)), `incident-counts:${key}`);
  const categories = categoriesOf(form.data);
  const nameOf = (code: string) => branches.data?.find((b) => b.code === code)?.name ?? categories.find((c) => c.code === code)?.title;
  const countList: CountLine[] = countLines(counts.data, nameOf, '', i18n);
  const { busy: downloading, problem, status, download } = useDownload();
  const set = (change: Partial<ReportFilter>) => setFilter((current) => ({ ...current, ...change }));
  const shown = useLastAnswer(reports);
  const list = shown ? overdueFirst(shown) : undefined;
  const hasDeadline = list?.some((r) => r.deadline) ?? false;
  const hasDelivery = list?.some((r) => r.delivery !== undefined && r.delivery !== null) ?? false;

  const csv = () =>
    download({
      fetch: () => downloadReportsCsv(session, filter),
      fallbackName: `incident-reports-${session.slug}.csv`,
      preparing: t('status.preparingCsv'),
      saved: (name) => t('incidents.downloaded', { name }),
      failure: 'problem.csv',
    });

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The link in the row is the keyboard's way in; a click anywhere else on the row does the same.
    if ((event.target as HTMLElement).closest('a, button') || event.button !== 0) {
      return;
    }
    navigate('incidents', id);
  };

  return (
    <>
      <Heading>{t('screen.incidents')}</Heading>
      <p className="quiet">{everyBranch ? t('incidents.introAll') : t('incidents.introOwn')}</p>
      <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('incidents.filter')}>
        {everyBranch && (
          <BranchPicker
            id="incidents-branch"
            label={t('field.branch')}
            branches={branches.data}
            value={filter.branch ?? ''}
            onChange={(code) => set({ branch: code || undefined })}
            allLabel={t('field.allBranches')}
          />
        )}
        <ChoiceFilter
          id="incidents-category"
          label={t('incidents.category')}
          anyLabel={t('incidents.allCategories')}
          value={filter.category}
          choices={categories.map((c) => ({ code: c.code, label: c.title }))}
          onChange={(category) => set({ category })}
        />
        <ChoiceFilter
          id="incidents-status"
          label={t('incidents.status')}
          anyLabel={t('incidents.anyStatus')}
          value={filter.status}
          choices={STATUSES.map((code) => ({ code, label: statusLabel(code, i18n) }))}
          onChange={(status) => set({ status })}
        />
        <Field id="incidents-from" label={t('incidents.from')}>
          {(ids) => (
            <input {...ids} type="date" value={filter.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
          )}
        </Field>
        <Field id="incidents-to" label={t('incidents.to')}>
          {(ids) => (
            <input {...ids} type="date" value={filter.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
          )}
        </Field>
        {everyBranch && (
          <OnlyFilter checked={filter.overdue} onChange={(overdue) => set({ overdue })}>
            {t('incidents.overdueOnly')}
          </OnlyFilter>
        )}
        {everyBranch && (
          <ChoiceFilter
            id="incidents-delivery"
            label={t('incidents.delivery')}
            anyLabel={t('incidents.anyDelivery')}
            value={filter.delivery}
            choices={[
              { code: 'pending', label: t('incidents.mailWaiting') },
              { code: 'failed', label: t('incidents.mailFailed') },
            ]}
            onChange={(delivery) => set({ delivery })}
          />
        )}
        {everyBranch && (
          <div className="toolbar-actions">
            <button type="button" className="button" aria-disabled={downloading} onClick={() => void csv()}>
              {t('incidents.csv')}
            </button>
          </div>
        )}
      </form>
      <StatusNotice status={status} />
      {problem && <ProblemNotice problem={problem} />}
      {countList.length > 0 && (
        <section aria-labelledby="incident-counts" className="counts">
          <h2 id="incident-counts">{t('incidents.atAGlance')}</h2>
          <dl className="count-list">
            {countList.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{i18n.intl.formatNumber(line.value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {reports.problem && <ProblemNotice problem={reports.problem} />}
      {!list && !reports.problem && <p className="quiet">{t('incidents.loading')}</p>}
      {list && (
        <DataTable
          className="incident-table"
          caption={t('incidents.count', { count: list.length })}
          updating={reports.loading}
          columns={[
            t('incidents.occurred'),
            t('incidents.category'),
            t('field.branch'),
            t('incidents.status'),
            t('signature.reporter'),
            hasDeadline && t('incidents.deadline'),
            hasDelivery && t('incidents.delivery'),
          ]}
        >
          {list.map((summary) => (
            <SummaryRow key={summary.id} summary={summary} onClick={openRow} deadline={hasDeadline} delivery={hasDelivery} />
          ))}
        </DataTable>
      )}
    </>
  );
}

function SummaryRow(props: {
  summary: ReportSummary;
  onClick: (event: MouseEvent<HTMLTableRowElement>, id: string) => void;
  deadline: boolean;
  delivery: boolean;
}) {
  const { session, navigate } = usePage();
  const { summary } = props;
  const i18n = useI18n();
  const overdue = summary.overdue === true;
  const delivery = deliveryText(summary.delivery, i18n);
  return (
    <tr className={`clickable${overdue ? ' overdue' : ''}`} onClick={(event) => props.onClick(event, summary.id)}>
      <th scope="row">
        <AppLink slug={session.slug} screen="incidents" item={summary.id} navigate={navigate}>
          {whenText(summary.occurredAt, i18n)}
        </AppLink>
      </th>
      <td>{summary.categoryTitle ?? summary.category}</td>
      <td>{summary.branchName ?? summary.branch}</td>
      <td>
        {statusLabel(summary.status, i18n)}
        {overdue && <strong className="overdue-flag">{i18n.t('incidents.overdueFlag')}</strong>}
      </td>
      <td>{summary.reporterTagName ?? ''}</td>
      {props.deadline && <td>{summary.deadline ? whenText(summary.deadline, i18n) : ''}</td>}
      {props.delivery && <td className={deliveryFailed(summary.delivery) ? 'delivery-failed' : undefined}>{delivery ?? ''}</td>}
    </tr>
  );
}
