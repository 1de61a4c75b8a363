/**
 * The administrative procedure on an appeal through the API, on both engines: intake, registration and the
 * ticket, redirection, defects and return, withdrawal and termination, extension, hearing, recusal, access to
 * materials, decision, deemed refusal; every refusal cites its article. Scenario numbers are those of
 * apc-requirements.md §8. The clock is a test adapter; everything else is real.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { Tynda } from '../../src/app.ts';
import { verifyCaseEvents } from '../../src/modules/audit/case-events.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';
import pino from 'pino';
import { loadConfig } from '../../src/platform/config.ts';
import { emailTransport } from '../../src/modules/notifications/transports.ts';
import { NoticeWorker } from '../../src/modules/notifications/worker.ts';
import { startSmtpPeer } from '../support/peers.ts';
import { dayNumber, isoDate } from '../../src/law/dates.ts';

type App = Awaited<ReturnType<typeof testApp>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

for (const { engine, skip } of ENGINES) {
  describe(`appeals API [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2025-03-24T05:00:00Z');
    const as: Record<string, { authorization: string }> = {};
    const bodies: Record<string, string> = {};
    const officials: Record<string, string> = {};

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      for (const role of ['registrar', 'executor', 'deputy_head', 'body_head', 'subdivision_head', 'applicant', 'sysadmin'] as const) as[role] = await signIn(app, role);
      for (const b of await app.database.db.selectFrom('body').select(['id', 'code']).execute()) bodies[b.code] = b.id;
      for (const a of await app.database.db.selectFrom('official_account').select(['official_id', 'login']).execute()) officials[a.login] = a.official_id;
    });
    after(async () => app?.close());

    const call = async (o: InjectOptions & { as?: string }) => {
      const res = await app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.as ? as[o.as] : {}) } });
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : undefined };
    };
    const register = (receivedAt: string, extra: Record<string, unknown> = {}) =>
      call({
        method: 'POST', url: '/api/v1/appeals/register', as: 'registrar',
        payload: {
          bodyId: bodies['KRG-BZH'], type: 'application', channel: 'paper', language: 'ru', essence: 'Прошу отремонтировать крышу дома по ул. Абая, 10', summary: 'Ремонт крыши',
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', email: 'ivanov@example.kz' },
          signed: true, filedOn: receivedAt.slice(0, 10), receivedAt, ...extra,
        },
      });
    const act = async (id: string, who: string, action: Record<string, unknown>) => {
      const current = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      return call({ method: 'POST', url: `/api/v1/appeals/${id}/actions`, as: who, payload: { version: current.body.version, ...action } });
    };

    test('#1, #2 APC 64(3), 76(1): a paper appeal received on Saturday 22.03.2025 is registered on 26.03 and due 15.04; the ticket names who accepted it', async () => {
      now = new Date('2025-03-26T04:00:00Z');
      const res = await register('2025-03-22T06:30:00+05:00');
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const t = res.body;
      assert.equal(t.registeredOn, '2025-03-26');
      assert.equal(t.due, '2025-04-15');
      assert.equal(t.receivedAt, '2025-03-22T01:30:00.000Z');
      assert.ok(t.acceptedBy.length > 3 && t.acceptedBy !== 'Tynda', 'the clerk who accepted it');
      assert.match(t.number, /^KRG-BZH-2025-\d+$/);
      assert.deepEqual(t.missing, []);
    });

    test('#4 APC 64(1), 63(2)(5): an unsigned appeal is registered all the same; the ticket lists the missing signature for a defect notice', async () => {
      const res = await register('2025-04-02T09:00:00+05:00', { signed: false });
      assert.equal(res.status, 201);
      assert.deepEqual(res.body.missing.map((m: Json) => m.citation), ['APC 63(2)(5)']);
      const refuse = await act(res.body.id, 'registrar', { action: 'refuse' });
      assert.equal(refuse.status, 400, 'there is no refuse action at all');
    });

    test('APC 66(2), 66(4): notices go to the cabinet and to the channels the person asked for, at the contacts they gave; nowhere else', async () => {
      const channelsOf = async (appealId: string) =>
        (await app.database.db.selectFrom('notice').innerJoin('notice_delivery', 'notice_delivery.notice_id', 'notice.id')
          .select(['notice_delivery.channel', 'notice_delivery.address']).where('notice.subject_id', '=', appealId).where('notice.type', '=', 'appeal_registered').execute())
          .map((d) => `${d.channel}:${d.address ?? ''}`).sort();
      const applicant = { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', email: 'ivanov@example.kz', phone: '+7 701 000 00 00' };
      const asked = await register('2025-03-24T10:00:00+05:00', { applicant: { ...applicant, notifyBy: ['email', 'sms'] } });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.deepEqual(await channelsOf(asked.body.id), ['cabinet:', 'email:ivanov@example.kz', 'sms:+77010000000']);
      const silent = await register('2025-03-24T10:05:00+05:00', { applicant });
      assert.deepEqual(await channelsOf(silent.body.id), ['cabinet:'], 'contacts alone are not a request to be notified there');
      const bad = await register('2025-03-24T10:10:00+05:00', { applicant: { ...applicant, notifyBy: ['pigeon'] } });
      assert.equal(bad.status, 400);
    });

    test('registration numbers are unique and consecutive per body and year', async () => {
      const a = await register('2025-04-03T09:00:00+05:00');
      const b = await register('2025-04-03T10:00:00+05:00');
      const seq = (n: string) => Number(n.split('-').at(-1));
      assert.equal(seq(b.body.number), seq(a.body.number) + 1);
    });

    test('electronic filing from the cabinet: the same Idempotency-Key returns the first ticket, not a second appeal', async () => {
      now = new Date('2025-04-02T09:00:00Z');
      const payload = { bodyId: bodies['KRG-BZH'], type: 'application', language: 'kk', essence: 'Көшедегі жарықты жөндеуді сұраймын', applicant: { kind: 'individual', name: 'Сапарова Әлия', postalAddress: 'Байзақ ауданы, Абай к-сі 3' } };
      const first = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', headers: { 'idempotency-key': 'abcdef-123456' }, payload });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.due, '2025-04-23'); // #3
      const again = await call({ method: 'POST', url: '/api/v1/appeals', as: 'applicant', headers: { 'idempotency-key': 'abcdef-123456' }, payload });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.body.number, first.body.number);
      const mine = await call({ method: 'GET', url: '/api/v1/appeals?view=mine', as: 'applicant' });
      assert.equal(mine.body.items.filter((i: Json) => i.id === first.body.id).length, 1);
    });

    test('#7 APC 65(1), 65(3): redirection opens a linked procedure at the competent body and notifies the applicant; after the decision it is refused citing 65(1)', async () => {
      now = new Date('2025-10-21T05:00:00Z');
      const reg = await register('2025-10-20T10:00:00+05:00');
      const res = await act(reg.body.id, 'registrar', { action: 'redirect', toBodyId: bodies['KRG-ABA'], reasons: 'Дом находится в Абайском районе' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'redirected');
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      const event = view.body.timeline.at(-1);
      assert.equal(event.action, 'redirect');
      assert.equal(event.details.late, false);
      assert.equal(event.details.limit, '2025-10-23');
      const child = await app.database.db.selectFrom('appeal').selectAll().where('id', '=', event.details.childId).executeTakeFirstOrThrow();
      assert.equal(child.body_id, bodies['KRG-ABA']);
      assert.equal(child.redirected_from, reg.body.id);
      const notices = await app.database.db.selectFrom('notice').select('type').where('subject_id', '=', reg.body.id).execute();
      assert.ok(notices.some((n) => n.type === 'appeal_redirected'));
      const again = await act(reg.body.id, 'registrar', { action: 'redirect', toBodyId: bodies['KRG-ABA'], reasons: 'x' });
      assert.equal(again.status, 409);
      assert.equal(again.body.citation, 'APC 65(1)');
    });

    test('#14 APC 76(3): only the head or a deputy extends, within two months of initiation, with notice due in 3 working days', async () => {
      now = new Date('2025-02-20T05:00:00Z');
      const reg = await register('2025-02-03T10:00:00+05:00');
      assert.equal(reg.body.due, '2025-02-24');
      const byExecutor = await act(reg.body.id, 'executor', { action: 'extend', newDue: '2025-03-20', reasons: 'Нужно установить факты' });
      assert.ok([403, 404].includes(byExecutor.status));
      const pastCap = await act(reg.body.id, 'deputy_head', { action: 'extend', newDue: '2025-04-10', reasons: 'Нужно обследовать дом' });
      assert.equal(pastCap.status, 422);
      assert.equal(pastCap.body.citation, 'APC 76(3)');
      assert.equal(pastCap.body.errors[0].field, 'body.newDue');
      const ok = await act(reg.body.id, 'deputy_head', { action: 'extend', newDue: '2025-04-03', reasons: 'Нужно обследовать дом комиссией' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.due, '2025-04-03');
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).details.noticeBy, '2025-02-25');
      assert.ok(view.body.deadlines.some((d: Json) => d.term === 'APC-76.3_notice' && d.due === '2025-02-25'));
    });

    test('#15 APC 73(1): an appeal received Mon 03.02.2025 and due 24.02 shows that a preliminary decision must reach the person by Wed 19.02; once sent, the warning goes', async () => {
      now = new Date('2025-02-03T05:00:00Z');
      const reg = await register('2025-02-03T10:00:00+05:00');
      const id = reg.body.id;
      const view = async () => (await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' })).body;
      const fresh = await view();
      assert.equal(fresh.due, '2025-02-24');
      assert.equal(fresh.preliminaryDecisionBy, '2025-02-19', '24.02 minus 3 working days');
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      const sent = await act(id, 'executor', { action: 'notify_preliminary_decision', draft: 'Предполагается отказ', method: 'information_system' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal((await view()).preliminaryDecisionBy, null);
    });

    test('#16 APC 73(1), 73(3): a burdensome act cannot be adopted before the hearing window closes; #17 a favourable act needs no hearing', async () => {
      now = new Date('2025-04-04T05:00:00Z');
      const reg = await register('2025-04-01T10:00:00+05:00');
      const id = reg.body.id;
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      const started = await act(id, 'executor', { action: 'start_review' });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const early = await act(id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Оснований нет' });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'hearing_required');
      const notified = await act(id, 'executor', { action: 'notify_preliminary_decision', draft: 'Предполагается отказ', method: 'information_system' });
      assert.equal(notified.status, 200, JSON.stringify(notified.body));
      now = new Date('2025-04-07T05:00:00Z');
      const receipt = await act(id, 'executor', { action: 'record_preliminary_receipt', receivedOn: '2025-04-07' });
      assert.equal(receipt.status, 200, JSON.stringify(receipt.body));
      now = new Date('2025-04-09T05:00:00Z');
      const blocked = await act(id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Оснований нет' });
      assert.equal(blocked.status, 409);
      assert.equal(blocked.body.code, 'hearing_window_open');
      assert.match(blocked.body.detail, /2025-04-10/);
      now = new Date('2025-04-10T05:00:00Z');
      const adopted = await act(id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Оснований для ремонта за счёт бюджета нет' });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      assert.equal(adopted.body.state, 'decided');

      const fav = await register('2025-04-08T10:00:00+05:00');
      await act(fav.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(fav.body.id, 'executor', { action: 'start_review' });
      const ok = await act(fav.body.id, 'executor', { action: 'adopt_act', outcome: 'satisfied', favourable: true, reasons: 'Удовлетворено', hearingExemption: 'favourable_no_third_party' });
      assert.equal(ok.status, 200);
      // #18: the urgent exemption needs the reasons in the act
      const urgent = await register('2025-04-08T11:00:00+05:00');
      await act(urgent.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(urgent.body.id, 'executor', { action: 'start_review' });
      const noReasons = await act(urgent.body.id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'x', hearingExemption: 'urgent_protection' });
      assert.equal(noReasons.status, 422);
      assert.equal(noReasons.body.code, 'exemption_reasons_required');
    });

    test('#19 APC 73(4), 74: the protocol of a hearing held in person carries the content of 74(2); remarks are due 3 working days after reading it and are decided by the presiding official', async () => {
      now = new Date('2025-04-02T05:00:00Z');
      const reg = await register('2025-04-01T10:00:00+05:00');
      const id = reg.body.id;
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      const early = await act(id, 'executor', { action: 'record_hearing_protocol', place: 'x', heldOn: '2025-04-02', startedAt: '10:00', endedAt: '10:30', presidingOfficial: 'x', secretary: 'x', participants: ['x'], issue: 'x', statements: 'x' });
      assert.equal(early.status, 409, 'a protocol belongs to the hearing, after the preliminary decision');
      const invited = await act(id, 'executor', { action: 'notify_preliminary_decision', draft: 'Предполагается отказ', method: 'hearing', hearingAt: '2025-04-08T11:00:00+05:00', place: 'Сарыкемер, ул. Султан-Бейбарыс, 140, каб. 12' });
      assert.equal(invited.status, 200, JSON.stringify(invited.body));
      now = new Date('2025-04-08T09:00:00Z');
      const protocol = {
        action: 'record_hearing_protocol', place: 'Сарыкемер, ул. Султан-Бейбарыс, 140, каб. 12', heldOn: '2025-04-08', startedAt: '11:00', endedAt: '11:40',
        presidingOfficial: 'Сейткали Б.', secretary: 'Омарова Д.', participants: ['Иванов И. И.'], issue: 'Ремонт крыши за счёт бюджета',
        statements: 'Заявитель возражает: крыша протекает в трёх квартирах', participantEntries: 'Управляющая компания не отвечает с января',
      };
      const backwards = await act(id, 'executor', { ...protocol, startedAt: '12:00' });
      assert.equal(backwards.status, 422);
      assert.equal(backwards.body.errors[0].field, 'body.endedAt');
      const noTime = await act(id, 'executor', { ...protocol, startedAt: '25:00' });
      assert.equal(noTime.status, 400);
      const recorded = await act(id, 'executor', protocol);
      assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
      const remarksTooSoon = await act(id, 'registrar', { action: 'record_protocol_remarks', text: 'Не записано про январь' });
      assert.equal(remarksTooSoon.status, 409);
      assert.equal(remarksTooSoon.body.code, 'protocol_not_read');
      now = new Date('2025-04-10T09:00:00Z');
      const read = await act(id, 'registrar', { action: 'record_protocol_reading', readOn: '2025-04-10', readBy: 'Иванов И. И.' });
      assert.equal(read.status, 200, JSON.stringify(read.body));
      const view = async () => (await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' })).body;
      const readView = await view();
      const readEvent = readView.timeline.at(-1);
      assert.equal(readEvent.citation, 'APC 74(5)');
      assert.equal(readEvent.details.remarksBy, '2025-04-15', 'Thu 10.04 + 3 working days = Tue 15.04');
      assert.ok(readView.deadlines.some((d: { term: string; due: string }) => d.term === 'APC-74.6' && d.due === '2025-04-15'));
      const nothingToDecide = await act(id, 'executor', { action: 'decide_protocol_remarks', decision: 'accepted', reasons: 'x' });
      assert.equal(nothingToDecide.status, 409);
      now = new Date('2025-04-15T09:00:00Z');
      const remarks = await act(id, 'registrar', { action: 'record_protocol_remarks', text: 'В протоколе не отражено, что управляющая компания не отвечает с января' });
      assert.equal(remarks.status, 200);
      assert.equal((await view()).timeline.at(-1).details.late, false);
      const decided = await act(id, 'executor', { action: 'decide_protocol_remarks', decision: 'accepted', reasons: 'Замечание соответствует сказанному на заслушивании' });
      assert.equal(decided.status, 200);
      assert.equal((await view()).timeline.at(-1).citation, 'APC 74(6)');
      now = new Date('2025-04-16T09:00:00Z');
      const late = await act(id, 'registrar', { action: 'record_protocol_remarks', text: 'Ещё одно замечание', receivedOn: '2025-04-16' });
      assert.equal(late.status, 200, 'late remarks are kept, never lost');
      assert.equal((await view()).timeline.at(-1).details.late, true);
    });

    test('A9 APC 73(3), 66(2): the date on the acknowledgement of delivery of the registered letter opens the hearing window by itself', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00');
      const id = reg.body.id;
      await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(id, 'executor', { action: 'start_review' });
      await act(id, 'executor', { action: 'notify_preliminary_decision', draft: 'Предполагается отказ', method: 'other' });
      // the applicant filed on paper: the notice whose receipt must be recorded goes by registered letter
      const letter = await app.database.db
        .selectFrom('notice_delivery').innerJoin('notice', 'notice.id', 'notice_delivery.notice_id')
        .select(['notice_delivery.id']).where('notice.subject_id', '=', id).where('notice.type', '=', 'preliminary_decision').where('notice_delivery.channel', '=', 'post')
        .executeTakeFirstOrThrow();
      now = new Date('2025-04-10T05:00:00Z');
      const unknown = await act(id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Отказ' });
      assert.equal(unknown.body.code, 'hearing_receipt_unknown');
      const posted = await call({ method: 'PUT', url: `/api/v1/notice-deliveries/${letter.id}/post`, as: 'registrar', payload: { trackingNumber: 'KZ123456789', sentOn: '2025-04-03', deliveredOn: '2025-04-07' } });
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
      const adopted = await act(id, 'executor', { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Отказ' });
      assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
      assert.equal(adopted.body.preliminaryReceivedOn, '2025-04-07');
    });

    test('APC 20(1)(4), 66(1), 73(1)(1): a preliminary decision by hearing invites the person with its time and place; the e-mail reaches the SMTP peer; the act waits for a hearing the invitation provably reached in time', async () => {
      const smtp = await startSmtpPeer();
      try {
        const email = emailTransport(loadConfig({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_FROM: 'Tynda <notices@tynda.kz>' }).smtp!);
        const worker = new NoticeWorker(app.database.db, { email }, pino({ level: 'silent' }), { backoffSeconds: 0.05, maxBackoffSeconds: 0.2, leaseSeconds: 5, maxAttempts: 3 });
        now = new Date('2025-04-02T05:00:00Z'); // Wed 02.04.2025, 10:00 in Almaty
        const reg = await register('2025-04-01T10:00:00+05:00', {
          applicant: { kind: 'individual', name: 'Иванов Иван Иванович', postalAddress: 'Байзакский район, ул. Абая, 10', email: 'ivanov.hearing@example.kz', notifyBy: ['email'] },
        });
        const id = reg.body.id;
        const number = reg.body.number;
        await act(id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
        await act(id, 'executor', { action: 'start_review' });
        const preliminary = { action: 'notify_preliminary_decision', draft: 'Предполагается отказ в ремонте за счёт бюджета', method: 'hearing' };
        const noTime = await act(id, 'executor', { ...preliminary, place: 'каб. 12' });
        assert.equal(noTime.status, 422);
        assert.equal(noTime.body.code, 'hearing_details_required');
        assert.equal(noTime.body.errors[0].field, 'body.hearingAt');
        const sameDay = await act(id, 'executor', { ...preliminary, hearingAt: '2025-04-02T17:00:00+05:00', place: 'каб. 12' });
        assert.equal(sameDay.status, 422, 'an invitation for the same day is not "in advance"');
        assert.equal(sameDay.body.code, 'not_in_advance');
        assert.equal(await app.database.db.selectFrom('notice').select('id').where('subject_id', '=', id).where('type', 'in', ['hearing_invitation', 'preliminary_decision']).executeTakeFirst(), undefined, 'a refused step sends nothing');

        const place = 'Сарыкемер, ул. Султан-Бейбарыс, 140, каб. 12';
        const notified = await act(id, 'executor', { ...preliminary, hearingAt: '2025-04-08T11:00:00+05:00', place });
        assert.equal(notified.status, 200, JSON.stringify(notified.body));
        const view = async () => (await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' })).body;
        const first = (await view()).hearing;
        assert.equal(first.at, '2025-04-08T06:00:00.000Z');
        assert.equal(first.place, place);
        assert.equal(first.receivedOn, null);
        assert.equal(first.inTime, false);

        // the outbox: the invitation is a recorded notice, so the paper filer also gets a registered letter
        const channels = await app.database.db.selectFrom('notice_delivery').select('channel').where('notice_id', '=', first.invitationId).orderBy('channel').execute();
        assert.deepEqual(channels.map((c) => c.channel), ['cabinet', 'email', 'post']);
        await worker.runOnce();
        const mails = smtp.received.filter((m) => m.subject.startsWith(`Дело № ${number}:`));
        assert.deepEqual(mails.map((m) => m.subject).sort(), [`Дело № ${number}: предварительное решение`, `Дело № ${number}: приглашение на заслушивание`]);
        const invitation = mails.find((m) => m.subject.endsWith('приглашение на заслушивание'))!;
        assert.equal(invitation.headers.get('x-tynda-notice-id'), first.invitationId);
        assert.match(invitation.text, /Время: 8 апреля 2025 г\. в 11:00/);
        assert.match(invitation.text, new RegExp(`Место: ${place}`));
        const sent = (await view()).notices.find((n: Json) => n.id === first.invitationId);
        assert.ok(sent.notifiedAt, 'the case shows when the invitation went out');
        assert.deepEqual(sent.channels.map((c: Json) => [c.channel, c.status]).sort(), [['cabinet', 'delivered'], ['email', 'sent'], ['post', 'queued']]);

        const letterOf = async (noticeId: string) =>
          (await app.database.db.selectFrom('notice_delivery').select('id').where('notice_id', '=', noticeId).where('channel', '=', 'post').executeTakeFirstOrThrow()).id;
        const prelimId = (await view()).notices.find((n: Json) => n.type === 'preliminary_decision').id;
        const post = (deliveryId: number, deliveredOn: string) =>
          call({ method: 'PUT', url: `/api/v1/notice-deliveries/${deliveryId}/post`, as: 'registrar', payload: { trackingNumber: `KZ${deliveredOn.replace(/-/g, '')}`, sentOn: '2025-04-03', deliveredOn } });
        assert.equal((await post(await letterOf(prelimId), '2025-04-07')).status, 200);
        // the invitation's letter arrived on the hearing day itself: not in advance, the hearing cannot count
        assert.equal((await post(await letterOf(first.invitationId), '2025-04-08')).status, 200);
        now = new Date('2025-04-10T05:00:00Z');
        const refusal = { action: 'adopt_act', outcome: 'refused', favourable: false, reasons: 'Оснований для ремонта за счёт бюджета нет' };
        const unproven = await act(id, 'executor', refusal);
        assert.equal(unproven.status, 409, JSON.stringify(unproven.body));
        assert.equal(unproven.body.code, 'hearing_notice_unproven');
        assert.equal(unproven.body.citation, 'APC 20(1)(4), 66(2)');
        assert.equal((await view()).hearing.inTime, false);

        // set again, with an invitation that reaches the person in time
        const again = await act(id, 'executor', { action: 'schedule_hearing', hearingAt: '2025-04-15T11:00:00+05:00', place, reasons: 'Извещение дошло в день заслушивания' });
        assert.equal(again.status, 200, JSON.stringify(again.body));
        const second = (await view()).hearing;
        assert.notEqual(second.invitationId, first.invitationId);
        assert.equal((await view()).timeline.at(-1).details.previous, '2025-04-08T06:00:00.000Z');
        assert.equal((await post(await letterOf(second.invitationId), '2025-04-11')).status, 200);
        now = new Date('2025-04-14T05:00:00Z');
        const pending = await act(id, 'executor', refusal);
        assert.equal(pending.body.code, 'hearing_pending', 'the act waits for the hearing');
        assert.match(pending.body.detail, /2025-04-15 11:00/, 'the hearing time as read in Almaty');
        now = new Date('2025-04-15T08:00:00Z'); // 13:00 in Almaty, after the hearing
        const shown = (await view()).hearing;
        assert.equal(shown.receivedOn, '2025-04-11');
        assert.equal(shown.inTime, true);
        const adopted = await act(id, 'executor', refusal);
        assert.equal(adopted.status, 200, JSON.stringify(adopted.body));
        assert.equal(adopted.body.state, 'decided');

        // another event of the procedure (APC 66(1)): an inspection on site, with its own invitation
        const other = await register('2025-04-14T10:00:00+05:00');
        await act(other.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
        const event = await act(other.body.id, 'executor', { action: 'invite_to_event', event: 'Осмотр крыши на месте', eventAt: '2025-04-17T10:00:00+05:00', place: 'ул. Абая, 10' });
        assert.equal(event.status, 200, JSON.stringify(event.body));
        const invited = await app.database.db.selectFrom('notice').select(['type', 'title']).where('subject_id', '=', other.body.id).where('type', '=', 'event_invitation').executeTakeFirstOrThrow();
        assert.equal(invited.title, `Дело № ${other.body.number}: Осмотр крыши на месте`);
      } finally {
        await smtp.close();
      }
    });

    test('#11, #12 APC 64(9), 70(3): a withdrawal before the decision terminates the procedure with notice due in 3 working days; after the decision it is refused', async () => {
      now = new Date('2025-04-10T05:00:00Z');
      const reg = await register('2025-04-02T14:00:00+05:00');
      const res = await act(reg.body.id, 'registrar', { action: 'withdraw', writtenOn: '2025-04-10' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'terminated');
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.deepEqual(view.body.timeline.slice(-2).map((e: Json) => [e.action, e.citation]), [['withdraw', 'APC 64(9)'], ['terminate', 'APC 70(1)(4), APC 70(3)']]);
      assert.equal(view.body.timeline.at(-1).details.noticeBy, '2025-04-15');
      const late = await act(reg.body.id, 'registrar', { action: 'withdraw' });
      assert.equal(late.status, 409);
      assert.equal(late.body.citation, 'APC 64(9)');
    });

    test('#4, #5 APC 64(6)–(7), 70(1)(3): a defect notice sets a cure period; return only after it expires, then termination', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const reg = await register('2025-04-14T09:00:00+05:00', { signed: false });
      const notice = await act(reg.body.id, 'body_head', { action: 'request_correction', defects: ['signature'], cureBy: '2025-04-18' });
      assert.equal(notice.status, 200, JSON.stringify(notice.body));
      assert.equal(notice.body.state, 'awaiting_correction');
      const tooEarly = await act(reg.body.id, 'body_head', { action: 'return' });
      assert.equal(tooEarly.status, 409);
      assert.equal(tooEarly.body.citation, 'APC 64(7)');
      now = new Date('2025-04-21T05:00:00Z');
      const returned = await act(reg.body.id, 'body_head', { action: 'return' });
      assert.equal(returned.status, 200);
      assert.equal(returned.body.state, 'terminated');
      const types = (await app.database.db.selectFrom('notice').select('type').where('subject_id', '=', reg.body.id).execute()).map((n) => n.type);
      assert.deepEqual(types.sort(), ['appeal_defects', 'appeal_registered', 'procedure_terminated']);
    });

    test('#20 APC 67(3), 67(9): a recusal is decided within 3 working days by a superior; a repeat on the same grounds is refused', async () => {
      now = new Date('2025-03-07T05:00:00Z');
      const reg = await register('2025-03-06T10:00:00+05:00');
      await act(reg.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      const declared = await act(reg.body.id, 'executor', { action: 'declare_recusal', officialId: officials['bzh.executor'], ground: 'relative', self: true, statement: 'Заявитель — мой родственник' });
      assert.equal(declared.status, 200, JSON.stringify(declared.body));
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).details.decideBy, '2025-03-13');
      const repeat = await act(reg.body.id, 'executor', { action: 'declare_recusal', officialId: officials['bzh.executor'], ground: 'relative', self: true, statement: 'Ещё раз' });
      assert.equal(repeat.status, 409);
      assert.equal(repeat.body.citation, 'APC 67(9)');
      const decided = await act(reg.body.id, 'body_head', { action: 'decide_recusal', upheld: true, replacementId: officials['bzh.head'], reasons: 'Родство подтверждено' });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.executorId, officials['bzh.head']);
    });

    test('#23 APC 75(1): access to the case materials is due within 3 working days of the motion', async () => {
      now = new Date('2025-10-23T05:00:00Z');
      const reg = await register('2025-10-22T10:00:00+05:00');
      const res = await act(reg.body.id, 'registrar', { action: 'request_access', note: 'Прошу ознакомить с материалами' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).details.grantBy, '2025-10-29');
    });

    test('#27 APC 91(2): with no decision by the end of the term, the system records a deemed refusal dated on the expiry day, once, and tells the applicant', async () => {
      now = new Date('2025-02-04T05:00:00Z');
      const reg = await register('2025-02-03T10:00:00+05:00');
      now = new Date('2025-02-25T05:00:00Z');
      const first = await app.appeals.recordDeemedRefusals();
      assert.ok(first.includes(reg.body.id));
      const again = await app.appeals.recordDeemedRefusals();
      assert.equal(again.includes(reg.body.id), false);
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.deemedRefusedOn, '2025-02-24');
      assert.equal(view.body.timeline.at(-1).citation, 'APC 91(2)');
      assert.equal(view.body.timeline.at(-1).details.complainBy, '2025-05-26');
      const notice = await app.database.db.selectFrom('notice').select(['type', 'language']).where('subject_id', '=', reg.body.id).where('type', '=', 'deemed_refusal').execute();
      assert.deepEqual(notice, [{ type: 'deemed_refusal', language: 'ru' }]);
      const overdue = await call({ method: 'GET', url: '/api/v1/appeals?view=overdue', as: 'deputy_head' });
      assert.ok(overdue.body.items.some((i: Json) => i.id === reg.body.id));
    });

    test('APC 38(6), 46(4), 69(4), #27: the due-soon reminder reaches the executor and the head of the body, once; an unassigned case reaches the head; a deemed refusal alerts both', async () => {
      now = new Date('2025-05-06T05:00:00Z');
      const assigned = await register('2025-05-05T10:00:00+05:00');
      const unassigned = await register('2025-05-05T11:00:00+05:00');
      await act(assigned.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      const due: string = assigned.body.due;
      assert.equal(unassigned.body.due, due);
      const { calendar } = await app.calendar.current();
      let day = dayNumber(due);
      while (isoDate(calendar.addWorkingDays(day, 3)) !== due) day--;
      const head = officials['bzh.akim']!;
      const executor = officials['bzh.executor']!;
      // the demo appoints its officials on the day it is loaded; the head here holds office since 2024
      await app.database.db.updateTable('appointment').set({ valid_from: '2024-01-01' }).where('official_id', '=', head).execute();
      assert.deepEqual(await app.appeals.headsOf(bodies['KRG-BZH']!, '2025-05-06'), [head]);
      const noticesOf = async (id: string, type: 'official_due_soon' | 'official_overdue') =>
        (await app.database.db.selectFrom('notice').select('recipient_id').where('subject_id', '=', id).where('type', '=', type).execute()).map((n) => n.recipient_id).sort();
      assert.ok((await app.appeals.remindDueSoon(3, isoDate(day))) >= 2);
      assert.deepEqual(await noticesOf(assigned.body.id, 'official_due_soon'), [executor, head].sort());
      assert.deepEqual(await noticesOf(unassigned.body.id, 'official_due_soon'), [head]);
      await app.appeals.remindDueSoon(3, isoDate(day)); // the daily job running twice sends nothing twice
      assert.deepEqual(await noticesOf(assigned.body.id, 'official_due_soon'), [executor, head].sort());
      // the head reads it in the workspace, in the language of the appeal
      const text = await app.database.db.selectFrom('notice').select(['title', 'language']).where('subject_id', '=', assigned.body.id).where('recipient_id', '=', head).executeTakeFirstOrThrow();
      assert.deepEqual(text, { title: `Скоро срок: № ${assigned.body.number}`, language: 'ru' });

      now = new Date(`${isoDate(calendar.addWorkingDays(dayNumber(due), 1))}T05:00:00Z`);
      const deemed = await app.appeals.recordDeemedRefusals();
      assert.ok(deemed.includes(assigned.body.id));
      assert.deepEqual(await noticesOf(assigned.body.id, 'official_overdue'), [executor, head].sort());
      assert.deepEqual(await noticesOf(unassigned.body.id, 'official_overdue'), [head]);
    });

    test('#43 APC 88(2): in the simplified procedure only the head or a deputy terminates; the answer closes the case', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00', { type: 'proposal', essence: 'Предлагаю посадить деревья' });
      await act(reg.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      const byExecutor = await act(reg.body.id, 'executor', { action: 'terminate', ground: 'repeat_without_new_arguments', reasons: 'Повтор' });
      assert.equal(byExecutor.status, 403);
      assert.equal(byExecutor.body.citation, 'APC 88(2)');
      await act(reg.body.id, 'executor', { action: 'start_review' });
      const answered = await act(reg.body.id, 'executor', { action: 'answer', text: 'Предложение учтено в плане озеленения на 2025 год' });
      assert.equal(answered.status, 200);
      assert.equal(answered.body.state, 'answered');
    });

    test('two actions on one case decided on the same version: exactly one succeeds, the other is a 409 version_conflict', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00');
      const v = (await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' })).body.version;
      const [a, b] = await Promise.all([
        call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/actions`, as: 'body_head', payload: { version: v, action: 'assign', executorId: officials['bzh.executor'] } }),
        call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/actions`, as: 'deputy_head', payload: { version: v, action: 'assign', executorId: officials['bzh.head'] } }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      assert.equal([a, b].find((x) => x.status === 409)!.body.code, 'version_conflict');
    });

    test('a clerk of another body cannot see or act on the case; the applicant sees only their own', async () => {
      const reg = await register('2025-04-02T10:00:00+05:00');
      const other = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'sysadmin' });
      assert.equal(other.status, 403);
      const applicant = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'applicant' });
      assert.equal(applicant.status, 403);
      const anonymous = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}` });
      assert.equal(anonymous.status, 401);
    });

    test('APC 69(1): a scan joins the case file; the type is judged by content, not name; oversized files are refused; downloads are attachments', async () => {
      const reg = await register('2025-04-02T10:00:00+05:00');
      const multipart = (files: { name: string; bytes: Buffer }[]) => {
        const boundary = '----tynda' + Math.random().toString(16).slice(2);
        const parts = files.map((f) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n')]));
        return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
      };
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      const up = await call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/files`, as: 'registrar', ...multipart([{ name: 'Өтініш скан.pdf', bytes: pdf }]) });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(up.body.files[0].mediaType, 'application/pdf');
      const res = await app.server.inject({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}/files/${up.body.files[0].id}`, headers: as.deputy_head });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.rawPayload, pdf);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="[^"]*"; filename\*=UTF-8''%D3%A8/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const exe = await call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/files`, as: 'registrar', ...multipart([{ name: 'scan.pdf', bytes: Buffer.from('MZ\x90\x00 this is a program') }]) });
      assert.equal(exe.status, 415);
      const big = await call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/files`, as: 'registrar', ...multipart([{ name: 'big.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]) }]) });
      assert.equal(big.status, 413);
      const listed = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}/files`, as: 'deputy_head' });
      assert.equal(listed.body.files.length, 1, 'refused uploads left nothing behind');
      const stranger = await call({ method: 'POST', url: `/api/v1/appeals/${reg.body.id}/files`, as: 'applicant', ...multipart([{ name: 'x.pdf', bytes: pdf }]) });
      assert.equal(stranger.status, 403);
    });

    test('APC 70(5), A24: an earlier appeal of the same person that reads alike is shown as a possible repeat, never decided', async () => {
      const first = await register('2025-04-02T10:00:00+05:00', { essence: 'Прошу отремонтировать крышу нашего дома по улице Абая, 10, протекает' });
      const second = await register('2025-05-05T10:00:00+05:00', { essence: 'Прошу отремонтировать крышу дома по улице Абая 10, крыша протекает' });
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${second.body.id}`, as: 'deputy_head' });
      assert.ok(view.body.possibleRepeats.some((r: Json) => r.id === first.body.id));
      assert.equal(view.body.state, 'registered');
      const other = await register('2025-05-05T11:00:00+05:00', { essence: 'Просим установить детскую площадку во дворе школы' });
      const unrelated = await call({ method: 'GET', url: `/api/v1/appeals/${other.body.id}`, as: 'deputy_head' });
      assert.equal(unrelated.body.possibleRepeats.some((r: Json) => r.id === first.body.id), false);
    });

    test('#10 APC 65(2): one demand outside competence is redirected by 07.04 with notice; the rest keeps its term 23.04', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00');
      const res = await act(reg.body.id, 'registrar', { action: 'redirect_part', toBodyId: bodies['KRG-ABA'], demands: ['Ремонт дороги в Абайском районе'] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'registered');
      assert.equal(res.body.due, '2025-04-23');
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).details.limit, '2025-04-07');
      const child = await app.database.db.selectFrom('appeal').select(['parent_id', 'essence']).where('id', '=', view.body.timeline.at(-1).details.childId).executeTakeFirstOrThrow();
      assert.deepEqual(child, { parent_id: reg.body.id, essence: 'Ремонт дороги в Абайском районе' });
    });

    test('APC 64(6), 22(1), 73(3), 70(1)(1): the corrected appeal returns to review, an interested person joins, an objection is recorded, a repeat is terminated with its ground', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const reg = await register('2025-04-14T09:00:00+05:00', { signed: false });
      const id = reg.body.id;
      await act(id, 'body_head', { action: 'request_correction', defects: ['signature'], cureBy: '2025-04-18' });
      const cured = await act(id, 'registrar', { action: 'correction_received', note: 'Подписанный экземпляр получен' });
      assert.equal(cured.body.state, 'in_review');
      const joined = await act(id, 'registrar', { action: 'join_interested', name: 'Петрова Анна', interest: 'Соседка, крыша общая' });
      assert.equal(joined.status, 200, JSON.stringify(joined.body));
      assert.equal(joined.body.parties[0].kind, 'interested');
      const objection = await act(id, 'body_head', { action: 'record_objection', text: 'Не согласен', oral: true });
      assert.equal(objection.status, 409, 'an objection belongs to the hearing window');
      const terminated = await act(id, 'body_head', { action: 'terminate', ground: 'same_decision_exists', reasons: 'По тому же предмету уже принято решение' });
      assert.equal(terminated.status, 200);
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).citation, 'APC 70(1)(1), APC 70(3)');
    });

    test('#22 APC 68(4)-(5): a representative who works for the deciding body is removed and the procedure postponed up to 3 working days; the main term stays (A7)', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00');
      await act(reg.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(reg.body.id, 'executor', { action: 'start_review' });
      const staff = await app.database.db.selectFrom('official').select(['iin', 'full_name']).where('body_id', '=', bodies['KRG-BZH']!).where('iin', 'is not', null).executeTakeFirstOrThrow();
      const res = await act(reg.body.id, 'registrar', { action: 'add_representative', name: staff.full_name, iin: staff.iin!, basis: 'power_of_attorney', document: 'Доверенность №1' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.state, 'postponed');
      assert.equal(res.body.due, '2025-04-23');
      assert.equal(res.body.parties[0].removed, true);
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.deepEqual([view.body.timeline.at(-1).citation, view.body.timeline.at(-1).details.until], ['APC 68(4), 68(5)', '2025-04-08']);
      const resumed = await act(reg.body.id, 'executor', { action: 'resume' });
      assert.equal(resumed.body.state, 'in_review');
      const outsider = await act(reg.body.id, 'registrar', { action: 'add_representative', name: 'Адвокат Сейтов', basis: 'oral_declaration' });
      assert.equal(outsider.body.parties.at(-1).removed, undefined);
    });

    test('#26 APC 81, 86(3): communicating the act sets execution 5 working days later; the case then closes (83(3))', async () => {
      now = new Date('2025-04-14T05:00:00Z');
      const reg = await register('2025-04-10T10:00:00+05:00');
      await act(reg.body.id, 'body_head', { action: 'assign', executorId: officials['bzh.executor'] });
      await act(reg.body.id, 'executor', { action: 'start_review' });
      await act(reg.body.id, 'executor', { action: 'adopt_act', outcome: 'satisfied', favourable: true, reasons: 'Удовлетворить', hearingExemption: 'favourable_no_third_party' });
      now = new Date('2025-04-16T05:00:00Z');
      const communicated = await act(reg.body.id, 'registrar', { action: 'communicate_act', communicatedOn: '2025-04-16' });
      assert.equal(communicated.status, 200, JSON.stringify(communicated.body));
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(view.body.timeline.at(-1).details.executionDue, '2025-04-23');
      const closed = await act(reg.body.id, 'executor', { action: 'close' });
      assert.equal(closed.body.state, 'closed');
    });

    test('#42 APC 88(1)(2): an anonymous report of a crime is redirected at once; #43 the deputy terminates a repeat proposal; a simplified case past its term is deemed refused too (87(2), 91(2))', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const report = await register('2025-04-03T09:00:00+05:00', { type: 'report', anonymous: true, signed: false, applicant: { kind: 'individual' }, essence: 'Готовится взятка в отделе' });
      const urgent = await act(report.body.id, 'registrar', { action: 'redirect_urgent', toBodyId: bodies['KRG'], reasons: 'Сведения о готовящемся правонарушении' });
      assert.equal(urgent.status, 200, JSON.stringify(urgent.body));
      const view = await call({ method: 'GET', url: `/api/v1/appeals/${report.body.id}`, as: 'deputy_head' });
      assert.deepEqual([view.body.timeline.at(-1).citation, view.body.timeline.at(-1).details.limit, view.body.timeline.at(-1).details.late], ['APC 88(1)(2)', '2025-04-03', false]);

      const proposal = await register('2025-04-02T10:00:00+05:00', { type: 'proposal', essence: 'Предлагаю то же, что и раньше' });
      const byDeputy = await act(proposal.body.id, 'deputy_head', { action: 'terminate', ground: 'repeat_without_new_arguments', reasons: 'Ответ давался, новых доводов нет' });
      assert.equal(byDeputy.status, 200, JSON.stringify(byDeputy.body));
      assert.equal(byDeputy.body.state, 'terminated');

      const request = await register('2025-04-02T11:00:00+05:00', { type: 'request', essence: 'Сколько стоит подключение к газу?' });
      now = new Date('2025-04-24T05:00:00Z');
      assert.ok((await app.appeals.recordDeemedRefusals()).includes(request.body.id));
    });

    test('#13 APC 23(2), 64(9): an applicant who did not file the appeal cannot withdraw it', async () => {
      now = new Date('2025-04-03T05:00:00Z');
      const reg = await register('2025-04-02T10:00:00+05:00');
      const res = await act(reg.body.id, 'applicant', { action: 'withdraw' });
      assert.ok([403, 404].includes(res.status));
      const still = await call({ method: 'GET', url: `/api/v1/appeals/${reg.body.id}`, as: 'deputy_head' });
      assert.equal(still.body.state, 'registered');
    });

    test('every case event is hash-chained; the chains verify', async () => {
      const result = await verifyCaseEvents(app.database.db);
      assert.ok(result.events > 20);
      assert.deepEqual(result.breaks, []);
    });
  });
}
