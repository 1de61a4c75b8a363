import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { signIn, testApp } from '../../../test/support/app.ts';
import { ENGINES } from '../../../test/support/databases.ts';
import { startSmtpPeer } from '../../../test/support/peers.ts';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import { enqueueNotice, type NoticeInput } from './service.ts';

const today = almatyToday(new Date());
const daysAgo = (n: number) => isoDate(dayNumber(today) - n);
// the demo applicant signed in through the cabinet: their id is set once they sign in
const person = { kind: 'participant' as const, id: 'set-on-sign-in', online: true, contacts: { phone: '+77021234567' } };

const preliminary: NoticeInput = {
  type: 'preliminary_decision',
  subject: { type: 'test-case', id: 'KZ-2025-000777' },
  recipient: person,
  language: 'en',
  data: { registrationNumber: 'KZ-2025-000777', bodyName: 'Akimat of Astana', draft: 'Refuse the permit for the redevelopment.' },
  createdBy: 'official-1',
};

const decisionByPost: NoticeInput = {
  type: 'decision_on_case',
  subject: { type: 'test-case', id: 'KZ-2025-000888' },
  recipient: { kind: 'participant', id: 'person-43', online: false, contacts: { postalAddress: 'Сейітова Ә. Қ.\nАлматы қ., Абай даңғылы 10, 5-пәтер' } },
  language: 'kk',
  data: {
    registrationNumber: 'KZ-2025-000888',
    bodyName: 'Алматы қаласының әкімдігі',
    decision: 'Жер учаскесіне рұқсат берілсін.',
    decidedOn: daysAgo(10),
    complainTo: 'Алматы облысының әкімдігі',
  },
  createdBy: 'official-2',
};

