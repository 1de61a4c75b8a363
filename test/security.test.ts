/**
 * Web security (issue 14; docs/security.md): security headers and a strict Content-Security-Policy (relaxed
 * only under /api/docs), the cross-site request check for cookie sessions (bearer tokens exempt), the session
 * cookie's flags, rate limits per client address and per identity on sign-in, one-time codes and intake (429 as
 * problem+json in kk, ru and en), forwarded headers believed only from a trusted proxy, and output escaping.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoApplicants } from '../src/modules/identity/demo.ts';
import { MAX_FILES_PER_REQUEST } from '../src/platform/files.ts';
import { CERTIFICATE_LIMIT, INTAKE_LIMIT, LIMITED_ROUTES, LOGIN_LIMIT, OPEN311_LIMIT, OTP_REQUEST_LIMIT, OTP_VERIFY_LIMIT, PETITION_LIMIT, PETITION_SIGNATURE_LIMIT, PRINTABLE_CSP, RECEPTION_BOOKING_LIMIT, type RateLimit } from '../src/platform/security.ts';
import { ENGINES } from './support/databases.ts';
import { signIn, testApp } from './support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;

for (const { engine, skip } of ENGINES) {
  describe(`web security [${engine}]`, { skip }, () => {
    let app: App;
    let applicantEmail: string;
    let applicantCookie: string;
    let bodyId: string;

    before(async () => {
      app = await testApp(engine);
      applicantEmail = (await demoApplicants()).find((a) => a.email)!.email!;
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: applicantEmail } });
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address: applicantEmail, code: app.otp.lastCode(applicantEmail) } });
      applicantCookie = String(res.headers['set-cookie']).split(';')[0]!;
      bodyId = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
    });
    after(async () => app?.close());

    const appeal = { bodyId: '', type: 'application', language: 'ru', essence: 'Прошу отремонтировать дорогу', applicant: { kind: 'individual', name: 'Серікова Айгерім' } };

    test('security headers and a strict Content-Security-Policy on the API and the application', async () => {
      for (const url of ['/api/health', '/api/v1/terms', '/', '/assets/app.js']) {
        const res = await app.server.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /default-src 'self'/, url);
        assert.match(csp, /script-src 'self'(;|$)/, `${url}: scripts only from the origin, no inline, no eval`);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
        assert.match(csp, /object-src 'none'/, url);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
        assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/, url);
        assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
        assert.equal(res.headers['x-powered-by'], undefined, url);
      }
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/terms' })).headers['cache-control'], 'no-store', 'API answers are not kept by shared caches');
    });

    test('Swagger UI under /api/docs alone gets inline styles; its scripts still come only from the origin', async () => {
      let res = await app.server.inject({ method: 'GET', url: '/api/docs' });
      for (let hops = 0; res.statusCode === 302 && hops < 3; hops++) res = await app.server.inject({ method: 'GET', url: new URL(String(res.headers.location), 'http://localhost/api/docs/').pathname });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /swagger-ui/);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /style-src 'self' 'unsafe-inline'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(res.body, /<script>(?!\s*<\/script>)[^<]+<\/script>/, 'no inline script in the page');
      const api = await app.server.inject({ method: 'GET', url: '/api/v1/terms' });
      assert.doesNotMatch(String(api.headers['content-security-policy']), /unsafe-inline/);
    });

    test('printable HTML of the API (the day\'s visitor list) runs no script at all: its CSP allows only its own inline styles', async () => {
      const res = await app.server.inject({ method: 'GET', url: `/api/v1/receptions/daily?bodyId=${bodyId}&date=2025-03-24`, headers: await signIn(app, 'registrar') });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['content-security-policy'], PRINTABLE_CSP);
      assert.match(PRINTABLE_CSP, /default-src 'none'/);
      assert.doesNotMatch(PRINTABLE_CSP, /script-src/);
    });

    test('the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure behind https (a trusted proxy says so), never Secure-less over https', async () => {
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: applicantEmail } });
      const plain = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { channel: 'email', address: applicantEmail, code: app.otp.lastCode(applicantEmail) } });
      const cookie = String(plain.headers['set-cookie']);
      assert.match(cookie, /^tynda_session=[^;]+; /);
      for (const flag of ['HttpOnly', 'SameSite=Lax', 'Path=/']) assert.ok(cookie.split('; ').includes(flag), flag);
      assert.ok(!cookie.includes('Secure'), 'plain http on localhost (development)');
      await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { channel: 'email', address: applicantEmail } });
      const https = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', headers: { 'x-forwarded-proto': 'https' }, payload: { channel: 'email', address: applicantEmail, code: app.otp.lastCode(applicantEmail) } });
      assert.ok(String(https.headers['set-cookie']).split('; ').includes('Secure'), 'behind the https proxy on the loopback');
    });

    test('CSRF: a change with the session cookie needs this origin (Sec-Fetch-Site or Origin); another site is refused; bearer requests are exempt', async () => {
      const put = (headers: Record<string, string>) =>
        app.server.inject({ method: 'PUT', url: '/api/v1/applicants/me', headers: { 'accept-language': 'en', ...headers }, payload: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', iin: '950412400003' } });
      const bare = await put({ cookie: applicantCookie });
      assert.equal(bare.statusCode, 403, 'a cookie alone proves nothing about who sent the request');
      assert.match(String(bare.headers['content-type']), /^application\/problem\+json/);
      assert.equal(bare.json().code, 'cross_site_request');
      assert.equal((await put({ cookie: applicantCookie, 'sec-fetch-site': 'cross-site' })).statusCode, 403);
      assert.equal((await put({ cookie: applicantCookie, 'sec-fetch-site': 'same-site' })).statusCode, 403, 'a sibling subdomain is another site for a session');
      assert.equal((await put({ cookie: applicantCookie, origin: 'https://evil.example' })).statusCode, 403);
      assert.equal((await put({ cookie: applicantCookie, origin: 'null' })).statusCode, 403);
      assert.equal((await put({ cookie: applicantCookie, 'sec-fetch-site': 'same-origin' })).statusCode, 200);
      assert.equal((await put({ cookie: applicantCookie, origin: 'http://localhost:80' })).statusCode, 200);
      // reading is never refused, and a bearer token is not sent by a browser on its own
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/applicants/me', headers: { cookie: applicantCookie } })).statusCode, 200);
      const token = applicantCookie.split('=')[1]!;
      assert.equal((await put({ authorization: `Bearer ${token}` })).statusCode, 200);
      // login CSRF: another site cannot sign a visitor in to its own account
      const login = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: 'https://evil.example' }, payload: { login: 'admin', password: 'whatever-it-is' } });
      assert.equal(login.statusCode, 403);
    });

    test('a malformed cookie or token is a 401, never a server error', async () => {
      for (const cookie of ['tynda_session=%E0%A4%A', 'tynda_session=', 'tynda_session=session_%ZZ; x=%']) {
        const res = await app.server.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
        assert.equal(res.statusCode, 401, cookie);
      }
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer %E0' } })).statusCode, 401);
    });

    test(`rate limits: sign-in refused after ${LOGIN_LIMIT.perIdentity} tries per login a minute, with Retry-After, as problem+json in kk, ru and en`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= LOGIN_LIMIT.perIdentity; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.1.0.${i + 1}`, payload: { login: 'nobody.here', password: `guess-${i}` } });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses, [...Array(LOGIN_LIMIT.perIdentity).fill(401), 429], 'one login from many addresses');
      const titles = new Set<string>();
      for (const lang of ['kk', 'ru', 'en']) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': lang }, remoteAddress: '10.1.1.1', payload: { login: 'NOBODY.here', password: 'x' } });
        assert.equal(res.statusCode, 429);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.headers['content-language'], lang);
        assert.ok(Number(res.headers['retry-after']) > 0);
        assert.equal(res.json().code, 'too_many_requests');
        titles.add(res.json().title);
      }
      assert.equal(titles.size, 3, 'a title in each language');
    });

    test(`rate limits: one address trying many logins is refused after ${LOGIN_LIMIT.perIp} a minute`, async () => {
      let first429 = 0;
      for (let i = 1; i <= LOGIN_LIMIT.perIp + 1 && !first429; i++) {
        // the address is counted before the body is read: malformed tries count too (and cost no password hash here)
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.2.0.1', payload: { login: `spray.${i}` } });
        if (res.statusCode === 429) first429 = i;
      }
      assert.equal(first429, LOGIN_LIMIT.perIp + 1);
      // another address is not affected
      const other = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.2.0.2', payload: { login: 'spray.x', password: 'Winter2025!' } });
      assert.equal(other.statusCode, 401);
    });

    test('rate limits: X-Forwarded-For is believed only from the trusted proxy (the loopback by default)', async () => {
      // an untrusted client rotating X-Forwarded-For is still one address
      let first429 = 0;
      for (let i = 1; i <= LOGIN_LIMIT.perIp + 1 && !first429; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.3.0.1', headers: { 'x-forwarded-for': `192.0.2.${i}` }, payload: { login: `rotate.${i}` } });
        if (res.statusCode === 429) first429 = i;
      }
      assert.equal(first429, LOGIN_LIMIT.perIp + 1);
      // behind the trusted proxy (here the loopback) each client is its own address
      const statuses = new Set<number>();
      for (let i = 1; i <= LOGIN_LIMIT.perIp + 1; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `198.51.100.${i}` }, payload: { login: `proxied.${i}` } });
        statuses.add(res.statusCode);
      }
      assert.deepEqual([...statuses], [400]);
    });

    test(`rate limits: one-time codes, ${OTP_REQUEST_LIMIT.perIp} requests per address and ${OTP_VERIFY_LIMIT.perIdentity} checks per e-mail`, async () => {
      let first429 = 0;
      for (let i = 1; i <= OTP_REQUEST_LIMIT.perIp + 1 && !first429; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/request', remoteAddress: '10.4.0.1', payload: { channel: 'email', address: `person${i}@example.kz` } });
        assert.ok(res.statusCode === 202 || res.statusCode === 429, res.body);
        if (res.statusCode === 429) first429 = i;
      }
      assert.equal(first429, OTP_REQUEST_LIMIT.perIp + 1);
      const statuses: number[] = [];
      for (let i = 0; i <= OTP_VERIFY_LIMIT.perIdentity; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', remoteAddress: `10.5.0.${i + 1}`, payload: { channel: 'email', address: 'Guess.Me@example.kz', code: String(100000 + i) } });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.at(-1), 429, 'one e-mail guessed from many addresses');
      assert.ok(statuses.slice(0, -1).every((s) => s === 401));
    });

    test(`rate limits: an applicant files at most ${INTAKE_LIMIT.perIdentity} appeals a minute; nothing is registered past it`, async () => {
      const headers = await signIn(app, 'applicant');
      const count = async () => (await app.database.db.selectFrom('appeal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await count());
      const statuses: number[] = [];
      for (let i = 0; i <= INTAKE_LIMIT.perIdentity; i++) {
        const res = await app.server.inject({ method: 'POST', url: '/api/v1/appeals', headers, payload: { ...appeal, bodyId, essence: `Обращение ${i}` } });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.filter((s) => s === 201).length, INTAKE_LIMIT.perIdentity, statuses.join());
      assert.equal(statuses.at(-1), 429);
      assert.equal(Number(await count()) - before, INTAKE_LIMIT.perIdentity);
    });

    test('rate limits on public intake: petitions, joining one, reception bookings, Open311 requests and certificate sign-in, per address; per identity only where a credential is carried', async () => {
      const someId = '0b7c6a4e-2f1d-4c3b-9a8e-7d6c5b4a3f21';
      const routes: { method: 'GET' | 'POST'; url: string; limit: RateLimit; problem: boolean }[] = [
        { method: 'POST', url: '/api/v1/petitions', limit: PETITION_LIMIT, problem: true },
        { method: 'POST', url: `/api/v1/petitions/${someId}/signatures`, limit: PETITION_SIGNATURE_LIMIT, problem: true },
        { method: 'POST', url: `/api/v1/receptions/sessions/${someId}/bookings`, limit: RECEPTION_BOOKING_LIMIT, problem: true },
        { method: 'POST', url: '/open311/v2/requests.json', limit: OPEN311_LIMIT, problem: false },
        { method: 'POST', url: '/open311/v2/requests.xml', limit: OPEN311_LIMIT, problem: false },
        { method: 'GET', url: '/api/v1/auth/certificate/challenge', limit: CERTIFICATE_LIMIT, problem: true },
        { method: 'POST', url: '/api/v1/auth/certificate', limit: CERTIFICATE_LIMIT, problem: true },
      ];
      for (const [n, route] of routes.entries()) {
        const statuses: number[] = [];
        for (let i = 0; i <= route.limit.perIp; i++) {
          const res = await app.server.inject({ method: route.method, url: route.url, remoteAddress: `10.20.${n}.1`, ...(route.method === 'POST' ? { payload: {} } : {}) });
          statuses.push(res.statusCode);
        }
        assert.ok(statuses.slice(0, -1).every((s) => s !== 429), `${route.url}: ${route.limit.perIp} pass`);
        const last = await app.server.inject({ method: route.method, url: route.url, remoteAddress: `10.20.${n}.1`, headers: { 'accept-language': 'kk' }, ...(route.method === 'POST' ? { payload: {} } : {}) });
        assert.equal(last.statusCode, 429, route.url);
        assert.ok(Number(last.headers['retry-after']) > 0, route.url);
        if (route.problem) assert.match(String(last.headers['content-type']), /^application\/problem\+json/, route.url);
        // another address is not affected
        assert.notEqual((await app.server.inject({ method: route.method, url: route.url, remoteAddress: `10.21.${n}.1`, ...(route.method === 'POST' ? { payload: {} } : {}) })).statusCode, 429, route.url);
      }
      // every public intake route of the server is in the table
      for (const url of ['/api/v1/petitions', '/api/v1/petitions/:id/signatures', '/api/v1/receptions/sessions/:id/bookings', '/open311/v2/requests.json', '/open311/v2/requests.xml', '/api/v1/auth/certificate']) {
        assert.ok(LIMITED_ROUTES.some((r) => r.method === 'POST' && r.url === url), url);
      }

      // per identity: one applicant booking from many addresses is stopped; anonymous callers are not counted together
      const booking = { slotAt: '2030-01-10T10:00:00+05:00', topic: 'Вопрос о ремонте дороги' };
      const headers = await signIn(app, 'applicant');
      const mine: number[] = [];
      for (let i = 0; i <= RECEPTION_BOOKING_LIMIT.perIdentity; i++) {
        mine.push((await app.server.inject({ method: 'POST', url: `/api/v1/receptions/sessions/${someId}/bookings`, remoteAddress: `10.22.0.${i + 1}`, headers, payload: booking })).statusCode);
      }
      assert.ok(mine.slice(0, -1).every((s) => s === 404), mine.join());
      assert.equal(mine.at(-1), 429);
      const anonymous: number[] = [];
      for (let i = 0; i <= RECEPTION_BOOKING_LIMIT.perIdentity + 5; i++) {
        anonymous.push((await app.server.inject({ method: 'POST', url: `/api/v1/receptions/sessions/${someId}/bookings`, remoteAddress: `10.23.0.${i + 1}`, payload: booking })).statusCode);
      }
      assert.ok(anonymous.every((s) => s !== 429), anonymous.join());
    });

    test('uploads: a path-traversal or header-injecting file name is only a name; too many files or parts are refused; nothing refused is kept; downloads are sandboxed attachments', async () => {
      const headers = await signIn(app, 'registrar');
      const reg = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals/register', headers,
        payload: { ...appeal, bodyId, channel: 'paper', essence: 'Скан обращения', signed: true, receivedAt: new Date().toISOString() },
      });
      assert.equal(reg.statusCode, 201, reg.body);
      const id = reg.json().id as string;
      const multipart = (files: { name: string; bytes: Buffer }[]) => {
        const boundary = `----tynda${Math.random().toString(16).slice(2)}`;
        const parts = files.map((f) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`), f.bytes, Buffer.from('\r\n')]));
        return { headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
      };
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      const blobs = async () => Number((await app.database.db.selectFrom('file_blob').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const blobsBefore = await blobs();

      const traversal = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${id}/files`, ...multipart([{ name: '../../../../etc/passwd', bytes: pdf }]) });
      assert.equal(traversal.statusCode, 201, traversal.body);
      const file = traversal.json().files[0] as { id: string; name: string };
      // stored in the database by its SHA-256 (src/platform/files.ts): the name never becomes a path
      assert.equal(await blobs(), blobsBefore + 1);
      const down = await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${id}/files/${file.id}`, headers });
      assert.equal(down.statusCode, 200);
      assert.deepEqual(down.rawPayload, pdf);
      assert.match(String(down.headers['content-disposition']), /^attachment; filename="/);
      assert.equal(down.headers['x-content-type-options'], 'nosniff');
      assert.match(String(down.headers['content-security-policy']), /sandbox/);

      const injected = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${id}/files`, ...multipart([{ name: 'a.pdf\r\nSet-Cookie: x=1', bytes: Buffer.concat([pdf, Buffer.from('2')]) }]) });
      if (injected.statusCode === 201) {
        const got = await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${id}/files/${injected.json().files[0].id}`, headers });
        assert.equal(got.headers['set-cookie'], undefined, 'a file name cannot add a header');
      } else assert.ok(injected.statusCode >= 400 && injected.statusCode < 500, injected.body);

      const count = await blobs();
      const tooMany = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${id}/files`, ...multipart(Array.from({ length: MAX_FILES_PER_REQUEST + 1 }, (_, i) => ({ name: `p${i}.pdf`, bytes: Buffer.concat([pdf, Buffer.from(`n${i}`)]) }))) });
      assert.equal(tooMany.statusCode, 413, tooMany.body);
      assert.match(String(tooMany.headers['content-type']), /^application\/problem\+json/);
      const notMultipart = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${id}/files`, headers: { ...headers, 'content-type': 'application/json' }, payload: { file: 'x' } });
      assert.equal(notMultipart.statusCode, 415);
      assert.equal(await blobs(), count, 'refused uploads keep nothing');
    });

    test('output escaping: hostile text comes back as JSON data (nosniff), never as markup', async () => {
      const headers = { ...(await signIn(app, 'registrar')) };
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const res = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals/register', headers,
        payload: { ...appeal, bodyId, channel: 'paper', essence: hostile, summary: hostile, signed: true, receivedAt: new Date().toISOString() },
      });
      assert.equal(res.statusCode, 201, res.body);
      const read = await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${res.json().id}`, headers });
      assert.match(String(read.headers['content-type']), /^application\/json/);
      assert.equal(read.headers['x-content-type-options'], 'nosniff');
      assert.equal(read.json().essence, hostile, 'stored and returned as data, for the web app to render as text');
      const notFound = await app.server.inject({ method: 'GET', url: `/api/v1/${encodeURIComponent(hostile)}` });
      assert.ok(!notFound.body.includes('<script>'), 'an error never echoes the request');
    });
  });
}

describe('scripts/audit.mjs: a dependency audit that ran fails on unexplained findings; one that could not run says so', () => {
  const run = (report: unknown, exceptions: Record<string, string> = {}, env: Record<string, string> = {}) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-audit-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.json'), typeof report === 'string' ? report : JSON.stringify(report));
      fs.writeFileSync(path.join(dir, 'exceptions.json'), JSON.stringify(exceptions));
      const r = spawnSync(process.execPath, ['scripts/audit.mjs'], { encoding: 'utf8', env: { ...process.env, TYNDA_AUDIT_REPORT: path.join(dir, 'report.json'), TYNDA_AUDIT_EXCEPTIONS: path.join(dir, 'exceptions.json'), ...env } });
      return { status: r.status, out: r.stdout + r.stderr };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const advisory = { source: 1234, name: 'left-pad', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'high' };
  const found = { auditReportVersion: 2, vulnerabilities: { 'left-pad': { name: 'left-pad', severity: 'high', via: [advisory] }, wrapper: { name: 'wrapper', severity: 'high', via: ['left-pad'] } }, metadata: { vulnerabilities: { high: 2, critical: 0 } } };

  test('an unexplained high finding fails (exit 1); explained, it passes; a moderate one is not counted', () => {
    const failed = run(found);
    assert.equal(failed.status, 1, failed.out);
    assert.match(failed.out, /RAN and found unexplained/);
    assert.match(failed.out, /GHSA-xxxx/);
    assert.equal(run(found, { [advisory.url]: 'Only in a build tool; not shipped' }).status, 0);
    const moderate = { vulnerabilities: { 'left-pad': { name: 'left-pad', severity: 'moderate', via: [{ ...advisory, severity: 'moderate' }] } }, metadata: { vulnerabilities: { moderate: 1 } } };
    assert.equal(run(moderate).status, 0);
    assert.equal(run({ vulnerabilities: {}, metadata: { vulnerabilities: { high: 0 } } }).status, 0);
  });

  test('the npm 6 report format and totals not traced to an advisory fail too', () => {
    assert.equal(run({ advisories: { 1234: { id: 1234, module_name: 'left-pad', severity: 'critical', title: 'RCE', url: 'https://npmjs.com/advisories/1234' } } }).status, 1);
    assert.equal(run({ vulnerabilities: { x: { name: 'x', severity: 'high', via: ['y'] } }, metadata: { vulnerabilities: { high: 1 } } }).status, 1);
  });

  test('an unreachable advisory service: a loud banner, exit 0 (offline CI stays green), exit 1 when TYNDA_AUDIT_REQUIRED=1', () => {
    const offline = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };
    const r = run(offline);
    assert.equal(r.status, 0);
    assert.match(r.out, /DID NOT RUN/);
    assert.match(r.out, /NOT checked/);
    assert.equal(run('not json at all').status, 0);
    assert.equal(run(offline, {}, { TYNDA_AUDIT_REQUIRED: '1' }).status, 1);
  });
});
