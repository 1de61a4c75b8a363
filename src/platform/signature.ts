/**
 * The e-signature port (APC 45(7): an electronic document signed with an EDS equals a signed paper one; 64(4):
 * electronic appeals). `verify` checks a detached CMS (PKCS#7) SignedData over the given bytes: the message
 * digest, the signature, the signer's certificate chain to a CA of the trust store, the certificates' validity
 * at the time of checking, the signer's key usage (digitalSignature or nonRepudiation) and revocation against the
 * CRLs of the trust store. Every failure has one stable reason.
 *
 * The trust store is a directory (TYNDA_TRUST_DIR) of PEM CA certificates (*.pem, *.crt, *.cer) and CRLs (*.crl,
 * PEM or DER), read at each check so that a CRL replaced by operations applies at once.
 *
 * GOST R 34.10/34.11 signatures (the NCA of Kazakhstan also issues them; OIDs 1.2.643.*) sit behind the same
 * port: `SignatureRouter` hands them to a GOST adapter when one is configured (e.g. a service around the
 * national crypto provider); without one they fail with `unsupported_algorithm`, never silently.
 */
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as pkijs from 'pkijs';

export type SignatureFailure =
  | 'malformed' // not a CMS SignedData
  | 'no_signer_certificate' // the signer's certificate is not in the signature
  | 'content_mismatch' // the signed digest is not the digest of this document: it was changed after signing
  | 'signature_invalid' // the signature value does not verify with the certificate's key
  | 'unknown_ca' // the certificate does not chain to a CA of the trust store
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_revoked' // listed in the CRL of its CA
  | 'key_usage' // the certificate is not for signing (digitalSignature / nonRepudiation)
  | 'unsupported_algorithm'; // e.g. GOST without a GOST adapter

export interface SignerInfo {
  subject: string;
  commonName: string | null;
  /** the IIN of a person (serialNumber "IIN…", as the NCA issues it) */
  iin: string | null;
  /** the BIN of an organisation (organizationIdentifier / OU "BIN…") */
  bin: string | null;
  serialNumber: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
}

export interface SignatureVerification {
  valid: boolean;
  reason: 'ok' | SignatureFailure;
  format: 'cms';
  checkedAt: string;
  /** SHA-256 of the signed document, hex */
  contentSha256: string;
  signer: SignerInfo | null;
  /** the signing-time attribute, as the signer's software states it (not a trusted timestamp) */
  signingTime: string | null;
  digestAlgorithm: string | null;
  signatureAlgorithm: string | null;
  revocation: 'not_revoked' | 'revoked' | 'no_crl' | 'not_checked';
  trustAnchor: string | null;
}

export interface SignaturePort {
  /** Verifies a detached CMS signature (DER, or base64 of DER) over `content` as of `at`. */
  verify(content: Uint8Array, signature: Uint8Array, at: Date): Promise<SignatureVerification>;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
} as const;
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.7': 'L', '2.5.4.97': 'organizationIdentifier', '1.2.840.113549.1.9.1': 'emailAddress' };
export const isGost = (oid: string | null | undefined) => !!oid && oid.startsWith('1.2.643.');

const buf = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
const hex = (u: ArrayBuffer | Uint8Array) => Buffer.from(u instanceof Uint8Array ? u : new Uint8Array(u)).toString('hex');

function nameOf(name: pkijs.RelativeDistinguishedNames): { text: string; parts: Record<string, string> } {
  const parts: Record<string, string> = {};
  const text = name.typesAndValues
    .map((tv) => {
      const key = NAMES[tv.type] ?? tv.type;
      const value = String((tv.value as { valueBlock: { value: unknown } }).valueBlock.value);
      parts[key] = value;
      return `${key}=${value}`;
    })
    .join(', ');
  return { text, parts };
}

function signerInfoOf(cert: pkijs.Certificate): SignerInfo {
  const subject = nameOf(cert.subject);
  const serial = subject.parts.serialNumber ?? '';
  const orgId = subject.parts.organizationIdentifier ?? subject.parts.OU ?? '';
  return {
    subject: subject.text,
    commonName: subject.parts.CN ?? null,
    iin: /^IIN(\d{12})$/.exec(serial)?.[1] ?? null,
    bin: /^BIN(\d{12})$/.exec(orgId)?.[1] ?? null,
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
    issuer: nameOf(cert.issuer).text,
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
  };
}

