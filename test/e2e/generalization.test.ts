/**
 * The legal service in the browser (Chromium through playwright-core): opens its generalization campaign (Rules No.
 * 111 p.16), sees the status of each subdivision and that the campaign is overdue, starts the report as a report
 * run, watches it finish and downloads the DOCX. The court records and the review are set up through the API.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { signIn } from '../support/app.ts';
import { kk, missing, openWebApp, t, type WebApp } from '../support/browser.ts';

describe('generalization of practice in the browser', { skip: missing }, () => {
  let web: WebApp;
  let campaignId = '';
  before(async () => {
    web = await openWebApp();
    const legal = await signIn(web.app, 'legal_service');
    const body = web.ids['KRG-APP']!;
    const court = { bodyId: body, claimType: 'challenge', court: 'Қарағанды облысының МАӘС', plaintiff: { kind: 'legal_entity', name: '«Құрылыс» ЖШС' }, claims: 'Актінің күшін жою', claimFiledOn: '2025-07-01', area: 'құрылыс' };
    await web.inject('POST', '/api/v1/court-cases', legal, { ...court, act: { name: 'Рұқсат беруден бас тарту', content: 'Бас тарту', adoptedOn: '2025-05-20' }, status: 'pending', instance: 'first' });
    await web.inject('POST', '/api/v1/court-cases', legal, {
      ...court, act: { name: 'Жер учаскесін беруден бас тарту', content: 'Бас тарту', adoptedOn: '2025-05-21' }, status: 'in_force', enteredIntoForceOn: '2025-10-01', area: 'жер',
      firstInstance: { caseNumber: '3599-25-00-4a/77', decidedOn: '2025-09-01', outcome: 'act_cancelled', result: 'against_body' }, actCancelled: true, cancellationReasons: 'Бас тарту уәжделмеген',
    });
    const subs = await web.app.database.db.selectFrom('subdivision').select(['id', 'code']).where('body_id', '=', body).execute();
    const sub = (code: string) => subs.find((s) => s.code === code)!.id;
    const created = await web.inject('POST', '/api/v1/generalization/campaigns', legal, { bodyId: body, year: 2025, half: 2 });
    campaignId = (created.campaign as { id: string }).id;
    const requested = await web.inject('POST', `/api/v1/generalization/campaigns/${campaignId}/request`, legal, { subdivisionIds: [sub('registry'), sub('knowledge'), sub('monitoring')] });
    await web.inject('POST', `/api/v1/generalization/campaigns/${campaignId}/subdivisions/${sub('registry')}/submit`, legal);
    for (const r of requested.rows as { id: string; lost: boolean }[]) {
      await web.inject('PUT', `/api/v1/generalization/campaigns/${campaignId}/rows/${r.id}/review`, legal, r.lost
        ? { reasoningAnalysis: 'Уәждеу жоқ', illegalityFound: true, illegalityDescription: 'ӘРПК 80-бабы бұзылды', lossCauses: 'Бас тарту уәжделмеген', deficiencyType: 'law_enforcement', measuresTaken: 'Оқыту өткізілді' }
        : { reasoningAnalysis: 'Іс қаралуда', illegalityFound: false });
    }
    await web.inject('PUT', `/api/v1/generalization/campaigns/${campaignId}/sections`, legal, { shortcomings: 'Бас тартулар уәжделмейді', proposals: 'Уәждеу үлгісін бекіту' });
  });
  after(async () => web?.close());

  test('the legal service opens the campaign, sees each division\'s status, starts the report and downloads the DOCX', async () => {
    await web.journey('generalization-report', async (page) => {
      await web.officialSignIn(page, 'legal_service');
      await page.getByRole('link', { name: t(kk, 'generalization.nav') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'generalization.title') }).waitFor();
      await page.locator(`a[href="/staff/generalization/${campaignId}"]`).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'generalization.campaignTitle').replace('{{year}}', '2025').replace('{{half}}', '2') }).waitFor();
      // per-division status: the registry submitted, the other two awaited; the campaign is past 10.12.2025
      assert.equal(await page.locator('tr[data-subdivision]').count(), 3);
      assert.match((await page.locator('tr[data-subdivision="registry"]').textContent())!, new RegExp(t(kk, 'generalization.subStatus.submitted')));
      assert.match((await page.locator('tr[data-subdivision="knowledge"]').textContent())!, new RegExp(t(kk, 'generalization.subStatus.requested')));
      await page.getByText(t(kk, 'generalization.overdue')).first().waitFor();
      assert.equal((await page.getByTestId('figures').locator('dd').first().textContent())!.trim(), '2');
      await page.getByRole('button', { name: t(kk, 'generalization.reportDocx') }).click();
      const link = page.getByRole('link', { name: /\.docx/ });
      await link.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.match(download.suggestedFilename(), /^generalization-KRG-APP-2025-H2-kk\.docx$/);
      const bytes = fs.readFileSync((await download.path())!);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip');
    });
  });
});
