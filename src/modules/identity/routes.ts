/** HTTP face of identity and access: /api/v1/auth, applicants' cabinet, accounts, roles, tokens, audit trail. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { almatyToday } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import { auditEvents } from '../audit/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import {
  accountBody,
  accountResponse,
  applicantBody,
  applicantResponse,
  auditQuery,
  auditResponse,
  certificateBody,
  certificateChallengeResponse,
  loginBody,
  meResponse,
  oidcCallbackQuery,
  oidcLoginQuery,
  otpRequestBody,
  otpRequestResponse,
  otpVerifyBody,
  passwordBody,
  policyResponse,
  roleGrantBody,
  roleGrantResponse,
  rolesResponse,
  signedInResponse,
  tokenBody,
  tokenCreatedResponse,
  tokenResponse,
} from './contract.ts';
import { SESSION_MAX_HOURS } from './limits.ts';
import { ACTION_IDS, GLOBAL_ROLES, POLICY, ROLES, SCOPES, type Action } from './policy.ts';
import { setSessionCookie, type Access, type Grant, type IdentityService, type Principal, type SignedIn } from './service.ts';

export interface IdentityRoutesOptions {
  identity: IdentityService;
  access: Access;
  organisation: OrganisationService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough();
const denied = { 401: problem, 403: problem };
const idParam = z.strictObject({ id: z.uuid() });

function grantView(g: Grant, lang: Language) {
  return { role: g.role, roleName: translator(lang)(`role.${g.role}`), bodyId: g.bodyId, subdivisionId: g.subdivisionId, acting: g.acting, until: g.until, source: g.source };
}

type GrantRow = Awaited<ReturnType<IdentityService['roleGrants']>>[number];
const roleGrantView = (g: GrantRow) => ({
  id: g.id,
  officialId: g.official_id,
  role: g.role,
  bodyId: g.body_id,
  subdivisionId: g.subdivision_id,
  validFrom: g.valid_from,
  validTo: g.valid_to,
  grantedBy: g.granted_by,
  revoked: g.revoked_at !== null,
});

type TokenRow = Awaited<ReturnType<IdentityService['tokens']>>[number];
const tokenView = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  officialId: t.official_id,
  scopes: t.scopes,
  createdAt: new Date(t.created_at).toISOString(),
  expiresAt: t.expires_at ? new Date(t.expires_at).toISOString() : null,
  lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
  revoked: t.revoked_at !== null,
});

export function identityRoutes(app: App, { identity, access, organisation }: IdentityRoutesOptions) {
  async function me(principal: Principal, lang: Language) {
    const permissions = ACTION_IDS.filter((a) => principal.grants.some((g) => POLICY[g.role][a]) && (principal.kind !== 'official' || !principal.scopes || principal.scopes.includes(a)));
    if (principal.kind === 'applicant') {
      const a = await identity.applicant(principal.id);
      return { kind: 'applicant' as const, id: a.id, name: a.name, bodyId: null, via: principal.via, roles: principal.grants.map((g) => grantView(g, lang)), permissions };
    }
    const o = await organisation.official(principal.id);
    return { kind: 'official' as const, id: o.id, name: o.full_name, bodyId: o.body_id, via: principal.via, roles: principal.grants.map((g) => grantView(g, lang)), permissions };
  }

  async function signedIn(request: FastifyRequest, reply: import('fastify').FastifyReply, s: SignedIn) {
    setSessionCookie(request, reply, s.token);
    const principal = (await identity.authenticate(s.token))!;
    return { token: s.token, expiresAt: new Date(identity.now().getTime() + SESSION_MAX_HOURS * 3_600_000).toISOString(), me: await me(principal, request.lang) };
  }

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Official sign-in by login and password', body: loginBody, response: { 200: signedInResponse, 400: problem, 401: problem, 423: problem } },
  }, async (request, reply) => signedIn(request, reply, await identity.login(request.body.login, request.body.password)));

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), 401: problem } },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    await identity.logout(principal);
    setSessionCookie(request, reply, undefined);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: 'Who is signed in: roles held today (acting ones with their end) and the actions they allow', response: { 200: meResponse, 401: problem } },
  }, async (request) => me(await access.authenticated(request), request.lang));

  app.put('/api/v1/auth/password', {
    schema: { tags: ['auth'], summary: "Change one's own password (other sessions end)", body: passwordBody, response: { 204: z.null(), 400: problem, ...denied, 423: problem } },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    await identity.changePassword(principal, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/otp/request', {
    schema: { tags: ['auth'], summary: 'Applicant sign-in, step 1: send a one-time code to an e-mail or phone', body: otpRequestBody, response: { 202: otpRequestResponse, 400: problem, 429: problem, 501: problem } },
  }, async (request, reply) => reply.code(202).send(await identity.requestOtp(request.body.channel, request.body.address, request.lang)));

  app.post('/api/v1/auth/otp/verify', {
    schema: { tags: ['auth'], summary: 'Applicant sign-in, step 2: the code opens the cabinet (created on first sign-in)', body: otpVerifyBody, response: { 200: signedInResponse, 400: problem, 401: problem } },
  }, async (request, reply) => signedIn(request, reply, await identity.verifyOtp(request.body.channel, request.body.address, request.body.code)));

  app.get('/api/v1/auth/certificate/challenge', {
    schema: {
      tags: ['auth'],
      summary: 'Applicant sign-in by certificate, step 1: a one-time text to sign with the EDS (NCA RK); 501 when the trust store is not configured',
      response: { 200: certificateChallengeResponse, 429: problem, 501: problem },
    },
  }, async () => identity.certificateChallenge());

  app.post('/api/v1/auth/certificate', {
    schema: {
      tags: ['auth'],
      summary: 'Applicant sign-in by certificate, step 2: the signed challenge opens the cabinet of the IIN (or BIN) in the certificate, created on first sign-in; 501 when the trust store is not configured',
      description:
        '`signature` is a detached CMS signature over the UTF-8 text of `challenge`, as NCALayer makes it. The signature port checks the chain to the trust store ' +
        '(TYNDA_TRUST_DIR), validity, revocation (CRL) and key usage. A challenge is used up by the first attempt and expires after a few minutes: an unknown, ' +
        'used or expired one is 401 challenge_invalid; a signature that does not verify is 401 certificate_invalid with the reason; a certificate with neither ' +
        'an IIN nor a BIN is 422 certificate_without_identity. Each refusal is an audit event (auth.login_failed).',
      body: certificateBody,
      response: { 200: signedInResponse, 400: problem, 401: problem, 422: problem, 429: problem, 501: problem },
    },
  }, async (request, reply) => signedIn(request, reply, await identity.certificateSignIn(request.body.challenge, request.body.signature.value)));

  app.get('/api/v1/auth/oidc/login', {
    schema: { tags: ['auth'], summary: 'Official sign-in through OpenID Connect (eGov IDP): redirects to the provider (authorization code + PKCE)', querystring: oidcLoginQuery, response: { 302: z.null(), 400: problem, 404: problem, 502: problem } },
  }, async (request, reply) => reply.redirect(await identity.oidcStart(request.query.returnTo), 302));

  app.get('/api/v1/auth/oidc/callback', {
    schema: { tags: ['auth'], summary: 'Where the OpenID Connect provider sends the official back', querystring: oidcCallbackQuery, response: { 302: z.null(), 401: problem, 403: problem, 404: problem, 502: problem } },
  }, async (request, reply) => {
    const s = await identity.oidcCallback(request.query);
    setSessionCookie(request, reply, s.token);
    return reply.redirect(s.returnTo, 302);
  });

  app.get('/api/v1/access/policy', {
    schema: { tags: ['auth'], summary: 'The access policy: role × action → scope (docs/access-control.md is generated from the same table)', response: { 200: policyResponse } },
  }, async (request) => {
    const t = translator(request.lang);
    return {
      scopes: SCOPES.map((s) => ({ id: s, name: t(`scope.${s}`) })),
      actions: ACTION_IDS.map((a) => ({ id: a, name: t(`permission.${a}`) })),
      roles: ROLES.map((r) => ({ id: r, name: t(`role.${r}`), allows: POLICY[r] as Record<string, (typeof SCOPES)[number]> })),
    };
  });

  // ---------- the applicant's cabinet ----------

  const applicantView = (a: Awaited<ReturnType<IdentityService['applicant']>>) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    iin: a.iin,
    bin: a.bin,
    email: a.email,
    phone: a.phone,
    complete: a.kind !== null && a.name !== null,
  });

  app.get('/api/v1/applicants/me', {
    schema: { tags: ['applicants'], summary: "The signed-in applicant's profile", response: { 200: applicantResponse, ...denied } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    await access.require(request, 'applicant.profile', { ownerIds: [principal.id] });
    return applicantView(await identity.applicant(principal.id));
  });

  app.put('/api/v1/applicants/me', {
    schema: { tags: ['applicants'], summary: 'Complete the profile: an individual with an IIN or a legal entity with a BIN', body: applicantBody, response: { 200: applicantResponse, 400: problem, ...denied, 409: problem } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    await access.require(request, 'applicant.profile', { ownerIds: [principal.id] });
    return applicantView(await identity.updateApplicant(principal, request.body));
  });

  // ---------- officials' accounts and roles ----------

  app.post('/api/v1/officials/:id/account', {
    schema: { tags: ['organisation'], summary: "Open an official's account, or reset its password: a new password is generated and shown once", params: idParam, body: accountBody, response: { 201: accountResponse, 400: problem, ...denied, 404: problem, 409: problem } },
  }, async (request, reply) => {
    const o = await organisation.official(request.params.id);
    await access.require(request, 'officials.manage', { bodyId: o.body_id });
    return reply.code(201).send(await identity.setAccount(o.id, request.body.login, access.actorOf(request)));
  });

  app.get('/api/v1/officials/:id/roles', {
    schema: { tags: ['organisation'], summary: "An official's roles: held today (through positions and grants) and every direct grant", params: idParam, response: { 200: rolesResponse, ...denied, 404: problem } },
  }, async (request) => {
    const o = await organisation.official(request.params.id);
    await access.require(request, 'officials.read', { bodyId: o.body_id, ownerIds: [o.id] });
    return { current: (await identity.grants(o.id)).map((g) => grantView(g, request.lang)), grants: (await identity.roleGrants(o.id)).map(roleGrantView) };
  });

  app.post('/api/v1/officials/:id/roles', {
    schema: { tags: ['organisation'], summary: 'Grant a role to an official, anchored at a body (and subdivision), optionally for a period', params: idParam, body: roleGrantBody, response: { 201: roleGrantResponse, 400: problem, ...denied, 404: problem } },
  }, async (request, reply) => {
    const o = await organisation.official(request.params.id);
    const { role, subdivisionId, validTo } = request.body;
    if (role === 'applicant') throw new Problem(400, 'validation', {}, [{ field: 'body.role', code: 'invalid_value' }]);
    const global = GLOBAL_ROLES.includes(role);
    if (global && (request.body.bodyId || subdivisionId)) throw new Problem(400, 'validation', {}, [{ field: 'body.bodyId', code: 'global_role_has_no_body' }]);
    const bodyId = global ? null : (request.body.bodyId ?? o.body_id);
    if (bodyId) await organisation.body(bodyId, 'body.bodyId').catch(() => { throw new Problem(400, 'validation', {}, [{ field: 'body.bodyId', code: 'unknown_reference' }]); });
    if (subdivisionId) {
      const sub = await organisation.subdivision(subdivisionId);
      if (!sub || sub.body_id !== bodyId) throw new Problem(400, 'validation', {}, [{ field: 'body.subdivisionId', code: 'unknown_reference' }]);
    }
    const validFrom = request.body.validFrom ?? almatyToday(identity.now());
    if (validTo && validTo < validFrom) throw new Problem(400, 'validation', {}, [{ field: 'body.validTo', code: 'before_start' }]);
    const principal = await access.requireGrantable(request, role, bodyId);
    const row = await identity.grantRole(principal, { officialId: o.id, role, bodyId, subdivisionId, validFrom, validTo });
    return reply.code(201).send(roleGrantView(row));
  });

  app.delete('/api/v1/roles/:id', {
    schema: { tags: ['organisation'], summary: 'Revoke a role grant', params: idParam, response: { 200: roleGrantResponse, ...denied, 404: problem } },
  }, async (request) => {
    const grant = await identity.roleGrant(request.params.id);
    const principal = await access.requireGrantable(request, grant.role as (typeof ROLES)[number], grant.body_id);
    return roleGrantView(await identity.revokeRole(principal, grant.id));
  });

  // ---------- API tokens ----------

  app.get('/api/v1/tokens', {
    schema: { tags: ['auth'], summary: 'API tokens for integrations (never the tokens themselves)', response: { 200: z.object({ tokens: z.array(tokenResponse) }), ...denied } },
  }, async (request) => {
    await access.require(request, 'tokens.manage');
    return { tokens: (await identity.tokens()).map(tokenView) };
  });

  app.post('/api/v1/tokens', {
    schema: { tags: ['auth'], summary: "Issue a scoped API token acting for an official; the token is shown once", body: tokenBody, response: { 201: tokenCreatedResponse, 400: problem, ...denied, 404: problem } },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    const officialId = request.body.officialId ?? principal.id;
    const o = await organisation.official(officialId, 'body.officialId');
    await access.require(request, 'tokens.manage', { bodyId: o.body_id });
    if (request.body.expiresAt && new Date(request.body.expiresAt) <= identity.now()) throw new Problem(400, 'validation', {}, [{ field: 'body.expiresAt', code: 'in_the_past' }]);
    const { token, row } = await identity.createToken(principal, { officialId, name: request.body.name, scopes: request.body.scopes as Action[], expiresAt: request.body.expiresAt });
    return reply.code(201).send({ ...tokenView(row), token });
  });

  app.delete('/api/v1/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke an API token', params: idParam, response: { 200: tokenResponse, ...denied, 404: problem } },
  }, async (request) => {
    const principal = await access.require(request, 'tokens.manage');
    return tokenView(await identity.revokeToken(principal, request.params.id));
  });

  // ---------- audit trail ----------

  app.get('/api/v1/audit-events', {
    schema: { tags: ['auth'], summary: 'The audit trail, newest first', querystring: auditQuery, response: { 200: auditResponse, ...denied } },
  }, async (request) => {
    await access.require(request, 'audit.read');
    const rows = await auditEvents(identity.db, request.query);
    return { events: rows.map((e) => ({ id: e.id, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, subjectType: e.subject_type, subjectId: e.subject_id, details: e.details })) };
  });

}
