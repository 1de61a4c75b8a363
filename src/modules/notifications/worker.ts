/**
 * Delivers the outbox: claims due e-mail and SMS deliveries under a lease, records the attempt, sends, and marks
 * the outcome. A failed attempt is retried with exponential backoff; after the last one the delivery is `failed`,
 * visible in the notice's history, never dropped. A worker that dies holding a claim leaves it to the next one
 * once the lease runs out. A delivery marked sent is never claimed again.
 *
 * The one window the database cannot close: the peer accepted the message but the worker died before marking it
 * sent. The next worker sends it again under the same notice id (Message-ID, Idempotency-Key), so the mail
 * system or the gateway can recognise the repeat. The guarantee is therefore: exactly one record per notice and
 * channel, at-least-once on the wire, a crash repeating at most the messages in flight (one batch), each copy
 * identical and keyed by the notice id (docs/notifications.md, "The crash guarantee").
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Schema } from '../../platform/schema.ts';
import * as q from './queries.ts';
import { fullText } from './render.ts';
import { describeFailure, type Transport } from './transports.ts';

export interface WorkerOptions {
  /** how long a claim holds; longer than the slowest send (SMTP: 30 s to connect, 30 s greeting, 60 s idle) */
  leaseSeconds: number;
  maxAttempts: number;
  /** the first retry waits this long; each next one twice as long */
  backoffSeconds: number;
  maxBackoffSeconds: number;
  batchSize: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  leaseSeconds: 300,
  maxAttempts: 8, // 1 + 2 + 4 + … + 64 minutes: about 2 hours of retries before the failure is shown
  backoffSeconds: 60,
  maxBackoffSeconds: 6 * 3600,
  batchSize: 10,
};

export interface RunSummary {
  sent: number;
  retrying: number;
  failed: number;
  /** deliveries whose claim another worker took over meanwhile (a lease too short for the send) */
  lost: number;
}

export class NoticeWorker {
  readonly options: WorkerOptions;
  readonly name: string;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly transports: { email?: Transport | undefined; sms?: Transport | undefined },
    private readonly log: Logger,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
    this.name = `worker:${randomUUID().slice(0, 8)}`;
  }

  /** Claims due deliveries for this worker and records the attempts. Public so tests can stop right after it. */
  async claim(limit = this.options.batchSize): Promise<q.Claim[]> {
    return q.claimDue(this.db, limit, this.options.leaseSeconds, randomUUID(), this.name);
  }

  backoff(attempt: number): number {
    return Math.min(this.options.backoffSeconds * 2 ** (attempt - 1), this.options.maxBackoffSeconds);
  }

  /** Sends one claimed delivery and records the outcome. A database error after sending propagates (see top). */
  async deliver(claim: q.Claim): Promise<keyof RunSummary> {
    const transport = this.transports[claim.channel];
    let ref: string;
    try {
      if (!transport) throw Object.assign(new Error(`no ${claim.channel} channel configured`), { code: 'channel_not_configured' });
      ref = await transport.send({
        noticeId: claim.notice_id,
        to: claim.address,
        language: claim.language,
        subject: claim.title,
        text: claim.channel === 'sms' ? claim.sms_text : fullText({ id: claim.notice_id, body: claim.body, citation: claim.citation, language: claim.language }, claim.recipient_kind === 'participant'),
      });
    } catch (error) {
      const failure = describeFailure(error);
      const final = claim.attempts >= this.options.maxAttempts;
      const kept = await q.markAttemptFailed(this.db, claim, failure, final ? undefined : this.backoff(claim.attempts), this.name);
      const where = { notice: claim.notice_id, delivery: claim.id, channel: claim.channel, attempt: claim.attempts, failure };
      if (!kept) return 'lost';
      if (final) this.log.warn(where, 'notice delivery failed for good');
      else this.log.info(where, 'notice delivery attempt failed; will retry');
      return final ? 'failed' : 'retrying';
    }
    const kept = await q.markSent(this.db, claim, ref, this.name);
    if (!kept) this.log.warn({ notice: claim.notice_id, delivery: claim.id, channel: claim.channel }, 'notice sent after its claim expired');
    return kept ? 'sent' : 'lost';
  }

  /** One sweep: claims batches and delivers each batch's messages side by side, until nothing is due. */
  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, retrying: 0, failed: 0, lost: 0 };
    for (let round = 0; round < 100; round++) {
      const claims = await this.claim();
      for (const outcome of await Promise.all(claims.map((c) => this.deliver(c)))) summary[outcome]++;
      if (claims.length < this.options.batchSize) break;
    }
    return summary;
  }
}
