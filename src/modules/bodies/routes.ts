/**
 * HTTP face of the organisation. The directory (territories, bodies, subdivisions, topics) is public: a person
 * chooses where to file. Officials and positions are for officials; personal data in them is masked unless the
 * reader's role needs it, and every unmasked look is audited.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import { forbidden, maskEmail, maskIdNumber, maskPhone, type Access, type IdentityService, type Principal } from '../identity/service.ts';
import {
  appointmentInput,
  appointmentResponse,
  bodyInput,
  bodyPatch,
  bodyQuery,
  bodyResponse,
  idParam,
  officialInput,
  officialQuery,
  officialResponse,
  positionInput,
  positionResponse,
  subdivisionInput,
  subdivisionResponse,
  territoryQuery,
  territoryResponse,
  topicInput,
  topicResponse,
  topicTreeResponse,
} from './contract.ts';
import type { BodyRow, OrganisationService } from './service.ts';

export interface BodiesRoutesOptions {
  organisation: OrganisationService;
  access: Access;
  identity: IdentityService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough();
const denied = { 401: problem, 403: problem };

export function bodyView(b: BodyRow, lang: Language) {
  return {
    id: b.id,
    code: b.code,
    type: b.type,
    typeName: translator(lang)(`bodyType.${b.type}`),
    name: b.name,
    bin: b.bin,
    territoryId: b.territory_id,
    parentId: b.parent_id,
    complaintBodyId: b.complaint_body_id,
    subjectToRules111: b.subject_to_rules_111,
    contact: b.contact,
    receptionAddress: b.reception_address,
    registrationNumberFormat: b.registration_number_format,
    active: b.active,
  };
}

export function bodiesRoutes(app: App, { organisation, access, identity }: BodiesRoutesOptions) {
  const actor = (request: FastifyRequest) => access.actorOf(request);

  app.get('/api/v1/territories', {
    schema: { tags: ['organisation'], summary: 'Regions, cities of republican significance, the capital and their districts', querystring: territoryQuery, response: { 200: z.object({ territories: z.array(territoryResponse) }) } },
  }, async (request) => {
    const rows = await organisation.territories(request.query);
    return { territories: rows.map((t) => ({ id: t.id, code: t.code, kato: t.kato, kind: t.kind, parentId: t.parent_id, name: t.name })) };
  });

  app.get('/api/v1/bodies', {
    schema: { tags: ['organisation'], summary: 'Administrative bodies and external parties (courts, the State Corporation)', querystring: bodyQuery, response: { 200: z.object({ bodies: z.array(bodyResponse) }) } },
  }, async (request) => ({ bodies: (await organisation.bodies(request.query)).map((b) => bodyView(b, request.lang)) }));

  app.get('/api/v1/bodies/:id', {
    schema: { tags: ['organisation'], summary: 'One body', params: idParam, response: { 200: bodyResponse, 404: problem } },
  }, async (request) => bodyView(await organisation.body(request.params.id), request.lang));

  app.post('/api/v1/bodies', {
    schema: { tags: ['organisation'], summary: 'Add a body', body: bodyInput, response: { 201: bodyResponse, 400: problem, ...denied, 409: problem } },
  }, async (request, reply) => {
    await access.require(request, 'bodies.manage', request.body.parentId ? { bodyId: request.body.parentId } : {});
    const row = await organisation.createBody(request.body, actor(request));
    return reply.code(201).send(bodyView(row, request.lang));
  });

  app.patch('/api/v1/bodies/:id', {
    schema: { tags: ['organisation'], summary: 'Change a body (its place in the hierarchy, complaint body, contacts, registration-number format)', params: idParam, body: bodyPatch, response: { 200: bodyResponse, 400: problem, ...denied, 404: problem, 409: problem } },
  }, async (request) => {
    await organisation.body(request.params.id);
    await access.require(request, 'bodies.manage', { bodyId: request.params.id });
    return bodyView(await organisation.updateBody(request.params.id, request.body, actor(request)), request.lang);
  });

  app.get('/api/v1/bodies/:id/subdivisions', {
    schema: { tags: ['organisation'], summary: 'Structural subdivisions of a body', params: idParam, response: { 200: z.object({ subdivisions: z.array(subdivisionResponse) }), 404: problem } },
  }, async (request) => {
    await organisation.body(request.params.id);
    const rows = await organisation.subdivisions(request.params.id);
    return { subdivisions: rows.map((s) => ({ id: s.id, bodyId: s.body_id, parentId: s.parent_id, code: s.code, kind: s.kind, name: s.name, active: s.active })) };
  });

  app.post('/api/v1/bodies/:id/subdivisions', {
    schema: { tags: ['organisation'], summary: 'Add a structural subdivision', params: idParam, body: subdivisionInput, response: { 201: subdivisionResponse, 400: problem, ...denied, 404: problem, 409: problem } },
  }, async (request, reply) => {
    await organisation.body(request.params.id);
    await access.require(request, 'bodies.manage', { bodyId: request.params.id });
    const s = await organisation.createSubdivision(request.params.id, request.body, actor(request));
    return reply.code(201).send({ id: s.id, bodyId: s.body_id, parentId: s.parent_id, code: s.code, kind: s.kind, name: s.name, active: s.active });
  });

  app.get('/api/v1/bodies/:id/positions', {
    schema: { tags: ['organisation'], summary: 'Positions of a body and the role each carries', params: idParam, response: { 200: z.object({ positions: z.array(positionResponse) }), ...denied, 404: problem } },
  }, async (request) => {
    await organisation.body(request.params.id);
    await access.require(request, 'officials.read', { bodyId: request.params.id });
    const rows = await organisation.positions(request.params.id);
    return { positions: rows.map((p) => ({ id: p.id, bodyId: p.body_id, subdivisionId: p.subdivision_id, code: p.code, title: p.title, role: p.role })) };
  });

  app.post('/api/v1/bodies/:id/positions', {
    schema: { tags: ['organisation'], summary: 'Add a position; a position with a role gives it to whoever holds the position', params: idParam, body: positionInput, response: { 201: positionResponse, 400: problem, ...denied, 404: problem, 409: problem } },
  }, async (request, reply) => {
    await organisation.body(request.params.id);
    await access.require(request, 'bodies.manage', { bodyId: request.params.id });
    const p = await organisation.createPosition(request.params.id, request.body, actor(request));
    return reply.code(201).send({ id: p.id, bodyId: p.body_id, subdivisionId: p.subdivision_id, code: p.code, title: p.title, role: p.role });
  });

  /** Officials as the reader may see them: personal data unmasked only where `officials.read_personal` reaches. */
  async function officialViews(principal: Principal, rows: Awaited<ReturnType<OrganisationService['officials']>>) {
    const appointments = await organisation.currentAppointments(rows.map((r) => r.id));
    const personalIn = await access.bodiesFor(principal, 'officials.read_personal');
    const unmasked: string[] = [];
    const views = rows.map((o) => {
      const full = personalIn === 'all' || personalIn.includes(o.body_id) || o.id === principal.id;
      const hasData = o.iin !== null || o.email !== null || o.phone !== null;
      if (full && hasData && o.id !== principal.id) unmasked.push(o.id);
      return {
        id: o.id,
        bodyId: o.body_id,
        fullName: o.full_name,
        iin: o.iin && (full ? o.iin : maskIdNumber(o.iin)),
        email: o.email && (full ? o.email : maskEmail(o.email)),
        phone: o.phone && (full ? o.phone : maskPhone(o.phone)),
        personalDataMasked: !full,
        active: o.active,
        appointments: appointments
          .filter((a) => a.official_id === o.id)
          .map((a) => ({ id: a.id, positionId: a.position_id, bodyId: a.body_id, subdivisionId: a.subdivision_id, title: a.title, role: a.role, acting: a.acting, actingFor: a.acting_for, validFrom: a.valid_from, validTo: a.valid_to })),
      };
    });
    await identity.personalDataViewed(principal, 'official', unmasked, ['iin', 'email', 'phone']);
    return views;
  }

  app.get('/api/v1/officials', {
    schema: { tags: ['organisation'], summary: 'Officials the reader may see, with their current appointments', querystring: officialQuery, response: { 200: z.object({ officials: z.array(officialResponse) }), ...denied } },
  }, async (request) => {
    const { bodyId } = request.query;
    const principal = await access.authenticated(request);
    if (bodyId) await access.require(request, 'officials.read', { bodyId });
    const scope = await access.bodiesFor(principal, 'officials.read');
    if (scope !== 'all' && scope.length === 0) throw forbidden('officials.read');
    const rows = await organisation.officials(bodyId ? { bodyId } : scope === 'all' ? {} : { bodyIds: scope });
    return { officials: await officialViews(principal, rows) };
  });

  app.get('/api/v1/officials/:id', {
    schema: { tags: ['organisation'], summary: 'One official', params: idParam, response: { 200: officialResponse, ...denied, 404: problem } },
  }, async (request) => {
    const o = await organisation.official(request.params.id);
    const principal = await access.require(request, 'officials.read', { bodyId: o.body_id, ownerIds: [o.id] });
    return (await officialViews(principal, [o]))[0]!;
  });

  app.post('/api/v1/officials', {
    schema: { tags: ['organisation'], summary: 'Add an official to a body (open the account with POST /api/v1/officials/{id}/account)', body: officialInput, response: { 201: officialResponse, 400: problem, ...denied, 409: problem } },
  }, async (request, reply) => {
    const principal = await access.require(request, 'officials.manage', { bodyId: request.body.bodyId });
    const o = await organisation.createOfficial(request.body, actor(request));
    return reply.code(201).send((await officialViews(principal, [o]))[0]!);
  });

  app.post('/api/v1/officials/:id/appointments', {
    schema: {
      tags: ['organisation'],
      summary: 'Appoint an official to a position, or make them acting for an absent holder for a period (Standard Regulation p.19)',
      params: idParam,
      body: appointmentInput,
      response: { 201: appointmentResponse, 400: problem, ...denied, 404: problem },
    },
  }, async (request, reply) => {
    const o = await organisation.official(request.params.id);
    const post = await organisation.position(request.body.positionId);
    if (!post) throw new Problem(400, 'validation', {}, [{ field: 'body.positionId', code: 'unknown_reference' }]);
    await access.require(request, 'officials.manage', { bodyId: o.body_id });
    await access.require(request, 'officials.manage', { bodyId: post.body_id });
    const a = await organisation.appoint(o.id, request.body, actor(request));
    return reply.code(201).send({ id: a.id, officialId: a.official_id, positionId: a.position_id, acting: a.acting, actingFor: a.acting_for, validFrom: a.valid_from, validTo: a.valid_to, ended: a.ended_at !== null });
  });

  app.delete('/api/v1/officials/:id/appointments/:appointmentId', {
    schema: {
      tags: ['organisation'],
      summary: 'End an appointment now',
      params: z.strictObject({ id: z.uuid(), appointmentId: z.uuid() }),
      response: { 200: appointmentResponse, ...denied, 404: problem },
    },
  }, async (request) => {
    const o = await organisation.official(request.params.id);
    await access.require(request, 'officials.manage', { bodyId: o.body_id });
    const a = await organisation.endAppointment(o.id, request.params.appointmentId, actor(request));
    return { id: a.id, officialId: a.official_id, positionId: a.position_id, acting: a.acting, actingFor: a.acting_for, validFrom: a.valid_from, validTo: a.valid_to, ended: a.ended_at !== null };
  });

  app.get('/api/v1/topics', {
    schema: { tags: ['organisation'], summary: 'The classifier of appeal topics: two levels, each with the competent body type', response: { 200: topicTreeResponse } },
  }, async () => {
    const rows = await organisation.topics();
    const leaf = (t: (typeof rows)[number]) => ({ id: t.id, code: t.code, name: t.name, competentBodyType: t.competent_body_type });
    return { topics: rows.filter((t) => !t.parent_id).map((t) => ({ ...leaf(t), children: rows.filter((c) => c.parent_id === t.id).map(leaf) })) };
  });

  app.post('/api/v1/topics', {
    schema: { tags: ['organisation'], summary: 'Add a topic (a second-level topic names its parent)', body: topicInput, response: { 201: topicResponse, 400: problem, ...denied, 409: problem } },
  }, async (request, reply) => {
    await access.require(request, 'topics.manage');
    const t = await organisation.createTopic(request.body, actor(request));
    return reply.code(201).send({ id: t.id, code: t.code, name: t.name, competentBodyType: t.competent_body_type, parentId: t.parent_id });
  });
}
