/**
 * The two commands a newcomer runs, as processes: `tynda serve` (what `npm start` runs) on a fresh data
 * directory and on PostgreSQL, and `tynda deadline … --json`, which prints the API's object.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const tynda = path.join(root, 'bin/tynda.mjs');
const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-cli-'));
  dirs.push(d);
  return d;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const body = async (res: Response): Promise<any> => res.json();

async function serve(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void>; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [tynda, 'serve'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const url = `http://127.0.0.1:${port}`;
  // a first start initialises the embedded database and migrates it: generous on a loaded 2-core machine
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve did not answer in 180 s: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

describe('tynda serve (npm start)', () => {
  test('on a fresh data directory: creates and migrates the embedded database, seeds the calendar, answers the API', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const server = await serve({ TYNDA_DATA_DIR: dataDir });
    try {
      assert.equal((await body(await fetch(`${server.url}/api/health`))).db, 'pglite');
      const res = await fetch(`${server.url}/api/v1/calendar/2025`);
      assert.equal((await body(res)).workingDays, 246);
      assert.ok(fs.existsSync(path.join(dataDir, 'db')), 'the database lives in TYNDA_DATA_DIR/db');
      assert.doesNotMatch(server.output(), /Error|error"/);
    } finally {
      await server.stop();
    }
    // the second start reopens the same data and keeps it
    const again = await serve({ TYNDA_DATA_DIR: dataDir });
    try {
      assert.equal((await body(await fetch(`${again.url}/api/v1/calendar/2026`))).workingDays, 247);
    } finally {
      await again.stop();
    }
  });

  test('with DATABASE_URL the same server runs on PostgreSQL', { skip: process.env.TYNDA_TEST_PG_URL ? false : 'no PostgreSQL server for tests' }, async () => {
    const admin = new pg.Client({ connectionString: process.env.TYNDA_TEST_PG_URL });
    await admin.connect();
    const name = `cli_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TYNDA_TEST_PG_URL!);
    url.pathname = `/${name}`;
    const server = await serve({ DATABASE_URL: url.toString(), TYNDA_DATA_DIR: tempDir() });
    try {
      assert.equal((await body(await fetch(`${server.url}/api/health`))).db, 'postgres');
    } finally {
      await server.stop();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });

  test('a bad variable stops start-up with a message that names it', () => {
    const r = spawnSync(process.execPath, [tynda, 'serve'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /PORT/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });
});

describe('tynda deadline', () => {
  test('--json prints the same object as POST /api/v1/deadlines/compute', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const cli = spawnSync(process.execPath, [tynda, 'deadline', 'APC-76.1', '2025-03-20', '--json'], { env: { ...process.env, TYNDA_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const printed = JSON.parse(cli.stdout);
    assert.equal(printed.due, '2025-04-15');
    const server = await serve({ TYNDA_DATA_DIR: dataDir });
    try {
      const res = await fetch(`${server.url}/api/v1/deadlines/compute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ term: 'APC-76.1', from: '2025-03-20' }) });
      assert.deepEqual(printed, await res.json());
      // while the server holds the embedded data, the command refuses instead of opening it twice
      const busy = spawnSync(process.execPath, [tynda, 'deadline', 'APC-76.1', '2025-03-20'], { env: { ...process.env, TYNDA_DATA_DIR: dataDir }, encoding: 'utf8' });
      assert.equal(busy.status, 1);
      assert.match(busy.stderr, /in use by process/);
    } finally {
      await server.stop();
    }
  });

  test('an unknown term or an impossible date is a clear error and exit code 1', () => {
    const env = { ...process.env, TYNDA_DATA_DIR: path.join(tempDir(), 'data') };
    const unknown = spawnSync(process.execPath, [tynda, 'deadline', 'APC-1.1', '2025-03-20', '--lang', 'en'], { env, encoding: 'utf8' });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no time limit has the id "APC-1\.1"/i);
    const bad = spawnSync(process.execPath, [tynda, 'deadline', 'APC-76.1', '2025-02-30', '--lang', 'ru'], { env, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /body\.from: Должна быть существующая дата/);
  });
});

describe('tynda migrate and tynda calendar', () => {
  test('migrate creates and migrates a fresh database once; a second run has nothing to do', () => {
    const env = { ...process.env, TYNDA_DATA_DIR: path.join(tempDir(), 'data'), LOG_LEVEL: 'silent' };
    const first = spawnSync(process.execPath, [tynda, 'migrate'], { env, encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    const applied = /migrations applied: ([\d, ]+);/.exec(first.stdout)?.[1]?.split(', ').map(Number);
    const files = fs.readdirSync(path.join(root, 'migrations')).filter((f) => f.endsWith('.sql')).map((f) => Number(f.slice(0, 3)));
    assert.deepEqual(applied, files, 'every migration file, in order');
    assert.match(first.stdout, /calendar years seeded: 2024, 2025, 2026, 2027/);
    const second = spawnSync(process.execPath, [tynda, 'migrate'], { env, encoding: 'utf8' });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /migrations applied: none \(up to date\); calendar years seeded: none/);
  });

  test('calendar YEAR prints the working-day total and the days off with their reasons', () => {
    const env = { ...process.env, TYNDA_DATA_DIR: path.join(tempDir(), 'data'), LOG_LEVEL: 'silent' };
    const r = spawnSync(process.execPath, [tynda, 'calendar', '2025', '--lang', 'en'], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^2025: 246 working days\n/);
    assert.match(r.stdout, /2025-03-21 {2}\S/, 'Nauryz is listed');
    const json = spawnSync(process.execPath, [tynda, 'calendar', '2025', '--json'], { env, encoding: 'utf8' });
    assert.equal(JSON.parse(json.stdout).workingDays, 246);
    const bad = spawnSync(process.execPath, [tynda, 'calendar', 'next'], { env, encoding: 'utf8' });
    assert.equal(bad.status, 2);
  });
});
