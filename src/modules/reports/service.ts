/**
 * The semi-annual generalization of administrative practice (Rules No. 111 p.16, Annex 4 steps 1–10) and the body's
 * target indicators (p.5(7)). A campaign: created for a body and a half-year (period configurable, §6 A-10), the
 * request sent to chosen subdivisions (step 1) with their rows pre-filled from the body's court records (the court
 * module's Annex 3), each subdivision fills and submits (step 2), the legal service reviews each row (steps 3–8),
 * finalises (step 9, rows locked), the report (step 10) and the submission to the Ministry of Justice (p.16).
 * Reminders and the overdue state come from a daily job. Each use case is one transaction with an audit event.
 */
import type { Kysely, Transaction } from 'kysely';
import { almatyToday } from '../../law/dates.ts';
import {
  DUE_CITATION,
  FIRST_CAMPAIGN,
  STEP_CITATIONS,
  TARGET_APPROVAL_DEFAULT,
  defaultPeriod,
  defaultStart,
  dueDate,
  isLost,
  isOverdue,
  reminderDue,
  reviewProblems,
  type RowReview,
} from '../../law/generalization.ts';
import { finalInstance, type InstanceRecord } from '../../law/court.ts';
import { LANGUAGES, type Language } from '../../law/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { CourtService, PrivateRuling } from '../court/service.ts';
import { enqueueNotice } from '../notifications/service.ts';
import { missingSections, reportFigures } from './statistics.ts';

type Tx = Transaction<Schema>;
export const CAMPAIGN = 'generalization_campaign';
export type CampaignRow = Awaited<ReturnType<GeneralizationService['campaign']>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a cell edit is the person's text, the same in every language of the export */
type Cells = Record<Language, Record<string, string>>;

export interface CampaignInput {
  bodyId: string;
  year: number;
  half: 1 | 2;
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  startsOn?: string | undefined;
}

export interface RowInput {
  cells?: Record<string, string> | undefined;
  status?: 'pending' | 'in_force' | undefined;
  instance?: 'first' | 'appeal' | 'cassation' | null | undefined;
  firstResult?: string | null | undefined;
  appealResult?: string | null | undefined;
  cassationResult?: string | null | undefined;
  finalResult?: string | null | undefined;
  area?: string | null | undefined;
  procedure?: string | null | undefined;
}

export interface TargetInput {
  targetPercent: number;
  baselinePercent?: number | undefined;
  baselineYear?: number | undefined;
  ndpIndicator?: string | undefined;
  denominator?: 'appealed_in_court' | 'decided_in_force' | undefined;
  approvalRequired?: boolean | undefined;
}

