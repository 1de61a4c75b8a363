/**
 * Tamper evidence (DESIGN principle 3; issue 14): case events are hash-chained, and `tynda audit verify` finds
 * a row edited, removed or forged directly in the database, naming the first broken link of each broken case
 * and exiting with 1; on an untouched database it exits with 0.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { CASE_HEAD_TABLES, eventHash, verifyCaseEvents } from '../src/modules/audit/case-events.ts';
import type { Database } from '../src/platform/db.ts';
import { ENGINES } from './support/databases.ts';
import { appOn, durableDatabase, registerPaperAppeal, type DurableDatabase } from './support/durable.ts';
import { signIn } from './support/app.ts';

const tynda = path.resolve(import.meta.dirname, '../bin/tynda.mjs');

function verifyCli(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [tynda, 'audit', 'verify', '--json'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, report: run.stdout ? (JSON.parse(run.stdout) as { ok: boolean; cases: number; events: number; breaks: { caseId: string; seq: number; problem: string }[] }) : undefined, stderr: run.stderr };
}

for (const { engine, skip } of ENGINES) {
  describe(`tynda audit verify [${engine}]`, { skip }, () => {
    let store: DurableDatabase;
    let database: Database;
    const ids: string[] = [];
    let complaintId: string;

    before(async () => {
      store = await durableDatabase(engine);
      database = await store.open();
      const app = await appOn(database);
      const registrar = await signIn(app, 'registrar');
      for (let i = 0; i < 3; i++) ids.push(await registerPaperAppeal(app, registrar, `Обращение ${i}`));
      // a second event on the first case: the registrar assigns it
      const view = (await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${ids[0]}`, headers: registrar })).json() as { version: number };
      const deputy = await signIn(app, 'deputy_head');
      const assigned = await app.server.inject({ method: 'POST', url: `/api/v1/appeals/${ids[0]}/actions`, headers: deputy, payload: { version: view.version, action: 'start_review' } });
      assert.ok(assigned.statusCode === 200 || assigned.statusCode === 403 || assigned.statusCode === 409, assigned.body);
      // a complaint (its own chain and head, APC 91) against the inaction on a fourth case
      const fourth = await registerPaperAppeal(app, registrar, 'Обращение для жалобы');
      const complaint = await app.server.inject({
        method: 'POST', url: '/api/v1/complaints/register', headers: registrar,
        payload: {
          appealId: fourth, challengedKind: 'inaction', challengedSummary: 'Бездействие по обращению', circumstances: 'Ответа нет', language: 'ru', channel: 'paper', signed: true,
          complainant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'ул. Абая, 10' }, learnedOn: new Date().toISOString().slice(0, 10), receivedAt: new Date().toISOString(),
        },
      });
      assert.equal(complaint.statusCode, 201, complaint.body);
      complaintId = complaint.json().id;
      await app.close();
    });
    after(async () => {
      await database?.close();
      await store?.drop();
    });

    /** the CLI reads the database in its own process: the embedded one is closed around it */
    async function cli() {
      await database.close();
      const result = verifyCli(store.env);
      database = await store.open();
      return result;
    }

    test('an untouched database: every chain intact, exit code 0; every case type that writes events has its head checked; batches change nothing', async () => {
      const direct = await verifyCaseEvents(database.db);
      assert.deepEqual(direct.breaks, []);
      const types = (await database.db.selectFrom('case_event').select('case_type').distinct().execute()).map((r) => r.case_type);
      assert.ok(types.includes('complaint'), types.join());
      for (const t of types) assert.ok(t in CASE_HEAD_TABLES, `the head of ${t} cases is checked`);
      assert.deepEqual(await verifyCaseEvents(database.db, { batch: 2 }), direct, 'read two rows at a time: the same answer');
      assert.ok(direct.events >= 3);
      const run = await cli();
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.report?.ok, true);
      assert.equal(run.report?.cases, direct.cases);
    });

    test('an event edited in the database (its details) is caught at that event: exit code 1, the case and the link named', async () => {
      await sql`update case_event set details = jsonb_set(details, '{due}', '"2099-12-31"') where case_id = ${ids[1]} and seq = 1`.execute(database.db);
      const run = await cli();
      assert.equal(run.status, 1);
      assert.deepEqual(run.report?.breaks.map((b) => [b.caseId, b.seq, b.problem]), [[ids[1], 1, 'hash_mismatch']]);
    });

    test('a forger who recomputes the edited event\'s own hash breaks the link to the next event or the head kept on the case', async () => {
      const [e] = await sql<{ id: number; prev_hash: string; case_type: string; case_id: string; seq: number; at: string; actor: string; action: string; citation: string | null; state: string | null; details: unknown }>`
        select * from case_event where case_id = ${ids[2]} and seq = 1`.execute(database.db).then((r) => r.rows);
      const details = { ...(e!.details as Record<string, unknown>), acceptedBy: 'Someone Else' };
      const hash = eventHash(e!.prev_hash, { caseType: e!.case_type, caseId: e!.case_id, seq: e!.seq, at: new Date(e!.at).toISOString(), actor: e!.actor, action: e!.action, citation: e!.citation, state: e!.state, details });
      await sql`update case_event set details = ${JSON.stringify(details)}::jsonb, hash = ${hash} where id = ${e!.id}`.execute(database.db);
      const { breaks } = await verifyCaseEvents(database.db);
      const found = breaks.find((b) => b.caseId === ids[2]);
      assert.ok(found, 'caught');
      assert.ok(['link_broken', 'head_mismatch'].includes(found.problem));
    });

    test('the last event removed is caught by the head kept on the case row', async () => {
      await sql`delete from case_event where case_id = ${ids[0]} and seq = (select max(seq) from case_event where case_id = ${ids[0]})`.execute(database.db);
      const { breaks } = await verifyCaseEvents(database.db);
      const found = breaks.find((b) => b.caseId === ids[0]);
      assert.equal(found?.problem, 'head_mismatch');
      const run = await cli();
      assert.equal(run.status, 1);
      assert.equal(run.report?.breaks.length, 3, 'the first broken link of each of the three broken cases');
    });

    test('the last event of a complaint removed is caught by the head kept on the complaint row (also when read in small batches)', async () => {
      await sql`delete from case_event where case_type = 'complaint' and case_id = ${complaintId} and seq = (select max(seq) from case_event where case_type = 'complaint' and case_id = ${complaintId})`.execute(database.db);
      for (const batch of [undefined, 1, 3]) {
        const { breaks } = await verifyCaseEvents(database.db, batch ? { batch } : {});
        const found = breaks.find((b) => b.caseId === complaintId);
        assert.deepEqual(found && [found.caseType, found.problem], ['complaint', 'head_mismatch'], `batch ${batch}`);
        assert.equal(breaks.length, 4, `batch ${batch}`);
      }
      const run = await cli();
      assert.equal(run.status, 1);
      assert.ok(run.report?.breaks.some((b) => b.caseId === complaintId && b.problem === 'head_mismatch'));
    });
  });
}
