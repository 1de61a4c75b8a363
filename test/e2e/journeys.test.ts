/**
 * The main journeys of the web application in real Chromium (Debian's /usr/bin/chromium through playwright-core)
 * against the whole app served on a loopback port (PGlite; the clock of the procedure is a test adapter):
 * a citizen files an appeal and follows it (APC 64(2), 76(1)) in Kazakh, then in Russian and English; a clerk
 * registers a paper appeal (64(2)–(3)); an executor hears (73) and decides (77: adopt_act); a head extends the
 * term (76(3)). A failing test leaves a screenshot in test-results/e2e/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demoApplicants, demoLogins } from '../../src/modules/identity/demo.ts';
import { signIn, testApp } from '../support/app.ts';
import { buildWeb } from '../../scripts/build-web.mjs';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-results/e2e');
const missing = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium): the browser journeys are SKIPPED`;
if (missing) console.error(`${'!'.repeat(100)}\n!! ${missing}\n${'!'.repeat(100)}`);

type Texts = Record<string, Record<string, unknown>>;
const locale = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(`src/web/locales/${lang}.json`), 'utf8')) as Texts;
const kk = locale('kk');
const ru = locale('ru');
const en = locale('en');
/** A text of the web app by its key (`file.next`), as the user sees it. */
const t = (texts: Texts, key: string): string => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts) as string;

