/**
 * Incident reports to read: the list (for headquarters every branch, with filters, counts, overdue reports first
 * and a CSV export) and one report with its answers, the call to headquarters, its signature trail, the chain's
 * verification and the PDF. Every answer and name is React text: markup in a report is shown as typed.
 */
import { IncidentList } from './IncidentList';
import type { IncidentReport } from './incidents';
import { ReportDetail } from './ReportDetail';

export function IncidentsPage(props: { item?: string; handoff?: IncidentReport }) {
  if (props.item) {
    const initial = props.handoff?.id === props.item ? props.handoff : undefined;
    return <ReportDetail key={props.item} id={props.item} initial={initial} />;
  }
  return <IncidentList />;
}
