/** SQL of the calendar module: calendar years and stored deadlines. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CalendarYearInput } from '../../law/calendar.ts';
import type { Schema } from '../../platform/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export async function calendarRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('calendar_year').select(sql<number>`coalesce(max(revision), 0)::int`.as('revision')).executeTakeFirstOrThrow();
  return row.revision;
}

export async function calendarYears(db: Db) {
  return db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
}

export async function nextRevision(db: Db): Promise<number> {
  const { rows } = await sql<{ r: number }>`select nextval('calendar_revision_seq')::int as r`.execute(db);
  return rows[0]!.r;
}

export async function upsertYear(db: Db, input: CalendarYearInput, revision: number, actor: string) {
  await db
    .insertInto('calendar_year')
    .values({ year: input.year, complete: input.complete, data: JSON.stringify(input), revision, updated_by: actor })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ complete: input.complete, data: JSON.stringify(input), revision, updated_by: actor, updated_at: sql`now()` }),
    )
    .execute();
}

export async function insertYearIfMissing(db: Db, input: CalendarYearInput, revision: number, actor: string): Promise<boolean> {
  const result = await db
    .insertInto('calendar_year')
    .values({ year: input.year, complete: input.complete, data: JSON.stringify(input), revision, updated_by: actor })
    .onConflict((oc) => oc.column('year').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function openDeadlines(db: Db) {
  return db.selectFrom('deadline').selectAll().where('open', '=', true).orderBy('id').forUpdate().execute();
}
