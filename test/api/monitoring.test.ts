/**
 * Monitoring dashboards of the appeals-monitoring department (Standard Regulation No. 560 p.5(3)–(5), 5(9), 7(1)–(2),
 * 7(6), 9(2)) through the API on both engines, against a hand-counted fixture in the demo Karaganda akimat. Today is
 * Wednesday 15 July 2026 (the clock is a test adapter); "due soon" runs to Monday 20 July (3 working days).
 *
 * The main fixture, received 1 May – 15 July 2026 (B = Bukhar-Zhyrau District akimat, A = Abai District akimat,
 * R = the rural akim of Botakara, in Bukhar-Zhyrau District):
 *   B1 water  electronic 05-04 due 05-25 answered 05-20              on time
 *   B2 water  paper      05-10 due 06-01 answered 06-03              late
 *   B3 water  electronic 06-20 due 07-16 open, under control, returned twice      due soon
 *   B4 heat   oral       06-01 due 06-22 open, deemed refused 06-22   overdue, late
 *   B5 roads  electronic 07-01 due 07-30 open, extended
 *   A1 water  paper      05-15 due 06-05 open, under control, returned once       overdue, late
 *   A2 heat   electronic 06-10 due 07-01 answered 06-25              on time
 *   A3 heat   paper      07-10 due 07-20 open                         due soon
 *   R1 heat   reception  05-20 due 06-10 open                         overdue, late
 * Around it, outside that period: 37 more water appeals of B in February–March 2026 (so B's district has 40 on
 * water in H1 2026: AT-36), 8 of them a year before, and 3 road appeals of A in March 2026 against 1 a year before
 * (1 → 3 must not count as rising).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { appendCaseEvent, verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { counters } from '../../src/modules/appeals/queries.ts';
import { parseCsv } from '../../src/modules/integrations/csv.ts';
import { seedDemoYear, writeAppeals, type DemoAppeal } from '../../src/modules/monitoring/demo-year.ts';
import { fairIndicators, growth, isRising } from '../../src/modules/monitoring/method.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** One file out of a ZIP (a DOCX), through its central directory. */
function unzip(buf: Buffer, name: string): string {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20), nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32), local = buf.readUInt32LE(p + 42);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the archive`);
}

for (const { engine, skip } of ENGINES) {
  describe(`monitoring dashboards [${engine}]`, { skip }, () => {
    let app: App;
    const now = new Date('2026-07-15T05:00:00Z'); // 10:00 in Almaty
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const topics: Record<string, string> = {};
    const territories: Record<string, string> = {};
    const ids: Record<string, string> = {};
    let executor = '';
    const period = 'from=2026-05-01&to=2026-07-15';

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { 'accept-language': 'ru', ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? (res.json() as Json) : undefined, raw: res.rawPayload, headers: res.headers };
    };
    const get = (url: string, who = 'monitoring') => call({ method: 'GET', url, as: who });

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['monitoring', 'executor', 'body_head'] as const) as[role] = await signIn(app, role);
      const db = app.database.db;
      for (const b of await db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const t of await db.selectFrom('topic').select(['id', 'code']).execute()) topics[t.code] = t.id;
      for (const t of await db.selectFrom('territory').select(['id', 'code']).execute()) territories[t.code] = t.id;
      executor = (await db.selectFrom('official_account').select('official_id').where('login', '=', 'bzh.executor').executeTakeFirstOrThrow()).official_id;

      const ap = (number: string, body: string, topic: string, channel: string, receivedOn: string, due: string, o: Partial<DemoAppeal> = {}): DemoAppeal => ({
        number, bodyId: bodies[body]!, topicId: topics[topic]!, channel, summary: `${topic} ${number}`, receivedOn, due, state: o.decidedOn ? 'closed' : 'in_review',
        executorId: body === 'KRG-BZH' ? executor : null,
        events: [{ on: receivedOn, action: 'registered', state: 'registered', citation: 'APC 64' }], ...o,
      });
      const main = [
        ap('B1', 'KRG-BZH', 'HOUSING.WATER', 'electronic', '2026-05-04', '2026-05-25', { decidedOn: '2026-05-20' }),
        ap('B2', 'KRG-BZH', 'HOUSING.WATER', 'paper', '2026-05-10', '2026-06-01', { decidedOn: '2026-06-03' }),
        ap('B3', 'KRG-BZH', 'HOUSING.WATER', 'electronic', '2026-06-20', '2026-07-16'),
        ap('B4', 'KRG-BZH', 'HOUSING.HEAT', 'oral', '2026-06-01', '2026-06-22', { deemedRefusedOn: '2026-06-22' }),
        ap('B5', 'KRG-BZH', 'ROADS.REPAIR', 'electronic', '2026-07-01', '2026-07-30', { extended: true }),
        ap('A1', 'KRG-ABA', 'HOUSING.WATER', 'paper', '2026-05-15', '2026-06-05'),
        ap('A2', 'KRG-ABA', 'HOUSING.HEAT', 'electronic', '2026-06-10', '2026-07-01', { decidedOn: '2026-06-25' }),
        ap('A3', 'KRG-ABA', 'HOUSING.HEAT', 'paper', '2026-07-10', '2026-07-20'),
        ap('R1', 'KRG-BZH-BOT', 'HOUSING.HEAT', 'reception', '2026-05-20', '2026-06-10'),
      ];
      const around: DemoAppeal[] = [];
      for (let i = 0; i < 37; i++) around.push(ap(`W${i}`, 'KRG-BZH', 'HOUSING.WATER', 'electronic', `2026-0${2 + (i % 2)}-${String(2 + (i % 25)).padStart(2, '0')}`, '2026-04-30', { decidedOn: '2026-04-01' }));
      for (let i = 0; i < 8; i++) around.push(ap(`V${i}`, 'KRG-BZH', 'HOUSING.WATER', 'paper', `2025-04-${String(10 + i).padStart(2, '0')}`, '2025-05-30', { decidedOn: '2025-05-01' }));
      for (let i = 0; i < 3; i++) around.push(ap(`RD${i}`, 'KRG-ABA', 'ROADS.REPAIR', 'paper', `2026-03-1${i}`, '2026-04-30', { decidedOn: '2026-04-01' }));
      around.push(ap('RD-old', 'KRG-ABA', 'ROADS.REPAIR', 'paper', '2025-03-10', '2025-04-30', { decidedOn: '2025-04-01' }));
      const written = await writeAppeals(db, [...main, ...around]);
      main.forEach((a, i) => (ids[a.number] = written[i]!));

      // control and returns for rework (REG p.5(4)–(5)), through the case-event writer as the appeals module writes them
      const step = async (id: string, action: string) => {
        const row = await db.selectFrom('appeal').select(['event_count', 'last_event_hash']).where('id', '=', id).executeTakeFirstOrThrow();
        const head = await appendCaseEvent(db, { count: row.event_count, hash: row.last_event_hash }, { caseType: 'appeal', caseId: id, at: now, actor: 'official:monitoring', action, citation: 'REG p.5(4)', state: 'in_review', details: action === 'return_for_rework' ? { reasons: 'Не рассмотрен второй вопрос' } : {} });
        await db.updateTable('appeal').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', id).execute();
      };
      for (const [n, actions] of [['B3', ['take_under_control', 'return_for_rework', 'return_for_rework']], ['A1', ['take_under_control', 'return_for_rework']]] as const) {
        for (const a of actions) await step(ids[n]!, a);
      }
    });
    after(async () => app?.close());

    const expected = {
      received: 9, inWork: 6, dueSoon: 2, overdue: 3, deemedRefused: 1, extended: 1, answered: 3, late: 4, underControl: 2, returned: 2, returns: 3,
    };

    test('the figures in total, as counted by hand', async () => {
      const res = await get(`/api/v1/monitoring/figures?${period}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.asOf, '2026-07-15');
      assert.equal(res.body.dueSoonUntil, '2026-07-20');
      assert.deepEqual(res.body.totals, expected);
    });

    test('per body, district, topic, channel and month', async () => {
      const by = async (groupBy: string) => Object.fromEntries((await get(`/api/v1/monitoring/figures?${period}&groupBy=${groupBy}`)).body.groups.map((g: Json) => [g.key, g]));
      const b = await by('body');
      assert.deepEqual(Object.keys(b).sort(), [bodies['KRG-ABA'], bodies['KRG-BZH'], bodies['KRG-BZH-BOT']].sort());
      const { key: _k, label: bzhLabel, ...bzh } = b[bodies['KRG-BZH']!];
      assert.deepEqual(bzh, { received: 5, inWork: 3, dueSoon: 1, overdue: 1, deemedRefused: 1, extended: 1, answered: 2, late: 2, underControl: 1, returned: 1, returns: 2 });
      assert.match(bzhLabel, /Бухар-жырау/i);
      const { key: _a, label: _al, ...aba } = b[bodies['KRG-ABA']!];
      assert.deepEqual(aba, { received: 3, inWork: 2, dueSoon: 1, overdue: 1, deemedRefused: 0, extended: 0, answered: 1, late: 1, underControl: 1, returned: 1, returns: 1 });
      assert.equal(b[bodies['KRG-BZH-BOT']!].overdue, 1);
      const d = await by('district');
      assert.equal(d[territories['KZ-35-BZH']!].received, 6); // the district akimat and the rural akim inside it
      assert.equal(d[territories['KZ-35-BZH']!].late, 3);
      assert.equal(d[territories['KZ-35-ABA']!].received, 3);
      const t = await by('topic');
      assert.deepEqual([t[topics['HOUSING.WATER']!].received, t[topics['HOUSING.HEAT']!].received, t[topics['ROADS.REPAIR']!].received], [4, 4, 1]);
      const c = await by('channel');
      assert.deepEqual(Object.fromEntries(Object.entries(c).map(([k, v]: [string, Json]) => [k, v.received])), { electronic: 4, paper: 3, oral: 1, reception: 1 });
      assert.equal(c.reception.label, 'На личном приёме');
      const m = await by('month');
      assert.deepEqual(Object.fromEntries(Object.entries(m).map(([k, v]: [string, Json]) => [k, v.received])), { '2026-05': 4, '2026-06': 3, '2026-07': 2 });
      // filters narrow every figure the same way
      const heatAba = (await get(`/api/v1/monitoring/figures?${period}&topicId=${topics.HOUSING}&territoryId=${territories['KZ-35-ABA']}`)).body.totals;
      assert.equal(heatAba.received, 3);
      assert.equal((await get(`/api/v1/monitoring/figures?${period}&channel=paper&month=2026-05`)).body.totals.received, 2);
    });

    test('every figure drills down to exactly the cases it counts', async () => {
      for (const [figure, n] of Object.entries(expected)) {
        if (figure === 'returns') continue; // returns are events; their appeals are `returned`
        const res = await get(`/api/v1/monitoring/cases?${period}&figure=${figure}`);
        assert.equal(res.status, 200);
        assert.equal(res.body.total, n, figure);
        assert.equal(res.body.items.length, n, figure);
      }
      const overdue = (await get(`/api/v1/monitoring/cases?${period}&figure=overdue`)).body.items;
      assert.deepEqual(overdue.map((c: Json) => c.number), ['A1', 'R1', 'B4']); // most urgent (earliest due) first
      const b4 = overdue.find((c: Json) => c.number === 'B4');
      assert.equal(b4.deemedRefusedOn, '2026-06-22');
      assert.equal(b4.executorId, executor);
      assert.match(b4.bodyName, /Бухар-жырау/i);
      const returned = (await get(`/api/v1/monitoring/cases?${period}&figure=returned&bodyId=${bodies['KRG-BZH']}`)).body;
      assert.deepEqual(returned.items.map((c: Json) => c.number), ['B3']);
    });

    test('the dashboard counts open, due soon and overdue as the worklists do', async () => {
      const scope = { all: false, bodies: [bodies['KRG-BZH']!, bodies['KRG-ABA']!, bodies['KRG-BZH-BOT']!], subdivisions: [] };
      const c = await counters(app.database.db, scope, '2026-07-15', '2026-07-20');
      const all = (await get('/api/v1/monitoring/figures?from=2000-01-01&to=2026-07-15')).body.totals;
      assert.equal(all.overdue, c.overdue);
      assert.equal(all.dueSoon, c.dueSoon);
    });

    test('returns for rework per body and executor (REG p.5(5))', async () => {
      const rows = (await get(`/api/v1/monitoring/returns?${period}`)).body;
      assert.deepEqual(rows.map((r: Json) => [r.bodyId, r.executorId, r.returns, r.appeals]), [[bodies['KRG-BZH'], executor, 2, 1], [bodies['KRG-ABA'], null, 1, 1]]);
    });

    test('every chart exports its data as CSV and XLSX', async () => {
      const res = await get(`/api/v1/monitoring/export?${period}&chart=figures&groupBy=channel`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /text\/csv/);
      assert.match(String(res.headers['content-disposition']), /monitoring-figures-channel-2026-05-01-2026-07-15\.csv/);
      const rows = parseCsv(res.raw.toString('utf8')).map((r) => r.cells);
      assert.equal(rows[0]![2], 'Поступило');
      assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[5]]), [['electronic', '4', '0'], ['oral', '1', '1'], ['paper', '3', '1'], ['reception', '1', '1']]);
      const fair = parseCsv((await get(`/api/v1/monitoring/export?${period}&chart=fair&by=body`)).raw.toString('utf8')).map((r) => r.cells);
      assert.equal(fair.length, 4);
      const xlsx = await get(`/api/v1/monitoring/export?${period}&chart=topics&format=xlsx`);
      assert.equal(xlsx.status, 200);
      assert.equal(xlsx.raw.subarray(0, 2).toString(), 'PK');
    });

    test('fair indicators: raw per 1,000 beside the damped, case-mix-adjusted ratio', async () => {
      const res = (await get(`/api/v1/monitoring/fair?${period}&by=body`)).body;
      // topic late rates over all three bodies: water 2/4, heat 2/4, roads 0/1; 4 late of 9 overall
      assert.equal(res.overallPer1000, 444.4);
      const row = Object.fromEntries(res.rows.map((r: Json) => [r.key, r]));
      const bzh = row[bodies['KRG-BZH']!], aba = row[bodies['KRG-ABA']!], bot = row[bodies['KRG-BZH-BOT']!];
      assert.deepEqual([bzh.received, bzh.late, bzh.latePer1000, bzh.expectedLate, bzh.adjustedRatio, bzh.adjustedPer1000], [5, 2, 400, 2, 1, 444.4]);
      assert.deepEqual([aba.latePer1000, aba.expectedLate, aba.adjustedRatio, aba.adjustedPer1000], [333.3, 1.5, 0.957, 425.1]); // (1+10)/(1.5+10)
      assert.deepEqual([bot.latePer1000, bot.expectedLate, bot.adjustedRatio, bot.adjustedPer1000, bot.reliable], [1000, 0.5, 1.048, 465.6, false]); // (1+10)/(0.5+10)
      // a body with three appeals, all late, does not top a large body that is late twice as often as the others
      const table = fairIndicators([
        { key: 'small', topicId: 't', received: 3, late: 3 },
        { key: 'large', topicId: 't', received: 1000, late: 200 },
        { key: 'other', topicId: 't', received: 1000, late: 100 },
      ]).rows;
      assert.deepEqual(table.map((r) => r.key), ['large', 'small', 'other']);
      assert.equal(table.find((r) => r.key === 'small')!.latePer1000, 1000);
      // the case mix: a body with only the hard topic is compared with that topic, not with the easy one
      const mix = fairIndicators([
        { key: 'heat', topicId: 'heat', received: 100, late: 40 },
        { key: 'other', topicId: 'heat', received: 100, late: 40 },
        { key: 'other', topicId: 'land', received: 100, late: 0 },
      ]).rows;
      assert.equal(mix.find((r) => r.key === 'heat')!.adjustedRatio, 1);
    });

    test('rising topics against the same period a year before, with the minimum base', async () => {
      assert.equal(growth(3, 1), 0.2);
      assert.equal(isRising(3, 1), false);
      const res = (await get('/api/v1/monitoring/topics?from=2026-01-01&to=2026-06-30')).body;
      assert.equal(res.comparedFrom, '2025-01-01');
      const water = res.rows.find((r: Json) => r.territoryId === territories['KZ-35-BZH'] && r.topicId === topics['HOUSING.WATER']);
      assert.deepEqual([water.volume, water.previous, water.growth, water.rising, water.problem], [40, 8, 3.2, true, true]);
      const roads = res.rows.find((r: Json) => r.territoryId === territories['KZ-35-ABA'] && r.topicId === topics['ROADS.REPAIR']);
      assert.deepEqual([roads.volume, roads.previous, roads.growth, roads.rising], [3, 1, 0.2, false]);
      assert.deepEqual(res.rows.filter((r: Json) => r.rising).length, 1);
      assert.equal(res.rows[0].topicId, topics['HOUSING.WATER']);
    });

    let cardId = '';
    test('AT-36: the content analysis forms the card of District N / water supply with its 40 appeals', async () => {
      const refresh = await call({ method: 'POST', url: '/api/v1/monitoring/problem-cards/refresh', as: 'monitoring', payload: { from: '2026-01-01', to: '2026-06-30' } });
      assert.equal(refresh.status, 200, JSON.stringify(refresh.body));
      assert.equal(refresh.body.cards.length, 1);
      assert.equal(refresh.body.cards[0].created, true);
      cardId = refresh.body.cards[0].id;
      const card = (await get(`/api/v1/monitoring/problem-cards/${cardId}`)).body;
      assert.equal(card.territoryId, territories['KZ-35-BZH']);
      assert.equal(card.topicId, topics['HOUSING.WATER']);
      assert.deepEqual([card.volume, card.previousVolume, card.trend, card.appeals.length], [40, 8, 'up', 40]);
      assert.deepEqual(card.bodies.map((b: Json) => b.id), [bodies['KRG-BZH']]);
      assert.deepEqual(card.history.map((h: Json) => h.action), ['created']);
      // a second refresh finds nothing new: the same card, no new history
      const again = await call({ method: 'POST', url: '/api/v1/monitoring/problem-cards/refresh', as: 'monitoring', payload: { from: '2026-01-01', to: '2026-06-30' } });
      assert.deepEqual(again.body.cards, [{ id: cardId, created: false }]);
      const list = (await get('/api/v1/monitoring/problem-cards?from=2026-01-01')).body;
      assert.equal(list.length, 1);
      assert.equal(list[0].appeals.length, 3); // example cases
    });

    test('the department records measures and status; others may not; a stale version is refused', async () => {
      const card = (await get(`/api/v1/monitoring/problem-cards/${cardId}`)).body;
      const ok = await call({ method: 'PATCH', url: `/api/v1/monitoring/problem-cards/${cardId}`, as: 'monitoring', payload: { version: card.version, measures: 'Замена водовода по ул. Абая, срок — август', status: 'in_progress' } });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'in_progress');
      assert.deepEqual(ok.body.history.map((h: Json) => h.action), ['created', 'measures_changed', 'status_changed']);
      const stale = await call({ method: 'PATCH', url: `/api/v1/monitoring/problem-cards/${cardId}`, as: 'monitoring', payload: { version: card.version, status: 'resolved' } });
      assert.equal(stale.status, 409);
      const head = await call({ method: 'PATCH', url: `/api/v1/monitoring/problem-cards/${cardId}`, as: 'body_head', payload: { version: ok.body.version, status: 'resolved' } });
      assert.equal(head.status, 403);
      const bad = await call({ method: 'PATCH', url: `/api/v1/monitoring/problem-cards/${cardId}`, as: 'monitoring', payload: { version: ok.body.version, status: 'closed' } });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.errors.some((e: Json) => e.field.endsWith('status')));
    });

    test('access: reporting scope decides what a dashboard shows', async () => {
      assert.equal((await get(`/api/v1/monitoring/figures?${period}`, 'executor')).status, 403);
      assert.equal((await get(`/api/v1/monitoring/cases?${period}`, 'executor')).status, 403);
      // the district akim reports on the district akimat only, and not on the neighbouring district's
      const own = (await get(`/api/v1/monitoring/figures?${period}`, 'body_head')).body;
      assert.equal(own.totals.received, 5);
      assert.equal((await get(`/api/v1/monitoring/figures?${period}&bodyId=${bodies['KRG-ABA']}`, 'body_head')).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/monitoring/figures?${period}` })).status, 401);
      const bad = await get('/api/v1/monitoring/figures?from=2026-07-01&to=2026-06-01');
      assert.equal(bad.status, 400);
    });

    test('the six-monthly analytical note (REG p.7(6)) is a report run whose DOCX carries the figures and the card', async () => {
      const start = await call({ method: 'POST', url: '/api/v1/report-runs', as: 'monitoring', payload: { kind: 'analytical_note', params: { bodyId: bodies['KRG-APP'], year: 2026, half: 1 }, lang: 'ru' } });
      assert.equal(start.status, 202, JSON.stringify(start.body));
      let run: Json;
      for (let i = 0; i < 500; i++) {
        run = (await get(`/api/v1/report-runs/${start.body.id}`)).body;
        if (run.state === 'done' || run.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(run.state, 'done', JSON.stringify(run));
      assert.equal(run.progress, 1);
      const file = await get(`/api/v1/report-runs/${start.body.id}/file`);
      assert.equal(file.status, 200);
      const xml = unzip(Buffer.from(file.raw), 'word/document.xml');
      const text = xml.replace(/<[^>]+>/g, '');
      // H1 2026: B1 B2 B3 B4 A1 A2 R1, 37 water of B, 3 roads of A = 47; H1 2025: 8 water, 1 roads = 9
      assert.match(text, /поступило 47 обращений; за аналогичный период прошлого года — 9 \(\+38\)/);
      assert.match(text, /Аналитическая записка .* за первое полугодие 2026 года/);
      assert.match(text, /ответы возвращались на доработку 3 раз по 2 обращениям/);
      assert.match(text, /Замена водовода по ул\. Абая/); // the card with its measures
      assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/); // A4
      // the same draft in Kazakh and in English
      for (const [lang, sentence] of [['kk', /органдарға 47 өтініш түсті; өткен жылдың осындай кезеңінде — 9 \(\+38\)/], ['en', /the bodies received 47 appeals; in the same period a year before, 9 \(\+38\)/]] as const) {
        const r = await call({ method: 'POST', url: '/api/v1/report-runs', as: 'monitoring', payload: { kind: 'analytical_note', params: { bodyId: bodies['KRG-APP'], year: 2026, half: 1 }, lang } });
        let state = '';
        for (let i = 0; i < 500 && state !== 'done' && state !== 'failed'; i++) {
          state = (await get(`/api/v1/report-runs/${r.body.id}`)).body.state;
          if (state !== 'done') await new Promise((res) => setTimeout(res, 20));
        }
        assert.equal(state, 'done');
        const f = await get(`/api/v1/report-runs/${r.body.id}/file`);
        assert.match(unzip(Buffer.from(f.raw), 'word/document.xml').replace(/<[^>]+>/g, ''), sentence);
      }
      // a bad request changes nothing
      const bad = await call({ method: 'POST', url: '/api/v1/report-runs', as: 'monitoring', payload: { kind: 'analytical_note', params: { bodyId: bodies['KRG-APP'], year: 2026, half: 3 } } });
      assert.equal(bad.status, 400);
      assert.equal((await call({ method: 'POST', url: '/api/v1/report-runs', as: 'executor', payload: { kind: 'analytical_note', params: { bodyId: bodies['KRG-APP'], year: 2026, half: 1 } } })).status, 403);
      // a district akim reads their own body's reports, but the note would cover the rural akims below it
      assert.equal((await call({ method: 'POST', url: '/api/v1/report-runs', as: 'body_head', payload: { kind: 'analytical_note', params: { bodyId: bodies['KRG-BZH'], year: 2026, half: 1 } } })).status, 403);
    });
  });
}

for (const { engine, skip } of ENGINES) {
  describe(`the demo year for the dashboards [${engine}]`, { skip }, () => {
    let app: App;
    const now = new Date('2026-07-15T05:00:00Z');
    let monitoring: { authorization: string };
    let result: Awaited<ReturnType<typeof seedDemoYear>>;
    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      monitoring = await signIn(app, 'monitoring');
      result = await seedDemoYear(app.database.db, { today: '2026-07-15', calendar: (await app.calendar.current()).calendar, perYear: 1500 });
    });
    after(async () => app?.close());
    const get = async (url: string) => (await app.server.inject({ method: 'GET', url, headers: monitoring })).json() as Json;

    test('it writes appeals with intact case-event chains, consistent with the daily deemed-refusal job', async () => {
      const db = app.database.db;
      assert.deepEqual([result.from, result.to], ['2025-01-01', '2026-07-14']);
      const { n } = await db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).where('number', 'like', 'DEMO-%').executeTakeFirstOrThrow();
      assert.equal(Number(n), result.appeals);
      assert.ok(result.appeals > 1500, String(result.appeals));
      assert.deepEqual((await verifyCaseEvents(db)).breaks, []);
      // open past the term without the legal fact of APC 91(2): none, as after the daily job
      const missing = await db.selectFrom('appeal').select('id').where('closed_at', 'is', null).where('decided_at', 'is', null).where('due', '<', '2026-07-15').where('deemed_refused_on', 'is', null).execute();
      assert.equal(missing.length, 0);
      await assert.rejects(seedDemoYear(db, { today: '2026-07-15', calendar: (await app.calendar.current()).calendar }), /already loaded/);
    });

    test('seasons, a chronically late body and the water problem of one district show on the dashboards', async () => {
      const topics = Object.fromEntries((await app.database.db.selectFrom('topic').select(['id', 'code']).execute()).map((t) => [t.code, t.id]));
      const heat = async (from: string, to: string) => (await get(`/api/v1/monitoring/figures?from=${from}&to=${to}&topicId=${topics['HOUSING.HEAT']}`)).totals.received;
      assert.ok((await heat('2026-01-01', '2026-01-31')) > 3 * (await heat('2025-07-01', '2025-07-31')));
      const fair = await get('/api/v1/monitoring/fair?from=2025-01-01&to=2026-06-30&by=body');
      const bodies = Object.fromEntries((await app.database.db.selectFrom('body').select(['id', 'code']).execute()).map((b) => [b.code, b.id]));
      assert.equal(fair.rows[0].key, bodies['KRG-ABA']); // the late body tops the fair table
      const rising = await get('/api/v1/monitoring/topics?from=2026-01-01&to=2026-06-30');
      assert.equal(rising.rows[0].topicId, topics['HOUSING.WATER']);
      assert.equal(rising.rows[0].rising, true);
      const cards = await get('/api/v1/monitoring/problem-cards?from=2026-01-01&to=2026-06-30');
      assert.ok(cards.some((c: Json) => c.topicId === topics['HOUSING.WATER'] && c.bodies.some((b: Json) => b.id === bodies['KRG-BZH']) && c.volume >= 30));
      assert.ok(cards.every((c: Json) => c.growth >= 0.25), 'only rising topics become problem cards, not every busy one');
      const returns = await get('/api/v1/monitoring/figures?from=2025-01-01&to=2026-07-14');
      assert.ok(returns.totals.returns > 0 && returns.totals.underControl > returns.totals.returned);
    });
  });
}
