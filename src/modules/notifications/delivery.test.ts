import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { ENGINES, testDatabase } from '../../../test/support/databases.ts';
import { startSmsGateway, startSmtpPeer, type SmsGateway, type SmtpPeer } from '../../../test/support/peers.ts';
import { DEFAULT_CONVENTIONS } from '../../law/deadlines.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import { Problem } from '../../platform/problems.ts';
import { CalendarService } from '../calendar/service.ts';
import { enqueueNotice, NotificationService, type NoticeInput } from './service.ts';
import { emailTransport, smsTransport, type Transport } from './transports.ts';
import { NoticeWorker, type WorkerOptions } from './worker.ts';

const silent = pino({ level: 'silent' });
const FAST: Partial<WorkerOptions> = { backoffSeconds: 0.05, maxBackoffSeconds: 0.2, leaseSeconds: 1, maxAttempts: 3 };

function preliminaryDecision(overrides: Partial<NoticeInput> = {}): NoticeInput {
  return {
    type: 'preliminary_decision',
    subject: { type: 'appeal', id: 'KZ-2025-000123' },
    recipient: { kind: 'participant', id: 'person-1', online: true, contacts: { email: 'aigerim@example.kz' }, preferred: ['email'] },
    language: 'ru',
    data: { registrationNumber: 'KZ-2025-000123', bodyName: 'Акимат города Астаны', draft: 'Отказать в выдаче разрешения на перепланировку.' },
    createdBy: 'official-7',
    ...overrides,
  };
}

async function enqueue(db: Database, input: NoticeInput) {
  return db.db.transaction().execute((trx) => enqueueNotice(trx, input));
}

async function deliveryOf(db: Database, noticeId: string, channel: string) {
  return db.db.selectFrom('notice_delivery').selectAll().where('notice_id', '=', noticeId).where('channel', '=', channel as 'email').executeTakeFirstOrThrow();
}

async function eventsOf(db: Database, deliveryId: number) {
  return db.db.selectFrom('notice_event').select(['kind', 'details']).where('delivery_id', '=', deliveryId).orderBy('id').execute();
}

/** Sweeps until nothing is queued or the time is up (retries wait out their backoff). */
async function drain(worker: NoticeWorker, db: Database, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    await worker.runOnce();
    const left = await db.db.selectFrom('notice_delivery').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').where('channel', 'in', ['email', 'sms']).executeTakeFirstOrThrow();
    if (Number(left.n) === 0) return;
    if (Date.now() > until) throw new Error('deliveries still queued');
    await sleep(60);
  }
}

