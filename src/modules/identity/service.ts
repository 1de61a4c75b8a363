/**
 * Identity and access: officials sign in with a password (or OpenID Connect), applicants with a one-time code;
 * sessions and API tokens are opaque random strings kept only as hashes; and `Access` answers, for every route,
 * whether the principal may do an action to a target (policy.ts). Every sign-in, failed sign-in, permission
 * change and look at personal data is an audit event.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { almatyToday } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { signatureBytes, type SignaturePort, type SignerInfo } from '../../platform/signature.ts';
import { audit } from '../audit/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { actorId, allowingGrants, widestScope, type Grant, type PlacedTarget, type Principal, type Target } from './access.ts';
import * as limits from './limits.ts';
import type { OidcClient } from './oidc.ts';
import type { OtpSender } from './otp.ts';
import { isValidBin, isValidIin } from './iin.ts';
import { normalizeEmail, normalizePhone } from './personal-data.ts';
import { ACTION_IDS, GLOBAL_ROLES, GRANTABLE, POLICY, ROLES, type Action, type Role } from './policy.ts';
import * as q from './queries.ts';
import { decoyHash, hashPassword, newOtpCode, newPassword, newToken, sha256, tokenKind, verifyPassword } from './secrets.ts';

export { ACTIONS, ACTION_IDS, GLOBAL_ROLES, GRANTABLE, POLICY, ROLES, SCOPES, type Action, type Role, type Scope } from './policy.ts';
export { actorId, type Grant, type Principal, type Target } from './access.ts';
export { isValidBin, isValidIin } from './iin.ts';
export { maskEmail, maskIdNumber, maskPhone, normalizeEmail, normalizePhone } from './personal-data.ts';
export { DirectoryOtpSender, RecordingOtpSender, type OtpMessage, type OtpSender } from './otp.ts';
export { OidcClient } from './oidc.ts';

export const SESSION_COOKIE = 'tynda_session';

export interface IdentityOptions {
  otpSender?: OtpSender | undefined;
  oidc?: OidcClient | undefined;
  /** the e-signature port (trust store of TYNDA_TRUST_DIR): certificate sign-in of applicants; without it, 501 */
  signatures?: SignaturePort | undefined;
  now?: () => Date;
}

export interface SignedIn {
  token: string;
  sessionId: string;
  principal: { kind: 'official' | 'applicant'; id: string };
}

const minutes = (n: number) => n * 60_000;
const invalidCredentials = () => new Problem(401, 'invalid_credentials');

export class IdentityService {
  readonly now: () => Date;

