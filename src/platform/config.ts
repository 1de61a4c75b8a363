/**
 * Configuration from the environment, validated once at start. A bad value stops the process with a message
 * that names the variable, never with a stack trace from deep inside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONVENTIONS, type Conventions } from '../law/deadlines.ts';
import { loadTrustStore } from './signature.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TYNDA_DATA_DIR: z.string().min(1).default('./.tynda'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TYNDA_JOBS: z.enum(['on', 'off']).default('on'),
  // rate limits on sign-in, one-time codes and intake (platform/security.ts); off only for load tests
  TYNDA_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  // the reverse proxies whose X-Forwarded-For/-Proto to believe: 'loopback' (default), or addresses, CIDRs and names (comma-separated)
  TYNDA_TRUST_PROXY: z.string().regex(/^[\w.:/, -]+$/, 'must be addresses, CIDRs or names like loopback, comma-separated').default('loopback'),
  TYNDA_COUNT_START: z.enum(['day_after_event', 'event_day']).default(DEFAULT_CONVENTIONS.countStart),
  TYNDA_NON_WORKING_END: z.enum(['next_working_day', 'unchanged']).default(DEFAULT_CONVENTIONS.nonWorkingEnd),
  TYNDA_BODY_INTERNAL_TARGET: z.enum(['on', 'off']).default(DEFAULT_CONVENTIONS.bodyInternalTarget ? 'on' : 'off'),
  TYNDA_MAIN_TERM_FROM: z.enum(['receipt', 'registration']).default(DEFAULT_CONVENTIONS.mainTermFrom),
  // notices by e-mail (APC 66(2)); unset SMTP_HOST = no e-mail channel, such deliveries fail visibly
  SMTP_HOST: z.string().regex(/^[\w.-]+$/, 'must be a host name or an IP address').optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['tls', 'starttls', 'off']).default('starttls'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an e-mail address, optionally as "Name <address>"').optional(),
  // notices by SMS through an HTTP gateway (APC 66(2)); unset URL = no SMS channel
  SMS_GATEWAY_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL').optional(),
  SMS_GATEWAY_BODY: z.string().refine((v) => v.includes('{{to}}') && v.includes('{{text}}'), 'must contain {{to}} and {{text}}').optional(),
  SMS_GATEWAY_CONTENT_TYPE: z.enum(['application/json', 'application/x-www-form-urlencoded']).default('application/json'),
  SMS_GATEWAY_AUTHORIZATION: z.string().optional(),
  // the demo organisation on an empty database; default: on for the embedded database, off with DATABASE_URL
  TYNDA_DEMO: z.enum(['on', 'off']).optional(),
  // OpenID Connect sign-in for officials (the eGov IDP in production): issuer, client id and redirect URI together
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  // the e-signature trust store (APC 45(7), 64(4)): a directory of PEM CA certificates and CRLs (platform/signature.ts)
  TYNDA_TRUST_DIR: z.string().min(1).optional(),
  // the public address of this server, printed on acts as the verification link (/verify/{id}); default http://localhost:PORT
  TYNDA_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // webhooks (docs/integrations.md): http:// subscription URLs, and targets on loopback or private networks (tests, closed networks)
  TYNDA_WEBHOOK_ALLOW_HTTP: z.enum(['on', 'off']).default('off'),
  TYNDA_WEBHOOK_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  OIDC_SCOPE: z.string().regex(/^openid( [\w.:-]+)*$/, 'must start with "openid", scopes separated by spaces').default('openid'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  jobs: boolean;
  rateLimits: boolean;
  /** proxies whose X-Forwarded-* headers are believed (proxy-addr's list: addresses, CIDRs, loopback, uniquelocal) */
  trustProxy: string;
  conventions: Conventions;
  smtp: SmtpConfig | undefined;
  sms: SmsConfig | undefined;
  /** load the demo organisation when the database has no bodies */
  demo: boolean;
  oidc: OidcConfig | undefined;
  /** the e-signature trust store directory (CA certificates and CRLs); undefined: no CA is trusted */
  trustDir: string | undefined;
  /** the base of verification links printed on acts */
  publicUrl: string;
  /** where webhooks may be delivered: http:// too, and loopback / private addresses too (both off by default) */
  webhooks: { allowHttp: boolean; allowPrivate: boolean };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** absent: a public client, PKCE only */
  clientSecret: string | undefined;
  redirectUri: string;
  scope: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** 'tls': TLS from the first byte (port 465); 'starttls': upgrade required (587); 'off': plain, for a local relay only */
  secure: 'tls' | 'starttls' | 'off';
  auth: { user: string; pass: string } | undefined;
  from: string;
}

