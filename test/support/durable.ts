/**
 * A database a separate process can open too (the CLI, a server killed and restarted, pg_dump): on PostgreSQL
 * a fresh database on the test server, named by URL; on PGlite a data directory on disk. `env` is what a
 * `tynda` process needs to reach it; `open()` opens it in this process (close it before a process uses it:
 * an embedded data directory has one user at a time).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { RecordingOtpSender } from '../../src/modules/identity/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, type Database, type Engine } from '../../src/platform/db.ts';

export interface DurableDatabase {
  engine: Engine;
  env: Record<string, string>;
  /** the PostgreSQL URL (postgres) or the data directory (pglite) */
  where: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TYNDA_TEST_PG_URL! });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(process.env.TYNDA_TEST_PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function durableDatabase(engine: Engine): Promise<DurableDatabase> {
  if (engine === 'postgres') {
    const name = `d_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = databaseUrl(name);
    return {
      engine,
      env: { DATABASE_URL: url },
      where: url,
      open: () => openDatabase({ databaseUrl: url, poolSize: 5 }),
      drop: () => adminQuery(`drop database if exists ${name} with (force)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-data-'));
  return {
    engine,
    env: { TYNDA_DATA_DIR: dir },
    where: dir,
    open: () => openDatabase({ dataDir: dir }),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A whole Tynda (demo organisation, jobs off) on an open durable database, shaped like `testApp`'s for `signIn`. */
export async function appOn(database: Database, env: Record<string, string> = {}, options: { clock?: () => Date } = {}) {
  const config = loadConfig({ TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_DEMO: 'on', TYNDA_DATA_DIR: '/nonexistent-unused', ...env });
  const otp = new RecordingOtpSender();
  const app = await createApp(config, { otpSender: otp, database, logger: pino({ level: 'silent' }), ...options });
  return { ...app, otp };
}

/** Files an appeal as the registrar of the Baizak district akimat (a paper appeal received now); returns its id. */
export async function registerPaperAppeal(app: Awaited<ReturnType<typeof appOn>>, headers: Record<string, string>, essence = 'Прошу отремонтировать крышу дома по ул. Абая, 10'): Promise<string> {
  const body = await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow();
  const res = await app.server.inject({
    method: 'POST', url: '/api/v1/appeals/register', headers,
    payload: {
      bodyId: body.id, type: 'application', channel: 'paper', language: 'ru', essence, summary: 'Ремонт крыши',
      applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', phone: '+77011234567', iin: '950412400003' },
      signed: true, receivedAt: new Date().toISOString(),
    },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
