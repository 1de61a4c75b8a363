/**
 * The e-signature port (APC 45(7), 64(4)) against a PKI made with openssl in the test: signatures made by
 * `openssl cms -sign` verify; a changed document, an expired, revoked or non-signing certificate and an unknown CA
 * fail, each with its own reason.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeTestPki, type TestPki } from '../../test/support/pki.ts';
import { loadConfig, ConfigError } from './config.ts';
import { CmsSignatureVerifier, SignatureRouter, signatureBytes, type SignaturePort } from './signature.ts';

describe('CMS signature port', () => {
  let pki: TestPki;
  let port: CmsSignatureVerifier;
  const doc = Buffer.from('{"act":"Әкімшілік акт № 1","operative":"Өтініш қанағаттандырылсын"}');
  const now = new Date('2025-04-14T06:00:00Z');

  before(() => {
    pki = makeTestPki();
    port = new CmsSignatureVerifier(pki.trustDir);
  });
  after(() => pki?.cleanup());

  test('APC 45(7): a detached signature made by `openssl cms -sign -binary -outform DER` verifies; the signer, IIN and signing time are read', async () => {
    const r = await port.verify(doc, pki.sign('signer', doc), now);
    assert.equal(r.reason, 'ok');
    assert.equal(r.valid, true);
    assert.equal(r.signer?.iin, '881102400005');
    assert.equal(r.signer?.commonName, 'Иванова Елена Сергеевна');
    assert.equal(r.revocation, 'not_revoked');
    assert.equal(r.digestAlgorithm, 'sha256');
    assert.ok(r.signingTime && Math.abs(Date.parse(r.signingTime) - Date.now()) < 120_000, "openssl states the signing time");
    assert.match(r.trustAnchor ?? '', /Tynda Test Root CA/);
  });

  test('the signature also verifies given as base64 (how the API carries it)', async () => {
    const r = await port.verify(doc, signatureBytes(pki.sign('signer', doc).toString('base64')), now);
    assert.equal(r.reason, 'ok');
  });

  test('a document changed after signing fails: content_mismatch', async () => {
    const sig = pki.sign('signer', doc);
    const changed = Buffer.from(doc.toString().replace('қанағаттандырылсын', 'қанағаттандырылмасын'));
    const r = await port.verify(changed, sig, now);
    assert.equal(r.valid, false);
    assert.equal(r.reason, 'content_mismatch');
  });

  test('an expired certificate fails: certificate_expired', async () => {
    assert.equal((await port.verify(doc, pki.sign('expired', doc), now)).reason, 'certificate_expired');
  });

  test('AT-32: a revoked certificate (listed in the CA\'s CRL) fails: certificate_revoked', async () => {
    const r = await port.verify(doc, pki.sign('revoked', doc), now);
    assert.equal(r.reason, 'certificate_revoked');
    assert.equal(r.revocation, 'revoked');
  });

  test('a certificate of a CA not in the trust store fails: unknown_ca', async () => {
    assert.equal((await port.verify(doc, pki.sign('stranger', doc), now)).reason, 'unknown_ca');
  });

  test('a certificate without digitalSignature or nonRepudiation key usage fails: key_usage', async () => {
    assert.equal((await port.verify(doc, pki.sign('encipher_only', doc), now)).reason, 'key_usage');
  });

  test('bytes that are not CMS fail: malformed; with no trust store every CA is unknown', async () => {
    assert.equal((await port.verify(doc, Buffer.from('not a signature'), now)).reason, 'malformed');
    assert.equal((await new CmsSignatureVerifier(undefined).verify(doc, pki.sign('signer', doc), now)).reason, 'unknown_ca');
  });

  test('without a CRL for the CA the signature verifies and says revocation was not checkable', async () => {
    const dir = fs.mkdtempSync(path.join(pki.dir, 'nocrl-'));
    fs.copyFileSync(path.join(pki.trustDir, 'root-ca.pem'), path.join(dir, 'root-ca.pem'));
    const r = await new CmsSignatureVerifier(dir).verify(doc, pki.sign('signer', doc), now);
    assert.equal(r.reason, 'ok');
    assert.equal(r.revocation, 'no_crl');
  });

  test('the trust store is read as the directory holds it now: a CRL dropped in while running revokes on the next verification', async () => {
    const dir = fs.mkdtempSync(path.join(pki.dir, 'live-'));
    fs.copyFileSync(path.join(pki.trustDir, 'root-ca.pem'), path.join(dir, 'root-ca.pem'));
    const live = new CmsSignatureVerifier(dir);
    const sig = pki.sign('revoked', doc);
    assert.equal((await live.verify(doc, sig, now)).reason, 'ok');
    fs.copyFileSync(path.join(pki.trustDir, 'root-ca.crl'), path.join(dir, 'root-ca.crl'));
    assert.equal((await live.verify(doc, sig, now)).reason, 'certificate_revoked');
    fs.rmSync(path.join(dir, 'root-ca.pem'));
    assert.equal((await live.verify(doc, sig, now)).reason, 'unknown_ca');
  });

  test('GOST sits behind the same port: the router hands unsupported algorithms to the GOST adapter only for GOST OIDs', async () => {
    let called = 0;
    const gost: SignaturePort = { verify: async (c, s, at) => { called++; return port.verify(c, s, at); } };
    const router = new SignatureRouter(port, gost);
    assert.equal((await router.verify(doc, pki.sign('signer', doc), now)).reason, 'ok');
    assert.equal(called, 0);
  });

  test('TYNDA_TRUST_DIR: a missing directory or an unreadable file stops the start with the variable named', () => {
    assert.throws(() => loadConfig({ TYNDA_TRUST_DIR: '/nonexistent/trust' }), (e: unknown) => e instanceof ConfigError && e.problems[0]!.variable === 'TYNDA_TRUST_DIR');
    const bad = fs.mkdtempSync(path.join(pki.dir, 'bad-'));
    fs.writeFileSync(path.join(bad, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    assert.throws(() => loadConfig({ TYNDA_TRUST_DIR: bad }), (e: unknown) => e instanceof ConfigError && /ca\.pem/.test(e.problems[0]!.message));
    assert.equal(loadConfig({ TYNDA_TRUST_DIR: pki.trustDir }).trustDir, pki.trustDir);
  });
});
