/**
 * Court cases a body's legal service tracks (APC Section 4; apc-requirements §7): the claim and its deadline (136),
 * instances with their dates and outcomes, entry into force (161; B6), execution within 171(2), private rulings, and
 * the rows of Annex 3 of Rules No. 111 filled from them. A decision in force that cancels the act updates the act
 * through the ActEffects port and counts towards the body's share of acts found unlawful (Rules No. 111 p.5(7)).
 * Each save is one transaction: the row (version-checked), stored deadlines, hash-chained events ('court_case').
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import {
  ANNEX3_COLUMNS,
  ANNEX3_WORDS,
  CLAIM_TYPES,
  COURT_OUTCOMES,
  annex3Problems,
  claimTerm,
  finalInstance,
  foundUnlawful,
  type ClaimBasis,
  type ClaimType,
  type Instance,
  type InstanceRecord,
} from '../../law/court.ts';
import { COMPLAINT_DECISIONS } from '../../law/complaints.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { ActEffects, ComplaintsService } from '../complaints/service.ts';

type Tx = Transaction<Schema>;
export type CourtCaseRow = Awaited<ReturnType<CourtService['find']>>;
export const COURT_CASE = 'court_case';

export interface PrivateRuling {
  content: string;
  requires: string;
  measures?: string | undefined;
  executed: boolean;
  appealed?: boolean | undefined;
  disagreement?: string | undefined;
}

export interface Measures {
  taken: boolean;
  description?: string | undefined;
  similarCases?: boolean | undefined;
  links?: string[] | undefined;
}

export interface CourtCaseInput {
  bodyId?: string | undefined;
  appealId?: string | undefined;
  complaintId?: string | undefined;
  actId?: string | undefined;
  act: { name: string; content: string; adoptedOn: string };
  claimType: ClaimType;
  damagesClaim?: boolean | undefined;
  claimBasis?: ClaimBasis | undefined;
  /** the day the claim term runs from when the system cannot know it: delivery of the complaint decision or of the act (B7) */
  basisOn?: string | undefined;
  court: string;
  caseNumber?: string | undefined;
  role: 'defendant' | 'plaintiff' | 'interested';
  plaintiff: { kind: 'individual' | 'legal_entity'; name: string };
  claims: string;
  arguments?: string | undefined;
  area?: string | undefined;
  claimFiledOn: string;
  status: 'pending' | 'in_force';
  instance?: Instance | undefined;
  firstInstance?: InstanceRecord | undefined;
  appeal?: InstanceRecord | undefined;
  cassation?: InstanceRecord | undefined;
  returnGround?: string | undefined;
  enteredIntoForceOn?: string | undefined;
  actCancelled?: boolean | undefined;
  cancellationReasons?: string | undefined;
  preventiveMeasures?: Measures | undefined;
  causesMeasures?: Measures | undefined;
  privateRulings?: PrivateRuling[] | undefined;
  executedOn?: string | undefined;
  courtNotifiedOn?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export class CourtService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly complaints: ComplaintsService,
    readonly acts: ActEffects,
    readonly now: () => Date = () => new Date(),
  ) {}

  async find(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('court_case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /** The body a new record belongs to, from its links (read before any transaction). */
  async bodyFor(input: Pick<CourtCaseInput, 'bodyId' | 'appealId' | 'complaintId'>): Promise<string> {
    if (input.bodyId) return input.bodyId;
    if (input.complaintId) return (await this.complaints.find(input.complaintId)).origin_body_id;
    if (input.appealId) return (await this.complaints.appeals.find(input.appealId)).body_id;
    throw new Problem(422, 'validation', {}, [{ field: 'body.bodyId', code: 'required' }]);
  }

  /** Links, the claim basis and the day the claim term runs from (136), checked against the complaint. */
  private async resolve(input: CourtCaseInput) {
    const complaint = input.complaintId ? await this.complaints.find(input.complaintId) : undefined;
    const appealId = input.appealId ?? complaint?.appeal_id ?? undefined;
    if (complaint && input.appealId && complaint.appeal_id && complaint.appeal_id !== input.appealId) throw new Problem(422, 'court_link_mismatch', {}, [{ field: 'body.appealId', code: 'court_link_mismatch' }]);
    if (appealId) await this.complaints.appeals.find(appealId);
    const basis: ClaimBasis = input.claimBasis ?? (complaint?.deemed_dismissed_on && !complaint.decided_on ? 'deemed_dismissal' : complaint ? 'complaint_decision' : 'direct');
    if (basis === 'deemed_dismissal' && !complaint?.deemed_dismissed_on) throw new Problem(422, 'no_deemed_dismissal', {}, [{ field: 'body.claimBasis', code: 'no_deemed_dismissal' }], 'APC 100(5), 136(6)');
    if (basis === 'complaint_decision' && !complaint?.decided_on) throw new Problem(422, 'no_complaint_decision', {}, [{ field: 'body.claimBasis', code: 'no_complaint_decision' }], 'APC 136(1)');
    // 136(6): without a decision, the month runs from the expiry of the review term; B7: otherwise from delivery
    const basisOn = basis === 'deemed_dismissal' ? complaint!.deemed_dismissed_on! : input.basisOn;
    return { complaint, appealId: appealId ?? null, actId: input.actId ?? complaint?.act_id ?? null, basis, basisOn };
  }

  async create(input: CourtCaseInput, bodyId: string, actor: string) {
    const problems = annex3Problems({ ...input, actCancelled: input.actCancelled ?? false });
    if (problems.length) throw new Problem(422, 'annex3_incomplete', {}, problems, 'Rules No. 111, Annex 3');
    const links = await this.resolve(input);
    const id = await this.db.transaction().execute(async (trx) => {
      const claim = links.basisOn ? await this.calendar.compute(claimTerm(input.claimType, links.basis), links.basisOn, undefined, trx) : undefined;
      const row = await trx.insertInto('court_case').values({
        body_id: bodyId, appeal_id: links.appealId, complaint_id: links.complaint?.id ?? null, act_id: links.actId, act: JSON.stringify(input.act),
        claim_type: input.claimType, damages_claim: input.damagesClaim ?? false, claim_basis: links.basis, court: input.court, case_number: input.caseNumber ?? null,
        role: input.role, plaintiff: JSON.stringify(input.plaintiff), claims: input.claims, arguments: input.arguments ?? null, area: input.area ?? null,
        claim_filed_on: input.claimFiledOn, claim_deadline: claim?.due ?? null, claim_late: claim ? input.claimFiledOn > claim.due : false,
        status: input.status, ...this.fields(input),
      }).returning(['id']).executeTakeFirstOrThrow();
      const subject = { type: COURT_CASE, id: row.id };
      if (links.basisOn) await this.calendar.store(trx, subject, claimTerm(input.claimType, links.basis), links.basisOn);
      const head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
        caseType: COURT_CASE, caseId: row.id, at: this.now(), actor, action: 'claim_recorded', citation: `${CLAIM_TYPES.find((c) => c.code === input.claimType)!.citation}, APC 136, 137`, state: input.status,
        details: { claimType: input.claimType, basis: links.basis, basisOn: links.basisOn, claimFiledOn: input.claimFiledOn, claimDeadline: claim?.due, claimLate: claim ? input.claimFiledOn > claim.due : false, complaintId: links.complaint?.id, appealId: links.appealId, court: input.court, caseNumber: input.caseNumber },
      });
      await trx.updateTable('court_case').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', row.id).execute();
      const created = await trx.selectFrom('court_case').selectAll().where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
      await this.changes(trx, created, null, input, actor);
      return row.id;
    });
    return this.view(id);
  }

  /** The legal service saves the record as a form: the changes become events, terms and effects. */
  async update(id: string, version: number, input: CourtCaseInput, actor: string) {
    const problems = annex3Problems({ ...input, actCancelled: input.actCancelled ?? false });
    if (problems.length) throw new Problem(422, 'annex3_incomplete', {}, problems, 'Rules No. 111, Annex 3');
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('court_case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new Problem(404, 'not_found');
      if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
      await trx.updateTable('court_case').set({
        court: input.court, case_number: input.caseNumber ?? null, role: input.role, plaintiff: JSON.stringify(input.plaintiff), claims: input.claims, arguments: input.arguments ?? null,
        area: input.area ?? null, act: JSON.stringify(input.act), damages_claim: input.damagesClaim ?? false, status: input.status, ...this.fields(input),
      }).where('id', '=', id).execute();
      const fresh = await trx.selectFrom('court_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await this.changes(trx, fresh, row, input, actor);
    });
    return this.view(id);
  }

  private fields(input: CourtCaseInput) {
    const inForce = input.status === 'in_force';
    const unlawful = inForce && foundUnlawful(input);
    const outcome = finalInstance(input)?.record.outcome;
    return {
      instance: input.instance ?? null,
      first_instance: json(input.firstInstance), appeal: json(input.appeal), cassation: json(input.cassation),
      return_ground: input.returnGround ?? null,
      entered_into_force_on: input.enteredIntoForceOn ?? null,
      found_unlawful: unlawful,
      act_cancelled: inForce && (input.actCancelled ?? (outcome === 'act_cancelled' || outcome === 'act_cancelled_in_part')),
      cancellation_reasons: input.cancellationReasons ?? null,
      preventive_measures: json(input.preventiveMeasures), causes_measures: json(input.causesMeasures),
      private_rulings: JSON.stringify(input.privateRulings ?? []),
      executed_on: input.executedOn ?? null, court_notified_on: input.courtNotifiedOn ?? null,
    };
  }

  /** Events, terms and effects of what changed between `before` and `row`. */
  private async changes(trx: Tx, row: CourtCaseRow, before: CourtCaseRow | null, input: CourtCaseInput, actor: string) {
    const at = this.now();
    const subject = { type: COURT_CASE, id: row.id };
    let head = { count: row.event_count, hash: row.last_event_hash };
    const append = async (action: string, citation: string, details: Record<string, unknown>) => {
      head = await appendCaseEvent(trx, head, { caseType: COURT_CASE, caseId: row.id, at, actor, action, citation, state: row.status, details });
    };
    const inst = [['first_instance', 'firstInstance', 'first_instance_decided', 'APC 151, 155'], ['appeal', 'appeal', 'appeal_decided', 'APC 168'], ['cassation', 'cassation', 'cassation_decided', 'APC 169']] as const;
    for (const [col, key, action, citation] of inst) {
      const rec = input[key];
      if (!rec || same(before?.[col], rec)) continue;
      const details: Record<string, unknown> = { ...rec };
      const outcome = COURT_OUTCOMES.find((o) => o.code === rec.outcome);
      if (outcome) details.outcomeCitation = outcome.citation;
      // 168(2): the appeal window runs from the decision in final form; 161, B6: in force the day after it expires
      if (key === 'firstInstance' && rec.finalFormOn && !input.appeal) {
        const appealBy = await this.calendar.store(trx, subject, 'APC-168.2', rec.finalFormOn);
        details.appealBy = appealBy.due;
        details.inForceIfNotAppealed = isoDate(dayNumber(appealBy.due) + 1);
      }
      // 169(2): the cassation window runs from delivery of the appellate act (B7); the rules changed from 01.07.2025 (B2)
      if (key === 'appeal' && rec.deliveredOn) {
        const cassationBy = await this.calendar.store(trx, subject, 'APC-169.2', rec.deliveredOn);
        details.cassationBy = cassationBy.due;
        details.warnings = cassationBy.warnings;
      }
      await append(action, citation, details);
    }
    if (input.returnGround && input.returnGround !== before?.return_ground) await append('claim_returned', `APC 138(2)`, { ground: input.returnGround });
    if (row.entered_into_force_on && row.entered_into_force_on !== before?.entered_into_force_on) {
      const execution = await this.calendar.store(trx, subject, 'APC-171.2', row.entered_into_force_on);
      await append('entered_into_force', 'APC 161, 168(10)', { enteredIntoForceOn: row.entered_into_force_on, foundUnlawful: row.found_unlawful, executionDue: execution.due, executionTarget: execution.internalTarget });
    }
    // 155(3), 156: a decision in force that cancels the act cancels it; the acts module records it on the act
    if (row.act_cancelled && !row.act_cancelled_recorded) {
      if (row.act_id) await this.acts.cancel(trx, row.act_id, { actor, ground: 'court_decision', citation: 'APC 155(3), 156', caseType: COURT_CASE, caseId: row.id, on: row.entered_into_force_on ?? undefined });
      await append('act_cancelled', 'APC 155(3), 156', { actId: row.act_id, appealId: row.appeal_id, reasons: row.cancellation_reasons });
      await trx.updateTable('court_case').set({ act_cancelled_recorded: true }).where('id', '=', row.id).execute();
    }
    if (!same(before?.private_rulings ?? [], input.privateRulings ?? [])) await append('private_rulings_updated', 'APC 121', { count: (input.privateRulings ?? []).length, executed: (input.privateRulings ?? []).filter((p) => p.executed).length });
    if (!same(before?.preventive_measures, input.preventiveMeasures) || !same(before?.causes_measures, input.causesMeasures)) {
      if (input.preventiveMeasures || input.causesMeasures) await append('measures_recorded', 'Rules No. 111 Annex 3 c.11–12', { preventive: input.preventiveMeasures?.taken ?? null, causes: input.causesMeasures?.taken ?? null });
    }
    if (row.executed_on && row.executed_on !== before?.executed_on) {
      const due = await trx.selectFrom('deadline').select(['due', 'internal_target']).where('subject_type', '=', COURT_CASE).where('subject_id', '=', row.id).where('term_id', '=', 'APC-171.2').orderBy('id', 'desc').executeTakeFirst();
      await append('executed', 'APC 171(2)', { executedOn: row.executed_on, courtNotifiedOn: row.court_notified_on, due: due?.due, late: due ? row.executed_on > due.due : null });
    }
    if (before && !same(before.status, row.status) && !row.entered_into_force_on) await append('status_changed', 'Rules No. 111 Annex 3 c.3', { status: row.status, instance: row.instance });
    await trx.updateTable('court_case').set({ version: (before?.version ?? row.version) + (before ? 1 : 0), event_count: head.count, last_event_hash: head.hash, updated_at: at }).where('id', '=', row.id).execute();
  }

  async view(id: string) {
    const c = await this.find(id);
    const [events, deadlines] = await Promise.all([
      caseEvents(this.db, COURT_CASE, id),
      this.db.selectFrom('deadline').selectAll().where('subject_type', '=', COURT_CASE).where('subject_id', '=', id).orderBy('id').execute(),
    ]);
    return {
      courtCase: c,
      timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })),
      deadlines: deadlines.map((d) => ({ id: d.id, term: d.term_id, from: d.from_date, due: d.due, internalTarget: d.internal_target, warnings: d.warnings as unknown[], open: d.open })),
    };
  }

  async forAppeal(appealId: string, complaintIds: string[]) {
    return this.db.selectFrom('court_case').selectAll().where((eb) => eb.or([eb('appeal_id', '=', appealId), ...(complaintIds.length ? [eb('complaint_id', 'in', complaintIds)] : [])])).orderBy('claim_filed_on').execute();
  }

  /** Rules No. 111 Annex 3: one row per court case in proceedings during the period, the 13 columns in `lang`. */
  async annex3(bodyIds: string[], from: string, to: string, lang: Language) {
    const rows = await this.db.selectFrom('court_case').selectAll()
      .where('body_id', 'in', bodyIds)
      .where('claim_filed_on', '<=', to)
      .where((eb) => eb.or([eb('entered_into_force_on', 'is', null), eb('entered_into_force_on', '>=', from)]))
      .orderBy('claim_filed_on').orderBy('id').execute();
    const bodies = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.body_id))) bodies.set(id, (await this.organisation.body(id)).name[lang]);
    const complaints = new Map<string, Awaited<ReturnType<ComplaintsService['find']>>>();
    for (const r of rows) if (r.complaint_id && !complaints.has(r.complaint_id)) complaints.set(r.complaint_id, await this.complaints.find(r.complaint_id));
    const reviewNames = new Map<string, string>();
    for (const c of complaints.values()) if (c.review_body_id && !reviewNames.has(c.review_body_id)) reviewNames.set(c.review_body_id, (await this.organisation.body(c.review_body_id)).name[lang]);
    const w = (k: string) => ANNEX3_WORDS[k]![lang];
    const outcomeText = (code: string | null | undefined) => COURT_OUTCOMES.find((o) => o.code === code)?.text[lang] ?? '';
    const instanceCell = (rec: InstanceRecord | null, withDisagreement: boolean) => {
      if (!rec) return '';
      const parts = [`№ ${rec.caseNumber ?? ''}, ${rec.decidedOn ?? ''}`, [outcomeText(rec.outcome), rec.result ? w(rec.result) : ''].filter(Boolean).join(' — '), rec.reasoning ?? '', rec.operative ?? ''];
      if (withDisagreement && rec.appealed && rec.disagreement) parts.push(`${w('disagreement')}: ${rec.disagreement}`);
      return parts.filter((p) => p.trim()).join('\n');
    };
    const measures = (m: Measures | null) => (m ? [m.taken ? w('yes') : w('no'), m.description ?? '', ...(m.links ?? [])].filter(Boolean).join('\n') : '');
    return {
      columns: ANNEX3_COLUMNS,
      rows: rows.map((r, i) => {
        const act = r.act as { name: string; content: string; adoptedOn: string };
        const plaintiff = r.plaintiff as { name: string };
        const c = r.complaint_id ? complaints.get(r.complaint_id) : undefined;
        let pretrial = w('pretrial_no');
        if (c) {
          const d = c.decision as { decision?: string; reasons?: string } | null;
          const by = c.review_body_id ? reviewNames.get(c.review_body_id) ?? '' : '';
          pretrial = d?.decision
            ? [w('pretrial_yes'), by, COMPLAINT_DECISIONS.find((x) => x.code === d.decision)?.text[lang] ?? '', d.reasons ?? ''].filter(Boolean).join('\n')
            : c.deemed_dismissed_on ? [w('pretrial_yes'), by, w('deemed_dismissed')].filter(Boolean).join('\n') : w('pretrial_yes');
        }
        const rulings = (r.private_rulings as PrivateRuling[]).map((p) => [p.content, p.requires, p.measures ?? '', p.executed ? w('executed') : w('not_executed'), p.appealed && p.disagreement ? `${w('disagreement')}: ${p.disagreement}` : ''].filter(Boolean).join('; '));
        return {
          id: r.id,
          cells: {
            '1': String(i + 1),
            '2': bodies.get(r.body_id) ?? '',
            '3': r.status === 'in_force' ? w('in_force') : `${w('pending')} (${r.instance ? w(r.instance) : ''})`,
            '4': [act.name, act.content, act.adoptedOn].join('\n'),
            '5': pretrial,
            '6': [plaintiff.name, r.claims, r.arguments ?? ''].filter(Boolean).join('\n'),
            '7': instanceCell(r.first_instance as InstanceRecord | null, true),
            '8': instanceCell(r.appeal as InstanceRecord | null, true),
            '9': instanceCell(r.cassation as InstanceRecord | null, false),
            '10': r.act_cancelled ? r.cancellation_reasons ?? '' : '',
            '11': measures(r.preventive_measures as Measures | null),
            '12': measures(r.causes_measures as Measures | null),
            '13': rulings.join('\n'),
          },
        };
      }),
    };
  }

  /**
   * Rules No. 111 p.5(7), AT-30: acts or actions found unlawful by court decisions that entered into force in the year,
   * over a configurable denominator (§6 A-11): acts appealed in court (claims filed in the year, the default) or
   * court decisions that entered into force in the year. Shares in per cent, the change in percentage points.
   */
  async indicator(bodyIds: string[], year: number, denominator: 'appealed_in_court' | 'decided_in_force') {
    const share = async (y: number) => {
      const from = `${y}-01-01`;
      const to = `${y}-12-31`;
      const row = await this.db.selectFrom('court_case')
        .where('body_id', 'in', bodyIds)
        .select([
          sql<number>`count(*) filter (where found_unlawful and entered_into_force_on between ${from} and ${to})::int`.as('unlawful'),
          sql<number>`count(*) filter (where claim_filed_on between ${from} and ${to})::int`.as('appealed'),
          sql<number>`count(*) filter (where entered_into_force_on between ${from} and ${to})::int`.as('decided'),
        ])
        .executeTakeFirstOrThrow();
      const base = denominator === 'appealed_in_court' ? row.appealed : row.decided;
      return { year: y, unlawful: row.unlawful, denominator: base, sharePercent: base ? Math.round((row.unlawful / base) * 1000) / 10 : null };
    };
    const current = await share(year);
    const previous = await share(year - 1);
    const change = current.sharePercent !== null && previous.sharePercent !== null ? Math.round((current.sharePercent - previous.sharePercent) * 10) / 10 : null;
    return { denominatorKind: denominator, current, previous, changePercentagePoints: change, reduced: change === null ? null : change < 0 };
  }

  today(): string {
    return almatyToday(this.now());
  }
}
