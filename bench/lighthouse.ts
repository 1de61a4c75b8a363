/**
 * Lighthouse (npm `lighthouse`, run against Debian's /usr/bin/chromium) on the citizen pages: performance and
 * accessibility with Lighthouse's default mobile profile (a mid-range phone, simulated slow 4G). Budget
 * (DESIGN.md): at least 95 for both on every citizen page. The whole app runs on a fresh embedded database on a
 * loopback port; the cabinet, the guided form and the citizen's own appeal are measured signed in as the demo
 * applicant, the other pages (the citizen's menu, a petition's page, a service's page) as a visitor.
 * Prints one JSON line. `--page /file` or `--page '/appeals/{id}'` (repeatable) measures only those pages;
 * `TYNDA_LIGHTHOUSE_REPORTS=<dir>` also writes each page's full Lighthouse report there (the LCP element, its
 * breakdown and the request chains).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.mjs';
import { createApp } from '../src/app.ts';
import { demoApplicants } from '../src/modules/identity/demo.ts';
import { RecordingOtpSender } from '../src/modules/identity/service.ts';
import { loadConfig } from '../src/platform/config.ts';

const BUDGET = 95;
const CHROMIUM = '/usr/bin/chromium';
if (!fs.existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ bench: 'lighthouse', skipped: `${CHROMIUM} is missing (apt-get install chromium)` }));
  process.exit(0);
}

await buildWeb({ ifStale: true, quiet: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-lighthouse-'));
const otp = new RecordingOtpSender();
const app = await createApp(loadConfig({ TYNDA_DATA_DIR: dataDir, TYNDA_JOBS: 'off', LOG_LEVEL: 'silent', TYNDA_RATE_LIMITS: 'off' }), { otpSender: otp, logger: pino({ level: 'silent' }) });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;

// a signed-in applicant for the cabinet pages (the session cookie, as the browser would hold it)
const email = (await demoApplicants()).find((a) => a.email)!.email!;
await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: email } });
const signedIn = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address: email, code: otp.lastCode(email) } });
const token = (signedIn.json() as { token: string }).token;
// the pages a citizen follows: their own appeal, a petition's page, a public service's page
const bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
const cabinet = { authorization: `Bearer ${token}` };
const appeal = await app.server.inject({
  method: 'POST', url: '/api/v1/appeals', headers: cabinet,
  payload: { bodyId, type: 'application', language: 'kk', essence: 'Абай көшесіндегі көше жарығын жөндеуді сұраймын', applicant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', postalAddress: 'Бұқар жырау ауданы, Ботакара, Абай к-сі 3' } },
});
const petition = await app.server.inject({
  method: 'POST', url: '/api/v1/petitions', headers: cabinet,
  payload: {
    bodyId, language: 'kk', title: 'Ботакара кенті көшелерін жарықтандыру', content: 'Ботакара кентінің көшелеріне көше жарығын орнатуды сұраймыз', proposals: 'Жарықтандыруды 2027 жылғы жоспарға енгізу',
    applicant: { name: 'Серікова Айгерім Бауыржанқызы', iin: '950412400003', residence: 'Бұқар жырау ауданы, Ботакара', email }, citizen: true,
  },
});
const service = (await app.server.inject({ url: '/api/v1/services' })).json<{ items: { code: string }[] }>().items[0]!.code;

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// the browser's cookie jar (Lighthouse runs in this browser's default context): the session cookie is set there, as a
// browser holds it after sign-in, for the pages measured signed in, and cleared for the others
const jar = (await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)).contexts()[0]!;
// the citizen's pages of the menu (the act check /verify/{id} is a server-rendered page without JavaScript)
const pages: { page: string; label?: string; cookie?: boolean }[] = [
  { page: '/' },
  { page: '/signin' },
  { page: '/file', cookie: true },
  { page: '/cabinet', cookie: true },
  { page: '/petitions' },
  { page: '/receptions' },
  { page: '/services' },
  { page: '/knowledge' },
  { page: `/appeals/${appeal.json<{ id: string }>().id}`, label: '/appeals/{id}', cookie: true },
  { page: `/petitions/${petition.json<{ id: string }>().id}`, label: '/petitions/{id}' },
  { page: `/services/${service}`, label: '/services/{code}' },
];
const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--page' ? [a] : []));
// Lighthouse's simulated timings still scale with the machine's own CPU time: on a shared machine, several runs per
// page and their medians (`--runs 3`) are steadier than one
const runs = Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 1);
const reports = process.env.TYNDA_LIGHTHOUSE_REPORTS;
type Figures = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, Figures> = {};
const loadBefore = os.loadavg()[0]!;
try {
  for (const p of pages.filter((x) => !only.length || only.includes(x.label ?? x.page))) {
    const measured: Figures[] = [];
    for (let i = 0; i < runs; i++) measured.push(await measure(p));
    results[p.label ?? p.page] = Object.fromEntries(Object.keys(measured[0]!).map((k) => [k, median(measured.map((m) => m[k as keyof Figures]))])) as Figures;
  }
} finally {
  await chrome.kill();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** One Lighthouse run on one page (its full report kept when asked for). */
async function measure(p: { page: string; label?: string; cookie?: boolean }): Promise<Figures> {
  await jar.clearCookies();
  if (p.cookie) await jar.addCookies([{ name: 'tynda_session', value: token, url: base }]);
  const run = await lighthouse(`${base}${p.page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const lhr = run!.lhr;
  if (reports) fs.writeFileSync(path.join(reports, `${(p.label ?? p.page).slice(1).replace(/\W+/g, '_') || 'home'}.json`), JSON.stringify(lhr));
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const num = (a: string) => Math.round((lhr.audits[a]?.numericValue ?? 0) * 1000) / 1000;
  return { performance: score('performance'), accessibility: score('accessibility'), lcpMs: Math.round(num('largest-contentful-paint')), tbtMs: Math.round(num('total-blocking-time')), cls: num('cumulative-layout-shift') };
}
const scores = Object.values(results);
console.log(
  JSON.stringify({
    bench: 'lighthouse',
    lighthouse: (JSON.parse(fs.readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version,
    profile: 'mobile, simulated throttling (Lighthouse default)',
    runs,
    // the 1-minute load average before and after: figures taken under load (another job's CPU) read lower
    loadAverage: [loadBefore, os.loadavg()[0]!].map((l) => Math.round(l * 100) / 100),
    pages: results,
    minPerformance: Math.min(...scores.map((s) => s.performance)),
    minAccessibility: Math.min(...scores.map((s) => s.accessibility)),
    budget: BUDGET,
    withinBudget: scores.every((s) => s.performance >= BUDGET && s.accessibility >= BUDGET),
  }),
);
