/**
 * HTTP face of the integrations: Open311 GeoReport v2 under /open311/v2 (JSON or XML by the file extension,
 * errors in the specification's `errors` form; discovery at /open311/discovery), webhooks under /api/v1/webhooks,
 * lists as CSV or XLSX under /api/v1/exports, and the import of a paper register under /api/v1/imports.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayNumber, isoDate } from '../../law/dates.ts';
import type { Language } from '../../law/i18n.ts';
import type { App } from '../../platform/http.ts';
import { hasText } from '../../platform/i18n.ts';
import { Problem, renderProblem } from '../../platform/problems.ts';
import { toProblem } from '../../platform/http.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { OrganisationService } from '../bodies/service.ts';
import { listAppeals, type ReadScope } from '../appeals/queries.ts';
import type { AppealsService } from '../appeals/service.ts';
import { POLICY, type Access, type Principal } from '../identity/service.ts';
import { EXPORT_MAX, deliveryLogView, exportQuery, feedBody, feedView, hearingView, importBody, importResponse, open311Create, open311Query, webhookBody, webhookView } from './contract.ts';
import { CONTENT_TYPE, EXPORT_FORMATS, sendExport, type ExportFormat } from './exports.ts';
import type { ComplaintsService } from '../complaints/service.ts';
import { listQuery as complaintListQuery } from '../complaints/contract.ts';
import type { PetitionsService } from '../petitions/service.ts';
import { listQuery as petitionListQuery } from '../petitions/contract.ts';
import { listPetitions } from '../petitions/queries.ts';
import { render, splitFormat, type Format } from './open311.ts';
import type { IntegrationsService } from './service.ts';
import type { CalendarFeeds } from './feeds.ts';
import { deliveryLog } from './webhooks.ts';

export interface IntegrationRoutesOptions {
  integrations: IntegrationsService;
  complaints: ComplaintsService;
  petitions: PetitionsService;
  /** the server's public address, for the Open311 discovery document */
  publicUrl: string;
  appeals: AppealsService;
  access: Access;
  organisation: OrganisationService;
  calendar: CalendarService;
  feeds: CalendarFeeds;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
export const OPEN311_PREFIX = '/open311/v2';

type SubscriptionRow = Awaited<ReturnType<IntegrationsService['subscription']>>;
const webhookOf = (s: SubscriptionRow) => ({
  id: s.id, url: s.url, events: s.events, bodyIds: s.body_ids, active: s.active, createdBy: s.created_by, createdAt: new Date(s.created_at).toISOString(),
  revokedAt: s.revoked_at ? new Date(s.revoked_at).toISOString() : null,
});

/** The Open311 errors of a problem: one per field error, else the problem's title; `code` is the HTTP status. */
function open311Errors(p: Problem, lang: Language) {
  const r = renderProblem(p, lang);
  if (r.errors?.length) return r.errors.map((e) => ({ code: p.status, description: `${e.field}: ${e.message}` }));
  return [{ code: p.status, description: r.detail ? `${r.title}. ${r.detail}` : r.title }];
}

function formatOf(request: FastifyRequest): Format {
  return /\.xml(\?|$)/i.test(request.url) ? 'xml' : 'json';
}

function send(reply: FastifyReply, format: Format, root: string, value: Parameters<typeof render>[2], status = 200) {
  const doc = render(format, root, value);
  return reply.code(status).type(doc.type).header('content-language', reply.request.lang).send(doc.body);
}

function zodProblem(error: z.ZodError, where: string): Problem {
  return new Problem(400, 'validation', {}, error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].join('.'),
    code: i.code === 'custom' ? i.message : i.code === 'invalid_type' && i.input === undefined ? 'required' : hasText(`field.${i.message}`) ? i.message : i.code,
  })));
}

