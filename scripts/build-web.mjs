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
  const started = Date.now();
  await vite.build({ configFile: path.join(src, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  if (!quiet) console.error(`tynda: web application built into dist/web in ${Date.now() - started} ms`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWeb({ ifStale: process.argv.includes('--if-stale') });
}
