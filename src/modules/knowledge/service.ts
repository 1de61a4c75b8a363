/**
 * The Knowledge Base (Rules No. 111; APC 15-1): the body's list of administrative procedures (Annex 1, p.8) with its
 * diagnosis, the manual of each procedure (Annex 2) drafted, approved by the head and published (p.9, p.11), its
 * versions in force by date and their diff, the obligations about manuals as tracked tasks with reminders
 * (quarterly verification p.11, update within three months of a change p.13, proposals p.12), typical answers
 * (REG p.5(8)), and full-text search of everything published (docs/knowledge.md).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { addMonths, almatyToday, dayNumber, isoDate, toAlmatyDay } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { translator } from '../../platform/i18n.ts';
import {
  ANNEX1_COLUMNS, DIAGNOSIS_MONTHS, LIST_CITATION, MANUAL_APPROVAL_CITATION, MANUAL_ROWS, MANUAL_TITLE, PROPOSAL_CITATION, PUBLICATION_CITATION,
  PUBLIC_SERVICE_EXCLUSION_CITATION, UPDATE_CITATION, UPDATE_REMINDER_DAYS, VERIFICATION_CITATION, VERIFICATION_REMINDER_DAYS, changeDate, missingRows,
  quarterOf, quartersBetween, updateDue, type ChangeBasis, type ManualFields,
} from '../../law/knowledge.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import { roleHolders } from '../bodies/queries.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { enqueueNotice } from '../notifications/service.ts';
import { wordDiff, type DiffOp } from './diff.ts';
import type { ManualInput, ProcedureInput } from './contract.ts';

type Tx = Transaction<Schema>;
type Db = Kysely<Schema> | Tx;
export type ProcedureRow = Awaited<ReturnType<KnowledgeService['procedure']>>;
export type ManualRow = Awaited<ReturnType<KnowledgeService['manual']>>;
export type ObligationRow = Awaited<ReturnType<KnowledgeService['obligations']>>[number];

/** The topics of the demo classifier that are public services: their appeals are not administrative procedures (p.8, A-18). */
export const PUBLIC_SERVICE_TOPIC_CODES = ['SERVICES'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** full-text configuration per language: Russian stemming; Kazakh has no stemmer in PostgreSQL, English is kept literal too */
export const TS_CONFIG: Record<Language, 'russian' | 'simple'> = { kk: 'simple', ru: 'russian', en: 'simple' };

function nameUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const notFound = (field?: string) => new Problem(404, 'not_found', {}, field ? [{ field, code: 'not_found' }] : []);
const illegal = (state: string, action: string, citation?: string) => new Problem(409, 'illegal_transition', { state, action }, [], citation);

export interface By {
  actor: string;
  officialId?: string | undefined;
}

export class KnowledgeService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly organisation: OrganisationService,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  // ---- Annex 1: the list of administrative procedures (p.8) ----

  async procedure(id: string, db: Db = this.db) {
    if (!UUID.test(id)) throw notFound();
    const row = await db.selectFrom('admin_procedure').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** Checks a procedure before it is written: topics exist; p.8 (AT-26): a public service of the register is refused. */
  private async check(input: ProcedureInput, db: Db) {
    if (input.publicServiceCode) {
      const service = await db.selectFrom('public_service').select('code').where('code', '=', input.publicServiceCode).executeTakeFirst();
      if (!service) throw new Problem(400, 'validation', {}, [{ field: 'body.publicServiceCode', code: 'not_found' }]);
      throw new Problem(422, 'public_service_procedure', { code: input.publicServiceCode }, [{ field: 'body.publicServiceCode', code: 'public_service_procedure' }], PUBLIC_SERVICE_EXCLUSION_CITATION);
    }
    if (input.topicIds.length) {
      const known = new Set((await db.selectFrom('topic').select('id').where('id', 'in', input.topicIds).execute()).map((t) => t.id));
      const bad = input.topicIds.findIndex((t) => !known.has(t));
      if (bad >= 0) throw new Problem(400, 'validation', {}, [{ field: `body.topicIds.${bad}`, code: 'not_found' }]);
    }
  }

  private columns(input: ProcedureInput) {
    return {
      code: input.code, scope: input.scope, name: JSON.stringify(input.name), regulated_by: input.regulatedBy, format: input.format, information_system: input.informationSystem || null,
      performer: input.performer, complaint_body: input.complaintBody, appeal_procedure: input.appealProcedure, appeal_binding: input.appealBinding ?? null,
      appeal_terms: input.appealTerms, legal_refs: input.legalRefs, topic_ids: input.topicIds,
    };
  }

  async createProcedure(bodyId: string, input: ProcedureInput, by: By) {
    await this.organisation.body(bodyId, 'body.bodyId');
    return this.db.transaction().execute(async (trx) => {
      await this.check(input, trx);
      if (await trx.selectFrom('admin_procedure').select('id').where('body_id', '=', bodyId).where('code', '=', input.code).executeTakeFirst()) {
        throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate' }]);
      }
      const row = await trx.insertInto('admin_procedure').values({ body_id: bodyId, ...this.columns(input), created_by: by.actor }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.procedure_created', subjectType: 'admin_procedure', subjectId: row.id, details: { code: input.code } });
      return row;
    });
  }

  /** An edited row of an approved list is a draft again until the head approves it (p.8). */
  async updateProcedure(id: string, input: ProcedureInput, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('admin_procedure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!p) throw notFound();
      if (p.state === 'retired') throw illegal(p.state, 'update', LIST_CITATION);
      await this.check(input, trx);
      if (input.code !== p.code && (await trx.selectFrom('admin_procedure').select('id').where('body_id', '=', p.body_id).where('code', '=', input.code).executeTakeFirst())) {
        throw new Problem(409, 'duplicate', {}, [{ field: 'body.code', code: 'duplicate' }]);
      }
      const row = await trx.updateTable('admin_procedure').set({ ...this.columns(input), state: 'draft', approved_by: null, approved_at: null, updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.procedure_updated', subjectType: 'admin_procedure', subjectId: id });
      return row;
    });
  }

  async approveProcedure(id: string, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('admin_procedure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!p) throw notFound();
      if (p.state !== 'draft') throw illegal(p.state, 'approve', LIST_CITATION);
      const row = await trx.updateTable('admin_procedure').set({ state: 'approved', approved_by: by.officialId ?? null, approved_at: this.now(), updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.procedure_approved', subjectType: 'admin_procedure', subjectId: id });
      return row;
    });
  }

  async retireProcedure(id: string, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const p = await trx.selectFrom('admin_procedure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!p) throw notFound();
      if (p.state === 'retired') throw illegal(p.state, 'retire', LIST_CITATION);
      const row = await trx.updateTable('admin_procedure').set({ state: 'retired', updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      // a retired procedure has no manual to keep: its open obligations close with it
      await trx.updateTable('kb_obligation').set({ state: 'done', done_on: this.today(), done_by: by.actor, note: 'procedure retired', updated_at: this.now() }).where('procedure_id', '=', id).where('state', '=', 'open').execute();
      await audit(trx, { actor: by.actor, action: 'knowledge.procedure_retired', subjectType: 'admin_procedure', subjectId: id });
      return row;
    });
  }

  async procedures(bodyId: string) {
    return this.db.selectFrom('admin_procedure').selectAll().where('body_id', '=', bodyId).orderBy('state').orderBy('code').execute();
  }

  /** For each procedure: the manual version in force today, since when it is outdated (p.13), how many obligations are overdue. */
  async summaries(procedureIds: string[]) {
    const today = this.today();
    const out = new Map<string, { manual: { version: number; state: string; effectiveFrom: string } | null; outdatedSince: string | null; overdueObligations: number }>();
    for (const id of procedureIds) out.set(id, { manual: null, outdatedSince: null, overdueObligations: 0 });
    if (!procedureIds.length) return out;
    const inForce = await this.db.selectFrom('kb_manual_version').select(['procedure_id', 'version', 'state', 'effective_from'])
      .where('procedure_id', 'in', procedureIds).where('version', 'is not', null).where('effective_from', '<=', today)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', today)])).execute();
    for (const m of inForce) out.get(m.procedure_id)!.manual = { version: m.version!, state: m.state, effectiveFrom: m.effective_from! };
    const open = await this.db.selectFrom('kb_obligation').select(['procedure_id', 'kind', 'change_date', 'due']).where('procedure_id', 'in', procedureIds).where('state', '=', 'open').execute();
    for (const o of open) {
      const s = out.get(o.procedure_id)!;
      // outdated from the day the procedure changed (a change entering into force later does not outdate it yet)
      if (o.kind === 'procedure_change' && o.change_date && o.change_date <= today && (!s.outdatedSince || o.change_date < s.outdatedSince)) s.outdatedSince = o.change_date;
      if (o.due && o.due < today) s.overdueObligations++;
    }
    return out;
  }

  /** Annex 1 in its layout: eight columns, the labels of the chosen language (R-07 export). */
  async annex1(bodyId: string, lang: Language) {
    const rows = (await this.procedures(bodyId)).filter((p) => p.state !== 'retired');
    const t = translator(lang);
    return {
      bodyId, lang, citation: `${LIST_CITATION}, Annex 1`,
      columns: ANNEX1_COLUMNS.map((c) => ({ n: c.n, label: c.label[lang] })),
      rows: rows.map((p) => ({
        id: p.id, state: p.state,
        cells: [
          p.scope,
          `${p.name[lang]} / ${p.regulated_by}`,
          [t(`knowledge.format.${p.format}`), p.information_system].filter(Boolean).join('; '),
          p.performer,
          p.complaint_body,
          [p.appeal_procedure, p.appeal_binding ? t(`knowledge.binding.${p.appeal_binding}`) : ''].filter(Boolean).join('; '),
          p.appeal_terms,
          p.legal_refs,
        ],
      })),
    };
  }

  /**
   * p.8 diagnosis: the topics of appeals the body handled in the last twelve months that no procedure of its list
   * covers, by volume, with example appeal numbers; public-service topics are left out (p.8, A-18).
   */
  async diagnosis(bodyId: string) {
    const today = this.today();
    const since = isoDate(addMonths(dayNumber(today), -DIAGNOSIS_MONTHS).day);
    const covered = new Set((await this.db.selectFrom('admin_procedure').select('topic_ids').where('body_id', '=', bodyId).where('state', '<>', 'retired').execute()).flatMap((p) => p.topic_ids));
    const topics = await this.db.selectFrom('topic').select(['id', 'code', 'parent_id', 'name']).execute();
    const byId = new Map(topics.map((t) => [t.id, t]));
    const isService = (id: string | null): boolean => {
      for (let t = id ? byId.get(id) : undefined; t; t = t.parent_id ? byId.get(t.parent_id) : undefined) if (PUBLIC_SERVICE_TOPIC_CODES.includes(t.code)) return true;
      return false;
    };
    const volume = await this.db.selectFrom('appeal')
      .select(['topic_id', (eb) => eb.fn.countAll<string>().as('n'), sql<string[]>`(array_agg(number order by received_on desc))[1:3]`.as('examples')])
      .where('body_id', '=', bodyId).where('received_on', '>=', since).where('topic_id', 'is not', null)
      .groupBy('topic_id').execute();
    const excluded: string[] = [];
    const suggestions = [];
    for (const v of volume) {
      const t = byId.get(v.topic_id!)!;
      if (covered.has(t.id)) continue;
      if (isService(t.id)) {
        excluded.push(t.code);
        continue;
      }
      suggestions.push({ topicId: t.id, topicCode: t.code, topic: t.name, appeals: Number(v.n), examples: v.examples });
    }
    suggestions.sort((a, b) => b.appeals - a.appeals || a.topicCode.localeCompare(b.topicCode));
    return { bodyId, since, citation: LIST_CITATION, suggestions, excludedPublicServiceTopics: excluded.sort() };
  }

  // ---- Annex 2: manuals, their versions and approval (p.9–11) ----

  async manual(id: string, db: Db = this.db) {
    if (!UUID.test(id)) throw notFound();
    const row = await db.selectFrom('kb_manual_version').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** All versions of a procedure's manual, the one in the making first, then by number, newest first. */
  async versions(procedureId: string) {
    return this.db.selectFrom('kb_manual_version').selectAll().where('procedure_id', '=', procedureId)
      .orderBy(sql`version is null`, 'desc').orderBy('version', 'desc').execute();
  }

  async createManual(procedureId: string, input: ManualInput, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const p = await this.procedure(procedureId, trx);
      if (p.state === 'retired') throw illegal(p.state, 'draft_manual', LIST_CITATION);
      const open = await trx.selectFrom('kb_manual_version').select('id').where('procedure_id', '=', procedureId).where('state', 'in', ['draft', 'submitted']).executeTakeFirst();
      if (open) throw new Problem(409, 'manual_in_progress', { id: open.id });
      const row = await trx.insertInto('kb_manual_version').values({
        procedure_id: procedureId, body_id: p.body_id, state: 'draft', fields: JSON.stringify(input.fields), none_rows: input.none,
        basis: JSON.stringify(input.basis ?? { note: '', courtCaseIds: [], divergenceIds: [] }), created_by: by.actor,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.manual_drafted', subjectType: 'kb_manual_version', subjectId: row.id, details: { procedureId } });
      return row;
    });
  }

  async updateManual(id: string, input: ManualInput, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const m = await trx.selectFrom('kb_manual_version').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!m) throw notFound();
      if (m.state !== 'draft') throw illegal(m.state, 'update', MANUAL_APPROVAL_CITATION);
      const row = await trx.updateTable('kb_manual_version').set({
        fields: JSON.stringify(input.fields), none_rows: input.none, ...(input.basis ? { basis: JSON.stringify(input.basis) } : {}), updated_at: this.now(),
      }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.manual_updated', subjectType: 'kb_manual_version', subjectId: id });
      return row;
    });
  }

  /**
   * A step of the manual: submit (the KB unit), return or approve (the head, p.9: blocked while a mandatory row is
   * empty, AT-23), publish (p.11). Approval numbers the version and sets the day it takes effect; the version in
   * force until then ends the day before, and the open update obligations of the procedure are met (p.13).
   */
  async actOnManual(id: string, action: { action: 'submit' } | { action: 'return'; note: string } | { action: 'approve'; effectiveFrom?: string | undefined } | { action: 'publish' }, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const m = await trx.selectFrom('kb_manual_version').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!m) throw notFound();
      const now = this.now();
      const today = this.today();
      let row;
      switch (action.action) {
        case 'submit':
          if (m.state !== 'draft') throw illegal(m.state, 'submit', MANUAL_APPROVAL_CITATION);
          row = await trx.updateTable('kb_manual_version').set({ state: 'submitted', submitted_at: now, returned_note: null, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          break;
        case 'return':
          if (m.state !== 'submitted') throw illegal(m.state, 'return', MANUAL_APPROVAL_CITATION);
          row = await trx.updateTable('kb_manual_version').set({ state: 'draft', returned_note: action.note, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          break;
        case 'approve': {
          if (m.state !== 'submitted') throw illegal(m.state, 'approve', MANUAL_APPROVAL_CITATION);
          const missing = missingRows(m.fields as ManualFields, m.none_rows);
          if (missing.length) throw new Problem(422, 'manual_incomplete', { rows: missing.map((k) => MANUAL_ROWS.find((r) => r.key === k)!.row).join(', ') }, missing.map((k) => ({ field: `fields.${k}`, code: 'manual_row_required' })), MANUAL_APPROVAL_CITATION);
          const effectiveFrom = action.effectiveFrom ?? today;
          const previous = await trx.selectFrom('kb_manual_version').selectAll().where('procedure_id', '=', m.procedure_id).where('version', 'is not', null).orderBy('version', 'desc').forUpdate().executeTakeFirst();
          if (previous && effectiveFrom <= previous.effective_from!) {
            throw new Problem(422, 'effective_from_not_later', { previous: previous.effective_from! }, [{ field: 'body.effectiveFrom', code: 'effective_from_not_later', params: { previous: previous.effective_from! } }], MANUAL_APPROVAL_CITATION);
          }
          if (previous) await trx.updateTable('kb_manual_version').set({ effective_to: isoDate(dayNumber(effectiveFrom) - 1), updated_at: now }).where('id', '=', previous.id).execute();
          row = await trx.updateTable('kb_manual_version').set({
            state: 'approved', version: (previous?.version ?? 0) + 1, effective_from: effectiveFrom, approved_by: by.officialId ?? null, approved_at: now, updated_at: now,
          }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          // p.13: the updated manual meets every open update obligation of a change made up to today
          await trx.updateTable('kb_obligation').set({ state: 'done', done_on: today, done_by: by.actor, note: `manual version ${row.version}`, updated_at: now })
            .where('procedure_id', '=', m.procedure_id).where('kind', '=', 'procedure_change').where('state', '=', 'open').where('change_date', '<=', today).execute();
          break;
        }
        case 'publish':
          if (m.state !== 'approved') throw illegal(m.state, 'publish', PUBLICATION_CITATION);
          row = await trx.updateTable('kb_manual_version').set({ state: 'published', published_at: now, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
          // the content was checked against the law when approved: publication counts as this quarter's verification (p.11)
          await this.verificationDone(trx, m.body_id, m.procedure_id, today, 'compliant', `published version ${m.version}`, by.actor);
          break;
      }
      await audit(trx, { actor: by.actor, action: `knowledge.manual_${action.action}`, subjectType: 'kb_manual_version', subjectId: id, details: { procedureId: m.procedure_id, version: row.version } });
      return row;
    });
  }

  /** The manual version in force on a date (approved or published), for the uniformity analysis and decisions. */
  async manualInForce(procedureId: string, date: string) {
    return (await this.db.selectFrom('kb_manual_version').selectAll().where('procedure_id', '=', procedureId).where('version', 'is not', null)
      .where('effective_from', '<=', date).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
      .orderBy('version', 'desc').executeTakeFirst()) ?? null;
  }

  /** Field by field, per language, a word-level diff of two numbered versions; unchanged fields are left out. */
  async diff(procedureId: string, from: number, to: number) {
    const rows = await this.db.selectFrom('kb_manual_version').selectAll().where('procedure_id', '=', procedureId).where('version', 'in', [from, to]).execute();
    const a = rows.find((r) => r.version === from);
    const b = rows.find((r) => r.version === to);
    if (!a) throw notFound('query.from');
    if (!b) throw notFound('query.to');
    const changes: { field: string; lang: Language; ops: DiffOp[] }[] = [];
    const fa = a.fields as ManualFields;
    const fb = b.fields as ManualFields;
    for (const r of MANUAL_ROWS) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const before = `${fa[r.key]?.[lang] ?? ''}${a.none_rows.includes(r.key) ? ' —' : ''}`;
        const after = `${fb[r.key]?.[lang] ?? ''}${b.none_rows.includes(r.key) ? ' —' : ''}`;
        if (before !== after) changes.push({ field: r.key, lang, ops: wordDiff(before, after) });
      }
    }
    return { procedureId, from, to, changes };
  }

  // ---- appeals under a procedure ----

  /** An official classifies an appeal under a procedure of its body's list (the uniformity analysis groups by it). */
  async classifyAppeal(appealId: string, procedureId: string | null, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const a = await trx.selectFrom('appeal').select(['id', 'body_id', 'admin_procedure_id']).where('id', '=', appealId).forUpdate().executeTakeFirst();
      if (!a) throw notFound();
      if (procedureId) {
        const p = await trx.selectFrom('admin_procedure').select(['body_id', 'state']).where('id', '=', procedureId).executeTakeFirst();
        if (!p) throw new Problem(400, 'validation', {}, [{ field: 'body.procedureId', code: 'not_found' }]);
        if (p.body_id !== a.body_id || p.state === 'retired') throw new Problem(422, 'procedure_other_body', {}, [{ field: 'body.procedureId', code: 'procedure_other_body' }], LIST_CITATION);
      }
      await trx.updateTable('appeal').set({ admin_procedure_id: procedureId }).where('id', '=', appealId).execute();
      await audit(trx, { actor: by.actor, action: 'knowledge.appeal_classified', subjectType: 'appeal', subjectId: appealId, details: { from: a.admin_procedure_id, to: procedureId } });
      return { appealId, procedureId };
    });
  }

  async appealFacts(appealId: string) {
    if (!UUID.test(appealId)) throw notFound();
    const a = await this.db.selectFrom('appeal').select(['id', 'body_id', 'subdivision_id', 'applicant_id', 'executor_id', 'co_executor_ids', 'admin_procedure_id', 'decided_at']).where('id', '=', appealId).executeTakeFirst();
    if (!a) throw notFound();
    return a;
  }

  /** The manual version in force on the appeal's decision date (today while undecided). */
  async appealManual(appealId: string) {
    const a = await this.appealFacts(appealId);
    const on = a.decided_at ? isoDate(toAlmatyDay(new Date(a.decided_at).toISOString())!) : this.today();
    return { appealId, procedureId: a.admin_procedure_id, on, manual: a.admin_procedure_id ? await this.manualInForce(a.admin_procedure_id, on) : null };
  }

  // ---- obligations: verification (p.11), update after a change (p.13), proposals (p.12) ----

  /**
   * p.11, A-08: every procedure with a published manual owes one verification per calendar quarter, from the quarter
   * of its first publication to today's; the missing rows are added (idempotent). Run daily and before each listing.
   */
  async syncVerifications(today = this.today()): Promise<number> {
    const first = await this.db.selectFrom('kb_manual_version as m').innerJoin('admin_procedure as p', 'p.id', 'm.procedure_id')
      .select(['m.procedure_id', 'm.body_id', (eb) => eb.fn.min('m.published_at').as('first')])
      .where('m.published_at', 'is not', null).where('p.state', '<>', 'retired').groupBy(['m.procedure_id', 'm.body_id']).execute();
    let added = 0;
    for (const f of first) {
      const from = almatyToday(new Date(f.first as unknown as string));
      const values = quartersBetween(from, today).map((q) => ({ body_id: f.body_id, procedure_id: f.procedure_id, kind: 'verification' as const, period: q.period, due: q.end, created_by: 'system' }));
      if (!values.length) continue;
      const r = await this.db.insertInto('kb_obligation').values(values).onConflict((oc) => oc.columns(['procedure_id', 'kind', 'period']).doNothing()).executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  private async verificationDone(trx: Tx, bodyId: string, procedureId: string, on: string, result: 'compliant' | 'needs_update', note: string | null, actor: string) {
    const q = quarterOf(on);
    await trx.insertInto('kb_obligation')
      .values({ body_id: bodyId, procedure_id: procedureId, kind: 'verification', period: q.period, due: q.end, state: 'done', result, note, done_on: on, done_by: actor, created_by: actor })
      .onConflict((oc) => oc.columns(['procedure_id', 'kind', 'period']).doUpdateSet({ state: 'done', result, note, done_on: on, done_by: actor, updated_at: this.now() }))
      .execute();
  }

  async obligations(filter: { bodyId: string; overdue?: boolean | undefined; procedureId?: string | undefined }) {
    const today = this.today();
    let q = this.db.selectFrom('kb_obligation as o').innerJoin('admin_procedure as p', 'p.id', 'o.procedure_id')
      .selectAll('o').select(['p.code as procedure_code', 'p.name as procedure_name'])
      .where('o.body_id', '=', filter.bodyId);
    if (filter.procedureId) q = q.where('o.procedure_id', '=', filter.procedureId);
    if (filter.overdue) q = q.where('o.state', '=', 'open').where('o.due', '<', today);
    return q.orderBy(sql`o.state = 'open'`, 'desc').orderBy('o.due', 'asc').orderBy('o.created_at', 'desc').execute();
  }

  async obligation(id: string) {
    if (!UUID.test(id)) throw notFound();
    const row = await this.db.selectFrom('kb_obligation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  /** p.11: a verification of the published manual; "needs update" starts the three-month update clock (R-09). */
  async recordVerification(input: { procedureId: string; verifiedOn?: string | undefined; result: 'compliant' | 'needs_update'; note?: string | undefined }, by: By) {
    const p = await this.procedure(input.procedureId);
    const on = input.verifiedOn ?? this.today();
    if (on > this.today()) throw new Problem(422, 'date_in_future', {}, [{ field: 'body.verifiedOn', code: 'date_in_future' }], VERIFICATION_CITATION);
    await this.db.transaction().execute(async (trx) => {
      await this.verificationDone(trx, p.body_id, p.id, on, input.result, input.note ?? null, by.actor);
      if (input.result === 'needs_update') await this.insertChange(trx, p, { changedAct: input.note ?? 'verification', inForceOn: on, basis: 'entry_into_force' }, by);
      await audit(trx, { actor: by.actor, action: 'knowledge.verified', subjectType: 'admin_procedure', subjectId: p.id, details: { on, result: input.result } });
    });
    return (await this.obligations({ bodyId: p.body_id, procedureId: p.id })).find((o) => o.kind === 'verification' && o.period === quarterOf(on).period)!;
  }

  private async insertChange(trx: Tx, p: ProcedureRow, input: { changedAct: string; adoptedOn?: string | undefined; publishedOn?: string | undefined; inForceOn?: string | undefined; basis: ChangeBasis }, by: By) {
    const changed = changeDate(input, input.basis);
    if (!changed) throw new Problem(400, 'validation', {}, [{ field: `body.${input.basis === 'entry_into_force' ? 'inForceOn' : input.basis === 'publication' ? 'publishedOn' : 'adoptedOn'}`, code: 'required' }]);
    return trx.insertInto('kb_obligation').values({
      body_id: p.body_id, procedure_id: p.id, kind: 'procedure_change', summary: input.changedAct, adopted_on: input.adoptedOn ?? null, published_on: input.publishedOn ?? null,
      in_force_on: input.inForceOn ?? null, change_basis: input.basis, change_date: changed, due: updateDue(changed), created_by: by.actor,
    }).returningAll().executeTakeFirstOrThrow();
  }

  /** p.13, A-09, AT-24: a change in the procedure; the manual is outdated until an updated version is approved, due in 3 months. */
  async recordChange(input: { procedureId: string; changedAct: string; adoptedOn?: string | undefined; publishedOn?: string | undefined; inForceOn?: string | undefined; basis: ChangeBasis }, by: By) {
    const p = await this.procedure(input.procedureId);
    if (p.state === 'retired') throw illegal(p.state, 'change', UPDATE_CITATION);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.insertChange(trx, p, input, by);
      await audit(trx, { actor: by.actor, action: 'knowledge.procedure_changed', subjectType: 'admin_procedure', subjectId: p.id, details: { changeDate: row.change_date, due: row.due } });
      return row;
    });
  }

  /** p.12: another subdivision's proposal of a change or addition to the manual; decided by the KB unit. */
  async propose(input: { procedureId: string; subdivisionId?: string | undefined; text: string }, by: By) {
    const p = await this.procedure(input.procedureId);
    if (input.subdivisionId) {
      const s = await this.db.selectFrom('subdivision').select('body_id').where('id', '=', input.subdivisionId).executeTakeFirst();
      if (!s) throw new Problem(400, 'validation', {}, [{ field: 'body.subdivisionId', code: 'not_found' }]);
      if (s.body_id !== p.body_id) throw new Problem(422, 'subdivision_other_body', {}, [{ field: 'body.subdivisionId', code: 'subdivision_other_body' }], PROPOSAL_CITATION);
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('kb_obligation').values({ body_id: p.body_id, procedure_id: p.id, kind: 'proposal', summary: input.text, subdivision_id: input.subdivisionId ?? null, created_by: by.actor }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.proposed', subjectType: 'kb_obligation', subjectId: row.id });
      return row;
    });
  }

  /** accept / reject a proposal; done: an obligation met otherwise (a change that needs no update of the manual). */
  async actOnObligation(id: string, action: { action: 'accept' | 'reject' | 'done'; note?: string | undefined }, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const o = await trx.selectFrom('kb_obligation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!o) throw notFound();
      const allowed = o.state === 'open' && (o.kind === 'proposal' ? action.action !== 'done' : action.action === 'done');
      if (!allowed) throw illegal(o.state, action.action, o.kind === 'proposal' ? PROPOSAL_CITATION : UPDATE_CITATION);
      const state = action.action === 'accept' ? 'accepted' : action.action === 'reject' ? 'rejected' : 'done';
      const row = await trx.updateTable('kb_obligation').set({ state, note: action.note ?? null, done_on: this.today(), done_by: by.actor, updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: `knowledge.obligation_${action.action}`, subjectType: 'kb_obligation', subjectId: id });
      return row;
    });
  }

  /** The Knowledge Base unit of a body: officials holding kb_editor today by position or grant; else its head. */
  async keepers(bodyId: string, today = this.today()): Promise<string[]> {
    const all = await roleHolders(this.db, ['kb_editor', 'body_head'], today, bodyId);
    const editors = [...new Set(all.filter((r) => r.role === 'kb_editor').map((r) => r.official_id))];
    return editors.length ? editors : [...new Set(all.filter((r) => r.role === 'body_head').map((r) => r.official_id))];
  }

  /**
   * The daily job: verification rows for the quarter, then reminders before an obligation falls due (T−30 and T−10
   * for an update, T−10 for a verification) and a notice the day after it is overdue, each sent once.
   */
  async remind(today = this.today()): Promise<number> {
    await this.syncVerifications(today);
    const open = await this.db.selectFrom('kb_obligation as o').innerJoin('admin_procedure as p', 'p.id', 'o.procedure_id')
      .select(['o.id', 'o.body_id', 'o.kind', 'o.period', 'o.due', 'p.code', 'p.name']).where('o.state', '=', 'open').where('o.due', 'is not', null).execute();
    // officials' notices go in Kazakh (officials have no language setting)
    const kk = translator('kk');
    let sent = 0;
    for (const o of open) {
      const left = dayNumber(o.due!) - dayNumber(today);
      const days: readonly number[] = o.kind === 'procedure_change' ? UPDATE_REMINDER_DAYS : VERIFICATION_REMINDER_DAYS;
      const type = left < 0 ? 'kb_obligation_overdue' : days.includes(left) ? 'kb_obligation_due_soon' : null;
      if (!type) continue;
      const keepers = await this.keepers(o.body_id, today);
      const name = o.name as Record<Language, string>;
      await this.db.transaction().execute(async (trx) => {
        for (const official of keepers) {
          const n = await enqueueNotice(trx, {
            id: nameUuid(`${type}:${o.id}:${type === 'kb_obligation_overdue' ? '' : left}:${official}`),
            type, subject: { type: 'kb_obligation', id: o.id }, recipient: { kind: 'official', id: official, online: true }, language: 'kk', createdBy: 'system',
            data: { procedure: `${o.code} ${name.kk}`, task: o.kind === 'verification' ? kk('knowledge.task.verification', { period: o.period }) : kk('knowledge.task.update'), dueDate: o.due! },
          });
          if (n.created) sent++;
        }
      });
    }
    return sent;
  }

  // ---- typical answers (REG p.5(8)) ----

  async createAnswer(input: { bodyId: string; procedureId?: string | undefined; question: Partial<Record<Language, string>>; answer: Partial<Record<Language, string>>; publish: boolean }, by: By) {
    await this.organisation.body(input.bodyId, 'body.bodyId');
    if (input.procedureId) {
      const p = await this.db.selectFrom('admin_procedure').select('body_id').where('id', '=', input.procedureId).executeTakeFirst();
      if (!p) throw new Problem(400, 'validation', {}, [{ field: 'body.procedureId', code: 'not_found' }]);
      if (p.body_id !== input.bodyId) throw new Problem(422, 'procedure_other_body', {}, [{ field: 'body.procedureId', code: 'procedure_other_body' }], LIST_CITATION);
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('kb_answer').values({
        body_id: input.bodyId, procedure_id: input.procedureId ?? null, question: JSON.stringify(input.question), answer: JSON.stringify(input.answer),
        state: input.publish ? 'published' : 'draft', published_at: input.publish ? this.now() : null, created_by: by.actor,
      }).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.answer_created', subjectType: 'kb_answer', subjectId: row.id, details: { published: input.publish } });
      return row;
    });
  }

  /** The typical answers of a body, newest first: drafts and published (for the Knowledge Base unit). */
  async answers(bodyId: string) {
    return this.db.selectFrom('kb_answer').selectAll().where('body_id', '=', bodyId).orderBy('created_at', 'desc').limit(500).execute();
  }

  async answer(id: string) {
    if (!UUID.test(id)) throw notFound();
    const row = await this.db.selectFrom('kb_answer').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  async publishAnswer(id: string, by: By) {
    return this.db.transaction().execute(async (trx) => {
      const a = await trx.selectFrom('kb_answer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!a) throw notFound();
      if (a.state !== 'draft') throw illegal(a.state, 'publish');
      const row = await trx.updateTable('kb_answer').set({ state: 'published', published_at: this.now(), updated_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor: by.actor, action: 'knowledge.answer_published', subjectType: 'kb_answer', subjectId: id });
      return row;
    });
  }

  // ---- search and the citizens' view ----

  /**
   * Full-text search of what is published, in one language: `russian` stems Russian, `simple` keeps Kazakh and
   * English words as written. A query that finds nothing has its words replaced by the nearest words of the texts
   * (pg_trgm similarity), so a typo still finds, and the corrected query is reported. Highlights by ts_headline.
   */
  async search(q: string, lang: Language, bodyId?: string) {
    let found = await this.runSearch(q, lang, bodyId);
    let correctedQuery: string | null = null;
    if (!found.length) {
      const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
      const fixed: string[] = [];
      for (const w of words) {
        const near = await sql<{ w: string }>`
          select w from (select distinct unnest(tsvector_to_array(to_tsvector('simple', title || ' ' || content))) as w from kb_search_document where lang = ${lang}) words
           where similarity(w, ${w}) >= 0.3 order by similarity(w, ${w}) desc, w limit 1`.execute(this.db);
        fixed.push(near.rows[0]?.w ?? w);
      }
      const candidate = fixed.join(' ');
      if (candidate && candidate !== words.join(' ')) {
        found = await this.runSearch(candidate, lang, bodyId);
        if (found.length) correctedQuery = candidate;
      }
    }
    return { q, lang, correctedQuery, items: found };
  }

  private async runSearch(q: string, lang: Language, bodyId?: string) {
    const cfg = sql.lit(TS_CONFIG[lang]);
    const res = await sql<{ kind: string; ref_id: string; body_id: string | null; title: string; title_hl: string; snippet: string; rank: number }>`
      with query as (select websearch_to_tsquery(${cfg}::regconfig, ${q}) as tq)
      select d.kind, d.ref_id, d.body_id, d.title,
             ts_headline(${cfg}::regconfig, d.title, query.tq, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') as title_hl,
             ts_headline(${cfg}::regconfig, d.content, query.tq, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=25, MinWords=8') as snippet,
             ts_rank(setweight(to_tsvector(${cfg}::regconfig, d.title), 'A') || to_tsvector(${cfg}::regconfig, d.content), query.tq)::float8 as rank
        from kb_search_document d, query
       where d.lang = ${lang} and (d.title <> '' or d.content <> '')
         ${bodyId ? sql`and (d.body_id = ${bodyId} or d.body_id is null)` : sql``}
         and (setweight(to_tsvector(${cfg}::regconfig, d.title), 'A') || to_tsvector(${cfg}::regconfig, d.content)) @@ query.tq
       order by rank desc, d.title
       limit 20`.execute(this.db);
    return res.rows.map((r) => ({ kind: r.kind, id: r.ref_id, bodyId: r.body_id, title: r.title, titleHighlighted: r.title_hl, snippet: r.snippet, rank: Number(r.rank) }));
  }

  /** The citizens' page of a procedure: its published manual in force today (or the latest published), all rows. */
  async publicManual(procedureId: string) {
    const p = await this.procedure(procedureId);
    if (p.state === 'retired') throw notFound();
    const today = this.today();
    const published = await this.db.selectFrom('kb_manual_version').selectAll().where('procedure_id', '=', procedureId).where('state', '=', 'published').orderBy('version', 'desc').execute();
    const m = published.find((v) => v.effective_from! <= today) ?? published[0];
    if (!m) throw notFound();
    const summary = (await this.summaries([p.id])).get(p.id)!;
    const fields = m.fields as ManualFields;
    return {
      procedure: { id: p.id, bodyId: p.body_id, code: p.code, name: p.name, scope: p.scope },
      title: MANUAL_TITLE,
      version: m.version!, effectiveFrom: m.effective_from!, effectiveTo: m.effective_to, publishedAt: m.published_at ? new Date(m.published_at).toISOString() : null,
      outdatedSince: summary.outdatedSince,
      rows: MANUAL_ROWS.map((r) => ({ key: r.key, row: r.row, label: r.label, text: Object.fromEntries(Object.entries(fields[r.key] ?? {}).filter(([, v]) => !!v)) as Record<string, string>, none: m.none_rows.includes(r.key) })),
    };
  }
}
