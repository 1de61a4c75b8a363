/**
 * Control of execution of instructions (APC 37–38, 44, 46; Standard Regulation No. 560 p.9). An instruction is a
 * case with hash-chained events: put under control with its executors (the first named coordinates) and due date,
 * reminded before it falls due, extended only by the head who gave it, reported on by the coordinator, and taken
 * off control by the giver or an authorised official. Overdue ones surface for the monitoring department and feed
 * the executive-discipline table.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import { CLOSE_CITATION, COORDINATOR_CITATION, EXTENSION_CITATION, OVERDUE_CITATION, instructionDeadline, type InstructionSource } from '../../law/instructions.ts';
import { transitionFor, type Actor } from '../../law/lifecycles/lifecycle.ts';
import { INSTRUCTION, type InstructionState } from '../../law/lifecycles/instruction.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { appendCaseEvent, caseEvents } from '../audit/case-events.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { CalendarService } from '../calendar/service.ts';
import { enqueueNotice } from '../notifications/service.ts';
import type { InstructionAction } from './contract.ts';

type Tx = Transaction<Schema>;
type Db = Kysely<Schema> | Tx;
export type InstructionRow = Awaited<ReturnType<InstructionsService['find']>>;

export const CASE_TYPE = 'instruction';
const OPEN = ['assigned', 'extension_requested'] as const;

export interface ActingAs {
  actor: string;
  actors: readonly Actor[];
  officialId?: string | undefined;
}

export interface InstructionInput {
  bodyId: string;
  source: InstructionSource;
  giverId?: string | undefined;
  giverName?: string | undefined;
  text: string;
  executorIds: string[];
  /** the date the giver set, or `workingDays` from today (APC 37(3)) */
  due?: string | undefined;
  workingDays?: number | undefined;
  /** of the text and of the notices about it: given, or the reception's, or the workspace language of the request */
  language: Language;
  appealId?: string | undefined;
  receptionBookingId?: string | undefined;
  returnRequired?: boolean | undefined;
}

/** What `insert` needs to know of the officials it names, read before the transaction. */
export interface Prepared {
  input: InstructionInput & { due: string };
  giverName: string;
  giverId: string | null;
}

function nameUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class InstructionsService {
  constructor(
    readonly db: Kysely<Schema>,
    readonly calendar: CalendarService,
    readonly organisation: OrganisationService,
    readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return almatyToday(this.now());
  }

  async find(id: string, db: Db = this.db) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Problem(404, 'not_found');
    const row = await db.selectFrom('instruction').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem(404, 'not_found');
    return row;
  }

  /**
   * Checks an instruction against the organisation (reads only; before any transaction): the executors are
   * officials of the body or of bodies below it (44(2)), an instruction of the head names the head who gave it.
   */
  async prepare(input: InstructionInput, field = 'body'): Promise<Prepared> {
    await this.organisation.body(input.bodyId, `${field}.bodyId`);
    const subtree = new Set(await this.organisation.bodySubtree(input.bodyId));
    if (new Set(input.executorIds).size !== input.executorIds.length) throw new Problem(400, 'validation', {}, [{ field: `${field}.executorIds`, code: 'duplicate' }]);
    for (const [i, id] of input.executorIds.entries()) {
      const o = await this.organisation.official(id, `${field}.executorIds.${i}`);
      if (!subtree.has(o.body_id)) throw new Problem(422, 'official_other_body', {}, [{ field: `${field}.executorIds.${i}`, code: 'official_other_body' }], 'APC 44(2)');
    }
    let due = input.due;
    if (input.workingDays !== undefined) {
      const { calendar } = await this.calendar.current();
      due = instructionDeadline(this.today(), { workingDays: input.workingDays }, calendar, this.calendar.conventions()).due;
    }
    if (!due) throw new Problem(400, 'validation', {}, [{ field: `${field}.due`, code: 'required' }]);
    if (due < this.today()) throw new Problem(422, 'due_in_past', {}, [{ field: `${field}.due`, code: 'in_the_past' }], 'APC 37(3)');
    if (input.giverId) {
      const giver = await this.organisation.official(input.giverId, `${field}.giverId`);
      return { input: { ...input, due }, giverId: giver.id, giverName: giver.full_name };
    }
    if (!input.giverName) throw new Problem(400, 'validation', {}, [{ field: `${field}.giverName`, code: 'required' }]);
    return { input: { ...input, due }, giverId: null, giverName: input.giverName };
  }

  async create(input: InstructionInput, by: ActingAs) {
    const prepared = await this.prepare(input);
    const id = await this.db.transaction().execute((trx) => this.insert(trx, prepared, by));
    return this.find(id);
  }

  /** Puts an instruction under control inside `trx` (also from a personal reception, REG p.6(1)); tells each executor at once (37(3)). */
  async insert(trx: Tx, { input, giverId, giverName }: Prepared, by: ActingAs): Promise<string> {
    const today = this.today();
    const seq = await sql<{ n: string }>`select nextval('instruction_number_seq')::text as n`.execute(trx);
    const number = `I-${today.slice(0, 4)}-${seq.rows[0]!.n.padStart(6, '0')}`;
    const row = await trx
      .insertInto('instruction')
      .values({
        number, body_id: input.bodyId, source: input.source, giver_id: giverId, giver_name: giverName, controller_id: by.officialId ?? null, text: input.text,
        executor_ids: input.executorIds, state: 'assigned', given_on: today, original_due: input.due, due: input.due, appeal_id: input.appealId ?? null,
        reception_booking_id: input.receptionBookingId ?? null, return_required: input.returnRequired ?? false, language: input.language,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const head = await appendCaseEvent(trx, { count: 0, hash: '' }, {
      caseType: CASE_TYPE, caseId: row.id, at: this.now(), actor: by.actor, action: 'create', citation: `APC 37(3), ${COORDINATOR_CITATION}; REG p.9`, state: 'assigned',
      details: { number, source: input.source, giverId, giverName, executorIds: input.executorIds, coordinatorId: input.executorIds[0], due: input.due, appealId: input.appealId, receptionBookingId: input.receptionBookingId },
    });
    await trx.updateTable('instruction').set({ event_count: head.count, last_event_hash: head.hash }).where('id', '=', row.id).execute();
    for (const executor of input.executorIds) {
      await enqueueNotice(trx, {
        type: 'official_assignment', subject: { type: CASE_TYPE, id: row.id }, recipient: { kind: 'official', id: executor, online: true }, language: input.language, createdBy: by.actor,
        data: { registrationNumber: number, task: input.text.slice(0, 500), assignedBy: giverName, dueDate: input.due },
      });
    }
    return row.id;
  }

  async act(id: string, version: number, input: InstructionAction, by: ActingAs) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('instruction').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (row.version !== version) throw new Problem(409, 'version_conflict', { current: row.version });
      const transition = transitionFor(INSTRUCTION, row.state as InstructionState, input.action);
      if (!transition) {
        const any = INSTRUCTION.transitions.find((t) => t.action === input.action);
        throw new Problem(409, 'illegal_transition', { action: input.action, state: row.state }, [], any?.citation);
      }
      if (!transition.actors.some((a) => by.actors.includes(a))) throw new Problem(403, 'not_your_step', { action: input.action }, [], transition.citation);
      const today = this.today();
      const patch: Record<string, unknown> = {};
      let details: Record<string, unknown> = {};
      let citation = transition.citation;
      const isGiver = by.actors.includes('instruction_giver');
      /** 46(5): the extension is the giver's; a controller only records an outside giver's decision */
      const giverOnly = () => {
        if (isGiver) return;
        if (row.giver_id !== null) throw new Problem(403, 'not_the_giver', {}, [], EXTENSION_CITATION);
        if (!('basis' in input) || !input.basis) throw new Problem(422, 'giver_decision_required', {}, [{ field: 'body.basis', code: 'required' }], EXTENSION_CITATION);
      };
      switch (input.action) {
        case 'request_extension':
          if (input.proposedDue <= row.due) throw new Problem(422, 'extension_not_later', { due: row.due }, [{ field: 'body.proposedDue', code: 'extension_not_later' }], EXTENSION_CITATION);
          details = { reasons: input.reasons, proposedDue: input.proposedDue, to: row.giver_name };
          break;
        case 'extend':
          giverOnly();
          if (input.newDue <= row.due) throw new Problem(422, 'extension_not_later', { due: row.due }, [{ field: 'body.newDue', code: 'extension_not_later' }], EXTENSION_CITATION);
          patch.due = input.newDue;
          // a new term: an overdue mark of the old one stays in the history, not on the card
          patch.overdue_on = null;
          details = { from: row.due, to: input.newDue, reasons: input.reasons, basis: 'basis' in input ? input.basis : undefined, requested: row.state === 'extension_requested' };
          break;
        case 'refuse_extension':
          giverOnly();
          details = { reasons: input.reasons, basis: input.basis };
          break;
        case 'contribute':
          details = { text: input.text };
          break;
        case 'report':
          // 46(3): the first named executor coordinates and reports for all
          if (by.officialId !== row.executor_ids[0]) throw new Problem(403, 'coordinator_reports', {}, [], COORDINATOR_CITATION);
          if (input.executedOn > today) throw new Problem(422, 'date_in_future', {}, [{ field: 'body.executedOn', code: 'date_in_future' }], COORDINATOR_CITATION);
          patch.executed_on = input.executedOn;
          details = { text: input.text, executedOn: input.executedOn, late: input.executedOn > row.due };
          break;
        case 'return_for_rework':
          patch.executed_on = null;
          details = { comment: input.comment };
          await enqueueNotice(trx, {
            type: 'official_rework', subject: { type: CASE_TYPE, id }, recipient: { kind: 'official', id: row.executor_ids[0]!, online: true }, language: row.language, createdBy: by.actor,
            data: { registrationNumber: row.number, returnedBy: by.actor, comment: input.comment },
          });
          break;
        case 'close_control':
          citation = CLOSE_CITATION;
          patch.closed_on = today;
          details = { note: input.note, byGiver: isGiver, late: (row.executed_on ?? today) > row.due };
          break;
      }
      const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, { caseType: CASE_TYPE, caseId: id, at: this.now(), actor: by.actor, action: input.action, citation, state: transition.to ?? row.state, details });
      return trx
        .updateTable('instruction')
        .set({ ...(patch as object), state: transition.to ?? row.state, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  async view(id: string) {
    const row = await this.find(id);
    const events = await caseEvents(this.db, CASE_TYPE, id);
    return { instruction: row, timeline: events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, citation: e.citation, state: e.state, details: e.details as Record<string, unknown> })) };
  }

  async list(filter: { bodyIds: 'all' | string[]; officialId?: string | undefined; overdue?: boolean | undefined; page: number; pageSize: number }) {
    let q = this.db.selectFrom('instruction').selectAll();
    if (filter.bodyIds !== 'all') q = filter.bodyIds.length ? q.where('body_id', 'in', filter.bodyIds) : q.where(sql<boolean>`false`);
    if (filter.officialId) q = q.where((eb) => eb.or([eb(sql`${filter.officialId}::uuid`, '=', sql`any(executor_ids)`), eb('giver_id', '=', filter.officialId!), eb('controller_id', '=', filter.officialId!)]));
    if (filter.overdue) q = q.where('state', 'in', OPEN).where('due', '<', this.today());
    return q.orderBy('due').orderBy('number').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute();
  }

  /**
   * A reminder to every executor N working days before the due date (APC 38(6), 46(4); A28). The notice id is
   * derived from the instruction and the due date, so a job that runs twice sends one reminder.
   */
  async remindDueSoon(workingDaysBefore: number, today = this.today()): Promise<number> {
    const { calendar } = await this.calendar.current();
    const horizon = isoDate(calendar.addWorkingDays(dayNumber(today), workingDaysBefore));
    const rows = await this.db.selectFrom('instruction').selectAll().where('due', '=', horizon).where('state', 'in', OPEN).execute();
    let sent = 0;
    for (const r of rows) {
      await this.db.transaction().execute(async (trx) => {
        for (const executor of r.executor_ids) {
          const n = await enqueueNotice(trx, {
            id: nameUuid(`instruction-due-soon:${r.id}:${r.due}:${workingDaysBefore}:${executor}`),
            type: 'instruction_due_soon', subject: { type: CASE_TYPE, id: r.id }, recipient: { kind: 'official', id: executor, online: true }, language: r.language, createdBy: 'system',
            data: { registrationNumber: r.number, dueDate: r.due, giver: r.giver_name },
          });
          if (n.created) sent++;
        }
      });
    }
    return sent;
  }

  /**
   * REG p.9(1)–(2), AT-37: the day after the due date an open instruction is overdue. Recorded once as an event,
   * shown on the control dashboard, and escalated to whoever keeps it under control and to the coordinator.
   */
  async markOverdue(today = this.today()): Promise<string[]> {
    const rows = await this.db.selectFrom('instruction').select(['id']).where('state', 'in', OPEN).where('due', '<', today).where('overdue_on', 'is', null).execute();
    const done: string[] = [];
    for (const { id } of rows) {
      // read before the transaction (one connection on PGlite): who monitors this body
      const { body_id: bodyId } = await this.find(id);
      const monitors = await this.monitoringDepartment(bodyId, today);
      await this.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('instruction').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (row.overdue_on || row.due >= today || !(OPEN as readonly string[]).includes(row.state)) return;
        const head = await appendCaseEvent(trx, { count: row.event_count, hash: row.last_event_hash }, {
          caseType: CASE_TYPE, caseId: id, at: this.now(), actor: 'system', action: 'overdue', citation: OVERDUE_CITATION, state: row.state, details: { due: row.due, noticedOn: today, escalatedTo: monitors },
        });
        await trx.updateTable('instruction').set({ overdue_on: today, version: row.version + 1, event_count: head.count, last_event_hash: head.hash, updated_at: this.now() }).where('id', '=', id).execute();
        // AT-37: escalated to the appeals-monitoring department over the body, and to whoever keeps it under control
        const to = new Set([...monitors, row.controller_id, row.giver_id, row.executor_ids[0]].filter((x): x is string => !!x));
        for (const official of to) {
          await enqueueNotice(trx, {
            type: 'instruction_overdue', subject: { type: CASE_TYPE, id }, recipient: { kind: 'official', id: official, online: true }, language: row.language, createdBy: 'system',
            data: { registrationNumber: row.number, dueDate: row.due, giver: row.giver_name },
          });
        }
        done.push(id);
      });
    }
    return done;
  }

  /**
   * REG p.9(1), p.5(9), AT-37: the appeals-monitoring department that oversees a body: the officials appointed today
   * in a subdivision of kind `appeals_monitoring` of the body itself or of the apparatus serving it, looking up
   * from the body to its ancestors and taking the nearest (a district akimat's overdue instruction reaches the
   * department in the regional akim's apparatus).
   */
  async monitoringDepartment(bodyId: string, today = this.today()): Promise<string[]> {
    for (const b of await this.organisation.bodyPath(bodyId)) {
      const around = [b];
      // an apparatus serving the body (its subtree root is the body) holds the body's departments
      for (const c of await this.organisation.bodies({ parentId: b })) if (c.id !== b && (await this.organisation.subtreeRoot(c.id)) === b) around.push(c.id);
      for (const x of around) {
        const units = new Set((await this.organisation.subdivisions(x)).filter((s) => s.kind === 'appeals_monitoring' && s.active).map((s) => s.id));
        if (!units.size) continue;
        const staff = await this.organisation.officials({ bodyId: x });
        const appointed = await this.organisation.currentAppointments(staff.filter((o) => o.active).map((o) => o.id), today);
        const ids = [...new Set(appointed.filter((a) => a.subdivision_id !== null && units.has(a.subdivision_id)).map((a) => a.official_id))];
        if (ids.length) return ids;
      }
    }
    return [];
  }

  /** The due date of an instruction with its explanation (principle 2; APC 37(3)). */
  async deadline(row: InstructionRow) {
    const { calendar } = await this.calendar.current();
    return instructionDeadline(row.given_on, { due: row.due }, calendar, this.calendar.conventions());
  }

  /**
   * REG p.9(2): the executive-discipline table, per coordinating executor, of instructions given in [from, to]:
   * executed on time, late, still open past the due date, extended. Anyone with a breach is listed for a proposal.
   */
  async discipline(bodyIds: string[], from: string, to: string) {
    const today = this.today();
    if (!bodyIds.length) return [];
    const rows = await this.db.selectFrom('instruction').selectAll().where('body_id', 'in', bodyIds).where('given_on', '>=', from).where('given_on', '<=', to).execute();
    const by = new Map<string, { total: number; executedOnTime: number; executedLate: number; overdueOpen: number; extended: number }>();
    for (const r of rows) {
      const k = r.executor_ids[0]!;
      const s = by.get(k) ?? { total: 0, executedOnTime: 0, executedLate: 0, overdueOpen: 0, extended: 0 };
      s.total++;
      if (r.due !== r.original_due) s.extended++;
      if (r.executed_on) {
        if (r.executed_on <= r.due) s.executedOnTime++;
        else s.executedLate++;
      } else if ((OPEN as readonly string[]).includes(r.state) && r.due < today) s.overdueOpen++;
      by.set(k, s);
    }
    const out = [];
    for (const [officialId, s] of by) {
      const o = await this.organisation.official(officialId);
      out.push({ officialId, name: o.full_name, ...s, overdueRate: Math.round(((s.executedLate + s.overdueOpen) / s.total) * 1000) / 1000, proposal: s.executedLate + s.overdueOpen > 0 });
    }
    return out.sort((a, b) => b.overdueRate - a.overdueRate || a.name.localeCompare(b.name));
  }
}
