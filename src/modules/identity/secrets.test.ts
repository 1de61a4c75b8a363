import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../platform/logging.ts';
import { SCRYPT } from './limits.ts';
import { hashPassword, newPassword, newToken, sha256, tokenKind, verifyPassword } from './secrets.ts';

test('passwords: scrypt with a per-hash salt and its cost kept in the hash; the right password verifies, a wrong one does not', async () => {
  const a = await hashPassword('қазақша құпиясөз 2025');
  const b = await hashPassword('қазақша құпиясөз 2025');
  assert.notEqual(a, b, 'salted');
  assert.match(a, new RegExp(`^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$[\\w-]{22}\\$[\\w-]{43}$`));
  assert.ok(await verifyPassword('қазақша құпиясөз 2025', a));
  assert.ok(!(await verifyPassword('қазақша құпиясөз 2026', a)));
  assert.ok(!(await verifyPassword('anything', 'plain-text-stored-by-mistake')));
});

test('tokens: a prefix says session or API token, 256 random bits, and anything else is not a token', () => {
  const s = newToken('session');
  const t = newToken('api');
  assert.equal(tokenKind(s), 'session');
  assert.equal(tokenKind(t), 'api');
  assert.equal(tokenKind(`${s}x`), undefined);
  assert.equal(tokenKind('tys_short'), undefined);
  assert.notEqual(newToken('session'), s);
  assert.match(sha256(s), /^[0-9a-f]{64}$/);
  assert.match(newPassword(), /^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
});

test('logs redact passwords, tokens, cookies and personal data wherever they appear', () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const log = createLogger('info', sink);
  log.info({ body: { login: 'krg.kb', password: 'p1', newPassword: 'p2', currentPassword: 'p3' }, token: 'tys_x', email: 'a@b.kz', iin: '950412400003', headers: { authorization: 'Bearer tys_y', cookie: 'tynda_session=tys_z' } }, 'sign-in');
  const line = lines.join('');
  for (const secret of ['p1', 'p2', 'p3', 'tys_x', 'tys_y', 'tys_z', 'a@b.kz', '950412400003']) assert.ok(!line.includes(`"${secret}`) && !line.includes(` ${secret}`), secret);
  assert.ok(line.includes('krg.kb'), 'a login is not secret');
});
