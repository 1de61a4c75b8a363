/**
 * One database port, two engines: PGlite in-process (the default, data in TYNDA_DATA_DIR/db) and PostgreSQL
 * 15+ (when DATABASE_URL is set). Both are reached through a node-postgres Pool, so Kysely, the migrations and
 * pg-boss use one dialect and one pool. PGlite is a single session: its pool holds exactly one connection, so
 * a transaction in progress and a job poll can never interleave.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  db: Kysely<Schema>;
  pool: pg.Pool;
  close(): Promise<void>;
}

// timestamptz and date come back as text: legal dates must never pass through a JS Date in the server's zone
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** directory for PGlite files; undefined keeps the database in memory (tests) */
  dataDir?: string | undefined;
  /** a PGlite data dump to start from (tests clone a migrated template instead of running initdb again) */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** an open PGlite instance to use (and close with the database) */
  pglite?: PGlite;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // a dropped idle connection is replaced on the next checkout
    await pool.query('select 1');
    return wrap('postgres', pool);
  }
  const unlock = options.dataDir ? await lockDataDir(options.dataDir) : async () => undefined;
  const pglite = options.pglite ?? await PGlite.create({
    ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'db') } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  // one session, kept open for the process's life: no idle timeout to wait out at shutdown
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, allowExitOnIdle: true });
  return wrap('pglite', pool, pglite, unlock);
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`the embedded database in ${dataDir} is in use by process ${pid} (a running Tynda?); stop it first, or use its API`);
  }
}

/**
 * PGlite is one process's database: a second process opening the same files would corrupt them. A lock file
 * with the owner's pid keeps a CLI command off a running server's data; a stale lock (dead pid) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lock = path.join(dataDir, 'db.lock');
  for (;;) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx' });
      return async () => fs.rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await fs.readFile(lock, 'utf8').catch(() => '0'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      await fs.rm(lock, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function wrap(engine: Engine, pool: pg.Pool, pglite?: PGlite, unlock?: () => Promise<void>): Database {
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine,
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
      await pglite?.close();
      await unlock?.();
    },
  };
}
