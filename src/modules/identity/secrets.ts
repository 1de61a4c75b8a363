/**
 * Passwords (scrypt from node:crypto), opaque tokens and their hashes. A token is shown to its holder once; the
 * database keeps only its SHA-256, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { OTP_DIGITS, SCRYPT } from './limits.ts';

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const maxmem = (N: number, r: number) => 256 * N * r; // twice what scrypt needs, so Node does not refuse it

/** 'scrypt$N$r$p$salt$hash' (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: maxmem(Number(n), Number(r)) });
  return timingSafeEqual(key, expected);
}

/** A hash to compare against when the login does not exist, so both paths take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

export type TokenKind = 'session' | 'api';
const PREFIX: Record<TokenKind, string> = { session: 'tys_', api: 'tyt_' };

/** A new opaque token: a prefix that says what it is (and lets secret scanners find it), then 32 random bytes. */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | undefined {
  if (!/^ty[st]_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return token.startsWith(PREFIX.session) ? 'session' : 'api';
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
}

/** A readable random password: 4 groups of 4 from an alphabet without look-alikes (about 80 bits). */
export function newPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}
