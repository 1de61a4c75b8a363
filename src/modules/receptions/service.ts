/**
 * Personal receptions (APC 90; Standard Regulation No. 560 p.6): published schedules of heads and deputies,
 * bookings with the topic, the queue on the day, and the outcome: resolved on the spot, or put in writing and
 * registered as a written appeal through the appeals module or as a written complaint through the complaints module
 * (90(3); 93(1)), each with its own term; instructions given at the reception go under
 * control through the instructions module. A booking is a case with hash-chained events.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, toAlmatyDay, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { transitionFor, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { RECEPTION, type ReceptionState } from '../../law/lifecycles/reception.ts';
import { RECEPTION_DUTY_ROLES, RECEPTIONS_PER_MONTH, monthsWithoutReception, needsConsent, type ReceptionFormat } from '../../law/receptions.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import type { AppealsService, ApplicantInput } from '../appeals/service.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { ComplaintsService, PreparedComplaint } from '../complaints/service.ts';
import type { InstructionsService, Prepared } from '../instructions/service.ts';
import type { ReceptionAction } from './contract.ts';

type Tx = Transaction<Schema>;
export type SessionRow = Awaited<ReturnType<ReceptionsService['session']>>;
export type BookingRow = Awaited<ReturnType<ReceptionsService['booking']>>;

export const CASE_TYPE = 'reception';

export interface ActingAs {
  actor: string;
  actors: readonly Actor[];
  officialId?: string | undefined;
  applicantId?: string | undefined;
}

export interface Visitor {
  name: string;
  iin?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  postalAddress?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of every slot of a session. */
export function slotsOf(s: { starts_at: Date | string; ends_at: Date | string; slot_minutes: number }): string[] {
  const out: string[] = [];
  const end = new Date(s.ends_at).getTime();
  for (let t = new Date(s.starts_at).getTime(); t + s.slot_minutes * 60_000 <= end; t += s.slot_minutes * 60_000) out.push(new Date(t).toISOString());
  return out;
}

