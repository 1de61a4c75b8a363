/**
 * The complaint procedure (APC Chapters 13–15): filing at the originating body (91(4)), self-remedy or forwarding,
 * the court route where no superior body exists (91(6)), suspension of execution (96), registration and review at
 * the review body (94–99), the decision (100–101), sending the case back for a new procedure (100(2)) and the
 * deemed dismissal the system records when the term passes (100(5)). Same pattern as the appeals module: one
 * transaction per step with the row lock, version check, stored deadlines, hash-chained case events ('complaint')
 * and outbox notices; the lifecycle table (src/law/lifecycles/complaint.ts) says what may happen.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, isoDate, toAlmatyDay } from '../../law/dates.ts';
import type { Language, Localized } from '../../law/i18n.ts';
import {
  COMPARISONS,
  COMPLAINT_CONTENT,
  COMPLAINT_DECISIONS,
  DECISION_GROUNDS,
  NOT_CONSIDERED_GROUNDS,
  RIGHTS_EXPLAINED,
  SUSPENSION_EXCEPTIONS,
  missingComplaintContent,
  type ChallengedKind,
  type Comparison,
  type ComplaintDecision,
} from '../../law/complaints.ts';
import { COMPLAINT, type ComplaintState } from '../../law/lifecycles/complaint.ts';
import { actionsIn, transitionFor, type Actor, type Transition } from '../../law/lifecycles/lifecycle.ts';
import { groundByCode } from '../../law/requirements.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem, refuse } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { ActingAs, AppealsService, ApplicantInput } from '../appeals/service.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import { formatRegistrationNumber, type BodyRow, type OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { enqueueNotice, participantRecipient, type NoticeInput } from '../notifications/service.ts';

type Tx = Transaction<Schema>;
export type ComplaintRow = Awaited<ReturnType<ComplaintsService['find']>>;

export const COMPLAINT_CASE = 'complaint';

/**
 * What the complaint and court procedures do to an administrative act. The acts module owns acts and their states;
 * until it offers these calls, Tynda runs with an implementation that records nothing outside the complaint's and
 * court case's own records (src/app.ts), and each effect is recorded there as a case event.
 */
export interface ActEffects {
  /** APC 96: filing suspends execution of the act */
  suspendExecution(trx: Tx, actId: string, by: { actor: string; complaintId: string }): Promise<void>;
  /** the suspension ends: an exception of 96 is recorded, or the complaint closes without cancelling the act (A15) */
  resumeExecution(trx: Tx, actId: string, by: { actor: string; complaintId: string; reason: string }): Promise<void>;
  /** APC 100(1)(1)–(2), 155(3): the act is cancelled by the review body or by a court decision in force */
  cancel(trx: Tx, actId: string, by: { actor: string; ground: string; citation: string; caseType: string; caseId: string; on?: string | undefined }): Promise<void>;
}

