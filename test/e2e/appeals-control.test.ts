/**
 * Answers under control in Chromium (REG p.5(4)-(5), AT-34): the monitoring official takes an appeal under control
 * and returns the body's answer for rework through the case page's forms; the executor finds it under "returned for
 * rework" in the inbox and answers again; the monitoring official accepts; the case page shows both versions and
 * the reviews, and the head's view of the body counts the return for the executor.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { kk, missing, openWebApp, t, type WebApp } from '../support/browser.ts';
import { signIn } from '../support/app.ts';

describe('answers under control in the browser', { skip: missing }, () => {
  let web: WebApp;
  before(async () => {
    web = await openWebApp();
  });
  after(async () => web?.close());

  const label = (key: string) => new RegExp(t(kk, `appealControl.${key}`).replace(/[()]/g, '.'));
  async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
    await page.locator(`button[data-action="${action}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: t(kk, 'action.confirm') }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  const step = async (role: 'registrar' | 'body_head' | 'executor', id: string, action: Record<string, unknown>) => {
    const headers = await signIn(web.app, role);
    const current = await web.inject('GET', `/api/v1/appeals/${id}`, headers);
    return web.inject('POST', `/api/v1/appeals/${id}/actions`, headers, { version: current.version, ...action });
  };

  test('the monitoring official returns an answer for rework, the executor answers again, the answer is accepted (AT-34)', async () => {
    const { app, ids, base } = web;
    const registered = await web.inject('POST', '/api/v1/appeals/register', await signIn(app, 'registrar'), {
      bodyId: ids['KRG-BZH'], type: 'application', channel: 'paper', language: 'kk', summary: 'Жол мен жарық', essence: 'Абай көшесіндегі жолды жөндеуді және көше жарығын қалпына келтіруді сұраймын',
      applicant: { kind: 'individual', name: 'Әлиев Әли', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' }, signed: true, receivedAt: new Date().toISOString(),
    });
    const id = registered.id;

    await web.journey('control-take', async (page) => {
      await web.officialSignIn(page, 'monitoring');
      await page.goto(`${base}/appeals/${id}`);
      await act(page, 'take_under_control', async (d) => {
        await d.getByText('REG p.5(4)').waitFor();
        await d.getByLabel(label('field.reason')).fill('Облыс әкімінің бақылауында');
      });
      await page.locator('#control').waitFor();
    });

    await step('body_head', id, { action: 'assign', executorId: ids['bzh.executor'] });
    await step('executor', id, { action: 'start_review' });
    await step('executor', id, { action: 'adopt_act', outcome: 'satisfied', favourable: true, reasons: 'Жол жөндеу мамыр айына жоспарланды', hearingExemption: 'favourable_no_third_party' });

    await web.journey('control-return', async (page) => {
      await web.officialSignIn(page, 'monitoring');
      await page.goto(`${base}/appeals/${id}`);
      await act(page, 'return_for_rework', async (d) => {
        await d.getByLabel(label('field.legalBasis')).check();
        await d.getByLabel(label('field.issues')).fill('Көше жарығы: жауап берілмеген');
      });
      await page.locator('#control').locator('..').getByText('Көше жарығы: жауап берілмеген').first().waitFor();
    });
    const returned = await app.database.db.selectFrom('appeal').select(['control_status', 'rework_count']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(returned, { control_status: 'returned', rework_count: 1 });

    await web.journey('control-rework', async (page) => {
      await web.officialSignIn(page, 'executor');
      await page.getByRole('button', { name: new RegExp(t(kk, 'appealControl.inbox.returned')) }).click();
      await page.getByRole('link', { name: registered.number as string }).click();
      await act(page, 'resubmit_answer', async (d) => {
        await d.getByLabel(label('field.kind')).selectOption('supplementary_answer');
        await d.getByLabel(new RegExp(t(kk, 'field.text'))).fill('Көше жарығы сәуірдің соңына дейін қалпына келтіріледі');
      });
      await page.locator('#control').waitFor();
    });

    await web.journey('control-accept', async (page) => {
      await web.officialSignIn(page, 'monitoring');
      await page.goto(`${base}/appeals/${id}`);
      await act(page, 'accept_answer', async (d) => {
        for (const f of ['complete', 'allIssuesAnswered', 'legalBasis', 'measuresTaken']) await d.getByLabel(label(`field.${f}`)).check();
      });
      const panel = page.locator('section.control');
      await panel.getByText(t(kk, 'appealControl.status.accepted')).waitFor();
      assert.equal(await panel.getByText(t(kk, 'appealControl.panel.version').replace('{{n}}', '2')).count() >= 1, true, 'both answer versions are shown');
    });

    await web.journey('control-head-view', async (page) => {
      await web.officialSignIn(page, 'body_head');
      await page.getByRole('link', { name: t(kk, 'nav.load') }).click();
      await page.getByRole('columnheader', { name: t(kk, 'appealControl.load.returns') }).waitFor();
      // the demo executor (data/demo/organisation.json): one return for rework in the last column
      const row = page.getByRole('row').filter({ hasText: 'Иванова Елена Сергеевна' });
      await row.waitFor();
      assert.equal((await row.locator('td').last().textContent())?.trim(), '1');
    });
  });

  test('#21 APC 67(6): the akim of the region decides a recusal of the district akim on the case page, choosing the replacement it lists', async () => {
    const { app, ids, base } = web;
    const registered = await web.inject('POST', '/api/v1/appeals/register', await signIn(app, 'registrar'), {
      bodyId: ids['KRG-BZH'], type: 'application', channel: 'paper', language: 'kk', summary: 'Жер учаскесі', essence: 'Жер учаскесін беру туралы өтінемін',
      applicant: { kind: 'individual', name: 'Әлиев Әли', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' }, signed: true, receivedAt: new Date().toISOString(),
    });
    const id = registered.id;
    await step('body_head', id, { action: 'assign', executorId: ids['bzh.executor'] });
    await step('executor', id, { action: 'declare_recusal', officialId: ids['bzh.akim'], ground: 'interest', statement: 'Аудан әкімі учаскеге мүдделі' });
    await web.journey('recusal-of-head', async (page) => {
      const { password } = await app.database.db.selectFrom('demo_account').select('password').where('login', '=', 'krg.akim').executeTakeFirstOrThrow();
      await page.goto(`${base}/staff/signin`);
      await page.getByLabel(t(kk, 'signin.login')).fill('krg.akim');
      await page.getByLabel(t(kk, 'signin.password')).fill(password);
      await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'inbox.title') }).waitFor();
      await page.goto(`${base}/appeals/${id}`);
      await act(page, 'decide_recusal', async (d) => {
        await d.getByText('APC 67(4), 67(6), 67(7)').waitFor();
        await d.getByLabel(new RegExp(t(kk, 'field.upheld'))).check();
        await d.getByLabel(new RegExp(t(kk, 'field.replacementId'))).selectOption(ids['bzh.deputy']!);
        await d.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Мүдделілік расталды; рәсімді орынбасар жүргізеді');
      });
      await page.locator('.timeline').getByText('APC 67(6)').waitFor();
    });
    const decided = await app.database.db.selectFrom('case_event').select(['actor', 'citation']).where('case_id', '=', id).where('action', '=', 'decide_recusal').executeTakeFirstOrThrow();
    assert.deepEqual(decided, { actor: `official:${ids['krg.akim']}`, citation: 'APC 67(6)' });
  });
});
