#!/usr/bin/env node
// Dependencies: `npm audit` at high severity must be clean, or each finding explained in
// docs/audit-exceptions.json ({ "<advisory url or id>": "why it does not reach Tynda, and until when" }).
// Exit 1 on an unexplained high or critical finding. When the advisory service cannot be reached (an offline
// build machine) it says so loudly and exits 0: no finding is known then, and CI shows the banner.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const exceptionsFile = path.join(root, 'docs/audit-exceptions.json');
const exceptions = fs.existsSync(exceptionsFile) ? JSON.parse(fs.readFileSync(exceptionsFile, 'utf8')) : {};
const run = spawnSync('npm', ['audit', '--json', '--audit-level=high'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report || report.error || !report.vulnerabilities) {
  const line = '!'.repeat(100);
  console.error(`${line}\n!! npm audit: the advisory service could not be reached; dependencies NOT checked.\n!! ${(report?.error?.summary ?? run.stderr ?? '').split('\n').find((l) => l.trim()) ?? ''}\n${line}`);
  process.exit(0);
}
const unexplained = [];
for (const [name, v] of Object.entries(report.vulnerabilities)) {
  if (v.severity !== 'high' && v.severity !== 'critical') continue;
  for (const via of v.via) {
    if (typeof via !== 'object') continue; // reached through another package: reported there
    const key = via.url ?? String(via.source);
    if (exceptions[key]) console.log(`explained: ${name} ${key}: ${exceptions[key]}`);
    else unexplained.push(`${name} (${v.severity}): ${via.title} ${key}`);
  }
}
if (unexplained.length) {
  console.error(`npm audit: unexplained high or critical findings:\n  ${unexplained.join('\n  ')}\nFix them, or explain each in docs/audit-exceptions.json.`);
  process.exit(1);
}
console.log(`npm audit: no unexplained high or critical finding (${Object.keys(report.vulnerabilities).length} packages with any finding)`);
