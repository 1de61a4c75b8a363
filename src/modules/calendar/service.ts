/**
 * The time engine as a service: the production calendar kept in the database (seeded from
 * data/calendar/kz.json, changed by administrators), terms, deadline computation, stored deadlines and their
 * explicit recompute.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Kysely, Transaction } from 'kysely';
import {
  CalendarRangeError,
  WorkingCalendar,
  checkYearInput,
  completeYear,
  type CalendarYear,
  type CalendarYearInput,
} from '../../law/calendar.ts';
import { readProductionCalendarFile, type ProductionCalendarFile } from '../../law/calendar-file.ts';
import { isoDate, toAlmatyDay } from '../../law/dates.ts';
import { TermNotComputableError, computeDeadline, type Conventions, type Deadline } from '../../law/deadlines.ts';
import type { Term } from '../../law/term.ts';
import { TERMS } from '../../law/terms.ts';
import { Problem } from '../../platform/problems.ts';
import type { Schema } from '../../platform/schema.ts';
import { audit } from '../audit/service.ts';
import * as q from './queries.ts';

export const REFERENCE_CALENDAR = fileURLToPath(new URL('../../../data/calendar/kz.json', import.meta.url));

const TERM_BY_ID = new Map<string, Term>(TERMS.map((t) => [t.id, t]));

/** A term by id: an unknown id asked for in the path is a missing resource (404), in a body bad input (400). */
export function findTerm(id: string, from: 'path' | 'body' = 'path'): Term {
  const term = TERM_BY_ID.get(id);
  if (!term) {
    throw from === 'body'
      ? new Problem(400, 'unknown_term', { term: id }, [{ field: 'body.term', code: 'invalid_value' }])
      : new Problem(404, 'unknown_term', { term: id }, [{ field: 'params.id', code: 'invalid_value' }]);
  }
  return term;
}

export async function readReferenceCalendar(file = REFERENCE_CALENDAR): Promise<CalendarYearInput[]> {
  return readProductionCalendarFile(JSON.parse(await fs.readFile(file, 'utf8')) as ProductionCalendarFile);
}

export interface StoredYear extends CalendarYear {
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

/** Computes a deadline, turning the engine's errors into problems a person can act on. */
export function computeOrProblem(term: Term, from: string, calendar: WorkingCalendar, conventions: Conventions): Deadline {
  const day = toAlmatyDay(from);
  if (day === undefined) throw new Problem(400, 'validation', {}, [{ field: 'body.from', code: 'invalid_date' }]);
  try {
    return computeDeadline(term, isoDate(day), calendar, conventions);
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      const covered = calendar.yearsCovered();
      throw new Problem(400, 'outside_calendar', { date: error.date, first: covered.first, last: covered.last }, [{ field: 'body.from', code: 'outside_calendar' }]);
    }
    if (error instanceof TermNotComputableError) throw new Problem(400, 'term_not_computable', { citation: term.citation }, [{ field: 'body.term', code: 'invalid_value' }]);
    throw error;
  }
}

/** A module that keeps a stored deadline's date on its own rows (an appeal's `due`) follows a recompute here. */
export type MovedHook = (trx: Transaction<Schema>, moved: { id: number; subjectType: string; subjectId: string; term: string; oldDue: string; newDue: string }[]) => Promise<void>;

export class CalendarService {
  private readonly movedHooks: MovedHook[] = [];
  private cached: { revision: number; calendar: WorkingCalendar; years: StoredYear[] } | undefined;
  private readonly inTransaction = new WeakMap<object, Promise<{ revision: number; calendar: WorkingCalendar; years: StoredYear[] }>>();

  constructor(
    private readonly db: Kysely<Schema>,
    readonly defaults: Conventions,
  ) {}

