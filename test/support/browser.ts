/**
 * The web application in real Chromium (Debian's /usr/bin/chromium through playwright-core) against the whole app
 * served on a loopback port (PGlite), for the end-to-end journeys in test/e2e/. A failing journey leaves a screenshot
 * in test-results/e2e/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppOptions } from '../../src/app.ts';
import { demoLogins } from '../../src/modules/identity/demo.ts';
import type { Role } from '../../src/modules/identity/policy.ts';
import { signIn, testApp } from './app.ts';
import { buildWeb } from '../../scripts/build-web.mjs';
import { createClient, type TyndaClient } from '../../clients/ts/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-results/e2e');
/** Why the browser journeys cannot run here, or false: pass it as `skip` of the describe. */
export const missing = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium): the browser journeys are SKIPPED`;
if (missing) console.error(`${'!'.repeat(100)}\n!! ${missing}\n${'!'.repeat(100)}`);

type Texts = Record<string, Record<string, unknown>>;
const locale = (lang: string) => JSON.parse(fs.readFileSync(path.resolve(`src/web/locales/${lang}.json`), 'utf8')) as Texts;
export const kk = locale('kk');
export const ru = locale('ru');
export const en = locale('en');
/** A text of the web app by its key (`file.next`), as the user sees it. */
export const t = (texts: Texts, key: string): string => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts) as string;

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export interface WebApp {
  app: TestApp;
  browser: Browser;
  /** http://127.0.0.1:port */
  base: string;
  /** body ids by code, official ids by demo login */
  ids: Record<string, string>;
  /** Runs a journey in a fresh browser context (a phone-sized one for citizens); on failure saves a screenshot. */
  journey(name: string, run: (page: Page) => Promise<void>, options?: { phone?: boolean }): Promise<void>;
  /** Signs an official in through the staff sign-in page (demo account of the role) and waits for the inbox. */
  officialSignIn(page: Page, role: Role): Promise<void>;
  /** The demo citizen's API session, made once (one-time codes are rate-limited per address). */
  citizen(): Promise<{ authorization: string }>;
  /** Signs the page in as the demo citizen: the session cookie the sign-in sets. */
  asCitizen(page: Page): Promise<void>;
  /**
   * The generated client (clients/ts) on this app's base URL with the session of a demo role (the applicant is the
   * demo citizen of `citizen()`): API setup through the same typed calls an integrator makes; a refusal throws TyndaError.
   */
  api(role: Role): Promise<TyndaClient>;
  /** An API call that must succeed; returns its JSON. */
  inject(method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object): Promise<Record<string, unknown> & { id: string; version: number }>;
  close(): Promise<void>;
}

/** Builds the web application if stale, starts the app on a loopback port and launches Chromium. */
export async function openWebApp(env: Record<string, string> = {}, options: Omit<AppOptions, 'database' | 'logger'> = {}): Promise<WebApp> {
  await buildWeb({ ifStale: true, quiet: true });
  const app = await testApp('pglite', env, options);
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  const ids: Record<string, string> = {};
  for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) ids[b.code] = b.id;
  for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) ids[a.login] = a.official_id;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  let citizenHeaders: { authorization: string } | undefined;
  const sessions = new Map<Role, Promise<{ authorization: string }>>();
  const web: WebApp = {
    app, browser, base, ids,
    async journey(name, run, opts = {}) {
      const context: BrowserContext = await browser.newContext(opts.phone ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
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
    },
    async officialSignIn(page, role) {
      const login = (await demoLogins())[role]!;
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
      await page.goto(`${base}/staff/signin`);
      await page.getByLabel(t(kk, 'signin.login')).fill(login);
      await page.getByLabel(t(kk, 'signin.password')).fill(password);
      await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'inbox.title') }).waitFor();
    },
    async citizen() {
      citizenHeaders ??= await signIn(app, 'applicant');
      return citizenHeaders;
    },
    async asCitizen(page) {
      const token = (await web.citizen()).authorization.replace(/^Bearer /, '');
      await page.context().addCookies([{ name: 'tynda_session', value: token, url: base }]);
    },
    async api(role) {
      // one session per role for the whole file: sign-ins are rate-limited per address
      if (!sessions.has(role)) sessions.set(role, role === 'applicant' ? web.citizen() : signIn(app, role));
      const { authorization } = await sessions.get(role)!;
      return createClient({ baseUrl: base, token: authorization.replace(/^Bearer /, ''), language: 'kk' });
    },
    async inject(method, url, headers, payload) {
      const res = await app.server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, unknown> & { id: string; version: number };
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
  return web;
}
