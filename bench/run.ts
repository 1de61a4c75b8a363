/** `npm run bench`: runs every benchmark in bench/ in its own process; each prints one JSON line. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && (only.length === 0 || only.some((o) => f.startsWith(o))));
let failed = 0;
for (const f of files.sort()) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
