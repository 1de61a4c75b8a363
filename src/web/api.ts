/**
 * The browser's client of the Tynda API: a few typed calls over fetch. The session is the HttpOnly cookie the
 * server sets at sign-in (same origin); every request says the user's language, so problem+json titles and
 * per-field messages come back in it.
 */

export type Lang = 'kk' | 'ru' | 'en';
export type Localized = Record<Lang, string>;

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/** A refusal of the API (application/problem+json): a stable code, a title in the user's language, field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: FieldError[] = [],
    readonly detail?: string,
    readonly citation?: string,
  ) {
    super(title);
  }

  /** The message for one input, matched on the end of the field path (`body.applicant.email` → `applicant.email`). */
  fieldMessage(field: string): string | undefined {
    const e = this.errors.find((x) => x.field === field || x.field.endsWith(`.${field}`));
    return e ? (e.message ?? e.code) : undefined;
  }
}

let language: Lang = 'kk';
export function setApiLanguage(lang: Lang) {
  language = lang;
}

async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': language, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(url, init);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (typeof data === 'object' && data ? data : {}) as { code?: string; title?: string; errors?: FieldError[]; detail?: string; citation?: string };
    throw new ApiError(res.status, p.code ?? 'http_' + res.status, p.title ?? res.statusText, p.errors ?? [], p.detail, p.citation);
  }
  return data as T;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

// ---- types of the answers the web uses (a subset of /api/openapi.json) ----

export interface Me {
  kind: 'official' | 'applicant';
  id: string;
  name: string | null;
  bodyId: string | null;
  roles: { role: string; roleName: string; bodyId: string | null; subdivisionId: string | null; acting: boolean; until: string | null }[];
  permissions: string[];
}
export interface SignedIn {
  token: string;
  expiresAt: string;
  me: Me;
}
export interface Topic {
  id: string;
  code: string;
  name: Localized;
  competentBodyType: string | null;
  children: Omit<Topic, 'children'>[];
}
export interface Body {
  id: string;
  code: string;
  type: string;
  typeName: string;
  name: Localized;
  parentId: string | null;
  active: boolean;
}
export interface Official {
  id: string;
  bodyId: string;
  fullName: string;
  active: boolean;
  appointments: { title: Localized; role: string | null; subdivisionId: string | null; acting?: boolean; validTo?: string | null }[];
}

// ---- administration: roles, the production calendar (docs/access-control.md, docs/api.md) ----

export interface RoleGrant {
  id: string;
  officialId: string;
  role: string;
  bodyId: string | null;
  subdivisionId: string | null;
  validFrom: string;
  validTo: string | null;
  grantedBy: string;
  revoked: boolean;
}
export interface OfficialRoles {
  current: Me['roles'];
  grants: RoleGrant[];
}
export interface Policy {
  roles: { id: string; name: string; allows: Record<string, string> }[];
}
export interface Holiday {
  date: string;
  name: Localized;
  kind: 'national' | 'state' | 'religious';
  confirmed: boolean;
}
export interface Transfer {
  dayOff: string;
  workedOn?: string;
  act: string;
}
export interface CalendarYear {
  year: number;
  complete: boolean;
  workingDays: number;
  holidays: Holiday[];
  extraDaysOff: { date: string; type: string; movedFrom?: string; act?: string }[];
  workingWeekendDays: { date: string; act: string }[];
  transfers: Transfer[];
  note?: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}
export interface CalendarYearInput {
  complete: boolean;
  holidays: Holiday[];
  transfers: Transfer[];
  note?: string;
}
export interface Applicant {
  kind: 'individual' | 'legal_entity';
  name?: string;
  iin?: string;
  bin?: string;
  postalAddress?: string;
  email?: string;
  phone?: string;
  /** channels besides the cabinet, to the contacts above (APC 66(2), 66(4)) */
  notifyBy?: ('email' | 'sms' | 'post')[];
}
export interface Ticket {
  id: string;
  number: string;
  bodyId: string;
  bodyName: string;
  receivedAt: string;
  registeredOn: string;
  acceptedBy: string;
  acceptedByPosition: string;
  due: string;
  state: string;
  missing: { code: string; citation: string; text: string }[];
  language: string;
}
export interface TimelineEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  citation: string | null;
  state: string | null;
  details: Record<string, unknown>;
}
export interface CaseDeadline {
  id: number;
  term: string;
  from: string;
  due: string;
  internalTarget: string | null;
  open: boolean;
}
export interface Case {
  id: string;
  number: string;
  bodyId: string;
  type: string;
  procedure: string;
  state: string;
  channel: string;
  language: string;
  topicId: string | null;
  summary: string;
  essence: string;
  receivedAt: string;
  receivedOn: string;
  registeredOn: string;
  acceptedBy: string;
  executorId: string | null;
  due: string;
  /** APC 73(1): the last day a preliminary decision can reach the person for a burdensome act within the term */
  preliminaryDecisionBy?: string | null;
  extensionCap: string;
  extended: boolean;
  deemedRefusedOn: string | null;
  decidedAt: string | null;
  decision: unknown;
  closedAt: string | null;
  parties: Record<string, unknown>[];
  version: number;
  applicant: Applicant;
  timeline: TimelineEvent[];
  deadlines: CaseDeadline[];
  actions: { action: string; citation: string }[];
  /** REG p.5(4)-(5): the control of the answer (docs/appeal-control.md) */
  controlStatus?: 'under_control' | 'returned' | 'accepted' | null;
  reworkCount?: number;
  control?: AppealControl | null;
  /** with decide_recusal open: who may take over (APC 67(8)); the superior body's head reads no other staff list */
  recusalCandidates?: { id: string; fullName: string }[];
}
export interface ListItem {
  id: string;
  number: string;
  body_id: string;
  type: string;
  state: string;
  channel: string;
  summary: string;
  received_on: string;
  due: string;
  deemed_refused_on: string | null;
  executor_id: string | null;
  /** the case version a step on it names (409 version_conflict when stale) */
  version: number;
  control_status?: 'under_control' | 'returned' | 'accepted' | null;
  rework_count?: number;
}
export interface AppealList {
  items: ListItem[];
  total: number;
  page: number;
  pageSize: number;
  counters: { new: number; mine: number; dueSoon: number; overdue: number; returned?: number };
}
export interface ListQuery {
  view?: 'mine' | 'subdivision' | 'body' | 'due_soon' | 'overdue' | 'all';
  state?: string;
  type?: string;
  q?: string;
  control?: 'under_control' | 'returned';
  page?: number;
  pageSize?: number;
}
export interface Explained {
  term: string;
  from: string;
  due: string;
  citation: string;
  description: string;
  explanation: { code: string; date?: string; text: string }[];
}
export interface Notice {
  id: string;
  type: string;
  subject: { type: string; id: string };
  citation: string;
  title: string;
  body: string;
  status: string;
  deliveredAt: string;
  readAt: string | null;
  terms: { id: string; citation: string; from: string | null; due: string | null }[];
}
export interface CaseFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  addedAt: string;
}
export interface Ground {
  code: string;
  citation: string;
  text: string;
}
export interface Grounds {
  hearingExemptions: Ground[];
  terminationGrounds: Ground[];
  simplifiedTerminationGrounds: Ground[];
  recusalGrounds: Ground[];
  appealContent: Ground[];
}

