import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { createApp } from './src/app.ts';
import { loadConfig } from './src/platform/config.ts';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cap-'));
const app = await createApp(loadConfig({ TYNDA_DATA_DIR: dataDir, TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_RATE_LIMITS: 'off' }), { logger: pino({ level: 'silent' }) });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = process.argv[2] ?? '/receptions';
const ctx = await b.newContext({ viewport: { width: 412, height: 823 } });
const p = await ctx.newPage();
const s = await ctx.newCDPSession(p); await s.send('Emulation.setCPUThrottlingRate', { rate: 4 });
if (process.argv[3]) { await p.goto(base + process.argv[3]); await p.waitForTimeout(1500); }
await b.startTracing(p, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
await p.goto(base + page); await p.waitForTimeout(4000);
await b.stopTracing();
await b.close(); await app.close();
const ev = JSON.parse(fs.readFileSync('/tmp/trace.json', 'utf8')).traceEvents as any[];
const main = ev.filter((e) => e.name === 'RunTask' && e.dur > 30000);
const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart')?.ts ?? main[0]?.ts;
for (const t of main) {
  const kids = ev.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur > 5000 && e !== t && e.name !== 'RunTask');
  console.log(Math.round((t.ts - nav) / 1000), Math.round(t.dur / 1000), kids.slice(0, 8).map((k) => `${k.name}${k.args?.data?.url ? '(' + k.args.data.url.slice(-25) + ')' : ''}${k.args?.data?.functionName ? '[' + k.args.data.functionName + ']' : ''}:${Math.round(k.dur / 1000)}`).join(' '));
}
const big = main.filter((t) => t.dur > 100000);
for (const t of big) {
  console.log('== task', Math.round((t.ts - nav) / 1000), Math.round(t.dur / 1000));
  const kids = ev.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur > 2000 && e !== t);
  for (const k of kids.slice(0, 25)) console.log('   ', Math.round((k.ts - t.ts) / 1000), Math.round(k.dur / 1000), k.name, JSON.stringify(k.args?.data ?? k.args ?? {}).slice(0, 160));
}
