/**
 * The appeal procedure's checks from outside the body, through the API on both engines: a recusal of the head
 * decided by the superior body (APC 67(6), acceptance scenario #21 of apc-requirements.md §8), and answers
 * under control returned for rework or accepted by the monitoring department (Standard Regulation No. 560
 * p.5(4)-(5), AT-34 of rules-services-requirements.md). The clock is a test adapter; everything else is real.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`appeals under control and recusal of the head [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-03-24T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};

    /** Signs in a demo official by login (the superior body's akim has no demo role of its own). */
    async function login(name: string) {
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', name).executeTakeFirstOrThrow();
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password } });
      assert.equal(res.statusCode, 200, res.body);
      return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    }

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      // the demo is seeded with appointments from the real today; the cases here run on a 2025 clock
      await app.database.db.updateTable('appointment').set({ valid_from: '2020-01-01' }).execute();
      for (const role of ['registrar', 'executor', 'deputy_head', 'body_head', 'monitoring'] as const) as[role] = await signIn(app, role);
      for (const name of ['krg.akim', 'bzh.deputy', 'aba.deputy']) as[name] = await login(name);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
    });
    after(async () => app?.close());

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };
    const register = (receivedAt: string, extra: Record<string, unknown> = {}) =>
      call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу отремонтировать дорогу и восстановить освещение по ул. Абая', summary: 'Дорога и освещение',
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', iin: '750315300008', postalAddress: 'Бухар-жырауский район, ул. Абая, 10', email: 'ivanov@example.kz' },
          signed: true, filedOn: receivedAt.slice(0, 10), receivedAt, ...extra,
        },
      });
    const version = async (id: string) => (await app.database.db.selectFrom('appeal').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const act = async (id: string, who: string, action: Record<string, unknown>) =>
      call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: await version(id), ...action } });
    const noticesTo = async (subjectId: string, type: string) =>
      app.database.db.selectFrom('notice').select(['recipient_id', 'data']).where('subject_id', '=', subjectId).where('type', '=', type).execute();

    test('#21 APC 67(6): a recusal of the head is decided by the superior body; inside the body it is refused; an ordinary one stays inside', async () => {
      now = new Date('2025-04-04T05:00:00Z');
      const reg = await register('2025-04-03T10:00:00+05:00');
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const id = reg.body.id;
      assert.equal((await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] })).status, 200);
      const declared = await act(id, 'executor', { action: 'declare_recusal', officialId: officials['bzh.akim'], ground: 'interest', statement: 'Аким района — сосед заявителя по спорному участку' });
      assert.equal(declared.status, 200, JSON.stringify(declared.body));
      const asHead = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      const event = asHead.body.timeline.at(-1);
      assert.equal(event.details.decider, 'superior_body');
      assert.equal(event.details.superiorBodyId, bodies.KRG, 'the parent body in the hierarchy');
      assert.equal(event.details.decideBy, '2025-04-09');
      // the superior body's akim is told
      const told = await noticesTo(id, 'official_recusal_to_decide');
      assert.deepEqual(told.map((n) => n.recipient_id), [officials['krg.akim']]);

      // inside the body: the deputy is refused with the article, the head cannot decide their own
      const deputy = await act(id, 'bzh.deputy', { action: 'decide_recusal', upheld: true, replacementId: officials['bzh.deputy'], reasons: 'Удовлетворить' });
      assert.equal(deputy.status, 403, JSON.stringify(deputy.body));
      assert.equal(deputy.body.code, 'recusal_superior_body');
      assert.equal(deputy.body.citation, 'APC 67(6)');
      const own = await act(id, 'body_head', { action: 'decide_recusal', upheld: false, reasons: 'Оснований нет' });
      assert.equal(own.status, 403);
      assert.equal(own.body.code, 'recusal_own');
      // a deputy of a sibling district is no superior: the case is not even visible
      const sibling = await act(id, 'aba.deputy', { action: 'decide_recusal', upheld: false, reasons: 'x' });
      assert.equal(sibling.status, 404);

      // the superior body's akim sees this case (applicant data masked) with the step open, and decides it
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'krg.akim' });
      assert.equal(view.status, 200, JSON.stringify(view.body));
      assert.deepEqual(view.body.actions.map((a: Json) => a.action), ['decide_recusal']);
      assert.notEqual(view.body.applicant.iin, '750315300008');
      // the replacement is chosen from the body's officials the case lists; the staff directory itself stays closed
      assert.ok(view.body.recusalCandidates.some((o: Json) => o.id === officials['bzh.deputy']));
      assert.equal((await call({ method: 'GET', url: `/api/v1/officials?bodyId=${bodies['KRG-BZH']}`, as: 'krg.akim' })).status, 403);
      const decided = await act(id, 'krg.akim', { action: 'decide_recusal', upheld: true, replacementId: officials['bzh.deputy'], reasons: 'Заинтересованность подтверждена; процедуру ведёт заместитель' });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      const after = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      assert.equal(after.body.timeline.at(-1).action, 'decide_recusal');
      assert.equal(after.body.timeline.at(-1).citation, 'APC 67(6)');
      assert.equal(after.body.timeline.at(-1).actor, `official:${officials['krg.akim']}`);

      // another case of the body stays closed to the superior akim, and a recusal of an ordinary official stays inside
      const other = await register('2025-04-03T11:00:00+05:00');
      assert.equal((await call({ method: 'GET', url: `/api/v1/appeals/${other.body.id}`, as: 'krg.akim' })).status, 403);
      await act(other.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(other.body.id, 'executor', { action: 'declare_recusal', officialId: officials['bzh.executor'], ground: 'relative', self: true, statement: 'Заявитель — мой родственник' });
      const outside = await act(other.body.id, 'krg.akim', { action: 'decide_recusal', upheld: false, reasons: 'x' });
      assert.equal(outside.status, 403, JSON.stringify(outside.body));
      assert.equal(outside.body.code, 'recusal_inside_body');
      assert.equal(outside.body.citation, 'APC 67(4)');
      const inside = await act(other.body.id, 'bzh.deputy', { action: 'decide_recusal', upheld: true, replacementId: officials['bzh.head'], reasons: 'Родство подтверждено' });
      assert.equal(inside.status, 200, JSON.stringify(inside.body));
      assert.equal(inside.body.executorId, officials['bzh.head']);
    });

    test('AT-34 REG p.5(4)-(5): an answer under control is returned for rework, answered again and accepted only by the reviewer; both versions are kept', async () => {
      now = new Date('2025-04-07T05:00:00Z');
      const reg = await register('2025-04-07T09:00:00+05:00');
      const id = reg.body.id;
      const taken = await act(id, 'monitoring', { action: 'take_under_control', reason: 'На контроле акима области' });
      assert.equal(taken.status, 200, JSON.stringify(taken.body));
      assert.equal(taken.body.controlStatus, 'under_control');
      assert.equal((await act(id, 'monitoring', { action: 'take_under_control', reason: 'Ещё раз' })).body.code, 'already_under_control');
      // nothing to review before the body has answered
      const early = await act(id, 'monitoring', { action: 'return_for_rework', issues: ['x'] });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'illegal_transition');
      // the worklist marks and filters the appeals under control
      const listed = await call({ method: 'GET', url: `/api/v1/appeals?view=body&control=under_control`, as: 'body_head' });
      assert.ok(listed.body.items.some((i: Json) => i.id === id && i.control_status === 'under_control'));

      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      const answered = await act(id, 'executor', { action: 'adopt_act', outcome: 'satisfied', favourable: true, reasons: 'Ремонт дороги включён в план на май 2025 года', hearingExemption: 'favourable_no_third_party' });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.equal(answered.body.state, 'decided');

      // only the reviewer reviews: the executor and the body's own akim are refused; the case cannot be closed yet
      for (const who of ['executor', 'body_head']) {
        const res = await act(id, who, { action: 'accept_answer', complete: true, allIssuesAnswered: true, legalBasis: true, measuresTaken: true });
        assert.equal(res.status, 403, `${who}: ${JSON.stringify(res.body)}`);
      }
      const close = await act(id, 'deputy_head', { action: 'close' });
      assert.equal(close.status, 409);
      assert.equal(close.body.code, 'answer_not_accepted');
      assert.equal(close.body.citation, 'REG p.5(4)-(5)');

      // the answer leaves the second issue (lighting) unanswered: returned with comments per issue
      const noIssues = await act(id, 'monitoring', { action: 'return_for_rework', issues: [] });
      assert.equal(noIssues.status, 400);
      const returned = await act(id, 'monitoring', { action: 'return_for_rework', complete: false, allIssuesAnswered: false, legalBasis: true, measuresTaken: true, issues: ['Освещение улицы: ответ не дан'] });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.equal(returned.body.controlStatus, 'returned');
      assert.equal(returned.body.reworkCount, 1);
      assert.equal(returned.body.state, 'decided', 'the adopted act stays a legal fact');
      assert.equal(returned.body.closedAt, null);
      const told = await noticesTo(id, 'official_rework');
      assert.deepEqual(told.map((n) => n.recipient_id), [officials['bzh.executor']]);
      assert.match(String((told[0]!.data as Json).comment), /Освещение/);
      const event = await app.database.db.selectFrom('case_event').select('details').where('case_id', '=', id).where('action', '=', 'return_for_rework').executeTakeFirstOrThrow();
      assert.equal((event.details as Json).executorId, officials['bzh.executor']);
      assert.equal((event.details as Json).bodyId, bodies['KRG-BZH']);
      // back in the executor's worklist
      const mine = await call({ method: 'GET', url: '/api/v1/appeals?view=mine&control=returned', as: 'executor' });
      assert.deepEqual(mine.body.items.map((i: Json) => i.id), [id]);
      assert.equal(mine.body.counters.returned, 1);
      assert.equal((await act(id, 'monitoring', { action: 'accept_answer' })).body.code, 'no_answer_to_review');

      // the executor answers again: a corrected or new act must be named; a supplementary answer reaches the applicant
      const unnamed = await act(id, 'executor', { action: 'resubmit_answer', kind: 'corrected_act', text: 'Акт исправлен' });
      assert.equal(unnamed.status, 422);
      assert.equal(unnamed.body.errors[0].field, 'body.actNumber');
      const again = await act(id, 'executor', { action: 'resubmit_answer', kind: 'supplementary_answer', text: 'Освещение по ул. Абая будет восстановлено до 30.04.2025' });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.controlStatus, 'under_control');
      assert.equal((await noticesTo(id, 'decision_on_case')).length, 2);
      assert.equal((await act(id, 'executor', { action: 'accept_answer' })).status, 403);
      const accepted = await act(id, 'monitoring', { action: 'accept_answer', complete: true, allIssuesAnswered: true, legalBasis: true, measuresTaken: true, note: 'Оба вопроса решены' });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.controlStatus, 'accepted');
      assert.equal(accepted.body.reworkCount, 1);

      const view = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      const c = view.body.control;
      assert.deepEqual(c.versions.map((v: Json) => [v.n, v.kind]), [[1, 'act'], [2, 'supplementary_answer']]);
      assert.match(c.versions[0].text, /Ремонт дороги/);
      assert.match(c.versions[1].text, /Освещение/);
      assert.deepEqual(c.reviews.map((r: Json) => r.result), ['taken', 'returned', 'accepted']);
      assert.deepEqual(c.reviews[1].issues, ['Освещение улицы: ответ не дан']);
      assert.equal(c.reviews[1].assessment.allIssuesAnswered, false);
      const closed = await act(id, 'deputy_head', { action: 'close' });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));

      // the head's view of the body: returns per executor
      const load = await call({ method: 'GET', url: `/api/v1/appeals/load?bodyId=${bodies['KRG-BZH']}`, as: 'body_head' });
      assert.equal(load.status, 200, JSON.stringify(load.body));
      const row = load.body.executors.find((r: Json) => r.executorId === officials['bzh.executor']);
      assert.equal(row.returns, 1);
      assert.equal(row.returnedCases, 1);
      const noLoad = await call({ method: 'GET', url: `/api/v1/appeals/load?bodyId=${bodies['KRG-ABA']}`, as: 'body_head' });
      assert.equal(noLoad.status, 403);
      const later = await call({ method: 'GET', url: `/api/v1/appeals/load?bodyId=${bodies['KRG-BZH']}&from=2025-05-01`, as: 'body_head' });
      assert.equal(later.body.executors.find((r: Json) => r.executorId === officials['bzh.executor'])?.returns ?? 0, 0);
    });

    test('REG p.5(4): a simplified answer under control closes only when accepted', async () => {
      now = new Date('2025-04-08T05:00:00Z');
      const reg = await register('2025-04-08T09:00:00+05:00', { type: 'proposal' });
      const id = reg.body.id;
      assert.equal((await act(id, 'monitoring', { action: 'take_under_control', reason: 'На контроле акима области' })).status, 200);
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      const answered = await act(id, 'executor', { action: 'answer', text: 'Предложение будет рассмотрено при формировании бюджета' });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.equal(answered.body.state, 'answered');
      assert.equal(answered.body.closedAt, null, 'open until the answer is accepted');
      const accepted = await act(id, 'monitoring', { action: 'accept_answer', complete: true, allIssuesAnswered: true, legalBasis: true, measuresTaken: true });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.notEqual(accepted.body.closedAt, null);
    });

    test('APC 68(5): a postponement for a removed representative ends with a new one, or by itself after 3 working days', async () => {
      now = new Date('2025-04-09T05:00:00Z'); // Wednesday
      const reg = await register('2025-04-09T09:00:00+05:00');
      const id = reg.body.id;
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      // an employee of the body (the akim's IIN) cannot represent: removed, and the procedure postponed
      const removed = await act(id, 'executor', { action: 'add_representative', name: 'Смағұлов Ержан', iin: '750315300008', basis: 'power_of_attorney' });
      assert.equal(removed.status, 200, JSON.stringify(removed.body));
      assert.equal(removed.body.state, 'postponed');
      const until = (await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' })).body.timeline.at(-1).details.until;
      assert.equal(until, '2025-04-14');
      // the official cannot be pre-empted by the job: on the last day nothing happens
      now = new Date('2025-04-14T05:00:00Z');
      assert.deepEqual(await app.appeals.resumePostponed(), []);
      now = new Date('2025-04-15T05:00:00Z');
      assert.deepEqual(await app.appeals.resumePostponed(), [id]);
      assert.deepEqual(await app.appeals.resumePostponed(), [], 'running the job again changes nothing');
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      assert.equal(view.body.state, 'in_review');
      const resumed = view.body.timeline.at(-1);
      assert.deepEqual([resumed.action, resumed.actor, resumed.citation], ['resume', 'system', 'APC 68(5)']);
      assert.equal(resumed.details.automatic, true);
      assert.equal(view.body.due, reg.body.due, 'the term of the case is not moved (A7)');

      // a new representative authorised during the postponement resumes it at once
      const other = await register('2025-04-15T09:00:00+05:00');
      await act(other.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(other.body.id, 'executor', { action: 'start_review' });
      await act(other.body.id, 'executor', { action: 'add_representative', name: 'Смағұлов Ержан', iin: '750315300008', basis: 'power_of_attorney' });
      const replaced = await act(other.body.id, 'executor', { action: 'add_representative', name: 'Ахметов Болат', basis: 'power_of_attorney', document: 'Доверенность № 12' });
      assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
      assert.equal(replaced.body.state, 'in_review');
    });
  });
}
