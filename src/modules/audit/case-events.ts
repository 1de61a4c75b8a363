/**
 * The history of a case: one append-only event per change (who, when, what, legal basis), written in the same
 * transaction as the change. Each event's hash covers the previous one's, and the case row keeps the head of its
 * chain, so an edited, inserted or removed event is detectable (`tynda audit verify`).
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface CaseEventInput {
  caseType: string;
  caseId: string;
  at: Date;
  actor: string;
  action: string;
  citation?: string | null;
  /** the state after the event */
  state?: string | null;
  details?: Record<string, unknown>;
}

/** JSON with keys in a fixed order, so the same event always hashes the same. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: { caseType: string; caseId: string; seq: number; at: string; actor: string; action: string; citation: string | null; state: string | null; details: unknown }): string {
  const body = canonical({ caseType: e.caseType, caseId: e.caseId, seq: e.seq, at: e.at, actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends an event after `head` (the case row's event_count and last_event_hash, read under the case's row
 * lock); returns the new head for the caller to store on the case row in the same transaction.
 */
export async function appendCaseEvent(db: Db, head: { count: number; hash: string }, e: CaseEventInput): Promise<{ count: number; hash: string }> {
  const seq = head.count + 1;
  const at = e.at.toISOString();
  const citation = e.citation ?? null;
  const state = e.state ?? null;
  const details = e.details ?? {};
  const hash = eventHash(head.hash, { caseType: e.caseType, caseId: e.caseId, seq, at, actor: e.actor, action: e.action, citation, state, details });
  await db
    .insertInto('case_event')
    .values({ case_type: e.caseType, case_id: e.caseId, seq, at, actor: e.actor, action: e.action, citation, state, details: JSON.stringify(details), prev_hash: head.hash, hash })
    .execute();
  for (const listener of listeners) await listener(db, { ...e, seq, hash });
  return { count: seq, hash };
}

/** Runs inside the transaction of every appended event: what it writes commits or rolls back with the event. */
export type CaseEventListener = (db: Db, event: CaseEventInput & { seq: number; hash: string }) => Promise<void>;
const listeners = new Set<CaseEventListener>();

/** Adds a listener (the webhook outbox, modules/integrations); adding the same function twice keeps one. */
export function onCaseEvent(listener: CaseEventListener): void {
  listeners.add(listener);
}

export async function caseEvents(db: Db, caseType: string, caseId: string) {
  return db.selectFrom('case_event').selectAll().where('case_type', '=', caseType).where('case_id', '=', caseId).orderBy('seq').execute();
}

export interface ChainBreak {
  caseType: string;
  caseId: string;
  seq: number;
  problem: 'hash_mismatch' | 'link_broken' | 'sequence_gap' | 'head_mismatch';
}

/**
 * Checks every chain: each event's hash, its link to the one before, the sequence, and (for appeals) the head
 * kept on the case row. Returns the first break of each broken case, in order.
 */
export async function verifyCaseEvents(db: Db): Promise<{ cases: number; events: number; breaks: ChainBreak[] }> {
  const rows = await db.selectFrom('case_event').selectAll().orderBy('case_type').orderBy('case_id').orderBy('seq').execute();
  const heads = new Map((await db.selectFrom('appeal').select(['id', 'event_count', 'last_event_hash']).execute()).map((a) => [`appeal:${a.id}`, a]));
  const breaks: ChainBreak[] = [];
  const broken = new Set<string>();
  const last = new Map<string, { seq: number; hash: string }>();
  for (const r of rows) {
    const key = `${r.case_type}:${r.case_id}`;
    if (broken.has(key)) continue;
    const prev = last.get(key) ?? { seq: 0, hash: '' };
    const fail = (problem: ChainBreak['problem']) => {
      breaks.push({ caseType: r.case_type, caseId: r.case_id, seq: r.seq, problem });
      broken.add(key);
    };
    if (r.seq !== prev.seq + 1) fail('sequence_gap');
    else if (r.prev_hash !== prev.hash) fail('link_broken');
    else if (eventHash(r.prev_hash, { caseType: r.case_type, caseId: r.case_id, seq: r.seq, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, citation: r.citation, state: r.state, details: r.details }) !== r.hash) fail('hash_mismatch');
    else last.set(key, { seq: r.seq, hash: r.hash });
  }
  for (const [key, head] of heads) {
    if (broken.has(key)) continue;
    const seen = last.get(key) ?? { seq: 0, hash: '' };
    if (seen.seq !== head.event_count || seen.hash !== head.last_event_hash) {
      const [caseType, caseId] = key.split(':') as [string, string];
      breaks.push({ caseType, caseId, seq: seen.seq + 1, problem: 'head_mismatch' });
    }
  }
  return { cases: new Set(rows.map((r) => `${r.case_type}:${r.case_id}`)).size, events: rows.length, breaks };
}