  constructor(
    readonly db: Kysely<Schema>,
    readonly organisation: OrganisationService,
    readonly options: IdentityOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  // ---------- sessions ----------

  private async startSession(db: q.Db, type: 'official' | 'applicant', id: string, method: string): Promise<SignedIn> {
    const token = newToken('session');
    const row = await q.insertSession(db, { tokenHash: sha256(token), type, id, method, expiresAt: new Date(this.now().getTime() + limits.SESSION_MAX_HOURS * 3_600_000) });
    await audit(db, { actor: `${type}:${id}`, action: 'auth.login', subjectType: type, subjectId: id, details: { method, session: row.id } });
    return { token, sessionId: row.id, principal: { kind: type, id } };
  }

  /** The principal a session or API token stands for now; undefined for anything forged, expired or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const kind = tokenKind(token);
    if (!kind) return undefined;
    const now = this.now();
    if (kind === 'session') {
      const s = await q.sessionByHash(this.db, sha256(token));
      if (!s || s.revoked_at || new Date(s.expires_at) <= now) return undefined;
      if (new Date(s.last_seen_at).getTime() + minutes(limits.SESSION_IDLE_MINUTES) <= now.getTime()) return undefined;
      if (now.getTime() - new Date(s.last_seen_at).getTime() > limits.SESSION_TOUCH_SECONDS * 1000) await q.touchSession(this.db, s.id, now);
      if (s.principal_type === 'applicant') {
        const grant: Grant = { role: 'applicant', bodyId: null, subdivisionId: null, subtreeRoot: null, acting: false, until: null, source: 'applicant' };
        return { kind: 'applicant', id: s.principal_id, grants: [grant], via: 'session', sessionId: s.id };
      }
      const official = await this.officialSnapshot(s.principal_id, s.organisation_revision);
      if (!official) return undefined;
      return { kind: 'official', id: official.id, bodyId: official.bodyId, grants: official.grants, via: 'session', sessionId: s.id };
    }
    const t = await q.apiTokenByHash(this.db, sha256(token));
    if (!t || t.revoked_at || (t.expires_at && new Date(t.expires_at) <= now)) return undefined;
    const official = await this.officialSnapshot(t.official_id, t.organisation_revision);
    if (!official) return undefined;
    if (!t.last_used_at || now.getTime() - new Date(t.last_used_at).getTime() > limits.SESSION_TOUCH_SECONDS * 1000) {
      await this.db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', t.id).execute();
    }
    const scopes = t.scopes.filter((s): s is Action => (ACTION_IDS as string[]).includes(s));
    return { kind: 'official', id: official.id, bodyId: official.bodyId, grants: official.grants, via: 'token', tokenId: t.id, scopes };
  }

  /**
   * What access decisions read of the organisation, kept per organisation revision (migration 107): it changes
   * with any body, subdivision, position, official, appointment or role grant, and every request reads it with
   * its credential, so nothing here outlives a change seen by that request.
   */
  private snapshot = { revision: -1n, officials: new Map<string, Promise<OfficialSnapshot | undefined>>(), bodyPaths: new Map<string, Promise<string[]>>() };

  private snapshotAt(revision: string) {
    // a newer revision starts afresh (a request that read an older one may use the newer entries: they are
    // fresher than what it read); the size bound only keeps a long-lived node's memory flat
    if (BigInt(revision) > this.snapshot.revision || this.snapshot.officials.size + this.snapshot.bodyPaths.size > 20_000) {
      this.snapshot = { revision: BigInt(revision), officials: new Map(), bodyPaths: new Map() };
    }
    return this.snapshot;
  }

  /** An active official's grants and titles today, as of `revision` (undefined: unknown or deactivated). */
  private officialSnapshot(officialId: string, revision: string) {
    const today = almatyToday(this.now());
    const { officials } = this.snapshotAt(revision);
    const key = `${officialId} ${today}`;
    let found = officials.get(key);
    if (!found) {
      found = (async () => {
        const official = await this.organisation.official(officialId).catch(() => undefined);
        if (!official?.active) return undefined;
        const [grants, titles] = await Promise.all([this.grants(official.id, today), this.organisation.positionTitles(official.id, today)]);
        return { id: official.id, bodyId: official.body_id, name: official.full_name, iin: official.iin, titles, grants };
      })();
      officials.set(key, found);
      found.catch(() => officials.delete(key));
    }
    return found;
  }

  /** Who an official signs or registers as (name, IIN, position titles, the main one first), as of the revision the request read. */
  async signatory(officialId: string): Promise<OfficialSnapshot> {
    const found = await this.officialSnapshot(officialId, this.snapshot.revision.toString());
    if (!found) throw new Problem(404, 'not_found');
    return found;
  }

  /** A body and its ancestors, nearest first, as of the revision the current request read with its credential. */
  bodyPath(bodyId: string): Promise<string[]> {
    const { bodyPaths } = this.snapshot;
    let found = bodyPaths.get(bodyId);
    if (!found) {
      found = this.organisation.bodyPath(bodyId);
      bodyPaths.set(bodyId, found);
      found.catch(() => bodyPaths.delete(bodyId));
    }
    return found;
  }

  /** The roles an official holds today: through positions (acting ones within their dates) and direct grants. */
  async grants(officialId: string, today = almatyToday(this.now())): Promise<Grant[]> {
    const known = (role: string): role is Role => (ROLES as readonly string[]).includes(role) && role !== 'applicant';
    const fromPositions = (await this.organisation.positionRoles(officialId, today)).filter((p) => known(p.role));
    const direct = (await q.activeGrants(this.db, officialId, today)).filter((g) => known(g.role));
    const out: Grant[] = [];
    for (const p of fromPositions) {
      out.push({ role: p.role as Role, bodyId: p.bodyId, subdivisionId: p.subdivisionId, subtreeRoot: await this.organisation.subtreeRoot(p.bodyId), acting: p.acting, until: p.until, source: 'position' });
    }
    for (const g of direct) {
      out.push({
        role: g.role as Role,
        bodyId: g.body_id,
        subdivisionId: g.subdivision_id,
        subtreeRoot: g.body_id ? await this.organisation.subtreeRoot(g.body_id) : null,
        acting: false,
        until: g.valid_to,
        source: 'grant',
      });
    }
    return out;
  }

  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await q.revokeSession(this.db, principal.sessionId, this.now());
    await audit(this.db, { actor: actorId(principal), action: 'auth.logout', subjectType: principal.kind, subjectId: principal.id, details: { session: principal.sessionId } });
  }

  // ---------- officials: password sign-in ----------

