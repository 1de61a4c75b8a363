/**
 * The officials' workspace in real Chromium (docs/workspace.md), against the whole app on a loopback port (PGlite; the
 * clock of the procedure is a test adapter): the administrator adds a subdivision and appoints an acting head for a
 * period (Standard Regulation p.19, AT-39); a deputy head, by keyboard only, extends a complaint about a public
 * service on a ground of LSS 25(4) and decides it (25(2), 5(2)(7)); the petitions authority records the written
 * signature that completes the pre-support and publishes the petition (APC 90-2(4)–(7), 90-3(1)); a citizen on a phone
 * finds the deemed refusal of an appeal left unanswered past its term in the cabinet and complains against it
 * (APC 91(2)). With TYNDA_SCREENSHOTS=1 the journeys also write the README's screenshots of these pages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { checkDigit } from '../../src/modules/identity/iin.ts';
import { signIn } from '../support/app.ts';
import { kk, missing, openWebApp, t, type TestApp, type WebApp } from '../support/browser.ts';

const MARRIAGE = '00801002';

/** Valid IINs of made-up citizens for written signatures (12 digits with their check digit). */
function iins(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = `8502${String(1 + Math.floor(i / 10_000)).padStart(2, '0')}3${String(i % 10_000).padStart(4, '0')}`;
    const c = checkDigit(base);
    if (c !== undefined) out.push(`${base}${c}`);
  }
  return out;
}

/** A README screenshot (docs/screenshots, under 200 KB like the others), only when asked for. */
async function shot(page: Page, name: string) {
  if (process.env.TYNDA_SCREENSHOTS !== '1') return;
  const file = path.resolve('docs/screenshots', `${name}.png`);
  await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size < 200 * 1024, `${name}.png is under 200 KB`);
}

/** Presses Tab until `target` has the focus (at most `max` times); the focus must be visible on the way there. */
async function tabTo(page: Page, target: Locator, max = 80, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(outline, 'none', 'the keyboard focus is visible');
      return;
    }
  }
  assert.fail(`${await target.evaluate((el) => el.outerHTML.slice(0, 120))} is not reached with ${key}`);
}

