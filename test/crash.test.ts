/**
 * Nothing acknowledged is lost, also across `kill -9` (DESIGN budgets; APC 64(2): the ticket is the applicant's
 * proof of filing). The short CI variant of bench/crash.ts: the real server on PostgreSQL, concurrent intake
 * with Idempotency-Keys, three SIGKILLs at random moments, retries with the same keys; then every acknowledged
 * ticket exists exactly once with its registered event and its notice, and every chain is intact.
 * TYNDA_CRASH_KILLS makes it longer.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { crashRun } from './support/crash.ts';

const pgUrl = process.env.TYNDA_TEST_PG_URL;

describe('kill -9 under intake load [postgres]', { skip: pgUrl ? false : 'no PostgreSQL server for tests (run through `npm test`)' }, () => {
  test('every acknowledged ticket survives, exactly once, with its event and notice; retries with the same key create nothing', { timeout: 600_000 }, async () => {
    const report = await crashRun({ adminUrl: pgUrl!, kills: Number(process.env.TYNDA_CRASH_KILLS ?? 3), concurrency: 8, applicants: 3, killAfterMs: [400, 1500] });
    assert.deepEqual(report.violations, []);
    assert.ok(report.acknowledged >= 20, `only ${report.acknowledged} appeals filed: the load did not run`);
    assert.equal(report.appeals, report.acknowledged);
    assert.ok(report.retried > 0, 'some requests were cut by a kill and sent again');
  });
});
