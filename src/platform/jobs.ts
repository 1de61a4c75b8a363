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
  const boss = await startBoss(database, log);
  const polling = options.pollingIntervalSeconds ?? 2;
  return {
    boss,
    async define(name, handler, opts = {}) {
      await createQueueOnce(boss, name);
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

/**
 * Two nodes starting together on an empty database both install pg-boss's schema; its advisory lock does not
 * refresh PostgreSQL's catalog cache, so one of them can fail on a duplicate schema or a deadlock. A failed
 * PgBoss cannot be started again, so a fresh one retries, and then finds the schema the other node made.
 */
async function startBoss(database: Database, log: Logger): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    const boss = new PgBoss({
      db: { executeSql: async (text, values) => database.pool.query(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: true,
    });
    boss.on('error', (error) => log.error({ err: error }, 'job system error'));
    try {
      await boss.start();
      return boss;
    } catch (error) {
      if (!isStartRace(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** a unique violation or a deadlock: what two nodes creating the same thing at once can meet */
function isStartRace(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === '40P01';
}

/**
 * Creates a queue unless it exists. Two nodes starting together on an empty database both run pg-boss's
 * create_queue (insert, then create and attach a partition); PostgreSQL may abort one of them, and the retry
 * then finds the queue the other node made.
 */
async function createQueueOnce(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 5, retryBackoff: true });
      return;
    } catch (error) {
      if (!isStartRace(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
