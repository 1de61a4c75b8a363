/**
 * The uniformity analysis as use cases (APC 15-1(4); Rules No. 111 p.5(4), Annex 4 p.1–6; ): read the
 * decided cases of a body and the bodies below it, run the engine, keep the divergences (keyed by the pair of
 * appeals, so the legal service's review survives re-runs), the review itself, the court signals of a procedure
 * and its repeat appeals (APC 70(5)). Each use case is one transaction; runs and reviews are audited.
 */
import type { Kysely } from 'kysely';
import { OUTCOMES, type Measure, type Outcome, type Verdict } from '../../law/uniformity.ts';
import { almatyToday } from '../../law/dates.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { findDivergences, type DecidedCase } from './engine.ts';
import { normsOfAct as normsOf } from './norms.ts';
import { jaccard, hash32, stems } from './text.ts';

/** Below this many decided cases a run is done inside the request; above it, as a job (a region's data). */
export const INLINE_LIMIT = 20_000;
const PAGE = 5_000;

export type RunRow = Awaited<ReturnType<UniformityService['runRow']>>;
export type DivergenceRow = Awaited<ReturnType<UniformityService['divergenceRow']>>;

/** The Knowledge Base's manual in force on a date (src/modules/knowledge: manualInForce). */
export type ManualInForce = (procedureId: string, date: string) => Promise<{ id: string; version: number | null; effective_from: string | null } | null>;

export interface ReviewInput {
  verdict: Verdict;
  measure?: Measure | undefined;
  note: string;
}

export interface CaseFacts {
  id: string;
  procedureId: string;
  number: string;
  bodyId: string;
  subdivisionId: string | null;
  executorId: string | null;
  regionId: string | null;
  decidedAt: Date | null;
  essence: string;
  reasons: string;
  legalBasis: string;
  norms: string[];
  outcome: Outcome;
  actId: string | null;
  actNumber: string | null;
  adoptedOn: string | null;
}

const ACT_KINDS = ['satisfaction', 'refusal', 'termination'];

