/**
 * Control of execution of instructions (APC 37–38, 44, 46; Standard Regulation No. 560 p.9) through the API on both
 * engines, in October 2025 at a district akimat: instructions put under control with executors in order (the first
 * named coordinates), due dates as working-day deadlines that explain themselves, reminders before the due date,
 * extension only by the one who gave it, the coordinator's report, closing of control, the overdue mark with the
 * escalation to the appeals-monitoring department (AT-37) and the executive-discipline table. Scenario numbers are
 * those of rules-services-requirements.md Part 5 (AT-*). The clock is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`control of instructions API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-10-01T04:00:00Z'); // Wednesday 1 October 2025, 09:00 in Almaty
    const at = (iso: string) => {
      now = new Date(iso);
    };
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const ids = { plan: '', kk: '', at37: '', twenty: '', dated: '', pa: '' };
    let ruralAkim = '';

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['registrar', 'deputy_head', 'body_head', 'executor', 'subdivision_head', 'monitoring', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the demo organisation is appointed on the day it is loaded; the story runs in 2025
      await app.database.db.updateTable('appointment').set({ valid_from: '2024-01-01' }).execute();
      // AT-37: the akim of a rural district under the district akimat executes an instruction of the Presidential Administration
      ruralAkim = (await app.database.db.insertInto('official').values({ body_id: bodies['KRG-BZH-BOT']!, full_name: 'Тұрсынов Бақыт Ержанұлы', created_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', 'krs.chairman').executeTakeFirstOrThrow();
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krs.chairman', password } });
      as.stranger = { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    });
    after(async () => app?.close());

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { 'accept-language': 'ru', ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined, headers: res.headers };
    };
    const create = (o: Record<string, unknown>, who = 'registrar') =>
      call({
        method: 'POST', url: '/api/v1/instructions', as: who,
        payload: { bodyId: bodies['KRG-BZH'], source: 'head', giverId: officials['bzh.akim'], text: 'Подготовить план ремонта дорог на 2026 год', executorIds: [officials['bzh.head'], officials['bzh.executor']], ...o },
      });
    const card = (id: string, who = 'registrar') => call({ method: 'GET', url: `/api/v1/instructions/${id}`, as: who });
    const step = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await card(id);
      return call({ method: 'POST', url: `/api/v1/instructions/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const notices = (id: string, type: string) => app.database.db.selectFrom('notice').selectAll().where('subject_type', '=', 'instruction').where('subject_id', '=', id).where('type', '=', type).execute();
    const count = async () => Number((await app.database.db.selectFrom('instruction').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('APC 37(3), 46(3): put under control with executors in order; the first named coordinates; each executor is told at once, in the language of the instruction', async () => {
      const res = await create({ workingDays: 10 });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.plan = res.body.id;
      assert.equal(res.body.state, 'assigned');
      assert.equal(res.body.givenOn, '2025-10-01');
      assert.equal(res.body.coordinatorId, officials['bzh.head']);
      assert.deepEqual(res.body.executorIds, [officials['bzh.head'], officials['bzh.executor']]);
      assert.equal(res.body.language, 'ru', 'the workspace language of the request');
      assert.match(res.body.number, /^I-2025-\d{6}$/);
      const sent = await notices(ids.plan, 'official_assignment');
      assert.deepEqual(sent.map((n) => n.recipient_id).sort(), [officials['bzh.head'], officials['bzh.executor']].sort());
      assert.ok(sent.every((n) => n.language === 'ru'), 'not hard-coded to Kazakh');
      const kk = await create({ workingDays: 10, language: 'kk' });
      assert.ok((await notices(kk.body.id, 'official_assignment')).every((n) => n.language === 'kk'));
      ids.kk = kk.body.id;
      // AT-37: an instruction of the PA appeals-control department on an appeal, to the akim of a rural district, due 10.10.2025
      const at37 = await create({ source: 'pa_department', giverId: undefined, giverName: 'Департамент контроля Администрации Президента', text: 'Рассмотреть обращение жителей села о водоснабжении', executorIds: [ruralAkim], due: '2025-10-10' });
      assert.equal(at37.status, 201, JSON.stringify(at37.body));
      assert.equal(at37.body.giverId, null);
      ids.at37 = at37.body.id;
    });

    test('APC 37(3), principle 2: a due date given in working days is counted on the production calendar and explains itself', async () => {
      const ten = (await card(ids.plan)).body;
      assert.equal(ten.due, '2025-10-15'); // Wed 01.10 + 10 working days: two weekends skipped
      assert.equal(ten.deadline.due, ten.due);
      assert.equal(ten.deadline.workingDays, 10);
      assert.equal(ten.deadline.citation, 'APC 37(3)');
      const codes = ten.deadline.explanation.map((s: Json) => s.code);
      assert.equal(codes[0], 'day_zero');
      assert.ok(ten.deadline.explanation.some((s: Json) => s.code === 'nth_working_day' && s.n === 10 && s.date === '2025-10-15'));
      assert.equal(ten.deadline.explanation.filter((s: Json) => s.code === 'skipped').length, 2, 'two weekends');
      assert.ok(ten.deadline.text.some((t: string) => t.includes('2025-10-15')), 'in words, in the language of the request');
      // across Republic Day: 27.10.2025 is the moved day off
      const twenty = await create({ workingDays: 20 });
      assert.equal(twenty.body.due, '2025-10-30');
      assert.ok(twenty.body.deadline.explanation.some((s: Json) => s.code === 'skipped' && s.date === '2025-10-27' && s.reason !== 'weekend'), JSON.stringify(twenty.body.deadline.explanation));
      ids.twenty = twenty.body.id;
      // a date chosen by the giver is explained as the N-th working day; a day off is kept, with a warning
      const dated = await create({ due: '2025-10-27' });
      assert.equal(dated.status, 201, JSON.stringify(dated.body));
      assert.equal(dated.body.due, '2025-10-27');
      assert.equal(dated.body.deadline.workingDays, 17);
      assert.deepEqual(dated.body.deadline.warnings.map((w: Json) => w.code), ['fixed_date_not_working']);
      ids.dated = dated.body.id;
    });

    test('bad input: problem+json 400 (or 422 citing the article) and nothing is written', async () => {
      const before = await count();
      for (const payload of [{}, { due: '2025-10-20', workingDays: 5 }, { workingDays: 0 }, { due: '2025-02-30' }, { due: '2025-10-20', executorIds: [] }, { due: '2025-10-20', source: 'neighbour' }, { due: '2025-10-20', extra: 1 }]) {
        const res = await create(payload);
        assert.equal(res.status, 400, JSON.stringify(payload));
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        assert.equal(res.body.code, 'validation');
        assert.ok(res.body.errors.length > 0);
      }
      const dup = await create({ due: '2025-10-20', executorIds: [officials['bzh.head'], officials['bzh.head']] });
      assert.equal(dup.status, 400);
      const past = await create({ due: '2025-09-30' });
      assert.equal(past.status, 422);
      assert.equal(past.body.code, 'due_in_past');
      assert.equal(past.body.citation, 'APC 37(3)');
      const foreign = await create({ due: '2025-10-20', executorIds: [officials['aba.deputy']] });
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.citation, 'APC 44(2)');
      const outside = await create({ due: '2025-10-20', giverId: undefined, source: 'pa_department' });
      assert.equal(outside.status, 400, 'an outside giver is named');
      assert.equal(await count(), before);
    });

    test('access: an official of another body cannot put under control, see, act on or list (403); no sign-in is 401; an executor sees only what names them', async () => {
      assert.equal((await create({ due: '2025-10-20' }, 'stranger')).status, 403);
      assert.equal((await call({ method: 'POST', url: '/api/v1/instructions', payload: { bodyId: bodies['KRG-BZH'], source: 'head', giverId: officials['bzh.akim'], text: 'x', executorIds: [officials['bzh.head']], due: '2025-10-20' } })).status, 401);
      assert.equal((await card(ids.plan, 'stranger')).status, 403);
      assert.equal((await call({ method: 'POST', url: `/api/v1/instructions/${ids.plan}/actions`, as: 'stranger', payload: { version: 1, action: 'close_control', note: 'x' } })).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/instructions?bodyId=${bodies['KRG-BZH']}`, as: 'stranger' })).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/instructions/discipline?bodyId=${bodies['KRG-BZH']}&from=2025-10-01&to=2025-10-31`, as: 'stranger' })).status, 403);
      assert.equal((await card(ids.plan, 'applicant')).status, 403);
      assert.equal((await card(ids.plan, 'executor')).status, 200, 'named as an executor');
      const mine = await call({ method: 'GET', url: '/api/v1/instructions?mine=true', as: 'executor' });
      assert.ok(mine.body.items.some((i: Json) => i.id === ids.plan));
      assert.equal((await call({ method: 'GET', url: `/api/v1/instructions/${bodies['KRG-BZH']}`, as: 'registrar' })).status, 404);
    });

    test('APC 38(6), 46(4): reminders go to every executor 3 and 1 working days before the due date, once, in the language of the instruction', async () => {
      at('2025-10-09T19:30:00Z'); // Fri 10.10 in Almaty: 3 working days before Wed 15.10
      // the day before, nothing is due within 3 working days
      assert.equal(await app.instructions.remindDueSoon(3, '2025-10-09'), 0);
      assert.equal((await notices(ids.plan, 'instruction_due_soon')).length, 0);
      const sent = await app.instructions.remindDueSoon(3);
      assert.ok(sent >= 2);
      const first = await notices(ids.plan, 'instruction_due_soon');
      assert.deepEqual(first.map((n) => n.recipient_id).sort(), [officials['bzh.head'], officials['bzh.executor']].sort());
      assert.ok(first.every((n) => n.language === 'ru'));
      assert.ok(first.every((n) => (n.data as Json).dueDate === '2025-10-15' && n.body.includes('15 октября 2025')), first[0]?.body);
      assert.ok(first.every((n) => n.citation === 'APC 38(6), 46(4)' && n.body.includes('46(5)')), 'an instruction is extended under 46(5), not 76(3)');
      assert.equal((await notices(ids.kk, 'instruction_due_soon'))[0]?.language, 'kk');
      await app.instructions.remindDueSoon(3);
      assert.equal((await notices(ids.plan, 'instruction_due_soon')).length, 2, 'a job that runs twice reminds once');
      await app.instructions.remindDueSoon(1, '2025-10-14');
      assert.equal((await notices(ids.plan, 'instruction_due_soon')).length, 4, 'and again 1 working day before');
    });

    test('AT-37, REG p.9(1): an instruction of the PA department to a rural akim, due 10.10.2025, unreported: overdue on 11.10, on the dashboard, escalated to the appeals-monitoring department', async () => {
      at('2025-10-10T12:00:00Z');
      assert.deepEqual(await app.instructions.markOverdue(), [], 'the due day itself is not overdue');
      at('2025-10-10T19:30:00Z'); // Sat 11.10 in Almaty
      assert.ok((await app.instructions.markOverdue()).includes(ids.at37));
      assert.ok(!(await app.instructions.markOverdue()).includes(ids.at37), 'marked once');
      const c = (await card(ids.at37, 'monitoring')).body;
      assert.equal(c.overdue, true);
      assert.equal(c.overdueOn, '2025-10-11');
      assert.equal(c.timeline.filter((e: Json) => e.action === 'overdue').length, 1);
      const dashboard = await call({ method: 'GET', url: '/api/v1/instructions?overdue=true', as: 'monitoring' });
      assert.equal(dashboard.status, 200);
      assert.ok(dashboard.body.items.some((i: Json) => i.id === ids.at37), 'on the control dashboard of the monitoring department');
      assert.ok(!dashboard.body.items.some((i: Json) => i.id === ids.plan), 'one due on 15.10 is not');
      const escalated = await notices(ids.at37, 'instruction_overdue');
      const to = escalated.map((n) => n.recipient_id);
      assert.ok(to.includes(officials['krg.monitoring']!), 'the head of the appeals-monitoring department of the regional akim apparatus');
      assert.ok(to.includes(ruralAkim), 'the coordinating executor');
      assert.ok(to.includes(officials['bzh.registrar']!), 'whoever put it under control');
      assert.ok(escalated.every((n) => n.language === 'ru'));
      assert.deepEqual(c.timeline.find((e: Json) => e.action === 'overdue').details.escalatedTo, [officials['krg.monitoring']]);
    });

    test('APC 46(5): the executor asks for more time in writing; only the head who gave the instruction sets it; anyone else is refused citing the article', async () => {
      const ask = await step(ids.plan, 'executor', { action: 'request_extension', reasons: 'Нужны данные обследования дорог', proposedDue: '2025-10-24' });
      assert.equal(ask.status, 200, JSON.stringify(ask.body));
      assert.equal(ask.body.state, 'extension_requested');
      for (const who of ['registrar', 'deputy_head', 'monitoring', 'subdivision_head']) {
        const res = await step(ids.plan, who, { action: 'extend', newDue: '2025-10-24', reasons: 'x' });
        assert.equal(res.status, 403, who);
        assert.match(res.body.citation, /APC 46\(5\)/, who);
      }
      const earlier = await step(ids.plan, 'body_head', { action: 'extend', newDue: '2025-10-14', reasons: 'x' });
      assert.equal(earlier.status, 422);
      assert.equal(earlier.body.code, 'extension_not_later');
      const res = await step(ids.plan, 'body_head', { action: 'extend', newDue: '2025-10-24', reasons: 'Обоснованная просьба исполнителя' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'assigned');
      assert.equal(res.body.due, '2025-10-24');
      assert.equal(res.body.originalDue, '2025-10-15', 'the original term stays on the card');
      // an outside giver (the Presidential Administration): the controller records that giver's decision, with its basis
      const pa = await create({ source: 'pa_department', giverId: undefined, giverName: 'Департамент контроля Администрации Президента', due: '2025-10-20' });
      assert.equal(pa.status, 201, JSON.stringify(pa.body));
      const noBasis = await step(pa.body.id, 'registrar', { action: 'extend', newDue: '2025-10-31', reasons: 'x' });
      assert.equal(noBasis.status, 422);
      assert.equal(noBasis.body.code, 'giver_decision_required');
      const recorded = await step(pa.body.id, 'registrar', { action: 'extend', newDue: '2025-10-31', reasons: 'Продлено Департаментом', basis: 'Письмо Департамента № 01-12/345 от 14.10.2025' });
      assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
      ids.pa = pa.body.id;
    });

    test('APC 46(3): the first named executor coordinates and reports for all; the others contribute', async () => {
      at('2025-10-22T04:00:00Z');
      const contribution = await step(ids.plan, 'executor', { action: 'contribute', text: 'Обследование трёх улиц выполнено' });
      assert.equal(contribution.status, 200, JSON.stringify(contribution.body));
      const notCoordinator = await step(ids.plan, 'executor', { action: 'report', text: 'x', executedOn: '2025-10-22' });
      assert.equal(notCoordinator.status, 403);
      assert.equal(notCoordinator.body.code, 'coordinator_reports');
      assert.equal(notCoordinator.body.citation, 'APC 46(3)');
      assert.equal((await step(ids.plan, 'subdivision_head', { action: 'report', text: 'x', executedOn: '2025-10-23' })).body.code, 'date_in_future');
      const report = await step(ids.plan, 'subdivision_head', { action: 'report', text: 'План ремонта дорог подготовлен и направлен', executedOn: '2025-10-22' });
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.equal(report.body.state, 'executed');
      assert.equal(report.body.executedOn, '2025-10-22');
    });

    test('APC 46(6), 38(3): control is closed by the giver or an authorised official after checking the report; an executor cannot close it; a weak report goes back for rework', async () => {
      const executorCloses = await step(ids.plan, 'subdivision_head', { action: 'close_control', note: 'x' });
      assert.equal(executorCloses.status, 403);
      const back = await step(ids.plan, 'registrar', { action: 'return_for_rework', comment: 'Нет сметы' });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.state, 'assigned');
      assert.equal(back.body.executedOn, null);
      const rework = await notices(ids.plan, 'official_rework');
      assert.deepEqual(rework.map((n) => [n.recipient_id, n.language]), [[officials['bzh.head'], 'ru']], 'to the coordinator');
      assert.equal((await step(ids.plan, 'subdivision_head', { action: 'report', text: 'План и смета', executedOn: '2025-10-22' })).body.state, 'executed');
      const closed = await step(ids.plan, 'body_head', { action: 'close_control', note: 'Исполнено полностью' });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.state, 'control_closed');
      assert.equal(closed.body.closedOn, '2025-10-22');
      assert.equal((await step(ids.plan, 'body_head', { action: 'return_for_rework', comment: 'x' })).body.code, 'illegal_transition');
      // an authorised official (the records office) closes another one
      assert.equal((await step(ids.kk, 'subdivision_head', { action: 'report', text: 'Орындалды', executedOn: '2025-10-14' })).status, 200);
      const byController = await step(ids.kk, 'registrar', { action: 'close_control', note: 'Бақылаудан алынды' });
      assert.equal(byController.status, 200, JSON.stringify(byController.body));
      assert.equal(byController.body.state, 'control_closed');
    });

    test('REG p.9(2): the executive-discipline table per coordinating executor, with breaches listed for proposals', async () => {
      at('2025-11-03T04:00:00Z');
      // the twenty-day instruction reported late
      assert.equal((await step(ids.twenty, 'subdivision_head', { action: 'report', text: 'Исполнено с опозданием', executedOn: '2025-10-31' })).status, 200);
      const res = await call({ method: 'GET', url: `/api/v1/instructions/discipline?bodyId=${bodies['KRG-BZH']}&from=2025-10-01&to=2025-10-31`, as: 'registrar' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.citation, 'REG p.9(1), p.9(2)');
      const by = Object.fromEntries(res.body.executors.map((e: Json) => [e.officialId, e]));
      const rural = by[ruralAkim];
      assert.deepEqual([rural.total, rural.overdueOpen, rural.executedOnTime, rural.proposal], [1, 1, 0, true]);
      assert.equal(rural.overdueRate, 1);
      const head = by[officials['bzh.head']!];
      // plan (on time after extension), kk (on time), twenty (late), dated (open, due 27.10: overdue), pa (open, due 31.10: overdue)
      assert.equal(head.executedOnTime, 2);
      assert.equal(head.executedLate, 1);
      assert.equal(head.overdueOpen, 2);
      assert.equal(head.extended, 2);
      assert.equal(head.total, 5);
      assert.equal(head.proposal, true);
      assert.equal(head.overdueRate, 0.6);
      assert.equal(res.body.executors[0].officialId, ruralAkim, 'the worst first');
      // the monitoring department of the region sees the district in its table
      const region = await call({ method: 'GET', url: `/api/v1/instructions/discipline?bodyId=${bodies.KRG}&from=2025-10-01&to=2025-10-31`, as: 'monitoring' });
      assert.equal(region.status, 200, JSON.stringify(region.body));
      assert.ok(region.body.executors.some((e: Json) => e.officialId === ruralAkim));
    });

    test('one case, one history: every step is a hash-chained event with its citation', async () => {
      const timeline = (await card(ids.plan)).body.timeline;
      assert.deepEqual(timeline.map((e: Json) => e.action), ['create', 'request_extension', 'extend', 'contribute', 'report', 'return_for_rework', 'report', 'close_control']);
      assert.ok(timeline.every((e: Json) => e.citation));
      assert.deepEqual((await verifyCaseEvents(app.database.db)).breaks, []);
    });
  });
}
