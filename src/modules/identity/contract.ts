/** The HTTP contract of identity and access: sign-in, sessions, one-time codes, tokens, roles, audit trail. */
import { z } from 'zod';
import { parseIsoDate } from '../../law/dates.ts';
import { isValidBin, isValidIin } from './iin.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.ts';
import { ACTION_IDS, ROLES, SCOPES } from './policy.ts';

const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, 'invalid_date').describe('A calendar date, YYYY-MM-DD');

export const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).describe(`At least ${PASSWORD_MIN_LENGTH} characters`),
});

const channel = z.enum(['email', 'phone']);
export const otpRequestBody = z.strictObject({ channel, address: z.string().trim().min(3).max(254).describe('An e-mail, or a Kazakhstan phone number (+7…)') });
export const otpVerifyBody = z.strictObject({ channel, address: z.string().trim().min(3).max(254), code: z.string().regex(/^\d{6}$/, 'invalid_code') });
export const certificateChallengeResponse = z.object({
  challenge: z.string().describe('The exact UTF-8 text to sign with the EDS (detached CMS); valid once, until expiresAt'),
  expiresAt: z.string(),
  expiresInMinutes: z.number(),
});
export const certificateBody = z.strictObject({
  challenge: z.string().min(16).max(1000).describe('The text of GET /api/v1/auth/certificate/challenge, as received'),
  signature: z
    .strictObject({ format: z.enum(['cms']), value: z.string().min(16).max(200_000).describe('base64 (or PEM) of a detached CMS (PKCS#7) SignedData, DER, over the challenge') })
    .describe('The signature of the challenge with the EDS (NCA RK certificate)'),
});
export const otpRequestResponse = z.object({ expiresInMinutes: z.number() });

const grantView = z.object({
  role: z.enum(ROLES),
  roleName: z.string(),
  bodyId: z.string().nullable(),
  subdivisionId: z.string().nullable(),
  acting: z.boolean(),
  until: z.string().nullable(),
  source: z.enum(['position', 'grant', 'applicant']),
});

export const meResponse = z.object({
  kind: z.enum(['official', 'applicant']),
  id: z.string(),
  name: z.string().nullable(),
  bodyId: z.string().nullable(),
  via: z.enum(['session', 'token']),
  roles: z.array(grantView).describe('Roles held today, each with the body and subdivision it is anchored at'),
  permissions: z.array(z.enum(ACTION_IDS as [string, ...string[]])).describe('Actions allowed somewhere (the scope decides where)'),
});

export const signedInResponse = z.object({
  token: z.string().describe('The session token, also set as the tynda_session cookie; send it as `Authorization: Bearer` from API clients'),
  expiresAt: z.string(),
  me: meResponse,
});

export const oidcLoginQuery = z.strictObject({
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, 'invalid_return_to')
    .default('/')
    .describe('A path on this site to go to after sign-in'),
});
export const oidcCallbackQuery = z.record(z.string(), z.string()).describe('What the provider sends back: code and state, or error');

export const applicantResponse = z.object({
  id: z.string(),
  kind: z.enum(['individual', 'legal_entity']).nullable(),
  name: z.string().nullable(),
  iin: z.string().nullable(),
  bin: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  complete: z.boolean().describe('The profile names the person or organisation and their IIN/BIN'),
});

export const applicantBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('individual'), name: z.string().trim().min(3).max(300), iin: z.string().refine(isValidIin, 'invalid_iin') }),
  z.strictObject({ kind: z.literal('legal_entity'), name: z.string().trim().min(2).max(500), bin: z.string().refine(isValidBin, 'invalid_bin') }),
]);

export const accountBody = z.strictObject({
  login: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'invalid_login').optional().describe('Required when opening an account; omit to reset the password of an existing one'),
});
export const accountResponse = z.object({ login: z.string(), password: z.string().describe('Shown once; the official changes it with PUT /api/v1/auth/password') });

export const roleGrantBody = z.strictObject({
  role: z.enum(ROLES),
  bodyId: z.uuid().optional().describe("The body the role is anchored at; default: the official's body. Omitted for roles that reach everywhere"),
  subdivisionId: z.uuid().optional(),
  validFrom: isoDate.optional().describe('Default: today'),
  validTo: isoDate.optional(),
});
export const roleGrantResponse = z.object({
  id: z.string(),
  officialId: z.string(),
  role: z.string(),
  bodyId: z.string().nullable(),
  subdivisionId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  grantedBy: z.string(),
  revoked: z.boolean(),
});
export const rolesResponse = z.object({ current: z.array(grantView), grants: z.array(roleGrantResponse) });

export const tokenBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  officialId: z.uuid().optional().describe('The official the integration acts for; default: yourself'),
  scopes: z.array(z.enum(ACTION_IDS as [string, ...string[]])).min(1).max(ACTION_IDS.length).describe("The most the token may do; it never exceeds its official's roles"),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export const tokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  officialId: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export const tokenCreatedResponse = tokenResponse.extend({ token: z.string().describe('Shown once; only its hash is kept') });

export const auditQuery = z.strictObject({
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  before: z.coerce.number().int().positive().optional().describe('Events with a smaller id (paging backwards)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const auditResponse = z.object({
  events: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(), details: z.unknown() })),
});

export const policyResponse = z.object({
  scopes: z.array(z.object({ id: z.enum(SCOPES), name: z.string() })),
  actions: z.array(z.object({ id: z.string(), name: z.string() })),
  roles: z.array(z.object({ id: z.enum(ROLES), name: z.string(), allows: z.record(z.string(), z.enum(SCOPES)) })),
});
