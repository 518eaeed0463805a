/**
 * The incidents API as the screens use it: the library system's form, drafts and their autosaves, the call to
 * headquarters, signing, lists for the desk and headquarters, verification and the PDF. Every call goes through
 * api.ts with a current token from the session, like the staffing calls.
 */
import { getFile, getJson, postJson, putJson, type Download } from '../../shared/api';
import { tenantPath, type Session } from '../../shared/session';

/** One question of a form (IncidentFormField). */
export interface FormField {
  key: string;
  label: string;
  type: string;
  required?: boolean | null;
  choices?: string[] | null;
  maxLength?: number | null;
  help?: string | null;
}

export interface FormCategory {
  code: string;
  title?: string | null;
  guidance?: string[] | null;
  fields?: FormField[] | null;
  recipients?: string[] | null;
  verbalReportToHeadquarters?: boolean | null;
  countersignature?: boolean | null;
}

export interface FormDefinition {
  title?: string | null;
  guidance?: string[] | null;
  fields?: FormField[] | null;
  categories?: FormCategory[] | null;
}

/** GET incident-forms: the current form (no version while the built-in default is unused). */
export interface IncidentForm {
  version?: number | null;
  hash: string;
  source?: string | null;
  definition: FormDefinition;
}

export interface IncidentPerson {
  username: string;
  tagName?: string | null;
  position?: string | null;
  positionName?: string | null;
}

export interface VerbalReport {
  calledBy: string;
  calledTo: string;
  calledAt: string;
  note?: string | null;
  recordedBy?: string | null;
}

export interface Addendum {
  seq: number;
  text: string;
  author: IncidentPerson;
  createdAt: string;
  signatureSeq: number;
}

export interface Signature {
  seq: number;
  kind: string;
  signer: IncidentPerson;
  signedAt: string;
  contentHash: string;
  previousHash: string;
  hash: string;
}

export interface Steps {
  verbalReportRequired: boolean;
  verbalReportRecorded: boolean;
  countersignatureRequired: boolean;
  countersigned: boolean;
  readyForDistribution: boolean;
  distributed: boolean;
  acknowledged: boolean;
  closed: boolean;
}

/** What a report and its line in a list both say: which report, where it stands, what and where it was, and when. */
export interface ReportBasics {
  id: string;
  status: string;
  category: string;
  categoryTitle?: string | null;
  branch: string;
  branchName?: string | null;
  occurredAt: string;
}

/** GET incident-reports/{id} and the answer of every change. */
export interface IncidentReport extends ReportBasics {
  formVersion: number;
  reporter: IncidentPerson;
  answers?: Record<string, unknown> | null;
  staffMembers?: Record<string, string> | null;
  verbalReport?: VerbalReport | null;
  addenda?: Addendum[] | null;
  signatures?: Signature[] | null;
  steps?: Steps | null;
  questions?: FormField[] | null;
  guidance?: string[] | null;
  missing?: string[] | null;
  recipients?: string[] | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  submittedAt?: string | null;
  /** What the signed-in person may do with the report now (the server checks each again); absent from older servers. */
  actions?: string[] | null;
  version: number;
}

/** GET incident-reports: one line of a list. The delivery and deadline fields come with a later server. */
export interface ReportSummary extends ReportBasics {
  reporterTagName?: string | null;
  reporterUsername?: string | null;
  submittedAt?: string | null;
  deadline?: string | null;
  overdue?: boolean | null;
  delivery?: unknown;
}

export interface Verification {
  reportId: string;
  checked: number;
  intact: boolean;
  firstMismatch?: { seq: number; kind?: string | null; signer?: string | null; problem: string; explanation?: string | null } | null;
  headHash?: string | null;
}

export interface ReportFilter {
  branch?: string;
  category?: string;
  status?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  delivery?: string;
}

function reportPath(session: Session, id: string, rest = ''): string {
  return tenantPath(session, `incident-reports/${encodeURIComponent(id)}${rest}`);
}

function filterQuery(filter: ReportFilter): Record<string, string | undefined> {
  return {
    branch: filter.branch,
    category: filter.category,
    status: filter.status,
    from: filter.from,
    to: filter.to,
    overdue: filter.overdue ? 'true' : undefined,
    delivery: filter.delivery,
  };
}

