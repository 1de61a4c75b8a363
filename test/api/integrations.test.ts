/**
 * Integrations through the API, on both engines: an Open311 GeoReport v2 client (the specification's example
 * fields and shapes, JSON and XML parsed back with an XML parser, service discovery), a webhook receiver on
 * 127.0.0.1 that checks the HMAC (and one that fails twice before it accepts), the SSRF guard of webhook targets,
 * lists as CSV and XLSX, the import of a paper register (CSV and XLSX) whose bad rows change nothing, calendar
 * feeds fetched over HTTP, and the generated client (clients/ts) against a running Tynda and against the current
 * OpenAPI document.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { XmlDocument, type XmlElement } from 'xmldoc';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/modules/integrations/csv.ts';
import { WebhookWorker } from '../../src/modules/integrations/webhooks.ts';
import { createClient, TyndaError } from '../../clients/ts/index.ts';
import { generateClient, openApiDocument } from '../../scripts/generate-client.ts';
import { VERSION } from '../../src/app.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
/** Workers of the tests deliver to receivers on 127.0.0.1 over http. */
const LOOPBACK_OK = { allowHttp: true, allowPrivate: true };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The keys of a service request in the specification's GET requests example, in its order. */
const REQUEST_KEYS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'];
const SERVICE_KEYS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

const children = (e: XmlElement, name?: string) => e.children.filter((c): c is XmlElement => c.type === 'element').filter((c) => !name || c.name === name);
const text = (e: XmlElement, name: string) => e.childNamed(name)?.val;

/** iCalendar content lines (RFC 5545 3.1: a CRLF followed by a space continues the line), and its VEVENTs as maps. */
function icsEvents(text: string) {
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') current = new Map();
    else if (l === 'END:VEVENT') { events.push(current!); current = undefined; }
    else if (current) { const i = l.indexOf(':'); current.set(l.slice(0, i), l.slice(i + 1)); }
  }
  return events;
}

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

