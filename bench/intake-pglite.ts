/**
 * Embedded mode: the intake benchmark of bench/intake.ts on PGlite (in memory, the pool of one connection):
 * where the embedded default stops being enough. Same env as bench/intake.ts. Prints one JSON line.
 */
import { intakeBench } from './support/intake.ts';

setTimeout(() => {
  console.error('benchmark exceeded its 300 s limit; stopping');
  process.exit(124);
}, 300_000).unref();
const result = await intakeBench({
  engine: 'pglite',
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
});
console.log(JSON.stringify(result));
process.exit(0);
