/** Row types of the tables in migrations/, for Kysely. One interface per table, named after it. */
import type { ColumnType, Generated } from 'kysely';

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
  demo_account: DemoAccountTable;
  registration_counter: RegistrationCounterTable;
  appeal: AppealTable;
  case_event: CaseEventTable;
  case_file: CaseFileTable;
  file_blob: FileBlobTable;
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
  redirected_from: string | null;
  parent_id: string | null;
  repeat_of: string | null;
  idempotency_key: string | null;
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
