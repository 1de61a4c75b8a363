/**
 * The server serves the browser application beside the API, on both engines: pages fall back to index.html,
 * hashed assets are cached and sent precompressed, and nothing under /api/ or /verify/ is ever answered by the
 * web application (an unknown API path stays a problem+json 404).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ENGINES } from '../support/databases.ts';
import { testApp } from '../support/app.ts';

for (const { engine, skip } of ENGINES) {
  describe(`web application served by the API server [${engine}]`, { skip }, () => {
    let app: Awaited<ReturnType<typeof testApp>>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-web-'));
    const script = 'console.log("tynda")';

    before(async () => {
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tynda</title><div id="root"></div>');
      fs.writeFileSync(path.join(dir, 'assets/index-abc123.js'), script);
      fs.writeFileSync(path.join(dir, 'assets/index-abc123.js.gz'), zlib.gzipSync(script));
      app = await testApp(engine, {}, { webDir: dir });
    });
    after(async () => {
      await app?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('every page path of the application gets index.html, revalidated on each visit', async () => {
      for (const url of ['/', '/cabinet', '/appeals/3f6c1b2e-0000-4000-8000-000000000000', '/staff/load?x=1']) {
        const res = await app.server.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 200, url);
        assert.match(res.headers['content-type'] as string, /^text\/html/);
        assert.match(res.body, /<div id="root">/);
        assert.equal(res.headers['cache-control'], 'no-cache');
      }
    });

    test('hashed assets are cached for a year and sent gzipped to a browser that accepts it', async () => {
      const res = await app.server.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(zlib.gunzipSync(res.rawPayload).toString(), script);
    });

    test('the web application never shadows /api/ or /verify/: unknown paths there are problem+json 404s; a missing asset is a 404 too', async () => {
      for (const url of ['/api/v1/nothing-here', '/api', '/verify', '/assets/gone-123.js']) {
        const res = await app.server.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['content-type'] as string, /^application\/problem\+json/, url);
      }
      // /verify/... belongs to the server (verification of acts): whatever it answers, it is never the page
      const verify = await app.server.inject({ method: 'GET', url: '/verify/not-a-code' });
      assert.ok(verify.statusCode >= 400, `/verify/not-a-code answered ${verify.statusCode}`);
      assert.doesNotMatch(verify.body, /<div id="root">/);
      const health = await app.server.inject({ method: 'GET', url: '/api/health' });
      assert.equal(health.statusCode, 200);
    });

    test('the closed lists of grounds for the forms come in the language asked for (APC 73(2), 70(1), 67(1))', async () => {
      const ru = (await app.server.inject({ method: 'GET', url: '/api/v1/appeal-grounds', headers: { 'accept-language': 'ru' } })).json() as Record<string, { code: string; citation: string; text: string }[]>;
      const kk = (await app.server.inject({ method: 'GET', url: '/api/v1/appeal-grounds' })).json() as typeof ru;
      assert.equal(ru.hearingExemptions!.find((g) => g.code === 'favourable_no_third_party')?.citation, 'APC 73(2)(1)');
      assert.match(ru.terminationGrounds!.find((g) => g.code === 'withdrawn')!.text, /отзыв/);
      assert.match(kk.terminationGrounds!.find((g) => g.code === 'withdrawn')!.text, /кері қайтарып/);
      assert.ok(ru.recusalGrounds!.length >= 4 && ru.appealContent!.some((c) => c.code === 'essence'));
    });
  });
}