export class GeneralizationService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly court: CourtService,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  async campaign(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('generalization_campaign').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async campaigns(bodyIds: string[] | 'all') {
    let q = this.db.selectFrom('generalization_campaign').selectAll().orderBy('due_on', 'desc');
    if (bodyIds !== 'all') {
      if (!bodyIds.length) return [];
      q = q.where('body_id', 'in', bodyIds);
    }
    return q.limit(200).execute();
  }

  async create(input: CampaignInput, actor: string) {
    if (input.year * 2 + input.half < FIRST_CAMPAIGN.year * 2 + FIRST_CAMPAIGN.half) throw new Problem(422, 'validation', {}, [{ field: 'body.year', code: 'before_rules_in_force' }], 'Rules No. 111 (in force 28.02.2025; §6 A-35)');
    await this.organisation.body(input.bodyId, 'body.bodyId');
    const period = defaultPeriod(input.year, input.half);
    const from = input.periodFrom ?? period.from;
    const to = input.periodTo ?? period.to;
    if (from > to) throw new Problem(422, 'validation', {}, [{ field: 'body.periodTo', code: 'before_start' }]);
    const due = dueDate(input.year, input.half);
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('generalization_campaign').select('id').where('body_id', '=', input.bodyId).where('year', '=', input.year).where('half', '=', input.half).executeTakeFirst();
      if (exists) throw new Problem(409, 'campaign_exists', { id: exists.id });
      const row = await trx.insertInto('generalization_campaign').values({
        body_id: input.bodyId, year: input.year, half: input.half, period_from: from, period_to: to, due_on: due,
        starts_on: input.startsOn ?? defaultStart(input.year, input.half), created_by: actor,
      }).returning(['id']).executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'generalization.campaign_created', subjectType: CAMPAIGN, subjectId: row.id, details: { year: input.year, half: input.half, from, to, due, citation: DUE_CITATION } });
      return row.id;
    });
  }

  /** Annex 4 step 1: the request to chosen subdivisions, their rows pre-filled from the body's court records. */
  async sendRequest(id: string, subdivisionIds: string[], actor: string) {
    const c = await this.campaign(id);
    const subs = await this.db.selectFrom('subdivision').select(['id', 'name']).where('body_id', '=', c.body_id).where('id', 'in', subdivisionIds.length ? subdivisionIds : ['00000000-0000-0000-0000-000000000000']).execute();
    if (subs.length !== new Set(subdivisionIds).size) throw new Problem(422, 'validation', {}, [{ field: 'body.subdivisionIds', code: 'not_of_body' }]);
    // the court module's Annex 3 of the period, in each language (read before the transaction)
    const tables = Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await this.court.annex3([c.body_id], c.period_from, c.period_to, l)] as const))) as Record<Language, Awaited<ReturnType<CourtService['annex3']>>>;
    const caseIds = tables.kk.rows.map((r) => r.id);
    const cases = caseIds.length ? await this.db.selectFrom('court_case').selectAll().where('id', 'in', caseIds).execute() : [];
    const appealIds = cases.map((k) => k.appeal_id).filter((x): x is string => !!x);
    // the appeal behind a case: the subdivision that handled it, and its administrative procedure (Annex 1 c.1 scope: the area, R-17)
    const appeals = new Map((appealIds.length ? await this.db.selectFrom('appeal').leftJoin('admin_procedure', 'admin_procedure.id', 'appeal.admin_procedure_id')
      .select(['appeal.id', 'appeal.subdivision_id', 'admin_procedure.scope', 'admin_procedure.name']).where('appeal.id', 'in', appealIds).execute() : []).map((a) => [a.id, a]));
    const body = await this.organisation.body(c.body_id);
    const today = this.today();
    await this.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('generalization_campaign').select(['state']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (locked.state === 'final' || locked.state === 'submitted') throw new Problem(409, 'campaign_final');
      for (const s of subs) {
        await trx.insertInto('generalization_request').values({ campaign_id: id, subdivision_id: s.id, requested_on: today })
          .onConflict((oc) => oc.columns(['campaign_id', 'subdivision_id']).doUpdateSet({ requested_on: today, status: 'requested' })).execute();
      }
      const existing = new Set((await trx.selectFrom('generalization_row').select('court_case_id').where('campaign_id', '=', id).execute()).map((r) => r.court_case_id));
      let position = (await trx.selectFrom('generalization_row').select((eb) => eb.fn.max('position').as('p')).where('campaign_id', '=', id).executeTakeFirst())?.p ?? 0;
      for (const k of cases.sort((a, b) => caseIds.indexOf(a.id) - caseIds.indexOf(b.id))) {
        if (existing.has(k.id)) continue;
        const appeal = k.appeal_id ? appeals.get(k.appeal_id) : undefined;
        const sub = appeal?.subdivision_id;
        const fact = facts(k);
        if (!fact.area && appeal?.scope) fact.area = appeal.scope;
        if (appeal?.name) fact.procedure = (appeal.name as { kk: string }).kk;
        const cells = Object.fromEntries(LANGUAGES.map((l) => [l, tables[l].rows.find((r) => r.id === k.id)!.cells])) as unknown as Cells;
        await trx.insertInto('generalization_row').values({
          campaign_id: id, subdivision_id: sub && subs.some((s) => s.id === sub) ? sub : null, court_case_id: k.id, position: ++position,
          cells: JSON.stringify(cells), ...fact,
        }).execute();
      }
      await trx.updateTable('generalization_campaign').set({ state: 'collecting', requested_on: today, requested_by: actor, version: (eb) => eb('version', '+', 1) }).where('id', '=', id).execute();
      let notified = 0;
      for (const s of subs) {
        for (const official of await subdivisionHeads(trx, s.id, today)) {
          await enqueueNotice(trx, {
            type: 'generalization_request', subject: { type: CAMPAIGN, id }, recipient: { kind: 'official', id: official, online: true }, language: 'kk', createdBy: actor,
            data: { bodyName: body.name.kk, subdivisionName: (s.name as { kk: string }).kk, periodFrom: c.period_from, periodTo: c.period_to, dueDate: c.due_on },
          });
          notified++;
        }
      }
      await audit(trx, { actor, action: 'generalization.request_sent', subjectType: CAMPAIGN, subjectId: id, details: { on: today, subdivisionIds: subs.map((s) => s.id), rows: cases.length, notified, citation: STEP_CITATIONS.request } });
    });
  }

  async requests(id: string) {
    const reqs = await this.db.selectFrom('generalization_request').innerJoin('subdivision', 'subdivision.id', 'generalization_request.subdivision_id')
      .select(['generalization_request.subdivision_id', 'generalization_request.requested_on', 'generalization_request.status', 'generalization_request.submitted_on', 'generalization_request.submitted_by', 'generalization_request.reminders', 'generalization_request.last_reminded_on', 'subdivision.name', 'subdivision.code'])
      .where('campaign_id', '=', id).orderBy('subdivision.code').execute();
    const counts = await this.db.selectFrom('generalization_row').select(['subdivision_id', (eb) => eb.fn.countAll<number>().as('n')]).where('campaign_id', '=', id).groupBy('subdivision_id').execute();
    return reqs.map((r) => ({ ...r, rows: Number(counts.find((c) => c.subdivision_id === r.subdivision_id)?.n ?? 0) }));
  }

  async rows(id: string) {
    return this.db.selectFrom('generalization_row').selectAll().where('campaign_id', '=', id).orderBy('position').execute();
  }

  async row(campaignId: string, rowId: string) {
    if (!UUID.test(rowId)) throw new Problem(404, 'not_found');
    const r = await this.db.selectFrom('generalization_row').selectAll().where('id', '=', rowId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!r) throw new Problem(404, 'not_found');
    return r;
  }

  /** Annex 4 step 2: the subdivision (or the legal service) edits a row of the period, or adds one by hand. */
  async saveRow(campaignId: string, rowId: string | null, subdivisionId: string | null, input: RowInput, version: number | undefined, actor: string) {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.lockOpen(trx, campaignId);
      if (subdivisionId) {
        const req = await trx.selectFrom('generalization_request').select('status').where('campaign_id', '=', campaignId).where('subdivision_id', '=', subdivisionId).executeTakeFirst();
        if (!req) throw new Problem(422, 'validation', {}, [{ field: 'body.subdivisionId', code: 'not_requested' }]);
      }
      const values = rowValues(input);
      const problems = rowProblems({ status: values.status, instance: values.instance ?? null });
      let id = rowId;
      if (!rowId) {
        if (problems.length || !values.status) throw new Problem(422, 'annex3_incomplete', {}, problems.length ? problems : [{ field: 'body.status', code: 'required' }], 'Rules No. 111, Annex 3');
        const position = ((await trx.selectFrom('generalization_row').select((eb) => eb.fn.max('position').as('p')).where('campaign_id', '=', campaignId).executeTakeFirst())?.p ?? 0) + 1;
        const cells = Object.fromEntries(LANGUAGES.map((l) => [l, { ...input.cells }])) as unknown as Cells;
        const created = await trx.insertInto('generalization_row').values({ campaign_id: campaignId, subdivision_id: subdivisionId, position, cells: JSON.stringify(cells), ...values, status: values.status }).returning(['id']).executeTakeFirstOrThrow();
        id = created.id;
      } else {
        const r = await trx.selectFrom('generalization_row').selectAll().where('id', '=', rowId).where('campaign_id', '=', campaignId).forUpdate().executeTakeFirst();
        if (!r) throw new Problem(404, 'not_found');
        if (version !== undefined && r.version !== version) throw new Problem(409, 'version_conflict', { current: r.version });
        const merged = rowProblems({ status: values.status ?? r.status, instance: values.instance === undefined ? r.instance : values.instance });
        if (merged.length) throw new Problem(422, 'annex3_incomplete', {}, merged, 'Rules No. 111, Annex 3');
        const cells = r.cells as unknown as Cells;
        for (const l of LANGUAGES) cells[l] = { ...cells[l], ...input.cells };
        await trx.updateTable('generalization_row').set({ ...values, cells: JSON.stringify(cells), version: r.version + 1 }).where('id', '=', rowId).execute();
      }
      await audit(trx, { actor, action: rowId ? 'generalization.row_saved' : 'generalization.row_added', subjectType: CAMPAIGN, subjectId: c.id, details: { rowId: id, citation: STEP_CITATIONS.fill } });
      return id!;
    });
  }

  /** Annex 4 step 2: the subdivision submits its rows; the status is visible per subdivision. */
  async submitSubdivision(campaignId: string, subdivisionId: string, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOpen(trx, campaignId);
      const res = await trx.updateTable('generalization_request').set({ status: 'submitted', submitted_on: this.today(), submitted_by: actor })
        .where('campaign_id', '=', campaignId).where('subdivision_id', '=', subdivisionId).where('status', '=', 'requested').executeTakeFirst();
      if (!Number(res.numUpdatedRows)) throw new Problem(409, 'not_requested');
      await audit(trx, { actor, action: 'generalization.subdivision_submitted', subjectType: CAMPAIGN, subjectId: campaignId, details: { subdivisionId, citation: STEP_CITATIONS.fill } });
    });
  }

  /** Annex 4 steps 3–8: the legal service's review of one row, each field checked (reviewProblems). */
  async review(campaignId: string, rowId: string, review: RowReview, version: number | undefined, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOpen(trx, campaignId);
      const r = await trx.selectFrom('generalization_row').selectAll().where('id', '=', rowId).where('campaign_id', '=', campaignId).forUpdate().executeTakeFirst();
      if (!r) throw new Problem(404, 'not_found');
      if (version !== undefined && r.version !== version) throw new Problem(409, 'version_conflict', { current: r.version });
      const problems = reviewProblems(review, r.status === 'in_force' && isLost(r.final_result));
      if (problems.length) throw new Problem(422, 'review_incomplete', {}, problems, STEP_CITATIONS.review);
      await trx.updateTable('generalization_row').set({
        reasoning_analysis: review.reasoningAnalysis ?? null, illegality_found: review.illegalityFound ?? null, illegality_description: review.illegalityDescription ?? null,
        loss_causes: review.lossCauses ?? null, deficiency_type: review.deficiencyType ?? null, measures_taken: review.measuresTaken ?? null, proposals: review.proposals ?? null,
        reviewed_at: this.now(), reviewed_by: actor, version: r.version + 1,
      }).where('id', '=', rowId).execute();
      await audit(trx, { actor, action: 'generalization.row_reviewed', subjectType: CAMPAIGN, subjectId: campaignId, details: { rowId, illegalityFound: review.illegalityFound, deficiencyType: review.deficiencyType ?? null, citation: STEP_CITATIONS.review } });
    });
  }

  /** Annex 4 step 10: the narrative sections (shortcomings, proposals, other). */
  async saveSections(campaignId: string, s: { shortcomings?: string | undefined; proposals?: string | undefined; otherNotes?: string | undefined }, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOpen(trx, campaignId);
      await trx.updateTable('generalization_campaign').set({
        ...(s.shortcomings !== undefined ? { shortcomings: s.shortcomings } : {}), ...(s.proposals !== undefined ? { proposals: s.proposals } : {}), ...(s.otherNotes !== undefined ? { other_notes: s.otherNotes } : {}),
        version: (eb) => eb('version', '+', 1),
      }).where('id', '=', campaignId).execute();
      await audit(trx, { actor, action: 'generalization.sections_saved', subjectType: CAMPAIGN, subjectId: campaignId, details: { citation: STEP_CITATIONS.report } });
    });
  }

  /** Annex 4 step 9: every row reviewed, the report's sections present when a case was lost; then the rows are locked. */
  async finalise(campaignId: string, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      const c = await this.lockOpen(trx, campaignId);
      const rows = await trx.selectFrom('generalization_row').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute();
      const unreviewed = rows.filter((r) => !r.reviewed_at);
      if (unreviewed.length) throw new Problem(422, 'rows_not_reviewed', { count: unreviewed.length }, unreviewed.map((r) => ({ field: `rows.${r.position}`, code: 'not_reviewed' })), STEP_CITATIONS.finalise);
      const missing = missingSections(reportFigures(rows), c);
      if (missing.length) throw new Problem(422, 'report_sections_required', {}, missing.map((m) => ({ field: `body.${m}`, code: 'required_when_lost' })), STEP_CITATIONS.report);
      await trx.updateTable('generalization_campaign').set({ state: 'final', finalised_at: this.now(), finalised_by: actor, version: (eb) => eb('version', '+', 1) }).where('id', '=', campaignId).execute();
      await audit(trx, { actor, action: 'generalization.finalised', subjectType: CAMPAIGN, subjectId: campaignId, details: { rows: rows.length, citation: STEP_CITATIONS.finalise } });
    });
  }

  /** Rules No. 111 p.16: the submission to the Ministry of Justice, recorded (on or before the due date is on time). */
  async recordSubmission(campaignId: string, s: { submittedOn: string; to?: string | undefined; reference?: string | undefined }, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('generalization_campaign').selectAll().where('id', '=', campaignId).forUpdate().executeTakeFirst();
      if (!c) throw new Problem(404, 'not_found');
      if (c.state !== 'final') throw new Problem(409, 'campaign_not_final', {}, [], STEP_CITATIONS.finalise);
      if (s.submittedOn > this.today()) throw new Problem(422, 'validation', {}, [{ field: 'body.submittedOn', code: 'in_future' }]);
      await trx.updateTable('generalization_campaign').set({
        state: 'submitted', submitted_on: s.submittedOn, submitted_by: actor, submitted_to: s.to ?? 'Ministry of Justice of the Republic of Kazakhstan', submission_ref: s.reference ?? null,
        overdue: isOverdue(c.due_on, s.submittedOn, null), version: c.version + 1,
      }).where('id', '=', campaignId).execute();
      await audit(trx, { actor, action: 'generalization.submitted', subjectType: CAMPAIGN, subjectId: campaignId, details: { submittedOn: s.submittedOn, due: c.due_on, late: s.submittedOn > c.due_on, citation: DUE_CITATION } });
    });
  }

  /** The daily job: overdue campaigns flagged (the day after the due date, R-15), late subdivisions reminded (AT-27). */
  async dailyWatch(): Promise<{ overdue: number; reminders: number }> {
    const today = this.today();
    let overdue = 0;
    let reminders = 0;
    const open = await this.db.selectFrom('generalization_campaign').selectAll().where('state', '<>', 'submitted').where('starts_on', '<=', today).execute();
    for (const c of open) {
      const body = await this.organisation.body(c.body_id); // before the transaction: on PGlite it holds the only connection
      await this.db.transaction().execute(async (trx) => {
        if (!c.overdue && isOverdue(c.due_on, today, c.submitted_on)) {
          await trx.updateTable('generalization_campaign').set({ overdue: true }).where('id', '=', c.id).where('overdue', '=', false).execute();
          await audit(trx, { actor: 'system', action: 'generalization.overdue', subjectType: CAMPAIGN, subjectId: c.id, details: { due: c.due_on, on: today, citation: DUE_CITATION } });
          overdue++;
        }
        if (c.state !== 'collecting' || !reminderDue(c.due_on, today)) return;
        const late = await trx.selectFrom('generalization_request').innerJoin('subdivision', 'subdivision.id', 'generalization_request.subdivision_id')
          .select(['generalization_request.subdivision_id', 'subdivision.name']).where('campaign_id', '=', c.id).where('status', '=', 'requested')
          .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', today)])).execute();
        for (const s of late) {
          for (const official of await subdivisionHeads(trx, s.subdivision_id, today)) {
            await enqueueNotice(trx, {
              type: 'generalization_reminder', subject: { type: CAMPAIGN, id: c.id }, recipient: { kind: 'official', id: official, online: true }, language: 'kk', createdBy: 'system',
              data: { bodyName: body.name.kk, subdivisionName: (s.name as { kk: string }).kk, dueDate: c.due_on },
            });
          }
          await trx.updateTable('generalization_request').set({ reminders: (eb) => eb('reminders', '+', 1), last_reminded_on: today }).where('campaign_id', '=', c.id).where('subdivision_id', '=', s.subdivision_id).execute();
          reminders++;
        }
      });
    }
    return { overdue, reminders };
  }

  /** The report's figures (Annex 4 step 10, R-17) with what blocks it and the target indicator of the year. */
  async report(campaignId: string) {
    const c = await this.campaign(campaignId);
    const rows = await this.rows(campaignId);
    const figures = reportFigures(rows);
    const target = await this.target(c.body_id, c.year);
    return { campaign: c, rows, figures, missing: missingSections(figures, c), target };
  }

  // ---- target indicators (Rules No. 111 p.5(7), R-14) ----

  async setTarget(bodyId: string, year: number, t: TargetInput, actor: string) {
    await this.organisation.body(bodyId, 'params.bodyId');
    await this.db.transaction().execute(async (trx) => {
      const values = {
        target_percent: t.targetPercent, baseline_percent: t.baselinePercent ?? null, baseline_year: t.baselineYear ?? null, ndp_indicator: t.ndpIndicator ?? null,
        denominator: t.denominator ?? 'appealed_in_court', approval_required: t.approvalRequired ?? TARGET_APPROVAL_DEFAULT, set_by: actor, updated_at: this.now(),
        // a changed target needs the head's approval again
        approved_on: null, approved_by: null,
      };
      await trx.insertInto('target_indicator').values({ body_id: bodyId, year, ...values }).onConflict((oc) => oc.columns(['body_id', 'year']).doUpdateSet(values)).execute();
      await audit(trx, { actor, action: 'generalization.target_set', subjectType: 'target_indicator', subjectId: `${bodyId}:${year}`, details: { targetPercent: t.targetPercent, denominator: values.denominator, citation: 'Rules No. 111 p.5(7)' } });
    });
  }

  async approveTarget(bodyId: string, year: number, actor: string) {
    await this.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('target_indicator').set({ approved_on: this.today(), approved_by: actor }).where('body_id', '=', bodyId).where('year', '=', year).executeTakeFirst();
      if (!Number(res.numUpdatedRows)) throw new Problem(404, 'not_found');
      await audit(trx, { actor, action: 'generalization.target_approved', subjectType: 'target_indicator', subjectId: `${bodyId}:${year}`, details: { citation: 'Rules No. 111 p.5(7) (EN; §1.7 D-04)' } });
    });
  }

  /** The target of the year, the actual from the court module's indicator, met or not, and the trend over the years. */
  async target(bodyId: string, year: number) {
    const t = await this.db.selectFrom('target_indicator').selectAll().where('body_id', '=', bodyId).where('year', '=', year).executeTakeFirst();
    const denominator = t?.denominator ?? 'appealed_in_court';
    const indicator = await this.court.indicator([bodyId], year, denominator);
    const targets = await this.db.selectFrom('target_indicator').select(['year', 'target_percent']).where('body_id', '=', bodyId).where('year', '<=', year).orderBy('year').execute();
    const trend = [];
    for (let y = Math.max(2021, year - 4); y <= year; y++) {
      const i = y === year ? indicator : await this.court.indicator([bodyId], y, denominator);
      const ty = targets.find((x) => x.year === y);
      trend.push({ year: y, actualPercent: i.current.sharePercent, unlawful: i.current.unlawful, denominator: i.current.denominator, targetPercent: ty ? Number(ty.target_percent) : null });
    }
    const targetPercent = t ? Number(t.target_percent) : null;
    const actual = indicator.current.sharePercent;
    return {
      bodyId, year, denominator,
      target: t ? {
        targetPercent: Number(t.target_percent), baselinePercent: t.baseline_percent === null ? null : Number(t.baseline_percent), baselineYear: t.baseline_year, ndpIndicator: t.ndp_indicator,
        approvalRequired: t.approval_required, approvedOn: t.approved_on, approvedBy: t.approved_by, approved: !t.approval_required || !!t.approved_on,
      } : null,
      actual: indicator.current,
      previous: indicator.previous,
      changePercentagePoints: indicator.changePercentagePoints,
      reduced: indicator.reduced,
      met: targetPercent === null || actual === null ? null : actual <= targetPercent,
      trend: trend.filter((x) => x.denominator > 0 || x.targetPercent !== null || x.year === year),
    };
  }

  private async lockOpen(trx: Tx, id: string) {
    const c = await trx.selectFrom('generalization_campaign').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw new Problem(404, 'not_found');
    if (c.state === 'draft') throw new Problem(409, 'campaign_not_requested', {}, [], STEP_CITATIONS.request);
    if (c.state !== 'collecting') throw new Problem(409, 'campaign_final', {}, [], STEP_CITATIONS.finalise);
    return c;
  }
}