  /** Loads the reference years the database does not have yet; an administrator's years are never overwritten. */
  async seed(reference?: CalendarYearInput[]): Promise<number[]> {
    const years = reference ?? (await readReferenceCalendar());
    const added: number[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const y of years) {
        const revision = await q.nextRevision(trx);
        if (await q.insertYearIfMissing(trx, y, revision, 'reference-data')) added.push(y.year);
      }
      if (added.length) await audit(trx, { actor: 'system', action: 'calendar.seeded', subjectType: 'calendar', subjectId: added.join(','), details: { years: added } });
    });
    return added;
  }

  /**
   * The calendar in force now: reloaded whenever another node or request changed a year. Inside a transaction
   * pass it as `db`: on PGlite the pool has one connection, which the transaction holds.
   */
  async current(db: Kysely<Schema> | Transaction<Schema> = this.db): Promise<{ revision: number; calendar: WorkingCalendar; years: StoredYear[] }> {
    // one transaction computes all its terms on one calendar, read once (a registration computes six)
    if (!db.isTransaction) return this.load(db);
    let loaded = this.inTransaction.get(db);
    if (!loaded) this.inTransaction.set(db, (loaded = this.load(db)));
    return loaded;
  }

  private async load(db: Kysely<Schema> | Transaction<Schema>): Promise<{ revision: number; calendar: WorkingCalendar; years: StoredYear[] }> {
    const revision = await q.calendarRevision(db);
    if (this.cached?.revision === revision) return this.cached;
    const rows = await q.calendarYears(db);
    if (rows.length === 0) throw new Error('the production calendar is empty: start the server or run `tynda migrate` to seed it');
    const years = rows.map((r) => ({
      ...completeYear(r.data as CalendarYearInput),
      revision: r.revision,
      updatedAt: new Date(r.updated_at).toISOString(),
      updatedBy: r.updated_by,
    }));
    this.cached = { revision, calendar: new WorkingCalendar(years), years };
    return this.cached;
  }

  onDeadlinesMoved(hook: MovedHook): void {
    this.movedHooks.push(hook);
  }

  conventions(overrides: Partial<Conventions> = {}): Conventions {
    return { ...this.defaults, ...overrides };
  }

  async compute(termId: string, from: string, overrides?: Partial<Conventions>, db: Kysely<Schema> | Transaction<Schema> = this.db): Promise<Deadline> {
    const term = findTerm(termId, 'body');
    const { calendar } = await this.current(db);
    return computeOrProblem(term, from, calendar, this.conventions(overrides));
  }

  async year(year: number): Promise<StoredYear> {
    const { years } = await this.current();
    const found = years.find((y) => y.year === year);
    if (!found) throw new Problem(404, 'not_found');
    return found;
  }

  /**
   * An administrator replaces a year (or adds the next one). Deadlines computed afterwards use it; stored
   * deadlines keep their dates until `recompute`. Audited with the year before and after.
   */
  async putYear(input: CalendarYearInput, actor: string): Promise<StoredYear> {
    const problems = checkYearInput(input);
    if (problems.length) {
      throw new Problem(400, 'calendar_invalid', {}, problems.map((p) => ({ field: `body.${p.field}`, code: p.problem, params: { date: p.date ?? '' } })));
    }
    await this.db.transaction().execute(async (trx) => {
      const rows = await q.calendarYears(trx);
      const before = rows.find((r) => r.year === input.year);
      const first = rows[0]?.year;
      const last = rows.at(-1)?.year;
      if (!before && first !== undefined && last !== undefined && input.year !== last + 1 && input.year !== first - 1) {
        throw new Problem(409, 'calendar_not_adjacent', { year: input.year, first, last });
      }
      await q.upsertYear(trx, input, await q.nextRevision(trx), actor);
      await audit(trx, {
        actor,
        action: before ? 'calendar.year_changed' : 'calendar.year_added',
        subjectType: 'calendar_year',
        subjectId: String(input.year),
        details: { before: before?.data ?? null, after: input },
      });
    });
    return this.year(input.year);
  }

  /** Stores a deadline a case relies on, with its explanation and the calendar revision it was computed on. */
  async store(db: Kysely<Schema> | Transaction<Schema>, subject: { type: string; id: string }, termId: string, from: string, overrides?: Partial<Conventions>) {
    const [stored] = await this.storeAll(db, subject, [termId], from, overrides);
    return stored!;
  }

  /** Stores several deadlines of one case running from the same day, in one statement. */
  async storeAll(db: Kysely<Schema> | Transaction<Schema>, subject: { type: string; id: string }, termIds: readonly string[], from: string, overrides?: Partial<Conventions>) {
    const { revision, calendar } = await this.current(db);
    const deadlines = termIds.map((termId) => computeOrProblem(findTerm(termId), from, calendar, this.conventions(overrides)));
    const rows = await db
      .insertInto('deadline')
      .values(deadlines.map((deadline, i) => ({
        subject_type: subject.type,
        subject_id: subject.id,
        term_id: termIds[i]!,
        from_date: deadline.from,
        due: deadline.due,
        internal_target: deadline.internalTarget ?? null,
        explanation: JSON.stringify(deadline.explanation),
        warnings: JSON.stringify(deadline.warnings),
        conventions: JSON.stringify(deadline.conventions),
        calendar_revision: revision,
      })))
      .returning(['id', 'term_id'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.term_id, r.id]));
    return deadlines.map((deadline, i) => ({ id: idOf.get(termIds[i]!)!, ...deadline }));
  }

  /**
   * Recomputes every open stored deadline on the current calendar and reports the ones that moved. With
   * `dryRun` nothing changes. The moves are one transaction and one audit event.
   */
  async recompute(actor: string, dryRun: boolean) {
    const { revision, calendar } = await this.current();
    return this.db.transaction().execute(async (trx) => {
      const rows = await q.openDeadlines(trx);
      const moved = [];
      for (const row of rows) {
        const fresh = computeDeadline(findTerm(row.term_id), row.from_date, calendar, row.conventions as Conventions, { explain: true });
        const oldTarget = row.internal_target;
        const newTarget = fresh.internalTarget ?? null;
        if (fresh.due !== row.due || newTarget !== oldTarget) {
          moved.push({ id: row.id, subjectType: row.subject_type, subjectId: row.subject_id, term: row.term_id, from: row.from_date, oldDue: row.due, newDue: fresh.due, oldInternalTarget: oldTarget, newInternalTarget: newTarget });
          if (!dryRun) {
            await trx
              .updateTable('deadline')
              .set({ due: fresh.due, internal_target: newTarget, explanation: JSON.stringify(fresh.explanation), warnings: JSON.stringify(fresh.warnings), calendar_revision: revision, computed_at: new Date() })
              .where('id', '=', row.id)
              .execute();
          }
        }
      }
      if (!dryRun) for (const hook of this.movedHooks) await hook(trx, moved);
      if (!dryRun) await audit(trx, { actor, action: 'deadlines.recomputed', subjectType: 'calendar', subjectId: String(revision), details: { checked: rows.length, moved } });
      return { checked: rows.length, calendarRevision: revision, dryRun, moved };
    });
  }
}
