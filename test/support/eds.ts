/**
 * Citizens' EDS for petition tests and the signing benchmark, made in-process with pkijs (openssl would take tens
 * of milliseconds per certificate, and a petition needs thousands of distinct signers): a trusted test CA in a
 * trust directory (TYNDA_TRUST_DIR), a certificate per IIN (serialNumber "IIN…", as the NCA issues them; ECDSA
 * P-256, one key shared by all test citizens), and detached CMS signatures with the messageDigest attribute, which
 * the signature port (src/platform/signature.ts) verifies like any other. A second CA nobody trusts signs "forged"
 * signatures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const subtle = globalThis.crypto.subtle;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const OID = { data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2', contentType: '1.2.840.113549.1.9.3', messageDigest: '1.2.840.113549.1.9.4', cn: '2.5.4.3', serial: '2.5.4.5', basicConstraints: '2.5.29.19', keyUsage: '2.5.29.15' };

interface Ca {
  cert: pkijs.Certificate;
  key: CryptoKey;
}

let serial = 1000;

function name(cn: string, serialNumber?: string): pkijs.RelativeDistinguishedNames {
  const rdn = new pkijs.RelativeDistinguishedNames();
  rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: OID.cn, value: new asn1js.Utf8String({ value: cn }) }));
  if (serialNumber) rdn.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: OID.serial, value: new asn1js.PrintableString({ value: serialNumber }) }));
  return rdn;
}

async function certificate(subject: pkijs.RelativeDistinguishedNames, publicKey: CryptoKey, issuer: Ca | 'self', signKey: CryptoKey, ca: boolean): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = subject;
  cert.issuer = issuer === 'self' ? subject : issuer.cert.subject;
  cert.notBefore.value = new Date('2024-01-01T00:00:00Z');
  cert.notAfter.value = new Date('2040-01-01T00:00:00Z');
  const bc = new pkijs.BasicConstraints({ cA: ca });
  // keyUsage: keyCertSign + cRLSign for the CA; digitalSignature + nonRepudiation for a citizen
  const ku = new asn1js.BitString({ valueHex: new Uint8Array([ca ? 0x06 : 0xc0]).buffer, unusedBits: ca ? 1 : 6 });
  cert.extensions = [
    new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: bc.toSchema().toBER(false), parsedValue: bc }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: ku.toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(publicKey);
  await cert.sign(signKey, 'SHA-256');
  return cert;
}

async function makeCa(cn: string): Promise<Ca> {
  const keys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { cert: await certificate(name(cn), keys.publicKey, 'self', keys.privateKey, true), key: keys.privateKey };
}

const pem = (label: string, der: ArrayBuffer) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

export interface Citizens {
  /** the trust store to give the app (TYNDA_TRUST_DIR) */
  trustDir: string;
  /** base64 of a detached CMS signature over `content` by the citizen with this IIN (a certificate is issued on first use) */
  sign(iin: string, content: string, options?: { ca?: 'trusted' | 'stranger'; name?: string }): Promise<string>;
  cleanup(): void;
}

export async function makeCitizens(): Promise<Citizens> {
  const trusted = await makeCa('Tynda Test Citizens CA');
  const stranger = await makeCa('Unknown CA');
  const keys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-eds-'));
  fs.writeFileSync(path.join(dir, 'citizens-ca.pem'), pem('CERTIFICATE', trusted.cert.toSchema().toBER(false)));
  const issued = new Map<string, Promise<pkijs.Certificate>>();
  return {
    trustDir: dir,
    async sign(iin, content, options = {}) {
      const ca = options.ca === 'stranger' ? stranger : trusted;
      const key = `${options.ca ?? 'trusted'}:${iin}:${options.name ?? ''}`;
      if (!issued.has(key)) issued.set(key, certificate(name(options.name ?? `Гражданин ${iin}`, `IIN${iin}`), keys.publicKey, ca, ca.key, false));
      const cert = await issued.get(key)!;
      const data = new TextEncoder().encode(content);
      const digest = await subtle.digest('SHA-256', data);
      const signerInfo = new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      });
      const cms = new pkijs.SignedData({ version: 1, encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }), signerInfos: [signerInfo], certificates: [cert] });
      await cms.sign(keys.privateKey, 0, 'SHA-256', data);
      const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: cms.toSchema(true) });
      return Buffer.from(info.toSchema().toBER(false)).toString('base64');
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
