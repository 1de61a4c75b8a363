/**
 * Webhooks: case events of appeals go to the URLs integrators subscribed, signed with their secret.
 *
 * The outbox: `webhookOutbox` listens to every appended case event (audit/case-events.ts) and, in the same
 * transaction, writes one delivery per matching subscription with its payload frozen. A case event that rolls
 * back leaves no delivery; one that commits always has its deliveries. The worker (a pg-boss job, every minute on
 * every node) claims due deliveries under a lease (SKIP LOCKED: one sender per delivery), POSTs the payload with
 * `X-Tynda-Signature: sha256=<hex HMAC-SHA256(secret, body)>` and the event id, logs each attempt, and retries a
 * failure with exponential backoff until `maxAttempts`, then marks it failed (visible in the log, never dropped).
 *
 * A receiver may see an event twice (the worker died after the receiver answered but before it was marked): the
 * event id (`X-Tynda-Event-Id`, and `id` in the body) is the same both times, so the receiver can drop the repeat.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Schema } from '../../platform/schema.ts';
import type { CaseEventListener } from '../audit/case-events.ts';
import { appealHeadline } from '../appeals/service.ts';
import { checkTarget, guardedLookup, TargetRefused } from './targets.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** The events one may subscribe to, and the case events of an appeal that are each. */
export const WEBHOOK_EVENTS = ['appeal.registered', 'appeal.redirected', 'appeal.decided', 'appeal.overdue'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const EVENT_OF_ACTION: Record<string, WebhookEvent> = {
  registered: 'appeal.registered',
  redirect: 'appeal.redirected',
  redirect_urgent: 'appeal.redirected',
  redirect_part: 'appeal.redirected',
  adopt_act: 'appeal.decided',
  answer: 'appeal.decided',
  note: 'appeal.decided',
  terminate: 'appeal.decided',
  // APC 91(2): the term expired with no decision; refusal is deemed
  deemed_refusal: 'appeal.overdue',
};

/** Details of a case event a receiver is told: references and outcomes, never texts or personal data. */
const SHARED_DETAILS = ['channel', 'receivedOn', 'registeredOn', 'due', 'toBodyId', 'childId', 'outcome', 'favourable', 'ground', 'expiredOn', 'complainBy', 'actNumber', 'late'];

/** A UUID named by the case event: the same event is the same id for every subscriber and every attempt. */
export function eventId(caseType: string, caseId: string, seq: number): string {
  const h = createHash('sha256').update(`webhook:${caseType}:${caseId}:${seq}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The outbox writer, run inside the transaction of each case event. */
export const webhookOutbox: CaseEventListener = async (db, e) => {
  if (e.caseType !== 'appeal') return;
  const type = EVENT_OF_ACTION[e.action];
  if (!type) return;
  const subs = await db.selectFrom('webhook_subscription').select(['id', 'body_ids']).where('active', '=', true).where(sql<boolean>`${type} = any(events)`).execute();
  if (subs.length === 0) return;
  const a = await appealHeadline(db, e.caseId);
  if (!a) return;
  const matching = subs.filter((s) => !s.body_ids || toArray(s.body_ids).includes(a.body_id));
  if (matching.length === 0) return;
  const id = eventId(e.caseType, e.caseId, e.seq);
  const details = Object.fromEntries(Object.entries(e.details ?? {}).filter(([k, v]) => SHARED_DETAILS.includes(k) && v !== undefined));
  const payload = {
    id,
    type,
    occurredAt: e.at.toISOString(),
    appeal: {
      id: a.id, number: a.number, bodyId: a.body_id, type: a.type, procedure: a.procedure, state: e.state ?? a.state, channel: a.channel,
      receivedOn: a.received_on, registeredOn: a.registered_on, due: a.due, redirectedFrom: a.redirected_from, parentId: a.parent_id,
      // the case row is updated after its event is appended: the fact this event records is taken from the event
      deemedRefusedOn: a.deemed_refused_on ?? (e.action === 'deemed_refusal' ? ((e.details?.expiredOn as string | undefined) ?? null) : null),
    },
    event: { seq: e.seq, action: e.action, citation: e.citation ?? null, state: e.state ?? null, details },
  };
  await db
    .insertInto('webhook_delivery')
    .values(matching.map((s) => ({ subscription_id: s.id, event_id: id, event_type: type, payload: JSON.stringify(payload), next_attempt_at: e.at })))
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .execute();
};

/** uuid[] arrives as an array from both drivers; a text form ('{a,b}') is split as a fallback. */
function toArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

export interface WebhookWorkerOptions {
  leaseSeconds: number;
  maxAttempts: number;
  /** the first retry waits this long; each next one twice as long */
  backoffSeconds: number;
  maxBackoffSeconds: number;
  batchSize: number;
  /** how long a receiver may take to answer */
  timeoutMs: number;
  /** the worker's clock (tests move it over the backoff) */
  now: () => Date;
  /** TYNDA_WEBHOOK_ALLOW_HTTP / _PRIVATE (targets.ts): off, a delivery goes only to https on public addresses */
  allowHttp: boolean;
  allowPrivate: boolean;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookWorkerOptions = {
  leaseSeconds: 120,
  maxAttempts: 10, // 1 + 2 + 4 + … + 256 minutes: about 8.5 hours of retries
  backoffSeconds: 60,
  maxBackoffSeconds: 6 * 3600,
  batchSize: 10,
  timeoutMs: 10_000,
  now: () => new Date(),
  allowHttp: false,
  allowPrivate: false,
};

interface Claim {
  id: number;
  subscription_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  lease_token: string;
  url: string;
  secret: string;
  active: boolean;
}

export interface WebhookRunSummary {
  delivered: number;
  retrying: number;
  failed: number;
  lost: number;
}

export class WebhookWorker {
  readonly options: WebhookWorkerOptions;
  readonly name = `webhooks:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly log: Logger,
    options: Partial<WebhookWorkerOptions> = {},
    private readonly userAgent = 'Tynda-Webhooks',
  ) {
    this.options = { ...DEFAULT_WEBHOOK_OPTIONS, ...options };
  }

  backoff(attempt: number): number {
    return Math.min(this.options.backoffSeconds * 2 ** (attempt - 1), this.options.maxBackoffSeconds);
  }

  async claim(limit = this.options.batchSize): Promise<Claim[]> {
    const now = this.options.now();
    const until = new Date(now.getTime() + this.options.leaseSeconds * 1000);
    const token = randomUUID();
    const { rows } = await sql<Claim>`
      with due as (
        select id from webhook_delivery
        where status = 'queued' and next_attempt_at <= ${now} and (lease_until is null or lease_until < ${now})
        order by next_attempt_at, id
        limit ${limit}
        for update skip locked
      ), claimed as (
        update webhook_delivery d set lease_until = ${until}, lease_token = ${token}::uuid, attempts = d.attempts + 1
        from due where d.id = due.id
        returning d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts, d.lease_token
      )
      select c.id, c.subscription_id, c.event_id::text as event_id, c.event_type, c.payload, c.attempts, c.lease_token::text as lease_token, s.url, s.secret, s.active
      from claimed c join webhook_subscription s on s.id = c.subscription_id
      order by c.id`.execute(this.db);
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** One POST of a claimed delivery; the attempt and its outcome are logged in one transaction. */
  async deliver(c: Claim): Promise<keyof WebhookRunSummary> {
    const started = Date.now();
    const body = JSON.stringify(c.payload);
    let status: number | null = null;
    let error: string | null = null;
    if (!c.active) error = 'subscription_revoked';
    else {
      try {
        status = await this.post(c.url, body, {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': this.userAgent,
          'x-tynda-event': c.event_type,
          'x-tynda-event-id': c.event_id,
          'x-tynda-delivery': String(c.id),
          'x-tynda-attempt': String(c.attempts),
          'x-tynda-signature': signature(c.secret, body),
        });
        if (status < 200 || status >= 300) error = `http_${status}`;
      } catch (e) {
        const err = e as Error & { code?: string };
        error = err instanceof TargetRefused ? err.message : err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : `network: ${String(err.code ?? err.message).slice(0, 200)}`;
      }
    }
    const ok = error === null;
    const final = !ok && (c.attempts >= this.options.maxAttempts || !c.active);
    const now = this.options.now();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('webhook_delivery')
        .set(
          ok
            ? { status: 'delivered', delivered_at: now, lease_until: null, lease_token: null, last_error: null }
            : final
              ? { status: 'failed', lease_until: null, lease_token: null, last_error: error }
              : { next_attempt_at: new Date(now.getTime() + this.backoff(c.attempts) * 1000), lease_until: null, lease_token: null, last_error: error },
        )
        .where('id', '=', c.id)
        .where('lease_token', '=', c.lease_token)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      await trx.insertInto('webhook_attempt').values({ delivery_id: c.id, attempt: c.attempts, http_status: status, error, ms: Date.now() - started, worker: this.name }).execute();
      return Number(done.numUpdatedRows) > 0;
    });
    if (!outcome) return 'lost';
    if (ok) return 'delivered';
    const where = { delivery: c.id, event: c.event_id, attempt: c.attempts, error };
    if (final) this.log.warn(where, 'webhook delivery failed for good');
    else this.log.info(where, 'webhook delivery attempt failed; will retry');
    return final ? 'failed' : 'retrying';
  }

  /**
   * One POST to a subscriber, by node:http(s) with the guarded lookup: the socket connects to the address that was
   * checked (targets.ts). No redirect is followed. Resolves with the HTTP status.
   */
  private async post(url: string, body: string, headers: Record<string, string>): Promise<number> {
    const policy = { allowHttp: this.options.allowHttp, allowPrivate: this.options.allowPrivate };
    await checkTarget(url, policy);
    const u = new URL(url);
    const send = u.protocol === 'https:' ? https.request : http.request;
    return new Promise<number>((resolve, reject) => {
      const req = send(u, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: guardedLookup(policy), signal: AbortSignal.timeout(this.options.timeoutMs), agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', (e: Error & { cause?: unknown }) => reject(e.cause instanceof TargetRefused ? e.cause : e));
      req.end(body);
    });
  }

  /** One sweep: batches of due deliveries, each batch side by side, until nothing is due. */
  async runOnce(): Promise<WebhookRunSummary> {
    const summary: WebhookRunSummary = { delivered: 0, retrying: 0, failed: 0, lost: 0 };
    for (let round = 0; round < 100; round++) {
      const claims = await this.claim();
      for (const outcome of await Promise.all(claims.map((c) => this.deliver(c)))) summary[outcome]++;
      if (claims.length < this.options.batchSize) break;
    }
    return summary;
  }
}

/** The delivery log of a subscription, newest first, each delivery with its attempts. */
export async function deliveryLog(db: Db, subscriptionId: string, limit: number) {
  const deliveries = await db.selectFrom('webhook_delivery').selectAll().where('subscription_id', '=', subscriptionId).orderBy('id', 'desc').limit(limit).execute();
  const ids = deliveries.map((d) => d.id);
  const attempts = ids.length ? await db.selectFrom('webhook_attempt').selectAll().where('delivery_id', 'in', ids).orderBy('delivery_id').orderBy('attempt').execute() : [];
  return deliveries.map((d) => ({
    id: Number(d.id),
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.attempts,
    createdAt: new Date(d.created_at).toISOString(),
    nextAttemptAt: d.status === 'queued' ? new Date(d.next_attempt_at).toISOString() : null,
    deliveredAt: d.delivered_at ? new Date(d.delivered_at).toISOString() : null,
    lastError: d.last_error,
    log: attempts
      .filter((a) => Number(a.delivery_id) === Number(d.id))
      .map((a) => ({ attempt: a.attempt, at: new Date(a.at).toISOString(), httpStatus: a.http_status, error: a.error, ms: a.ms })),
  }));
}
