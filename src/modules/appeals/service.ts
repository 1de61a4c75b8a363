/**
 * The administrative procedure on an appeal (APC Chapters 9, 10, 12). Every use case is one transaction: the
 * case row (locked, version-checked), its stored deadlines, hash-chained case events and outbox notices. What
 * may happen is the lifecycle table in src/law/lifecycles; the guards here enforce the conditions the table
 * names, and every refusal cites its article.
 *
 * Reference data (bodies, officials) is read before a transaction opens: inside one, only the transaction's
 * own connection may be used (on PGlite the pool has exactly one).
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, dayNumber, isoDate, toAlmatyDay } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import { APPEAL } from '../../law/lifecycles/appeal.ts';
import { actionsIn, transitionFor, type Actor, type Lifecycle, type Transition } from '../../law/lifecycles/lifecycle.ts';
import { SIMPLIFIED } from '../../law/lifecycles/simplified.ts';
import {
  APPEAL_CONTENT,
  APPEAL_TYPES,
  HEARING_EXEMPTIONS,
  RECUSAL_GROUNDS,
  SIMPLIFIED_TERMINATION_GROUNDS,
  TERMINATION_GROUNDS,
  groundByCode,
  missingContent,
  type AppealType,
  type Ground,
} from '../../law/requirements.ts';
import { getBlob, putBlob } from '../../platform/files.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem, refuse } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { appendCaseEvent, caseEvents, chainEvent, writeCaseEvent } from '../audit/case-events.ts';
import { formatRegistrationNumber, type BodyRow, type OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { enqueueNotice, participantRecipient, type NoticeInput } from '../notifications/service.ts';
import type { SignatureVerification } from '../../platform/signature.ts';
import type { ActionInput } from './contract.ts';

/** What the ticket says of an applicant's e-signature (APC 64(4), 45(7); AT-32: "EDS invalid" is flagged, not refused). */
function signatureView(v: SignatureVerification, lang: Language) {
  return {
    valid: v.valid,
    reason: (v.valid ? 'ok' : 'signature_invalid') as 'ok' | 'signature_invalid',
    detail: v.reason,
    text: translator(lang)(`signature.reason.${v.reason}`),
    citation: 'APC 64(4), 45(7)',
    ...(v.signer?.commonName ? { signer: v.signer.commonName } : {}),
  };
}

type Tx = Transaction<Schema>;
type AppealRow = Awaited<ReturnType<typeof lockAppeal>>;

export const CASE_TYPE = 'appeal';

/** How alike two appeals' texts must be (pg_trgm similarity) to be shown as a possible repeat; tuned on paraphrases (stack-check §11: 0.60 vs 0.03–0.07 unrelated). */
export const REPEAT_SIMILARITY = 0.35;

/** "In advance" reminders have no number in the Code (APC 38(6), 46(4); A28): 3 and 1 working days before. */
export const REMINDER_WORKING_DAYS = [3, 1] as const;

/** Who is acting: the audit id, the actors of the law they act as (from their roles), and who they are. */
export interface ActingAs {
  actor: string;
  actors: readonly Actor[];
  officialId?: string | undefined;
  applicantId?: string | undefined;
}

