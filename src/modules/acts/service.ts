/**
 * Administrative acts (APC Chapter 11) as first-class documents: drafted from an approved standard form (Rules
 * No. 111 p.5(3), p.7) on a case, checked against APC 80, signed with an e-signature (the signature IS the
 * adoption: the case's step runs in the same transaction, so the APC 73 hearing guard also guards signing),
 * communicated (81), in force and in effect (83), executed under control (86), corrected as new versions (82)
 * and revoked on the grounds of 84–85. Every change is a hash-chained case event of the act ('act' chain).
 *
 * Reference data and the appeal's step context are read before a transaction opens (PGlite's pool has one
 * connection); inside, only `trx` is used.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import {
  ACT_KINDS,
  IDENTICAL_ACTS,
  JUSTIFICATION_EXEMPTIONS,
  LAWFUL_REVOCATION_GROUNDS,
  ORAL_FORM_GROUNDS,
  UNLAWFUL_FAVOURABLE_GROUNDS,
  identicalActsExemptionApplies,
  missingActContent,
  type ActKind,
} from '../../law/acts.ts';
import { missingComplaintDecisionContent } from '../../law/complaints.ts';
import { ACT, type ActState } from '../../law/lifecycles/act.ts';
import { COMPLAINT } from '../../law/lifecycles/complaint.ts';
import { transitionFor, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { groundByCode, TERMINATION_GROUNDS } from '../../law/requirements.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { canonicalJson, signatureBytes, type SignaturePort, type SignatureVerification } from '../../platform/signature.ts';
import { appendCaseEvent } from '../audit/case-events.ts';
import type { AppealsService, ActingAs, ApplicantInput, PreparedStep } from '../appeals/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { ComplaintAction, ComplaintsService, PreparedComplaintStep } from '../complaints/service.ts';
import { enqueueNotice } from '../notifications/service.ts';
import type { ContentInput } from './contract.ts';

type Tx = Transaction<Schema>;
export type ActRow = Awaited<ReturnType<ActsService['find']>>;
export const CASE_TYPE = 'act';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Signer {
  officialId: string;
  name: string;
  iin: string | null;
  position: Localized | null;
}

interface TemplateFile {
  manualVersion: string;
  templates: { code: string; kind: string; procedure: string; title: Localized; sections: Record<string, Localized> }[];
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
const initials = (full: string) => {
  const [surname, ...rest] = full.trim().split(/\s+/);
  return [surname, rest.map((r) => `${r[0]}.`).join('')].filter(Boolean).join(' ');
};

export class ActsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly appeals: AppealsService,
    readonly signatures: SignaturePort,
    readonly publicUrl: string,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The complaints module, for complaint decisions (APC 100–101) signed as acts; set once both exist (src/app.ts). */
  complaints: ComplaintsService | undefined;

  useComplaints(complaints: ComplaintsService) {
    this.complaints = complaints;
  }

  private complaintsPort(): ComplaintsService {
    if (!this.complaints) throw new Problem(500, 'internal', {}, [], 'APC 101');
    return this.complaints;
  }

  today(): string {
    return almatyToday(this.now());
  }

  verifyUrl(id: string): string {
    return `${this.publicUrl}/verify/${id}`;
  }

  // ---------- standard forms (Rules No. 111 p.5(3), p.7) ----------

  /**
   * Loads the demo standard forms (data/acts/templates.json) once, approved, shared by every body. Nodes starting
   * together race here: the unique (body, code, version) index decides, and the loser's insert does nothing.
   */
  async seedTemplates(file = new URL('../../../data/acts/templates.json', import.meta.url)): Promise<number> {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as TemplateFile;
    let added = 0;
    for (const t of data.templates) {
      const exists = await this.db.selectFrom('act_template').select('id').where('body_id', 'is', null).where('code', '=', t.code).executeTakeFirst();
      if (exists) continue;
      const inserted = await this.db.insertInto('act_template').values({
        body_id: null, code: t.code, version: 1, kind: t.kind, procedure: t.procedure, title: JSON.stringify(t.title), sections: JSON.stringify(t.sections),
        manual_version: data.manualVersion, state: 'approved', approved_at: this.now(), created_by: 'system',
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      added += Number(inserted.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  async templates(bodyIds: string[]) {
    let q = this.db.selectFrom('act_template').selectAll().where('state', '<>', 'retired');
    q = bodyIds.length ? q.where((eb) => eb.or([eb('body_id', 'is', null), eb('body_id', 'in', bodyIds)])) : q.where('body_id', 'is', null);
    return q.orderBy('code').orderBy('version').execute();
  }

  async template(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const t = await this.db.selectFrom('act_template').selectAll().where('id', '=', id).executeTakeFirst();
    if (!t) throw new Problem(404, 'not_found');
    return t;
  }

  /** A new version of a body's standard form, as a draft until the head approves it. */
  async createTemplate(input: { bodyId: string; code: string; kind: string; procedure: string; title: Localized; sections: Record<string, Localized>; formPrescribedByLaw: boolean; prescribedRef?: string | undefined; manualVersion?: string | undefined }, actor: string) {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('act_template').select((eb) => eb.fn.max('version').as('v')).where('body_id', '=', input.bodyId).where('code', '=', input.code).executeTakeFirst();
      return trx.insertInto('act_template').values({
        body_id: input.bodyId, code: input.code, version: Number(last?.v ?? 0) + 1, kind: input.kind, procedure: input.procedure, title: JSON.stringify(input.title), sections: JSON.stringify(input.sections),
        form_prescribed_by_law: input.formPrescribedByLaw, prescribed_ref: input.prescribedRef ?? null, manual_version: input.manualVersion ?? null, state: 'draft', created_by: actor,
      }).returningAll().executeTakeFirstOrThrow();
    });
  }

  /** Rules No. 111 p.5(3): the head approves; the previous approved version of the same form is retired. */
  async approveTemplate(id: string, officialId: string) {
    return this.db.transaction().execute(async (trx) => {
      const t = await trx.selectFrom('act_template').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (t.state !== 'draft') throw new Problem(409, 'template_not_draft', {}, [], 'Rules No. 111 p.5(3)');
      let retire = trx.updateTable('act_template').set({ state: 'retired' }).where('code', '=', t.code).where('state', '=', 'approved');
      retire = t.body_id ? retire.where('body_id', '=', t.body_id) : retire.where('body_id', 'is', null);
      await retire.execute();
      return trx.updateTable('act_template').set({ state: 'approved', approved_by: officialId, approved_at: this.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    });
  }

  // ---------- the act ----------

  async find(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('act').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async forAppeal(appealId: string) {
    return this.db.selectFrom('act').selectAll().where('appeal_id', '=', appealId).orderBy('created_at').execute();
  }

  /** The items of APC 80 (of APC 101 for a complaint decision) the act lacks as it would be signed now by `signer`. */
  async missing(row: ActRow, signer?: Signer) {
    const body = await this.organisation.body(row.body_id);
    const c = row.content as ContentInput;
    if (row.kind === 'complaint_decision') {
      return missingComplaintDecisionContent({
        decidedOn: row.adopted_on ?? this.today(), reviewBody: body.name[row.language], complainant: c.addressee ?? null, challenged: c.challenged ?? null, essence: c.essence ?? null,
        justification: c.justification ?? null, norms: c.legalBasis ?? null, decision: c.complaintDecision?.decision ?? null, courtExplanation: c.appealExplanation ?? null, signed: row.signed_at !== null,
      }, { beforeSigning: true });
    }
    return missingActContent({
      bodyName: body.name[row.language],
      official: signer?.name ?? (row.signer_name || 'x'),
      adoptedOn: row.adopted_on ?? this.today(),
      addressee: c.addressee ?? null,
      operative: c.operative ?? null,
      justification: c.justification ?? null,
      legalBasis: c.legalBasis ?? null,
      justificationExemption: c.justificationExemption ?? null,
      hearingExemption: c.hearingExemption ?? null,
      noHearingReasons: c.noHearingReasons ?? null,
      appealExplanation: c.appealExplanation ?? null,
      signed: row.signed_at !== null,
    }, { beforeSigning: true });
  }

  /** Drafts an act on a case from an approved standard form; the texts are filled from the case. */
  async draft(input: { appealId?: string | undefined; complaintId?: string | undefined; templateId: string; form: 'written_electronic' | 'written_paper'; content?: ContentInput | undefined }, by: ActingAs) {
    if (input.complaintId) return this.draftDecision({ ...input, complaintId: input.complaintId }, by);
    if (!input.appealId) throw new Problem(422, 'validation', {}, [{ field: 'body.appealId', code: 'required' }]);
    const appeal = await this.appeals.find(input.appealId);
    const template = await this.template(input.templateId);
    if (template.state !== 'approved') throw new Problem(409, 'template_not_approved', {}, [{ field: 'body.templateId', code: 'template_not_approved' }], 'Rules No. 111 p.5(3)');
    if (template.body_id && template.body_id !== appeal.body_id) throw new Problem(422, 'template_other_body', {}, [{ field: 'body.templateId', code: 'template_other_body' }]);
    const kind = template.kind as ActKind;
    if (kind === 'simplified_answer' ? appeal.procedure !== 'simplified' : kind === 'complaint_decision' || appeal.procedure !== 'appeal') {
      throw new Problem(422, 'template_wrong_procedure', { procedure: appeal.procedure }, [{ field: 'body.templateId', code: 'template_wrong_procedure' }]);
    }
    const body = await this.organisation.body(appeal.body_id);
    const complaintBody = body.complaint_body_id ? await this.organisation.body(body.complaint_body_id) : undefined;
    const lang = appeal.language;
    const applicant = appeal.applicant as ApplicantInput;
    const values = {
      applicant: applicant.name ?? '—', appealNumber: appeal.number, receivedOn: appeal.received_on.split('-').reverse().join('.'), summary: appeal.summary, essence: appeal.essence,
      bodyName: body.name[lang], complainTo: complaintBody ? complaintBody.name[lang] : translator(lang)('appeal.court'),
    };
    const sections = template.sections as Record<string, Localized>;
    const text = (k: string) => fill(sections[k]?.[lang] ?? '', values);
    const meta = ACT_KINDS[kind];
    const content: ContentInput = {
      addressee: { kind: applicant.kind, name: applicant.name ?? '' },
      operative: text('operative'), justification: text('justification'), legalBasis: text('legalBasis'), appealExplanation: text('appealExplanation'),
      ...(appeal.hearing_exemption ? { hearingExemption: appeal.hearing_exemption } : {}),
      subjectKey: appeal.topic_id ?? appeal.type,
      ...input.content,
    };
    return this.db.transaction().execute(async (trx) => {
      const year = Number(this.today().slice(0, 4));
      const counter = await sql<{ last: number }>`
        insert into act_counter (body_id, year, last) values (${body.id}, ${year}, 1)
        on conflict (body_id, year) do update set last = act_counter.last + 1 returning last`.execute(trx);
      const number = `${body.code}-A-${year}-${String(counter.rows[0]!.last).padStart(5, '0')}`;
      const row = await trx.insertInto('act').values({
        number, body_id: body.id, appeal_id: appeal.id, template_id: template.id, template_code: template.code, template_version: template.version, manual_version: template.manual_version,
        kind, outcome: content.outcome ?? meta.outcome, favourable: meta.favourable, form: input.form, language: lang, subject_key: content.subjectKey ?? null, state: 'draft',
        content: JSON.stringify(content), drafted_by: by.officialId ?? null,
      }).returning(['id', 'event_count', 'last_event_hash']).executeTakeFirstOrThrow();
      await this.event(trx, row.id, { count: 0, hash: '' }, by.actor, 'drafted', 'APC 80; Rules No. 111 p.7', 'draft', { number, appealId: appeal.id, template: { code: template.code, version: template.version }, manualVersion: template.manual_version });
      return row.id;
    });
  }

  /**
   * A complaint decision (APC 100–101) drafted on the complaint case at the review body, from the approved standard form
   * of kind `complaint_decision`; the texts are filled from the complaint (101(1)(3)–(5)). Signing it takes the decision.
   */
  private async draftDecision(input: { complaintId: string; templateId: string; form: 'written_electronic' | 'written_paper'; content?: ContentInput | undefined }, by: ActingAs) {
    const complaint = await this.complaintsPort().find(input.complaintId);
    const template = await this.template(input.templateId);
    if (template.state !== 'approved') throw new Problem(409, 'template_not_approved', {}, [{ field: 'body.templateId', code: 'template_not_approved' }], 'Rules No. 111 p.5(3)');
    if (template.kind !== 'complaint_decision') throw new Problem(422, 'template_wrong_procedure', { procedure: 'complaint' }, [{ field: 'body.templateId', code: 'template_wrong_procedure' }]);
    if (!complaint.review_body_id) throw new Problem(409, 'no_review_body', {}, [], 'APC 91(6)');
    if (COMPLAINT.closed.includes(complaint.state as (typeof COMPLAINT.closed)[number])) throw new Problem(409, 'complaint_closed', { state: complaint.state }, [], 'APC 100(1)');
    if (template.body_id && template.body_id !== complaint.review_body_id) throw new Problem(422, 'template_other_body', {}, [{ field: 'body.templateId', code: 'template_other_body' }]);
    const body = await this.organisation.body(complaint.review_body_id);
    const lang = complaint.language;
    const who = complaint.complainant as { kind: 'individual' | 'legal_entity'; name?: string; iin?: string; bin?: string };
    const values = {
      applicant: who.name ?? '—', appealNumber: complaint.number, receivedOn: complaint.received_on.split('-').reverse().join('.'), summary: complaint.challenged_summary, essence: complaint.circumstances,
      bodyName: body.name[lang], complainTo: translator(lang)('appeal.court'),
    };
    const sections = template.sections as Record<string, Localized>;
    const text = (k: string) => fill(sections[k]?.[lang] ?? '', values);
    const content: ContentInput = {
      addressee: { kind: who.kind, name: who.name ?? '', ...(who.iin ? { iin: who.iin } : {}), ...(who.bin ? { bin: who.bin } : {}) },
      operative: text('operative'), justification: text('justification'), legalBasis: text('legalBasis'), appealExplanation: text('appealExplanation'),
      challenged: complaint.challenged_summary, essence: complaint.circumstances, subjectKey: `complaint:${complaint.challenged_kind}`,
      ...input.content,
    };
    const meta = ACT_KINDS.complaint_decision;
    return this.db.transaction().execute(async (trx) => {
      const number = await this.nextNumber(trx, body.id, body.code);
      const row = await trx.insertInto('act').values({
        number, body_id: body.id, appeal_id: null, complaint_id: complaint.id, template_id: template.id, template_code: template.code, template_version: template.version, manual_version: template.manual_version,
        kind: 'complaint_decision', outcome: meta.outcome, favourable: meta.favourable, form: input.form, language: lang, subject_key: content.subjectKey ?? null, state: 'draft',
        content: JSON.stringify(content), drafted_by: by.officialId ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      await this.event(trx, row.id, { count: 0, hash: '' }, by.actor, 'drafted', 'APC 101; Rules No. 111 p.7', 'draft', { number, complaintId: complaint.id, template: { code: template.code, version: template.version }, manualVersion: template.manual_version });
      return row.id;
    });
  }

  private async nextNumber(trx: Tx, bodyId: string, code: string) {
    const year = Number(this.today().slice(0, 4));
    const counter = await sql<{ last: number }>`
      insert into act_counter (body_id, year, last) values (${bodyId}, ${year}, 1)
      on conflict (body_id, year) do update set last = act_counter.last + 1 returning last`.execute(trx);
    return `${code}-A-${year}-${String(counter.rows[0]!.last).padStart(5, '0')}`;
  }

  async forComplaint(complaintId: string) {
    return this.db.selectFrom('act').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at').execute();
  }

  /** APC 78(3): an oral (or other) act, outside an appeal-initiated procedure only (78(2)); spoken = communicated (81(3)). */
  async recordOral(input: { bodyId: string; language: Language; form: 'oral' | 'other'; oralGround: string; adoptedOn: string; favourable: boolean; addressee: { kind: 'individual' | 'legal_entity'; name: string; legalForm?: string | undefined }; operative: string }, by: ActingAs) {
    const body = await this.organisation.body(input.bodyId, 'body.bodyId');
    const ground = ORAL_FORM_GROUNDS.find((g) => g.code === input.oralGround)!;
    if (input.adoptedOn > this.today()) throw new Problem(422, 'date_in_future', {}, [{ field: 'body.adoptedOn', code: 'date_in_future' }], 'APC 78(3)');
    return this.db.transaction().execute(async (trx) => {
      const year = Number(input.adoptedOn.slice(0, 4));
      const counter = await sql<{ last: number }>`
        insert into act_counter (body_id, year, last) values (${body.id}, ${year}, 1)
        on conflict (body_id, year) do update set last = act_counter.last + 1 returning last`.execute(trx);
      const number = `${body.code}-A-${year}-${String(counter.rows[0]!.last).padStart(5, '0')}`;
      const executionDue = (await this.calendar.compute('APC-86.3', input.adoptedOn, undefined, trx)).due;
      const row = await trx.insertInto('act').values({
        number, body_id: body.id, appeal_id: null, kind: input.favourable ? 'satisfaction' : 'refusal', outcome: input.favourable ? 'satisfied' : 'refused', favourable: input.favourable,
        form: input.form, language: input.language, state: 'effective', content: JSON.stringify({ addressee: input.addressee, operative: input.operative, oralGround: ground.code }),
        drafted_by: by.officialId ?? null, signed_by: by.officialId ?? null, adopted_on: input.adoptedOn, in_force_on: input.adoptedOn, communicated_on: input.adoptedOn, communicated_by: by.actor, execution_due: executionDue,
      }).returning('id').executeTakeFirstOrThrow();
      await this.calendar.store(trx, { type: CASE_TYPE, id: row.id }, 'APC-86.3', input.adoptedOn);
      await this.event(trx, row.id, { count: 0, hash: '' }, by.actor, 'oral_act', `${ground.citation}, APC 81(3), 83`, 'effective', { number, form: input.form, ground: ground.code, adoptedOn: input.adoptedOn, executionDue });
      return row.id;
    });
  }

  /** Edits a draft; the Art. 80 check runs on the answer, so the drafter sees what is still missing. */
  async edit(id: string, version: number, content: ContentInput, by: ActingAs) {
    return this.step(id, version, 'edit', by, async (row) => {
      const merged = { ...(row.content as ContentInput), ...content };
      return { patch: { content: JSON.stringify(merged), ...(content.subjectKey !== undefined ? { subject_key: content.subjectKey } : {}), ...(content.outcome ? { outcome: content.outcome } : {}) }, details: { fields: Object.keys(content) } };
    });
  }

  // ---------- signing ----------

  /** What the official signs: the canonical JSON of the act as adopted today by them (docs/acts.md). */
  async signingContent(id: string, signer: Signer) {
    const row = await this.find(id);
    const pending = row.pending as { kind: string; content: ContentInput } | null;
    if (row.state !== 'draft' && !pending) throw new Problem(409, 'nothing_to_sign', {}, [], 'APC 80(1)(5)');
    const body = await this.organisation.body(row.body_id);
    const appeal = row.appeal_id ? await this.appeals.find(row.appeal_id) : undefined;
    const adoptedOn = row.adopted_on ?? this.today();
    const contentVersion = row.state === 'draft' ? 1 : row.content_version + 1;
    const content = pending ? { ...(row.content as ContentInput), ...pending.content } : (row.content as ContentInput);
    const doc = {
      format: 'tynda-act/1', id: row.id, number: row.number, contentVersion, kind: row.kind, outcome: row.outcome, favourable: row.favourable,
      form: pending?.kind === 'written_form' ? 'written_electronic' : row.form, language: row.language,
      body: { id: body.id, code: body.code, name: body.name[row.language], bin: body.bin },
      official: { id: signer.officialId, name: signer.name, position: signer.position?.[row.language] ?? null },
      adoptedOn, ...(pending ? { signedOn: this.today(), reason: pending.kind } : {}),
      appeal: appeal ? { id: appeal.id, number: appeal.number } : null,
      ...(row.complaint_id ? { complaint: { id: row.complaint_id } } : {}),
      template: row.template_code ? { code: row.template_code, version: row.template_version } : null, manualVersion: row.manual_version,
      content,
    };
    const canonical = canonicalJson(doc);
    return { row, canonical, sha256: createHash('sha256').update(canonical, 'utf8').digest('hex'), adoptedOn, content, contentVersion, pending, appeal };
  }

  /**
   * Signs the act: checks APC 80, verifies the CMS signature over the canonical content, and in ONE transaction
   * adopts the act on the case (the appeal's step with all its guards: APC 73 hearing, 77(1), 70 grounds) and
   * records the act in force (83(1)) with its signed version. The same call signs a correction (82(4)) and the
   * written form of an oral act (78(4)).
   */
  async sign(id: string, version: number, signatureB64: string, signer: Signer, by: ActingAs) {
    const s = await this.signingContent(id, signer);
    const { row } = s;
    if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
    if (!s.pending) {
      const missing = await this.missing(row, signer);
      if (missing.length) {
        const lang = row.language;
        throw new Problem(422, 'act_content_missing', { items: missing.map((m) => `${m.citation} (${m.text[lang]})`).join('; ') }, missing.map((m) => ({ field: `content.${m.code}`, code: 'act_content_missing', params: { citation: m.citation } })), missing[0]!.citation);
      }
      await this.justificationGuard(row, s.content);
    }
    const verification = await this.signatures.verify(Buffer.from(s.canonical, 'utf8'), signatureBytes(signatureB64), this.now());
    if (!verification.valid) throw new Problem(422, 'signature_invalid', { reason: verification.reason }, [{ field: 'body.signature', code: `signature_${verification.reason}` }], 'APC 45(7)');
    if (verification.signer?.iin && signer.iin && verification.signer.iin !== signer.iin) throw new Problem(403, 'signer_not_official', {}, [{ field: 'body.signature', code: 'signer_not_official' }], 'APC 80(1)(1)');
    if (!verification.signer?.iin || !signer.iin) throw new Problem(403, 'signer_not_official', {}, [{ field: 'body.signature', code: 'signer_not_official' }], 'APC 80(1)(1)');

    // the case's step, prepared before the transaction
    const c = s.content;
    let appealStep: { prepared: PreparedStep; input: Parameters<AppealsService['actIn']>[3] } | undefined;
    const lang = row.language;
    const noticeText = `${translator(lang)('act.notice_decision', { number: row.number, url: this.verifyUrl(row.id) })}\n${c.operative ?? ''}`;
    if (!s.pending && s.appeal) {
      const input: Parameters<AppealsService['actIn']>[3] =
        row.kind === 'termination'
          ? { action: 'terminate', ground: c.terminationGround ?? 'other_law', reasons: [c.operative, c.justification].filter(Boolean).join('\n') }
          : row.kind === 'simplified_answer'
            ? { action: 'answer', text: [c.operative, c.justification].filter(Boolean).join('\n') }
            : {
                action: 'adopt_act', outcome: (c.outcome ?? row.outcome) as 'satisfied' | 'partly_satisfied' | 'refused', favourable: row.favourable,
                reasons: [c.operative, c.justification].filter(Boolean).join('\n'), ...(c.hearingExemption ? { hearingExemption: c.hearingExemption } : {}), ...(c.noHearingReasons ? { exemptionReasons: c.noHearingReasons } : {}),
              };
      if (row.kind === 'termination' && !groundByCode(TERMINATION_GROUNDS, c.terminationGround ?? '')) throw new Problem(422, 'invalid_ground', { ground: c.terminationGround ?? '-' }, [{ field: 'content.terminationGround', code: 'required' }], 'APC 70(1)');
      appealStep = { prepared: await this.appeals.prepare(s.appeal.id, input), input };
    }
    // a complaint decision (APC 100–101): signing it is the decision on the complaint, in the same transaction
    let complaintStep: { prepared: PreparedComplaintStep; input: ComplaintAction } | undefined;
    if (!s.pending && row.complaint_id) {
      const d = c.complaintDecision!;
      const input: ComplaintAction = {
        action: 'decide', decision: d.decision, reasons: c.justification ?? '', norms: c.legalBasis ?? '',
        ...(d.grounds ? { grounds: d.grounds } : {}), ...(d.withinCompetence !== undefined ? { withinCompetence: d.withinCompetence } : {}), ...(d.comparison ? { comparison: d.comparison } : {}),
        ...(d.newAct ? { newAct: d.newAct } : {}), ...(d.violations ? { violations: d.violations } : {}), ...(d.proposals ? { proposals: d.proposals } : {}), ...(d.ground ? { ground: d.ground } : {}), ...(d.other ? { other: d.other } : {}),
      };
      complaintStep = { prepared: await this.complaintsPort().prepare(row.complaint_id), input };
    }
    const today = this.today();
    return this.db.transaction().execute(async (trx) => {
      const locked = await this.lock(trx, id);
      if (locked.version !== version) throw new Problem(409, 'version_conflict', { current: locked.version });
      if (appealStep) {
        const a = await trx.selectFrom('appeal').select('version').where('id', '=', s.appeal!.id).executeTakeFirstOrThrow();
        await this.appeals.actIn(trx, appealStep.prepared, a.version, appealStep.input, by, { actId: row.id, actNumber: row.number, noticeText });
      }
      if (complaintStep) await this.complaintsPort().actIn(trx, complaintStep.prepared, 'current', complaintStep.input, by, { id: row.id, number: row.number, verifyUrl: this.verifyUrl(row.id) });
      const signedAt = this.now();
      await trx.insertInto('act_version').values({
        act_id: row.id, version: s.contentVersion, reason: s.pending ? (s.pending.kind as 'correction' | 'written_form') : 'adopted', content: JSON.stringify(s.content), canonical: s.canonical, sha256: s.sha256,
        signature: Buffer.from(signatureBytes(signatureB64)).toString('base64'), verification: JSON.stringify(verification), signed_by: signer.officialId, signed_at: signedAt,
        details: JSON.stringify(s.pending ?? {}),
      }).execute();
      const head = { count: locked.event_count, hash: locked.last_event_hash };
      const sig = { sha256: s.sha256, signer: verification.signer?.commonName, certificateSerial: verification.signer?.serialNumber, revocation: verification.revocation };
      if (s.pending) return this.finishPending(trx, locked, s.pending as { kind: string; content: ContentInput; description?: string; motionReceivedOn?: string }, s.contentVersion, s.content, sig, head, by, signer, signedAt);
      // APC 83(1): in force on adoption, or on the later date the act states
      const later = c.inForceOn && c.inForceOn > today ? c.inForceOn : null;
      const state: ActState = later ? 'adopted_pending_force' : 'in_force';
      const t = transitionFor(ACT, 'draft', 'sign')!;
      this.actorGuard(t.actors, by, t.citation);
      const h = await this.event(trx, row.id, head, by.actor, 'sign', t.citation, state, { adoptedOn: today, inForceOn: later ?? today, contentVersion: 1, ...sig });
      return trx.updateTable('act').set({
        state, adopted_on: today, in_force_on: later ?? today, signed_by: signer.officialId, signer_name: signer.name, signer_position: signer.position?.[lang] ?? null, signed_at: signedAt,
        version: locked.version + 1, event_count: h.count, last_event_hash: h.hash, updated_at: signedAt,
      }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    });
  }

  private async finishPending(trx: Tx, row: ActRow, pending: { kind: string; content: ContentInput; description?: string; motionReceivedOn?: string }, contentVersion: number, content: ContentInput, sig: Record<string, unknown>, head: { count: number; hash: string }, by: ActingAs, signer: Signer, at: Date) {
    const today = this.today();
    const subject = { type: CASE_TYPE, id: row.id };
    let details: Record<string, unknown>;
    let citation: string;
    if (pending.kind === 'correction') {
      // APC 82(4)-(5): confirmed by the official's signature; the copy goes out within 3 working days
      const sendBy = (await this.calendar.compute('APC-82.5', today, undefined, trx)).due;
      await this.calendar.store(trx, subject, 'APC-82.5', today);
      const decideBy = pending.motionReceivedOn ? (await this.calendar.compute('APC-82.3', pending.motionReceivedOn, undefined, trx)).due : undefined;
      details = { contentVersion, description: pending.description, sendBy, ...(decideBy ? { motionReceivedOn: pending.motionReceivedOn, decideBy, late: today > decideBy } : {}), ...sig };
      citation = 'APC 82(4), 82(5)';
      if (row.appeal_id) {
        const appeal = await trx.selectFrom('appeal').select(['id', 'number', 'applicant', 'applicant_id', 'anonymous', 'body_id']).where('id', '=', row.appeal_id).executeTakeFirstOrThrow();
        const body = await trx.selectFrom('body').select('name').where('id', '=', appeal.body_id).executeTakeFirstOrThrow();
        if (!appeal.anonymous) {
          const a = appeal.applicant as ApplicantInput;
          await enqueueNotice(trx, {
            type: 'act_corrected', subject: { type: 'appeal', id: appeal.id }, language: row.language, createdBy: by.actor,
            recipient: { kind: 'participant', id: appeal.applicant_id ?? `appeal:${appeal.id}`, online: appeal.applicant_id !== null, contacts: { ...(a.email ? { email: a.email } : {}), ...(a.postalAddress ? { postalAddress: a.postalAddress } : {}) } },
            data: { registrationNumber: appeal.number, bodyName: (body.name as Localized)[row.language], correctedOn: today },
          });
        }
      }
    } else {
      citation = 'APC 78(4)';
      details = { contentVersion, writtenFormDue: row.written_form_due, late: row.written_form_due ? today > row.written_form_due : false, ...sig };
    }
    const h = await this.event(trx, row.id, head, by.actor, pending.kind === 'correction' ? 'correct' : 'written_form', citation, row.state, details);
    return trx.updateTable('act').set({
      content: JSON.stringify(content), content_version: contentVersion, pending: null, ...(pending.kind === 'written_form' ? { form: 'written_electronic' as const, signer_name: signer.name, signed_at: at, signed_by: signer.officialId } : {}),
      version: row.version + 1, event_count: h.count, last_event_hash: h.hash, updated_at: at,
    }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  }

  /** APC 80(2): the justification may be left out only when an exemption truly applies. */
  private async justificationGuard(row: ActRow, c: ContentInput) {
    const code = c.justificationExemption;
    if (!code) return;
    const ex = JUSTIFICATION_EXEMPTIONS.find((e) => e.code === code)!;
    if (code === 'favourable_no_third_party' && !row.favourable) throw new Problem(422, 'justification_exemption_not_applicable', {}, [{ field: 'content.justificationExemption', code: 'justification_exemption_not_applicable' }], ex.citation);
    if (code === 'identical_acts') {
      const from = isoDate(dayNumber(this.today()) - (IDENTICAL_ACTS.calendarDays - 1));
      const earlier = await this.db.selectFrom('act').select('adopted_on').where('body_id', '=', row.body_id).where('template_code', '=', row.template_code).where('subject_key', '=', row.subject_key ?? '')
        .where('adopted_on', '>=', from).where('id', '<>', row.id).execute();
      if (!identicalActsExemptionApplies(earlier.map((e) => e.adopted_on!), this.today())) {
        throw new Problem(422, 'identical_acts_not_reached', { count: earlier.length }, [{ field: 'content.justificationExemption', code: 'identical_acts_not_reached' }], IDENTICAL_ACTS.citation);
      }
    }
  }

  // ---------- after adoption ----------

  /** APC 81, 83(2): communicated = in effect; the 5 working days of execution (86(3)) run from it (A12). */
  async communicate(id: string, version: number, communicatedOn: string, method: string, by: ActingAs) {
    const row = await this.find(id);
    let prepared: PreparedStep | undefined;
    const forCase = row.appeal_id && (row.kind === 'satisfaction' || row.kind === 'refusal');
    if (forCase) prepared = await this.appeals.prepare(row.appeal_id!, { action: 'communicate_act', communicatedOn });
    return this.step(id, version, 'communicate', by, async (r, trx) => {
      if (communicatedOn > this.today()) throw new Problem(422, 'date_in_future', {}, [{ field: 'body.communicatedOn', code: 'date_in_future' }], 'APC 81');
      if (r.adopted_on && communicatedOn < r.adopted_on) throw new Problem(422, 'before_adoption', {}, [{ field: 'body.communicatedOn', code: 'before_adoption' }], 'APC 81');
      const c = r.content as ContentInput;
      const executionDue = c.executionDue ?? (await this.calendar.compute('APC-86.3', communicatedOn, undefined, trx)).due;
      if (!c.executionDue) await this.calendar.store(trx, { type: CASE_TYPE, id: r.id }, 'APC-86.3', communicatedOn);
      if (prepared) {
        const a = await trx.selectFrom('appeal').select(['version', 'state']).where('id', '=', r.appeal_id!).executeTakeFirstOrThrow();
        if (a.state === 'decided') await this.appeals.actIn(trx, prepared, a.version, { action: 'communicate_act', communicatedOn }, by);
      }
      return { patch: { communicated_on: communicatedOn, communicated_by: by.actor, execution_due: executionDue }, details: { communicatedOn, method, executionDue, executionTermSetByAct: !!c.executionDue } };
    });
  }

  /** APC 86: executed; late if past the execution due date. The case closes with it (83(3)), unless its answer awaits review under control. */
  async execute(id: string, version: number, executedOn: string, note: string | undefined, by: ActingAs) {
    const row = await this.find(id);
    const prepared = row.appeal_id ? await this.appeals.prepare(row.appeal_id, { action: 'close' }) : undefined;
    return this.step(id, version, 'execute', by, async (r, trx) => {
      if (executedOn > this.today()) throw new Problem(422, 'date_in_future', {}, [{ field: 'body.executedOn', code: 'date_in_future' }], 'APC 86');
      if (prepared) {
        const a = await trx.selectFrom('appeal').select(['version', 'state', 'control_status']).where('id', '=', r.appeal_id!).executeTakeFirstOrThrow();
        // an answer under control stays open until the reviewer accepts it (REG p.5(4)-(5)); the execution is still recorded
        const awaitingReview = a.control_status === 'under_control' || a.control_status === 'returned';
        if (a.state === 'decided' && !awaitingReview) await this.appeals.actIn(trx, prepared, a.version, { action: 'close' }, by);
      }
      return { patch: { executed_on: executedOn }, details: { executedOn, due: r.execution_due, late: r.execution_due ? executedOn > r.execution_due : false, note } };
    });
  }

  /** APC 82: a correction of clerical or arithmetic errors waits for the official's signature (82(4)). */
  async correct(id: string, version: number, input: { content: ContentInput; description: string; motionReceivedOn?: string | undefined }, by: ActingAs) {
    return this.step(id, version, 'correct', by, async (r) => {
      if (r.pending) throw new Problem(409, 'signature_pending', {}, [], 'APC 82(4)');
      if (r.form !== 'written_electronic' && r.form !== 'written_paper') throw new Problem(409, 'not_written', {}, [], 'APC 82');
      return { patch: { pending: JSON.stringify({ kind: 'correction', content: input.content, description: input.description, motionReceivedOn: input.motionReceivedOn }) }, details: { proposed: Object.keys(input.content), description: input.description }, keepState: true, action: 'correction_proposed' };
    });
  }

  /** APC 78(4): on a motion, an oral act is put in writing within 1 working day. */
  async requestWrittenForm(id: string, version: number, motionOn: string, content: ContentInput | undefined, by: ActingAs) {
    return this.step(id, version, 'request_written_form', by, async (r, trx) => {
      if (r.form !== 'oral' && r.form !== 'other') throw new Problem(409, 'already_written', {}, [], 'APC 78(4)');
      const due = (await this.calendar.compute('APC-78.4', motionOn, undefined, trx)).due;
      await this.calendar.store(trx, { type: CASE_TYPE, id: r.id }, 'APC-78.4', motionOn);
      const body = await trx.selectFrom('body').select('name').where('id', '=', r.body_id).executeTakeFirstOrThrow();
      const merged: ContentInput = { ...(r.content as ContentInput), appealExplanation: translator(r.language)('act.appeal_explanation_default'), ...content };
      void body;
      return { patch: { written_form_due: due, pending: JSON.stringify({ kind: 'written_form', content: merged }) }, details: { motionOn, due } };
    });
  }

  /** APC 84–85: revocation on the closed lists of grounds; a favourable act is protected by the trust principle. */
  async revoke(id: string, version: number, input: { basis: 'unlawful' | 'lawful'; scope: 'full' | 'partial'; ground?: string | undefined; invalidFrom?: 'adoption' | 'finding' | undefined; reasons: string }, by: ActingAs) {
    return this.step(id, version, input.basis === 'unlawful' ? 'revoke_unlawful' : 'revoke_lawful', by, async (r) => {
      let citation: string;
      if (input.basis === 'unlawful') {
        if (r.favourable) {
          const g = UNLAWFUL_FAVOURABLE_GROUNDS.find((x) => x.code === input.ground);
          if (!g) throw new Problem(422, 'revocation_ground_required', {}, [{ field: 'body.ground', code: 'revocation_ground_required' }], 'APC 84(6), 84(7)');
          citation = `${g.citation}, APC 84(7)`;
        } else citation = 'APC 84(4)';
        if (!input.invalidFrom) throw new Problem(422, 'legal_consequences_required', {}, [{ field: 'body.invalidFrom', code: 'required' }], 'APC 84(3)');
      } else {
        const g = LAWFUL_REVOCATION_GROUNDS.find((x) => x.code === input.ground);
        if (!g || g.favourable !== r.favourable) throw new Problem(422, 'revocation_ground_required', {}, [{ field: 'body.ground', code: 'revocation_ground_required' }], r.favourable ? 'APC 85(4)' : 'APC 85(3)');
        citation = g.citation;
      }
      const revocation = { basis: input.basis, scope: input.scope, ground: input.ground ?? null, invalidFrom: input.invalidFrom ?? null, reasons: input.reasons, decidedOn: this.today(), ...(input.basis === 'unlawful' && r.favourable ? { damagesMayArise: true } : {}) };
      return {
        patch: { revocation: JSON.stringify(revocation), ...(input.scope === 'full' ? { ceased_on: this.today(), cease_cause: 'revoked' } : {}) },
        details: revocation, citation, state: input.scope === 'partial' ? ('partially_revoked' as ActState) : undefined,
      };
    });
  }

  /** APC 83(3): the act ends on an event it provides for or on expiry. */
  async cease(id: string, version: number, ceasedOn: string, cause: 'event' | 'expiry', by: ActingAs) {
    return this.step(id, version, 'cease', by, async () => ({ patch: { ceased_on: ceasedOn, cease_cause: cause }, details: { ceasedOn, cause } }));
  }

  /** APC 83(1): acts whose stated date of entry into force has come (daily). */
  async enterIntoForce(today = this.today()) {
    const due = await this.db.selectFrom('act').select(['id', 'version']).where('state', '=', 'adopted_pending_force').where('in_force_on', '<=', today).execute();
    for (const a of due) {
      await this.step(a.id, a.version, 'enter_into_force', { actor: 'system', actors: ['system'] }, async (r) => ({ patch: {}, details: { inForceOn: r.in_force_on }, state: r.communicated_on ? ('effective' as ActState) : undefined }));
    }
    return due.length;
  }

  /** Execution control (APC 86(3)): acts in effect not yet executed, due within `horizon` or overdue. */
  async executionList(bodyIds: string[] | 'all', view: 'execution_due' | 'overdue' | 'all', appealId?: string) {
    const today = this.today();
    const { calendar } = await this.calendar.current();
    const soon = isoDate(calendar.addWorkingDays(dayNumber(today), 3));
    let q = this.db.selectFrom('act').selectAll();
    if (bodyIds !== 'all') q = bodyIds.length ? q.where('body_id', 'in', bodyIds) : q.where(sql<boolean>`false`);
    if (appealId) q = q.where('appeal_id', '=', appealId);
    if (view !== 'all') q = q.where('executed_on', 'is', null).where('state', 'in', ['effective']).where('execution_due', view === 'overdue' ? '<' : '<=', view === 'overdue' ? today : soon);
    return q.orderBy('execution_due').orderBy('created_at').limit(500).execute();
  }

  // ---------- the acts module as the complaints module sees it (APC 96, 100(1), 155(3)) ----------

  effects() {
    const system: ActingAs = { actor: 'system', actors: ['system', 'reviewer'] };
    // a complaint may name an act Tynda does not hold (adopted before it, on paper): nothing to change then
    const find = (trx: Tx, actId: string) => (UUID.test(actId) ? trx.selectFrom('act').selectAll().where('id', '=', actId).forUpdate().executeTakeFirst() : Promise.resolve(undefined));
    return {
      suspendExecution: async (trx: Tx, actId: string, by: { actor: string; complaintId: string }) => {
        const r = await find(trx, actId);
        if (!r || (r.state !== 'effective' && r.state !== 'in_force')) return;
        await this.apply(trx, r, 'suspend_execution', { ...system, actor: by.actor }, { patch: {}, details: { complaintId: by.complaintId } });
      },
      resumeExecution: async (trx: Tx, actId: string, by: { actor: string; complaintId: string; reason: string }) => {
        const r = await find(trx, actId);
        if (!r || r.state !== 'execution_suspended') return;
        await this.apply(trx, r, 'resume_execution', { ...system, actor: by.actor }, { patch: {}, details: { complaintId: by.complaintId, reason: by.reason } });
      },
      /** `on`: the day the cancelling decision took effect (a court decision's entry into force, 155(3)); default today */
      cancel: async (trx: Tx, actId: string, by: { actor: string; ground: string; citation: string; caseType: string; caseId: string; on?: string | undefined }) => {
        const r = await find(trx, actId);
        if (!r || !transitionFor(ACT, r.state as ActState, 'cancel')) return;
        const on = by.on ?? this.today();
        await this.apply(trx, r, 'cancel', { ...system, actor: by.actor }, { patch: { ceased_on: on, cease_cause: 'cancelled' }, details: { ground: by.ground, by: `${by.caseType}:${by.caseId}`, on }, citation: by.citation });
      },
    };
  }

  // ---------- public check ----------

  /** Anyone may check an act: number, body, date, signer, and whether the stored text still hashes to what was signed. */
  async verifyPublic(id: string) {
    const row = await this.find(id);
    if (!row.signed_at && row.form !== 'oral' && row.form !== 'other') throw new Problem(404, 'not_found');
    const v = await this.db.selectFrom('act_version').selectAll().where('act_id', '=', id).orderBy('version', 'desc').executeTakeFirst();
    const body = await this.organisation.body(row.body_id);
    const template = row.template_id ? await this.template(row.template_id) : undefined;
    let hashMatch = false;
    let check: SignatureVerification | undefined;
    if (v) {
      hashMatch = createHash('sha256').update(v.canonical, 'utf8').digest('hex') === v.sha256 && canonicalJson((JSON.parse(v.canonical) as { content: unknown }).content) === canonicalJson(v.content);
      check = await this.signatures.verify(Buffer.from(v.canonical, 'utf8'), signatureBytes(v.signature), new Date(v.signed_at));
    }
    return {
      id: row.id, number: row.number, body: body.name[row.language], title: template ? (template.title as Localized)[row.language] : translator(row.language)(`act.kind.${row.kind}`),
      state: row.state, adoptedOn: row.adopted_on, signer: row.signer_name, signedAt: row.signed_at ? new Date(row.signed_at).toISOString() : null, contentVersion: row.content_version,
      sha256: v?.sha256 ?? null, hashMatch, signatureValid: check?.valid ?? false, reason: check?.reason ?? 'unsigned', language: row.language,
    };
  }

  // ---------- the machinery of a step ----------

  private async lock(trx: Tx, id: string) {
    const row = await trx.selectFrom('act').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  private actorGuard(actors: readonly Actor[], by: ActingAs, citation: string) {
    if (!actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', {}, [], citation);
  }

  private async event(trx: Tx, id: string, head: { count: number; hash: string }, actor: string, action: string, citation: string, state: string, details: Record<string, unknown>) {
    const h = await appendCaseEvent(trx, head, { caseType: CASE_TYPE, caseId: id, at: this.now(), actor, action, citation, state, details });
    await trx.updateTable('act').set({ event_count: h.count, last_event_hash: h.hash }).where('id', '=', id).execute();
    return h;
  }

  private async step(id: string, version: number, action: string, by: ActingAs, run: (row: ActRow, trx: Tx) => Promise<StepResult>) {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lock(trx, id);
      if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
      return this.apply(trx, row, action, by, await run(row, trx).then((r) => r), true);
    });
  }

  private async apply(trx: Tx, row: ActRow, action: string, by: ActingAs, result: StepResult, checked = false) {
    const t = transitionFor(ACT, row.state as ActState, action);
    if (!t) {
      const any = ACT.transitions.find((x) => x.action === action);
      throw new Problem(409, 'illegal_transition', { action, state: row.state }, [], any?.citation);
    }
    this.actorGuard(t.actors, by, t.citation);
    void checked;
    const state = result.keepState ? row.state : (result.state ?? t.to ?? row.state);
    const h = await this.event(trx, row.id, { count: row.event_count, hash: row.last_event_hash }, by.actor, result.action ?? action, result.citation ?? t.citation, state, result.details);
    return trx.updateTable('act').set({ ...(result.patch as object), state, version: row.version + 1, event_count: h.count, last_event_hash: h.hash, updated_at: this.now() }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
  }
}

interface StepResult {
  patch: Partial<Record<keyof ActRow, unknown>>;
  details: Record<string, unknown>;
  state?: ActState | undefined;
  citation?: string;
  action?: string;
  keepState?: boolean;
}