export class UniformityService {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly organisation: OrganisationService,
    private readonly options: { clock?: (() => Date) | undefined; manualInForce?: ManualInForce | undefined } = {},
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  async procedure(id: string) {
    const p = await this.db.selectFrom('admin_procedure').select(['id', 'body_id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    if (!p) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
    return p;
  }

  runRow(id: string) {
    return this.db.selectFrom('uniformity_run').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async run(id: string) {
    const r = await this.runRow(id);
    if (!r) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
    return r;
  }

  /** The body and every body below it: the scope of a run. */
  scope(bodyId: string): Promise<string[]> {
    return this.organisation.bodySubtree(bodyId);
  }

  async officialName(id: string): Promise<string | null> {
    return (await this.db.selectFrom('official').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name ?? null;
  }

  /** How many decided cases of procedures the scope holds: small scopes run inline. */
  async decidedCount(bodyIds: string[]): Promise<number> {
    const r = await this.db.selectFrom('appeal').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('body_id', 'in', bodyIds).where('admin_procedure_id', 'is not', null).where('decided_at', 'is not', null).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Records a run over the body and the bodies below it; `queued` runs are picked up by the job. */
  async start(bodyId: string, actor: string, queued: boolean) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('uniformity_run').values({ body_id: bodyId, state: queued ? 'queued' : 'running', started_by: actor, started_at: this.now(), counts: '{}' }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'uniformity.run_started', subjectType: 'uniformity_run', subjectId: row.id, details: { bodyId, queued } });
      return row;
    });
  }

  /** Runs the analysis of a recorded run: read the cases, find the divergences, keep them (one transaction). */
  async execute(runId: string) {
    const run = await this.run(runId);
    // a job delivered twice finds its run finished
    if (run.state === 'finished') return run;
    if (run.state === 'queued') await this.db.updateTable('uniformity_run').set({ state: 'running' }).where('id', '=', runId).execute();
    const scope = await this.scope(run.body_id);
    try {
      const regions = await this.regions();
      const cases: DecidedCase[] = [];
      for await (const page of this.decidedCases({ bodyIds: scope }, regions)) for (const c of page) cases.push(toDecided(c));
      const result = findDivergences(cases);
      const counts = { cases: result.cases, procedures: result.procedures, groups: result.groups, comparisons: result.comparisons, divergences: result.pairs.length };
      await this.db.transaction().execute(async (trx) => {
        const now = this.now();
        for (let i = 0; i < result.pairs.length; i += 500) {
          const values = result.pairs.slice(i, i + 500).map((p) => ({
            procedure_id: p.procedureId, appeal_a: p.a, appeal_b: p.b, outcome_a: p.outcomeA, outcome_b: p.outcomeB, similarity: p.similarity, norm_overlap: p.normOverlap,
            spread: p.spread, score: p.score, group_key: p.group.key, group_size: p.group.size, group_outcomes: JSON.stringify(p.group.outcomes),
            first_run_id: runId, last_run_id: runId, current: true, updated_at: now,
          }));
          await trx.insertInto('divergence').values(values).onConflict((oc) => oc.columns(['appeal_a', 'appeal_b']).doUpdateSet((eb) => ({
            procedure_id: eb.ref('excluded.procedure_id'), outcome_a: eb.ref('excluded.outcome_a'), outcome_b: eb.ref('excluded.outcome_b'), similarity: eb.ref('excluded.similarity'),
            norm_overlap: eb.ref('excluded.norm_overlap'), spread: eb.ref('excluded.spread'), score: eb.ref('excluded.score'), group_key: eb.ref('excluded.group_key'),
            group_size: eb.ref('excluded.group_size'), group_outcomes: eb.ref('excluded.group_outcomes'), last_run_id: runId, current: true, updated_at: now,
          }))).execute();
        }
        // what this run over the scope no longer finds stays, with its review, as no longer current
        await trx.updateTable('divergence').set({ current: false, updated_at: now }).where('last_run_id', '<>', runId)
          .where('appeal_a', 'in', (eb) => eb.selectFrom('appeal').select('id').where('body_id', 'in', scope)).execute();
        await trx.updateTable('uniformity_run').set({ state: 'finished', finished_at: now, counts: JSON.stringify(counts) }).where('id', '=', runId).execute();
        await audit(trx, { actor: run.started_by, action: 'uniformity.run_finished', subjectType: 'uniformity_run', subjectId: runId, details: counts });
      });
    } catch (error) {
      await this.db.updateTable('uniformity_run').set({ state: 'failed', finished_at: this.now(), error: String((error as Error).message ?? error).slice(0, 500) }).where('id', '=', runId).execute();
      throw error;
    }
    return this.run(runId);
  }

  /** The region of each territory: the top of its chain (a region, a city of republican status, the capital). */
  private async regions(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('territory').select(['id', 'parent_id']).execute();
    const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
    const out = new Map<string, string>();
    for (const r of rows) {
      let top = r.id;
      for (let p = parent.get(top); p; p = parent.get(top)) top = p;
      out.set(r.id, top);
    }
    return out;
  }

  /** The decided cases of procedures in the bodies, with the act that decided each, page by page (keyset). */
  async *decidedCases(filter: { bodyIds: string[] } | { ids: string[] }, regions: Map<string, string>): AsyncGenerator<CaseFacts[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      let q = this.db.selectFrom('appeal as a').innerJoin('body as b', 'b.id', 'a.body_id')
        .leftJoinLateral((eb) => eb.selectFrom('act').select(['act.id', 'act.number', 'act.outcome', 'act.content', 'act.adopted_on'])
          .whereRef('act.appeal_id', '=', 'a.id').where('act.state', '<>', 'draft').where('act.kind', 'in', ACT_KINDS)
          .orderBy('act.adopted_on', 'desc').orderBy('act.created_at', 'desc').limit(1).as('t'), (join) => join.onTrue())
        .select(['a.id', 'a.number', 'a.admin_procedure_id', 'a.body_id', 'a.subdivision_id', 'a.executor_id', 'a.essence', 'a.decision', 'a.decided_at', 'b.territory_id',
          't.id as act_id', 't.number as act_number', 't.outcome as act_outcome', 't.content as act_content', 't.adopted_on'])
        .where('a.admin_procedure_id', 'is not', null).where('a.decided_at', 'is not', null).where('a.id', '>', after)
        .orderBy('a.id').limit(PAGE);
      q = 'ids' in filter ? q.where('a.id', 'in', filter.ids) : q.where('a.body_id', 'in', filter.bodyIds);
      const rows = await q.execute();
      const page: CaseFacts[] = [];
      for (const r of rows) {
        const content = (r.act_content ?? {}) as { outcome?: string; justification?: string; legalBasis?: string; operative?: string };
        const decision = (r.decision ?? {}) as { kind?: string; outcome?: string; reasons?: string; text?: string };
        const outcome = outcomeOf(content.outcome ?? r.act_outcome ?? undefined, decision);
        if (!outcome) continue;
        const reasons = content.justification ?? decision.reasons ?? '';
        const legalBasis = content.legalBasis ?? '';
        page.push({
          id: r.id, procedureId: r.admin_procedure_id!, number: r.number, bodyId: r.body_id, subdivisionId: r.subdivision_id, executorId: r.executor_id,
          regionId: r.territory_id ? (regions.get(r.territory_id) ?? r.territory_id) : null, decidedAt: r.decided_at, essence: r.essence, reasons, legalBasis,
          norms: normsOf(legalBasis, reasons), outcome, actId: r.act_id, actNumber: r.act_number, adoptedOn: r.adopted_on,
        });
      }
      if (page.length) yield page;
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }

  divergenceRow(id: string) {
    return this.db.selectFrom('divergence').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async divergence(id: string) {
    const d = await this.divergenceRow(id);
    if (!d) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
    return d;
  }

  /** The divergences of a procedure, strongest first; reviewed ones too unless asked for the open ones only. */
  async divergences(procedureId: string, filter: { open?: boolean | undefined; all?: boolean | undefined; id?: string; limit: number; offset: number }) {
    let q = this.db.selectFrom('divergence as d')
      .innerJoin('appeal as a', 'a.id', 'd.appeal_a').innerJoin('appeal as b', 'b.id', 'd.appeal_b')
      .innerJoin('body as ba', 'ba.id', 'a.body_id').innerJoin('body as bb', 'bb.id', 'b.body_id')
      .selectAll('d').select(['a.number as number_a', 'b.number as number_b', 'a.body_id as body_a', 'b.body_id as body_b', 'ba.code as body_code_a', 'bb.code as body_code_b'])
      .where('d.procedure_id', '=', procedureId);
    if (!filter.all) q = q.where('d.current', '=', true);
    if (filter.open) q = q.where('d.verdict', 'is', null);
    if (filter.id) q = q.where('d.id', '=', filter.id);
    const total = await q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.orderBy('d.score', 'desc').orderBy('d.appeal_a').orderBy('d.appeal_b').limit(filter.limit).offset(filter.offset).execute();
    return { total: Number(total.n), rows };
  }

  /** Both cases of a divergence side by side, with the manual version in force on each decision date. */
  async sideBySide(d: DivergenceRow & {}) {
    const regions = await this.regions();
    const sides: (CaseFacts & { subdivision: unknown; executor: string | null; bodyName: unknown; manual: { id: string; version: number | null; effectiveFrom: string | null } | null })[] = [];
    const found: CaseFacts[] = [];
    for await (const page of this.decidedCases({ ids: [d.appeal_a, d.appeal_b] }, regions)) found.push(...page);
    for (const id of [d.appeal_a, d.appeal_b]) {
      const facts = found.find((c) => c.id === id);
      // the case was reopened or its act withdrawn since the run: the pair no longer stands as it was found
      if (!facts) throw new Problem(409, 'divergence_case_changed', {});
      const extra = await this.db.selectFrom('appeal as a').innerJoin('body as b', 'b.id', 'a.body_id').leftJoin('subdivision as s', 's.id', 'a.subdivision_id').leftJoin('official as o', 'o.id', 'a.executor_id')
        .select(['b.name as body_name', 's.name as subdivision_name', 'o.full_name as executor_name']).where('a.id', '=', id).executeTakeFirstOrThrow();
      const on = facts.adoptedOn ?? almatyToday(facts.decidedAt ? new Date(facts.decidedAt) : this.now());
      const m = this.options.manualInForce ? await this.options.manualInForce(facts.procedureId, on) : null;
      sides.push({ ...facts, bodyName: extra.body_name, subdivision: extra.subdivision_name, executor: extra.executor_name, manual: m ? { id: m.id, version: m.version, effectiveFrom: m.effective_from } : null });
    }
    return sides;
  }

  async review(id: string, input: ReviewInput, actor: string, reviewerName: string | null) {
    if (input.verdict === 'defect' && !input.measure) throw new Problem(400, 'validation', {}, [{ field: 'body.measure', code: 'required' }], 'Rules No. 111 Annex 4 p.6');
    return this.db.transaction().execute(async (trx) => {
      const d = await trx.selectFrom('divergence').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!d) throw new Problem(404, 'not_found', {}, [{ field: 'params.id', code: 'not_found' }]);
      const row = await trx.updateTable('divergence').set({
        verdict: input.verdict, measure: input.verdict === 'defect' ? input.measure! : (input.measure ?? null), review_note: input.note,
        reviewed_by: actor, reviewer_name: reviewerName, reviewed_at: this.now(), updated_at: this.now(),
      }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'uniformity.divergence_reviewed', subjectType: 'divergence', subjectId: id, details: { verdict: input.verdict, measure: row.measure, previous: d.verdict } });
      return row;
    });
  }

