/** HTTP face of the complaint procedure: /api/v1/complaints. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../law/lifecycles/lifecycle.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { ActingAs } from '../appeals/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { Action, Role } from '../identity/policy.ts';
import type { Access, Principal } from '../identity/service.ts';
import { actionEnvelope, complaintAction, complaintCase, complaintResponse, fileComplaintBody, listQuery, registerComplaintBody } from './contract.ts';
import type { ComplaintIntake, ComplaintRow, ComplaintsService } from './service.ts';

export interface ComplaintRoutesOptions {
  complaints: ComplaintsService;
  access: Access;
  organisation: OrganisationService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });

/** Who a person is in the complaint procedure: at the originating body by their appeal roles, at the review body by complaint.review. */
const ORIGIN_ACTORS: Partial<Record<Role, readonly Actor[]>> = {
  registrar: ['clerk'],
  monitoring: ['clerk'],
  executor: ['official'],
  subdivision_head: ['official'],
  deputy_head: ['deputy_head', 'official'],
  body_head: ['head', 'official'],
};

const originTarget = (c: ComplaintRow) => ({ bodyId: c.origin_body_id, ownerIds: [c.applicant_id, ...c.challenged_officials].filter((x): x is string => !!x) });
const reviewTarget = (c: ComplaintRow) => (c.review_body_id ? { bodyId: c.review_body_id } : undefined);

