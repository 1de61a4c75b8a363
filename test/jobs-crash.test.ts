/**
 * The deadline watcher and the notice worker resume after `kill -9` without loss or repetition (issue 14).
 * Each job runs in its own process on PostgreSQL and is killed with SIGKILL half-way; a second run finishes:
 *  - deemed refusals (APC 91(2)): every overdue case has exactly one `deemed_refusal` event and one notice, and
 *    every chain is intact;
 *  - e-mail deliveries: every one is sent; a message is repeated only if it was in flight at the kill (at most
 *    one batch), and then under the same Message-ID (the notice id), so the mail system can tell.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { DEFAULT_CONVENTIONS } from '../src/law/deadlines.ts';
import { verifyCaseEvents } from '../src/modules/audit/case-events.ts';
import { AppealsService } from '../src/modules/appeals/service.ts';
import { OrganisationService } from '../src/modules/bodies/service.ts';
import { CalendarService } from '../src/modules/calendar/service.ts';
import { enqueueNotice } from '../src/modules/notifications/service.ts';
import { emailTransport } from '../src/modules/notifications/transports.ts';
import { NoticeWorker } from '../src/modules/notifications/worker.ts';
import type { Database } from '../src/platform/db.ts';
import { signIn } from './support/app.ts';
import { appOn, durableDatabase, type DurableDatabase } from './support/durable.ts';
import { startSmtpPeer, type SmtpPeer } from './support/peers.ts';

const CASES = 120;
const BATCH = 5;
const child = path.resolve(import.meta.dirname, 'support/job-child.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the job in a child process and kills it with SIGKILL once `progress()` reaches `at`; true if killed before it finished. */
async function killHalfWay(args: string[], progress: () => Promise<number>, at: number): Promise<boolean> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (c) => (out += c));
  proc.stderr.on('data', (c) => (out += c));
  const exited = new Promise((r) => proc.once('exit', r));
  const deadline = Date.now() + 120_000;
  while (proc.exitCode === null && Date.now() < deadline) {
    if ((await progress()) >= at) break;
    await sleep(5);
  }
  proc.kill('SIGKILL');
  await exited;
  if (proc.exitCode !== null && proc.exitCode !== 0) throw new Error(`job child failed: ${out}`);
  return !out.includes('done');
}

