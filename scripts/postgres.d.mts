/** Types of scripts/postgres.mjs (a plain ES module so scripts/test.mjs runs before any TypeScript loader). */
export interface ThrowawayPostgres {
  /** postgres://tynda@127.0.0.1:PORT/postgres (superuser, trust, loopback only) */
  url: string;
  /** the cluster's directory (data/, server.log); removed by stop() */
  dir: string;
  bin: string;
  asRoot: boolean;
  stop(): void;
}
export function pgBinDir(): string | undefined;
export function freePort(): Promise<number>;
export function startPostgres(options?: { settings?: Record<string, string | number>; fsync?: boolean }): Promise<ThrowawayPostgres | undefined>;
