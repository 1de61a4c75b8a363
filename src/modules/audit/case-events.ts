/**
 * The history of a case: one append-only event per change (who, when, what, legal basis), written in the same
 * transaction as the change. Each event's hash covers the previous one's, and the case row keeps the head of its
 * chain, so an edited, inserted or removed event is detectable (`tynda audit verify`).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
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

/** An event placed on its chain, not yet written: its row and the case's new head. */
export interface ChainedEvent {
  input: CaseEventInput;
  seq: number;
  at: string;
  hash: string;
  prevHash: string;
  head: { count: number; hash: string };
}

/** Places an event after `head` (the case row's event_count and last_event_hash, read under the case's row lock). */
export function chainEvent(head: { count: number; hash: string }, e: CaseEventInput): ChainedEvent {
  const seq = head.count + 1;
  const at = e.at.toISOString();
  const hash = eventHash(head.hash, { caseType: e.caseType, caseId: e.caseId, seq, at, actor: e.actor, action: e.action, citation: e.citation ?? null, state: e.state ?? null, details: e.details ?? {} });
  return { input: e, seq, at, hash, prevHash: head.hash, head: { count: seq, hash } };
}

/** Writes a chained event and runs the listeners in the same transaction. */
export async function writeCaseEvent(db: Db, c: ChainedEvent): Promise<void> {
  const e = c.input;
  await db
    .insertInto('case_event')
    .values({ case_type: e.caseType, case_id: e.caseId, seq: c.seq, at: c.at, actor: e.actor, action: e.action, citation: e.citation ?? null, state: e.state ?? null, details: JSON.stringify(e.details ?? {}), prev_hash: c.prevHash, hash: c.hash })
    .execute();
  for (const listener of listeners) await listener(db, { ...e, seq: c.seq, hash: c.hash });
}

/**
 * Appends an event after `head`; returns the new head for the caller to store on the case row in the same
 * transaction. (A new case stores the head with its row instead: `chainEvent` first, then `writeCaseEvent`.)
 */
export async function appendCaseEvent(db: Db, head: { count: number; hash: string }, e: CaseEventInput): Promise<{ count: number; hash: string }> {
  const chained = chainEvent(head, e);
  await writeCaseEvent(db, chained);
  return chained.head;
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
 * Where each kind of case keeps the head of its chain (event_count, last_event_hash on the case row). Every case
 * type that writes events keeps one; a new one is added here (test/audit-verify.test.ts checks that every case
 * type found in case_event is listed).
 */
export const CASE_HEAD_TABLES = {
  appeal: 'appeal',
  act: 'act',
  complaint: 'complaint',
  court_case: 'court_case',
  petition: 'petition',
  reception: 'reception_booking',
  instruction: 'instruction',
  service_complaint: 'service_complaint',
} as const satisfies Record<string, keyof Schema>;

/** Rows read at a time: the check walks any number of events in bounded memory. */
export const VERIFY_BATCH = 5_000;

/**
 * Checks every chain: each event's hash, its link to the one before, the sequence, and the head kept on the case
 * row of every case type that keeps one (CASE_HEAD_TABLES). Events and case rows are read in batches of
 * `batch` (keyset order), never all at once. Returns the first break of each broken case, in order.
 */
export async function verifyCaseEvents(db: Db, options: { batch?: number } = {}): Promise<{ cases: number; events: number; breaks: ChainBreak[] }> {
  const batch = options.batch ?? VERIFY_BATCH;
  const breaks: ChainBreak[] = [];
  const broken = new Set<string>();
  let cases = 0;
  let events = 0;
  // 1. the chains, one case after another, in (case_type, case_id, seq) order
  let current: string | undefined;
  let prev = { seq: 0, hash: '' };
  let after: { caseType: string; caseId: string; seq: number } | undefined;
  for (;;) {
    let q = db.selectFrom('case_event').selectAll().orderBy('case_type').orderBy('case_id').orderBy('seq').limit(batch);
    if (after) q = q.where(sql<boolean>`(case_type, case_id, seq) > (${after.caseType}, ${after.caseId}::uuid, ${after.seq})`);
    const rows = await q.execute();
    for (const r of rows) {
      events++;
      const key = `${r.case_type}:${r.case_id}`;
      if (key !== current) {
        current = key;
        prev = { seq: 0, hash: '' };
        cases++;
      }
      if (broken.has(key)) continue;
      const fail = (problem: ChainBreak['problem']) => {
        breaks.push({ caseType: r.case_type, caseId: r.case_id, seq: r.seq, problem });
        broken.add(key);
      };
      if (r.seq !== prev.seq + 1) fail('sequence_gap');
      else if (r.prev_hash !== prev.hash) fail('link_broken');
      else if (eventHash(r.prev_hash, { caseType: r.case_type, caseId: r.case_id, seq: r.seq, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, citation: r.citation, state: r.state, details: r.details }) !== r.hash) fail('hash_mismatch');
      else prev = { seq: r.seq, hash: r.hash };
    }
    if (rows.length < batch) break;
    const last = rows[rows.length - 1]!;
    after = { caseType: last.case_type, caseId: last.case_id, seq: last.seq };
  }
  // 2. the heads on the case rows, a batch of cases at a time, against the last event of each intact chain
  for (const [caseType, table] of Object.entries(CASE_HEAD_TABLES)) {
    let afterId: string | undefined;
    for (;;) {
      let hq = db.selectFrom(table as 'appeal').select(['id', 'event_count', 'last_event_hash']).orderBy('id').limit(batch);
      if (afterId) hq = hq.where('id', '>', afterId);
      const heads = await hq.execute();
      if (heads.length === 0) break;
      const ids = heads.map((h) => h.id);
      const lastEvents = await db
        .selectFrom('case_event')
        .select(['case_id', 'seq', 'hash'])
        .distinctOn('case_id')
        .where('case_type', '=', caseType)
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('seq', 'desc')
        .execute();
      const lastOf = new Map(lastEvents.map((e) => [e.case_id, e]));
      for (const head of heads) {
        if (broken.has(`${caseType}:${head.id}`)) continue;
        const seen = lastOf.get(head.id) ?? { seq: 0, hash: '' };
        if (seen.seq !== head.event_count || seen.hash !== head.last_event_hash) {
          breaks.push({ caseType, caseId: head.id, seq: seen.seq + 1, problem: 'head_mismatch' });
          broken.add(`${caseType}:${head.id}`);
        }
      }
      if (heads.length < batch) break;
      afterId = heads[heads.length - 1]!.id;
    }
  }
  breaks.sort((a, b) => (a.caseType < b.caseType ? -1 : a.caseType > b.caseType ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return { cases, events, breaks };
}