describe('jobs resume after kill -9 [postgres]', { skip: process.env.TYNDA_TEST_PG_URL ? false : 'no PostgreSQL server for tests (run through `npm test`)' }, () => {
  let store: DurableDatabase;
  let database: Database;
  let peer: SmtpPeer;
  const ids: string[] = [];

  before(async () => {
    store = await durableDatabase('postgres');
    database = await store.open();
    const app = await appOn(database);
    const registrar = await signIn(app, 'registrar');
    const bodyId = (await database.db.selectFrom('body').select('id').where('code', '=', 'KRG-BZH').executeTakeFirstOrThrow()).id;
    // paper appeals received in spring 2025: long overdue today, each with an e-mail notice in the outbox
    for (let i = 0; i < CASES; i++) {
      const res = await app.server.inject({
        method: 'POST', url: '/api/v1/appeals/register', headers: registrar,
        payload: { bodyId, type: 'application', channel: 'paper', language: 'ru', essence: `Обращение ${i}`, applicant: { kind: 'individual', name: 'Иванов Иван', email: `person${i}@example.kz` }, signed: true, receivedAt: `2025-04-0${1 + (i % 9)}T10:00:00+05:00` },
      });
      assert.equal(res.statusCode, 201, res.body);
      ids.push(res.json().id);
    }
    await app.close();
    // and e-mail notices in the outbox (a preliminary decision to a participant who chose e-mail, APC 73(1))
    for (let i = 0; i < CASES; i++) {
      await database.db.transaction().execute((trx) =>
        enqueueNotice(trx, {
          type: 'preliminary_decision', subject: { type: 'appeal', id: ids[i]! }, language: 'ru', createdBy: 'test',
          recipient: { kind: 'participant', id: `person-${i}`, online: true, contacts: { email: `person${i}@example.kz` }, preferred: ['email'] },
          data: { registrationNumber: `KRG-BZH-2025-${i}`, bodyName: 'Акимат Байзакского района', draft: 'Отказать.' },
        }),
      );
    }
    peer = await startSmtpPeer();
  });
  after(async () => {
    await peer?.close();
    await database?.close();
    await store?.drop();
  });

  test('APC 91(2): the deemed-refusal watcher killed half-way and run again records each refusal exactly once', { timeout: 300_000 }, async () => {
    const recorded = async () => Number((await database.db.selectFrom('case_event').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'deemed_refusal').executeTakeFirstOrThrow()).n);
    const killed = await killHalfWay(['deemed', store.where], recorded, CASES / 4);
    const atKill = await recorded();
    assert.ok(killed && atKill < CASES, `the kill came before the end (${atKill} of ${CASES} recorded)`);
    const appeals = new AppealsService(database.db, new CalendarService(database.db, DEFAULT_CONVENTIONS), new OrganisationService(database.db), async () => []);
    await appeals.recordDeemedRefusals();
    await appeals.recordDeemedRefusals(); // and once more: nothing twice
    const events = await database.db.selectFrom('case_event').select(['case_id']).where('action', '=', 'deemed_refusal').execute();
    const notices = await database.db.selectFrom('notice').select(['subject_id']).where('type', '=', 'deemed_refusal').execute();
    for (const [what, rows] of [['events', events.map((e) => e.case_id)], ['notices', notices.map((n) => n.subject_id)]] as const) {
      const per = new Map<string, number>();
      for (const id of rows) per.set(id, (per.get(id) ?? 0) + 1);
      assert.equal(per.size, CASES, `${what}: one for every case`);
      assert.ok([...per.values()].every((n) => n === 1), `${what}: none twice`);
    }
    assert.deepEqual((await verifyCaseEvents(database.db)).breaks, []);
  });

  test('notice e-mails: the worker killed half-way loses nothing; a repeat is only a message in flight, under the same Message-ID', { timeout: 300_000 }, async () => {
    const queued = await database.db.selectFrom('notice_delivery').select(['id', 'notice_id']).where('channel', '=', 'email').where('status', '=', 'queued').execute();
    assert.ok(queued.length >= CASES, `${queued.length} e-mails queued`);
    const killed = await killHalfWay(['deliver', store.where, String(peer.port)], async () => peer.received.length, queued.length / 4);
    assert.ok(killed && peer.received.length < queued.length, `the kill came before the end (${peer.received.length} of ${queued.length} sent)`);
    await sleep(2500); // the dead worker's leases run out
    const worker = new NoticeWorker(database.db, { email: emailTransport({ host: '127.0.0.1', port: peer.port, secure: 'off', auth: undefined, from: 'Tynda <noreply@tynda.test>' }) }, pino({ level: 'silent' }), { leaseSeconds: 2, batchSize: BATCH });
    for (let i = 0; i < 5; i++) await worker.runOnce();
    const statuses = await database.db.selectFrom('notice_delivery').select(['notice_id', 'status']).where('id', 'in', queued.map((q) => q.id)).execute();
    assert.deepEqual([...new Set(statuses.map((s) => s.status))], ['sent'], 'every e-mail sent');
    const perNotice = new Map<string, number>();
    for (const m of peer.received) {
      const id = m.headers.get('x-tynda-notice-id')!;
      assert.match(m.headers.get('message-id') ?? '', new RegExp(`^<${id}@`));
      perNotice.set(id, (perNotice.get(id) ?? 0) + 1);
    }
    for (const q of queued) assert.ok(perNotice.get(q.notice_id), `notice ${q.notice_id} never arrived`);
    const repeats = [...perNotice.values()].reduce((s, n) => s + n - 1, 0);
    assert.ok(repeats <= BATCH, `${repeats} repeated messages: more than the one batch that was in flight`);
  });
});
