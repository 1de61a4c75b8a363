/** HTTP face of the generalization of practice (/api/v1/generalization/…) and target indicators (/api/v1/target-indicators/…). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayNumber } from '../../law/dates.ts';
import { GENERALIZATION_CITATION, TARGET_CITATION, isLost, isOverdue } from '../../law/generalization.ts';
import type { Language } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { Action } from '../identity/policy.ts';
import type { Access } from '../identity/service.ts';
import {
  campaignSummary, campaignView, createCampaignBody, listQuery, requestBody, reviewBody, rowBody, sectionsBody, submissionBody, targetBody, targetParams, targetView,
} from './contract.ts';
import type { CampaignRow, GeneralizationService } from './service.ts';
import { reportFigures } from './statistics.ts';

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const idParam = z.strictObject({ id: z.uuid() });
const rowParam = z.strictObject({ id: z.uuid(), rowId: z.uuid() });
const subParam = z.strictObject({ id: z.uuid(), subdivisionId: z.uuid() });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function generalizationRoutes(app: App, { generalization: g, access }: { generalization: GeneralizationService; access: Access }) {
  const anyOf = async (request: FastifyRequest, actions: Action[], target: { bodyId: string; subdivisionId?: string }) => {
    const principal = await access.authenticated(request);
    for (const a of actions) if (await access.allows(principal, a, target)) return principal;
    throw new Problem(403, 'forbidden', { permission: actions[0]! });
  };

  const summary = async (c: CampaignRow): Promise<z.infer<typeof campaignSummary>> => {
    const { calendar } = await g.calendar.current();
    let nonWorking = false;
    try { nonWorking = !calendar.isWorkingDay(dayNumber(c.due_on)); } catch { /* a year outside the calendar */ }
    return {
      id: c.id, bodyId: c.body_id, year: c.year, half: c.half, periodFrom: c.period_from, periodTo: c.period_to, dueOn: c.due_on, startsOn: c.starts_on, state: c.state,
      overdue: c.overdue || isOverdue(c.due_on, g.today(), c.submitted_on), requestedOn: c.requested_on, submittedOn: c.submitted_on, submittedTo: c.submitted_to, submissionRef: c.submission_ref,
      shortcomings: c.shortcomings, proposals: c.proposals, otherNotes: c.other_notes, finalisedAt: iso(c.finalised_at), dueOnNonWorkingDay: nonWorking, citation: GENERALIZATION_CITATION, version: c.version,
    };
  };

  /** The requested subdivisions of a campaign whose rows the caller fills as their head (practice.contribute, Annex 4 step 2). */
  const contributing = async (request: FastifyRequest, c: CampaignRow) => {
    const principal = await access.authenticated(request);
    const mine: string[] = [];
    for (const s of await g.requests(c.id)) if (await access.allows(principal, 'practice.contribute', { bodyId: c.body_id, subdivisionId: s.subdivision_id })) mine.push(s.subdivision_id);
    return mine;
  };
  /** Who reads the whole campaign (the legal service, reviewers) gets `undefined`; a subdivision head only their subdivisions (403 if none). */
  const readerScope = async (request: FastifyRequest, c: CampaignRow): Promise<string[] | undefined> => {
    try {
      await anyOf(request, ['practice.review', 'practice.generalize'], { bodyId: c.body_id });
      return undefined;
    } catch (e) {
      const mine = await contributing(request, c);
      if (!mine.length) throw e;
      return mine;
    }
  };

  /** `only`: a subdivision head's view, limited to the rows and status of their own subdivisions. */
  const view = async (id: string, lang: Language, only?: string[]) => {
    const r = await g.report(id);
    const subs = (await g.requests(id)).filter((s) => !only || only.includes(s.subdivision_id));
    if (only) {
      // the figures of their own rows only: the body's totals are the legal service's
      r.rows = r.rows.filter((x) => x.subdivision_id !== null && only.includes(x.subdivision_id));
      r.figures = reportFigures(r.rows);
    }
    return {
      campaign: await summary(r.campaign),
      subdivisions: subs.map((s) => ({ subdivisionId: s.subdivision_id, code: s.code, name: s.name as unknown as Record<string, string>, requestedOn: s.requested_on, status: s.status, submittedOn: s.submitted_on, reminders: s.reminders, lastRemindedOn: s.last_reminded_on, rows: s.rows })),
      rows: r.rows.map((x) => ({
        id: x.id, position: x.position, subdivisionId: x.subdivision_id, courtCaseId: x.court_case_id, cells: (x.cells as unknown as Record<Language, Record<string, string>>)[lang] ?? {},
        status: x.status, instance: x.instance, firstResult: x.first_result, appealResult: x.appeal_result, cassationResult: x.cassation_result, finalResult: x.final_result,
        area: x.area, procedure: x.procedure, foundUnlawful: x.found_unlawful, lost: x.status === 'in_force' && isLost(x.final_result),
        reasoningAnalysis: x.reasoning_analysis, illegalityFound: x.illegality_found, illegalityDescription: x.illegality_description, lossCauses: x.loss_causes, deficiencyType: x.deficiency_type,
        measuresTaken: x.measures_taken, proposals: x.proposals, reviewedAt: iso(x.reviewed_at), version: x.version,
      })),
      figures: r.figures,
      missingSections: r.missing,
      target: { ...r.target, citation: TARGET_CITATION },
    };
  };

  app.get('/api/v1/generalization/campaigns', {
    schema: { tags: ['generalization'], summary: 'Generalization campaigns (Rules No. 111 p.16) of the bodies the caller may read', querystring: listQuery, response: { 200: z.object({ items: z.array(campaignSummary) }), ...errors } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    let bodies: string[] | 'all' = await access.bodiesFor(principal, 'practice.review');
    // a subdivision head sees the campaigns that requested their subdivision (Annex 4 step 1)
    let contributorBodies = await access.bodiesFor(principal, 'practice.contribute');
    if (request.query.bodyId) {
      const bodyId = request.query.bodyId;
      const reads = bodies === 'all' || bodies.includes(bodyId);
      if (!reads && (contributorBodies === 'all' || !contributorBodies.includes(bodyId))) await anyOf(request, ['practice.review', 'practice.generalize'], { bodyId });
      bodies = reads ? [bodyId] : [];
      contributorBodies = reads ? [] : [bodyId];
    }
    const items = await g.campaigns(bodies);
    if (bodies !== 'all' && contributorBodies !== 'all') {
      for (const c of await g.campaigns(contributorBodies.filter((b) => !bodies.includes(b)))) if ((await contributing(request, c)).length) items.push(c);
    }
    return { items: await Promise.all(items.map(summary)) };
  });

  app.post('/api/v1/generalization/campaigns', {
    schema: { tags: ['generalization'], summary: 'Create the campaign of a body for a half-year: due 10 June or 10 December (inclusive, not moved: §6 A-03, A-10)', body: createCampaignBody, response: { 201: campaignView, ...errors } },
  }, async (request, reply) => {
    await access.require(request, 'practice.generalize', { bodyId: request.body.bodyId });
    const id = await g.create(request.body, access.actorOf(request));
    reply.code(201);
    return view(id, request.lang);
  });

  const campaignFor = async (request: FastifyRequest, id: string, actions: Action[]) => {
    const c = await g.campaign(id);
    await anyOf(request, actions, { bodyId: c.body_id });
    return c;
  };

  app.get('/api/v1/generalization/campaigns/:id', {
    schema: { tags: ['generalization'], summary: 'The campaign: per-subdivision status, the Annex 3 rows and their review, the report figures (Annex 4 step 10), the target indicator', params: idParam, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    return view(request.params.id, request.lang, await readerScope(request, await g.campaign(request.params.id)));
  });

  app.post('/api/v1/generalization/campaigns/:id/request', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 1: send the request to subdivisions (date and recipients recorded; their heads notified); rows pre-filled from the court records of the period', params: idParam, body: requestBody, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    await campaignFor(request, request.params.id, ['practice.generalize']);
    await g.sendRequest(request.params.id, request.body.subdivisionIds, access.actorOf(request));
    return view(request.params.id, request.lang);
  });

  app.post('/api/v1/generalization/campaigns/:id/rows', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 2: add a row by hand (a case the court records lack)', params: idParam, body: rowBody, response: { 201: z.object({ id: z.string() }), ...errors } },
  }, async (request, reply) => {
    const c = await g.campaign(request.params.id);
    const { subdivisionId, version: _v, ...input } = request.body;
    if (subdivisionId) await anyOf(request, ['practice.generalize', 'practice.contribute'], { bodyId: c.body_id, subdivisionId });
    else await access.require(request, 'practice.generalize', { bodyId: c.body_id });
    reply.code(201);
    return { id: await g.saveRow(c.id, null, subdivisionId ?? null, input, undefined, access.actorOf(request)) };
  });

  app.put('/api/v1/generalization/campaigns/:id/rows/:rowId', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 2: the subdivision (or the legal service) edits a row; Annex 3 c.3 checked (AT-28)', params: rowParam, body: rowBody, response: { 200: z.object({ id: z.string() }), ...errors } },
  }, async (request) => {
    const c = await g.campaign(request.params.id);
    const row = await g.row(c.id, request.params.rowId);
    if (row.subdivision_id) await anyOf(request, ['practice.generalize', 'practice.contribute'], { bodyId: c.body_id, subdivisionId: row.subdivision_id });
    else await access.require(request, 'practice.generalize', { bodyId: c.body_id });
    const { subdivisionId: _s, version, ...input } = request.body;
    return { id: await g.saveRow(c.id, row.id, row.subdivision_id, input, version, access.actorOf(request)) };
  });

  app.post('/api/v1/generalization/campaigns/:id/subdivisions/:subdivisionId/submit', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 2: the subdivision submits its rows', params: subParam, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    const c = await g.campaign(request.params.id);
    await anyOf(request, ['practice.contribute', 'practice.generalize'], { bodyId: c.body_id, subdivisionId: request.params.subdivisionId });
    await g.submitSubdivision(c.id, request.params.subdivisionId, access.actorOf(request));
    return view(c.id, request.lang, await readerScope(request, c));
  });

  app.put('/api/v1/generalization/campaigns/:id/rows/:rowId/review', {
    schema: { tags: ['generalization'], summary: 'Annex 4 steps 3–8: the legal service reviews the row (reasoning, illegality, causes of a loss and deficiency type, measures or proposals)', params: rowParam, body: reviewBody, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    await campaignFor(request, request.params.id, ['practice.generalize']);
    const { version, ...review } = request.body;
    await g.review(request.params.id, request.params.rowId, review, version, access.actorOf(request));
    return view(request.params.id, request.lang);
  });

  app.put('/api/v1/generalization/campaigns/:id/sections', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 10: the shortcomings, proposals and other sections of the report', params: idParam, body: sectionsBody, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    await campaignFor(request, request.params.id, ['practice.generalize']);
    await g.saveSections(request.params.id, request.body, access.actorOf(request));
    return view(request.params.id, request.lang);
  });

  app.post('/api/v1/generalization/campaigns/:id/finalise', {
    schema: { tags: ['generalization'], summary: 'Annex 4 step 9: finalise the table (every row reviewed; the rows are locked)', params: idParam, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    await campaignFor(request, request.params.id, ['practice.generalize']);
    await g.finalise(request.params.id, access.actorOf(request));
    return view(request.params.id, request.lang);
  });

  app.post('/api/v1/generalization/campaigns/:id/submission', {
    schema: { tags: ['generalization'], summary: 'Rules No. 111 p.16: record the submission to the Ministry of Justice', params: idParam, body: submissionBody, response: { 200: campaignView, ...errors } },
  }, async (request) => {
    await campaignFor(request, request.params.id, ['practice.generalize']);
    await g.recordSubmission(request.params.id, request.body, access.actorOf(request));
    return view(request.params.id, request.lang);
  });

  app.get('/api/v1/target-indicators/:bodyId/:year', {
    schema: { tags: ['generalization'], summary: 'Rules No. 111 p.5(7): the target, the actual share (court module indicator), met or not, the trend (AT-30)', params: targetParams, response: { 200: targetView, ...errors } },
  }, async (request) => {
    await anyOf(request, ['reports.read', 'practice.review'], { bodyId: request.params.bodyId });
    return { ...(await g.target(request.params.bodyId, request.params.year)), citation: TARGET_CITATION };
  });

  app.put('/api/v1/target-indicators/:bodyId/:year', {
    schema: { tags: ['generalization'], summary: 'Set the target of a year (a change needs the head\'s approval again)', params: targetParams, body: targetBody, response: { 200: targetView, ...errors } },
  }, async (request) => {
    await access.require(request, 'practice.generalize', { bodyId: request.params.bodyId });
    await g.setTarget(request.params.bodyId, request.params.year, request.body, access.actorOf(request));
    return { ...(await g.target(request.params.bodyId, request.params.year)), citation: TARGET_CITATION };
  });

  app.post('/api/v1/target-indicators/:bodyId/:year/approve', {
    schema: { tags: ['generalization'], summary: 'The head of the body approves the target (Rules No. 111 p.5(7), English text; §1.7 D-04)', params: targetParams, response: { 200: targetView, ...errors } },
  }, async (request) => {
    const principal = await access.authenticated(request);
    // "approved by the head of the administrative body": the head's role in that body, not a permission others share
    if (!principal.grants.some((gr) => gr.role === 'body_head' && gr.bodyId === request.params.bodyId)) throw new Problem(403, 'forbidden', { permission: 'practice.review' }, [], 'Rules No. 111 p.5(7)');
    await g.approveTarget(request.params.bodyId, request.params.year, access.actorOf(request));
    return { ...(await g.target(request.params.bodyId, request.params.year)), citation: TARGET_CITATION };
  });
}
