#!/usr/bin/env node
// `npm test`: type-checks, starts a throwaway PostgreSQL on a temporary directory and a free port, runs every
// test file with node's test runner (each database test runs on PGlite and on that PostgreSQL), and stops it.
// Without PostgreSQL binaries the PostgreSQL half is skipped, and this script says so loudly.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(p);
    return e.name.endsWith('.test.ts') ? [path.relative(root, p)] : [];
  });
}

function pgBinDir() {
  const candidates = [process.env.TYNDA_PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  return candidates.find((d) => d && fs.existsSync(path.join(d, 'initdb')));
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startPostgres() {
  const bin = pgBinDir();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user then
  const run = (cmd, cmdArgs) => asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...cmdArgs], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), cmdArgs, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'tynda', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', path.join(dir, 'data'), '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, '-w', 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://tynda@127.0.0.1:${port}/postgres`, stop };
}

const typecheck = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('type check failed');
  process.exit(1);
}

const files = only.length ? only : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))].sort();
const pg = await startPostgres();
const env = { ...process.env, TYNDA_TEST: '1' };
if (pg) env.TYNDA_TEST_PG_URL = pg.url;
else {
  const line = '!'.repeat(100);
  console.error(`${line}\n!! PostgreSQL binaries not found (initdb): database tests run on PGlite ONLY; the PostgreSQL half is SKIPPED.\n!! Install postgresql (apt-get install postgresql) or set TYNDA_PG_BIN to run both engines.\n${line}`);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, env, stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
pg?.stop();
process.exit(code);
