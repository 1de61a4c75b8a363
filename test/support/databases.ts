/**
 * Test databases on both engines. PGlite: a migrated template is built once per machine (keyed by the
 * migrations' checksums) and each test database loads a copy, which skips a 2–4 s initdb. PostgreSQL: the
 * server scripts/test.mjs started; each test database is a fresh CREATE DATABASE, dropped afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../../src/platform/db.ts';
import { migrate, readMigrations } from '../../src/platform/migrations.ts';

export const ENGINES: { engine: Engine; skip: string | false }[] = [
  { engine: 'pglite', skip: false },
  {
    engine: 'postgres',
    skip: process.env.TYNDA_TEST_PG_URL ? false : 'no PostgreSQL server for tests (run through `npm test`, which starts one, or set TYNDA_TEST_PG_URL)',
  },
];

async function pgliteTemplate(): Promise<Blob> {
  const migrations = await readMigrations();
  const key = createHash('sha256').update(migrations.map((m) => m.checksum).join()).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `tynda-pglite-template-${key}.tar.gz`);
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    const pglite = await PGlite.create({ extensions: { pg_trgm } });
    const db = await openDatabase({ pglite });
    await migrate(db.pool);
    const dump = await pglite.dumpDataDir('gzip');
    await db.close();
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(tmp, file); // atomic: a parallel test process sees the whole file or none
    return dump;
  }
}

/** A fresh, migrated database of the engine; close() removes it. */
export async function testDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ loadDataDir: await pgliteTemplate() });
  const adminUrl = process.env.TYNDA_TEST_PG_URL!;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(db.pool);
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