export interface FileAppealInput {
  bodyId: string;
  type: string;
  language: Lang;
  topicId?: string;
  summary?: string;
  essence: string;
  applicant: Applicant;
}
export interface RegisterInput extends FileAppealInput {
  channel: 'paper' | 'oral' | 'reception' | 'videoconference';
  signed: boolean;
  receivedAt: string;
  filedOn?: string;
}

// ---- administrative acts (docs/acts.md), complaints, petitions, receptions ----

export interface ActTemplate {
  id: string;
  bodyId: string | null;
  code: string;
  version: number;
  kind: string;
  procedure: string;
  title: Localized;
  state: string;
}
export interface ActContent {
  addressee?: { kind: 'individual' | 'legal_entity'; name: string; legalForm?: string };
  operative?: string;
  justification?: string;
  legalBasis?: string;
  justificationExemption?: string | null;
  hearingExemption?: string | null;
  noHearingReasons?: string;
  appealExplanation?: string;
}
export interface Act {
  id: string;
  number: string;
  appealId: string | null;
  template: { id: string; code: string; version: number } | null;
  kind: string;
  outcome: string;
  favourable: boolean;
  language: string;
  state: string;
  content: ActContent;
  missing: Ground[];
  signer: { name: string; position: string | null; signedAt: string } | null;
  adoptedOn: string | null;
  inForceOn: string | null;
  communicatedOn: string | null;
  executionDue: string | null;
  version: number;
}
export interface SigningContent {
  canonical: string;
  sha256: string;
  adoptedOn: string;
  version: number;
}

export interface ComplaintInput {
  appealId: string;
  actId?: string;
  challengedKind: 'act' | 'deemed_refusal';
  challengedSummary: string;
  circumstances: string;
  demands?: string;
  attachments?: string[];
  complainant: { kind: 'individual' | 'legal_entity'; name?: string; iin?: string; postalAddress?: string; actualAddress?: string; email?: string };
  language: Lang;
  learnedOn?: string;
}
export interface Complaint {
  id: string;
  number: string;
  state: string;
  appealId: string | null;
  actId: string | null;
  challengedKind: string;
  challengedSummary: string;
  receivedOn: string;
  registeredOn: string;
  learnedOn: string;
  complainBy: string;
  late: boolean;
  executionSuspended: boolean;
  due: string;
  decidedOn: string | null;
  missing?: Ground[];
}

export interface Petition {
  id: string;
  number: string;
  bodyName: string;
  state: string;
  title: string;
  content: string;
  proposals: string;
  submittedOn: string;
  preSupportBy: string;
  publishedOn: string | null;
  signingEndsOn: string | null;
  threshold: number | null;
  count: number;
  thresholdReached: boolean;
  signingOpen: boolean;
}
export interface PetitionCount {
  count: number;
  threshold: number | null;
  thresholdReached: boolean;
  preSupport: number;
}
export interface PetitionInput {
  bodyId: string;
  language: Lang;
  title: string;
  content: string;
  proposals: string;
  applicant: { name: string; iin: string; residence: string; email: string };
  citizen: true;
}

export interface ReceptionSession {
  id: string;
  bodyId: string;
  officialName: string;
  format: string;
  startsAt: string;
  endsAt: string;
  place: string;
  freeSlots: string[];
}
export interface Booking {
  id: string;
  sessionId: string;
  slotAt: string;
  state: string;
  topic: string;
  version: number;
  session?: { officialName: string; place: string; format: string; bodyId: string };
}

// ---- public services (docs/services.md: LSS 12, 25, 28–29) ----

