/**
 * Personal receptions (APC 90; Standard Regulation No. 560 p.6) through the API on both engines, as one story at a
 * district akimat: the akim and the deputy publish their receptions, citizens book a slot with the topic, the
 * queue on the day, each outcome the law allows (resolved on the spot, put in writing as an appeal or as a
 * complaint with its own term, instructions put under control), the videoconference with the Presidential
 * Administration only with consent (AT-35), the visiting reception, the iCalendar feed read back, the printable
 * daily list and the months without a reception (#51). Scenario numbers are those of apc-requirements.md §8 and
 * rules-services-requirements.md Part 5 (AT-*). The clock is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** RFC 5545 read back: unfold (3.1), split into VEVENTs, each a map of property name to unescaped value. */
function parseIcs(text: string): Record<string, string>[] {
  assert.ok(text.includes('\r\n'), 'lines end with CRLF');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  for (const l of lines) assert.ok(Buffer.byteLength(l, 'utf8') > 0);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
    }
  }
  return events;
}

/** 20250312T050000Z -> the instant. */
const icsInstant = (v: string) => new Date(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}Z`).toISOString();

for (const { engine, skip } of ENGINES) {
  describe(`personal receptions API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-03-03T04:00:00Z'); // Monday 3 March 2025, 09:00 in Almaty
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};
    const sessions: Record<string, Json> = {};
    const bookings: Record<string, Json> = {};

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['registrar', 'deputy_head', 'body_head', 'applicant', 'executor', 'subdivision_head', 'monitoring'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
      // the demo organisation is appointed on the day it is loaded; the story runs in 2025
      await app.database.db.updateTable('appointment').set({ valid_from: '2024-01-01' }).execute();
      // the chairman of a committee of the ministry: an official of another body
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', 'krs.chairman').executeTakeFirstOrThrow();
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'krs.chairman', password } });
      as.stranger = { authorization: `Bearer ${(res.json() as { token: string }).token}` };
    });
    after(async () => app?.close());

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      let body: Json;
      try {
        body = res.body ? res.json() : undefined;
      } catch {
        body = res.body;
      }
      return { status: res.statusCode, body, headers: res.headers, text: res.body };
    };
    const publish = (o: Record<string, unknown>, who = 'registrar') =>
      call({ method: 'POST', url: '/api/v1/receptions/sessions', as: who, payload: { bodyId: bodies['KRG-BZH'], officialId: officials['bzh.akim'], format: 'office', place: 'Акимат района, каб. 101', ...o } });
    const book = (sessionId: string, o: Record<string, unknown>, who = 'applicant') => call({ method: 'POST', url: `/api/v1/receptions/sessions/${sessionId}/bookings`, as: who, payload: o });
    const step = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/receptions/bookings/${id}`, as: 'registrar' });
      return call({ method: 'POST', url: `/api/v1/receptions/bookings/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };
    const count = async (table: 'reception_session' | 'reception_booking' | 'complaint' | 'appeal' | 'instruction') => Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const slot = (session: Json, i: number) => session.freeSlots[i] as string;

    test('APC 90(1)–(2): the akim and the deputy publish receptions at the place of work; the public schedule shows each with its free slots', async () => {
      const akim = await publish({ startsAt: '2025-03-12T10:00:00+05:00', endsAt: '2025-03-12T12:00:00+05:00', slotMinutes: 15 });
      assert.equal(akim.status, 201, JSON.stringify(akim.body));
      assert.equal(akim.body.freeSlots.length, 8); // two hours of 15-minute slots
      assert.equal(akim.body.freeSlots[0], '2025-03-12T05:00:00.000Z');
      assert.equal(akim.body.freeSlots[7], '2025-03-12T06:45:00.000Z');
      sessions.akim = akim.body;
      const deputy = await publish({ officialId: officials['bzh.deputy'], startsAt: '2025-03-13T15:00:00+05:00', endsAt: '2025-03-13T16:00:00+05:00', slotMinutes: 20 }, 'deputy_head');
      assert.equal(deputy.status, 201, JSON.stringify(deputy.body));
      assert.equal(deputy.body.freeSlots.length, 3);
      sessions.deputy = deputy.body;
      // #51: the deputy also receives in May, the akim does not
      assert.equal((await publish({ officialId: officials['bzh.deputy'], startsAt: '2025-05-15T15:00:00+05:00', endsAt: '2025-05-15T16:00:00+05:00' }, 'deputy_head')).status, 201);
      const schedule = await call({ method: 'GET', url: `/api/v1/receptions/schedule?bodyId=${bodies['KRG-BZH']}&from=2025-03-01&to=2025-03-31` });
      assert.equal(schedule.status, 200, 'the schedule is public (90(2): made known to persons)');
      assert.deepEqual(schedule.body.sessions.map((s: Json) => s.id), [sessions.akim.id, sessions.deputy.id]);
      assert.equal(schedule.body.sessions[0].officialName, 'Смағұлов Ержан Қанатұлы');
      // APC 90(1): the schedule is of the body's own heads and deputies
      const other = await publish({ officialId: officials['aba.deputy'], startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00' });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'official_other_body');
      assert.equal(other.body.citation, 'APC 90(1)');
    });

    test('bad input: problem+json 400 with per-field errors, and nothing is written', async () => {
      const before = await count('reception_session');
      const bookingsBefore = await count('reception_booking');
      for (const payload of [
        { startsAt: '2025-03-14T12:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00' }, // ends before it starts
        { startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00', slotMinutes: 2 },
        { startsAt: '2025-03-14', endsAt: '2025-03-14T11:00:00+05:00' }, // not a timestamp
        { startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00', place: '' },
        { startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00', format: 'phone' },
        { startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00', surprise: true },
      ]) {
        const res = await publish(payload);
        assert.equal(res.status, 400, JSON.stringify(payload));
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        assert.equal(res.body.code, 'validation');
        assert.ok(res.body.errors.length > 0 && res.body.errors.every((e: Json) => e.field && e.code), JSON.stringify(res.body.errors));
      }
      const noTopic = await book(sessions.akim.id, { slotAt: slot(sessions.akim, 0), topic: '  ' });
      assert.equal(noTopic.status, 400);
      assert.ok(noTopic.body.errors.some((e: Json) => e.field === 'body.topic'));
      const badAction = await call({ method: 'POST', url: `/api/v1/receptions/bookings/${sessions.akim.id}/actions`, as: 'registrar', payload: { version: 1, action: 'teleport' } });
      assert.equal(badAction.status, 400);
      assert.equal(await count('reception_session'), before);
      assert.equal(await count('reception_booking'), bookingsBefore);
    });

    test('REG p.6(1): a citizen books a slot in advance with the topic; the slot is taken for everyone else; a clerk books for a visitor', async () => {
      const res = await book(sessions.akim.id, { slotAt: slot(sessions.akim, 0), topic: 'Ремонт дороги на улице Абая', language: 'ru' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.state, 'booked');
      assert.equal(res.body.topic, 'Ремонт дороги на улице Абая');
      assert.ok(res.body.visitor.name, 'the visitor is the signed-in citizen');
      bookings.a = res.body;
      const taken = await book(sessions.akim.id, { slotAt: slot(sessions.akim, 0), topic: 'Другое' }, 'registrar');
      assert.equal(taken.status, 400, 'a clerk must name the visitor');
      const twice = await book(sessions.akim.id, { slotAt: slot(sessions.akim, 0), topic: 'Другое', visitor: { name: 'Петров Пётр Петрович' } }, 'registrar');
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'slot_taken');
      assert.equal((await book(sessions.akim.id, { slotAt: '2025-03-12T05:07:00.000Z', topic: 'x' })).body.code, 'not_a_slot');
      for (const [key, i, name, topic] of [['b', 1, 'Петров Пётр Петрович', 'Прошу провести газ <b>срочно</b>'], ['c', 2, 'Сидорова Анна Викторовна', 'Отказ в выдаче справки'], ['d', 3, 'Ахметов Серік', 'Освещение улиц'], ['e', 4, 'Жанов Бек', 'Вывоз мусора']] as const) {
        const r = await book(sessions.akim.id, { slotAt: slot(sessions.akim, i), topic, language: 'ru', visitor: { name, iin: '900101300017', phone: '+77011234567', postalAddress: 'пос. Ботакара, ул. Абая, 1' } }, 'registrar');
        assert.equal(r.status, 201, JSON.stringify(r.body));
        bookings[key] = r.body;
      }
      const schedule = await call({ method: 'GET', url: `/api/v1/receptions/schedule?officialId=${officials['bzh.akim']}&from=2025-03-12&to=2025-03-12` });
      assert.equal(schedule.body.sessions[0].freeSlots.length, 3);
      assert.ok(!schedule.body.sessions[0].freeSlots.includes(slot(sessions.akim, 0)));
      // a slot in the past cannot be booked
      now = new Date('2025-03-12T06:30:00Z');
      assert.equal((await book(sessions.akim.id, { slotAt: slot(sessions.akim, 5), topic: 'x' })).body.code, 'slot_in_past'); // 06:15Z
      now = new Date('2025-03-03T04:00:00Z');
    });

    test('REG p.6(1): a citizen cancels their booking and the slot is free again; nobody else can cancel it', async () => {
      const stranger = await step(bookings.e.id, 'executor', { action: 'cancel' });
      assert.equal(stranger.status, 403, 'an official without reception.manage');
      const other = await step(bookings.e.id, 'applicant', { action: 'cancel' });
      assert.equal(other.status, 403, 'not the citizen who booked');
      const res = await step(bookings.e.id, 'registrar', { action: 'cancel', reason: 'Вопрос решён до приёма' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'cancelled');
      const schedule = await call({ method: 'GET', url: `/api/v1/receptions/schedule?officialId=${officials['bzh.akim']}&from=2025-03-12&to=2025-03-12` });
      assert.ok(schedule.body.sessions[0].freeSlots.includes(bookings.e.slotAt), 'the slot is free again');
      assert.equal((await step(bookings.e.id, 'registrar', { action: 'check_in' })).body.code, 'illegal_transition');
    });

    test('access: an official of another body cannot publish, read, act on or list receptions of this body (403); no sign-in is 401; an unknown booking is 404', async () => {
      assert.equal((await publish({ startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00' }, 'stranger')).status, 403);
      assert.equal((await call({ method: 'POST', url: '/api/v1/receptions/sessions', payload: { bodyId: bodies['KRG-BZH'], officialId: officials['bzh.akim'], format: 'office', place: 'x', startsAt: '2025-03-14T10:00:00+05:00', endsAt: '2025-03-14T11:00:00+05:00' } })).status, 401);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/bookings/${bookings.b.id}`, as: 'stranger' })).status, 403);
      assert.equal((await call({ method: 'POST', url: `/api/v1/receptions/bookings/${bookings.b.id}/actions`, as: 'stranger', payload: { version: 1, action: 'check_in' } })).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/daily?bodyId=${bodies['KRG-BZH']}&date=2025-03-12`, as: 'stranger' })).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/compliance?bodyId=${bodies['KRG-BZH']}&from=2025-03&to=2025-05`, as: 'stranger' })).status, 403);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/bookings/${sessions.akim.id}`, as: 'registrar' })).status, 404);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/bookings/${bookings.b.id}`, as: 'applicant' })).status, 403, "another visitor's booking");
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/bookings/${bookings.a.id}`, as: 'applicant' })).status, 200, 'their own booking');
    });

    test('REG p.6(1): the queue on the day: visitors are numbered in the order they arrive', async () => {
      now = new Date('2025-03-12T04:40:00Z');
      const order = ['c', 'a', 'b', 'd'];
      for (const [i, k] of order.entries()) {
        const res = await step(bookings[k].id, 'registrar', { action: 'check_in' });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.equal(res.body.state, 'queued');
        assert.equal(res.body.queueNumber, i + 1);
        bookings[k] = res.body;
      }
    });

    test('APC 90(3): an issue resolved on the spot closes the booking with the answer; nothing more can happen to it', async () => {
      assert.equal((await step(bookings.a.id, 'executor', { action: 'resolve', answer: 'x' })).status, 403);
      const res = await step(bookings.a.id, 'body_head', { action: 'resolve', answer: 'Ремонт включён в план на апрель' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'resolved_on_site');
      assert.equal(res.body.outcome.answer, 'Ремонт включён в план на апрель');
      const again = await step(bookings.a.id, 'body_head', { action: 'convert', type: 'application', essence: 'x', signed: true });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'illegal_transition');
    });

    test('APC 90(3), 76(1): an issue not resolved on the spot is put in writing, signed, and registered as a written appeal with its own 15-working-day term', async () => {
      const appeals = await count('appeal');
      const res = await step(bookings.b.id, 'registrar', { action: 'convert', type: 'application', essence: 'Прошу подключить дом к газоснабжению', signed: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'converted_to_written_appeal');
      assert.ok(res.body.appealId);
      assert.equal(res.body.complaintId, null);
      assert.equal(await count('appeal'), appeals + 1);
      const appeal = await app.database.db.selectFrom('appeal').selectAll().where('id', '=', res.body.appealId).executeTakeFirstOrThrow();
      assert.equal(appeal.channel, 'reception');
      assert.equal(appeal.body_id, bodies['KRG-BZH']);
      assert.equal(appeal.language, 'ru', 'the language of the reception');
      assert.equal(appeal.due, (await app.calendar.compute('APC-76.1', '2025-03-12')).due); // Nauryz 21–25.03 skipped: 2025-04-07
      assert.equal(appeal.due, '2025-04-07');
    });

    test('APC 90(3), 93(1), 99, #41: an oral complaint at a reception is put in writing, signed and registered as a written complaint with its own term', async () => {
      const complaints = await count('complaint');
      const missing = await step(bookings.c.id, 'registrar', { action: 'convert', type: 'complaint', essence: 'x', signed: true });
      assert.equal(missing.status, 400, 'a complaint states what it challenges (93(2))');
      assert.equal(await count('complaint'), complaints, 'nothing written');
      const res = await step(bookings.c.id, 'registrar', {
        action: 'convert', type: 'complaint', essence: 'Отдел ЖКХ отказал в справке без объяснения причин', signed: true,
        complaint: { challengedKind: 'action', challengedSummary: 'Отказ отдела ЖКХ выдать справку', learnedOn: '2025-03-05', demands: 'Выдать справку' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'converted_to_written_appeal');
      assert.equal(res.body.appealId, null);
      assert.ok(res.body.complaintId);
      assert.equal(res.body.outcome.kind, 'converted_to_complaint');
      const c = await app.database.db.selectFrom('complaint').selectAll().where('id', '=', res.body.complaintId).executeTakeFirstOrThrow();
      assert.equal(c.channel, 'reception_record');
      assert.equal(c.origin_body_id, bodies['KRG-BZH']);
      assert.equal(c.review_body_id, bodies.KRG, 'the superior body reviews it (91(4))');
      assert.equal(c.state, 'filed_at_origin');
      assert.equal(c.language, 'ru');
      assert.equal(c.signed, true);
      assert.equal(c.received_on, '2025-03-12');
      assert.equal(c.due, (await app.calendar.compute('APC-99', '2025-03-12')).due, 'its own term: 20 working days (APC 99)');
      assert.equal((c.complainant as Json).name, 'Сидорова Анна Викторовна');
      const timeline = (await call({ method: 'GET', url: `/api/v1/receptions/bookings/${bookings.c.id}`, as: 'registrar' })).body.timeline;
      assert.equal(timeline.at(-1).details.complaintId, res.body.complaintId);
    });

    test('REG p.6(1), AT-35: instructions given at a reception go under control with executors and due dates, in the language of the reception', async () => {
      const executors = [officials['bzh.head'], officials['bzh.executor']];
      const first = await step(bookings.d.id, 'body_head', { action: 'give_instruction', text: 'Установить освещение на улице Абая', executorIds: executors, due: '2025-04-10' });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const second = await step(bookings.d.id, 'body_head', { action: 'give_instruction', text: 'Проверить график вывоза мусора', executorIds: [officials['bzh.executor']], due: '2025-03-31' });
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal(second.body.instructionIds.length, 2);
      assert.equal(second.body.state, 'queued', 'the reception goes on');
      const list = await call({ method: 'GET', url: `/api/v1/instructions?bodyId=${bodies['KRG-BZH']}`, as: 'registrar' });
      const mine = list.body.items.filter((i: Json) => i.receptionBookingId === bookings.d.id);
      assert.equal(mine.length, 2, 'both appear on the control list');
      const light = mine.find((i: Json) => i.due === '2025-04-10');
      assert.equal(light.source, 'reception');
      assert.equal(light.giverId, officials['bzh.akim'], 'given by the official who received');
      assert.equal(light.coordinatorId, officials['bzh.head'], 'the first named coordinates (APC 46(3))');
      assert.equal(light.language, 'ru');
      const notices = await app.database.db.selectFrom('notice').selectAll().where('subject_id', '=', light.id).where('type', '=', 'official_assignment').execute();
      assert.deepEqual(notices.map((n) => n.recipient_id).sort(), [...executors].sort(), 'each executor is told at once (APC 37(3))');
      assert.ok(notices.every((n) => n.language === 'ru'));
      // an executor from another body cannot be named (APC 44(2))
      const foreign = await step(bookings.d.id, 'body_head', { action: 'give_instruction', text: 'x', executorIds: [officials['aba.deputy']], due: '2025-04-10' });
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.citation, 'APC 44(2)');
      assert.equal((await step(bookings.d.id, 'body_head', { action: 'resolve', answer: 'Даны поручения' })).body.state, 'resolved_on_site');
    });

    test('REG p.6(3), AT-35: a videoconference with the Presidential Administration cannot be scheduled until the visitor consents', async () => {
      const video = await publish({ format: 'video_pa', place: 'ВКС с Администрацией Президента, ссылка выдаётся в приёмной', startsAt: '2025-03-19T10:00:00+05:00', endsAt: '2025-03-19T10:30:00+05:00', slotMinutes: 15 });
      assert.equal(video.status, 201, JSON.stringify(video.body));
      sessions.video = video.body;
      const before = await count('reception_booking');
      const refused = await book(video.body.id, { slotAt: slot(video.body, 0), topic: 'Жалоба на бездействие', videoConsent: false });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'video_consent_required');
      assert.equal(refused.body.citation, 'REG p.6(3)');
      assert.equal(await count('reception_booking'), before, 'nothing written');
      // a booking at the deputy's ordinary reception is proposed a move to the video reception
      const plain = await book(sessions.deputy.id, { slotAt: slot(sessions.deputy, 0), topic: 'Жалоба на бездействие акимата села' });
      assert.equal(plain.status, 201, JSON.stringify(plain.body));
      assert.equal(plain.body.videoConsentAt, null);
      const move = await step(plain.body.id, 'registrar', { action: 'move', sessionId: video.body.id, slotAt: slot(video.body, 0) });
      assert.equal(move.status, 409);
      assert.equal(move.body.code, 'video_consent_required');
      const consent = await step(plain.body.id, 'applicant', { action: 'consent_video' });
      assert.equal(consent.status, 200, JSON.stringify(consent.body));
      assert.ok(consent.body.videoConsentAt);
      const moved = await step(plain.body.id, 'registrar', { action: 'move', sessionId: video.body.id, slotAt: slot(video.body, 0) });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.sessionId, video.body.id);
      bookings.video = moved.body;
      const direct = await book(video.body.id, { slotAt: slot(video.body, 1), topic: 'Другой вопрос', videoConsent: true, visitor: { name: 'Омарова Айжан' } }, 'registrar');
      assert.equal(direct.status, 201);
      assert.ok(direct.body.videoConsentAt, 'the consent is recorded with the booking');
    });

    test('REG p.6(3)–(4): a visiting reception in a settlement of the district is on the schedule with its place and district', async () => {
      const territory = await app.database.db.selectFrom('territory').select('id').where('code', '=', 'KZ-35-BZH').executeTakeFirstOrThrow();
      const res = await publish({ officialId: officials['bzh.deputy'], format: 'visiting', place: 'Село Ботакара, Дом культуры', territoryId: territory.id, startsAt: '2025-03-20T11:00:00+05:00', endsAt: '2025-03-20T13:00:00+05:00', slotMinutes: 30 }, 'deputy_head');
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.format, 'visiting');
      assert.equal(res.body.territoryId, territory.id);
      const schedule = await call({ method: 'GET', url: `/api/v1/receptions/schedule?officialId=${officials['bzh.deputy']}&from=2025-03-20&to=2025-03-20` });
      assert.equal(schedule.body.sessions.length, 1);
      assert.equal(schedule.body.sessions[0].place, 'Село Ботакара, Дом культуры');
      assert.equal(schedule.body.sessions[0].freeSlots.length, 4);
      sessions.visiting = res.body;
    });

    test("the iCalendar feed of an official's receptions (RFC 5545), read back: one VEVENT per session with its DTSTART, DTEND, SUMMARY and LOCATION, and no visitor's data", async () => {
      const res = await call({ method: 'GET', url: `/api/v1/receptions/officials/${officials['bzh.akim']}/calendar.ics`, headers: { 'accept-language': 'ru' } });
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      const events = parseIcs(res.text);
      const expected = [sessions.akim, sessions.video];
      assert.equal(events.length, expected.length);
      for (const s of expected) {
        const e = events.find((x) => x.UID === `${s.id}@tynda`);
        assert.ok(e, `a VEVENT for session ${s.id}`);
        assert.equal(icsInstant(e.DTSTART!), s.startsAt);
        assert.equal(icsInstant(e.DTEND!), s.endsAt);
        assert.ok(e.SUMMARY!.includes('Смағұлов Ержан Қанатұлы'), e.SUMMARY);
        assert.equal(e.LOCATION, s.place, 'commas in the place survive escaping');
      }
      for (const line of res.text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded at 75 octets: ${line}`);
      assert.ok(!res.text.includes('Сидорова'), 'no visitor names in a public feed');
      assert.ok(!res.text.includes('Ремонт дороги'), 'no topics in a public feed');
      const deputy = parseIcs((await call({ method: 'GET', url: `/api/v1/receptions/officials/${officials['bzh.deputy']}/calendar.ics` })).text);
      assert.equal(deputy.length, 3, 'the deputy: March office, March visiting, May office');
    });

    test("the printable daily list: the day's sessions with visitors in slot order, queue numbers and states; cancelled bookings left out; text escaped", async () => {
      const html = await call({ method: 'GET', url: `/api/v1/receptions/daily?bodyId=${bodies['KRG-BZH']}&date=2025-03-12`, as: 'registrar', headers: { 'accept-language': 'ru' } });
      assert.equal(html.status, 200);
      assert.match(String(html.headers['content-type']), /text\/html/);
      const order = ['Петров Пётр Петрович', 'Сидорова Анна Викторовна', 'Ахметов Серік'].map((n) => html.text.indexOf(n));
      assert.ok(order.every((i) => i > 0), 'every visitor is listed');
      assert.deepEqual([...order].sort((x, y) => x - y), order, 'in slot order');
      assert.ok(!html.text.includes('Жанов Бек'), 'the cancelled booking is not on the list');
      assert.ok(html.text.includes('&lt;b&gt;срочно&lt;/b&gt;') && !html.text.includes('<b>срочно'), 'the topic is escaped');
      const json = await call({ method: 'GET', url: `/api/v1/receptions/daily?bodyId=${bodies['KRG-BZH']}&date=2025-03-12&format=json`, as: 'registrar' });
      assert.equal(json.body.sessions.length, 1);
      const listed = json.body.sessions[0].bookings;
      assert.deepEqual(listed.map((b: Json) => b.id), [bookings.a.id, bookings.b.id, bookings.c.id, bookings.d.id]);
      assert.deepEqual(listed.map((b: Json) => b.queueNumber), [2, 3, 1, 4]);
      assert.deepEqual(listed.map((b: Json) => b.state), ['resolved_on_site', 'converted_to_written_appeal', 'converted_to_written_appeal', 'resolved_on_site']);
    });

    test('#51 APC 90(1): the compliance report flags each month in which a head or deputy had no reception', async () => {
      const res = await call({ method: 'GET', url: `/api/v1/receptions/compliance?bodyId=${bodies['KRG-BZH']}&from=2025-03&to=2025-05`, as: 'monitoring' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.citation, 'APC 90(1)');
      const by = Object.fromEntries(res.body.officials.map((o: Json) => [o.officialId, o]));
      assert.deepEqual(by[officials['bzh.akim']!].monthsWithout, ['2025-04', '2025-05']);
      assert.deepEqual(by[officials['bzh.deputy']!].monthsWithout, ['2025-04']);
      assert.equal(by[officials['bzh.akim']!].role, 'body_head');
      assert.equal(by[officials['bzh.executor']!], undefined, 'only heads and deputies must receive');
      // a reception published for April clears April for the akim
      assert.equal((await publish({ startsAt: '2025-04-16T10:00:00+05:00', endsAt: '2025-04-16T11:00:00+05:00' })).status, 201);
      const after = await call({ method: 'GET', url: `/api/v1/receptions/compliance?bodyId=${bodies['KRG-BZH']}&from=2025-03&to=2025-05`, as: 'registrar' });
      assert.deepEqual(after.body.officials.find((o: Json) => o.officialId === officials['bzh.akim']).monthsWithout, ['2025-05']);
      assert.equal((await call({ method: 'GET', url: `/api/v1/receptions/compliance?bodyId=${bodies['KRG-BZH']}&from=2025-13&to=2025-05`, as: 'registrar' })).status, 400);
    });

    test('one case, one history: every step of every booking is a hash-chained event that verifies', async () => {
      const timeline = (await call({ method: 'GET', url: `/api/v1/receptions/bookings/${bookings.d.id}`, as: 'registrar' })).body.timeline;
      assert.deepEqual(timeline.map((e: Json) => e.action), ['book', 'check_in', 'give_instruction', 'give_instruction', 'resolve']);
      assert.ok(timeline.every((e: Json) => e.citation));
      assert.deepEqual((await verifyCaseEvents(app.database.db)).breaks, []);
    });
  });
}
