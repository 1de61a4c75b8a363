/** SQL of the public-services module (migrations/070_public_services.sql). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

export type Db = Kysely<Schema> | Transaction<Schema>;

export const PAGE_SIZE = 20;
export const SERVICE_COMPLAINT_CASE = 'service_complaint';

export async function serviceByCode(db: Db, code: string) {
  return db.selectFrom('public_service').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Several nodes may start on one empty database at once: one loads the demo register, the others wait and find it. */
export async function lockRegisterSeed(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(7461726570)`.execute(db);
}

export async function countServices(db: Db): Promise<number> {
  const row = await db.selectFrom('public_service').select(sql<string>`count(*)::text`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Escapes the LIKE wildcards of a user's words. */
const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The public search: every word must occur in the names (kk, ru or en) or the code, case-insensitive (ILIKE, with the
 * trigram index on search_text); no Kazakh stemmer exists, so words are matched as written (DESIGN, stack).
 */
export async function searchServices(db: Db, filter: { q?: string | undefined; channel?: string | undefined; page: number; activeOnly: boolean }) {
  let q = db.selectFrom('public_service');
  if (filter.activeOnly) q = q.where('active', '=', true);
  if (filter.channel) q = q.where(sql<boolean>`${filter.channel} = any(channels)`);
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const w of words) q = q.where(sql<boolean>`search_text ilike ${likeWord(w)}`);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('code').limit(PAGE_SIZE).offset((filter.page - 1) * PAGE_SIZE).execute(),
    q.select(sql<string>`count(*)::text`.as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function authority(db: Db, role: 'quality' | 'register') {
  return db.selectFrom('public_service_authority').selectAll().where('role', '=', role).executeTakeFirst();
}

export async function setAuthority(db: Db, role: 'quality' | 'register', bodyId: string) {
  await db.insertInto('public_service_authority').values({ role, body_id: bodyId }).onConflict((oc) => oc.column('role').doUpdateSet({ body_id: bodyId })).execute();
}

/** The next registration number of the body for the year (the counter the body's appeals and complaints share). */
export async function nextRegistrationSeq(db: Db, bodyId: string, year: number): Promise<number> {
  const counter = await sql<{ last: number }>`
    insert into registration_counter (body_id, year, last) values (${bodyId}, ${year}, 1)
    on conflict (body_id, year) do update set last = registration_counter.last + 1
    returning last`.execute(db);
  return counter.rows[0]!.last;
}

export async function complaint(db: Db, id: string) {
  return db.selectFrom('service_complaint').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockComplaint(db: Db, id: string) {
  return db.selectFrom('service_complaint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listComplaints(db: Db, filter: { bodyIds: 'all' | string[]; ownerId?: string | undefined; overdueOn?: string | undefined; state?: string | undefined }) {
  let q = db.selectFrom('service_complaint').selectAll();
  if (filter.bodyIds !== 'all') {
    const ids = filter.bodyIds;
    q = q.where((eb) => eb.or([...(ids.length ? [eb('body_id', 'in', ids)] : []), ...(filter.ownerId ? [eb('applicant_id', '=', filter.ownerId)] : []), sql<boolean>`false`]));
  }
  if (filter.overdueOn) q = q.where('closed_at', 'is', null).where('due', '<', filter.overdueOn);
  if (filter.state) q = q.where('state', '=', filter.state);
  return q.orderBy('due').orderBy('number').limit(500).execute();
}

/** The stored deadlines of a complaint (written through the calendar service). */
export async function storedDeadlines(db: Db, id: string) {
  return db.selectFrom('deadline').selectAll().where('subject_type', '=', SERVICE_COMPLAINT_CASE).where('subject_id', '=', id).orderBy('id').execute();
}

export async function ratingExists(db: Db, applicantId: string, serviceCode: string, receiptKey: string) {
  return !!(await db.selectFrom('service_rating').select('id').where('applicant_id', '=', applicantId).where('service_code', '=', serviceCode).where('receipt_key', '=', receiptKey).executeTakeFirst());
}

/** Ratings and complaints grouped by service or by provider: counts per score, and complaint counts. */
export async function qualityCounts(db: Db, by: 'service' | 'provider', serviceCode?: string) {
  const key = by === 'service' ? sql.ref('service_code') : sql.ref('provider_body_id');
  let ratings = db
    .selectFrom('service_rating')
    .select([
      sql<string>`${key}::text`.as('key'),
      sql<string>`count(*)::text`.as('n'),
      sql<string>`sum(score)::text`.as('total'),
      sql<string>`count(*) filter (where score = 1)::text`.as('s1'),
      sql<string>`count(*) filter (where score = 2)::text`.as('s2'),
      sql<string>`count(*) filter (where score = 3)::text`.as('s3'),
      sql<string>`count(*) filter (where score = 4)::text`.as('s4'),
      sql<string>`count(*) filter (where score = 5)::text`.as('s5'),
    ])
    .groupBy(key);
  if (serviceCode) ratings = ratings.where('service_code', '=', serviceCode);
  let complaints = db
    .selectFrom('service_complaint')
    .select([sql<string>`${key}::text`.as('key'), sql<string>`count(*)::text`.as('n')])
    .where(key, 'is not', null)
    .where('subject', '=', 'quality')
    .groupBy(key);
  if (serviceCode) complaints = complaints.where('service_code', '=', serviceCode);
  return Promise.all([ratings.execute(), complaints.execute()]);
}

export async function hiddenFlags(db: Db) {
  return db.selectFrom('hidden_service_flag').selectAll().orderBy('created_at', 'desc').limit(500).execute();
}
