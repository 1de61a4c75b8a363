/**
 * Bad input never gives a 5xx (DESIGN budgets; issue 14): a property-based fuzzer (fast-check) reads the OpenAPI
 * document of a test app and sends every documented operation hostile path parameters, query strings, headers
 * and bodies (malformed JSON, wrong types, the operation's own field names with hostile values, prototype
 * pollution, injection strings, bad percent-encoding, odd content types and cookies) — as anonymous, as the
 * demo applicant and as a sysadmin and a body head. It checks:
 *  - no 5xx, except 501 where the document says the operation is not configured in this build;
 *  - every 4xx is application/problem+json with a code and a title;
 *  - a refused request writes nothing: a checksum of every table's rows (md5 over the rows as text, in order) is
 *    unchanged, so an UPDATE or a DELETE-and-INSERT is seen as well as an INSERT (the audit trail excepted: it
 *    records refused sign-ins on purpose; and the "last seen" time a credential's use refreshes).
 * The seed is fixed; TYNDA_FUZZ_RUNS (default 12 per operation and principal) makes a longer run, and
 * TYNDA_FUZZ_SEED another seed. PGlite only: what is checked is the HTTP layer and the services above the engine.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { signIn, testApp } from './support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  responses?: Record<string, unknown>;
}

const RUNS = Number(process.env.TYNDA_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.TYNDA_FUZZ_SEED ?? 20250324);
/** sign-out would end the fuzzer's own session; it is fuzzed anonymously only */
const ANONYMOUS_ONLY = new Set(['POST /api/v1/auth/logout']);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' or 1=1 --",
    "'); drop table appeal; --",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '\u0000',
    '%00',
    '%E0%A4%A',
    '${jndi:ldap://x}',
    '{{7*7}}',
    '__proto__',
    'constructor',
    'NaN',
    '-1',
    '1e309',
    '9999-99-99',
    '2025-02-30',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '\u202e\u0131\u0307',
    'x'.repeat(5000),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A body as bytes on the wire, with the content type it claims. */
const rawBody = (fields: string[]) =>
  fc.oneof(
    // JSON of any shape
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: 'application/json', payload: JSON.stringify(v) })),
    // the operation's own fields with hostile values, some missing, some extra
    fc
      .record({
        known: fields.length ? fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: fields.length }) : fc.constant({}),
        extra: fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }),
      })
      .map(({ known, extra }) => ({ type: 'application/json', payload: JSON.stringify({ ...extra, ...known }) })),
    // malformed JSON and prototype pollution
    fc.constantFrom('{', '{"a":', '[1,2', 'null', '""', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":1}{"b":2}').map((payload) => ({ type: 'application/json', payload })),
    // other content types
    fc.record({
      type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/json; charset=latin1', 'garbage', ''),
      payload: hostileString,
    }),
    fc.constant({ type: undefined, payload: undefined }),
  );

const queryString = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(hostileString, hostileString), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  fc.constantFrom('a=%ZZ', '&&=&', 'page=-1&pageSize=100000', 'page=1e400', 'view=all&view=mine', 'limit=0', 'before=abc', 'q=%25%27', '__proto__[x]=1', 'returnTo=https://evil.example/'),
);

const pathValue = fc.oneof(fc.uuid(), hostileString.filter((s) => s.length > 0).map(encodeURIComponent), fc.constantFrom('%E0%A4%A', '..', '%2e%2e', '2025', '-1', '0', '99999999999999999999'));

const headers = (credential: Record<string, string>) =>
  fc.record({
    'accept-language': fc.oneof(fc.constantFrom('kk', 'ru', 'en', 'ru;q=0.9, en;q=0.8', '*', 'xx-YY'), hostileString.map((s) => s.replace(/[^\t\x20-\x7e]/g, ''))),
    'idempotency-key': fc.option(hostileString.map((s) => s.replace(/[^\t\x20-\x7e]/g, '')), { nil: undefined }),
    cookie: fc.option(fc.oneof(hostileString.map((s) => `tynda_session=${s.replace(/[^\x21-\x7e]/g, '')}`), fc.constantFrom('tynda_session=%E0%A4%A', 'tynda_session=session_x', '=;;=', 'a=b; tynda_session=')), { nil: undefined }),
    origin: fc.option(fc.constantFrom('https://evil.example', 'null', 'http://localhost:80'), { nil: undefined }),
  }).map((h) => ({ ...h, ...credential }));

