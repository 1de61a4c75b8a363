/** HTTP face of the time engine: /api/v1/terms, /api/v1/deadlines, /api/v1/calendar. */
import { z } from 'zod';
import { TERMS } from '../../law/terms.ts';
import type { App } from '../../platform/http.ts';
import {
  calendarYearBody,
  calendarYearResponse,
  computeBody,
  deadlineResponse,
  recomputeBody,
  recomputeResponse,
  termResponse,
  yearParam,
} from './contract.ts';
import { renderDeadline } from './render.ts';
import { findTerm, type CalendarService, type StoredYear } from './service.ts';

export interface CalendarRoutesOptions {
  calendar: CalendarService;
  /** who is acting, for the audit trail; decided by the identity module */
  actorOf: (request: import('fastify').FastifyRequest) => string;
  /** guards for changes; decided by the identity module */
  canManageCalendar: (request: import('fastify').FastifyRequest) => Promise<void>;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() }).passthrough();

const yearView = (y: StoredYear) => ({
  year: y.year,
  complete: y.complete,
  workingDays: y.workingDays,
  holidays: y.holidays,
  extraDaysOff: y.extraDaysOff,
  workingWeekendDays: y.workingWeekendDays,
  transfers: y.transfers,
  ...(y.note ? { note: y.note } : {}),
  revision: y.revision,
  updatedAt: y.updatedAt,
  updatedBy: y.updatedBy,
});

export function calendarRoutes(app: App, { calendar, actorOf, canManageCalendar }: CalendarRoutesOptions) {
  app.get('/api/v1/terms', {
    schema: {
      tags: ['time'],
      summary: 'Every legal time limit Tynda knows, with its citation',
      response: { 200: z.object({ terms: z.array(termResponse) }) },
    },
  }, async () => ({ terms: [...TERMS] }));

  app.get('/api/v1/terms/:id', {
    schema: {
      tags: ['time'],
      summary: 'One time limit',
      params: z.strictObject({ id: z.string().max(64) }),
      response: { 200: termResponse, 404: problem },
    },
  }, async (request) => findTerm(request.params.id));

  app.post('/api/v1/deadlines/compute', {
    schema: {
      tags: ['time'],
      summary: 'Compute the due date of a term from an event date, with the steps that produced it',
      body: computeBody,
      response: { 200: deadlineResponse, 400: problem, 404: problem },
    },
  }, async (request) => {
    const { term, from, conventions } = request.body;
    const deadline = await calendar.compute(term, from, conventions);
    return renderDeadline(deadline, findTerm(term), request.lang);
  });

  app.post('/api/v1/deadlines/recompute', {
    schema: {
      tags: ['time'],
      summary: 'Recompute every open stored deadline on the current calendar and report what moved',
      body: recomputeBody,
      response: { 200: recomputeResponse, 403: problem },
    },
  }, async (request) => {
    await canManageCalendar(request);
    return calendar.recompute(actorOf(request), request.body.dryRun);
  });

  app.get('/api/v1/calendar/:year', {
    schema: {
      tags: ['time'],
      summary: 'A year of the production calendar with its working-day total',
      params: yearParam,
      response: { 200: calendarYearResponse, 404: problem },
    },
  }, async (request) => yearView(await calendar.year(request.params.year)));

  app.put('/api/v1/calendar/:year', {
    schema: {
      tags: ['time'],
      summary: 'Replace or add a year of the production calendar (holidays and transfers; carry-overs are derived)',
      params: yearParam,
      body: calendarYearBody,
      response: { 200: calendarYearResponse, 400: problem, 403: problem, 409: problem },
    },
  }, async (request) => {
    await canManageCalendar(request);
    const { year } = request.params;
    const body = request.body;
    const saved = await calendar.putYear({ year, complete: body.complete, holidays: body.holidays, transfers: body.transfers, ...(body.note ? { note: body.note } : {}) }, actorOf(request));
    return yearView(saved);
  });
}
