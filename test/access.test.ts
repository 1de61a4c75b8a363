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
import { demoLogins } from '../src/modules/identity/demo.ts';
import { POLICY, ROLES, type Action, type Role } from '../src/modules/identity/policy.ts';
import type { Principal, Target } from '../src/modules/identity/access.ts';
import { REJECTION_GROUND_CODES } from '../src/law/petitions.ts';
import { TERMINATION_GROUNDS } from '../src/law/requirements.ts';
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
    /** the victim's other records, one of every kind, all of the Baizak district akimat (the court case: of the region's apparatus) */
    const victim: Record<'complaint' | 'petition' | 'session' | 'booking' | 'instruction' | 'courtCase' | 'act' | 'actAppeal', string> & { headers: Record<string, string> } = {} as never;
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
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
      const me = await signInApplicant(VICTIM.email);
      victimId = me.id;
      victim.headers = me.headers as never;
      await app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: me.headers, payload: { kind: 'individual', iin: VICTIM.iin, name: 'Жертва Тестовая' } });
      const bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
      const filed = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals', headers: me.headers,
        payload: { bodyId, type: 'application', language: 'ru', essence: CANARY, applicant: { kind: 'individual', name: 'Жертва Тестовая', iin: VICTIM.iin, email: VICTIM.email, phone: VICTIM.phone, postalAddress: 'ул. Канареечная, 1' } },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      appealId = filed.json().id;
      const notice = await app.database.db.selectFrom('notice').select('id').where('subject_id', '=', appealId).executeTakeFirstOrThrow();
      noticeId = notice.id;
      deliveryId = String((await app.database.db.selectFrom('notice_delivery').select('id').where('notice_id', '=', noticeId).executeTakeFirstOrThrow()).id);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      const as = async (role: Role) => signIn(app, role);
      const created = async (what: string, res: { statusCode: number; body: string; json: () => unknown }) => {
        assert.equal(res.statusCode, 201, `${what}: ${res.body}`);
        return (res.json() as { id: string }).id;
      };
      const person = { kind: 'individual', name: 'Жертва Тестовая', iin: VICTIM.iin, email: VICTIM.email, phone: VICTIM.phone, postalAddress: 'ул. Канареечная, 1' };
      victim.complaint = await created('complaint', await app.server.inject({
        method: 'POST', url: '/api/v1/complaints/register', headers: await as('registrar'),
        payload: { appealId, challengedKind: 'inaction', challengedSummary: 'Бездействие по обращению', circumstances: CANARY, complainant: person, language: 'ru', channel: 'paper', signed: true, learnedOn: new Date().toISOString().slice(0, 10), receivedAt: new Date().toISOString() },
      }));
      victim.petition = await created('petition', await app.server.inject({
        method: 'POST', url: '/api/v1/petitions', headers: victim.headers,
        payload: { bodyId: bodies['KRG-BZH'], language: 'ru', title: 'Освещение улиц', content: CANARY, proposals: 'Включить освещение в план', applicant: { name: 'Жертва Тестовая', iin: VICTIM.iin, residence: 'ул. Канареечная, 1', email: VICTIM.email }, citizen: true },
      }));
      const session = await app.server.inject({
        method: 'POST', url: '/api/v1/receptions/sessions', headers: await as('registrar'),
        payload: { bodyId: bodies['KRG-BZH'], officialId: officials['bzh.akim'], format: 'office', place: 'Акимат района, каб. 101', startsAt: '2030-04-23T10:00:00+05:00', endsAt: '2030-04-23T11:00:00+05:00', slotMinutes: 20 },
      });
      victim.session = await created('reception session', session);
      victim.booking = await created('booking', await app.server.inject({
        method: 'POST', url: `/api/v1/receptions/sessions/${victim.session}/bookings`, headers: victim.headers,
        payload: { slotAt: (session.json() as { freeSlots: string[] }).freeSlots[0], topic: CANARY, language: 'ru' },
      }));
      victim.instruction = await created('instruction', await app.server.inject({
        method: 'POST', url: '/api/v1/instructions', headers: await as('registrar'),
        payload: { bodyId: bodies['KRG-BZH'], source: 'head', giverId: officials['bzh.akim'], text: CANARY, executorIds: [officials['bzh.head']], workingDays: 10 },
      }));
      victim.courtCase = await created('court case', await app.server.inject({
        method: 'POST', url: '/api/v1/court-cases', headers: await as('legal_service'),
        payload: {
          bodyId: bodies['KRG-APP'], act: { name: 'Решение об отказе', content: CANARY, adoptedOn: '2025-02-03' }, claimType: 'challenge', basisOn: '2025-05-05', court: 'Специализированный межрайонный административный суд',
          plaintiff: { kind: 'individual', name: 'Жертва Тестовая' }, claims: 'Отменить решение', claimFiledOn: '2025-05-20', status: 'pending', instance: 'first', caseNumber: '3599-25-00-4a/9',
        },
      }));
      // an act: a second case of the victim, assigned and drafted by the executor
      victim.actAppeal = await created('appeal for the act', await app.server.inject({
        method: 'POST', url: '/api/v1/appeals', headers: victim.headers,
        payload: { bodyId: bodies['KRG-BZH'], type: 'application', language: 'ru', essence: `${CANARY} (второе)`, applicant: { kind: 'individual', name: 'Жертва Тестовая', iin: VICTIM.iin, email: VICTIM.email } },
      }));
      const step = async (role: Role, action: Record<string, unknown>) => {
        const { version } = await app.database.db.selectFrom('appeal').select('version').where('id', '=', victim.actAppeal).executeTakeFirstOrThrow();
        const r = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${victim.actAppeal}/actions`, headers: await as(role), payload: { version, ...action } });
        assert.equal(r.statusCode, 200, `${action.action}: ${r.body}`);
      };
      await step('body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await step('executor', { action: 'start_review' });
      const templates = (await app.server.inject({ method: 'GET', url: '/api/v1/act-templates', headers: await as('executor') })).json() as { items: { id: string; code: string }[] };
      victim.act = await created('act', await app.server.inject({
        method: 'POST', url: '/api/v1/acts', headers: await as('executor'), payload: { appealId: victim.actAppeal, templateId: templates.items.find((t) => t.code === 'appeal.refusal')!.id, content: {} },
      }));

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

    const objectIds = () => [victim.complaint, victim.petition, victim.session, victim.booking, victim.instruction, victim.courtCase, victim.act, victim.actAppeal];
    const ids = () => [appealId, victimId, noticeId, deliveryId, `appeal:${appealId}`, ...objectIds()];
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

    /**
     * What the policy table (POLICY) says, computed here from the table and the organisation's trees, not by the
     * application's own decision: a grant reaches a target when its role's scope for the action covers it.
     */
    async function policyAllows(principal: Principal, checks: [Action, Target][]): Promise<boolean> {
      const bodyPath = async (id: string): Promise<string[]> => {
        const out: string[] = [];
        for (let at: string | null = id; at; ) {
          out.push(at);
          at = (await app.database.db.selectFrom('body').select('parent_id').where('id', '=', at).executeTakeFirstOrThrow()).parent_id;
        }
        return out;
      };
      const subPath = async (id: string): Promise<string[]> => {
        const out: string[] = [];
        for (let at: string | null = id; at; ) {
          out.push(at);
          at = (await app.database.db.selectFrom('subdivision').select('parent_id').where('id', '=', at).executeTakeFirstOrThrow()).parent_id;
        }
        return out;
      };
      for (const [action, target] of checks) {
        for (const g of principal.grants) {
          const scope = POLICY[g.role][action];
          if (!scope) continue;
          if (scope === 'all') return true;
          if ((target.ownerIds ?? []).includes(principal.id)) return true;
          if (scope === 'body' && target.bodyId && g.bodyId === target.bodyId) return true;
          if (scope === 'subdivision' && target.subdivisionId && g.subdivisionId && (await subPath(target.subdivisionId)).includes(g.subdivisionId)) return true;
          if (scope === 'subordinate' && target.bodyId && g.subtreeRoot && (await bodyPath(target.bodyId)).includes(g.subtreeRoot)) return true;
        }
      }
      return false;
    }

    test('the access matrix: each demo role, on a representative route of every module, gets exactly what the policy table says', async () => {
      // a case of the victim's own for this test (steps taken here must not touch the cases the other tests guard)
      const filed = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals', headers: victim.headers,
        payload: { bodyId: bodies['KRG-BZH'], type: 'application', language: 'ru', essence: 'Матрица доступа: прошу отремонтировать дорогу', applicant: { kind: 'individual', name: 'Жертва Тестовая', email: VICTIM.email } },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const A = filed.json().id as string;
      const appealTarget = async (id: string): Promise<Target> => {
        const a = await app.database.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) };
      };
      const complaint = await app.database.db.selectFrom('complaint').selectAll().where('id', '=', victim.complaint).executeTakeFirstOrThrow();
      const petition = await app.database.db.selectFrom('petition').selectAll().where('id', '=', victim.petition).executeTakeFirstOrThrow();
      const year = (await app.server.inject({ method: 'GET', url: '/api/v1/calendar/2025' })).json();

      interface Route { name: string; write?: boolean; object?: boolean; list?: string; names?: Action[]; lifecycle?: boolean; request: () => Promise<{ method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown }>; checks: () => Promise<[Action, Target][]> }
      const routes: Route[] = [
        { name: 'appeals list', list: A, request: async () => ({ method: 'GET', url: '/api/v1/appeals?view=all&pageSize=200' }), checks: async () => [['appeal.read', await appealTarget(A)]] },
        { name: 'appeal detail', object: true, request: async () => ({ method: 'GET', url: `/api/v1/appeals/${A}` }), checks: async () => [['appeal.read', await appealTarget(A)]] },
        {
          name: 'appeal action (assign)', write: true, object: true,
          request: async () => ({ method: 'POST', url: `/api/v1/appeals/${A}/actions`, payload: { version: (await app.database.db.selectFrom('appeal').select('version').where('id', '=', A).executeTakeFirstOrThrow()).version, action: 'assign', executorId: officials['bzh.executor'] } }),
          checks: async () => [['appeal.assign', await appealTarget(A)]],
        },
        { name: 'act detail', object: true, request: async () => ({ method: 'GET', url: `/api/v1/acts/${victim.act}` }), checks: async () => [['appeal.read', await appealTarget(victim.actAppeal)]] },
        {
          name: 'complaint detail', object: true, request: async () => ({ method: 'GET', url: `/api/v1/complaints/${victim.complaint}` }),
          checks: async () => [['appeal.read', { bodyId: complaint.origin_body_id, ownerIds: [complaint.applicant_id, ...complaint.challenged_officials].filter((x): x is string => !!x) }], ...(complaint.review_body_id ? [['complaint.review', { bodyId: complaint.review_body_id }] as [Action, Target]] : [])],
        },
        { name: 'court cases (Annex 3)', request: async () => ({ method: 'GET', url: `/api/v1/court-cases/annex3?bodyId=${bodies['KRG-APP']}&from=2025-01-01&to=2025-12-31` }), checks: async () => [['practice.generalize', { bodyId: bodies['KRG-APP']! }]] },
        {
          name: 'petition: the authority rejects', write: true, object: true,
          request: async () => ({ method: 'POST', url: `/api/v1/petitions/${victim.petition}/actions`, payload: { version: (await app.database.db.selectFrom('petition').select('version').where('id', '=', victim.petition).executeTakeFirstOrThrow()).version, action: 'reject', grounds: [REJECTION_GROUND_CODES[0]], reasons: 'Не соответствует требованиям' } }),
          checks: async () => [['petition.moderate', { bodyId: petition.body_id }]],
          // the route's door is either petitions permission (it names petition.manage); behind it the lifecycle refuses a step that is not the caller's
          names: ['petition.moderate', 'petition.manage'], lifecycle: true,
        },
        { name: 'receptions: the day\'s visitors', request: async () => ({ method: 'GET', url: `/api/v1/receptions/daily?bodyId=${bodies['KRG-BZH']}&date=2030-04-23&format=json` }), checks: async () => [['reception.manage', { bodyId: bodies['KRG-BZH']! }]] },
        { name: 'instructions: discipline', request: async () => ({ method: 'GET', url: `/api/v1/instructions/discipline?bodyId=${bodies['KRG-BZH']}&from=2025-01-01&to=2025-12-31` }), checks: async () => [['instruction.manage', { bodyId: bodies['KRG-BZH']! }]] },
        { name: 'services: hidden ones', request: async () => ({ method: 'GET', url: '/api/v1/services/hidden' }), checks: async () => [['services.manage', {}]] },
        { name: 'audit events', request: async () => ({ method: 'GET', url: '/api/v1/audit-events?limit=1' }), checks: async () => [['audit.read', {}]] },
        { name: 'tokens', request: async () => ({ method: 'GET', url: '/api/v1/tokens' }), checks: async () => [['tokens.manage', {}]] },
        { name: 'officials of a body', request: async () => ({ method: 'GET', url: `/api/v1/officials?bodyId=${bodies['KRG-BZH']}` }), checks: async () => [['officials.read', { bodyId: bodies['KRG-BZH']! }]] },
        { name: 'calendar PUT', write: true, request: async () => ({ method: 'PUT', url: '/api/v1/calendar/2025', payload: { complete: year.complete, holidays: year.holidays, transfers: year.transfers } }), checks: async () => [['calendar.manage', {}]] },
      ];

      // every demo role; the petitions authority has no demo account, so the administrator grants it to an official first
      const logins = await demoLogins();
      const sysadmin = await signIn(app, 'sysadmin');
      const grant = await app.server.inject({ method: 'POST', url: `/api/v1/officials/${officials['krs.chairman']}/roles`, headers: sysadmin, payload: { role: 'petitions_authority' } });
      assert.equal(grant.statusCode, 201, grant.body);
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', 'krs.chairman').executeTakeFirstOrThrow();
      const pa = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krs.chairman', password } });
      const principals: [string, Record<string, string>][] = [];
      for (const role of ROLES) {
        if (role === 'petitions_authority') principals.push([role, { authorization: `Bearer ${pa.json().token as string}` }]);
        else {
          assert.ok(role === 'applicant' || logins[role], `a demo account for ${role}`);
          principals.push([role, await signIn(app, role)]);
        }
      }
      const seen = { allowed: new Set<string>(), denied: new Set<string>() };
      for (const route of routes) {
        for (const [role, headers] of principals) {
          const principal = (await app.identity.authenticate(headers.authorization!.slice('Bearer '.length)))!;
          const checks = await route.checks();
          const allowed = await policyAllows(principal, checks);
          const req = await route.request();
          const res = await app.server.inject({ ...req, headers: { ...headers, 'accept-language': 'en' } } as never);
          const where = `${route.name} as ${role}: ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (route.list) {
            // a list answers everyone who may read somewhere; the case is in it exactly when the policy lets the role read it
            seen[allowed ? 'allowed' : 'denied'].add(route.name);
            if (allowed) assert.ok(res.statusCode === 200 && res.body.includes(route.list), `the list lacks the case: ${where}`);
            else assert.ok(res.statusCode === 403 || (res.statusCode === 200 && !res.body.includes(route.list)), `the list shows the case: ${where}`);
          } else if (allowed) {
            seen.allowed.add(route.name);
            assert.ok(res.statusCode >= 200 && res.statusCode < 300, `allowed by the policy, refused: ${where}`);
          } else {
            seen.denied.add(route.name);
            assert.ok(res.statusCode === 403 || (route.object && res.statusCode === 404), `denied by the policy: ${where}`);
            assert.match(String(res.headers['content-type']), /^application\/problem\+json/, where);
            if (res.statusCode === 403 && !(route.lifecycle && res.json().code === 'not_your_step')) {
              assert.equal(res.json().code, 'forbidden', where);
              assert.ok((route.names ?? checks.map(([action]) => action)).some((action) => String(res.json().detail).includes(`«${action}»`)), `the 403 names the permission: ${where}`);
            }
          }
        }
      }
      // the matrix reaches both sides of every route (a route that allowed everyone or no one would prove nothing)
      for (const route of routes) {
        assert.ok(seen.allowed.has(route.name), `someone is allowed: ${route.name}`);
        assert.ok(seen.denied.has(route.name), `someone is denied: ${route.name}`);
      }
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
              assert.ok(res.statusCode < 500 || (res.statusCode === 501 && res.json().code === 'not_configured'), where);
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
        { action: 'terminate', ground: TERMINATION_GROUNDS[0]!.code, reasons: 'Прекратить' },
        { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Отказать' },
      ];
      for (const [who, headers] of Object.entries(intruders)) {
        for (const step of steps) {
          const res = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${appealId}/actions`, headers, payload: { version, ...step } });
          // the bodies are valid: a refusal must come from the access check, never from validation (400)
          assert.ok([401, 403, 404].includes(res.statusCode), `${step.action} as ${who}: ${res.statusCode} ${res.body}`);
        }
        const read = await app.server.inject({ method: 'POST', url: `/api/v1/cabinet/${victimId}/notices/${noticeId}/read`, headers });
        assert.ok([401, 403, 404].includes(read.statusCode), `reading the victim's notice as ${who}: ${read.statusCode}`);
      }
      assert.deepEqual(await snapshot(), before);
    });

    test('changes to each of the victim\'s records, with valid bodies, are refused by the access check (401/403/404, never 400); nothing changes', async () => {
      const versions = async () => ({
        complaint: (await app.database.db.selectFrom('complaint').select(['version', 'state']).where('id', '=', victim.complaint).executeTakeFirstOrThrow()),
        petition: (await app.database.db.selectFrom('petition').select(['version', 'state']).where('id', '=', victim.petition).executeTakeFirstOrThrow()),
        booking: (await app.database.db.selectFrom('reception_booking').select(['version', 'state']).where('id', '=', victim.booking).executeTakeFirstOrThrow()),
        instruction: (await app.database.db.selectFrom('instruction').select(['version', 'state', 'due']).where('id', '=', victim.instruction).executeTakeFirstOrThrow()),
        courtCase: (await app.database.db.selectFrom('court_case').select(['version', 'status']).where('id', '=', victim.courtCase).executeTakeFirstOrThrow()),
        act: (await app.database.db.selectFrom('act').select(['version', 'state']).where('id', '=', victim.act).executeTakeFirstOrThrow()),
      });
      const before = await versions();
      const writes = [
        { method: 'POST', url: `/api/v1/complaints/${victim.complaint}/actions`, payload: { version: before.complaint.version, action: 'forward' } },
        { method: 'POST', url: `/api/v1/petitions/${victim.petition}/actions`, payload: { version: before.petition.version, action: 'reject', grounds: [REJECTION_GROUND_CODES[0]], reasons: 'Отклонить' } },
        { method: 'POST', url: `/api/v1/receptions/bookings/${victim.booking}/actions`, payload: { version: before.booking.version, action: 'cancel', reason: 'Отменить' } },
        { method: 'POST', url: `/api/v1/instructions/${victim.instruction}/actions`, payload: { version: before.instruction.version, action: 'report', text: 'Исполнено', executedOn: '2030-01-10' } },
        { method: 'POST', url: `/api/v1/instructions/${victim.instruction}/actions`, payload: { version: before.instruction.version, action: 'extend', newDue: '2031-01-10', reasons: 'Продлить' } },
        {
          method: 'PUT', url: `/api/v1/court-cases/${victim.courtCase}`,
          payload: {
            version: before.courtCase.version, act: { name: 'Решение об отказе', content: 'Изменено', adoptedOn: '2025-02-03' }, claimType: 'challenge', court: 'Суд', plaintiff: { kind: 'individual', name: 'Самозванец' },
            claims: 'Отменить решение', claimFiledOn: '2025-05-20', status: 'pending', instance: 'first', caseNumber: '3599-25-00-4a/9',
          },
        },
        { method: 'PATCH', url: `/api/v1/acts/${victim.act}`, payload: { version: before.act.version, content: {} } },
      ] as const;
      for (const [who, headers] of Object.entries(intruders)) {
        for (const w of writes) {
          const res = await app.server.inject({ method: w.method, url: w.url, headers, payload: w.payload });
          assert.ok([401, 403, 404].includes(res.statusCode), `${w.method} ${w.url} ${JSON.stringify(w.payload).slice(0, 60)} as ${who}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
      }
      assert.deepEqual(await versions(), before);
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