export function complaintRoutes(app: App, { complaints, access, organisation }: ComplaintRoutesOptions) {
  async function actingAs(request: FastifyRequest, principal: Principal, c: ComplaintRow): Promise<ActingAs> {
    const actors = new Set<Actor>();
    if (principal.kind === 'applicant') {
      if (principal.id === c.applicant_id) actors.add('applicant');
    } else {
      for (const p of ['appeal.register', 'appeal.decide', 'appeal.sign', 'appeal.assign'] as Action[]) {
        for (const g of await access.allowingGrants(principal, p, originTarget(c))) {
          for (const a of ORIGIN_ACTORS[g.role] ?? []) if (p === 'appeal.register' ? a === 'clerk' : a !== 'clerk') actors.add(a);
        }
      }
      const review = reviewTarget(c);
      if (review) {
        if (await access.allows(principal, 'complaint.review', review)) actors.add('reviewer');
        if (await access.allows(principal, 'appeal.register', review)) actors.add('clerk');
      }
    }
    return { actor: access.actorOf(request), actors: [...actors], ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
  }

  async function canRead(principal: Principal, c: ComplaintRow): Promise<boolean> {
    if (principal.kind === 'applicant') return principal.id === c.applicant_id;
    if (await access.allows(principal, 'appeal.read', originTarget(c))) return true;
    const review = reviewTarget(c);
    return !!review && (await access.allows(principal, 'complaint.review', review));
  }

  app.post('/api/v1/complaints', {
    schema: {
      tags: ['complaints'],
      summary: 'File a complaint from the cabinet with the body whose act or action is challenged (APC 91(4), 93); never refused, a late one is flagged (92(3))',
      body: fileComplaintBody,
      response: { 201: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = await access.filingApplicant(request);
    const b = request.body;
    if (b.appealId) {
      const a = await complaints.appeals.find(b.appealId);
      if (a.applicant_id !== principal.id) throw new Problem(404, 'not_found');
    } else throw new Problem(422, 'validation', {}, [{ field: 'body.appealId', code: 'required' }]);
    const view = await complaints.intake(
      { ...(b as Omit<ComplaintIntake, 'channel' | 'signed' | 'receivedAt'>), channel: 'electronic', signed: b.signature !== undefined, applicantId: principal.id, receivedAt: complaints.now() },
      { actor: access.actorOf(request), actors: ['applicant'], applicantId: principal.id },
    );
    reply.code(201);
    return render(view);
  });

  app.post('/api/v1/complaints/register', {
    schema: {
      tags: ['complaints'],
      summary: 'Register a paper complaint, or one recorded in writing at a reception, at the originating body (APC 91(4), 93(1), 94(1))',
      body: registerComplaintBody,
      response: { 201: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const b = request.body;
    const bodyId = b.appealId ? (await complaints.appeals.find(b.appealId)).body_id : b.bodyId;
    if (!bodyId) throw new Problem(422, 'validation', {}, [{ field: 'body.bodyId', code: 'required' }]);
    const principal = await access.require(request, 'appeal.register', { bodyId });
    const official = await organisation.official(principal.id);
    const view = await complaints.intake(
      { ...(b as Omit<ComplaintIntake, 'receivedAt'>), receivedAt: new Date(b.receivedAt) },
      { actor: access.actorOf(request), actors: ['clerk'], officialId: principal.id },
      { id: principal.id, name: official.full_name },
    );
    reply.code(201);
    return render(view);
  });

  app.get('/api/v1/complaints', {
    schema: { tags: ['complaints'], summary: 'Complaints you may see: at your body as origin or review body, or your own', querystring: listQuery, response: { 200: z.object({ items: z.array(complaintResponse) }), 401: problem } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const read = await access.bodiesFor(principal, 'appeal.read');
    const review = await access.bodiesFor(principal, 'complaint.review');
    const bodyIds = read === 'all' || review === 'all' ? 'all' : [...new Set([...read, ...review])];
    const rows = await complaints.list({ appealId: request.query.appealId, bodyIds: principal.kind === 'applicant' ? [] : bodyIds, ownerId: principal.id });
    return { items: rows.map(publicView) };
  });

  app.get('/api/v1/complaints/:id', {
    schema: { tags: ['complaints'], summary: 'The complaint: data, timeline (hash-chained events), terms, and the actions open to you now', params: idParam, response: { 200: complaintCase, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const c = await complaints.find(request.params.id);
    const principal = await access.authenticated(request);
    if (!(await canRead(principal, c))) throw new Problem(403, 'forbidden', { permission: 'complaint.review' });
    const by = await actingAs(request, principal, c);
    return render(await complaints.view(c.id, by.actors));
  });

  app.post('/api/v1/complaints/:id/actions', {
    schema: {
      tags: ['complaints'],
      summary: 'Take a step of the complaint procedure; refusals cite their article',
      description: 'Actions: satisfy, forward, court_route, record_suspension_exception, register_at_review, request_correction, correction_received, return, withdraw, leave_without_consideration, decide_restoration, start_review, record_hearing, decide, send_back. There is no extension of the review term (APC 99).',
      params: idParam,
      body: z.intersection(actionEnvelope, complaintAction),
      response: { 200: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const c = await complaints.find(request.params.id);
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, c);
    if (by.actors.length === 0) {
      const readable = await canRead(principal, c);
      throw new Problem(readable ? 403 : 404, readable ? 'forbidden' : 'not_found', { permission: 'complaint.review' });
    }
    const { version, ...input } = request.body;
    return render(await complaints.act(c.id, version, input, by));
  });
}

export function publicView(c: ComplaintRow) {
  return {
    id: c.id,
    number: c.number,
    originBodyId: c.origin_body_id,
    reviewBodyId: c.review_body_id,
    state: c.state,
    language: c.language,
    channel: c.channel,
    complainant: c.complainant as Record<string, unknown>,
    appealId: c.appeal_id,
    actId: c.act_id,
    challengedKind: c.challenged_kind,
    challengedSummary: c.challenged_summary,
    challengedOfficials: c.challenged_officials,
    circumstances: c.circumstances,
    demands: c.demands,
    attachments: c.attachments,
    signed: c.signed,
    filedOn: c.filed_on,
    receivedAt: new Date(c.received_at).toISOString(),
    receivedOn: c.received_on,
    registeredOn: c.registered_on,
    learnedOn: c.learned_on,
    complainBy: c.complain_by,
    late: c.late,
    restoration: c.restoration,
    executionSuspended: c.execution_suspended,
    suspensionException: c.suspension_exception,
    forwardedOn: c.forwarded_on,
    reviewReceivedOn: c.review_received_on,
    reviewerId: c.reviewer_id,
    collegial: c.collegial,
    due: c.due,
    reviewDue: c.review_due,
    decision: c.decision,
    decidedOn: c.decided_on,
    deemedDismissedOn: c.deemed_dismissed_on,
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    newAppealId: c.new_appeal_id,
    version: c.version,
  };
}

function render(view: Awaited<ReturnType<ComplaintsService['view']>>) {
  return { ...publicView(view.complaint), missing: view.missing, timeline: view.timeline, deadlines: view.deadlines, actions: view.actions };
}
