import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OAuth2Server } from 'oauth2-mock-server';
import type { InjectOptions } from 'fastify';
import type { Tynda } from '../../src/app.ts';
import { demoApplicants, readDemoFile } from '../../src/modules/identity/demo.ts';
import { LOCKOUT_THRESHOLD, OTP_MAX_ATTEMPTS, OTP_MAX_PER_HOUR } from '../../src/modules/identity/limits.ts';
import type { RecordingOtpSender } from '../../src/modules/identity/service.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/peers.ts';
import { makeTestPki, type TestPki } from '../support/pki.ts';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type TestApp = Tynda & { otp: RecordingOtpSender };

const passwordOf = async (app: Tynda, login: string) =>
  (await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow()).password;
const officialIdOf = async (app: Tynda, login: string) =>
  (await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', login).executeTakeFirstOrThrow()).official_id;
const auditActions = async (app: Tynda, subjectId: string) =>
  (await app.database.db.selectFrom('audit_event').select('action').where('subject_id', '=', subjectId).orderBy('id').execute()).map((r) => r.action);
const bodyIdOf = async (app: Tynda, code: string) => (await app.organisation.bodyByCode(code))!.id;

for (const { engine, skip } of ENGINES) {
  describe(`identity and access API [${engine}]`, { skip }, () => {
    let app: TestApp;
    const inject = (options: InjectOptions) => app.server.inject(options);
    before(async () => {
      app = await testApp(engine);
    });
    after(async () => {
      await app?.close();
    });

    test('password sign-in: the session works as the HttpOnly SameSite=Lax cookie and as a bearer token; logout ends it', async () => {
      const login = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'bzh.registrar', password: await passwordOf(app, 'bzh.registrar') } });
      assert.equal(login.statusCode, 200, login.body);
      const { token, me } = login.json();
      assert.equal(me.kind, 'official');
      assert.deepEqual(me.roles.map((r: { role: string }) => r.role), ['registrar']);
      const cookie = String(login.headers['set-cookie']);
      assert.match(cookie, /^tynda_session=tys_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/, 'no Secure flag over plain http');
      const byCookie = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0]! } });
      assert.equal(byCookie.statusCode, 200);
      const byBearer = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(byBearer.json().id, me.id);
      const stored = await app.database.db.selectFrom('session').select('token_hash').where('principal_id', '=', me.id).execute();
      assert.ok(stored.length > 0 && stored.every((s) => s.token_hash !== token && /^[0-9a-f]{64}$/.test(s.token_hash)), 'only the SHA-256 is kept');

      const behindProxy = await inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { login: 'bzh.registrar', password: await passwordOf(app, 'bzh.registrar') } });
      assert.match(String(behindProxy.headers['set-cookie']), /; Secure$/, 'Secure behind https');

      const out = await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers['set-cookie']), /tynda_session=; .*Max-Age=0/);
      const afterLogout = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(afterLogout.statusCode, 401);
      assert.equal(afterLogout.json().code, 'session_invalid');
      assert.ok((await auditActions(app, me.id)).includes('auth.logout'));
    });

    test('no credentials is 401 unauthenticated; a forged, malformed or expired token is 401 session_invalid; problems in kk, ru, en', async () => {
      const none = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'ru' } });
      assert.equal(none.statusCode, 401);
      assert.match(String(none.headers['content-type']), /^application\/problem\+json/);
      assert.equal(none.json().code, 'unauthenticated');
      assert.equal(none.json().title, 'Для этого нужно войти в систему');
      for (const authorization of [`Bearer tys_${'A'.repeat(43)}`, `Bearer tyt_${'B'.repeat(43)}`, 'Bearer nonsense', 'Basic YWRtaW46YWRtaW4=']) {
        const res = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization } });
        assert.equal(res.statusCode, 401, authorization);
        assert.equal(res.json().code, 'session_invalid');
      }
      const headers = await signIn(app, 'executor');
      const id = await officialIdOf(app, 'bzh.executor');
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode, 200);
      // idle for longer than SESSION_IDLE_MINUTES
      await app.database.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 2 * 3_600_000) }).where('principal_id', '=', id).execute();
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode, 401);
      const fresh = await signIn(app, 'executor');
      // past the absolute end even though it was just used
      await app.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('principal_id', '=', id).execute();
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: fresh })).statusCode, 401);
    });

    test(`lockout: ${LOCKOUT_THRESHOLD} wrong passwords lock the account, then even the right one is refused (423); failures and the lock are audited`, async () => {
      const password = await passwordOf(app, 'krg.kb');
      const id = await officialIdOf(app, 'krg.kb');
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
        const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.kb', password: 'wrong password' } });
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().code, 'invalid_credentials');
      }
      const locked = await inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { login: 'krg.kb', password } });
      assert.equal(locked.statusCode, 423);
      assert.equal(locked.json().code, 'account_locked');
      assert.match(locked.json().detail, /Try again in 1[45] min/);
      const actions = await auditActions(app, id);
      assert.equal(actions.filter((a) => a === 'auth.login_failed').length, LOCKOUT_THRESHOLD + 1);
      assert.ok(actions.includes('auth.account_locked'));
      assert.ok(!actions.includes('auth.login'), 'no session was opened');

      await app.database.db.updateTable('official_account').set({ locked_until: new Date(Date.now() - 1000) }).where('official_id', '=', id).execute();
      const again = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.kb', password } });
      assert.equal(again.statusCode, 200, 'the lock ends by itself');
      const acc = await app.database.db.selectFrom('official_account').select(['failed_logins']).where('official_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(acc.failed_logins, 0, 'a success clears the count');
    });

    test('an unknown login is refused like a wrong password, and the audit trail keeps only a hash of it', async () => {
      const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nobody.here', password: 'whatever-long' } });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'invalid_credentials');
      const row = await app.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'auth.login_failed').where('subject_type', '=', 'login').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes('nobody.here'));
    });

    test('password change: a wrong current password changes nothing; the right one ends other sessions and the demo password is forgotten', async () => {
      const old = await passwordOf(app, 'krg.legal');
      const mine = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.legal', password: old } });
      const other = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.legal', password: old } });
      const headers = { authorization: `Bearer ${mine.json().token}` };
      const wrong = await inject({ method: 'PUT', url: '/api/v1/auth/password', headers: { ...headers, 'accept-language': 'kk' }, payload: { currentPassword: 'not-it-at-all', newPassword: 'a brand new passphrase' } });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(wrong.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['body.currentPassword', 'wrong_password']]);
      assert.equal(wrong.json().errors[0].message, 'Ағымдағы құпиясөз қате');
      const short = await inject({ method: 'PUT', url: '/api/v1/auth/password', headers, payload: { currentPassword: old, newPassword: 'short' } });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().errors[0].field, 'body.newPassword');
      assert.equal(await passwordOf(app, 'krg.legal'), old, 'nothing changed');

      const ok = await inject({ method: 'PUT', url: '/api/v1/auth/password', headers, payload: { currentPassword: old, newPassword: 'a brand new passphrase' } });
      assert.equal(ok.statusCode, 204, ok.body);
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode, 200, 'this session goes on');
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${other.json().token}` } })).statusCode, 401, 'the other ended');
      assert.equal(await app.database.db.selectFrom('demo_account').select('login').where('login', '=', 'krg.legal').executeTakeFirst(), undefined);
      assert.equal((await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.legal', password: old } })).statusCode, 401);
      assert.equal((await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krg.legal', password: 'a brand new passphrase' } })).statusCode, 200);
      assert.ok((await auditActions(app, await officialIdOf(app, 'krg.legal'))).includes('auth.password_changed'));
    });

    test('the calendar is changed by the system administrator only: 401 anonymous, 403 naming calendar.manage for others, the actor recorded', async () => {
      const year = (await inject({ method: 'GET', url: '/api/v1/calendar/2025' })).json();
      const body = { complete: year.complete, holidays: year.holidays, transfers: year.transfers };
      const anonymous = await inject({ method: 'PUT', url: '/api/v1/calendar/2025', payload: body });
      assert.equal(anonymous.statusCode, 401);
      for (const [lang, text] of [['kk', 'Өндірістік күнтізбені өзгерту'], ['ru', 'Изменение производственного календаря'], ['en', 'Change the production calendar']] as const) {
        const res = await inject({ method: 'PUT', url: '/api/v1/calendar/2025', headers: { ...(await signIn(app, 'body_head')), 'accept-language': lang }, payload: body });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().code, 'forbidden');
        assert.ok(res.json().detail.includes('calendar.manage') && res.json().detail.includes(text), res.json().detail);
      }
      const recompute = await inject({ method: 'POST', url: '/api/v1/deadlines/recompute', headers: await signIn(app, 'registrar'), payload: {} });
      assert.equal(recompute.statusCode, 403);
      const admin = await signIn(app, 'sysadmin');
      const put = await inject({ method: 'PUT', url: '/api/v1/calendar/2025', headers: admin, payload: body });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().updatedBy, `official:${await officialIdOf(app, 'admin')}`);
      assert.equal((await inject({ method: 'POST', url: '/api/v1/deadlines/recompute', headers: admin, payload: { dryRun: true } })).statusCode, 200);
    });

    test('applicant sign-in by a one-time code: the first right code opens a cabinet; codes are single-use, hashed and die after wrong tries', async () => {
      const address = 'new.person@example.com';
      const req = await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: ' New.Person@Example.com ' } });
      assert.equal(req.statusCode, 202, req.body);
      const code = app.otp.lastCode(address)!;
      assert.match(code, /^\d{6}$/);
      assert.match(app.otp.sent.at(-1)!.text, new RegExp(`Tynda жүйесіне кіру коды: ${code}`), 'the message is in the language of the request (kk by default)');
      const stored = await app.database.db.selectFrom('otp_challenge').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes(code) && !JSON.stringify(stored).includes(address), 'neither code nor address is stored');

      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code: wrongCode } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().code, 'otp_invalid');
      const ok = await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().me.kind, 'applicant');
      const reuse = await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code } });
      assert.equal(reuse.statusCode, 401, 'single use');
      const profile = await inject({ method: 'GET', url: '/api/v1/applicants/me', headers: { authorization: `Bearer ${ok.json().token}` } });
      assert.deepEqual({ email: profile.json().email, complete: profile.json().complete }, { email: address, complete: false });

      // a code dies after OTP_MAX_ATTEMPTS wrong tries, even the right one after that
      const phone = '+77019998877';
      await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'phone', address: '8 (701) 999-88-77' } });
      const phoneCode = app.otp.lastCode(phone)!;
      const bad = phoneCode === '999999' ? '888888' : '999999';
      for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'phone', address: phone, code: bad } });
      assert.equal((await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'phone', address: phone, code: phoneCode } })).statusCode, 401);

      // an expired code is refused
      await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'phone', address: phone } });
      await app.database.db.updateTable('otp_challenge').set({ expires_at: new Date(Date.now() - 1000) }).where('consumed_at', 'is', null).execute();
      assert.equal((await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'phone', address: phone, code: app.otp.lastCode(phone)! } })).statusCode, 401);
      assert.equal(await app.database.db.selectFrom('applicant').select('id').where('phone', '=', phone).executeTakeFirst(), undefined, 'no cabinet was opened');
    });

    test(`one-time codes: at most ${OTP_MAX_PER_HOUR} an hour per address (429); a bad address is a per-field 400`, async () => {
      const address = 'busy@example.com';
      for (let i = 0; i < OTP_MAX_PER_HOUR; i++) assert.equal((await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } })).statusCode, 202);
      const sent = app.otp.sent.length;
      const refused = await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } });
      assert.equal(refused.statusCode, 429);
      assert.equal(app.otp.sent.length, sent, 'nothing sent');
      const bad = await inject({ method: 'POST', url: '/api/v1/auth/otp/request', headers: { 'accept-language': 'ru' }, payload: { channel: 'phone', address: '+1 202 555 0100' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().errors.map((e: { field: string; code: string; message: string }) => [e.field, e.code, e.message]), [['body.address', 'invalid_phone', 'Нужен казахстанский номер телефона: +7 и 10 цифр']]);
    });

    test('applicant profile: an IIN with a wrong check digit is refused per field in kk/ru/en and nothing changes; officials have no applicant profile', async () => {
      const headers = await signIn(app, 'applicant');
      const before = (await inject({ method: 'GET', url: '/api/v1/applicants/me', headers })).json();
      for (const [lang, message] of [['kk', /ЖСН қате/], ['ru', /Неверный ИИН/], ['en', /Not a valid IIN/]] as const) {
        const res = await inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: { ...headers, 'accept-language': lang }, payload: { kind: 'individual', name: 'Серікова Айгерім', iin: '950412400004' } });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().errors[0].field, 'body.iin');
        assert.match(res.json().errors[0].message, message);
      }
      assert.deepEqual((await inject({ method: 'GET', url: '/api/v1/applicants/me', headers })).json(), before);
      // the demo applicant's IIN stands as proven (seeded as if by certificate): the profile cannot turn it into another person
      const proven = await inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: { ...headers, 'accept-language': 'ru' }, payload: { kind: 'legal_entity', name: 'ЖШС «Демо»', bin: '010440010002' } });
      assert.equal(proven.statusCode, 409, proven.body);
      assert.equal(proven.json().title, 'ИИН или БИН этого кабинета подтверждён сертификатом и не может быть изменён');
      assert.deepEqual((await inject({ method: 'GET', url: '/api/v1/applicants/me', headers })).json(), before);
      // a cabinet opened by a one-time code states what it is
      await inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: 'new.entity@example.kz' } });
      const fresh = await inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address: 'new.entity@example.kz', code: app.otp.lastCode('new.entity@example.kz') } });
      const entity = await inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: { authorization: `Bearer ${fresh.json().token}` }, payload: { kind: 'legal_entity', name: 'ЖШС «Демо»', bin: '010440010002' } });
      assert.equal(entity.statusCode, 200, entity.body);
      assert.deepEqual([entity.json().kind, entity.json().bin, entity.json().iin], ['legal_entity', '010440010002', null]);
      const official = await inject({ method: 'GET', url: '/api/v1/applicants/me', headers: await signIn(app, 'registrar') });
      assert.equal(official.statusCode, 403);
      assert.match(official.json().detail, /applicant\.profile/);
    });

    test("officials' personal data: unmasked for the body head of their body (audited), masked for a registrar; outside one's scope: 403", async () => {
      const bzh = await bodyIdOf(app, 'KRG-BZH');
      const head = await inject({ method: 'GET', url: `/api/v1/officials?bodyId=${bzh}`, headers: await signIn(app, 'body_head') });
      assert.equal(head.statusCode, 200);
      const executor = head.json().officials.find((o: { fullName: string }) => o.fullName === 'Иванова Елена Сергеевна');
      assert.equal(executor.personalDataMasked, false);
      assert.match(executor.iin, /^\d{12}$/);
      const viewed = await app.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'personal_data.viewed').orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.ok((viewed.details as { ids: string[] }).ids.includes(executor.id));
      assert.equal(viewed.actor, `official:${await officialIdOf(app, 'bzh.akim')}`);

      const registrar = await inject({ method: 'GET', url: `/api/v1/officials/${executor.id}`, headers: await signIn(app, 'registrar') });
      assert.equal(registrar.statusCode, 200);
      assert.deepEqual([registrar.json().personalDataMasked, registrar.json().iin.slice(0, 8), registrar.json().email, registrar.json().phone], [true, '********', 'e***@bzh.demo.invalid', '+7701*****23']);

      const elsewhere = await inject({ method: 'GET', url: `/api/v1/officials?bodyId=${await bodyIdOf(app, 'MJ')}`, headers: await signIn(app, 'body_head') });
      assert.equal(elsewhere.statusCode, 403);
      const monitoring = await inject({ method: 'GET', url: `/api/v1/officials?bodyId=${bzh}`, headers: await signIn(app, 'monitoring') });
      assert.equal(monitoring.statusCode, 200, 'the monitoring department sees subordinate bodies (Regulation p.5(9))');
      assert.ok(monitoring.json().officials.every((o: { personalDataMasked: boolean }) => o.personalDataMasked));
      assert.equal((await inject({ method: 'GET', url: '/api/v1/officials', headers: await signIn(app, 'applicant') })).statusCode, 403);
    });

    test('role grants: a body head grants in the own body; another body, a role above the grantor, or the applicant role change nothing', async () => {
      const headers = await signIn(app, 'body_head');
      const target = await officialIdOf(app, 'bzh.executor');
      const before = await app.database.db.selectFrom('role_grant').select('id').execute();
      const other = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'registrar', bodyId: await bodyIdOf(app, 'KRG-ABA') } });
      assert.equal(other.statusCode, 403);
      assert.match(other.json().detail, /roles\.assign/);
      const above = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'body_head' } });
      assert.equal(above.statusCode, 403);
      assert.equal(above.json().code, 'role_not_grantable');
      const global = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'sysadmin' } });
      assert.equal(global.statusCode, 403, 'a role that reaches everywhere needs roles.assign everywhere');
      const applicant = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'applicant' } });
      assert.equal(applicant.statusCode, 400);
      const badBody = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'registrar', bodyId: '00000000-0000-4000-8000-000000000000' } });
      assert.equal(badBody.statusCode, 400);
      assert.deepEqual((await app.database.db.selectFrom('role_grant').select('id').execute()).length, before.length, 'nothing written');

      const granted = await inject({ method: 'POST', url: `/api/v1/officials/${target}/roles`, headers, payload: { role: 'registrar' } });
      assert.equal(granted.statusCode, 201, granted.body);
      const roles = (await inject({ method: 'GET', url: `/api/v1/officials/${target}/roles`, headers })).json();
      assert.deepEqual(roles.current.map((r: { role: string }) => r.role).sort(), ['executor', 'registrar']);
      const revoked = await inject({ method: 'DELETE', url: `/api/v1/roles/${granted.json().id}`, headers });
      assert.equal(revoked.statusCode, 200);
      assert.equal(revoked.json().revoked, true);
      const actions = await auditActions(app, target);
      assert.ok(actions.includes('permissions.role_granted') && actions.includes('permissions.role_revoked'));
      const forbiddenRevoke = await inject({ method: 'DELETE', url: `/api/v1/roles/${granted.json().id}`, headers: await signIn(app, 'registrar') });
      assert.equal(forbiddenRevoke.statusCode, 403);
    });

    test('Standard Regulation p.19: an acting appointment gives the head role for its dates and expires by itself', async () => {
      const deputy = await officialIdOf(app, 'aba.deputy');
      const today = await app.identity.grants(deputy);
      const acting = today.find((g) => g.role === 'body_head')!;
      assert.ok(acting && acting.acting && acting.until, 'acting head today');
      const dayAfter = new Date(Date.parse(`${acting.until}T12:00:00+05:00`) + 86_400_000).toISOString().slice(0, 10);
      const later = await app.identity.grants(deputy, dayAfter);
      assert.deepEqual(later.map((g) => g.role), ['deputy_head']);
      const data = await readDemoFile();
      assert.ok(data.officials.find((o) => o.login === 'aba.deputy')!.acting);
      const appointment = await inject({
        method: 'POST',
        url: `/api/v1/officials/${deputy}/appointments`,
        headers: await signIn(app, 'sysadmin'),
        payload: { positionId: (await app.organisation.positions(await bodyIdOf(app, 'KRG-ABA')))[0]!.id, acting: true, validFrom: '2026-01-05' },
      });
      assert.equal(appointment.statusCode, 400, 'an acting appointment without an end date is refused');
      assert.equal(appointment.json().errors[0].field, 'body.validTo');
    });

    test('API tokens: scoped, shown once, stored as a hash, refused outside their scope and once revoked', async () => {
      const admin = await signIn(app, 'sysadmin');
      assert.equal((await inject({ method: 'POST', url: '/api/v1/tokens', headers: await signIn(app, 'body_head'), payload: { name: 'x', scopes: ['officials.read'] } })).statusCode, 403);
      const created = await inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload: { name: 'eOtinish bridge', scopes: ['officials.read'] } });
      assert.equal(created.statusCode, 201, created.body);
      const { token, id } = created.json();
      assert.match(token, /^tyt_/);
      const row = await app.database.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, token);
      const bearer = { authorization: `Bearer ${token}` };
      assert.equal((await inject({ method: 'GET', url: '/api/v1/officials', headers: bearer })).statusCode, 200);
      const outside = await inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer });
      assert.equal(outside.statusCode, 403, 'the admin may list tokens; this token may not');
      assert.match(outside.json().detail, /tokens\.manage/);
      const listed = (await inject({ method: 'GET', url: '/api/v1/tokens', headers: admin })).json().tokens;
      assert.ok(listed.some((t: { id: string }) => t.id === id) && !JSON.stringify(listed).includes(token));
      assert.equal((await inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: admin })).statusCode, 200);
      assert.equal((await inject({ method: 'GET', url: '/api/v1/officials', headers: bearer })).statusCode, 401);
      assert.ok((await auditActions(app, id)).includes('permissions.token_revoked'));
    });

    test('the audit trail: read by the auditor, not by a registrar; sign-ins and failures are in it', async () => {
      assert.equal((await inject({ method: 'GET', url: '/api/v1/audit-events', headers: await signIn(app, 'registrar') })).statusCode, 403);
      const auditor = await signIn(app, 'auditor');
      for (const action of ['auth.login', 'auth.login_failed', 'permissions.role_granted', 'personal_data.viewed']) {
        const res = await inject({ method: 'GET', url: `/api/v1/audit-events?action=${action}&limit=5`, headers: auditor });
        assert.equal(res.statusCode, 200);
        assert.ok(res.json().events.length > 0 && res.json().events.every((e: { action: string }) => e.action === action), action);
      }
    });

    test('certificate sign-in without a trust store is not configured (501); OIDC routes are 404 problems without OIDC configuration', async () => {
      const cert = await inject({ method: 'GET', url: '/api/v1/auth/certificate/challenge' });
      assert.equal(cert.statusCode, 501);
      assert.equal(cert.json().code, 'not_configured');
      const oidc = await inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
      assert.equal(oidc.statusCode, 404);
      assert.equal(oidc.json().code, 'oidc_not_configured');
      assert.equal((await inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=x&state=y' })).statusCode, 404);
    });

    test('the demo applicants exist with valid IIN/BIN; the policy is published at /api/v1/access/policy', async () => {
      const applicants = await demoApplicants();
      assert.equal(applicants.length, 2);
      const policy = (await inject({ method: 'GET', url: '/api/v1/access/policy', headers: { 'accept-language': 'ru' } })).json();
      assert.equal(policy.roles.find((r: { id: string }) => r.id === 'sysadmin').name, 'Системный администратор');
      assert.equal(policy.roles.find((r: { id: string }) => r.id === 'sysadmin').allows['calendar.manage'], 'all');
    });
  });

  describe(`OpenID Connect sign-in against a local provider [${engine}]`, { skip }, () => {
    let app: TestApp;
    const provider = new OAuth2Server();
    /** whom the provider signs in next: the eGov IDP's subject and IIN claim */
    let person: string | undefined;
    before(async () => {
      provider.service.on('beforeTokenSigning', (token) => {
        token.payload.sub = `egov-${person ?? 'stranger'}`;
        if (person) token.payload.iin = person;
      });
      await provider.issuer.keys.generate('RS256');
      await provider.start(0, '127.0.0.1');
      app = await testApp(engine, { OIDC_ISSUER: provider.issuer.url!, OIDC_CLIENT_ID: 'tynda', OIDC_CLIENT_SECRET: 'test-secret', OIDC_REDIRECT_URI: 'http://localhost:3000/api/v1/auth/oidc/callback' });
    });
    after(async () => {
      await app?.close();
      await provider.stop();
    });

    async function throughProvider(iin: string | undefined) {
      const start = await app.server.inject({ method: 'GET', url: '/api/v1/auth/oidc/login?returnTo=/workspace' });
      assert.equal(start.statusCode, 302, start.body);
      const authorize = new URL(String(start.headers.location));
      assert.equal(authorize.origin, new URL(provider.issuer.url!).origin);
      assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
      assert.match(authorize.searchParams.get('code_challenge')!, /^[\w-]{43}$/);
      assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));
      person = iin;
      const back = await fetch(authorize, { redirect: 'manual' });
      const callback = new URL(back.headers.get('location')!);
      return { query: callback.search };
    }

    test('authorization code with PKCE: the official is found by IIN, linked, signed in and sent back; a replayed state is refused', async () => {
      const akim = (await readDemoFile()).officials.find((o) => o.login === 'bzh.akim')!;
      const { query } = await throughProvider(akim.iin);
      const done = await app.server.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${query}` });
      assert.equal(done.statusCode, 302, done.body);
      assert.equal(done.headers.location, '/workspace');
      const cookie = String(done.headers['set-cookie']).split(';')[0]!;
      const me = await app.server.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      assert.equal(me.json().name, akim.fullName);
      const link = await app.database.db.selectFrom('official_identity').selectAll().executeTakeFirstOrThrow();
      assert.equal(link.subject, `egov-${akim.iin}`);
      const replay = await app.server.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${query}` });
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().code, 'oidc_failed');
    });

    test('a person the provider knows but who is no official here gets 403 no_account and no session', async () => {
      const sessions = await app.database.db.selectFrom('session').select('id').execute();
      const { query } = await throughProvider(undefined);
      const res = await app.server.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${query}` });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'no_account');
      assert.equal((await app.database.db.selectFrom('session').select('id').execute()).length, sessions.length);
    });

    test('returnTo must be a path on this site (no open redirect)', async () => {
      for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
        const res = await app.server.inject({ method: 'GET', url: `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(bad)}` });
        assert.equal(res.statusCode, 400, bad);
      }
    });
  });
}