export class ReceptionsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly organisation: OrganisationService,
    readonly appeals: AppealsService,
    readonly instructions: InstructionsService,
    readonly complaints: ComplaintsService,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  async session(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('reception_session').selectAll().where('id', '=', id).where('cancelled_at', 'is', null).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  async booking(id: string) {
    if (!UUID.test(id)) throw new Problem(404, 'not_found');
    const row = await this.db.selectFrom('reception_booking').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /** An applicant's own bookings, the latest slot first, each with its session (the cabinet lists them). */
  async bookingsOf(applicantId: string) {
    const rows = await this.db.selectFrom('reception_booking').selectAll().where('applicant_id', '=', applicantId).orderBy('slot_at', 'desc').limit(200).execute();
    const sessions = new Map<string, SessionRow & { officialName: string }>();
    for (const b of rows) {
      if (sessions.has(b.session_id)) continue;
      const s = await this.db.selectFrom('reception_session').selectAll().where('id', '=', b.session_id).executeTakeFirstOrThrow();
      sessions.set(s.id, { ...s, officialName: (await this.organisation.official(s.official_id)).full_name });
    }
    return rows.map((b) => ({ booking: b, session: sessions.get(b.session_id)! }));
  }

  /** APC 90(1)–(2), REG p.6(3)–(4): a reception on the published schedule of a head or deputy of the body. */
  async createSession(input: { bodyId: string; officialId: string; format: ReceptionFormat; startsAt: string; endsAt: string; slotMinutes: number; place: string; territoryId?: string | undefined }, by: ActingAs) {
    const official = await this.organisation.official(input.officialId, 'body.officialId');
    if (official.body_id !== input.bodyId) throw new Problem(422, 'official_other_body', {}, [{ field: 'body.officialId', code: 'official_other_body' }], 'APC 90(1)');
    if (new Date(input.endsAt) <= new Date(input.startsAt)) throw new Problem(400, 'validation', {}, [{ field: 'body.endsAt', code: 'before_start' }]);
    return this.db
      .insertInto('reception_session')
      .values({ body_id: input.bodyId, official_id: input.officialId, format: input.format, starts_at: input.startsAt, ends_at: input.endsAt, slot_minutes: input.slotMinutes, place: input.place, territory_id: input.territoryId ?? null, approved_by: by.officialId!, created_by: by.actor })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The published schedule (public): sessions in [from, to] with their free slots. */
  async schedule(filter: { bodyId?: string | undefined; officialId?: string | undefined; from: string; to: string }) {
    let q = this.db.selectFrom('reception_session').selectAll().where('cancelled_at', 'is', null)
      .where(sql<boolean>`(starts_at at time zone 'Asia/Almaty')::date between ${filter.from}::date and ${filter.to}::date`);
    if (filter.bodyId) q = q.where('body_id', '=', filter.bodyId);
    if (filter.officialId) q = q.where('official_id', '=', filter.officialId);
    const sessions = await q.orderBy('starts_at').execute();
    const taken = sessions.length
      ? await this.db.selectFrom('reception_booking').select(['session_id', 'slot_at']).where('session_id', 'in', sessions.map((s) => s.id)).where('state', '<>', 'cancelled').execute()
      : [];
    const busy = new Set(taken.map((b) => `${b.session_id}|${new Date(b.slot_at).toISOString()}`));
    const names = new Map<string, string>();
    for (const s of sessions) if (!names.has(s.official_id)) names.set(s.official_id, (await this.organisation.official(s.official_id)).full_name);
    return sessions.map((s) => ({ ...s, officialName: names.get(s.official_id)!, freeSlots: slotsOf(s).filter((t) => !busy.has(`${s.id}|${t}`)) }));
  }

  /** Booking in advance with the topic (REG p.6(1)); a video reception with the PA only with consent (p.6(3), AT-35). */
  async book(sessionId: string, input: { slotAt: string; topic: string; language: Language; visitor: Visitor; videoConsent: boolean }, by: ActingAs) {
    const s = await this.session(sessionId);
    const slot = this.slotIn(s, input.slotAt, 'body.slotAt');
    if (needsConsent(s.format as ReceptionFormat) && !input.videoConsent) throw new Problem(409, 'video_consent_required', {}, [{ field: 'body.videoConsent', code: 'video_consent_required' }], 'REG p.6(3)');
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('reception_booking')
          .values({ session_id: s.id, slot_at: slot, state: 'booked', visitor: JSON.stringify(input.visitor), applicant_id: by.applicantId ?? null, topic: input.topic, language: input.language, video_consent_at: input.videoConsent ? this.now() : null })
          .returningAll()
          .executeTakeFirstOrThrow();
        const head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
          caseType: CASE_TYPE, caseId: row.id, at: this.now(), actor: by.actor, action: 'book', citation: 'APC 90(2); REG p.6(1)', state: 'booked',
          details: { sessionId: s.id, slotAt: slot, format: s.format, videoConsent: input.videoConsent },
        });
        return trx.updateTable('reception_booking').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      });
    } catch (error) {
      if (/reception_booking_slot/.test(String((error as Error).message))) throw new Problem(409, 'slot_taken', {}, [{ field: 'body.slotAt', code: 'slot_taken' }], 'REG p.6(1)');
      throw error;
    }
  }

  private slotIn(s: SessionRow, at: string, field: string): string {
    const slot = new Date(at).toISOString();
    if (!slotsOf(s).includes(slot)) throw new Problem(422, 'not_a_slot', {}, [{ field, code: 'not_a_slot' }]);
    if (new Date(slot) < this.now()) throw new Problem(422, 'slot_in_past', {}, [{ field, code: 'in_the_past' }]);
    return slot;
  }

  async act(id: string, version: number, input: ReceptionAction, by: ActingAs) {
    const seen = await this.booking(id);
    const session = await this.session(seen.session_id);
    const body = await this.organisation.body(session.body_id);
    const target = input.action === 'move' ? await this.session(input.sessionId) : undefined;
    const prepared: Prepared | undefined = input.action === 'give_instruction'
      ? await this.instructions.prepare({ bodyId: session.body_id, source: 'reception', giverId: session.official_id, text: input.text, executorIds: input.executorIds, due: input.due, receptionBookingId: id, language: seen.language as Language })
      : undefined;
    // APC 90(3), 93(1), scenario #41: a complaint that cannot be resolved on the spot is put in writing, signed by the
    // visitor and registered as a written complaint with its own term (99), through the complaints module
    let complaint: PreparedComplaint | undefined;
    if (input.action === 'convert' && input.type === 'complaint') {
      if (seen.state !== 'queued') throw new Problem(409, 'illegal_transition', { action: input.action, state: seen.state }, [], 'APC 90(3)');
      const v = seen.visitor as Visitor;
      const c = input.complaint!;
      complaint = await this.complaints.prepareIntake({
        appealId: c.appealId, bodyId: c.appealId ? undefined : (c.bodyId ?? session.body_id), challengedKind: c.challengedKind, challengedSummary: c.challengedSummary,
        circumstances: input.essence, demands: c.demands, learnedOn: c.learnedOn, complainant: { kind: 'individual', name: v.name, iin: v.iin, email: v.email, phone: v.phone, postalAddress: v.postalAddress },
        applicantId: seen.applicant_id ?? undefined, channel: 'reception_record', language: seen.language as Language, signed: true, filedOn: this.today(), receivedAt: this.now(),
      });
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('reception_booking').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
        const transition = transitionFor(RECEPTION, row.state as ReceptionState, input.action);
        if (!transition) {
          const any = RECEPTION.transitions.find((t) => t.action === input.action);
          throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
        }
        if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
        const own = by.applicantId !== undefined && by.applicantId === row.applicant_id;
        if (by.actors.length === 1 && by.actors[0] === 'applicant' && !own) throw new Problem(403, 'not_the_applicant', {}, [], transition.citation);
        const patch: Record<string, unknown> = {};
        let details: Record<string, unknown> = {};
        switch (input.action) {
          case 'consent_video':
            patch.video_consent_at = this.now();
            details = { consentedAt: this.now().toISOString() };
            break;
          case 'move': {
            const slot = this.slotIn(target!, input.slotAt, 'body.slotAt');
            // AT-35: a videoconference with the Presidential Administration cannot be scheduled before consent is recorded
            if (needsConsent(target!.format as ReceptionFormat) && !row.video_consent_at) throw new Problem(409, 'video_consent_required', {}, [], 'REG p.6(3)');
            patch.session_id = target!.id;
            patch.slot_at = slot;
            details = { from: { sessionId: row.session_id, slotAt: new Date(row.slot_at).toISOString() }, to: { sessionId: target!.id, slotAt: slot, format: target!.format } };
            break;
          }
          case 'cancel':
            details = { reason: input.reason };
            break;
          case 'check_in': {
            const q = await sql<{ n: number }>`select coalesce(max(queue_number), 0)::int + 1 as n from reception_booking where session_id = ${row.session_id}`.execute(trx);
            patch.queue_number = q.rows[0]!.n;
            details = { queueNumber: patch.queue_number };
            break;
          }
          case 'no_show':
            break;
          case 'give_instruction': {
            const instructionId = await this.instructions.insert(trx, prepared!, { actor: by.actor, actors: by.actors, officialId: by.officialId });
            const outcome = (row.outcome as { instructionIds?: string[] } | null) ?? {};
            patch.outcome = JSON.stringify({ ...outcome, instructionIds: [...(outcome.instructionIds ?? []), instructionId] });
            details = { instructionId, executorIds: input.executorIds, due: input.due };
            break;
          }
          case 'resolve': {
            const outcome = (row.outcome as Record<string, unknown> | null) ?? {};
            patch.outcome = JSON.stringify({ ...outcome, kind: 'resolved_on_site', answer: input.answer });
            details = { answer: input.answer };
            break;
          }
          case 'convert': {
            if (input.type === 'complaint') {
              const complaintId = await this.complaints.insertIntake(trx, complaint!, { actor: by.actor, actors: ['clerk'], officialId: by.officialId });
              const outcome = (row.outcome as Record<string, unknown> | null) ?? {};
              patch.outcome = JSON.stringify({ ...outcome, kind: 'converted_to_complaint', type: 'complaint', complaintId });
              details = { complaintId, type: 'complaint', citation: 'APC 90(3), 93(1)' };
              break;
            }
            // APC 90(3): put in writing and handled as a written appeal with its own term (registered now, channel "reception")
            const v = row.visitor as Visitor;
            const applicant: ApplicantInput = { kind: 'individual', name: v.name, iin: v.iin, email: v.email, phone: v.phone, postalAddress: v.postalAddress };
            const appealId = await this.appeals.insertAppeal(trx, body, {
              bodyId: body.id, type: input.type, channel: 'reception', language: row.language, summary: row.topic.slice(0, 300), essence: input.essence,
              applicant, applicantId: row.applicant_id ?? undefined, signed: true, filedOn: this.today(), receivedAt: this.now(),
            }, { actor: by.actor, actors: ['clerk'], officialId: by.officialId });
            const outcome = (row.outcome as Record<string, unknown> | null) ?? {};
            patch.outcome = JSON.stringify({ ...outcome, kind: 'converted_to_written_appeal', type: input.type });
            patch.appeal_id = appealId;
            details = { appealId, type: input.type };
            break;
          }
        }
        const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, { caseType: CASE_TYPE, caseId: id, at: this.now(), actor: by.actor, action: input.action, citation: transition.citation, state: transition.to ?? row.state, details });
        return trx
          .updateTable('reception_booking')
          .set({ ...(patch as object), state: transition.to ?? row.state, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
    } catch (error) {
      if (/reception_booking_slot/.test(String((error as Error).message))) throw new Problem(409, 'slot_taken', {}, [{ field: 'body.slotAt', code: 'slot_taken' }], 'REG p.6(1)');
      throw error;
    }
  }

  async timeline(id: string) {
    return (await caseEvents(this.db, CASE_TYPE, id)).map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> }));
  }

  /** The day's list of a body: every session of the day with its visitors in slot order (printed for the reception room). */
  async daily(bodyId: string, date: string) {
    const sessions = await this.schedule({ bodyId, from: date, to: date });
    const out = [];
    for (const s of sessions) {
      const bookings = await this.db.selectFrom('reception_booking').selectAll().where('session_id', '=', s.id).where('state', '<>', 'cancelled').orderBy('slot_at').execute();
      out.push({ session: s, bookings });
    }
    return out;
  }

  /**
   * Scenario #51, APC 90(1): every head and deputy of the body today, and the months in [from, to] in which they
   * had no reception on the schedule.
   */
  async compliance(bodyId: string, from: string, to: string) {
    const today = this.today();
    const people = [];
    for (const o of await this.organisation.officials({ bodyId })) {
      const roles = (await this.organisation.positionRoles(o.id, today)).filter((p) => p.bodyId === bodyId && (RECEPTION_DUTY_ROLES as readonly string[]).includes(p.role));
      if (!roles.length) continue;
      const days = await this.db.selectFrom('reception_session').select(sql<string>`((starts_at at time zone 'Asia/Almaty')::date)::text`.as('day')).where('official_id', '=', o.id).where('cancelled_at', 'is', null).execute();
      people.push({ officialId: o.id, name: o.full_name, role: roles[0]!.role, monthsWithout: monthsWithoutReception(days.map((d) => d.day), from, to) });
    }
    return { citation: RECEPTIONS_PER_MONTH.citation, officials: people };
  }
}

/** The Almaty calendar day of an instant. */
export function almatyDayOf(at: Date | string): string {
  return isoDate(toAlmatyDay(new Date(at).toISOString())!);
}
