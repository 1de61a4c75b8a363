/**
 * Web security of the HTTP server (docs/security.md): security headers with a strict Content-Security-Policy
 * (@fastify/helmet), a cross-site request check for cookie sessions (CSRF), and rate limits on sign-in, one-time
 * codes and public intake, per client address and per identity (@fastify/rate-limit). Every refusal is
 * problem+json in the caller's language, like every other error.
 */
import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { Problem } from './problems.ts';

/** The name of the session cookie (set by the identity module). */
export const SESSION_COOKIE_NAME = 'tynda_session';

/**
 * The Content-Security-Policy of everything Tynda serves: its own scripts, styles, fonts and images only; no
 * inline scripts, no eval, no plug-ins, no framing, forms and the base URL to the same origin.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** Swagger UI (under DOCS_PREFIX only) sets inline styles from its scripts: the one relaxation, for that prefix alone. */
export const DOCS_PREFIX = '/api/docs';
export const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Printable HTML the API renders itself (a registered letter, the day's visitor list): nothing runs, nothing loads. */
export const PRINTABLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Rate limits. These are this system's own choices against guessing and flooding, not legal numbers: change
 * them here. Each is a number of requests per window, counted per client address and, separately, per identity
 * (the login, the e-mail or phone, the signed-in applicant), so neither many addresses against one account nor
 * one address against many accounts gets through. The password lockout and the per-address cap of one-time codes
 * (identity/limits.ts) stay in force behind these.
 */
export interface RateLimit {
  /** requests allowed per window from one client address */
  perIp: number;
  /** requests allowed per window for one identity */
  perIdentity: number;
  windowSeconds: number;
}

/**
 * Officials' password sign-in: a person mistypes a few times; a guesser needs thousands. Per address it is
 * generous, since a whole office signs in at nine from behind one NAT address.
 */
export const LOGIN_LIMIT: RateLimit = { perIp: 100, perIdentity: 10, windowSeconds: 60 };
/** Sending a one-time code costs an SMS or an e-mail: few per address, a few more per client address (a family, an office). */
export const OTP_REQUEST_LIMIT: RateLimit = { perIp: 20, perIdentity: 5, windowSeconds: 600 };
/** Checking a code: a 6-digit code must not be guessable by spreading tries over addresses. */
export const OTP_VERIFY_LIMIT: RateLimit = { perIp: 30, perIdentity: 10, windowSeconds: 600 };
/** Filing appeals from the cabinet: a person files a handful a day; an office behind one address files more. */
export const INTAKE_LIMIT: RateLimit = { perIp: 120, perIdentity: 20, windowSeconds: 60 };
/** Filing petitions (APC 90-2): rarer than appeals; a cabinet files a few an hour at most. */
export const PETITION_LIMIT: RateLimit = { perIp: 60, perIdentity: 10, windowSeconds: 3600 };
/**
 * Joining a petition with an EDS (no sign-in needed): each attempt costs a signature check; a public terminal or
 * an office may collect many. Per identity only when the request carries a credential (the petitions authority
 * entering written signatures), since anonymous signers are told apart only by their certificate, after the check.
 */
export const PETITION_SIGNATURE_LIMIT: RateLimit = { perIp: 120, perIdentity: 600, windowSeconds: 600 };
/** Booking a slot at a personal reception (APC 90(2)): a person books a few; a registrar booking for callers more. */
export const RECEPTION_BOOKING_LIMIT: RateLimit = { perIp: 60, perIdentity: 20, windowSeconds: 600 };
/** Open311 service requests: an integration's token files a stream of appeals, but not a flood. */
export const OPEN311_LIMIT: RateLimit = { perIp: 300, perIdentity: 120, windowSeconds: 60 };
/** Certificate sign-in: a challenge is a stored row and an attempt a signature check; a person needs one or two. */
export const CERTIFICATE_LIMIT: RateLimit = { perIp: 30, perIdentity: 30, windowSeconds: 600 };

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/[\s()-]/g, '') : '');
const body = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
/** The credential a request carries, hashed (the limiter's keys never hold a token). */
function credentialKey(request: FastifyRequest): string {
  const credential = request.headers.authorization ?? readCookie(request.headers.cookie, SESSION_COOKIE_NAME) ?? '';
  return createHash('sha256').update(credential).digest('hex').slice(0, 32);
}
/** The credential, when the request carries one; anonymous requests are counted per address only (never all together). */
function credentialIfAny(request: FastifyRequest): string | undefined {
  return request.headers.authorization !== undefined || readCookie(request.headers.cookie, SESSION_COOKIE_NAME) !== undefined ? `credential:${credentialKey(request)}` : undefined;
}
/** Open311 clients send their token as `api_key` (form field or query) or as a bearer header. */
function open311Key(request: FastifyRequest): string | undefined {
  const query = request.query && typeof request.query === 'object' ? (request.query as Record<string, unknown>) : {};
  const key = body(request).api_key ?? query.api_key;
  if (typeof key === 'string' && key) return `api_key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  return credentialIfAny(request);
}

/** Which routes are limited, and what identity each counts by (read after validation, so the body is well formed). */
export const LIMITED_ROUTES: { method: string; url: string; limit: RateLimit; identity: (request: FastifyRequest) => string | undefined }[] = [
  { method: 'POST', url: '/api/v1/auth/login', limit: LOGIN_LIMIT, identity: (r) => `login:${lower(body(r).login)}` },
  { method: 'POST', url: '/api/v1/auth/otp/request', limit: OTP_REQUEST_LIMIT, identity: (r) => `otp:${lower(body(r).channel)}:${lower(body(r).address)}` },
  { method: 'POST', url: '/api/v1/auth/otp/verify', limit: OTP_VERIFY_LIMIT, identity: (r) => `otp:${lower(body(r).channel)}:${lower(body(r).address)}` },
  { method: 'POST', url: '/api/v1/appeals', limit: INTAKE_LIMIT, identity: credentialIfAny },
  { method: 'POST', url: '/api/v1/petitions', limit: PETITION_LIMIT, identity: credentialIfAny },
  { method: 'POST', url: '/api/v1/petitions/:id/signatures', limit: PETITION_SIGNATURE_LIMIT, identity: credentialIfAny },
  { method: 'POST', url: '/api/v1/receptions/sessions/:id/bookings', limit: RECEPTION_BOOKING_LIMIT, identity: credentialIfAny },
  { method: 'POST', url: '/open311/v2/requests.json', limit: OPEN311_LIMIT, identity: open311Key },
  { method: 'POST', url: '/open311/v2/requests.xml', limit: OPEN311_LIMIT, identity: open311Key },
  { method: 'GET', url: '/api/v1/auth/certificate/challenge', limit: CERTIFICATE_LIMIT, identity: () => undefined },
  { method: 'POST', url: '/api/v1/auth/certificate', limit: CERTIFICATE_LIMIT, identity: () => undefined },
];

export interface SecurityOptions {
  /** rate limits on (default); off only for load tests and benchmarks (TYNDA_RATE_LIMITS=off) */
  rateLimits?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a browser attaches the session cookie to requests any site makes, so an unsafe request (POST, PUT,
 * PATCH, DELETE) that is not authenticated by a bearer token must come from Tynda's own pages. Browsers say
 * where a request comes from in `Sec-Fetch-Site` (all current ones) and `Origin` (every cross-origin and every
 * non-GET request); a request carrying the session cookie must have one of them and it must name this origin.
 * Without the cookie (sign-in forms), a request that names another site is refused too (login CSRF).
 * A bearer token is never sent by a browser on its own, so bearer requests are exempt.
 */
export function crossSiteRefusal(request: FastifyRequest): Problem | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  if (request.headers.authorization !== undefined) return undefined;
  const hasCookie = readCookie(request.headers.cookie, SESSION_COOKIE_NAME) !== undefined;
  const site = single(request.headers['sec-fetch-site']);
  const origin = single(request.headers.origin);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return new Problem(403, 'cross_site_request');
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) return new Problem(403, 'cross_site_request');
  if (hasCookie && site === undefined && origin === undefined) return new Problem(403, 'cross_site_request');
  return undefined;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    // the API is read by the SPA of the same origin; no other site embeds or reads its responses
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url === DOCS_PREFIX || request.url.startsWith(`${DOCS_PREFIX}/`)) reply.header('content-security-policy', DOCS_CSP);
    // printable pages the API renders (registered letters, the day's visitor list): no scripts at all, their own inline styles
    else if (request.url.startsWith('/api/v1/') && /^text\/html/.test(String(reply.getHeader('content-type') ?? ''))) reply.header('content-security-policy', PRINTABLE_CSP);
    // API answers are per person: never kept by shared caches (unless a route chose its own caching)
    else if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (request) => {
    const refusal = crossSiteRefusal(request);
    if (refusal) throw refusal;
  });

  if (options.rateLimits === false) return;
  await app.register(fastifyRateLimit, { global: false });
  const limiters = new Map<string, { ip: onRequestAsyncHookHandler; identity: preHandlerAsyncHookHandler }>();
  for (const route of LIMITED_ROUTES) {
    const timeWindow = route.limit.windowSeconds * 1000;
    const byIp = app.createRateLimit({ max: route.limit.perIp, timeWindow, keyGenerator: (r) => `${route.method} ${route.url}|ip:${r.ip}` });
    const byIdentity = app.createRateLimit({ max: route.limit.perIdentity, timeWindow, keyGenerator: (r) => `${route.method} ${route.url}|${route.identity(r)}` });
    const check = async (result: Awaited<ReturnType<typeof byIp>>, reply: import('fastify').FastifyReply) => {
      if (result.isAllowed || !result.isExceeded) return;
      reply.header('retry-after', String(result.ttlInSeconds));
      throw new Problem(429, 'too_many_requests');
    };
    limiters.set(`${route.method} ${route.url}`, {
      ip: async (request, reply) => check(await byIp(request), reply),
      // a request with no identity to count (anonymous, where the route allows it) is counted per address only
      identity: async (request, reply) => (route.identity(request) === undefined ? undefined : check(await byIdentity(request), reply)),
    });
  }
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const limiter = limiters.get(`${method} ${route.url}`);
      if (!limiter) continue;
      route.onRequest = [...toArray(route.onRequest), limiter.ip];
      route.preHandler = [...toArray(route.preHandler), limiter.identity];
    }
  });
}

function toArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A cookie's value; a malformed one (bad percent-encoding) counts as absent, never as an error. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return v.join('=');
    }
  }
  return undefined;
}