  /**
   * Signs an official in by login and password. Unknown logins cost the same time as known ones; after
   * LOCKOUT_THRESHOLD wrong passwords in a row the account refuses every password for LOCKOUT_MINUTES.
   */
  async login(loginInput: string, password: string): Promise<SignedIn> {
    const login = loginInput.trim().toLowerCase();
    const now = this.now();
    const acc = await q.accountByLogin(this.db, login);
    if (!acc) {
      await verifyPassword(password, await decoyHash());
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'login', subjectId: sha256(login).slice(0, 16), details: { method: 'password', reason: 'unknown_login' } });
      throw invalidCredentials();
    }
    const subject = { subjectType: 'official', subjectId: acc.official_id };
    if (acc.locked_until && new Date(acc.locked_until) > now) {
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', ...subject, details: { method: 'password', reason: 'locked' } });
      const minutesLeft = Math.ceil((new Date(acc.locked_until).getTime() - now.getTime()) / 60_000);
      throw new Problem(423, 'account_locked', { minutes: minutesLeft });
    }
    const ok = await verifyPassword(password, acc.password_hash);
    if (!ok || !acc.active) {
      const failures = await this.countFailure(acc.official_id, now);
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', ...subject, details: { method: 'password', reason: acc.active ? 'wrong_password' : 'inactive', failures } });
      throw invalidCredentials();
    }
    if (acc.failed_logins > 0) await q.clearFailures(this.db, acc.official_id);
    return this.startSession(this.db, 'official', acc.official_id, 'password');
  }

  /** One more failure; the one that reaches the threshold locks the account (and says so in the audit trail). */
  private async countFailure(officialId: string, now: Date): Promise<number> {
    const lockUntil = new Date(now.getTime() + minutes(limits.LOCKOUT_MINUTES));
    const row = await this.db
      .updateTable('official_account')
      .set((eb) => ({
        failed_logins: eb('failed_logins', '+', 1),
        locked_until: sql<Date | null>`case when failed_logins + 1 >= ${limits.LOCKOUT_THRESHOLD} then ${lockUntil}::timestamptz else locked_until end`,
      }))
      .where('official_id', '=', officialId)
      .returning(['failed_logins'])
      .executeTakeFirstOrThrow();
    if (row.failed_logins === limits.LOCKOUT_THRESHOLD) {
      await audit(this.db, { actor: 'system', action: 'auth.account_locked', subjectType: 'official', subjectId: officialId, details: { failures: row.failed_logins, until: lockUntil.toISOString() } });
    }
    return row.failed_logins;
  }

  /** Changes one's own password; other sessions of the account end. A wrong current password counts as a failed sign-in. */
  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'password' });
    const acc = await q.account(this.db, principal.id);
    if (!acc) throw new Problem(404, 'not_found');
    if (!(await verifyPassword(current, acc.password_hash))) {
      const failures = await this.countFailure(principal.id, this.now());
      await audit(this.db, { actor: actorId(principal), action: 'auth.login_failed', subjectType: 'official', subjectId: principal.id, details: { method: 'password_change', reason: 'wrong_password', failures } });
      throw new Problem(400, 'validation', {}, [{ field: 'body.currentPassword', code: 'wrong_password' }]);
    }
    if (next === current) throw new Problem(400, 'validation', {}, [{ field: 'body.newPassword', code: 'password_unchanged' }]);
    if (next.trim().toLowerCase() === acc.login) throw new Problem(400, 'validation', {}, [{ field: 'body.newPassword', code: 'password_is_login' }]);
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('official_account').set({ password_hash: hash, password_changed_at: this.now(), failed_logins: 0, locked_until: null }).where('official_id', '=', principal.id).execute();
      await trx.deleteFrom('demo_account').where('official_id', '=', principal.id).execute();
      await q.revokeSessionsOf(trx, 'official', principal.id, this.now(), principal.sessionId);
      await audit(trx, { actor: actorId(principal), action: 'auth.password_changed', subjectType: 'official', subjectId: principal.id });
    });
  }

  /**
   * Opens an official's account or resets its password (by whoever may manage the official). Returns the
   * generated password, shown once; the official's sessions end.
   */
  async setAccount(officialId: string, loginInput: string | undefined, actor: string, db: q.Db = this.db): Promise<{ login: string; password: string }> {
    const official = await db.selectFrom('official').select(['id']).where('id', '=', officialId).executeTakeFirst();
    if (!official) throw new Problem(404, 'not_found');
    const existing = await q.account(db, officialId);
    const login = (loginInput ?? existing?.login)?.trim().toLowerCase();
    if (!login) throw new Problem(400, 'validation', {}, [{ field: 'body.login', code: 'required' }]);
    const taken = await db.selectFrom('official_account').select('official_id').where('login', '=', login).executeTakeFirst();
    if (taken && taken.official_id !== officialId) throw new Problem(409, 'duplicate', {}, [{ field: 'body.login', code: 'duplicate_value' }]);
    const password = newPassword();
    const hash = await hashPassword(password);
    if (existing) {
      await db.updateTable('official_account').set({ login, password_hash: hash, password_changed_at: this.now(), failed_logins: 0, locked_until: null }).where('official_id', '=', officialId).execute();
    } else {
      await db.insertInto('official_account').values({ official_id: officialId, login, password_hash: hash }).execute();
    }
    await q.revokeSessionsOf(db, 'official', officialId, this.now());
    await audit(db, { actor, action: existing ? 'auth.password_reset' : 'auth.account_opened', subjectType: 'official', subjectId: officialId, details: { login } });
    return { login, password };
  }

  async accountLogin(officialId: string): Promise<string | undefined> {
    return (await q.account(this.db, officialId))?.login;
  }

  // ---------- applicants: one-time codes ----------

  private normalizeAddress(channel: 'email' | 'phone', address: string): string {
    const normal = channel === 'email' ? normalizeEmail(address) : normalizePhone(address);
    if (!normal) throw new Problem(400, 'validation', {}, [{ field: 'body.address', code: channel === 'email' ? 'invalid_email' : 'invalid_phone' }]);
    return normal;
  }

  /** Sends a sign-in code to an e-mail or phone. Says nothing about whether a cabinet exists for it. */
  async requestOtp(channel: 'email' | 'phone', addressInput: string, lang: Language): Promise<{ expiresInMinutes: number }> {
    const sender = this.options.otpSender;
    if (!sender) throw new Problem(501, 'not_configured');
    const address = this.normalizeAddress(channel, addressInput);
    const addressHash = sha256(`${channel}:${address}`);
    const now = this.now();
    if ((await q.recentOtpCount(this.db, addressHash, new Date(now.getTime() - 3_600_000))) >= limits.OTP_MAX_PER_HOUR) {
      await audit(this.db, { actor: 'anonymous', action: 'auth.otp_refused', subjectType: 'address', subjectId: addressHash.slice(0, 16), details: { channel, reason: 'too_many' } });
      throw new Problem(429, 'too_many_requests');
    }
    const id = randomUUID();
    const code = newOtpCode();
    await this.db
      .insertInto('otp_challenge')
      .values({ id, channel, address_hash: addressHash, code_hash: sha256(`${id}:${code}`), expires_at: new Date(now.getTime() + minutes(limits.OTP_TTL_MINUTES)) })
      .execute();
    await audit(this.db, { actor: 'anonymous', action: 'auth.otp_requested', subjectType: 'otp_challenge', subjectId: id, details: { channel } });
    const text = translator(lang)('otp.message', { code, minutes: limits.OTP_TTL_MINUTES });
    await sender.send({ channel, address, code, text, lang });
    return { expiresInMinutes: limits.OTP_TTL_MINUTES };
  }

  /**
   * Checks a code; the first right one opens (and on first use creates) the applicant's cabinet. A code is
   * single-use, expires, and dies after OTP_MAX_ATTEMPTS wrong tries.
   */
  async verifyOtp(channel: 'email' | 'phone', addressInput: string, code: string): Promise<SignedIn> {
    const address = this.normalizeAddress(channel, addressInput);
    const addressHash = sha256(`${channel}:${address}`);
    const now = this.now();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const ch = await q.openOtp(trx, addressHash);
      if (!ch || new Date(ch.expires_at) <= now || ch.attempts >= limits.OTP_MAX_ATTEMPTS) {
        await audit(trx, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'otp_challenge', subjectId: ch?.id ?? addressHash.slice(0, 16), details: { method: 'otp', reason: ch ? 'expired_or_exhausted' : 'no_code' } });
        return { failed: true as const };
      }
      const right = timingSafeEqual(Buffer.from(sha256(`${ch.id}:${code}`)), Buffer.from(ch.code_hash));
      if (!right) {
        await trx.updateTable('otp_challenge').set({ attempts: ch.attempts + 1 }).where('id', '=', ch.id).execute();
        await audit(trx, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'otp_challenge', subjectId: ch.id, details: { method: 'otp', reason: 'wrong_code', attempts: ch.attempts + 1 } });
        return { failed: true as const };
      }
      await trx.updateTable('otp_challenge').set({ consumed_at: now }).where('id', '=', ch.id).execute();
      const column = channel === 'email' ? 'email' : 'phone';
      let applicant = await trx.selectFrom('applicant').select('id').where(column, '=', address).executeTakeFirst();
      if (!applicant) {
        applicant = await trx.insertInto('applicant').values({ [column]: address }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { actor: `applicant:${applicant.id}`, action: 'applicants.cabinet_opened', subjectType: 'applicant', subjectId: applicant.id, details: { channel } });
      }
      return { failed: false as const, signedIn: await this.startSession(trx, 'applicant', applicant.id, `otp_${channel}`) };
    });
    if (outcome.failed) throw new Problem(401, 'otp_invalid');
    return outcome.signedIn;
  }

  // ---------- applicants: certificate (NCA RK EDS) ----------

  get certificateEnabled(): boolean {
    return this.options.signatures !== undefined;
  }

  /**
   * Step 1 of certificate sign-in, as eGov does it: a random one-time text to sign with the EDS. Only its hash is
   * kept; it expires after CERTIFICATE_CHALLENGE_MINUTES and is good for one sign-in attempt.
   */
  async certificateChallenge(): Promise<{ challenge: string; expiresAt: string; expiresInMinutes: number }> {
    if (!this.options.signatures) throw new Problem(501, 'not_configured');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + minutes(limits.CERTIFICATE_CHALLENGE_MINUTES));
    const challenge = `tynda-signin:${randomBytes(32).toString('base64url')}:${expiresAt.toISOString()}`;
    // challenges nobody came back with are kept a day (they explain refused attempts), then dropped
    await this.db.deleteFrom('certificate_challenge').where('expires_at', '<', new Date(now.getTime() - 86_400_000)).execute();
    await this.db.insertInto('certificate_challenge').values({ challenge_hash: sha256(challenge), created_at: now, expires_at: expiresAt }).execute();
    return { challenge, expiresAt: expiresAt.toISOString(), expiresInMinutes: limits.CERTIFICATE_CHALLENGE_MINUTES };
  }

  /**
   * Step 2: the detached CMS signature of the challenge. The challenge is used up by the first attempt (right or
   * wrong), so a signature cannot be replayed; the signature port checks the chain to the trust store, validity,
   * revocation and key usage; the IIN (serialNumber "IIN…") or the BIN of the certificate opens that cabinet,
   * created on first sign-in. Every refusal is a 401 (422 for a certificate that names nobody) and an audit event.
   */
  async certificateSignIn(challenge: string, signature: string): Promise<SignedIn> {
    const signatures = this.options.signatures;
    if (!signatures) throw new Problem(501, 'not_configured');
    const now = this.now();
    const challengeHash = sha256(challenge);
    const failed = async (reason: string, details: Record<string, unknown> = {}) =>
      audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'certificate_challenge', subjectId: challengeHash.slice(0, 16), details: { method: 'certificate', reason, ...details } });
    // used up at once, whatever comes next: the same signature sent again finds nothing to answer
    const used = await this.db
      .updateTable('certificate_challenge')
      .set({ consumed_at: now })
      .where('challenge_hash', '=', challengeHash)
      .where('consumed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!used || new Date(used.expires_at) <= now) {
      const reason = used ? 'challenge_expired' : (await this.db.selectFrom('certificate_challenge').select('challenge_hash').where('challenge_hash', '=', challengeHash).executeTakeFirst()) ? 'challenge_used' : 'challenge_unknown';
      await failed(reason);
      throw new Problem(401, 'challenge_invalid', {}, [{ field: 'body.challenge', code: reason }]);
    }
    const v = await signatures.verify(Buffer.from(challenge, 'utf8'), signatureBytes(signature), now);
    if (!v.valid) {
      await failed(v.reason, { issuer: v.signer?.issuer ?? null, serial: v.signer?.serialNumber ?? null });
      throw new Problem(401, 'certificate_invalid', { reason: v.reason }, [{ field: 'body.signature', code: `signature_${v.reason}` }]);
    }
    const who = certificateIdentity(v.signer!);
    if (!who) {
      await failed('no_identity', { issuer: v.signer!.issuer, serial: v.signer!.serialNumber });
      throw new Problem(422, 'certificate_without_identity', {}, [{ field: 'body.signature', code: 'certificate_without_identity' }]);
    }
    return this.db.transaction().execute(async (trx) => {
      // one cabinet per IIN or BIN even when two first sign-ins race
      await sql`select pg_advisory_xact_lock(hashtext(${`applicant:${who.kind}:${who.number}`}))`.execute(trx);
      let applicant =
        who.kind === 'individual'
          ? await trx.selectFrom('applicant').select(['id', 'identity_verified_at', 'email', 'phone']).where('iin', '=', who.number).where('erased_at', 'is', null).executeTakeFirst()
          : await trx.selectFrom('applicant').select(['id', 'identity_verified_at', 'email', 'phone']).where('kind', '=', 'legal_entity').where('bin', '=', who.number).where('erased_at', 'is', null).orderBy('created_at').executeTakeFirst();
      if (applicant && !applicant.identity_verified_at) {
        // the number was only typed into a profile: whoever typed it proved nothing. The certificate holder takes
        // the cabinet over; the unproven e-mail and phone are detached and their sessions end, so a person who
        // claimed someone else's IIN cannot read what its owner does here.
        const detached = applicant.email !== null || applicant.phone !== null;
        await trx.updateTable('applicant').set({ identity_verified_at: now, email: null, phone: null, updated_at: now }).where('id', '=', applicant.id).execute();
        await q.revokeSessionsOf(trx, 'applicant', applicant.id, now);
        await audit(trx, { actor: `applicant:${applicant.id}`, action: 'applicants.identity_verified', subjectType: 'applicant', subjectId: applicant.id, details: { method: 'certificate', kind: who.kind, contactsDetached: detached } });
      }
      if (!applicant) {
        applicant = await trx
          .insertInto('applicant')
          .values(who.kind === 'individual' ? { kind: 'individual', iin: who.number, name: who.name, identity_verified_at: now } : { kind: 'legal_entity', bin: who.number, name: who.name, identity_verified_at: now })
          .returning(['id', 'identity_verified_at', 'email', 'phone'])
          .executeTakeFirstOrThrow();
        await audit(trx, { actor: `applicant:${applicant.id}`, action: 'applicants.cabinet_opened', subjectType: 'applicant', subjectId: applicant.id, details: { channel: 'certificate', kind: who.kind } });
      }
      return this.startSession(trx, 'applicant', applicant.id, 'certificate');
    });
  }

  async applicant(id: string) {
    const row = await this.db.selectFrom('applicant').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async updateApplicant(principal: Principal, input: { kind: 'individual' | 'legal_entity'; iin?: string | undefined; bin?: string | undefined; name: string }) {
    if (input.kind === 'individual' && !input.iin) throw new Problem(400, 'validation', {}, [{ field: 'body.iin', code: 'required' }]);
    if (input.kind === 'legal_entity' && !input.bin) throw new Problem(400, 'validation', {}, [{ field: 'body.bin', code: 'required' }]);
    const iin = input.iin ?? null;
    const current = await this.applicant(principal.id);
    // a number proven by a certificate sign-in is fixed: the profile cannot change it (nor the kind of person)
    if (current.identity_verified_at && (current.kind !== input.kind || current.iin !== iin || (input.kind === 'legal_entity' && current.bin !== (input.bin ?? null)))) {
      throw new Problem(409, 'identity_verified', {}, [{ field: input.kind === 'legal_entity' ? 'body.bin' : 'body.iin', code: 'verified_by_certificate' }]);
    }
    if (iin) {
      const other = await this.db.selectFrom('applicant').select('id').where('iin', '=', iin).where('id', '<>', principal.id).executeTakeFirst();
      if (other) throw new Problem(409, 'duplicate', {}, [{ field: 'body.iin', code: 'duplicate_value' }]);
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('applicant')
        .set({ kind: input.kind, iin, bin: input.kind === 'legal_entity' ? input.bin! : null, name: input.name, updated_at: this.now() })
        .where('id', '=', principal.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(principal), action: 'applicants.profile_changed', subjectType: 'applicant', subjectId: principal.id, details: { kind: input.kind } });
      return row;
    });
  }

  /**
   * Erases a cabinet at its owner's request (docs/security.md): the profile is anonymised — name, IIN/BIN, e-mail
   * and phone removed — and every session ends. The row stays (the appeals filed from it are the body's records);
   * the same e-mail or phone later opens a new, empty cabinet. The caller decides whether the law allows it now.
   */
  async eraseApplicant(principal: Principal): Promise<void> {
    if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'applicant.profile' });
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('applicant').set({ kind: null, iin: null, bin: null, name: null, email: null, phone: null, erased_at: now, updated_at: now }).where('id', '=', principal.id).execute();
      await q.revokeSessionsOf(trx, 'applicant', principal.id, now);
      await audit(trx, { actor: actorId(principal), action: 'applicants.cabinet_erased', subjectType: 'applicant', subjectId: principal.id });
    });
  }

  // ---------- officials: OpenID Connect ----------

  get oidcEnabled(): boolean {
    return this.options.oidc !== undefined;
  }

  async oidcStart(returnTo: string): Promise<string> {
    const oidc = this.options.oidc;
    if (!oidc) throw new Problem(404, 'oidc_not_configured');
    const start = await oidc.start();
    await this.db.deleteFrom('oidc_flow').where('expires_at', '<', this.now()).execute();
    await this.db
      .insertInto('oidc_flow')
      .values({ state_hash: sha256(start.state), code_verifier: start.codeVerifier, nonce: start.nonce, return_to: returnTo, expires_at: new Date(this.now().getTime() + minutes(limits.OIDC_FLOW_MINUTES)) })
      .execute();
    return start.url;
  }

  /** Completes the provider's redirect: one use per state; links the provider's subject to an official by IIN on first sign-in. */
  async oidcCallback(query: Record<string, string>): Promise<SignedIn & { returnTo: string }> {
    const oidc = this.options.oidc;
    if (!oidc) throw new Problem(404, 'oidc_not_configured');
    const state = query.state ?? '';
    const flow = await this.db.deleteFrom('oidc_flow').where('state_hash', '=', sha256(state)).returningAll().executeTakeFirst();
    if (!flow || new Date(flow.expires_at) <= this.now()) {
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'oidc', subjectId: 'callback', details: { method: 'oidc', reason: flow ? 'flow_expired' : 'unknown_state' } });
      throw new Problem(401, 'oidc_failed');
    }
    let who;
    try {
      who = await oidc.finish(query, { state, codeVerifier: flow.code_verifier, nonce: flow.nonce });
    } catch (error) {
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'oidc', subjectId: 'callback', details: { method: 'oidc', reason: 'provider_checks' } });
      throw error;
    }
    const linked = await this.db.selectFrom('official_identity').select('official_id').where('issuer', '=', who.issuer).where('subject', '=', who.subject).executeTakeFirst();
    let officialId = linked?.official_id;
    if (!officialId && who.iin) {
      const byIin = await this.db.selectFrom('official').select('id').where('iin', '=', who.iin).where('active', '=', true).executeTakeFirst();
      if (byIin) {
        officialId = byIin.id;
        await this.db.insertInto('official_identity').values({ issuer: who.issuer, subject: who.subject, official_id: officialId }).execute();
        await audit(this.db, { actor: `official:${officialId}`, action: 'auth.identity_linked', subjectType: 'official', subjectId: officialId, details: { issuer: who.issuer } });
      }
    }
    if (!officialId) {
      await audit(this.db, { actor: 'anonymous', action: 'auth.login_failed', subjectType: 'oidc', subjectId: sha256(`${who.issuer}|${who.subject}`).slice(0, 16), details: { method: 'oidc', reason: 'no_account' } });
      throw new Problem(403, 'no_account');
    }
    const signedIn = await this.startSession(this.db, 'official', officialId, 'oidc');
    return { ...signedIn, returnTo: flow.return_to };
  }

  // ---------- API tokens ----------

  async createToken(actor: Principal, input: { officialId: string; name: string; scopes: Action[]; expiresAt?: string | undefined }) {
    await this.organisation.official(input.officialId, 'body.officialId');
    const token = newToken('api');
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('api_token')
        .values({ official_id: input.officialId, name: input.name, token_hash: sha256(token), scopes: input.scopes, created_by: actorId(actor), expires_at: input.expiresAt ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(actor), action: 'permissions.token_issued', subjectType: 'api_token', subjectId: row.id, details: { official: input.officialId, scopes: input.scopes } });
      return { token, row };
    });
  }

  tokens() {
    return this.db.selectFrom('api_token').selectAll().orderBy('created_at', 'desc').execute();
  }

  async revokeToken(actor: Principal, id: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new Problem(404, 'not_found');
      if (row.revoked_at) return row;
      const revoked = await trx.updateTable('api_token').set({ revoked_at: this.now(), revoked_by: actorId(actor) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(actor), action: 'permissions.token_revoked', subjectType: 'api_token', subjectId: id });
      return revoked;
    });
  }

  // ---------- role grants ----------

  roleGrants(officialId: string) {
    return this.db.selectFrom('role_grant').selectAll().where('official_id', '=', officialId).orderBy('granted_at').execute();
  }

  async grantRole(actor: Principal, input: { officialId: string; role: Role; bodyId: string | null; subdivisionId?: string | undefined; validFrom: string; validTo?: string | undefined }, db: q.Db = this.db) {
    const row = await db
      .insertInto('role_grant')
      .values({ official_id: input.officialId, role: input.role, body_id: input.bodyId, subdivision_id: input.subdivisionId ?? null, valid_from: input.validFrom, valid_to: input.validTo ?? null, granted_by: actorId(actor) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(db, { actor: actorId(actor), action: 'permissions.role_granted', subjectType: 'official', subjectId: input.officialId, details: { grant: row.id, role: input.role, body: input.bodyId, subdivision: input.subdivisionId ?? null, validFrom: input.validFrom, validTo: input.validTo ?? null } });
    return row;
  }

  async roleGrant(id: string) {
    const row = await this.db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async revokeRole(actor: Principal, id: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new Problem(404, 'not_found');
      if (row.revoked_at) return row;
      const revoked = await trx.updateTable('role_grant').set({ revoked_at: this.now(), revoked_by: actorId(actor) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: actorId(actor), action: 'permissions.role_revoked', subjectType: 'official', subjectId: row.official_id, details: { grant: id, role: row.role } });
      return revoked;
    });
  }

  /** Records that a person saw someone's personal data unmasked (who, whose, which fields). */
  async personalDataViewed(principal: Principal, subjectType: string, subjectIds: readonly string[], fields: readonly string[]) {
    if (!subjectIds.length) return;
    await audit(this.db, { actor: actorId(principal), action: 'personal_data.viewed', subjectType, subjectId: subjectIds.length === 1 ? subjectIds[0]! : `${subjectIds.length} records`, details: { ids: subjectIds, fields } });
  }
}