describe('web application journeys in Chromium', { skip: missing }, () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let browser: Browser;
  let base: string;
  let now = new Date();
  const ids: Record<string, string> = {};

  before(async () => {
    await buildWeb({ ifStale: true, quiet: true });
    app = await testApp('pglite', {}, { clock: () => now });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) ids[b.code] = b.id;
    for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) ids[a.login] = a.official_id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Runs a journey in a fresh browser context (a phone-sized one for citizens); on failure saves a screenshot. */
  async function journey(name: string, run: (page: Page) => Promise<void>, options: { phone?: boolean } = {}) {
    const context: BrowserContext = await browser.newContext(options.phone ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await run(page);
      assert.deepEqual(errors, [], 'no script errors in the page');
    } catch (e) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  }

  async function officialSignIn(page: Page, role: 'registrar' | 'executor' | 'body_head') {
    const login = (await demoLogins())[role]!;
    const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
    await page.goto(`${base}/staff/signin`);
    await page.getByLabel(t(kk, 'signin.login')).fill(login);
    await page.getByLabel(t(kk, 'signin.password')).fill(password);
    await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();
    await page.getByRole('heading', { level: 1, name: t(kk, 'inbox.title') }).waitFor();
  }

  /** A paper appeal registered through the API, assigned to the demo executor: the starting point of an official's journey. */
  async function registeredCase(summary: string): Promise<string> {
    const registrar = await signIn(app, 'registrar');
    const res = await app.server.inject({
      method: 'POST', url: '/api/v1/appeals/register', headers: registrar,
      payload: {
        bodyId: ids['KRG-BZH'], type: 'application', channel: 'paper', language: 'kk', summary, essence: 'Үйдің шатырын жөндеуді сұраймын',
        applicant: { kind: 'individual', name: 'Әлиев Әли', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' }, signed: true, receivedAt: now.toISOString(),
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = (res.json() as { id: string }).id;
    const head = await signIn(app, 'body_head');
    const current = (await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${id}`, headers: head })).json() as { version: number };
    const assigned = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, headers: head, payload: { version: current.version, action: 'assign', executorId: ids['bzh.executor'] } });
    assert.equal(assigned.statusCode, 200, assigned.body);
    return id;
  }

  async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
    await page.locator(`button[data-action="${action}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: t(kk, 'action.confirm') }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  test('a citizen on a phone files an appeal through the guided form, gets the ticket (APC 64(2)) and follows it; the page speaks kk, ru and en', async () => {
    await journey('citizen-files-and-follows', async (page) => {
      const email = (await demoApplicants()).find((a) => a.email)!.email!;
      await page.goto(`${base}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'kk', 'Kazakh is the default');
      await page.getByRole('heading', { level: 1, name: t(kk, 'home.title') }).waitFor();
      await page.locator('#main').getByRole('link', { name: t(kk, 'home.fileButton') }).click();

      // sign-in with a one-time code to the e-mail
      await page.getByLabel(t(kk, 'signin.email')).fill(email);
      await page.getByRole('button', { name: t(kk, 'signin.sendCode') }).click();
      await page.getByLabel(t(kk, 'signin.code')).waitFor();
      await page.getByLabel(t(kk, 'signin.code')).fill(app.otp.lastCode(email)!);
      await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();

      // the guided form: topic → suggested body → text → preview → submit
      await page.getByRole('heading', { level: 1, name: t(kk, 'file.title') }).waitFor();
      await page.getByRole('radio', { name: 'Тұрғын үй-коммуналдық шаруашылық' }).check();
      await page.getByLabel(t(kk, 'file.subtopic')).selectOption({ label: 'Жылумен жабдықтау' });
      await page.getByRole('button', { name: t(kk, 'file.next') }).click();
      const suggested = page.locator('.choice.suggested');
      assert.ok((await suggested.count()) >= 1, 'a body is suggested from the topic (its competent body type)');
      await page.getByRole('radio', { name: /Бұқар жырау/ }).check();
      await page.getByRole('button', { name: t(kk, 'file.next') }).click();
      // the essence is required: the form says so next to the field before anything is sent
      await page.getByRole('button', { name: t(kk, 'file.preview') }).click();
      await page.getByText(t(kk, 'file.essenceRequired')).first().waitFor();
      await page.getByLabel(t(kk, 'file.summary')).fill('Пәтерде жылу жоқ');
      await page.getByLabel(t(kk, 'file.essence')).fill('Қараша айынан бері Абай көшесі, 10 үйдегі пәтерлерде жылу жоқ. Жылумен жабдықтауды қалпына келтіруді сұраймын.');
      await page.getByLabel(t(kk, 'file.postalAddress')).fill('Бұқар жырау ауданы, Абай к-сі, 10, 5-пәтер');
      await page.getByRole('button', { name: t(kk, 'file.preview') }).click();
      await page.getByText('Пәтерде жылу жоқ').waitFor();
      await page.getByRole('button', { name: t(kk, 'file.submit') }).click();

      const number = (await page.getByTestId('ticket-number').textContent())!;
      assert.match(number, /^KRG-BZH-\d{4}-\d+$/, 'the ticket carries the registration number');
      const stored = await app.database.db.selectFrom('appeal').select(['state', 'channel', 'essence']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.state, stored.channel], ['registered', 'electronic']);

      // follow it: status, terms with their explanation
      await page.getByRole('link', { name: t(kk, 'file.follow') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
      await page.locator('.status-line').getByText(t(kk, 'state.registered')).waitFor();
      const term = page.locator('.term').filter({ hasText: (kk.termName as Record<string, string>)['APC-76.1']! });
      await term.getByText(t(kk, 'term.explain')).click();
      await term.getByText('APC 76(1)').first().waitFor();

      // request access to the case materials (APC 75(1)): the step appears in the timeline
      await act(page, 'request_access');
      await page.locator('.timeline').getByText(t(kk, 'action.request_access')).waitFor();

      // the cabinet lists the appeal and the notice of registration
      await page.getByRole('link', { name: t(kk, 'nav.cabinet') }).first().click();
      await page.getByRole('link', { name: new RegExp(number) }).waitFor();
      await page.locator('.notices').getByText(number).first().waitFor();

      // the language switch: Russian, then English, remembered across a reload
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByRole('heading', { level: 1, name: t(ru, 'cabinet.title') }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: t(en, 'cabinet.title') }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t(en, 'cabinet.title') }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    }, { phone: true });
  });

  test('a clerk registers a paper appeal with its real receipt time and gets the ticket (APC 63(1), 64(2)–(3))', async () => {
    await journey('clerk-registers-paper', async (page) => {
      await officialSignIn(page, 'registrar');
      await page.getByRole('link', { name: t(kk, 'nav.register') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'register.title') }).waitFor();
      await page.getByLabel(t(kk, 'file.name')).fill('Серіков Ерлан Маратұлы');
      await page.getByLabel(t(kk, 'file.postalAddress')).fill('Ботакара к., Бейбітшілік к-сі, 3');
      await page.getByLabel(t(kk, 'file.summary')).fill('Көше жарығы');
      await page.getByLabel(t(kk, 'file.essence')).fill('Бейбітшілік көшесінде түнде жарық жанбайды.');
      // a wrong IIN is refused by the API and the message stands next to the field, in Kazakh
      await page.getByLabel(t(kk, 'register.iin')).fill('123');
      await page.getByRole('button', { name: t(kk, 'register.submit') }).click();
      const iinField = page.locator('.field.invalid').filter({ has: page.getByLabel(t(kk, 'register.iin')) });
      await iinField.locator('.error').waitFor();
      await page.getByLabel(t(kk, 'register.iin')).fill('');
      await page.getByRole('button', { name: t(kk, 'register.submit') }).click();
      const number = (await page.getByTestId('ticket-number').textContent())!;
      assert.match(number, /^KRG-BZH-\d{4}-\d+$/);
      const stored = await app.database.db.selectFrom('appeal').select(['channel', 'state']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.channel, stored.state], ['paper', 'registered']);
      await page.getByRole('link', { name: t(kk, 'register.open') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    });
  });

  test('an executor finds the case in the inbox, hears the participant (APC 73) and adopts the act (77) once the hearing window has passed', async () => {
    const id = await registeredCase('Шатырды жөндеу');
    await journey('executor-hears-and-decides', async (page) => {
      await officialSignIn(page, 'executor');
      await page.getByRole('button', { name: new RegExp(t(kk, 'inbox.mine')) }).click();
      await page.getByRole('link', { name: /KRG-BZH/ }).first().waitFor();
      await page.goto(`${base}/appeals/${id}`);
      await page.locator('button[data-action="start_review"]').waitFor();
      assert.equal(await page.locator('button[data-action="extend"]').count(), 0, 'an executor is not offered the extension (APC 76(3): the head or a deputy)');
      await act(page, 'start_review');
      await page.locator('.status-line').getByText(t(kk, 'state.in_review')).waitFor();
      await act(page, 'notify_preliminary_decision', async (d) => {
        await d.getByText('APC 73(1)').waitFor();
        await d.getByLabel(new RegExp(t(kk, 'field.draft'))).fill('Шатырды жөндеу бюджетте қарастырылмаған, бас тарту ұсынылады.');
        await d.getByLabel(new RegExp(t(kk, 'field.method'))).selectOption('information_system');
      });
      await page.locator('.status-line').getByText(t(kk, 'state.preliminary_notified')).waitFor();
      // the participant received it today (the objection window of APC 73(3) runs from receipt)
      await act(page, 'record_preliminary_receipt');
      await page.locator('.timeline').getByText(t(kk, 'action.record_preliminary_receipt')).waitFor();
      // too early: the dialog shows the refusal and stays open
      await page.locator('button[data-action="adopt_act"]').click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel(new RegExp(t(kk, 'field.outcome'))).selectOption('refused');
      await dialog.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Бюджеттік қаражат жоқ.');
      await dialog.getByRole('button', { name: t(kk, 'action.confirm') }).click();
      await dialog.getByRole('alert').waitFor();
      await dialog.getByRole('button', { name: t(kk, 'action.cancel') }).click();
      await dialog.waitFor({ state: 'detached' });
      // the hearing window passes (APC 73(3)): a week later the act is adopted
      now = new Date(now.getTime() + 7 * 86_400_000);
      await page.reload();
      await act(page, 'adopt_act', async (d) => {
        await d.getByLabel(new RegExp(t(kk, 'field.outcome'))).selectOption('refused');
        await d.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Бюджеттік қаражат жоқ; өтініш берушінің қарсылығы болған жоқ.');
      });
      await page.locator('.status-line').getByText(t(kk, 'state.decided')).waitFor();
      const stored = await app.database.db.selectFrom('appeal').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(stored.state, 'decided');
    });
  });

  test('a head extends the term by a reasoned decision (APC 76(3)); the case shows the new term as extended', async () => {
    now = new Date();
    const id = await registeredCase('Жол жөндеу');
    await journey('head-extends-term', async (page) => {
      await officialSignIn(page, 'body_head');
      await page.goto(`${base}/appeals/${id}`);
      const before = await app.database.db.selectFrom('appeal').select(['due', 'extension_cap']).where('id', '=', id).executeTakeFirstOrThrow();
      await act(page, 'extend', async (d) => {
        await d.getByText('APC 76(3)').first().waitFor();
        await d.getByLabel(new RegExp(t(kk, 'field.newDue'))).fill(before.extension_cap);
        await d.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Жылу желісінің жай-күйін тексеру үшін сараптама қажет.');
      });
      await page.locator('.facts .tag').getByText(t(kk, 'case.extended')).waitFor();
      const after = await app.database.db.selectFrom('appeal').select(['due', 'extended']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(after.extended, true);
      assert.equal(after.due, before.extension_cap);
      // the head's view of the body lists the executor's load
      await page.getByRole('link', { name: t(kk, 'nav.load') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'load.title') }).waitFor();
      await page.locator('table').getByText(/\S/).first().waitFor();
    });
  });
});
