/**
 * Assembles Tynda: database (migrated, reference data seeded), HTTP server with every module's routes, and the
 * job system. `npm start` and the tests build the same thing through `createApp`.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CalendarService } from './modules/calendar/service.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { calendarWatch } from './modules/calendar/watch.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db.ts';
import { createHttpServer, type App } from './platform/http.ts';
import { startJobs, type Jobs } from './platform/jobs.ts';
import { createLogger } from './platform/logging.ts';
import { migrate } from './platform/migrations.ts';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export interface Tynda {
  config: Config;
  database: Database;
  server: App;
  calendar: CalendarService;
  jobs: Jobs | undefined;
  log: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** an already open database (tests share one per file) */
  database?: Database;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<Tynda> {
  const log = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(database.pool);
  const calendar = new CalendarService(database.db, config.conventions);
  const seeded = await calendar.seed();
  if (seeded.length) log.info({ years: seeded }, 'production calendar seeded from data/calendar/kz.json');

  const server = await createHttpServer({ logger: log, version: VERSION });
  server.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Liveness and the database engine in use',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    await database.pool.query('select 1');
    return { status: 'ok' as const, db: database.engine, version: VERSION };
  });
  calendarRoutes(server, {
    calendar,
    actorOf: () => 'anonymous',
    canManageCalendar: async () => undefined,
  });
  await server.ready();

  let jobs: Jobs | undefined;
  if (config.jobs) {
    jobs = await startJobs(database, log);
    await jobs.define('calendar-watch', async () => void (await calendarWatch(calendar, log, new Date())), { cron: '0 9 * * *' });
  }

  return {
    config,
    database,
    server,
    calendar,
    jobs,
    log,
    async close() {
      await server.close();
      await jobs?.stop();
      if (!options.database) await database.close();
    },
  };
}