/** The facts the report counts, copied from the court record (Annex 3 c.3, c.7–9; R-17). */
function facts(k: Awaited<ReturnType<CourtService['find']>>) {
  const rec = (x: unknown) => x as InstanceRecord | null;
  const final = k.status === 'in_force' ? finalInstance({ firstInstance: rec(k.first_instance), appeal: rec(k.appeal), cassation: rec(k.cassation) }) : undefined;
  const rulings = (k.private_rulings as PrivateRuling[]) ?? [];
  return {
    status: k.status as 'pending' | 'in_force',
    instance: k.instance,
    first_result: rec(k.first_instance)?.result ?? null,
    appeal_result: rec(k.appeal)?.result ?? null,
    cassation_result: rec(k.cassation)?.result ?? null,
    final_result: final?.record.result ?? (k.status === 'in_force' ? rec(k.cassation)?.result ?? rec(k.appeal)?.result ?? rec(k.first_instance)?.result ?? null : null),
    area: k.area,
    procedure: (k.act as { name?: string }).name ?? null,
    found_unlawful: k.found_unlawful,
    private_rulings: rulings.length,
    private_rulings_executed: rulings.filter((p) => p.executed).length,
  };
}

function rowValues(input: RowInput) {
  const v: Partial<{ status: 'pending' | 'in_force'; instance: string | null; first_result: string | null; appeal_result: string | null; cassation_result: string | null; final_result: string | null; area: string | null; procedure: string | null }> = {};
  if (input.status !== undefined) v.status = input.status;
  if (input.instance !== undefined) v.instance = input.instance;
  if (input.firstResult !== undefined) v.first_result = input.firstResult;
  if (input.appealResult !== undefined) v.appeal_result = input.appealResult;
  if (input.cassationResult !== undefined) v.cassation_result = input.cassationResult;
  if (input.finalResult !== undefined) v.final_result = input.finalResult;
  if (input.area !== undefined) v.area = input.area;
  if (input.procedure !== undefined) v.procedure = input.procedure;
  return v;
}

/** Annex 3 c.3 (AT-28): a pending case names its instance. */
function rowProblems(r: { status: string | undefined; instance: string | null }) {
  return r.status === 'pending' && !r.instance ? [{ field: 'body.instance', code: 'instance_required' }] : [];
}

/** The heads of a subdivision (its positions with a head's role), else everyone appointed to it: appointments not ended. */
async function subdivisionHeads(trx: Tx, subdivisionId: string, today: string): Promise<string[]> {
  const people = await trx.selectFrom('appointment').innerJoin('position', 'position.id', 'appointment.position_id')
    .select(['appointment.official_id', 'position.role']).where('position.subdivision_id', '=', subdivisionId)
    .where((eb) => eb.or([eb('appointment.valid_to', 'is', null), eb('appointment.valid_to', '>=', today)])).where('appointment.ended_at', 'is', null).execute();
  const heads = people.filter((p) => p.role === 'subdivision_head' || p.role === 'body_head' || p.role === 'deputy_head');
  return [...new Set((heads.length ? heads : people).map((p) => p.official_id))];
}