/** A form (x-www-form-urlencoded, as the specification sends it) or JSON: `attribute[CODE]` collected into `attributes`. */
function open311Fields(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries((raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>);
  for (const [k, v] of entries) {
    const m = /^attribute\[(.+)\]$/.exec(k);
    if (m) attributes[m[1]!] = String(v);
    else if (k === 'attribute' && v && typeof v === 'object') Object.assign(attributes, v);
    else out[k] = Array.isArray(v) ? v[0] : v;
  }
  return { ...out, attributes };
}

export function integrationRoutes(app: App, { integrations, appeals, access, organisation, calendar, feeds, complaints, petitions, publicUrl }: IntegrationRoutesOptions) {
  // ---------- Open311 GeoReport v2 ----------
  void app.register(async (scope) => {
    // the specification posts forms; kept inside this scope so the rest of the API stays JSON
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      done(null, new URLSearchParams(body as string));
    });
    const errorHandler = (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const p = toProblem(error as never);
      if (p.status >= 500) request.log.error({ err: error }, 'unhandled error');
      return send(reply, formatOf(request), 'errors', open311Errors(p, request.lang), p.status);
    };
    const tags = ['open311'];
    // the standard's own specification documents these (docs/integrations.md): they answer JSON or XML and report
    // errors in its `errors` form, not problem+json, so they stay out of Tynda's OpenAPI document
    const hide = true;
    const format = (file: string) => {
      const f = splitFormat(file);
      if (!f) throw new Problem(404, 'route_not_found');
      return f;
    };
    const principal = (request: FastifyRequest, key: unknown) => integrations.principalOf(typeof key === 'string' && key ? key : undefined, () => access.principal(request));

    for (const ext of ['json', 'xml'] as const) {
      // service discovery lives above the versioned endpoint and its URL ends in /discovery (the specification)
      scope.get(`/open311/discovery.${ext}`, {
        schema: { hide, tags, summary: `Open311 service discovery: the GeoReport v2 endpoint of this server, ${ext.toUpperCase()}` },
        errorHandler,
      }, async (request, reply) => send(reply, ext, 'discovery', (await integrations.discovery(publicUrl, request.lang)) as never));

      scope.get(`${OPEN311_PREFIX}/services.${ext}`, {
        schema: { hide, tags, summary: `Open311 GeoReport v2: the service list (the leaf topics of the classifier), ${ext.toUpperCase()}` },
        errorHandler,
      }, async (request, reply) => send(reply, ext, 'services', (await integrations.services(request.lang)) as never));

      scope.get(`${OPEN311_PREFIX}/requests.${ext}`, {
        schema: { hide, tags, summary: `Open311 GeoReport v2: service requests (appeals with a topic) the api_key may read, ${ext.toUpperCase()}` },
        errorHandler,
      }, async (request, reply) => {
        const parsed = open311Query.safeParse(request.query);
        if (!parsed.success) throw zodProblem(parsed.error, 'query');
        const q = parsed.data;
        const who = await principal(request, q.api_key);
        const list = await integrations.requests(who, { ids: q.service_request_id, serviceCodes: q.service_code, status: q.status, from: q.start_date, to: q.end_date }, request.lang);
        return send(reply, ext, 'service_requests', list as never);
      });

      scope.post(`${OPEN311_PREFIX}/requests.${ext}`, {
        schema: {
          hide,
          tags,
          summary: `Open311 GeoReport v2: create a service request, filed as an electronic appeal (APC 64(4)) of the type of attribute[TYPE], ${ext.toUpperCase()}`,
          description: 'Form fields of the specification (application/x-www-form-urlencoded, or JSON). `api_key` is an API token with `appeal.register`. An `Idempotency-Key` header makes a resubmission return the first request.',
        },
        errorHandler,
      }, async (request, reply) => {
        const fields = open311Fields(request.body);
        const parsed = open311Create.safeParse(fields);
        const key = typeof fields.api_key === 'string' && fields.api_key ? fields.api_key : undefined;
        const who = await principal(request, key);
        if (!parsed.success) throw zodProblem(parsed.error, 'body');
        const idem = request.headers['idempotency-key'];
        const idempotencyKey = typeof idem === 'string' && idem.length >= 8 && idem.length <= 100 ? idem : undefined;
        const { ticket, accountId, repeated } = await integrations.file(who, parsed.data, request.lang, idempotencyKey);
        return send(reply, ext, 'service_requests', [{ service_request_id: ticket.number, service_notice: integrations.serviceNotice(ticket, request.lang), account_id: accountId }], repeated ? 200 : 201);
      });
    }

    scope.get(`${OPEN311_PREFIX}/services/:file`, {
      schema: { hide, tags, summary: 'Open311 GeoReport v2: a service definition (its attributes), services/{service_code}.json or .xml' },
      errorHandler,
    }, async (request, reply) => {
      const f = format((request.params as { file: string }).file);
      return send(reply, f.format, 'service_definition', (await integrations.serviceDefinition(f.name, request.lang)) as never);
    });

    scope.get(`${OPEN311_PREFIX}/requests/:file`, {
      schema: { hide, tags, summary: 'Open311 GeoReport v2: one service request by its id (the registration number, or the appeal id), requests/{id}.json or .xml' },
      errorHandler,
    }, async (request, reply) => {
      const f = format((request.params as { file: string }).file);
      const who = await principal(request, (request.query as Record<string, unknown>).api_key);
      const list = await integrations.requests(who, { ids: [f.name] }, request.lang);
      if (list.length === 0) throw new Problem(404, 'open311_request_not_found', { id: f.name });
      return send(reply, f.format, 'service_requests', list as never);
    });
  });

  // ---------- webhooks ----------
  const manager = async (request: FastifyRequest): Promise<Principal> => {
    const principal = await access.authenticated(request);
    const reach = await access.bodiesFor(principal, 'integrations.manage');
    if (reach !== 'all' && reach.length === 0) throw new Problem(403, 'forbidden', { permission: 'integrations.manage' });
    return principal;
  };

  app.post('/api/v1/webhooks', {
    schema: {
      tags: ['integrations'],
      summary: 'Subscribe a URL to case events of appeals (registered, redirected, decided, overdue = deemed refusal)',
      description: 'Each delivery is a POST of JSON with `X-Tynda-Signature: sha256=<hex HMAC-SHA256(secret, body)>`, `X-Tynda-Event` and `X-Tynda-Event-Id` (the same on a retry: drop repeats). Failures are retried with exponential backoff.',
      body: webhookBody,
      response: { 201: webhookView, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const principal = await manager(request);
    reply.code(201);
    return webhookOf(await integrations.subscribe(principal, request.body));
  });

  app.get('/api/v1/webhooks', {
    schema: { tags: ['integrations'], summary: 'Webhook subscriptions: your own, or all for a system administrator (never their secrets)', response: { 200: z.object({ subscriptions: z.array(webhookView) }), 401: problem, 403: problem } },
  }, async (request) => ({ subscriptions: (await integrations.subscriptions(await manager(request))).map(webhookOf) }));

  app.delete('/api/v1/webhooks/:id', {
    schema: { tags: ['integrations'], summary: 'End a subscription: nothing more is delivered to it', params: idParam, response: { 200: webhookView, 401: problem, 403: problem, 404: problem } },
  }, async (request) => webhookOf(await integrations.unsubscribe(await manager(request), request.params.id)));

  app.get('/api/v1/webhooks/:id/deliveries', {
    schema: {
      tags: ['integrations'],
      summary: 'The delivery log of a subscription: each delivery, newest first, with every attempt (HTTP status or error, time taken)',
      params: idParam,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: deliveryLogView, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const s = await integrations.subscription(await manager(request), request.params.id);
    return { deliveries: await deliveryLog(integrations.db, s.id, request.query.limit) };
  });

  // ---------- export of the worklist ----------
  async function readScope(principal: Principal): Promise<ReadScope> {
    const scope: ReadScope = { all: false, bodies: [], subdivisions: [], ownerId: principal.id };
    if (principal.kind === 'official' && principal.scopes && !principal.scopes.includes('appeal.read')) return { all: false, bodies: [], subdivisions: [] };
    for (const g of principal.grants) {
      const s = POLICY[g.role]['appeal.read'];
      if (s === 'all') scope.all = true;
      else if (s === 'subordinate' && g.subtreeRoot) scope.bodies.push(...(await organisation.bodySubtree(g.subtreeRoot)));
      else if (s === 'body' && g.bodyId) scope.bodies.push(g.bodyId);
      else if (s === 'subdivision' && g.subdivisionId) scope.subdivisions.push(g.subdivisionId);
    }
    return scope;
  }

  // one route per list and format, each a set of columns over the list's own query (exports.ts writes both formats)
  const APPEAL_COLUMNS = ['number', 'type', 'procedure', 'state', 'channel', 'language', 'summary', 'received_on', 'registered_on', 'due', 'deemed_refused_on', 'id'] as const;
  const COMPLAINT_COLUMNS = ['number', 'state', 'channel', 'language', 'challenged_kind', 'challenged_summary', 'received_on', 'registered_on', 'due', 'review_due', 'decided_on', 'deemed_dismissed_on', 'appeal_id', 'act_id', 'id'] as const;
  const PETITION_COLUMNS = ['number', 'state', 'level', 'language', 'title', 'body_id', 'submitted_on', 'published_on', 'signing_ends_on', 'threshold', 'signatures', 'sent_on', 'registered_on', 'due', 'decided_on', 'id'] as const;
  const produces = (format: ExportFormat) => [CONTENT_TYPE[format].split(';')[0]!];
  const described = (format: ExportFormat, columns: readonly string[], max: number) =>
    `${format === 'csv'
      ? 'CSV: UTF-8 with a byte order mark, comma-separated, CRLF; a cell starting with =, +, - or @ gets a leading apostrophe.'
      : 'XLSX: one sheet, a frozen header row; dates are date cells, numbers are numbers.'} The header row carries the column codes: ${columns.join(', ')}. At most ${max} rows.`;

  for (const format of EXPORT_FORMATS) {
    app.get(`/api/v1/exports/appeals.${format}`, {
      schema: {
        tags: ['integrations'],
        summary: `The worklist (the filters of GET /api/v1/appeals) as ${format.toUpperCase()}: one row per appeal you may read, most urgent first`,
        description: described(format, APPEAL_COLUMNS, EXPORT_MAX),
        querystring: exportQuery,
        produces: produces(format),
        response: { 200: z.string(), 401: problem },
      },
    }, async (request, reply) => {
      const principal = await access.authenticated(request);
      const scope = await readScope(principal);
      const today = appeals.today();
      const { calendar: cal } = await calendar.current();
      const soon = isoDate(cal.addWorkingDays(dayNumber(today), 3));
      const { items } = await listAppeals(appeals.db, scope, { ...request.query, page: 1, pageSize: EXPORT_MAX }, today, soon);
      return sendExport(reply, format, { name: 'appeals', columns: APPEAL_COLUMNS, rows: items }, today);
    });

    app.get(`/api/v1/exports/complaints.${format}`, {
      schema: {
        tags: ['integrations'],
        summary: `Complaints (GET /api/v1/complaints: at your body as origin or review body, or your own) as ${format.toUpperCase()}, by due date`,
        description: described(format, COMPLAINT_COLUMNS, 500),
        querystring: complaintListQuery,
        produces: produces(format),
        response: { 200: z.string(), 401: problem },
      },
    }, async (request, reply) => {
      const principal = await access.authenticated(request);
      const read = await access.bodiesFor(principal, 'appeal.read');
      const review = await access.bodiesFor(principal, 'complaint.review');
      const bodyIds = read === 'all' || review === 'all' ? 'all' : [...new Set([...read, ...review])];
      const rows = await complaints.list({ appealId: request.query.appealId, bodyIds: principal.kind === 'applicant' ? [] : bodyIds, ownerId: principal.id });
      return sendExport(reply, format, { name: 'complaints', columns: COMPLAINT_COLUMNS, rows }, appeals.today());
    });

    app.get(`/api/v1/exports/petitions.${format}`, {
      schema: {
        tags: ['integrations'],
        summary: `The public list of petitions (GET /api/v1/petitions) with their live signature counts as ${format.toUpperCase()} (no sign-in)`,
        description: described(format, PETITION_COLUMNS, EXPORT_MAX),
        querystring: petitionListQuery.omit({ page: true, pageSize: true }),
        produces: produces(format),
        response: { 200: z.string() },
      },
    }, async (request, reply) => {
      const rows = await listPetitions(petitions.db, { ...request.query, page: 1, pageSize: EXPORT_MAX });
      const counts = await petitions.counts(rows.map((r) => r.id));
      return sendExport(reply, format, {
        name: 'petitions',
        columns: PETITION_COLUMNS,
        // the decision is public once posted (APC 90-6(3)): before that, not even its date
        rows: rows.map((p) => ({ ...p, signatures: counts.get(p.id) ?? 0, decided_on: p.state === 'decision_published' ? p.decided_on : null })),
      }, appeals.today());
    });
  }

  // ---------- import of a paper register ----------
  app.post('/api/v1/imports/appeals', {
    bodyLimit: 12 * 1024 * 1024,
    schema: {
      tags: ['integrations'],
      summary: 'Import a paper register or an old system\'s export (CSV or XLSX) with a column mapping: a dry run reports every bad row and writes nothing; a real run registers every row as a paper appeal with its real receipt time, or nothing at all',
      description: 'Send the file as `csv` (text) or `xlsx` (base64; its first sheet). Errors name the row (the line of the file or the row of the sheet; the header is 1), the column and the reason in the request\'s language. A real run with any bad row is refused with 422 `import_has_errors`, the errors as `row.<line>.<column>`. More than 10 000 rows, or an XLSX over 8 MB (100 MB inflated), is refused with 413 `import_too_large`.',
      body: importBody,
      response: { 200: importResponse, 201: importResponse, 400: problem, 401: problem, 403: problem, 404: problem, 413: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = await access.require(request, 'appeal.register', { bodyId: request.body.bodyId });
    const report = await integrations.importRegister(principal, request.body, request.lang);
    reply.code(report.dryRun ? 200 : 201);
    return report;
  });

  // ---------- hearings and calendar feeds ----------
  // a hearing is set by the appeal's own steps (notify_preliminary_decision with a hearing, schedule_hearing), which
  // invite the participant and write the rows read here
  type HearingRow = Awaited<ReturnType<CalendarFeeds['hearingsOf']>>[number];
  const hearingOf = (h: HearingRow) => ({
    id: h.id, appealId: h.appeal_id, officialId: h.official_id, startsAt: new Date(h.starts_at).toISOString(), endsAt: new Date(h.ends_at).toISOString(), place: h.place,
    noticeId: h.notice_id, cancelledAt: h.cancelled_at ? new Date(h.cancelled_at).toISOString() : null,
  });

  app.get('/api/v1/appeals/:id/hearings', {
    schema: { tags: ['integrations'], summary: 'The hearings of an appeal', params: idParam, response: { 200: z.object({ hearings: z.array(hearingView) }), 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const a = await appeals.find(request.params.id);
    await access.require(request, 'appeal.read', { bodyId: a.body_id, ...(a.subdivision_id ? { subdivisionId: a.subdivision_id } : {}), ownerIds: [a.applicant_id, a.executor_id, ...a.co_executor_ids].filter((x): x is string => !!x) });
    return { hearings: (await feeds.hearingsOf(a.id)).map(hearingOf) };
  });

  app.post('/api/v1/calendar-feeds', {
    schema: {
      tags: ['integrations'],
      summary: 'A secret calendar address (iCalendar, RFC 5545) of your hearings or receptions, for a calendar application to subscribe to; the address is shown once',
      body: feedBody,
      response: { 201: feedView, 400: problem, 401: problem },
    },
  }, async (request, reply) => {
    const principal = await access.authenticated(request);
    const { row, secret } = await feeds.createFeed(principal, request.body.kind);
    reply.code(201);
    return { id: row.id, kind: row.kind, path: `/api/v1/calendar-feeds/${secret}.ics`, createdAt: new Date(row.created_at).toISOString() };
  });

  app.delete('/api/v1/calendar-feeds/:id', {
    schema: { tags: ['integrations'], summary: 'Revoke a calendar address of yours', params: idParam, response: { 200: z.object({ id: z.string(), revokedAt: z.string() }), 401: problem, 404: problem } },
  }, async (request) => {
    const done = await feeds.revokeFeed(await access.authenticated(request), request.params.id);
    return { id: done.id, revokedAt: new Date(done.revoked_at!).toISOString() };
  });

  app.get('/api/v1/calendar-feeds/:file', {
    schema: {
      tags: ['integrations'],
      summary: 'A calendar feed by its secret address: hearings (of the official who holds them, or of the applicant invited) or receptions, a year back and a year ahead',
      params: z.strictObject({ file: z.string().regex(/^tyc_[A-Za-z0-9_-]{20,64}\.ics$/) }),
      produces: ['text/calendar'],
      response: { 200: z.string(), 404: problem },
    },
  }, async (request, reply) => {
    const text = await feeds.feed(request.params.file.slice(0, -'.ics'.length), request.lang);
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('content-disposition', 'inline; filename="tynda.ics"').send(text);
  });
}
