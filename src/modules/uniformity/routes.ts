/**
 * HTTP face of the uniformity analysis (APC 15-1(4); Rules No. 111 p.5(4), Annex 4): runs, the divergences of a
 * procedure and their review by the legal service, the court signals and repeat appeals of a procedure.
 * Running and reviewing is `practice.generalize`; reading is `practice.generalize`, `practice.review` or `kb.read`
 * at the procedure's body.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REPEAT_CITATION, UNIFORMITY_CITATION, type Measure, type Verdict } from '../../law/uniformity.ts';
import type { App } from '../../platform/http.ts';
import { Problem } from '../../platform/problems.ts';
import type { Access } from '../identity/service.ts';
import { courtSignalsView, divergenceList, divergenceView, listQuery, repeatsView, reviewBody, runBody, runView } from './contract.ts';
import { INLINE_LIMIT, type DivergenceRow, type RunRow, type UniformityService } from './service.ts';

export interface UniformityRoutesOptions {
  uniformity: UniformityService;
  access: Access;
  /** queues a run as a job; false when the job system is off (the run then happens in the request) */
  enqueue(runId: string): Promise<boolean>;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const READ = ['practice.generalize', 'practice.review', 'kb.read'] as const;

function runJson(r: RunRow & {}): z.infer<typeof runView> {
  return { id: r.id, bodyId: r.body_id, state: r.state, startedBy: r.started_by, startedAt: iso(r.started_at)!, finishedAt: iso(r.finished_at), counts: r.counts, error: r.error };
}

type Listed = Awaited<ReturnType<UniformityService['divergences']>>['rows'][number];

function itemJson(d: Listed): z.infer<typeof divergenceView> extends infer V ? Omit<V & {}, 'sides' | 'citation'> : never {
  return {
    id: d.id, procedureId: d.procedure_id,
    a: { appealId: d.appeal_a, number: d.number_a, bodyId: d.body_a, bodyCode: d.body_code_a, outcome: d.outcome_a },
    b: { appealId: d.appeal_b, number: d.number_b, bodyId: d.body_b, bodyCode: d.body_code_b, outcome: d.outcome_b },
    similarity: Number(d.similarity), normOverlap: Number(d.norm_overlap), spread: d.spread as 'body', score: Number(d.score),
    group: { key: d.group_key, size: d.group_size, outcomes: d.group_outcomes }, current: d.current,
    review: { verdict: d.verdict, measure: d.measure, note: d.review_note, reviewedBy: d.reviewed_by, reviewerName: d.reviewer_name, reviewedAt: iso(d.reviewed_at) },
  };
}

