/** SQL of the appeals module: the worklists. */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

/** Where a person may read appeals, from their grants: each part widens the set. */
export interface ReadScope {
  all: boolean;
  bodies: string[];
  /** subdivisions whose cases (and those of the subdivisions inside them) are readable */
  subdivisions: string[];
  /** cases the person filed, or is executor or co-executor of */
  ownerId?: string | undefined;
}

export interface ListFilter {
  view: 'mine' | 'subdivision' | 'body' | 'due_soon' | 'overdue' | 'all';
  bodyId?: string | undefined;
  state?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  /** REG p.5(4)-(5): under control, or returned for rework */
  control?: 'under_control' | 'returned' | undefined;
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<Schema, 'appeal'>;

// `co_executor_ids @> array[id]` (not `id = any(...)`): the containment test can use the GIN index (migration 050)
const coExecutes = (eb: Eb, id: string) => sql<SqlBool>`${eb.ref('co_executor_ids')} @> array[${id}::uuid]`;

function inSubdivisions(eb: Eb, ids: string[]): Expression<SqlBool> {
  return eb(
    'subdivision_id',
    'in',
    sql<string>`(with recursive s as (select id from subdivision where id in (${sql.join(ids)}) union all select c.id from subdivision c join s on c.parent_id = s.id) select id from s)`,
  );
}

const notAlready = (earlier: Expression<SqlBool>[]) => earlier.map((e) => sql<SqlBool>`(${e}) is not true`);

/**
 * The appeals a scope may read, as a table named `appeal`. Each part of the scope is its own arm, disjoint from
 * the arms before it (`is not true` also keeps the rows where an earlier part is null), and the arms are
 * joined by UNION ALL: PostgreSQL flattens them into an Append whose every arm is an index range scan (a body's
 * range of a partial index, an executor's range), and pushes the view's conditions into each. One `OR` over the
 * parts was one scan of the national open set with the parts as a filter (docs/operations.md, issue 13).
 */
function readableAppeals(db: Kysely<Schema>, scope: ReadScope) {
  const base = db.selectFrom('appeal');
  if (scope.all) return base;
  const parts: ((eb: Eb) => Expression<SqlBool>)[] = [];
  if (scope.bodies.length) parts.push((eb) => eb('body_id', 'in', scope.bodies));
  if (scope.subdivisions.length) parts.push((eb) => inSubdivisions(eb, scope.subdivisions));
  const me = scope.ownerId;
  if (me) parts.push((eb) => eb('executor_id', '=', me), (eb) => eb('applicant_id', '=', me), (eb) => coExecutes(eb, me));
  if (!parts.length) return base.where(sql<SqlBool>`false`);
  if (parts.length === 1) return base.where((eb) => parts[0]!(eb));
  const arms = parts.map((part, k) => db.selectFrom('appeal').selectAll().where((eb) => eb.and([part(eb), ...notAlready(parts.slice(0, k).map((p) => p(eb)))])));
  const union = arms.slice(1).reduce((u, arm) => u.unionAll(arm), arms[0]!);
  // the derived table has exactly the columns of `appeal`, under its name: the rest of a query reads it as the table
  return db.selectFrom(union.as('appeal')) as unknown as typeof base;
}

/** Not decided and not closed: the stored column of migration 106 (its statistics give the planner a right estimate). */
const isOpen = (eb: Eb) => eb('open', '=', true);

/** A page of appeals the scope may read, in the view asked for, most urgent first. */
export async function listAppeals(db: Kysely<Schema>, scope: ReadScope, f: ListFilter, today: string, soon: string) {
  // "mine" and "subdivision" are parts of the scope itself: read those arms only, not all of them filtered
  const none = { all: false, bodies: [], subdivisions: [] };
  let query = readableAppeals(db, f.view === 'mine' ? { ...none, ownerId: scope.ownerId } : f.view === 'subdivision' ? { ...none, subdivisions: scope.subdivisions } : scope);
  switch (f.view) {
    case 'due_soon':
      query = query.where((eb) => eb.and([isOpen(eb), eb('due', '>=', today), eb('due', '<=', soon)]));
      break;
    case 'overdue':
      query = query.where((eb) => eb.and([isOpen(eb), eb('due', '<', today)]));
      break;
    default:
      break;
  }
  if (f.bodyId) query = query.where('body_id', '=', f.bodyId);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.type) query = query.where('type', '=', f.type);
  if (f.control) query = query.where('control_status', '=', f.control);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('number', 'ilike', like), eb('summary', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    query
      .select(['id', 'number', 'body_id', 'type', 'procedure', 'state', 'channel', 'language', 'summary', 'received_on', 'registered_on', 'due', 'deemed_refused_on', 'executor_id', 'subdivision_id', 'version', 'control_status', 'rework_count'])
      .orderBy('due')
      .orderBy('number')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/**
 * Counters for the inbox, over the open cases the scope may read: new (registered), mine (I execute or
 * co-execute), due in 3 working days, overdue. Every counter is of open work, so the query reads the open set
 * only (partial indexes of migrations 050 and 106): its cost follows the backlog, never the years of closed history.
 */
export async function counters(db: Kysely<Schema>, scope: ReadScope, today: string, soon: string) {
  const row = await readableAppeals(db, scope)
    .where(isOpen)
    .select([
      sql<number>`count(*) filter (where state = 'registered')::int`.as('new'),
      sql<number>`count(*) filter (where due >= ${today} and due <= ${soon})::int`.as('dueSoon'),
      sql<number>`count(*) filter (where due < ${today})::int`.as('overdue'),
      ...(scope.ownerId ? [sql<number>`count(*) filter (where executor_id = ${scope.ownerId} or co_executor_ids @> array[${scope.ownerId}::uuid])::int`.as('mine')] : [sql<number>`0`.as('mine')]),
    ])
    .executeTakeFirstOrThrow();
  // REG p.5(5): my answers returned for rework are decided cases, outside the open set; few, and indexed (migration 105)
  const returned = scope.ownerId
    ? await readableAppeals(db, scope)
        .where((eb) => eb.and([eb('control_status', '=', 'returned'), eb.or([eb('executor_id', '=', scope.ownerId!), coExecutes(eb, scope.ownerId!)])]))
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    : { n: 0 };
  return { ...row, returned: returned.n };
}

/**
 * The head's view of a body (issue 9): per executor, the open cases, those due soon and overdue, the appeals
 * under control, and the answers returned for rework (REG p.5(5)) counted from the case events, in a period.
 */
export async function bodyLoad(db: Kysely<Schema>, bodyId: string, today: string, soon: string, period: { from?: string | undefined; to?: string | undefined }) {
  const open = await db
    .selectFrom('appeal')
    .where('body_id', '=', bodyId)
    .where((eb) => eb.or([isOpen(eb), eb('control_status', 'in', ['under_control', 'returned'])]))
    .select([
      'executor_id',
      sql<number>`count(*) filter (where decided_at is null)::int`.as('open'),
      sql<number>`count(*) filter (where decided_at is null and due >= ${today} and due <= ${soon})::int`.as('dueSoon'),
      sql<number>`count(*) filter (where decided_at is null and due < ${today})::int`.as('overdue'),
      sql<number>`count(*) filter (where control_status in ('under_control', 'returned'))::int`.as('underControl'),
      sql<number>`count(*) filter (where control_status = 'returned')::int`.as('awaitingRework'),
    ])
    .groupBy('executor_id')
    .execute();
  let returns = db
    .selectFrom('case_event as e')
    .innerJoin('appeal as a', 'a.id', 'e.case_id')
    .where('e.case_type', '=', 'appeal')
    .where('e.action', '=', 'return_for_rework')
    .where('a.body_id', '=', bodyId);
  if (period.from) returns = returns.where(sql<SqlBool>`(e.at at time zone 'Asia/Almaty')::date >= ${period.from}::date`);
  if (period.to) returns = returns.where(sql<SqlBool>`(e.at at time zone 'Asia/Almaty')::date <= ${period.to}::date`);
  const returned = await returns
    .select([sql<string | null>`e.details->>'executorId'`.as('executor_id'), sql<number>`count(*)::int`.as('returns'), sql<number>`count(distinct e.case_id)::int`.as('cases')])
    .groupBy(sql`e.details->>'executorId'`)
    .execute();
  const rows = new Map<string, { executorId: string | null; open: number; dueSoon: number; overdue: number; underControl: number; awaitingRework: number; returns: number; returnedCases: number }>();
  const row = (id: string | null) => {
    const k = id ?? '';
    if (!rows.has(k)) rows.set(k, { executorId: id, open: 0, dueSoon: 0, overdue: 0, underControl: 0, awaitingRework: 0, returns: 0, returnedCases: 0 });
    return rows.get(k)!;
  };
  for (const o of open) Object.assign(row(o.executor_id), { open: o.open, dueSoon: o.dueSoon, overdue: o.overdue, underControl: o.underControl, awaitingRework: o.awaitingRework });
  for (const r of returned) Object.assign(row(r.executor_id), { returns: r.returns, returnedCases: r.cases });
  return [...rows.values()].sort((x, y) => y.open - x.open || y.returns - x.returns);
}