export interface PublicService {
  code: string;
  name: Localized;
  providers: { bodyTypes: string[]; bodies: { id: string; code: string; name: Localized }[] };
  providerNote: Localized | null;
  channels: { code: string; citation: string; name: string }[];
  term: { amount: number; unit: string; text: string; note?: Localized };
  documents: (Localized & { fromIs: boolean })[];
  fee: { free: boolean; mci?: number; note?: Localized };
  refusalGrounds: Ground[];
  refusalOther: Localized[];
  procedureAct: { title: Localized; number: string; date: string };
  result: Localized | null;
  proactive: boolean;
  sociallySignificant: boolean;
  active: boolean;
  version: number;
}
export interface ServiceList {
  items: PublicService[];
  total: number;
  page: number;
  pageSize: number;
}
export interface QualityRow {
  serviceCode: string | null;
  serviceName: string | null;
  providerBodyId: string | null;
  providerName: string | null;
  ratings: number;
  average: number | null;
  damped: number | null;
  satisfiedPer100: number | null;
  dissatisfiedPer100: number | null;
  complaints: number;
  complaintsPer100Ratings: number | null;
  distribution: number[];
  reliable: boolean;
}
export interface Quality {
  by: string;
  citation: string;
  method: { priorWeight: number; minRatings: number; satisfiedFrom: number; per: number; overallAverage: number | null };
  rows: QualityRow[];
}
export type ServiceComplaintAddressee = 'provider' | 'state_corporation' | 'authorized_body';
export interface ServiceComplaintInput {
  serviceCode: string;
  addressee: ServiceComplaintAddressee;
  bodyId?: string;
  providerBodyId?: string;
  subject: 'quality' | 'administrative_act';
  receiptRef?: string;
  essence: string;
  demands?: string;
  complainant: { kind: 'individual' | 'legal_entity'; name: string; iin?: string; postalAddress?: string; email?: string };
  language: Lang;
}
export interface ServiceComplaint {
  id: string;
  number: string;
  serviceCode: string;
  serviceName: string;
  addressee: ServiceComplaintAddressee;
  bodyId: string;
  providerBodyId: string | null;
  state: string;
  channel: string;
  subject: string;
  receiptRef: string | null;
  essence: string;
  demands: string | null;
  receivedOn: string;
  registeredOn: string;
  term: string;
  citation: string;
  originalDue: string;
  due: string;
  extendedDays: number;
  overdue: boolean;
  decision: { outcome?: string; citation?: string; reasons?: string; measures?: string | null; decidedOn?: string; apcNumber?: string } | null;
  decidedOn: string | null;
  closedAt: string | null;
  apcComplaintId: string | null;
  version: number;
}
export interface ServiceComplaintCase extends ServiceComplaint {
  dueExplanation: { code: string; date?: string; until?: string; text: string }[];
  timeline: TimelineEvent[];
  deadlines: { term: string; from: string; due: string; open: boolean }[];
  /** LSS 25(4): the grounds of an extension (in the user's language) and the most days extensions add in total */
  extension: { grounds: { code: string; citation: string; text: string }[]; maxWorkingDays: number };
  actions: { action: string; citation: string }[];
  message: string | null;
}
export interface Rating {
  id: string;
  serviceCode: string;
  providerBodyId: string;
  score: number;
  receiptKey: string;
}

// ---- the officials' workspace: organisation, service-complaint desk, petitions desk (docs/workspace.md) ----

export interface Subdivision {
  id: string;
  bodyId: string;
  parentId: string | null;
  code: string;
  kind: string;
  name: Localized;
  active: boolean;
}
export interface Position {
  id: string;
  bodyId: string;
  subdivisionId: string | null;
  code: string;
  title: Localized;
  role: string | null;
}
export interface Appointment {
  id: string;
  positionId: string;
  bodyId: string;
  subdivisionId: string | null;
  title: Localized;
  role: string | null;
  acting: boolean;
  actingFor: string | null;
  validFrom: string;
  validTo: string | null;
}
export interface StaffOfficial extends Omit<Official, 'appointments'> {
  appointments: Appointment[];
}
export interface AppointmentInput {
  positionId: string;
  acting: boolean;
  actingFor?: string;
  validFrom: string;
  validTo?: string;
}
export interface PetitionCase extends Petition {
  bodyId: string;
  competence: string;
  level: string;
  sentOn: string | null;
  registeredOn: string | null;
  due: string | null;
  decision: Record<string, unknown> | null;
  decidedOn: string | null;
  version: number;
  applicant: Record<string, unknown>;
  duties: Record<string, unknown>;
  checkBy: string | null;
  mediaBy: string | null;
  sendBy: string | null;
  publishDecisionBy: string | null;
  returnedAppealId: string | null;
  /** the steps of its state that the user's roles take, each with its article */
  actions: { action: string; citation: string }[];
  timeline: TimelineEvent[];
}

// answers under control and the head's view of a body (docs/appeal-control.md; REG p.5(4)-(5))
export interface AppealControl {
  status: 'under_control' | 'returned' | 'accepted' | null;
  reason: string | null;
  reworkCount: number;
  versions: { n: number; at: string; actor: string; action: string; kind: string; text: string | null; outcome: string | null; actNumber: string | null }[];
  reviews: { at: string; actor: string; result: 'taken' | 'returned' | 'accepted'; version: number | null; issues: string[]; note: string | null; assessment: Record<string, boolean> | null }[];
}
export interface BodyLoadRow {
  executorId: string | null;
  open: number;
  dueSoon: number;
  overdue: number;
  underControl: number;
  awaitingRework: number;
  returns: number;
  returnedCases: number;
}
export const appealControlApi = {
  bodyLoad: (bodyId: string, period: { from?: string; to?: string } = {}) => call<{ bodyId: string; executors: BodyLoadRow[] }>('GET', `/api/v1/appeals/load${qs({ bodyId, ...period })}`).then((r) => r.executors),
};