async function options(session: Session, signal?: AbortSignal) {
  return { token: await session.token(), signal };
}

export async function loadIncidentForm(session: Session, signal?: AbortSignal): Promise<IncidentForm> {
  return getJson(tenantPath(session, 'incident-forms'), await options(session, signal));
}

export async function loadReports(session: Session, filter: ReportFilter, signal?: AbortSignal): Promise<ReportSummary[]> {
  return getJson(tenantPath(session, 'incident-reports', filterQuery(filter)), await options(session, signal));
}

export async function loadReport(session: Session, id: string, signal?: AbortSignal): Promise<IncidentReport> {
  return getJson(reportPath(session, id), await options(session, signal));
}

export async function createReport(
  session: Session,
  request: { category: string; branch?: string; answers?: Record<string, unknown> },
): Promise<IncidentReport> {
  return postJson(tenantPath(session, 'incident-reports'), request, await options(session));
}

export async function saveAnswers(
  session: Session,
  id: string,
  change: { answers: Record<string, unknown>; occurredAt?: string },
): Promise<IncidentReport> {
  return putJson(reportPath(session, id, '/answers'), change, await options(session));
}

export async function recordVerbalReport(
  session: Session,
  id: string,
  call: { calledBy?: string; calledTo: string; calledAt: string; note?: string },
): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/verbal-report'), call, await options(session));
}

/** The reporter's signature: of the version they read, and only with the explicit confirmation. */
export async function submitReport(session: Session, id: string, version: number): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/submit'), { version, confirm: true }, await options(session));
}

/** A person in charge countersigns the report as they read it. */
export async function countersignReport(session: Session, id: string, version: number): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/countersign'), { version, confirm: true }, await options(session));
}

/** A correction or later fact, signed by whoever adds it; the report stays as signed. */
export async function addAddendum(session: Session, id: string, text: string, version: number): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/addenda'), { text, version }, await options(session));
}

/** Headquarters has the report (a signature of its own in the trail). */
export async function acknowledgeReport(session: Session, id: string, version: number): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/acknowledge'), { version, confirm: true }, await options(session));
}

export async function closeReport(session: Session, id: string, version: number): Promise<IncidentReport> {
  return postJson(reportPath(session, id, '/close'), { version }, await options(session));
}

/** Headquarters queues the failed mails again, to the addresses the roster has now; answers the trail. */
export async function retryDeliveries(session: Session, id: string): Promise<Delivery[]> {
  return postJson(reportPath(session, id, '/deliveries/retry'), {}, await options(session));
}

export async function loadVerification(session: Session, id: string, signal?: AbortSignal): Promise<Verification> {
  return getJson(reportPath(session, id, '/verification'), await options(session, signal));
}

export async function downloadReportPdf(session: Session, id: string): Promise<Download> {
  return getFile(reportPath(session, id, '.pdf'), 'application/pdf, application/problem+json', await options(session));
}

export async function downloadReportsCsv(session: Session, filter: ReportFilter): Promise<Download> {
  return getFile(tenantPath(session, 'incident-reports/export.csv', filterQuery(filter)), 'text/csv, application/problem+json', await options(session));
}

/** One mail of a report's delivery trail (GET incident-reports/{id}/deliveries). */
export interface Delivery {
  id: string;
  kind?: string | null;
  recipient?: string | null;
  position?: string | null;
  positionName?: string | null;
  status: string;
  attempts?: number | null;
  interrupted?: boolean | null;
  queuedAt?: string | null;
  sentAt?: string | null;
  nextAttemptAt?: string | null;
  lastError?: string | null;
}

/** The delivery trail, or undefined where the server has none to give (older servers, drafts). */
export async function loadDeliveries(session: Session, id: string, signal?: AbortSignal): Promise<Delivery[] | undefined> {
  try {
    return await getJson<Delivery[]>(reportPath(session, id, '/deliveries'), await options(session, signal));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    return undefined;
  }
}

/** The counts headquarters sees above the list; undefined where the server does not offer them (yet). */
export async function loadReportCounts(session: Session, filter: ReportFilter, signal?: AbortSignal): Promise<unknown> {
  try {
    return await getJson<unknown>(tenantPath(session, 'incident-reports/counts', filterQuery(filter)), await options(session, signal));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    return undefined;
  }
}
