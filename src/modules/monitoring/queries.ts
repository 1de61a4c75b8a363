/**
 * SQL of the monitoring dashboards. Every figure is a count over the appeals RECEIVED in the period (received_on),
 * in the bodies the principal may report on, narrowed by the filters; "in work", "due soon" and "overdue" are as of
 * today. "Open", "due soon" and "overdue" are the worklists' definitions (src/modules/appeals/queries.ts:
 * not decided and not closed; due within 3 working days; due before today); test/api/monitoring.test.ts holds the
 * two modules to the same numbers.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

export const FIGURES = ['received', 'inWork', 'dueSoon', 'overdue', 'deemedRefused', 'extended', 'answered', 'late', 'underControl', 'returned'] as const;
export type Figure = (typeof FIGURES)[number];
export const GROUPS = ['body', 'district', 'topic', 'channel', 'month', 'executor'] as const;
export type GroupBy = (typeof GROUPS)[number];

export interface Filter {
  /** the bodies in the principal's `reports.read` scope */
  bodies: 'all' | readonly string[];
  from: string;
  to: string;
  bodyId?: string | undefined;
  territoryId?: string | undefined;
  /** a topic and the topics under it */
  topicId?: string | undefined;
  channel?: string | undefined;
  /** YYYY-MM */
  month?: string | undefined;
  executorId?: string | undefined;
}

export interface Today {
  today: string;
  /** the last day counted as "due soon": today + 3 working days (as the worklists) */
  soon: string;
}

// the stored column of migration 106 (not decided, not closed), as the worklists use it
const OPEN = sql`a.open`;

/**
 * What every dashboard query reads: the appeal, its body (the district), and its control events counted once per
 * case (`ev.ctl` taken under control, `ev.rw` returned for rework; the partial index of migration 104 keeps this
 * to the few control events, however long the history).
 */
const FROM = sql`appeal a join body b on b.id = a.body_id left join (
  select case_id, count(*) filter (where action = 'take_under_control')::int as ctl, count(*) filter (where action = 'return_for_rework')::int as rw
  from case_event where case_type = 'appeal' and action in ('take_under_control', 'return_for_rework') group by case_id) ev on ev.case_id = a.id`;

/** The condition of each figure, over `appeal a`. */
export function figureCondition(f: Figure, t: Today): RawBuilder<unknown> {
  switch (f) {
    case 'received': return sql`true`;
    case 'inWork': return OPEN;
    case 'dueSoon': return sql`(${OPEN} and a.due >= ${t.today} and a.due <= ${t.soon})`;
    case 'overdue': return sql`(${OPEN} and a.due < ${t.today})`;
    case 'deemedRefused': return sql`a.deemed_refused_on is not null`;
    case 'extended': return sql`a.extended`;
    case 'answered': return sql`a.decided_at is not null`;
    // the term was not kept: deemed refused, still open past it, or answered after it
    case 'late': return sql`(a.deemed_refused_on is not null or (${OPEN} and a.due < ${t.today}) or (a.decided_at is not null and (a.decided_at at time zone 'Asia/Almaty')::date > a.due))`;
    case 'underControl': return sql`coalesce(ev.ctl, 0) > 0`;
    case 'returned': return sql`coalesce(ev.rw, 0) > 0`;
  }
}

function groupKey(g: GroupBy): RawBuilder<string> {
  switch (g) {
    case 'body': return sql<string>`a.body_id::text`;
    case 'district': return sql<string>`coalesce(b.territory_id::text, '')`;
    case 'topic': return sql<string>`coalesce(a.topic_id::text, '')`;
    case 'channel': return sql<string>`a.channel`;
    case 'month': return sql<string>`to_char(a.received_on, 'YYYY-MM')`;
    case 'executor': return sql<string>`coalesce(a.executor_id::text, '')`;
  }
}

/** The WHERE of every dashboard query over FROM. */
export function where(f: Filter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`a.received_on >= ${f.from}`, sql`a.received_on <= ${f.to}`];
  if (f.bodies !== 'all') parts.push(f.bodies.length ? sql`a.body_id in (${sql.join(f.bodies.map((id) => sql`${id}::uuid`))})` : sql`false`);
  if (f.bodyId) parts.push(sql`a.body_id = ${f.bodyId}::uuid`);
  if (f.territoryId) parts.push(sql`(b.territory_id = ${f.territoryId}::uuid or b.territory_id in (select id from territory where parent_id = ${f.territoryId}::uuid))`);
  if (f.topicId) parts.push(sql`a.topic_id in (select id from topic where id = ${f.topicId}::uuid or parent_id = ${f.topicId}::uuid)`);
  if (f.channel) parts.push(sql`a.channel = ${f.channel}`);
  if (f.month) parts.push(sql`to_char(a.received_on, 'YYYY-MM') = ${f.month}`);
  if (f.executorId) parts.push(sql`a.executor_id = ${f.executorId}::uuid`);
  return sql.join(parts, sql` and `);
}

