/**
 * A small PKI made with the openssl CLI for signature tests: a trusted CA with a CRL, a signer certificate (with
 * the official's IIN in serialNumber, as the NCA of Kazakhstan issues them), an expired one, a revoked one, one
 * without the digitalSignature key usage, and one from a CA nobody trusts. `sign` makes a detached CMS signature
 * with `openssl cms -sign -binary -outform DER`, exactly as an external signing tool would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestPki {
  /** the trust store: the CA certificate and its CRL (TYNDA_TRUST_DIR) */
  trustDir: string;
  dir: string;
  /** names of the signing identities: signer, expired, revoked, encipher_only, stranger */
  sign(who: Identity, content: Buffer | string): Buffer;
  cleanup(): void;
}
export type Identity = 'signer' | 'expired' | 'revoked' | 'encipher_only' | 'stranger' | 'head';

const VALID = ['-startdate', '20240101000000Z', '-enddate', '20400101000000Z'];
const openssl = (cwd: string, args: string[]) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

function caConfig(dir: string, name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(path.join(d, 'certs'), { recursive: true });
  fs.writeFileSync(path.join(d, 'index.txt'), '');
  fs.writeFileSync(path.join(d, 'crlnumber'), '01\n');
  const cnf = `[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ${d}
database = $dir/index.txt
new_certs_dir = $dir/certs
certificate = $dir/ca.pem
private_key = $dir/ca.key
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_days = 365
default_crl_days = 3650
policy = policy_any
unique_subject = no
copy_extensions = none
utf8 = yes
string_mask = utf8only
[ policy_any ]
commonName = supplied
serialNumber = optional
[ signing ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
[ v3ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ encipher ]
basicConstraints = CA:FALSE
keyUsage = critical, keyEncipherment
`;
  fs.writeFileSync(path.join(d, 'ca.cnf'), cnf);
  fs.writeFileSync(path.join(d, 'serial'), '1000\n');
  // valid 2024-2040, so that tests whose clock stands in 2025 (the scenarios of apc-requirements §8) can sign
  openssl(d, ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.csr', '-utf8', '-subj', `/CN=${name}`]);
  openssl(d, ['ca', '-batch', '-selfsign', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-in', 'ca.csr', '-out', 'ca.pem', '-extensions', 'v3ca', '-notext', ...VALID]);
  return d;
}

function issue(ca: string, dir: string, who: string, subject: string, ext: string, dates?: { start: string; end: string }) {
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-utf8', '-subj', subject]);
  openssl(dir, ['ca', '-batch', '-config', path.join(ca, 'ca.cnf'), '-extensions', ext, '-in', `${who}.csr`, '-out', `${who}.pem`, '-notext',
    ...(dates ? ['-startdate', dates.start, '-enddate', dates.end] : VALID)]);
}

/** Makes the PKI in a fresh temporary directory. */
export function makeTestPki(options: { signerIin?: string; headIin?: string } = {}): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-pki-'));
  const trusted = caConfig(dir, 'Tynda Test Root CA');
  const stranger = caConfig(dir, 'Unknown CA');
  issue(trusted, dir, 'signer', `/CN=Иванова Елена Сергеевна/serialNumber=IIN${options.signerIin ?? '881102400005'}`, 'signing');
  issue(trusted, dir, 'head', `/CN=Смағұлов Ержан Қанатұлы/serialNumber=IIN${options.headIin ?? '750315300008'}`, 'signing');
  issue(trusted, dir, 'expired', '/CN=Expired Signer/serialNumber=IIN881102400005', 'signing', { start: '20200101000000Z', end: '20210101000000Z' });
  issue(trusted, dir, 'revoked', '/CN=Revoked Signer/serialNumber=IIN881102400005', 'signing');
  issue(trusted, dir, 'encipher_only', '/CN=Encipher Only/serialNumber=IIN881102400005', 'encipher');
  issue(stranger, dir, 'stranger', '/CN=Stranger/serialNumber=IIN881102400005', 'signing');
  openssl(dir, ['ca', '-batch', '-config', path.join(trusted, 'ca.cnf'), '-revoke', 'revoked.pem', '-crl_reason', 'keyCompromise']);
  const trustDir = path.join(dir, 'trust');
  fs.mkdirSync(trustDir);
  fs.copyFileSync(path.join(trusted, 'ca.pem'), path.join(trustDir, 'root-ca.pem'));
  openssl(dir, ['ca', '-batch', '-config', path.join(trusted, 'ca.cnf'), '-gencrl', '-out', path.join(trustDir, 'root-ca.crl')]);
  return {
    trustDir,
    dir,
    sign(who, content) {
      const input = path.join(dir, `content-${process.hrtime.bigint()}.bin`);
      fs.writeFileSync(input, content);
      const out = `${input}.p7s`;
      openssl(dir, ['cms', '-sign', '-binary', '-outform', 'DER', '-md', 'sha256', '-in', input, '-signer', `${who}.pem`, '-inkey', `${who}.key`, '-out', out]);
      return fs.readFileSync(out);
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