  /**
   * Court signals of a procedure (Annex 4 p.2–4; R-12 "court outcome by procedure"): the court cases on its acts or
   * appeals, counted by status, instance and the result of the deciding instance; acts cancelled by decisions in
   * force with the courts' reasons; the share of the procedure's acts cancelled; and the manual versions whose
   * basis cites those court cases ("this rule changed because of case X").
   */
  async courtSignals(procedureId: string) {
    const cases = await this.db.selectFrom('court_case as k')
      .leftJoin('act as t', 't.id', 'k.act_id')
      .leftJoin('appeal as a', (j) => j.on((eb) => eb.or([eb('a.id', '=', eb.ref('k.appeal_id')), eb('a.id', '=', eb.ref('t.appeal_id'))])))
      .select(['k.id', 'k.court', 'k.case_number', 'k.status', 'k.instance', 'k.first_instance', 'k.appeal', 'k.cassation', 'k.entered_into_force_on', 'k.act_cancelled',
        'k.found_unlawful', 'k.cancellation_reasons', 'k.act_id', 'k.appeal_id', 'k.claim_filed_on', 't.number as act_number', 'a.number as appeal_number'])
      .where('a.admin_procedure_id', '=', procedureId).orderBy('k.claim_filed_on').orderBy('k.id').execute();
    const unique = [...new Map(cases.map((k) => [k.id, k])).values()];
    const acts = await this.db.selectFrom('act').innerJoin('appeal', 'appeal.id', 'act.appeal_id')
      .select((eb) => eb.fn.countAll<string>().as('n')).where('appeal.admin_procedure_id', '=', procedureId).where('act.state', '<>', 'draft').where('act.kind', 'in', ACT_KINDS)
      .executeTakeFirstOrThrow();
    const actsAdopted = Number(acts.n);
    const byStatus: Record<string, number> = {};
    const byInstance: Record<string, number> = {};
    const byResult: Record<string, number> = {};
    const cancelled = [];
    for (const k of unique) {
      byStatus[k.status] = (byStatus[k.status] ?? 0) + 1;
      const deciding = [['cassation', k.cassation], ['appeal', k.appeal], ['first', k.first_instance]].find(([, r]) => (r as { outcome?: string } | null)?.outcome) as [string, { outcome: string; result?: string; reasoning?: string }] | undefined;
      const instance = deciding?.[0] ?? k.instance ?? 'first';
      byInstance[instance] = (byInstance[instance] ?? 0) + 1;
      const result = deciding?.[1].result ?? (deciding ? 'other' : 'pending');
      byResult[result] = (byResult[result] ?? 0) + 1;
      if (k.status === 'in_force' && k.act_cancelled) {
        cancelled.push({
          courtCaseId: k.id, court: k.court, caseNumber: k.case_number, actId: k.act_id, actNumber: k.act_number, appealNumber: k.appeal_number,
          enteredIntoForceOn: k.entered_into_force_on, reasons: k.cancellation_reasons ?? deciding?.[1].reasoning ?? null, instance,
        });
      }
    }
    const ids = new Set(unique.map((k) => k.id));
    const versions = await this.db.selectFrom('kb_manual_version').select(['id', 'version', 'state', 'effective_from', 'basis']).where('procedure_id', '=', procedureId)
      .where('version', 'is not', null).orderBy('version').execute();
    const changedBecause = versions.flatMap((v) => {
      const basis = (v.basis ?? {}) as { note?: string; courtCaseIds?: string[] };
      const cited = (basis.courtCaseIds ?? []).filter((c) => ids.has(c));
      return cited.length ? [{ manualId: v.id, version: v.version!, state: v.state, effectiveFrom: v.effective_from, note: basis.note ?? '', courtCaseIds: cited }] : [];
    });
    return {
      procedureId, courtCases: unique.length, byStatus, byInstance, byResult, actsAdopted, actsCancelled: cancelled.length,
      cancelledShare: actsAdopted ? Math.round((cancelled.length / actsAdopted) * 1000) / 1000 : 0, cancelled, changedBecause,
    };
  }

