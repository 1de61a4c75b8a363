/** HTTP face of personal receptions: /api/v1/receptions. Schedules and the iCalendar feed are public. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language, Localized } from '../../law/i18n.ts';
import type { Actor } from '../../law/lifecycles/lifecycle.ts';
import type { App } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { Problem } from '../../platform/problems.ts';
import type { OrganisationService } from '../bodies/service.ts';
import type { Access, IdentityService, Principal, Role } from '../identity/service.ts';
import { actionBody, actionEnvelope, bookBody, bookingResponse, complianceQuery, complianceResponse, dailyQuery, scheduleQuery, scheduleResponse, sessionBody, sessionResponse } from './contract.ts';
import { icalendar } from './ical.ts';
import { almatyDayOf, type ActingAs, type BookingRow, type ReceptionsService, type SessionRow, type Visitor } from './service.ts';

export interface ReceptionRoutesOptions {
  receptions: ReceptionsService;
  access: Access;
  identity: IdentityService;
  organisation: OrganisationService;
}

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), code: z.string() }).passthrough();
const idParam = z.strictObject({ id: z.uuid() });

const ROLE_ACTORS: Partial<Record<Role, readonly Actor[]>> = {
  registrar: ['clerk'],
  monitoring: ['clerk'],
  deputy_head: ['deputy_head', 'official'],
  body_head: ['head', 'official'],
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function sessionView(s: SessionRow & { officialName: string; freeSlots: string[] }) {
  return {
    id: s.id, bodyId: s.body_id, officialId: s.official_id, officialName: s.officialName, format: s.format, startsAt: new Date(s.starts_at).toISOString(),
    endsAt: new Date(s.ends_at).toISOString(), slotMinutes: s.slot_minutes, place: s.place, territoryId: s.territory_id, freeSlots: s.freeSlots,
  };
}

function bookingView(b: BookingRow) {
  const outcome = b.outcome as Record<string, unknown> | null;
  return {
    id: b.id, sessionId: b.session_id, slotAt: new Date(b.slot_at).toISOString(), state: b.state, topic: b.topic, language: b.language, visitor: b.visitor as Record<string, unknown>,
    videoConsentAt: b.video_consent_at ? new Date(b.video_consent_at).toISOString() : null, queueNumber: b.queue_number, outcome, appealId: b.appeal_id,
    complaintId: (outcome?.complaintId as string | undefined) ?? null,
    instructionIds: ((outcome?.instructionIds as string[] | undefined) ?? []), version: b.version,
  };
}

export function receptionRoutes(app: App, { receptions, access, identity, organisation }: ReceptionRoutesOptions) {
  async function actingAs(request: FastifyRequest, principal: Principal, b: BookingRow, s: SessionRow): Promise<ActingAs> {
    const actors = new Set<Actor>();
    if (principal.kind === 'applicant' && principal.id === b.applicant_id) actors.add('applicant');
    if (principal.kind === 'official') {
      for (const g of await access.allowingGrants(principal, 'reception.manage', { bodyId: s.body_id })) for (const a of ROLE_ACTORS[g.role] ?? []) actors.add(a);
      if (principal.id === s.official_id) actors.add('official');
    }
    return { actor: access.actorOf(request), actors: [...actors], ...(principal.kind === 'official' ? { officialId: principal.id } : { applicantId: principal.id }) };
  }

  app.post('/api/v1/receptions/sessions', {
    schema: { tags: ['receptions'], summary: 'Publish a reception on the schedule of a head or deputy (APC 90(1)–(2); REG p.6(3)–(4))', body: sessionBody, response: { 201: sessionResponse, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } },
  }, async (request, reply) => {
    const principal = await access.require(request, 'reception.manage', { bodyId: request.body.bodyId });
    const s = await receptions.createSession(request.body, { actor: access.actorOf(request), actors: [], officialId: principal.id });
    const [full] = await receptions.schedule({ officialId: s.official_id, from: almatyDayOf(s.starts_at), to: almatyDayOf(s.starts_at) }).then((all) => all.filter((x) => x.id === s.id));
    reply.code(201);
    return sessionView(full!);
  });

  app.get('/api/v1/receptions/schedule', {
    schema: { tags: ['receptions'], summary: 'The published reception schedule with free slots (public, APC 90(2))', querystring: scheduleQuery, response: { 200: scheduleResponse, 400: problem } },
  }, async (request) => ({ sessions: (await receptions.schedule(request.query)).map(sessionView) }));

  app.get('/api/v1/receptions/officials/:id/calendar.ics', {
    schema: { tags: ['receptions'], summary: "An official's receptions as an iCalendar feed (RFC 5545; public, no visitors' data)", params: idParam, produces: ['text/calendar'], response: { 200: z.string(), 404: problem } },
  }, async (request, reply) => {
    const official = await organisation.official(request.params.id);
    const today = receptions.today();
    const sessions = await receptions.schedule({ officialId: official.id, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` });
    const t = translator(request.lang);
    const body = await organisation.body(official.body_id);
    const text = icalendar(`${t('reception.calendar_name')}: ${official.full_name}`, sessions.map((s) => ({
      uid: `${s.id}@tynda`, start: new Date(s.starts_at), end: new Date(s.ends_at), stamp: new Date(s.created_at),
      summary: `${t('reception.event_summary')}: ${official.full_name}`, location: s.place,
      description: `${(body.name as Localized)[request.lang]} — ${t(`reception.format.${s.format}`)}`,
    })));
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="receptions.ics"').send(text);
  });

  app.post('/api/v1/receptions/sessions/:id/bookings', {
    schema: {
      tags: ['receptions'],
      summary: 'Book a slot with the topic in advance (REG p.6(1)); a videoconference with the Presidential Administration needs consent (p.6(3))',
      params: idParam,
      body: bookBody,
      response: { 201: bookingResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const s = await receptions.session(request.params.id);
    const principal = await access.authenticated(request);
    const b = request.body;
    let visitor: Visitor;
    let by: ActingAs;
    if (principal.kind === 'applicant') {
      await access.require(request, 'reception.book', { ownerIds: [principal.id] });
      const profile = await identity.applicant(principal.id);
      visitor = { name: profile.name ?? b.visitor?.name ?? '—', iin: profile.iin ?? undefined, email: profile.email ?? undefined, phone: profile.phone ?? undefined, postalAddress: b.visitor?.postalAddress };
      by = { actor: access.actorOf(request), actors: ['applicant'], applicantId: principal.id };
    } else {
      await access.require(request, 'reception.manage', { bodyId: s.body_id });
      if (!b.visitor) throw new Problem(400, 'validation', {}, [{ field: 'body.visitor', code: 'required' }]);
      visitor = b.visitor;
      by = { actor: access.actorOf(request), actors: ['clerk'], officialId: principal.id };
    }
    const row = await receptions.book(s.id, { slotAt: b.slotAt, topic: b.topic, language: b.language as Language, visitor, videoConsent: b.videoConsent }, by);
    reply.code(201);
    return bookingView(row);
  });

  app.get('/api/v1/receptions/bookings', {
    schema: {
      tags: ['receptions'],
      summary: 'My bookings (the signed-in applicant), the latest slot first, each with its session',
      response: { 200: z.object({ items: z.array(bookingResponse.extend({ session: z.object({ bodyId: z.string(), officialName: z.string(), format: z.string(), place: z.string() }) })) }), 401: problem, 403: problem },
    },
  }, async (request) => {
    const principal = await access.authenticated(request);
    if (principal.kind !== 'applicant') throw new Problem(403, 'forbidden', { permission: 'reception.book' });
    const list = await receptions.bookingsOf(principal.id);
    return { items: list.map(({ booking, session }) => ({ ...bookingView(booking), session: { bodyId: session.body_id, officialName: session.officialName, format: session.format, place: session.place } })) };
  });

  app.get('/api/v1/receptions/bookings/:id', {
    schema: { tags: ['receptions'], summary: 'A booking with its outcome and timeline', params: idParam, response: { 200: bookingResponse.extend({ timeline: z.array(z.record(z.string(), z.unknown())) }), 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const b = await receptions.booking(request.params.id);
    const s = await receptions.session(b.session_id);
    const by = await actingAs(request, await access.authenticated(request), b, s);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'reception.manage' });
    return { ...bookingView(b), timeline: await receptions.timeline(b.id) };
  });

  app.post('/api/v1/receptions/bookings/:id/actions', {
    schema: {
      tags: ['receptions'],
      summary: 'A step of the reception: consent_video, move, cancel, check_in (the queue), no_show, give_instruction (under control), resolve (on the spot), convert (a registered written appeal or complaint with its own term, APC 90(3))',
      params: idParam,
      body: z.intersection(actionEnvelope, actionBody),
      response: { 200: bookingResponse, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const b = await receptions.booking(request.params.id);
    const s = await receptions.session(b.session_id);
    const { version, ...input } = request.body;
    const by = await actingAs(request, await access.authenticated(request), b, s);
    if (by.actors.length === 0) throw new Problem(403, 'forbidden', { permission: 'reception.manage' });
    return bookingView(await receptions.act(b.id, version, input, by));
  });

  app.get('/api/v1/receptions/daily', {
    schema: { tags: ['receptions'], summary: "The day's printable list of visitors of a body (HTML for printing, or JSON)", querystring: dailyQuery, produces: ['text/html', 'application/json'], response: { 200: z.any(), 401: problem, 403: problem } },
  }, async (request, reply) => {
    const { bodyId, date, format } = request.query;
    await access.require(request, 'reception.manage', { bodyId });
    const days = await receptions.daily(bodyId, date);
    if (format === 'json') return { date, sessions: days.map((d) => ({ ...sessionView(d.session), bookings: d.bookings.map(bookingView) })) };
    const t = translator(request.lang);
    const time = (d: Date | string) => new Date(d).toLocaleTimeString('ru-RU', { timeZone: 'Asia/Almaty', hour: '2-digit', minute: '2-digit' });
    const sections = days.map((d) => `<h2>${escapeHtml(d.session.officialName)} — ${time(d.session.starts_at)}–${time(d.session.ends_at)}, ${escapeHtml(d.session.place)}</h2>
<table><thead><tr><th>${t('reception.col_slot')}</th><th>${t('reception.col_queue')}</th><th>${t('reception.col_visitor')}</th><th>${t('reception.col_topic')}</th><th>${t('reception.col_state')}</th></tr></thead><tbody>
${d.bookings.map((b) => `<tr><td>${time(b.slot_at)}</td><td>${b.queue_number ?? ''}</td><td>${escapeHtml((b.visitor as Visitor).name)}</td><td>${escapeHtml(b.topic)}</td><td>${escapeHtml(t(`reception.state.${b.state}`))}</td></tr>`).join('\n')}
</tbody></table>`).join('\n');
    const html = `<!doctype html><html lang="${request.lang}"><head><meta charset="utf-8"><title>${t('reception.daily_title')} ${date}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;text-align:left}@media print{h2{page-break-before:auto}}</style></head>
<body><h1>${t('reception.daily_title')} ${date}</h1>${sections}</body></html>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });

  app.get('/api/v1/receptions/compliance', {
    schema: { tags: ['receptions'], summary: 'Heads and deputies with a month without a reception (APC 90(1), scenario #51)', querystring: complianceQuery, response: { 200: complianceResponse, 401: problem, 403: problem } },
  }, async (request) => {
    const { bodyId, from, to } = request.query;
    await access.require(request, 'reception.manage', { bodyId });
    return { bodyId, from, to, ...(await receptions.compliance(bodyId, from, to)) };
  });
}
