#!/usr/bin/env node
// Builds the browser application (src/web → dist/web) with Vite. `--if-stale` (used by `npm start` and the e2e
// tests) builds only when dist/web is missing or older than a file under src/web, so a start stays fast.
// Without Vite installed (a production install without devDependencies) it says so and leaves dist/web as it is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src/web');
const out = path.join(root, 'dist/web');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Is dist/web missing or older than its sources? */
export function webIsStale() {
  const index = path.join(out, 'index.html');
  if (!fs.existsSync(index)) return true;
  return newest(src) > fs.statSync(index).mtimeMs;
}

export async function buildWeb({ ifStale = false, quiet = false } = {}) {
  if (ifStale && !webIsStale()) return false;
  let vite;
  try {
    vite = await import(pathToFileURL(path.join(root, 'node_modules/vite/dist/node/index.js')).href);
  } catch {
    console.error('tynda: Vite is not installed (devDependencies); the web application in dist/web is not (re)built');
    return false;
  }
  // test files run in parallel: one build at a time (a lock directory), into a fresh folder swapped in whole,
  // so that a server never serves a half-written dist/web
  const lock = path.join(root, 'dist/.web-build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed build is stale after 10 minutes
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (ifStale && !webIsStale()) return false;
    const started = Date.now();
    const fresh = `${out}.${process.pid}`;
    await vite.build({ configFile: path.join(src, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn', build: { outDir: fresh, emptyOutDir: true } });
    // the server's first paint of the citizen's pages (src/web/prepaint.tsx), a module for Node beside the assets;
    // a dot directory, which the server never serves
    await vite.build({
      configFile: path.join(src, 'vite.config.ts'),
      logLevel: quiet ? 'error' : 'warn',
      build: { ssr: path.join(src, 'prepaint.tsx'), outDir: path.join(fresh, '.server'), emptyOutDir: true, copyPublicDir: false, rolldownOptions: { output: { entryFileNames: 'prepaint.js' } } },
    });
    const old = `${out}.old.${process.pid}`;
    if (fs.existsSync(out)) fs.renameSync(out, old);
    fs.renameSync(fresh, out);
    fs.rmSync(old, { recursive: true, force: true });
    if (!quiet) console.error(`tynda: web application built into dist/web in ${Date.now() - started} ms`);
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWeb({ ifStale: process.argv.includes('--if-stale') });
}
