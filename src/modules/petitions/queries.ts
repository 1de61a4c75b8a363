/** SQL of the petitions module. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** The live count: the sum of the petition's counter shards (at most 16 rows). */
export async function signatureCount(db: Db, petitionId: string): Promise<number> {
  const row = await db.selectFrom('petition_signature_count').select(sql<string>`coalesce(sum(n), 0)::text`.as('n')).where('petition_id', '=', petitionId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function signatureCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('petition_signature_count')
    .select(['petition_id', sql<string>`sum(n)::text`.as('n')])
    .where('petition_id', 'in', ids)
    .groupBy('petition_id')
    .execute();
  return new Map(rows.map((r) => [r.petition_id, Number(r.n)]));
}

/** The truth the counter must equal: the signature rows themselves (tests and the benchmark check the two agree). */
export async function signatureRows(db: Db, petitionId: string): Promise<number> {
  const row = await db.selectFrom('petition_signature').select(sql<string>`count(*)::text`.as('n')).where('petition_id', '=', petitionId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** States a petition is shown in on the public list: from publication on (before it, only its own link shows it). */
export const LISTED_STATES = ['published', 'sent', 'registered', 'in_review', 'decided', 'decision_published', 'returned'] as const;

/** States only the petitions authority lists: awaiting pre-support or its check (APC 90-2(4)–(5)), or rejected by it (90-2(6)). */
export const UNLISTED_STATES = ['submitted', 'pre_supported', 'rejected'] as const;

export async function listPetitions(db: Db, filter: { state?: string | undefined; bodyId?: string | undefined; page: number; pageSize: number }, moderator = false) {
  const states: readonly string[] = moderator ? [...LISTED_STATES, ...UNLISTED_STATES] : LISTED_STATES;
  let q = db.selectFrom('petition').selectAll();
  q = filter.state ? q.where('state', '=', filter.state).where('state', 'in', states) : q.where('state', 'in', states);
  if (filter.bodyId) q = q.where('body_id', '=', filter.bodyId);
  return q.orderBy('published_on', 'desc').orderBy('number', 'desc').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute();
}
