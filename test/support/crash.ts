/**
 * Nothing acknowledged is lost, also across `kill -9` (DESIGN budgets; issue 14). Runs the real server
 * (`node bin/tynda.mjs serve`) on a fresh PostgreSQL database, files appeals from several signed-in applicants
 * concurrently, each with its own Idempotency-Key, and kills the server with SIGKILL at random moments. After
 * each kill the server is started again and every request that got no answer is sent again with the same key
 * and the same body, until every key has its ticket. Then it checks the database:
 *  - every acknowledged ticket exists, exactly once, with the number it was acknowledged with;
 *  - one appeal per key: no retry created a second one;
 *  - each appeal has its `registered` case event and its `appeal_registered` notice (the outbox);
 *  - every hash chain is intact (`verifyCaseEvents`).
 * Used by test/crash.test.ts (a short run in CI) and bench/crash.ts (a long run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { openDatabase } from '../../src/platform/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tynda = path.join(root, 'bin/tynda.mjs');

export interface CrashOptions {
  /** an admin URL of a PostgreSQL server; a fresh database is created on it and dropped afterwards */
  adminUrl: string;
  kills: number;
  /** requests in flight at once */
  concurrency: number;
  applicants: number;
  /** a kill comes this long (ms, uniformly random) after the server answers again */
  killAfterMs: [number, number];
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  keys: number;
  acknowledged: number;
  /** requests that got no answer (connection reset by the kill) and were sent again */
  retried: number;
  /** acknowledgements of a key already acknowledged (a retry answered with the first ticket) */
  repeatedAcks: number;
  appeals: number;
  violations: string[];
  seconds: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  output: () => string;
}