// ---- the Knowledge Base (docs/knowledge.md: Rules No. 111 p.6–13, Annexes 1–2) ----
export interface KbSearchItem { kind: 'manual' | 'form' | 'answer'; id: string; bodyId: string | null; title: string; titleHighlighted: string; snippet: string; rank: number }
export interface KbSearch { q: string; lang: Lang; correctedQuery: string | null; items: KbSearchItem[] }
export interface KbPublicManual {
  procedure: { id: string; bodyId: string; code: string; name: Localized; scope: string };
  title: Localized;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  publishedAt: string | null;
  outdatedSince: string | null;
  rows: { key: string; row: string; label: Localized; text: Partial<Localized>; none: boolean }[];
}
export interface KbProcedure {
  id: string; bodyId: string; code: string; scope: string; name: Localized; regulatedBy: string; format: string; informationSystem: string | null; performer: string; complaintBody: string;
  appealProcedure: string; appealBinding: string | null; appealTerms: string; legalRefs: string; topicIds: string[]; state: string; approvedAt: string | null;
  manual: { version: number; state: string; effectiveFrom: string } | null; outdatedSince: string | null; overdueObligations: number;
}
export interface KbManual {
  id: string; procedureId: string; version: number | null; state: string; fields: Record<string, Partial<Localized>>; none: string[]; effectiveFrom: string | null; effectiveTo: string | null;
  basis: { note: string; courtCaseIds: string[]; divergenceIds: string[] }; missing: string[]; returnedNote: string | null; approvedAt: string | null; publishedAt: string | null; createdAt: string;
}
export interface KbObligation {
  id: string; procedureId: string; procedureCode: string; procedureName: Localized; kind: 'verification' | 'procedure_change' | 'proposal'; period: string | null; summary: string;
  changeDate: string | null; due: string | null; state: string; overdue: boolean; result: string | null; note: string | null; doneOn: string | null; citation: string;
}
export interface KbProcedureDetail extends KbProcedure {
  manuals: KbManual[];
  obligations: KbObligation[];
  labels: { annex1: { n: number; field: string; label: Localized }[]; rows: { key: string; row: string; label: Localized }[] };
}
export interface KbDiff { from: number; to: number; changes: { field: string; lang: Lang; ops: { op: 'equal' | 'insert' | 'delete'; text: string }[] }[] }
export interface KbDiagnosis { since: string; suggestions: { topicId: string; topicCode: string; topic: Localized; appeals: number; examples: string[] }[]; excludedPublicServiceTopics: string[] }
/** Annex 1 row as written by the Knowledge Base unit (POST/PUT /api/v1/procedures) */
export interface KbProcedureInput {
  code: string; scope: string; name: Localized; regulatedBy: string; format: string; informationSystem?: string; performer: string; complaintBody: string; appealProcedure: string;
  appealBinding?: string; appealTerms: string; legalRefs: string; topicIds: string[]; publicServiceCode?: string;
}
export interface KbManualInput { fields: Record<string, Partial<Localized>>; none: string[]; basis: { note: string; courtCaseIds: string[]; divergenceIds: string[] } }
export type KbManualAction = { action: 'submit' } | { action: 'return'; note: string } | { action: 'approve'; effectiveFrom?: string } | { action: 'publish' };
export interface KbAnswer { id: string; bodyId: string; procedureId: string | null; question: Partial<Localized>; answer: Partial<Localized>; state: string; publishedAt: string | null }

// ---- the uniformity analysis (docs/uniformity.md) ----
export type UniformityOutcome = 'satisfied' | 'partly_satisfied' | 'refused' | 'terminated';
export interface UniformityRun { id: string; bodyId: string; state: 'queued' | 'running' | 'finished' | 'failed'; startedAt: string; finishedAt: string | null; counts: Record<string, number>; error: string | null }
export interface DivergenceItem {
  id: string; procedureId: string; similarity: number; normOverlap: number; spread: 'same_executor' | 'executor' | 'subdivision' | 'body' | 'region'; score: number; current: boolean;
  a: { appealId: string; number: string; bodyId: string; bodyCode: string; outcome: UniformityOutcome };
  b: { appealId: string; number: string; bodyId: string; bodyCode: string; outcome: UniformityOutcome };
  group: { key: string; size: number; outcomes: Partial<Record<UniformityOutcome, number>> };
  review: { verdict: 'justified' | 'defect' | null; measure: string | null; note: string | null; reviewerName: string | null; reviewedAt: string | null };
}
export interface DivergenceList { procedureId: string; bodyId: string; total: number; items: DivergenceItem[] }
export interface DivergenceSide {
  appealId: string; number: string; bodyId: string; body: Partial<Localized> | null; subdivision: Partial<Localized> | null; executor: string | null; regionId: string | null;
  decidedAt: string | null; adoptedOn: string | null; actNumber: string | null; essence: string; reasons: string; legalBasis: string; norms: string[]; outcome: UniformityOutcome;
  manual: { id: string; version: number | null; effectiveFrom: string | null } | null;
}
export interface Divergence extends DivergenceItem { sides: [DivergenceSide, DivergenceSide]; citation: string }
export interface CourtSignalsData {
  procedureId: string; courtCases: number; byStatus: Record<string, number>; byInstance: Record<string, number>; byResult: Record<string, number>;
  actsAdopted: number; actsCancelled: number; cancelledShare: number; citation: string;
  cancelled: { courtCaseId: string; court: string; caseNumber: string | null; actNumber: string | null; appealNumber: string | null; enteredIntoForceOn: string | null; reasons: string | null; instance: string }[];
  changedBecause: { manualId: string; version: number; effectiveFrom: string | null; note: string; courtCaseIds: string[] }[];
}
export interface RepeatAppeals {
  procedureId: string; appeals: number; repeats: number; citation: string;
  applicants: { applicant: { name: string | null; iin: string | null }; appeals: number; repeats: number }[];
  suggestions: { appealId: string; number: string; earlierId: string; earlierNumber: string; similarity: number }[];
}

