/**
 * HTTP face of public services: the public register (/api/v1/services), complaints about a service
 * (/api/v1/service-complaints, LSS 25), ratings and the quality figures (LSS 28–29), hidden services (LSS 1(2-1)).
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../law/i18n.ts';
import type { Actor } from '../../law/lifecycles/lifecycle.ts';
import { EXTENSION_GROUNDS, EXTENSION_MAX_WORKING_DAYS, HIDDEN_SERVICE_CITATION, REFUSAL_GROUNDS, SERVICE_CHANNELS } from '../../law/services.ts';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { ActingAs } from '../appeals/service.ts';
import { renderStep } from '../calendar/render.ts';
import { findTerm } from '../calendar/service.ts';
import type { Action, Role } from '../identity/policy.ts';
import type { Access, Principal } from '../identity/service.ts';
import {
  actionEnvelope,
  complaintAction,
  complaintCase,
  complaintListQuery,
  complaintResponse,
  fileComplaintBody,
  hiddenBody,
  hiddenResponse,
  qualityQuery,
  qualityResponse,
  rateBody,
  ratingResponse,
  registerComplaintBody,
  serviceBody,
  serviceCode,
  serviceListQuery,
  serviceListResponse,
  serviceResponse,
} from './contract.ts';
import { PAGE_SIZE } from './queries.ts';
import { stepMessage, type ServiceComplaintRow, type ServiceInput, type ServiceRow, type ServicesService } from './service.ts';

export interface ServiceRoutesOptions {
  services: ServicesService;
  access: Access;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const codeParam = z.strictObject({ code: serviceCode });
const idParam = z.strictObject({ id: z.uuid() });

/** Who a person is at the receiving body: the clerk registers; whoever holds service_complaint.consider considers. */
const CONSIDER_ACTORS: Partial<Record<Role, readonly Actor[]>> = {
  legal_service: ['official'],
  deputy_head: ['deputy_head', 'official'],
  body_head: ['head', 'official'],
};

