// A throwaway PostgreSQL for tests and benchmarks: initdb in a temporary directory, a free port on loopback
// only, trust authentication for the `tynda` superuser, stopped (immediately) and removed by stop(). Run as
// root it runs the server as the postgres user (initdb refuses root). Used by scripts/test.mjs and bench/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The directory of initdb/pg_ctl: TYNDA_PG_BIN, else the newest Debian PostgreSQL 15–17 found. */
export function pgBinDir() {
  const candidates = [process.env.TYNDA_PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  return candidates.find((d) => d && fs.existsSync(path.join(d, 'initdb')));
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts a server; resolves to { url, dir, bin, stop } or undefined without PostgreSQL binaries. `settings` are
 * extra `-c name=value` server settings (benchmarks size shared_buffers, for example); `fsync` defaults to off
 * (a throwaway cluster). `dir` is readable by the server user, so COPY FROM a file written there works.
 */
export async function startPostgres({ settings = {}, fsync = false } = {}) {
  const bin = pgBinDir();
  if (!bin) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, cmdArgs) => asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...cmdArgs], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), cmdArgs, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  const extra = Object.entries({ ...(fsync ? {} : { fsync: 'off' }), ...settings }).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'tynda', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', path.join(dir, 'data'), '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 ${extra}`, '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://tynda@127.0.0.1:${port}/postgres`, dir, bin, asRoot, stop };
}
