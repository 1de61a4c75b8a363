/**
 * Personal data (issue 14; docs/security.md): IIN, phone, e-mail and address never reach a log line and are
 * masked for roles that may not see them (the auditor reads every case, masked); a person exports everything
 * kept about them; a cabinet is erased on request once no procedure on its appeals is running (the appeals stay
 * as the body's records), and the old session dies with it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createApp } from '../src/app.ts';
import { RecordingOtpSender } from '../src/modules/identity/service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { ENGINES, testDatabase } from './support/databases.ts';
import { signIn } from './support/app.ts';

const IIN = '950412400003';
const PHONE = '+77011234567';
const EMAIL = 'aigerim.personal@example.kz';
const ADDRESS = 'Байзакский район, ул. Абая, 10';

for (const { engine, skip } of ENGINES) {
  describe(`personal data [${engine}]`, { skip }, () => {
    let app: Awaited<ReturnType<typeof createApp>> & { otp: RecordingOtpSender };
    let logs = '';
    let bodyId: string;

    before(async () => {
      const database = await testDatabase(engine);
      const sink = new Writable({ write(chunk, _enc, done) { logs += chunk.toString(); done(); } });
      const otp = new RecordingOtpSender();
      const created = await createApp(loadConfig({ TYNDA_JOBS: 'off', TYNDA_DATA_DIR: '/nonexistent-unused' }), { database, otpSender: otp, logger: createLogger('trace', sink) });
      const closeApp = created.close.bind(created);
      app = Object.assign(created, { otp, close: async () => { await closeApp(); await database.close(); } });
      bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
    });
    after(async () => app?.close());

    const signInApplicant = async (address: string) => {
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } });
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code: app.otp.lastCode(address) } });
      assert.equal(res.statusCode, 200, res.body);
      return { authorization: `Bearer ${res.json().token as string}` };
    };
    const file = (headers: Record<string, string>) =>
      app.server.inject({
        method: 'POST', url: '/api/v1/appeals', headers,
        payload: { bodyId, type: 'application', language: 'ru', essence: 'Прошу проверить начисления за отопление', applicant: { kind: 'individual', name: 'Серікова Айгерім', iin: IIN, phone: PHONE, email: EMAIL, postalAddress: ADDRESS } },
      });

    test('roles that may not see personal data get it masked: the auditor reads the case with IIN, phone, e-mail and address masked', async () => {
      const me = await signInApplicant(EMAIL);
      const filed = await file(me);
      assert.equal(filed.statusCode, 201, filed.body);
      const id = filed.json().id as string;
      const masked = (await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${id}`, headers: await signIn(app, 'auditor') })).json().applicant;
      assert.equal(masked.iin, '********0003');
      assert.notEqual(masked.phone, PHONE);
      assert.ok(!String(masked.phone).includes('123456'));
      assert.notEqual(masked.email, EMAIL);
      assert.equal(masked.postalAddress, '***');
      const full = (await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${id}`, headers: await signIn(app, 'registrar') })).json().applicant;
      assert.equal(full.iin, IIN, 'the records office of the body sees them (and that look is audited)');
    });

    test('no log line carries an IIN, a phone, an e-mail or an address, also when code logs them by mistake, two levels deep', async () => {
      app.log.info({ applicant: { iin: IIN, phone: PHONE, email: EMAIL, postalAddress: ADDRESS } }, 'a careless log line');
      app.log.warn({ err: { applicant: { iin: IIN, postalAddress: ADDRESS } } }, 'another');
      assert.ok(logs.length > 1000, 'requests were logged');
      for (const value of [IIN, PHONE, EMAIL, ADDRESS, 'Серікова']) assert.ok(!logs.includes(value), `${value} in the logs`);
      for (const code of app.otp.sent.map((m) => m.code)) assert.ok(!logs.includes(`"${code}"`), 'a one-time code in the logs');
    });

    test('export: the person gets their profile, their appeals with history, and their notices; nobody else can ask for it', async () => {
      const me = await signInApplicant(EMAIL);
      const res = await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me/export', headers: me });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const data = res.json();
      assert.equal(data.profile.email, EMAIL);
      assert.equal(data.appeals.length, 1);
      assert.equal(data.appeals[0].applicant.iin, IIN, 'their own data, unmasked');
      assert.equal(data.appeals[0].timeline[0].action, 'registered');
      assert.ok(data.notices.some((n: { type: string }) => n.type === 'appeal_registered'));
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me/export' })).statusCode, 401);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me/export', headers: await signIn(app, 'registrar') })).statusCode, 403);
    });

    test('erasure: refused while an appeal is being considered; after the withdrawal the profile is anonymised, sessions end, the appeal stays', async () => {
      const me = await signInApplicant(EMAIL);
      const before = (await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me/export', headers: me })).json();
      const appealId = before.appeals[0].id as string;
      const refused = await app.server.inject({ method: 'DELETE', url: '/api/v1/applicants/me', headers: { ...me, 'accept-language': 'ru' } });
      assert.equal(refused.statusCode, 409);
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
      assert.equal(refused.json().code, 'erasure_blocked');
      assert.match(refused.json().detail, /1 ваших обращений/);

      const version = (await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${appealId}`, headers: me })).json().version;
      const withdrawn = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${appealId}/actions`, headers: me, payload: { version, action: 'withdraw' } });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);

      const erased = await app.server.inject({ method: 'DELETE', url: '/api/v1/applicants/me', headers: me });
      assert.equal(erased.statusCode, 204, erased.body);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me', headers: me })).statusCode, 401, 'the session ended');
      const row = await app.database.db.selectFrom('applicant').selectAll().where('id', '=', before.profile.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.kind, row.name, row.iin, row.bin, row.email, row.phone], [null, null, null, null, null, null]);
      assert.ok(row.erased_at);
      const appeal = await app.database.db.selectFrom('appeal').select(['id', 'applicant']).where('id', '=', appealId).executeTakeFirstOrThrow();
      assert.equal((appeal.applicant as { iin: string }).iin, IIN, 'the appeal as filed is the body\'s record and stays');
      const audit = await app.database.db.selectFrom('audit_event').select('action').where('subject_id', '=', before.profile.id).where('action', '=', 'applicants.cabinet_erased').execute();
      assert.equal(audit.length, 1);
      // the same e-mail opens a new, empty cabinet
      const again = await signInApplicant(EMAIL);
      const fresh = (await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me/export', headers: again })).json();
      assert.notEqual(fresh.profile.id, before.profile.id);
      assert.deepEqual(fresh.appeals, []);
    });
  });
}
