/**
 * The Knowledge Base in real Chromium (docs/knowledge.md): a citizen on a phone finds a published manual by search
 * and reads its rows (Rules No. 111 p.6, p.11); a legal-service official opens a procedure and sees its Annex 1 row,
 * the manual history with effective dates, the diff of two versions and an overdue update obligation (p.13,
 * AT-24). The setup goes through the API; the clock of the procedure is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { kk, missing, openWebApp, t, type WebApp } from '../support/browser.ts';

describe('Knowledge Base in Chromium', { skip: missing }, () => {
  let web: WebApp;
  let now = new Date('2025-01-15T05:00:00Z');
  const at = (iso: string) => { now = new Date(`${iso}T05:00:00Z`); };
  let procedureId = '';

  const rows = (r7: string) => ({
    r1: { kk: 'Қарағанды облысы әкімінің аппараты', ru: 'Аппарат акима Карагандинской области' }, r2: { ru: 'ИАС «Электронные обращения»' }, r3: { ru: 'Письменная' },
    r4: { ru: 'Пн–Пт 9:00–18:30' }, r5: { ru: 'АППК' }, r6: { ru: 'Заявление' }, r7: { ru: r7, kk: r7 === 'Пятнадцать рабочих дней' ? 'Он бес жұмыс күні' : 'Он жұмыс күні' }, r9: { ru: 'Регистрация, рассмотрение, решение' },
    r10: { ru: 'Административный акт' }, r11: { ru: 'Соответствие требованиям' }, r12Consider: { kk: 'Анонимді өтініш', ru: 'Анонимное обращение' }, r13: { ru: 'Жалоба (АППК 91), затем суд' },
    r14: { ru: 'АППК 73, 76' }, r16: { kk: 'Сумен жабдықтаудың маусымдылығын ескеру', ru: 'Учитывать сезонность' },
  });

  before(async () => {
    web = await openWebApp({}, { clock: () => now });
    const login = async (name: string) => {
      const { password } = await web.app.database.db.selectFrom('demo_account').select('password').where('login', '=', name).executeTakeFirstOrThrow();
      const res = await web.app.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password } });
      return { authorization: `Bearer ${res.json().token as string}` };
    };
    const kb = await login('krg.kb');
    const head = await login('krg.apparatus');
    const legal = await login('krg.legal');
    const p = await web.inject('POST', '/api/v1/procedures', kb, {
      bodyId: web.ids['KRG-APP'], code: 'AP-WATER', scope: 'Тұрғын үй қатынастары', name: { kk: 'Сумен жабдықтау мәселелері бойынша өтініштерді қарау', ru: 'Рассмотрение заявлений по водоснабжению', en: 'Consideration of applications on water supply' },
      regulatedBy: 'ӘРПК, 9-тарау', format: 'both', performer: 'ТКШ бөлімі', complaintBody: 'Облыс әкімі', appealProcedure: 'Шағым, содан кейін сот', appealTerms: 'Үш ай', legalRefs: 'ӘРПК 91-бабы',
    });
    procedureId = p.id;
    await web.inject('POST', `/api/v1/procedures/${p.id}/approve`, head);
    const publish = async (r7: string, effectiveFrom: string, note: string) => {
      const m = await web.inject('POST', `/api/v1/procedures/${p.id}/manuals`, kb, { fields: rows(r7), none: ['r8', 'r15'], basis: { note, courtCaseIds: [], divergenceIds: [] } });
      await web.inject('POST', `/api/v1/manuals/${m.id}/actions`, kb, { action: 'submit' });
      await web.inject('POST', `/api/v1/manuals/${m.id}/actions`, head, { action: 'approve', effectiveFrom });
      await web.inject('POST', `/api/v1/manuals/${m.id}/actions`, kb, { action: 'publish' });
    };
    await publish('Пятнадцать рабочих дней', '2025-01-15', 'Алғашқы нұсқа');
    at('2025-03-01');
    await publish('Десять рабочих дней', '2025-03-10', 'Сот практикасы бойынша мерзім қысқартылды');
    at('2025-03-12');
    // AT-24: a change in the procedure on 2025-02-14, reported by the legal service; due 2025-05-14
    await web.inject('POST', '/api/v1/knowledge/changes', legal, { procedureId: p.id, changedAct: 'Заң № 100-VIII', inForceOn: '2025-02-14' });
    at('2025-06-02');
  });
  after(async () => web?.close());

  test('a citizen on a phone finds the published manual by search and reads its rows', async () => {
    await web.journey('kb-citizen-search', async (page) => {
      await page.goto(`${web.base}/`);
      await page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'knowledge.nav') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'knowledge.title') }).waitFor();
      await page.getByLabel(t(kk, 'knowledge.search')).fill('жабдықтау');
      await page.getByRole('button', { name: t(kk, 'knowledge.find') }).click();
      await page.waitForURL(/\/knowledge\?q=/);
      const hit = page.getByTestId('kb-results').getByRole('link', { name: /Сумен жабдықтау/ });
      await hit.waitFor();
      assert.equal(await page.getByTestId('kb-results').locator('mark').first().textContent(), 'жабдықтау', 'the matched word is highlighted');
      await hit.click();
      await page.getByRole('heading', { level: 1, name: 'Сумен жабдықтау мәселелері бойынша өтініштерді қарау' }).waitFor();
      // Annex 2 in Kazakh: row 12 as in the Rules, the version in force, the text in Kazakh where it exists
      await page.getByText('12. Қараудан бас тарту үшін негіздер').waitFor();
      await page.getByText('Он жұмыс күні').waitFor();
      await page.getByText(t(kk, 'knowledge.outdated').split('{{date}}')[1]!.trim()).waitFor();
    }, { phone: true });
  });

  test('a legal-service official opens the procedure: Annex 1 row, manual history, diff, overdue obligation', async () => {
    await web.journey('kb-legal-procedure', async (page) => {
      await web.officialSignIn(page, 'legal_service');
      await page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'knowledge.navStaff') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'knowledge.procedures') }).waitFor();
      await page.getByTestId('kb-overdue').getByText(/Заң № 100-VIII/).waitFor();
      await page.getByTestId('kb-procedures').getByRole('link', { name: /Сумен жабдықтау/ }).click();
      await page.waitForURL(new RegExp(`/staff/procedures/${procedureId}$`));
      await page.getByTestId('kb-annex1').getByText('5. Шағымды қарайтын орган').waitFor();
      const history = page.getByTestId('kb-history');
      await history.getByText('Сот практикасы бойынша мерзім қысқартылды').waitFor();
      assert.equal(await history.locator('tbody tr').count(), 2);
      await page.getByRole('button', { name: t(kk, 'knowledge.compare') }).click();
      const diff = page.getByTestId('kb-diff');
      assert.equal((await diff.locator('del').first().textContent())?.trim(), 'бес');
      const overdue = page.getByTestId('kb-obligations').locator('tr.overdue');
      await overdue.getByText(t(kk, 'knowledge.overdue')).waitFor();
      assert.match((await overdue.textContent()) ?? '', /Заң № 100-VIII/);
      assert.ok(await page.locator('section.uniformity').count(), 'the uniformity analysis has its place');
    });
  });
});
