/**
 * Scale beyond one process (DESIGN.md "Distributed scale", issue 13): two `tynda serve` processes on one
 * PostgreSQL, started together on an empty database. Registration numbers stay unique and gap-free per body and
 * year (APC 64(2)), a job sent to pg-boss runs once across both nodes, and a session made on one works on the
 * other (sessions live in the database, not in a process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { freePort } from '../scripts/postgres.mjs';
import { formatRegistrationNumber } from '../src/modules/bodies/service.ts';
import { demoLogins } from '../src/modules/identity/demo.ts';

const adminUrl = process.env.TYNDA_TEST_PG_URL;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('two app processes on one PostgreSQL', { skip: adminUrl ? false : 'no PostgreSQL server for tests (run through `npm test`, which starts one, or set TYNDA_TEST_PG_URL)', timeout: 180_000 }, () => {
  const name = `t_${randomBytes(6).toString('hex')}`;
  let url: string;
  const nodes: { child: ChildProcess; base: string; dir: string; output: string[] }[] = [];
  let client: pg.Client;

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    // both start at once on the empty database: migrations, calendar and demo seed race on purpose
    for (let k = 0; k < 2; k++) {
      const port = await freePort();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tynda-node-'));
      const output: string[] = [];
      const child = spawn(process.execPath, [path.join(root, 'bin/tynda.mjs'), 'serve'], {
        cwd: root,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, TYNDA_DEMO: 'on', TYNDA_DATA_DIR: dir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
      nodes.push({ child, base: `http://127.0.0.1:${port}`, dir, output });
    }
    const deadline = Date.now() + 90_000;
    for (const n of nodes) {
      for (;;) {
        if (n.child.exitCode !== null) throw new Error(`a node exited during start (${n.child.exitCode}): ${n.output.join('')}`);
        if (Date.now() > deadline) throw new Error(`a node did not start in 90 s: ${n.output.join('')}`);
        const ok = await fetch(`${n.base}/api/health`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });

  after(async () => {
    await client?.end();
    await Promise.all(nodes.map((n) => new Promise<void>((resolve) => {
      if (n.child.exitCode !== null) return resolve();
      n.child.once('exit', () => resolve());
      n.child.kill('SIGTERM');
      setTimeout(() => n.child.kill('SIGKILL'), 5000).unref();
    })));
    for (const n of nodes) fs.rmSync(n.dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  async function signIn(base: string): Promise<string> {
    const login = (await demoLogins()).registrar!;
    const { rows: [row] } = await client.query<{ password: string }>('select password from demo_account where login = $1', [login]);
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: row!.password }) });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { token: string }).token;
  }

  const post = (base: string, token: string, bodyId: string, receivedAt: string) =>
    fetch(`${base}/api/v1/appeals/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        bodyId, type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу отремонтировать крышу дома по ул. Абая, 10', summary: 'Ремонт крыши',
        applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10' }, signed: true, filedOn: receivedAt.slice(0, 10), receivedAt,
      }),
    });
  const register = async (base: string, token: string, bodyId: string, receivedAt: string) => {
    const res = await post(base, token, bodyId, receivedAt);
    const body = (await res.json()) as { id: string; number: string };
    assert.equal(res.status, 201, JSON.stringify(body));
    return body;
  };

  test('the demo organisation is loaded once although both nodes started together on the empty database', async () => {
    const { rows } = await client.query<{ n: number; seeded: number }>(`select (select count(*) from body where code = 'KRG-BZH')::int as n, (select count(*) from audit_event where action = 'demo.seeded')::int as seeded`);
    assert.deepEqual(rows[0], { n: 1, seeded: 1 });
  });

  test('a session made on one node works on the other', async () => {
    const [a, b] = [nodes[0]!, nodes[1]!];
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const token = await signIn(from.base);
      const res = await fetch(`${to.base}/api/v1/appeals?view=body`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200, await res.text());
    }
  });

  test('APC 64(2): appeals registered alternately and concurrently through both nodes get numbers unique and gap-free per body and year', async () => {
    const [a, b] = nodes;
    const tokens = [await signIn(a!.base), await signIn(b!.base)];
    const { rows: [body] } = await client.query<{ id: string; code: string; registration_number_format: string }>(`select id, code, registration_number_format from body where code = 'KRG-BZH'`);
    const receivedAt = '2025-04-02T10:00:00+05:00';
    const count = 30;
    const tickets = await Promise.all(Array.from({ length: count }, (_, k) => register(nodes[k % 2]!.base, tokens[k % 2]!, body!.id, receivedAt)));
    const { rows } = await client.query<{ number: string; registered_on: string }>(`select number, registered_on::text from appeal where body_id = $1`, [body!.id]);
    assert.equal(rows.length, count);
    assert.equal(new Set(tickets.map((t) => t.number)).size, count);
    const expected = Array.from({ length: count }, (_, k) => formatRegistrationNumber(body!.registration_number_format, { code: body!.code, date: rows[0]!.registered_on, seq: k + 1 }));
    assert.deepEqual(rows.map((r) => r.number).sort(), expected.sort());
  });

  test('a node keeps access decisions only while the organisation is unchanged: an appointment ended elsewhere is refused on the next request, and restored, allowed again', async () => {
    const [a, b] = [nodes[0]!, nodes[1]!];
    const token = await signIn(a.base);
    const { rows: [body] } = await client.query<{ id: string }>(`select id from body where code = 'KRG-BZH'`);
    const receivedAt = '2025-04-03T10:00:00+05:00';
    // both nodes have decided on this official once, so both hold the decision
    for (const n of [a, b]) await register(n.base, token, body!.id, receivedAt);
    const { rows: [registrar] } = await client.query<{ official_id: string }>('select official_id from official_account where login = $1', [(await demoLogins()).registrar!]);
    // another writer (here SQL, as an administrator on a third node would) ends the registrar's appointments
    const ended = await client.query(`update appointment set ended_at = now() where official_id = $1 and ended_at is null returning id`, [registrar!.official_id]);
    assert.ok(ended.rowCount! > 0);
    try {
      for (const n of [a, b]) {
        const res = await post(n.base, token, body!.id, receivedAt);
        assert.equal(res.status, 403, `${n.base}: ${await res.text()}`);
      }
    } finally {
      await client.query('update appointment set ended_at = null where id = any($1)', [ended.rows.map((r) => r.id)]);
    }
    for (const n of [a, b]) await register(n.base, token, body!.id, receivedAt);
  });

  test('a job sent to pg-boss runs once across both nodes (APC 91(2) deemed refusal recorded once)', async () => {
    const token = await signIn(nodes[0]!.base);
    const { rows: [body] } = await client.query<{ id: string }>(`select id from body where code = 'KRG-BZH'`);
    const expired = await register(nodes[0]!.base, token, body!.id, '2025-01-10T10:00:00+05:00');
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
    await boss.start();
    const jobIds: string[] = [];
    try {
      for (let k = 0; k < 4; k++) jobIds.push((await boss.send('appeals-deemed-refusal', {}))!);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
    const until = Date.now() + 30_000;
    let jobs: { id: string; state: string; retry_count: number }[] = [];
    while (Date.now() < until) {
      jobs = (await client.query<{ id: string; state: string; retry_count: number }>(`select id::text, state::text, retry_count from pgboss.job where id = any($1::uuid[])`, [jobIds])).rows;
      if (jobs.length === jobIds.length && jobs.every((j) => j.state === 'completed')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(jobs.map((j) => [j.state, j.retry_count]), jobIds.map(() => ['completed', 0]));
    const events = await client.query(`select 1 from case_event where case_id = $1 and action = 'deemed_refusal'`, [expired.id]);
    const notices = await client.query(`select 1 from notice where subject_id = $1 and type = 'deemed_refusal'`, [expired.id]);
    assert.equal(events.rowCount, 1);
    assert.equal(notices.rowCount, 1);
  });
});