describe('the fuzzer: hostile input to every endpoint of the OpenAPI document [pglite]', () => {
  let app: App;
  let operations: Operation[];
  /** each table with the columns its checksum covers */
  let tables: { name: string; columns: string[] }[];
  const principals: Record<string, Record<string, string>> = {};

  /** md5 of each table's rows as text, ordered: any INSERT, UPDATE or DELETE changes it */
  const counts = async () => {
    const query = tables
      .map((t) => `(select md5(coalesce(string_agg(r, E'\\n' order by r), '')) || ':' || count(*) from (select row(${t.columns.map((c) => `"${c}"`).join(', ')})::text as r from "${t.name}") s) as "${t.name}"`)
      .join(', ');
    const { rows } = await sql.raw<Record<string, string>>(`select ${query}`).execute(app.database.db);
    return rows[0]!;
  };

  before(async () => {
    app = await testApp('pglite');
    principals.anonymous = {};
    principals.anonymousGarbage = { authorization: 'Bearer session_not-a-real-token' };
    principals.applicant = await signIn(app, 'applicant');
    principals.sysadmin = await signIn(app, 'sysadmin');
    principals.body_head = await signIn(app, 'body_head');
    const doc = (await app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })));
    const { rows } = await sql<{ table_name: string; column_name: string }>`select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`.execute(app.database.db);
    // the audit trail records refused sign-ins and refused one-time codes on purpose; using a session or a token
    // refreshes its "last seen" time (at most once a minute), whatever the answer
    const volatile = new Set(['audit_event.*', 'session.last_seen_at', 'api_token.last_used_at']);
    const byTable = new Map<string, string[]>();
    for (const r of rows) {
      if (volatile.has(`${r.table_name}.*`) || volatile.has(`${r.table_name}.${r.column_name}`)) continue;
      byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    }
    tables = [...byTable].map(([name, columns]) => ({ name, columns }));
  });
  after(async () => app?.close());

  test('the document lists the endpoints it fuzzes', () => {
    assert.ok(operations.length >= 30, `only ${operations.length} operations`);
    assert.ok(operations.some((o) => o.method === 'POST' && o.path === '/api/v1/appeals'));
  });

  test('the "nothing written" check sees an UPDATE that keeps every row count', async () => {
    const before = await counts();
    const row = await app.database.db.selectFrom('applicant').select(['id', 'name']).where('name', 'is not', null).executeTakeFirstOrThrow();
    await app.database.db.updateTable('applicant').set({ name: `${row.name}.` }).where('id', '=', row.id).execute();
    const changed = await counts();
    await app.database.db.updateTable('applicant').set({ name: row.name }).where('id', '=', row.id).execute();
    assert.notEqual(changed.applicant, before.applicant);
    assert.deepEqual(await counts(), before);
  });

  test('no 5xx, problem+json for every 4xx, nothing written by a refused request', async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const op of operations) {
      const fields = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      const notConfigured = op.responses?.['501'] !== undefined;
      for (const [who, credential] of Object.entries(principals)) {
        if (who !== 'anonymous' && ANONYMOUS_ONLY.has(`${op.method} ${op.path}`)) continue;
        await fc.assert(
          fc.asyncProperty(
            fc.record({ params: fc.array(pathValue, { minLength: 4, maxLength: 4 }), query: queryString, body: rawBody(fields), headers: headers(credential), method: fc.constantFrom(op.method, op.method, op.method, 'PATCH', 'HEAD') }),
            async (input) => {
              let i = 0;
              const url = op.path.replace(/\{[^}]+\}/g, () => input.params[i++]!) + (input.query ? `?${input.query}` : '');
              const before = await counts();
              const h: Record<string, string> = {};
              for (const [k, v] of Object.entries(input.headers)) if (v !== undefined) h[k] = v;
              if (input.body.type !== undefined) h['content-type'] = input.body.type;
              const res = await app.server.inject({ method: input.method as 'GET', url, headers: h, ...(input.body.payload !== undefined && input.method !== 'HEAD' ? { payload: input.body.payload } : {}) });
              sent++;
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const where = `${input.method} ${url} as ${who}`;
              assert.ok(res.statusCode < 500 || (res.statusCode === 501 && notConfigured), `${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
              if (res.statusCode >= 400) {
                assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${where}: ${res.statusCode} ${res.headers['content-type']}`);
                if (input.method !== 'HEAD') {
                  const problem = res.json() as { code?: unknown; title?: unknown; status?: unknown };
                  assert.equal(typeof problem.code, 'string', where);
                  assert.equal(typeof problem.title, 'string', where);
                  assert.equal(problem.status, res.statusCode, where);
                }
                assert.deepEqual(await counts(), before, `${where}: a refused request (${res.statusCode}) wrote rows`);
              }
            },
          ),
          { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true },
        );
      }
    }
    assert.ok(sent >= operations.length * RUNS * 3, `sent ${sent}`);
    // the run must reach past the first gate: both refusals and acceptances occur
    assert.ok([...statuses.keys()].some((s) => s === 400), 'validation refusals');
    assert.ok([...statuses.keys()].some((s) => s === 401), 'unauthenticated refusals');
    assert.ok([...statuses.keys()].some((s) => s < 300), 'some requests got through');
  });
});