/** PEM blocks of a kind in a text, as DER. */
function pemBlocks(text: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

export interface TrustStore {
  anchors: pkijs.Certificate[];
  crls: pkijs.CertificateRevocationList[];
}

/** Reads the trust store; a file that is not a certificate or a CRL is an error naming the file. */
export function loadTrustStore(dir: string | undefined): TrustStore {
  const store: TrustStore = { anchors: [], crls: [] };
  if (!dir) return store;
  for (const file of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    const ext = path.extname(file).toLowerCase();
    try {
      if (['.pem', '.crt', '.cer'].includes(ext)) {
        const raw = fs.readFileSync(full);
        const ders = raw.includes('-----BEGIN') ? pemBlocks(raw.toString('latin1'), 'CERTIFICATE') : [new Uint8Array(raw)];
        for (const der of ders) {
          new X509Certificate(der); // rejects anything that is not a certificate
          store.anchors.push(pkijs.Certificate.fromBER(buf(der)));
        }
      } else if (ext === '.crl') {
        const raw = fs.readFileSync(full);
        const ders = raw.includes('-----BEGIN') ? pemBlocks(raw.toString('latin1'), 'X509 CRL') : [new Uint8Array(raw)];
        for (const der of ders) store.crls.push(pkijs.CertificateRevocationList.fromBER(buf(der)));
      }
    } catch (error) {
      throw new Error(`${full}: not a readable certificate or CRL (${(error as Error).message})`);
    }
  }
  return store;
}

/**
 * The trust store as the directory holds it now: parsed again only when a file is added, removed or changed (an
 * operator drops in a fresh CRL without a restart), so a verification costs a directory listing, not a parse.
 */
const storesByDir = new Map<string, { stamp: string; store: TrustStore }>();
export function currentTrustStore(dir: string | undefined): TrustStore {
  if (!dir) return { anchors: [], crls: [] };
  const stamp = fs.readdirSync(dir).sort().map((f) => {
    const st = fs.statSync(path.join(dir, f));
    return `${f}:${st.size}:${st.mtimeMs}`;
  }).join('|');
  const cached = storesByDir.get(dir);
  if (cached?.stamp === stamp) return cached.store;
  const store = loadTrustStore(dir);
  storesByDir.set(dir, { stamp, store });
  return store;
}

/** Whether a CRL of the store is signed by an issuer (by the issuer's DER): verified once per CRL and issuer. */
const crlSignedBy = new WeakMap<pkijs.CertificateRevocationList, Map<string, Promise<boolean>>>();
function crlVerified(crl: pkijs.CertificateRevocationList, issuer: pkijs.Certificate): Promise<boolean> {
  let byIssuer = crlSignedBy.get(crl);
  if (!byIssuer) crlSignedBy.set(crl, (byIssuer = new Map()));
  const key = createHash('sha256').update(new Uint8Array(issuer.toSchema().toBER())).digest('hex');
  let found = byIssuer.get(key);
  if (!found) byIssuer.set(key, (found = crl.verify({ issuerCertificate: issuer }).catch(() => false)));
  return found;
}

/** Decodes a signature given as DER bytes, base64 or PEM ("-----BEGIN PKCS7-----" / "CMS"). */
export function signatureBytes(value: string | Uint8Array): Uint8Array {
  if (typeof value !== 'string') return value;
  const pem = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END/.exec(value);
  return new Uint8Array(Buffer.from((pem ? pem[1]! : value).replace(/\s+/g, ''), 'base64'));
}

/** The CMS/X.509 adapter (RSA and ECDSA through WebCrypto). */
export class CmsSignatureVerifier implements SignaturePort {
  constructor(private readonly trustDir: string | undefined) {}

  async verify(content: Uint8Array, signature: Uint8Array, at: Date): Promise<SignatureVerification> {
    const result: SignatureVerification = {
      valid: false, reason: 'malformed', format: 'cms', checkedAt: at.toISOString(), contentSha256: createHash('sha256').update(content).digest('hex'),
      signer: null, signingTime: null, digestAlgorithm: null, signatureAlgorithm: null, revocation: 'not_checked', trustAnchor: null,
    };
    const fail = (reason: SignatureFailure) => ({ ...result, valid: false, reason });
    let signed: pkijs.SignedData;
    try {
      const info = pkijs.ContentInfo.fromBER(buf(signature));
      if (info.contentType !== OID.signedData) return fail('malformed');
      signed = new pkijs.SignedData({ schema: info.content });
    } catch {
      return fail('malformed');
    }
    const si = signed.signerInfos[0];
    if (!si) return fail('malformed');
    result.digestAlgorithm = si.digestAlgorithm.algorithmId;
    result.signatureAlgorithm = si.signatureAlgorithm.algorithmId;
    if (isGost(result.digestAlgorithm) || isGost(result.signatureAlgorithm)) return fail('unsupported_algorithm');
    const digestName = DIGESTS[si.digestAlgorithm.algorithmId];
    if (!digestName) return fail('unsupported_algorithm');
    result.digestAlgorithm = digestName;

    const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const signer = certs.find((c) => {
      if (si.sid instanceof pkijs.IssuerAndSerialNumber) return c.issuer.isEqual(si.sid.issuer) && c.serialNumber.isEqual(si.sid.serialNumber);
      const ski = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
      return !!ski && hex((ski.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView) === hex((si.sid as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
    });
    if (!signer) return fail('no_signer_certificate');
    result.signer = signerInfoOf(signer);

    // the document: the signed digest must be this document's digest (a changed document fails here)
    const attrs = si.signedAttrs?.attributes ?? [];
    const md = attrs.find((a) => a.type === OID.messageDigest);
    if (md) {
      const signedDigest = hex((md.values[0] as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
      if (signedDigest !== createHash(digestName).update(content).digest('hex')) return fail('content_mismatch');
    }
    const st = attrs.find((a) => a.type === OID.signingTime);
    if (st) {
      const t = st.values[0] as { toDate?: () => Date };
      result.signingTime = t.toDate ? t.toDate().toISOString() : null;
    }
    try {
      const ok = await signed.verify({ signer: 0, data: buf(content), checkChain: false, extendedMode: true });
      if (!ok.signatureVerified) return fail(md ? 'signature_invalid' : 'content_mismatch');
    } catch (error) {
      const e = error as { signatureVerified?: boolean | null; message?: string };
      if (/digest/i.test(String(e.message ?? ''))) return fail('content_mismatch');
      if (/algorithm/i.test(String(e.message ?? ''))) return fail('unsupported_algorithm');
      return fail('signature_invalid');
    }

    // the chain: the signer's certificate, any intermediates it carries, up to an anchor of the trust store
    const store = currentTrustStore(this.trustDir);
    const chain: pkijs.Certificate[] = [signer];
    let anchor: pkijs.Certificate | undefined;
    for (let depth = 0; depth < 6 && !anchor; depth++) {
      const current = chain.at(-1)!;
      const issuedBy = async (c: pkijs.Certificate) => c.subject.isEqual(current.issuer) && (await current.verify(c).catch(() => false));
      for (const a of store.anchors) if (await issuedBy(a)) { anchor = a; break; }
      if (anchor) break;
      let next: pkijs.Certificate | undefined;
      for (const c of certs) if (c !== current && !chain.includes(c) && (await issuedBy(c))) { next = c; break; }
      if (!next) break;
      chain.push(next);
    }
    if (!anchor) return fail('unknown_ca');
    result.trustAnchor = nameOf(anchor.subject).text;

    for (const c of [...chain, anchor]) {
      if (at < c.notBefore.value) return fail('certificate_not_yet_valid');
      if (at > c.notAfter.value) return fail('certificate_expired');
    }
    const ku = signer.extensions?.find((e) => e.extnID === OID.keyUsage);
    if (ku) {
      const bits = (ku.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView[0] ?? 0;
      if ((bits & 0xc0) === 0) return fail('key_usage'); // digitalSignature (bit 0) or nonRepudiation (bit 1)
    }

    // revocation: the CRL of each certificate's issuer, itself signed by that issuer
    let checked = 0;
    const path_ = [...chain, anchor];
    for (let i = 0; i < chain.length; i++) {
      const cert = path_[i]!;
      const issuer = path_[i + 1]!;
      for (const crl of store.crls) {
        if (!crl.issuer.isEqual(cert.issuer)) continue;
        if (!(await crlVerified(crl, issuer))) continue;
        checked++;
        if (crl.isCertificateRevoked(cert)) return { ...fail('certificate_revoked'), revocation: 'revoked' };
      }
    }
    return { ...result, valid: true, reason: 'ok', revocation: checked > 0 ? 'not_revoked' : 'no_crl' };
  }
}

/** The port as Tynda uses it: CMS with RSA/ECDSA here, GOST to an adapter when one is configured. */
export class SignatureRouter implements SignaturePort {
  constructor(
    private readonly cms: SignaturePort,
    private readonly gost?: SignaturePort,
  ) {}

  async verify(content: Uint8Array, signature: Uint8Array, at: Date): Promise<SignatureVerification> {
    const first = await this.cms.verify(content, signature, at);
    if (first.reason === 'unsupported_algorithm' && this.gost && (isGost(first.digestAlgorithm) || isGost(first.signatureAlgorithm))) return this.gost.verify(content, signature, at);
    return first;
  }
}

/**
 * The canonical JSON of a signed document: UTF-8, object keys sorted by code unit, no insignificant whitespace,
 * members whose value is undefined left out, strings and numbers as JSON.stringify writes them (the key order of
 * RFC 8785 for the BMP). Acts and electronic appeals are signed over exactly these bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The part of an electronic appeal its applicant signs (APC 64(4)): every field of the filing except the signature. */
export function appealSigningContent(filing: Record<string, unknown>): string {
  const { signature: _, ...content } = filing;
  return canonicalJson(content);
}