export async function crashRun(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const name = `crash_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: options.adminUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    TYNDA_DATA_DIR: dataDir,
    TYNDA_DEMO: 'on',
    // a load test: the limits on intake per applicant would only slow it down
    TYNDA_RATE_LIMITS: 'off',
    TYNDA_JOBS: 'off',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  let server: Server | undefined;

  const start = async (): Promise<Server> => {
    const child = spawn(process.execPath, [tynda, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c) => (out = (out + c).slice(-20_000)));
    child.stderr!.on('data', (c) => (out = (out + c).slice(-20_000)));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${out}`);
      try {
        if ((await fetch(`${base}/api/health`)).ok) return { child, output: () => out };
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`serve did not answer in 90 s: ${out}`);
      await sleep(100);
    }
  };
  const kill = async (s: Server) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return;
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGKILL');
    await exited;
  };

  try {
    server = await start();
    // applicants sign in with one-time codes, which the demo writes to TYNDA_DATA_DIR/outbox
    const tokens: string[] = [];
    for (let i = 0; i < options.applicants; i++) {
      const address = `crash${i}@example.kz`;
      const sent = await fetch(`${base}/api/v1/auth/otp/request`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'email', address }) });
      if (sent.status !== 202) throw new Error(`otp request: ${sent.status} ${await sent.text()}`);
      const outbox = path.join(dataDir, 'outbox');
      const mine = fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), 'utf8')).filter((t) => t.startsWith(`To: ${address}\n`));
      const code = /\b(\d{6})\b/.exec(mine.at(-1) ?? '')?.[1];
      const res = await fetch(`${base}/api/v1/auth/otp/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'email', address, code }) });
      if (res.status !== 200) throw new Error(`otp verify: ${res.status} ${await res.text()}`);
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const bodyId = await (async () => {
      const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
      try {
        return (await db.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
      } finally {
        await db.close();
      }
    })();

    interface Key { key: string; applicant: number; essence: string }
    const acked = new Map<string, { id: string; number: string }>();
    const violations: string[] = [];
    let retried = 0;
    let repeatedAcks = 0;
    let issued = 0;
    const retry: Key[] = [];
    let running = true;

    const file = async (k: Key): Promise<boolean> => {
      let res: Response;
      try {
        res = await fetch(`${base}/api/v1/appeals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[k.applicant]}`, 'idempotency-key': k.key },
          body: JSON.stringify({ bodyId, type: 'application', language: 'ru', essence: k.essence, applicant: { kind: 'individual', name: `Заявитель ${k.applicant}`, email: `crash${k.applicant}@example.kz` } }),
          signal: AbortSignal.timeout(30_000),
        });
      } catch {
        return false; // no answer: the server died under it
      }
      if (res.status !== 200 && res.status !== 201) {
        const text = await res.text();
        // a 5xx while the server is dying is no answer either; anything else is a defect
        if (res.status >= 500) return false;
        violations.push(`key ${k.key}: ${res.status} ${text.slice(0, 200)}`);
        return true;
      }
      const ticket = (await res.json()) as { id: string; number: string };
      const first = acked.get(k.key);
      if (first) {
        repeatedAcks++;
        if (first.id !== ticket.id || first.number !== ticket.number) violations.push(`key ${k.key}: acknowledged twice with different tickets ${first.number} / ${ticket.number}`);
      } else acked.set(k.key, ticket);
      return true;
    };

    const workerLoop = async (w: number) => {
      while (running) {
        const k: Key = retry.shift() ?? { key: randomUUID(), applicant: (issued + w) % options.applicants, essence: `Обращение ${++issued}: прошу проверить` };
        const answered = await file(k);
        if (!answered) {
          retried++;
          retry.push(k);
          await sleep(50);
        } else if (Math.random() < 0.05) {
          // now and then a client repeats an acknowledged request anyway
          await file(k);
        }
      }
    };

    const workers = Array.from({ length: options.concurrency }, (_, w) => workerLoop(w));
    for (let kills = 0; kills < options.kills; kills++) {
      const [lo, hi] = options.killAfterMs;
      await sleep(lo + Math.random() * (hi - lo));
      await kill(server);
      log(`kill ${kills + 1}: ${acked.size} acknowledged, ${retry.length} waiting for retry`);
      server = await start();
    }
    await sleep(options.killAfterMs[0]);
    running = false;
    await Promise.all(workers);
    // every request without an answer is sent again until it has one
    for (let round = 0; retry.length && round < 20; round++) {
      const pending = retry.splice(0);
      for (const k of pending) if (!(await file(k))) retry.push(k);
    }
    if (retry.length) violations.push(`${retry.length} requests never answered`);
    await kill(server);
    server = undefined;

    // the checks, on the database itself
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    let appeals = 0;
    try {
      const rows = await db.db.selectFrom('appeal').select(['id', 'number', 'idempotency_key', 'applicant_id', 'event_count']).execute();
      appeals = rows.length;
      const byKey = new Map<string, number>();
      for (const r of rows) byKey.set(`${r.applicant_id}|${r.idempotency_key}`, (byKey.get(`${r.applicant_id}|${r.idempotency_key}`) ?? 0) + 1);
      for (const [k, n] of byKey) if (n > 1) violations.push(`${n} appeals for one key ${k}`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [key, t] of acked) {
        const row = byId.get(t.id);
        if (!row) violations.push(`acknowledged ticket ${t.number} (key ${key}) is missing`);
        else if (row.number !== t.number || row.idempotency_key !== key) violations.push(`ticket ${t.number}: stored as ${row.number} with key ${row.idempotency_key}`);
      }
      if (rows.length !== acked.size) violations.push(`${rows.length} appeals stored, ${acked.size} keys acknowledged`);
      const registered = new Set((await db.db.selectFrom('case_event').select('case_id').where('case_type', '=', 'appeal').where('seq', '=', 1).where('action', '=', 'registered').execute()).map((e) => e.case_id));
      const noticed = new Set((await db.db.selectFrom('notice').select('subject_id').where('subject_type', '=', 'appeal').where('type', '=', 'appeal_registered').execute()).map((n) => n.subject_id));
      for (const r of rows) {
        if (!registered.has(r.id)) violations.push(`appeal ${r.number}: no registered event`);
        if (!noticed.has(r.id)) violations.push(`appeal ${r.number}: no appeal_registered notice`);
      }
      const chains = await verifyCaseEvents(db.db);
      for (const b of chains.breaks) violations.push(`chain broken: ${b.caseId} event ${b.seq}: ${b.problem}`);
    } finally {
      await db.close();
    }
    return { kills: options.kills, keys: acked.size + retry.length, acknowledged: acked.size, retried, repeatedAcks, appeals, violations, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    if (server) await kill(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`).catch(() => undefined);
  }
}
