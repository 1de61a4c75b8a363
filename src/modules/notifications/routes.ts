/**
 * HTTP face of notifications. The guards come from the identity module: a person may read only their own
 * cabinet (or a representative's), and only officials of the body may read a case's history and handle letters.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TERMS } from '../../law/terms.ts';
import type { App } from '../../platform/http.ts';
import { CATALOGUE, NOTICE_TYPES, type NoticeSpec } from './catalogue.ts';
import {
  cabinetNotice,
  cabinetQuery,
  deliveryParam,
  deliveryView,
  historyEntry,
  historyQuery,
  noticeParam,
  noticeTypeView,
  postQueueEntry,
  postQueueQuery,
  postRecordBody,
  recipientNoticeParams,
  recipientParam,
} from './contract.ts';
import type { NotificationService } from './service.ts';

export interface NotificationRoutesOptions {
  notifications: NotificationService;
  actorOf: (request: FastifyRequest) => string;
  /** the caller may read and open this recipient's cabinet */
  canReadCabinet: (request: FastifyRequest, recipientId: string) => Promise<void>;
  /** the caller is an official who may see notice histories (of this case, when one is named) and handle registered letters */
  canManageNotices: (request: FastifyRequest, subject?: { type: string; id: string }) => Promise<void>;
}

const citationOf = (id: string) => TERMS.find((t) => t.id === id)?.citation ?? id;

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough();

export function notificationRoutes(app: App, { notifications, actorOf, canReadCabinet, canManageNotices }: NotificationRoutesOptions) {
  app.get('/api/v1/notice-types', {
    schema: {
      tags: ['notifications'],
      summary: 'The catalogue of notices: legal basis, whether receipt must be recorded and why, data, terms',
      response: { 200: z.object({ types: z.array(noticeTypeView) }) },
    },
  }, async (request) => ({
    types: NOTICE_TYPES.map((type) => {
      const spec: NoticeSpec = CATALOGUE[type];
      return {
        type,
        citation: spec.citation,
        recipient: spec.recipient,
        recorded: spec.recorded,
        ...(spec.why ? { why: spec.why[request.lang] } : {}),
        writtenIfFiledOnPaper: spec.writtenIfFiledOnPaper ?? false,
        fields: spec.fields,
        terms: (spec.terms ?? []).map((t) => ({ id: t.id, citation: citationOf(t.id), runsFromReceipt: 'fromReceipt' in t, ...('due' in t ? { dueField: t.due } : {}) })),
        ...(spec.sendWithin ? { sendWithin: { id: spec.sendWithin, citation: citationOf(spec.sendWithin) } } : {}),
      };
    }),
  }));

  app.get('/api/v1/cabinet/:recipientId/notices', {
    schema: {
      tags: ['notifications'],
      summary: "A person's cabinet: notices newest first, with the terms that run from their receipt",
      params: recipientParam,
      querystring: cabinetQuery,
      response: { 200: z.object({ notices: z.array(cabinetNotice) }), 403: problem },
    },
  }, async (request) => {
    await canReadCabinet(request, request.params.recipientId);
    return { notices: await notifications.cabinet(request.params.recipientId, { unreadOnly: request.query.unread === 'true' }) };
  });

  app.post('/api/v1/cabinet/:recipientId/notices/:noticeId/read', {
    schema: {
      tags: ['notifications'],
      summary: 'The person opens a notice: the first opening is recorded as its receipt (terms that run from receipt start)',
      params: recipientNoticeParams,
      response: { 200: cabinetNotice, 403: problem, 404: problem },
    },
  }, async (request) => {
    await canReadCabinet(request, request.params.recipientId);
    return notifications.markRead(request.params.recipientId, request.params.noticeId, actorOf(request));
  });

  app.get('/api/v1/notices', {
    schema: {
      tags: ['notifications'],
      summary: 'When the person was told what about a case: every notice, channel, status and receipt date',
      querystring: historyQuery,
      response: { 200: z.object({ notices: z.array(historyEntry) }), 403: problem },
    },
  }, async (request) => {
    const subject = { type: request.query.subjectType, id: request.query.subjectId };
    await canManageNotices(request, subject);
    return { notices: await notifications.noticeHistory(subject) };
  });

  app.get('/api/v1/notices/:noticeId/letter', {
    schema: {
      tags: ['notifications'],
      summary: 'The registered letter of a notice as a printable HTML page, with the acknowledgement-of-delivery slip',
      params: noticeParam,
      produces: ['text/html'],
      response: { 200: z.string(), 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    await canManageNotices(request);
    const html = await notifications.letter(request.params.noticeId);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/api/v1/notice-deliveries/post', {
    schema: {
      tags: ['notifications'],
      summary: 'Registered letters by status: queued ones are to be printed and posted',
      querystring: postQueueQuery,
      response: { 200: z.object({ letters: z.array(postQueueEntry) }), 403: problem },
    },
  }, async (request) => {
    await canManageNotices(request);
    return { letters: await notifications.postQueue(request.query.status) };
  });

  app.put('/api/v1/notice-deliveries/:deliveryId/post', {
    schema: {
      tags: ['notifications'],
      summary: 'Record the tracking number and dispatch date of a registered letter, then its delivery date or refusal (APC 66(5))',
      params: deliveryParam,
      body: postRecordBody,
      response: { 200: deliveryView, 400: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    await canManageNotices(request);
    return notifications.recordPost(request.params.deliveryId, request.body, actorOf(request));
  });
}
