import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ENGINES, testDatabase } from '../../test/support/databases.ts';
import { startJobs } from './jobs.ts';

for (const { engine, skip } of ENGINES) {
  describe(`jobs [${engine}]`, { skip }, () => {
    test('a job sent to a defined queue is handled once with its data, and a cron schedule is stored in Asia/Almaty', async () => {
      const db = await testDatabase(engine);
      const jobs = await startJobs(db, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
      try {
        const seen: number[] = [];
        let done!: () => void;
        const finished = new Promise<void>((r) => (done = r));
        await jobs.define<{ n: number }>('test-echo', async ({ n }) => {
          seen.push(n);
          if (seen.length === 3) done();
        }, { cron: '0 9 * * *' });
        for (const n of [1, 2, 3]) await jobs.send('test-echo', { n });
        await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('jobs not handled in 20 s')), 20_000))]);
        assert.deepEqual([...seen].sort(), [1, 2, 3]);
        const schedules = await jobs.boss.getSchedules();
        assert.deepEqual(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]), [['test-echo', '0 9 * * *', 'Asia/Almaty']]);
      } finally {
        await jobs.stop();
        await db.close();
      }
    });

    test('a job that fails is retried, not lost', async () => {
      const db = await testDatabase(engine);
      const jobs = await startJobs(db, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
      try {
        let attempts = 0;
        let done!: () => void;
        const finished = new Promise<void>((r) => (done = r));
        await jobs.boss.createQueue('test-flaky', { name: 'test-flaky', retryLimit: 3, retryDelay: 0 });
        await jobs.boss.work('test-flaky', { pollingIntervalSeconds: 0.5 }, async () => {
          attempts++;
          if (attempts < 2) throw new Error('transient');
          done();
        });
        await jobs.send('test-flaky', {});
        await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('retry not seen in 30 s')), 30_000))]);
        assert.equal(attempts, 2);
      } finally {
        await jobs.stop();
        await db.close();
      }
    });
  });
}
