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
  // the citizen, on a phone: home, the guided form, the ticket, the case, a petition, the receptions
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
  // a petition with its live count, and the schedule of personal receptions
  const bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
  await p.goto(`${base}/petitions/new`);
  await p.locator('[name=bodyId]').selectOption(bodyId);
  await p.locator('[name=title]').fill('Бұқар жырау ауданында велосипед жолдарын салу');
  await p.locator('[name=content]').fill('Ауданда велосипед жолдары жоқ, балалар мектепке жолдың жиегімен барады.');
  await p.locator('[name=proposals]').fill('2027 жылы орталық көшелерде велосипед жолдарын салу.');
  await p.locator('[name=residence]').fill('Бұқар жырау ауданы, Абай к-сі, 10');
  await p.locator('[name=citizen]').check();
  await p.locator('form button[type=submit]').click();
  await p.getByTestId('petition-count').waitFor();
  await shot(p, 'citizen-petition-kk');
  const head = (await demoLogins()).body_head!;
  const headPassword = (await app.database.db.selectFrom('demo_account').select('password').where('login', '=', head).executeTakeFirstOrThrow()).password;
  const token = (await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: head, password: headPassword } })).json<{ token: string }>().token;
  const akim = (await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', head).executeTakeFirstOrThrow()).official_id;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() + 3 * 86_400_000));
  await app.server.inject({
    method: 'POST', url: '/api/v1/receptions/sessions', headers: { authorization: `Bearer ${token}` },
    payload: { bodyId, officialId: akim, format: 'office', startsAt: `${day}T10:00:00+05:00`, endsAt: `${day}T12:00:00+05:00`, slotMinutes: 15, place: 'Әкімдік ғимараты, 101-кабинет' },
  });
  await p.goto(`${base}/receptions`);
  await p.locator('.sessions select').first().waitFor();
  await shot(p, 'citizen-receptions-kk');
  await phone.close();

  // the officials, on a desktop, in Russian: inbox, case with a step dialog, an act drafted from a standard form
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
  // an act drafted from a standard form: what APC 80 still needs, and the two steps of signing
  await d.locator('button[data-action="start_review"]').click();
  await d.getByRole('dialog').locator('button[type=submit]').click();
  await d.getByRole('dialog').waitFor({ state: 'detached' });
  await d.locator('input[name=template]').first().check();
  await d.locator('section[aria-labelledby=acts] form button[type=submit]').click();
  await d.getByTestId('act-missing').scrollIntoViewIfNeeded();
  await shot(d, 'official-act-draft-ru');
  await d.goto(`${base}/staff/load?lang=en`);
  await d.locator('table.worklist').waitFor();
  await shot(d, 'official-load-en');
  await desk.close();
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
