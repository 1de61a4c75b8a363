/**
 * Intake on PostgreSQL: appeals registered per second through the HTTP API against raw single-row INSERTs of
 * the same row through the same driver, in one run (bench/support/intake.ts). Budget (DESIGN.md): ratio at
 * least 0.25. Env: BENCH_SECONDS (per run, default 5), BENCH_RUNS (default 3), BENCH_CONCURRENCY (default 8).
 * Prints one JSON line.
 */
import { benchPostgres } from './support/common.ts';
import { intakeBench } from './support/intake.ts';

const pg = await benchPostgres(300);
const result = await intakeBench({
  engine: 'postgres',
  databaseUrl: pg.url,
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
});
console.log(JSON.stringify(result));
process.exit(0);
