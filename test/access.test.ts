/**
 * No one where they do not belong (issue 14): an official of another body and another applicant try to read and
 * change a case of the Baizak district akimat and its applicant's data through every endpoint of the OpenAPI
 * document. Every GET (lists and details, with the victim's ids in every path parameter and id-like query
 * parameter) must not reveal the case's text, the applicant's IIN, e-mail or phone, or the case id in a
 * success; every change (the procedure's steps with valid bodies, and every other write with the victim's ids)
 * must be refused, and the case and the applicant's row stay as they were.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from './support/databases.ts';
import { signIn, testApp } from './support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
interface Op { method: string; path: string; parameters?: { in: string; name: string }[] }

const CANARY = 'Canary-7f3a: прошу проверить начисления';
const VICTIM = { iin: '950412400003', email: 'victim.person@example.kz', phone: '+77019998877' };

for (const { engine, skip } of ENGINES) {
  describe(`access across bodies and applicants [${engine}]`, { skip }, () => {
    let app: App;
    let ops: Op[];
    let appealId: string;
    let victimId: string;
    let noticeId: string;
    let deliveryId: string;
    const intruders: Record<string, Record<string, string>> = {};

    const signInApplicant = async (address: string) => {
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } });
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code: app.otp.lastCode(address) } });
      assert.equal(res.statusCode, 200, res.body);
      return { id: res.json().me.id as string, headers: { authorization: `Bearer ${res.json().token as string}` } };
    };
    const snapshot = async () => ({
      appeal: await app.database.db.selectFrom('appeal').select(['version', 'state', 'executor_id', 'subdivision_id', 'due', 'closed_at', 'event_count']).where('id', '=', appealId).executeTakeFirstOrThrow(),
      applicant: await app.database.db.selectFrom('applicant').selectAll().where('id', '=', victimId).executeTakeFirstOrThrow(),
      notices: await app.database.db.selectFrom('notice_delivery').select(['id', 'status']).where('notice_id', '=', noticeId).orderBy('id').execute(),
    });

    before(async () => {
      app = await testApp(engine);
      const victim = await signInApplicant(VICTIM.email);
      victimId = victim.id;
      await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: victim.headers, payload: { kind: 'individual', iin: VICTIM.iin, name: 'Жертва Тестовая' } });
      const bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
      const filed = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals', headers: victim.headers,
        payload: { bodyId, type: 'application', language: 'ru', essence: CANARY, applicant: { kind: 'individual', name: 'Жертва Тестовая', iin: VICTIM.iin, email: VICTIM.email, phone: VICTIM.phone, postalAddress: 'ул. Канареечная, 1' } },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      appealId = filed.json().id;
      const notice = await app.database.db.selectFrom('notice').select('id').where('subject_id', '=', appealId).executeTakeFirstOrThrow();
      noticeId = notice.id;
      deliveryId = String((await app.database.db.selectFrom('notice_delivery').select('id').where('notice_id', '=', noticeId).executeTakeFirstOrThrow()).id);

      // the intruders: the deputy akim of another district (Abay), and another applicant
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', 'aba.deputy').executeTakeFirstOrThrow();
      const login = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'aba.deputy', password } });
      assert.equal(login.statusCode, 200, login.body);
      intruders.otherBody = { authorization: `Bearer ${login.json().token as string}` };
      intruders.otherApplicant = (await signInApplicant('intruder@example.kz')).headers;
      intruders.anonymous = {};
      const doc = (await app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Omit<Op, 'method' | 'path'>>> };
      ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.entries(o).map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })));
    });
    after(async () => app?.close());

    const ids = () => [appealId, victimId, noticeId, deliveryId, `appeal:${appealId}`];
    /** every path with its parameters filled by each of the victim's ids (all combinations for two parameters) */
    const urls = (path: string): string[] => {
      const names = path.match(/\{[^}]+\}/g) ?? [];
      if (names.length === 0) return [path];
      let out = [path];
      for (const name of names) out = out.flatMap((p) => ids().map((id) => p.replace(name, encodeURIComponent(id))));
      return out;
    };
    const idQueries = (op: Op): string[] => {
      const params = (op.parameters ?? []).filter((p) => p.in === 'query' && /id$|Id$/.test(p.name)).map((p) => p.name);
      return ['', 'view=all', 'view=body', ...params.flatMap((p) => ids().map((id) => `${p}=${encodeURIComponent(id)}`))];
    };

    test('the victim can see their own case (the test reaches what it guards)', async () => {
      const victim = await signInApplicant(VICTIM.email);
      const res = await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${appealId}`, headers: victim.headers });
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(CANARY));
    });

    test('every GET endpoint, list and detail: nothing of the case or its applicant reaches another body or another applicant', async () => {
      let requests = 0;
      for (const op of ops.filter((o) => o.method === 'GET')) {
        for (const url of urls(op.path)) {
          for (const query of idQueries(op)) {
            for (const [who, headers] of Object.entries(intruders)) {
              const res = await app.server.inject({ method: 'GET', url: query ? `${url}?${query}` : url, headers });
              requests++;
              const where = `GET ${url}?${query} as ${who}: ${res.statusCode}`;
              assert.ok(res.statusCode < 500, where);
              for (const secret of [CANARY, VICTIM.iin, VICTIM.email, VICTIM.phone, 'Канареечная']) assert.ok(!res.body.includes(secret), `${where} reveals ${secret}`);
              if (res.statusCode < 300) assert.ok(!res.body.includes(appealId) || op.path.includes('{'), `${where} lists the case`);
              if (res.statusCode < 300 && op.path.includes('{') && (url.includes(appealId) || url.includes(victimId))) {
                // a detail of the victim's record answered: only reference data may do that (none should)
                assert.fail(`${where} answered a detail of the victim's record`);
              }
            }
          }
        }
      }
      assert.ok(requests > 100, `${requests} requests`);
    });

    test('every step of the procedure on the case is refused to another body and another applicant; the case is unchanged', async () => {
      const before = await snapshot();
      const version = before.appeal.version;
      const steps = [
        { action: 'start_review' },
        { action: 'withdraw' },
        { action: 'close' },
        { action: 'assign', executorId: (await app.database.db.selectFrom('official').select('id').where('full_name', 'is not', null).executeTakeFirstOrThrow()).id },
        { action: 'extend', newDue: '2099-01-01', reasons: 'Нужно ещё время' },
        { action: 'terminate', ground: 'x', reasons: 'Прекратить' },
        { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Отказать' },
      ];
      for (const [who, headers] of Object.entries(intruders)) {
        for (const step of steps) {
          const res = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${appealId}/actions`, headers, payload: { version, ...step } });
          assert.ok([400, 401, 403, 404].includes(res.statusCode), `${step.action} as ${who}: ${res.statusCode} ${res.body}`);
        }
        const read = await app.server.inject({ method: 'POST', url: `/api/v1/cabinet/${victimId}/notices/${noticeId}/read`, headers });
        assert.ok([401, 403, 404].includes(read.statusCode), `reading the victim's notice as ${who}: ${read.statusCode}`);
      }
      assert.deepEqual(await snapshot(), before);
    });

    test('every other write endpoint with the victim\'s ids is refused; the case and the applicant are unchanged', async () => {
      const before = await snapshot();
      for (const op of ops.filter((o) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(o.method) && o.path.includes('{'))) {
        for (const url of urls(op.path)) {
          for (const [who, headers] of Object.entries(intruders)) {
            const res = await app.server.inject({ method: op.method as 'POST', url, headers, payload: {} });
            assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${op.method} ${url} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }
      }
      // the applicant's own-data endpoints act on the caller only: the intruder changes or erases only itself
      const put = await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: intruders.otherApplicant!, payload: { kind: 'individual', iin: VICTIM.iin, name: 'Самозванец' } });
      assert.equal(put.statusCode, 409, 'the victim\'s IIN cannot be claimed by another cabinet');
      assert.deepEqual(await snapshot(), before);
    });
  });
}
