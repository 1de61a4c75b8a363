/**
 * The audit trail: who did what, when, to what. One insert, used by every module inside the transaction of the
 * change it records. Details never carry passwords, tokens, codes or personal data; say which record, not what
 * it holds.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

export interface AuditEvent {
  /** 'official:<id>', 'applicant:<id>', 'token:<id>', 'system', 'anonymous' */
  actor: string;
  /** '<module>.<what happened>': 'auth.login', 'calendar.year_changed' */
  action: string;
  subjectType: string;
  subjectId: string;
  details?: unknown;
}

export async function audit(db: Kysely<Schema> | Transaction<Schema>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ actor: event.actor, action: event.action, subject_type: event.subjectType, subject_id: event.subjectId, details: JSON.stringify(event.details ?? {}) })
    .execute();
}

/** The trail, newest first, filtered by subject and action; `before` pages backwards by id. */
export async function auditEvents(db: Kysely<Schema>, filter: { subjectType?: string | undefined; subjectId?: string | undefined; action?: string | undefined; before?: number | undefined; limit: number }) {
  let q = db.selectFrom('audit_event').selectAll();
  if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.before) q = q.where('id', '<', filter.before);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