for (const { engine, skip } of ENGINES) {
  describe(`one-time codes through the configured e-mail server [${engine}]`, { skip }, () => {
    let app: TestApp;
    let peer: SmtpPeer;
    before(async () => {
      peer = await startSmtpPeer();
      // no recording sender and no demo files: the code must leave through SMTP_* like a notice
      app = await testApp(engine, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(peer.port), SMTP_SECURE: 'off', SMTP_FROM: 'Tynda <noreply@tynda.example>', TYNDA_DEMO: 'off' }, { otpSender: undefined });
    });
    after(async () => {
      await app?.close();
      await peer?.close();
    });

    test('a citizen gets the sign-in code by e-mail in the language asked and signs in with it', async () => {
      const address = 'dana@example.kz';
      const req = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', headers: { 'accept-language': 'ru' }, payload: { channel: 'email', address } });
      assert.equal(req.statusCode, 202, req.body);
      assert.equal(peer.received.length, 1);
      const mail = peer.received[0]!;
      assert.equal(mail.subject, 'Код входа в Tynda');
      const code = /: (\d+)\./.exec(mail.text)?.[1];
      assert.ok(code, mail.text);
      const ok = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().me.kind, 'applicant');
    });

    test('a channel with no transport configured says so (501), and nothing is sent', async () => {
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'phone', address: '+77019998877' } });
      assert.equal(res.statusCode, 501, res.body);
      assert.equal(res.json().code, 'not_configured');
      assert.equal(peer.received.length, 1);
    });
  });
}