export type FigureCounts = Record<Figure, number> & { returns: number };

const counts = (t: Today) => sql.join([
  ...FIGURES.map((fig) => sql`count(*) filter (where ${figureCondition(fig, t)})::int as ${sql.ref(fig)}`),
  sql`coalesce(sum(ev.rw), 0)::int as returns`,
]);

/** The figures in total, or per group. */
export async function figures(db: Kysely<Schema>, f: Filter, t: Today): Promise<FigureCounts>;
export async function figures(db: Kysely<Schema>, f: Filter, t: Today, by: GroupBy): Promise<(FigureCounts & { key: string })[]>;
export async function figures(db: Kysely<Schema>, f: Filter, t: Today, by?: GroupBy) {
  if (!by) {
    const { rows } = await sql<FigureCounts>`select ${counts(t)} from ${FROM} where ${where(f)}`.execute(db);
    return rows[0]!;
  }
  const key = groupKey(by);
  const { rows } = await sql<FigureCounts & { key: string }>`select ${key} as key, ${counts(t)} from ${FROM} where ${where(f)} group by 1 order by 1`.execute(db);
  return rows;
}

/** Received and late per (row, topic): the input of the fair indicators. */
export async function caseMix(db: Kysely<Schema>, f: Filter, t: Today, by: 'body' | 'district' | 'executor') {
  const { rows } = await sql<{ key: string; topicId: string | null; received: number; late: number }>`
    select ${groupKey(by)} as key, a.topic_id::text as "topicId", count(*)::int as received, count(*) filter (where ${figureCondition('late', t)})::int as late
    from ${FROM} where ${where(f)} group by 1, 2`.execute(db);
  return rows;
}

/** The cases behind one figure: a page, most urgent first, and how many there are. */
export async function cases(db: Kysely<Schema>, f: Filter, t: Today, figure: Figure, page: number, pageSize: number) {
  const cond = sql`${where(f)} and ${figureCondition(figure, t)}`;
  const [items, total] = await Promise.all([
    sql<{ id: string; number: string; bodyId: string; state: string; receivedOn: string; due: string; executorId: string | null; executorName: string | null; topicId: string | null; channel: string; summary: string; deemedRefusedOn: string | null; extended: boolean }>`
      select a.id, a.number, a.body_id as "bodyId", a.state, a.received_on as "receivedOn", a.due, a.executor_id as "executorId", o.full_name as "executorName",
             a.topic_id as "topicId", a.channel, a.summary, a.deemed_refused_on as "deemedRefusedOn", a.extended
      from ${FROM} left join official o on o.id = a.executor_id
      where ${cond} order by a.due, a.number limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${cond}`.execute(db),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

/** Returns for rework (REG p.5(5)) per body and executor: how many returns, on how many appeals. */
export async function returnsByExecutor(db: Kysely<Schema>, f: Filter) {
  const { rows } = await sql<{ bodyId: string; executorId: string | null; executorName: string | null; returns: number; appeals: number }>`
    select a.body_id as "bodyId", a.executor_id as "executorId", o.full_name as "executorName", count(*)::int as returns, count(distinct a.id)::int as appeals
    from case_event e join appeal a on a.id = e.case_id join body b on b.id = a.body_id left join official o on o.id = a.executor_id
    where e.case_type = 'appeal' and e.action = 'return_for_rework' and ${where(f)}
    group by 1, 2, 3 order by returns desc, 1, 2`.execute(db);
  return rows;
}

/** Appeals per (district, topic) in a period: the content analysis (rising topics, problem cards). */
export async function districtTopics(db: Kysely<Schema>, f: Filter) {
  const { rows } = await sql<{ territoryId: string; topicId: string; n: number }>`
    select b.territory_id as "territoryId", a.topic_id as "topicId", count(*)::int as n
    from appeal a join body b on b.id = a.body_id
    where ${where(f)} and b.territory_id is not null and a.topic_id is not null
    group by 1, 2`.execute(db);
  return rows;
}
