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
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<Schema, 'appeal'>;

// `co_executor_ids @> array[id]` (not `id = any(...)`): the containment test can use the GIN index (migration 050)
const coExecutes = (eb: Eb, id: string) => sql<SqlBool>`${eb.ref('co_executor_ids')} @> array[${id}::uuid]`;

function owned(eb: Eb, id: string): Expression<SqlBool> {
  return eb.or([eb('executor_id', '=', id), eb('applicant_id', '=', id), coExecutes(eb, id)]);
}

function inSubdivisions(eb: Eb, ids: string[]): Expression<SqlBool> {
  return eb(
    'subdivision_id',
    'in',
    sql<string>`(with recursive s as (select id from subdivision where id in (${sql.join(ids)}) union all select c.id from subdivision c join s on c.parent_id = s.id) select id from s)`,
  );
}

function readable(eb: Eb, scope: ReadScope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [];
  if (scope.bodies.length) parts.push(eb('body_id', 'in', scope.bodies));
  if (scope.subdivisions.length) parts.push(inSubdivisions(eb, scope.subdivisions));
  if (scope.ownerId) parts.push(owned(eb, scope.ownerId));
  return parts.length ? eb.or(parts) : sql<SqlBool>`false`;
}

/** A page of appeals the scope may read, in the view asked for, most urgent first. */
export async function listAppeals(db: Kysely<Schema>, scope: ReadScope, f: ListFilter, today: string, soon: string) {
  let query = db.selectFrom('appeal').where((eb) => readable(eb, scope));
  const open = (eb: Eb) => eb.and([eb('closed_at', 'is', null), eb('decided_at', 'is', null)]);
  switch (f.view) {
    case 'mine':
      query = query.where((eb) => (scope.ownerId ? owned(eb, scope.ownerId) : sql<SqlBool>`false`));
      break;
    case 'subdivision':
      query = query.where((eb) => (scope.subdivisions.length ? inSubdivisions(eb, scope.subdivisions) : sql<SqlBool>`false`));
      break;
    case 'due_soon':
      query = query.where((eb) => eb.and([open(eb), eb('due', '>=', today), eb('due', '<=', soon)]));
      break;
    case 'overdue':
      query = query.where((eb) => eb.and([open(eb), eb('due', '<', today)]));
      break;
    default:
      break;
  }
  if (f.bodyId) query = query.where('body_id', '=', f.bodyId);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.type) query = query.where('type', '=', f.type);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('number', 'ilike', like), eb('summary', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    query
      .select(['id', 'number', 'body_id', 'type', 'procedure', 'state', 'channel', 'language', 'summary', 'received_on', 'registered_on', 'due', 'deemed_refused_on', 'executor_id', 'subdivision_id', 'version'])
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
 * only (partial indexes of migration 050): its cost follows the backlog, never the years of closed history.
 */
export async function counters(db: Kysely<Schema>, scope: ReadScope, today: string, soon: string) {
  const row = await db
    .selectFrom('appeal')
    .where((eb) => eb.and([readable(eb, scope), eb('closed_at', 'is', null), eb('decided_at', 'is', null)]))
    .select([
      sql<number>`count(*) filter (where state = 'registered')::int`.as('new'),
      sql<number>`count(*) filter (where due >= ${today} and due <= ${soon})::int`.as('dueSoon'),
      sql<number>`count(*) filter (where due < ${today})::int`.as('overdue'),
      ...(scope.ownerId ? [sql<number>`count(*) filter (where executor_id = ${scope.ownerId} or co_executor_ids @> array[${scope.ownerId}::uuid])::int`.as('mine')] : [sql<number>`0`.as('mine')]),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
