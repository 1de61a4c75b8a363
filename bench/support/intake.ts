/**
 * Intake throughput through the HTTP API against raw single-row INSERTs through the same driver, in one run.
 *
 * API: `POST /api/v1/appeals/register` over a real loopback socket, as the demo registrar, `concurrency`
 * requests in flight: validation, access check, registration number, three stored deadlines with their
 * explanation, the hash-chained case event, the outbox notice, the ticket.
 * Raw: `insert into bench_raw_appeal values (...)`, one row per statement, autocommit, the same concurrency,
 * through the same pool (node-postgres); the row is a copy of an appeal row the API wrote (same columns, same
 * bytes; a fresh id and number). Each side runs `runs` times for `seconds`, alternating; medians are reported.
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

    // the raw side's row: a copy of what the API wrote
    await register();
    await app.database.pool.query('create table bench_raw_appeal (like appeal including defaults)');
    const { rows: [template] } = await app.database.pool.query('select * from appeal limit 1');
    const columns = Object.keys(template as object);
    const insert = `insert into bench_raw_appeal (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    let seq = 0;
    const raw = async () => {
      const row: Record<string, unknown> = { ...(template as Record<string, unknown>), id: randomUUID(), number: `RAW-${++seq}` };
      await app.database.pool.query(insert, columns.map((c) => { const v = row[c]; return v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v; }));
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
    await measure(register);
    await measure(raw);
    const api: number[] = [];
    const rawRates: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      api.push(await measure(register));
      rawRates.push(await measure(raw));
    }
    const apiRate = median(api);
    const rawRate = median(rawRates);
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
