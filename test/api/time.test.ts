/**
 * The public contract of the time engine over HTTP (DESIGN.md "Public contract"), on both database engines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  payload: JSON.stringify(body),
});

for (const { engine, skip } of ENGINES) {
  describe(`time engine API [${engine}]`, { skip }, () => {
    let app: Awaited<ReturnType<typeof testApp>>;
    let admin: { authorization: string };
    before(async () => {
      app = await testApp(engine);
      admin = await signIn(app, 'sysadmin');
    });
    after(async () => app?.close());
    // changing the calendar is the system administrator's (identity policy): every request here is made as one
    const inject = (options: InjectOptions) => app.server.inject({ ...options, headers: { ...admin, ...(options.headers as Record<string, string> | undefined) } });

    test('GET /api/health names the engine in use', async () => {
      const res = await inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual({ ...(res.json() as object), version: 'x' }, { status: 'ok', db: engine, version: 'x' });
    });

    test('POST /api/v1/deadlines/compute: APC 76(1) from 2025-03-20 gives the due date, the explanation and the citation', async () => {
      const res = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-76.1', from: '2025-03-20' }, { 'accept-language': 'ru' }) });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.term, 'APC-76.1');
      assert.equal(body.from, '2025-03-20');
      assert.equal(body.due, '2025-04-15');
      assert.equal(body.citation, 'APC 76(1)');
      assert.ok(body.explanation.some((s: { text: string }) => /Наурыз/.test(s.text)), 'the Nauryz holiday is named in Russian');
      assert.match(body.explanation.at(-2).text, /15/);
    });

    test('compute: an ISO timestamp is taken as its date in Asia/Almaty (23:30 UTC on 21.03 is 22.03 in Almaty)', async () => {
      const res = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-64.3', from: '2025-03-21T23:30:00Z' }) });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().from, '2025-03-22');
      assert.equal(res.json().due, '2025-03-26'); // #1: registration on the next working day
    });

    test('compute: per-request conventions are applied and echoed (A4: count from registration)', async () => {
      const res = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-76.1', from: '2025-03-22', conventions: { mainTermFrom: 'registration' } }) });
      assert.equal(res.json().due, '2025-04-16');
      assert.equal(res.json().conventions.mainTermFrom, 'registration');
    });

    test('bad input gets problem+json 400 with a stable code, a title in the asked language and per-field errors', async () => {
      const cases: [unknown, number, string, string?][] = [
        [{ term: 'APC-999.9', from: '2025-03-20' }, 400, 'unknown_term', 'body.term'],
        [{ term: 'APC-76.1', from: '2025-02-30' }, 400, 'validation', 'body.from'],
        [{ term: 'APC-76.1', from: 'tomorrow' }, 400, 'validation', 'body.from'],
        [{ term: 'APC-76.1' }, 400, 'validation', 'body.from'],
        [{ term: 'APC-76.1', from: '2031-01-10' }, 400, 'outside_calendar'],
        [{ term: 'APC-64.6', from: '2025-03-20' }, 400, 'term_not_computable'],
        [{ term: 'APC-76.1', from: '2025-03-20', extra: 1 }, 400, 'validation', 'body'],
      ];
      for (const [body, status, code, field] of cases) {
        for (const [lang, word] of [['kk', /[әғқңөұүһі]/i], ['ru', /[а-я]/i], ['en', /[a-z]/i]] as const) {
          const res = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json(body, { 'accept-language': lang }) });
          assert.equal(res.statusCode, status, JSON.stringify(body));
          assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
          const p = res.json();
          assert.equal(p.code, code);
          assert.equal(p.status, status);
          assert.match(p.title, word, `${lang} title: ${p.title}`);
          if (field) assert.ok(p.errors?.some((e: { field: string; message: string }) => e.field.startsWith(field) && e.message.length > 0), JSON.stringify(p.errors));
        }
      }
    });

    test('a malformed JSON body and an unknown route are problems too, never a 5xx', async () => {
      const bad = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', headers: { 'content-type': 'application/json' }, payload: '{"term": ' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'malformed_body');
      const missing = await inject({ method: 'GET', url: '/api/v1/nothing-here' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'route_not_found');
    });

    test('GET /api/v1/terms lists every term with its citation and texts in kk, ru, en', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/terms' });
      const { terms } = res.json();
      assert.ok(terms.length >= 100);
      const main = terms.find((t: { id: string }) => t.id === 'APC-76.1');
      assert.equal(main.amount, 15);
      assert.equal(main.unit, 'working_days');
      for (const t of terms) for (const l of ['kk', 'ru', 'en']) assert.ok(t.description[l], `${t.id} ${l}`);
    });

    test('GET /api/v1/calendar/2025: 246 working days, the holidays, carry-overs and the transfer', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/calendar/2025' });
      assert.equal(res.statusCode, 200);
      const y = res.json();
      assert.equal(y.workingDays, 246);
      assert.equal(y.complete, true);
      assert.ok(y.extraDaysOff.some((e: { date: string; type: string }) => e.date === '2025-03-10' && e.type === 'statutory_carry_over'));
      assert.deepEqual(y.workingWeekendDays.map((w: { date: string }) => w.date), ['2025-01-05']);
      assert.equal((await inject({ method: 'GET', url: '/api/v1/calendar/2031' })).statusCode, 404);
      assert.equal((await inject({ method: 'GET', url: '/api/v1/calendar/20x5' })).statusCode, 400);
    });

    test('PUT /api/v1/calendar/{year} applies to later computations; stored deadlines move only on an explicit recompute, which reports them', async () => {
      // a deadline a case relies on, stored before the change: 15 WD from Mon 2025-11-03 is Mon 2025-11-24
      const stored = await app.calendar.store(app.database.db, { type: 'test-case', id: 'C-1' }, 'APC-76.1', '2025-11-03');
      assert.equal(stored.due, '2025-11-24');

      const before = (await inject({ method: 'GET', url: '/api/v1/calendar/2025' })).json();
      const holidays = [...before.holidays, { date: '2025-11-10', name: { kk: 'Сынақ күні', ru: 'Тестовый день', en: 'Test day' }, kind: 'state', confirmed: true }];
      const put = await inject({ method: 'PUT', url: '/api/v1/calendar/2025', ...json({ complete: true, holidays, transfers: before.transfers }) });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().workingDays, 245);

      const fresh = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-76.1', from: '2025-11-03' }) });
      assert.equal(fresh.json().due, '2025-11-25', 'a computation after the change uses it');
      const row = await app.database.db.selectFrom('deadline').select('due').where('id', '=', stored.id).executeTakeFirstOrThrow();
      assert.equal(row.due, '2025-11-24', 'the stored deadline keeps its date');

      const dry = (await inject({ method: 'POST', url: '/api/v1/deadlines/recompute', ...json({ dryRun: true }) })).json();
      assert.deepEqual(dry.moved.map((m: { id: number; oldDue: string; newDue: string }) => [m.id, m.oldDue, m.newDue]), [[stored.id, '2025-11-24', '2025-11-25']]);
      assert.equal((await app.database.db.selectFrom('deadline').select('due').where('id', '=', stored.id).executeTakeFirstOrThrow()).due, '2025-11-24', 'a dry run changes nothing');

      const real = (await inject({ method: 'POST', url: '/api/v1/deadlines/recompute', ...json({}) })).json();
      assert.equal(real.moved.length, 1);
      assert.equal((await app.database.db.selectFrom('deadline').select('due').where('id', '=', stored.id).executeTakeFirstOrThrow()).due, '2025-11-25');
      const again = (await inject({ method: 'POST', url: '/api/v1/deadlines/recompute', ...json({}) })).json();
      assert.equal(again.moved.length, 0, 'a second recompute finds nothing to move');

      const audit = await app.database.db.selectFrom('audit_event').select(['action', 'subject_id']).where('action', 'in', ['calendar.year_changed', 'deadlines.recomputed']).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => a.action), ['calendar.year_changed', 'deadlines.recomputed', 'deadlines.recomputed'], 'each change and each real recompute is audited; dry runs are not');
    });

    test('PUT: an inconsistent year is refused with per-field errors and changes nothing; a year that leaves a gap is refused', async () => {
      const before = (await inject({ method: 'GET', url: '/api/v1/calendar/2026' })).json();
      const bad = await inject({
        method: 'PUT',
        url: '/api/v1/calendar/2026',
        ...json({ complete: true, holidays: before.holidays, transfers: [{ dayOff: '2026-03-07', workedOn: '2026-03-09', act: 'Order X' }] }, { 'accept-language': 'en' }),
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'calendar_invalid');
      assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field).sort(), ['body.transfers.0.dayOff', 'body.transfers.0.workedOn']);
      const afterwards = (await inject({ method: 'GET', url: '/api/v1/calendar/2026' })).json();
      assert.equal(afterwards.revision, before.revision);

      const gap = await inject({ method: 'PUT', url: '/api/v1/calendar/2030', ...json({ complete: false, holidays: [], transfers: [] }) });
      assert.equal(gap.statusCode, 409);
      assert.equal(gap.json().code, 'calendar_not_adjacent');
    });

    test('PUT adds the next year: a deadline that reached past the calendar can then be computed', async () => {
      const outside = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-76.1', from: '2027-12-28' }) });
      assert.equal(outside.json().code, 'outside_calendar');
      const put = await inject({
        method: 'PUT',
        url: '/api/v1/calendar/2028',
        ...json({ complete: false, holidays: [{ date: '2028-01-01', name: { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' }, kind: 'state' }, { date: '2028-01-02', name: { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' }, kind: 'state' }] }),
      });
      assert.equal(put.statusCode, 200, put.body);
      // 1–2 January 2028 fall on Saturday and Sunday: Law 267 art. 5 moves two days off, to Mon 3 and Tue 4 January
      assert.deepEqual(put.json().extraDaysOff.map((e: { date: string }) => e.date), ['2028-01-03', '2028-01-04']);
      const res = await inject({ method: 'POST', url: '/api/v1/deadlines/compute', ...json({ term: 'APC-76.1', from: '2027-12-28' }) });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().warnings.some((w: { code: string }) => w.code === 'calendar_year_incomplete'));
    });

    test('OpenAPI 3 at /api/openapi.json documents every endpoint; Swagger UI at /api/docs', async () => {
      const doc = (await inject({ method: 'GET', url: '/api/openapi.json' })).json();
      assert.match(doc.openapi, /^3\./);
      for (const p of ['/api/health', '/api/v1/terms', '/api/v1/deadlines/compute', '/api/v1/deadlines/recompute', '/api/v1/calendar/{year}']) assert.ok(doc.paths[p], p);
      const ui = await inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(ui.statusCode, 200);
    });
  });
}