/** What access decisions and signatures read of an official, kept per organisation revision. */
export interface OfficialSnapshot {
  id: string;
  bodyId: string;
  name: string;
  iin: string | null;
  titles: Localized[];
  grants: Grant[];
}

/**
 * The one door: every route asks `require(request, action, target)`. No principal → 401; a principal without a
 * grant whose scope reaches the target → 403 naming the missing permission.
 */
export class Access {
  private readonly resolved = new WeakMap<FastifyRequest, Promise<Principal | undefined>>();
  private readonly settled = new WeakMap<FastifyRequest, Principal | undefined>();

  constructor(
    readonly identity: IdentityService,
    readonly organisation: OrganisationService,
  ) {}

  /** The credential a request carries: a bearer token, else the session cookie. */
  static credential(request: FastifyRequest): { token: string } | undefined {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      return { token: m?.[1] ?? '' };
    }
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    return cookie === undefined ? undefined : { token: cookie };
  }

  principal(request: FastifyRequest): Promise<Principal | undefined> {
    let found = this.resolved.get(request);
    if (!found) {
      const credential = Access.credential(request);
      found = credential ? this.identity.authenticate(credential.token) : Promise.resolve(undefined);
      found.then((p) => this.settled.set(request, p), () => undefined);
      this.resolved.set(request, found);
    }
    return found;
  }

  /** Who an official registers or signs as: call after `require` (the same organisation revision). */
  signatory(principal: Principal): Promise<OfficialSnapshot> {
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden');
    return this.identity.signatory(principal.id);
  }

  /** Who acted, for audit trails: call after `require`. */
  actorOf(request: FastifyRequest): string {
    return actorId(this.settled.get(request));
  }

  async authenticated(request: FastifyRequest): Promise<Principal> {
    const principal = await this.principal(request);
    if (!principal) throw new Problem(401, Access.credential(request) ? 'session_invalid' : 'unauthenticated');
    return principal;
  }

  /** The applicant filing from their own cabinet (an appeal, a complaint, a service complaint or rating); officials register instead. */
  async filingApplicant(request: FastifyRequest): Promise<Principal> {
    const principal = await this.authenticated(request);
    if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'appeal.file' });
    await this.require(request, 'appeal.file', { ownerIds: [principal.id] });
    return principal;
  }

  async place(target: Target): Promise<PlacedTarget> {
    return {
      bodyPath: target.bodyId ? await this.identity.bodyPath(target.bodyId) : [],
      subdivisionPath: target.subdivisionId ? await this.organisation.subdivisionPath(target.subdivisionId) : [],
      ownerIds: target.ownerIds ?? [],
    };
  }

  async allowingGrants(principal: Principal, action: Action, target: Target = {}): Promise<Grant[]> {
    return allowingGrants(principal, action, await this.place(target));
  }

  async allows(principal: Principal, action: Action, target: Target = {}): Promise<boolean> {
    return (await this.allowingGrants(principal, action, target)).length > 0;
  }

  async require(request: FastifyRequest, action: Action, target: Target = {}): Promise<Principal> {
    const principal = await this.authenticated(request);
    if (!(await this.allows(principal, action, target))) throw forbidden(action);
    return principal;
  }

  /** For list endpoints: the bodies in which the principal may do the action ('all', or ids; empty: none). */
  async bodiesFor(principal: Principal, action: Action): Promise<'all' | string[]> {
    if (widestScope(principal, action) === undefined) return [];
    const ids = new Set<string>();
    for (const g of principal.grants) {
      const scope = POLICY[g.role][action];
      if (!scope) continue;
      if (scope === 'all') return 'all';
      if (scope === 'subordinate' && g.subtreeRoot) for (const id of await this.organisation.bodySubtree(g.subtreeRoot)) ids.add(id);
      else if (g.bodyId) ids.add(g.bodyId);
    }
    return [...ids];
  }

  /** May `actor` hand out `role` anchored at `bodyId`? Needs `roles.assign` there, through a role allowed to grant it. */
  async requireGrantable(request: FastifyRequest, role: Role, bodyId: string | null): Promise<Principal> {
    const principal = await this.authenticated(request);
    const through = await this.allowingGrants(principal, 'roles.assign', bodyId ? { bodyId } : {});
    if (!through.length) throw forbidden('roles.assign');
    // a role that reaches everywhere is handed out only through a role that itself reaches everywhere
    const global = GLOBAL_ROLES.includes(role);
    if (!through.some((g) => GRANTABLE[g.role]?.includes(role) && (!global || GLOBAL_ROLES.includes(g.role)))) throw new Problem(403, 'role_not_grantable', { role });
    return principal;
  }
}

/**
 * Whose cabinet a signing certificate opens: an organisation's certificate (BIN in organizationIdentifier / OU,
 * as the NCA issues them to a legal entity's employees) opens the organisation's; a person's (IIN in
 * serialNumber) the person's. An identifier with a wrong check digit identifies nobody.
 */
export function certificateIdentity(signer: SignerInfo): { kind: 'individual' | 'legal_entity'; number: string; name: string | null } | undefined {
  if (signer.bin && isValidBin(signer.bin)) return { kind: 'legal_entity', number: signer.bin, name: /(?:^|, )O=([^,]+)/.exec(signer.subject)?.[1] ?? signer.commonName };
  if (signer.iin && isValidIin(signer.iin)) return { kind: 'individual', number: signer.iin, name: signer.commonName };
  return undefined;
}

export function forbidden(action: Action): Problem {
  return new Problem(403, 'forbidden', { permission: action });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    // a malformed percent-encoding is a wrong credential (401), never a server error
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return v.join('=');
    }
  }
  return undefined;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over https. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | undefined) {
  const parts = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${token ? limits.SESSION_MAX_HOURS * 3600 : 0}`];
  if (request.protocol === 'https') parts.push('Secure');
  reply.header('set-cookie', parts.join('; '));
}