export const api = {
  me: () => call<Me>('GET', '/api/v1/auth/me'),
  login: (login: string, password: string) => call<SignedIn>('POST', '/api/v1/auth/login', { login, password }),
  logout: () => call<void>('POST', '/api/v1/auth/logout'),
  otpRequest: (address: string) => call<{ expiresInMinutes: number }>('POST', '/api/v1/auth/otp/request', { channel: 'email', address }),
  otpVerify: (address: string, code: string) => call<SignedIn>('POST', '/api/v1/auth/otp/verify', { channel: 'email', address, code }),
  profile: () => call<Applicant & { id: string; complete: boolean }>('GET', '/api/v1/applicants/me'),
  topics: () => call<{ topics: Topic[] }>('GET', '/api/v1/topics').then((r) => r.topics),
  bodies: () => call<{ bodies: Body[] }>('GET', '/api/v1/bodies').then((r) => r.bodies),
  officials: (bodyId: string) => call<{ officials: Official[] }>('GET', `/api/v1/officials${qs({ bodyId })}`).then((r) => r.officials),
  grounds: () => call<Grounds>('GET', '/api/v1/appeal-grounds'),
  fileAppeal: (input: FileAppealInput, idempotencyKey: string) => call<Ticket>('POST', '/api/v1/appeals', input, { 'idempotency-key': idempotencyKey }),
  register: (input: RegisterInput) => call<Ticket>('POST', '/api/v1/appeals/register', input),
  appeals: (q: ListQuery) => call<AppealList>('GET', `/api/v1/appeals${qs({ ...q })}`),
  appeal: (id: string) => call<Case>('GET', `/api/v1/appeals/${encodeURIComponent(id)}`),
  ticket: (id: string) => call<Ticket>('GET', `/api/v1/appeals/${encodeURIComponent(id)}/ticket`),
  files: (id: string) => call<{ files: CaseFile[] }>('GET', `/api/v1/appeals/${encodeURIComponent(id)}/files`).then((r) => r.files),
  act: (id: string, version: number, input: Record<string, unknown>) => call<Case>('POST', `/api/v1/appeals/${encodeURIComponent(id)}/actions`, { version, ...input }),
  explain: (term: string, from: string) => call<Explained>('POST', '/api/v1/deadlines/compute', { term, from }),
  notices: (recipientId: string) => call<{ notices: Notice[] }>('GET', `/api/v1/cabinet/${encodeURIComponent(recipientId)}/notices`).then((r) => r.notices),
  readNotice: (recipientId: string, noticeId: string) => call<Notice>('POST', `/api/v1/cabinet/${encodeURIComponent(recipientId)}/notices/${encodeURIComponent(noticeId)}/read`),
  // acts (docs/acts.md), complaints, petitions, receptions
  templates: () => call<{ items: ActTemplate[] }>('GET', '/api/v1/act-templates').then((r) => r.items),
  actsOf: (appealId: string) => call<{ items: Act[] }>('GET', `/api/v1/acts${qs({ appealId })}`).then((r) => r.items),
  draftAct: (appealId: string, templateId: string) => call<Act>('POST', '/api/v1/acts', { appealId, templateId }),
  editAct: (act: Act, content: ActContent) => call<Act>('PATCH', `/api/v1/acts/${encodeURIComponent(act.id)}`, { version: act.version, content }),
  signingContent: (actId: string) => call<SigningContent>('GET', `/api/v1/acts/${encodeURIComponent(actId)}/signing-content`),
  signAct: (actId: string, version: number, signature: string) => call<Act>('POST', `/api/v1/acts/${encodeURIComponent(actId)}/sign`, { version, signature }),
  communicateAct: (act: Act, communicatedOn: string, method: string) => call<Act>('POST', `/api/v1/acts/${encodeURIComponent(act.id)}/communicate`, { version: act.version, communicatedOn, method }),
  fileComplaint: (input: ComplaintInput) => call<Complaint>('POST', '/api/v1/complaints', input),
  complaints: () => call<{ items: Complaint[] }>('GET', '/api/v1/complaints').then((r) => r.items),
  petitions: (page = 1) => call<{ items: Petition[] }>('GET', `/api/v1/petitions${qs({ page })}`).then((r) => r.items),
  petition: (petitionId: string) => call<Petition>('GET', `/api/v1/petitions/${encodeURIComponent(petitionId)}`),
  petitionCount: (petitionId: string) => call<PetitionCount>('GET', `/api/v1/petitions/${encodeURIComponent(petitionId)}/count`),
  petitionSigningContent: (petitionId: string) => call<{ content: string }>('GET', `/api/v1/petitions/${encodeURIComponent(petitionId)}/signing-content`).then((r) => r.content),
  // the EDS identifies the citizen (APC 90-3(1)): the IIN and name come from the certificate
  signPetition: (petitionId: string, signature: string) => call<{ count: number }>('POST', `/api/v1/petitions/${encodeURIComponent(petitionId)}/signatures`, { citizen: true, consent: true, signature: { format: 'cms', value: signature } }),
  filePetition: (input: PetitionInput) => call<Petition>('POST', '/api/v1/petitions', input),
  schedule: (from: string, to: string) => call<{ sessions: ReceptionSession[] }>('GET', `/api/v1/receptions/schedule${qs({ from, to })}`).then((r) => r.sessions),
  book: (sessionId: string, input: { slotAt: string; topic: string; language: Lang; videoConsent: boolean }) => call<Booking>('POST', `/api/v1/receptions/sessions/${encodeURIComponent(sessionId)}/bookings`, input),
  myBookings: () => call<{ items: Booking[] }>('GET', '/api/v1/receptions/bookings').then((r) => r.items),
  cancelBooking: (b: Booking) => call<Booking>('POST', `/api/v1/receptions/bookings/${encodeURIComponent(b.id)}/actions`, { version: b.version, action: 'cancel' }),
  // public services (docs/services.md)
  services: (q: { q?: string; channel?: string; page?: number }) => call<ServiceList>('GET', `/api/v1/services${qs({ ...q })}`),
  service: (code: string) => call<PublicService>('GET', `/api/v1/services/${encodeURIComponent(code)}`),
  serviceQuality: (serviceCode: string) => call<Quality>('GET', `/api/v1/services/quality${qs({ by: 'service', serviceCode })}`),
  rateService: (code: string, input: { providerBodyId: string; score: number; comment?: string; receiptRef?: string; complaintId?: string }) => call<Rating>('POST', `/api/v1/services/${encodeURIComponent(code)}/ratings`, input),
  fileServiceComplaint: (input: ServiceComplaintInput) => call<ServiceComplaintCase>('POST', '/api/v1/service-complaints', input),
  serviceComplaints: () => call<{ items: ServiceComplaint[] }>('GET', '/api/v1/service-complaints').then((r) => r.items),
  serviceComplaint: (id: string) => call<ServiceComplaintCase>('GET', `/api/v1/service-complaints/${encodeURIComponent(id)}`),
  serviceComplaintAct: (c: { id: string; version: number }, input: Record<string, unknown>) => call<ServiceComplaintCase>('POST', `/api/v1/service-complaints/${encodeURIComponent(c.id)}/actions`, { version: c.version, ...input }),
  // administration (docs/access-control.md): officials, roles, the production calendar, standard forms
  allOfficials: () => call<{ officials: Official[] }>('GET', '/api/v1/officials').then((r) => r.officials),
  policy: () => call<Policy>('GET', '/api/v1/access/policy'),
  officialRoles: (officialId: string) => call<OfficialRoles>('GET', `/api/v1/officials/${encodeURIComponent(officialId)}/roles`),
  grantRole: (officialId: string, input: { role: string; bodyId?: string; validTo?: string }) => call<RoleGrant>('POST', `/api/v1/officials/${encodeURIComponent(officialId)}/roles`, input),
  revokeRole: (grantId: string) => call<RoleGrant>('DELETE', `/api/v1/roles/${encodeURIComponent(grantId)}`),
  calendarYear: (year: number) => call<CalendarYear>('GET', `/api/v1/calendar/${year}`),
  putCalendarYear: (year: number, input: CalendarYearInput) => call<CalendarYear>('PUT', `/api/v1/calendar/${year}`, input),
  approveTemplate: (templateId: string) => call<ActTemplate>('POST', `/api/v1/act-templates/${encodeURIComponent(templateId)}/approve`),
  // the officials' workspace (docs/workspace.md): bodies, subdivisions, positions, appointments, topics; the desks
  staffOfficials: (bodyId: string) => call<{ officials: StaffOfficial[] }>('GET', `/api/v1/officials${qs({ bodyId })}`).then((r) => r.officials),
  subdivisions: (bodyId: string) => call<{ subdivisions: Subdivision[] }>('GET', `/api/v1/bodies/${encodeURIComponent(bodyId)}/subdivisions`).then((r) => r.subdivisions),
  addSubdivision: (bodyId: string, input: { code: string; kind: string; name: Localized; parentId?: string }) => call<Subdivision>('POST', `/api/v1/bodies/${encodeURIComponent(bodyId)}/subdivisions`, input),
  positions: (bodyId: string) => call<{ positions: Position[] }>('GET', `/api/v1/bodies/${encodeURIComponent(bodyId)}/positions`).then((r) => r.positions),
  addPosition: (bodyId: string, input: { code: string; title: Localized; subdivisionId?: string; role?: string }) => call<Position>('POST', `/api/v1/bodies/${encodeURIComponent(bodyId)}/positions`, input),
  addOfficial: (input: { bodyId: string; fullName: string; iin?: string; email?: string; phone?: string }) => call<StaffOfficial>('POST', '/api/v1/officials', input),
  appoint: (officialId: string, input: AppointmentInput) => call<{ id: string }>('POST', `/api/v1/officials/${encodeURIComponent(officialId)}/appointments`, input),
  endAppointment: (officialId: string, appointmentId: string) => call<{ id: string }>('DELETE', `/api/v1/officials/${encodeURIComponent(officialId)}/appointments/${encodeURIComponent(appointmentId)}`),
  addTopic: (input: { code: string; name: Localized; parentId?: string; competentBodyType?: string }) => call<{ id: string }>('POST', '/api/v1/topics', input),
  serviceComplaintsAt: (q: { overdue?: boolean; state?: string }) => call<{ items: ServiceComplaint[] }>('GET', `/api/v1/service-complaints${qs({ overdue: q.overdue ? 'true' : undefined, state: q.state })}`).then((r) => r.items),
  petitionsIn: (q: { state?: string; bodyId?: string; page?: number }) => call<{ items: PetitionCase[] }>('GET', `/api/v1/petitions${qs({ ...q })}`).then((r) => r.items),
  petitionCase: (petitionId: string) => call<PetitionCase>('GET', `/api/v1/petitions/${encodeURIComponent(petitionId)}/case`),
  petitionAct: (p: { id: string; version: number }, input: Record<string, unknown>) => call<PetitionCase>('POST', `/api/v1/petitions/${encodeURIComponent(p.id)}/actions`, { version: p.version, ...input }),
  writtenSignature: (petitionId: string, input: { iin: string; name: string }) => call<{ count: number }>('POST', `/api/v1/petitions/${encodeURIComponent(petitionId)}/signatures`, { form: 'written', citizen: true, consent: true, ...input }),  // monitoring dashboards (docs/monitoring.md): figures, drill-down, fair table, topics, problem cards, the analytical note run
  monitoringFigures: (q: MonitoringQuery & { groupBy: string }) => call<MonitoringFigures>('GET', `/api/v1/monitoring/figures${qs({ ...q })}`),
  monitoringCases: (q: MonitoringQuery & { figure: string; page?: number }) => call<{ total: number; items: MonitoringCase[] }>('GET', `/api/v1/monitoring/cases${qs({ ...q })}`),
  monitoringFair: (q: MonitoringQuery & { by: string }) => call<{ overallPer1000: number | null; rows: MonitoringFairRow[] }>('GET', `/api/v1/monitoring/fair${qs({ ...q })}`),
  monitoringTopics: (q: MonitoringQuery) => call<{ comparedFrom: string; comparedTo: string; rows: MonitoringTopicRow[] }>('GET', `/api/v1/monitoring/topics${qs({ ...q })}`),
  monitoringExportUrl: (q: MonitoringQuery & { chart: string; groupBy?: string; by?: string; format: 'csv' | 'xlsx' }) => `/api/v1/monitoring/export${qs({ ...q })}`,
  problemCards: (q: { from?: string; to?: string }) => call<ProblemCard[]>('GET', `/api/v1/monitoring/problem-cards${qs({ ...q })}`),
  refreshProblemCards: (from: string, to: string) => call<{ cards: { id: string; created: boolean }[] }>('POST', '/api/v1/monitoring/problem-cards/refresh', { from, to }),
  updateProblemCard: (id: string, input: { version: number; measures?: string; status?: string }) => call<ProblemCard>('PATCH', `/api/v1/monitoring/problem-cards/${encodeURIComponent(id)}`, input),
  startReportRun: (kind: string, params: Record<string, unknown>) => call<{ id: string }>('POST', '/api/v1/report-runs', { kind, params }),
  reportRun: (id: string) => call<{ id: string; state: 'queued' | 'running' | 'done' | 'failed'; progress: number; error?: string; filename?: string }>('GET', `/api/v1/report-runs/${encodeURIComponent(id)}`),
  // the Knowledge Base (docs/knowledge.md)
  kbSearch: (q: string, lang: Lang) => call<KbSearch>('GET', `/api/v1/public/knowledge${qs({ q, lang })}`),
  kbPublicManual: (procedureId: string) => call<KbPublicManual>('GET', `/api/v1/public/knowledge/manuals/${encodeURIComponent(procedureId)}`),
  kbProcedures: (bodyId: string) => call<{ items: KbProcedure[] }>('GET', `/api/v1/procedures${qs({ bodyId })}`).then((r) => r.items),
  kbDiagnosis: (bodyId: string) => call<KbDiagnosis>('GET', `/api/v1/procedures/diagnosis${qs({ bodyId })}`),
  kbProcedure: (id: string) => call<KbProcedureDetail>('GET', `/api/v1/procedures/${encodeURIComponent(id)}`),
  kbDiff: (id: string, from: number, to: number) => call<KbDiff>('GET', `/api/v1/procedures/${encodeURIComponent(id)}/manuals/diff${qs({ from, to })}`),
  kbObligations: (bodyId: string, overdue: boolean) => call<{ today: string; items: KbObligation[] }>('GET', `/api/v1/knowledge/obligations${qs({ bodyId, overdue: overdue ? 'true' : undefined })}`),
  // editing the Knowledge Base (kb.edit; the head: kb.approve)
  kbCreateProcedure: (bodyId: string, input: KbProcedureInput) => call<KbProcedure>('POST', '/api/v1/procedures', { bodyId, ...input }),
  kbUpdateProcedure: (id: string, input: KbProcedureInput) => call<KbProcedure>('PUT', `/api/v1/procedures/${encodeURIComponent(id)}`, input),
  kbProcedureStep: (id: string, step: 'approve' | 'retire') => call<KbProcedure>('POST', `/api/v1/procedures/${encodeURIComponent(id)}/${step}`),
  kbCreateManual: (procedureId: string, input: KbManualInput) => call<KbManual>('POST', `/api/v1/procedures/${encodeURIComponent(procedureId)}/manuals`, input),
  kbUpdateManual: (id: string, input: KbManualInput) => call<KbManual>('PUT', `/api/v1/manuals/${encodeURIComponent(id)}`, input),
  kbManualAction: (id: string, action: KbManualAction) => call<KbManual>('POST', `/api/v1/manuals/${encodeURIComponent(id)}/actions`, action),
  kbRecordChange: (input: { procedureId: string; changedAct: string; adoptedOn?: string; publishedOn?: string; inForceOn?: string; basis: string }) => call<KbObligation>('POST', '/api/v1/knowledge/changes', input),
  kbRecordVerification: (input: { procedureId: string; verifiedOn?: string; result: string; note?: string }) => call<unknown>('POST', '/api/v1/knowledge/verifications', input),
  kbPropose: (input: { procedureId: string; text: string }) => call<KbObligation>('POST', '/api/v1/knowledge/proposals', input),
  kbObligationAction: (id: string, action: 'accept' | 'reject' | 'done', note?: string) => call<KbObligation>('POST', `/api/v1/knowledge/obligations/${encodeURIComponent(id)}/actions`, { action, ...(note ? { note } : {}) }),
  kbAnswers: (bodyId: string) => call<{ items: KbAnswer[] }>('GET', `/api/v1/knowledge/answers${qs({ bodyId })}`).then((r) => r.items),
  kbCreateAnswer: (input: { bodyId: string; question: Partial<Localized>; answer: Partial<Localized>; publish: boolean }) => call<KbAnswer>('POST', '/api/v1/knowledge/answers', input),
  kbPublishAnswer: (id: string) => call<KbAnswer>('POST', `/api/v1/knowledge/answers/${encodeURIComponent(id)}/publish`),
  // the uniformity analysis (docs/uniformity.md: APC 15-1(4), Rules No. 111 Annex 4)
  divergences: (procedureId: string, q: { open?: boolean; limit?: number; offset?: number } = {}) => call<DivergenceList>('GET', `/api/v1/procedures/${encodeURIComponent(procedureId)}/divergences${qs({ open: q.open ? 'true' : undefined, limit: q.limit, offset: q.offset })}`),
  divergence: (id: string) => call<Divergence>('GET', `/api/v1/divergences/${encodeURIComponent(id)}`),
  reviewDivergence: (id: string, input: { verdict: string; measure?: string; note: string }) => call<Divergence>('POST', `/api/v1/divergences/${encodeURIComponent(id)}/review`, input),
  startUniformityRun: (bodyId: string) => call<UniformityRun>('POST', '/api/v1/uniformity/runs', { bodyId }),
  uniformityRun: (id: string) => call<UniformityRun>('GET', `/api/v1/uniformity/runs/${encodeURIComponent(id)}`),
  courtSignals: (procedureId: string) => call<CourtSignalsData>('GET', `/api/v1/procedures/${encodeURIComponent(procedureId)}/court-signals`),
  repeatAppeals: (procedureId: string) => call<RepeatAppeals>('GET', `/api/v1/procedures/${encodeURIComponent(procedureId)}/repeats`),
};

