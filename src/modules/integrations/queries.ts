/**
 * SQL of the integrations module. Its own tables (open311_request, webhook_*) are written here; appeals and
 * topics are only read, for the Open311 view of them (the appeals module writes every appeal).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Active topics with their parent (the Open311 services): a topic's competent body type is its own or its parent's. */
export async function topicsWithParent(db: Db) {
  const rows = await db.selectFrom('topic').selectAll().where('active', '=', true).orderBy('code').execute();
  const byId = new Map(rows.map((t) => [t.id, t]));
  const parents = new Set(rows.map((t) => t.parent_id).filter((x): x is string => !!x));
  return rows.map((t) => {
    const parent = t.parent_id ? byId.get(t.parent_id) : undefined;
    return { ...t, parent, leaf: !parents.has(t.id), bodyType: t.competent_body_type ?? parent?.competent_body_type ?? null };
  });
}

export interface RequestFilter {
  bodyIds: 'all' | string[];
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  status?: ('open' | 'closed')[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

/** Appeals with a topic, as Open311 service requests: the newest first, within the bodies the caller may read. */
export async function serviceRequests(db: Db, f: RequestFilter) {
  let q = db
    .selectFrom('appeal as a')
    .innerJoin('topic as t', 't.id', 'a.topic_id')
    .innerJoin('body as b', 'b.id', 'a.body_id')
    .leftJoin('open311_request as o', 'o.appeal_id', 'a.id')
    .select([
      'a.id', 'a.number', 'a.state', 'a.summary', 'a.received_at', 'a.updated_at', 'a.due', 'a.decided_at', 'a.closed_at', 'a.deemed_refused_on', 'a.language',
      't.code as service_code', 't.name as service_name', 'b.name as body_name',
      'o.lat', 'o.long', 'o.address_string', 'o.address_id', 'o.media_url',
    ]);
  if (f.bodyIds !== 'all') q = f.bodyIds.length ? q.where('a.body_id', 'in', f.bodyIds) : q.where(sql<boolean>`false`);
  if (f.ids?.length) {
    const uuids = f.ids.filter((x) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(x));
    q = q.where((eb) => eb.or([eb('a.number', 'in', f.ids!), ...(uuids.length ? [eb('a.id', 'in', uuids)] : [])]));
  }
  if (f.serviceCodes?.length) q = q.where('t.code', 'in', f.serviceCodes);
  if (f.status?.length === 1) {
    q = f.status[0] === 'closed'
      ? q.where((eb) => eb.or([eb('a.closed_at', 'is not', null), eb('a.decided_at', 'is not', null)]))
      : q.where((eb) => eb.and([eb('a.closed_at', 'is', null), eb('a.decided_at', 'is', null)]));
  }
  if (f.from) q = q.where('a.received_at', '>=', f.from);
  if (f.to) q = q.where('a.received_at', '<=', f.to);
  return q.orderBy('a.received_at', 'desc').orderBy('a.number').limit(f.limit).execute();
}

export async function open311ByKey(db: Db, tokenId: string, key: string) {
  return db.selectFrom('open311_request').select('appeal_id').where('token_id', '=', tokenId).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function subscriptions(db: Db, createdBy: string | undefined) {
  let q = db.selectFrom('webhook_subscription').selectAll();
  if (createdBy) q = q.where('created_by', '=', createdBy);
  return q.orderBy('created_at', 'desc').execute();
}

export async function subscription(db: Db, id: string) {
  return db.selectFrom('webhook_subscription').selectAll().where('id', '=', id).executeTakeFirst();
}

/** When the classifier of topics (the Open311 services) last changed: its latest audited change. */
export async function classifierChangedAt(db: Db): Promise<Date | undefined> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.max('at').as('at')).where('action', 'like', 'topics.%').executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}
