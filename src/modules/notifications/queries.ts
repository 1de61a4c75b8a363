/** SQL of the notifications module: notices, their deliveries (the outbox) and the deliveries' events. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../platform/schema.ts';
import type { Channel } from './catalogue.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface NewNotice {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  recipientKind: 'participant' | 'official';
  recipientId: string;
  language: 'kk' | 'ru' | 'en';
  citation: string;
  recorded: boolean;
  data: unknown;
  title: string;
  body: string;
  sms: string;
  createdBy: string;
}

/** Inserts the notice; false when a notice with this id exists already (the caller's retry). */
export async function insertNotice(db: Db, n: NewNotice): Promise<boolean> {
  const result = await db
    .insertInto('notice')
    .values({
      id: n.id, type: n.type, subject_type: n.subjectType, subject_id: n.subjectId, recipient_kind: n.recipientKind,
      recipient_id: n.recipientId, language: n.language, citation: n.citation, recorded: n.recorded,
      data: JSON.stringify(n.data), title: n.title, body: n.body, sms_text: n.sms, created_by: n.createdBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A cabinet delivery is delivered when it is written: the notice is in the cabinet from that moment. The delivery and its first event are one statement. */
export async function insertDelivery(db: Db, noticeId: string, channel: Channel, address: string | null, actor: string) {
  const cabinet = channel === 'cabinet';
  const { rows } = await sql<{ id: number; channel: Channel; status: string }>`
    with d as (
      insert into notice_delivery (notice_id, channel, address, status, delivered_at)
      values (${noticeId}, ${channel}, ${address}, ${cabinet ? 'delivered' : 'queued'}, ${cabinet ? sql`now()` : null})
      returning id, channel, status),
    e as (insert into notice_event (delivery_id, kind, actor, details) select id, status, ${actor}, '{}' from d)
    select id, channel, status from d`.execute(db);
  return rows[0]!;
}

export async function event(db: Db, deliveryId: number, kind: string, actor: string, details: Record<string, unknown>) {
  await db.insertInto('notice_event').values({ delivery_id: deliveryId, kind, actor, details: JSON.stringify(details) }).execute();
}

export interface Claim {
  id: number;
  notice_id: string;
  channel: 'email' | 'sms';
  address: string;
  attempts: number;
  lease_token: string;
  title: string;
  body: string;
  sms_text: string;
  language: 'kk' | 'ru' | 'en';
  recipient_kind: string;
  citation: string;
}

/**
 * Claims up to `limit` e-mail and SMS deliveries that are due and not held by a live lease, and records the
 * attempt, in one statement. SKIP LOCKED lets several workers claim at once without waiting on each other or
 * taking the same row; a lease that ran out (its worker died) makes the row claimable again.
 */
export async function claimDue(db: Db, limit: number, leaseSeconds: number, token: string, worker: string): Promise<Claim[]> {
  const { rows } = await sql<Claim>`
    with due as (
      select id from notice_delivery
      where status = 'queued' and channel in ('email', 'sms') and next_attempt_at <= now()
        and (lease_until is null or lease_until < now())
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update notice_delivery d
      set lease_until = now() + make_interval(secs => ${leaseSeconds}::double precision), lease_token = ${token}::uuid, attempts = d.attempts + 1
      from due where d.id = due.id
      returning d.id, d.notice_id, d.channel, d.address, d.attempts, d.lease_token
    ), recorded as (
      insert into notice_event (delivery_id, kind, actor, details)
      select id, 'attempt', ${worker}, jsonb_build_object('attempt', attempts) from claimed
    )
    select c.id, c.notice_id, c.channel, c.address, c.attempts, c.lease_token::text as lease_token,
           n.title, n.body, n.sms_text, n.language, n.recipient_kind, n.citation
    from claimed c join notice n on n.id = c.notice_id
    order by c.id`.execute(db);
  return rows;
}

/** Marks a claimed delivery sent; false when the lease was lost to another worker (nothing changes then). */
export async function markSent(db: Db, claim: Claim, ref: string, worker: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('notice_delivery')
      .set({ status: 'sent', sent_at: sql<Date>`now()`, provider_ref: ref, lease_until: null, lease_token: null, last_error: null })
      .where('id', '=', claim.id)
      .where('lease_token', '=', claim.lease_token)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await event(trx, claim.id, 'sent', worker, { attempt: claim.attempts, ref });
    return true;
  });
}

/** A failed attempt: retried after `retryInSeconds`, or failed for good when it is undefined. */
export async function markAttemptFailed(db: Db, claim: Claim, error: string, retryInSeconds: number | undefined, worker: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('notice_delivery')
      .set(
        retryInSeconds === undefined
          ? { status: 'failed', failed_at: sql<Date>`now()`, last_error: error, lease_until: null, lease_token: null }
          : { next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds}::double precision)`, last_error: error, lease_until: null, lease_token: null },
      )
      .where('id', '=', claim.id)
      .where('lease_token', '=', claim.lease_token)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await event(trx, claim.id, retryInSeconds === undefined ? 'failed' : 'attempt_failed', worker, { attempt: claim.attempts, error, ...(retryInSeconds === undefined ? {} : { retryInSeconds }) });
    return true;
  });
}

export async function noticesOfRecipient(db: Db, recipientId: string, filter: { unreadOnly?: boolean; noticeId?: string } = {}) {
  let q = db
    .selectFrom('notice as n')
    .innerJoin('notice_delivery as d', (j) => j.onRef('d.notice_id', '=', 'n.id').on('d.channel', '=', 'cabinet'))
    .select(['n.id', 'n.type', 'n.subject_type', 'n.subject_id', 'n.language', 'n.citation', 'n.title', 'n.body', 'n.data', 'n.created_at', 'd.status', 'd.delivered_at', 'd.read_at', 'd.received_on'])
    .where('n.recipient_id', '=', recipientId);
  if (filter.unreadOnly) q = q.where('d.status', '=', 'delivered');
  if (filter.noticeId) q = q.where('n.id', '=', filter.noticeId);
  return q.orderBy('n.created_at', 'desc').orderBy('n.id').limit(500).execute();
}

/** The first opening of a cabinet notice is its receipt; opening it again changes nothing. */
export async function markCabinetRead(db: Db, recipientId: string, noticeId: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('notice_delivery as d')
      .innerJoin('notice as n', 'n.id', 'd.notice_id')
      .select(['d.id', 'd.status'])
      .where('d.notice_id', '=', noticeId)
      .where('d.channel', '=', 'cabinet')
      .where('n.recipient_id', '=', recipientId)
      .forUpdate()
      .executeTakeFirst();
    if (!delivery) return false;
    if (delivery.status === 'delivered') {
      await trx
        .updateTable('notice_delivery')
        .set({ status: 'read', read_at: sql<Date>`now()`, received_on: sql<string>`timezone('Asia/Almaty', now())::date` })
        .where('id', '=', delivery.id)
        .execute();
      await event(trx, delivery.id, 'read', actor, {});
    }
    return true;
  });
}

export async function notice(db: Db, id: string) {
  return db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deliveriesOf(db: Db, noticeIds: string[]) {
  if (noticeIds.length === 0) return [];
  return db.selectFrom('notice_delivery').selectAll().where('notice_id', 'in', noticeIds).orderBy('id').execute();
}

export async function noticesOfSubject(db: Db, subjectType: string, subjectId: string) {
  return db.selectFrom('notice').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('created_at').orderBy('id').execute();
}

export async function delivery(db: Db, id: number) {
  return db.selectFrom('notice_delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function eventsOf(db: Db, deliveryIds: number[]) {
  if (deliveryIds.length === 0) return [];
  return db.selectFrom('notice_event').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('id').execute();
}

export async function postDeliveries(db: Db, status: 'queued' | 'sent' | 'delivered' | 'failed') {
  return db
    .selectFrom('notice_delivery as d')
    .innerJoin('notice as n', 'n.id', 'd.notice_id')
    .select(['d.id', 'd.notice_id', 'd.status', 'd.queued_at', 'd.sent_at', 'd.provider_ref', 'n.type', 'n.subject_type', 'n.subject_id', 'n.language'])
    .where('d.channel', '=', 'post')
    .where('d.status', '=', status)
    .orderBy('d.queued_at')
    .orderBy('d.id')
    .limit(1000)
    .execute();
}

export interface PostRecord {
  trackingNumber?: string | undefined;
  sentOn?: string | undefined;
  deliveredOn?: string | undefined;
  refused?: boolean | undefined;
}

/**
 * What the clerk enters from the post office: the tracking number and dispatch date (status sent), then the date
 * on the acknowledgement of delivery (delivered; the receipt date) or the courier's refusal mark (APC 66(5);
 * failed, with the refusal kept). Every entry is an event, so a correction leaves the earlier value on record.
 */
export async function recordPost(db: Db, deliveryId: number, record: PostRecord, actor: string) {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('notice_delivery').select(['status', 'sent_at']).where('id', '=', deliveryId).forUpdate().executeTakeFirst();
    if (!current) return undefined;
    const almatyMidnight = (date: string) => sql<Date>`(${date}::date)::timestamp at time zone 'Asia/Almaty'`;
    const set: Record<string, unknown> = {};
    if (record.trackingNumber !== undefined) set.provider_ref = record.trackingNumber;
    if (record.sentOn !== undefined) set.sent_at = almatyMidnight(record.sentOn);
    else if (!current.sent_at) set.sent_at = sql<Date>`now()`;
    if (current.status === 'queued') set.status = 'sent';
    if (record.deliveredOn !== undefined) {
      Object.assign(
        set,
        record.refused
          ? { status: 'failed', failed_at: almatyMidnight(record.deliveredOn), refused: true, last_error: 'refused', received_on: null, delivered_at: null }
          : { status: 'delivered', delivered_at: almatyMidnight(record.deliveredOn), received_on: record.deliveredOn, refused: false, failed_at: null, last_error: null },
      );
    }
    await trx.updateTable('notice_delivery').set(set).where('id', '=', deliveryId).execute();
    const kind = record.deliveredOn === undefined ? 'dispatched' : record.refused ? 'refused' : 'delivered';
    await event(trx, deliveryId, kind, actor, { ...record });
    return trx.selectFrom('notice_delivery').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow();
  });
}
