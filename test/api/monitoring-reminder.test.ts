/**
 * The half-year reminder for the analytical note (Standard Regulation No. 560 p.7(6); §6 A-21) on both engines,
 * with the clock as a test adapter: nothing before the reminder day (1 July / 1 January by default), one notice to
 * the monitoring department of the Karaganda apparatus on the day, still one the next day, and none for a half-year
 * whose `analytical_note` run exists already (requested for the akimat KRG: the apparatus counts as its akimat).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTE_SCHEDULE, noteReminderDue } from '../../src/law/monitoring.ts';
import { demoLogins } from '../../src/modules/identity/demo.ts';
import { ENGINES } from '../support/databases.ts';
import { signIn, testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describe('the reminder day of the analytical note (src/law/monitoring.ts)', () => {
  test('the latest ended half-year, once its reminder day has come; the due date 15 days after its end by default', () => {
    assert.deepEqual(NOTE_SCHEDULE, { remindDaysAfter: 1, dueDaysAfter: 15 });
    assert.equal(noteReminderDue('2026-06-30'), null);
    assert.deepEqual(noteReminderDue('2026-07-01'), { year: 2026, half: 1, from: '2026-01-01', to: '2026-06-30', remindOn: '2026-07-01', dueOn: '2026-07-15' });
    assert.equal(noteReminderDue('2026-07-15')?.half, 1, 'up to the due date');
    assert.equal(noteReminderDue('2026-07-16'), null, 'not announced as due after the due date');
    assert.deepEqual(noteReminderDue('2027-01-01'), { year: 2026, half: 2, from: '2026-07-01', to: '2026-12-31', remindOn: '2027-01-01', dueOn: '2027-01-15' });
    // configurable: reminded 5 days after, due 20 days after
    assert.equal(noteReminderDue('2026-07-04', { remindDaysAfter: 5, dueDaysAfter: 20 }), null);
    assert.equal(noteReminderDue('2026-07-05', { remindDaysAfter: 5, dueDaysAfter: 20 })?.dueOn, '2026-07-20');
  });
});

for (const { engine, skip } of ENGINES) {
  describe(`the half-year reminder for the analytical note [${engine}]`, { skip }, () => {
    let app: App;
    let now = new Date('2026-06-30T05:00:00Z');
    let official = '';
    let apparatus = '';
    const at = (iso: string) => { now = new Date(`${iso}T05:00:00Z`); }; // 10:00 in Almaty
    const notices = async (periodFrom: string) => (await app.database.db.selectFrom('notice').select(['recipient_id', 'subject_id', 'data', 'title', 'citation']).where('type', '=', 'analytical_note_due').execute())
      .filter((n) => (n.data as { periodFrom: string }).periodFrom === periodFrom);

    before(async () => {
      app = await testApp(engine, {}, { clock: () => now });
      // demo appointments start on the day the demo is loaded; this test's clock is earlier
      await app.database.db.updateTable('appointment').set({ valid_from: '2020-01-01' }).execute();
      const login = (await demoLogins()).monitoring!;
      official = (await app.database.db.selectFrom('official_account').select('official_id').where('login', '=', login).executeTakeFirstOrThrow()).official_id;
      apparatus = (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG-APP').executeTakeFirstOrThrow()).id;
    });
    after(async () => app?.close());

    test('before the reminder day no notice; on 1 July one to the monitoring official; the next day still one', async () => {
      at('2026-06-30');
      assert.deepEqual(await app.monitoring.remindAnalyticalNote(), { notices: 0 });
      assert.equal((await notices('2026-01-01')).length, 0);

      at('2026-07-01');
      const first = await app.monitoring.remindAnalyticalNote();
      const sent = await notices('2026-01-01');
      assert.equal(first.notices, sent.length);
      const mine = sent.filter((n) => n.recipient_id === official);
      assert.equal(mine.length, 1, 'one notice to the head of the monitoring department');
      assert.equal(mine[0]!.subject_id, apparatus);
      assert.deepEqual(mine[0]!.data, { bodyName: (mine[0]!.data as { bodyName: string }).bodyName, periodFrom: '2026-01-01', periodTo: '2026-06-30', dueDate: '2026-07-15' });
      assert.equal(mine[0]!.title, 'Жарты жылдық талдамалық жазбаның мерзімі');
      assert.match(mine[0]!.citation, /560 p\.7\(6\)/);
      const trail = await app.database.db.selectFrom('audit_event').select('details').where('action', '=', 'monitoring.note_reminded').where('subject_id', '=', apparatus).execute();
      assert.equal(trail.length, 1);

      at('2026-07-02');
      assert.deepEqual(await app.monitoring.remindAnalyticalNote(), { notices: 0 });
      assert.equal((await notices('2026-01-01')).filter((n) => n.recipient_id === official).length, 1, 'still one the next day');
    });

    test('no notice for a half-year whose analytical_note run exists already', async () => {
      at('2026-12-28');
      const res = await app.server.inject({
        method: 'POST', url: '/api/v1/report-runs', headers: await signIn(app, 'monitoring'),
        payload: { kind: 'analytical_note', params: { bodyId: (await app.database.db.selectFrom('body').select('id').where('code', '=', 'KRG').executeTakeFirstOrThrow()).id, year: 2026, half: 2 }, lang: 'ru' },
      });
      assert.equal(res.statusCode, 202, res.body);
      at('2027-01-01');
      assert.deepEqual(await app.monitoring.remindAnalyticalNote(), { notices: 0 });
      assert.equal((await notices('2026-07-01')).length, 0);
    });
  });
}
