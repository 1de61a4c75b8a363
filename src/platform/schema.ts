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

export interface Schema {
  calendar_year: CalendarYearTable;
  deadline: DeadlineTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
}
