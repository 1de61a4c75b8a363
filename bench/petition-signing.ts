/**
 * Petition signing under concurrent load (APC 90-3(1): one signature per citizen, certified by EDS). Starts a real
 * Tynda on a real PostgreSQL on the loopback (DATABASE_URL's server, or a throwaway one started like scripts/test.mjs
 * does; with neither, prints why and exits 0), posts a petition, gives every test citizen an EDS certificate of a
 * test CA in the app's trust store, and fires N distinct signers plus duplicates over HTTP at once, each request
 * carrying a CMS signature the signature port verifies. Prints one JSON line: signatures per second, accepted,
 * duplicates refused, lost, double counted, and whether the live count equals the number of distinct signers and
 * the signature rows. Exits 1 when a signature is lost or counted twice, a duplicate is not refused, any request
 * fails otherwise, or the count is wrong. Bounded: stops at 180 s.
 *   node --import tsx bench/petition-signing.ts [distinct=1000] [duplicates=250] [concurrency=50]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { checkDigit } from '../src/modules/identity/iin.ts';
import { petitionSigningContent } from '../src/modules/petitions/contract.ts';
import { signatureRows } from '../src/modules/petitions/queries.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db.ts';
import { makeCitizens } from '../test/support/eds.ts';

const [distinct = 1000, duplicates = 250, concurrency = 50] = process.argv.slice(2).map(Number);
const LIMIT_MS = 180_000;
const started = Date.now();
const out = (o: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'petition-signing', node: process.version, ...o }));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A throwaway PostgreSQL in a temporary directory on a free loopback port (as scripts/test.mjs). */
async function throwawayPostgres(): Promise<{ url: string; stop: () => void } | undefined> {
  const bin = [process.env.TYNDA_PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => d && fs.existsSync(path.join(d, 'initdb')));
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' }));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'tynda', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', path.join(dir, 'data'), '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-w', 'start']);
  return {
    url: `postgres://tynda@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {}
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function iins(count: number): string[] {
  const list: string[] = [];
  for (let i = 0; list.length < count; i++) {
    const base = `85${String(1 + Math.floor(i / 280_000) % 12).padStart(2, '0')}${String(1 + (Math.floor(i / 10_000) % 28)).padStart(2, '0')}3${String(i % 10_000).padStart(4, '0')}`;
    const c = checkDigit(base);
    if (c !== undefined) list.push(base + c);
  }
  return list;
}

const server = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: () => {} } : await throwawayPostgres();
if (!server) {
  out({ skipped: 'no PostgreSQL: set DATABASE_URL or install PostgreSQL binaries (initdb)' });
  process.exit(0);
}
const dbName = `tynda_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query(`create database ${dbName}`);
await admin.end();
const url = new URL(server.url);
url.pathname = `/${dbName}`;

const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 40 });
const citizens = await makeCitizens();
const config = loadConfig({ TYNDA_TRUST_DIR: citizens.trustDir, DATABASE_URL: url.toString(), TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_RATE_LIMITS: 'off', TYNDA_DEMO: 'on', TYNDA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-bench-')) });
const app = await createApp(config, { database, logger: pino({ level: 'silent' }) });
const timer = setTimeout(() => {
  out({ error: 'time limit reached', limitMs: LIMIT_MS });
  process.exit(1);
}, LIMIT_MS);

try {
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.server.address() as net.AddressInfo).port}`;
  // a petition to a district akimat, pre-supported and posted through the services (the API path is tested in test/api)
  const body = await database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow();
  const pa = { actor: 'bench', actors: ['petitions_authority' as const] };
  let p = await app.petitions.submit({ bodyId: body.id, language: 'ru', title: 'Бенчмарк', content: 'Нагрузочная проверка', proposals: '—', applicant: { name: 'Бенчмарк', iin: '950412400003', residence: '—', email: 'bench@example.com' }, channel: 'electronic' }, pa);
  const signers = iins(distinct + 50);
  for (const i of signers.slice(distinct)) await app.petitions.sign(p.id, { iin: i, name: 'pre', form: 'electronic' });
  p = await app.petitions.find(p.id);
  p = await app.petitions.act(p.id, p.version, { action: 'publish', population: 10_000_000 }, pa);
  const before = await app.petitions.count(p.id);
  // each citizen's EDS over the petition's signing content, made before the clock starts (a duplicate replays it)
  const content = petitionSigningContent(p.id);
  const signed = new Map<string, string>();
  for (const i of signers.slice(0, distinct)) signed.set(i, await citizens.sign(i, content));

  const work = [...signers.slice(0, distinct), ...signers.slice(0, duplicates)];
  // interleave duplicates with originals so both race
  for (let i = work.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [work[i], work[j]] = [work[j]!, work[i]!];
  }
  let accepted = 0;
  let refused = 0;
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const iin = work[next++]!;
        const res = await fetch(`${base}/api/v1/petitions/${p.id}/signatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ citizen: true, consent: true, signature: { format: 'cms', value: signed.get(iin) } }) });
        const json = (await res.json()) as { code?: string };
        if (res.status === 201) accepted++;
        else if (res.status === 409 && json.code === 'already_signed') refused++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const shown = ((await (await fetch(`${base}/api/v1/petitions/${p.id}/count`)).json()) as { count: number }).count - before;
  const rows = (await signatureRows(database.db, p.id)) - before;
  const ok = accepted === distinct && refused === duplicates && failed === 0 && shown === distinct && rows === shown;
  out({
    ok,
    engine: 'postgres',
    distinct,
    duplicates,
    concurrency,
    requests: work.length,
    seconds: Math.round(seconds * 100) / 100,
    signatures_per_s: Math.round(accepted / seconds),
    requests_per_s: Math.round(work.length / seconds),
    accepted,
    duplicates_refused: refused,
    errors: failed,
    lost: Math.max(0, distinct - accepted),
    double_counted: Math.max(0, shown - distinct, accepted - distinct),
    final_count_equals_distinct: shown === distinct,
    rows_equal_count: rows === shown,
    wall_ms: Date.now() - started,
  });
  if (!ok) process.exitCode = 1;
} finally {
  clearTimeout(timer);
  await app.close();
  await database.close();
  const a = new pg.Client({ connectionString: server.url });
  await a.connect();
  await a.query(`drop database if exists ${dbName} with (force)`);
  await a.end();
  server.stop();
  citizens.cleanup();
}
