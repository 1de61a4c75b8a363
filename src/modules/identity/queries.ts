/** SQL of identity: accounts, sessions, API tokens, one-time codes, OIDC flows, role grants, applicants. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

export type Db = Kysely<Schema> | Transaction<Schema>;

export async function accountByLogin(db: Db, login: string) {
  return db
    .selectFrom('official_account as a')
    .innerJoin('official as o', 'o.id', 'a.official_id')
    .select(['a.official_id', 'a.login', 'a.password_hash', 'a.failed_logins', 'a.locked_until', 'o.active'])
    .where('a.login', '=', login)
    .executeTakeFirst();
}

export async function account(db: Db, officialId: string) {
  return db.selectFrom('official_account').selectAll().where('official_id', '=', officialId).executeTakeFirst();
}

export async function recordFailure(db: Db, officialId: string, lockUntil: Date | null) {
  return db
    .updateTable('official_account')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), ...(lockUntil ? { locked_until: lockUntil } : {}) }))
    .where('official_id', '=', officialId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
}

export async function clearFailures(db: Db, officialId: string) {
  await db.updateTable('official_account').set({ failed_logins: 0, locked_until: null }).where('official_id', '=', officialId).execute();
}

export async function insertSession(db: Db, row: { tokenHash: string; type: 'official' | 'applicant'; id: string; method: string; expiresAt: Date }) {
  return db
    .insertInto('session')
    .values({ token_hash: row.tokenHash, principal_type: row.type, principal_id: row.id, method: row.method, expires_at: row.expiresAt })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The organisation's revision (migration 107), read with the credential in one round trip. */
const organisationRevision = sql<string>`(select revision::text from organisation_revision)`.as('organisation_revision');

export async function sessionByHash(db: Db, tokenHash: string) {
  return db.selectFrom('session').selectAll().select(organisationRevision).where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, now: Date) {
  await db.updateTable('session').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSessionsOf(db: Db, type: 'official' | 'applicant', id: string, now: Date, except?: string) {
  let q = db.updateTable('session').set({ revoked_at: now }).where('principal_type', '=', type).where('principal_id', '=', id).where('revoked_at', 'is', null);
  if (except) q = q.where('id', '<>', except);
  await q.execute();
}

export async function apiTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('api_token').selectAll().select(organisationRevision).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Role grants in force on `today`. */
export async function activeGrants(db: Db, officialId: string, today: string) {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('official_id', '=', officialId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
}

export async function recentOtpCount(db: Db, addressHash: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('otp_challenge')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('address_hash', '=', addressHash)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The newest unused code for the address, locked so two guesses at once cannot both pass. */
export async function openOtp(db: Db, addressHash: string) {
  return db
    .selectFrom('otp_challenge')
    .selectAll()
    .where('address_hash', '=', addressHash)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}
