/**
 * Background jobs and schedules on pg-boss, in the same database as everything else, so a job is enqueued in
 * the same place as the state that caused it and several app nodes share one queue (each job runs once).
 * pg-boss reaches the database through our pool: on PGlite that pool is the single session.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from './db.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

export interface Jobs {
  /** registers a queue and its worker; `cron` (Asia/Almaty) also schedules it */
  define<T extends object>(name: string, handler: JobHandler<T>, options?: { cron?: string }): Promise<void>;
  send<T extends object>(name: string, data: T, options?: { singletonKey?: string }): Promise<string | null>;
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(database: Database, log: Logger, options: { pollingIntervalSeconds?: number } = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => database.pool.query(text, values) },
    schema: 'pgboss',
    // the maintenance and schedule loops poll; keep them light on the embedded single session
    supervise: true,
    schedule: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job system error'));
  await boss.start();
  const polling = options.pollingIntervalSeconds ?? 2;
  return {
    boss,
    async define(name, handler, opts = {}) {
      await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 5, retryBackoff: true });
      await boss.work(name, { pollingIntervalSeconds: polling, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
      if (opts.cron) await boss.schedule(name, opts.cron, {}, { tz: 'Asia/Almaty' });
    },
    async send(name, data, opts = {}) {
      return boss.send(name, data, opts.singletonKey ? { singletonKey: opts.singletonKey } : {});
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000, close: false });
    },
  };
}
