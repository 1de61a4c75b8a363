/** Shared by the benchmarks: medians, percentiles, a bounded throwaway PostgreSQL, machine facts. */
import os from 'node:os';
import { startPostgres, type ThrowawayPostgres } from '../../scripts/postgres.mjs';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The p-th percentile (0–100), nearest rank. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const machine = () => ({ node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), memGB: Math.round(os.totalmem() / 2 ** 30), load1: round(os.loadavg()[0]!, 2) });

/**
 * A throwaway PostgreSQL for one benchmark, stopped on exit, on a signal, and after `limitSeconds` at the
 * latest (the benchmark is then killed: a hung benchmark never leaves a server behind).
 */
export async function benchPostgres(limitSeconds: number, settings: Record<string, string | number> = {}): Promise<ThrowawayPostgres> {
  const pg = await startPostgres({ settings });
  if (!pg) throw new Error('PostgreSQL binaries not found (initdb): install postgresql or set TYNDA_PG_BIN');
  process.on('exit', () => pg.stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  setTimeout(() => {
    console.error(`benchmark exceeded its ${limitSeconds} s limit; stopping`);
    process.exit(124);
  }, limitSeconds * 1000).unref();
  return pg;
}