for (const { engine, skip } of ENGINES) {
  describe(`notifications API [${engine}]`, { skip }, () => {
    let app: Awaited<ReturnType<typeof testApp>>;
    const as: Record<string, { authorization: string }> = {};
    before(async () => {
      app = await testApp(engine);
      as.applicant = await signIn(app, 'applicant');
      as.registrar = await signIn(app, 'registrar');
      person.id = (await app.server.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as.applicant })).json().id;
    });
    // the cabinet is opened by its owner; histories and letters by the records office
    const inject = (o: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown; headers?: Record<string, string> }) =>
      app.server.inject({ ...o, headers: { ...(o.headers ?? {}), ...(o.url.includes('/cabinet/') ? as.applicant : as.registrar) } } as never);
    after(async () => {
      await app?.close();
    });
    const enqueue = (input: NoticeInput) => app.database.db.transaction().execute((trx) => enqueueNotice(trx, input));

    test('the cabinet shows a notice at once; the first opening is its receipt, and the objection window of APC 73(3) runs from that day', async () => {
      const { id } = await enqueue(preliminary);
      const list = await inject({ method: 'GET', url: `/api/v1/cabinet/${person.id}/notices?unread=true` });
      assert.equal(list.statusCode, 200);
      const [notice] = list.json().notices;
      assert.equal(notice.id, id);
      assert.equal(notice.status, 'delivered');
      assert.equal(notice.title, 'Case No. KZ-2025-000777: preliminary decision');
      assert.match(notice.body, /within two working days of the day you receive this notice \(APC 73\(3\)\)/);
      assert.deepEqual(notice.terms, [{ id: 'APC-73.3', citation: 'APC 73(3)', from: null, due: null }]);

      const read = await inject({ method: 'POST', url: `/api/v1/cabinet/${person.id}/notices/${id}/read` });
      assert.equal(read.statusCode, 200);
      const expectedDue = (await app.calendar.compute('APC-73.3', today)).due;
      assert.equal(read.json().status, 'read');
      assert.equal(read.json().receivedOn, today);
      assert.deepEqual(read.json().terms, [{ id: 'APC-73.3', citation: 'APC 73(3)', from: today, due: expectedDue }]);

      const again = await inject({ method: 'POST', url: `/api/v1/cabinet/${person.id}/notices/${id}/read` });
      assert.equal(again.json().readAt, read.json().readAt, 'the first opening stays the receipt');
      const unread = await inject({ method: 'GET', url: `/api/v1/cabinet/${person.id}/notices?unread=true` });
      assert.deepEqual(unread.json().notices, []);

      const history = await inject({ method: 'GET', url: '/api/v1/notices?subjectType=test-case&subjectId=KZ-2025-000777' });
      const [entry] = history.json().notices;
      assert.equal(entry.receivedOn, today);
      assert.equal(entry.recorded, true);
      assert.ok(entry.notifiedAt);
      assert.deepEqual(entry.deliveries.map((d: { channel: string; status: string }) => [d.channel, d.status]), [['cabinet', 'read'], ['sms', 'queued']]);
    });

    test("another person's cabinet does not open the notice", async () => {
      const { id } = await enqueue({ ...preliminary, recipient: { ...person, id: 'someone-else' } });
      const other = await inject({ method: 'POST', url: `/api/v1/cabinet/someone-else/notices/${id}/read` });
      assert.equal(other.statusCode, 403, 'not their cabinet');
      const res = await inject({ method: 'POST', url: `/api/v1/cabinet/${person.id}/notices/${id}/read`, headers: { 'accept-language': 'ru' } });
      assert.equal(res.statusCode, 404);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json().code, 'notice_not_found');
      assert.equal(res.json().title, 'У этого получателя нет такого уведомления');
    });

    test('a person who filed on paper gets a registered letter: printed in Kazakh with the address and the delivery slip, then tracked to the date on the acknowledgement, from which the complaint term runs (APC 66(2), 92(1))', async () => {
      const { id, deliveries } = await enqueue(decisionByPost);
      assert.deepEqual(deliveries.map((d) => d.channel), ['cabinet', 'post']);
      const postId = deliveries[1]!.id;

      const queue = await inject({ method: 'GET', url: '/api/v1/notice-deliveries/post?status=queued' });
      assert.ok(queue.json().letters.some((l: { deliveryId: number }) => l.deliveryId === postId));

      const letter = await inject({ method: 'GET', url: `/api/v1/notices/${id}/letter` });
      assert.equal(letter.statusCode, 200);
      assert.match(String(letter.headers['content-type']), /^text\/html/);
      assert.match(letter.body, /<html lang="kk">/);
      assert.match(letter.body, /Сейітова Ә\. Қ\.<br>Алматы қ\., Абай даңғылы 10, 5-пәтер/);
      assert.match(letter.body, /№ KZ-2025-000888 іс: шешім/);
      assert.match(letter.body, /Жер учаскесіне рұқсат берілсін\./);
      assert.match(letter.body, /Тапсыру туралы хабарлама/);
      assert.match(letter.body, /Кімнен: Алматы қаласының әкімдігі/);
      assert.doesNotMatch(letter.body, /\{\{/);

      const sent = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${postId}/post`, payload: { trackingNumber: 'RR123456789KZ', sentOn: daysAgo(8) } });
      assert.equal(sent.statusCode, 200);
      assert.equal(sent.json().status, 'sent');
      assert.equal(sent.json().reference, 'RR123456789KZ');
      assert.equal(sent.json().receivedOn, null);

      const early = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${postId}/post`, payload: { deliveredOn: daysAgo(9) } });
      assert.equal(early.statusCode, 400);
      assert.equal(early.json().code, 'post_dates_inconsistent');
      assert.equal(early.json().errors[0].field, 'body.deliveredOn');

      const delivered = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${postId}/post`, payload: { deliveredOn: daysAgo(5) } });
      assert.equal(delivered.statusCode, 200);
      assert.equal(delivered.json().status, 'delivered');
      assert.equal(delivered.json().receivedOn, daysAgo(5));

      const history = await inject({ method: 'GET', url: '/api/v1/notices?subjectType=test-case&subjectId=KZ-2025-000888' });
      const [entry] = history.json().notices;
      assert.equal(entry.receivedOn, daysAgo(5));
      assert.deepEqual(entry.terms, [{ id: 'APC-92.1', citation: 'APC 92(1)', from: daysAgo(5), due: (await app.calendar.compute('APC-92.1', daysAgo(5))).due }]);
    });

    test('scenario 16: a preliminary decision delivered by post on Monday 2025-04-07 leaves objections open until Wednesday 2025-04-09 (APC 73(3))', async () => {
      const { deliveries } = await enqueue({ ...preliminary, subject: { type: 'test-case', id: 'KZ-2025-000016' }, recipient: decisionByPost.recipient });
      const post = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${deliveries[1]!.id}/post`, payload: { trackingNumber: 'RR000000016KZ', sentOn: '2025-04-03', deliveredOn: '2025-04-07' } });
      assert.equal(post.statusCode, 200);
      const history = await inject({ method: 'GET', url: '/api/v1/notices?subjectType=test-case&subjectId=KZ-2025-000016' });
      const [entry] = history.json().notices;
      assert.equal(entry.receivedOn, '2025-04-07');
      assert.deepEqual(entry.terms, [{ id: 'APC-73.3', citation: 'APC 73(3)', from: '2025-04-07', due: '2025-04-09' }]);
    });

    test("the courier's refusal mark is kept and the letter is not counted as received (APC 66(5))", async () => {
      const { deliveries } = await enqueue({ ...decisionByPost, subject: { type: 'test-case', id: 'KZ-2025-000889' } });
      const postId = deliveries[1]!.id;
      const refused = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${postId}/post`, payload: { trackingNumber: 'RR987654321KZ', sentOn: daysAgo(8), deliveredOn: daysAgo(4), refused: true } });
      assert.equal(refused.statusCode, 200);
      assert.equal(refused.json().status, 'failed');
      assert.equal(refused.json().refused, true);
      assert.equal(refused.json().receivedOn, null);
      const history = await inject({ method: 'GET', url: '/api/v1/notices?subjectType=test-case&subjectId=KZ-2025-000889' });
      assert.equal(history.json().notices[0].receivedOn, null);
    });

    test('only a registered letter takes a tracking number; unknown deliveries and notices are 404', async () => {
      const { deliveries } = await enqueue(preliminary);
      const cabinet = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${deliveries[0]!.id}/post`, payload: { trackingNumber: 'RR100000000KZ' } });
      assert.equal(cabinet.statusCode, 409);
      assert.equal(cabinet.json().code, 'not_a_post_delivery');
      const missing = await inject({ method: 'PUT', url: '/api/v1/notice-deliveries/999999/post', payload: { trackingNumber: 'RR100000000KZ' } });
      assert.equal(missing.statusCode, 404);
      const empty = await inject({ method: 'PUT', url: `/api/v1/notice-deliveries/${deliveries[0]!.id}/post`, payload: {} });
      assert.equal(empty.statusCode, 400);
      const noLetter = await inject({ method: 'GET', url: '/api/v1/notices/6f1c2a1e-0b7a-4c55-9d1e-3a1b2c3d4e5f/letter' });
      assert.equal(noLetter.statusCode, 404);
      const badId = await inject({ method: 'GET', url: '/api/v1/notices/not-a-uuid/letter' });
      assert.equal(badId.statusCode, 400);
    });

    test('the notice catalogue is published with each notice\'s legal basis, and why receipt is recorded in the language asked for', async () => {
      const res = await inject({ method: 'GET', url: '/api/v1/notice-types', headers: { 'accept-language': 'kk' } });
      assert.equal(res.statusCode, 200);
      const prelim = res.json().types.find((t: { type: string }) => t.type === 'preliminary_decision');
      assert.equal(prelim.citation, 'APC 73(1), 73(3)');
      assert.equal(prelim.recorded, true);
      assert.match(prelim.why, /алдын ала шешімді алған күннен басталады/);
      assert.deepEqual(prelim.terms, [{ id: 'APC-73.3', citation: 'APC 73(3)', runsFromReceipt: true }]);
      const extended = res.json().types.find((t: { type: string }) => t.type === 'term_extended');
      assert.deepEqual(extended.sendWithin, { id: 'APC-76.3_notice', citation: 'APC 76(3)' });
    });

    test('the notification routes are in the OpenAPI document', async () => {
      const doc = (await inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/v1/notice-types', '/api/v1/cabinet/{recipientId}/notices', '/api/v1/cabinet/{recipientId}/notices/{noticeId}/read', '/api/v1/notices', '/api/v1/notices/{noticeId}/letter', '/api/v1/notice-deliveries/post', '/api/v1/notice-deliveries/{deliveryId}/post']) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
}

for (const { engine, skip } of ENGINES) {
  describe(`notice delivery through the job system [${engine}]`, { skip }, () => {
    test('the app schedules the outbox sweep every minute, and a notices-deliver job sends a queued e-mail', async () => {
      const smtp = await startSmtpPeer();
      const app = await testApp(engine, { TYNDA_JOBS: 'on', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_FROM: 'notices@tynda.kz' });
      try {
        const schedules = await app.jobs!.boss.getSchedules();
        assert.ok(schedules.some((s) => s.name === 'notices-deliver' && s.cron === '* * * * *'));
        const { id } = await app.database.db.transaction().execute((trx) =>
          enqueueNotice(trx, { ...preliminary, recipient: { ...person, contacts: { email: 'person@example.kz' }, preferred: ['email'] } }),
        );
        await app.jobs!.send('notices-deliver', {});
        const until = Date.now() + 20_000;
        while (smtp.received.length === 0 && Date.now() < until) await sleep(200);
        assert.equal(smtp.received.length, 1);
        assert.equal(smtp.received[0]!.headers.get('x-tynda-notice-id'), id);
      } finally {
        await app.close();
        await smtp.close();
      }
    });
  });
}