export interface ComplainantInput {
  kind: 'individual' | 'legal_entity';
  name?: string | undefined;
  iin?: string | undefined;
  bin?: string | undefined;
  postalAddress?: string | undefined;
  actualAddress?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface ComplaintIntake {
  appealId?: string | undefined;
  bodyId?: string | undefined;
  actId?: string | undefined;
  challengedKind: ChallengedKind;
  challengedSummary: string;
  challengedOfficialIds?: string[] | undefined;
  circumstances: string;
  demands?: string | undefined;
  attachments?: string[] | null | undefined;
  complainant: ComplainantInput;
  applicantId?: string | undefined;
  channel: 'paper' | 'electronic' | 'reception_record';
  language: Language;
  signed: boolean;
  filedOn?: string | undefined;
  learnedOn?: string | undefined;
  restorationMotion?: string | undefined;
  receivedAt: Date;
}

/** What `prepareIntake` read, for `insertIntake`. */
export interface PreparedComplaint {
  input: ComplaintIntake;
  appeal: Awaited<ReturnType<AppealsService['find']>> | undefined;
  origin: BodyRow;
  review: BodyRow | undefined;
  named: string[];
  receivedOn: string;
  learnedOn: string;
}

/** What `prepare` read, for `actIn`. */
export interface PreparedComplaintStep {
  id: string;
  origin: BodyRow;
  review: BodyRow | undefined;
}

/** The signed act document that is the decision (APC 101): its id, number and public check. */
export interface DecisionAct {
  id: string;
  number: string;
  verifyUrl: string;
}

export type ComplaintAction =
  | { action: 'satisfy'; measures: string }
  | { action: 'forward' }
  | { action: 'court_route' }
  | { action: 'record_suspension_exception'; ground: string; reasons?: string | undefined }
  | { action: 'register_at_review'; receivedOn?: string | undefined }
  | { action: 'request_correction'; defects: string[]; cureBy: string }
  | { action: 'correction_received'; note?: string | undefined }
  | { action: 'return' }
  | { action: 'withdraw'; writtenOn?: string | undefined }
  | { action: 'leave_without_consideration'; ground: string; reasons: string }
  | { action: 'decide_restoration'; restored: boolean; reasons: string }
  | { action: 'start_review'; collegial?: boolean | undefined }
  | { action: 'record_hearing'; party: 'official' | 'complainant'; heardOn: string; attended: boolean; summary: string }
  | {
      action: 'decide';
      decision: ComplaintDecision;
      reasons: string;
      norms: string;
      grounds?: string[] | undefined;
      withinCompetence?: boolean | undefined;
      comparison?: Comparison | undefined;
      newAct?: string | undefined;
      violations?: string[] | undefined;
      proposals?: string[] | undefined;
      ground?: string | undefined;
      other?: string | undefined;
    }
  | { action: 'send_back' };

const nameIn = (name: unknown, lang: Language) => (name as Localized)[lang];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function recipientOf(row: { id: string; complainant: unknown; applicant_id: string | null }): NoticeInput['recipient'] {
  return participantRecipient(row.applicant_id ?? `complaint:${row.id}`, row.applicant_id !== null, row.complainant as ComplainantInput);
}

async function lockComplaint(trx: Tx, id: string) {
  const row = await trx.selectFrom('complaint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  return row;
}

export class ComplaintsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly appeals: AppealsService,
    readonly acts: ActEffects,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  async find(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /**
   * Intake at the originating body (91(4) ¶1). Never refused: missing content of 93 is reported for a defect notice,
   * and lateness (92(1)) only sets the late flag (92(3)). The review term of 99 runs from this receipt (A8).
   */
  async intake(input: ComplaintIntake, by: ActingAs, accepted?: { id: string; name: string }) {
    const prepared = await this.prepareIntake(input);
    const id = await this.db.transaction().execute((trx) => this.insertIntake(trx, prepared, by, accepted));
    return this.view(id, []);
  }

  /**
   * The reads of an intake, before any transaction (another module that records a complaint in its own
   * transaction, as a personal reception does under APC 90(3), calls this and then `insertIntake`).
   */
  async prepareIntake(input: ComplaintIntake): Promise<PreparedComplaint> {
    const appeal = input.appealId ? await this.appeals.find(input.appealId) : undefined;
    const originId = appeal?.body_id ?? input.bodyId;
    if (!originId) throw new Problem(422, 'validation', {}, [{ field: 'body.bodyId', code: 'required' }]);
    if (appeal && input.bodyId && input.bodyId !== appeal.body_id) throw new Problem(422, 'complaint_wrong_body', {}, [{ field: 'body.bodyId', code: 'complaint_wrong_body' }], 'APC 91(4)');
    const origin = await this.organisation.body(originId, 'body.bodyId');
    const review = origin.complaint_body_id ? await this.organisation.body(origin.complaint_body_id) : undefined;
    if (input.challengedKind === 'deemed_refusal' && !appeal?.deemed_refused_on) throw new Problem(409, 'no_deemed_refusal', {}, [], 'APC 91(2)');
    // APC 97(2): the officials whose act or action is challenged: those named, the executor, whoever adopted the act
    const named = new Set(input.challengedOfficialIds ?? []);
    for (const oid of named) await this.organisation.official(oid, 'body.challengedOfficialIds');
    const events = appeal ? await caseEvents(this.db, 'appeal', appeal.id) : [];
    if (appeal?.executor_id) named.add(appeal.executor_id);
    for (const e of events.filter((x) => x.action === 'adopt_act' || x.action === 'answer' || x.action === 'note')) {
      const m = /^official:(.+)$/.exec(e.actor);
      if (m) named.add(m[1]!);
    }
    const receivedOn = isoDate(toAlmatyDay(input.receivedAt.toISOString())!);
    const learnedOn = input.learnedOn ?? this.learnedOnDefault(input.challengedKind, appeal, events);
    if (!learnedOn) throw new Problem(422, 'learned_on_required', {}, [{ field: 'body.learnedOn', code: 'learned_on_required' }], 'APC 92(1)');
    return { input, appeal, origin, review, named: [...named], receivedOn, learnedOn };
  }

  /** Registers a prepared complaint inside `trx`; returns its id. */
  async insertIntake(trx: Tx, { input, appeal, origin, review, named, receivedOn, learnedOn }: PreparedComplaint, by: ActingAs, accepted?: { id: string; name: string }): Promise<string> {
    const lang = input.language;
    const [reg, limit, due] = await Promise.all(['APC-94.1', 'APC-92.1', 'APC-99'].map((t) => this.calendar.compute(t, t === 'APC-92.1' ? learnedOn : receivedOn, undefined, trx)));
    const year = Number(reg!.due.slice(0, 4));
    const counter = await sql<{ last: number }>`
      insert into registration_counter (body_id, year, last) values (${origin.id}, ${year}, 1)
      on conflict (body_id, year) do update set last = registration_counter.last + 1
      returning last`.execute(trx);
    const number = formatRegistrationNumber(origin.registration_number_format, { code: origin.code, date: reg!.due, seq: counter.rows[0]!.last });
    const late = receivedOn > limit!.due;
    const suspends = (input.challengedKind === 'act' || input.challengedKind === 'action');
    const missing = missingComplaintContent({
      reviewBody: review ? nameIn(review.name, lang) : null,
      complainant: input.complainant,
      challengedBody: input.challengedSummary ? nameIn(origin.name, lang) : null,
      circumstances: input.circumstances,
      filedOn: input.filedOn ?? (input.channel === 'electronic' ? receivedOn : null),
      signed: input.signed,
      attachments: input.attachments === undefined ? null : input.attachments,
    });
    const row = await trx
      .insertInto('complaint')
      .values({
        number, origin_body_id: origin.id, review_body_id: review?.id ?? null, state: 'filed_at_origin', language: lang, channel: input.channel,
        complainant: JSON.stringify(input.complainant), applicant_id: input.applicantId ?? null, appeal_id: appeal?.id ?? null, act_id: input.actId ?? null,
        challenged_kind: input.challengedKind, challenged_summary: input.challengedSummary, challenged_officials: named,
        circumstances: input.circumstances, demands: input.demands ?? null, attachments: input.attachments === undefined || input.attachments === null ? null : JSON.stringify(input.attachments),
        signed: input.signed, filed_on: input.filedOn ?? null, received_at: input.receivedAt, received_on: receivedOn, registered_on: reg!.due,
        learned_on: learnedOn, complain_by: limit!.due, late,
        restoration: input.restorationMotion ? JSON.stringify({ motion: input.restorationMotion, filedOn: receivedOn }) : null,
        execution_suspended: suspends, due: due!.due,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const subject = { type: COMPLAINT_CASE, id: row.id };
    for (const term of ['APC-91.4', 'APC-91.4_satisfy', 'APC-99']) await this.calendar.store(trx, subject, term, receivedOn);
    let head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
      caseType: COMPLAINT_CASE, caseId: row.id, at: this.now(), actor: by.actor, action: 'filed', citation: 'APC 91(4), 92(3), 93, 94(1)', state: 'filed_at_origin',
      details: {
        number, appealId: appeal?.id, actId: input.actId, challengedKind: input.challengedKind, receivedOn, registeredOn: reg!.due, learnedOn, complainBy: limit!.due, late,
        restorationMotion: input.restorationMotion ? true : undefined, due: due!.due, reviewBodyId: review?.id ?? null, missing: missing.map((m) => m.code), acceptedBy: accepted?.name,
      },
    });
    if (suspends) {
      if (input.actId) await this.acts.suspendExecution(trx, input.actId, { actor: by.actor, complaintId: row.id });
      head = await appendCaseEvent(trx, head, {
        caseType: COMPLAINT_CASE, caseId: row.id, at: this.now(), actor: 'system', action: 'execution_suspended', citation: 'APC 96', state: 'filed_at_origin',
        details: { actId: input.actId ?? null, appealId: appeal?.id ?? null },
      });
    }
    await trx.updateTable('complaint').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', row.id).execute();
    if (review) {
      await enqueueNotice(trx, {
        type: 'complaint_registered', subject, recipient: recipientOf({ id: row.id, complainant: input.complainant, applicant_id: input.applicantId ?? null }), language: lang, createdBy: by.actor,
        data: { registrationNumber: number, reviewBody: nameIn(review.name, lang), dueDate: due!.due },
      });
    }
    return row.id;
  }

  /** A13: the day the complainant learned, by default: delivery of the act, the expiry for inaction or a deemed refusal. */
  private learnedOnDefault(kind: ChallengedKind, appeal: Awaited<ReturnType<AppealsService['find']>> | undefined, events: { action: string; details: unknown }[]): string | undefined {
    if (!appeal) return undefined;
    if (kind === 'deemed_refusal') return appeal.deemed_refused_on ?? undefined;
    if (kind === 'inaction') return appeal.deemed_refused_on ?? undefined;
    const communicated = events.filter((e) => e.action === 'communicate_act').at(-1)?.details as { communicatedOn?: string } | undefined;
    if (communicated?.communicatedOn) return communicated.communicatedOn;
    return appeal.decided_at ? almatyToday(new Date(appeal.decided_at)) : undefined;
  }

  /** The step `input.action` on a complaint, by `by`, decided on `version`. */
  async act(id: string, version: number, input: ComplaintAction, by: ActingAs) {
    const prepared = await this.prepare(id);
    await this.db.transaction().execute((trx) => this.actIn(trx, prepared, version, input, by));
    return this.view(id, by.actors);
  }

  /** The reads of a step, before any transaction (the acts module signs a decision act and decides in its own). */
  async prepare(id: string): Promise<PreparedComplaintStep> {
    const seen = await this.find(id);
    const origin = await this.organisation.body(seen.origin_body_id);
    const review = seen.review_body_id ? await this.organisation.body(seen.review_body_id) : undefined;
    return { id, origin, review };
  }

  /**
   * The step inside `trx`. `act` is the signed act document that carries the step: a complaint decision (APC 100–101)
   * signed through the acts module is the decision, as signing an act is its adoption on an appeal.
   */
  async actIn(trx: Tx, prepared: PreparedComplaintStep, version: number | 'current', input: ComplaintAction, by: ActingAs, act?: DecisionAct): Promise<void> {
    const row = await lockComplaint(trx, prepared.id);
    if (version !== 'current' && row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
    const transition = transitionFor(COMPLAINT, row.state as ComplaintState, input.action);
    if (!transition) {
      const any = COMPLAINT.transitions.find((t) => t.action === input.action);
      throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
    }
    if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
    const step = new Step(this, trx, row, transition, by, prepared.origin, prepared.review, act);
    await step.run(input);
    await step.finish();
  }

  /** The complaint: its data, timeline, stored deadlines and the actions open to these actors now. */
  async view(id: string, actors: readonly Actor[]) {
    const c = await this.find(id);
    const [events, deadlines] = await Promise.all([
      caseEvents(this.db, COMPLAINT_CASE, id),
      this.db.selectFrom('deadline').selectAll().where('subject_type', '=', COMPLAINT_CASE).where('subject_id', '=', id).orderBy('id').execute(),
    ]);
    const lang = c.language;
    const missing = missingComplaintContent({
      reviewBody: c.review_body_id, complainant: c.complainant as ComplainantInput, challengedBody: c.challenged_summary, circumstances: c.circumstances,
      filedOn: c.filed_on ?? (c.channel === 'electronic' ? c.received_on : null), signed: c.signed, attachments: (c.attachments as string[] | null) ?? null,
    });
    return {
      complaint: c,
      missing: missing.map((m) => ({ code: m.code, citation: m.citation, text: m.text[lang] })),
      timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })),
      deadlines: deadlines.map((d) => ({ id: d.id, term: d.term_id, from: d.from_date, due: d.due, internalTarget: d.internal_target, open: d.open })),
      actions: actionsIn(COMPLAINT, c.state as ComplaintState, actors).map((t) => ({ action: t.action, citation: t.citation })),
    };
  }