  /**
   * Repeat appeals of a procedure (APC 70(5)): appeals linked to an earlier one by `repeat_of`, counted per
   * procedure and per applicant, and suggested links (same applicant, same procedure, similar essence, not linked
   * yet). Linking stays with the appeals module: these are hints for the official.
   */
  async repeats(procedureId: string) {
    const rows = await this.db.selectFrom('appeal').select(['id', 'number', 'applicant', 'applicant_id', 'repeat_of', 'essence', 'registered_on', 'body_id'])
      .where('admin_procedure_id', '=', procedureId).orderBy('received_at').orderBy('id').execute();
    const person = (r: (typeof rows)[number]) => {
      const a = (r.applicant ?? {}) as { iin?: string; bin?: string; name?: string };
      return r.applicant_id ?? a.iin ?? a.bin ?? (a.name ? `name:${a.name.trim().toLowerCase()}` : null);
    };
    const byId = new Map(rows.map((r) => [r.id, r]));
    const perApplicant = new Map<string, { applicant: { name: string | null; iin: string | null }; appeals: number; repeats: number }>();
    let linked = 0;
    for (const r of rows) {
      const key = person(r);
      if (!key) continue;
      const a = (r.applicant ?? {}) as { iin?: string; name?: string };
      let entry = perApplicant.get(key);
      if (!entry) perApplicant.set(key, (entry = { applicant: { name: a.name ?? null, iin: a.iin ? `********${a.iin.slice(-4)}` : null }, appeals: 0, repeats: 0 }));
      entry.appeals++;
      if (r.repeat_of) {
        entry.repeats++;
        linked++;
      }
    }
    // suggestions: within one applicant's appeals of the procedure, similar essences not yet linked either way
    const suggestions: { appealId: string; number: string; earlierId: string; earlierNumber: string; similarity: number }[] = [];
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = person(r);
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    const setOf = (text: string) => Uint32Array.from(stems(text).map(hash32)).sort();
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const sets = list.map((r) => setOf(r.essence));
      for (let j = 1; j < list.length; j++) {
        const later = list[j]!;
        if (later.repeat_of) continue;
        let best: { i: number; s: number } | undefined;
        for (let i = 0; i < j; i++) {
          if (byId.get(list[i]!.id)?.repeat_of === later.id) continue;
          const s = jaccard(sets[i]!, 0, sets[i]!.length, sets[j]!, 0, sets[j]!.length);
          if (s >= REPEAT_SIMILARITY && (!best || s > best.s)) best = { i, s };
        }
        if (best) suggestions.push({ appealId: later.id, number: later.number, earlierId: list[best.i]!.id, earlierNumber: list[best.i]!.number, similarity: Math.round(best.s * 1000) / 1000 });
      }
    }
    const applicants = [...perApplicant.values()].filter((e) => e.repeats > 0 || e.appeals > 1).sort((x, y) => y.repeats - x.repeats || y.appeals - x.appeals);
    return { procedureId, appeals: rows.length, repeats: linked, applicants, suggestions };
  }
}

/** The stems of two essences of one person on one issue overlap at least this much (a repeat is a restatement). */
const REPEAT_SIMILARITY = 0.5;

/** The outcome the act records (its content may say `partly_satisfied`), else the decision on the appeal. */
function outcomeOf(act: string | undefined, decision: { kind?: string; outcome?: string }): Outcome | undefined {
  if (act && act in OUTCOMES) return act as Outcome;
  if (decision.kind === 'terminated') return 'terminated';
  if (decision.kind === 'act' && decision.outcome && decision.outcome in OUTCOMES) return decision.outcome as Outcome;
  return undefined;
}

function toDecided(c: CaseFacts): DecidedCase {
  return {
    id: c.id, procedureId: c.procedureId, outcome: c.outcome, text: `${c.essence} ${c.reasons}`, norms: c.norms,
    bodyId: c.bodyId, subdivisionId: c.subdivisionId, executorId: c.executorId, regionId: c.regionId,
  };
}

