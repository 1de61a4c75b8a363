/**
 * Complaints (APC Chapters 13–15) and court cases (Section 4, Rules No. 111 Annex 3 and p.5(7)) through the API, on
 * both engines, in the order of one story: an appeal's act, complaints against it at the originating body, review at
 * the superior body, deemed dismissal, the court and the share of acts found unlawful. Scenario numbers are those of
 * apc-requirements.md §8 and rules-services-requirements.md Part 5 (AT-*). The clock is a test adapter.
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
  describe(`complaints and court cases API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-02-03T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    let appealId = '';
    const ids: Record<string, string> = {};

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['registrar', 'executor', 'deputy_head', 'body_head', 'legal_service', 'moj_reviewer', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the district's own legal service: the regional legal officer also serves the district (a role grant)
      await app.database.db.insertInto('role_grant').values({ official_id: officials['krg.legal']!, role: 'legal_service', body_id: bodies['KRG-BZH']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
    });
    after(async () => app?.close());

    const at = (iso: string) => { now = new Date(iso); };
    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };
    const appealAct = async (who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/appeals/${appealId}`, as: 'deputy_head' });
      const res = await call({ method: 'POST', url: `/api/v1/appeals/${appealId}/actions`, as: who, payload: { version: current.body.version, ...action } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    const complaint = (receivedAt: string, extra: Record<string, unknown> = {}) =>
      call({
        method: 'POST', url: '/api/v1/complaints/register', as: 'registrar',
        payload: {
          appealId, challengedKind: 'act', challengedSummary: 'Решение об отказе в ремонте крыши', circumstances: 'Крыша протекает, акт обследования прилагается',
          complainant: { kind: 'individual', name: 'Иванов Иван Иванович', iin: '900101300017', postalAddress: 'ул. Абая, 10', actualAddress: 'ул. Абая, 10', email: 'ivanov@example.kz' },
          attachments: ['Акт обследования'], language: 'ru', channel: 'paper', signed: true, filedOn: receivedAt.slice(0, 10), receivedAt, ...extra,
        },
      });
    const step = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: 'legal_service' });
      return call({ method: 'POST', url: `/api/v1/complaints/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const ok = (res: { status: number; body: Json }) => {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };

    test('setup: an appeal at the district akimat ends in an act communicated on 05.02.2025', async () => {
      const reg = await call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу отремонтировать крышу дома по ул. Абая, 10', summary: 'Ремонт крыши',
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'ул. Абая, 10', email: 'ivanov@example.kz' }, signed: true, filedOn: '2025-02-03', receivedAt: '2025-02-03T10:00:00+05:00',
        },
      });
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      appealId = reg.body.id;
      await appealAct('body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await appealAct('executor', { action: 'start_review' });
      await appealAct('executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Дом не включён в план ремонта', hearingExemption: 'participant_motion' });
      at('2025-02-05T05:00:00Z');
      await appealAct('executor', { action: 'communicate_act', communicatedOn: '2025-02-05' });
    });

    test('APC 97(2), #39: the official whose action is challenged cannot review the complaint alone; as a member of a collegial body they can', async () => {
      at('2025-03-10T05:00:00Z');
      const res = await complaint('2025-03-10T10:00:00+05:00', { challengedOfficialIds: [officials['krg.legal']] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const c = res.body;
      ids.e = c.id;
      assert.equal(c.learnedOn, '2025-02-05', 'A13: by default the day the act was communicated');
      assert.ok(c.challengedOfficials.includes(officials['bzh.executor']), 'the executor of the appeal is a challenged official');
      at('2025-03-11T05:00:00Z');
      ok(await step(c.id, 'deputy_head', { action: 'forward' }));
      at('2025-03-12T05:00:00Z');
      ok(await step(c.id, 'legal_service', { action: 'register_at_review' }));
      const alone = await step(c.id, 'legal_service', { action: 'start_review' });
      assert.equal(alone.status, 403);
      assert.equal(alone.body.code, 'reviewer_challenged');
      assert.equal(alone.body.citation, 'APC 97(2)');
      const collegial = ok(await step(c.id, 'legal_service', { action: 'start_review', collegial: true }));
      assert.equal(collegial.state, 'in_review');
    });

    test('APC 100(1)(5), 100(2), #37: decided on Mon 17.03.2025 to return the case: sent back by Thu 27.03; the new procedure at the origin is opened and linked', async () => {
      const id = ids.e!;
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'official', heardOn: '2025-03-12', attended: true, summary: 'Пояснения исполнителя' }));
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'complainant', heardOn: '2025-03-12', attended: true, summary: 'Пояснения заявителя' }));
      at('2025-03-17T05:00:00Z');
      const missing = await step(id, 'legal_service', { action: 'decide', decision: 'return_for_new_procedure', reasons: 'Не исследован акт обследования', norms: 'АППК 100(1)(5)', grounds: ['circumstances_misjudged'] });
      assert.equal(missing.status, 422);
      assert.equal(missing.body.code, 'violations_and_proposals_required');
      const decided = ok(await step(id, 'legal_service', { action: 'decide', decision: 'return_for_new_procedure', reasons: 'Не исследован акт обследования', norms: 'АППК 100(1)(5)', grounds: ['circumstances_misjudged'], violations: ['Не исследован акт обследования крыши'], proposals: ['Исследовать акт и принять новое решение'] }));
      assert.equal(decided.state, 'decided');
      assert.equal(decided.decision.sendBackBy, '2025-03-27');
      assert.equal(decided.deadlines.find((d: Json) => d.term === 'APC-100.2').due, '2025-03-27');
      at('2025-03-18T05:00:00Z');
      const sent = ok(await step(id, 'legal_service', { action: 'send_back' }));
      assert.ok(sent.newAppealId);
      const fresh = await call({ method: 'GET', url: `/api/v1/appeals/${sent.newAppealId}`, as: 'deputy_head' });
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.bodyId, bodies['KRG-BZH']);
      assert.equal(fresh.body.state, 'registered');
      assert.equal(fresh.body.parentId, appealId);
      assert.equal(fresh.body.related.complaints[0].relation, 'opened_by_return');
      const again = await step(id, 'legal_service', { action: 'send_back' });
      assert.equal(again.body.code, 'already_sent_back');
    });

    test('APC 91(4), 96, #31, #33: a complaint registered Mon 14.04.2025 is forwarded by Thu 17.04 and suspends execution; self-remedy after 3 working days is refused', async () => {
      at('2025-04-14T05:00:00Z');
      const a = await complaint('2025-04-14T10:00:00+05:00');
      const b = await complaint('2025-04-14T11:00:00+05:00');
      assert.equal(a.status, 201);
      ids.a = a.body.id;
      assert.equal(a.body.state, 'filed_at_origin');
      assert.equal(a.body.reviewBodyId, bodies['KRG']);
      assert.equal(a.body.deadlines.find((d: Json) => d.term === 'APC-91.4').due, '2025-04-17');
      assert.equal(a.body.executionSuspended, true);
      assert.ok(a.body.timeline.some((e: Json) => e.action === 'execution_suspended' && e.citation === 'APC 96'));
      assert.deepEqual(a.body.missing, []);
      at('2025-04-16T05:00:00Z');
      const fwd = ok(await step(a.body.id, 'deputy_head', { action: 'forward' }));
      assert.equal(fwd.state, 'forwarded');
      assert.equal(fwd.timeline.at(-1).details.late, false);
      at('2025-04-18T05:00:00Z');
      const late = await step(b.body.id, 'deputy_head', { action: 'satisfy', measures: 'Принят благоприятный акт' });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'satisfy_term_passed');
      const exception = ok(await step(b.body.id, 'deputy_head', { action: 'record_suspension_exception', ground: 'protection_of_rights', reasons: 'Угроза обрушения кровли' }));
      assert.equal(exception.executionSuspended, false);
      assert.equal(exception.suspensionException, 'protection_of_rights');
    });

    test('APC 98(3), 98(6), 100(2), #35: the review body hears both sides, may not worsen the position, decides (1)–(3) only within its competence; dismissal ends the suspension', async () => {
      const id = ids.a!;
      ok(await step(id, 'legal_service', { action: 'register_at_review' }));
      ok(await step(id, 'legal_service', { action: 'start_review' }));
      const unheard = await step(id, 'legal_service', { action: 'decide', decision: 'dismiss', reasons: 'Нет оснований', norms: 'АППК 100(1)(4)' });
      assert.equal(unheard.status, 409);
      assert.equal(unheard.body.code, 'complaint_hearing_required');
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'official', heardOn: '2025-04-18', attended: true, summary: 'Исполнитель' }));
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'complainant', heardOn: '2025-04-18', attended: false, summary: 'Заявитель извещён, не явился' }));
      const worse = await step(id, 'legal_service', { action: 'decide', decision: 'cancel_and_new_act', reasons: 'r', norms: 'n', grounds: ['law_violated'], withinCompetence: true, comparison: 'worse', newAct: 'Снос дома' });
      assert.equal(worse.status, 422);
      assert.equal(worse.body.code, 'reformatio_in_peius');
      assert.equal(worse.body.citation, 'APC 98(6)');
      const outside = await step(id, 'legal_service', { action: 'decide', decision: 'cancel_act', reasons: 'r', norms: 'n', grounds: ['law_violated'], withinCompetence: false });
      assert.equal(outside.body.code, 'not_within_competence');
      const dismissed = ok(await step(id, 'legal_service', { action: 'decide', decision: 'dismiss', reasons: 'Дом не включён в план ремонта, отказ обоснован', norms: 'АППК 100(1)(4), 100(4)' }));
      assert.equal(dismissed.state, 'decided');
      assert.equal(dismissed.executionSuspended, false);
      assert.equal(dismissed.decision.reviewBody.length > 0, true, 'APC 101(1)(2)');
      assert.equal(dismissed.decision.complainant.iin, '900101300017', 'APC 101(1)(3)');
      assert.ok(dismissed.timeline.some((e: Json) => e.action === 'execution_resumed'));
      assert.ok(!dismissed.actions.some((x: Json) => x.action === 'extend'));
      const notices = await app.database.db.selectFrom('notice').select(['type', 'recipient_id']).where('subject_id', '=', id).execute();
      assert.ok(notices.some((n) => n.type === 'complaint_decided'));
      assert.ok(notices.some((n) => n.type === 'official_complaint_decision_copy' && n.recipient_id === officials['bzh.deputy']), 'APC 100(4): a copy to the originating body');
    });

    test('APC 92(1)–(3), #28–#30: a complaint filed 05.05.2025 against an act delivered 15.01 is registered all the same, flagged late (last day 15.04); the review body restores the term', async () => {
      at('2025-05-05T05:00:00Z');
      const res = await complaint('2025-05-05T10:00:00+05:00', { learnedOn: '2025-01-15', restorationMotion: 'Находился в больнице, справка прилагается' });
      assert.equal(res.status, 201);
      assert.equal(res.body.complainBy, '2025-04-15');
      assert.equal(res.body.late, true);
      ok(await step(res.body.id, 'deputy_head', { action: 'forward' }));
      ok(await step(res.body.id, 'legal_service', { action: 'register_at_review' }));
      const restored = ok(await step(res.body.id, 'legal_service', { action: 'decide_restoration', restored: true, reasons: 'Болезнь подтверждена справкой' }));
      assert.equal(restored.restoration.restored, true);
      const notLate = await step(ids.e!, 'legal_service', { action: 'decide_restoration', restored: true, reasons: 'x' });
      assert.equal(notLate.status, 409);
    });

    test('AT-28: a court-case record is rejected field by field: pending without instance, cancelled in force without reasons, a decision without case number', async () => {
      const base = {
        complaintId: ids.a, act: { name: 'Решение об отказе', content: 'Отказ в ремонте крыши', adoptedOn: '2025-02-03' }, claimType: 'challenge', basisOn: '2025-05-05',
        court: 'Специализированный межрайонный административный суд Карагандинской области', plaintiff: { kind: 'individual', name: 'Иванов Иван Иванович' },
        claims: 'Отменить решение об отказе', claimFiledOn: '2025-05-20',
      };
      const noInstance = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'legal_service', payload: { ...base, status: 'pending' } });
      assert.equal(noInstance.status, 422);
      assert.deepEqual(noInstance.body.errors.map((e: Json) => [e.field, e.code]), [['body.instance', 'instance_required']]);
      const noReasons = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'legal_service', payload: { ...base, status: 'in_force', enteredIntoForceOn: '2025-09-05', actCancelled: true, firstInstance: { caseNumber: '3599-25-00-4a/1', decidedOn: '2025-07-01', outcome: 'act_cancelled' } } });
      assert.deepEqual(noReasons.body.errors.map((e: Json) => e.code), ['cancellation_reasons_required']);
      const noNumber = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'legal_service', payload: { ...base, status: 'pending', instance: 'first', firstInstance: { decidedOn: '2025-07-01' } } });
      assert.deepEqual(noNumber.body.errors.map((e: Json) => e.code), ['case_number_required']);
      const created = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'legal_service', payload: { ...base, status: 'pending', instance: 'first', caseNumber: '3599-25-00-4a/1' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids.court = created.body.id;
      assert.equal(created.body.claimBasis, 'complaint_decision');
      assert.equal(created.body.claimDeadline, '2025-06-05', 'APC 136(1): one month from delivery of the complaint decision');
      assert.equal(created.body.claimLate, false);
      const outsider = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'executor', payload: { ...base, status: 'pending', instance: 'first' } });
      assert.equal(outsider.status, 403);
    });

    test('APC 168(2), 161, 155(3), #55: first instance cancels the act (final form 04.07.2025, appeal by 04.09, in force 05.09); in force it cancels the act and counts as unlawful', async () => {
      const get = await call({ method: 'GET', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service' });
      const { id: _i, bodyId: _b, appealId: _a, complaintId: _c, actId: _x, claimBasis: _cb, claimDeadline: _cd, claimLate: _cl, foundUnlawful: _f, actCancelled: _ac, timeline: _t, deadlines: _d, ...form } = get.body;
      const first = { caseNumber: '3599-25-00-4a/1', decidedOn: '2025-07-01', finalFormOn: '2025-07-04', outcome: 'act_cancelled', result: 'against_body', reasoning: 'Не учтён акт обследования', operative: 'Отменить решение' };
      const clean = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
      const decided = ok(await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), firstInstance: first } }));
      assert.equal(decided.deadlines.find((d: Json) => d.term === 'APC-168.2').due, '2025-09-04');
      assert.equal(decided.timeline.find((e: Json) => e.action === 'first_instance_decided').details.inForceIfNotAppealed, '2025-09-05');
      assert.equal(decided.actCancelled, false, 'not before entry into force');
      const inForce = ok(await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), version: decided.version, firstInstance: first, status: 'in_force', enteredIntoForceOn: '2025-09-05', cancellationReasons: 'Решение принято без исследования акта обследования', privateRulings: [{ content: 'О нарушении сроков', requires: 'Принять меры', executed: true, measures: 'Проведено совещание' }] } }));
      assert.equal(inForce.actCancelled, true);
      assert.equal(inForce.foundUnlawful, true);
      assert.ok(inForce.timeline.some((e: Json) => e.action === 'act_cancelled' && e.citation === 'APC 155(3), 156'));
      assert.equal(inForce.deadlines.find((d: Json) => d.term === 'APC-171.2').due, '2025-10-06');
      const stale = await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), version: decided.version } });
      assert.equal(stale.status, 409);
    });

    test('APC 99, 100(5), 136(6), #34: received Wed 15.10.2025, no decision by Thu 13.11: the system records the deemed dismissal dated 13.11, tells the complainant, and the court month runs to 15.12', async () => {
      at('2025-10-15T05:00:00Z');
      const res = await complaint('2025-10-15T10:00:00+05:00', { challengedKind: 'action', learnedOn: '2025-10-10' });
      assert.equal(res.body.due, '2025-11-13');
      ids.c = res.body.id;
      ok(await step(res.body.id, 'deputy_head', { action: 'forward' }));
      // the earlier complaints left undecided (forwarded or not) are deemed dismissed long before; this one not yet
      assert.ok(!(await app.complaints.recordDeemedDismissals('2025-11-13')).includes(res.body.id));
      at('2025-11-14T00:10:00Z');
      assert.deepEqual(await app.complaints.recordDeemedDismissals(), [res.body.id]);
      assert.deepEqual(await app.complaints.recordDeemedDismissals(), [], 'running again records nothing twice');
      const c = (await call({ method: 'GET', url: `/api/v1/complaints/${res.body.id}`, as: 'legal_service' })).body;
      assert.equal(c.state, 'deemed_dismissed');
      assert.equal(c.deemedDismissedOn, '2025-11-13');
      assert.equal(c.executionSuspended, false);
      assert.equal(c.deadlines.find((d: Json) => d.term === 'APC-136.6').due, '2025-12-15');
      assert.ok(!c.actions.some((x: Json) => x.action === 'extend'), 'no extension of the review term exists');
      const notice = await app.database.db.selectFrom('notice').select(['type', 'body']).where('subject_id', '=', res.body.id).where('type', '=', 'complaint_deemed_dismissed').executeTakeFirst();
      assert.ok(notice?.body.includes('15'), 'the notice names the last day for the claim');
      const claim = await call({
        method: 'POST', url: '/api/v1/court-cases', as: 'legal_service',
        payload: { complaintId: res.body.id, act: { name: 'Бездействие', content: 'Не рассмотрена жалоба', adoptedOn: '2025-10-10' }, claimType: 'performance', court: 'СМАС', plaintiff: { kind: 'individual', name: 'Иванов И. И.' }, claims: 'Обязать рассмотреть', claimFiledOn: '2025-12-20', status: 'pending', instance: 'first' },
      });
      assert.equal(claim.status, 201, JSON.stringify(claim.body));
      assert.equal(claim.body.claimBasis, 'deemed_dismissal');
      assert.equal(claim.body.claimDeadline, '2025-12-15');
      assert.equal(claim.body.claimLate, true);
    });

    test('APC 171(2), 169(2), #56, #57: in force 01.10.2025, execution due 03.11 with internal target 31.10; appellate act delivered 10.10, cassation by 10.11 with the B2 warning', async () => {
      const res = await call({
        method: 'POST', url: '/api/v1/court-cases', as: 'legal_service',
        payload: {
          appealId, claimBasis: 'direct', basisOn: '2025-06-02', act: { name: 'Решение', content: 'Отказ', adoptedOn: '2025-02-03' }, claimType: 'challenge', court: 'СМАС', plaintiff: { kind: 'legal_entity', name: 'ТОО «Абай»' },
          claims: 'Отменить', claimFiledOn: '2025-06-10', status: 'in_force', enteredIntoForceOn: '2025-10-01',
          firstInstance: { caseNumber: '1', decidedOn: '2025-07-01', outcome: 'claim_refused', result: 'for_body' },
          appeal: { caseNumber: '2', decidedOn: '2025-10-01', deliveredOn: '2025-10-10', outcome: 'claim_refused', result: 'for_body' },
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const exec = res.body.deadlines.find((d: Json) => d.term === 'APC-171.2');
      assert.equal(exec.due, '2025-11-03');
      assert.equal(exec.internalTarget, '2025-10-31');
      const cassation = res.body.deadlines.find((d: Json) => d.term === 'APC-169.2');
      assert.equal(cassation.due, '2025-11-10');
      assert.equal(res.body.foundUnlawful, false);
      assert.equal(res.body.claimDeadline, '2025-07-02', 'APC 136(1) ¶2: one month from the act');
    });

    test('one story: the appeal case shows its act, the complaints and the court case with their states; every chain verifies', async () => {
      const view = (await call({ method: 'GET', url: `/api/v1/appeals/${appealId}`, as: 'deputy_head' })).body;
      assert.ok(view.timeline.some((e: Json) => e.action === 'adopt_act'));
      const story = view.related.complaints.find((c: Json) => c.id === ids.a);
      assert.equal(story.state, 'decided');
      assert.equal(story.decision, 'dismiss');
      assert.ok(view.related.complaints.some((c: Json) => c.id === ids.c && c.deemedDismissedOn === '2025-11-13'));
      const court = view.related.courtCases.find((k: Json) => k.id === ids.court);
      assert.equal(court.complaintId, ids.a);
      assert.equal(court.status, 'in_force');
      assert.equal(court.actCancelled, true);
      const verified = await verifyCaseEvents(app.database.db);
      assert.deepEqual(verified.breaks, []);
    });

    test('Rules No. 111 Annex 3, AT-31: the 13 columns with the Kazakh headings verbatim, one row per case in proceedings, filled without retyping', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/court-cases/annex3?from=2025-01-01&to=2025-12-31&bodyId=${bodies['KRG-BZH']}&lang=kk`, as: 'legal_service' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.columns.map((c: Json) => c.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      assert.equal(res.body.columns[1].kk, 'МО');
      assert.match(res.body.columns[4].kk, /ӘРПК 100-бабы/);
      assert.equal(res.body.columns[4].enCorrected.includes('APC'), true);
      const row = res.body.rows.find((r: Json) => r.id === ids.court);
      assert.equal(row.cells['3'], 'Сот шешімі заңды күшіне енді');
      assert.match(row.cells['5'], /^Болды/);
      assert.match(row.cells['7'], /3599-25-00-4a\/1/);
      assert.match(row.cells['10'], /акта обследования/);
      assert.match(row.cells['13'], /орындалды/);
      const outsider = await call({ method: 'GET', url: `/api/v1/court-cases/annex3?from=2025-01-01&to=2025-12-31&bodyId=${bodies['KRG-BZH']}`, as: 'executor' });
      assert.equal(outsider.status, 403);
    });

    test('Rules No. 111 p.5(7), AT-30: 4 acts found unlawful of 80 appealed in court is 5.0%, against 6.0% the year before: down 1.0 percentage point', async () => {
      const body = bodies['KRG-ABA']!;
      const row = (filed: string, force: string | null, unlawful: boolean) => ({
        body_id: body, act: JSON.stringify({ name: 'a', content: 'c', adoptedOn: filed }), claim_type: 'challenge', claim_basis: 'direct', court: 'СМАС', role: 'defendant' as const,
        plaintiff: JSON.stringify({ kind: 'individual', name: 'x' }), claims: 'c', claim_filed_on: filed, status: (force ? 'in_force' : 'pending') as 'in_force' | 'pending', instance: force ? null : ('first' as const),
        entered_into_force_on: force, found_unlawful: unlawful,
      });
      const rows = [
        ...Array.from({ length: 80 }, (_, i) => row('2025-03-01', i < 4 ? '2025-09-01' : null, i < 4)),
        ...Array.from({ length: 50 }, (_, i) => row('2024-03-01', i < 3 ? '2024-09-01' : null, i < 3)),
      ];
      await app.database.db.insertInto('court_case').values(rows).execute();
      const res = await call({ method: 'GET', url: `/api/v1/court-cases/indicator?bodyId=${body}&year=2025`, as: 'moj_reviewer' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.current, { year: 2025, unlawful: 4, denominator: 80, sharePercent: 5 });
      assert.equal(res.body.previous.sharePercent, 6);
      assert.equal(res.body.changePercentagePoints, -1);
      assert.equal(res.body.reduced, true);
      const forbidden = await call({ method: 'GET', url: `/api/v1/court-cases/indicator?bodyId=${body}&year=2025`, as: 'applicant' });
      assert.equal(forbidden.status, 403);
    });

    test('APC 91(6), #32: where the originating body has no superior, the complaint cannot be forwarded; the route is the court', async () => {
      const c = await app.complaints.intake(
        { bodyId: bodies['KRG'], challengedKind: 'action', challengedSummary: 'Отказ в выдаче справки', circumstances: 'Справка не выдана', complainant: { kind: 'individual', name: 'Петров П. П.', postalAddress: 'Караганда' }, channel: 'paper', language: 'ru', signed: true, learnedOn: '2025-11-01', receivedAt: new Date('2025-11-14T05:00:00Z') },
        { actor: 'test', actors: ['clerk'] },
      );
      assert.equal(c.complaint.review_body_id, null);
      assert.ok(c.missing.some((m) => m.citation === 'APC 93(2)(1)'), 'no review body to name');
      await assert.rejects(app.complaints.act(c.complaint.id, 1, { action: 'forward' }, { actor: 'test', actors: ['head'] }), (e: Json) => e.code === 'no_review_body' && e.citation === 'APC 91(6)');
      const routed = await app.complaints.act(c.complaint.id, 1, { action: 'court_route' }, { actor: 'test', actors: ['head'] });
      assert.equal(routed.complaint.state, 'court_route');
      assert.deepEqual(await app.complaints.recordDeemedDismissals('2026-02-01'), [], 'no deemed dismissal without a review body');
    });
  });
}