  /** Complaints whose challenged object is this appeal, or whose return opened it (100(1)(5)). */
  async forAppeal(appealId: string) {
    return this.db.selectFrom('complaint').selectAll().where((eb) => eb.or([eb('appeal_id', '=', appealId), eb('new_appeal_id', '=', appealId)])).orderBy('received_at').execute();
  }

  async list(filter: { appealId?: string | undefined; bodyIds: 'all' | string[]; ownerId?: string | undefined }) {
    let q = this.db.selectFrom('complaint').selectAll();
    if (filter.appealId) q = q.where('appeal_id', '=', filter.appealId);
    if (filter.bodyIds !== 'all') {
      const ids = filter.bodyIds;
      q = q.where((eb) => eb.or([
        ...(ids.length ? [eb('origin_body_id', 'in', ids), eb('review_body_id', 'in', ids)] : []),
        ...(filter.ownerId ? [eb('applicant_id', '=', filter.ownerId)] : []),
        sql<boolean>`false`,
      ]));
    }
    return q.orderBy('due').limit(500).execute();
  }

  /**
   * APC 100(5): when the review term passes with no decision, dismissal is deemed from the expiry day (A8: 20 working
   * days from receipt at the originating body). Run daily; running it again records nothing twice. Tells the
   * complainant, and the court window of 136(6) starts.
   */
  async recordDeemedDismissals(today = this.today()): Promise<string[]> {
    const candidates = await this.db
      .selectFrom('complaint')
      .select(['id', 'review_body_id'])
      .where('due', '<', today)
      .where('deemed_dismissed_on', 'is', null)
      .where('decided_at', 'is', null)
      .where('closed_at', 'is', null)
      .where('review_body_id', 'is not', null)
      .execute();
    const done: string[] = [];
    for (const { id, review_body_id } of candidates) {
      const review = await this.organisation.body(review_body_id!);
      await this.db.transaction().execute(async (trx) => {
        const row = await lockComplaint(trx, id);
        if (row.deemed_dismissed_on || row.decided_at || row.closed_at || row.due >= today) return;
        const court = await this.calendar.store(trx, { type: COMPLAINT_CASE, id }, 'APC-136.6', row.due);
        let head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, {
          caseType: COMPLAINT_CASE, caseId: id, at: this.now(), actor: 'system', action: 'deemed_dismissal', citation: 'APC 99, 100(5)', state: 'deemed_dismissed',
          details: { expiredOn: row.due, courtBy: court.due, countedFrom: row.received_on, reviewDue: row.review_due },
        });
        if (row.execution_suspended) {
          if (row.act_id) await this.acts.resumeExecution(trx, row.act_id, { actor: 'system', complaintId: id, reason: 'deemed_dismissal' });
          head = await appendCaseEvent(trx, head, { caseType: COMPLAINT_CASE, caseId: id, at: this.now(), actor: 'system', action: 'execution_resumed', citation: 'APC 96; A15', state: 'deemed_dismissed', details: { reason: 'deemed_dismissal' } });
        }
        await trx.updateTable('complaint').set({
          state: 'deemed_dismissed', deemed_dismissed_on: row.due, execution_suspended: false, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now(),
        }).where('id', '=', id).execute();
        await enqueueNotice(trx, {
          type: 'complaint_deemed_dismissed', subject: { type: COMPLAINT_CASE, id }, recipient: recipientOf(row), language: row.language, createdBy: 'system',
          data: { registrationNumber: row.number, reviewBody: nameIn(review.name, row.language), expiredOn: row.due, courtBy: court.due },
        });
        done.push(id);
      });
    }
    return done;
  }
}

