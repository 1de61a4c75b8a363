/** HTTP face of the Knowledge Base: /api/v1/procedures, /api/v1/manuals, /api/v1/knowledge, /api/v1/public/knowledge. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../../law/i18n.ts';
import { ANNEX1_COLUMNS, MANUAL_ROWS, PROPOSAL_CITATION, UPDATE_CITATION, VERIFICATION_CITATION, missingRows, type ManualFields } from '../../law/knowledge.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import { writeXlsx } from '../integrations/xlsx.ts';
import type { Access } from '../identity/service.ts';
import {
  annex1Response, answerBody, answerView, appealManualResponse, appealProcedureBody, bodyQuery, changeBody, createProcedureBody, diagnosisResponse, diffQuery, diffResponse,
  exportQuery, inForceQuery, manualAction, manualInput, manualList, manualView, obligationAction, obligationList, obligationQuery, obligationView, procedureDetail, procedureInput,
  procedureView, proposalBody, publicManualResponse, searchQuery, searchResponse, verificationBody,
} from './contract.ts';
import type { KnowledgeService, ManualRow, ObligationRow, ProcedureRow } from './service.ts';

export interface KnowledgeRoutesOptions {
  knowledge: KnowledgeService;
  access: Access;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function manualJson(m: ManualRow): z.infer<typeof manualView> {
  return {
    id: m.id, procedureId: m.procedure_id, bodyId: m.body_id, version: m.version, state: m.state, fields: m.fields as Record<string, Record<string, string>>, none: m.none_rows,
    effectiveFrom: m.effective_from, effectiveTo: m.effective_to, basis: m.basis, missing: missingRows(m.fields as ManualFields, m.none_rows), returnedNote: m.returned_note,
    submittedAt: iso(m.submitted_at), approvedBy: m.approved_by, approvedAt: iso(m.approved_at), publishedAt: iso(m.published_at), createdAt: iso(m.created_at)!,
  };
}

function obligationJson(o: ObligationRow, today: string): z.infer<typeof obligationView> {
  return {
    id: o.id, bodyId: o.body_id, procedureId: o.procedure_id, procedureCode: o.procedure_code, procedureName: o.procedure_name, kind: o.kind, period: o.period, summary: o.summary,
    adoptedOn: o.adopted_on, publishedOn: o.published_on, inForceOn: o.in_force_on, changeBasis: o.change_basis, changeDate: o.change_date, subdivisionId: o.subdivision_id,
    due: o.due, state: o.state, overdue: o.state === 'open' && !!o.due && o.due < today, result: o.result, note: o.note, doneOn: o.done_on,
    citation: o.kind === 'verification' ? VERIFICATION_CITATION : o.kind === 'procedure_change' ? UPDATE_CITATION : PROPOSAL_CITATION,
  };
}

export function knowledgeRoutes(app: App, { knowledge, access }: KnowledgeRoutesOptions) {
  const by = async (request: FastifyRequest) => {
    const principal = await access.authenticated(request);
    return { actor: access.actorOf(request), ...(principal.kind === 'official' ? { officialId: principal.id } : {}) };
  };
  const procedureJson = async (rows: ProcedureRow[]) => {
    const summaries = await knowledge.summaries(rows.map((r) => r.id));
    return rows.map((p) => ({
      id: p.id, bodyId: p.body_id, code: p.code, scope: p.scope, name: p.name, regulatedBy: p.regulated_by, format: p.format, informationSystem: p.information_system,
      performer: p.performer, complaintBody: p.complaint_body, appealProcedure: p.appeal_procedure, appealBinding: p.appeal_binding, appealTerms: p.appeal_terms,
      legalRefs: p.legal_refs, topicIds: p.topic_ids, state: p.state, approvedAt: iso(p.approved_at), ...summaries.get(p.id)!,
    }));
  };
  const one = async (p: ProcedureRow) => (await procedureJson([p]))[0]!;
  const obligationsOf = async (bodyId: string, filter: { overdue?: boolean; procedureId?: string }) => {
    await knowledge.syncVerifications();
    const today = knowledge.today();
    return (await knowledge.obligations({ bodyId, ...filter })).map((o) => obligationJson(o, today));
  };

  // ---- Annex 1 ----

  app.post('/api/v1/procedures', {
    schema: {
      tags: ['knowledge'],
      summary: 'Add a procedure to the list of administrative procedures (Rules No. 111 p.8, Annex 1: eight columns); a public service is refused (p.8, AT-26)',
      body: createProcedureBody,
      response: { 201: procedureView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const { bodyId, ...input } = request.body;
    await access.require(request, 'kb.edit', { bodyId });
    const row = await knowledge.createProcedure(bodyId, input, await by(request));
    reply.code(201);
    return one(row);
  });

  app.get('/api/v1/procedures', {
    schema: { tags: ['knowledge'], summary: "The body's list of administrative procedures with the manual in force, outdated flag and overdue obligations", querystring: bodyQuery, response: { 200: z.object({ items: z.array(procedureView) }), 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    await access.require(request, 'kb.read', { bodyId: request.query.bodyId });
    return { items: await procedureJson(await knowledge.procedures(request.query.bodyId)) };
  });

  app.get('/api/v1/procedures/annex1', {
    schema: { tags: ['knowledge'], summary: 'The list in the Annex 1 layout: the eight columns with their labels in kk, ru or en', querystring: exportQuery, response: { 200: annex1Response, 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    await access.require(request, 'kb.read', { bodyId: request.query.bodyId });
    return knowledge.annex1(request.query.bodyId, request.query.lang ?? request.lang);
  });

  app.get('/api/v1/procedures/annex1.xlsx', {
    schema: { tags: ['knowledge'], summary: 'The list in the Annex 1 layout as an XLSX workbook (column labels in kk, ru or en)', querystring: exportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: z.any(), 400: problem, 401: problem, 403: problem } },
  }, async (request, reply) => {
    await access.require(request, 'kb.read', { bodyId: request.query.bodyId });
    const a = await knowledge.annex1(request.query.bodyId, request.query.lang ?? request.lang);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="annex1-${a.lang}.xlsx"`);
    return reply.send(await writeXlsx('Annex 1', a.columns.map((c) => `${c.n}. ${c.label}`), a.rows.map((r) => r.cells)));
  });

  app.get('/api/v1/procedures/diagnosis', {
    schema: { tags: ['knowledge'], summary: 'Diagnosis (p.8): topics of the appeals the body handled in the last 12 months that no procedure covers, public services excluded', querystring: bodyQuery, response: { 200: diagnosisResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    await access.require(request, 'kb.read', { bodyId: request.query.bodyId });
    return knowledge.diagnosis(request.query.bodyId);
  });

  app.get('/api/v1/procedures/:id', {
    schema: { tags: ['knowledge'], summary: 'A procedure: its Annex 1 row, the manual history (versions, effective dates, basis) and its obligations', params: idParam, response: { 200: procedureDetail, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    return { ...(await one(p)), manuals: (await knowledge.versions(p.id)).map(manualJson), obligations: await obligationsOf(p.body_id, { procedureId: p.id }),
      labels: { annex1: ANNEX1_COLUMNS, rows: MANUAL_ROWS.map((r) => ({ key: r.key, row: r.row, label: r.label })) } };
  });

  app.put('/api/v1/procedures/:id', {
    schema: { tags: ['knowledge'], summary: 'Change a row of the list (an approved row is a draft again until the head approves it)', params: idParam, body: procedureInput, response: { 200: procedureView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } },
  }, async (request) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.edit', { bodyId: p.body_id });
    return one(await knowledge.updateProcedure(p.id, request.body, await by(request)));
  });

  for (const step of ['approve', 'retire'] as const) {
    app.post(`/api/v1/procedures/:id/${step}`, {
      schema: { tags: ['knowledge'], summary: step === 'approve' ? 'The head approves the row of the list (p.8)' : 'The head takes the procedure off the list', params: idParam, response: { 200: procedureView, 401: problem, 403: problem, 404: problem, 409: problem } },
    }, async (request) => {
      const p = await knowledge.procedure(request.params.id);
      await access.require(request, 'kb.approve', { bodyId: p.body_id });
      return one(step === 'approve' ? await knowledge.approveProcedure(p.id, await by(request)) : await knowledge.retireProcedure(p.id, await by(request)));
    });
  }

  // ---- Annex 2 ----

  app.post('/api/v1/procedures/:id/manuals', {
    schema: { tags: ['knowledge'], summary: 'Draft a new version of the manual (Annex 2: sixteen rows, texts in kk/ru/en; row 12 as two sub-lists, A-15)', params: idParam, body: manualInput, response: { 201: manualView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request, reply) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.edit', { bodyId: p.body_id });
    reply.code(201);
    return manualJson(await knowledge.createManual(p.id, request.body, await by(request)));
  });

  app.get('/api/v1/procedures/:id/manuals', {
    schema: { tags: ['knowledge'], summary: "The manual's versions, the one in the making first", params: idParam, response: { 200: manualList, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    return { items: (await knowledge.versions(p.id)).map(manualJson) };
  });

  app.get('/api/v1/procedures/:id/manuals/in-force', {
    schema: { tags: ['knowledge'], summary: 'The manual version in force on a date (approved or published)', params: idParam, querystring: inForceQuery, response: { 200: manualView, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    const m = await knowledge.manualInForce(p.id, request.query.on);
    if (!m) throw new Problem(404, 'not_found');
    return manualJson(m);
  });

  app.get('/api/v1/procedures/:id/manuals/diff', {
    schema: { tags: ['knowledge'], summary: 'Field by field, word-level differences between two numbered versions', params: idParam, querystring: diffQuery, response: { 200: diffResponse, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const p = await knowledge.procedure(request.params.id);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    return knowledge.diff(p.id, request.query.from, request.query.to);
  });

  app.get('/api/v1/manuals/:id', {
    schema: { tags: ['knowledge'], summary: 'A version of a manual', params: idParam, response: { 200: manualView, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const m = await knowledge.manual(request.params.id);
    await access.require(request, 'kb.read', { bodyId: m.body_id });
    return manualJson(m);
  });

  app.put('/api/v1/manuals/:id', {
    schema: { tags: ['knowledge'], summary: 'Change a draft version', params: idParam, body: manualInput, response: { 200: manualView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const m = await knowledge.manual(request.params.id);
    await access.require(request, 'kb.edit', { bodyId: m.body_id });
    return manualJson(await knowledge.updateManual(m.id, request.body, await by(request)));
  });

  app.post('/api/v1/manuals/:id/actions', {
    schema: {
      tags: ['knowledge'],
      summary: 'submit, publish (the Knowledge Base unit, p.11); return, approve (the head, p.9: blocked while a mandatory row is empty, AT-23; numbers the version, sets its effective date)',
      params: idParam, body: manualAction, response: { 200: manualView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const m = await knowledge.manual(request.params.id);
    await access.require(request, request.body.action === 'approve' || request.body.action === 'return' ? 'kb.approve' : 'kb.edit', { bodyId: m.body_id });
    return manualJson(await knowledge.actOnManual(m.id, request.body, await by(request)));
  });

  // ---- appeals under a procedure ----

  app.put('/api/v1/appeals/:id/procedure', {
    schema: { tags: ['knowledge'], summary: "Classify an appeal under a procedure of its body's list (or clear it with null)", params: idParam, body: appealProcedureBody, response: { 200: z.object({ appealId: z.string(), procedureId: z.string().nullable() }), 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } },
  }, async (request) => {
    const a = await knowledge.appealFacts(request.params.id);
    const principal = await access.authenticated(request);
    const target = { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}) };
    if (!(await access.allows(principal, 'kb.edit', target)) && !(await access.allows(principal, 'appeal.assign', target))) throw new Problem(403, 'forbidden', { permission: 'appeal.assign' });
    return knowledge.classifyAppeal(a.id, request.body.procedureId, await by(request));
  });

  app.get('/api/v1/appeals/:id/manual', {
    schema: { tags: ['knowledge'], summary: "The manual version in force on the appeal's decision date (today while undecided) for its procedure", params: idParam, response: { 200: appealManualResponse, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const a = await knowledge.appealFacts(request.params.id);
    await access.require(request, 'appeal.read', { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) });
    const r = await knowledge.appealManual(a.id);
    return { ...r, manual: r.manual ? manualJson(r.manual) : null };
  });

  // ---- obligations ----

  app.get('/api/v1/knowledge/obligations', {
    schema: { tags: ['knowledge'], summary: 'Obligations about manuals: quarterly verification (p.11), update after a change (p.13), proposals (p.12); overdue=true for the overdue view', querystring: obligationQuery, response: { 200: obligationList, 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    const { bodyId, overdue, procedureId } = request.query;
    await access.require(request, 'kb.read', { bodyId });
    return { today: knowledge.today(), items: await obligationsOf(bodyId, { overdue: overdue === 'true', ...(procedureId ? { procedureId } : {}) }) };
  });

  const obligationOne = async (row: { id: string; body_id: string; procedure_id: string }) => (await obligationsOf(row.body_id, { procedureId: row.procedure_id })).find((o) => o.id === row.id)!;

  app.post('/api/v1/knowledge/verifications', {
    schema: { tags: ['knowledge'], summary: "Record the quarter's verification of a published manual (p.11); needs_update starts the three-month update (p.13)", body: verificationBody, response: { 201: obligationView, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } },
  }, async (request, reply) => {
    const p = await knowledge.procedure(request.body.procedureId);
    await access.require(request, 'kb.edit', { bodyId: p.body_id });
    const row = await knowledge.recordVerification(request.body, await by(request));
    reply.code(201);
    return obligationJson(row, knowledge.today());
  });

  app.post('/api/v1/knowledge/changes', {
    schema: { tags: ['knowledge'], summary: 'Report a change in the procedure (p.13; A-09: adoption, publication, entry into force): the manual is outdated, the update is due in 3 months', body: changeBody, response: { 201: obligationView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request, reply) => {
    const p = await knowledge.procedure(request.body.procedureId);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    const row = await knowledge.recordChange(request.body, await by(request));
    reply.code(201);
    return obligationOne(row);
  });

  app.post('/api/v1/knowledge/proposals', {
    schema: { tags: ['knowledge'], summary: "Another subdivision's proposal of a change or addition to the manual (p.12)", body: proposalBody, response: { 201: obligationView, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } },
  }, async (request, reply) => {
    const p = await knowledge.procedure(request.body.procedureId);
    await access.require(request, 'kb.read', { bodyId: p.body_id });
    const row = await knowledge.propose(request.body, await by(request));
    reply.code(201);
    return obligationOne(row);
  });

  app.post('/api/v1/knowledge/obligations/:id/actions', {
    schema: { tags: ['knowledge'], summary: 'accept or reject a proposal; done for a change that needs no new version', params: idParam, body: obligationAction, response: { 200: obligationView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const o = await knowledge.obligation(request.params.id);
    await access.require(request, 'kb.edit', { bodyId: o.body_id });
    return obligationOne(await knowledge.actOnObligation(o.id, request.body, await by(request)));
  });

  // ---- typical answers ----

  const answerJson = (a: Awaited<ReturnType<KnowledgeService['answer']>>) => ({ id: a.id, bodyId: a.body_id, procedureId: a.procedure_id, question: a.question as Record<string, string>, answer: a.answer as Record<string, string>, state: a.state, publishedAt: iso(a.published_at) });

  app.post('/api/v1/knowledge/answers', {
    schema: { tags: ['knowledge'], summary: 'A typical question with its answer (REG p.5(8)); publish=true shows it to citizens', body: answerBody, response: { 201: answerView, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } },
  }, async (request, reply) => {
    await access.require(request, 'kb.edit', { bodyId: request.body.bodyId });
    const row = await knowledge.createAnswer(request.body, await by(request));
    reply.code(201);
    return answerJson(row);
  });

  app.get('/api/v1/knowledge/answers', {
    schema: { tags: ['knowledge'], summary: 'The typical answers of a body, drafts and published, newest first', querystring: bodyQuery, response: { 200: z.object({ items: z.array(answerView) }), 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    await access.require(request, 'kb.read', { bodyId: request.query.bodyId });
    return { items: (await knowledge.answers(request.query.bodyId)).map(answerJson) };
  });

  app.post('/api/v1/knowledge/answers/:id/publish', {
    schema: { tags: ['knowledge'], summary: 'Publish a typical answer', params: idParam, response: { 200: answerView, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const a = await knowledge.answer(request.params.id);
    await access.require(request, 'kb.edit', { bodyId: a.body_id });
    return answerJson(await knowledge.publishAnswer(a.id, await by(request)));
  });

  // ---- public (no sign-in): published only ----

  app.get('/api/v1/public/knowledge', {
    schema: { tags: ['knowledge'], summary: 'Search the published Knowledge Base: manuals, standard forms, answers (kk, ru, en; typos tolerated; highlights in <mark>)', querystring: searchQuery, response: { 200: searchResponse, 400: problem } },
  }, async (request) => knowledge.search(request.query.q, (request.query.lang ?? request.lang) as Language, request.query.bodyId));

  app.get('/api/v1/public/knowledge/manuals/:id', {
    schema: { tags: ['knowledge'], summary: 'The published manual of a procedure (id = the procedure), with its sixteen rows and labels in kk, ru, en', params: idParam, response: { 200: publicManualResponse, 404: problem } },
  }, async (request) => knowledge.publicManual(request.params.id));
}