describe('the officials\' workspace in Chromium', { skip: missing }, () => {
  let web: WebApp;
  let app: TestApp;
  let base: string;
  let now = new Date();
  let ids: Record<string, string>;
  const journey: WebApp['journey'] = (...a) => web.journey(...a);
  const inject: WebApp['inject'] = (...a) => web.inject(...a);

  before(async () => {
    web = await openWebApp({}, { clock: () => now });
    ({ app, base, ids } = web);
  });
  after(async () => {
    await web?.close();
  });

  test('the administrator adds a subdivision and appoints an acting head for a period (Standard Regulation p.19); a missing end date is refused next to its field', async () => {
    now = new Date();
    await journey('admin-subdivision-acting', async (page) => {
      await web.officialSignIn(page, 'sysadmin');
      await page.getByRole('link', { name: t(kk, 'nav.admin') }).click();
      await page.getByRole('link', { name: t(kk, 'workspace.org.title') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'workspace.org.title') }).waitFor();
      await page.getByLabel(t(kk, 'admin.body'), { exact: true }).selectOption(ids['KRG-BZH']!);
      await page.getByRole('cell', { name: 'housing', exact: true }).waitFor();

      // a subdivision: sent without a code, the API's refusal stands next to the code
      const sub = page.locator('form').filter({ has: page.getByRole('heading', { name: t(kk, 'workspace.org.addSubdivision') }) });
      await sub.getByRole('button', { name: t(kk, 'workspace.org.addSubdivision') }).click();
      const code = sub.getByLabel(t(kk, 'admin.code'), { exact: true });
      await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
      assert.equal(await code.getAttribute('aria-invalid'), 'true');
      await code.fill('education');
      await sub.getByLabel(t(kk, 'workspace.org.kind')).selectOption('division');
      await sub.getByLabel(t(kk, 'workspace.in.kk')).fill('Білім бөлімі');
      await sub.getByLabel(t(kk, 'workspace.in.ru')).fill('Отдел образования');
      await sub.getByLabel(t(kk, 'workspace.in.en')).fill('Education division');
      await sub.getByRole('button', { name: t(kk, 'workspace.org.addSubdivision') }).click();
      await sub.getByRole('status').getByText('Білім бөлімі').waitFor();
      await page.getByRole('rowheader', { name: 'Білім бөлімі' }).waitFor();
      const stored = await app.database.db.selectFrom('subdivision').select(['kind', 'name']).where('body_id', '=', ids['KRG-BZH']!).where('code', '=', 'education').executeTakeFirstOrThrow();
      assert.equal(stored.kind, 'division');

      // the head of the housing division acts as akim while the akim is away: acting needs its end date
      const appoint = page.locator('form').filter({ has: page.getByRole('heading', { name: t(kk, 'workspace.org.appoint') }) });
      await appoint.getByLabel(t(kk, 'admin.official'), { exact: true }).selectOption({ label: 'Жақсылықов Талғат Әділұлы' });
      await appoint.getByLabel(t(kk, 'workspace.org.position'), { exact: true }).selectOption({ label: 'Аудан әкімі' });
      await appoint.getByLabel(t(kk, 'workspace.org.acting')).check();
      await appoint.getByLabel(t(kk, 'workspace.org.actingFor')).selectOption({ label: 'Смағұлов Ержан Қанатұлы' });
      await appoint.getByRole('button', { name: t(kk, 'workspace.org.appointButton') }).click();
      const validTo = page.getByLabel(t(kk, 'workspace.org.validTo'));
      await appoint.locator('.field.invalid').filter({ has: validTo }).locator('.error').waitFor();
      const from = await appoint.getByLabel(t(kk, 'workspace.org.validFrom')).inputValue();
      const until = new Date(Date.parse(`${from}T00:00:00Z`) + 11 * 86_400_000).toISOString().slice(0, 10);
      await validTo.fill(until);
      await appoint.getByRole('button', { name: t(kk, 'workspace.org.appointButton') }).click();
      await appoint.getByRole('status').getByText('Жақсылықов Талғат Әділұлы').waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Жақсылықов Талғат Әділұлы' }) });
      await row.locator('.tag').filter({ hasText: /Смағұлов/ }).waitFor();
      await page.locator('#org-officials').evaluate((h) => h.scrollIntoView());
      await shot(page, 'official-admin-organisation-kk');
      const acting = await app.database.db.selectFrom('appointment').selectAll().where('official_id', '=', ids['bzh.head']!).where('acting', '=', true).executeTakeFirstOrThrow();
      assert.deepEqual([acting.acting_for, String(acting.valid_to).slice(0, 10)], [ids['bzh.akim'], until]);
      const audited = await app.database.db.selectFrom('audit_event').select('details').where('action', '=', 'permissions.appointed').where('subject_id', '=', ids['bzh.head']!).executeTakeFirst();
      assert.ok(audited, 'the appointment is audited');

      // the akim is back early: the acting appointment is ended from the same table
      await row.getByRole('button', { name: new RegExp(`${t(kk, 'workspace.org.end')}.*Аудан әкімі`) }).click();
      await row.locator('.tag').filter({ hasText: /Смағұлов/ }).waitFor({ state: 'detached' });
      const ended = await app.database.db.selectFrom('appointment').select('ended_at').where('id', '=', acting.id).executeTakeFirstOrThrow();
      assert.ok(ended.ended_at, 'the acting appointment is ended');
    });
  });

  test('a deputy head, by keyboard only, opens a complaint about a public service from the desk, extends its term on a ground of LSS 25(4) (too many days refused next to the field) and decides it', async () => {
    now = new Date();
    const filed = await inject('POST', '/api/v1/service-complaints', await web.citizen(), {
      serviceCode: MARRIAGE, addressee: 'provider', bodyId: ids['KRG-BZH'], subject: 'quality', language: 'kk',
      essence: 'Өтінішті қабылдау кезінде жүйеде бар анықтаманы қағаз түрінде талап етті.',
      complainant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', iin: '950412400003' },
    });
    const number = filed.number as string;
    const originalDue = filed.due as string;
    await journey('desk-service-complaint-keyboard', async (page) => {
      await web.officialSignIn(page, 'deputy_head');
      // from the inbox's heading (focused on arrival) back into the menu, then on by Tab and Enter only
      const nav = page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'workspace.nav.serviceComplaints') });
      await tabTo(page, nav, 40, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t(kk, 'workspace.sc.title') }).waitFor();
      const link = page.getByTestId('service-complaints-desk').getByRole('link', { name: number });
      await tabTo(page, link);
      await shot(page, 'official-service-complaints-kk');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();

      // extend: 11 days are more than 25(4) allows, the refusal is next to the days
      const extend = page.getByRole('button', { name: t(kk, 'workspace.sc.action.extend') });
      await tabTo(page, extend);
      await page.keyboard.press('Enter');
      const ground = page.getByLabel(t(kk, 'workspace.sc.ground'));
      await tabTo(page, ground);
      await page.keyboard.press('ArrowDown'); // the second ground: additional information (25(4)(2))
      const days = page.getByLabel(t(kk, 'workspace.sc.days'));
      await tabTo(page, days);
      await page.keyboard.type('11');
      const reasons = page.getByLabel(t(kk, 'serviceComplaint.reasons'));
      await tabTo(page, reasons);
      await page.keyboard.type('Қызмет берушіден қосымша түсініктеме сұралды.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // the confirm button follows the last field
      await page.locator('.field.invalid').filter({ has: days }).locator('.error').waitFor();
      assert.equal(await days.getAttribute('aria-invalid'), 'true');
      await days.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter'); // submits the form from the field
      await page.getByTestId('sc-due').locator('.tag').waitFor();
      const extended = await app.database.db.selectFrom('service_complaint').select(['due', 'extended_days']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.equal(extended.extended_days, 3);
      assert.ok(extended.due > originalDue, `the due date moves (${originalDue} → ${extended.due})`);
      const event = await app.database.db.selectFrom('case_event').select(['details', 'citation']).where('case_id', '=', filed.id).where('action', '=', 'extend').executeTakeFirstOrThrow();
      assert.match(String(event.citation), /25\(4\)\(2\)/);

      // decide: refused, with its reasons
      const decide = page.getByRole('button', { name: t(kk, 'workspace.sc.action.decide') });
      await tabTo(page, decide);
      await page.keyboard.press('Enter');
      const refused = page.getByRole('radio', { name: t(kk, 'serviceComplaint.outcome.refused') });
      await tabTo(page, page.getByRole('radio', { name: t(kk, 'serviceComplaint.outcome.satisfied') }));
      await page.keyboard.press('ArrowDown');
      assert.ok(await refused.isChecked(), 'the arrow key moves the choice');
      await tabTo(page, page.getByLabel(t(kk, 'serviceComplaint.reasons')));
      await page.keyboard.type('Анықтама ақпараттық жүйеден алынады; қағаз түрінде талап етілмейді деп түсіндірілді.');
      await tabTo(page, page.getByRole('button', { name: t(kk, 'action.confirm') }));
      await page.keyboard.press('Enter');
      await page.getByTestId('service-complaint-decision').getByText(t(kk, 'serviceComplaint.outcome.refused')).waitFor();
      const decided = await app.database.db.selectFrom('service_complaint').select(['state']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.equal(decided.state, 'decided');
    });
  });

  test('the petitions authority records the fiftieth signature in writing (APC 90-3(1)), which completes the pre-support, and publishes the petition (90-2(5), 90-2(7))', async () => {
    now = new Date();
    const admin = await signIn(app, 'sysadmin');
    await inject('POST', `/api/v1/officials/${ids['moj.reviewer']}/roles`, admin, { role: 'petitions_authority' });
    const authority = await signIn(app, 'moj_reviewer');
    const petition = await inject('POST', '/api/v1/petitions', await web.citizen(), {
      bodyId: ids['KRG-BZH'], language: 'kk', title: 'Ботақарада көше жарығы', content: 'Ботақара кентінің көшелеріне жарық орнатуды сұраймыз: кешкі уақытта балалар қараңғыда жүреді.',
      proposals: 'Көше жарығын 2027 жылғы жоспарға енгізу', applicant: { name: 'Серікова Айгерім Бауыржанқызы', iin: '950412400003', residence: 'Бұқар жырау ауданы, Ботақара кенті', email: 'aigerim@example.com' }, citizen: true,
    });
    const people = iins(50);
    for (const [i, iin] of people.slice(0, 49).entries()) await inject('POST', `/api/v1/petitions/${petition.id}/signatures`, authority, { form: 'written', iin, name: `Азамат ${i + 1}`, citizen: true, consent: true });
    // not yet posted, it is on the authority's worklist only (APC 90-2(5)); the public list does not show it
    const listed = async (headers: Record<string, string>) => ((await inject('GET', '/api/v1/petitions?state=submitted', headers)).items as { id: string }[]).some((p) => p.id === petition.id);
    assert.equal(await listed({}), false, 'the public list holds posted petitions only');
    assert.equal(await listed(await web.citizen()), false, 'so does a citizen\'s');
    assert.equal(await listed(authority), true, 'the authority lists those awaiting its check');
    await journey('desk-petition-publish', async (page) => {
      await web.officialSignIn(page, 'moj_reviewer');
      await page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'workspace.nav.petitions') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'workspace.pet.title') }).waitFor();
      await page.getByRole('button', { name: t(kk, 'petitionState.submitted') }).click();
      await page.getByTestId('petitions-desk').getByRole('link', { name: petition.number as string }).click();
      await page.getByRole('heading', { level: 1, name: /Ботақарада көше жарығы/ }).waitFor();

      // the fiftieth signature, collected on paper
      await page.getByRole('button', { name: t(kk, 'workspace.pet.action.sign_written') }).click();
      await page.getByLabel(t(kk, 'workspace.pet.field.iin')).fill(people[49]!);
      await page.getByLabel(t(kk, 'workspace.pet.field.name')).fill('Ахметов Нұрлан Серікұлы');
      await page.getByRole('button', { name: t(kk, 'action.confirm') }).click();
      await page.getByTestId('petition-state').getByText(t(kk, 'petitionState.pre_supported')).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'official-petition-check-kk');

      // the check is done: publish
      await page.getByRole('button', { name: t(kk, 'workspace.pet.action.publish'), exact: true }).click();
      // a district akimat's threshold depends on its population (APC 90-3(4) ¶6): without it the API refuses, next to the field
      await page.getByRole('button', { name: t(kk, 'action.confirm') }).click();
      const population = page.getByLabel(t(kk, 'workspace.pet.field.population'));
      await page.locator('.field.invalid').filter({ has: population }).locator('.error').waitFor();
      await population.fill('62000');
      await page.getByRole('button', { name: t(kk, 'action.confirm') }).click();
      await page.getByTestId('petition-state').getByText(t(kk, 'petitionState.published')).waitFor();
      const stored = await app.database.db.selectFrom('petition').select(['state', 'published_on', 'signing_ends_on', 'threshold']).where('id', '=', petition.id).executeTakeFirstOrThrow();
      assert.deepEqual([stored.state, stored.threshold], ['published', 2500]);
      assert.ok(stored.published_on && stored.signing_ends_on, 'published with its signing period');
      const written = await app.database.db.selectFrom('petition_signature').select('form').where('petition_id', '=', petition.id).where('iin', '=', people[49]!).executeTakeFirstOrThrow();
      assert.equal(written.form, 'written');
    });
  });

  test('a citizen on a phone finds the deemed refusal of an appeal left unanswered past its term in the cabinet and complains against it (APC 91(2))', async () => {
    now = new Date();
    const filed = await inject('POST', '/api/v1/appeals', await web.citizen(), {
      bodyId: ids['KRG-BZH'], type: 'application', language: 'kk', summary: 'Аялдама павильоны', essence: 'Абай көшесіндегі аялдамаға павильон орнатуды сұраймын.',
      applicant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' },
    });
    const number = filed.number as string;
    const { due } = await app.database.db.selectFrom('appeal').select('due').where('id', '=', filed.id).executeTakeFirstOrThrow();
    // two days past the term, nothing decided: the daily job records the deemed refusal (run here directly)
    now = new Date(Date.parse(`${String(due).slice(0, 10)}T12:00:00+05:00`) + 2 * 86_400_000);
    const deemed = await app.appeals.recordDeemedRefusals();
    assert.ok(deemed.includes(filed.id), 'the deemed refusal is recorded');
    // a session opened at the new time (the earlier one is past its life on this clock)
    const session = (await signIn(app, 'applicant')).authorization.replace(/^Bearer /, '');
    await journey('citizen-deemed-refusal-complaint', async (page) => {
      await page.context().addCookies([{ name: 'tynda_session', value: session, url: base }]);
      await page.goto(`${base}/cabinet`);
      await page.getByRole('heading', { level: 1, name: t(kk, 'cabinet.title') }).waitFor();
      const item = page.locator('.cases li').filter({ hasText: number });
      await item.getByTestId('deemed-refusal').waitFor();
      await item.getByText('APC 91(2)').waitFor();
      await shot(page, 'citizen-deemed-refusal-kk');
      await item.getByRole('link', { name: new RegExp(t(kk, 'workspace.deemed.complain')) }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'complaint.title') }).waitFor();
      await page.getByText('APC 91(2), 91(4), 93').waitFor();
      // the circumstances are required: the API's refusal stands next to the field
      const circumstances = page.getByLabel(new RegExp(t(kk, 'complaint.circumstances')));
      await page.getByRole('button', { name: t(kk, 'complaint.submit') }).click();
      await page.locator('.field.invalid').filter({ has: circumstances }).locator('.error').waitFor();
      await circumstances.fill('Өтінішке заңда белгіленген мерзімде жауап берілмеді; бұл бас тарту деп саналады.');
      await page.getByRole('button', { name: t(kk, 'complaint.submit') }).click();
      const complaintNumber = (await page.getByTestId('complaint-number').textContent())!;
      const stored = await app.database.db.selectFrom('complaint').select(['challenged_kind', 'appeal_id']).where('number', '=', complaintNumber).executeTakeFirstOrThrow();
      assert.deepEqual([stored.challenged_kind, stored.appeal_id], ['deemed_refusal', filed.id]);
      // nothing on the phone is wider than the screen, long Kazakh words included
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll on a phone');
    }, { phone: true });
  });
});