export function serviceRoutes(app: App, { services, access }: ServiceRoutesOptions) {
  async function serviceView(rows: ServiceRow[], lang: Language) {
    const bodies = await services.providerBodies(rows);
    const t = translator(lang);
    return rows.map((s) => {
      const term = s.term as { amount: number; unit: string; note?: { kk: string; ru: string; en: string } };
      return {
        code: s.code,
        name: s.name as { kk: string; ru: string; en: string },
        providers: {
          bodyTypes: s.provider_body_types,
          bodies: s.provider_body_ids.map((id) => bodies.get(id)).filter((b) => !!b).map((b) => ({ id: b.id, code: b.code, name: b.name as { kk: string; ru: string; en: string } })),
        },
        providerNote: (s.provider_note as { kk: string; ru: string; en: string } | null) ?? null,
        channels: s.channels.map((c) => SERVICE_CHANNELS.find((x) => x.code === c)).filter((c) => !!c).map((c) => ({ code: c.code, citation: c.citation, name: c.text[lang] })),
        term: { ...term, text: t('service.term', { amount: term.amount, unit: t(`service.unit.${term.unit}`) }) },
        documents: s.documents as { kk: string; ru: string; en: string; fromIs: boolean }[],
        fee: s.fee as { free: boolean; mci?: number },
        refusalGrounds: s.refusal_grounds.map((c) => REFUSAL_GROUNDS.find((g) => g.code === c)).filter((g) => !!g).map((g) => ({ code: g.code, citation: g.citation, text: g.text[lang] })),
        refusalOther: s.refusal_other as { kk: string; ru: string; en: string }[],
        procedureAct: s.procedure_act as { title: { kk: string; ru: string; en: string }; number: string; date: string },
        result: (s.result as { kk: string; ru: string; en: string } | null) ?? null,
        proactive: s.proactive,
        sociallySignificant: s.socially_significant,
        active: s.active,
        version: s.version,
      };
    });
  }

  // ---------------------------------------------------------------- the register (LSS 12)

  app.get('/api/v1/services', {
    schema: {
      tags: ['services'],
      summary: 'The register of public services (LSS 12): search by words of the name in kk, ru or en, or by code; filter by channel (LSS 18(2))',
      querystring: serviceListQuery,
      response: { 200: serviceListResponse, 400: problem },
    },
  }, async (request) => {
    const { rows, total } = await services.search(request.query);
    return { items: await serviceView(rows, request.lang), total, page: request.query.page, pageSize: PAGE_SIZE };
  });

  app.post('/api/v1/services', {
    schema: { tags: ['services'], summary: 'Add a service to the register (LSS 12; services.manage)', body: serviceBody, response: { 201: serviceResponse, 400: problem, 401: problem, 403: problem, 409: problem } },
  }, async (request, reply) => {
    await access.require(request, 'services.manage');
    const row = await services.createService(request.body as ServiceInput, access.actorOf(request));
    reply.code(201);
    return (await serviceView([row], request.lang))[0]!;
  });

  app.get('/api/v1/services/quality', {
    schema: {
      tags: ['services'],
      summary: 'Quality figures per service or per provider (LSS 28–29): counts, shares per 100 ratings, complaints per 100 ratings, ordered by the damped average',
      querystring: qualityQuery,
      response: { 200: qualityResponse, 400: problem },
    },
  }, async (request) => services.quality(request.query.by, request.lang, request.query.serviceCode));

  app.get('/api/v1/services/hidden', {
    schema: { tags: ['services'], summary: 'Hidden public services flagged in appeals, for the register (LSS 1(2-1), 12(3); services.manage)', response: { 200: z.object({ items: z.array(hiddenResponse) }), 401: problem, 403: problem } },
  }, async (request) => {
    await access.require(request, 'services.manage');
    return { items: (await services.hiddenFlags()).map(hiddenView) };
  });

  app.post('/api/v1/services/hidden', {
    schema: { tags: ['services'], summary: 'Flag a hidden public service noticed in an appeal (LSS 1(2-1), 12(3)): whoever may read the appeal', body: hiddenBody, response: { 201: hiddenResponse, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'appeal.read' });
    const appeal = await services.appeals.find(request.body.appealId);
    if (!(await access.allows(principal, 'appeal.read', { bodyId: appeal.body_id, ownerIds: [appeal.executor_id, ...appeal.co_executor_ids].filter((x): x is string => !!x) }))) throw new Problem(404, 'not_found');
    reply.code(201);
    return hiddenView(await services.flagHidden(request.body, access.actorOf(request)));
  });

  app.get('/api/v1/services/:code', {
    schema: { tags: ['services'], summary: 'One service of the register: providers, channels, term, documents, fee, grounds for refusal (LSS 19-1), the procedure act', params: codeParam, response: { 200: serviceResponse, 400: problem, 404: problem } },
  }, async (request) => (await serviceView([await services.find(request.params.code)], request.lang))[0]!);

  app.put('/api/v1/services/:code', {
    schema: { tags: ['services'], summary: 'Change a service of the register (LSS 12; services.manage)', params: codeParam, body: serviceBody, response: { 200: serviceResponse, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    await access.require(request, 'services.manage');
    const row = await services.updateService(request.params.code, request.body as ServiceInput, access.actorOf(request));
    return (await serviceView([row], request.lang))[0]!;
  });

  app.post('/api/v1/services/:code/ratings', {
    schema: { tags: ['services'], summary: 'Rate a service 1–5, once per service receipt or per own complaint (LSS 28–29; applicants)', params: codeParam, body: rateBody, response: { 201: ratingResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } },
  }, async (request, reply) => {
    const principal = await access.filingApplicant(request);
    const row = await services.rate(request.params.code, principal.id, request.body);
    reply.code(201);
    return { id: row.id, serviceCode: row.service_code, providerBodyId: row.provider_body_id, score: row.score, receiptKey: row.receipt_key };
  });

  // ---------------------------------------------------------------- complaints (LSS 25)

  async function actingAs(request: FastifyRequest, principal: Principal, c: ServiceComplaintRow): Promise<ActingAs> {
    const actors = new Set<Actor>();
    if (principal.kind === 'applicant') {
      if (principal.id === c.applicant_id) actors.add('applicant');
    } else {
      const target = { bodyId: c.body_id };
      if (await access.allows(principal, 'appeal.register', target)) actors.add('clerk');
      for (const g of await access.allowingGrants(principal, 'service_complaint.consider', target)) for (const a of CONSIDER_ACTORS[g.role] ?? ['official']) actors.add(a);
    }
    return { actor: access.actorOf(request), actors: [...actors], ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
  }

  async function canRead(principal: Principal, c: ServiceComplaintRow): Promise<boolean> {
    if (principal.kind === 'applicant') return principal.id === c.applicant_id;
    for (const a of ['appeal.read', 'service_complaint.consider'] as Action[]) if (await access.allows(principal, a, { bodyId: c.body_id })) return true;
    return false;
  }

  async function caseView(request: FastifyRequest, id: string, actors: readonly Actor[]) {
    const v = await services.view(id, actors, request.lang);
    return {
      ...complaintView(v.complaint, v.serviceName, v.overdue),
      dueExplanation: v.dueExplanation.map((s) => ({ code: s.code, ...(s.date ? { date: s.date } : {}), ...(s.until ? { until: s.until } : {}), text: renderStep(s, request.lang, v.dueTerm) })),
      timeline: v.timeline,
      deadlines: v.deadlines,
      actions: v.actions,
      extension: { grounds: EXTENSION_GROUNDS.map((g) => ({ code: g.code, citation: g.citation, text: g.text[request.lang] })), maxWorkingDays: EXTENSION_MAX_WORKING_DAYS },
      message: stepMessage(v.complaint, request.lang),
    };
  }

  app.post('/api/v1/service-complaints', {
    schema: {
      tags: ['services'],
      summary: 'Complain about a public service from the cabinet (LSS 25(2)): to the provider or the State Corporation (5 working days) or to the authorised body for quality (15), from registration',
      body: fileComplaintBody,
      response: { 201: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = await access.filingApplicant(request);
    if (request.body.appealId) {
      const a = await services.appeals.find(request.body.appealId).catch(() => undefined);
      if (!a || a.applicant_id !== principal.id) throw new Problem(400, 'validation', {}, [{ field: 'body.appealId', code: 'unknown_reference' }]);
    }
    const id = await services.fileComplaint({ ...request.body, channel: 'electronic', applicantId: principal.id, receivedAt: services.now() }, { actor: access.actorOf(request), actors: ['applicant'], applicantId: principal.id });
    reply.code(201);
    return caseView(request, id, ['applicant']);
  });

  app.post('/api/v1/service-complaints/register', {
    schema: {
      tags: ['services'],
      summary: 'Register a complaint about a public service received at the body, on paper or electronically (LSS 25(2); appeal.register there)',
      body: registerComplaintBody,
      response: { 201: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    if (principal.kind !== 'official') throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    const b = request.body;
    // the receiving body: the named one, else the State Corporation or the authorised body (resolved by the service)
    if (!b.bodyId && b.addressee === 'provider') throw new Problem(400, 'validation', {}, [{ field: 'body.bodyId', code: 'required' }]);
    const target = b.bodyId ?? (b.addressee === 'authorized_body' ? (await services.qualityAuthority())?.id : (await services.organisation.bodies({ type: 'state_corporation' }))[0]?.id);
    if (!target || !(await access.allows(principal, 'appeal.register', { bodyId: target }))) throw new Problem(403, 'forbidden', { permission: 'appeal.register' });
    const by: ActingAs = { actor: access.actorOf(request), actors: ['clerk'], officialId: principal.id };
    const id = await services.fileComplaint({ ...b, bodyId: target, receivedAt: new Date(b.receivedAt) }, by);
    reply.code(201);
    return caseView(request, id, (await actingAs(request, principal, await services.findComplaint(id))).actors);
  });

  app.get('/api/v1/service-complaints', {
    schema: {
      tags: ['services'],
      summary: 'Complaints about public services you may see: at your body, or your own; overdue=true lists those past their term',
      querystring: complaintListQuery,
      response: { 200: z.object({ items: z.array(complaintResponse) }), 400: problem, 401: problem },
    },
  }, async (request) => {
    const principal = await access.authenticated(request);
    let bodyIds: 'all' | string[] = [];
    if (principal.kind === 'official') {
      const read = await access.bodiesFor(principal, 'appeal.read');
      const consider = await access.bodiesFor(principal, 'service_complaint.consider');
      bodyIds = read === 'all' || consider === 'all' ? 'all' : [...new Set([...read, ...consider])];
    }
    const rows = await services.listComplaints({ bodyIds, ownerId: principal.id, overdue: request.query.overdue === 'true', state: request.query.state });
    const names = await services.serviceNames(rows.map((r) => r.service_code));
    return { items: rows.map((r) => complaintView(r, names.get(r.service_code)?.[request.lang] ?? r.service_code, services.isOverdue(r))) };
  });

  app.get('/api/v1/service-complaints/:id', {
    schema: { tags: ['services'], summary: 'The complaint: data, its term and how it was counted, the hash-chained timeline, and the actions open to you now', params: idParam, response: { 200: complaintCase, 401: problem, 404: problem } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const c = await services.findComplaint(request.params.id);
    if (!(await canRead(principal, c))) throw new Problem(404, 'not_found');
    return caseView(request, c.id, (await actingAs(request, principal, c)).actors);
  });

  app.post('/api/v1/service-complaints/:id/actions', {
    schema: {
      tags: ['services'],
      summary: 'A step of the complaint: extend (LSS 25(4)), decide (25(2), 5(2)(7)), route_to_apc (25(1); APC 91), withdraw; refusals cite their article',
      params: idParam,
      body: z.intersection(actionEnvelope, complaintAction),
      response: { 200: complaintCase, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const c = await services.findComplaint(request.params.id);
    const by = await actingAs(request, principal, c);
    if (by.actors.length === 0) {
      const readable = await canRead(principal, c);
      throw new Problem(readable ? 403 : 404, readable ? 'forbidden' : 'not_found', { permission: 'service_complaint.consider' });
    }
    const { version, ...input } = request.body;
    await services.act(c.id, version, input, by);
    return caseView(request, c.id, by.actors);
  });
}

function hiddenView(h: { id: string; appeal_id: string; body_id: string; function_name: string; reason: string; flagged_by: string; created_at: Date }) {
  return { id: h.id, appealId: h.appeal_id, bodyId: h.body_id, functionName: h.function_name, reason: h.reason, flaggedBy: h.flagged_by, createdAt: new Date(h.created_at).toISOString(), citation: HIDDEN_SERVICE_CITATION };
}

export function complaintView(c: ServiceComplaintRow, serviceName: string, overdue: boolean) {
  return {
    id: c.id,
    number: c.number,
    serviceCode: c.service_code,
    serviceName,
    addressee: c.addressee,
    bodyId: c.body_id,
    providerBodyId: c.provider_body_id,
    state: c.state,
    language: c.language,
    channel: c.channel,
    subject: c.subject,
    receiptRef: c.receipt_ref,
    appealId: c.appeal_id,
    essence: c.essence,
    demands: c.demands,
    complainant: c.complainant as Record<string, unknown>,
    receivedAt: new Date(c.received_at).toISOString(),
    receivedOn: c.received_on,
    registeredOn: c.registered_on,
    term: c.term_id,
    citation: findTerm(c.term_id).citation,
    originalDue: c.original_due,
    due: c.due,
    extendedDays: c.extended_days,
    overdue,
    decision: c.decision,
    decidedOn: c.decided_on,
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    apcComplaintId: c.apc_complaint_id,
    version: c.version,
  };
}
