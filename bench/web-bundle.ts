/**
 * The JavaScript a browser loads for the first citizen page (`/`), gzipped. Budget (DESIGN.md): at most 120 KB.
 * Counts the module scripts of dist/web/index.html and the modules it preloads (the application and the Kazakh texts,
 * both awaited before the first render), with every chunk they import statically (transitively); the other pages
 * and languages are chunks loaded on demand.
 * Builds the web application first when it is stale. Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildWeb } from '../scripts/build-web.mjs';

const BUDGET_KB = 120;
const dir = path.resolve('dist/web');
await buildWeb({ ifStale: true, quiet: true });

const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
// what the page loads before its first paint: its module scripts (the entry) and the modules it preloads (the
// application and the Kazakh texts, the default language, awaited before the first render: src/web/opening.ts)
const first = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
if (!first.some((f) => html.includes(`<script type="module" crossorigin src="/${f}"`))) throw new Error('no module entry script in dist/web/index.html');

const seen = new Set<string>();
function visit(file: string) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  // static imports of the minified chunk: `import{a as b}from"./x.js"`, `import"./x.js"`
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(file), m[1]!));
}
for (const f of first) visit(f);

let raw = 0;
let gzip = 0;
const files: Record<string, number> = {};
for (const f of seen) {
  const data = fs.readFileSync(path.join(dir, f));
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  raw += data.length;
  gzip += gz;
  files[path.posix.basename(f)] = Math.round(gz / 102.4) / 10;
}
const all = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
const allGzip = all.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dir, 'assets', f)), { level: 9 }).length, 0);
const kb = (n: number) => Math.round(n / 102.4) / 10;
console.log(
  JSON.stringify({
    bench: 'web-bundle',
    page: '/',
    firstPageJsGzipKB: kb(gzip),
    firstPageJsRawKB: kb(raw),
    budgetKB: BUDGET_KB,
    withinBudget: gzip <= BUDGET_KB * 1024,
    chunks: files,
    allChunksGzipKB: kb(allGzip),
    chunkCount: all.length,
  }),
);
