/** HTTP face of court-case tracking: /api/v1/court-cases (the body's legal service, Rules No. 111 p.5(7), Annex 3). */
import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { Access } from '../identity/service.ts';
import { annex3Query, annex3Response, courtCaseBody, courtCaseResponse, courtCaseView, indicatorQuery, indicatorResponse, updateBody } from './contract.ts';
import type { CourtCaseInput, CourtCaseRow, CourtService } from './service.ts';

export interface CourtRoutesOptions {
  court: CourtService;
  access: Access;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });

export function courtRoutes(app: App, { court, access }: CourtRoutesOptions) {
  app.post('/api/v1/court-cases', {
    schema: {
      tags: ['court'],
      summary: 'Record a court case: claim (131–137), court, parties, instances, entry into force, execution, private rulings; Annex 3 checks on save (AT-28)',
      body: courtCaseBody,
      response: { 201: courtCaseView, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request, reply) => {
    const b = request.body as CourtCaseInput;
    const bodyId = await court.bodyFor(b);
    await access.require(request, 'practice.generalize', { bodyId });
    const view = await court.create(b, bodyId, access.actorOf(request));
    reply.code(201);
    return render(view);
  });

  app.get('/api/v1/court-cases/annex3', {
    schema: {
      tags: ['court'],
      summary: 'Rules No. 111 Annex 3: the 13 columns per court case in proceedings during the period, with KZ, RU and EN headings (JSON rows; the XLSX export is a report)',
      querystring: annex3Query,
      response: { 200: annex3Response, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => {
    const q = request.query;
    if (q.from > q.to) throw new Problem(400, 'validation', {}, [{ field: 'querystring.to', code: 'before_start' }]);
    await access.require(request, 'practice.generalize', { bodyId: q.bodyId });
    const lang = q.lang ?? request.lang ?? 'kk';
    const table = await court.annex3([q.bodyId], q.from, q.to, lang);
    return { period: { from: q.from, to: q.to }, bodyId: q.bodyId, columns: [...table.columns], rows: table.rows };
  });

  app.get('/api/v1/court-cases/indicator', {
    schema: {
      tags: ['court'],
      summary: 'Rules No. 111 p.5(7): share of acts or actions found unlawful by court decisions in force, against the previous year (AT-30)',
      querystring: indicatorQuery,
      response: { 200: indicatorResponse, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => {
    const q = request.query;
    const principal = await access.authenticated(request);
    if (!(await access.allows(principal, 'reports.read', { bodyId: q.bodyId })) && !(await access.allows(principal, 'practice.review', { bodyId: q.bodyId }))) {
      throw new Problem(403, 'forbidden', { permission: 'reports.read' });
    }
    return { bodyId: q.bodyId, ...(await court.indicator([q.bodyId], q.year, q.denominator)) };
  });

  app.get('/api/v1/court-cases/:id', {
    schema: { tags: ['court'], summary: 'The court case: record, timeline (hash-chained events) and terms (136, 168(2), 169(2), 171(2))', params: idParam, response: { 200: courtCaseView, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const c = await court.find(request.params.id);
    const principal = await access.authenticated(request);
    if (!(await access.allows(principal, 'practice.generalize', { bodyId: c.body_id })) && !(await access.allows(principal, 'practice.review', { bodyId: c.body_id }))) {
      throw new Problem(403, 'forbidden', { permission: 'practice.generalize' });
    }
    return render(await court.view(c.id));
  });

  app.put('/api/v1/court-cases/:id', {
    schema: {
      tags: ['court'],
      summary: 'Save the court-case record (a form): changes become events and terms; a decision in force that cancels the act cancels it (155(3))',
      params: idParam,
      body: updateBody,
      response: { 200: courtCaseView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const c = await court.find(request.params.id);
    await access.require(request, 'practice.generalize', { bodyId: c.body_id });
    const { version, ...input } = request.body;
    return render(await court.update(c.id, version, input as CourtCaseInput, access.actorOf(request)));
  });
}

export function publicView(c: CourtCaseRow) {
  return {
    id: c.id,
    bodyId: c.body_id,
    appealId: c.appeal_id,
    complaintId: c.complaint_id,
    actId: c.act_id,
    act: c.act,
    claimType: c.claim_type,
    damagesClaim: c.damages_claim,
    claimBasis: c.claim_basis,
    court: c.court,
    caseNumber: c.case_number,
    role: c.role,
    plaintiff: c.plaintiff,
    claims: c.claims,
    arguments: c.arguments,
    area: c.area,
    claimFiledOn: c.claim_filed_on,
    claimDeadline: c.claim_deadline,
    claimLate: c.claim_late,
    status: c.status,
    instance: c.instance,
    firstInstance: c.first_instance,
    appeal: c.appeal,
    cassation: c.cassation,
    returnGround: c.return_ground,
    enteredIntoForceOn: c.entered_into_force_on,
    foundUnlawful: c.found_unlawful,
    actCancelled: c.act_cancelled,
    cancellationReasons: c.cancellation_reasons,
    preventiveMeasures: c.preventive_measures,
    causesMeasures: c.causes_measures,
    privateRulings: c.private_rulings,
    executedOn: c.executed_on,
    courtNotifiedOn: c.court_notified_on,
    version: c.version,
  };
}

function render(view: Awaited<ReturnType<CourtService['view']>>) {
  return { ...publicView(view.courtCase), timeline: view.timeline, deadlines: view.deadlines };
}