export interface ApplicantInput {
  kind: 'individual' | 'legal_entity';
  name?: string | undefined;
  iin?: string | undefined;
  bin?: string | undefined;
  postalAddress?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface IntakeInput {
  bodyId: string;
  type: AppealType;
  channel: 'electronic' | 'paper' | 'oral' | 'reception' | 'videoconference';
  language: Language;
  topicId?: string | undefined;
  summary?: string | undefined;
  essence: string;
  applicant: ApplicantInput;
  applicantId?: string | undefined;
  anonymous?: boolean | undefined;
  signed: boolean;
  signature?: unknown;
  /** the e-signature port's result on an electronic appeal (APC 64(4)); an invalid one never blocks intake (64(1), AT-32) */
  signatureVerification?: SignatureVerification | undefined;
  filedOn?: string | undefined;
  receivedAt: Date;
  repeatOf?: string | undefined;
  idempotencyKey?: string | undefined;
  redirectedFrom?: string | undefined;
  parentId?: string | undefined;
}

export interface Accepted {
  id: string | null;
  name: string;
  position: string;
}

/** The act that is the decision of a step (APC 77(1)(1)): its id and number go into the decision and the notice. */
export interface ActLink {
  actId: string;
  actNumber: string;
  /** the text of the decision the participant is told (decision_on_case, simplified_answer) */
  noticeText: string;
}

/** A step's reference data, read before its transaction (AppealsService.prepare). */
export interface PreparedStep {
  id: string;
  ctx: unknown;
}

export { actorsOf, STEP_PERMISSIONS } from './actors.ts';

export const lifecycleOf = (procedure: string): Lifecycle<string> => (procedure === 'simplified' ? SIMPLIFIED : APPEAL) as Lifecycle<string>;
const nameIn = (name: unknown, lang: Language) => (name as Localized)[lang];

async function lockAppeal(db: Tx, id: string) {
  const row = await db.selectFrom('appeal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  return row;
}

/** The person behind an appeal as a notice recipient (APC 66): the cabinet if they have one, else their contacts. */
function recipientOf(row: { id: string; applicant: unknown; applicant_id: string | null }): NoticeInput['recipient'] {
  return participantRecipient(row.applicant_id ?? `appeal:${row.id}`, row.applicant_id !== null, row.applicant as ApplicantInput);
}

/** A UUID derived from a name: a reminder the job sends twice is one notice (the outbox ignores the second). */
function nameUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What another module may read of an appeal inside its own transaction (the webhook outbox): no personal data. */
export async function appealHeadline(db: Kysely<Schema> | Tx, id: string) {
  return db
    .selectFrom('appeal')
    .select(['id', 'number', 'body_id', 'type', 'procedure', 'state', 'channel', 'language', 'topic_id', 'due', 'received_on', 'registered_on', 'deemed_refused_on', 'decided_at', 'closed_at', 'redirected_from', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** When the person received the notices of a case (the notifications module's proof of delivery, APC 66). */
export type NoticeReceipts = (subject: { type: string; id: string }) => Promise<
  { id: string; type: string; citation: string; recipient: { kind: string }; createdAt: string; notifiedAt: string | null; receivedOn: string | null; deliveries: { channel: string; status: string }[] }[]
>;

/** The hearing a participant is invited to (APC 20(1)(4), 66(1), 73(1)(1)), as the case events record it. */
export interface HearingDetails {
  at: string;
  place: string;
  invitationId: string;
}

/** The hearing in force: the last one set by notify_preliminary_decision (method 'hearing') or schedule_hearing, and whether a protocol followed it. */
export function currentHearing(events: readonly { seq: number; action: string; details: unknown }[]): (HearingDetails & { seq: number; held: boolean }) | null {
  let found: (HearingDetails & { seq: number }) | null = null;
  for (const e of events) {
    const h = (e.details as { hearing?: HearingDetails } | null)?.hearing;
    if ((e.action === 'notify_preliminary_decision' || e.action === 'schedule_hearing') && h) found = { ...h, seq: e.seq };
  }
  if (!found) return null;
  const seq = found.seq;
  return { ...found, held: events.some((e) => e.action === 'record_hearing_protocol' && e.seq > seq) };
}

/**
 * The control of an answer (REG p.5(4)-(5)) as the case shows it: every answer version (the first is the decision
 * of the case, the next ones the answers after rework) and every review. Null if the case was never under control.
 */
export function controlView(a: { control_status: string | null; control_reason: string | null; rework_count: number; decision: unknown }, events: readonly { seq: number; at: Date | string; actor: string; action: string; details: unknown }[]) {
  const control = events.filter((e) => ['take_under_control', 'return_for_rework', 'accept_answer'].includes(e.action));
  if (!a.control_status && control.length === 0) return null;
  const iso = (at: Date | string) => new Date(at).toISOString();
  const versions = [];
  const first = events.find((e) => e.action === 'adopt_act' || e.action === 'answer' || e.action === 'note');
  if (first) {
    const d = (a.decision ?? {}) as { reasons?: string; text?: string; outcome?: string; actNumber?: string };
    versions.push({ n: 1, at: iso(first.at), actor: first.actor, action: first.action, kind: first.action === 'adopt_act' ? 'act' : first.action, text: d.reasons ?? d.text ?? null, outcome: d.outcome ?? null, actNumber: d.actNumber ?? null });
  }
  for (const e of events.filter((x) => x.action === 'resubmit_answer')) {
    const d = e.details as { kind: string; text: string; actNumber?: string; version: number };
    versions.push({ n: d.version, at: iso(e.at), actor: e.actor, action: e.action, kind: d.kind, text: d.text, outcome: null, actNumber: d.actNumber ?? null });
  }
  const reviews = control.map((e) => {
    const d = (e.details ?? {}) as { issues?: string[]; note?: string; reason?: string; version?: number; assessment?: Record<string, boolean> };
    const result = e.action === 'take_under_control' ? 'taken' : e.action === 'return_for_rework' ? 'returned' : 'accepted';
    return { at: iso(e.at), actor: e.actor, result: result as 'taken' | 'returned' | 'accepted', version: d.version ?? null, issues: d.issues ?? [], note: d.note ?? d.reason ?? null, assessment: d.assessment ?? null };
  });
  return { status: a.control_status, reason: a.control_reason, reworkCount: a.rework_count, versions, reviews };
}

/** States in which no preliminary decision has been sent yet (APC 73(1)). */
const BEFORE_PRELIMINARY = new Set(['registered', 'awaiting_correction', 'in_review', 'postponed']);

export class AppealsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly receipts: NoticeReceipts,
    readonly now: () => Date = () => new Date(),
  ) {
    // a recompute after a calendar change moves the term in force with the stored deadline (unless extended)
    calendar.onDeadlinesMoved(async (trx, moved) => {
      for (const m of moved.filter((x) => x.subjectType === CASE_TYPE && x.term === 'APC-76.1')) {
        await trx.updateTable('appeal').set({ due: m.newDue }).where('id', '=', m.subjectId).where('extended', '=', false).execute();
      }
    });
  }

  today(): string {
    return almatyToday(this.now());
  }

  /**
   * Intake: receipt starts the procedure (APC 62(2)); registration is the receipt day or the next working day
   * (64(3)); the ticket carries the unique number, date and time, and who accepted it (64(2)). Nothing here can
   * refuse an appeal (64(1)): missing content is reported for a defect notice (64(6)), never a refusal.
   */
  async intake(input: IntakeInput, by: ActingAs, accepted?: Accepted) {
    if (input.idempotencyKey && input.applicantId) {
      const existing = await this.db.selectFrom('appeal').select('id').where('applicant_id', '=', input.applicantId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (existing) return this.ticket(existing.id);
    }
    const body = await this.organisation.body(input.bodyId, 'body.bodyId');
    try {
      const id = await this.db.transaction().execute((trx) => this.insertAppeal(trx, body, input, by, accepted));
      return this.ticket(id, body);
    } catch (error) {
      // the same Idempotency-Key raced in twice: the first one won; return its ticket
      if (input.idempotencyKey && input.applicantId && /appeal_idempotency/.test(String((error as Error).message))) {
        const first = await this.db.selectFrom('appeal').select('id').where('applicant_id', '=', input.applicantId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
        return this.ticket(first.id);
      }
      throw error;
    }
  }

  /**
   * Registers an appeal inside `trx` (intake, and the receiving body's own procedure after a redirection). The
   * body's counter row is locked from its upsert to the commit, so what does not need the number is written first.
   */
  async insertAppeal(trx: Tx, body: BodyRow, input: IntakeInput, by: ActingAs, accepted?: Accepted): Promise<string> {
    const id = randomUUID();
    const subject = { type: CASE_TYPE, id };
    const receivedOn = isoDate(toAlmatyDay(input.receivedAt.toISOString())!);
    const reg = await this.calendar.compute('APC-64.3', receivedOn, undefined, trx);
    const [main, , cap] = await this.calendar.storeAll(trx, subject, ['APC-76.1', 'APC-65.1', 'APC-76.3'], receivedOn);
    const t = translator(input.language);
    const acceptedBy = accepted ?? { id: null, name: t('appeal.system_name'), position: t('appeal.system_position') };
    const year = Number(reg.due.slice(0, 4));
    const counter = await sql<{ last: number }>`
      insert into registration_counter (body_id, year, last) values (${body.id}, ${year}, 1)
      on conflict (body_id, year) do update set last = registration_counter.last + 1
      returning last`.execute(trx);
    const number = formatRegistrationNumber(body.registration_number_format, { code: body.code, date: reg.due, seq: counter.rows[0]!.last });
    const missing = this.missing(body, input.language, { ...input, filedOn: input.filedOn ?? (input.channel === 'electronic' ? receivedOn : undefined) });
    const registered = chainEvent({ count: 0, hash: '' }, {
      caseType: CASE_TYPE, caseId: id, at: this.now(), actor: by.actor, action: 'registered', citation: 'APC 62(2), 64(2), 64(3)', state: 'registered',
      details: {
        number, channel: input.channel, type: input.type, receivedOn, registeredOn: reg.due, due: main!.due, missing: missing.map((m) => m.code), acceptedBy: acceptedBy.name, redirectedFrom: input.redirectedFrom, parentId: input.parentId,
        ...(input.signatureVerification ? { signature: { valid: input.signatureVerification.valid, reason: input.signatureVerification.reason, ...(input.signatureVerification.valid ? {} : { signatureInvalid: true }) } } : {}),
      },
    });
    await trx
      .insertInto('appeal')
      .values({
        id,
        number,
        body_id: body.id,
        type: input.type,
        procedure: APPEAL_TYPES[input.type].procedure,
        state: 'registered',
        channel: input.channel,
        language: input.language,
        topic_id: input.topicId ?? null,
        summary: input.summary?.trim() || input.essence.slice(0, 140) || '—',
        essence: input.essence,
        applicant: JSON.stringify(input.applicant),
        applicant_id: input.applicantId ?? null,
        anonymous: input.anonymous ?? false,
        signed: input.signed,
        signature: input.signature === undefined || input.signature === null ? null : JSON.stringify(input.signature),
        signature_verification: input.signatureVerification ? JSON.stringify(input.signatureVerification) : null,
        filed_on: input.filedOn ?? null,
        received_at: input.receivedAt,
        received_on: receivedOn,
        registered_on: reg.due,
        accepted_by: acceptedBy.id,
        accepted_by_name: acceptedBy.name,
        accepted_by_position: acceptedBy.position,
        due: main!.due,
        // A3: for the body's own month-based duty the cap is the internal target, never the roll-forward
        extension_cap: cap!.internalTarget ?? cap!.due,
        repeat_of: input.repeatOf ?? null,
        redirected_from: input.redirectedFrom ?? null,
        parent_id: input.parentId ?? null,
        idempotency_key: input.idempotencyKey ?? null,
        // the case row is born with the head of its event chain
        event_count: registered.head.count,
        last_event_hash: registered.head.hash,
      })
      .execute();
    await writeCaseEvent(trx, registered);
    if (!input.anonymous) {
      await enqueueNotice(trx, {
        type: 'appeal_registered', subject, recipient: recipientOf({ id, applicant: input.applicant, applicant_id: input.applicantId ?? null }), language: input.language, createdBy: by.actor,
        data: { registrationNumber: number, bodyName: nameIn(body.name, input.language), receivedAt: input.receivedAt.toISOString(), acceptedBy: acceptedBy.name, acceptedByPosition: acceptedBy.position, dueDate: main!.due },
      });
    }
    return id;
  }

  private missing(body: BodyRow, lang: Language, a: { applicant: ApplicantInput; essence: string; filedOn?: string | undefined | null; signed: boolean }) {
    return missingContent({
      applicant: { kind: a.applicant.kind, name: a.applicant.name ?? null, postalAddress: a.applicant.postalAddress ?? null },
      addressee: nameIn(body.name, lang),
      essence: a.essence,
      filedOn: a.filedOn ?? null,
      signed: a.signed,
    });
  }

  /** The registration ticket (APC 64(2)) in the language of the appeal. */
  async ticket(id: string, registeredBy?: BodyRow) {
    const a = await this.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const body = registeredBy?.id === a.body_id ? registeredBy : await this.organisation.body(a.body_id);
    const lang = a.language;
    const applicant = a.applicant as ApplicantInput;
    const missing = this.missing(body, lang, { applicant, essence: a.essence, filedOn: a.filed_on ?? (a.channel === 'electronic' ? a.received_on : null), signed: a.signed });
    return {
      id: a.id,
      number: a.number,
      bodyId: a.body_id,
      bodyName: nameIn(body.name, lang),
      receivedAt: new Date(a.received_at).toISOString(),
      registeredOn: a.registered_on,
      acceptedBy: a.accepted_by_name,
      acceptedByPosition: a.accepted_by_position,
      due: a.due,
      state: a.state,
      version: a.version,
      missing: missing.map((m) => ({ code: m.code, citation: m.citation, text: m.text[lang] })),
      language: lang,
      ...(a.signature_verification ? { signature: signatureView(a.signature_verification as SignatureVerification, lang) } : {}),
    };
  }

  /** The case row without a lock, for access checks before an action. */
  async find(id: string) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /** The lifecycle step `input.action` on a case, by `by`, decided on `version`. */
  async act(id: string, version: number, input: ActionInput, by: ActingAs) {
    const prepared = await this.prepare(id, input);
    return this.db.transaction().execute((trx) => this.actIn(trx, prepared, version, input, by));
  }

  /** What a step needs from outside its transaction (bodies, officials, delivery records), read before it opens. */
  async prepare(id: string, input: ActionInput): Promise<PreparedStep> {
    const seen = await this.find(id);
    return { id, ctx: await this.prefetch(seen, input) };
  }

  /**
   * The step inside a caller's transaction: the acts module signs an act and adopts it on the case in one
   * transaction, so every guard of the step (the APC 73 hearing guard among them) also guards the signature.
   * `link` names the act that is the decision (APC 77(1)(1)); the decision on the case then references it.
   */
  async actIn(trx: Tx, prepared: PreparedStep, version: number, input: ActionInput, by: ActingAs, link?: ActLink) {
    const row = await lockAppeal(trx, prepared.id);
    if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
    const lifecycle = lifecycleOf(row.procedure);
    const transition = transitionFor(lifecycle, row.state, input.action);
    if (!transition) {
      const any = lifecycle.transitions.find((t) => t.action === input.action);
      throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
    }
    if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
    const step = new Step(this, trx, row, transition, by, prepared.ctx as Ctx, link);
    await step.run(input);
    return step.finish();
  }

  /** Bodies and officials an action names, read before its transaction. */
  private async prefetch(row: AppealRow, input: ActionInput) {
    const body = await this.organisation.body(row.body_id);
    const complaintBody = body.complaint_body_id ? await this.organisation.body(body.complaint_body_id) : undefined;
    const ids = new Set<string>();
    if (input.action === 'assign') [input.executorId, ...(input.coExecutorIds ?? [])].forEach((x) => x && ids.add(x));
    if (input.action === 'decide_recusal' && input.replacementId) ids.add(input.replacementId);
    if (input.action === 'declare_recusal') ids.add(input.officialId);
    if (input.action === 'start_review') input.collegial?.memberIds.forEach((x) => ids.add(x));
    const officials = new Map<string, Awaited<ReturnType<OrganisationService['official']>>>();
    for (const oid of ids) officials.set(oid, await this.organisation.official(oid, input.action === 'assign' ? 'body.executorId' : input.action === 'decide_recusal' ? 'body.replacementId' : input.action === 'start_review' ? 'body.collegial.memberIds' : 'body.officialId'));
    const target = 'toBodyId' in input ? await this.organisation.body(input.toBodyId, 'body.toBodyId') : undefined;
    // APC 68(4): is the representative an employee of the deciding body? (the staff directory, by IIN)
    const representativeIsStaff = input.action === 'add_representative' && input.iin ? (await this.organisation.officials({ bodyId: row.body_id, iin: input.iin })).length > 0 : false;
    const subdivisionPath = input.action === 'assign' && input.subdivisionId ? await this.organisation.subdivisionPath(input.subdivisionId) : undefined;
    const recusal = input.action === 'declare_recusal' || input.action === 'decide_recusal' ? await this.recusalDeciders(body) : undefined;
    // REG p.5(5): an answer returned with no executor named goes back to the head of the body
    const heads = input.action === 'return_for_rework' && !row.executor_id ? await this.headsOf(row.body_id) : [];
    // A9: the hearing window runs from proven receipt of the preliminary decision (cabinet opened, letter delivered)
    // APC 20(1)(4): the hearing invitation's proven receipt, for the hearing guard
    const notices = input.action === 'adopt_act' ? await this.receipts({ type: CASE_TYPE, id: row.id }) : [];
    const preliminary = !row.preliminary_received_on
      ? notices.filter((n) => n.type === 'preliminary_decision').sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)?.receivedOn ?? undefined
      : undefined;
    return { body, complaintBody, officials, target, subdivisionPath, preliminaryReceivedOn: preliminary, notices, representativeIsStaff, recusal, heads };
  }

  /**
   * Who decides a recusal in this body (APC 67(4), 67(6), 67(7)): the heads of the body, its staff (a recusal of
   * an ordinary official stays inside), and the superior body with its head and deputies (a recusal of the head
   * goes there). The superior body is the body's parent in the hierarchy ("вышестоящий административный орган"),
   * not the complaint body: that one is named for complaints (APC 91(1)) and may be another body.
   */
  private async recusalDeciders(body: BodyRow) {
    const today = this.today();
    const names = new Map((await this.organisation.officials({ bodyId: body.id })).map((o) => [o.id, o.full_name]));
    const { heads } = await this.leadersOf(body.id, today);
    const parent = body.parent_id ? await this.organisation.body(body.parent_id) : undefined;
    const superior = parent ? { body: parent, ...(await this.leadersOf(parent.id, today)) } : undefined;
    return { staff: new Set(names.keys()), heads, superior, names };
  }

  /** Is the official a head or deputy of the superior body a recusal of this case's head was sent to (APC 67(6))? Such a person reads that case. */
  async decidesRecusalOf(appealId: string, officialId: string): Promise<boolean> {
    const events = (await caseEvents(this.db, CASE_TYPE, appealId)).filter((e) => e.action === 'declare_recusal');
    for (const e of events) {
      const superiorBodyId = (e.details as { superiorBodyId?: string } | null)?.superiorBodyId;
      if (!superiorBodyId) continue;
      const { heads, deputies } = await this.leadersOf(superiorBodyId);
      if ([...heads, ...deputies].includes(officialId)) return true;
    }
    return false;
  }

  /** Scans and attachments join the case file (APC 69(1)); each addition is a case event. */
  async addFiles(id: string, files: { name: string; bytes: Buffer; mediaType: string }[], by: ActingAs) {
    return this.db.transaction().execute(async (trx) => {
      const row = await lockAppeal(trx, id);
      const added = [];
      for (const f of files) {
        const sha256 = await putBlob(trx, f.bytes, f.mediaType);
        const file = await trx
          .insertInto('case_file')
          .values({ case_type: CASE_TYPE, case_id: id, name: f.name, media_type: f.mediaType, size: f.bytes.length, sha256, added_by: by.actor })
          .returning(['id', 'name', 'media_type', 'size', 'sha256'])
          .executeTakeFirstOrThrow();
        added.push({ id: file.id, name: file.name, mediaType: file.media_type, size: file.size, sha256: file.sha256 });
      }
      const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, {
        caseType: CASE_TYPE, caseId: id, at: this.now(), actor: by.actor, action: 'files_added', citation: 'APC 69(1)', state: row.state, details: { files: added },
      });
      await trx.updateTable('appeal').set({ version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() }).where('id', '=', id).execute();
      return added;
    });
  }

  async files(id: string) {
    const rows = await this.db.selectFrom('case_file').select(['id', 'name', 'media_type', 'size', 'sha256', 'added_by', 'added_at']).where('case_type', '=', CASE_TYPE).where('case_id', '=', id).orderBy('added_at').execute();
    return rows.map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: f.size, sha256: f.sha256, addedBy: f.added_by, addedAt: new Date(f.added_at).toISOString() }));
  }

  async file(id: string, fileId: string) {
    const f = await this.db.selectFrom('case_file').select(['name', 'sha256']).where('case_type', '=', CASE_TYPE).where('case_id', '=', id).where('id', '=', fileId).executeTakeFirst();
    const blob = f && (await getBlob(this.db, f.sha256));
    if (!f || !blob) throw new Problem(404, 'not_found');
    return { name: f.name, mediaType: blob.media_type, content: blob.content };
  }

  /**
   * Earlier appeals of the same person to the same body that read alike (pg_trgm): a hint for APC 70(1)(1),
   * 70(5) and 88(1)(1). Only a hint: deciding that an appeal repeats another is an official's decision (A24).
   */
  async possibleRepeats(a: AppealRow) {
    const applicant = a.applicant as ApplicantInput;
    const same = [a.applicant_id ? sql<boolean>`applicant_id = ${a.applicant_id}` : undefined, applicant.iin ? sql<boolean>`applicant->>'iin' = ${applicant.iin}` : undefined, applicant.email ? sql<boolean>`applicant->>'email' = ${applicant.email}` : undefined].filter((x) => x !== undefined);
    if (same.length === 0) return [];
    const { rows } = await sql<{ id: string; number: string; state: string; received_on: string; similarity: number }>`
      select id, number, state, received_on, round(similarity(essence, ${a.essence})::numeric, 2)::float8 as similarity
      from appeal
      where body_id = ${a.body_id} and id <> ${a.id} and (${sql.join(same, sql` or `)}) and similarity(essence, ${a.essence}) >= ${REPEAT_SIMILARITY}
      order by similarity desc, received_on desc limit 5`.execute(this.db);
    return rows.map((r) => ({ id: r.id, number: r.number, state: r.state, receivedOn: r.received_on, similarity: r.similarity }));
  }

  /** The case: its data, timeline, stored deadlines and the actions open to these actors now. */
  async view(id: string, actors: readonly Actor[]) {
    const a = await this.find(id);
    const [events, deadlines, notices] = await Promise.all([
      caseEvents(this.db, CASE_TYPE, id),
      this.db.selectFrom('deadline').selectAll().where('subject_type', '=', CASE_TYPE).where('subject_id', '=', id).orderBy('id').execute(),
      this.receipts({ type: CASE_TYPE, id }),
    ]);
    const h = currentHearing(events);
    const invitation = h ? notices.find((x) => x.id === h.invitationId) : undefined;
    // #15, APC 73(1): before a burdensome act the preliminary decision must reach the person at least 3 working
    // days before it, so the term in force gives the last day to send it; shown until it has been sent
    const preliminaryDecisionBy = a.procedure !== 'simplified' && BEFORE_PRELIMINARY.has(a.state) ? (await this.calendar.compute('APC-73.1', a.due)).due : null;
    const hearingDay = h ? isoDate(toAlmatyDay(h.at)!) : '';
    return {
      appeal: a,
      preliminaryDecisionBy,
      hearing: h
        ? { at: h.at, place: h.place, invitationId: h.invitationId, notifiedAt: invitation?.notifiedAt ?? null, receivedOn: invitation?.receivedOn ?? null, inTime: !!invitation?.receivedOn && invitation.receivedOn < hearingDay, held: h.held }
        : null,
      notices: notices.filter((x) => x.recipient.kind === 'participant').map((x) => ({ id: x.id, type: x.type, citation: x.citation, createdAt: x.createdAt, notifiedAt: x.notifiedAt, receivedOn: x.receivedOn, channels: x.deliveries.map((d) => ({ channel: d.channel, status: d.status })) })),
      possibleRepeats: await this.possibleRepeats(a),
      timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })),
      deadlines: deadlines.map((d) => ({ id: d.id, term: d.term_id, from: d.from_date, due: d.due, internalTarget: d.internal_target, open: d.open })),
      actions: actionsIn(lifecycleOf(a.procedure), a.state, actors).map((t) => ({ action: t.action, citation: t.citation })),
      control: controlView(a, events),
    };
  }

  /** The appeals filed from an applicant's cabinet, oldest first, each with its timeline (for the person's data export). */
  async ofApplicant(applicantId: string) {
    const rows = await this.db.selectFrom('appeal').selectAll().where('applicant_id', '=', applicantId).orderBy('created_at').execute();
    const out = [];
    for (const a of rows) {
      const events = await caseEvents(this.db, CASE_TYPE, a.id);
      out.push({ appeal: a, timeline: events.map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, citation: e.citation, state: e.state })) });
    }
    return out;
  }

  /**
   * APC 91(2): when the term expires in an open case with no decision, refusal is deemed from the expiry date.
   * Run daily; running it again records nothing twice. Tells the applicant of the right to complain (92(1)).
   */
  async recordDeemedRefusals(today = this.today()): Promise<string[]> {
    const candidates = await this.db
      .selectFrom('appeal')
      .select(['id', 'body_id'])
      .where('due', '<', today)
      .where('deemed_refused_on', 'is', null)
      .where('closed_at', 'is', null)
      .where('decided_at', 'is', null)
      .execute();
    const done: string[] = [];
    const heads = new Map<string, string[]>();
    for (const { id, body_id } of candidates) {
      const body = await this.organisation.body(body_id);
      const complaintBody = body.complaint_body_id ? await this.organisation.body(body.complaint_body_id) : undefined;
      if (!heads.has(body_id)) heads.set(body_id, await this.headsOf(body_id, today));
      await this.db.transaction().execute(async (trx) => {
        const row = await lockAppeal(trx, id);
        if (row.deemed_refused_on || row.decided_at || row.closed_at || row.due >= today) return;
        const complainBy = (await this.calendar.compute('APC-92.1', row.due, undefined, trx)).due;
        const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, {
          caseType: CASE_TYPE, caseId: id, at: this.now(), actor: 'system', action: 'deemed_refusal', citation: 'APC 91(2)', state: row.state,
          details: { expiredOn: row.due, complainBy },
        });
        await trx.updateTable('appeal').set({ deemed_refused_on: row.due, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() }).where('id', '=', id).execute();
        if (!row.anonymous) {
          const lang = row.language;
          await enqueueNotice(trx, {
            type: 'deemed_refusal', subject: { type: CASE_TYPE, id }, recipient: recipientOf(row), language: lang, createdBy: 'system',
            // APC 91(6): with no superior body the route is the court
            data: { registrationNumber: row.number, bodyName: nameIn(body.name, lang), expiredOn: row.due, complainTo: complaintBody ? nameIn(complaintBody.name, lang) : translator(lang)('appeal.court'), complainBy },
          });
        }
        // the executor and the head of the body, who answers for appeal handling (APC 69(4); #27 "alerts the head")
        for (const official of new Set([row.executor_id, ...heads.get(body_id)!].filter((x): x is string => !!x))) {
          await enqueueNotice(trx, {
            type: 'official_overdue', subject: { type: CASE_TYPE, id }, recipient: { kind: 'official', id: official, online: true }, language: row.language, createdBy: 'system',
            data: { registrationNumber: row.number, dueDate: row.due },
          });
        }
        done.push(id);
      });
    }
    return done;
  }

  /**
   * APC 68(5): a procedure postponed because a representative was removed resumes when another is authorised
   * (`add_representative`) or, at the latest, once the 3 working days have passed: run daily, the day after the
   * last day of the postponement the case is back in review by `system`. The term of the case never moved (A7).
   */
  async resumePostponed(today = this.today()): Promise<string[]> {
    const rows = await this.db.selectFrom('appeal').select('id').where('state', '=', 'postponed').execute();
    const done: string[] = [];
    for (const { id } of rows) {
      const postponed = (await caseEvents(this.db, CASE_TYPE, id)).filter((e) => e.state === 'postponed' && (e.action === 'postpone' || e.action === 'add_representative')).at(-1);
      const until = (postponed?.details as { until?: string } | undefined)?.until;
      if (!until || today <= until) continue;
      const prepared = await this.prepare(id, { action: 'resume' });
      const resumed = await this.db.transaction().execute(async (trx) => {
        const row = await lockAppeal(trx, id);
        if (row.state !== 'postponed') return false;
        await this.actIn(trx, prepared, row.version, { action: 'resume' }, { actor: 'system', actors: ['system'] });
        return true;
      });
      if (resumed) done.push(id);
    }
    return done;
  }

  /**
   * A reminder before the term falls due (APC 38(6), 46(4); A28: N working days before), to the executor and to
   * the head of the body (APC 69(4): personally responsible; #27); an unassigned case reaches the head alone.
   */
  async remindDueSoon(workingDaysBefore: number, today = this.today()): Promise<number> {
    const { calendar } = await this.calendar.current();
    const horizon = isoDate(calendar.addWorkingDays(dayNumber(today), workingDaysBefore));
    const rows = await this.db
      .selectFrom('appeal')
      .select(['id', 'number', 'due', 'executor_id', 'language', 'body_id'])
      .where('due', '=', horizon)
      .where('decided_at', 'is', null)
      .where('closed_at', 'is', null)
      .execute();
    const heads = new Map<string, string[]>();
    for (const r of rows) {
      if (!heads.has(r.body_id)) heads.set(r.body_id, await this.headsOf(r.body_id, today));
      for (const official of new Set([r.executor_id, ...heads.get(r.body_id)!].filter((x): x is string => !!x))) {
        await enqueueNotice(this.db, {
          // the executor's id is the one reminders had before heads were added: a reminder is never sent twice
          id: nameUuid(official === r.executor_id ? `due-soon:${r.id}:${r.due}` : `due-soon:${r.id}:${r.due}:${official}`),
          type: 'official_due_soon', subject: { type: CASE_TYPE, id: r.id }, recipient: { kind: 'official', id: official, online: true }, language: r.language, createdBy: 'system',
          data: { registrationNumber: r.number, dueDate: r.due },
        });
      }
    }
    return rows.length;
  }

  /** The head of a body today: officials appointed (acting ones within their dates) to a position with the role body_head. */
  async headsOf(bodyId: string, today = this.today()): Promise<string[]> {
    return (await this.leadersOf(bodyId, today)).heads;
  }

  /** The heads and the deputy heads of a body today (acting ones within their dates). */
  async leadersOf(bodyId: string, today = this.today()): Promise<{ heads: string[]; deputies: string[] }> {
    const staff = await this.organisation.officials({ bodyId });
    const rows = (await this.organisation.currentAppointments(staff.map((o) => o.id), today)).filter((r) => r.body_id === bodyId);
    const holding = (role: string) => [...new Set(rows.filter((r) => r.role === role).map((r) => r.official_id))];
    return { heads: holding('body_head'), deputies: holding('deputy_head') };
  }
}