/** One lifecycle step of a complaint in its transaction. */
class Step {
  private readonly patch: Partial<Record<keyof ComplaintRow, unknown>> = {};
  private details: Record<string, unknown> = {};
  private readonly before: { action: string; citation: string; state: string; details: Record<string, unknown> }[] = [];
  private readonly after: { action: string; citation: string; details: Record<string, unknown> }[] = [];
  private readonly notices: (() => Promise<unknown>)[] = [];
  private action: string;
  private citation: string;
  private state: string;

  constructor(
    private readonly svc: ComplaintsService,
    private readonly trx: Tx,
    private readonly row: ComplaintRow,
    transition: Transition<ComplaintState>,
    private readonly by: ActingAs,
    private readonly origin: BodyRow,
    private readonly review: BodyRow | undefined,
    private readonly decisionAct?: DecisionAct,
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

  private notify(type: NoticeInput['type'], data: Record<string, unknown>) {
    this.notices.push(() =>
      enqueueNotice(this.trx, {
        type, subject: { type: COMPLAINT_CASE, id: this.row.id }, recipient: recipientOf(this.row), language: this.lang, createdBy: this.by.actor,
        data: { registrationNumber: this.row.number, ...data } as never,
      }),
    );
  }

  private reviewName(): string {
    return this.review ? nameIn(this.review.name, this.lang) : translator(this.lang)('appeal.court');
  }

  private async due(term: string, from: string, store = false) {
    if (store) return (await this.svc.calendar.store(this.trx, { type: COMPLAINT_CASE, id: this.row.id }, term, from)).due;
    return (await this.svc.calendar.compute(term, from, undefined, this.trx)).due;
  }

  private async events(action: string) {
    return (await caseEvents(this.trx, COMPLAINT_CASE, this.row.id)).filter((e) => e.action === action);
  }

  /** A15: the suspension of 96 lasts until the complaint process closes without cancelling the act. */
  private async endSuspension(reason: string) {
    if (!this.row.execution_suspended) return;
    this.patch.execution_suspended = false;
    if (this.row.act_id) await this.svc.acts.resumeExecution(this.trx, this.row.act_id, { actor: this.by.actor, complaintId: this.row.id, reason });
    this.after.push({ action: 'execution_resumed', citation: 'APC 96; A15', details: { reason } });
  }

  /** APC 95: left without consideration, the participant told within 3 working days; re-filing allowed (95(3)). */
  private async leave(groundCode: string, reasons: string) {
    const ground = groundByCode(NOT_CONSIDERED_GROUNDS, groundCode);
    if (!ground) refuse(422, 'invalid_ground', 'APC 95(1)', { ground: groundCode }, 'body.ground');
    this.action = 'leave_without_consideration';
    this.citation = `${ground.citation}, APC 95(2)`;
    this.state = 'left_without_consideration';
    this.patch.closed_at = this.svc.now();
    this.patch.decision = JSON.stringify({
      decision: 'leave_without_consideration', ground: ground.code, citation: ground.citation, reasons, decidedOn: this.today,
      ...(this.decisionAct ? { act: { id: this.decisionAct.id, number: this.decisionAct.number, verifyUrl: this.decisionAct.verifyUrl } } : {}),
    });
    this.details = { ground: ground.code, reasons, noticeBy: await this.due('APC-95.2', this.today, true) };
    this.notify('complaint_not_considered', { reviewBody: this.reviewName(), ground: ground.text[this.lang] });
    await this.endSuspension('left_without_consideration');
  }

  /** APC 97(2): the official whose act or action is challenged may not review it, unless as a member of a collegial body. */
  private guard97(collegial: boolean) {
    if (this.by.officialId && this.row.challenged_officials.includes(this.by.officialId) && !collegial) refuse(403, 'reviewer_challenged', 'APC 97(2)');
  }

  async run(input: ComplaintAction): Promise<void> {
    const r = this.row;
    switch (input.action) {
      case 'satisfy': {
        const by = await this.due('APC-91.4_satisfy', r.received_on);
        if (this.today > by) refuse(409, 'satisfy_term_passed', 'APC 91(4) ¶3', { due: by });
        this.patch.closed_at = this.svc.now();
        this.details = { measures: input.measures, by };
        await this.endSuspension('self_remedied');
        return;
      }
      case 'forward': {
        if (!this.review) refuse(409, 'no_review_body', 'APC 91(6)');
        const by = await this.due('APC-91.4', r.received_on);
        this.patch.forwarded_on = this.today;
        this.patch.forwarded_by = this.by.officialId ?? null;
        this.details = { toBodyId: this.review.id, caseFile: r.appeal_id, forwardedOn: this.today, limit: by, late: this.today > by };
        return;
      }
      case 'court_route': {
        if (this.review) refuse(409, 'review_body_exists', 'APC 91(6)');
        this.patch.closed_at = this.svc.now();
        this.details = { courtTerm: 'APC-136.1_direct' };
        // 91(6): the participant is told that the route is the court
        this.notify('complaint_court_route', { bodyName: nameIn(this.origin.name, this.lang) });
        await this.endSuspension('court_route');
        return;
      }
      case 'record_suspension_exception': {
        const g = groundByCode(SUSPENSION_EXCEPTIONS, input.ground);
        if (!g) refuse(422, 'invalid_ground', 'APC 96', { ground: input.ground }, 'body.ground');
        if (r.suspension_exception) refuse(409, 'exception_recorded', 'APC 96');
        if (g.reasonsRequired && !input.reasons?.trim()) refuse(422, 'exception_reasons_required', g.citation, {}, 'body.reasons');
        this.citation = g.citation;
        this.patch.suspension_exception = g.code;
        this.patch.suspension_reasons = input.reasons ?? null;
        this.details = { ground: g.code, reasons: input.reasons, by: this.by.officialId };
        await this.endSuspension(`exception:${g.code}`);
        return;
      }
      case 'register_at_review': {
        const receivedOn = input.receivedOn ?? this.today;
        if (receivedOn > this.today || (r.forwarded_on && receivedOn < r.forwarded_on)) refuse(422, 'date_out_of_range', 'APC 94(1)', {}, 'body.receivedOn');
        // A8: the legal term runs from receipt at the originating body; the review body's own count is shown beside it
        const reviewDue = await this.due('APC-99', receivedOn);
        this.patch.review_received_on = receivedOn;
        this.patch.review_due = reviewDue;
        this.details = { receivedOn, due: r.due, reviewDue, rightsExplained: RIGHTS_EXPLAINED[this.lang] };
        return;
      }
      case 'request_correction': {
        if (input.cureBy <= this.today) refuse(422, 'cure_period_past', 'APC 64(6)', {}, 'body.cureBy');
        this.details = { defects: input.defects, cureBy: input.cureBy };
        this.notify('appeal_defects', { bodyName: this.reviewName(), defects: input.defects.map((c) => COMPLAINT_CONTENT.find((i) => i.code === c)!.text[this.lang]), cureBy: input.cureBy });
        return;
      }
      case 'correction_received':
        this.details = { note: input.note };
        return;
      case 'return': {
        const cureBy = ((await this.events('request_correction')).at(-1)?.details as { cureBy?: string } | undefined)?.cureBy;
        if (!cureBy || this.today <= cureBy) refuse(409, 'cure_period_running', 'APC 64(7)', { cureBy: cureBy ?? '-' });
        this.before.push({ action: 'return', citation: 'APC 94(1), 64(7)', state: 'awaiting_correction', details: { cureBy } });
        await this.leave('returned', translator(this.lang)('complaint.returned_reason'));
        return;
      }
      case 'withdraw': {
        if (this.by.actors.includes('applicant') && !this.by.actors.includes('clerk') && this.by.applicantId !== r.applicant_id) refuse(403, 'not_the_applicant', 'APC 94(1), 64(9)');
        this.before.push({ action: 'withdraw', citation: 'APC 94(1), 64(9)', state: r.state, details: { writtenOn: input.writtenOn ?? this.today } });
        await this.leave('withdrawn', translator(this.lang)('complaint.withdrawn_reason'));
        return;
      }
      case 'leave_without_consideration': {
        if ((input.ground === 'returned' || input.ground === 'withdrawn')) refuse(409, 'ground_not_met', groundByCode(NOT_CONSIDERED_GROUNDS, input.ground)!.citation);
        await this.leave(input.ground, input.reasons);
        return;
      }
      case 'decide_restoration': {
        if (!r.late) refuse(409, 'not_late', 'APC 92(2)', { complainBy: r.complain_by });
        const motion = (r.restoration as { motion?: string } | null)?.motion;
        this.patch.restoration = JSON.stringify({ motion: motion ?? null, restored: input.restored, reasons: input.reasons, decidedOn: this.today });
        this.details = { restored: input.restored, reasons: input.reasons };
        return;
      }
      case 'start_review': {
        const collegial = input.collegial ?? false;
        this.guard97(collegial);
        this.patch.reviewer_id = this.by.officialId ?? null;
        this.patch.collegial = collegial;
        this.details = { reviewerId: this.by.officialId, collegial };
        return;
      }
      case 'record_hearing': {
        if (input.heardOn > this.today) refuse(422, 'date_in_future', 'APC 98(3)', {}, 'body.heardOn');
        this.details = { party: input.party, heardOn: input.heardOn, attended: input.attended, summary: input.summary };
        return;
      }
      case 'decide':
        await this.decide(input);
        return;
      case 'send_back': {
        const d = r.decision as { decision?: string; violations?: string[]; proposals?: string[]; sendBackBy?: string } | null;
        if (d?.decision !== 'return_for_new_procedure') refuse(409, 'not_returned_for_new_procedure', 'APC 100(1)(5)');
        if (r.new_appeal_id) refuse(409, 'already_sent_back', 'APC 100(2)');
        const source = r.appeal_id ? await this.trx.selectFrom('appeal').selectAll().where('id', '=', r.appeal_id).executeTakeFirst() : undefined;
        const c = r.complainant as ComplainantInput;
        const t = translator(this.lang);
        // A14: a new appeal-initiated procedure at the origin, 15 working days from the day it receives the case
        const newId = await this.svc.appeals.insertAppeal(this.trx, this.origin, {
          bodyId: this.origin.id, type: 'application', channel: 'electronic', language: this.lang,
          summary: `${t('complaint.new_procedure')} ${r.number}`.slice(0, 140),
          essence: [source?.essence ?? r.challenged_summary, `${t('complaint.violations')}: ${(d.violations ?? []).join('; ')}`, `${t('complaint.proposals')}: ${(d.proposals ?? []).join('; ')}`].join('\n\n'),
          applicant: (source?.applicant as ApplicantInput | undefined) ?? { kind: c.kind, name: c.name, iin: c.iin, bin: c.bin, postalAddress: c.postalAddress, email: c.email, phone: c.phone },
          applicantId: r.applicant_id ?? source?.applicant_id ?? undefined, signed: true, filedOn: this.today, receivedAt: this.svc.now(),
          ...(source ? { parentId: source.id } : {}),
        }, { actor: this.by.actor, actors: ['system'] });
        this.patch.new_appeal_id = newId;
        this.details = { newAppealId: newId, sentOn: this.today, limit: d.sendBackBy, late: d.sendBackBy ? this.today > d.sendBackBy : false };
        return;
      }
    }
  }

  /** APC 100–101: the decision, its content, its effects on the act and the notices. */
  private async decide(input: Extract<ComplaintAction, { action: 'decide' }>) {
    const r = this.row;
    const type = COMPLAINT_DECISIONS.find((d) => d.code === input.decision)!;
    this.guard97(r.collegial);
    if (input.decision === 'leave_without_consideration') {
      if (!input.ground) refuse(422, 'ground_required', 'APC 100(1)(6), 95(1)', {}, 'body.ground');
      await this.leave(input.ground, input.reasons);
      this.citation = `APC 100(1)(6), ${this.citation}`;
      return;
    }
    // APC 98(3): the official and the participant are heard (73) before a decision on the merits
    const heard = new Set((await this.events('record_hearing')).map((e) => (e.details as { party: string }).party));
    if (!heard.has('official') || !heard.has('complainant')) refuse(409, 'complaint_hearing_required', 'APC 98(3), 73');
    if (type.needsCompetence && input.withinCompetence !== true) refuse(422, 'not_within_competence', 'APC 100(2)', {}, 'body.withinCompetence');
    if (type.needsGrounds && !(input.grounds ?? []).some((g) => DECISION_GROUNDS.some((x) => x.code === g))) refuse(422, 'decision_grounds_required', 'APC 100(3)', {}, 'body.grounds');
    if (input.decision === 'cancel_and_new_act') {
      if (!input.comparison || !COMPARISONS.includes(input.comparison)) refuse(422, 'comparison_required', 'APC 98(6)', {}, 'body.comparison');
      if (input.comparison === 'worse') refuse(422, 'reformatio_in_peius', 'APC 98(6)', {}, 'body.comparison');
      if (!input.newAct?.trim()) refuse(422, 'new_act_required', 'APC 100(1)(2)', {}, 'body.newAct');
    }
    if (input.decision === 'return_for_new_procedure' && (!input.violations?.length || !input.proposals?.length)) refuse(422, 'violations_and_proposals_required', 'APC 100(1)(5)', {}, 'body.violations');
    const c = r.complainant as ComplainantInput;
    const sendBackBy = input.decision === 'return_for_new_procedure' ? await this.due('APC-100.2', this.today, true) : undefined;
    // APC 101(1): the content of the decision
    const decision = {
      decision: type.code, citation: type.citation, decidedOn: this.today, reviewBody: this.reviewName(),
      complainant: { kind: c.kind, name: c.name ?? null, iin: c.iin ?? null, bin: c.bin ?? null },
      challenged: r.challenged_summary, essence: r.circumstances, reasons: input.reasons, norms: input.norms, other: input.other ?? null,
      grounds: input.grounds ?? [], comparison: input.comparison ?? null, newAct: input.newAct ?? null, violations: input.violations ?? null, proposals: input.proposals ?? null,
      sendBackBy: sendBackBy ?? null, late: r.state === 'deemed_dismissed',
      act: this.decisionAct ? { id: this.decisionAct.id, number: this.decisionAct.number, verifyUrl: this.decisionAct.verifyUrl } : null,
    };
    this.citation = `${type.citation}, APC 101`;
    this.patch.decision = JSON.stringify(decision);
    this.patch.decided_on = this.today;
    this.patch.decided_at = this.svc.now();
    this.details = {
      decision: type.code, grounds: input.grounds, comparison: input.comparison, sendBackBy, late: r.state === 'deemed_dismissed', afterDeemedDismissal: r.deemed_dismissed_on,
      ...(this.decisionAct ? { actId: this.decisionAct.id, actNumber: this.decisionAct.number } : {}),
    };
    if (type.cancelsAct) {
      if (r.act_id) await this.svc.acts.cancel(this.trx, r.act_id, { actor: this.by.actor, ground: type.code, citation: type.citation, caseType: COMPLAINT_CASE, caseId: r.id });
      this.patch.execution_suspended = false;
      this.after.push({ action: 'act_cancelled', citation: type.citation, details: { actId: r.act_id, appealId: r.appeal_id } });
    } else {
      await this.endSuspension(type.code);
    }
    const outcome = type.text[this.lang];
    this.notify('complaint_decided', { reviewBody: this.reviewName(), outcome });
    // APC 100(4): a copy to the body (official) whose act or action was challenged
    const copyTo = r.forwarded_by ?? r.challenged_officials[0];
    if (copyTo) {
      this.notices.push(() =>
        enqueueNotice(this.trx, {
          type: 'official_complaint_decision_copy', subject: { type: COMPLAINT_CASE, id: r.id }, recipient: { kind: 'official', id: copyTo, online: true }, language: this.lang, createdBy: this.by.actor,
          data: { registrationNumber: r.number, reviewBody: this.reviewName(), outcome },
        }),
      );
    }
  }

  async finish() {
    const r = this.row;
    const at = this.svc.now();
    let head = { count: r.event_count, hash: r.last_event_hash };
    const append = (e: { action: string; citation: string; state: string; details: Record<string, unknown> }) =>
      appendCaseEvent(this.trx, head, { caseType: COMPLAINT_CASE, caseId: r.id, at, actor: this.by.actor, ...e });
    for (const e of this.before) head = await append(e);
    head = await append({ action: this.action, citation: this.citation, state: this.state, details: this.details });
    for (const e of this.after) head = await append({ ...e, state: this.state });
    for (const n of this.notices) await n();
    await this.trx
      .updateTable('complaint')
      .set({ ...(this.patch as object), state: this.state, version: r.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: at })
      .where('id', '=', r.id)
      .execute();
  }
}
