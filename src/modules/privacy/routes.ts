/**
 * A person's own data (Law of the RK "On Personal Data and Their Protection"; docs/security.md):
 * GET /api/v1/applicants/me/export gives everything kept about the signed-in applicant in one JSON document;
 * DELETE /api/v1/applicants/me erases the cabinet when no procedure on their appeals is still running.
 */
import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { AppealsService, ApplicantInput } from '../appeals/service.ts';
import { setSessionCookie, type Access, type IdentityService } from '../identity/service.ts';
import type { NotificationService } from '../notifications/service.ts';
import { exportResponse } from './contract.ts';

export interface PrivacyRoutesOptions {
  identity: IdentityService;
  access: Access;
  appeals: AppealsService;
  notifications: NotificationService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function privacyRoutes(app: App, { identity, access, appeals, notifications }: PrivacyRoutesOptions) {
  app.get('/api/v1/applicants/me/export', {
    schema: {
      tags: ['applicants'],
      summary: 'Everything kept about the signed-in applicant: profile, appeals with their history, notices (the right of access to one\'s personal data)',
      response: { 200: exportResponse, 401: problem, 403: problem },
    },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'applicant.profile' });
    await access.require(request, 'applicant.profile', { ownerIds: [principal.id] });
    const profile = await identity.applicant(principal.id);
    const filed = await appeals.ofApplicant(principal.id);
    const cabinet = await notifications.cabinet(principal.id);
    await identity.personalDataViewed(principal, 'applicant', [principal.id], ['export']);
    reply.header('content-disposition', 'attachment; filename="tynda-my-data.json"');
    return {
      exportedAt: identity.now().toISOString(),
      profile: { id: profile.id, kind: profile.kind, name: profile.name, iin: profile.iin, bin: profile.bin, email: profile.email, phone: profile.phone, createdAt: iso(profile.created_at)! },
      appeals: filed.map(({ appeal: a, timeline }) => ({
        id: a.id,
        number: a.number,
        bodyId: a.body_id,
        type: a.type,
        state: a.state,
        channel: a.channel,
        language: a.language,
        receivedAt: iso(a.received_at)!,
        registeredOn: a.registered_on,
        due: a.due,
        summary: a.summary,
        essence: a.essence,
        applicant: a.applicant as ApplicantInput,
        decision: a.decision ?? null,
        closedAt: iso(a.closed_at),
        timeline,
      })),
      notices: cabinet.map((n) => ({ id: n.id, type: n.type, title: n.title, body: n.body, deliveredAt: n.deliveredAt ?? null, readAt: n.readAt ?? null })),
    };
  });

  app.delete('/api/v1/applicants/me', {
    schema: {
      tags: ['applicants'],
      summary: 'Erase the cabinet: the profile is anonymised and every session ends; appeals stay as the body\'s records. Refused while a procedure on one of them is still running',
      response: { 204: z.null(), 401: problem, 403: problem, 409: problem },
    },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'applicant.profile' });
    await access.require(request, 'applicant.profile', { ownerIds: [principal.id] });
    // a running procedure still needs to reach the person (notices, APC 66): erasure waits for it to end
    const running = (await appeals.ofApplicant(principal.id)).filter(({ appeal: a }) => a.closed_at === null && a.decided_at === null);
    if (running.length) throw new Problem(409, 'erasure_blocked', { count: running.length, numbers: running.map((r) => r.appeal.number).join(', ') });
    await identity.eraseApplicant(principal);
    setSessionCookie(request, reply, undefined);
    return reply.code(204).send(null);
  });
}
