/**
 * The long kill -9 run (DESIGN budgets: nothing acknowledged is ever lost, also across `kill -9`): the real
 * server on a throwaway PostgreSQL, concurrent intake with Idempotency-Keys, TYNDA_CRASH_KILLS (default 20)
 * SIGKILLs at random moments, retries with the same keys; then the checks of test/support/crash.ts. Prints one
 * JSON line; exits 1 on any violation. test/crash.test.ts is the short CI variant.
 */
import { crashRun } from '../test/support/crash.ts';
import { benchPostgres, machine } from './support/common.ts';

const kills = Number(process.env.TYNDA_CRASH_KILLS ?? 20);
const pg = await benchPostgres(60 * 60);
const report = await crashRun({ adminUrl: pg.url, kills, concurrency: 16, applicants: 5, killAfterMs: [300, 3000], log: (l) => console.error(l) });
console.log(JSON.stringify({ bench: 'crash', ...report, violations: report.violations.slice(0, 20), violationCount: report.violations.length, machine: machine() }));
pg.stop();
process.exit(report.violations.length ? 1 : 0);
