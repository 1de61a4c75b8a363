/**
 * The Knowledge Base in real Chromium (docs/knowledge.md): a citizen on a phone finds a published manual by search
 * and reads its rows (Rules No. 111 p.6, p.11); a legal-service official opens a procedure and sees its Annex 1 row,
 * the manual history with effective dates, the diff of two versions and an overdue update obligation (p.13,
 * AT-24). The Knowledge Base unit and the head edit in the browser: a procedure (Annex 1; a public service is refused
 * next to its field, p.8, AT-26), a manual drafted with row 12 empty, whose approval is refused next to row 12 (p.9,
 * AT-23), filled, approved, published and found by a citizen; a typical answer. The setup goes through the API; the
 * clock of the procedure is a test adapter.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { MANUAL_ROWS } from '../../src/law/knowledge.ts';
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

  /** Signs the page in with a demo login (the head of the apparatus is not the demo body_head of demoLogins()). */
  const signInAs = async (page: Page, login: string) => {
    const { password } = await web.app.database.db.selectFrom('demo_account').select('password').where('login', '=', login).executeTakeFirstOrThrow();
    await page.goto(`${web.base}/staff/signin`);
    await page.getByLabel(t(kk, 'signin.login')).fill(login);
    await page.getByLabel(t(kk, 'signin.password')).fill(password);
    await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();
    await page.getByRole('heading', { level: 1, name: t(kk, 'inbox.title') }).waitFor();
  };
  const e = (key: string) => t(kk, `knowledge.editor.${key}`);
  const row = (page: Page, key: string) => {
    const r = MANUAL_ROWS.find((x) => x.key === key)!;
    return page.getByRole('group', { name: `${r.row}. ${r.label.kk}`, exact: true });
  };
  const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  test('the Knowledge Base unit and the head edit in the browser: procedure, manual with a refused approval, publication; a citizen finds it', async () => {
    let id = '';
    const serviceCode = (await web.app.database.db.selectFrom('public_service').select('code').executeTakeFirstOrThrow()).code;
    await web.journey('kb-editor-procedure', async (page) => {
      await web.officialSignIn(page, 'kb_editor');
      await page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'knowledge.navStaff') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'knowledge.procedures') }).waitFor();
      await page.getByRole('button', { name: e('add') }).click();
      const form = page.getByTestId('kb-procedure-form');
      await form.getByLabel(e('code')).fill('AP-HEAT');
      await form.getByLabel(`1. ${e('col.scope')}`).fill('Тұрғын үй-коммуналдық шаруашылық');
      const names = form.getByRole('group', { name: e('nameLegend'), exact: true });
      await names.getByLabel(e('inLang.kk')).fill('Жылу беру маусымы туралы өтініштерді қарау');
      await names.getByLabel(e('inLang.ru')).fill('Рассмотрение заявлений об отопительном сезоне');
      await names.getByLabel(e('inLang.en')).fill('Consideration of applications on the heating season');
      await form.getByLabel(e('regulatedBy')).fill('ӘРПК, 9-тарау');
      await form.getByLabel(e('formatLabel')).selectOption('electronic');
      await form.getByLabel(e('informationSystem')).fill('«Электрондық өтініштер» АЖ');
      await form.getByLabel(`4. ${e('col.performer')}`).fill('ТКШ бөлімі');
      await form.getByLabel(`5. ${e('col.complaintBody')}`).fill('Облыс әкімі');
      await form.getByLabel(e('col.appealProcedure'), { exact: true }).fill('Шағым, содан кейін сот');
      await form.getByLabel(e('binding')).selectOption('mandatory');
      await form.getByLabel(`7. ${e('col.appealTerms')}`).fill('Үш ай');
      await form.getByLabel(`8. ${e('col.legalRefs')}`).fill('ӘРПК 91-бабы');
      // AT-26: a procedure of a public service is refused, and the refusal stands next to its field
      const service = form.getByLabel(e('publicServiceCode'));
      await service.fill(serviceCode);
      await form.getByRole('button', { name: e('save'), exact: true }).click();
      await form.locator('.field.invalid .error').filter({ hasText: 'мемлекеттік қызметтер' }).waitFor();
      assert.equal(await service.getAttribute('aria-invalid'), 'true');
      assert.equal(await web.app.database.db.selectFrom('admin_procedure').select('id').where('code', '=', 'AP-HEAT').executeTakeFirst(), undefined, 'nothing is written');
      await service.fill('');
      await form.getByRole('button', { name: e('save'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Жылу беру маусымы туралы өтініштерді қарау' }).waitFor();
      id = /\/staff\/procedures\/([0-9a-f-]+)$/.exec(page.url())![1]!;

      // the manual: every row but row 12 (neither sub-list); rows 8, 15, 16 marked "none"
      await page.getByRole('button', { name: e('newManual') }).click();
      for (const r of MANUAL_ROWS) {
        if (r.row === '12') continue;
        if (r.rule !== 'mandatory') await row(page, r.key).getByLabel(e('none')).check();
        else await row(page, r.key).getByLabel(e('inLang.kk')).fill(`${r.label.kk}: мәтін`);
      }
      await page.getByLabel(e('basisNote')).fill('Алғашқы нұсқа');
      await page.getByRole('button', { name: e('submit') }).click();
      await said(page, e('submitted'));
      await page.getByTestId('kb-history').getByText(t(kk, 'knowledge.manualState.submitted')).waitFor();
    });

    await web.journey('kb-head-refuses', async (page) => {
      await signInAs(page, 'krg.apparatus');
      await page.goto(`${web.base}/staff/procedures/${id}`);
      await page.getByRole('button', { name: e('approveRow') }).click();
      await said(page, e('rowApproved'));
      await page.getByRole('button', { name: e('approve'), exact: true }).click();
      // AT-23: row 12 is empty, the approval is refused next to it (on its first sub-list); no other row is marked
      await row(page, 'r12Consider').locator('.error').filter({ hasText: 'Бекіту үшін толтыру қажет' }).waitFor();
      assert.equal(await page.locator('[data-testid=kb-manual-editor] fieldset .error').count(), 1);
      assert.equal(await page.getByTestId('kb-history').getByText(t(kk, 'knowledge.manualState.submitted')).count(), 1, 'still submitted');
      await page.getByLabel(e('returnNote')).fill('12-жолды толтырыңыз');
      await page.getByRole('button', { name: e('sendBack') }).click();
      await said(page, e('returnedDone'));
    });

    await web.journey('kb-editor-fills-publishes', async (page) => {
      await web.officialSignIn(page, 'kb_editor');
      await page.goto(`${web.base}/staff/procedures/${id}`);
      await page.getByText('12-жолды толтырыңыз').waitFor();
      await row(page, 'r12Consider').getByLabel(e('inLang.kk')).fill('Анонимді өтініш');
      await page.getByRole('button', { name: e('submit') }).click();
      await said(page, e('submitted'));
    });

    await web.journey('kb-head-approves', async (page) => {
      await signInAs(page, 'krg.apparatus');
      await page.goto(`${web.base}/staff/procedures/${id}`);
      await page.getByRole('button', { name: e('approve'), exact: true }).click();
      await said(page, e('approved'));
    });

    await web.journey('kb-editor-publishes-answer', async (page) => {
      await web.officialSignIn(page, 'kb_editor');
      await page.goto(`${web.base}/staff/procedures/${id}`);
      await page.getByRole('button', { name: e('publish'), exact: true }).click();
      await said(page, e('published'));
      await page.getByTestId('kb-history').getByText(t(kk, 'knowledge.manualState.published')).waitFor();
      // the obligations section: a change of the procedure (p.13), a verification (p.11), a proposal accepted (p.12)
      const change = page.getByRole('group', { name: e('change'), exact: true });
      await change.getByLabel(e('changedAct')).fill('Заң № 200-VIII');
      await change.getByLabel(e('inForceOn')).fill('2025-05-20');
      await change.getByRole('button', { name: e('record') }).click();
      await said(page, e('changeRecorded'));
      await page.getByTestId('kb-obligations').getByText(/Заң № 200-VIII/).waitFor();
      const verification = page.getByRole('group', { name: e('verification'), exact: true });
      await verification.getByLabel(e('result')).selectOption('compliant');
      await verification.getByRole('button', { name: e('record') }).click();
      await said(page, e('verificationRecorded'));
      const proposal = page.getByRole('group', { name: e('proposal'), exact: true });
      await proposal.getByLabel(e('proposalText')).fill('16-жолға жылу беру кестесін қосу');
      await proposal.getByRole('button', { name: e('record') }).click();
      await said(page, e('proposalRecorded'));
      const proposed = page.getByTestId('kb-obligations').locator('tr').filter({ hasText: '16-жолға жылу беру кестесін қосу' });
      await proposed.getByRole('button', { name: e('accept') }).click();
      await proposed.getByText(t(kk, 'knowledge.obligationState.accepted')).waitFor();
      // a typical answer, published at once (REG p.5(8))
      await page.goto(`${web.base}/staff/procedures`);
      const answers = page.getByTestId('kb-answers');
      await answers.getByRole('group', { name: e('question'), exact: true }).getByLabel(e('inLang.kk')).fill('Жылу беру маусымы қашан басталады?');
      await answers.getByRole('group', { name: e('answer'), exact: true }).getByLabel(e('inLang.kk')).fill('Орташа тәуліктік температура +8 градустан төмен түскенде басталады');
      await answers.getByLabel(e('publishNow')).check();
      await answers.getByRole('button', { name: e('addAnswer') }).click();
      await said(page, e('answerAdded'));
      await answers.getByText(t(kk, 'knowledge.editor.answerState.published')).waitFor();
    });

    await web.journey('kb-citizen-finds-new-manual', async (page) => {
      await page.goto(`${web.base}/knowledge`);
      await page.getByLabel(t(kk, 'knowledge.search')).fill('маусымы');
      await page.getByRole('button', { name: t(kk, 'knowledge.find') }).click();
      await page.getByTestId('kb-results').getByRole('link', { name: /Жылу беру маусымы туралы/ }).click();
      await page.getByText('Анонимді өтініш').waitFor();
    }, { phone: true });
  });

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
