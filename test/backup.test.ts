/**
 * Backup and restore as docs/operations.md describes them (issue 14): PostgreSQL with pg_dump -Fc and
 * pg_restore into an empty database; the embedded database by copying the data directory of a stopped Tynda.
 * The restored copy holds every appeal, case event and notice, and passes `tynda audit verify`.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { verifyCaseEvents } from '../src/modules/audit/case-events.ts';
import { openDatabase, type Database } from '../src/platform/db.ts';
import { ENGINES } from './support/databases.ts';
import { adminQuery, appOn, databaseUrl, durableDatabase, registerPaperAppeal, type DurableDatabase } from './support/durable.ts';
import { signIn } from './support/app.ts';

const tynda = path.resolve(import.meta.dirname, '../bin/tynda.mjs');
const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

function pgBin(): string | undefined {
  return [process.env.TYNDA_PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => d && fs.existsSync(path.join(d, 'pg_dump')));
}

async function fill(store: DurableDatabase): Promise<Record<string, number>> {
  const database = await store.open();
  const app = await appOn(database);
  const registrar = await signIn(app, 'registrar');
  for (let i = 0; i < 4; i++) await registerPaperAppeal(app, registrar, `Обращение ${i}`);
  const counts = await tableCounts(database);
  await app.close();
  await database.close();
  return counts;
}

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['appeal', 'case_event', 'notice', 'audit_event', 'applicant', 'official', 'calendar_year']) {
    const { rows } = await database.pool.query(`select count(*)::int as n from ${t}`);
    out[t] = rows[0].n;
  }
  return out;
}

function auditVerify(env: Record<string, string>) {
  return spawnSync(process.execPath, [tynda, 'audit', 'verify'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
}

for (const { engine, skip } of ENGINES) {
  describe(`backup and restore [${engine}]`, { skip: skip || (engine === 'postgres' && !pgBin() ? 'no pg_dump' : false) }, () => {
    if (engine === 'postgres') {
      test('pg_dump -Fc and pg_restore into an empty database: everything is there and `tynda audit verify` passes', async () => {
        const source = await durableDatabase('postgres');
        cleanup.push(() => source.drop());
        const counts = await fill(source);
        assert.ok(counts.appeal! >= 4 && counts.case_event! >= 4 && counts.notice! >= 4);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-backup-'));
        cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
        const file = path.join(dir, 'tynda.dump');
        execFileSync(path.join(pgBin()!, 'pg_dump'), ['--format=custom', '--no-owner', '--file', file, source.where], { stdio: 'pipe' });
        const name = `r_${randomBytes(6).toString('hex')}`;
        await adminQuery(`create database ${name}`);
        cleanup.push(() => adminQuery(`drop database if exists ${name} with (force)`));
        execFileSync(path.join(pgBin()!, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', databaseUrl(name), file], { stdio: 'pipe' });
        const restored = await openDatabase({ databaseUrl: databaseUrl(name) });
        try {
          assert.deepEqual(await tableCounts(restored), counts);
          const check = await verifyCaseEvents(restored.db);
          assert.deepEqual(check.breaks, []);
          assert.equal(check.events, counts.case_event);
        } finally {
          await restored.close();
        }
        const run = auditVerify({ DATABASE_URL: databaseUrl(name) });
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /every chain is intact/);
      });
    } else {
      test('a copy of the data directory of a stopped Tynda opens with everything in it and passes `tynda audit verify`', async () => {
        const source = await durableDatabase('pglite');
        cleanup.push(() => source.drop());
        const counts = await fill(source);
        assert.ok(!fs.existsSync(path.join(source.where, 'db.lock')), 'stopped: the lock is released');
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-restored-'));
        cleanup.push(() => fs.rmSync(copy, { recursive: true, force: true }));
        fs.cpSync(source.where, copy, { recursive: true });
        // the original is gone: the copy stands alone
        fs.rmSync(source.where, { recursive: true, force: true });
        const restored = await openDatabase({ dataDir: copy });
        try {
          assert.deepEqual(await tableCounts(restored), counts);
          assert.deepEqual((await verifyCaseEvents(restored.db)).breaks, []);
        } finally {
          await restored.close();
        }
        const run = auditVerify({ TYNDA_DATA_DIR: copy });
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /every chain is intact/);
      });
    }
  });
}
