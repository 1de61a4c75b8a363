/**
 * Complaints (APC Chapters 13–15) and court cases (Section 4, Rules No. 111 Annex 3 and p.5(7)) through the API, on
 * both engines, in the order of one story: an appeal's act drafted and signed with an openssl-made signature,
 * complaints against it at the originating body, review at the superior body with the decision signed as an act
 * (APC 100–101), deemed dismissal, the court whose decision in force cancels the act, and the share of acts found
 * unlawful. Scenario numbers are those of apc-requirements.md §8 and rules-services-requirements.md Part 5 (AT-*).
 * The clock is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';
import { makeTestPki, type Identity, type TestPki } from '../support/pki.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`complaints and court cases API [${engine}]`, { skip }, () => {
    let app: App;
    let pki: TestPki;
    // the regional legal officer who reviews complaints signs decisions: their certificate carries this IIN
    const LEGAL_IIN = '851212300021';
    let now = new Date('2025-02-03T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    let appealId = '';
    let actId = '';
    const ids: Record<string, string> = {};
    const templates: Record<string, string> = {};

    before(async () => {
      pki = makeTestPki({ signerIin: LEGAL_IIN });
      app = await testApp(engine, { TYNDA_TRUST_DIR: pki.trustDir, TYNDA_PUBLIC_URL: 'https://tynda.example.kz' }, { clock: () => now });
      for (const role of ['registrar', 'executor', 'deputy_head', 'body_head', 'legal_service', 'moj_reviewer', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the district's own legal service: the regional legal officer also serves the district (a role grant)
      await app.database.db.insertInto('role_grant').values({ official_id: officials['krg.legal']!, role: 'legal_service', body_id: bodies['KRG-BZH']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      await app.database.db.updateTable('official').set({ iin: LEGAL_IIN }).where('id', '=', officials['krg.legal']!).execute();
      for (const t of (await call({ method: 'GET', url: '/api/v1/act-templates', as: 'executor' })).body.items) templates[t.code] = t.id;
    });
    after(async () => {
      await app?.close();
      pki?.cleanup();
    });

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
    /** a complaint against the act of the story (`actId: undefined` in `extra`: against another act or an action) */
    const complaint = (receivedAt: string, extra: Record<string, unknown> = {}) =>
      call({
        method: 'POST', url: '/api/v1/complaints/register', as: 'registrar',
        payload: {
          appealId, actId, challengedKind: 'act', challengedSummary: 'Решение об отказе в ремонте крыши', circumstances: 'Крыша протекает, акт обследования прилагается',
          complainant: { kind: 'individual', name: 'Иванов Иван Иванович', iin: '900101300017', postalAddress: 'ул. Абая, 10', actualAddress: 'ул. Абая, 10', email: 'ivanov@example.kz' },
          attachments: ['Акт обследования'], language: 'ru', channel: 'paper', signed: true, filedOn: receivedAt.slice(0, 10), receivedAt, ...extra,
        },
      });
    const step = async (id: string, who: string, action: Record<string, unknown>) => {
      let current = await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: 'legal_service' });
      if (current.status !== 200) current = await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: who });
      return call({ method: 'POST', url: `/api/v1/complaints/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const ok = (res: { status: number; body: Json }) => {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const getAct = async (id: string, who = 'legal_service') => ok(await call({ method: 'GET', url: `/api/v1/acts/${id}`, as: who }));
    /** signs what GET …/signing-content returns with `openssl cms -sign` (test/support/pki.ts) */
    const signAct = async (id: string, identity: Identity, who: string) => {
      const content = await call({ method: 'GET', url: `/api/v1/acts/${id}/signing-content`, as: who });
      assert.equal(content.status, 200, JSON.stringify(content.body));
      return call({ method: 'POST', url: `/api/v1/acts/${id}/sign`, as: who, payload: { version: content.body.version, signature: pki.sign(identity, content.body.canonical).toString('base64') } });
    };
    const editAct = async (id: string, content: Record<string, unknown>, who = 'legal_service') => {
      const cur = await getAct(id, who);
      return ok(await call({ method: 'PATCH', url: `/api/v1/acts/${id}`, as: who, payload: { version: cur.version, content } }));
    };
    const actEvents = (id: string) => app.database.db.selectFrom('case_event').select(['action', 'citation', 'details']).where('case_type', '=', 'act').where('case_id', '=', id).orderBy('seq').execute();

    test('setup, APC 77(1)(1), 80, 83: the appeal at the district akimat ends in a refusal act drafted from the standard form, signed by the head (openssl CMS) and communicated on 05.02.2025', async () => {
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
      const draft = await call({
        method: 'POST', url: '/api/v1/acts', as: 'executor',
        payload: { appealId, templateId: templates['appeal.refusal'], content: { justification: 'Дом не включён в план капитального ремонта на 2025 год', legalBasis: 'ст. 35 Закона РК «О жилищных отношениях»', hearingExemption: 'participant_motion' } },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      actId = draft.body.id;
      assert.deepEqual(draft.body.missing, []);
      const signed = await signAct(actId, 'head', 'body_head');
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.state, 'in_force');
      at('2025-02-05T05:00:00Z');
      const cur = await getAct(actId, 'body_head');
      const communicated = ok(await call({ method: 'POST', url: `/api/v1/acts/${actId}/communicate`, as: 'body_head', payload: { version: cur.version, communicatedOn: '2025-02-05', method: 'registered_post' } }));
      assert.equal(communicated.state, 'effective');
      const appeal = (await call({ method: 'GET', url: `/api/v1/appeals/${appealId}`, as: 'deputy_head' })).body;
      assert.equal(appeal.decision.actId, actId, 'signing the act was its adoption on the case');
    });

    test('APC 97(2), #39: the official whose action is challenged cannot review the complaint alone; as a member of a collegial body they can', async () => {
      at('2025-03-10T05:00:00Z');
      const res = await complaint('2025-03-10T10:00:00+05:00', { challengedOfficialIds: [officials['krg.legal']] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const c = res.body;
      ids.e = c.id;
      assert.equal(c.learnedOn, '2025-02-05', 'A13: by default the day the act was communicated');
      assert.ok(c.challengedOfficials.includes(officials['bzh.executor']), 'the executor of the appeal is a challenged official');
      assert.ok(c.challengedOfficials.includes(officials['bzh.akim']), 'so is the head who signed the act');
      assert.equal(c.actId, actId);
      assert.equal((await getAct(actId)).state, 'execution_suspended', 'APC 96');
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
      assert.equal((await getAct(actId)).state, 'effective', 'A15: the suspension ends when the complaint closes without cancelling the act');
    });

    test('APC 91(4), 96, #31, #33: a complaint registered Mon 14.04.2025 is forwarded by Thu 17.04 and suspends execution; self-remedy after 3 working days is refused', async () => {
      at('2025-04-14T05:00:00Z');
      const a = await complaint('2025-04-14T10:00:00+05:00');
      const b = await complaint('2025-04-14T11:00:00+05:00', { actId: undefined });
      assert.equal(a.status, 201);
      ids.a = a.body.id;
      assert.equal(a.body.state, 'filed_at_origin');
      assert.equal(a.body.reviewBodyId, bodies['KRG']);
      assert.equal(a.body.deadlines.find((d: Json) => d.term === 'APC-91.4').due, '2025-04-17');
      assert.equal(a.body.executionSuspended, true);
      assert.equal((await getAct(actId)).state, 'execution_suspended');
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

    test('APC 100–101, 98(3), 98(6), 100(2), #35: the decision is an act on the complaint case, drafted from the standard form and checked against APC 101; signing it is the decision, refused while the sides are unheard, a worse new act or one outside competence', async () => {
      const id = ids.a!;
      ok(await step(id, 'legal_service', { action: 'register_at_review' }));
      ok(await step(id, 'legal_service', { action: 'start_review' }));
      const drafted = await call({ method: 'POST', url: '/api/v1/acts', as: 'legal_service', payload: { complaintId: id, templateId: templates['complaint.decision'], content: { complaintDecision: { decision: 'dismiss' } } } });
      assert.equal(drafted.status, 201, JSON.stringify(drafted.body));
      const d = drafted.body;
      ids.decisionAct = d.id;
      assert.equal(d.kind, 'complaint_decision');
      assert.equal(d.complaintId, id);
      assert.equal(d.appealId, null);
      assert.equal(d.bodyId, bodies['KRG'], 'the review body adopts it');
      assert.equal(d.content.addressee.iin, '900101300017', 'APC 101(1)(3) filled from the complaint');
      assert.equal(d.content.challenged, 'Решение об отказе в ремонте крыши', 'APC 101(1)(4)');
      assert.equal(d.content.essence, 'Крыша протекает, акт обследования прилагается', 'APC 101(1)(5)');
      assert.match(d.content.appealExplanation, /136/, 'the court route and its month (APC 100(6), 136(1))');
      assert.deepEqual(d.missing.map((m: Json) => m.citation), ['APC 101(1)(6)'], 'the standard form leaves the justification to the reviewer');
      const bare = await signAct(d.id, 'signer', 'legal_service');
      assert.equal(bare.status, 422, JSON.stringify(bare.body));
      assert.equal(bare.body.code, 'act_content_missing');
      assert.equal(bare.body.citation, 'APC 101(1)(6)');
      const noIin = await editAct(d.id, { justification: 'Дом не включён в план капитального ремонта; отказ обоснован', addressee: { kind: 'individual', name: 'Иванов Иван Иванович' } });
      assert.deepEqual(noIin.missing.map((m: Json) => m.citation), ['APC 101(1)(3)'], 'the IIN of the complainant is part of the decision');
      assert.equal((await signAct(d.id, 'signer', 'legal_service')).body.citation, 'APC 101(1)(3)');
      await editAct(d.id, { addressee: { kind: 'individual', name: 'Иванов Иван Иванович', iin: '900101300017' } });
      const byOriginHead = await call({ method: 'GET', url: `/api/v1/acts/${d.id}/signing-content`, as: 'body_head' });
      assert.ok([403, 404].includes(byOriginHead.status), 'only the review body signs its decision');

      const unheard = await signAct(d.id, 'signer', 'legal_service');
      assert.equal(unheard.status, 409);
      assert.equal(unheard.body.code, 'complaint_hearing_required');
      assert.equal(unheard.body.citation, 'APC 98(3), 73');
      assert.equal((await getAct(d.id)).state, 'draft', 'nothing is half-done: the act stays a draft');
      assert.equal((await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: 'legal_service' })).body.state, 'in_review');
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'official', heardOn: '2025-04-18', attended: true, summary: 'Исполнитель' }));
      ok(await step(id, 'legal_service', { action: 'record_hearing', party: 'complainant', heardOn: '2025-04-18', attended: false, summary: 'Заявитель извещён, не явился' }));
      await editAct(d.id, { complaintDecision: { decision: 'cancel_and_new_act', grounds: ['law_violated'], withinCompetence: true, comparison: 'worse', newAct: 'Снос дома' } });
      const worse = await signAct(d.id, 'signer', 'legal_service');
      assert.equal(worse.status, 422);
      assert.equal(worse.body.code, 'reformatio_in_peius');
      assert.equal(worse.body.citation, 'APC 98(6)');
      await editAct(d.id, { complaintDecision: { decision: 'cancel_act', grounds: ['law_violated'], withinCompetence: false } });
      assert.equal((await signAct(d.id, 'signer', 'legal_service')).body.code, 'not_within_competence');
      assert.equal((await getAct(d.id)).state, 'draft');

      await editAct(d.id, { complaintDecision: { decision: 'dismiss' }, legalBasis: 'АППК 100(1)(4), 100(4)' });
      const signed = await signAct(d.id, 'signer', 'legal_service');
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.state, 'in_force');
      assert.equal(signed.body.signer.name, 'Тоқтаров Арман Ерланұлы', 'the reviewer who signed (APC 80(1)(1))');
      const dismissed = (await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: 'legal_service' })).body;
      assert.equal(dismissed.state, 'decided', 'signing the decision act took the decision');
      assert.equal(dismissed.decision.decision, 'dismiss');
      assert.equal(dismissed.decision.act.id, d.id);
      assert.equal(dismissed.decision.act.verifyUrl, `https://tynda.example.kz/verify/${d.id}`);
      assert.equal(dismissed.decision.reasons, 'Дом не включён в план капитального ремонта; отказ обоснован', 'APC 101(1)(6) from the act');
      assert.equal(dismissed.decision.norms, 'АППК 100(1)(4), 100(4)');
      assert.equal(dismissed.decision.complainant.iin, '900101300017', 'APC 101(1)(3)');
      assert.equal(dismissed.executionSuspended, false);
      const decide = dismissed.timeline.find((e: Json) => e.action === 'decide');
      assert.equal(decide.details.actId, d.id);
      assert.ok(dismissed.timeline.some((e: Json) => e.action === 'execution_resumed'));
      assert.ok(!dismissed.actions.some((x: Json) => x.action === 'extend'));
      assert.equal((await getAct(actId)).state, 'effective', 'a dismissal ends the suspension of the challenged act (A15)');
      const check = await call({ method: 'GET', url: `/api/v1/verify/${d.id}` });
      assert.equal(check.body.signatureValid, true);
      assert.equal(check.body.hashMatch, true);
      const notices = await app.database.db.selectFrom('notice').select(['type', 'recipient_id']).where('subject_id', '=', id).execute();
      assert.ok(notices.some((n) => n.type === 'complaint_decided'));
      assert.ok(notices.some((n) => n.type === 'official_complaint_decision_copy' && n.recipient_id === officials['bzh.deputy']), 'APC 100(4): a copy to the originating body');
    });

    test('APC 92(1)–(3), #28–#30: a complaint filed 05.05.2025 against an act delivered 15.01 is registered all the same, flagged late (last day 15.04); the review body restores the term', async () => {
      at('2025-05-05T05:00:00Z');
      const res = await complaint('2025-05-05T10:00:00+05:00', { actId: undefined, learnedOn: '2025-01-15', restorationMotion: 'Находился в больнице, справка прилагается' });
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
      assert.equal(created.body.actId, actId, 'the act the complaint challenged');
      assert.equal(created.body.claimBasis, 'complaint_decision');
      assert.equal(created.body.claimDeadline, '2025-06-05', 'APC 136(1): one month from delivery of the complaint decision');
      assert.equal(created.body.claimLate, false);
      const outsider = await call({ method: 'POST', url: '/api/v1/court-cases', as: 'executor', payload: { ...base, status: 'pending', instance: 'first' } });
      assert.equal(outsider.status, 403);
    });

    test('APC 168(2), 161, 155(3), 156, #55, Rules No. 111 p.5(7): first instance cancels the act (final form 04.07.2025, appeal by 04.09, in force 05.09); in force, the signed act becomes CANCELLED and counts as found unlawful', async () => {
      const indicator = async () => ok(await call({ method: 'GET', url: `/api/v1/court-cases/indicator?bodyId=${bodies['KRG-BZH']}&year=2025`, as: 'moj_reviewer' })).current;
      const before = await indicator();
      const get = await call({ method: 'GET', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service' });
      const { id: _i, bodyId: _b, appealId: _a, complaintId: _c, actId: _x, claimBasis: _cb, claimDeadline: _cd, claimLate: _cl, foundUnlawful: _f, actCancelled: _ac, timeline: _t, deadlines: _d, ...form } = get.body;
      const first = { caseNumber: '3599-25-00-4a/1', decidedOn: '2025-07-01', finalFormOn: '2025-07-04', outcome: 'act_cancelled', result: 'against_body', reasoning: 'Не учтён акт обследования', operative: 'Отменить решение' };
      const clean = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
      const decided = ok(await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), firstInstance: first } }));
      assert.equal(decided.deadlines.find((d: Json) => d.term === 'APC-168.2').due, '2025-09-04');
      assert.equal(decided.timeline.find((e: Json) => e.action === 'first_instance_decided').details.inForceIfNotAppealed, '2025-09-05');
      assert.equal(decided.actCancelled, false, 'not before entry into force');
      assert.equal((await getAct(actId)).state, 'effective', 'a decision not in force leaves the act as it is');
      at('2025-09-08T05:00:00Z');
      const inForce = ok(await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), version: decided.version, firstInstance: first, status: 'in_force', enteredIntoForceOn: '2025-09-05', cancellationReasons: 'Решение принято без исследования акта обследования', privateRulings: [{ content: 'О нарушении сроков', requires: 'Принять меры', executed: true, measures: 'Проведено совещание' }] } }));
      assert.equal(inForce.actCancelled, true);
      assert.equal(inForce.foundUnlawful, true);
      assert.ok(inForce.timeline.some((e: Json) => e.action === 'act_cancelled' && e.citation === 'APC 155(3), 156'));
      assert.equal(inForce.deadlines.find((d: Json) => d.term === 'APC-171.2').due, '2025-10-06');
      const act = await getAct(actId);
      assert.equal(act.state, 'cancelled');
      assert.equal(act.ceaseCause, 'cancelled');
      assert.equal(act.ceasedOn, '2025-09-05');
      const last = (await actEvents(actId)).at(-1)!;
      assert.equal(last.action, 'cancel');
      assert.equal(last.citation, 'APC 155(3), 156');
      assert.equal((last.details as Json).by, `court_case:${ids.court}`);
      const afterForce = await indicator();
      assert.equal(afterForce.unlawful, before.unlawful + 1, 'p.5(7): the act found unlawful counts');
      assert.equal(afterForce.denominator, before.denominator, 'the claim was already counted as appealed in court');
      const stale = await call({ method: 'PUT', url: `/api/v1/court-cases/${ids.court}`, as: 'legal_service', payload: { ...clean(form), version: decided.version } });
      assert.equal(stale.status, 409);
    });

    test('APC 99, 100(5), 136(6), #34: received Wed 15.10.2025, no decision by Thu 13.11: the system records the deemed dismissal dated 13.11, tells the complainant, and the court month runs to 15.12', async () => {
      at('2025-10-15T05:00:00Z');
      const res = await complaint('2025-10-15T10:00:00+05:00', { actId: undefined, challengedKind: 'action', learnedOn: '2025-10-10' });
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
      assert.equal(view.timeline.find((e: Json) => e.action === 'adopt_act').details.actId, actId, 'appeal -> act');
      const acts = view.related.acts;
      assert.deepEqual(acts.find((a: Json) => a.id === actId), { id: actId, number: acts.find((a: Json) => a.id === actId).number, kind: 'refusal', state: 'cancelled', adoptedOn: '2025-02-03', complaintId: null, ceaseCause: 'cancelled' });
      const decisionAct = acts.find((a: Json) => a.id === ids.decisionAct);
      assert.equal(decisionAct.complaintId, ids.a, 'complaint -> its decision act');
      assert.equal(decisionAct.kind, 'complaint_decision');
      assert.equal(decisionAct.state, 'in_force');
      const story = view.related.complaints.find((c: Json) => c.id === ids.a);
      assert.equal(story.state, 'decided');
      assert.equal(story.decision, 'dismiss');
      assert.equal(story.actId, actId, 'act -> complaint');
      assert.equal(story.decisionActId, ids.decisionAct);
      assert.ok(view.related.complaints.some((c: Json) => c.id === ids.c && c.deemedDismissedOn === '2025-11-13'));
      const court = view.related.courtCases.find((k: Json) => k.id === ids.court);
      assert.equal(court.complaintId, ids.a, 'complaint -> court');
      assert.equal(court.actId, actId);
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

    /** signs in any demo official by login (the regional akim has no `signInAs` role of their own) */
    const signInLogin = async (login: string) => {
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      assert.equal(res.statusCode, 200, res.body);
      as[login] = { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    };
    const noticesOf = (id: string, type: string) => app.database.db.selectFrom('notice').select(['type', 'body', 'recipient_id']).where('subject_id', '=', id).where('type', '=', type).execute();
    const due = (c: Json, term: string) => c.deadlines.find((d: Json) => d.term === term)?.due;

    test('APC 91(6), #32: where the originating body has no superior, the complaint cannot be forwarded; the route is the court, and the complainant is told so', async () => {
      await signInLogin('krg.akim');
      // the apparatus registrar registers what the regional akimat receives (a role grant on that body)
      await app.database.db.insertInto('role_grant').values({ official_id: officials['krg.registrar']!, role: 'registrar', body_id: bodies['KRG']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      await signInLogin('krg.registrar');
      at('2025-11-14T05:00:00Z');
      const filed = await call({
        method: 'POST', url: '/api/v1/complaints/register', as: 'krg.registrar',
        payload: { bodyId: bodies['KRG'], challengedKind: 'action', challengedSummary: 'Отказ в выдаче справки', circumstances: 'Справка не выдана', complainant: { kind: 'individual', name: 'Петров Пётр Петрович', postalAddress: 'Караганда', email: 'petrov@example.kz' }, language: 'ru', channel: 'paper', signed: true, learnedOn: '2025-11-01', receivedAt: '2025-11-14T10:00:00+05:00', attachments: [] },
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const c = filed.body;
      assert.equal(c.reviewBodyId, null);
      assert.ok(c.missing.some((m: Json) => m.citation === 'APC 93(2)(1)'), 'no review body to name');
      const seen = ok(await call({ method: 'GET', url: `/api/v1/complaints/${c.id}`, as: 'krg.akim' }));
      assert.ok(seen.actions.some((a: Json) => a.action === 'court_route'), 'the head of the body is offered the court route');
      const fwd = await step(c.id, 'krg.akim', { action: 'forward' });
      assert.equal(fwd.status, 409);
      assert.equal(fwd.body.code, 'no_review_body');
      assert.equal(fwd.body.citation, 'APC 91(6)');
      const routed = ok(await step(c.id, 'krg.akim', { action: 'court_route' }));
      assert.equal(routed.state, 'court_route');
      assert.equal(routed.executionSuspended, false);
      assert.equal(routed.timeline.find((e: Json) => e.action === 'court_route').citation, 'APC 91(6)');
      const [notice] = await noticesOf(c.id, 'complaint_court_route');
      assert.ok(notice, 'APC 91(6): the complainant is told the route is the court');
      assert.match(notice.body, /суд/);
      assert.match(notice.body, /91\(6\)/);
      assert.match(notice.body, new RegExp(c.number));
      assert.deepEqual(await app.complaints.recordDeemedDismissals('2026-02-01'), [], 'no deemed dismissal without a review body');
    });

    /** a complaint against an action at the district akimat, received on `on` (not against the act of the story) */
    const actionComplaint = async (receivedAt: string) => {
      const res = await complaint(receivedAt, { actId: undefined, challengedKind: 'action', challengedSummary: 'Не выдана справка о составе семьи', learnedOn: receivedAt.slice(0, 10) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };

    test('APC 91(4) ¶3, #31: the originating body fully satisfies the complaint within 3 working days: closed as SELF_REMEDIED without forwarding, the suspension ends', async () => {
      at('2025-12-01T05:00:00Z');
      const c = await actionComplaint('2025-12-01T10:00:00+05:00');
      assert.equal(c.executionSuspended, true);
      assert.equal(due(c, 'APC-91.4_satisfy'), '2025-12-04');
      at('2025-12-04T10:00:00Z');
      const done = ok(await step(c.id, 'deputy_head', { action: 'satisfy', measures: 'Справка выдана 04.12.2025' }));
      assert.equal(done.state, 'self_remedied');
      assert.ok(done.closedAt);
      assert.equal(done.forwardedOn, null);
      assert.equal(done.executionSuspended, false);
      assert.ok(done.timeline.some((e: Json) => e.action === 'execution_resumed'));
      assert.deepEqual(done.actions, [], 'nothing follows a self-remedy');
      assert.equal((await step(c.id, 'deputy_head', { action: 'forward' })).status, 409);
    });

    test('APC 94(1) -> 64(6)–(7), 95(1)(3), 95(2): the review body asks for a missing item, a cured complaint goes on; an uncured one is returned after the cure period and left without consideration, notice within 3 working days', async () => {
      at('2025-12-01T05:00:00Z');
      const cured = await actionComplaint('2025-12-01T11:00:00+05:00');
      const left = await actionComplaint('2025-12-01T12:00:00+05:00');
      for (const c of [cured, left]) {
        ok(await step(c.id, 'deputy_head', { action: 'forward' }));
        ok(await step(c.id, 'legal_service', { action: 'register_at_review' }));
      }
      const past = await step(cured.id, 'legal_service', { action: 'request_correction', defects: ['actual_address'], cureBy: '2025-12-01' });
      assert.equal(past.status, 422);
      assert.equal(past.body.code, 'cure_period_past');
      const asked = ok(await step(cured.id, 'legal_service', { action: 'request_correction', defects: ['actual_address'], cureBy: '2025-12-05' }));
      assert.equal(asked.state, 'awaiting_correction');
      const [defects] = await noticesOf(cured.id, 'appeal_defects');
      assert.match(defects!.body, /фактического проживания/, 'the notice names the item of APC 93(2)(3)');
      const back = ok(await step(cured.id, 'registrar', { action: 'correction_received', note: 'Адрес указан' }));
      assert.equal(back.state, 'registered_at_review');

      ok(await step(left.id, 'legal_service', { action: 'request_correction', defects: ['signature'], cureBy: '2025-12-05' }));
      const early = await step(left.id, 'legal_service', { action: 'return' });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'cure_period_running');
      at('2025-12-08T05:00:00Z');
      const returned = ok(await step(left.id, 'legal_service', { action: 'return' }));
      assert.equal(returned.state, 'left_without_consideration');
      assert.equal(returned.decision.ground, 'returned');
      assert.equal(returned.decision.citation, 'APC 95(1)(3)');
      assert.deepEqual(returned.timeline.slice(-3).map((e: Json) => e.action), ['return', 'leave_without_consideration', 'execution_resumed']);
      assert.equal(due(returned, 'APC-95.2'), '2025-12-11', 'APC 95(2): notice within 3 working days');
      assert.equal((await noticesOf(left.id, 'complaint_not_considered')).length, 1);
      // the cured one is withdrawn by the clerk on the complainant's written withdrawal
      const withdrawn = ok(await step(cured.id, 'registrar', { action: 'withdraw', writtenOn: '2025-12-08' }));
      assert.equal(withdrawn.state, 'left_without_consideration');
      assert.equal(withdrawn.decision.ground, 'withdrawn');
    });

    test('APC 95(1)(1), 95(2)–(3), #38: left without consideration on Wed 19.03.2025 as already decided: the complainant is told by Thu 27.03; "returned" is not a ground the reviewer may pick', async () => {
      at('2025-03-17T05:00:00Z');
      const c = await actionComplaint('2025-03-17T10:00:00+05:00');
      ok(await step(c.id, 'deputy_head', { action: 'forward' }));
      ok(await step(c.id, 'legal_service', { action: 'register_at_review' }));
      at('2025-03-19T05:00:00Z');
      const wrong = await step(c.id, 'legal_service', { action: 'leave_without_consideration', ground: 'returned', reasons: 'x' });
      assert.equal(wrong.status, 409);
      assert.equal(wrong.body.code, 'ground_not_met');
      const left = ok(await step(c.id, 'legal_service', { action: 'leave_without_consideration', ground: 'already_decided', reasons: 'Жалоба того же заявителя по тому же предмету рассмотрена 10.03.2025' }));
      assert.equal(left.state, 'left_without_consideration');
      assert.equal(due(left, 'APC-95.2'), '2025-03-27');
      assert.equal(left.timeline.at(-2).details.noticeBy, '2025-03-27');
      const [notice] = await noticesOf(c.id, 'complaint_not_considered');
      assert.match(notice!.body, /95\(3\)/, 'the notice says the complaint may be filed again');
    });

    test('APC 91(4), 93, 64(9), 95(1)(4): the applicant files a complaint electronically from the cabinet and withdraws it in writing; an official cannot file through the cabinet', async () => {
      at('2025-12-02T05:00:00Z');
      const appeal = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', payload: { bodyId: bodies['KRG-BZH'], type: 'application', language: 'kk', essence: 'Аулаға жарық орнатуды сұраймын', applicant: { kind: 'individual', name: 'Сапарова Әлия', postalAddress: 'Байзақ ауданы, Абай к-сі 3' } } });
      assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
      const payload = {
        appealId: appeal.body.id, challengedKind: 'action', challengedSummary: 'Өтініш тіркелмеді', circumstances: 'Өтініш бойынша ешқандай әрекет жасалмады', language: 'kk', learnedOn: '2025-12-02', attachments: [],
        complainant: { kind: 'individual', name: 'Сапарова Әлия', iin: '900101300017', postalAddress: 'Байзақ ауданы, Абай к-сі 3', actualAddress: 'Байзақ ауданы, Абай к-сі 3' },
      };
      const byOfficial = await call({ method: 'POST', url: '/api/v1/complaints', as: 'registrar', payload });
      assert.equal(byOfficial.status, 403, 'the cabinet route is the applicant\'s');
      const filed = await call({ method: 'POST', url: '/api/v1/complaints', as: 'applicant', payload });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const c = filed.body;
      assert.equal(c.channel, 'electronic');
      assert.equal(c.state, 'filed_at_origin');
      assert.equal(c.filedOn, null);
      assert.equal(c.receivedOn, '2025-12-02');
      assert.equal(c.late, false);
      assert.deepEqual(c.missing.map((m: Json) => m.citation), ['APC 93(2)(7)'], 'no e-signature: a defect notice may follow, intake is not refused');
      const mine = ok(await call({ method: 'GET', url: `/api/v1/complaints/${c.id}`, as: 'applicant' }));
      assert.ok(mine.actions.some((a: Json) => a.action === 'withdraw'));
      assert.ok(!mine.actions.some((a: Json) => a.action === 'forward'), 'the applicant does not forward');
      ok(await step(c.id, 'deputy_head', { action: 'forward' }));
      const withdrawn = ok(await step(c.id, 'applicant', { action: 'withdraw' }));
      assert.equal(withdrawn.state, 'left_without_consideration');
      assert.equal(withdrawn.decision.ground, 'withdrawn');
      assert.deepEqual(withdrawn.timeline.slice(-3).map((e: Json) => [e.action, e.citation]), [['withdraw', 'APC 94(1), 64(9)'], ['leave_without_consideration', 'APC 95(1)(4), APC 95(2)'], ['execution_resumed', 'APC 96; A15']]);
      assert.equal(due(withdrawn, 'APC-95.2'), '2025-12-05');
      const { applicant_id } = await app.database.db.selectFrom('complaint').select('applicant_id').where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.ok(applicant_id, 'the complaint is the applicant\'s own');
      assert.equal((await noticesOf(c.id, 'complaint_not_considered'))[0]!.recipient_id, applicant_id, 'the withdrawal is confirmed to them');
    });

    /** an appeal at the district with a refusal act drafted, signed by the head and communicated: a fresh act to challenge */
    const signedAct = async (receivedAt: string) => {
      const reg = await call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: { bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу разрешить установку киоска', summary: 'Киоск', applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'ул. Абая, 10' }, signed: true, filedOn: receivedAt.slice(0, 10), receivedAt },
      });
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const id = reg.body.id;
      const act = async (who: string, action: Record<string, unknown>) => {
        const current = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
        ok(await call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: current.body.version, ...action } }));
      };
      await act('body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act('executor', { action: 'start_review' });
      const draft = await call({ method: 'POST', url: '/api/v1/acts', as: 'executor', payload: { appealId: id, templateId: templates['appeal.refusal'], content: { justification: 'Место не предусмотрено схемой размещения', legalBasis: 'Правила размещения НТО', hearingExemption: 'participant_motion' } } });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.equal((await signAct(draft.body.id, 'head', 'body_head')).status, 200);
      const cur = await getAct(draft.body.id, 'body_head');
      ok(await call({ method: 'POST', url: `/api/v1/acts/${draft.body.id}/communicate`, as: 'body_head', payload: { version: cur.version, communicatedOn: receivedAt.slice(0, 10), method: 'in_person' } }));
      return { appealId: id, actId: draft.body.id as string };
    };
    /** a complaint against `story`'s act, forwarded, registered, in review, both sides heard */
    const heardComplaint = async (story: { appealId: string; actId: string }, receivedAt: string) => {
      const res = await call({
        method: 'POST', url: '/api/v1/complaints/register', as: 'registrar',
        payload: {
          appealId: story.appealId, actId: story.actId, challengedKind: 'act', challengedSummary: 'Отказ в размещении киоска', circumstances: 'Место есть в схеме размещения', attachments: ['Схема'],
          complainant: { kind: 'individual', name: 'Иванов Иван Иванович', iin: '900101300017', postalAddress: 'ул. Абая, 10', actualAddress: 'ул. Абая, 10' }, language: 'ru', channel: 'paper', signed: true, receivedAt,
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const id = res.body.id;
      assert.equal((await getAct(story.actId)).state, 'execution_suspended', 'APC 96');
      ok(await step(id, 'deputy_head', { action: 'forward' }));
      ok(await step(id, 'legal_service', { action: 'register_at_review' }));
      ok(await step(id, 'legal_service', { action: 'start_review' }));
      for (const party of ['official', 'complainant']) ok(await step(id, 'legal_service', { action: 'record_hearing', party, heardOn: receivedAt.slice(0, 10), attended: true, summary: 'Пояснения' }));
      return id as string;
    };

    test('APC 100(1)(1), 100(3), 101: the review body cancels the act by signing its decision: the challenged act becomes CANCELLED through the acts module', async () => {
      at('2025-12-01T05:00:00Z');
      const story = await signedAct('2025-12-01T09:00:00+05:00');
      const id = await heardComplaint(story, '2025-12-01T15:00:00+05:00');
      const draft = await call({
        method: 'POST', url: '/api/v1/acts', as: 'legal_service',
        payload: { complaintId: id, templateId: templates['complaint.decision'], content: { justification: 'Место предусмотрено схемой размещения', legalBasis: 'АППК 100(1)(1), 100(3)', complaintDecision: { decision: 'cancel_act', withinCompetence: true } } },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const noGrounds = await signAct(draft.body.id, 'signer', 'legal_service');
      assert.equal(noGrounds.body.code, 'decision_grounds_required');
      assert.equal(noGrounds.body.citation, 'APC 100(3)');
      await editAct(draft.body.id, { complaintDecision: { decision: 'cancel_act', withinCompetence: true, grounds: ['content_contradicts_file'] } });
      const signed = await signAct(draft.body.id, 'signer', 'legal_service');
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const c = ok(await call({ method: 'GET', url: `/api/v1/complaints/${id}`, as: 'legal_service' }));
      assert.equal(c.state, 'decided');
      assert.equal(c.decision.decision, 'cancel_act');
      assert.equal(c.executionSuspended, false);
      assert.ok(c.timeline.some((e: Json) => e.action === 'act_cancelled' && e.citation === 'APC 100(1)(1)'));
      const act = await getAct(story.actId);
      assert.equal(act.state, 'cancelled');
      assert.equal(act.ceaseCause, 'cancelled');
      const last = (await actEvents(story.actId)).at(-1)!;
      assert.deepEqual([last.action, last.citation, (last.details as Json).by], ['cancel', 'APC 100(1)(1)', `complaint:${id}`]);
    });

    test('APC 100(1)(2), 98(6): cancel and adopt a new act that is not worse for the complainant; the old act is CANCELLED', async () => {
      at('2025-12-02T05:00:00Z');
      const story = await signedAct('2025-12-02T09:00:00+05:00');
      const id = await heardComplaint(story, '2025-12-02T15:00:00+05:00');
      const noNew = await step(id, 'legal_service', { action: 'decide', decision: 'cancel_and_new_act', reasons: 'Место есть в схеме', norms: 'АППК 100(1)(2)', grounds: ['law_violated'], withinCompetence: true, comparison: 'better' });
      assert.equal(noNew.status, 422);
      assert.equal(noNew.body.code, 'new_act_required');
      const noComparison = await step(id, 'legal_service', { action: 'decide', decision: 'cancel_and_new_act', reasons: 'Место есть в схеме', norms: 'АППК 100(1)(2)', grounds: ['law_violated'], withinCompetence: true, newAct: 'Разрешить киоск' });
      assert.equal(noComparison.body.code, 'comparison_required');
      const decided = ok(await step(id, 'legal_service', { action: 'decide', decision: 'cancel_and_new_act', reasons: 'Место есть в схеме', norms: 'АППК 100(1)(2)', grounds: ['law_violated'], withinCompetence: true, comparison: 'better', newAct: 'Разрешить установку киоска' }));
      assert.equal(decided.state, 'decided');
      assert.equal(decided.decision.newAct, 'Разрешить установку киоска');
      assert.equal(decided.decision.comparison, 'better');
      assert.equal((await getAct(story.actId)).state, 'cancelled');
    });

    test('APC 100(1)(3), A15: the review body takes the administrative action itself; the act is not cancelled and its execution resumes', async () => {
      at('2025-12-03T05:00:00Z');
      const story = await signedAct('2025-12-03T09:00:00+05:00');
      const id = await heardComplaint(story, '2025-12-03T15:00:00+05:00');
      const outside = await step(id, 'legal_service', { action: 'decide', decision: 'take_action', reasons: 'r', norms: 'n', grounds: ['law_violated'] });
      assert.equal(outside.body.code, 'not_within_competence');
      const decided = ok(await step(id, 'legal_service', { action: 'decide', decision: 'take_action', reasons: 'Справка выдаётся самим органом', norms: 'АППК 100(1)(3)', grounds: ['circumstances_misjudged'], withinCompetence: true }));
      assert.equal(decided.state, 'decided');
      assert.equal(decided.decision.decision, 'take_action');
      assert.ok(!decided.timeline.some((e: Json) => e.action === 'act_cancelled'));
      assert.ok(decided.timeline.some((e: Json) => e.action === 'execution_resumed'));
      assert.equal((await getAct(story.actId)).state, 'effective');
    });
  });
}
