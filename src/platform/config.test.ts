import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, embedded database in ./.tynda, jobs on, the counting conventions of APC requirements §3.1', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, path.resolve('.tynda'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.jobs, true);
  assert.deepEqual(c.conventions, { countStart: 'day_after_event', nonWorkingEnd: 'next_working_day', bodyInternalTarget: true, mainTermFrom: 'receipt' });
});

test('a bad variable stops start-up with an error that names it and its value', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.deepEqual(e.problems.map((p) => p.variable).sort(), ['DATABASE_URL', 'PORT']);
    assert.match(e.message, /PORT: .*"eighty"/);
    return true;
  });
});

test('DATABASE_URL switches to PostgreSQL and the main-term convention can count from registration (A4)', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/tynda', TYNDA_MAIN_TERM_FROM: 'registration', PORT: '8080' });
  assert.equal(c.databaseUrl, 'postgres://u@localhost:5432/tynda');
  assert.equal(c.conventions.mainTermFrom, 'registration');
  assert.equal(c.port, 8080);
});

test('e-mail and SMS channels are off by default; SMTP and the SMS gateway are configured by their variables', () => {
  const off = loadConfig({});
  assert.equal(off.smtp, undefined);
  assert.equal(off.sms, undefined);
  const c = loadConfig({
    SMTP_HOST: 'smtp.gov.kz', SMTP_SECURE: 'tls', SMTP_USER: 'tynda', SMTP_PASSWORD: 's3cret', SMTP_FROM: 'Tynda <noreply@tynda.gov.kz>',
    SMS_GATEWAY_URL: 'https://sms.example.kz/send', SMS_GATEWAY_BODY: 'phone={{to}}&text={{text}}', SMS_GATEWAY_CONTENT_TYPE: 'application/x-www-form-urlencoded',
  });
  assert.deepEqual(c.smtp, { host: 'smtp.gov.kz', port: 465, secure: 'tls', auth: { user: 'tynda', pass: 's3cret' }, from: 'Tynda <noreply@tynda.gov.kz>' });
  assert.equal(loadConfig({ SMTP_HOST: 'relay', SMTP_FROM: 'a@b.kz' }).smtp!.port, 587);
  assert.deepEqual(c.sms, { url: 'https://sms.example.kz/send', body: 'phone={{to}}&text={{text}}', contentType: 'application/x-www-form-urlencoded', authorization: undefined });
});

test('an incomplete mail or SMS setting stops start-up naming the variable, and never prints the password', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.doesNotMatch(e.message, /s3cret/);
      return e.problems.map((p) => p.variable).sort();
    }
    return [];
  };
  assert.deepEqual(problems({ SMTP_HOST: 'smtp.gov.kz' }), ['SMTP_FROM']);
  assert.deepEqual(problems({ SMTP_HOST: 'smtp.gov.kz', SMTP_FROM: 'a@b.kz', SMTP_PASSWORD: 's3cret' }), ['SMTP_USER']);
  assert.deepEqual(problems({ SMTP_SECURE: 'maybe', SMTP_FROM: 'nobody', SMTP_PORT: '70000' }), ['SMTP_FROM', 'SMTP_PORT', 'SMTP_SECURE']);
  assert.deepEqual(problems({ SMS_GATEWAY_URL: 'ftp://x', SMS_GATEWAY_BODY: '{"text":"{{text}}"}' }), ['SMS_GATEWAY_BODY', 'SMS_GATEWAY_URL']);
});

test('webhooks go only to https on public addresses unless TYNDA_WEBHOOK_ALLOW_HTTP / TYNDA_WEBHOOK_ALLOW_PRIVATE say otherwise', () => {
  assert.deepEqual(loadConfig({}).webhooks, { allowHttp: false, allowPrivate: false });
  assert.deepEqual(loadConfig({ TYNDA_WEBHOOK_ALLOW_HTTP: 'on', TYNDA_WEBHOOK_ALLOW_PRIVATE: 'on' }).webhooks, { allowHttp: true, allowPrivate: true });
  assert.throws(() => loadConfig({ TYNDA_WEBHOOK_ALLOW_PRIVATE: 'yes' }), (e: unknown) => e instanceof ConfigError && e.problems[0]!.variable === 'TYNDA_WEBHOOK_ALLOW_PRIVATE');
});