export function uniformityRoutes(app: App, { uniformity, access, enqueue }: UniformityRoutesOptions) {
  /** may the principal read the analysis of the procedure's body? */
  const canRead = async (request: FastifyRequest, bodyId: string) => {
    const principal = await access.authenticated(request);
    for (const action of READ) if (await access.allows(principal, action, { bodyId })) return principal;
    throw new Problem(403, 'forbidden', { permission: 'practice.review' });
  };

  app.post('/api/v1/uniformity/runs', {
    schema: {
      tags: ['uniformity'],
      summary: 'Analyse the decided cases of a body and its subordinate bodies for divergent decisions in similar cases (APC 15-1(4)); small data inline (201), a region as a job (202)',
      body: runBody,
      response: { 201: runView, 202: runView, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const { bodyId } = request.body;
    await access.require(request, 'practice.generalize', { bodyId });
    const scope = await uniformity.scope(bodyId);
    const large = (await uniformity.decidedCount(scope)) > INLINE_LIMIT;
    const run = await uniformity.start(bodyId, access.actorOf(request), large);
    if (large && (await enqueue(run.id))) {
      reply.code(202);
      return runJson(run);
    }
    reply.code(201);
    return runJson(await uniformity.execute(run.id));
  });

  app.get('/api/v1/uniformity/runs/:id', {
    schema: { tags: ['uniformity'], summary: 'A run of the analysis: its state and counts', params: idParam, response: { 200: runView, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const run = await uniformity.run(request.params.id);
    await canRead(request, run.body_id);
    return runJson(run);
  });

  app.get('/api/v1/procedures/:id/divergences', {
    schema: {
      tags: ['uniformity'],
      summary: 'The divergent decisions found in similar cases of the procedure, strongest first (APC 15-1(4); Rules No. 111 Annex 4 p.1)',
      params: idParam,
      querystring: listQuery,
      response: { 200: divergenceList, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const p = await uniformity.procedure(request.params.id);
    await canRead(request, p.body_id);
    const q = request.query;
    const { total, rows } = await uniformity.divergences(p.id, { open: q.open, all: q.all, limit: q.limit, offset: q.offset });
    return { procedureId: p.id, bodyId: p.body_id, total, items: rows.map(itemJson) };
  });

  const detail = async (d: DivergenceRow & {}) => {
    const { rows } = await uniformity.divergences(d.procedure_id, { all: true, limit: 1, offset: 0, id: d.id });
    const sides = await uniformity.sideBySide(d);
    return {
      ...itemJson(rows[0]!),
      sides: sides.map((s) => ({
        appealId: s.id, number: s.number, bodyId: s.bodyId, body: s.bodyName as Record<string, string>, subdivision: (s.subdivision ?? null) as Record<string, string> | null,
        executor: s.executor, regionId: s.regionId, decidedAt: iso(s.decidedAt), adoptedOn: s.adoptedOn, actId: s.actId, actNumber: s.actNumber, essence: s.essence,
        reasons: s.reasons, legalBasis: s.legalBasis, norms: s.norms, outcome: s.outcome, manual: s.manual,
      })),
      citation: UNIFORMITY_CITATION,
    };
  };

  app.get('/api/v1/divergences/:id', {
    schema: { tags: ['uniformity'], summary: 'A divergence: both cases side by side (body, subdivision, executor, dates, essence, reasons, norms, outcome, manual in force) and its review', params: idParam, response: { 200: divergenceView, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const d = await uniformity.divergence(request.params.id);
    const p = await uniformity.procedure(d.procedure_id);
    await canRead(request, p.body_id);
    return detail(d);
  });

  app.post('/api/v1/divergences/:id/review', {
    schema: {
      tags: ['uniformity'],
      summary: 'The legal service marks a divergence justified (with reasons) or a defect with a measure: update the manual, training, revoke the act (Rules No. 111 Annex 4 p.1, p.6)',
      params: idParam,
      body: reviewBody,
      response: { 200: divergenceView, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const d = await uniformity.divergence(request.params.id);
    const p = await uniformity.procedure(d.procedure_id);
    const principal = await access.require(request, 'practice.generalize', { bodyId: p.body_id });
    const b = request.body;
    const name = principal.kind === 'official' ? await uniformity.officialName(principal.id) : null;
    const row = await uniformity.review(d.id, { verdict: b.verdict as Verdict, measure: b.measure as Measure | undefined, note: b.note }, access.actorOf(request), name);
    return detail(row);
  });

  app.get('/api/v1/procedures/:id/court-signals', {
    schema: {
      tags: ['uniformity'],
      summary: "Court signals of the procedure: court cases on its acts by status, instance and result, acts cancelled by decisions in force with the courts' reasons, their share, and the manual versions that cite them (Rules No. 111 Annex 4 p.2–4)",
      params: idParam,
      response: { 200: courtSignalsView, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const p = await uniformity.procedure(request.params.id);
    await canRead(request, p.body_id);
    return { ...(await uniformity.courtSignals(p.id)), citation: 'Rules No. 111 p.5(4), Annex 4 p.2–4; APC 156' };
  });

  app.get('/api/v1/procedures/:id/repeats', {
    schema: {
      tags: ['uniformity'],
      summary: 'Repeat appeals of the procedure (APC 70(5)): linked repeats per procedure and per applicant (personal data masked), and suggested links not yet made',
      params: idParam,
      response: { 200: repeatsView, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const p = await uniformity.procedure(request.params.id);
    const principal = await canRead(request, p.body_id);
    const r = await uniformity.repeats(p.id);
    // names only to those who may see applicants' personal data of the body; the IIN is always masked
    const personal = await access.allows(principal, 'applicants.read_personal', { bodyId: p.body_id });
    return {
      ...r,
      applicants: r.applicants.map((x) => ({ ...x, applicant: { name: personal ? x.applicant.name : maskName(x.applicant.name), iin: x.applicant.iin } })),
      citation: REPEAT_CITATION,
    };
  });
}

/** "Иванов Иван Иванович" → "И*** И*** И***". */
function maskName(name: string | null): string | null {
  return name ? name.split(/\s+/).filter(Boolean).map((w) => `${w.slice(0, 1)}***`).join(' ') : null;
}