type Ctx = Awaited<ReturnType<AppealsService['prefetch']>>;

/** One lifecycle step in its transaction: guards, the patch of the case row, the events and the notices. */
class Step {
  private readonly patch: Partial<Record<keyof AppealRow, unknown>> = {};
  private details: Record<string, unknown> = {};
  /** events recorded before the main one (a return or withdrawal followed by the termination it entails) */
  private readonly before: { action: string; citation: string; state: string; details: Record<string, unknown> }[] = [];
  private readonly notices: (() => Promise<unknown>)[] = [];
  private action: string;
  private citation: string;
  private state: string;

  constructor(
    private readonly svc: AppealsService,
    private readonly trx: Tx,
    private readonly row: AppealRow,
    transition: Transition<string>,
    private readonly by: ActingAs,
    private readonly ctx: Ctx,
    private readonly link?: ActLink,
  ) {
    this.action = transition.action;
    this.citation = transition.citation;
    this.state = transition.to ?? row.state;
  }

  private get today() {
    return this.svc.today();
  }

  private get lang() {
    return this.row.language;
  }

  private notify(type: NoticeInput['type'], data: Record<string, unknown>, id?: string) {
    if (this.row.anonymous) return;
    this.notices.push(() =>
      enqueueNotice(this.trx, {
        ...(id ? { id } : {}),
        type, subject: { type: CASE_TYPE, id: this.row.id }, recipient: recipientOf(this.row), language: this.lang, createdBy: this.by.actor,
        data: { registrationNumber: this.row.number, bodyName: nameIn(this.ctx.body.name, this.lang), ...data } as never,
      }),
    );
  }

