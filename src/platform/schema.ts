/** Row types of the tables in migrations/, for Kysely. One interface per table, named after it. */
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CalendarYearTable {
  year: number;
  complete: boolean;
  data: Json<unknown>;
  revision: number;
  updated_at: Timestamp;
  updated_by: string;
}

export interface DeadlineTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: string;
  term_id: string;
  from_date: string;
  due: string;
  internal_target: string | null;
  explanation: Json<unknown>;
  warnings: Json<unknown>;
  conventions: Json<unknown>;
  calendar_revision: number;
  open: Generated<boolean>;
  computed_at: Timestamp;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Json<unknown>;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface Localized {
  kk: string;
  ru: string;
  en: string;
}

export interface TerritoryTable {
  id: Generated<string>;
  code: string;
  kato: string | null;
  kind: string;
  parent_id: string | null;
  name: Json<Localized>;
}

export interface BodyTable {
  id: Generated<string>;
  code: string;
  type: string;
  name: Json<Localized>;
  bin: string | null;
  territory_id: string | null;
  parent_id: string | null;
  complaint_body_id: string | null;
  subject_to_rules_111: boolean;
  contact: Json<{ phone?: string; email?: string; website?: string }>;
  reception_address: Json<Localized> | null;
  registration_number_format: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubdivisionTable {
  id: Generated<string>;
  body_id: string;
  parent_id: string | null;
  code: string;
  kind: string;
  name: Json<Localized>;
  active: Generated<boolean>;
}

export interface PositionTable {
  id: Generated<string>;
  body_id: string;
  subdivision_id: string | null;
  code: string;
  title: Json<Localized>;
  role: string | null;
}

export interface OfficialTable {
  id: Generated<string>;
  body_id: string;
  full_name: string;
  iin: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface AppointmentTable {
  id: Generated<string>;
  official_id: string;
  position_id: string;
  acting: Generated<boolean>;
  acting_for: string | null;
  valid_from: string;
  valid_to: string | null;
  ended_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface TopicTable {
  id: Generated<string>;
  code: string;
  parent_id: string | null;
  name: Json<Localized>;
  competent_body_type: string | null;
  active: Generated<boolean>;
}

export interface OfficialAccountTable {
  official_id: string;
  login: string;
  password_hash: string;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
}

export interface OfficialIdentityTable {
  issuer: string;
  subject: string;
  official_id: string;
  linked_at: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<string>;
  official_id: string;
  role: string;
  body_id: string | null;
  subdivision_id: string | null;
  valid_from: string;
  valid_to: string | null;
  granted_by: string;
  granted_at: Timestamp;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
}

export interface ApplicantTable {
  id: Generated<string>;
  kind: 'individual' | 'legal_entity' | null;
  iin: string | null;
  bin: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** the cabinet was erased at the person's request (migrations/080_personal_data.sql): the profile is anonymised */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** the IIN/BIN was proven by a certificate sign-in (migrations/095_certificate_signin.sql) */
  identity_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  principal_type: 'official' | 'applicant';
  principal_id: string;
  method: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  official_id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_by: string | null;
  revoked_at: Timestamp | null;
}

export interface OtpChallengeTable {
  id: Generated<string>;
  channel: 'email' | 'phone';
  address_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface CertificateChallengeTable {
  challenge_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface OidcFlowTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: Timestamp;
}

export interface DemoAccountTable {
  official_id: string;
  login: string;
  role: string;
  password: string;
}

export interface Schema {
  calendar_year: CalendarYearTable;
  deadline: DeadlineTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
  notice: NoticeTable;
  notice_delivery: NoticeDeliveryTable;
  notice_event: NoticeEventTable;
  territory: TerritoryTable;
  body: BodyTable;
  subdivision: SubdivisionTable;
  position: PositionTable;
  official: OfficialTable;
  appointment: AppointmentTable;
  topic: TopicTable;
  official_account: OfficialAccountTable;
  official_identity: OfficialIdentityTable;
  role_grant: RoleGrantTable;
  applicant: ApplicantTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  otp_challenge: OtpChallengeTable;
  oidc_flow: OidcFlowTable;
  certificate_challenge: CertificateChallengeTable;
  demo_account: DemoAccountTable;
  registration_counter: RegistrationCounterTable;
  appeal: AppealTable;
  case_event: CaseEventTable;
  case_file: CaseFileTable;
  file_blob: FileBlobTable;
  complaint: ComplaintTable;
  court_case: CourtCaseTable;
  petition: PetitionTable;
  petition_signature: PetitionSignatureTable;
  petition_signature_count: PetitionSignatureCountTable;
  reception_session: ReceptionSessionTable;
  reception_booking: ReceptionBookingTable;
  instruction: InstructionTable;
  act_template: ActTemplateTable;
  act_counter: ActCounterTable;
  act: ActTable;
  act_version: ActVersionTable;
  public_service: PublicServiceTable;
  public_service_authority: PublicServiceAuthorityTable;
  service_complaint: ServiceComplaintTable;
  service_rating: ServiceRatingTable;
  hidden_service_flag: HiddenServiceFlagTable;
  open311_request: Open311RequestTable;
  webhook_subscription: WebhookSubscriptionTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  hearing: HearingTable;
  calendar_feed: CalendarFeedTable;
  admin_procedure: AdminProcedureTable;
  kb_manual_version: KbManualVersionTable;
  kb_answer: KbAnswerTable;
  kb_obligation: KbObligationTable;
  kb_search_document: KbSearchDocumentView;
  problem_card: ProblemCardTable;
  problem_card_appeal: ProblemCardAppealTable;
  problem_card_event: ProblemCardEventTable;
  report_run: ReportRunTable;
  generalization_campaign: GeneralizationCampaignTable;
  generalization_request: GeneralizationRequestTable;
  generalization_row: GeneralizationRowTable;
  target_indicator: TargetIndicatorTable;
  uniformity_run: UniformityRunTable;
  divergence: DivergenceTable;
}

// notifications (migrations/010_notifications.sql)
export interface NoticeTable {
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  recipient_kind: 'participant' | 'official';
  recipient_id: string;
  language: 'kk' | 'ru' | 'en';
  citation: string;
  recorded: boolean;
  data: Json<Record<string, unknown>>;
  title: string;
  body: string;
  sms_text: string;
  created_by: string;
  created_at: Timestamp;
}

export interface NoticeDeliveryTable {
  id: Generated<number>;
  notice_id: string;
  channel: 'cabinet' | 'email' | 'sms' | 'post';
  address: string | null;
  status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  lease_token: string | null;
  queued_at: Timestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
  read_at: Timestamp | null;
  failed_at: Timestamp | null;
  received_on: string | null;
  provider_ref: string | null;
  refused: Generated<boolean>;
  last_error: string | null;
}

export interface NoticeEventTable {
  id: Generated<number>;
  delivery_id: number;
  at: Timestamp;
  kind: string;
  actor: string;
  details: Json<Record<string, unknown>>;
}

// Appeals (migrations/020_appeals.sql)

export interface RegistrationCounterTable {
  body_id: string;
  year: number;
  last: number;
}

export interface AppealTable {
  id: Generated<string>;
  number: string;
  body_id: string;
  type: string;
  procedure: 'appeal' | 'simplified';
  state: string;
  channel: string;
  language: 'kk' | 'ru' | 'en';
  topic_id: string | null;
  summary: string;
  essence: string;
  applicant: Json<unknown>;
  applicant_id: string | null;
  parties: ColumnType<unknown, string | undefined, string>;
  anonymous: Generated<boolean>;
  signed: boolean;
  signature: Json<unknown> | null;
  signature_verification: Json<unknown> | null;
  filed_on: string | null;
  received_at: Timestamp;
  received_on: string;
  registered_on: string;
  accepted_by: string | null;
  accepted_by_name: string;
  accepted_by_position: string;
  subdivision_id: string | null;
  executor_id: string | null;
  co_executor_ids: Generated<string[]>;
  due: string;
  extension_cap: string;
  extended: Generated<boolean>;
  preliminary_received_on: string | null;
  hearing_exemption: string | null;
  hearing_exemption_reasons: string | null;
  deemed_refused_on: string | null;
  decided_at: Timestamp | null;
  decision: Json<unknown> | null;
  closed_at: Timestamp | null;
  /** not decided and not closed: a stored generated column (migration 106), never written */
  open: GeneratedAlways<boolean>;
  redirected_from: string | null;
  parent_id: string | null;
  repeat_of: string | null;
  admin_procedure_id: Generated<string | null>;
  idempotency_key: string | null;
  /** REG p.5(4)-(5): under control of the monitoring department, returned for rework, or the answer accepted (migration 105) */
  control_status: 'under_control' | 'returned' | 'accepted' | null;
  control_reason: string | null;
  rework_count: Generated<number>;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_type: string;
  case_id: string;
  seq: number;
  at: Timestamp;
  actor: string;
  action: string;
  citation: string | null;
  state: string | null;
  details: Json<unknown>;
  prev_hash: string;
  hash: string;
}

export interface FileBlobTable {
  sha256: string;
  media_type: string;
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

export interface CaseFileTable {
  id: Generated<string>;
  case_type: string;
  case_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_by: string;
  added_at: Timestamp;
}

// Complaints (migrations/060_complaints.sql)
export interface ComplaintTable {
  id: Generated<string>;
  number: string;
  origin_body_id: string;
  review_body_id: string | null;
  state: string;
  language: 'kk' | 'ru' | 'en';
  channel: string;
  complainant: Json<unknown>;
  applicant_id: string | null;
  appeal_id: string | null;
  act_id: string | null;
  challenged_kind: string;
  challenged_summary: string;
  challenged_officials: Generated<string[]>;
  circumstances: string;
  demands: string | null;
  attachments: Json<unknown> | null;
  signed: boolean;
  filed_on: string | null;
  received_at: Timestamp;
  received_on: string;
  registered_on: string;
  learned_on: string;
  complain_by: string;
  late: boolean;
  restoration: Json<unknown> | null;
  execution_suspended: Generated<boolean>;
  suspension_exception: string | null;
  suspension_reasons: string | null;
  forwarded_on: string | null;
  forwarded_by: string | null;
  review_received_on: string | null;
  reviewer_id: string | null;
  collegial: Generated<boolean>;
  due: string;
  review_due: string | null;
  decision: Json<unknown> | null;
  decided_on: string | null;
  decided_at: Timestamp | null;
  deemed_dismissed_on: string | null;
  closed_at: Timestamp | null;
  new_appeal_id: string | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Court cases (migrations/061_court_cases.sql)
export interface CourtCaseTable {
  id: Generated<string>;
  body_id: string;
  appeal_id: string | null;
  complaint_id: string | null;
  act_id: string | null;
  act: Json<unknown>;
  claim_type: string;
  damages_claim: Generated<boolean>;
  claim_basis: string;
  court: string;
  case_number: string | null;
  role: 'defendant' | 'plaintiff' | 'interested';
  plaintiff: Json<unknown>;
  claims: string;
  arguments: string | null;
  area: string | null;
  claim_filed_on: string;
  claim_deadline: string | null;
  claim_late: Generated<boolean>;
  status: 'pending' | 'in_force';
  instance: 'first' | 'appeal' | 'cassation' | null;
  first_instance: Json<unknown> | null;
  appeal: Json<unknown> | null;
  cassation: Json<unknown> | null;
  return_ground: string | null;
  entered_into_force_on: string | null;
  found_unlawful: Generated<boolean>;
  act_cancelled: Generated<boolean>;
  act_cancelled_recorded: Generated<boolean>;
  cancellation_reasons: string | null;
  preventive_measures: Json<unknown> | null;
  causes_measures: Json<unknown> | null;
  private_rulings: ColumnType<unknown, string | undefined, string>;
  executed_on: string | null;
  court_notified_on: string | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Petitions (migrations/040_petitions.sql)
export interface PetitionTable {
  id: Generated<string>;
  number: string;
  body_id: string;
  competence: string;
  level: 'central' | 'local';
  state: string;
  channel: 'electronic' | 'written';
  language: 'kk' | 'ru' | 'en';
  title: string;
  content: string;
  proposals: string;
  applicant: Json<unknown>;
  applicant_id: string | null;
  representative: Json<unknown> | null;
  submitted_at: Timestamp;
  submitted_on: string;
  pre_support_by: string;
  pre_supported_on: string | null;
  check_by: string | null;
  published_on: string | null;
  media_by: string | null;
  signing_ends_on: string | null;
  population: number | null;
  threshold: number | null;
  sent_on: string | null;
  send_by: string | null;
  registered_on: string | null;
  due: string | null;
  decided_on: string | null;
  publish_decision_by: string | null;
  decision: Json<unknown> | null;
  duties: ColumnType<Record<string, unknown>, string | undefined, string>;
  returned_appeal_id: string | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PetitionSignatureTable {
  petition_id: string;
  iin: string;
  name: string;
  form: 'electronic' | 'written';
  applicant_id: string | null;
  citizen_declared: boolean;
  consent: boolean;
  signed_at: Timestamp;
}

export interface PetitionSignatureCountTable {
  petition_id: string;
  shard: number;
  n: ColumnType<string, number | string, number | string>;
}

// Personal receptions (migrations/041_receptions.sql)
export interface ReceptionSessionTable {
  id: Generated<string>;
  body_id: string;
  official_id: string;
  format: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  slot_minutes: number;
  place: string;
  territory_id: string | null;
  approved_by: string;
  cancelled_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ReceptionBookingTable {
  id: Generated<string>;
  session_id: string;
  slot_at: Timestamp;
  state: string;
  visitor: Json<unknown>;
  applicant_id: string | null;
  topic: string;
  language: 'kk' | 'ru' | 'en';
  video_consent_at: Timestamp | null;
  queue_number: number | null;
  outcome: Json<unknown> | null;
  appeal_id: string | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Control of instructions (migrations/042_instructions.sql)
export interface InstructionTable {
  id: Generated<string>;
  number: string;
  body_id: string;
  source: string;
  giver_id: string | null;
  giver_name: string;
  controller_id: string | null;
  text: string;
  executor_ids: string[];
  state: string;
  given_on: string;
  original_due: string;
  due: string;
  overdue_on: string | null;
  executed_on: string | null;
  closed_on: string | null;
  return_required: Generated<boolean>;
  appeal_id: string | null;
  reception_booking_id: string | null;
  language: Generated<'kk' | 'ru' | 'en'>;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// administrative acts (migrations/030_acts.sql)
export interface ActTemplateTable {
  id: Generated<string>;
  body_id: string | null;
  code: string;
  version: number;
  kind: string;
  procedure: string;
  title: Json<Localized>;
  sections: Json<Record<string, Localized>>;
  form_prescribed_by_law: Generated<boolean>;
  prescribed_ref: string | null;
  manual_version: string | null;
  state: 'draft' | 'approved' | 'retired';
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ActCounterTable {
  body_id: string;
  year: number;
  last: number;
}

export interface ActTable {
  id: Generated<string>;
  number: string;
  body_id: string;
  appeal_id: string | null;
  /** the complaint case a complaint decision (APC 100–101) decides */
  complaint_id: Generated<string | null>;
  template_id: string | null;
  template_code: string | null;
  template_version: number | null;
  manual_version: string | null;
  kind: string;
  outcome: string;
  favourable: boolean;
  form: 'written_electronic' | 'written_paper' | 'oral' | 'other';
  language: 'kk' | 'ru' | 'en';
  subject_key: string | null;
  state: string;
  content: Json<Record<string, unknown>>;
  content_version: Generated<number>;
  pending: Json<Record<string, unknown>> | null;
  drafted_by: string | null;
  signed_by: string | null;
  signer_name: string | null;
  signer_position: string | null;
  signed_at: Timestamp | null;
  adopted_on: string | null;
  in_force_on: string | null;
  communicated_on: string | null;
  communicated_by: string | null;
  execution_due: string | null;
  executed_on: string | null;
  ceased_on: string | null;
  cease_cause: string | null;
  revocation: Json<Record<string, unknown>> | null;
  written_form_due: string | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActVersionTable {
  act_id: string;
  version: number;
  reason: 'adopted' | 'correction' | 'written_form';
  content: Json<Record<string, unknown>>;
  canonical: string;
  sha256: string;
  signature: string;
  verification: Json<unknown>;
  signed_by: string | null;
  signed_at: Timestamp;
  details: ColumnType<unknown, string | undefined, string>;
}

// Integrations (migrations/090_integrations.sql)
export interface Open311RequestTable {
  appeal_id: string;
  service_code: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  media_url: string | null;
  device_id: string | null;
  account_id: string | null;
  token_id: string;
  idempotency_key: string | null;
  created_at: Timestamp;
}

export interface WebhookSubscriptionTable {
  id: Generated<string>;
  url: string;
  secret: string;
  events: string[];
  body_ids: string[] | null;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  subscription_id: string;
  event_id: string;
  event_type: string;
  payload: Json<unknown>;
  status: Generated<'queued' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  lease_token: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  at: Timestamp;
  http_status: number | null;
  error: string | null;
  ms: number;
  worker: string;
}

// Public services (migrations/070_public_services.sql)
export interface PublicServiceTable {
  code: string;
  name: Json<Localized>;
  provider_body_types: Generated<string[]>;
  provider_body_ids: Generated<string[]>;
  provider_note: Json<Localized> | null;
  channels: string[];
  term: Json<unknown>;
  documents: Json<unknown>;
  fee: Json<unknown>;
  refusal_grounds: Generated<string[]>;
  refusal_other: Json<unknown>;
  procedure_act: Json<unknown>;
  result: Json<Localized> | null;
  proactive: Generated<boolean>;
  socially_significant: Generated<boolean>;
  active: Generated<boolean>;
  search_text: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicServiceAuthorityTable {
  role: 'quality' | 'register';
  body_id: string;
}

export interface ServiceComplaintTable {
  id: Generated<string>;
  number: string;
  service_code: string;
  addressee: string;
  body_id: string;
  provider_body_id: string | null;
  state: string;
  language: 'kk' | 'ru' | 'en';
  channel: 'paper' | 'electronic';
  complainant: Json<unknown>;
  applicant_id: string | null;
  subject: string;
  receipt_ref: string | null;
  appeal_id: string | null;
  essence: string;
  demands: string | null;
  received_at: Timestamp;
  received_on: string;
  registered_on: string;
  term_id: string;
  original_due: string;
  due: string;
  extended_days: Generated<number>;
  decision: Json<unknown> | null;
  decided_on: string | null;
  closed_at: Timestamp | null;
  apc_complaint_id: string | null;
  version: Generated<number>;
  event_count: Generated<number>;
  last_event_hash: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceRatingTable {
  id: Generated<string>;
  service_code: string;
  provider_body_id: string;
  applicant_id: string;
  receipt_ref: string | null;
  complaint_id: string | null;
  receipt_key: string;
  score: number;
  comment: string | null;
  created_at: Timestamp;
}

export interface HiddenServiceFlagTable {
  id: Generated<string>;
  appeal_id: string;
  body_id: string;
  function_name: string;
  reason: string;
  flagged_by: string;
  created_at: Timestamp;
}

export interface HearingTable {
  id: Generated<string>;
  appeal_id: string;
  body_id: string;
  official_id: string;
  applicant_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  notice_id: string | null;
  created_by: string;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
}

export interface CalendarFeedTable {
  id: Generated<string>;
  principal_kind: 'official' | 'applicant';
  principal_id: string;
  kind: 'hearings' | 'receptions';
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

// the list of administrative procedures, Rules No. 111 Annex 1 (migrations/100_admin_procedures.sql)
export interface AdminProcedureTable {
  id: Generated<string>;
  body_id: string;
  code: string;
  scope: string;
  name: Json<Localized>;
  regulated_by: string;
  format: 'paper' | 'electronic' | 'both';
  information_system: string | null;
  performer: string;
  complaint_body: string;
  appeal_procedure: string;
  appeal_binding: 'recommendatory' | 'mandatory' | null;
  appeal_terms: string;
  legal_refs: string;
  topic_ids: Generated<string[]>;
  state: Generated<'draft' | 'approved' | 'retired'>;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

// monitoring of appeals: cards of problem issues (migrations/104_monitoring.sql)
export interface ProblemCardTable {
  id: Generated<string>;
  territory_id: string;
  topic_id: string;
  period_from: string;
  period_to: string;
  status: Generated<'open' | 'in_progress' | 'resolved'>;
  measures: Generated<string>;
  body_ids: Generated<string[]>;
  volume: Generated<number>;
  previous_volume: Generated<number>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProblemCardAppealTable {
  card_id: string;
  appeal_id: string;
}

export interface ProblemCardEventTable {
  id: Generated<number>;
  card_id: string;
  at: Timestamp;
  actor: string;
  action: string;
  details: Json<unknown>;
}

// report runs, generalization campaigns and target indicators (migrations/103_generalization.sql)
export interface ReportRunTable {
  id: Generated<string>;
  kind: string;
  params: Json<unknown>;
  lang: string;
  body_id: string;
  requested_by: string;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  error: string | null;
  filename: string | null;
  content_type: string | null;
  file_sha256: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface GeneralizationCampaignTable {
  id: Generated<string>;
  body_id: string;
  year: number;
  half: number;
  period_from: string;
  period_to: string;
  due_on: string;
  starts_on: string;
  state: Generated<'draft' | 'collecting' | 'final' | 'submitted'>;
  overdue: Generated<boolean>;
  requested_on: string | null;
  requested_by: string | null;
  shortcomings: string | null;
  proposals: string | null;
  other_notes: string | null;
  finalised_at: Timestamp | null;
  finalised_by: string | null;
  submitted_on: string | null;
  submitted_by: string | null;
  submitted_to: string | null;
  submission_ref: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface GeneralizationRequestTable {
  campaign_id: string;
  subdivision_id: string;
  requested_on: string;
  status: Generated<'requested' | 'submitted'>;
  submitted_on: string | null;
  submitted_by: string | null;
  reminders: Generated<number>;
  last_reminded_on: string | null;
}

export interface GeneralizationRowTable {
  id: Generated<string>;
  campaign_id: string;
  subdivision_id: string | null;
  court_case_id: string | null;
  position: number;
  cells: Json<Record<string, string>>;
  status: 'pending' | 'in_force';
  instance: string | null;
  first_result: string | null;
  appeal_result: string | null;
  cassation_result: string | null;
  final_result: string | null;
  area: string | null;
  procedure: string | null;
  found_unlawful: Generated<boolean>;
  private_rulings: Generated<number>;
  private_rulings_executed: Generated<number>;
  reasoning_analysis: string | null;
  illegality_found: boolean | null;
  illegality_description: string | null;
  loss_causes: string | null;
  deficiency_type: 'regulatory' | 'law_enforcement' | null;
  measures_taken: string | null;
  proposals: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  version: Generated<number>;
}

export interface TargetIndicatorTable {
  body_id: string;
  year: number;
  target_percent: ColumnType<string, string | number, string | number>;
  baseline_percent: ColumnType<string | null, string | number | null, string | number | null>;
  baseline_year: number | null;
  ndp_indicator: string | null;
  denominator: Generated<'appealed_in_court' | 'decided_in_force'>;
  approval_required: Generated<boolean>;
  approved_on: string | null;
  approved_by: string | null;
  set_by: string;
  updated_at: Timestamp;
}

// the Knowledge Base (migrations/101_knowledge.sql)
export interface KbManualVersionTable {
  id: Generated<string>;
  procedure_id: string;
  body_id: string;
  version: number | null;
  state: 'draft' | 'submitted' | 'approved' | 'published';
  fields: Json<Record<string, Partial<Localized>>>;
  none_rows: Generated<string[]>;
  effective_from: string | null;
  effective_to: string | null;
  basis: ColumnType<{ note: string; courtCaseIds: string[]; divergenceIds: string[] }, string | undefined, string>;
  submitted_at: Timestamp | null;
  returned_note: string | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  published_at: Timestamp | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface KbAnswerTable {
  id: Generated<string>;
  body_id: string;
  procedure_id: string | null;
  question: Json<Partial<Localized>>;
  answer: Json<Partial<Localized>>;
  state: Generated<'draft' | 'published'>;
  published_at: Timestamp | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface KbObligationTable {
  id: Generated<string>;
  body_id: string;
  procedure_id: string;
  kind: 'verification' | 'procedure_change' | 'proposal';
  period: string | null;
  summary: Generated<string>;
  adopted_on: string | null;
  published_on: string | null;
  in_force_on: string | null;
  change_basis: 'entry_into_force' | 'publication' | 'adoption' | null;
  change_date: string | null;
  subdivision_id: string | null;
  due: string | null;
  state: Generated<'open' | 'done' | 'accepted' | 'rejected'>;
  result: 'compliant' | 'needs_update' | null;
  note: string | null;
  done_on: string | null;
  done_by: string | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface KbSearchDocumentView {
  kind: 'manual' | 'form' | 'answer';
  ref_id: string;
  body_id: string | null;
  lang: 'kk' | 'ru' | 'en';
  title: string;
  content: string;
}

// the uniformity analysis, APC 15-1(4) (migrations/102_uniformity.sql)
export interface UniformityRunTable {
  id: Generated<string>;
  body_id: string;
  state: 'queued' | 'running' | 'finished' | 'failed';
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  counts: Json<Record<string, number>>;
  error: string | null;
}

export interface DivergenceTable {
  id: Generated<string>;
  procedure_id: string;
  appeal_a: string;
  appeal_b: string;
  outcome_a: string;
  outcome_b: string;
  similarity: ColumnType<string, string | number, string | number>;
  norm_overlap: ColumnType<string, string | number, string | number>;
  spread: string;
  score: ColumnType<string, string | number, string | number>;
  group_key: string;
  group_size: number;
  group_outcomes: Json<Record<string, number>>;
  first_run_id: string;
  last_run_id: string;
  current: Generated<boolean>;
  verdict: 'justified' | 'defect' | null;
  measure: 'update_manual' | 'training' | 'revoke_act' | 'other' | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