for (const { engine, skip } of ENGINES) {
  describe(`notice delivery [${engine}]`, { skip }, () => {
    let smtp: SmtpPeer;
    let gateway: SmsGateway;
    let email: Transport;

    before(async () => {
      smtp = await startSmtpPeer();
      gateway = await startSmsGateway();
      const config = loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_FROM: 'Tynda <notices@tynda.kz>' });
      email = emailTransport(config.smtp!);
    });
    after(async () => {
      await smtp.close();
      await gateway.close();
    });

    async function withDb(fn: (db: Database) => Promise<void>) {
      const db = await testDatabase(engine);
      smtp.received.length = 0;
      smtp.refuseNext.length = 0;
      gateway.requests.length = 0;
      gateway.failNext.length = 0;
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    }

    test('an e-mail notice reaches the SMTP peer in the language of the appeal with the notice id in its headers, once (APC 66(2))', () =>
      withDb(async (db) => {
        const { id, deliveries } = await enqueue(db, preliminaryDecision());
        assert.deepEqual(deliveries.map((d) => [d.channel, d.status]), [['cabinet', 'delivered'], ['email', 'queued']]);
        const worker = new NoticeWorker(db.db, { email }, silent, FAST);
        assert.deepEqual(await worker.runOnce(), { sent: 1, retrying: 0, failed: 0, lost: 0 });

        assert.equal(smtp.received.length, 1);
        const mail = smtp.received[0]!;
        assert.equal(mail.subject, 'Дело № KZ-2025-000123: предварительное решение');
        assert.equal(mail.headers.get('x-tynda-notice-id'), id);
        assert.equal(mail.headers.get('message-id'), `<${id}@tynda.kz>`);
        assert.equal(mail.headers.get('content-language'), 'ru');
        assert.match(mail.text, /Отказать в выдаче разрешения на перепланировку\./);
        assert.match(mail.text, /не позднее двух рабочих дней со дня получения этого уведомления \(АППК 73\(3\)\)/);
        assert.match(mail.text, new RegExp(`Уведомление № ${id}\\. Правовое основание: АППК 73\\(1\\), 73\\(3\\)\\.`));
        assert.match(mail.text, /также размещено в вашем личном кабинете/);

        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 1);
        assert.ok(row.sent_at);
        assert.equal(row.provider_ref, `<${id}@tynda.kz>`);
        assert.deepEqual((await eventsOf(db, row.id)).map((e) => e.kind), ['queued', 'attempt', 'sent']);

        // a delivery marked sent is never claimed again
        assert.deepEqual(await worker.runOnce(), { sent: 0, retrying: 0, failed: 0, lost: 0 });
        assert.equal(smtp.received.length, 1);
      }));

    test('a notice written in a transaction that rolls back leaves nothing to send; a committed one is sent (the outbox, DESIGN principle 3)', () =>
      withDb(async (db) => {
        await assert.rejects(
          db.db.transaction().execute(async (trx) => {
            await enqueueNotice(trx, preliminaryDecision());
            throw new Error('the state change failed');
          }),
          /state change failed/,
        );
        const worker = new NoticeWorker(db.db, { email }, silent, FAST);
        assert.equal((await worker.runOnce()).sent, 0);
        assert.equal((await db.db.selectFrom('notice').selectAll().execute()).length, 0);
        await enqueue(db, preliminaryDecision());
        assert.equal((await worker.runOnce()).sent, 1);
        assert.equal(smtp.received.length, 1);
      }));

    test('a notice that cannot reach a paper filer in a way that records receipt refuses, and the change that caused it rolls back with it (APC 66(2), 73(3))', () =>
      withDb(async (db) => {
        await assert.rejects(
          db.db.transaction().execute(async (trx) => {
            await enqueueNotice(trx, preliminaryDecision({ type: 'appeal_redirected', data: { registrationNumber: 'A-1', bodyName: 'B', redirectedTo: 'C', redirectedOn: '2025-04-02' } }));
            await enqueueNotice(trx, preliminaryDecision({ recipient: { kind: 'participant', id: 'person-2', online: false, contacts: { email: 'x@example.kz' }, preferred: ['email'] } }));
          }),
          (e: unknown) => e instanceof Problem && e.code === 'notice_unreachable',
        );
        assert.equal((await db.db.selectFrom('notice').selectAll().execute()).length, 0);
      }));

    test('the same notice id written twice is one notice: the second write adds nothing', () =>
      withDb(async (db) => {
        const first = await enqueue(db, preliminaryDecision({ id: '6f1c2a1e-0b7a-4c55-9d1e-3a1b2c3d4e5f' }));
        const second = await enqueue(db, preliminaryDecision({ id: '6f1c2a1e-0b7a-4c55-9d1e-3a1b2c3d4e5f' }));
        assert.equal(first.created, true);
        assert.equal(second.created, false);
        assert.equal((await db.db.selectFrom('notice_delivery').selectAll().execute()).length, 2);
      }));

    test('an SMTP peer that answers 451 and then accepts: the attempt is retried after a backoff and the message arrives once', () =>
      withDb(async (db) => {
        smtp.refuseNext.push(451);
        const { id } = await enqueue(db, preliminaryDecision());
        const worker = new NoticeWorker(db.db, { email }, silent, FAST);
        assert.deepEqual(await worker.runOnce(), { sent: 0, retrying: 1, failed: 0, lost: 0 });
        const waiting = await deliveryOf(db, id, 'email');
        assert.equal(waiting.status, 'queued');
        assert.match(waiting.last_error!, /smtp 451/);
        assert.ok(new Date(waiting.next_attempt_at).getTime() > Date.now() - 1000);
        await drain(worker, db);
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 2);
        assert.equal(smtp.received.length, 1);
        const events = await eventsOf(db, row.id);
        assert.deepEqual(events.map((e) => e.kind), ['queued', 'attempt', 'attempt_failed', 'attempt', 'sent']);
        assert.equal(events[2]!.details.retryInSeconds, 0.05);
      }));

    test('an SMTP peer that rejects with 550 every time: after the retry limit the delivery is failed, with every attempt on record and shown in the history', () =>
      withDb(async (db) => {
        smtp.refuseNext.push(550, 550, 550);
        const { id } = await enqueue(db, preliminaryDecision());
        const worker = new NoticeWorker(db.db, { email }, silent, FAST);
        await drain(worker, db);
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'failed');
        assert.equal(row.attempts, 3);
        assert.ok(row.failed_at);
        assert.match(row.last_error!, /smtp 550/);
        assert.doesNotMatch(row.last_error!, /aigerim|example/); // the peer's text can echo the address: never kept
        assert.deepEqual((await eventsOf(db, row.id)).map((e) => e.kind), ['queued', 'attempt', 'attempt_failed', 'attempt', 'attempt_failed', 'attempt', 'failed']);
        assert.equal(smtp.received.length, 0);
        // backoff doubles: 0.05 s, then 0.1 s
        const waits = (await eventsOf(db, row.id)).filter((e) => e.kind === 'attempt_failed').map((e) => e.details.retryInSeconds);
        assert.deepEqual(waits, [0.05, 0.1]);

        const calendar = new CalendarService(db.db, DEFAULT_CONVENTIONS);
        await calendar.seed();
        const [entry] = await new NotificationService(db.db, calendar).noticeHistory({ type: 'appeal', id: 'KZ-2025-000123' });
        assert.deepEqual(entry!.deliveries.map((d) => [d.channel, d.status]), [['cabinet', 'delivered'], ['email', 'failed']]);
      }));

    test('an SMTP peer that is down: the connection failure is retried and ends failed, not lost', () =>
      withDb(async (db) => {
        const down = await startSmtpPeer();
        await down.close();
        const dead = emailTransport(loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(down.port), SMTP_SECURE: 'off', SMTP_FROM: 'notices@tynda.kz' }).smtp!);
        const { id } = await enqueue(db, preliminaryDecision());
        await drain(new NoticeWorker(db.db, { email: dead }, silent, FAST), db);
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'failed');
        assert.equal(row.attempts, 3);
        assert.match(row.last_error!, /ESOCKET|ECONNECTION|ECONNREFUSED/);
      }));

    test('a channel with no server configured fails visibly after the retry limit', () =>
      withDb(async (db) => {
        const { id } = await enqueue(db, preliminaryDecision());
        await drain(new NoticeWorker(db.db, {}, silent, FAST), db);
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'failed');
        assert.equal(row.last_error, 'channel_not_configured');
      }));

    test('a worker that dies holding a claim: nobody sends while the lease holds; after it expires a restarted worker delivers exactly once', () =>
      withDb(async (db) => {
        const { id } = await enqueue(db, preliminaryDecision());
        const dying = new NoticeWorker(db.db, { email }, silent, FAST);
        const claims = await dying.claim();
        assert.equal(claims.length, 1); // claimed and the attempt recorded, then the process is gone
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.attempts, 1);
        assert.ok(row.lease_until);

        const restarted = new NoticeWorker(db.db, { email }, silent, FAST);
        assert.equal((await restarted.runOnce()).sent, 0, 'the lease still holds');
        assert.equal(smtp.received.length, 0);
        await sleep(1100);
        assert.deepEqual(await restarted.runOnce(), { sent: 1, retrying: 0, failed: 0, lost: 0 });
        assert.deepEqual(await restarted.runOnce(), { sent: 0, retrying: 0, failed: 0, lost: 0 });
        assert.equal(smtp.received.length, 1);
        assert.equal(smtp.received[0]!.headers.get('x-tynda-notice-id'), id);
        const done = await deliveryOf(db, id, 'email');
        assert.equal(done.status, 'sent');
        assert.equal(done.attempts, 2);
        assert.deepEqual((await eventsOf(db, done.id)).map((e) => e.kind), ['queued', 'attempt', 'attempt', 'sent']);
      }));

    test('a worker that comes back after its lease expired cannot change the record, and its late copy carries the same Message-ID', () =>
      withDb(async (db) => {
        const { id } = await enqueue(db, preliminaryDecision());
        const slow = new NoticeWorker(db.db, { email }, silent, FAST);
        const [stale] = await slow.claim();
        await sleep(1100);
        const other = new NoticeWorker(db.db, { email }, silent, FAST);
        assert.equal((await other.runOnce()).sent, 1);
        assert.equal(await slow.deliver(stale!), 'lost');
        const row = await deliveryOf(db, id, 'email');
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 2);
        assert.equal(smtp.received.length, 2);
        // the repeat is the same notice to the receiver: the de-duplication key and the content are identical
        const [a, b] = smtp.received as [(typeof smtp.received)[number], (typeof smtp.received)[number]];
        assert.equal(a.headers.get('message-id'), `<${id}@tynda.kz>`);
        assert.equal(a.headers.get('message-id'), b.headers.get('message-id'));
        assert.equal(a.headers.get('x-tynda-notice-id'), b.headers.get('x-tynda-notice-id'));
        assert.equal(a.subject, b.subject);
        assert.equal(a.text, b.text);
        assert.equal((await db.db.selectFrom('notice').selectAll().execute()).length, 1, 'one notice on record');
      }));

    test('two workers sweeping at once send every notice exactly once (FOR UPDATE SKIP LOCKED)', () =>
      withDb(async (db) => {
        const ids = [];
        for (let i = 0; i < 12; i++) ids.push((await enqueue(db, preliminaryDecision({ subject: { type: 'appeal', id: `A-${i}` } }))).id);
        // a lease far longer than a send: this is about SKIP LOCKED, not expiry (a 1 s lease lapses on a loaded machine)
        const a = new NoticeWorker(db.db, { email }, silent, { ...FAST, batchSize: 3, leaseSeconds: 60 });
        const b = new NoticeWorker(db.db, { email }, silent, { ...FAST, batchSize: 3, leaseSeconds: 60 });
        const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
        assert.equal(ra.sent + rb.sent, 12);
        assert.equal(ra.lost + rb.lost, 0);
        const seen = smtp.received.map((m) => m.headers.get('x-tynda-notice-id')).sort();
        assert.deepEqual(seen, [...ids].sort());
      }));

    test('an SMS goes through the HTTP gateway with the body template filled and the notice id as Idempotency-Key; a 503 is retried', () =>
      withDb(async (db) => {
        gateway.failNext.push(503);
        const sms = smsTransport(loadConfig({ SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_AUTHORIZATION: 'Bearer test-token' }).sms!);
        const { id, deliveries } = await enqueue(db, preliminaryDecision({
          language: 'kk',
          recipient: { kind: 'participant', id: 'person-3', online: true, contacts: { phone: '+77011234567' } },
          data: { registrationNumber: 'KZ-2025-000124', bodyName: 'Астана қаласының әкімдігі', draft: 'Рұқсат беруден бас тарту.' },
        }));
        assert.deepEqual(deliveries.map((d) => d.channel), ['cabinet', 'sms']);
        await drain(new NoticeWorker(db.db, { sms }, silent, FAST), db);
        assert.equal(gateway.requests.length, 2);
        for (const r of gateway.requests) {
          assert.equal(r.headers['idempotency-key'], id);
          assert.equal(r.headers.authorization, 'Bearer test-token');
        }
        assert.deepEqual(JSON.parse(gateway.requests[1]!.body), {
          to: '+77011234567',
          text: '№ KZ-2025-000124 іс: алдын ала шешім. Толық мәтіні жеке кабинетіңізде.',
          id,
        });
        const row = await deliveryOf(db, id, 'sms');
        assert.equal(row.status, 'sent');
        assert.equal(row.attempts, 2);
        assert.deepEqual((await eventsOf(db, row.id)).map((e) => [e.kind, e.details.error ?? null]), [
          ['queued', null], ['attempt', null], ['attempt_failed', 'http 503'], ['attempt', null], ['sent', null],
        ]);
      }));
  });
}
