/**
 * Petitions (APC Chapter 12-1) through the API on both engines: submission, pre-support by fifty citizens, the
 * authority's rejection (#50) or publication (#48), joining certified by EDS (90-3(1): the IIN comes from a verified
 * certificate, never from the request), one signature per IIN under concurrency, the threshold and
 * the sending, registration and the consideration term (#45), the public discussion notice (#46), the first
 * head's decision and its posting (#47), and the return after six months (#49). Scenario numbers are those of
 * apc-requirements.md §8.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { checkDigit } from '../../src/modules/identity/iin.ts';
import { petitionSigningContent } from '../../src/modules/petitions/contract.ts';
import { signatureRows } from '../../src/modules/petitions/queries.ts';
import { ENGINES } from '../support/databases.ts';
import { makeCitizens, type Citizens } from '../support/eds.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Distinct valid IINs (born in January 1990; the n-th from `from` on). */
function iins(count: number, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; out.length < count; i++) {
    const base = `9001${String(1 + Math.floor(i / 10_000)).padStart(2, '0')}3${String(i % 10_000).padStart(4, '0')}`;
    const c = checkDigit(base);
    if (c !== undefined) out.push(`${base}${c}`);
  }
  return out;
}

for (const { engine, skip } of ENGINES) {
  describe(`petitions API [${engine}]`, { skip }, () => {
    let app: App;
    let citizens: Citizens;
    let now = new Date('2025-03-03T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    let serial = 0;

    before(async () => {
      citizens = await makeCitizens();
      // many citizens from one test address: the rate limits are tested in test/security.test.ts, not here
      app = await testApp(engine, { TYNDA_TRUST_DIR: citizens.trustDir, TYNDA_RATE_LIMITS: 'off' }, { clock: () => now });
      for (const role of ['registrar', 'deputy_head', 'body_head', 'applicant', 'sysadmin'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      // the petitions authority: a global role, granted by the system administrator
      const reviewer = await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', 'moj.reviewer').executeTakeFirstOrThrow();
      const grant = await app.server.inject({ method: 'POST', url: `/api/v1/officials/${reviewer.official_id}/roles`, headers: as.sysadmin, payload: { role: 'petitions_authority', validFrom: '2025-01-01' } });
      assert.equal(grant.statusCode, 201, grant.body);
      as.pa = await signIn(app, 'moj_reviewer');
    });
    after(async () => {
      await app?.close();
      citizens?.cleanup();
    });

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };
    const submit = (title = 'Жарықтандыру') =>
      call({
        method: 'POST', url: '/api/v1/petitions', as: 'applicant',
        payload: {
          bodyId: bodies['KRG-BZH'], language: 'ru', title, content: 'Прошу установить уличное освещение на улицах посёлка Ботакара', proposals: 'Включить освещение в план 2026 года',
          applicant: { name: 'Серікова Айгерім Бауыржанқызы', iin: '950412400003', residence: 'Бухар-Жырауский район, пос. Ботакара', email: 'aigerim@example.com' }, citizen: true,
        },
      });
    /** A citizen joins with the EDS of `iin` over the petition's signing content (or over `content`, signed by `ca`). */
    const eds = async (id: string, iin: string, o: { content?: string; ca?: 'trusted' | 'stranger' } = {}) => ({ format: 'cms', value: await citizens.sign(iin, o.content ?? petitionSigningContent(id), { ca: o.ca ?? 'trusted' }) });
    const sign = async (id: string, iin: string, extra: Record<string, unknown> = {}, as?: string) =>
      call({ method: 'POST', url: `/api/v1/petitions/${id}/signatures`, ...(as ? { as } : {}), payload: { citizen: true, consent: true, signature: await eds(id, iin), ...extra } });
    const signMany = async (id: string, n: number) => {
      const list = iins(n, serial);
      serial += n * 2;
      for (const i of list) assert.equal((await sign(id, i)).status, 201);
    };
    const act = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/petitions/${id}/case`, as: who === 'pa' ? 'pa' : 'body_head' });
      return call({ method: 'POST', url: `/api/v1/petitions/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const notices = (id: string, type: string) => app.database.db.selectFrom('notice').selectAll().where('subject_type', '=', 'petition').where('subject_id', '=', id).where('type', '=', type).execute();

    let main = '';

    test('APC 90-1(2), 90-2(2), 90-2(4)(1): a citizen files; fifty citizens pre-support it within 10 working days; the 20-day check (90-2(5)) starts', async () => {
      const res = await submit();
      assert.equal(res.status, 201, JSON.stringify(res.body));
      main = res.body.id;
      assert.equal(res.body.state, 'submitted');
      assert.equal(res.body.level, 'local');
      assert.equal(res.body.competence, 'district_executive');
      assert.equal(res.body.preSupportBy, '2025-03-18'); // 10 WD from Mon 03.03: 10.03 is the moved day off
      await signMany(main, 49);
      assert.equal((await call({ method: 'GET', url: `/api/v1/petitions/${main}` })).body.state, 'submitted');
      await signMany(main, 1);
      const c = await call({ method: 'GET', url: `/api/v1/petitions/${main}/case`, as: 'pa' });
      assert.equal(c.body.state, 'pre_supported');
      assert.equal(c.body.checkBy, '2025-04-04'); // 20 WD from 03.03 with 10.03 and 21–25.03 off
      // the steps open now, by the lifecycle and the caller's roles: the authority checks it; the body has none yet
      assert.deepEqual(c.body.actions, [
        { action: 'sign', citation: 'APC 90-2(4)(1), 90-3(1), 90-3(2)' },
        { action: 'reject', citation: 'APC 90-2(5), 90-2(6)' },
        { action: 'publish', citation: 'APC 90-2(5), 90-2(7)' },
      ]);
      assert.deepEqual((await call({ method: 'GET', url: `/api/v1/petitions/${main}/case`, as: 'body_head' })).body.actions, []);
    });

    test('APC 90-1(2), 90-3(1): one signature per IIN; no signature without the citizenship declaration, consent and a valid IIN', async () => {
      const [first] = iins(1, 0);
      const again = await sign(main, first!);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'already_signed');
      const fresh = iins(1, 9000)[0]!;
      const badIin = await sign(main, '900101300001'); // a certificate whose IIN has a wrong check digit
      assert.equal(badIin.status, 422);
      assert.equal(badIin.body.code, 'certificate_without_iin');
      assert.equal((await sign(main, fresh, { citizen: false })).status, 400);
      assert.equal((await sign(main, fresh, { consent: false })).status, 400);
      assert.equal(await signatureRows(app.database.db, main), 50, 'nothing refused was written');
    });

    test('APC 90-3(1): electronic joining is certified by EDS: a typed IIN, a foreign CA, a signature made for another petition or a certificate of someone else are refused', async () => {
      const fresh = iins(1, 9100)[0]!;
      // the defect: anyone, without sign-in, posting any IIN with a valid check digit
      const typed = await call({ method: 'POST', url: `/api/v1/petitions/${main}/signatures`, payload: { iin: fresh, name: 'Кто угодно', citizen: true, consent: true } });
      assert.equal(typed.status, 422);
      assert.equal(typed.body.code, 'eds_required');
      assert.equal(typed.body.citation, 'APC 90-3(1)');
      const foreign = await sign(main, fresh, { signature: await eds(main, fresh, { ca: 'stranger' }) });
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.code, 'signature_invalid');
      assert.equal(foreign.body.errors[0].code, 'signature_unknown_ca');
      const other = (await submit('Другая петиция')).body;
      const replayed = await sign(main, fresh, { signature: await eds(other.id, fresh) });
      assert.equal(replayed.status, 422);
      assert.equal(replayed.body.errors[0].code, 'signature_content_mismatch');
      const mismatch = await sign(main, fresh, { iin: iins(1, 9200)[0]! });
      assert.equal(mismatch.status, 422);
      assert.equal(mismatch.body.code, 'iin_not_yours');
      assert.equal(await signatureRows(app.database.db, main), 50, 'no refused signature was written');
      assert.equal((await call({ method: 'GET', url: `/api/v1/petitions/${main}/count` })).body.count, 50);
      // the content to sign is public and names the petition
      const content = await call({ method: 'GET', url: `/api/v1/petitions/${main}/signing-content` });
      assert.equal(content.status, 200);
      assert.equal(JSON.parse(content.body.content).petitionId, main);
    });

    test('APC 90-3(1): a signed-in citizen signs with their own EDS and is linked to the signature; another person\'s certificate is refused; the IIN signs once', async () => {
      const me = await call({ method: 'GET', url: '/api/v1/applicants/me', as: 'applicant' });
      assert.equal(me.status, 200, JSON.stringify(me.body));
      const myIin: string = me.body.iin;
      assert.ok(myIin, 'the demo applicant has an IIN');
      const notMine = await sign(main, iins(1, 9300)[0]!, {}, 'applicant');
      assert.equal(notMine.status, 422);
      assert.equal(notMine.body.code, 'iin_not_yours');
      const mine = await sign(main, myIin, {}, 'applicant');
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      assert.equal(mine.body.count, 51);
      const row = await app.database.db.selectFrom('petition_signature').selectAll().where('petition_id', '=', main).where('iin', '=', myIin).executeTakeFirstOrThrow();
      assert.equal(row.form, 'electronic');
      assert.equal(row.applicant_id, me.body.id, 'linked to the cabinet whose IIN the certificate bears');
      assert.match(row.name, new RegExp(myIin), 'the name comes from the certificate, not the request');
      const twice = await sign(main, myIin);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'already_signed');
    });

    test('#50 APC 90-2(3)(15), 90-2(6): a petition on the status of the state language is rejected with reasons; the applicant is told; it has no public page', async () => {
      const p = (await submit('Тіл')).body;
      const res = await act(p.id, 'pa', { action: 'reject', grounds: ['forbidden_subject'], forbiddenSubjects: ['state_language'], reasons: 'Предмет петиции запрещён' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'rejected');
      const [n] = await notices(p.id, 'petition_rejected');
      assert.ok(n && /90-2\(3\)\(15\)/.test(n.body), 'the notice cites the forbidden subject');
      assert.equal((await call({ method: 'GET', url: `/api/v1/petitions/${p.id}` })).status, 404);
      // the applicant cannot take the authority's step
      const p2 = (await submit('Другое')).body;
      assert.equal((await act(p2.id, 'applicant', { action: 'reject', grounds: ['content_incomplete'], reasons: 'x' })).status, 403);
    });

    test('#48 APC 90-2(7)–(8), 90-3(4): posted on Thu 20.03.2025, media informed by Tue 01.04; the threshold of a district akimat is 5 % of a unit of 1 000 people', async () => {
      now = new Date('2025-03-20T05:00:00Z');
      const noPopulation = await act(main, 'pa', { action: 'publish' });
      assert.equal(noPopulation.status, 422);
      assert.equal(noPopulation.body.citation, 'APC 90-3(4) ¶6');
      const res = await act(main, 'pa', { action: 'publish', population: 1_000 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'published');
      assert.equal(res.body.mediaBy, '2025-04-01');
      assert.equal(res.body.threshold, 50);
      assert.equal(res.body.signingEndsOn, '2025-09-22'); // 20.09 is a Saturday: the end rolls to Monday
      assert.equal((await notices(main, 'petition_published')).length, 1);
      const list = await call({ method: 'GET', url: '/api/v1/petitions' });
      assert.ok(list.body.items.some((i: Json) => i.id === main && i.count === 51 && i.thresholdReached === true));
    });

    test('APC 90-3(1): many citizens signing at once: none lost, none counted twice, the live count equals the signature rows', async () => {
      const distinct = iins(150, 20_000);
      const attempts = [...distinct, ...distinct.slice(0, 50)];
      const results = await Promise.all(attempts.map((i) => sign(main, i)));
      assert.equal(results.filter((r) => r.status === 201).length, 150);
      assert.equal(results.filter((r) => r.status === 409 && r.body.code === 'already_signed').length, 50);
      const count = await call({ method: 'GET', url: `/api/v1/petitions/${main}/count` });
      assert.equal(count.body.count, 201);
      assert.equal(await signatureRows(app.database.db, main), 201);
    });

    test('APC 90-3(4), 90-4(1): the authority sends a supported petition; the applicant is told; signing closes', async () => {
      const res = await act(main, 'pa', { action: 'send' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'sent');
      assert.equal(res.body.sendBy, '2025-03-28'); // 3 WD from Thu 20.03 over Nauryz (21, 24, 25.03 off)
      assert.equal((await notices(main, 'petition_sent')).length, 1);
      assert.equal((await sign(main, iins(1, 30_000)[0]!)).body.code, 'signing_closed');
    });

    test('#45 APC 90-4(2), 90-5(1): registered by a local body Mon 06.10.2025, decision due Tue 04.11; a central body would have until Tue 02.12', async () => {
      now = new Date('2025-10-06T05:00:00Z');
      assert.deepEqual((await call({ method: 'GET', url: `/api/v1/petitions/${main}/case`, as: 'registrar' })).body.actions.map((a: { action: string }) => a.action), ['register']);
      const res = await act(main, 'registrar', { action: 'register' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.registeredOn, '2025-10-06');
      // the answer of a step says what is open next: the registrar is not the one who reviews
      assert.deepEqual(res.body.actions, []);
      assert.equal(res.body.due, '2025-11-04');
      assert.equal((await app.calendar.compute('APC-90-5.1.1', '2025-10-06')).due, '2025-12-02');
      assert.equal((await act(main, 'body_head', { action: 'start_review' })).body.state, 'in_review');
    });

    test('#46 APC 90-5(2)(2): notice of the public discussion at least 3 working days before; a later notice is refused', async () => {
      assert.equal((await app.calendar.compute('APC-90-5.2.2', '2025-04-10')).due, '2025-04-07');
      now = new Date('2025-10-14T05:00:00Z');
      const late = await act(main, 'deputy_head', { action: 'schedule_discussion', at: '2025-10-16T10:00:00+05:00', place: 'Акимат района, зал заседаний' });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'discussion_notice_late');
      const ok = await act(main, 'deputy_head', { action: 'schedule_discussion', at: '2025-10-20T10:00:00+05:00', place: 'Акимат района, зал заседаний' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.duties.public_discussion.noticeBy, '2025-10-15');
      assert.equal((await notices(main, 'petition_discussion')).length, 1);
    });

    test('APC 90-5(2), 90-6(1): no decision before the duties; only the first head decides (#47: a deputy is refused); posted by the next working day', async () => {
      now = new Date('2025-10-24T05:00:00Z');
      const early = await act(main, 'body_head', { action: 'decide', decision: 'satisfied', reasons: 'Освещение включено в план', language: 'ru' });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'duties_missing');
      assert.equal((await act(main, 'deputy_head', { action: 'record_duty', duty: 'comments_analysis', outcome: 'done', on: '2025-10-20', note: 'x' })).status, 422);
      assert.equal((await act(main, 'deputy_head', { action: 'record_duty', duty: 'public_discussion', outcome: 'waived', on: '2025-10-20', note: 'x' })).status, 422);
      for (const [duty, outcome] of [['site_visit', 'waived'], ['public_discussion', 'done'], ['working_group', 'done']]) {
        const r = await act(main, 'deputy_head', { action: 'record_duty', duty, outcome, on: '2025-10-20', note: 'Протокол' });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const deputy = await act(main, 'deputy_head', { action: 'decide', decision: 'satisfied', reasons: 'x', language: 'ru' });
      assert.equal(deputy.status, 403);
      assert.equal(deputy.body.citation, 'APC 90-6(1), 90-6(2)');
      assert.equal((await act(main, 'body_head', { action: 'decide', decision: 'satisfied', reasons: 'x', language: 'en' })).status, 422); // 90-6(2): kk or the petition's language
      const decided = await act(main, 'body_head', { action: 'decide', decision: 'partly_satisfied', reasons: 'Освещение включено в план 2026 года', language: 'ru' });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.publishDecisionBy, '2025-10-28'); // Fri 24.10; Mon 27.10 is the moved day off
      assert.equal((await call({ method: 'GET', url: `/api/v1/petitions/${main}` })).body.decision, null, 'not public before it is posted');
      assert.equal((await act(main, 'body_head', { action: 'publish_decision' })).body.state, 'decision_published');
      assert.equal((await act(main, 'body_head', { action: 'official_statement', madeOn: '2025-10-24', text: 'Официальное сообщение' })).status, 200);
      const page = await call({ method: 'GET', url: `/api/v1/petitions/${main}` });
      assert.equal(page.body.decision.decision, 'partly_satisfied');
      assert.ok(page.body.decision.appealTo, 'the decision explains where to challenge it (90-6(2))');
      assert.equal(page.body.applicant, undefined, 'the public page has no personal data');
    });

    test('#49 APC 90-3(5): below the threshold six months after posting, returned by the daily job and forwarded as a proposal in the simplified procedure', async () => {
      now = new Date('2025-04-01T05:00:00Z');
      const p = (await submit('Парк')).body;
      await signMany(p.id, 50);
      assert.equal((await act(p.id, 'pa', { action: 'publish', population: 100_000 })).body.threshold, 2_500);
      assert.equal((await act(p.id, 'pa', { action: 'return' })).body.code, 'signing_window_open');
      now = new Date('2025-10-01T05:00:00Z');
      assert.deepEqual(await app.petitions.returnExpired(), []); // 01.10 is the last day of signing (6 months from 01.04)
      now = new Date('2025-10-02T05:00:00Z');
      assert.deepEqual(await app.petitions.returnExpired(), [p.id]);
      assert.deepEqual(await app.petitions.returnExpired(), [], 'a second run returns nothing twice');
      const c = await call({ method: 'GET', url: `/api/v1/petitions/${p.id}/case`, as: 'pa' });
      assert.equal(c.body.state, 'returned');
      const appeal = await app.database.db.selectFrom('appeal').selectAll().where('id', '=', c.body.returnedAppealId).executeTakeFirstOrThrow();
      assert.equal(appeal.type, 'proposal');
      assert.equal(appeal.procedure, 'simplified');
      assert.equal(appeal.body_id, bodies['KRG-BZH']);
      assert.equal((await notices(p.id, 'petition_returned')).length, 1);
      assert.deepEqual((await verifyCaseEvents(app.database.db)).breaks, []);
    });
  });
}