export interface MonitoringQuery { from?: string; to?: string; bodyId?: string; territoryId?: string; topicId?: string; channel?: string; month?: string; executorId?: string }
export type MonitoringCounts = Record<'received' | 'inWork' | 'dueSoon' | 'overdue' | 'deemedRefused' | 'extended' | 'answered' | 'late' | 'underControl' | 'returned' | 'returns', number>;
export interface MonitoringFigures { asOf: string; dueSoonUntil: string; totals: MonitoringCounts; groups: (MonitoringCounts & { key: string; label: string })[] }
export interface MonitoringCase { id: string; number: string; bodyName: string; state: string; receivedOn: string; due: string; executorName: string | null; topicName: string | null }
export interface MonitoringFairRow { key: string; label: string; received: number; late: number; latePer1000: number | null; expectedLate: number; adjustedRatio: number | null; adjustedPer1000: number | null; reliable: boolean }
export interface MonitoringTopicRow { territoryId: string; territoryName: string; topicId: string; topicName: string; volume: number; previous: number; growth: number; rising: boolean; problem: boolean }
export interface ProblemCard { id: string; territoryName: string; topicName: string; from: string; to: string; volume: number; previousVolume: number; trend: 'up' | 'down' | 'flat'; bodies: { id: string; name: string }[]; measures: string; status: 'open' | 'in_progress' | 'resolved'; version: number; appeals: { id: string; number: string; summary: string; receivedOn: string }[] }

