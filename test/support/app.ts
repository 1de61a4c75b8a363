/** A whole Tynda on a fresh test database of one engine, driven through fastify's inject (no socket). */
import pino from 'pino';
import { createApp, type Tynda } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Engine } from '../../src/platform/db.ts';
import { testDatabase } from './databases.ts';

export async function testApp(engine: Engine, env: Record<string, string> = {}): Promise<Tynda> {
  const database = await testDatabase(engine);
  const config = loadConfig({ TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_DATA_DIR: '/nonexistent-unused', ...env });
  const app = await createApp(config, { database, logger: pino({ level: 'silent' }) });
  return {
    ...app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
