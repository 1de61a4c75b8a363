/** HTTP face of the monitoring dashboards: /api/v1/monitoring (reports.read; problem cards written with monitoring.control). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { Access } from '../identity/service.ts';
import { writeCsv } from '../integrations/csv.ts';
import { writeXlsx, type ExportCell } from '../integrations/xlsx.ts';
import {
  cardResponse, cardsQuery, cardsResponse, casesQuery, casesResponse, createCardBody, exportQuery, fairQuery, fairResponse, figuresQuery, figuresResponse, filterQuery,
  refreshCardsBody, returnsResponse, topicsResponse, updateCardBody,
} from './contract.ts';
import { FAIR_METHOD } from './method.ts';
import { FIGURES, type Filter } from './queries.ts';
import type { MonitoringService } from './service.ts';

export interface MonitoringRoutesOptions {
  monitoring: MonitoringService;
  access: Access;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });
const tags = ['monitoring'];

export function monitoringRoutes(app: App, { monitoring, access }: MonitoringRoutesOptions) {
  /** The bodies the principal may report on, narrowed by the query; a body filter outside them is refused. */
  async function scoped(request: FastifyRequest, q: z.infer<typeof filterQuery>, action: 'reports.read' | 'monitoring.control' = 'reports.read'): Promise<Filter> {
    const principal = await access.authenticated(request);
    const bodies = await access.bodiesFor(principal, action);
    if (bodies !== 'all' && bodies.length === 0) throw new Problem(403, 'forbidden', { permission: action });
    if (q.bodyId) await access.require(request, action, { bodyId: q.bodyId });
    const today = monitoring.today();
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    if (to < from) throw new Problem(400, 'validation', {}, [{ field: 'querystring.to', code: 'before_start' }]);
    return { bodies, from, to, bodyId: q.bodyId, territoryId: q.territoryId, topicId: q.topicId, channel: q.channel, month: q.month, executorId: q.executorId };
  }

  app.get('/api/v1/monitoring/figures', {
    schema: { tags, summary: 'Dashboard figures over the bodies in your reporting scope: received, in work, due soon, overdue, deemed refusals, extensions, answered, late, under control, returned for rework; in total and per body, district, topic, channel, month or executor (REG p.5(3), 5(9))', querystring: figuresQuery, response: { 200: figuresResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => monitoring.dashboard(await scoped(request, request.query), request.query.groupBy, request.lang));

  app.get('/api/v1/monitoring/cases', {
    schema: { tags, summary: 'The drill-down: the cases that make up one figure under the same filters', querystring: casesQuery, response: { 200: casesResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => monitoring.cases(await scoped(request, request.query), request.query.figure, request.query.page, request.query.pageSize, request.lang));

  app.get('/api/v1/monitoring/fair', {
    schema: { tags, summary: 'Fair indicators beside raw counts: late per 1,000 appeals, expected late by topic mix, damped ratio (docs/monitoring.md)', querystring: fairQuery, response: { 200: fairResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    const res = await monitoring.fair(await scoped(request, request.query), request.query.by, request.lang);
    return { ...res, method: { per: FAIR_METHOD.per, priorExpected: FAIR_METHOD.priorExpected, minAppeals: FAIR_METHOD.minAppeals, citation: FAIR_METHOD.citation } };
  });

  app.get('/api/v1/monitoring/returns', {
    schema: { tags, summary: 'Returns of answers for rework per body and executor (REG p.5(5), 9(2))', querystring: filterQuery, response: { 200: returnsResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => monitoring.returns(await scoped(request, request.query), request.lang));

  app.get('/api/v1/monitoring/topics', {
    schema: { tags, summary: 'Content analysis: topics per district against the same period a year before; rising ones first (REG p.7(1))', querystring: filterQuery, response: { 200: topicsResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request) => monitoring.topicsByDistrict(await scoped(request, request.query), request.lang));

  app.get('/api/v1/monitoring/export', {
    schema: { tags, summary: "The data of any chart as CSV or XLSX: figures (by groupBy), fair (by), returns, topics", querystring: exportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: z.any(), 400: problem, 401: problem, 403: problem } },
  }, async (request, reply) => {
    const q = request.query;
    const f = await scoped(request, q);
    const t = translator(request.lang);
    let header: string[];
    let rows: ExportCell[][];
    if (q.chart === 'figures') {
      const d = await monitoring.dashboard(f, q.groupBy, request.lang);
      header = [q.groupBy, t('monitoring.export.label'), ...[...FIGURES, 'returns'].map((x) => t(`monitoring.figure.${x}`))];
      rows = d.groups.map((g) => [g.key, g.label, ...[...FIGURES, 'returns' as const].map((x) => g[x])]);
    } else if (q.chart === 'fair') {
      const d = await monitoring.fair(f, q.by, request.lang);
      header = [q.by, t('monitoring.export.label'), t('monitoring.figure.received'), t('monitoring.figure.late'), t('monitoring.fair.latePer1000'), t('monitoring.fair.expectedLate'), t('monitoring.fair.adjustedRatio'), t('monitoring.fair.adjustedPer1000'), t('monitoring.fair.reliable')];
      rows = d.rows.map((r) => [r.key, r.label, r.received, r.late, r.latePer1000, r.expectedLate, r.adjustedRatio, r.adjustedPer1000, r.reliable]);
    } else if (q.chart === 'returns') {
      const d = await monitoring.returns(f, request.lang);
      header = ['body', t('monitoring.export.body'), 'executor', t('monitoring.export.executor'), t('monitoring.figure.returns'), t('monitoring.figure.returned')];
      rows = d.map((r) => [r.bodyId, r.bodyName, r.executorId, r.executorName, r.returns, r.appeals]);
    } else {
      const d = await monitoring.topicsByDistrict(f, request.lang);
      header = ['district', t('monitoring.export.district'), 'topic', t('monitoring.export.topic'), t('monitoring.topics.volume'), t('monitoring.topics.previous'), t('monitoring.topics.growth'), t('monitoring.topics.rising')];
      rows = d.rows.map((r) => [r.territoryId, r.territoryName, r.topicId, r.topicName, r.volume, r.previous, r.growth, r.rising]);
    }
    const name = `monitoring-${q.chart}${q.chart === 'figures' ? `-${q.groupBy}` : q.chart === 'fair' ? `-${q.by}` : ''}-${f.from}-${f.to}`;
    if (q.format === 'xlsx') {
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="${name}.xlsx"`);
      return reply.send(await writeXlsx(q.chart, header, rows));
    }
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${name}.csv"`);
    return reply.send(writeCsv(header, rows));
  });

  // ---- cards of problem issues (REG p.7(2)) ----

  app.get('/api/v1/monitoring/problem-cards', {
    schema: { tags, summary: 'Cards of problem issues of the districts in your scope, with example cases (REG p.7(2))', querystring: cardsQuery, response: { 200: cardsResponse, 401: problem, 403: problem } },
  }, async (request) => {
    const f = await scoped(request, {});
    return monitoring.cards(f.bodies, request.lang, request.query);
  });

  app.get('/api/v1/monitoring/problem-cards/:id', {
    schema: { tags, summary: 'A card of a problem issue: volume, trend, the linked appeals, bodies, measures, status and history', params: idParam, response: { 200: cardResponse, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const card = await monitoring.cardRow(request.params.id);
    await cardAccess(request, card.body_ids, 'reports.read');
    return monitoring.card(request.params.id, request.lang);
  });

  app.post('/api/v1/monitoring/problem-cards', {
    schema: { tags, summary: 'Create (or bring up to date) the card of a topic in a district for a period, linking its appeals (REG p.7(2))', body: createCardBody, response: { 201: cardResponse, 400: problem, 401: problem, 403: problem } },
  }, async (request, reply) => {
    const f = await scoped(request, {}, 'monitoring.control');
    const { id } = await monitoring.upsertCard(f.bodies, request.body, access.actorOf(request));
    reply.code(201);
    return monitoring.card(id, request.lang);
  });

  app.post('/api/v1/monitoring/problem-cards/refresh', {
    schema: { tags, summary: 'The content analysis forms cards: every rising topic of a district with at least 30 appeals in the period gets its card, created or updated (REG p.7(1)–(2))', body: refreshCardsBody, response: { 200: z.object({ cards: z.array(z.object({ id: z.string(), created: z.boolean() })) }), 400: problem, 401: problem, 403: problem } },
  }, async (request) => {
    const f = await scoped(request, { from: request.body.from, to: request.body.to }, 'monitoring.control');
    return { cards: await monitoring.refreshCards(f.bodies, f.from, f.to, access.actorOf(request)) };
  });

  app.patch('/api/v1/monitoring/problem-cards/:id', {
    schema: { tags, summary: 'Record the measures taken and the status of a card (monitoring.control over its bodies)', params: idParam, body: updateCardBody, response: { 200: cardResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const card = await monitoring.cardRow(request.params.id);
    await cardAccess(request, card.body_ids, 'monitoring.control');
    await monitoring.updateCard(request.params.id, request.body, access.actorOf(request));
    return monitoring.card(request.params.id, request.lang);
  });

  /** A card is its bodies': the action is needed over every one of them (over some body at all, for an empty card). */
  async function cardAccess(request: FastifyRequest, bodyIds: readonly string[], action: 'reports.read' | 'monitoring.control') {
    const principal = await access.authenticated(request);
    const allowed = await access.bodiesFor(principal, action);
    if (allowed === 'all') return;
    if (!allowed.length || bodyIds.some((id) => !allowed.includes(id))) throw new Problem(403, 'forbidden', { permission: action });
  }
}
