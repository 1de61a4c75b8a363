/**
 * The monitoring official on the demo year (a smaller one: 2,000 appeals a year) opens the dashboards, sees a chart
 * with its data table, drills down from a bar to the cases and opens a case. Chromium through playwright-core.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { almatyToday } from '../../src/law/dates.ts';
import { seedDemoYear } from '../../src/modules/monitoring/demo-year.ts';
import { kk, missing, openWebApp, t, type WebApp } from '../support/browser.ts';

describe('monitoring dashboards in the browser', { skip: missing }, () => {
  let web: WebApp;
  before(async () => {
    web = await openWebApp();
    await seedDemoYear(web.app.database.db, { today: almatyToday(new Date()), calendar: (await web.app.calendar.current()).calendar, perYear: 2000 });
  });
  after(async () => web?.close());

  test('the monitoring official opens the dashboard, sees a chart and drills down to a case', async () => {
    await web.journey('monitoring-drill-down', async (page) => {
      await web.officialSignIn(page, 'monitoring');
      await page.getByRole('link', { name: t(kk, 'monitoring.nav') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'monitoring.title') }).waitFor();
      const chart = page.getByRole('img').first();
      await chart.waitFor();
      // the chart's data as a table
      await page.getByRole('button', { name: t(kk, 'monitoring.showTable') }).first().click();
      assert.ok((await page.locator('figure table tbody tr').count()) >= 3, 'a row per body');
      // a bar is a button: it opens the cases behind it
      await page.locator('figure svg [role=button]').first().click();
      await page.locator('#drill-title').waitFor();
      const first = page.locator('section[aria-labelledby=drill-title] tbody a').first();
      const number = (await first.textContent())!;
      await first.click();
      await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
      await page.getByText(number).first().waitFor();
    });
  });
});
