/**
 * Security limits of sign-in. These are this system's own choices, not legal numbers: change them here.
 */

/** Wrong passwords in a row that lock an account, and for how long (slows guessing to a crawl). */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

/** A session ends after this long without a request, and in any case this long after sign-in. */
export const SESSION_IDLE_MINUTES = 60;
export const SESSION_MAX_HOURS = 12;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const SESSION_TOUCH_SECONDS = 60;

/** Passwords: a minimum length, nothing else (NIST SP 800-63B 3.1.1.2: no composition rules). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** scrypt cost (N = 2^16, r = 8, p = 1: about 64 MiB and 0.1–0.2 s per hash here); kept in each hash, so it can be raised. */
export const SCRYPT = { N: 2 ** 16, r: 8, p: 1, keyLength: 32 } as const;

/** One-time codes: 6 digits, valid a few minutes, a few tries each, a few per address per hour. */
export const OTP_DIGITS = 6;
export const OTP_TTL_MINUTES = 5;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_MAX_PER_HOUR = 5;

/** An OpenID Connect sign-in must come back from the provider within this time. */
export const OIDC_FLOW_MINUTES = 10;

/** A certificate sign-in challenge must be signed and sent back within this time, once. */
export const CERTIFICATE_CHALLENGE_MINUTES = 5;