  private async due(term: string, from: string, store = false) {
    if (store) await this.svc.calendar.store(this.trx, { type: CASE_TYPE, id: this.row.id }, term, from);
    return (await this.svc.calendar.compute(term, from, undefined, this.trx)).due;
  }

  private complainTo(): string {
    // APC 91(6): where there is no superior body, the person is told the route is the court
    return this.ctx.complaintBody ? nameIn(this.ctx.complaintBody.name, this.lang) : translator(this.lang)('appeal.court');
  }

  private async events(action: string | readonly string[]) {
    const wanted = typeof action === 'string' ? [action] : action;
    return (await caseEvents(this.trx, CASE_TYPE, this.row.id)).filter((e) => wanted.includes(e.action));
  }

  /**
   * Who decides a recusal of `officialId` (APC 67): a superior official inside the body (67(4)); for the head of
   * the body, the superior body (67(6)); for a head with no superior body, the deputy head (67(7), no law names
   * another person for the bodies Tynda serves).
   */
  private recusalRoute(officialId: string): { decider: 'superior_official' | 'superior_body' | 'deputy_head'; citation: string } {
    const d = this.ctx.recusal!;
    if (!d.heads.includes(officialId)) return { decider: 'superior_official', citation: 'APC 67(4)' };
    return d.superior ? { decider: 'superior_body', citation: 'APC 67(6)' } : { decider: 'deputy_head', citation: 'APC 67(7)' };
  }