// ---- generalization of practice, target indicators and report runs (docs/reports.md; Rules No. 111 p.16, p.5(7)) ----
export interface GenOutcomes { forBody: number; againstBody: number; partly: number; other: number }
export interface GenCampaign {
  id: string; bodyId: string; year: number; half: number; periodFrom: string; periodTo: string; dueOn: string; startsOn: string; state: 'draft' | 'collecting' | 'final' | 'submitted';
  overdue: boolean; requestedOn: string | null; submittedOn: string | null; submittedTo: string | null; submissionRef: string | null; shortcomings: string | null; proposals: string | null;
  otherNotes: string | null; finalisedAt: string | null; dueOnNonWorkingDay: boolean; citation: string; version: number;
}
export interface GenRow {
  id: string; position: number; subdivisionId: string | null; courtCaseId: string | null; cells: Record<string, string>; status: string; instance: string | null; finalResult: string | null;
  area: string | null; procedure: string | null; foundUnlawful: boolean; lost: boolean; reasoningAnalysis: string | null; illegalityFound: boolean | null; illegalityDescription: string | null;
  lossCauses: string | null; deficiencyType: string | null; measuresTaken: string | null; proposals: string | null; reviewedAt: string | null; version: number;
}
export interface GenTarget {
  bodyId: string; year: number; denominator: string; met: boolean | null; changePercentagePoints: number | null; reduced: boolean | null; citation: string;
  target: { targetPercent: number; baselinePercent: number | null; baselineYear: number | null; ndpIndicator: string | null; approvalRequired: boolean; approvedOn: string | null; approved: boolean } | null;
  actual: { year: number; unlawful: number; denominator: number; sharePercent: number | null };
  previous: { year: number; unlawful: number; denominator: number; sharePercent: number | null };
  trend: { year: number; actualPercent: number | null; unlawful: number; denominator: number; targetPercent: number | null }[];
}
export interface GenView {
  campaign: GenCampaign;
  subdivisions: { subdivisionId: string; code: string; name: Localized; requestedOn: string; status: string; submittedOn: string | null; reminders: number; lastRemindedOn: string | null; rows: number }[];
  rows: GenRow[];
  figures: { inProceedings: number; final: GenOutcomes & { pending: number }; perInstance: Record<'first' | 'appeal' | 'cassation', GenOutcomes>; areas: { area: string; count: number }[]; lost: number; foundUnlawful: number; privateRulings: { total: number; executed: number } };
  missingSections: string[];
  target: GenTarget;
}
export interface ReportRun { id: string; kind: string; state: 'queued' | 'running' | 'done' | 'failed'; progress: number; error?: string; filename?: string; createdAt: string; finishedAt?: string }
export const generalizationApi = {
  campaigns: (bodyId?: string) => call<{ items: GenCampaign[] }>('GET', `/api/v1/generalization/campaigns${qs({ bodyId })}`).then((r) => r.items),
  create: (input: { bodyId: string; year: number; half: 1 | 2 }) => call<GenView>('POST', '/api/v1/generalization/campaigns', input),
  campaign: (id: string) => call<GenView>('GET', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}`),
  request: (id: string, subdivisionIds: string[]) => call<GenView>('POST', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/request`, { subdivisionIds }),
  submitSubdivision: (id: string, subdivisionId: string) => call<GenView>('POST', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/subdivisions/${encodeURIComponent(subdivisionId)}/submit`),
  saveRow: (id: string, rowId: string, input: Record<string, unknown>) => call<{ id: string }>('PUT', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/rows/${encodeURIComponent(rowId)}`, input),
  review: (id: string, rowId: string, input: Record<string, unknown>) => call<GenView>('PUT', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/rows/${encodeURIComponent(rowId)}/review`, input),
  sections: (id: string, input: { shortcomings?: string; proposals?: string }) => call<GenView>('PUT', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/sections`, input),
  finalise: (id: string) => call<GenView>('POST', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/finalise`),
  submission: (id: string, input: { submittedOn: string; reference?: string }) => call<GenView>('POST', `/api/v1/generalization/campaigns/${encodeURIComponent(id)}/submission`, input),
  target: (bodyId: string, year: number) => call<GenTarget>('GET', `/api/v1/target-indicators/${encodeURIComponent(bodyId)}/${year}`),
  startRun: (kind: string, params: Record<string, unknown>, lang: Lang) => call<{ id: string }>('POST', '/api/v1/report-runs', { kind, params, lang }),
  run: (id: string) => call<ReportRun>('GET', `/api/v1/report-runs/${encodeURIComponent(id)}`),
  fileUrl: (id: string) => `/api/v1/report-runs/${encodeURIComponent(id)}/file`,
};
