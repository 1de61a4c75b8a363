/**
 * The uniformity analysis through the API, on both engines (APC 15-1(4); Rules No. 111 p.5(4), Annex 4; R-12,
 * decided cases are written into the database by a small generator with planted divergences (paraphrased
 * facts, different outcomes, across two bodies and executors) and planted non-divergences (the same facts reworded
 * with the same outcome; different facts; the same facts under other norms), then the legal service runs the
 * analysis, opens a pair side by side, reviews it, runs again. Court signals are checked against a hand-counted
 * fixture, repeat appeals (APC 70(5)) against a hand-made story. The clock is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { generateCases } from '../../src/modules/uniformity/generate.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ROOF_BASIS = { ru: 'пп. 1) п. 1 ст. 77 АППК; ст. 12 Закона о жилищных отношениях', kk: 'ӘРПК 77-бабы 1-тармағының 1) тармақшасы; Тұрғын үй қатынастары туралы заңның 12-бабы' };
const FACTS = {
  roof: [
    'Прошу отремонтировать протекающую крышу многоквартирного дома по ул. Абая, 10: управляющая компания бездействует',
    'Управляющая компания бездействует, крыша нашего многоквартирного дома протекает, просим провести ремонт крыши (ул. Абая, 12)',
    'Протекает крыша многоквартирного дома на улице Абая 14, управляющая компания ничего не делает, прошу отремонтировать крышу',
  ],
  roofReasons: [
    'Крыша дома в аварийном состоянии, что подтверждено актом обследования',
    'Аварийное состояние крыши дома подтверждено актом обследования',
    'Актом обследования подтверждено аварийное состояние крыши',
  ],
  land: [
    'Прошу предоставить земельный участок под индивидуальное жилищное строительство как многодетной семье, очередь с 2015 года',
    'Как многодетная семья, состоящая в очереди с 2015 года, просим выделить земельный участок для индивидуального жилищного строительства',
  ],
  landReasons: 'Семья состоит в очереди, свободный участок имеется',
  light: 'Прошу установить уличное освещение на улице Абая, вечером темно, фонари не работают',
  lightReasons: 'Освещение улицы не предусмотрено бюджетом текущего года',
  fence: [
    'Сосед самовольно перенёс забор на мой участок по ул. Жамбыла, 5, прошу принять меры',
    'Повторно прошу принять меры: сосед самовольно перенёс забор на мой участок, ул. Жамбыла 5',
    'Сосед так и не вернул забор, самовольно перенесённый на мой участок (Жамбыла, 5), прошу принять меры',
    'Прошу выдать справку о составе семьи',
  ],
};

for (const { engine, skip } of ENGINES) {
  describe(`uniformity analysis API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-06-02T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const cases: Record<string, { appealId: string; actId: string | null }> = {};
    const court: Record<string, string> = {};
    let procedure = '';
    let generatedProcedure = '';
    let n = 0;

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };

    async function addProcedure(code: string) {
      const row = await app.database.db.insertInto('admin_procedure').values({
        body_id: bodies['KRG-BZH']!, code, scope: 'Жилищные отношения', name: JSON.stringify({ kk: `Рәсім ${code}`, ru: `Процедура ${code}`, en: `Procedure ${code}` }),
        regulated_by: 'Закон о жилищных отношениях', format: 'both', performer: 'Отдел ЖКХ', complaint_body: 'Аким района', appeal_procedure: 'APC 91', appeal_terms: 'APC 92',
        legal_refs: 'АППК', state: 'approved', created_by: 'test',
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    }

    /** A decided case: the appeal and, when it has an outcome, its act with reasons and legal basis. */
    async function decided(key: string, o: {
      body?: string; executor?: string; procedureId?: string; essence: string; reasons?: string; legalBasis?: string; outcome?: 'satisfied' | 'partly_satisfied' | 'refused' | 'terminated';
      decidedOn?: string; applicant?: { name: string; iin: string }; repeatOf?: string;
    }) {
      const body = bodies[o.body ?? 'KRG-BZH']!;
      const on = o.decidedOn ?? '2025-03-03';
      n++;
      const a = await app.database.db.insertInto('appeal').values({
        number: `U-${n}`, body_id: body, type: 'application', procedure: 'appeal', state: o.outcome ? 'closed' : 'in_review', channel: 'paper', language: 'ru', summary: o.essence.slice(0, 60), essence: o.essence,
        applicant: JSON.stringify({ kind: 'individual', name: o.applicant?.name ?? `Заявитель ${n}`, iin: o.applicant?.iin ?? `9001013000${String(n).padStart(2, '0')}` }),
        signed: true, received_at: new Date(`${on}T03:00:00Z`), received_on: on, registered_on: on, accepted_by_name: 'Регистратор', accepted_by_position: 'специалист', due: on, extension_cap: on,
        executor_id: o.executor ? officials[o.executor]! : null, admin_procedure_id: o.procedureId ?? procedure, repeat_of: o.repeatOf ? cases[o.repeatOf]!.appealId : null,
        decided_at: o.outcome ? new Date(`${on}T06:00:00Z`) : null,
        decision: o.outcome ? JSON.stringify(o.outcome === 'terminated' ? { kind: 'terminated', reasons: o.reasons } : { kind: 'act', outcome: o.outcome, reasons: o.reasons }) : null,
      }).returning('id').executeTakeFirstOrThrow();
      let actId: string | null = null;
      if (o.outcome) {
        const kind = o.outcome === 'refused' ? 'refusal' : o.outcome === 'terminated' ? 'termination' : 'satisfaction';
        const act = await app.database.db.insertInto('act').values({
          number: `A-${n}`, body_id: body, appeal_id: a.id, kind, outcome: o.outcome === 'partly_satisfied' ? 'satisfied' : o.outcome, favourable: o.outcome !== 'refused', form: 'written_electronic', language: 'ru',
          state: 'in_force', adopted_on: on, content: JSON.stringify({ outcome: o.outcome, operative: 'Решение', justification: o.reasons ?? '', legalBasis: o.legalBasis ?? '' }),
        }).returning('id').executeTakeFirstOrThrow();
        actId = act.id;
      }
      cases[key] = { appealId: a.id, actId };
    }

    async function courtCase(key: string, o: { case: string; byAct: boolean; status: 'pending' | 'in_force'; outcome?: string; result?: string; cancelled?: boolean; reasons?: string }) {
      const c = cases[o.case]!;
      const row = await app.database.db.insertInto('court_case').values({
        body_id: bodies['KRG-BZH']!, appeal_id: o.byAct ? null : c.appealId, act_id: o.byAct ? c.actId : null, act: JSON.stringify({ name: 'Акт', content: 'Акт', adoptedOn: '2025-03-03' }),
        claim_type: 'challenge', claim_basis: 'direct', court: 'СМАС Карагандинской области', case_number: `7194-25-00-4/${key}`, role: 'defendant',
        plaintiff: JSON.stringify({ kind: 'individual', name: 'Истец' }), claims: 'Отменить акт', claim_filed_on: '2025-04-01', status: o.status, instance: 'first',
        first_instance: o.outcome ? JSON.stringify({ caseNumber: `7194-25-00-4/${key}`, decidedOn: '2025-04-20', outcome: o.outcome, result: o.result, reasoning: o.reasons }) : null,
        entered_into_force_on: o.status === 'in_force' ? '2025-05-20' : null, act_cancelled: !!o.cancelled, cancellation_reasons: o.cancelled ? o.reasons! : null,
      }).returning('id').executeTakeFirstOrThrow();
      court[key] = row.id;
    }

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the regional legal officer also serves the district (a role grant), as in the court-case story
      await app.database.db.insertInto('role_grant').values({ official_id: officials['krg.legal']!, role: 'legal_service', body_id: bodies['KRG-BZH']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      for (const role of ['legal_service', 'executor', 'registrar', 'sysadmin', 'applicant'] as const) as[role] = await signIn(app, role);
      procedure = await addProcedure('HOUSING-1');
      generatedProcedure = await addProcedure('HOUSING-2');
      const other = { body: 'KRG-BZH-BOT' };
      // planted divergence: the same roof, refused at the rural akimat, satisfied at the district (kk and ru bases)
      await decided('a1', { executor: 'bzh.executor', essence: FACTS.roof[0]!, reasons: FACTS.roofReasons[0]!, legalBasis: ROOF_BASIS.ru, outcome: 'satisfied', decidedOn: '2025-02-10' });
      await decided('a2', { ...other, essence: FACTS.roof[1]!, reasons: FACTS.roofReasons[1]!, legalBasis: ROOF_BASIS.kk, outcome: 'refused', decidedOn: '2025-05-12' });
      // reworded, same outcome as a1: not a divergence with a1 (it is one with a2)
      await decided('a3', { executor: 'bzh.head', essence: FACTS.roof[2]!, reasons: FACTS.roofReasons[2]!, legalBasis: 'APC 77(1)(1); Law on Housing Relations art. 12', outcome: 'satisfied', decidedOn: '2025-02-20' });
      // planted, weaker divergence: a land plot satisfied in full and in part by two executors of the district
      await decided('b1', { executor: 'bzh.executor', essence: FACTS.land[0]!, reasons: FACTS.landReasons, legalBasis: 'ст. 43 ЗК РК', outcome: 'satisfied' });
      await decided('b2', { executor: 'bzh.head', essence: FACTS.land[1]!, reasons: FACTS.landReasons, legalBasis: 'Жер кодексінің 43-бабы', outcome: 'partly_satisfied' });
      // different facts, different outcome, the same norms: not a divergence
      await decided('c1', { executor: 'bzh.executor', essence: FACTS.light, reasons: FACTS.lightReasons, legalBasis: ROOF_BASIS.ru, outcome: 'refused' });
      // the same facts, refused under other norms: not a divergence
      await decided('d1', { executor: 'bzh.head', essence: FACTS.roof[2]!, reasons: FACTS.roofReasons[0]!, legalBasis: 'ст. 112 ЗК РК', outcome: 'refused' });
      // repeat appeals of one person (APC 70(5)): e2 linked to e1, e3 restates e1 but is not linked, e4 is another issue
      const person = { name: 'Иванов Иван Иванович', iin: '850101300555' };
      await decided('e1', { essence: FACTS.fence[0]!, decidedOn: '2025-03-01', applicant: person });
      await decided('e2', { essence: FACTS.fence[1]!, decidedOn: '2025-03-10', applicant: person, repeatOf: 'e1' });
      await decided('e3', { essence: FACTS.fence[2]!, decidedOn: '2025-03-20', applicant: person });
      await decided('e4', { essence: FACTS.fence[3]!, decidedOn: '2025-03-25', applicant: person });
      // court cases on the procedure's acts: one cancelled the refusal of a2, one pending, one lost by the claimant
      await courtCase('k1', { case: 'a2', byAct: true, status: 'in_force', outcome: 'act_cancelled', result: 'against_body', cancelled: true, reasons: 'Отказ не мотивирован: акт обследования не оценён' });
      await courtCase('k2', { case: 'd1', byAct: true, status: 'pending' });
      await courtCase('k3', { case: 'c1', byAct: false, status: 'in_force', outcome: 'claim_refused', result: 'for_body' });
      // the manual: version 1 until March, version 2 from April, changed because of k1
      const manual = { procedure_id: procedure, body_id: bodies['KRG-BZH']!, state: 'approved', fields: '{}', created_by: 'test' };
      await app.database.db.insertInto('kb_manual_version').values([
        { ...manual, version: 1, effective_from: '2025-01-01', effective_to: '2025-03-31', basis: JSON.stringify({ note: 'Первая редакция', courtCaseIds: [], divergenceIds: [] }) },
        { ...manual, version: 2, effective_from: '2025-04-01', effective_to: null, basis: JSON.stringify({ note: 'Уточнены требования к обоснованию отказа', courtCaseIds: [court.k1], divergenceIds: [] }) },
      ] as never).execute();
      // generated cases of a second procedure, across the two bodies, with planted divergences
      for (const g of generateCases({ cases: 60, procedures: 1, issuesPerProcedure: 4, divergenceRate: 0.08, seed: 3, regions: 1, bodiesPerRegion: 2 })) {
        await decided(g.id, { procedureId: generatedProcedure, body: g.bodyId.endsWith('-0') ? 'KRG-BZH' : 'KRG-BZH-BOT', essence: g.text, reasons: '', legalBasis: g.legalBasis, outcome: g.outcome });
        generated.push(g);
      }
    });
    const generated: ReturnType<typeof generateCases> extends Iterable<infer G> ? G[] : never = [];
    after(async () => {
      await app?.close();
    });

    const pairKey = (d: Json) => [d.a.appealId, d.b.appealId].sort().join('|');
    const key = (x: string, y: string) => [cases[x]!.appealId, cases[y]!.appealId].sort().join('|');
    let firstRun: Json;

    test('the legal service runs the analysis of the district and the bodies below it (inline: jobs are off)', async () => {
      const res = await call({ method: 'POST', url: '/api/v1/uniformity/runs', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'] } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      firstRun = res.body;
      assert.equal(res.body.state, 'finished');
      assert.equal(res.body.counts.cases, 7 + 60, 'the decided cases of both procedures; undecided appeals are not read');
      const again = await call({ method: 'GET', url: `/api/v1/uniformity/runs/${res.body.id}`, as: 'legal_service' });
      assert.equal(again.body.counts.divergences, res.body.counts.divergences);
    });

    test('an executor cannot run it, nor the registrar of another body; bad input changes nothing', async () => {
      assert.equal((await call({ method: 'POST', url: '/api/v1/uniformity/runs', as: 'executor', payload: { bodyId: bodies['KRG-BZH'] } })).status, 403);
      assert.equal((await call({ method: 'POST', url: '/api/v1/uniformity/runs', as: 'registrar', payload: { bodyId: bodies['KRG-BZH'] } })).status, 403);
      const bad = await call({ method: 'POST', url: '/api/v1/uniformity/runs', as: 'legal_service', payload: { bodyId: 'nope' } });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.errors.some((e: Json) => e.field.endsWith('bodyId')));
    });

    test('the planted divergences are found and ranked; rewordings, different facts and different norms are not flagged', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences`, as: 'legal_service' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const found = res.body.items.map(pairKey);
      assert.deepEqual(new Set(found), new Set([key('a1', 'a2'), key('a2', 'a3'), key('b1', 'b2')]));
      // satisfied against refused across bodies first, satisfied against partly within the body last
      assert.equal(found[0], key('a1', 'a2'));
      assert.equal(found.at(-1), key('b1', 'b2'));
      const top = res.body.items[0];
      assert.equal(top.spread, 'body');
      assert.ok(top.similarity >= 0.5);
      assert.equal(top.normOverlap, 1, 'the Kazakh and Russian citations of APC 77(1)(1) and art. 12 are the same norms');
      assert.equal(top.group.size, 4, 'a1, a2, a3 and d1 describe the same roof');
      assert.equal(res.body.items.at(-1).spread, 'executor');
    });

    test('generated cases: every pair found holds a planted case of the same issue, and every planted issue is found', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/procedures/${generatedProcedure}/divergences?limit=200`, as: 'legal_service' });
      assert.equal(res.status, 200);
      const byAppeal = new Map(generated.map((g) => [cases[g.id]!.appealId, g]));
      for (const d of res.body.items) {
        const a = byAppeal.get(d.a.appealId)!;
        const b = byAppeal.get(d.b.appealId)!;
        assert.equal(a.issue, b.issue);
        assert.notEqual(a.outcome, b.outcome);
        assert.ok(a.planted || b.planted);
      }
      const issuesFound = new Set(res.body.items.map((d: Json) => byAppeal.get(d.a.appealId)!.issue));
      const plantedIssues = new Set(generated.filter((g) => g.planted).map((g) => g.issue));
      assert.ok(plantedIssues.size > 0);
      assert.deepEqual(issuesFound, plantedIssues);
    });

    test('a pair side by side: both cases with body, executor, reasons, norms, outcome and the manual in force', async () => {
      const list = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences`, as: 'executor' });
      assert.equal(list.status, 200, 'staff of the body read the analysis (kb.read)');
      const res = await call({ method: 'GET', url: `/api/v1/divergences/${list.body.items[0].id}`, as: 'executor' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const [x, y] = res.body.sides;
      const sideOf = (k: string) => [x, y].find((s: Json) => s.appealId === cases[k]!.appealId);
      assert.equal(sideOf('a1').outcome, 'satisfied');
      assert.equal(sideOf('a2').outcome, 'refused');
      assert.equal(sideOf('a1').bodyId, bodies['KRG-BZH']);
      assert.equal(sideOf('a2').bodyId, bodies['KRG-BZH-BOT']);
      assert.ok(sideOf('a1').executor);
      assert.deepEqual(sideOf('a1').norms, ['APC 77(1)(1)', 'HousingLaw 12']);
      assert.deepEqual(sideOf('a2').norms, ['APC 77(1)(1)', 'HousingLaw 12']);
      assert.equal(sideOf('a1').manual.version, 1, 'decided in February under version 1');
      assert.equal(sideOf('a2').manual.version, 2, 'decided in May under version 2');
      assert.match(sideOf('a2').reasons, /актом обследования/);
    });

    test('access: an applicant, an official without the permission and another body cannot read the analysis', async () => {
      const urls = (id: string) => [`/api/v1/procedures/${id}/divergences`, `/api/v1/procedures/${id}/court-signals`, `/api/v1/procedures/${id}/repeats`];
      for (const who of ['applicant', 'sysadmin']) {
        for (const url of [...urls(procedure), `/api/v1/uniformity/runs/${firstRun.id}`]) assert.equal((await call({ method: 'GET', url, as: who })).status, 403, `${who} ${url}`);
      }
      // the district's staff read their own procedures, not those of the neighbouring district
      const neighbour = await app.database.db.insertInto('admin_procedure').values({
        body_id: bodies['KRG-ABA']!, code: 'HOUSING-1', scope: 'Жилищные отношения', name: JSON.stringify({ kk: 'Рәсім', ru: 'Процедура', en: 'Procedure' }), regulated_by: '—', format: 'paper',
        performer: '—', complaint_body: '—', appeal_procedure: '—', appeal_terms: '—', legal_refs: '—', created_by: 'test',
      }).returning('id').executeTakeFirstOrThrow();
      for (const url of urls(neighbour.id)) {
        assert.equal((await call({ method: 'GET', url, as: 'registrar' })).status, 403, url);
        assert.equal((await call({ method: 'GET', url, as: 'legal_service' })).status, 403, url);
      }
      assert.equal((await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences`, as: 'registrar' })).status, 200);
      assert.equal((await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences` })).status, 401);
    });

    test('the review: a defect needs its measure; it is kept across a re-run', async () => {
      const list = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences`, as: 'legal_service' });
      const id = list.body.items[0].id;
      assert.equal((await call({ method: 'POST', url: `/api/v1/divergences/${id}/review`, as: 'executor', payload: { verdict: 'justified', note: 'x' } })).status, 403);
      const missing = await call({ method: 'POST', url: `/api/v1/divergences/${id}/review`, as: 'legal_service', payload: { verdict: 'defect', note: 'Разная практика' } });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.errors.some((e: Json) => e.field === 'body.measure'));
      const res = await call({ method: 'POST', url: `/api/v1/divergences/${id}/review`, as: 'legal_service', payload: { verdict: 'defect', measure: 'update_manual', note: 'Уточнить в руководстве оценку акта обследования' } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.review.verdict, 'defect');
      assert.equal(res.body.review.measure, 'update_manual');
      assert.ok(res.body.review.reviewerName);

      now = new Date('2025-06-03T05:00:00Z');
      const rerun = await call({ method: 'POST', url: '/api/v1/uniformity/runs', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'] } });
      assert.equal(rerun.status, 201);
      assert.notEqual(rerun.body.id, firstRun.id);
      const after = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences`, as: 'legal_service' });
      const same = after.body.items.find((d: Json) => d.id === id);
      assert.ok(same, 'the same divergence (keyed by its pair of appeals) after the re-run');
      assert.equal(same.review.verdict, 'defect');
      assert.equal(same.review.note, 'Уточнить в руководстве оценку акта обследования');
      const open = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/divergences?open=true`, as: 'legal_service' });
      assert.equal(open.body.total, after.body.total - 1);
      const audit = await app.database.db.selectFrom('audit_event').select('action').where('subject_id', '=', id).execute();
      assert.deepEqual(audit.map((a) => a.action), ['uniformity.divergence_reviewed']);
    });

    test('court signals of the procedure against the hand count', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/court-signals`, as: 'legal_service' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const s = res.body;
      assert.equal(s.courtCases, 3);
      assert.deepEqual(s.byStatus, { in_force: 2, pending: 1 });
      assert.deepEqual(s.byResult, { against_body: 1, for_body: 1, pending: 1 });
      assert.deepEqual(s.byInstance, { first: 3 });
      assert.equal(s.actsAdopted, 7);
      assert.equal(s.actsCancelled, 1);
      assert.equal(s.cancelledShare, 0.143);
      assert.equal(s.cancelled[0].courtCaseId, court.k1);
      assert.equal(s.cancelled[0].reasons, 'Отказ не мотивирован: акт обследования не оценён');
      assert.deepEqual(s.changedBecause.map((m: Json) => [m.version, m.courtCaseIds]), [[2, [court.k1]]]);
      const other = await call({ method: 'GET', url: `/api/v1/procedures/${generatedProcedure}/court-signals`, as: 'legal_service' });
      assert.equal(other.body.courtCases, 0);
    });

    test('repeat appeals: linked ones counted per procedure and applicant, restatements suggested, personal data masked', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/repeats`, as: 'legal_service' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.appeals, 11);
      assert.equal(res.body.repeats, 1);
      const ivanov = res.body.applicants.find((a: Json) => a.appeals === 4);
      assert.deepEqual(ivanov, { applicant: { name: 'Иванов Иван Иванович', iin: '********0555' }, appeals: 4, repeats: 1 });
      assert.deepEqual(res.body.suggestions.map((x: Json) => x.appealId), [cases.e3!.appealId]);
      assert.ok([cases.e1!.appealId, cases.e2!.appealId].includes(res.body.suggestions[0].earlierId));
      const masked = await call({ method: 'GET', url: `/api/v1/procedures/${procedure}/repeats`, as: 'executor' });
      assert.equal(masked.body.applicants.find((a: Json) => a.appeals === 4).applicant.name, 'И*** И*** И***');
    });
  });
}
