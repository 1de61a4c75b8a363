/**
 * Public services (Law "On State Services", LSS) through the API, on both engines: the register (Art. 12), complaints
 * about a service with the terms of Art. 25 counted on the real production calendar (Nauryz, 16 December, New Year),
 * the extension rule of 25(4) with the A-05 default, the route of a complaint against an act to the APC path, bad
 * input, access, ratings and the quality figures (Art. 28–29) against a hand-counted fixture, hidden services
 * (Art. 1(2-1)). Scenario numbers AT-* are those of rules-services-requirements.md Part 5. The clock is a test adapter;
 * the tests run in the order of the calendar.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { SERVICE_COMPLAINT } from '../../src/law/lifecycles/service-complaint.ts';
import { EXTENSION_MAX_WORKING_DAYS, mayExtend } from '../../src/law/services.ts';
import { TERMS } from '../../src/law/terms.ts';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BIRTH = '00801001'; // provider: district akimats (by type)
const KINDERGARTEN = '00301001'; // district akimats; e-government portal only
const HOUSING = '00401001'; // district akimats; State Corporation and portal
const REAL_ESTATE = '00101001'; // provided by the State Corporation itself
const LAND = '01001001'; // district akimats

test('LSS 25: the service-complaint lifecycle cites the Law in every transition, starts only known terms, and takes the extension rule from the terms table', () => {
  const ids = new Set(TERMS.map((t) => t.id));
  for (const t of SERVICE_COMPLAINT.transitions) {
    assert.match(t.citation, /^LSS \d/, t.action);
    for (const s of t.from) assert.ok(SERVICE_COMPLAINT.states.includes(s));
    for (const id of t.starts ?? []) assert.ok(ids.has(id), id);
  }
  const extend = SERVICE_COMPLAINT.transitions.find((t) => t.action === 'extend')!;
  assert.deepEqual([...extend.actors].sort(), [...TERMS.find((t) => t.id === 'LSS-25.2')!.extension!.by].sort(), 'LSS 25(4) as in terms.ts');
  assert.equal(EXTENSION_MAX_WORKING_DAYS, 10);
  // 25(4) names the authorised body, central and local bodies and akims only
  assert.equal(mayExtend('authorized_body', 'central_executive_body'), true);
  assert.equal(mayExtend('provider', 'rural_akim'), true);
  assert.equal(mayExtend('provider', 'state_corporation'), false);
  assert.equal(mayExtend('state_corporation', 'state_corporation'), false);
});

for (const { engine, skip } of ENGINES) {
  describe(`public services API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-03-19T05:00:00Z');
    const as: Record<string, Record<string, string>> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const ids: Record<string, string> = {};

    const at = (iso: string) => { now = new Date(iso); };
    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };
    const ok = (res: { status: number; body: Json }, status = 200) => {
      assert.equal(res.status, status, JSON.stringify(res.body));
      return res.body;
    };
    const login = async (loginName: string) => {
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', loginName).executeTakeFirstOrThrow();
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password } });
      assert.equal(res.statusCode, 200, res.body);
      return { authorization: `Bearer ${res.json().token as string}` };
    };
    const applicantSignIn = async (address: string) => {
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address } });
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address, code: app.otp.lastCode(address) } });
      assert.equal(res.statusCode, 200, res.body);
      return { authorization: `Bearer ${res.json().token as string}` };
    };
    const paper = { kind: 'individual', name: 'Ахметов Ерлан Серікұлы', iin: '900101300017', postalAddress: 'Ботакара, ул. Абая, 10' };
    const register = (extra: Record<string, unknown>, who = 'registrar') =>
      call({
        method: 'POST', url: '/api/v1/service-complaints/register', as: who,
        payload: { serviceCode: BIRTH, addressee: 'provider', bodyId: bodies['KRG-BZH'], essence: 'Свидетельство выдано с ошибкой в отчестве, исправлять отказываются', complainant: paper, language: 'ru', channel: 'paper', receivedAt: now.toISOString(), ...extra },
      });
    const file = (extra: Record<string, unknown>, who = 'applicant') =>
      call({
        method: 'POST', url: '/api/v1/service-complaints', as: who,
        payload: { language: 'kk', essence: 'Кезекке қою мерзімі бұзылды, жауап берілмеді', complainant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', email: 'aigerim@example.com' }, ...extra },
      });
    const step = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await app.database.db.selectFrom('service_complaint').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      return call({ method: 'POST', url: `/api/v1/service-complaints/${id}/actions`, as: who, payload: { version: current.version, ...action } });
    };
    const count = async (table: 'service_complaint' | 'case_event' | 'service_rating' | 'public_service' | 'complaint') =>
      Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    /** an explanation line skips the day: a skipped day, or a run of them that covers it */
    const skips = (steps: Json[], day: string) => steps.some((s) => s.code === 'skipped' && s.date <= day && day <= (s.until ?? s.date));
    const notices = (subjectId: string, type: string) => app.database.db.selectFrom('notice').selectAll().where('subject_id', '=', subjectId).where('type', '=', type).execute();

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['registrar', 'deputy_head', 'executor', 'sysadmin', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the demo has no staff at the authorised body for quality (ASA) or the State Corporation: the committee chairman
      // is made deputy head there (role grants)
      for (const code of ['ASA', 'GOVCORP']) {
        await app.database.db.insertInto('role_grant').values({ official_id: officials['krs.chairman']!, role: 'deputy_head', body_id: bodies[code]!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      }
      as.authority = await login('krs.chairman');
      as.other_body = await login('aba.deputy');
      as.other_applicant = await applicantSignIn('someone.else@example.kz');
    });
    after(async () => app?.close());

    test('LSS 12: the register is loaded with the demo and searchable by words of the name in kk, ru and en, by code and by channel', async () => {
      const all = ok(await call({ method: 'GET', url: '/api/v1/services' }));
      assert.equal(all.total, 13);
      const ru = ok(await call({ method: 'GET', url: `/api/v1/services?q=${encodeURIComponent('рождения ребенка')}` }));
      assert.deepEqual(ru.items.map((s: Json) => s.code), [BIRTH]);
      const kk = ok(await call({ method: 'GET', url: `/api/v1/services?q=${encodeURIComponent('НЕКЕ')}` }));
      assert.deepEqual(kk.items.map((s: Json) => s.code), ['00801002'], 'case-insensitive, Kazakh');
      const en = ok(await call({ method: 'GET', url: '/api/v1/services?q=archive' }));
      assert.deepEqual(en.items.map((s: Json) => s.code), ['00501001']);
      const byCode = ok(await call({ method: 'GET', url: `/api/v1/services?q=${LAND}` }));
      assert.deepEqual(byCode.items.map((s: Json) => s.code), [LAND]);
      const wild = ok(await call({ method: 'GET', url: `/api/v1/services?q=${encodeURIComponent('%_')}` }));
      assert.equal(wild.total, 0, 'LIKE wildcards in the words are taken literally');
      const portalOnly = ok(await call({ method: 'GET', url: '/api/v1/services?channel=state_corporation' }));
      assert.ok(portalOnly.items.length > 0);
      for (const s of portalOnly.items) assert.ok(s.channels.some((c: Json) => c.code === 'state_corporation'), s.code);
      assert.ok(!portalOnly.items.some((s: Json) => s.code === KINDERGARTEN), 'the kindergarten list is on the portal only');
      assert.equal(all.items.length, Math.min(all.total, all.pageSize));
      const page2 = ok(await call({ method: 'GET', url: '/api/v1/services?page=2' }));
      assert.equal(page2.items.length, Math.max(0, all.total - all.pageSize));
      assert.equal((await call({ method: 'GET', url: '/api/v1/services?channel=fax' })).status, 400);

      const one = ok(await call({ method: 'GET', url: `/api/v1/services/${BIRTH}`, headers: { 'accept-language': 'en' } }));
      assert.equal(one.name.en, 'State registration of the birth of a child');
      assert.deepEqual(one.term, { amount: 1, unit: 'working_days', text: 'Working days: 1' });
      assert.deepEqual(one.channels.map((c: Json) => [c.code, c.citation]), [['egov_portal', 'LSS 18(2)(4)'], ['state_corporation', 'LSS 18(2)(2)'], ['provider', 'LSS 18(2)(1)']]);
      assert.deepEqual(one.refusalGrounds.map((g: Json) => g.citation), ['LSS 19-1(2)(1)', 'LSS 19-1(2)(2)']);
      assert.equal(one.proactive, true, 'LSS 21-1');
      assert.equal(one.fee.free, true);
      assert.ok(one.documents.length >= 2);
      const estate = ok(await call({ method: 'GET', url: `/api/v1/services/${REAL_ESTATE}` }));
      assert.deepEqual(estate.providers.bodies.map((b: Json) => b.code), ['GOVCORP']);
      assert.equal((await call({ method: 'GET', url: '/api/v1/services/99999999' })).status, 404);
      const doc = ok(await call({ method: 'GET', url: '/api/openapi.json' }));
      for (const path of ['/api/v1/services', '/api/v1/services/{code}', '/api/v1/services/quality', '/api/v1/service-complaints/{id}/actions']) assert.ok(doc.paths[path], path);
    });

    test('LSS 12: the system administrator maintains the register; others are refused; a paid service without its fee is a 400 per field and writes nothing', async () => {
      const service = {
        code: '00901099', name: { kk: 'Сынақ қызметі', ru: 'Тестовая услуга', en: 'Test service' }, providers: { bodyTypes: ['rural_akim'] }, channels: ['provider'],
        term: { amount: 3, unit: 'working_days' }, documents: [], fee: { free: false }, refusalGrounds: ['other_law'],
        procedureAct: { title: { kk: 'Қағида', ru: 'Правила', en: 'Rules' }, number: '1', date: '2024-01-10' }, proactive: false, sociallySignificant: false,
      };
      const before = await count('public_service');
      const denied = await call({ method: 'POST', url: '/api/v1/services', as: 'registrar', payload: service });
      assert.equal(denied.status, 403);
      const bad = await call({ method: 'POST', url: '/api/v1/services', as: 'sysadmin', payload: service });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
      assert.deepEqual(bad.body.errors.map((e: Json) => e.field).sort(), ['body.fee.mci', 'body.refusalOther']);
      assert.equal(await count('public_service'), before, 'nothing written');
      const made = ok(await call({ method: 'POST', url: '/api/v1/services', as: 'sysadmin', payload: { ...service, fee: { free: false, mci: 0.5 }, refusalOther: [{ kk: 'Заң', ru: 'Закон', en: 'A law' }] } }), 201);
      assert.equal(made.code, '00901099');
      const changed = ok(await call({ method: 'PUT', url: '/api/v1/services/00901099', as: 'sysadmin', payload: { ...service, fee: { free: true }, refusalGrounds: [], active: false } }));
      assert.equal(changed.version, 2);
      assert.equal((await call({ method: 'GET', url: '/api/v1/services?q=00901099' })).body.total, 0, 'an inactive service is not listed');
    });

    test('LSS 25(2): a complaint to the provider registered Wed 19.03.2025 is due in 5 working days, Mon 31.03 across Nauryz, explained', async () => {
      at('2025-03-19T05:00:00Z');
      const c = ok(await register({ receivedAt: '2025-03-18T16:00:00+05:00' }), 201);
      ids.march = c.id;
      assert.equal(c.state, 'registered');
      assert.equal(c.receivedOn, '2025-03-18');
      assert.equal(c.registeredOn, '2025-03-19', 'A-07: the term runs from registration, not receipt');
      assert.equal(c.term, 'LSS-25.2');
      assert.equal(c.citation, 'LSS 25(2) ¶1');
      assert.equal(c.due, '2025-03-31');
      assert.equal(c.bodyId, bodies['KRG-BZH']);
      assert.equal(c.providerBodyId, bodies['KRG-BZH']);
      assert.equal(c.overdue, false);
      // the explanation names the days skipped: Nauryz 21–23.03 and the days off 24–25.03
      for (const d of ['2025-03-21', '2025-03-24', '2025-03-25']) assert.ok(skips(c.dueExplanation, d), `${d}: ${JSON.stringify(c.dueExplanation)}`);
      assert.ok(!skips(c.dueExplanation, '2025-03-20'));
      assert.equal(c.dueExplanation.findLast((s: Json) => s.date).date, '2025-03-31');
      assert.deepEqual(c.deadlines.map((d: Json) => [d.term, d.from, d.due]), [['LSS-25.2', '2025-03-19', '2025-03-31']]);
      assert.deepEqual(c.timeline.map((e: Json) => [e.action, e.citation]), [['registered', 'LSS 25(2) ¶1']]);
      assert.equal((await notices(c.id, 'service_complaint_registered')).length, 1);
      assert.deepEqual(c.actions.map((a: Json) => a.action), ['withdraw'], 'the clerk may record a withdrawal; considering is for others');
    });

    test('LSS 25(2): a registered complaint whose term passed is listed as overdue from Tue 01.04.2025, not on the due day', async () => {
      at('2025-03-31T12:00:00Z');
      let list = ok(await call({ method: 'GET', url: '/api/v1/service-complaints?overdue=true', as: 'deputy_head' }));
      assert.ok(!list.items.some((c: Json) => c.id === ids.march));
      at('2025-04-01T05:00:00Z');
      list = ok(await call({ method: 'GET', url: '/api/v1/service-complaints?overdue=true', as: 'deputy_head' }));
      const item = list.items.find((c: Json) => c.id === ids.march);
      assert.ok(item, 'overdue');
      assert.equal(item.overdue, true);
      const mine = ok(await call({ method: 'GET', url: `/api/v1/service-complaints/${ids.march}`, as: 'deputy_head' }));
      assert.equal(mine.overdue, true);
    });

    test('LSS 25(2), 25(4), AT-06, A-05: a complaint to the State Corporation registered Mon 15.09.2025 is due Mon 22.09; the Corporation may not extend it', async () => {
      at('2025-09-15T05:00:00Z');
      const notVia = await file({ serviceCode: KINDERGARTEN, addressee: 'state_corporation', providerBodyId: bodies['KRG-ABA'] });
      assert.equal(notVia.status, 422);
      assert.equal(notVia.body.code, 'not_via_state_corporation');
      assert.equal(notVia.body.citation, 'LSS 25(2)');
      const c = ok(await file({ serviceCode: REAL_ESTATE, addressee: 'state_corporation', receiptRef: 'KZ-2025-0915-77' }), 201);
      ids.govcorp = c.id;
      assert.equal(c.bodyId, bodies.GOVCORP);
      assert.equal(c.providerBodyId, bodies.GOVCORP, 'the Corporation provides this service itself');
      assert.equal(c.due, '2025-09-22');
      at('2025-09-17T05:00:00Z');
      const refused = await step(c.id, 'authority', { action: 'extend', ground: 'additional_study', days: 5, reasons: 'Выезд на место' });
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'extension_not_allowed');
      assert.equal(refused.body.citation, 'LSS 25(4)');
      const after = ok(await call({ method: 'GET', url: `/api/v1/service-complaints/${c.id}`, as: 'authority' }));
      assert.equal(after.due, '2025-09-22');
      assert.equal(after.version, c.version, 'nothing changed');
    });

    test('LSS 25(2), AT-05: a complaint registered at the district akimat on Fri 12.12.2025 is due Mon 22.12 (16 December skipped)', async () => {
      at('2025-12-12T05:00:00Z');
      const c = ok(await register({ receivedAt: '2025-12-12T09:30:00+05:00' }), 201);
      ids.december = c.id;
      assert.equal(c.registeredOn, '2025-12-12');
      assert.equal(c.due, '2025-12-22');
      assert.ok(skips(c.dueExplanation, '2025-12-16'), JSON.stringify(c.dueExplanation));
    });

    test('LSS 25(2) ¶2: a complaint to the authorised body for quality registered Fri 12.12.2025 is due in 15 working days, Thu 08.01.2026, across 16 December and New Year', async () => {
      at('2025-12-12T06:00:00Z');
      const c = ok(await file({ serviceCode: HOUSING, addressee: 'authorized_body', providerBodyId: bodies['KRG-BZH'], receiptRef: 'KZ-2025-1101-12' }), 201);
      ids.authority = c.id;
      assert.equal(c.bodyId, bodies.ASA);
      assert.equal(c.term, 'LSS-25.2_authorized_body');
      assert.equal(c.citation, 'LSS 25(2) ¶2');
      assert.equal(c.due, '2026-01-08');
      for (const d of ['2025-12-16', '2026-01-01', '2026-01-07']) assert.ok(skips(c.dueExplanation, d), `${d} skipped: ${JSON.stringify(c.dueExplanation)}`);
    });

    test('LSS 25(4), AT-03, AT-04: the authorised body extends on Thu 25.12.2025 by at most 10 working days, on a ground of the law: due Thu 22.01.2026, notice by Tue 30.12', async () => {
      at('2025-12-25T05:00:00Z');
      const id = ids.authority!;
      // the form's closed list and limit come from the law through the case, in the reader's language
      const seen = ok(await call({ method: 'GET', url: `/api/v1/service-complaints/${id}`, as: 'authority', headers: { 'accept-language': 'ru' } }));
      assert.deepEqual(seen.extension.grounds.map((g: Json) => [g.code, g.citation]), [['additional_study', 'LSS 25(4)(1)'], ['additional_information', 'LSS 25(4)(2)']]);
      assert.match(seen.extension.grounds[1].text, /информаци/i);
      assert.equal(seen.extension.maxWorkingDays, 10);
      const tooLong = await step(id, 'authority', { action: 'extend', ground: 'additional_study', days: 11, reasons: 'Выезд на место' });
      assert.equal(tooLong.status, 422);
      assert.equal(tooLong.body.code, 'extension_too_long');
      assert.equal(tooLong.body.citation, 'LSS 25(4)');
      assert.deepEqual(tooLong.body.errors.map((e: Json) => e.field), ['body.days']);
      const workload = await step(id, 'authority', { action: 'extend', ground: 'workload', days: 5, reasons: 'Много работы' });
      assert.equal(workload.status, 400);
      assert.ok(workload.body.errors.some((e: Json) => e.field === 'body.ground'), JSON.stringify(workload.body));
      const byApplicant = await step(id, 'applicant', { action: 'extend', ground: 'additional_study', days: 5, reasons: 'x' });
      assert.equal(byApplicant.status, 403);
      assert.equal(byApplicant.body.code, 'not_your_step');
      const before = await count('case_event');
      const c = ok(await step(id, 'authority', { action: 'extend', ground: 'additional_study', days: 10, reasons: 'Проверка с выездом на место' }));
      assert.equal(await count('case_event'), before + 1, 'one event');
      assert.equal(c.due, '2026-01-22');
      assert.equal(c.originalDue, '2026-01-08');
      assert.equal(c.extendedDays, 10);
      assert.equal(c.dueExplanation.findLast((s: Json) => s.date).date, '2026-01-22');
      assert.deepEqual(c.deadlines.find((d: Json) => d.term === 'LSS-25.4'), { term: 'LSS-25.4', from: '2025-12-25', due: '2025-12-30', open: true });
      const last = c.timeline.at(-1);
      assert.equal(last.action, 'extend');
      assert.equal(last.citation, 'LSS 25(4)(1)');
      assert.equal(last.actor, `official:${officials['krs.chairman']}`, 'the extending civil servant is on the record');
      const [notice] = await notices(id, 'service_complaint_extended');
      assert.equal((notice!.data as Json).newDueDate, '2026-01-22');
      const oneMore = await step(id, 'authority', { action: 'extend', ground: 'additional_information', days: 1, reasons: 'Запрос' });
      assert.equal(oneMore.status, 422);
      assert.equal(oneMore.body.code, 'extension_too_long');
    });

    test('LSS 25(2), 5(2)(7): the provider decides (refused with reasons) and the complainant on paper is answered in writing; deciding or extending again is refused with the article', async () => {
      at('2025-12-19T05:00:00Z');
      const id = ids.december!;
      const noMeasures = await step(id, 'deputy_head', { action: 'decide', outcome: 'satisfied', reasons: 'Ошибка подтверждена' });
      assert.equal(noMeasures.status, 422);
      assert.equal(noMeasures.body.code, 'measures_required');
      assert.equal(noMeasures.body.citation, 'LSS 5(2)(9)');
      const byExecutor = await step(id, 'executor', { action: 'decide', outcome: 'refused', reasons: 'x' });
      assert.equal(byExecutor.status, 404, 'the executor neither considers service complaints nor reads them');
      const c = ok(await step(id, 'deputy_head', { action: 'decide', outcome: 'refused', reasons: 'Отчество записано по документам, представленным заявителем' }));
      assert.equal(c.state, 'decided');
      assert.equal(c.decision.outcome, 'refused');
      assert.equal(c.decision.late, false);
      assert.equal(c.decidedOn, '2025-12-19');
      const [notice] = await notices(id, 'service_complaint_decided');
      assert.ok(notice, 'the decision is notified');
      const channels = (await app.database.db.selectFrom('notice_delivery').select('channel').where('notice_id', '=', notice!.id).execute()).map((d) => d.channel);
      assert.ok(channels.includes('post'), 'LSS 25(4): filed on paper, answered in writing');
      const again = await step(id, 'deputy_head', { action: 'decide', outcome: 'satisfied', reasons: 'x', measures: 'y' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'illegal_transition');
      assert.equal(again.body.citation, 'LSS 25(2), 5(2)(7)');
      const extend = await step(id, 'deputy_head', { action: 'extend', ground: 'additional_study', days: 2, reasons: 'x' });
      assert.equal(extend.status, 409);
      assert.equal(extend.body.citation, 'LSS 25(4)');
    });

    test('LSS 25(1), APC 91: a complaint that is really against an administrative act goes on as an APC complaint at the body that adopted it, and the answer says so', async () => {
      at('2026-02-02T05:00:00Z');
      const c = ok(await register({ serviceCode: LAND, subject: 'administrative_act', essence: 'Обжалую постановление акимата об отказе в предоставлении участка' }), 201);
      assert.ok(c.message, 'the answer says the complaint concerns an act');
      const apcBefore = await count('complaint');
      const [rows, events] = [await count('service_complaint'), await count('case_event')];
      const noDate = await step(c.id, 'deputy_head', { action: 'route_to_apc', challengedSummary: 'Постановление акимата' });
      assert.equal(noDate.status, 422, 'without an appeal case the APC needs the day the act became known');
      assert.equal(noDate.body.citation, 'APC 92(1)');
      assert.deepEqual([await count('complaint'), await count('service_complaint'), await count('case_event')], [apcBefore, rows, events], 'nothing written');
      const routed = ok(await step(c.id, 'deputy_head', { action: 'route_to_apc', challengedSummary: 'Постановление акимата об отказе в предоставлении земельного участка', learnedOn: '2026-01-20' }));
      assert.equal(routed.state, 'routed_to_apc');
      assert.ok(routed.apcComplaintId);
      assert.equal(await count('complaint'), apcBefore + 1);
      const apc = ok(await call({ method: 'GET', url: `/api/v1/complaints/${routed.apcComplaintId}`, as: 'registrar' }));
      assert.equal(apc.originBodyId, bodies['KRG-BZH']);
      assert.equal(apc.challengedKind, 'act');
      assert.equal(apc.reviewBodyId, bodies.KRG, 'APC 91(3): the superior body reviews it');
      assert.ok(routed.message.includes(apc.number), routed.message);
      assert.equal(routed.timeline.at(-1).citation, 'LSS 25(1); APC 91(1), 91(4)');
      assert.equal((await notices(c.id, 'service_complaint_routed')).length, 1);
      const again = await step(c.id, 'deputy_head', { action: 'route_to_apc', challengedSummary: 'x', learnedOn: '2026-01-20' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'illegal_transition');
      assert.equal(await count('complaint'), apcBefore + 1, 'no second APC complaint');
    });

    test('LSS 25(2): bad input is a 400 with per-field errors (or a 422 citing the article) and writes nothing', async () => {
      at('2026-02-03T05:00:00Z');
      const [complaints, events] = [await count('service_complaint'), await count('case_event')];
      const missing = await register({ essence: undefined, addressee: 'the_minister' });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.code, 'validation');
      assert.deepEqual(missing.body.errors.map((e: Json) => e.field).sort(), ['body.addressee', 'body.essence']);
      assert.ok(missing.body.errors.every((e: Json) => e.message));
      const noAddress = await register({ complainant: { kind: 'individual', name: 'Без адреса' } });
      assert.equal(noAddress.status, 400);
      assert.deepEqual(noAddress.body.errors.map((e: Json) => [e.field, e.code]), [['body.complainant.postalAddress', 'required']]);
      const unknown = await register({ serviceCode: '12345678' });
      assert.deepEqual([unknown.status, unknown.body.errors[0].field, unknown.body.errors[0].code], [400, 'body.serviceCode', 'unknown_reference']);
      const future = await register({ receivedAt: '2026-02-05T10:00:00+05:00' });
      assert.deepEqual([future.status, future.body.errors[0].field], [400, 'body.receivedAt']);
      const notProvider = await register({ serviceCode: '00501001' });
      assert.equal(notProvider.status, 422, 'archive certificates are issued by the region, not the district');
      assert.equal(notProvider.body.code, 'not_a_provider');
      const badAction = await step(ids.march!, 'deputy_head', { action: 'extend', ground: 'additional_study', days: 'ten', reasons: 'x' });
      assert.equal(badAction.status, 400);
      assert.deepEqual(badAction.body.errors.map((e: Json) => e.field), ['body.days']);
      assert.equal(await count('service_complaint'), complaints);
      assert.equal(await count('case_event'), events);
    });

    test('access: a citizen sees only own complaints; another citizen and an official of another body get 404, and their steps are refused', async () => {
      const mine = ok(await call({ method: 'GET', url: '/api/v1/service-complaints', as: 'applicant' }));
      assert.deepEqual(mine.items.map((c: Json) => c.id).sort(), [ids.govcorp, ids.authority].sort());
      const theirs = ok(await call({ method: 'GET', url: '/api/v1/service-complaints', as: 'other_applicant' }));
      assert.deepEqual(theirs.items, []);
      assert.equal((await call({ method: 'GET', url: `/api/v1/service-complaints/${ids.authority}`, as: 'other_applicant' })).status, 404);
      assert.equal((await step(ids.authority!, 'other_applicant', { action: 'withdraw' })).status, 404);
      const foreign = ok(await call({ method: 'GET', url: '/api/v1/service-complaints', as: 'other_body' }));
      assert.ok(!foreign.items.some((c: Json) => c.bodyId === bodies['KRG-BZH']));
      assert.equal((await call({ method: 'GET', url: `/api/v1/service-complaints/${ids.march}`, as: 'other_body' })).status, 404);
      const stepForeign = await step(ids.march!, 'other_body', { action: 'decide', outcome: 'refused', reasons: 'x' });
      assert.equal(stepForeign.status, 404);
      assert.equal((await call({ method: 'GET', url: `/api/v1/service-complaints/${ids.authority}`, as: 'registrar' })).status, 404, 'the district does not read complaints at the authorised body');
      const own = ok(await call({ method: 'GET', url: `/api/v1/service-complaints/${ids.authority}`, as: 'applicant' }));
      assert.deepEqual(own.actions.map((a: Json) => a.action), ['withdraw']);
      const row = await app.database.db.selectFrom('service_complaint').select(['state', 'version']).where('id', '=', ids.march!).executeTakeFirstOrThrow();
      assert.deepEqual(row, { state: 'registered', version: 1 });
      // the citizen withdraws their own complaint; the State Corporation's list still holds it, closed
      const withdrawn = ok(await step(ids.govcorp!, 'applicant', { action: 'withdraw' }));
      assert.equal(withdrawn.state, 'withdrawn');
      assert.deepEqual(withdrawn.actions, []);
    });

    test('LSS 28–29: ratings once per receipt; figures per service and per provider per 100 ratings, a service with three fives does not top the table', async () => {
      // the hand-counted fixture: scores per service at a provider
      const fixture: [string, string, number[]][] = [
        [BIRTH, 'KRG-BZH', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 1]], // 12 ratings, sum 55
        [KINDERGARTEN, 'KRG-ABA', [5, 5, 5]], // 3 ratings, sum 15
        [HOUSING, 'KRG-BZH', [3, 3, 3, 3, 3, 2, 2, 4, 4, 1]], // 10 ratings, sum 28
      ];
      let n = 0;
      for (const [code, provider, scores] of fixture) {
        for (const score of scores) ok(await call({ method: 'POST', url: `/api/v1/services/${code}/ratings`, as: 'applicant', payload: { providerBodyId: bodies[provider], score, receiptRef: `R-${++n}` } }), 201);
      }
      const twice = await call({ method: 'POST', url: `/api/v1/services/${BIRTH}/ratings`, as: 'applicant', payload: { providerBodyId: bodies['KRG-BZH'], score: 1, receiptRef: 'R-1' } });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'already_rated');
      const both = await call({ method: 'POST', url: `/api/v1/services/${HOUSING}/ratings`, as: 'applicant', payload: { providerBodyId: bodies['KRG-BZH'], score: 3, receiptRef: 'R-x', complaintId: ids.authority } });
      assert.equal(both.status, 400);
      const six = await call({ method: 'POST', url: `/api/v1/services/${BIRTH}/ratings`, as: 'applicant', payload: { providerBodyId: bodies['KRG-BZH'], score: 6, receiptRef: 'R-y' } });
      assert.deepEqual([six.status, six.body.errors[0].field], [400, 'body.score']);
      const notProvider = await call({ method: 'POST', url: `/api/v1/services/${BIRTH}/ratings`, as: 'applicant', payload: { providerBodyId: bodies.KRG, score: 3, receiptRef: 'R-z' } });
      assert.equal(notProvider.status, 422);
      assert.equal((await call({ method: 'POST', url: `/api/v1/services/${BIRTH}/ratings`, as: 'registrar', payload: { providerBodyId: bodies['KRG-BZH'], score: 3, receiptRef: 'R-o' } })).status, 403);
      // once per complaint too: the own complaint about the housing service
      ok(await call({ method: 'POST', url: `/api/v1/services/${HOUSING}/ratings`, as: 'applicant', payload: { providerBodyId: bodies['KRG-BZH'], score: 2, complaintId: ids.authority } }), 201);
      assert.equal((await call({ method: 'POST', url: `/api/v1/services/${HOUSING}/ratings`, as: 'applicant', payload: { providerBodyId: bodies['KRG-BZH'], score: 2, complaintId: ids.authority } })).status, 409);
      assert.equal(await count('service_rating'), 26);

      // by service. Ratings: birth 12 (sum 55), kindergarten 3 (15), housing 11 (28 + 2 = 30); all 26, sum 100, average 3.85.
      // damped = (10 × 3.846… + sum) / (10 + n): birth 93.46/22 = 4.25, kindergarten 53.46/13 = 4.11, housing 68.46/21 = 3.26.
      // complaints about the quality (not the one routed to the APC): birth 2 (March, December), housing 1, real estate 1.
      const byService = ok(await call({ method: 'GET', url: '/api/v1/services/quality?by=service', headers: { 'accept-language': 'ru' } }));
      assert.equal(byService.method.overallAverage, 3.85);
      assert.deepEqual(byService.rows.map((r: Json) => r.serviceCode), [BIRTH, KINDERGARTEN, HOUSING, REAL_ESTATE], 'three fives do not top twelve ratings of 4.58');
      const row = (code: string) => byService.rows.find((r: Json) => r.serviceCode === code);
      assert.deepEqual(
        { ...row(BIRTH), serviceName: undefined },
        { serviceCode: BIRTH, serviceName: undefined, providerBodyId: null, providerName: null, ratings: 12, average: 4.58, damped: 4.25, satisfiedPer100: 91.7, dissatisfiedPer100: 8.3, complaints: 2, complaintsPer100Ratings: 16.7, distribution: [1, 0, 0, 1, 10], reliable: true },
      );
      assert.equal(row(BIRTH).serviceName, 'Государственная регистрация рождения ребенка');
      assert.deepEqual([row(KINDERGARTEN).average, row(KINDERGARTEN).damped, row(KINDERGARTEN).reliable, row(KINDERGARTEN).satisfiedPer100], [5, 4.11, false, 100]);
      assert.deepEqual([row(HOUSING).ratings, row(HOUSING).average, row(HOUSING).damped, row(HOUSING).dissatisfiedPer100, row(HOUSING).complaintsPer100Ratings], [11, 2.73, 3.26, 36.4, 9.1]);
      assert.deepEqual([row(REAL_ESTATE).ratings, row(REAL_ESTATE).complaints, row(REAL_ESTATE).average, row(REAL_ESTATE).complaintsPer100Ratings], [0, 1, null, null]);

      // by provider: the district of Bukhar-Zhyrau 23 ratings (sum 85), Abai 3 (15); the State Corporation 1 complaint, no ratings.
      // damped: Bukhar-Zhyrau (38.46 + 85) / 33 = 3.74, Abai 53.46 / 13 = 4.11; complaints Bukhar-Zhyrau 3 → 13.0 per 100 ratings.
      const byProvider = ok(await call({ method: 'GET', url: '/api/v1/services/quality?by=provider' }));
      assert.deepEqual(byProvider.rows.map((r: Json) => r.providerBodyId), [bodies['KRG-ABA'], bodies['KRG-BZH'], bodies.GOVCORP]);
      const bzh = byProvider.rows.find((r: Json) => r.providerBodyId === bodies['KRG-BZH']);
      assert.deepEqual([bzh.ratings, bzh.average, bzh.damped, bzh.complaints, bzh.complaintsPer100Ratings], [23, 3.7, 3.74, 3, 13]);
      const one = ok(await call({ method: 'GET', url: `/api/v1/services/quality?by=provider&serviceCode=${HOUSING}` }));
      assert.deepEqual(one.rows.map((r: Json) => [r.providerBodyId, r.ratings, r.complaints]), [[bodies['KRG-BZH'], 11, 1]]);
    });

    test('LSS 1(2-1), 12(3): a hidden public service noticed in an appeal is flagged for the register and listed for the administrator', async () => {
      at('2026-02-04T05:00:00Z');
      const appeal = ok(await call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу выдать справку о составе семьи для школы', summary: 'Справка для школы',
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'ул. Абая, 10' }, signed: true, filedOn: '2026-02-04', receivedAt: '2026-02-04T10:00:00+05:00',
        },
      }), 201);
      const flag = { appealId: appeal.id, functionName: 'Выдача справки о составе семьи для школы', reason: 'Функция выполняется по заявлению и даёт результат, но её нет в реестре' };
      assert.equal((await call({ method: 'POST', url: '/api/v1/services/hidden', as: 'other_body', payload: flag })).status, 404);
      assert.equal((await call({ method: 'POST', url: '/api/v1/services/hidden', as: 'registrar', payload: { ...flag, reason: '' } })).status, 400);
      const made = ok(await call({ method: 'POST', url: '/api/v1/services/hidden', as: 'registrar', payload: flag }), 201);
      assert.equal(made.citation, 'LSS 1(2-1), 12(3)');
      assert.equal(made.bodyId, bodies['KRG-BZH']);
      assert.equal((await call({ method: 'GET', url: '/api/v1/services/hidden', as: 'registrar' })).status, 403);
      const listed = ok(await call({ method: 'GET', url: '/api/v1/services/hidden', as: 'sysadmin' }));
      assert.deepEqual(listed.items.map((h: Json) => [h.appealId, h.functionName]), [[appeal.id, flag.functionName]]);
    });

    test('every step of a service complaint is one hash-chained case event; the chains verify', async () => {
      const rows = await app.database.db.selectFrom('service_complaint').select(['id', 'event_count']).execute();
      assert.ok(rows.length >= 5);
      for (const r of rows) {
        const events = await app.database.db.selectFrom('case_event').select('seq').where('case_type', '=', 'service_complaint').where('case_id', '=', r.id).execute();
        assert.equal(events.length, r.event_count, r.id);
      }
      const verified = await verifyCaseEvents(app.database.db);
      assert.deepEqual(verified.breaks, []);
    });
  });
}
