/**
 * The rows of apc-requirements.md §4.1 and §4.3 and the §8 appeal scenarios that the other appeal tests leave
 * open (docs/appeal-coverage.md maps every row to its transition and test): intake through the oral channel (a
 * protocol, APC 63(1)), a personal reception and a videoconference; the "taken into account" answer of the
 * simplified procedure (89(1)(2)); co-executors; and the worklists of the workspace (my subdivision, due soon,
 * overdue) with their filters and paging. Both engines; the clock is a test adapter; everything else is real.
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
  describe(`appeal procedure coverage [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-04-02T09:30:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const subdivisions: Record<string, string> = {};

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      // the demo is seeded with appointments from the real today; the cases here run on a 2025 clock
      await app.database.db.updateTable('appointment').set({ valid_from: '2020-01-01' }).execute();
      for (const role of ['registrar', 'executor', 'deputy_head', 'body_head', 'subdivision_head'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      const subs = await app.database.db.selectFrom('subdivision').innerJoin('body', 'body.id', 'subdivision.body_id').select(['subdivision.id', 'subdivision.code', 'body.code as body']).execute();
      for (const s of subs) subdivisions[`${s.body}/${s.code}`] = s.id;
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
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу провести уличное освещение по ул. Садовой', summary: 'Освещение ул. Садовой',
          applicant: { kind: 'individual', name: 'Сейтканов Марат Болатович', postalAddress: 'район Бухар-жырау, ул. Садовая, 4', email: 'seitkanov@example.kz' },
          signed: true, filedOn: receivedAt.slice(0, 10), receivedAt, ...extra,
        },
      });
    const version = async (id: string) => (await app.database.db.selectFrom('appeal').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const act = async (id: string, who: string, action: Record<string, unknown>) =>
      call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: await version(id), ...action } });
    const get = (id: string, who = 'deputy_head') => call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: who });
    const list = (who: string, query: string) => call({ method: 'GET', url: `/api/v1/appeals?${query}`, as: who });

    test('§4.1 row 1, APC 63(1), 64(1)-(3): an oral appeal is entered in a protocol by the official who accepts it and registered the same day (#3: 02.04.2025, due 23.04); an unsigned protocol is registered all the same', async () => {
      now = new Date('2025-04-02T09:30:00Z');
      const oral = await register('2025-04-02T14:00:00+05:00', { channel: 'oral', essence: 'Устно: прошу провести освещение по ул. Садовой; протокол прочитан и подписан заявителем' });
      assert.equal(oral.status, 201, JSON.stringify(oral.body));
      assert.equal(oral.body.registeredOn, '2025-04-02');
      assert.equal(oral.body.due, '2025-04-23');
      assert.equal(oral.body.acceptedBy, 'Мұқанова Әсем Ғалымқызы', 'the protocol names the official who accepted the appeal (63(1), 64(2))');
      assert.deepEqual(oral.body.missing, []);
      const view = await get(oral.body.id);
      assert.equal(view.body.channel, 'oral');
      assert.equal(view.body.state, 'registered');
      assert.equal(view.body.timeline[0].details.channel, 'oral');
      assert.equal(view.body.timeline[0].citation, 'APC 62(2), 64(2), 64(3)');

      // the applicant did not sign the protocol: intake is still not refused (64(1)); the defect is listed for 64(6)
      const unsigned = await register('2025-04-02T15:00:00+05:00', { channel: 'oral', signed: false });
      assert.equal(unsigned.status, 201, JSON.stringify(unsigned.body));
      assert.deepEqual(unsigned.body.missing.map((m: Json) => m.code), ['signature']);
      assert.equal(unsigned.body.missing[0].citation, 'APC 63(2)(5)');
    });

    test('§4.1 row 1, APC 90(3), 64(2); 4(1)(13), 64(5): an appeal made at a personal reception and one made by videoconference are registered by the clerk with their real receipt time and the 15-working-day term', async () => {
      now = new Date('2025-03-26T04:00:00Z');
      // received during Nauryz (Saturday 22.03.2025): registered on the next working day, due 15 working days from receipt (#1, #2)
      const reception = await register('2025-03-22T11:00:00+05:00', { channel: 'reception', essence: 'На приёме у акима: прошу провести освещение по ул. Садовой' });
      assert.equal(reception.status, 201, JSON.stringify(reception.body));
      assert.equal(reception.body.registeredOn, '2025-03-26');
      assert.equal(reception.body.due, '2025-04-15');
      assert.equal(reception.body.receivedAt.slice(0, 10), '2025-03-22', 'the ticket keeps the real receipt date');
      const video = await register('2025-03-25T16:00:00+05:00', { channel: 'videoconference' });
      assert.equal(video.status, 201, JSON.stringify(video.body));
      assert.equal(video.body.registeredOn, '2025-03-26');
      for (const [id, channel] of [[reception.body.id, 'reception'], [video.body.id, 'videoconference']]) {
        const view = await get(id);
        assert.equal(view.body.channel, channel);
        assert.equal(view.body.timeline[0].details.channel, channel);
      }
      // an unknown channel is bad input: problem+json with the field, and nothing is written
      const before = await app.database.db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const bad = await register('2025-03-25T16:00:00+05:00', { channel: 'pigeon' });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.errors.some((e: Json) => /channel/.test(e.field)), JSON.stringify(bad.body));
      const afterBad = await app.database.db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(afterBad.n), Number(before.n));
    });

    test('#6 APC 63(2)(1), 14: an individual without an IIN is registered with nothing missing; #8, #9 APC 65(1): the redirection term skips the moved day off 27.10 and Nauryz; #58 APC 76(1): 16.12 is skipped', async () => {
      now = new Date('2025-12-02T05:00:00Z');
      const deadline = async (id: string, term: string) => (await get(id)).body.deadlines.find((d: Json) => d.term === term)?.due;
      const foreigner = await register('2025-12-01T10:00:00+05:00', { applicant: { kind: 'individual', name: 'John Smith', postalAddress: 'Караганда, ул. Ерубаева, 5' } });
      assert.equal(foreigner.status, 201, JSON.stringify(foreigner.body));
      assert.deepEqual(foreigner.body.missing, [], 'the IIN is asked only "при его наличии"');
      assert.equal(foreigner.body.due, '2025-12-23', '#58: Independence Day 16.12 is not a working day');
      assert.equal(await deadline(foreigner.body.id, 'APC-76.1'), '2025-12-23');
      const republicDay = await register('2025-10-23T10:00:00+05:00');
      assert.equal(await deadline(republicDay.body.id, 'APC-65.1'), '2025-10-29');
      const nauryz = await register('2025-03-22T10:00:00+05:00');
      assert.equal(await deadline(nauryz.body.id, 'APC-65.1'), '2025-03-28');
    });

    test('§4.3, APC 65(1), 87(2): a feedback outside the competence is redirected in the simplified procedure; the competent body opens its own procedure and the applicant is told', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const feedback = await register('2025-04-02T11:00:00+05:00', { type: 'feedback', essence: 'Отзыв о работе ЦОН города Караганды' });
      assert.equal(feedback.status, 201, JSON.stringify(feedback.body));
      const id = feedback.body.id;
      const redirected = await act(id, 'registrar', { action: 'redirect', toBodyId: bodies['KRG-ABA'], reasons: 'Вопрос относится к компетенции акимата района Абай' });
      assert.equal(redirected.status, 200, JSON.stringify(redirected.body));
      assert.equal(redirected.body.state, 'redirected');
      const opened = await app.database.db.selectFrom('appeal').select(['body_id', 'procedure', 'state', 'type']).where('redirected_from', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(opened, { body_id: bodies['KRG-ABA'], procedure: 'simplified', state: 'registered', type: 'feedback' });
      const told = await app.database.db.selectFrom('notice').select(['data', 'citation']).where('subject_id', '=', id).where('type', '=', 'appeal_redirected').executeTakeFirstOrThrow();
      assert.equal((told.data as Json).redirectedOn, '2025-04-03', 'told at the same time (65(1))');
    });

    test('§4.3, APC 89(1)(2), 89(3): a proposal taken into account is "noted": the case closes and the applicant is told the results with the route of complaint; only from review, and not in the general procedure', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const proposal = await register('2025-04-02T11:00:00+05:00', { type: 'proposal', essence: 'Предлагаю установить остановку у школы № 3' });
      assert.equal(proposal.status, 201, JSON.stringify(proposal.body));
      const id = proposal.body.id;
      assert.equal((await get(id)).body.procedure, 'simplified');
      // not before review starts
      const early = await act(id, 'deputy_head', { action: 'note', text: 'Предложение учтено' });
      assert.equal(early.status, 409, JSON.stringify(early.body));
      assert.equal((await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] })).status, 200);
      assert.equal((await act(id, 'executor', { action: 'start_review' })).status, 200);
      const noted = await act(id, 'executor', { action: 'note', text: 'Предложение учтено: остановка включена в план благоустройства на 2025 год' });
      assert.equal(noted.status, 200, JSON.stringify(noted.body));
      assert.equal(noted.body.state, 'noted');
      const view = await get(id);
      assert.ok(view.body.closedAt && view.body.decidedAt);
      assert.equal(view.body.decision.kind, 'note');
      assert.equal(view.body.timeline.at(-1).action, 'note');
      assert.equal(view.body.timeline.at(-1).citation, 'APC 89(1)(2)');
      const told = await app.database.db.selectFrom('notice').select(['type', 'language', 'data', 'citation']).where('subject_id', '=', id).where('type', '=', 'simplified_answer').execute();
      assert.equal(told.length, 1);
      assert.equal(told[0]!.language, 'ru');
      assert.match(String((told[0]!.data as Json).answer), /учтено/);
      assert.ok((told[0]!.data as Json).complainTo, 'the answer explains where to complain (89(2))');
      // closed: nothing more can be noted
      assert.equal((await act(id, 'executor', { action: 'note', text: 'ещё раз' })).status, 409);

      // an application (general procedure) is decided by an act, never "noted"
      const application = await register('2025-04-02T12:00:00+05:00');
      await act(application.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(application.body.id, 'executor', { action: 'start_review' });
      const wrong = await act(application.body.id, 'executor', { action: 'note', text: 'Учтено' });
      assert.equal(wrong.status, 409, JSON.stringify(wrong.body));
      assert.equal((await get(application.body.id)).body.state, 'in_review');
    });

    test('#44 APC 89(2), 76(1): a request in Russian received 02.04.2025 is due 23.04 and answered in Russian with the route of complaint', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const request = await register('2025-04-02T10:00:00+05:00', { type: 'request', essence: 'Когда будет подключено уличное освещение по ул. Садовой?' });
      assert.equal(request.status, 201, JSON.stringify(request.body));
      assert.equal(request.body.due, '2025-04-23');
      const id = request.body.id;
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      const answered = await act(id, 'executor', { action: 'answer', text: 'Освещение будет подключено до 01.06.2025 согласно плану благоустройства (ст. 89 АППК)' });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.equal(answered.body.state, 'answered');
      const told = await app.database.db.selectFrom('notice').select(['language', 'data', 'citation']).where('subject_id', '=', id).where('type', '=', 'simplified_answer').executeTakeFirstOrThrow();
      assert.equal(told.language, 'ru');
      assert.equal(told.citation, 'APC 89(2), 89(3)');
      assert.ok((told.data as Json).complainTo);
    });

    test('§4.1 row 9, APC 71, 72: consideration starts sole or collegial; a collegial one names officials of the body and its basis, and is kept in the history', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const id = (await register('2025-04-02T16:00:00+05:00', { summary: 'Коллегиальное рассмотрение: застройка двора' })).body.id;
      assert.equal((await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] })).status, 200);
      const members = [officials['bzh.head'], officials['bzh.executor']];
      // members of another body, a single member, or "a law provides it" without naming the law: refused, nothing written
      const foreign = await act(id, 'body_head', { action: 'start_review', collegial: { basis: 'body_decision', memberIds: [officials['bzh.head'], officials['aba.deputy']] } });
      assert.equal(foreign.status, 422, JSON.stringify(foreign.body));
      assert.deepEqual([foreign.body.code, foreign.body.citation, foreign.body.errors[0].field], ['official_other_body', 'APC 72', 'body.collegial.memberIds']);
      assert.equal((await act(id, 'body_head', { action: 'start_review', collegial: { basis: 'body_decision', memberIds: [officials['bzh.head']] } })).status, 400);
      const noLaw = await act(id, 'body_head', { action: 'start_review', collegial: { basis: 'law', memberIds: members } });
      assert.equal(noLaw.status, 422, JSON.stringify(noLaw.body));
      assert.equal(noLaw.body.errors[0].field, 'body.collegial.reference');
      assert.equal((await get(id)).body.state, 'registered');

      const started = await act(id, 'body_head', { action: 'start_review', collegial: { basis: 'body_decision', reference: 'Распоряжение акима района № 12 от 02.04.2025', memberIds: members } });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.state, 'in_review');
      const event = (await get(id)).body.timeline.at(-1);
      assert.deepEqual([event.action, event.citation], ['start_review', 'APC 71, 72']);
      assert.deepEqual(event.details.collegial, { basis: 'body_decision', reference: 'Распоряжение акима района № 12 от 02.04.2025', memberIds: members });
    });

    test('APC 44(2), §4.7 (Arts. 37-38): an appeal goes to a subdivision, an executor and co-executors of the body; a co-executor sees it among "mine", reads it and acts on it; one from another body is refused', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T16:00:00+05:00', { summary: 'Совместное исполнение: освещение' });
      const id = reg.body.id;
      // before the assignment the specialist has no access to the case
      assert.equal((await get(id, 'executor')).status, 403);
      const counted = async () => (await list('executor', 'view=mine')).body.counters.mine as number;
      const mineBefore = await counted();

      const foreign = await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.head'], coExecutorIds: [officials['aba.deputy']] });
      assert.equal(foreign.status, 422, JSON.stringify(foreign.body));
      assert.equal(foreign.body.code, 'official_other_body');
      assert.ok(foreign.body.errors.some((e: Json) => e.field === 'body.coExecutorIds'));
      assert.deepEqual((await get(id)).body.coExecutorIds, [], 'nothing was written');
      const foreignSub = await act(id, 'body_head', { action: 'assign', subdivisionId: subdivisions['KRG-ABA/management'] ?? subdivisions['KRG/management'] });
      assert.equal(foreignSub.status, 422, JSON.stringify(foreignSub.body));
      assert.equal(foreignSub.body.code, 'subdivision_other_body');

      const assigned = await act(id, 'body_head', { action: 'assign', subdivisionId: subdivisions['KRG-BZH/housing'], executorId: officials['bzh.head'], coExecutorIds: [officials['bzh.executor']] });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.equal(assigned.body.executorId, officials['bzh.head'], 'the first named executor coordinates');
      assert.deepEqual(assigned.body.coExecutorIds, [officials['bzh.executor']]);
      assert.equal(assigned.body.subdivisionId, subdivisions['KRG-BZH/housing']);
      const event = (await get(id)).body.timeline.at(-1);
      assert.equal(event.action, 'assign');
      assert.equal(event.citation, 'APC 44(2)');
      assert.deepEqual(event.details.coExecutorIds, [officials['bzh.executor']]);

      // the co-executor: in "mine", counted, can read the case and take a step of the procedure
      const mine = await list('executor', 'view=mine&pageSize=200');
      assert.ok(mine.body.items.some((a: Json) => a.id === id));
      assert.equal(await counted(), mineBefore + 1);
      assert.equal((await get(id, 'executor')).status, 200);
      const started = await act(id, 'executor', { action: 'start_review' });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.state, 'in_review');
      assert.equal((await get(id)).body.timeline.at(-1).actor, `official:${officials['bzh.executor']}`);

      // taken off the case, the former co-executor loses it
      assert.equal((await act(id, 'body_head', { action: 'assign', coExecutorIds: [] })).status, 200);
      assert.equal((await get(id, 'executor')).status, 403);
      assert.equal(await counted(), mineBefore);
    });

    test('APC 44(2), 76(1), 38: the worklists of the workspace: my subdivision, due soon (3 working days), overdue; with filters by type, state and words, and paging', async () => {
      // November 2025 has no holidays; three cases of this test are found by the word "Тополиная"
      now = new Date('2025-11-20T05:00:00Z');
      const late = await register('2025-10-13T10:00:00+05:00', { summary: 'Тополиная, 1: тротуар', essence: 'Прошу отремонтировать тротуар, ул. Тополиная, 1' });
      const soon = await register('2025-11-03T10:00:00+05:00', { summary: 'Тополиная, 2: освещение', essence: 'Прошу провести освещение, ул. Тополиная, 2' });
      const later = await register('2025-11-10T10:00:00+05:00', { type: 'proposal', summary: 'Тополиная, 3: сквер', essence: 'Предлагаю разбить сквер, ул. Тополиная, 3' });
      for (const r of [late, soon, later]) assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(late.body.due, '2025-11-04', '27.10 moved day off skipped');
      assert.equal(soon.body.due, '2025-11-24');
      assert.equal(later.body.due, '2025-12-01');
      const word = encodeURIComponent('Тополиная');
      const ids = (res: { body: Json }) => res.body.items.map((a: Json) => a.id);

      // due soon: today 20.11 to the third working day after it, 25.11; overdue: before today; open cases only
      const dueSoon = await list('deputy_head', `view=due_soon&q=${word}`);
      assert.equal(dueSoon.status, 200, JSON.stringify(dueSoon.body));
      assert.deepEqual(ids(dueSoon), [soon.body.id]);
      assert.deepEqual(ids(await list('deputy_head', `view=overdue&q=${word}`)), [late.body.id]);
      // the whole body, most urgent first
      const body = await list('deputy_head', `view=body&q=${word}`);
      assert.deepEqual(ids(body), [late.body.id, soon.body.id, later.body.id]);
      assert.equal(body.body.total, 3);
      // filters: type, state, registration number
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${word}&type=proposal`)), [later.body.id]);
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${encodeURIComponent(soon.body.number)}`)), [soon.body.id]);
      await act(soon.body.id, 'body_head', { action: 'assign', subdivisionId: subdivisions['KRG-BZH/housing'], executorId: officials['bzh.executor'] });
      await act(soon.body.id, 'executor', { action: 'start_review' });
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${word}&state=in_review`)), [soon.body.id]);
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${word}&state=registered`)), [late.body.id, later.body.id]);
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${word}&bodyId=${bodies['KRG-ABA'] ?? bodies.KRG}`)), []);
      // paging: two per page, the total stays
      const first = await list('deputy_head', `view=body&q=${word}&pageSize=2&page=1`);
      const second = await list('deputy_head', `view=body&q=${word}&pageSize=2&page=2`);
      assert.deepEqual([first.body.page, first.body.pageSize, first.body.total], [1, 2, 3]);
      assert.deepEqual([...ids(first), ...ids(second)], [late.body.id, soon.body.id, later.body.id]);
      assert.deepEqual(ids(await list('deputy_head', `view=body&q=${word}&pageSize=2&page=3`)), []);
      const badPage = await list('deputy_head', 'view=body&pageSize=500');
      assert.equal(badPage.status, 400);
      assert.ok(badPage.body.errors.some((e: Json) => /pageSize/.test(e.field)), JSON.stringify(badPage.body));

      // my subdivision: the head of the housing division sees the case routed there, and not the others of the body
      const subdivision = await list('subdivision_head', `view=subdivision&q=${word}`);
      assert.equal(subdivision.status, 200, JSON.stringify(subdivision.body));
      assert.deepEqual(ids(subdivision), [soon.body.id]);
      assert.equal((await get(late.body.id, 'subdivision_head')).status, 403);
      assert.deepEqual(ids(await list('subdivision_head', `view=body&q=${word}`)), [soon.body.id], 'the body view is limited to what the person may read');
      // the executor: the case is theirs; the specialist's subdivision view is empty (no subdivision grant)
      assert.deepEqual(ids(await list('executor', `view=mine&q=${word}`)), [soon.body.id]);
      assert.deepEqual(ids(await list('executor', `view=subdivision&q=${word}`)), []);

      // decided cases leave due soon and overdue
      await act(late.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(late.body.id, 'executor', { action: 'start_review' });
      const adopted = await act(late.body.id, 'executor', { action: 'adopt_act', outcome: 'satisfied', favourable: true, reasons: 'Тротуар включён в план ремонта', hearingExemption: 'favourable_no_third_party' });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      assert.deepEqual(ids(await list('deputy_head', `view=overdue&q=${word}`)), []);
    });
  });
}
