/**
 * The semi-annual generalization of administrative practice (Rules No. 111 p.16, Annexes 3–4), target indicators
 * (p.5(7)), the documents (XLSX, DOCX, PDF) and report runs, through the API on both engines. Figures are held to
 * hand-counted fixtures; scenario numbers are those of rules-services-requirements.md Part 5 (AT-27 – AT-31).
 * The clock is a test adapter.
 *
 * The AT-29 dataset of KRG-BZH, H1 2025 (period 01.12.2024 – 31.05.2025), counted by hand:
 *   #  area          status    first        appeal       final (in force)
 *   1  land          in_force  for_body                  for_body
 *   2  land          in_force  for_body                  for_body
 *   3  land          in_force  for_body                  for_body
 *   4  construction  in_force  for_body                  for_body
 *   5  social        in_force  for_body                  for_body
 *   6  land          in_force  against_body              against_body   (1 private ruling, executed)
 *   7  land          in_force  against_body              against_body
 *   8  construction  in_force  against_body              against_body
 *   9  construction  in_force  for_body     against_body against_body
 *  10  land          pending   —
 *  11  construction  pending   against_body (appealed)
 *  12  social        pending   —
 * → in proceedings 12; final for 5, against 4, pending 3; first instance for 6, against 4; appeal against 1;
 *   areas land 6, construction 4, social 2. Outside the period (not counted): a claim filed 05.06.2025 and a
 *   case that entered into force 20.11.2024.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { z } from 'zod';
import { ANNEX3_COLUMNS } from '../../src/law/court.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`generalization of practice, target indicators and report runs [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-05-10T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const subs: Record<string, string> = {};
    let campaignId = '';
    // a report generator the test holds at half-way, to see progress; and one that fails
    let release: () => void = () => {};

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      for (const s of await app.database.db.selectFrom('subdivision').select(['id', 'code']).where('body_id', '=', bodies['KRG-BZH']!).execute()) subs[s.code] = s.id;
      // the regional legal officer serves the districts' legal work (role grants); the Bukhar-Zhyrau akim also heads KRG-ABA for AT-30
      for (const code of ['KRG-BZH', 'KRG-ABA']) await app.database.db.insertInto('role_grant').values({ official_id: officials['krg.legal']!, role: 'legal_service', body_id: bodies[code]!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      await app.database.db.insertInto('role_grant').values({ official_id: officials['bzh.akim']!, role: 'body_head', body_id: bodies['KRG-ABA']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
      for (const role of ['legal_service', 'body_head', 'subdivision_head', 'moj_reviewer', 'executor'] as const) as[role] = await signIn(app, role);
      app.reportRuns.register({
        kind: 'test_held', permission: 'reports.read', params: z.object({ bodyId: z.uuid() }),
        async generate({ progress }) {
          await progress(0.5);
          await new Promise<void>((resolve) => { release = resolve; });
          return { filename: 'held.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('held') };
        },
      });
      app.reportRuns.register({
        kind: 'test_failing', permission: 'reports.read', params: z.object({ bodyId: z.uuid() }),
        async generate() { throw new Error('source data unavailable'); },
      });
    });
    after(async () => {
      release();
      await app?.close();
    });

    const at = (iso: string) => { now = new Date(iso); };
    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      const isJson = /json/.test(String(res.headers['content-type'] ?? ''));
      return { status: res.statusCode, body: isJson && res.body ? (res.json() as Json) : undefined, raw: res.rawPayload, headers: res.headers };
    };
    const ok = <T extends { status: number; body: Json }>(res: T, status = 200) => {
      assert.equal(res.status, status, JSON.stringify(res.body));
      return res.body;
    };
    /** polls a run until it leaves queued/running (runs execute in-process right after the response) */
    const settle = async (id: string, who = 'legal_service') => {
      for (let i = 0; i < 500; i++) {
        const r = ok(await call({ method: 'GET', url: `/api/v1/report-runs/${id}`, as: who }));
        if (r.state === 'done' || r.state === 'failed') return r;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`run ${id} did not finish`);
    };
    const run = async (kind: string, params: Record<string, unknown>, lang = 'kk', who = 'legal_service') => {
      const started = ok(await call({ method: 'POST', url: '/api/v1/report-runs', as: who, payload: { kind, params, lang } }), 202);
      return settle(started.id, who);
    };

    const courtCase = async (n: number, o: { area: string; status: 'pending' | 'in_force'; first?: string; appeal?: string; filed?: string; inForce?: string; instance?: string; rulings?: boolean }) => {
      const lost = (o.appeal ?? o.first) === 'against_body';
      const payload: Record<string, unknown> = {
        bodyId: bodies['KRG-BZH'], act: { name: `Решение № ${n} (${o.area})`, content: `Содержание решения № ${n}`, adoptedOn: '2024-10-01' }, claimType: 'challenge',
        court: 'Специализированный межрайонный административный суд Карагандинской области', plaintiff: { kind: 'individual', name: `Истец ${n}` },
        claims: `Отменить решение № ${n}`, claimFiledOn: o.filed ?? '2025-01-15', status: o.status, area: o.area,
      };
      if (o.first) payload.firstInstance = { caseNumber: `3599-25-00-4a/${n}`, decidedOn: '2025-02-20', outcome: o.first === 'for_body' ? 'claim_refused' : 'act_cancelled', result: o.first, appealed: !!o.appeal || o.status === 'pending' };
      if (o.appeal) payload.appeal = { caseNumber: `3599-25-00-7a/${n}`, decidedOn: '2025-04-01', outcome: o.appeal === 'for_body' ? 'claim_refused' : 'act_cancelled', result: o.appeal };
      if (o.status === 'in_force') payload.enteredIntoForceOn = o.inForce ?? '2025-04-15';
      if (o.status === 'pending') payload.instance = o.instance ?? 'first';
      if (o.status === 'in_force' && lost) Object.assign(payload, { actCancelled: true, cancellationReasons: `Суд счёл отказ № ${n} немотивированным` });
      if (o.rulings) payload.privateRulings = [{ content: 'Нарушение сроков уведомления', requires: 'Принять меры', executed: true }];
      return ok(await call({ method: 'POST', url: '/api/v1/court-cases', as: 'legal_service', payload }), 201).id as string;
    };

    test('AT-29 fixture: the court records of KRG-BZH (12 cases in proceedings in H1 2025, 2 outside the period)', async () => {
      const F = 'for_body';
      const A = 'against_body';
      await courtCase(1, { area: 'land', status: 'in_force', first: F });
      await courtCase(2, { area: 'land', status: 'in_force', first: F });
      await courtCase(3, { area: 'land', status: 'in_force', first: F });
      await courtCase(4, { area: 'construction', status: 'in_force', first: F });
      await courtCase(5, { area: 'social', status: 'in_force', first: F });
      await courtCase(6, { area: 'land', status: 'in_force', first: A, rulings: true });
      await courtCase(7, { area: 'land', status: 'in_force', first: A });
      await courtCase(8, { area: 'construction', status: 'in_force', first: A });
      await courtCase(9, { area: 'construction', status: 'in_force', first: F, appeal: A });
      await courtCase(10, { area: 'land', status: 'pending', instance: 'first' });
      await courtCase(11, { area: 'construction', status: 'pending', instance: 'appeal', first: A });
      await courtCase(12, { area: 'social', status: 'pending', instance: 'first' });
      await courtCase(13, { area: 'land', status: 'pending', filed: '2025-06-05' });
      await courtCase(14, { area: 'land', status: 'in_force', first: F, filed: '2024-06-01', inForce: '2024-11-20' });
    });

    test('R-15, A-10, A-35: a campaign of H1 2025 is due 10.06.2025 (not moved), covers 01.12.2024 – 31.05.2025 and starts 30 days before; none before the Rules', async () => {
      at('2025-05-12T04:00:00Z');
      const early = await call({ method: 'POST', url: '/api/v1/generalization/campaigns', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'], year: 2024, half: 2 } });
      assert.equal(early.status, 400);
      const outsider = await call({ method: 'POST', url: '/api/v1/generalization/campaigns', as: 'executor', payload: { bodyId: bodies['KRG-BZH'], year: 2025, half: 1 } });
      assert.equal(outsider.status, 403);
      const c = ok(await call({ method: 'POST', url: '/api/v1/generalization/campaigns', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'], year: 2025, half: 1 } }), 201);
      campaignId = c.campaign.id;
      assert.equal(c.campaign.dueOn, '2025-06-10');
      assert.equal(c.campaign.periodFrom, '2024-12-01');
      assert.equal(c.campaign.periodTo, '2025-05-31');
      assert.equal(c.campaign.startsOn, '2025-05-11');
      assert.equal(c.campaign.state, 'draft');
      assert.equal(c.campaign.dueOnNonWorkingDay, false); // 10.06.2025 is a Tuesday
      const again = await call({ method: 'POST', url: '/api/v1/generalization/campaigns', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'], year: 2025, half: 1 } });
      assert.equal(again.status, 409);
      const h2 = ok(await call({ method: 'POST', url: '/api/v1/generalization/campaigns', as: 'legal_service', payload: { bodyId: bodies['KRG-BZH'], year: 2025, half: 2 } }), 201);
      assert.deepEqual([h2.campaign.periodFrom, h2.campaign.periodTo, h2.campaign.dueOn], ['2025-06-01', '2025-11-30', '2025-12-10']);
    });

    test('AT-27: the request on 12.05.2025 to 3 divisions records date and recipients, notifies their heads and pre-fills the rows of the period', async () => {
      const c = ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/request`, as: 'legal_service', payload: { subdivisionIds: [subs.management, subs.registry, subs.housing] } }));
      assert.equal(c.campaign.state, 'collecting');
      assert.equal(c.campaign.requestedOn, '2025-05-12');
      assert.deepEqual(c.subdivisions.map((s: Json) => [s.code, s.status, s.requestedOn]).sort(), [['housing', 'requested', '2025-05-12'], ['management', 'requested', '2025-05-12'], ['registry', 'requested', '2025-05-12']]);
      assert.equal(c.rows.length, 12);
      assert.deepEqual(c.rows.map((r: Json) => r.cells['1']), Array.from({ length: 12 }, (_, i) => String(i + 1)));
      const notices = await app.database.db.selectFrom('notice').select(['recipient_id', 'type']).where('subject_id', '=', campaignId).where('type', '=', 'generalization_request').execute();
      const to = new Set(notices.map((n) => n.recipient_id));
      assert.ok(to.has(officials['bzh.head']!), 'the housing head is notified');
      assert.ok(to.has(officials['bzh.akim']!), 'the management head is notified');
      assert.ok(to.has(officials['bzh.registrar']!), 'the registry (no head position) is notified through its staff');
      const trail = await app.database.db.selectFrom('audit_event').select(['action', 'details']).where('subject_id', '=', campaignId).where('action', '=', 'generalization.request_sent').executeTakeFirstOrThrow();
      assert.equal((trail.details as Json).on, '2025-05-12');
      assert.equal((trail.details as Json).subdivisionIds.length, 3);
    });

    test('AT-27: two divisions submit (the housing head, the legal service for the registry); the third is late and reminded; overdue on 11.06.2025', async () => {
      const foreign = await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/subdivisions/${subs.registry}/submit`, as: 'subdivision_head' });
      assert.equal(foreign.status, 403);
      ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/subdivisions/${subs.housing}/submit`, as: 'subdivision_head' }));
      at('2025-05-20T04:00:00Z');
      const c = ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/subdivisions/${subs.registry}/submit`, as: 'legal_service' }));
      assert.deepEqual(c.subdivisions.map((s: Json) => [s.code, s.status, s.submittedOn]).sort(), [['housing', 'submitted', '2025-05-12'], ['management', 'requested', null], ['registry', 'submitted', '2025-05-20']]);
      assert.equal((await app.generalization.dailyWatch()).reminders, 0, 'no reminder on a day that is not 10, 3 or 1 days before');
      at('2025-05-31T04:00:00Z'); // 10 days before
      assert.deepEqual(await app.generalization.dailyWatch(), { overdue: 0, reminders: 1 });
      assert.deepEqual(await app.generalization.dailyWatch(), { overdue: 0, reminders: 0 }, 'once a day');
      at('2025-06-10T12:00:00Z'); // the due date itself: on time (inclusive)
      const due = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'legal_service' }));
      assert.equal(due.campaign.overdue, false);
      at('2025-06-10T19:30:00Z'); // 11.06.2025 00:30 in Almaty
      assert.deepEqual(await app.generalization.dailyWatch(), { overdue: 1, reminders: 1 });
      const late = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'body_head' }));
      assert.equal(late.campaign.overdue, true);
      const management = late.subdivisions.find((s: Json) => s.code === 'management');
      assert.deepEqual([management.reminders, management.lastRemindedOn], [2, '2025-06-11']);
      const reminders = await app.database.db.selectFrom('notice').select(['recipient_id']).where('subject_id', '=', campaignId).where('type', '=', 'generalization_reminder').execute();
      assert.ok(reminders.every((n) => n.recipient_id !== officials['bzh.head']), 'the division that submitted is not reminded');
      assert.ok(reminders.some((n) => n.recipient_id === officials['bzh.akim']));
    });

    test('AT-29: the report figures match the hand count (12 in proceedings; 5 for, 4 against, 3 pending; land 6, construction 4, social 2)', async () => {
      const c = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'moj_reviewer' }));
      const f = c.figures;
      assert.equal(f.inProceedings, 12);
      assert.deepEqual(f.final, { forBody: 5, againstBody: 4, partly: 0, other: 0, pending: 3 });
      assert.deepEqual(f.perInstance.first, { forBody: 6, againstBody: 4, partly: 0, other: 0 });
      assert.deepEqual(f.perInstance.appeal, { forBody: 0, againstBody: 1, partly: 0, other: 0 });
      assert.deepEqual(f.areas, [{ area: 'land', count: 6 }, { area: 'construction', count: 4 }, { area: 'social', count: 2 }]);
      assert.equal(f.lost, 4);
      assert.equal(f.foundUnlawful, 4);
      assert.deepEqual(f.privateRulings, { total: 1, executed: 1 });
      assert.deepEqual(c.missingSections, ['shortcomings', 'proposals']);
    });

    test('Annex 4 steps 6–8: a lost case needs the causes, the deficiency type and measures or proposals; illegality needs its description', async () => {
      const c = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'legal_service' }));
      const lost = c.rows.find((r: Json) => r.lost);
      const bad = await call({ method: 'PUT', url: `/api/v1/generalization/campaigns/${campaignId}/rows/${lost.id}/review`, as: 'legal_service', payload: { reasoningAnalysis: 'Суд указал на отсутствие мотивировки', illegalityFound: true } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: Json) => [e.field, e.code]), [
        ['body.illegalityDescription', 'required'],
        ['body.lossCauses', 'loss_causes_required'],
        ['body.deficiencyType', 'deficiency_type_required'],
        ['body.measuresTaken', 'measures_or_proposals_required'],
      ]);
      const reviewer = await call({ method: 'PUT', url: `/api/v1/generalization/campaigns/${campaignId}/rows/${lost.id}/review`, as: 'moj_reviewer', payload: { reasoningAnalysis: 'x', illegalityFound: false } });
      assert.equal(reviewer.status, 403);
      const notAll = await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/finalise`, as: 'legal_service' });
      assert.equal(notAll.status, 422);
      assert.equal(notAll.body.code, 'rows_not_reviewed');
    });

    test('report runs: a report blocked by empty sections fails with its reason; the legal service reviews every row', async () => {
      const blocked = await run('generalization_report_docx', { bodyId: bodies['KRG-BZH'], campaignId });
      assert.equal(blocked.state, 'failed');
      assert.equal(blocked.error, 'report_sections_required');
      const c = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'legal_service' }));
      for (const r of c.rows) {
        const review = r.lost
          ? { reasoningAnalysis: 'Суд указал на отсутствие мотивировки отказа', illegalityFound: true, illegalityDescription: 'Нарушена ст. 80 АППК', lossCauses: 'Немотивированный отказ', deficiencyType: 'law_enforcement', measuresTaken: 'Проведено обучение специалистов' }
          : { reasoningAnalysis: 'Решение законно', illegalityFound: false };
        ok(await call({ method: 'PUT', url: `/api/v1/generalization/campaigns/${campaignId}/rows/${r.id}/review`, as: 'legal_service', payload: { ...review, version: r.version } }));
      }
      const sections = ok(await call({ method: 'PUT', url: `/api/v1/generalization/campaigns/${campaignId}/sections`, as: 'legal_service', payload: { shortcomings: 'Отказы без мотивировки (ст. 80 АППК)', proposals: 'Утвердить шаблон мотивировки отказа' } }));
      assert.deepEqual(sections.missingSections, []);
      assert.equal(sections.figures.deficiencies.lawEnforcement, 4);
      assert.equal(sections.figures.lossCauses.length, 4);
    });

    test('report runs: progress while running, the download only for the requester and those with the permission, a failing generator reports why', async () => {
      const held = ok(await call({ method: 'POST', url: '/api/v1/report-runs', as: 'legal_service', payload: { kind: 'test_held', params: { bodyId: bodies['KRG-BZH'] } } }), 202);
      let seen: Json;
      for (let i = 0; i < 500; i++) {
        seen = ok(await call({ method: 'GET', url: `/api/v1/report-runs/${held.id}`, as: 'legal_service' }));
        if (seen.progress === 0.5) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual([seen.state, seen.progress], ['running', 0.5]);
      const early = await call({ method: 'GET', url: `/api/v1/report-runs/${held.id}/file`, as: 'legal_service' });
      assert.equal(early.status, 409);
      release();
      const done = await settle(held.id);
      assert.deepEqual([done.state, done.progress, done.filename], ['done', 1, 'held.txt']);
      assert.ok(done.finishedAt);
      const file = await call({ method: 'GET', url: `/api/v1/report-runs/${held.id}/file`, as: 'legal_service' });
      assert.equal(file.status, 200);
      assert.equal(Buffer.from(file.raw).toString(), 'held');
      assert.match(String(file.headers['content-disposition']), /attachment; filename="held.txt"/);
      // an executor of the body has no reports.read: neither the run nor its file
      assert.equal((await call({ method: 'GET', url: `/api/v1/report-runs/${held.id}/file`, as: 'executor' })).status, 404);
      assert.equal((await call({ method: 'POST', url: '/api/v1/report-runs', as: 'executor', payload: { kind: 'annex3_xlsx', params: { bodyId: bodies['KRG-BZH'], campaignId } } })).status, 403);
      // the body's head reads reports of the body
      assert.equal((await call({ method: 'GET', url: `/api/v1/report-runs/${held.id}/file`, as: 'body_head' })).status, 200);
      const failed = await run('test_failing', { bodyId: bodies['KRG-BZH'] });
      assert.deepEqual([failed.state, failed.error], ['failed', 'source data unavailable']);
      const bad = await call({ method: 'POST', url: '/api/v1/report-runs', as: 'legal_service', payload: { kind: 'annex3_xlsx', params: { bodyId: bodies['KRG-BZH'] } } });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.errors.map((e: Json) => e.field), ['body.params.campaignId']);
      assert.equal((await call({ method: 'POST', url: '/api/v1/report-runs', as: 'legal_service', payload: { kind: 'nope', params: { bodyId: bodies['KRG-BZH'] } } })).status, 400);
      const mine = ok(await call({ method: 'GET', url: '/api/v1/report-runs', as: 'legal_service' }));
      assert.ok(mine.items.some((r: Json) => r.id === held.id));
      assert.ok(!ok(await call({ method: 'GET', url: '/api/v1/report-runs', as: 'body_head' })).items.some((r: Json) => r.id === held.id));
    });

    test('report runs: a run interrupted by a crash (lease expired) is taken up again by the sweep', async () => {
      const row = await app.database.db.insertInto('report_run').values({
        kind: 'annex3_xlsx', params: JSON.stringify({ bodyId: bodies['KRG-BZH'], campaignId }), lang: 'ru', body_id: bodies['KRG-BZH']!, requested_by: officials['krg.legal']!,
        state: 'running', attempts: 1, lease_until: new Date(Date.now() - 60_000),
      }).returning('id').executeTakeFirstOrThrow();
      assert.equal(await app.reportRuns.sweep(), 1);
      const r = ok(await call({ method: 'GET', url: `/api/v1/report-runs/${row.id}`, as: 'legal_service' }));
      assert.equal(r.state, 'done');
    });

    test('AT-31: the Annex 3 XLSX in Kazakh carries the court module\'s Kazakh headings exactly (with Russian below), columns 1–13 and the 12 rows', async () => {
      const api = ok(await call({ method: 'GET', url: `/api/v1/court-cases/annex3?bodyId=${bodies['KRG-BZH']}&from=2024-12-01&to=2025-05-31&lang=kk`, as: 'legal_service' }));
      const r = await run('annex3_xlsx', { bodyId: bodies['KRG-BZH'], campaignId }, 'kk');
      assert.equal(r.state, 'done', r.error);
      const file = await call({ method: 'GET', url: `/api/v1/report-runs/${r.id}/file`, as: 'legal_service' });
      assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as never);
      const ws = wb.worksheets[0]!;
      const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
      const kkRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === 'Р/с №')!;
      assert.deepEqual(values(kkRow), api.columns.map((c: Json) => c.kk));
      assert.equal(values(kkRow)[1], 'МО');
      assert.match(String(values(kkRow)[4]), /ӘРПК 100-бабы/);
      assert.deepEqual(values(kkRow + 1), ANNEX3_COLUMNS.map((c) => c.ru));
      assert.deepEqual(values(kkRow + 2), Array.from({ length: 13 }, (_, i) => i + 1));
      assert.equal(ws.rowCount, kkRow + 2 + 12);
      assert.equal(ws.views[0]?.state, 'frozen');
      assert.equal(ws.pageSetup.orientation, 'landscape');
      assert.equal(ws.pageSetup.paperSize, 9);
      assert.ok([...Array(12).keys()].some((i) => /^Решение № 1 \(land\)\n/.test(String(values(kkRow + 3 + i)[3]))), 'column 4: the act, its content and date');
      const en = await run('annex3_xlsx', { bodyId: bodies['KRG-BZH'], campaignId, corrected: true }, 'en');
      const enFile = await call({ method: 'GET', url: `/api/v1/report-runs/${en.id}/file`, as: 'legal_service' });
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(enFile.raw as never);
      const ws2 = wb2.worksheets[0]!;
      const enRow = [...Array(ws2.rowCount).keys()].map((i) => i + 1).find((n) => (ws2.getRow(n).values as unknown[])[1] === 'No')!;
      const enHeads = (ws2.getRow(enRow).values as unknown[]).slice(1);
      assert.match(String(enHeads[4]), /Article 100 of the APC/);
      assert.equal(enHeads[1], 'State body');
      assert.deepEqual((ws2.getRow(enRow + 2).values as unknown[]).slice(1), Array.from({ length: 13 }, (_, i) => i + 1));
    });

    test('Annex 4 step 9–10: finalised (rows locked); the report as DOCX and PDF carries the AT-29 figures; the submission to the MoJ is recorded', async () => {
      ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/finalise`, as: 'legal_service' }));
      const c = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${campaignId}`, as: 'legal_service' }));
      assert.equal(c.campaign.state, 'final');
      const locked = await call({ method: 'PUT', url: `/api/v1/generalization/campaigns/${campaignId}/rows/${c.rows[0].id}`, as: 'legal_service', payload: { area: 'water' } });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.code, 'campaign_final');

      const docx = await run('generalization_report_docx', { bodyId: bodies['KRG-BZH'], campaignId }, 'ru');
      assert.equal(docx.state, 'done', docx.error);
      const file = await call({ method: 'GET', url: `/api/v1/report-runs/${docx.id}/file`, as: 'moj_reviewer' });
      assert.equal(file.status, 200);
      const xml = await (await JSZip.loadAsync(file.raw)).file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
      assert.match(text, /ОТЧЁТ ОБ ИТОГАХ ОБОБЩЕНИЯ АДМИНИСТРАТИВНОЙ ПРАКТИКИ/);
      assert.match(text, /Всего: 12/);
      assert.match(text, /Всего\|5\|4\|0\|0\|3/, 'final: for 5, against 4, partly 0, other 0, pending 3');
      assert.match(text, /Первая инстанция\|6\|4\|0\|0/);
      assert.match(text, /land\|6\|construction\|4\|social\|2/);
      assert.match(text, /Отказы без мотивировки/);
      assert.match(text, /Утвердить шаблон мотивировки отказа/);
      assert.match(xml, /w:rFonts w:ascii="Times New Roman"/);
      assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);

      const pdf = await run('generalization_report_pdf', { bodyId: bodies['KRG-BZH'], campaignId }, 'en');
      assert.equal(pdf.state, 'done', pdf.error);
      const pdfFile = await call({ method: 'GET', url: `/api/v1/report-runs/${pdf.id}/file`, as: 'legal_service' });
      assert.equal(pdfFile.headers['content-type'], 'application/pdf');
      assert.equal(Buffer.from(pdfFile.raw).subarray(0, 5).toString(), '%PDF-');
      const words = pdfText(Buffer.from(pdfFile.raw)).replace(/\s+/g, ' ');
      assert.match(words, /REPORT ON THE RESULTS OF THE GENERALIZATION/);
      assert.match(words, /Total: 12/);
      assert.match(words, /construction/);

      at('2025-06-11T05:00:00Z');
      const future = await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/submission`, as: 'legal_service', payload: { submittedOn: '2025-06-12' } });
      assert.equal(future.status, 422);
      const submitted = ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${campaignId}/submission`, as: 'legal_service', payload: { submittedOn: '2025-06-11', reference: '02-15/1234' } }));
      assert.deepEqual([submitted.campaign.state, submitted.campaign.submittedOn, submitted.campaign.overdue], ['submitted', '2025-06-11', true]);
      const listed = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns?bodyId=${bodies['KRG-BZH']}`, as: 'moj_reviewer' }));
      assert.equal(listed.items.length, 2);
    });

    test('AT-28 reuse, Annex 4 step 2: a subdivision adds a row to its own table; a pending row without instance is refused field by field', async () => {
      at('2025-11-12T05:00:00Z');
      const h2 = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns?bodyId=${bodies['KRG-BZH']}`, as: 'legal_service' })).items.find((c: Json) => c.half === 2);
      ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${h2.id}/request`, as: 'legal_service', payload: { subdivisionIds: [subs.housing] } }));
      const bad = await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${h2.id}/rows`, as: 'subdivision_head', payload: { subdivisionId: subs.housing, status: 'pending', cells: { '4': 'Акт' } } });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: Json) => [e.field, e.code]), [['body.instance', 'instance_required']]);
      const foreign = await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${h2.id}/rows`, as: 'subdivision_head', payload: { subdivisionId: subs.registry, status: 'pending', instance: 'first' } });
      assert.equal(foreign.status, 403);
      ok(await call({ method: 'POST', url: `/api/v1/generalization/campaigns/${h2.id}/rows`, as: 'subdivision_head', payload: { subdivisionId: subs.housing, status: 'pending', instance: 'first', area: 'housing', cells: { '4': 'Отказ в постановке на учёт' } } }), 201);
      const c = ok(await call({ method: 'GET', url: `/api/v1/generalization/campaigns/${h2.id}`, as: 'legal_service' }));
      // in proceedings during H2: the three cases still pending and the claim filed 05.06.2025; then the hand-added row
      assert.equal(c.rows.length, 5);
      assert.deepEqual(c.rows.slice(0, 4).map((r: Json) => r.area).sort(), ['construction', 'land', 'land', 'social']);
      assert.deepEqual([c.rows[4].area, c.rows[4].subdivisionId, c.rows[4].cells['4']], ['housing', subs.housing, 'Отказ в постановке на учёт']);
      assert.deepEqual(c.figures.final, { forBody: 0, againstBody: 0, partly: 0, other: 0, pending: 5 });
    });

    test('AT-30: actual 5.0% (4 of 80 appealed), target 3.0% not met, −1.0 pp against 2024 (6.0%); NDP-2029 link and the head\'s approval', async () => {
      const body = bodies['KRG-ABA']!;
      const rows = [];
      const base = { body_id: body, act: JSON.stringify({ name: 'Акт', content: 'c', adoptedOn: '2024-01-10' }), claim_type: 'challenge', claim_basis: 'direct', court: 'СМАС', role: 'defendant', plaintiff: JSON.stringify({ kind: 'individual', name: 'X' }), claims: 'c' };
      // 2024: 50 claims, 3 found unlawful in force → 6.0%; 2025: 80 claims, 4 found unlawful in force → 5.0%
      for (let i = 0; i < 50; i++) rows.push({ ...base, claim_filed_on: '2024-03-01', status: i < 3 ? 'in_force' : 'pending', found_unlawful: i < 3, entered_into_force_on: i < 3 ? '2024-09-01' : null });
      for (let i = 0; i < 80; i++) rows.push({ ...base, claim_filed_on: '2025-03-01', status: i < 4 ? 'in_force' : 'pending', found_unlawful: i < 4, entered_into_force_on: i < 4 ? '2025-09-01' : null });
      await app.database.db.insertInto('court_case').values(rows as never).execute();
      at('2025-12-20T05:00:00Z');
      const set = ok(await call({ method: 'PUT', url: `/api/v1/target-indicators/${body}/2025`, as: 'legal_service', payload: { targetPercent: 3.0, baselinePercent: 6.0, baselineYear: 2024, ndpIndicator: 'НПР-2029: доля актов, признанных судом незаконными', denominator: 'appealed_in_court' } }));
      assert.equal(set.actual.sharePercent, 5.0);
      assert.deepEqual([set.actual.unlawful, set.actual.denominator], [4, 80]);
      assert.equal(set.previous.sharePercent, 6.0);
      assert.equal(set.changePercentagePoints, -1.0);
      assert.equal(set.reduced, true);
      assert.equal(set.met, false);
      assert.deepEqual([set.target.targetPercent, set.target.ndpIndicator, set.target.approvalRequired, set.target.approved], [3.0, 'НПР-2029: доля актов, признанных судом незаконными', true, false]);
      assert.deepEqual(set.trend.map((t: Json) => [t.year, t.actualPercent]), [[2024, 6.0], [2025, 5.0]]);
      assert.equal((await call({ method: 'POST', url: `/api/v1/target-indicators/${body}/2025/approve`, as: 'legal_service' })).status, 403);
      const approved = ok(await call({ method: 'POST', url: `/api/v1/target-indicators/${body}/2025/approve`, as: 'body_head' }));
      assert.deepEqual([approved.target.approved, approved.target.approvedOn], [true, '2025-12-20']);
      assert.equal((await call({ method: 'GET', url: `/api/v1/target-indicators/${body}/2025`, as: 'executor' })).status, 403);
      assert.equal(ok(await call({ method: 'GET', url: `/api/v1/target-indicators/${body}/2025`, as: 'moj_reviewer' })).met, false);
    });
  });
}

/** The text of a pdfmake PDF: its streams inflated, the glyph codes of the text decoded with each font's ToUnicode map. */
function pdfText(pdf: Buffer): string {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch { /* not deflated */ }
  }
  const maps = streams.filter((s) => s.includes('begincmap')).map((s) => {
    const map = new Map<number, string>();
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const r of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const from = parseInt(r[1]!, 16);
      [...r[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((x, i) => map.set(from + i, hex(x[1]!)));
    }
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const c of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(c[1]!, 16), hex(c[2]!));
    return map;
  });
  const out: string[] = [];
  for (const s of streams) {
    if (s.includes('begincmap')) continue;
    for (const map of maps) {
      const lines = [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => (h[1]!.match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join('')).join(''));
      out.push(lines.join('\n'));
    }
  }
  return out.join('\n');
}
