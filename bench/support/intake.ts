/**
 * Intake throughput through the HTTP API against raw single-row INSERTs through the same driver, in one run.
 *
 * API: `POST /api/v1/appeals/register` over a real loopback socket, as the demo registrar, `concurrency`
 * requests in flight: validation, access check, registration number, three stored deadlines with their
 * explanation, the hash-chained case event, the outbox notice, the ticket.
 * Raw: `insert into bench_raw_appeal values (...)`, one row per statement, autocommit, the same concurrency,
 * through the same pool (node-postgres), into a table like `appeal` with its indexes; the row is a copy of an
 * appeal row the API wrote (same columns, same bytes; a fresh id and number).
 * Two figures explain the ratio: the same nine rows one registration writes, one INSERT each in one transaction
 * without the API (`raw_registration_rows_per_s`), and `GET /api/health` (one `select 1`), the floor of any call.
 * Each side runs `runs` times for `seconds`, alternating; medians are reported.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.ts';
import { demoLogins } from '../../src/modules/identity/demo.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { machine, median, round } from './common.ts';

export interface IntakeOptions {
  engine: 'postgres' | 'pglite';
  databaseUrl?: string;
  seconds: number;
  runs: number;
  concurrency: number;
}

export async function intakeBench(o: IntakeOptions): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-bench-'));
  const app = await createApp(loadConfig({
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
    TYNDA_DATA_DIR: dataDir, TYNDA_DEMO: 'on', TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_RATE_LIMITS: 'off',
  }));
  try {
    const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
    const login = (await demoLogins()).registrar!;
    const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
    const signIn = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    const { token } = (await signIn.json()) as { token: string };
    const body = await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow();
    const receivedAt = new Date().toISOString();
    const payload = JSON.stringify({
      bodyId: body.id, type: 'application', channel: 'paper', language: 'ru', summary: 'Ремонт крыши',
      essence: 'Прошу отремонтировать крышу дома по ул. Абая, 10: протекает в трёх квартирах третий месяц, управляющая компания не отвечает.',
      applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', email: 'ivanov@example.kz', phone: '+7 701 000 00 00' },
      signed: true, filedOn: receivedAt.slice(0, 10), receivedAt,
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const register = async () => {
      const res = await fetch(`${address}/api/v1/appeals/register`, { method: 'POST', headers, body: payload });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    // the raw sides: copies of what the API wrote, into tables like the real ones with their indexes
    await register();
    const pool = app.database.pool;
    const copyOf = async (table: string, where: string) => {
      await pool.query(`create table bench_raw_${table} (like ${table} including all)`);
      // generated columns and identities are the database's to write
      const { rows: cols } = await pool.query<{ name: string; json: boolean }>(
        `select attname as name, atttypid in ('json'::regtype, 'jsonb'::regtype) as json from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' and attidentity <> 'a' order by attnum`, [table]);
      const columns = cols.map((c) => c.name);
      const json = new Set(cols.filter((c) => c.json).map((c) => c.name));
      const { rows: [row] } = await pool.query(`select ${columns.join(', ')} from ${table} where ${where} limit 1`);
      const values = (fresh: Record<string, unknown>) => columns.map((c) => {
        const v = c in fresh ? fresh[c] : (row as Record<string, unknown>)[c];
        return json.has(c) && v !== null ? JSON.stringify(v) : v;
      });
      const sql = `insert into bench_raw_${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning *`;
      return { sql, values };
    };
    const appeal = await copyOf('appeal', 'true');
    let seq = 0;
    const raw = async () => {
      await pool.query(appeal.sql, appeal.values({ id: randomUUID(), number: `RAW-${++seq}` }));
    };

    // the same rows as one registration (counter, appeal, three deadlines, the case event, the notice, its
    // delivery and that one's event), one INSERT each, in one transaction: what the API writes, without the API
    const deadline = await copyOf('deadline', "subject_type = 'appeal'");
    const caseEvent = await copyOf('case_event', "case_type = 'appeal'");
    const notice = await copyOf('notice', "type = 'appeal_registered'");
    const delivery = await copyOf('notice_delivery', 'true');
    const deliveryEvent = await copyOf('notice_event', 'true');
    await pool.query('create table bench_raw_registration_counter (like registration_counter including all)');
    const rawRegistration = async () => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const id = randomUUID();
        for (const term of ['APC-76.1', 'APC-65.1', 'APC-76.3']) await client.query(deadline.sql, deadline.values({ subject_id: id, term_id: term }));
        // the body's counter is taken after the deadlines, as the API does (its lock is held to the commit)
        const { rows: [counter] } = await client.query<{ last: number }>(
          `insert into bench_raw_registration_counter (body_id, year, last) values ($1, 2000, 1)
           on conflict (body_id, year) do update set last = bench_raw_registration_counter.last + 1 returning last`, [body.id]);
        await client.query(appeal.sql, appeal.values({ id, number: `RAWTX-${counter!.last}` }));
        await client.query(caseEvent.sql, caseEvent.values({ case_id: id }));
        const noticeId = randomUUID();
        await client.query(notice.sql, notice.values({ id: noticeId, subject_id: id }));
        const { rows: [d] } = await client.query<{ id: number }>(delivery.sql, delivery.values({ notice_id: noticeId }));
        await client.query(deliveryEvent.sql, deliveryEvent.values({ delivery_id: d!.id }));
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    };
    // the floor of any API call on this machine: the cheapest route, no database
    const health = async () => {
      const res = await fetch(`${address}/api/health`);
      await res.arrayBuffer();
    };

    const measure = async (op: () => Promise<void>): Promise<number> => {
      let done = 0;
      const end = performance.now() + o.seconds * 1000;
      const start = performance.now();
      await Promise.all(Array.from({ length: o.concurrency }, async () => {
        while (performance.now() < end) {
          await op();
          done++;
        }
      }));
      return done / ((performance.now() - start) / 1000);
    };
    // warm-up: JIT, plans, the calendar cache
    for (const op of [register, raw, rawRegistration, health]) await measure(op);
    const api: number[] = [];
    const rawRates: number[] = [];
    const rawTx: number[] = [];
    const floor: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      api.push(await measure(register));
      rawRates.push(await measure(raw));
      rawTx.push(await measure(rawRegistration));
      floor.push(await measure(health));
    }
    const apiRate = median(api);
    const rawRate = median(rawRates);
    const rawTxRate = median(rawTx);
    const registered = await app.database.pool.query<{ n: number; numbers: number; last: number }>(
      `select count(*)::int as n, count(distinct number)::int as numbers, (select sum(last)::int from registration_counter) as last from appeal`);
    return {
      bench: o.engine === 'postgres' ? 'intake' : 'intake-pglite',
      engine: o.engine,
      runs: o.runs,
      seconds_per_run: o.seconds,
      concurrency: o.concurrency,
      api_appeals_per_s: round(apiRate, 1),
      raw_inserts_per_s: round(rawRate, 1),
      ratio: round(apiRate / rawRate, 3),
      raw_registration_rows_per_s: round(rawTxRate, 1),
      ratio_to_same_rows: round(apiRate / rawTxRate, 3),
      health_requests_per_s: round(median(floor), 1),
      api_runs_per_s: api.map((x) => round(x, 1)),
      raw_runs_per_s: rawRates.map((x) => round(x, 1)),
      appeals_registered: registered.rows[0]!.n,
      numbers_unique_and_gap_free: registered.rows[0]!.n === registered.rows[0]!.numbers && registered.rows[0]!.n === registered.rows[0]!.last,
      budget: o.engine === 'postgres' ? 'ratio >= 0.25 (DESIGN.md Budgets)' : 'none: tells where the embedded default stops being enough',
      ...(o.engine === 'postgres' ? { budget_met: apiRate / rawRate >= 0.25 } : {}),
      ...machine(),
    };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