export interface SmsConfig {
  url: string;
  /** the request body with {{to}}, {{text}} and {{id}} (the notice id) filled in, escaped for the content type */
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  authorization: string | undefined;
}

export const DEFAULT_SMS_BODY = '{"to":"{{to}}","text":"{{text}}","id":"{{id}}"}';

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Configuration error:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // an empty variable means "not set", as a shell user expects from `PORT= npm start`
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const variable = String(i.path[0]);
        return { variable, message: `${i.message} (got ${JSON.stringify(env[variable])})` };
      }),
    );
  }
  const e = parsed.data;
  const delivery = [
    ...(e.SMTP_HOST && !e.SMTP_FROM ? [{ variable: 'SMTP_FROM', message: 'is required when SMTP_HOST is set' }] : []),
    ...(!e.SMTP_USER !== !e.SMTP_PASSWORD ? [{ variable: e.SMTP_USER ? 'SMTP_PASSWORD' : 'SMTP_USER', message: 'SMTP_USER and SMTP_PASSWORD go together' }] : []),
  ];
  if (delivery.length) throw new ConfigError(delivery);
  if (e.TYNDA_TRUST_DIR !== undefined) {
    const dir = path.resolve(e.TYNDA_TRUST_DIR);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ConfigError([{ variable: 'TYNDA_TRUST_DIR', message: `must be a directory of PEM CA certificates and CRLs (got ${JSON.stringify(env.TYNDA_TRUST_DIR)})` }]);
    try {
      loadTrustStore(dir);
    } catch (error) {
      throw new ConfigError([{ variable: 'TYNDA_TRUST_DIR', message: (error as Error).message }]);
    }
  }
  const oidcVars = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'] as const;
  const oidcSet = oidcVars.filter((v) => e[v] !== undefined);
  if ((oidcSet.length > 0 || e.OIDC_CLIENT_SECRET !== undefined) && oidcSet.length < oidcVars.length) {
    throw new ConfigError(oidcVars.filter((v) => e[v] === undefined).map((variable) => ({ variable, message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI go together (OpenID Connect sign-in)' })));
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TYNDA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    jobs: e.TYNDA_JOBS === 'on',
    rateLimits: e.TYNDA_RATE_LIMITS === 'on',
    trustProxy: e.TYNDA_TRUST_PROXY,
    conventions: {
      countStart: e.TYNDA_COUNT_START,
      nonWorkingEnd: e.TYNDA_NON_WORKING_END,
      bodyInternalTarget: e.TYNDA_BODY_INTERNAL_TARGET === 'on',
      mainTermFrom: e.TYNDA_MAIN_TERM_FROM,
    },
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT ?? (e.SMTP_SECURE === 'tls' ? 465 : e.SMTP_SECURE === 'starttls' ? 587 : 25),
          secure: e.SMTP_SECURE,
          auth: e.SMTP_USER && e.SMTP_PASSWORD ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } : undefined,
          from: e.SMTP_FROM!,
        }
      : undefined,
    sms: e.SMS_GATEWAY_URL
      ? { url: e.SMS_GATEWAY_URL, body: e.SMS_GATEWAY_BODY ?? DEFAULT_SMS_BODY, contentType: e.SMS_GATEWAY_CONTENT_TYPE, authorization: e.SMS_GATEWAY_AUTHORIZATION }
      : undefined,
    demo: e.TYNDA_DEMO ? e.TYNDA_DEMO === 'on' : !e.DATABASE_URL,
    trustDir: e.TYNDA_TRUST_DIR === undefined ? undefined : path.resolve(e.TYNDA_TRUST_DIR),
    webhooks: { allowHttp: e.TYNDA_WEBHOOK_ALLOW_HTTP === 'on', allowPrivate: e.TYNDA_WEBHOOK_ALLOW_PRIVATE === 'on' },
    publicUrl: (e.TYNDA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_REDIRECT_URI
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, redirectUri: e.OIDC_REDIRECT_URI, scope: e.OIDC_SCOPE }
      : undefined,
  };
}
