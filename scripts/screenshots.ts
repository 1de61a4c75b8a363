/**
 * Screenshots of the main pages for the README (docs/screenshots/*.png, each under 200 KB), taken in Debian's
 * Chromium against the whole app on a fresh embedded database: `node --import tsx scripts/screenshots.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import pino from 'pino';
import { buildWeb } from './build-web.mjs';
import { createApp } from '../src/app.ts';
import { demoApplicants, demoLogins } from '../src/modules/identity/demo.ts';
import { RecordingOtpSender } from '../src/modules/identity/service.ts';
import { loadConfig } from '../src/platform/config.ts';

const out = path.resolve('docs/screenshots');
fs.mkdirSync(out, { recursive: true });
await buildWeb({ ifStale: true, quiet: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-shots-'));
const otp = new RecordingOtpSender();
const app = await createApp(loadConfig({ TYNDA_DATA_DIR: dataDir, TYNDA_JOBS: 'off', LOG_LEVEL: 'silent' }), { otpSender: otp, logger: pino({ level: 'silent' }) });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function shot(page: Page, name: string) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  const kb = fs.statSync(file).size / 1024;
  if (kb >= 200) throw new Error(`${name}.png is ${kb.toFixed(0)} KB (limit 200 KB)`);
  console.log(`${name}.png ${kb.toFixed(0)} KB`);
}

try {
  // the citizen, on a phone: home, the guided form, the ticket, the case
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await p.goto(`${base}/`);
  await p.getByRole('heading', { level: 1 }).waitFor();
  await shot(p, 'citizen-home-kk');
  const email = (await demoApplicants()).find((a) => a.email)!.email!;
  await p.goto(`${base}/signin?next=/file`);
  await p.locator('input[name=email]').fill(email);
  await p.locator('form button[type=submit]').click();
  await p.locator('input[name=code]').fill('');
  await p.locator('input[name=code]').fill(otp.lastCode(email)!);
  await p.locator('form button[type=submit]').click();
  await p.getByRole('radio', { name: 'Тұрғын үй-коммуналдық шаруашылық' }).check();
  await p.locator('form button[type=submit]').click();
  await p.getByRole('radio', { name: /Бұқар жырау/ }).check();
  await shot(p, 'citizen-file-body-kk');
  await p.locator('form button[type=submit]').click();
  await p.locator('textarea').fill('Қараша айынан бері Абай көшесі, 10 үйдегі пәтерлерде жылу жоқ. Жылумен жабдықтауды қалпына келтіруді сұраймын.');
  await p.locator('form button[type=submit]').click();
  await p.locator('form button[type=submit]').click();
  await p.getByTestId('ticket-number').waitFor();
  await shot(p, 'citizen-ticket-kk');
  await p.locator('#main a.button').click();
  await p.locator('.terms details').first().click();
  await p.locator('.steps').first().waitFor();
  await shot(p, 'citizen-case-kk');
  await phone.close();

  // the officials, on a desktop, in Russian: inbox, case with a step dialog
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const d = await desk.newPage();
  const login = (await demoLogins()).body_head!;
  const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
  await d.goto(`${base}/staff/signin?lang=ru`);
  await d.locator('input[name=login]').fill(login);
  await d.locator('input[name=password]').fill(password);
  await d.locator('form button[type=submit]').click();
  await d.locator('table.worklist').waitFor();
  await shot(d, 'official-inbox-ru');
  await d.locator('table.worklist a').first().click();
  await d.locator('button[data-action="extend"]').click();
  await d.getByRole('dialog').waitFor();
  await shot(d, 'official-case-extend-ru');
  await d.keyboard.press('Escape');
  await d.goto(`${base}/staff/load?lang=en`);
  await d.locator('table.worklist').waitFor();
  await shot(d, 'official-load-en');
  await desk.close();
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
