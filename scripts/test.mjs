#!/usr/bin/env node
// `npm test`: type-checks, starts a throwaway PostgreSQL on a temporary directory and a free port, runs every
// test file with node's test runner (each database test runs on PGlite and on that PostgreSQL), and stops it.
// Without PostgreSQL binaries the PostgreSQL half is skipped, and this script says so loudly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './postgres.mjs';

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

const typecheck = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit' });
// the browser application has its own compiler options (DOM, JSX): src/web/tsconfig.json
const typecheckWeb = typecheck.status === 0 ? spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', path.join(root, 'src/web')], { stdio: 'inherit' }) : typecheck;
if (typecheck.status !== 0 || typecheckWeb.status !== 0) {
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