/** A certificate the NCA-like test CA issues with any subject (openssl x509 -req keeps the subject as asked). */
function issueWithSubject(pki: TestPki, who: string, subject: string): (content: string) => Buffer {
  const ca = path.join(pki.dir, 'Tynda Test Root CA');
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: pki.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.writeFileSync(path.join(pki.dir, `${who}.ext`), '[ signing ]\nbasicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature, nonRepudiation\n');
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-utf8', '-subj', subject]);
  run(['x509', '-req', '-in', `${who}.csr`, '-CA', path.join(ca, 'ca.pem'), '-CAkey', path.join(ca, 'ca.key'), '-set_serial', `0x${Date.now().toString(16)}`, '-days', '3650', '-extfile', `${who}.ext`, '-extensions', 'signing', '-out', `${who}.pem`]);
  return (content) => {
    const input = path.join(pki.dir, `content-${process.hrtime.bigint()}.bin`);
    fs.writeFileSync(input, content);
    run(['cms', '-sign', '-binary', '-outform', 'DER', '-md', 'sha256', '-in', input, '-signer', `${who}.pem`, '-inkey', `${who}.key`, '-out', `${input}.p7s`]);
    return fs.readFileSync(`${input}.p7s`);
  };
}

for (const { engine, skip } of ENGINES) {
  describe(`certificate (EDS) sign-in of applicants [${engine}]`, { skip }, () => {
    let app: TestApp;
    let pki: TestPki;
    const AIGERIM = '950412400003'; // the demo applicant (data/demo/organisation.json)
    const NEWCOMER = '750315300008';
    const ORG_BIN = '150540000007'; // the demo legal entity
    before(async () => {
      pki = makeTestPki({ signerIin: AIGERIM, headIin: NEWCOMER });
      app = await testApp(engine, { TYNDA_TRUST_DIR: pki.trustDir });
    });
    after(async () => {
      await app?.close();
      pki?.cleanup();
    });

    const challenge = async (): Promise<string> => {
      const res = await app.server.inject({ method: 'GET', url: '/api/v1/auth/certificate/challenge' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.ok(new Date(body.expiresAt) > new Date());
      return body.challenge;
    };
    const post = (ch: string, signature: Buffer | string, lang = 'en') =>
      app.server.inject({ method: 'POST', url: '/api/v1/auth/certificate', headers: { 'accept-language': lang }, payload: { challenge: ch, signature: { format: 'cms', value: Buffer.isBuffer(signature) ? signature.toString('base64') : signature } } });
    const failures = async () =>
      (await app.database.db.selectFrom('audit_event').select(['action', 'details']).where('subject_type', '=', 'certificate_challenge').orderBy('id').execute()).map((e) => (e.details as { reason: string }).reason);

    test('the signed challenge opens the cabinet of the IIN in the certificate: an existing one, or a new one created once', async () => {
      const aigerim = await app.database.db.selectFrom('applicant').select('id').where('iin', '=', AIGERIM).executeTakeFirstOrThrow();
      const ch = await challenge();
      const stored = await app.database.db.selectFrom('certificate_challenge').selectAll().execute();
      assert.ok(stored.every((c) => c.challenge_hash !== ch && /^[0-9a-f]{64}$/.test(c.challenge_hash)), 'only the hash is kept');
      const res = await post(ch, pki.sign('signer', ch));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().me.kind, 'applicant');
      assert.equal(res.json().me.id, aigerim.id, 'the existing cabinet of the IIN');
      const me = await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me', headers: { authorization: `Bearer ${res.json().token}` } });
      assert.equal(me.json().iin, AIGERIM);
      const session = await app.database.db.selectFrom('session').select('method').where('principal_id', '=', aigerim.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      assert.equal(session.method, 'certificate');

      const ch2 = await challenge();
      const created = await post(ch2, pki.sign('head', ch2));
      assert.equal(created.statusCode, 200, created.body);
      const row = await app.database.db.selectFrom('applicant').selectAll().where('id', '=', created.json().me.id).executeTakeFirstOrThrow();
      assert.equal(row.kind, 'individual');
      assert.equal(row.iin, NEWCOMER);
      assert.equal(row.name, 'Смағұлов Ержан Қанатұлы');
      assert.equal(row.email, null);
      assert.deepEqual(await auditActions(app, row.id), ['applicants.cabinet_opened', 'auth.login']);
      const ch3 = await challenge();
      const again = await post(ch3, pki.sign('head', ch3));
      assert.equal(again.json().me.id, row.id, 'the same cabinet the second time');
      assert.equal((await app.database.db.selectFrom('applicant').select('id').where('iin', '=', NEWCOMER).execute()).length, 1);
    });

    test("an organisation's certificate (BIN) opens the legal entity's cabinet", async () => {
      const sign = issueWithSubject(pki, 'org', `/CN=Employee/serialNumber=IIN${NEWCOMER}/O=Karaganda Zhylu/OU=BIN${ORG_BIN}`);
      const org = await app.database.db.selectFrom('applicant').select('id').where('bin', '=', ORG_BIN).executeTakeFirstOrThrow();
      const ch = await challenge();
      const res = await post(ch, sign(ch));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().me.id, org.id);
    });

    test('an IIN only typed into a profile proves nothing: the certificate holder takes the cabinet over (its unproven e-mail detached, its sessions ended); a proven IIN cannot be changed', async () => {
      const CLAIMED = '900101300017';
      const address = 'claimer@example.kz';
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } });
      const otp = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code: app.otp.lastCode(address) } });
      const claimer = { authorization: `Bearer ${otp.json().token}` };
      const claimed = await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: claimer, payload: { kind: 'individual', iin: CLAIMED, name: 'Самозванец' } });
      assert.equal(claimed.statusCode, 200, claimed.body);
      const sign = issueWithSubject(pki, 'owner', `/CN=Владелец ИИН/serialNumber=IIN${CLAIMED}`);
      const ch = await challenge();
      const res = await post(ch, sign(ch));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().me.id, otp.json().me.id, 'the cabinet of the IIN');
      const row = await app.database.db.selectFrom('applicant').selectAll().where('id', '=', res.json().me.id).executeTakeFirstOrThrow();
      assert.equal(row.email, null, 'the unproven e-mail is detached');
      assert.ok(row.identity_verified_at);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me', headers: claimer })).statusCode, 401, "the claimer's session ended");
      assert.ok((await auditActions(app, row.id)).includes('applicants.identity_verified'));
      const owner = { authorization: `Bearer ${res.json().token}` };
      const change = await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: { ...owner, 'accept-language': 'en' }, payload: { kind: 'individual', iin: NEWCOMER, name: 'Другой' } });
      assert.equal(change.statusCode, 409);
      assert.equal(change.json().code, 'identity_verified');
      assert.equal(change.json().errors[0].code, 'verified_by_certificate');
      const rename = await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: owner, payload: { kind: 'individual', iin: CLAIMED, name: 'Владелец ИИН' } });
      assert.equal(rename.statusCode, 200, 'the name may still be completed');
    });

    test('a replayed, expired, unknown, forged, untrusted, expired-certificate, revoked or non-signing signature is refused with problem+json and an audit event; no session is made', async () => {
      const sessionsBefore = (await app.database.db.selectFrom('session').select('id').execute()).length;
      const applicantsBefore = (await app.database.db.selectFrom('applicant').select('id').execute()).length;
      const before = (await failures()).length;

      // replay: a signature that signed in once cannot sign in again
      const ch = await challenge();
      const signature = pki.sign('signer', ch);
      assert.equal((await post(ch, signature)).statusCode, 200);
      const sessionsAfterOk = (await app.database.db.selectFrom('session').select('id').execute()).length;
      const replay = await post(ch, signature, 'ru');
      assert.equal(replay.statusCode, 401);
      assert.match(String(replay.headers['content-type']), /^application\/problem\+json/);
      assert.equal(replay.json().code, 'challenge_invalid');
      assert.equal(replay.json().title, 'Запрос на вход неизвестен, уже использован или истёк: запросите новый');
      assert.equal(replay.json().errors[0].code, 'challenge_used');

      // a challenge never issued here
      const unknown = await post(`tynda-signin:${'x'.repeat(43)}:2030-01-01T00:00:00.000Z`, pki.sign('signer', 'whatever'));
      assert.equal(unknown.json().code, 'challenge_invalid');
      assert.equal(unknown.json().errors[0].code, 'challenge_unknown');

      // expired: the challenge outlived its minutes
      const old = await challenge();
      await app.database.db.updateTable('certificate_challenge').set({ expires_at: new Date(Date.now() - 1000) }).where('consumed_at', 'is', null).execute();
      const expired = await post(old, pki.sign('signer', old), 'kk');
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json().title, 'Кіру сұрауы белгісіз, пайдаланылған немесе мерзімі өткен: жаңасын сұраңыз');
      assert.equal(expired.json().errors[0].code, 'challenge_expired');

      // forged or unacceptable signatures, each with the reason in the person's language
      const cases: [string, (c: string) => Buffer | string, string][] = [
        ['content_mismatch', () => pki.sign('signer', 'another text'), 'The document changed after signing'],
        ['signature_invalid', (c) => { const s = pki.sign('signer', c); s[s.length - 10] = s[s.length - 10]! ^ 0xff; return s; }, 'The signature value does not verify'],
        ['malformed', () => Buffer.from('not a signature at all, just text').toString('base64'), 'The signature is not CMS'],
        ['unknown_ca', (c) => pki.sign('stranger', c), 'Untrusted certification authority'],
        ['certificate_expired', (c) => pki.sign('expired', c), 'The certificate has expired'],
        ['certificate_revoked', (c) => pki.sign('revoked', c), 'The certificate is revoked (EDS invalid)'],
        ['key_usage', (c) => pki.sign('encipher_only', c), 'The certificate is not for signing'],
      ];
      for (const [reason, make, detail] of cases) {
        const c = await challenge();
        const res = await post(c, make(c));
        assert.equal(res.statusCode, 401, `${reason}: ${res.body}`);
        assert.equal(res.json().code, 'certificate_invalid', reason);
        assert.equal(res.json().title, 'Sign-in refused: the certificate signature is not valid');
        assert.equal(res.json().detail, detail, reason);
        assert.equal(res.json().errors[0].field, 'body.signature');
        assert.equal(res.json().errors[0].code, `signature_${reason}`);
        // the challenge is used up by the attempt: the right signature cannot follow a wrong one
        assert.equal((await post(c, pki.sign('signer', c))).json().code, 'challenge_invalid', reason);
      }

      // a certificate that names nobody
      const nobody = issueWithSubject(pki, 'nobody', '/CN=Just A Name');
      const c = await challenge();
      const anonymous = await post(c, nobody(c));
      assert.equal(anonymous.statusCode, 422, anonymous.body);
      assert.equal(anonymous.json().code, 'certificate_without_identity');

      const reasons = (await failures()).slice(before);
      for (const r of ['challenge_used', 'challenge_unknown', 'challenge_expired', 'content_mismatch', 'signature_invalid', 'malformed', 'unknown_ca', 'certificate_expired', 'certificate_revoked', 'key_usage', 'no_identity']) {
        assert.ok(reasons.includes(r), `audit event for ${r}: ${reasons.join(', ')}`);
      }
      assert.equal((await app.database.db.selectFrom('session').select('id').execute()).length, sessionsAfterOk, 'no session from a refused attempt');
      assert.equal(sessionsAfterOk, sessionsBefore + 1);
      assert.equal((await app.database.db.selectFrom('applicant').select('id').execute()).length, applicantsBefore, 'no cabinet from a refused attempt');
    });
  });

  describe(`certificate sign-in without a trust store [${engine}]`, { skip }, () => {
    let app: TestApp;
    before(async () => {
      app = await testApp(engine);
    });
    after(async () => {
      await app?.close();
    });

    test('says it is not configured (501) and stores nothing', async () => {
      const res = await app.server.inject({ method: 'GET', url: '/api/v1/auth/certificate/challenge' });
      assert.equal(res.statusCode, 501);
      assert.equal(res.json().code, 'not_configured');
      const post = await app.server.inject({ method: 'POST', url: '/api/v1/auth/certificate', payload: { challenge: 'tynda-signin:0123456789abcdef', signature: { format: 'cms', value: 'MIIBAAAAAAAAAAAAAAAA' } } });
      assert.equal(post.statusCode, 501);
      assert.equal((await app.database.db.selectFrom('certificate_challenge').select('challenge_hash').execute()).length, 0);
    });
  });
}
