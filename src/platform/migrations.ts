/**
 * Numbered plain-SQL migrations (migrations/NNN_name.sql), applied in order, each inside its own transaction
 * and recorded in schema_migration with a checksum. A failed file rolls back whole and stops the run, so the
 * database stays as it was before that file. An advisory lock lets several app nodes start at once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const LOCK_KEY = 7_461_726_561; // arbitrary, constant: "tynda migrate"

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, readonly migration?: string, options?: ErrorOptions) {
    super(message, options);
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!m) throw new MigrationError(`migration file name must be NNN_name.sql: ${file}`, file);
    const sql = await fs.readFile(path.join(dir, file), 'utf8');
    const version = Number(m[1]);
    if (out.some((o) => o.version === version)) throw new MigrationError(`two migrations share number ${version}`, file);
    out.push({ version, name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    // the lock first: two nodes starting on an empty database would otherwise race on creating the table
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(`create table if not exists schema_migration (
        version integer primary key, name text not null, checksum text not null,
        applied_at timestamptz not null default now())`);
      const { rows } = await client.query<{ version: number; checksum: string }>('select version, checksum from schema_migration');
      const applied = new Map(rows.map((r) => [r.version, r.checksum]));
      for (const m of all) {
        const seen = applied.get(m.version);
        if (seen !== undefined && seen !== m.checksum) {
          throw new MigrationError(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`, m.name);
        }
      }
      const done: number[] = [];
      for (const m of all.filter((x) => !applied.has(x.version))) {
        await client.query('begin');
        try {
          await client.query(m.sql);
          await client.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
          await client.query('commit');
          done.push(m.version);
        } catch (error) {
          await client.query('rollback');
          throw new MigrationError(`migration ${m.version}_${m.name} failed: ${(error as Error).message}`, m.name, { cause: error });
        }
      }
      return done;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
