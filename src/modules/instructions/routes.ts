/** HTTP face of control of instructions: /api/v1/instructions. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OVERDUE_CITATION } from '../../law/instructions.ts';
import type { Actor } from '../../law/lifecycles/lifecycle.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { Access, Principal } from '../identity/service.ts';
import type { Deadline } from '../../law/deadlines.ts';
import type { Language } from '../../law/i18n.ts';
import { renderStep, renderWarning } from '../calendar/render.ts';
import { actionBody, actionEnvelope, caseResponse, createBody, deadlineView, disciplineQuery, disciplineResponse, instructionResponse, listQuery, listResponse } from './contract.ts';
import type { ActingAs, InstructionRow, InstructionsService } from './service.ts';

export interface InstructionRoutesOptions {
  instructions: InstructionsService;
  access: Access;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });

export function instructionView(r: InstructionRow, today: string): z.infer<typeof instructionResponse> {
  return {
    id: r.id, number: r.number, bodyId: r.body_id, source: r.source, giverId: r.giver_id, giverName: r.giver_name, controllerId: r.controller_id, text: r.text,
    executorIds: r.executor_ids, coordinatorId: r.executor_ids[0]!, state: r.state, givenOn: r.given_on, originalDue: r.original_due, due: r.due,
    overdue: (r.state === 'assigned' || r.state === 'extension_requested') && r.due < today, overdueOn: r.overdue_on, executedOn: r.executed_on, closedOn: r.closed_on,
    returnRequired: r.return_required, appealId: r.appeal_id, receptionBookingId: r.reception_booking_id, language: r.language, version: r.version,
  };
}

/** A due date with its steps, and the steps in words in the language of the request (principle 2). */
export function deadlineText(d: Deadline & { workingDays: number }, lang: Language): z.infer<typeof deadlineView> {
  return {
    due: d.due, workingDays: d.workingDays, citation: d.citation, explanation: d.explanation as unknown as Record<string, unknown>[], warnings: d.warnings as unknown as Record<string, unknown>[],
    text: [...d.explanation.map((s) => renderStep(s, lang)), ...d.warnings.map((w) => renderWarning(w, lang))],
  };
}

export function instructionRoutes(app: App, { instructions, access }: InstructionRoutesOptions) {
  /** Who this person is on this instruction: its giver, one of its executors, its controller. */
  async function actingAs(request: FastifyRequest, principal: Principal, r: InstructionRow): Promise<ActingAs> {
    const actors: Actor[] = [];
    if (principal.kind === 'official') {
      if (principal.id === r.giver_id) actors.push('instruction_giver');
      if (r.executor_ids.includes(principal.id) && (await access.allows(principal, 'instruction.execute', { bodyId: r.body_id, ownerIds: r.executor_ids }))) actors.push('executor');
      if (await access.allows(principal, 'instruction.manage', { bodyId: r.body_id })) actors.push('controller');
    }
    return { actor: access.actorOf(request), actors, ...(principal.kind === 'official' ? { officialId: principal.id } : {}) };
  }

  app.post('/api/v1/instructions', {
    schema: {
      tags: ['instructions'],
      summary: 'Put an instruction under control with its executors (the first named coordinates, APC 46(3)) and due date (37(3))',
      body: createBody,
      response: { 201: instructionResponse, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = await access.require(request, 'instruction.manage', { bodyId: request.body.bodyId });
    const row = await instructions.create({ ...request.body, language: request.body.language ?? request.lang }, { actor: access.actorOf(request), actors: ['controller'], officialId: principal.id });
    reply.code(201);
    return { ...instructionView(row, instructions.today()), deadline: deadlineText(await instructions.deadline(row), request.lang) };
  });

  app.get('/api/v1/instructions', {
    schema: {
      tags: ['instructions'],
      summary: 'The control list: instructions of the bodies under your control, or yours (mine=true); overdue=true for the monitoring dashboard (REG p.9(1))',
      querystring: listQuery,
      response: { 200: listResponse, 401: problem, 403: problem },
    },
  }, async (request) => {
    const principal = await access.authenticated(request);
    const q = request.query;
    let bodyIds: 'all' | string[];
    if (q.mine === 'true') bodyIds = 'all';
    else {
      bodyIds = await access.bodiesFor(principal, 'instruction.manage');
      if (bodyIds !== 'all' && bodyIds.length === 0) throw new Problem(403, 'forbidden', { permission: 'instruction.manage' });
      if (q.bodyId) {
        if (bodyIds !== 'all' && !bodyIds.includes(q.bodyId)) throw new Problem(403, 'forbidden', { permission: 'instruction.manage' });
        bodyIds = [q.bodyId];
      }
    }
    const rows = await instructions.list({ bodyIds, officialId: q.mine === 'true' ? principal.id : undefined, overdue: q.overdue === 'true', page: q.page, pageSize: q.pageSize });
    const today = instructions.today();
    return { items: rows.map((r) => instructionView(r, today)), page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/v1/instructions/discipline', {
    schema: {
      tags: ['instructions'],
      summary: 'Executive discipline per coordinating executor: on time, late, overdue, extended; breaches listed for proposals (REG p.9(2))',
      querystring: disciplineQuery,
      response: { 200: disciplineResponse, 401: problem, 403: problem },
    },
  }, async (request) => {
    const { bodyId, from, to } = request.query;
    const principal = await access.require(request, 'instruction.manage', { bodyId });
    const scope = await access.bodiesFor(principal, 'instruction.manage');
    const below = await instructions.organisation.bodySubtree(bodyId);
    const bodyIds = scope === 'all' ? below : below.filter((b) => scope.includes(b));
    return { bodyId, from, to, citation: OVERDUE_CITATION, executors: await instructions.discipline(bodyIds, from, to) };
  });

  app.get('/api/v1/instructions/:id', {
    schema: { tags: ['instructions'], summary: 'The control card with its timeline (hash-chained events)', params: idParam, response: { 200: caseResponse, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const r = await instructions.find(request.params.id);
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, r);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'instruction.manage' });
    const view = await instructions.view(r.id);
    return { ...instructionView(view.instruction, instructions.today()), deadline: deadlineText(await instructions.deadline(view.instruction), request.lang), timeline: view.timeline };
  });

  app.post('/api/v1/instructions/:id/actions', {
    schema: {
      tags: ['instructions'],
      summary: 'A step of control: request_extension, extend (the giver only, APC 46(5)), refuse_extension, contribute, report (the coordinator), return_for_rework, close_control (46(6))',
      params: idParam,
      body: z.intersection(actionEnvelope, actionBody),
      response: { 200: instructionResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const r = await instructions.find(request.params.id);
    const { version, ...input } = request.body;
    const principal = await access.authenticated(request);
    const by = await actingAs(request, principal, r);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'instruction.execute' });
    return instructionView(await instructions.act(r.id, version, input, by), instructions.today());
  });
}