/** A webhook receiver: checks each POST's signature with the secret; answers `failNext` statuses first. */
async function startReceiver(secret: string) {
  const state = { received: [] as Received[], failNext: [] as number[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      state.received.push({ headers: req.headers, body, signatureValid: req.headers['x-tynda-signature'] === expected });
      const status = state.failNext.shift() ?? 204;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
}

for (const { engine, skip } of ENGINES) {
  describe(`integrations API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-04-01T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    let apiKey = '';

    before(async () => {
      // the receivers of these tests listen on 127.0.0.1 over http: the SSRF guard is relaxed here and tested below
      app = await testApp(engine, { TYNDA_WEBHOOK_ALLOW_HTTP: 'on', TYNDA_WEBHOOK_ALLOW_PRIVATE: 'on' }, { clock: () => now });
      for (const role of ['registrar', 'deputy_head', 'sysadmin', 'executor', 'applicant'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      const token = await call({ method: 'POST', url: '/api/v1/tokens', as: 'sysadmin', payload: { name: 'City 311 app', officialId: officials['bzh.registrar'], scopes: ['appeal.register', 'appeal.read', 'integrations.manage'] } });
      assert.equal(token.status, 201, JSON.stringify(token.body));
      apiKey = token.body.token;
    });
    after(async () => app?.close());

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      let body: Json;
      try { body = res.body ? res.json() : undefined; } catch { body = res.body; }
      return { status: res.statusCode, body, raw: res.body, type: String(res.headers['content-type'] ?? '') };
    };
    let address: string | undefined;
    /** the app on a real socket, for clients that speak HTTP (calendar applications, the generated client) */
    const listening = async () => (address ??= await app.server.listen({ port: 0, host: '127.0.0.1' }));
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const post311 = (ext: 'json' | 'xml', fields: Record<string, string>, headers: Record<string, string> = {}) =>
      call({ method: 'POST', url: `/open311/v2/requests.${ext}`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: form(fields) });
    /** The specification's example POST, with a Kazakhstan location. */
    const example = () => ({
      api_key: apiKey, service_code: 'HOUSING.HEAT', lat: '42.8936', long: '71.3989', address_string: 'Байзак ауданы, Абай к-сі 10', email: 'smith@example.kz',
      device_id: 'tt222111', account_id: '123456', first_name: 'Иван', last_name: 'Иванов', phone: '+77011234567',
      description: 'В подъезде нет отопления с понедельника', media_url: 'https://example.kz/photo.jpg', 'attribute[TYPE]': 'report',
    });
    const register = (receivedAt: string) =>
      call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу отремонтировать крышу', summary: 'Ремонт крыши',
          applicant: { kind: 'individual', name: 'Иванов Иван', postalAddress: 'ул. Абая, 10', email: 'ivanov@example.kz' }, signed: true, filedOn: receivedAt.slice(0, 10), receivedAt,
        },
      });
    const act = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      return call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const appealCount = async () => Number((await app.database.db.selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    // ---------- Open311 ----------

    test('GET services.json and services.xml: the leaf topics in the shape of the specification, names in the request language', async () => {
      const json = await call({ method: 'GET', url: '/open311/v2/services.json', headers: { 'accept-language': 'ru' } });
      assert.equal(json.status, 200);
      assert.match(json.type, /^application\/json/);
      assert.ok(Array.isArray(json.body));
      const heat = json.body.find((s: Json) => s.service_code === 'HOUSING.HEAT');
      assert.deepEqual(Object.keys(heat), SERVICE_KEYS);
      assert.equal(heat.service_name, 'Теплоснабжение');
      assert.equal(heat.group, 'Жилищно-коммунальное хозяйство');
      assert.equal(heat.metadata, true);
      assert.equal(heat.type, 'realtime');
      assert.ok(!json.body.some((s: Json) => s.service_code === 'HOUSING'), 'a topic with subtopics is a group, not a service');

      const xml = await call({ method: 'GET', url: '/open311/v2/services.xml', headers: { 'accept-language': 'en' } });
      assert.equal(xml.status, 200);
      assert.match(xml.type, /^text\/xml/);
      assert.match(xml.raw, /^<\?xml version="1\.0" encoding="utf-8"\?>/);
      const doc = new XmlDocument(xml.raw);
      assert.equal(doc.name, 'services');
      const services = children(doc, 'service');
      assert.equal(services.length, json.body.length);
      const x = services.find((s) => text(s, 'service_code') === 'HOUSING.HEAT')!;
      assert.deepEqual(children(x).map((c) => c.name), SERVICE_KEYS);
      assert.equal(text(x, 'service_name'), 'Heating');
      assert.equal(text(x, 'metadata'), 'true');
    });

    test('GET services/{code}.json|xml: the service definition with its attribute; an unknown code is a 404 in the errors form', async () => {
      const json = await call({ method: 'GET', url: '/open311/v2/services/HOUSING.HEAT.json', headers: { 'accept-language': 'en' } });
      assert.equal(json.status, 200);
      assert.equal(json.body.service_code, 'HOUSING.HEAT');
      const [attr] = json.body.attributes;
      assert.deepEqual(Object.keys(attr), ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
      assert.equal(attr.datatype, 'singlevaluelist');
      assert.deepEqual(attr.values.map((v: Json) => v.key), ['report', 'application']);

      const xml = await call({ method: 'GET', url: '/open311/v2/services/HOUSING.HEAT.xml' });
      const doc = new XmlDocument(xml.raw);
      assert.equal(doc.name, 'service_definition');
      assert.equal(text(doc, 'service_code'), 'HOUSING.HEAT');
      const attribute = doc.childNamed('attributes')!.childNamed('attribute')!;
      assert.equal(text(attribute, 'code'), 'TYPE');
      assert.deepEqual(children(attribute.childNamed('values')!, 'value').map((v) => text(v, 'key')), ['report', 'application']);

      const missing = await call({ method: 'GET', url: '/open311/v2/services/NOPE.json', headers: { 'accept-language': 'en' } });
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys(missing.body[0]), ['code', 'description']);
      assert.equal(missing.body[0].code, 404);
      assert.equal(missing.body[0].description, 'No such service (topic)');
      const missingXml = await call({ method: 'GET', url: '/open311/v2/services/NOPE.xml', headers: { 'accept-language': 'ru' } });
      const err = new XmlDocument(missingXml.raw);
      assert.equal(err.name, 'errors');
      assert.equal(text(err.childNamed('error')!, 'code'), '404');
      assert.equal(text(err.childNamed('error')!, 'description'), 'Такой услуги (темы) нет');
    });

    test('POST requests.json: the example form files a report to the competent body; GET requests/{id} follows it; XML too', async () => {
      now = new Date('2025-04-01T05:00:00Z');
      const before = await appealCount();
      const res = await post311('json', example(), { 'accept-language': 'ru' });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.length, 1);
      assert.deepEqual(Object.keys(res.body[0]), ['service_request_id', 'service_notice', 'account_id']);
      const id = res.body[0].service_request_id;
      assert.match(id, /^KRG-BZH-2025-\d+$/);
      assert.equal(res.body[0].account_id, '123456');
      assert.match(res.body[0].service_notice, /АППК 76\(1\)/);
      assert.equal(await appealCount(), before + 1);
      const appeal = await app.database.db.selectFrom('appeal').selectAll().where('number', '=', id).executeTakeFirstOrThrow();
      assert.equal(appeal.body_id, bodies['KRG-BZH'], 'HOUSING is a district matter; the token registers at KRG-BZH');
      assert.equal(appeal.channel, 'electronic');
      assert.equal(appeal.type, 'report');
      assert.equal(appeal.language, 'ru');
      assert.match(appeal.essence, /нет отопления/);
      const events = await app.database.db.selectFrom('case_event').select('action').where('case_id', '=', appeal.id).execute();
      assert.deepEqual(events.map((e) => e.action), ['registered']);

      const one = await call({ method: 'GET', url: `/open311/v2/requests/${id}.json?api_key=${apiKey}` });
      assert.equal(one.status, 200, one.raw);
      assert.deepEqual(Object.keys(one.body[0]), REQUEST_KEYS);
      assert.equal(one.body[0].status, 'open');
      assert.equal(one.body[0].service_code, 'HOUSING.HEAT');
      assert.equal(one.body[0].lat, 42.8936);
      assert.equal(one.body[0].long, 71.3989);
      assert.equal(one.body[0].expected_datetime, `${appeal.due}T18:00:00+05:00`);
      assert.equal(one.body[0].requested_datetime, '2025-04-01T10:00:00+05:00');

      const xml = await post311('xml', { ...example(), description: 'Жарық жоқ & <түнде>' });
      assert.equal(xml.status, 201, xml.raw);
      const doc = new XmlDocument(xml.raw);
      assert.equal(doc.name, 'service_requests');
      const request = doc.childNamed('request')!;
      assert.deepEqual(children(request).map((c) => c.name), ['service_request_id', 'service_notice', 'account_id']);
      const xmlId = text(request, 'service_request_id')!;
      const got = new XmlDocument((await call({ method: 'GET', url: `/open311/v2/requests/${xmlId}.xml?api_key=${apiKey}` })).raw);
      assert.equal(got.name, 'service_requests');
      assert.deepEqual(children(got.childNamed('request')!).map((c) => c.name), REQUEST_KEYS);
      assert.equal(text(got.childNamed('request')!, 'description'), 'Жарық жоқ & <түнде>', 'escaped and read back');
    });

    test('POST requests: the errors of the specification (no api_key 403, no location 400, unknown service 404), nothing filed; Idempotency-Key returns the first request', async () => {
      const before = await appealCount();
      const { api_key: _, ...noKey } = example();
      const r403 = await post311('json', noKey, { 'accept-language': 'en' });
      assert.equal(r403.status, 403);
      assert.deepEqual(r403.body, [{ code: 403, description: 'A valid api_key (an API token) is required' }]);
      const { lat: _lat, long: _long, address_string: _a, ...noLocation } = example();
      const r400 = await post311('xml', noLocation, { 'accept-language': 'en' });
      assert.equal(r400.status, 400);
      const e = new XmlDocument(r400.raw);
      assert.equal(e.name, 'errors');
      assert.match(text(e.childNamed('error')!, 'description')!, /^body\.lat: Give lat and long/);
      const r404 = await post311('json', { ...example(), service_code: 'NOPE' });
      assert.equal(r404.status, 404);
      const badType = await post311('json', { ...example(), 'attribute[TYPE]': 'petition' });
      assert.equal(badType.status, 400);
      assert.equal(await appealCount(), before, 'no refused request filed anything');

      const first = await post311('json', example(), { 'idempotency-key': 'client-key-0001' });
      const again = await post311('json', example(), { 'idempotency-key': 'client-key-0001' });
      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.equal(again.body[0].service_request_id, first.body[0].service_request_id);
      assert.equal(await appealCount(), before + 1);
    });

    test('GET requests.json|xml: filters of the specification; status follows the appeal (answered = closed)', async () => {
      now = new Date('2025-04-02T05:00:00Z');
      // an anonymous report (no name or contacts): the answer needs no notice with recorded receipt (APC 89(2))
      const { first_name: _f, last_name: _l, email: _e, phone: _p, ...anonymous } = example();
      const filed = await post311('json', { ...anonymous, service_code: 'ROADS.REPAIR' });
      const id = filed.body[0].service_request_id;
      const list = async (query: string) => (await call({ method: 'GET', url: `/open311/v2/requests.json?api_key=${apiKey}&${query}` })).body as Json[];
      assert.ok((await list('service_code=ROADS.REPAIR&status=open')).some((r) => r.service_request_id === id));
      assert.ok(!(await list('service_code=ROADS.REPAIR&status=closed')).some((r) => r.service_request_id === id));
      assert.ok(!(await list('service_code=HOUSING.HEAT')).some((r) => r.service_request_id === id));
      const appeal = await app.database.db.selectFrom('appeal').select('id').where('number', '=', id).executeTakeFirstOrThrow();
      assert.equal((await act(appeal.id, 'deputy_head', { action: 'start_review' })).status, 200);
      const answered = await act(appeal.id, 'deputy_head', { action: 'answer', text: 'Яма заделана' });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      const closed = await list('service_code=ROADS.REPAIR&status=closed');
      const mine = closed.find((r) => r.service_request_id === id);
      assert.equal(mine.status, 'closed');
      assert.equal(mine.expected_datetime, null);
      const xml = new XmlDocument((await call({ method: 'GET', url: `/open311/v2/requests.xml?api_key=${apiKey}&service_request_id=${id}` })).raw);
      assert.equal(xml.name, 'service_requests');
      assert.deepEqual(children(xml, 'request').map((r) => text(r, 'status')), ['closed']);
      // a window before the request excludes it; no key is a 403
      assert.ok(!(await list('start_date=2025-03-01T00:00:00Z&end_date=2025-03-31T00:00:00Z')).some((r) => r.service_request_id === id));
      assert.equal((await call({ method: 'GET', url: '/open311/v2/requests.json' })).status, 403);
    });

    test('GET discovery.json|xml (Open311 service discovery): the GeoReport v2 endpoint of this server, its formats, the changeset and how to get a key', async () => {
      const json = await call({ method: 'GET', url: '/open311/discovery.json', headers: { 'accept-language': 'en' } });
      assert.equal(json.status, 200);
      assert.deepEqual(Object.keys(json.body), ['changeset', 'contact', 'key_service', 'endpoints']);
      assert.match(json.body.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
      assert.match(json.body.key_service, /\/api\/v1\/tokens$/);
      const [endpoint, ...others] = json.body.endpoints;
      assert.equal(others.length, 0);
      assert.deepEqual(Object.keys(endpoint), ['specification', 'url', 'changeset', 'type', 'formats']);
      assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.equal(endpoint.type, 'production');
      assert.deepEqual(endpoint.formats, ['text/xml', 'application/json']);
      assert.match(endpoint.url, /\/open311\/v2$/);
      // a client follows the endpoint it discovered
      const services = await call({ method: 'GET', url: `${new URL(endpoint.url).pathname}/services.json` });
      assert.equal(services.status, 200);

      const xml = await call({ method: 'GET', url: '/open311/discovery.xml', headers: { 'accept-language': 'ru' } });
      assert.match(xml.type, /^text\/xml/);
      const doc = new XmlDocument(xml.raw);
      assert.equal(doc.name, 'discovery');
      assert.deepEqual(children(doc).map((c) => c.name), ['changeset', 'contact', 'key_service', 'endpoints']);
      assert.match(text(doc, 'contact')!, /администратор/);
      const e = doc.childNamed('endpoints')!.childNamed('endpoint')!;
      assert.deepEqual(children(e).map((c) => c.name), ['specification', 'url', 'changeset', 'type', 'formats']);
      assert.deepEqual(children(e.childNamed('formats')!, 'format').map((f) => f.val), ['text/xml', 'application/json']);
      // a topic added to the classifier moves the changeset: clients refresh their cached services
      const added = await call({ method: 'POST', url: '/api/v1/topics', as: 'sysadmin', payload: { code: 'HOUSING.LIFT', name: { kk: 'Лифттер', ru: 'Лифты', en: 'Lifts' }, parentId: (await app.database.db.selectFrom('topic').select('id').where('code', '=', 'HOUSING').executeTakeFirstOrThrow()).id } });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const after = await call({ method: 'GET', url: '/open311/discovery.json' });
      assert.ok(after.body.changeset > json.body.changeset || Date.parse(after.body.changeset) > Date.parse(json.body.changeset), 'the changeset moved');
    });

    // ---------- webhooks ----------

    test('webhooks: a registered and a redirected appeal reach the receiver, signed with HMAC-SHA256; the outbox row is written with the case event; the log shows it', async () => {
      const secret = 'whsec-0123456789abcdef';
      const receiver = await startReceiver(secret);
      try {
        now = new Date('2025-04-03T05:00:00Z');
        const sub = await call({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${apiKey}` }, payload: { url: receiver.url, secret, events: ['appeal.registered', 'appeal.redirected', 'appeal.decided', 'appeal.overdue'] } });
        assert.equal(sub.status, 201, JSON.stringify(sub.body));
        assert.deepEqual(sub.body.bodyIds, [bodies['KRG-BZH']], "the registrar's token reaches its own body only");
        assert.equal(sub.body.secret, undefined, 'the secret is never shown');
        const reg = await register('2025-04-03T09:00:00+05:00');
        assert.equal(reg.status, 201);
        const queued = await app.database.db.selectFrom('webhook_delivery').selectAll().where('subscription_id', '=', sub.body.id).execute();
        assert.equal(queued.length, 1, 'written in the transaction of the registration');
        const worker = new WebhookWorker(app.database.db, pino({ level: 'silent' }), LOOPBACK_OK);
        assert.deepEqual(await worker.runOnce(), { delivered: 1, retrying: 0, failed: 0, lost: 0 });
        assert.equal(receiver.received.length, 1);
        const got = receiver.received[0]!;
        assert.ok(got.signatureValid, 'X-Tynda-Signature is the HMAC of the body');
        const payload = JSON.parse(got.body);
        assert.equal(payload.type, 'appeal.registered');
        assert.equal(got.headers['x-tynda-event'], 'appeal.registered');
        assert.equal(got.headers['x-tynda-event-id'], payload.id);
        assert.equal(payload.appeal.number, reg.body.number);
        assert.equal(payload.appeal.state, 'registered');
        assert.ok(!got.body.includes('Иванов') && !got.body.includes('ivanov@'), 'no personal data in a webhook');

        const redirected = await act(reg.body.id, 'registrar', { action: 'redirect', toBodyId: bodies['KRG-ABA'], reasons: 'Дом в Абайском районе' });
        assert.equal(redirected.status, 200);
        assert.deepEqual(await worker.runOnce(), { delivered: 1, retrying: 0, failed: 0, lost: 0 }, 'the child registered at KRG-ABA is outside the subscription');
        const second = JSON.parse(receiver.received[1]!.body);
        assert.equal(second.type, 'appeal.redirected');
        assert.equal(second.appeal.state, 'redirected');
        assert.equal(second.event.details.toBodyId, bodies['KRG-ABA']);
        assert.ok(receiver.received[1]!.signatureValid);

        const log = await call({ method: 'GET', url: `/api/v1/webhooks/${sub.body.id}/deliveries`, headers: { authorization: `Bearer ${apiKey}` } });
        assert.equal(log.status, 200);
        assert.deepEqual(log.body.deliveries.map((d: Json) => [d.eventType, d.status, d.log.map((a: Json) => a.httpStatus)]), [['appeal.redirected', 'delivered', [204]], ['appeal.registered', 'delivered', [204]]]);
        // a step refused by the procedure writes no delivery
        const refused = await act(reg.body.id, 'registrar', { action: 'redirect', toBodyId: bodies['KRG-ABA'], reasons: 'again' });
        assert.equal(refused.status, 409);
        const deliveries = async () => (await app.database.db.selectFrom('webhook_delivery').select('id').where('subscription_id', '=', sub.body.id).execute()).length;
        assert.equal(await deliveries(), 2);
        // a step whose transaction rolls back after its event was appended (the answer cannot reach a named person
        // with no cabinet and no postal address, APC 89(2)) leaves no delivery behind: the outbox is that transaction's
        const named = await post311('json', example());
        assert.equal(await deliveries(), 3, 'its registration');
        const appeal = await app.database.db.selectFrom('appeal').select('id').where('number', '=', named.body[0].service_request_id).executeTakeFirstOrThrow();
        assert.equal((await act(appeal.id, 'deputy_head', { action: 'start_review' })).status, 200);
        const unreachable = await act(appeal.id, 'deputy_head', { action: 'answer', text: 'Отопление восстановлено' });
        assert.equal(unreachable.status, 422, JSON.stringify(unreachable.body));
        assert.equal(unreachable.body.code, 'notice_unreachable');
        assert.equal(await deliveries(), 3, 'no appeal.decided for a decision that was rolled back');
        assert.deepEqual(await worker.runOnce(), { delivered: 1, retrying: 0, failed: 0, lost: 0 });
        assert.equal((await call({ method: 'DELETE', url: `/api/v1/webhooks/${sub.body.id}`, headers: { authorization: `Bearer ${apiKey}` } })).body.active, false);
        assert.equal((await call({ method: 'GET', url: `/api/v1/webhooks/${sub.body.id}/deliveries`, as: 'executor' })).status, 403);
      } finally {
        await receiver.close();
      }
    });

    test('webhooks: a receiver that fails twice gets the event a third time after backoff, once delivered, the same event id each time; overdue (deemed refusal) is an event too', async () => {
      const secret = 'another-secret-0123456789';
      const receiver = await startReceiver(secret);
      try {
        now = new Date('2025-04-04T05:00:00Z');
        const sub = await call({ method: 'POST', url: '/api/v1/webhooks', as: 'sysadmin', payload: { url: receiver.url, secret, events: ['appeal.registered', 'appeal.overdue'], bodyId: bodies['KRG'], includeSubordinate: true } });
        assert.equal(sub.status, 201, JSON.stringify(sub.body));
        assert.ok(sub.body.bodyIds.includes(bodies['KRG-BZH']));
        receiver.failNext.push(500, 503);
        const reg = await register('2025-04-04T09:00:00+05:00');
        let clock = new Date('2025-04-04T06:00:00Z');
        const worker = new WebhookWorker(app.database.db, pino({ level: 'silent' }), { ...LOOPBACK_OK, now: () => clock, backoffSeconds: 60 });
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 1, failed: 0, lost: 0 });
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 0, failed: 0, lost: 0 }, 'not due before the backoff');
        clock = new Date(clock.getTime() + 61_000);
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 1, failed: 0, lost: 0 });
        clock = new Date(clock.getTime() + 60_000);
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 0, failed: 0, lost: 0 }, 'the second retry waits twice as long');
        clock = new Date(clock.getTime() + 61_000);
        assert.deepEqual(await worker.runOnce(), { delivered: 1, retrying: 0, failed: 0, lost: 0 });
        clock = new Date(clock.getTime() + 3_600_000);
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 0, failed: 0, lost: 0 }, 'never sent again once delivered');
        assert.equal(receiver.received.length, 3);
        assert.equal(new Set(receiver.received.map((r) => r.headers['x-tynda-event-id'])).size, 1, 'one event id: the receiver can drop repeats');
        assert.deepEqual(receiver.received.map((r) => r.headers['x-tynda-attempt']), ['1', '2', '3']);
        assert.ok(receiver.received.every((r) => r.signatureValid));
        assert.equal(JSON.parse(receiver.received[2]!.body).appeal.number, reg.body.number);
        const log = await call({ method: 'GET', url: `/api/v1/webhooks/${sub.body.id}/deliveries`, as: 'sysadmin' });
        const [d] = log.body.deliveries;
        assert.equal(d.status, 'delivered');
        assert.deepEqual(d.log.map((a: Json) => [a.attempt, a.httpStatus, a.error]), [[1, 500, 'http_500'], [2, 503, 'http_503'], [3, 204, null]]);

        // APC 91(2): the term passes with no decision; the deemed refusal goes out as appeal.overdue
        const overdue = await app.appeals.recordDeemedRefusals('2025-06-01');
        assert.ok(overdue.includes(reg.body.id));
        await worker.runOnce();
        const events = receiver.received.slice(3).map((r) => JSON.parse(r.body));
        const mine = events.find((p) => p.type === 'appeal.overdue' && p.appeal.id === reg.body.id);
        assert.ok(mine, 'the deemed refusal was delivered');
        assert.equal(mine.event.citation, 'APC 91(2)');
        assert.equal(mine.event.details.expiredOn, reg.body.due);
        assert.equal(mine.appeal.deemedRefusedOn, reg.body.due);
        await call({ method: 'DELETE', url: `/api/v1/webhooks/${sub.body.id}`, as: 'sysadmin' });
      } finally {
        await receiver.close();
      }
    });

    test('webhooks: with the guard on (the default), a subscription must be https to a public address and a delivery never reaches an internal one, checked after DNS at the socket', async () => {
      const strict = await testApp(engine, {}, { clock: () => now });
      try {
        const admin = await signIn(strict, 'sysadmin');
        const subscribe = async (url: string) => {
          const res = await strict.server.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { ...admin, 'accept-language': 'en' }, payload: { url, secret: 'strict-secret-0123456789', events: ['appeal.registered'] } });
          return { status: res.statusCode, body: res.json() as Json };
        };
        const refused = async (url: string) => {
          const r = await subscribe(url);
          assert.equal(r.status, 400, `${url}: ${JSON.stringify(r.body)}`);
          assert.equal(r.body.errors[0].field, 'body.url');
          return r.body.errors[0];
        };
        assert.equal((await refused('http://93.184.215.14/hook')).code, 'https_required');
        for (const url of ['https://127.0.0.1/hook', 'https://localhost/hook', 'https://10.1.2.3/', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/', 'https://[::ffff:127.0.0.1]/', 'https://[fe80::1]/', 'https://0.0.0.0/', 'https://224.0.0.1/', 'https://[64:ff9b::a00:1]/']) {
          const e = await refused(url);
          assert.equal(e.code, 'private_address', url);
          assert.match(e.message, /internal address/);
        }
        assert.equal((await subscribe('https://93.184.215.14/hook')).status, 201, 'a public address is accepted');
        const subs = await strict.database.db.selectFrom('webhook_subscription').select('url').execute();
        assert.deepEqual(subs.map((x) => x.url), ['https://93.184.215.14/hook'], 'nothing refused was stored');
      } finally {
        await strict.close();
      }

      // at delivery: a subscription made while allowed, then delivered by a strict worker, by name and by address
      const receiver = await startReceiver('guard-secret-0123456789');
      try {
        const port = new URL(receiver.url).port;
        const subs = [];
        for (const url of [receiver.url, `http://localhost:${port}/hook`]) {
          const sub = await call({ method: 'POST', url: '/api/v1/webhooks', as: 'sysadmin', payload: { url, secret: 'guard-secret-0123456789', events: ['appeal.registered'] } });
          assert.equal(sub.status, 201);
          subs.push(sub.body.id);
        }
        now = new Date('2025-04-05T06:00:00Z');
        assert.equal((await register('2025-04-05T09:00:00+05:00')).status, 201);
        const worker = new WebhookWorker(app.database.db, pino({ level: 'silent' }), { allowHttp: true, allowPrivate: false });
        assert.deepEqual(await worker.runOnce(), { delivered: 0, retrying: 2, failed: 0, lost: 0 });
        assert.equal(receiver.received.length, 0, 'nothing reached the internal receiver');
        for (const id of subs) {
          const log = await call({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries`, as: 'sysadmin' });
          const [d] = log.body.deliveries;
          assert.match(d.log[0].error, /^private_address (127\.0\.0\.1|::1)$/);
          await call({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, as: 'sysadmin' });
        }
      } finally {
        await receiver.close();
      }
    });

    // ---------- export and import ----------

    test('export: the worklist as CSV (BOM, header of column codes, one row per appeal the person may read)', async () => {
      const res = await app.server.inject({ method: 'GET', url: '/api/v1/exports/appeals.csv?view=body', headers: as.registrar });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="appeals-\d{4}-\d{2}-\d{2}\.csv"/);
      assert.ok(res.body.startsWith('\uFEFF'));
      assert.ok(res.body.slice(1).startsWith('number,type,procedure,state,channel,language,summary,received_on,registered_on,due,deemed_refused_on,id\r\n'));
      const [header, ...rows] = parseCsv(res.body);
      assert.equal(header!.cells.length, 12);
      const count = await app.database.db.selectFrom('appeal').select('id').where('body_id', '=', bodies['KRG-BZH']!).execute();
      assert.equal(rows.length, count.length);
      assert.ok(rows.every((r) => r.cells[0]!.startsWith('KRG-BZH-') && r.cells.length === 12));
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/exports/appeals.csv' })).statusCode, 401);
    });

    const register311 = [
      'Рег. №;Дата поступления;Заявитель;Адрес;Эл. почта;Содержание;Тема',
      'П-1;12.03.2025 10:15;Сапарова Әлия;Абай к-сі 3;saparova@example.kz;Прошу отремонтировать освещение;HOUSING.HEAT',
      'П-2;2025-03-14;Иванов Иван;ул. Абая, 10;ivanov@example.kz;"Прошу проверить; ""срочно""";ROADS.REPAIR',
    ];
    const importCsv = (csv: string, dryRun: boolean, lang = 'ru') =>
      call({
        method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', headers: { 'accept-language': lang },
        payload: {
          bodyId: bodies['KRG-BZH'], csv, dryRun,
          mapping: { externalNumber: 'Рег. №', receivedAt: 'Дата поступления', applicantName: 'Заявитель', postalAddress: 'Адрес', email: 'Эл. почта', essence: 'Содержание', topic: 'Тема' },
        },
      });

    test('import: a dry run reports every bad row (row, column, reason in the request language) and writes nothing; a real run of the same file writes nothing either', async () => {
      now = new Date('2025-04-10T05:00:00Z');
      const bad = [
        ...register311,
        'П-3;31.02.2025;Петров;ул. Ленина 1;petrov@example.kz;Текст;HOUSING.HEAT',
        'П-4;2025-05-01;Петров;ул. Ленина 1;not-an-email;;NOPE',
      ].join('\r\n');
      const before = await appealCount();
      const dry = await importCsv(bad, true);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.equal(dry.body.rows, 4);
      assert.equal(dry.body.valid, 2);
      assert.deepEqual(dry.body.errors.map((e: Json) => [e.row, e.column, e.code]), [
        [4, 'Дата поступления', 'invalid_date'],
        [5, 'Дата поступления', 'date_in_future'],
        [5, 'Содержание', 'required'],
        [5, 'Тема', 'unknown_reference'],
        [5, 'Эл. почта', 'invalid_email'],
      ]);
      assert.equal(dry.body.errors[1].message, 'Дата не может быть в будущем');
      const en = await importCsv(bad, true, 'en');
      assert.equal(en.body.errors[1].message, 'The date cannot be in the future');
      assert.equal(await appealCount(), before, 'a dry run writes nothing');

      const real = await importCsv(bad, false);
      assert.equal(real.status, 422);
      assert.equal(real.body.code, 'import_has_errors');
      assert.equal(real.body.errors.length, 5);
      assert.equal(real.body.errors[0].field, 'row.4.Дата поступления');
      assert.equal(await appealCount(), before, 'all or nothing: the two good rows were not registered either');

      const missingColumn = await importCsv(register311.join('\n').replace('Тема', 'Topic'), true);
      assert.deepEqual(missingColumn.body.errors.map((e: Json) => [e.row, e.column, e.code]), [[1, 'Тема', 'column_missing']]);
      const broken = await importCsv('a;b\n"x;y', true);
      assert.equal(broken.status, 400);
      assert.equal(broken.body.code, 'import_csv_malformed');
    });

    test('import: a clean file registers every row as a paper appeal with its real receipt date, the registration and term computed from it', async () => {
      now = new Date('2025-04-10T05:00:00Z');
      const before = await appealCount();
      const res = await importCsv(register311.join('\n'), false);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(res.body.errors, []);
      assert.equal(res.body.registered.length, 2);
      assert.equal(await appealCount(), before + 2);
      const [a, b] = res.body.registered;
      assert.equal(a.row, 2);
      assert.equal(a.receivedAt, '2025-03-12T05:15:00.000Z');
      assert.equal(a.registeredOn, '2025-03-12');
      assert.equal(b.receivedAt, '2025-03-13T19:00:00.000Z');
      assert.equal(b.registeredOn, '2025-03-14');
      const rows = await app.database.db.selectFrom('appeal').selectAll().where('id', 'in', [a.id, b.id]).orderBy('received_at').execute();
      assert.deepEqual(rows.map((r) => r.channel), ['paper', 'paper']);
      assert.equal(rows[1]!.essence, 'Прошу проверить; "срочно"');
      assert.match(rows[0]!.summary, /П-1/);
      assert.equal((rows[0]!.applicant as Json).email, 'saparova@example.kz');
      assert.ok(rows.every((r) => r.accepted_by === officials['bzh.registrar']));
      // dry run is the default
      const dry = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', payload: { bodyId: bodies['KRG-BZH'], csv: register311.join('\n'), mapping: { receivedAt: 'Дата поступления', essence: 'Содержание' } } });
      assert.equal(dry.body.dryRun, true);
      assert.equal(await appealCount(), before + 2);
      const other = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', payload: { bodyId: bodies['KRG-ABA'], csv: register311.join('\n'), mapping: { receivedAt: 'Дата поступления', essence: 'Содержание' } } });
      assert.equal(other.status, 403, 'only where the person registers appeals');
    });
    /** A workbook as a register keeper saves it: date cells, an IIN typed as a number, a formula. */
    const workbook = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Журнал');
      for (const r of rows) sheet.addRow(r);
      wb.addWorksheet('Второй лист').addRow(['не читается']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const XLSX_HEADER = ['Рег. №', 'Дата поступления', 'Заявитель', 'ИИН', 'Адрес', 'Содержание', 'Подпись'];
    const xlsxMapping = { externalNumber: 'Рег. №', receivedAt: 'Дата поступления', applicantName: 'Заявитель', iin: 'ИИН', postalAddress: 'Адрес', essence: 'Содержание', signed: 'Подпись' };
    const importXlsx = (file: Buffer, dryRun: boolean, lang = 'ru') =>
      call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', headers: { 'accept-language': lang }, payload: { bodyId: bodies['KRG-BZH'], xlsx: file.toString('base64'), dryRun, mapping: xlsxMapping } });

    test('import XLSX: the first sheet, dates and numbers as Excel stores them; the same dry run reports every bad row (row, column, reason) and a real run with bad rows writes nothing', async () => {
      now = new Date('2025-04-10T05:00:00Z');
      const before = await appealCount();
      const file = await workbook([
        XLSX_HEADER,
        // a date-and-time cell is Kazakhstan's wall clock (Excel keeps no zone); the IIN lost its leading zero as a number
        ['П-10', new Date(Date.UTC(2025, 2, 12, 10, 15)), 'Сапарова Әлия', 50412400005, 'Абай к-сі 3', 'Прошу отремонтировать освещение', true],
        [],
        ['П-11', new Date(Date.UTC(2025, 2, 31)), 'Иванов Иван', null, 'ул. Абая, 10', { formula: '"Прошу "&"проверить"', result: 'Прошу проверить' }, 'нет'],
        ['П-12', 'вчера', 'Петров', 123, 'ул. Ленина 1', null, 'может быть'],
        ['П-13', new Date(Date.UTC(2025, 4, 1)), 'Петров', null, 'ул. Ленина 1', 'Текст', 'да'],
      ]);
      const dry = await importXlsx(file, true);
      assert.equal(dry.status, 200, JSON.stringify(dry.body));
      assert.equal(dry.body.rows, 4, 'the blank row 3 carries no data');
      assert.equal(dry.body.valid, 2);
      assert.deepEqual(dry.body.errors.map((e: Json) => [e.row, e.field, e.column, e.code]), [
        [5, 'receivedAt', 'Дата поступления', 'invalid_date'],
        [5, 'essence', 'Содержание', 'required'],
        [5, 'iin', 'ИИН', 'invalid_iin'],
        [5, 'signed', 'Подпись', 'invalid_value'],
        [6, 'receivedAt', 'Дата поступления', 'date_in_future'],
      ]);
      assert.equal(dry.body.errors[3].message, 'Значение не из числа допустимых');
      assert.equal((await importXlsx(file, true, 'en')).body.errors[4].message, 'The date cannot be in the future');
      assert.notEqual((await importXlsx(file, true, 'kk')).body.errors[4].message, 'The date cannot be in the future');
      assert.equal(await appealCount(), before, 'a dry run writes nothing');
      const real = await importXlsx(file, false);
      assert.equal(real.status, 422);
      assert.equal(real.body.code, 'import_has_errors');
      assert.deepEqual(real.body.errors.map((e: Json) => e.field), ['row.5.Дата поступления', 'row.5.Содержание', 'row.5.ИИН', 'row.5.Подпись', 'row.6.Дата поступления']);
      assert.equal(await appealCount(), before, 'all or nothing');

      const clean = await importXlsx(await workbook([XLSX_HEADER, ['П-10', new Date(Date.UTC(2025, 2, 12, 10, 15)), 'Сапарова Әлия', 50412400005, 'Абай к-сі 3', 'Прошу отремонтировать освещение', true]]), false);
      assert.equal(clean.status, 201, JSON.stringify(clean.body));
      const [reg] = clean.body.registered;
      assert.equal(reg.row, 2);
      assert.equal(reg.receivedAt, '2025-03-12T05:15:00.000Z', '10:15 in Kazakhstan');
      const stored = await app.database.db.selectFrom('appeal').selectAll().where('id', '=', reg.id).executeTakeFirstOrThrow();
      assert.equal((stored.applicant as Json).iin, '050412400005', 'the leading zero restored');
      assert.equal(stored.signed, true);
      assert.equal(await appealCount(), before + 1);
    });

    test('import: a file that is not a workbook, both files or none, too many rows, and a workbook that inflates past the limit are refused before anything is read into the register', async () => {
      const before = await appealCount();
      const payload = { bodyId: bodies['KRG-BZH'], mapping: { receivedAt: 'Дата поступления', essence: 'Содержание' }, dryRun: true };
      const notXlsx = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', headers: { 'accept-language': 'en' }, payload: { ...payload, xlsx: Buffer.from('Рег. №;Дата поступления').toString('base64') } });
      assert.equal(notXlsx.status, 400);
      assert.equal(notXlsx.body.code, 'import_xlsx_malformed');
      assert.deepEqual(notXlsx.body.errors.map((e: Json) => [e.field, e.code]), [['body.xlsx', 'xlsx_malformed']]);
      const both = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', payload: { ...payload, csv: 'a', xlsx: 'YQ==' } });
      assert.equal(both.status, 400);
      assert.deepEqual(both.body.errors.map((e: Json) => e.code), ['file_required']);
      const none = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', payload });
      assert.deepEqual(none.body.errors.map((e: Json) => e.code), ['file_required']);
      const long = ['Дата поступления;Содержание', ...Array.from({ length: 10_001 }, () => '2025-03-01;x')].join('\n');
      const tooMany = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', headers: { 'accept-language': 'en' }, payload: { ...payload, csv: long } });
      assert.equal(tooMany.status, 413);
      assert.equal(tooMany.body.code, 'import_too_large');
      assert.match(tooMany.body.detail, /10000 rows/);
      // a ZIP whose directory says it inflates to 256 MB is refused without inflating it
      const bomb = await workbook([['Дата поступления', 'Содержание'], ['2025-03-01', 'x']]);
      const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      bomb.writeUInt32LE(256 * 1024 * 1024, bomb.readUInt32LE(eocd + 16) + 24);
      const inflated = await call({ method: 'POST', url: '/api/v1/imports/appeals', as: 'registrar', payload: { ...payload, xlsx: bomb.toString('base64') } });
      assert.equal(inflated.status, 413);
      assert.equal(inflated.body.code, 'import_too_large');
      assert.equal(await appealCount(), before);
    });

    test('export: the worklist as XLSX has the rows of the CSV, dates as date cells; complaints and the public petitions export in both formats too', async () => {
      const csv = await app.server.inject({ method: 'GET', url: '/api/v1/exports/appeals.csv?view=body', headers: as.registrar });
      const res = await app.server.inject({ method: 'GET', url: '/api/v1/exports/appeals.xlsx?view=body', headers: as.registrar });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(String(res.headers['content-disposition']), /attachment; filename="appeals-\d{4}-\d{2}-\d{2}\.xlsx"/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      assert.equal(sheet.name, 'appeals');
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      const [header, ...data] = rows;
      const [csvHeader, ...csvRows] = parseCsv(csv.body);
      assert.deepEqual(header, csvHeader!.cells);
      assert.equal(data.length, csvRows.length);
      assert.ok(data.length > 0);
      assert.deepEqual(data.map((r) => r[0]), csvRows.map((r) => r.cells[0]), 'the same appeals in the same order');
      const due = header!.indexOf('due');
      assert.ok(data[0]![due] instanceof Date, 'a due date is a date cell');
      assert.equal((data[0]![due] as Date).toISOString().slice(0, 10), csvRows[0]!.cells[due]);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/exports/appeals.xlsx' })).statusCode, 401);

      const complaints = await app.server.inject({ method: 'GET', url: '/api/v1/exports/complaints.csv', headers: as.registrar });
      assert.equal(complaints.statusCode, 200);
      assert.ok(complaints.body.slice(1).startsWith('number,state,channel,language,challenged_kind,'));
      const complaintsXlsx = await app.server.inject({ method: 'GET', url: '/api/v1/exports/complaints.xlsx', headers: as.registrar });
      assert.equal(complaintsXlsx.statusCode, 200);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/exports/complaints.csv' })).statusCode, 401);
      const petitions = await app.server.inject({ method: 'GET', url: '/api/v1/exports/petitions.csv' });
      assert.equal(petitions.statusCode, 200, 'the public list needs no sign-in');
      const [petitionHeader, ...petitionRows] = parseCsv(petitions.body);
      assert.equal(petitionHeader!.cells.at(-1), 'id');
      const listed = await call({ method: 'GET', url: '/api/v1/petitions?pageSize=100' });
      assert.equal(petitionRows.length, listed.body.items.length);
      assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/exports/petitions.xlsx' })).statusCode, 200);
    });
    // ---------- iCalendar ----------

    test('iCalendar: a hearing scheduled on an appeal invites the applicant and shows in the official\'s and the applicant\'s feeds, fetched over HTTP by secret address; the applicant\'s receptions too', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const filed = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', payload: { bodyId: bodies['KRG-BZH'], type: 'application', language: 'ru', essence: 'Прошу выделить земельный участок', applicant: { kind: 'individual', name: 'Сапарова Әлия', postalAddress: 'Абай к-сі 3' } } });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      // the hearing is set by the appeal's own step: the preliminary decision with an invitation (APC 73(1)(1), 66(1))
      await act(filed.body.id, 'deputy_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(filed.body.id, 'executor', { action: 'start_review' });
      const invite = { action: 'notify_preliminary_decision', draft: 'Предполагается отказ', method: 'hearing', hearingAt: '2025-04-21T15:00:00+05:00', minutes: 45, place: 'Акимат, каб. 5; 2 этаж' };
      assert.equal((await act(filed.body.id, 'applicant', invite)).status, 403);
      assert.equal((await act(filed.body.id, 'deputy_head', { ...invite, hearingAt: '2025-04-14T15:00:00+05:00' })).status, 422, 'not on the day of the invitation or before');
      const set = await act(filed.body.id, 'deputy_head', invite);
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const listed = await call({ method: 'GET', url: `/api/v1/appeals/${filed.body.id}/hearings`, as: 'deputy_head' });
      const [hearing, ...others] = listed.body.hearings;
      assert.equal(others.length, 0);
      assert.equal(hearing.officialId, officials['bzh.deputy']);
      const notice = await app.database.db.selectFrom('notice').selectAll().where('id', '=', hearing.noticeId).executeTakeFirstOrThrow();
      assert.equal(notice.type, 'hearing_invitation', 'APC 73(1): the participant is told the place and time');
      assert.equal(notice.subject_id, filed.body.id);

      // the applicant's receptions: a published reception and a booking
      const session = await call({ method: 'POST', url: '/api/v1/receptions/sessions', as: 'registrar', payload: { bodyId: bodies['KRG-BZH'], officialId: officials['bzh.akim'], format: 'office', place: 'Акимат района, каб. 101', startsAt: '2025-04-23T10:00:00+05:00', endsAt: '2025-04-23T11:00:00+05:00', slotMinutes: 20 } });
      assert.equal(session.status, 201, JSON.stringify(session.body));
      const booking = await call({ method: 'POST', url: `/api/v1/receptions/sessions/${session.body.id}/bookings`, as: 'applicant', payload: { slotAt: session.body.freeSlots[1], topic: 'Земельный участок', language: 'ru' } });
      assert.equal(booking.status, 201, JSON.stringify(booking.body));

      const feed = async (who: string, kind: string) => {
        const res = await call({ method: 'POST', url: '/api/v1/calendar-feeds', as: who, payload: { kind } });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        return res.body;
      };
      const official = await feed('deputy_head', 'hearings');
      const mine = await feed('applicant', 'hearings');
      const receptions = await feed('applicant', 'receptions');
      // a calendar application: a plain GET of the address on a running server, no sign-in
      const address = await listening();
      const get = (path: string) => fetch(`${address}${path}`, { headers: { 'accept-language': 'ru' } });
      const res = await get(official.path);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/calendar/);
      const [event, ...more] = icsEvents(await res.text());
      assert.equal(more.length, 0);
      assert.equal(event!.get('DTSTART'), '20250421T100000Z');
      assert.equal(event!.get('DTEND'), '20250421T104500Z');
      assert.equal(event!.get('SUMMARY'), `Заслушивание по делу № ${filed.body.number}`);
      assert.equal(event!.get('LOCATION'), 'Акимат\\, каб. 5\\; 2 этаж', 'TEXT escaping of RFC 5545 3.3.11');
      assert.equal(event!.get('UID'), `hearing-${hearing.id}@tynda`);
      const applicantEvents = icsEvents(await (await get(mine.path)).text());
      assert.deepEqual(applicantEvents.map((e) => e.get('UID')), [`hearing-${hearing.id}@tynda`]);
      const bookings = icsEvents(await (await get(receptions.path)).text());
      assert.deepEqual(bookings.map((e) => [e.get('DTSTART'), e.get('DTEND')]), [['20250423T052000Z', '20250423T054000Z']]);
      // an executor holds no hearing: an empty calendar, not someone else's
      const empty = await feed('executor', 'hearings');
      assert.deepEqual(icsEvents(await (await get(empty.path)).text()), []);
      // a revoked or guessed address shows nothing
      assert.equal((await call({ method: 'DELETE', url: `/api/v1/calendar-feeds/${mine.id}`, as: 'applicant' })).status, 200);
      assert.equal((await get(mine.path)).status, 404);
      assert.equal((await get('/api/v1/calendar-feeds/tyc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status, 404);
      assert.equal((await call({ method: 'DELETE', url: `/api/v1/calendar-feeds/${official.id}`, as: 'applicant' })).status, 404, 'only the owner revokes');
    });
    // ---------- the generated client ----------

    test('the TypeScript client generated from /api/openapi.json (clients/ts) works against a running Tynda: typed calls, problems as TyndaError', async () => {
      const client = createClient({ baseUrl: await listening(), token: apiKey, language: 'en' });
      assert.equal((await client.getHealth()).status, 'ok');
      const sub = await client.postWebhooks({ url: 'http://127.0.0.1:9/unused', secret: 'client-secret-0123456789', events: ['appeal.decided'] });
      assert.deepEqual(sub.events, ['appeal.decided']);
      assert.deepEqual((await client.getWebhooksByIdDeliveries({ id: sub.id })).deliveries, []);
      assert.equal((await client.deleteWebhooksById({ id: sub.id })).active, false);
      assert.match(await client.getExportsAppealsCsv({ view: 'body' }), /^\uFEFF?number,type,procedure/);
      await assert.rejects(client.postWebhooks({ url: 'ftp://example.kz/x', secret: 'short', events: ['appeal.decided'] }), (e: unknown) => {
        assert.ok(e instanceof TyndaError);
        assert.equal(e.status, 400);
        assert.equal(e.problem.code, 'validation');
        assert.deepEqual(e.problem.errors!.map((x) => x.field).sort(), ['body.secret', 'body.url']);
        return true;
      });
      await assert.rejects(createClient({ baseUrl: address! }).getWebhooks(), (e: unknown) => e instanceof TyndaError && e.status === 401);
    });
  });
}

test('clients/ts is the client of the current OpenAPI document: a contract changed without `npm run client:generate` fails here', async () => {
  const fresh = generateClient(await openApiDocument(), VERSION).split('\n');
  const stored = fs.readFileSync(new URL('../../clients/ts/index.ts', import.meta.url), 'utf8').split('\n');
  const first = fresh.findIndex((line, i) => line !== stored[i]);
  const at = first === -1 && stored.length !== fresh.length ? fresh.length : first;
  assert.equal(at, -1, `clients/ts/index.ts is stale from line ${at + 1} (${JSON.stringify(stored[at])} should be ${JSON.stringify(fresh[at])}): run \`npm run client:generate\``);
});
