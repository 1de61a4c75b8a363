/** SQL of the organisation: territories, bodies, subdivisions, positions, officials, appointments, topics. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

export type Db = Kysely<Schema> | Transaction<Schema>;

export async function territories(db: Db, filter: { kind?: string | undefined; parentId?: string | undefined }) {
  let q = db.selectFrom('territory').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  return q.orderBy('code').execute();
}

export async function territory(db: Db, id: string) {
  return db.selectFrom('territory').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function bodies(db: Db, filter: { type?: string | undefined; parentId?: string | undefined; territoryId?: string | undefined; ids?: readonly string[] | undefined }) {
  let q = db.selectFrom('body').selectAll();
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  if (filter.territoryId) q = q.where('territory_id', '=', filter.territoryId);
  if (filter.ids) q = filter.ids.length ? q.where('id', 'in', filter.ids) : q.where(sql<boolean>`false`);
  return q.orderBy('code').execute();
}

export async function body(db: Db, id: string) {
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function bodyByCode(db: Db, code: string) {
  return db.selectFrom('body').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countBodies(db: Db): Promise<number> {
  const row = await db.selectFrom('body').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** The body and its ancestors, nearest first. */
export async function bodyPath(db: Db, id: string): Promise<{ id: string; type: string }[]> {
  const { rows } = await sql<{ id: string; type: string; depth: number }>`
    with recursive up as (
      select id, parent_id, type, 0 as depth from body where id = ${id}
      union all
      select b.id, b.parent_id, b.type, up.depth + 1 from body b join up on b.id = up.parent_id where up.depth < 50
    )
    select id, type, depth from up order by depth`.execute(db);
  return rows;
}

/** The body and every body below it. */
export async function bodySubtree(db: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down as (
      select id, 0 as depth from body where id = ${id}
      union all
      select b.id, down.depth + 1 from body b join down on b.parent_id = down.id where down.depth < 50
    )
    select id from down`.execute(db);
  return rows.map((r) => r.id);
}

export async function subdivisionPath(db: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive up as (
      select id, parent_id, 0 as depth from subdivision where id = ${id}
      union all
      select s.id, s.parent_id, up.depth + 1 from subdivision s join up on s.id = up.parent_id where up.depth < 50
    )
    select id, depth from up order by depth`.execute(db);
  return rows.map((r) => r.id);
}

export async function subdivisions(db: Db, bodyId: string) {
  return db.selectFrom('subdivision').selectAll().where('body_id', '=', bodyId).orderBy('code').execute();
}

export async function subdivision(db: Db, id: string) {
  return db.selectFrom('subdivision').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function positions(db: Db, bodyId: string) {
  return db.selectFrom('position').selectAll().where('body_id', '=', bodyId).orderBy('code').execute();
}

export async function position(db: Db, id: string) {
  return db.selectFrom('position').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function officials(db: Db, filter: { bodyIds?: readonly string[] | undefined; bodyId?: string | undefined; iin?: string | undefined }) {
  let q = db.selectFrom('official').selectAll();
  if (filter.bodyId) q = q.where('body_id', '=', filter.bodyId);
  if (filter.iin) q = q.where('iin', '=', filter.iin);
  if (filter.bodyIds) q = filter.bodyIds.length ? q.where('body_id', 'in', filter.bodyIds) : q.where(sql<boolean>`false`);
  return q.orderBy('full_name').orderBy('id').execute();
}

export async function official(db: Db, id: string) {
  return db.selectFrom('official').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Appointments running on `today` (Asia/Almaty date), with their positions. */
export async function currentAppointments(db: Db, officialIds: readonly string[], today: string) {
  if (!officialIds.length) return [];
  return db
    .selectFrom('appointment as a')
    .innerJoin('position as p', 'p.id', 'a.position_id')
    .select(['a.id', 'a.official_id', 'a.acting', 'a.acting_for', 'a.valid_from', 'a.valid_to', 'p.id as position_id', 'p.body_id', 'p.subdivision_id', 'p.title', 'p.role'])
    .where('a.official_id', 'in', officialIds)
    .where('a.ended_at', 'is', null)
    .where('a.valid_from', '<=', today)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', today)]))
    .orderBy('a.valid_from')
    .execute();
}

/** Officials holding one of `roles` on `today`: through a running appointment to a position with the role, or a direct grant anchored at a body; `bodyId` narrows to one body. */
export async function roleHolders(db: Db, roles: readonly string[], today: string, bodyId?: string): Promise<{ official_id: string; body_id: string; role: string }[]> {
  let byPosition = db.selectFrom('appointment as a').innerJoin('position as p', 'p.id', 'a.position_id')
    .select(['a.official_id', 'p.body_id', 'p.role']).where('p.role', 'in', roles).where('a.ended_at', 'is', null)
    .where('a.valid_from', '<=', today).where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', today)]));
  let byGrant = db.selectFrom('role_grant').select(['official_id', 'body_id', 'role']).where('role', 'in', roles).where('body_id', 'is not', null).where('revoked_at', 'is', null)
    .where('valid_from', '<=', today).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]));
  if (bodyId) {
    byPosition = byPosition.where('p.body_id', '=', bodyId);
    byGrant = byGrant.where('body_id', '=', bodyId);
  }
  const [positions, grants] = [await byPosition.execute(), await byGrant.execute()];
  return [...positions, ...grants.map((g) => ({ ...g, body_id: g.body_id! }))].filter((r): r is { official_id: string; body_id: string; role: string } => r.role !== null);
}

export async function appointment(db: Db, id: string) {
  return db.selectFrom('appointment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function topics(db: Db) {
  return db.selectFrom('topic').selectAll().where('active', '=', true).orderBy('code').execute();
}

export async function topic(db: Db, id: string) {
  return db.selectFrom('topic').selectAll().where('id', '=', id).executeTakeFirst();
}