  /** "Заблаговременно" (APC 20(1)(4), 66(1)) has no number: at the least, the event is on a later day than the invitation. */
  private inAdvance(at: string, field: string, citation: string) {
    if (isoDate(toAlmatyDay(at)!) <= this.today) refuse(422, 'not_in_advance', citation, {}, field);
  }

  /** The hearing invitation (APC 20(1)(4), 66(1)): a notice whose receipt is recorded, its id kept with the hearing. */
  /**
   * Invites the participant to a hearing (the notice has a recorded receipt) and puts it in the calendars of the
   * official who sets it and of the applicant (the `hearing` rows the iCalendar feeds read); a new time replaces
   * the one before.
   */
  private async invite(hearingAt: string, place: string, minutes: number) {
    this.inAdvance(hearingAt, 'body.hearingAt', 'APC 20(1)(4), 66(1)');
    const startsAt = new Date(hearingAt);
    const hearing: HearingDetails = { at: startsAt.toISOString(), place, invitationId: randomUUID() };
    this.details = { ...this.details, hearing };
    this.notify('hearing_invitation', { hearingAt: hearing.at, place }, hearing.invitationId);
    const r = this.row;
    const officialId = this.by.officialId ?? r.executor_id;
    if (!officialId) return;
    await this.trx.updateTable('hearing').set({ cancelled_at: this.svc.now() }).where('appeal_id', '=', r.id).where('cancelled_at', 'is', null).execute();
    await this.trx
      .insertInto('hearing')
      .values({
        appeal_id: r.id, body_id: r.body_id, official_id: officialId, applicant_id: r.applicant_id, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + minutes * 60_000),
        place, notice_id: r.anonymous ? null : hearing.invitationId, created_by: this.by.actor,
      })
      .execute();
  }

  /** APC 70(3): the termination decision, notified within 3 working days. */
  private async terminate(groundCode: string, reasons: string, list: readonly Ground[]) {
    const ground = groundByCode(list, groundCode);
    if (!ground) refuse(422, 'invalid_ground', this.citation, { ground: groundCode }, 'body.ground');
    this.action = 'terminate';
    this.citation = `${ground.citation}, APC 70(3)`;
    this.state = 'terminated';
    this.patch.decision = JSON.stringify({ kind: 'terminated', ground: ground.code, citation: ground.citation, reasons, ...(this.link ? { actId: this.link.actId, actNumber: this.link.actNumber } : {}) });
    this.patch.closed_at = this.svc.now();
    this.details = { ground: ground.code, reasons, noticeBy: await this.due('APC-70.3', this.today, true) };
    this.notify('procedure_terminated', { ground: ground.text[this.lang], decidedOn: this.today });
  }

  async run(input: ActionInput): Promise<void> {
    const r = this.row;
    switch (input.action) {
      case 'assign': {
        for (const [oid, o] of this.ctx.officials) if (o.body_id !== r.body_id) refuse(422, 'official_other_body', 'APC 44(2)', {}, oid === input.executorId ? 'body.executorId' : 'body.coExecutorIds');
        if (this.ctx.subdivisionPath && input.subdivisionId) {
          const sub = await this.trx.selectFrom('subdivision').select('body_id').where('id', '=', input.subdivisionId).executeTakeFirst();
          if (sub?.body_id !== r.body_id) refuse(422, 'subdivision_other_body', 'APC 44(2)', {}, 'body.subdivisionId');
          this.patch.subdivision_id = input.subdivisionId;
        }
        if (input.executorId) this.patch.executor_id = input.executorId;
        if (input.coExecutorIds) this.patch.co_executor_ids = input.coExecutorIds;
        this.details = { subdivisionId: input.subdivisionId, executorId: input.executorId, coExecutorIds: input.coExecutorIds };
        if (input.executorId && input.executorId !== r.executor_id) {
          const executorId = input.executorId;
          this.notices.push(() =>
            enqueueNotice(this.trx, {
              type: 'official_assignment', subject: { type: CASE_TYPE, id: r.id }, recipient: { kind: 'official', id: executorId, online: true }, language: this.lang, createdBy: this.by.actor,
              data: { registrationNumber: r.number, task: r.summary, assignedBy: this.by.actor, dueDate: r.due },
            }),
          );
        }
        return;
      }
      case 'start_review': {
        const collegial = input.collegial;
        if (collegial) {
          // APC 72: a collegial consideration is by officials of the body itself
          for (const o of this.ctx.officials.values()) if (o.body_id !== r.body_id) refuse(422, 'official_other_body', 'APC 72', {}, 'body.collegial.memberIds');
          if (collegial.basis === 'law' && !collegial.reference) throw new Problem(422, 'validation', {}, [{ field: 'body.collegial.reference', code: 'required' }], 'APC 72');
          this.details = { collegial: { ...collegial, memberIds: [...new Set(collegial.memberIds)] } };
        }
        return;
      }
      case 'correction_received':
        return;
      case 'resume': {
        const until = (await this.postponedUntil()) ?? null;
        // APC 68(5): the daily job resumes only once the at most 3 working days of the postponement have passed
        if (this.by.actors.includes('system') && (!until || this.today <= until)) refuse(409, 'postponement_running', 'APC 68(5)', { until: until ?? '-' });
        this.details = { until, automatic: this.by.actors.includes('system') };
        return;
      }
      case 'close':
        // REG p.5(4)-(5), AT-34: an appeal under control stays open until the reviewer accepts the answer
        if (r.control_status === 'under_control' || r.control_status === 'returned') refuse(409, 'answer_not_accepted', 'REG p.5(4)-(5)');
        this.patch.closed_at = this.svc.now();
        return;
      case 'redirect':
      case 'redirect_urgent':
      case 'redirect_part': {
        const to = this.ctx.target!;
        if (to.id === r.body_id) refuse(422, 'redirect_same_body', this.citation, {}, 'body.toBodyId');
        // APC 65(1)-(2): within 3 working days of receipt; 88(1)(2): immediately. A late redirection still happens, marked late.
        const limit = input.action === 'redirect_urgent' ? r.received_on : await this.due(input.action === 'redirect_part' ? 'APC-65.2' : 'APC-65.1', r.received_on);
        const part = input.action === 'redirect_part';
        // APC 65(3): the receiving body starts its own procedure; the two are linked
        const childId = await this.svc.insertAppeal(
          this.trx,
          to,
          {
            bodyId: to.id, type: r.type as AppealType, channel: r.channel as IntakeInput['channel'], language: r.language, summary: r.summary,
            essence: part ? input.demands.join('\n') : r.essence, applicant: r.applicant as ApplicantInput, applicantId: r.applicant_id ?? undefined,
            anonymous: r.anonymous, signed: r.signed, signature: r.signature ?? undefined, filedOn: r.filed_on ?? undefined, receivedAt: this.svc.now(),
            ...(part ? { parentId: r.id } : { redirectedFrom: r.id }),
          },
          { actor: this.by.actor, actors: ['system'] },
        );
        this.details = { toBodyId: to.id, childId, late: this.today > limit, limit, ...(part ? { demands: input.demands } : { reasons: input.reasons }) };
        if (!part) this.patch.closed_at = this.svc.now();
        const redirectedTo = nameIn(to.name, this.lang);
        if (part) this.notify('appeal_partly_redirected', { demands: input.demands, redirectedTo, redirectedOn: this.today });
        else this.notify('appeal_redirected', { redirectedTo, redirectedOn: this.today });
        return;
      }
      case 'request_correction': {
        if (input.cureBy <= this.today) refuse(422, 'cure_period_past', 'APC 64(6)', {}, 'body.cureBy');
        this.details = { defects: input.defects, cureBy: input.cureBy, guidance: input.guidance };
        this.notify('appeal_defects', { defects: input.defects.map((c) => APPEAL_CONTENT.find((i) => i.code === c)!.text[this.lang]), cureBy: input.cureBy });
        return;
      }
      case 'return': {
        const cureBy = ((await this.events('request_correction')).at(-1)?.details as { cureBy?: string } | undefined)?.cureBy;
        if (!cureBy || this.today <= cureBy) refuse(409, 'cure_period_running', 'APC 64(7)', { cureBy: cureBy ?? '-' });
        // A22: the return entails the termination decision of 70(1)(3), made in the same step
        this.before.push({ action: 'return', citation: 'APC 64(7)', state: 'returned', details: { cureBy } });
        await this.terminate('returned', translator(this.lang)('appeal.returned_reason'), TERMINATION_GROUNDS);
        return;
      }
      case 'withdraw': {
        if (this.by.actors.includes('applicant') && !this.by.actors.includes('clerk') && this.by.applicantId !== r.applicant_id) refuse(403, 'not_the_applicant', 'APC 64(9), 23(2)');
        if (r.procedure === 'simplified') {
          this.details = { writtenOn: input.writtenOn ?? this.today };
          return;
        }
        this.before.push({ action: 'withdraw', citation: 'APC 64(9)', state: 'withdrawn', details: { writtenOn: input.writtenOn ?? this.today } });
        await this.terminate('withdrawn', translator(this.lang)('appeal.withdrawn_reason'), TERMINATION_GROUNDS);
        return;
      }
      case 'terminate': {
        const simplified = r.procedure === 'simplified';
        const list = simplified ? SIMPLIFIED_TERMINATION_GROUNDS : TERMINATION_GROUNDS;
        if (!simplified && (input.ground === 'returned' || input.ground === 'withdrawn') && r.state !== input.ground) {
          refuse(409, 'ground_not_met', groundByCode(TERMINATION_GROUNDS, input.ground)!.citation);
        }
        await this.terminate(input.ground, input.reasons, list);
        return;
      }
      case 'extend': {
        // A5: decided before the term expires; once it has, refusal is deemed (91(2))
        if (this.today > r.due) refuse(409, 'term_expired', 'APC 76(3), 91(2)', { due: r.due });
        if (input.newDue <= r.due) refuse(422, 'extension_not_later', 'APC 76(3)', { due: r.due }, 'body.newDue');
        if (input.newDue > r.extension_cap) refuse(422, 'extension_past_cap', 'APC 76(3)', { cap: r.extension_cap }, 'body.newDue');
        this.patch.due = input.newDue;
        this.patch.extended = true;
        this.details = { from: r.due, to: input.newDue, cap: r.extension_cap, reasons: input.reasons, noticeBy: await this.due('APC-76.3_notice', this.today, true) };
        this.notify('term_extended', { reason: input.reasons, newDueDate: input.newDue });
        return;
      }
      case 'notify_preliminary_decision': {
        this.patch.preliminary_received_on = null;
        this.details = { method: input.method, draft: input.draft };
        this.notify('preliminary_decision', { draft: input.draft });
        if (input.method === 'hearing') {
          // APC 73(1)(1), 20(1)(4), 66(1): the invitation names the time and place and goes out with the draft
          if (!input.hearingAt) refuse(422, 'hearing_details_required', 'APC 20(1)(4), 66(1)', {}, 'body.hearingAt');
          if (!input.place) refuse(422, 'hearing_details_required', 'APC 20(1)(4), 66(1)', {}, 'body.place');
          await this.invite(input.hearingAt, input.place, input.minutes);
        }
        return;
      }
      case 'schedule_hearing':
        await this.invite(input.hearingAt, input.place, input.minutes);
        this.details = { ...this.details, reasons: input.reasons, previous: currentHearing(await this.events(['notify_preliminary_decision', 'schedule_hearing', 'record_hearing_protocol']))?.at ?? null };
        return;
      case 'invite_to_event': {
        this.inAdvance(input.eventAt, 'body.eventAt', 'APC 66(1)');
        const eventAt = new Date(input.eventAt).toISOString();
        this.details = { event: input.event, eventAt, place: input.place };
        this.notify('event_invitation', { event: input.event, eventAt, place: input.place });
        return;
      }
      case 'record_preliminary_receipt': {
        if (input.receivedOn > this.today) refuse(422, 'date_in_future', 'APC 73(3)', {}, 'body.receivedOn');
        this.patch.preliminary_received_on = input.receivedOn;
        this.details = { receivedOn: input.receivedOn, objectionsBy: await this.due('APC-73.3', input.receivedOn, true), earliestAct: await this.earliestAct(input.receivedOn) };
        return;
      }
      case 'record_objection':
        this.details = { oral: input.oral, text: input.text };
        return;
      case 'record_hearing_protocol': {
        const { action: _, ...protocol } = input;
        if (input.heldOn > this.today) refuse(422, 'date_in_future', 'APC 74(2)(1)', {}, 'body.heldOn');
        if (input.endedAt <= input.startedAt) refuse(422, 'ends_before_start', 'APC 74(2)(1)', {}, 'body.endedAt');
        this.details = protocol;
        return;
      }
      case 'record_protocol_reading': {
        const protocol = (await this.events('record_hearing_protocol')).at(-1)?.details as { heldOn: string } | undefined;
        if (!protocol) refuse(409, 'no_protocol', 'APC 74(5)');
        if (input.readOn > this.today) refuse(422, 'date_in_future', 'APC 74(5)', {}, 'body.readOn');
        if (input.readOn < protocol.heldOn) refuse(422, 'read_before_hearing', 'APC 74(5)', { heldOn: protocol.heldOn }, 'body.readOn');
        this.details = { readOn: input.readOn, readBy: input.readBy, remarksBy: await this.due('APC-74.6', input.readOn, true) };
        return;
      }
      case 'record_protocol_remarks': {
        const reading = (await this.events('record_protocol_reading')).at(-1)?.details as { remarksBy: string } | undefined;
        if (!reading) refuse(409, 'protocol_not_read', 'APC 74(6)');
        const receivedOn = input.receivedOn ?? this.today;
        if (receivedOn > this.today) refuse(422, 'date_in_future', 'APC 74(6)', {}, 'body.receivedOn');
        // late remarks are kept, marked late, for the presiding official to decide on: nothing received is lost
        this.details = { text: input.text, receivedOn, remarksBy: reading.remarksBy, late: receivedOn > reading.remarksBy };
        return;
      }
      case 'decide_protocol_remarks': {
        const remarks = await this.events('record_protocol_remarks');
        if (remarks.length <= (await this.events('decide_protocol_remarks')).length) refuse(409, 'no_remarks_to_decide', 'APC 74(6)');
        this.details = { decision: input.decision, reasons: input.reasons };
        return;
      }
      case 'adopt_act': {
        await this.hearingGuard(input.favourable, input.hearingExemption, input.exemptionReasons);
        this.patch.decided_at = this.svc.now();
        this.patch.decision = JSON.stringify({ kind: 'act', outcome: input.outcome, favourable: input.favourable, reasons: input.reasons, hearingExemption: input.hearingExemption ?? null, ...(this.link ? { actId: this.link.actId, actNumber: this.link.actNumber } : {}) });
        if (input.hearingExemption) {
          this.patch.hearing_exemption = input.hearingExemption;
          this.patch.hearing_exemption_reasons = input.exemptionReasons ?? null;
        }
        this.details = { outcome: input.outcome, favourable: input.favourable, hearingExemption: input.hearingExemption, late: this.today > r.due, ...(this.link ? { actId: this.link.actId, actNumber: this.link.actNumber } : {}) };
        this.notify('decision_on_case', { decision: this.link?.noticeText ?? input.reasons, decidedOn: this.today, complainTo: this.complainTo() });
        return;
      }
      case 'communicate_act': {
        if (input.communicatedOn > this.today) refuse(422, 'date_in_future', 'APC 81', {}, 'body.communicatedOn');
        this.details = { communicatedOn: input.communicatedOn, executionDue: await this.due('APC-86.3', input.communicatedOn, true) };
        return;
      }
      case 'answer':
      case 'note':
        this.patch.decided_at = this.svc.now();
        // REG p.5(4)-(5): under control, the case closes when the reviewer accepts the answer
        if (r.control_status !== 'under_control') this.patch.closed_at = this.svc.now();
        this.patch.decision = JSON.stringify({ kind: input.action, text: input.text, ...(this.link ? { actId: this.link.actId, actNumber: this.link.actNumber } : {}) });
        this.details = { text: input.text, ...(this.link ? { actId: this.link.actId, actNumber: this.link.actNumber } : {}) };
        this.notify('simplified_answer', { answer: this.link?.noticeText ?? input.text, complainTo: this.complainTo() });
        return;
      case 'declare_recusal': {
        const target = this.ctx.officials.get(input.officialId)!;
        if (target.body_id !== r.body_id) refuse(422, 'official_other_body', 'APC 67', {}, 'body.officialId');
        const earlier = await this.events('declare_recusal');
        if (earlier.some((e) => { const d = e.details as { officialId?: string; ground?: string }; return d.officialId === input.officialId && d.ground === input.ground; })) {
          refuse(409, 'recusal_repeated', 'APC 67(9)');
        }
        const route = this.recusalRoute(input.officialId);
        const decideBy = await this.due('APC-67.3', this.today, true);
        this.details = {
          officialId: input.officialId, ground: input.ground, groundCitation: groundByCode(RECUSAL_GROUNDS, input.ground)!.citation, self: input.self, statement: input.statement, decideBy,
          decider: route.decider, deciderCitation: route.citation, ...(route.decider === 'superior_body' ? { superiorBodyId: this.ctx.recusal!.superior!.body.id } : {}),
        };
        if (route.decider === 'superior_body') {
          // APC 67(6): the superior body's head and deputies are told; one of them decides within 3 working days (67(3))
          const sup = this.ctx.recusal!.superior!;
          const officialName = this.ctx.recusal!.names.get(input.officialId) ?? '';
          for (const official of new Set([...sup.heads, ...sup.deputies])) {
            this.notices.push(() =>
              enqueueNotice(this.trx, {
                type: 'official_recusal_to_decide', subject: { type: CASE_TYPE, id: r.id }, recipient: { kind: 'official', id: official, online: true }, language: this.lang, createdBy: this.by.actor,
                data: { registrationNumber: r.number, bodyName: nameIn(this.ctx.body.name, this.lang), officialName, decideBy },
              }),
            );
          }
        }
        return;
      }
      case 'decide_recusal': {
        const declared = await this.events('declare_recusal');
        const decided = await this.events('decide_recusal');
        if (declared.length <= decided.length) refuse(409, 'no_recusal_pending', 'APC 67(3)');
        const target = (declared.at(-1)!.details as { officialId: string }).officialId;
        if (this.by.officialId === target) refuse(403, 'recusal_own', 'APC 67(4)');
        const route = this.recusalRoute(target);
        const deciders = this.ctx.recusal!;
        if (route.decider === 'superior_body') {
          const sup = deciders.superior!;
          if (!this.by.officialId || ![...sup.heads, ...sup.deputies].includes(this.by.officialId)) refuse(403, 'recusal_superior_body', 'APC 67(6)', { body: nameIn(sup.body.name, this.lang) });
        } else if (!this.by.officialId || !deciders.staff.has(this.by.officialId)) refuse(403, 'recusal_inside_body', route.citation);
        this.citation = route.citation;
        if (input.upheld) {
          const replacement = input.replacementId ? this.ctx.officials.get(input.replacementId) : undefined;
          if (!replacement) refuse(422, 'replacement_required', 'APC 67(4)', {}, 'body.replacementId');
          if (replacement.body_id !== r.body_id || replacement.id === target) refuse(422, 'official_other_body', 'APC 67(4)', {}, 'body.replacementId');
          if (r.executor_id === target) this.patch.executor_id = replacement.id;
        }
        this.details = { officialId: target, upheld: input.upheld, replacementId: input.replacementId, reasons: input.reasons, decider: route.decider };
        return;
      }
      case 'postpone':
        // stored, so the terms of the case show it and the daily job resumes after it (APC 68(5))
        this.details = { reasons: input.reasons, until: await this.due('APC-68.5', this.today, true) };
        return;
      case 'join_interested': {
        const party = { kind: 'interested', name: input.name, iin: input.iin, postalAddress: input.postalAddress, interest: input.interest, joinedOn: this.today };
        this.patch.parties = JSON.stringify([...(r.parties as unknown[]), party]);
        this.details = { name: input.name };
        return;
      }
      case 'add_representative': {
        const party: Record<string, unknown> = { kind: 'representative', name: input.name, iin: input.iin, basis: input.basis, document: input.document, joinedOn: this.today };
        if (this.ctx.representativeIsStaff) {
          // APC 68(4)-(5): removed, and the procedure postponed for the time needed to appoint another, at most 3 WD;
          // the main term is not extended by it (A7)
          party.removed = true;
          party.removedReason = 'employee_of_body';
          this.citation = 'APC 68(4), 68(5)';
          if (r.state === 'in_review') this.state = 'postponed';
          this.details = { name: input.name, removed: true, until: await this.due('APC-68.5', this.today, true) };
        } else {
          // APC 68(2): an oral authorisation is put in writing by the body and signed by the principal
          this.details = { name: input.name, basis: input.basis, ...(input.basis === 'oral_declaration' ? { writtenForSignature: true } : {}) };
          // APC 68(5): the postponement lasts only until another representative is authorised
          if (r.state === 'postponed') {
            this.state = 'in_review';
            this.citation = 'APC 68(2), 68(5)';
            this.details.resumed = true;
          }
        }
        this.patch.parties = JSON.stringify([...(r.parties as unknown[]), party]);
        return;
      }
      case 'take_under_control':
        if (r.control_status === 'under_control' || r.control_status === 'returned') refuse(409, 'already_under_control', 'REG p.5(4)');
        this.patch.control_status = 'under_control';
        this.patch.control_reason = input.reason;
        this.details = { reason: input.reason, bodyId: r.body_id, executorId: r.executor_id };
        return;
      case 'return_for_rework':
      case 'accept_answer': {
        if (r.control_status === 'returned') refuse(409, 'no_answer_to_review', 'REG p.5(4)-(5)');
        if (r.control_status !== 'under_control') refuse(409, 'not_under_control', 'REG p.5(4)');
        const assessment = { complete: input.complete, allIssuesAnswered: input.allIssuesAnswered, legalBasis: input.legalBasis, measuresTaken: input.measuresTaken };
        const version = 1 + (await this.events('resubmit_answer')).length;
        if (input.action === 'accept_answer') {
          this.patch.control_status = 'accepted';
          // the simplified procedure ends with the answer (APC 89); under control, it ends when the answer is accepted
          if (r.procedure === 'simplified') this.patch.closed_at = this.svc.now();
          this.details = { assessment, note: input.note, version, reworkCount: r.rework_count };
          return;
        }
        // the monitoring figures count returns per body and per executor from these events (bodyId, executorId)
        this.patch.control_status = 'returned';
        this.patch.rework_count = r.rework_count + 1;
        this.details = { assessment, issues: input.issues, version, reworkNumber: r.rework_count + 1, bodyId: r.body_id, executorId: r.executor_id };
        const reviewer = this.by.officialId ? await this.trx.selectFrom('official').select('full_name').where('id', '=', this.by.officialId).executeTakeFirst() : undefined;
        for (const official of r.executor_id ? [r.executor_id] : this.ctx.heads) {
          this.notices.push(() =>
            enqueueNotice(this.trx, {
              type: 'official_rework', subject: { type: CASE_TYPE, id: r.id }, recipient: { kind: 'official', id: official, online: true }, language: this.lang, createdBy: this.by.actor,
              data: { registrationNumber: r.number, returnedBy: reviewer?.full_name ?? this.by.actor, comment: input.issues.join('; ') },
            }),
          );
        }
        return;
      }
      case 'resubmit_answer': {
        if (r.control_status !== 'returned') refuse(409, 'not_returned_for_rework', 'REG p.5(5)');
        // the adopted act stays a legal fact: a corrected (APC 82) or new act (84-85) is made in the acts module and named here
        if (input.kind !== 'supplementary_answer' && !input.actNumber) refuse(422, 'act_number_required', input.kind === 'corrected_act' ? 'APC 82' : 'APC 84-85', {}, 'body.actNumber');
        this.patch.control_status = 'under_control';
        this.details = { kind: input.kind, text: input.text, actNumber: input.actNumber, version: 2 + (await this.events('resubmit_answer')).length };
        // a supplementary answer reaches the person like the answer it completes (APC 66; D-5.6)
        if (input.kind === 'supplementary_answer') {
          if (r.procedure === 'simplified') this.notify('simplified_answer', { answer: input.text, complainTo: this.complainTo() });
          else this.notify('decision_on_case', { decision: input.text, decidedOn: this.today, complainTo: this.complainTo() });
        }
        return;
      }
      case 'request_access': {
        if (this.by.actors.includes('applicant') && !this.by.actors.includes('clerk') && this.by.applicantId !== r.applicant_id) refuse(403, 'not_the_applicant', 'APC 75(1)');
        this.details = { note: input.note, grantBy: await this.due('APC-75.1', this.today, true) };
        return;
      }
      case 'grant_access': {
        const asked = (await this.events('request_access')).at(-1);
        const grantBy = (asked?.details as { grantBy?: string } | undefined)?.grantBy;
        this.details = { grantedOn: input.grantedOn, withheld: input.withheld, late: grantBy ? input.grantedOn > grantBy : false };
        return;
      }
    }
  }

  /** The last day of the postponement in force (APC 68(5)): the `until` of the step that postponed the case. */
  private async postponedUntil(): Promise<string | undefined> {
    const events = await this.events(['postpone', 'add_representative']);
    const last = events.filter((e) => e.state === 'postponed' && (e.details as { until?: string } | null)?.until).at(-1);
    return (last?.details as { until?: string } | undefined)?.until;
  }

  /** APC 73: a burdensome act needs the hearing window closed, or an exemption of 73(2) recorded. */
  private async hearingGuard(favourable: boolean, exemption: string | undefined, reasons: string | undefined) {
    const r = this.row;
    if (exemption) {
      const g = groundByCode(HEARING_EXEMPTIONS, exemption)!;
      if (g.code === 'favourable_no_third_party' && !favourable) refuse(422, 'exemption_not_applicable', g.citation, {}, 'body.hearingExemption');
      if (g.reasonsRequired && !reasons?.trim()) refuse(422, 'exemption_reasons_required', 'APC 73(2)', {}, 'body.exemptionReasons');
      return;
    }
    if (r.state !== 'preliminary_notified') refuse(409, 'hearing_required', 'APC 73(1)');
    const receivedOn = r.preliminary_received_on ?? this.ctx.preliminaryReceivedOn;
    if (!receivedOn) refuse(409, 'hearing_receipt_unknown', 'APC 73(1), 73(3)');
    if (!r.preliminary_received_on) this.patch.preliminary_received_on = receivedOn;
    const earliest = await this.earliestAct(receivedOn);
    if (this.today < earliest) refuse(409, 'hearing_window_open', 'APC 73(1), 73(3)', { earliest });
    // APC 20(1)(4)-(5), 73(1)(1): a hearing the person was invited to is held (or its time has passed) before the act,
    // and, unless a protocol shows the person was heard, the invitation provably reached them before the hearing day
    const hearing = currentHearing(await this.events(['notify_preliminary_decision', 'schedule_hearing', 'record_hearing_protocol']));
    if (hearing && !hearing.held) {
      const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Almaty', dateStyle: 'short', timeStyle: 'short' }).format(new Date(hearing.at));
      if (this.svc.now() < new Date(hearing.at)) refuse(409, 'hearing_pending', 'APC 20(1)(5), 73(1)', { at: local });
      // an anonymous appeal has nobody to invite (no notice is written): there is no receipt to prove
      const received = this.ctx.notices.find((n) => n.id === hearing.invitationId)?.receivedOn;
      const hearingDay = isoDate(toAlmatyDay(hearing.at)!);
      if (!r.anonymous && (!received || received >= hearingDay)) refuse(409, 'hearing_notice_unproven', 'APC 20(1)(4), 66(2)', { hearingOn: hearingDay });
    }
  }

  /** APC 73(1): at least 3 working days between the preliminary decision reaching the person and the act. */
  private async earliestAct(receivedOn: string): Promise<string> {
    const { calendar } = await this.svc.calendar.current(this.trx);
    return isoDate(calendar.addWorkingDays(dayNumber(receivedOn), 3));
  }

  async finish() {
    const r = this.row;
    const at = this.svc.now();
    let head = { count: r.event_count, hash: r.last_event_hash };
    const append = (e: { action: string; citation: string; state: string; details: Record<string, unknown> }) =>
      appendCaseEvent(this.trx, head, { caseType: CASE_TYPE, caseId: r.id, at, actor: this.by.actor, ...e });
    for (const e of this.before) head = await append(e);
    head = await append({ action: this.action, citation: this.citation, state: this.state, details: this.details });
    for (const n of this.notices) await n();
    return this.trx
      .updateTable('appeal')
      .set({ ...(this.patch as object), state: this.state, version: r.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: at })
      .where('id', '=', r.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

