/**
 * The first paint the server draws (src/web/prepaint.tsx, docs/web-performance.md): a citizen's page arrives drawn in
 * its HTML, in the visitor's language and for whoever is signed in, before any JavaScript; its controls wait disabled
 * until the application, which then takes the page over in place. The officials' workspace is not drawn.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { en, kk, missing, openWebApp, ru, t, type WebApp } from '../support/browser.ts';

/** The state the server wrote beside the drawing (early.ts's FirstState). */
const stateOf = (html: string) => JSON.parse(/<script type="application\/json" id="tynda-first">(.*?)<\/script>/.exec(html)![1]!) as { me: { name: string } | null; lang: string; data: Record<string, unknown> };
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe('the first paint drawn by the server', { skip: missing }, () => {
  let web: WebApp;
  let cookie = '';
  before(async () => {
    web = await openWebApp();
    cookie = `tynda_session=${(await web.citizen()).authorization.replace(/^Bearer /, '')}`;
  });
  after(async () => web?.close());

  test("a visitor's page comes drawn in Kazakh, its controls disabled until the application runs, gzipped, and asks for no code before it is painted", async () => {
    const res = await web.app.server.inject({ url: '/services', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(res.headers['cache-control'], 'private, no-cache');
    const html = zlib.gunzipSync(res.rawPayload).toString();
    assert.match(html, /<html lang="kk">/);
    assert.equal(heading(html), t(kk, 'services.title'));
    assert.ok(html.includes(`<p>${t(kk, 'services.lead')}</p>`));
    assert.ok(html.includes(`<title>Tynda — ${t(kk, 'app.tagline')}</title>`));
    // the search form is there, inert: what is typed before the application runs would be lost with the drawing
    assert.match(html, /<input disabled="" [^>]*type="search"/);
    assert.doesNotMatch(html, /<(input|select|textarea|button)(?! disabled="")[\s>]/);
    assert.doesNotMatch(html, /rel="modulepreload"|\/api\/v1\/auth\/me/);
    assert.deepEqual(stateOf(html), { me: null, lang: 'kk', data: {} });
  });

  test('the language: ?lang= first, then the cookie the language switch sets, else Kazakh', async () => {
    const draw = async (url: string, c?: string) => (await web.app.server.inject({ url, headers: c ? { cookie: c } : {} })).body;
    assert.equal(heading(await draw('/services', 'tynda_lang=ru')), t(ru, 'services.title'));
    assert.equal(heading(await draw('/services?lang=en', 'tynda_lang=ru')), t(en, 'services.title'));
    assert.equal(heading(await draw('/services', 'tynda_lang=xx')), t(kk, 'services.title'));
    assert.match(await draw('/knowledge', 'tynda_lang=ru'), /<html lang="ru">/);
  });

  test("signed in: the header shows the citizen, and the state written in the page is GET /auth/me's answer", async () => {
    const me = (await web.app.server.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json() as { name: string };
    const html = (await web.app.server.inject({ url: '/cabinet', headers: { cookie } })).body;
    assert.deepEqual(stateOf(html).me, me);
    assert.ok(html.includes(`<span class="name">${me.name}</span>`));
    assert.equal(heading(html), t(kk, 'cabinet.title'));
    // drawn with the list of my appeals, as GET /api/v1/appeals answers it
    const mine = (await web.app.server.inject({ url: '/api/v1/appeals?view=mine&pageSize=100', headers: { cookie } })).json();
    assert.deepEqual(stateOf(html).data, { '/api/v1/appeals?view=mine&pageSize=100': mine });
    // an ended session draws the page for a visitor
    const visitor = (await web.app.server.inject({ url: '/cabinet', headers: { cookie: 'tynda_session=tys_ended' } })).body;
    assert.equal(stateOf(visitor).me, null);
  });

  test("the pages a citizen follows are drawn with the API's answers they show first, written beside for the application; another's appeal is not", async () => {
    const bodyId = web.ids['KRG-BZH'];
    const filed = await web.inject('POST', '/api/v1/appeals', await web.citizen(), { bodyId, type: 'application', language: 'kk', essence: 'Абай көшесіндегі көше жарығын жөндеуді сұраймын', applicant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', postalAddress: 'Ботакара, Абай к-сі 3' } });
    const appeal = (await web.app.server.inject({ url: `/api/v1/appeals/${filed.id}`, headers: { cookie } })).json() as { number: string };
    const html = (await web.app.server.inject({ url: `/appeals/${filed.id}`, headers: { cookie } })).body;
    // (React separates adjacent texts with an empty comment)
    assert.match(html, new RegExp(`<h1>${t(kk, 'case.title')}(<!-- -->)? <span class="number">${appeal.number}</span></h1>`));
    assert.deepEqual(stateOf(html).data[`/api/v1/appeals/${filed.id}`], appeal);
    const code = ((await web.app.server.inject({ url: '/api/v1/services' })).json() as { items: { code: string; name: { kk: string } }[] }).items[0]!;
    assert.equal(heading((await web.app.server.inject({ url: `/services/${code.code}` })).body), code.name.kk);
    // a visitor gets the page without the appeal: the application says it is not theirs to see
    const visitor = (await web.app.server.inject({ url: `/appeals/${filed.id}` })).body;
    assert.deepEqual(stateOf(visitor).data, {});
    assert.doesNotMatch(visitor, new RegExp(appeal.number));
  });

  test("the officials' workspace is not drawn: the application draws it, its code preloaded", async () => {
    const html = (await web.app.server.inject({ url: '/staff' })).body;
    assert.match(html, /<div id="root"><\/div>/);
    assert.match(html, /rel="modulepreload"/);
    assert.doesNotMatch(html, /tynda-first/);
  });

  test('a name cannot close the element that carries the state', async () => {
    const { prepaint } = (await import(pathToFileURL(path.resolve('dist/web/.server/prepaint.js')).href)) as { prepaint(template: string, page: object): string };
    const name = '</script><script>alert(1)</script>';
    const html = prepaint(fs.readFileSync(path.resolve('dist/web/index.html'), 'utf8'), { href: '/', lang: 'kk', me: { kind: 'applicant', id: 'x', name, bodyId: null, via: 'session', roles: [], permissions: [] } });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.equal(stateOf(html).me?.name, name);
  });

  test('in Chromium: readable without JavaScript; with it, the application hydrates the drawing (the same elements), and a language chosen with the switch is drawn by the server next time', async () => {
    const bare = await web.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const still = await bare.newPage();
    await still.goto(`${web.base}/services`);
    await still.getByRole('heading', { level: 1, name: t(kk, 'services.title') }).waitFor();
    assert.equal(await still.getByRole('searchbox').isDisabled(), true);
    await bare.close();

    await web.journey('first-paint-takeover', async (page) => {
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      // the drawn heading, kept before the application runs (it is imported after the first paint)
      await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => ((window as unknown as { drawn: unknown }).drawn = document.querySelector('main h1'))));
      await page.goto(`${web.base}/services`);
      const search = page.getByRole('searchbox', { name: t(kk, 'services.search') });
      // enabled once the application has taken the drawing over: the same elements, not a second drawing
      await search.fill('паспорт');
      assert.equal(await page.evaluate(() => document.querySelector('main h1') === (window as unknown as { drawn: unknown }).drawn), true, 'the drawn heading is the application\'s');
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(warnings.filter((w) => w.includes('drawn again')), []);
      await page.getByRole('button', { name: t(kk, 'lang.ru') }).click();
      await page.getByRole('heading', { level: 1, name: t(ru, 'services.title') }).waitFor();
      assert.ok((await page.context().cookies()).some((c) => c.name === 'tynda_lang' && c.value === 'ru'));
      const next = await page.goto(`${web.base}/knowledge`);
      assert.match(await next!.text(), /<html lang="ru">/);
    }, { phone: true });

    // on a slow connection the page's code comes after the application: the frame is hydrated at once, the page when
    // its code comes, and nothing is drawn again
    await web.journey('first-paint-slow-page-code', async (page) => {
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.route('**/assets/Receptions-*.js', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.goto(`${web.base}/receptions`);
      await page.locator('main h1:not([disabled])').waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-drawn]'));
      assert.deepEqual(warnings.filter((w) => w.includes('drawn again')), []);
    });
  });
});
