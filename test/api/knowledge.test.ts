/**
 * The Knowledge Base (Rules No. 111 p.6–13, Annexes 1–2) through the API, on both engines: the list of procedures
 * with the public-service exclusion (AT-26) and diagnosis, a manual's approval blocked by an empty row 12 (AT-23),
 * versions in force on a date and their diff, the three-month update after a change with its reminders (AT-24), the
 * missing quarterly verification (AT-25), search in kk/ru/en with a typo, the public view (published only), access
 * and bad input. Scenario numbers are those of rules-services-requirements.md Part 5; the clock is a test adapter
 * and the tests run in the order of the calendar.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { missingRows, quarterOf, updateDue } from '../../src/law/knowledge.ts';
import { wordDiff } from '../../src/modules/knowledge/diff.ts';
import { readXlsx } from '../../src/modules/integrations/xlsx.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

test('Rules p.13, A-08: three calendar months with the month-end clamp; calendar quarters; the rows that block approval', () => {
  assert.equal(updateDue('2025-02-14'), '2025-05-14', 'AT-24');
  assert.equal(updateDue('2024-11-30'), '2025-02-28');
  assert.deepEqual(quarterOf('2025-11-03'), { period: '2025-Q4', year: 2025, quarter: 4, start: '2025-10-01', end: '2025-12-31' });
  assert.equal(quarterOf('2024-02-10').end, '2024-03-31');
  const all = Object.fromEntries(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r9', 'r10', 'r11', 'r13', 'r14'].map((k) => [k, { ru: 'текст' }]));
  assert.deepEqual(missingRows(all, ['r8', 'r15', 'r16']), ['r12Consider'], 'row 12 required; row 8 may be none');
  assert.deepEqual(missingRows({ ...all, r12Satisfy: { kk: 'мәтін' } }, []), ['r15', 'r16'], 'rows 15–16 only if explicitly marked');
  assert.deepEqual(missingRows({ ...all, r12Consider: { en: 'x' } }, ['r15', 'r16']), []);
  assert.deepEqual(wordDiff('a b c', 'a x c'), [{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'b' }, { op: 'insert', text: 'x' }, { op: 'equal', text: ' c' }]);
});

const row = (ru: string, extra: Record<string, string> = {}) => ({ ru, ...extra });
const fullManual = (r7: string) => ({
  r1: row('Аппарат акима Карагандинской области, Сейтова М. Б.', { kk: 'Қарағанды облысы әкімінің аппараты' }),
  r2: row('ИАС «Электронные обращения»'),
  r3: row('Письменная, электронная'),
  r4: row('Пн–Пт 9:00–18:30'),
  r5: row('АППК, Закон о жилищных отношениях'),
  r6: row('Заявление, копия документа о праве собственности'),
  r7: row(r7, { en: r7 === 'Пятнадцать рабочих дней' ? 'Fifteen working days' : 'Ten working days' }),
  r9: row('Регистрация заявлений граждан, рассмотрение, заслушивание, решение'),
  r10: row('Административный акт о водоснабжении или отказ'),
  r11: row('Соответствие требованиям водоснабжения'),
  r13: row('Жалоба в вышестоящий орган (АППК 91), затем суд'),
  r14: row('АППК 73, 76, 80'),
  r16: row('Учитывать сезонность', { kk: 'Сумен жабдықтау маусымдылығын ескеру' }),
});

for (const { engine, skip } of ENGINES) {
  describe(`Knowledge Base API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-01-10T05:00:00Z');
    const at = (iso: string) => { now = new Date(`${iso}T05:00:00Z`); };
    const as: Record<string, Record<string, string>> = {};
    const bodies: Record<string, string> = {};
    const topics: Record<string, string> = {};
    const ids: Record<string, string> = {};
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
    const procedure = (extra: Record<string, unknown> = {}) => ({
      bodyId: bodies['KRG-APP'], code: 'AP-WATER', scope: 'Жилищные отношения', name: { kk: 'Сумен жабдықтау мәселелері бойынша өтініштерді қарау', ru: 'Рассмотрение заявлений по водоснабжению', en: 'Consideration of applications on water supply' },
      regulatedBy: 'АППК, гл. 9', format: 'both', informationSystem: 'ИАС «Электронные обращения»', performer: 'Отдел ЖКХ', complaintBody: 'Аким области', appealProcedure: 'Жалоба, затем суд',
      appealBinding: 'mandatory', appealTerms: 'Три месяца (АППК 91(4))', legalRefs: 'АППК ст. 91', topicIds: [topics['HOUSING.WATER']], ...extra,
    });
    const step = (id: string, who: string, action: Record<string, unknown>) => call({ method: 'POST', url: `/api/v1/manuals/${id}/actions`, as: who, payload: action });
    const publishManual = async (procedureId: string, fields: Record<string, unknown>, effectiveFrom: string, basis?: Record<string, unknown>) => {
      const m = ok(await call({ method: 'POST', url: `/api/v1/procedures/${procedureId}/manuals`, as: 'kb', payload: { fields, none: ['r8', 'r15'], ...(basis ? { basis } : {}) } }), 201);
      ok(await step(m.id, 'kb', { action: 'submit' }));
      ok(await step(m.id, 'head', { action: 'approve', effectiveFrom }));
      return ok(await step(m.id, 'kb', { action: 'publish' }));
    };
    const register = (topicCode: string, receivedAt: string) =>
      call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-APP'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу разобраться', summary: topicCode, topicId: topics[topicCode],
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Караганда, ул. Абая, 10' }, signed: true, filedOn: receivedAt.slice(0, 10), receivedAt,
        },
      });
    const obligations = async (query: string) => ok(await call({ method: 'GET', url: `/api/v1/knowledge/obligations?bodyId=${bodies['KRG-APP']}${query}`, as: 'legal' }));

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const t of await app.database.db.selectFrom('topic').select(['id', 'code']).execute()) topics[t.code] = t.id;
      as.kb = await signIn(app, 'kb_editor');
      as.legal = await signIn(app, 'legal_service');
      as.applicant = await signIn(app, 'applicant');
      as.head = await login('krg.apparatus');
      as.registrar = await login('krg.registrar');
      // an editor of the Knowledge Base of another body (a district akimat)
      const other = await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', 'bzh.executor').executeTakeFirstOrThrow();
      await app.database.db.insertInto('role_grant').values({ official_id: other.official_id, role: 'kb_editor', body_id: bodies['KRG-BZH']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      as.other = await login('bzh.executor');
      // the demo appoints its officials on the day it is loaded (today); this test's clock runs in 2025
      await app.database.db.updateTable('appointment').set({ valid_from: '2024-01-01' }).execute();
    });
    after(async () => app?.close());

    test('AT-26 (p.8): a procedure linked to the register of public services is refused with the text of p.8; nothing is written', async () => {
      const before = (await app.database.db.selectFrom('admin_procedure').select('id').execute()).length;
      const code = (await app.database.db.selectFrom('public_service').select('code').executeTakeFirstOrThrow()).code;
      for (const [lang, text] of [['en', 'The list does not include administrative procedures for the provision of public services.'], ['kk', 'Тізбеге мемлекеттік қызметтер көрсету жөніндегі әкімшілік рәсімдер енгізілмейді.'], ['ru', 'государственных услуг']] as const) {
        const res = await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', headers: { 'accept-language': lang }, payload: procedure({ publicServiceCode: code }) });
        assert.equal(res.status, 422);
        assert.equal(res.body.code, 'public_service_procedure');
        assert.equal(res.body.citation, 'Rules No. 111 p.8');
        assert.equal(res.body.errors[0].field, 'body.publicServiceCode');
        assert.ok(res.body.errors[0].message.includes(text) || res.body.detail.includes(text), `${lang}: ${JSON.stringify(res.body)}`);
      }
      assert.equal((await app.database.db.selectFrom('admin_procedure').select('id').execute()).length, before);
    });

    test('Annex 1: create (kb.edit), bad input per field, access, approval by the head (kb.approve), export in the Annex 1 layout', async () => {
      const bad = await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', payload: { ...procedure(), name: { kk: '', ru: 'x' }, format: 'fax' } });
      assert.equal(bad.status, 400);
      const fields = bad.body.errors.map((e: Json) => e.field);
      assert.ok(fields.includes('body.format') && fields.some((f: string) => f.startsWith('body.name')), JSON.stringify(fields));
      assert.equal((await call({ method: 'POST', url: '/api/v1/procedures', payload: procedure() })).status, 401);
      assert.equal((await call({ method: 'POST', url: '/api/v1/procedures', as: 'applicant', payload: procedure() })).status, 403, 'a citizen cannot edit');
      assert.equal((await call({ method: 'POST', url: '/api/v1/procedures', as: 'other', payload: procedure() })).status, 403, "another body's editor cannot");
      assert.equal((await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', payload: procedure({ topicIds: ['00000000-0000-4000-8000-000000000000'] }) })).body.errors[0].field, 'body.topicIds.0');

      const p = ok(await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', payload: procedure() }), 201);
      ids.p = p.id;
      assert.equal(p.state, 'draft');
      assert.equal((await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', payload: procedure() })).status, 409, 'code unique in the body');
      assert.equal((await call({ method: 'POST', url: `/api/v1/procedures/${p.id}/approve`, as: 'kb' })).status, 403, 'the head approves (p.9)');
      assert.equal(ok(await call({ method: 'POST', url: `/api/v1/procedures/${p.id}/approve`, as: 'head' })).state, 'approved');
      ids.q = ok(await call({ method: 'POST', url: '/api/v1/procedures', as: 'kb', payload: procedure({ code: 'AP-ROADS', name: { kk: 'Жол жөндеу', ru: 'Ремонт дорог', en: 'Road repair' }, topicIds: [] }) }), 201).id;

      const annex = ok(await call({ method: 'GET', url: `/api/v1/procedures/annex1?bodyId=${bodies['KRG-APP']}&lang=kk`, as: 'legal' }));
      assert.equal(annex.columns.length, 8);
      assert.equal(annex.columns[0].label, 'Заңнама саласы');
      assert.equal(annex.columns[4].label, 'Шағымды қарайтын орган');
      const r = annex.rows.find((x: Json) => x.id === p.id);
      assert.equal(r.cells.length, 8);
      assert.match(r.cells[1], /^Сумен жабдықтау .* \/ АППК, гл\. 9$/);
      assert.equal((await call({ method: 'GET', url: `/api/v1/procedures?bodyId=${bodies['KRG-APP']}`, as: 'other' })).status, 403);
      const xlsx = await app.server.inject({ method: 'GET', url: `/api/v1/procedures/annex1.xlsx?bodyId=${bodies['KRG-APP']}&lang=en`, headers: as.legal });
      assert.equal(xlsx.statusCode, 200);
      const sheet = await readXlsx(xlsx.rawPayload, { maxBytes: 1_000_000, maxRows: 100 });
      const cells = sheet.map((r) => r.cells);
      assert.ok(cells.some((c) => c[0] === '1. Scope of legislation' && c[4] === '5. The body reviewing the complaint'), JSON.stringify(cells[0]));
      assert.ok(cells.some((c) => c[1] === 'Consideration of applications on water supply / АППК, гл. 9' && c.length === 8), 'the row in the Annex 1 layout');
    });

    test('diagnosis (p.8): topics of the appeals handled with no procedure, with counts and examples; public services left out', async () => {
      for (const [topic, on] of [['ROADS.REPAIR', '2025-01-06'], ['ROADS.REPAIR', '2025-01-08'], ['HOUSING.WATER', '2025-01-08'], ['SERVICES', '2025-01-09']] as const) ok(await register(topic, `${on}T04:00:00Z`), 201);
      const d = ok(await call({ method: 'GET', url: `/api/v1/procedures/diagnosis?bodyId=${bodies['KRG-APP']}`, as: 'legal' }));
      assert.equal(d.since, '2024-01-10');
      assert.deepEqual(d.suggestions.map((s: Json) => [s.topicCode, s.appeals, s.examples.length]), [['ROADS.REPAIR', 2, 2]]);
      assert.deepEqual(d.excludedPublicServiceTopics, ['SERVICES']);
    });

    test('AT-23 (p.9): approval is blocked while row 12 is empty, row 8 "none" is accepted; the head approves, the unit publishes', async () => {
      const fields = fullManual('Пятнадцать рабочих дней');
      const draft = ok(await call({ method: 'POST', url: `/api/v1/procedures/${ids.p}/manuals`, as: 'kb', payload: { fields, none: ['r8', 'r15'] } }), 201);
      assert.deepEqual(draft.missing, ['r12Consider']);
      assert.equal((await call({ method: 'POST', url: `/api/v1/procedures/${ids.p}/manuals`, as: 'kb', payload: { fields } })).status, 409, 'one version in the making');
      assert.equal((await call({ method: 'POST', url: `/api/v1/procedures/${ids.p}/manuals`, as: 'kb', payload: { fields: { r99: { ru: 'x' } } } })).status, 400);
      ok(await step(draft.id, 'kb', { action: 'submit' }));
      const blocked = await step(draft.id, 'head', { action: 'approve', effectiveFrom: '2025-01-15' });
      assert.equal(blocked.status, 422);
      assert.equal(blocked.body.code, 'manual_incomplete');
      assert.equal(blocked.body.citation, 'Rules No. 111 p.9');
      assert.deepEqual(blocked.body.errors.map((e: Json) => e.field), ['fields.r12Consider'], 'row 8 "none" is not an error');
      assert.equal((await step(draft.id, 'kb', { action: 'approve' })).status, 403, 'only the head approves');
      ok(await step(draft.id, 'head', { action: 'return', note: 'Заполните строку 12' }));
      const completed = ok(await call({ method: 'PUT', url: `/api/v1/manuals/${draft.id}`, as: 'kb', payload: { fields: { ...fields, r12Satisfy: { ru: 'Несоответствие требованиям', kk: 'Талаптарға сәйкес келмеу' } }, none: ['r8', 'r15'] } }));
      assert.deepEqual(completed.missing, []);
      ok(await step(draft.id, 'kb', { action: 'submit' }));
      const approved = ok(await step(draft.id, 'head', { action: 'approve', effectiveFrom: '2025-01-15' }));
      assert.deepEqual([approved.version, approved.state, approved.effectiveFrom, approved.effectiveTo], [1, 'approved', '2025-01-15', null]);
      assert.equal((await call({ method: 'GET', url: `/api/v1/public/knowledge/manuals/${ids.p}` })).status, 404, 'not yet published');
      ok(await step(draft.id, 'kb', { action: 'publish' }));
      const pub = ok(await call({ method: 'GET', url: `/api/v1/public/knowledge/manuals/${ids.p}` }));
      assert.equal(pub.version, 1);
      assert.equal(pub.rows.length, 17);
      const r12 = pub.rows.find((r: Json) => r.key === 'r12Consider');
      assert.equal(r12.label.kk, 'Қараудан бас тарту үшін негіздер');
      assert.equal(pub.rows.find((r: Json) => r.key === 'r12Satisfy').label.en, 'Grounds for refusal of satisfaction');
      assert.equal(pub.rows.find((r: Json) => r.key === 'r8').none, true);
      // the second procedure gets its manual too (for AT-24)
      ok(await call({ method: 'POST', url: `/api/v1/procedures/${ids.q}/approve`, as: 'head' }));
      await publishManual(ids.q!, { ...fullManual('Десять рабочих дней'), r12Consider: { ru: 'Анонимное обращение' } }, '2025-01-20');
    });

    test('versions: the next approval ends the earlier one the day before; the version in force on a date; the word diff; basis kept', async () => {
      at('2025-03-01');
      const caseId = '5b0c5a55-0000-4000-8000-000000000001';
      const v2 = await publishManual(ids.p!, { ...fullManual('Десять рабочих дней'), r12Satisfy: { ru: 'Несоответствие требованиям' } }, '2025-03-10', { note: 'Изменено по делу X', courtCaseIds: [caseId] });
      assert.deepEqual([v2.version, v2.effectiveFrom, v2.basis.courtCaseIds], [2, '2025-03-10', [caseId]]);
      const inForce = async (on: string) => call({ method: 'GET', url: `/api/v1/procedures/${ids.p}/manuals/in-force?on=${on}`, as: 'legal' });
      assert.equal(ok(await inForce('2025-03-09')).version, 1);
      assert.equal(ok(await inForce('2025-03-09')).effectiveTo, '2025-03-09');
      assert.equal(ok(await inForce('2025-03-10')).version, 2);
      assert.equal((await inForce('2025-01-14')).status, 404);
      assert.equal((await inForce('2025-02-30')).status, 400);
      assert.equal((await app.knowledge.manualInForce(ids.p!, '2025-02-01'))?.version, 1, 'the service method the uniformity analysis calls');
      const shape = await app.database.db.selectFrom('kb_manual_version').select(['procedure_id', 'version', 'effective_from', 'basis']).where('procedure_id', '=', ids.p!).where('version', '=', 2).executeTakeFirstOrThrow();
      assert.deepEqual(shape.basis, { note: 'Изменено по делу X', courtCaseIds: [caseId], divergenceIds: [] });

      const diff = ok(await call({ method: 'GET', url: `/api/v1/procedures/${ids.p}/manuals/diff?from=1&to=2`, as: 'legal' }));
      const r7 = diff.changes.find((c: Json) => c.field === 'r7' && c.lang === 'ru');
      assert.deepEqual(r7.ops, [{ op: 'delete', text: 'Пятнадцать' }, { op: 'insert', text: 'Десять' }, { op: 'equal', text: ' рабочих дней' }]);
      assert.ok(diff.changes.some((c: Json) => c.field === 'r12Satisfy' && c.lang === 'kk'), 'the Kazakh text of row 12 was dropped');
      assert.ok(!diff.changes.some((c: Json) => c.field === 'r1'));
      assert.equal((await call({ method: 'GET', url: `/api/v1/procedures/${ids.p}/manuals/diff?from=1&to=9`, as: 'legal' })).status, 404);

      // a third version cannot take effect before the second
      const v3 = ok(await call({ method: 'POST', url: `/api/v1/procedures/${ids.p}/manuals`, as: 'kb', payload: { fields: fullManual('x'), none: ['r8', 'r15'] } }), 201);
      ok(await call({ method: 'PUT', url: `/api/v1/manuals/${v3.id}`, as: 'kb', payload: { fields: { ...fullManual('x'), r12Consider: { en: 'y' } }, none: ['r8', 'r15'] } }));
      ok(await step(v3.id, 'kb', { action: 'submit' }));
      const early = await step(v3.id, 'head', { action: 'approve', effectiveFrom: '2025-03-10' });
      assert.equal(early.status, 422);
      assert.equal(early.body.errors[0].field, 'body.effectiveFrom');
      ok(await step(v3.id, 'head', { action: 'return', note: 'later' }));
    });

    test('an appeal classified under a procedure shows the manual in force on its decision date (today while undecided)', async () => {
      const appeal = await app.database.db.selectFrom('appeal').select('id').where('summary', '=', 'HOUSING.WATER').executeTakeFirstOrThrow();
      assert.equal((await call({ method: 'PUT', url: `/api/v1/appeals/${appeal.id}/procedure`, as: 'other', payload: { procedureId: ids.p } })).status, 403);
      assert.equal((await call({ method: 'PUT', url: `/api/v1/appeals/${appeal.id}/procedure`, as: 'kb', payload: { procedureId: 'nope' } })).status, 400);
      ok(await call({ method: 'PUT', url: `/api/v1/appeals/${appeal.id}/procedure`, as: 'registrar', payload: { procedureId: ids.p } }));
      const m = ok(await call({ method: 'GET', url: `/api/v1/appeals/${appeal.id}/manual`, as: 'registrar' }));
      assert.deepEqual([m.on, m.manual.version], ['2025-03-01', 1]);
      at('2025-03-12');
      assert.equal(ok(await call({ method: 'GET', url: `/api/v1/appeals/${appeal.id}/manual`, as: 'registrar' })).manual.version, 2);
    });

    test('AT-24 (p.13): a change dated Fri 2025-02-14 is due Wed 2025-05-14; reminders at T−30 and T−10; outdated until updated; overdue from 2025-05-15', async () => {
      at('2025-03-12');
      const change = ok(await call({ method: 'POST', url: '/api/v1/knowledge/changes', as: 'legal', payload: { procedureId: ids.q, changedAct: 'Закон № 100-VIII', adoptedOn: '2025-02-10', inForceOn: '2025-02-14' } }), 201);
      assert.deepEqual([change.changeBasis, change.changeDate, change.due, change.overdue], ['entry_into_force', '2025-02-14', '2025-05-14', false]);
      const noDate = await call({ method: 'POST', url: '/api/v1/knowledge/changes', as: 'legal', payload: { procedureId: ids.q, changedAct: 'x', basis: 'publication' } });
      assert.equal(noDate.status, 400);
      assert.equal(noDate.body.errors[0].field, 'body.publishedOn');
      assert.equal((await call({ method: 'POST', url: '/api/v1/knowledge/changes', as: 'applicant', payload: { procedureId: ids.q, changedAct: 'x', inForceOn: '2025-02-14' } })).status, 403);
      const q = ok(await call({ method: 'GET', url: `/api/v1/procedures/${ids.q}`, as: 'legal' }));
      assert.equal(q.outdatedSince, '2025-02-14', 'marked outdated in the Knowledge Base');
      assert.equal(ok(await call({ method: 'GET', url: `/api/v1/public/knowledge/manuals/${ids.q}` })).outdatedSince, '2025-02-14');

      const kb = (await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', 'krg.kb').executeTakeFirstOrThrow()).official_id;
      const notices = async (type: string) => (await app.database.db.selectFrom('notice').select(['recipient_id']).where('type', '=', type).where('subject_id', '=', change.id).execute()).map((n) => n.recipient_id);
      await app.knowledge.remind('2025-04-13');
      assert.deepEqual(await notices('kb_obligation_due_soon'), []);
      await app.knowledge.remind('2025-04-14');
      assert.deepEqual(await notices('kb_obligation_due_soon'), [kb], 'T−30 to the Knowledge Base unit');
      await app.knowledge.remind('2025-04-14');
      await app.knowledge.remind('2025-05-04');
      assert.equal((await notices('kb_obligation_due_soon')).length, 2, 'T−10, each once');

      at('2025-05-14');
      assert.ok(!(await obligations('&overdue=true')).items.some((o: Json) => o.id === change.id), 'due day itself is in time');
      at('2025-05-15');
      const overdue = (await obligations('&overdue=true')).items.find((o: Json) => o.id === change.id);
      assert.equal(overdue.overdue, true);
      assert.equal(overdue.citation, 'Rules No. 111 p.13; A-09');
      assert.equal(ok(await call({ method: 'GET', url: `/api/v1/procedures?bodyId=${bodies['KRG-APP']}`, as: 'legal' })).items.find((p: Json) => p.id === ids.q).overdueObligations, 1);
      await app.knowledge.remind('2025-05-15');
      assert.deepEqual(await notices('kb_obligation_overdue'), [kb]);

      await publishManual(ids.q!, { ...fullManual('Пять рабочих дней'), r12Consider: { ru: 'Анонимное обращение' } }, '2025-05-20');
      const done = (await obligations(`&procedureId=${ids.q}`)).items.find((o: Json) => o.id === change.id);
      assert.deepEqual([done.state, done.doneOn, done.overdue], ['done', '2025-05-15', false], 'met (late) by the approved update');
      assert.equal(ok(await call({ method: 'GET', url: `/api/v1/procedures/${ids.q}`, as: 'legal' })).outdatedSince, null);
    });

    test('p.12: a proposal of another subdivision, accepted by the Knowledge Base unit', async () => {
      const legalUnit = await app.database.db.selectFrom('subdivision').select('id').where('body_id', '=', bodies['KRG-APP']!).where('code', '=', 'legal').executeTakeFirstOrThrow();
      const p = ok(await call({ method: 'POST', url: '/api/v1/knowledge/proposals', as: 'legal', payload: { procedureId: ids.p, subdivisionId: legalUnit.id, text: 'Дополнить строку 15 практикой' } }), 201);
      assert.deepEqual([p.kind, p.state, p.due], ['proposal', 'open', null]);
      assert.equal((await call({ method: 'POST', url: `/api/v1/knowledge/obligations/${p.id}/actions`, as: 'legal', payload: { action: 'accept' } })).status, 403);
      assert.equal((await call({ method: 'POST', url: `/api/v1/knowledge/obligations/${p.id}/actions`, as: 'kb', payload: { action: 'done' } })).status, 409);
      assert.equal(ok(await call({ method: 'POST', url: `/api/v1/knowledge/obligations/${p.id}/actions`, as: 'kb', payload: { action: 'accept' } })).state, 'accepted');
    });

    test('AT-25 (p.11): last verified 2025-07-15 (Q3), none in Q4: on 2026-01-01 "Q4 2025 verification missing" is overdue', async () => {
      at('2025-07-15');
      const v = ok(await call({ method: 'POST', url: '/api/v1/knowledge/verifications', as: 'kb', payload: { procedureId: ids.p, result: 'compliant' } }), 201);
      assert.deepEqual([v.period, v.state, v.doneOn], ['2025-Q3', 'done', '2025-07-15']);
      assert.equal((await call({ method: 'POST', url: '/api/v1/knowledge/verifications', as: 'kb', payload: { procedureId: ids.p, result: 'compliant', verifiedOn: '2025-08-01' } })).status, 422, 'not in the future');
      at('2025-12-31');
      assert.ok(!(await obligations('&overdue=true')).items.some((o: Json) => o.procedureId === ids.p && o.period === '2025-Q4'));
      at('2026-01-01');
      const items = (await obligations('&overdue=true')).items.filter((o: Json) => o.procedureId === ids.p && o.kind === 'verification');
      const q4 = items.find((o: Json) => o.period === '2025-Q4');
      assert.deepEqual([q4.due, q4.overdue, q4.citation], ['2025-12-31', true, 'Rules No. 111 p.11; A-08']);
      assert.ok(!items.some((o: Json) => o.period === '2025-Q3' || o.period === '2025-Q1'), 'Q3 verified; Q1 covered by publication');
      const all = (await obligations(`&procedureId=${ids.p}`)).items.filter((o: Json) => o.kind === 'verification');
      assert.equal(all.find((o: Json) => o.period === '2026-Q1').overdue, false);
    });

    test('search: published manuals, forms and answers in kk, ru and en, with highlights and a typo; drafts never shown', async () => {
      ok(await call({ method: 'POST', url: '/api/v1/knowledge/answers', as: 'kb', payload: { bodyId: bodies['KRG-APP'], procedureId: ids.p, question: { kk: 'Су құбыры қашан жөнделеді?', en: 'When is the water main repaired?' }, answer: { kk: 'Жөндеу кестесі әкімдіктің сайтында жарияланады', en: 'The repair schedule is published on the akimat website' }, publish: true } }), 201);
      const draft = ok(await call({ method: 'POST', url: '/api/v1/knowledge/answers', as: 'kb', payload: { bodyId: bodies['KRG-APP'], question: { ru: 'Секретный черновик' }, answer: { ru: 'Неопубликованный ответ' } } }), 201);
      assert.equal((await call({ method: 'POST', url: '/api/v1/knowledge/answers', as: 'kb', payload: { bodyId: bodies['KRG-APP'], question: {}, answer: { ru: 'x' } } })).status, 400);
      const search = async (q: string, lang: string) => ok(await call({ method: 'GET', url: `/api/v1/public/knowledge?q=${encodeURIComponent(q)}&lang=${lang}` }));

      const ru = await search('заявление граждан', 'ru');
      const manual = ru.items.find((i: Json) => i.kind === 'manual' && i.id === ids.p);
      assert.ok(manual, JSON.stringify(ru));
      assert.match(manual.snippet, /<mark>заявлений<\/mark> <mark>граждан<\/mark>/, 'Russian stemming: заявление finds заявлений');
      assert.equal(ru.correctedQuery, null);
      const typo = await search('вадоснабжения', 'ru');
      assert.equal(typo.correctedQuery, 'водоснабжения');
      assert.ok(typo.items.some((i: Json) => i.id === ids.p), 'a typo still finds the manual');
      const kk = await search('жөндеу кестесі', 'kk');
      assert.equal(kk.items[0].kind, 'answer');
      assert.match(kk.items[0].snippet, /<mark>кестесі<\/mark>/);
      const en = await search('schedle', 'en');
      assert.equal(en.correctedQuery, 'schedule');
      assert.equal(en.items[0].kind, 'answer');
      const form = await search('удовлетворении', 'ru');
      assert.ok(form.items.some((i: Json) => i.kind === 'form'), 'approved standard forms of acts');
      assert.equal((await search('черновик', 'ru')).items.length, 0, 'a draft answer is not public');
      assert.ok(!(await search('Пятнадцать', 'ru')).items.some((i: Json) => /Пятнадцать/i.test(i.snippet)), 'only the current published version is searched');
      // the unit's list of typical answers (the web form): drafts too, newest first; not for a citizen
      const listed = ok(await call({ method: 'GET', url: `/api/v1/knowledge/answers?bodyId=${bodies['KRG-APP']}`, as: 'kb' }));
      assert.deepEqual(listed.items.slice(0, 2).map((a: Json) => a.state), ['draft', 'published']);
      assert.equal(listed.items[0].question.ru, 'Секретный черновик');
      assert.equal((await call({ method: 'GET', url: `/api/v1/knowledge/answers?bodyId=${bodies['KRG-APP']}`, as: 'applicant' })).status, 403);
      ok(await call({ method: 'POST', url: `/api/v1/knowledge/answers/${draft.id}/publish`, as: 'kb' }));
      assert.equal((await search('черновик', 'ru')).items.length, 1);
      assert.equal((await call({ method: 'GET', url: '/api/v1/public/knowledge?lang=ru' })).status, 400);
      assert.equal((await call({ method: 'GET', url: '/api/v1/public/knowledge?q=x&lang=de' })).status, 400);
      assert.equal((await call({ method: 'GET', url: '/api/v1/public/knowledge?q=%00x&lang=ru' })).status, 400, 'NUL is bad input, not a database error');
    });

    test('the procedure page: Annex 1 row, manual history, obligations; read by the legal service, not by a citizen', async () => {
      const d = ok(await call({ method: 'GET', url: `/api/v1/procedures/${ids.p}`, as: 'legal' }));
      assert.deepEqual(d.manuals.map((m: Json) => [m.version, m.state]), [[null, 'draft'], [2, 'published'], [1, 'published']]);
      assert.ok(d.obligations.some((o: Json) => o.overdue));
      assert.equal((await call({ method: 'GET', url: `/api/v1/procedures/${ids.p}`, as: 'applicant' })).status, 403);
      assert.equal((await call({ method: 'GET', url: '/api/v1/procedures/00000000-0000-4000-8000-000000000000', as: 'legal' })).status, 404);
      ok(await call({ method: 'POST', url: `/api/v1/procedures/${ids.q}/retire`, as: 'head' }));
      assert.equal((await call({ method: 'GET', url: `/api/v1/public/knowledge/manuals/${ids.q}` })).status, 404);
    });
  });
}
