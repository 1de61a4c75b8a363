/**
 * The main journeys of the web application in real Chromium (Debian's /usr/bin/chromium through playwright-core)
 * against the whole app served on a loopback port (PGlite; the clock of the procedure is a test adapter):
 * a citizen files an appeal and follows it (APC 64(2), 76(1)) in Kazakh, then in Russian and English; a clerk
 * registers a paper appeal (64(2)–(3)); an executor hears (73) and decides (77: adopt_act); a head extends the
 * term (76(3)); an executor drafts an act from a standard form and the head signs it with a CMS signature made by
 * openssl, as the external signing tool would (77, 80); a citizen complains against the act (91); a citizen files,
 * signs and watches a petition (90-2, 90-3); a citizen books a personal reception and cancels it (90); a citizen
 * finds a public service, complains about it and follows the complaint to its decision (LSS 12, 25). The API setup
 * of each journey goes through the generated client (clients/ts, `web.api(role)`). A failing test leaves a
 * screenshot in test-results/e2e/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoApplicants } from '../../src/modules/identity/demo.ts';
import { createClient } from '../../clients/ts/index.ts';
import { en, kk, missing, openWebApp, ru, t, type TestApp, type WebApp } from '../support/browser.ts';
import { makeTestPki, type TestPki } from '../support/pki.ts';

/** The IIN of the demo citizen (data/demo/organisation.json), whom the signed-in journeys use. */
const CITIZEN_IIN = '950412400003';

describe('web application journeys in Chromium', { skip: missing }, () => {
  let web: WebApp;
  let app: TestApp;
  let pki: TestPki;
  let base: string;
  let now = new Date();
  let ids: Record<string, string>;
  const journey: WebApp['journey'] = (...a) => web.journey(...a);
  const officialSignIn: WebApp['officialSignIn'] = (...a) => web.officialSignIn(...a);
  const asCitizen: WebApp['asCitizen'] = (page) => web.asCitizen(page);
  /** API setup through the generated client (clients/ts), as an integrator would make it */
  const api: WebApp['api'] = (role) => web.api(role);
  const anonymous = () => createClient({ baseUrl: base });

  before(async () => {
    // the trust store of the signatures: a test CA; the head's certificate carries the demo head's IIN, the
    // `signer` one the demo citizen's (a citizen joins a petition with an EDS, APC 90-3(1))
    pki = makeTestPki({ signerIin: CITIZEN_IIN });
    web = await openWebApp({ TYNDA_TRUST_DIR: pki.trustDir }, { clock: () => now });
    ({ app, base, ids } = web);
  });
  after(async () => {
    await web?.close();
    pki?.cleanup();
  });

  /** The current version of an appeal, for the next step (optimistic concurrency). */
  const versionOf = async (id: string) => (await (await api('body_head')).getAppealsById({ id })).version;

  /** A paper appeal registered through the API, assigned to the demo executor: the starting point of an official's journey. */
  async function registeredCase(summary: string): Promise<string> {
    const { id } = await (await api('registrar')).postAppealsRegister({
      bodyId: ids['KRG-BZH']!, type: 'application', channel: 'paper', language: 'kk', summary, essence: 'Үйдің шатырын жөндеуді сұраймын',
      applicant: { kind: 'individual', name: 'Әлиев Әли', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' }, signed: true, receivedAt: now.toISOString(),
    });
    await (await api('body_head')).postAppealsByIdActions({ id }, { version: await versionOf(id), action: 'assign', executorId: ids['bzh.executor']! });
    return id;
  }

  /** The demo citizen's appeal, decided by an act the head signed: the starting point of a complaint. */
  async function decidedByAct(): Promise<{ appealId: string; actId: string; actNumber: string }> {
    const head = await api('body_head');
    const executor = await api('executor');
    const filed = await (await api('applicant')).postAppeals({
      bodyId: ids['KRG-BZH']!, type: 'application', language: 'kk', summary: 'Аулаға орындық орнату', essence: 'Абай көшесі, 10 үйдің ауласына орындықтар орнатуды сұраймын.',
      applicant: { kind: 'individual', name: 'Серікова Айгерім Бауыржанқызы', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' },
    });
    await head.postAppealsByIdActions({ id: filed.id }, { version: await versionOf(filed.id), action: 'assign', executorId: ids['bzh.executor']! });
    await executor.postAppealsByIdActions({ id: filed.id }, { version: await versionOf(filed.id), action: 'start_review' });
    const { items: templates } = await executor.getActTemplates();
    const draft = await executor.postActs({
      appealId: filed.id, templateId: templates.find((x) => x.code === 'appeal.refusal')!.id,
      content: { hearingExemption: 'participant_motion', justification: 'Орындықтар орнату бюджетте қарастырылмаған.', legalBasis: 'ҚР ӘРПК 77-бабы 1-тармағының 2) тармақшасы' },
    });
    const text = await head.getActsByIdSigningContent({ id: draft.id });
    const signed = await head.postActsByIdSign({ id: draft.id }, { version: text.version, signature: pki.sign('head', text.canonical).toString('base64') });
    assert.equal(signed.state, 'in_force');
    return { appealId: filed.id, actId: draft.id, actNumber: signed.number };
  }

  async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => undefined) {
    await page.locator(`button[data-action="${action}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: t(kk, 'action.confirm') }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  test('a citizen on a phone files an appeal through the guided form, gets the ticket (APC 64(2)) and follows it; the page speaks kk, ru and en', async () => {
    await journey('citizen-files-and-follows', async (page) => {
      const email = (await demoApplicants()).find((a) => a.email)!.email!;
      await page.goto(`${base}/`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'kk', 'Kazakh is the default');
      await page.getByRole('heading', { level: 1, name: t(kk, 'home.title') }).waitFor();
      await page.locator('#main').getByRole('link', { name: t(kk, 'home.fileButton') }).click();

      // sign-in with a one-time code to the e-mail
      await page.getByLabel(t(kk, 'signin.email')).fill(email);
      await page.getByRole('button', { name: t(kk, 'signin.sendCode') }).click();
      await page.getByLabel(t(kk, 'signin.code')).waitFor();
      await page.getByLabel(t(kk, 'signin.code')).fill(app.otp.lastCode(email)!);
      await page.getByRole('button', { name: t(kk, 'signin.enter') }).click();

      // the guided form: topic → suggested body → text → preview → submit
      await page.getByRole('heading', { level: 1, name: t(kk, 'file.title') }).waitFor();
      await page.getByRole('radio', { name: 'Тұрғын үй-коммуналдық шаруашылық' }).check();
      await page.getByLabel(t(kk, 'file.subtopic')).selectOption({ label: 'Жылумен жабдықтау' });
      await page.getByRole('button', { name: t(kk, 'file.next') }).click();
      const suggested = page.locator('.choice.suggested');
      assert.ok((await suggested.count()) >= 1, 'a body is suggested from the topic (its competent body type)');
      await page.getByRole('radio', { name: /Бұқар жырау/ }).check();
      await page.getByRole('button', { name: t(kk, 'file.next') }).click();
      // the essence is required: the form says so next to the field before anything is sent
      await page.getByRole('button', { name: t(kk, 'file.preview') }).click();
      await page.getByText(t(kk, 'file.essenceRequired')).first().waitFor();
      await page.getByLabel(t(kk, 'file.summary')).fill('Пәтерде жылу жоқ');
      await page.getByLabel(t(kk, 'file.essence')).fill('Қараша айынан бері Абай көшесі, 10 үйдегі пәтерлерде жылу жоқ. Жылумен жабдықтауды қалпына келтіруді сұраймын.');
      await page.getByLabel(t(kk, 'file.postalAddress')).fill('Бұқар жырау ауданы, Абай к-сі, 10, 5-пәтер');
      await page.getByRole('button', { name: t(kk, 'file.preview') }).click();
      await page.getByText('Пәтерде жылу жоқ').waitFor();
      await page.getByRole('button', { name: t(kk, 'file.submit') }).click();

      const number = (await page.getByTestId('ticket-number').textContent())!;
      assert.match(number, /^KRG-BZH-\d{4}-\d+$/, 'the ticket carries the registration number');
      const stored = await app.database.db.selectFrom('appeal').select(['state', 'channel', 'essence']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.state, stored.channel], ['registered', 'electronic']);

      // follow it: status, terms with their explanation
      await page.getByRole('link', { name: t(kk, 'file.follow') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
      await page.locator('.status-line').getByText(t(kk, 'state.registered')).waitFor();
      const term = page.locator('.term').filter({ hasText: (kk.termName as Record<string, string>)['APC-76.1']! });
      await term.getByText(t(kk, 'term.explain')).click();
      await term.getByText('APC 76(1)').first().waitFor();

      // request access to the case materials (APC 75(1)): the step appears in the timeline
      await act(page, 'request_access');
      await page.locator('.timeline').getByText(t(kk, 'action.request_access')).waitFor();

      // the cabinet lists the appeal and the notice of registration
      await page.getByRole('link', { name: t(kk, 'nav.cabinet') }).first().click();
      await page.getByRole('link', { name: new RegExp(number) }).waitFor();
      await page.locator('.notices').getByText(number).first().waitFor();

      // the language switch: Russian, then English, remembered across a reload
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByRole('heading', { level: 1, name: t(ru, 'cabinet.title') }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: t(en, 'cabinet.title') }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: t(en, 'cabinet.title') }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    }, { phone: true });
  });

  test('a clerk registers a paper appeal with its real receipt time and gets the ticket (APC 63(1), 64(2)–(3))', async () => {
    await journey('clerk-registers-paper', async (page) => {
      await officialSignIn(page, 'registrar');
      await page.getByRole('link', { name: t(kk, 'nav.register') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'register.title') }).waitFor();
      await page.getByLabel(t(kk, 'file.name')).fill('Серіков Ерлан Маратұлы');
      await page.getByLabel(t(kk, 'file.postalAddress')).fill('Ботакара к., Бейбітшілік к-сі, 3');
      await page.getByLabel(t(kk, 'file.summary')).fill('Көше жарығы');
      await page.getByLabel(t(kk, 'file.essence')).fill('Бейбітшілік көшесінде түнде жарық жанбайды.');
      // a wrong IIN is refused by the API and the message stands next to the field, in Kazakh
      await page.getByLabel(t(kk, 'register.iin')).fill('123');
      await page.getByRole('button', { name: t(kk, 'register.submit') }).click();
      const iinField = page.locator('.field.invalid').filter({ has: page.getByLabel(t(kk, 'register.iin')) });
      await iinField.locator('.error').waitFor();
      await page.getByLabel(t(kk, 'register.iin')).fill('');
      await page.getByRole('button', { name: t(kk, 'register.submit') }).click();
      const number = (await page.getByTestId('ticket-number').textContent())!;
      assert.match(number, /^KRG-BZH-\d{4}-\d+$/);
      const stored = await app.database.db.selectFrom('appeal').select(['channel', 'state']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.channel, stored.state], ['paper', 'registered']);
      await page.getByRole('link', { name: t(kk, 'register.open') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    });
  });

  test('an executor finds the case in the inbox, hears the participant (APC 73) and adopts the act (77) once the hearing window has passed', async () => {
    const id = await registeredCase('Шатырды жөндеу');
    await journey('executor-hears-and-decides', async (page) => {
      await officialSignIn(page, 'executor');
      await page.getByRole('button', { name: new RegExp(t(kk, 'inbox.mine')) }).click();
      await page.getByRole('link', { name: /KRG-BZH/ }).first().waitFor();
      await page.goto(`${base}/appeals/${id}`);
      await page.locator('button[data-action="start_review"]').waitFor();
      assert.equal(await page.locator('button[data-action="extend"]').count(), 0, 'an executor is not offered the extension (APC 76(3): the head or a deputy)');
      await act(page, 'start_review');
      await page.locator('.status-line').getByText(t(kk, 'state.in_review')).waitFor();
      await act(page, 'notify_preliminary_decision', async (d) => {
        await d.getByText('APC 73(1)').waitFor();
        await d.getByLabel(new RegExp(t(kk, 'field.draft'))).fill('Шатырды жөндеу бюджетте қарастырылмаған, бас тарту ұсынылады.');
        await d.getByLabel(new RegExp(t(kk, 'field.method'))).selectOption('information_system');
      });
      await page.locator('.status-line').getByText(t(kk, 'state.preliminary_notified')).waitFor();
      // the participant received it today (the objection window of APC 73(3) runs from receipt)
      await act(page, 'record_preliminary_receipt');
      await page.locator('.timeline').getByText(t(kk, 'action.record_preliminary_receipt')).waitFor();
      // too early: the dialog shows the refusal and stays open
      await page.locator('button[data-action="adopt_act"]').click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel(new RegExp(t(kk, 'field.outcome'))).selectOption('refused');
      await dialog.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Бюджеттік қаражат жоқ.');
      await dialog.getByRole('button', { name: t(kk, 'action.confirm') }).click();
      await dialog.getByRole('alert').waitFor();
      await dialog.getByRole('button', { name: t(kk, 'action.cancel') }).click();
      await dialog.waitFor({ state: 'detached' });
      // the hearing window passes (APC 73(3)): a week later the act is adopted
      now = new Date(now.getTime() + 7 * 86_400_000);
      await page.reload();
      await act(page, 'adopt_act', async (d) => {
        await d.getByLabel(new RegExp(t(kk, 'field.outcome'))).selectOption('refused');
        await d.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Бюджеттік қаражат жоқ; өтініш берушінің қарсылығы болған жоқ.');
      });
      await page.locator('.status-line').getByText(t(kk, 'state.decided')).waitFor();
      const stored = await app.database.db.selectFrom('appeal').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(stored.state, 'decided');
    });
  });

  test('a head extends the term by a reasoned decision (APC 76(3)); the case shows the new term as extended', async () => {
    now = new Date();
    const id = await registeredCase('Жол жөндеу');
    await journey('head-extends-term', async (page) => {
      await officialSignIn(page, 'body_head');
      await page.goto(`${base}/appeals/${id}`);
      const before = await app.database.db.selectFrom('appeal').select(['due', 'extension_cap']).where('id', '=', id).executeTakeFirstOrThrow();
      await act(page, 'extend', async (d) => {
        await d.getByText('APC 76(3)').first().waitFor();
        await d.getByLabel(new RegExp(t(kk, 'field.newDue'))).fill(before.extension_cap);
        await d.getByLabel(new RegExp(t(kk, 'field.reasons'))).fill('Жылу желісінің жай-күйін тексеру үшін сараптама қажет.');
      });
      await page.locator('.facts .tag').getByText(t(kk, 'case.extended')).waitFor();
      const after = await app.database.db.selectFrom('appeal').select(['due', 'extended']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(after.extended, true);
      assert.equal(after.due, before.extension_cap);
      // the head's view of the body lists the executor's load
      await page.getByRole('link', { name: t(kk, 'nav.load') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'load.title') }).waitFor();
      await page.locator('table').getByText(/\S/).first().waitFor();
    });
  });

  test('an executor drafts an act from a standard form; the head signs it with a signature made by openssl and the case shows the act; communicated, it takes effect; its PDF and public check open (APC 77, 80, 81, 83)', async () => {
    now = new Date();
    const id = await registeredCase('Қоршау орнатуға рұқсат');
    await journey('act-drafted-and-signed', async (page) => {
      await officialSignIn(page, 'executor');
      await page.goto(`${base}/appeals/${id}`);
      await act(page, 'start_review');
      await page.locator('.status-line').getByText(t(kk, 'state.in_review')).waitFor();
      // the standard form fills the draft from the case (Rules No. 111 p.7)
      await page.getByRole('radio', { name: /^Өтінішті қанағаттандыру туралы/ }).check();
      await page.getByRole('button', { name: t(kk, 'act.draft') }).click();
      const legalBasis = page.getByLabel(t(kk, 'act.legalBasis'));
      await legalBasis.waitFor();
      assert.match(await page.getByLabel(t(kk, 'act.operative')).inputValue(), /Әлиев Әли .*қанағаттандырылсын/);
      const missing = page.getByTestId('act-missing');
      await missing.getByText(t(kk, 'act.complete')).waitFor();
      // without its legal basis the act lacks the justification of APC 80(1)(4): the list says so
      await legalBasis.fill('');
      await page.getByRole('button', { name: t(kk, 'act.save') }).click();
      await missing.getByText('APC 80(1)(4)').waitFor();
      assert.equal(await page.getByRole('button', { name: t(kk, 'signature.download') }).count(), 0, 'an executor does not sign: the head or a deputy does (APC 77(1))');
      await legalBasis.fill('ҚР ӘРПК 77-бабы 1-тармағының 1) тармақшасы');
      await page.getByLabel(t(kk, 'field.hearingExemption')).selectOption('favourable_no_third_party');
      await page.getByRole('button', { name: t(kk, 'act.save') }).click();
      await missing.getByText(t(kk, 'act.complete')).waitFor();

      // the head downloads the exact text, signs it outside the browser (as NCALayer would) and uploads the signature
      await page.getByRole('button', { name: t(kk, 'nav.signOut') }).click();
      await officialSignIn(page, 'body_head');
      await page.goto(`${base}/appeals/${id}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t(kk, 'signature.download') }).click()]);
      const signature = path.join(pki.dir, 'act-from-browser.p7s');
      fs.writeFileSync(signature, pki.sign('head', fs.readFileSync(await download.path())));
      await page.getByLabel(t(kk, 'signature.file')).setInputFiles(signature);
      await page.getByRole('button', { name: t(kk, 'act.sign') }).click();

      // signing is the adoption on the case (APC 77(1)): decided, the act in force, its signer named
      await page.locator('.status-line').getByText(t(kk, 'state.decided')).waitFor();
      const card = page.getByTestId('act');
      await card.getByText(t(kk, 'act.state.in_force')).waitFor();
      await card.getByText('Смағұлов Ержан Қанатұлы').waitFor();
      const stored = await app.database.db.selectFrom('act').select(['id', 'number', 'state']).where('appeal_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(stored.state, 'in_force');
      // communicated to the participant, it takes effect (APC 81, 83(2)) and the 5 working days of execution run (86(3))
      await card.getByLabel(t(kk, 'act.method')).selectOption('cabinet');
      await card.getByRole('button', { name: t(kk, 'act.communicateSubmit') }).click();
      await card.getByText(t(kk, 'act.state.effective')).waitFor();
      await card.getByText(t(kk, 'act.executionDue')).waitFor();
      const effective = await app.database.db.selectFrom('act').select(['state', 'execution_due']).where('id', '=', stored.id).executeTakeFirstOrThrow();
      assert.equal(effective.state, 'effective');
      assert.ok(effective.execution_due, 'the execution term runs');
      const pdf = await page.request.get(`${base}${await card.getByRole('link', { name: t(kk, 'act.pdf') }).getAttribute('href')}`);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      // the public check the PDF's QR points to is the server's page, not the web application's
      await card.getByRole('link', { name: t(kk, 'act.verify') }).click();
      await page.waitForURL(`${base}/verify/${stored.id}`);
      await page.locator('body').getByText(stored.number).first().waitFor();
      assert.equal(await page.locator('#root').count(), 0, 'the verification page is not swallowed by the web application');
      const check = await anonymous().getVerifyById({ id: stored.id });
      assert.deepEqual([check.hashMatch, check.signatureValid], [true, true]);
    });
  });

  test('a citizen on a phone complains against the act on their appeal from its page and finds the complaint with its term in the cabinet (APC 91, 93, 99)', async () => {
    now = new Date();
    const { appealId, actId, actNumber } = await decidedByAct();
    await journey('citizen-complains', async (page) => {
      await asCitizen(page);
      await page.goto(`${base}/appeals/${appealId}`);
      const card = page.getByTestId('act');
      await card.getByText(actNumber).waitFor();
      await card.getByRole('link', { name: t(kk, 'complaint.file') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'complaint.title') }).waitFor();
      assert.match(await page.getByLabel(t(kk, 'complaint.challenged')).inputValue(), new RegExp(actNumber), 'the act is named');
      // the circumstances are required (APC 93(2)(5)): the API's message stands next to the field
      const circumstances = page.getByLabel(t(kk, 'complaint.circumstances'));
      await page.getByRole('button', { name: t(kk, 'complaint.submit') }).click();
      await page.locator('.field.invalid').filter({ has: circumstances }).locator('.error').waitFor();
      await circumstances.fill('Ауладағы орындықтар сынған, балалар мен қарттар отыра алмайды; бюджетте абаттандыруға қаражат бар.');
      await page.getByLabel(t(kk, 'complaint.demands')).fill('Актінің күшін жойып, орындық орнатуды сұраймын.');
      await page.getByLabel(t(kk, 'complaint.actualAddress')).fill('Бұқар жырау ауданы, Абай к-сі, 10');
      await page.getByRole('button', { name: t(kk, 'complaint.submit') }).click();
      const number = (await page.getByTestId('complaint-number').textContent())!;
      const stored = await app.database.db.selectFrom('complaint').select(['act_id', 'challenged_kind', 'execution_suspended', 'due']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.act_id, stored.challenged_kind, stored.execution_suspended], [actId, 'act', true], 'filing suspends the execution of the act (APC 96)');
      await page.getByText(t(kk, 'complaint.suspended')).waitFor();

      await page.locator('#main').getByRole('link', { name: t(kk, 'nav.cabinet') }).click();
      const mine = page.getByTestId('my-complaints').locator('li').filter({ hasText: number });
      await mine.waitFor();
      await mine.getByText(t(kk, 'complaintState.filed_at_origin')).waitFor();
      await mine.getByText(new RegExp(`${stored.due}|${stored.due.split('-').reverse().join('.')}`)).waitFor();
    }, { phone: true });
  });

  test('a citizen files a petition, joins it with an EDS made by openssl, and its page counts a signature made elsewhere without a reload (APC 90-2, 90-3)', async () => {
    now = new Date();
    await journey('citizen-petition', async (page) => {
      await asCitizen(page);
      await page.goto(`${base}/petitions`);
      await page.getByRole('heading', { level: 1, name: t(kk, 'petition.listTitle') }).waitFor();
      await page.locator('#main').getByRole('link', { name: t(kk, 'petition.create') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'petition.newTitle') }).waitFor();
      await page.getByLabel(t(kk, 'petition.body')).selectOption(ids['KRG-BZH']!);
      await page.getByLabel(new RegExp(`^${t(kk, 'petition.titleField')}`)).fill('Бұқар жырау ауданында велосипед жолдарын салу');
      await page.getByLabel(t(kk, 'petition.content')).fill('Ауданда велосипед жолдары жоқ, балалар жолдың жиегімен жүреді.');
      await page.getByLabel(t(kk, 'petition.proposals')).fill('2027 жылы орталық көшелерде велосипед жолдарын салу.');
      await page.getByLabel(t(kk, 'petition.residence')).fill('Бұқар жырау ауданы, Абай к-сі, 10');
      await page.getByLabel(t(kk, 'petition.citizen')).check();
      await page.getByRole('button', { name: t(kk, 'petition.submit') }).click();
      await page.getByRole('heading', { level: 1, name: 'Бұқар жырау ауданында велосипед жолдарын салу' }).waitFor();
      const petitionId = page.url().split('/').pop()!;
      const count = page.getByTestId('petition-count');
      assert.match((await count.textContent())!, /^0\b/);

      // joining: the declarations, then the EDS over the downloaded text (APC 90-3(1)), made here by openssl
      await page.getByLabel(t(kk, 'petition.citizen')).check();
      await page.getByLabel(t(kk, 'petition.consent')).check();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t(kk, 'signature.download') }).click()]);
      const signature = path.join(pki.dir, 'petition-from-browser.p7s');
      fs.writeFileSync(signature, pki.sign('signer', fs.readFileSync(await download.path())));
      await page.getByLabel(t(kk, 'signature.file')).setInputFiles(signature);
      await page.getByRole('button', { name: t(kk, 'petition.sign') }).click();
      await page.getByText(t(kk, 'petition.signed')).waitFor();
      await count.filter({ hasText: /^1\b/ }).waitFor();
      // another citizen joins elsewhere: the page polls the count and shows it without a reload
      const content = await anonymous().getPetitionsByIdSigningContent({ id: petitionId });
      const other = await anonymous().postPetitionsByIdSignatures({ id: petitionId }, { citizen: true, consent: true, signature: { format: 'cms', value: pki.sign('head', content.content).toString('base64') } });
      assert.equal(other.accepted, true);
      await count.filter({ hasText: /^2\b/ }).waitFor({ timeout: 20_000 });
      const rows = await app.database.db.selectFrom('petition_signature').select('iin').where('petition_id', '=', petitionId).execute();
      assert.deepEqual(rows.map((r) => r.iin).sort(), ['750315300008', CITIZEN_IIN], 'the IINs of the certificates');
    });
  });

  test('a citizen books a slot of a head\'s personal reception with the topic in advance, finds it in the cabinet and cancels it (APC 90)', async () => {
    now = new Date();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() + 2 * 86_400_000));
    await (await api('body_head')).postReceptionsSessions({
      bodyId: ids['KRG-BZH']!, officialId: ids['bzh.akim']!, format: 'office', startsAt: `${day}T10:00:00+05:00`, endsAt: `${day}T11:00:00+05:00`, slotMinutes: 15, place: 'Әкімдік ғимараты, 101-кабинет',
    });
    await journey('citizen-reception', async (page) => {
      await asCitizen(page);
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: t(kk, 'nav.receptions') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'reception.title') }).waitFor();
      const session = page.locator('.sessions > li').filter({ hasText: 'Әкімдік ғимараты, 101-кабинет' });
      await session.getByLabel(t(kk, 'reception.slot')).selectOption({ index: 2 });
      await session.getByLabel(t(kk, 'reception.topic')).fill('Аулаға балалар алаңын салу');
      await session.getByRole('button', { name: t(kk, 'reception.book') }).click();
      await session.getByRole('status').waitFor();
      const booked = await app.database.db.selectFrom('reception_booking').select(['id', 'state', 'slot_at']).where('topic', '=', 'Аулаға балалар алаңын салу').executeTakeFirstOrThrow();
      assert.equal(booked.state, 'booked');
      assert.equal(new Date(booked.slot_at).toISOString(), new Date(`${day}T10:15:00+05:00`).toISOString(), 'the second slot of 15 minutes');

      await session.getByRole('link', { name: t(kk, 'nav.cabinet') }).click();
      const mine = page.getByTestId('my-bookings').locator('li').filter({ hasText: 'Аулаға балалар алаңын салу' });
      await mine.getByText(t(kk, 'reception.state.booked')).waitFor();
      await mine.getByRole('button', { name: t(kk, 'reception.cancel') }).click();
      await mine.getByText(t(kk, 'reception.state.cancelled')).waitFor();
      const cancelled = await app.database.db.selectFrom('reception_booking').select('state').where('id', '=', booked.id).executeTakeFirstOrThrow();
      assert.equal(cancelled.state, 'cancelled');
    }, { phone: true });
  });

  test('a citizen finds a public service, sees its term and documents, complains about it (LSS 25) and follows the complaint in the cabinet', async () => {
    now = new Date();
    const MARRIAGE = '00801002';
    await journey('citizen-service-complaint', async (page) => {
      await asCitizen(page);
      await page.goto(`${base}/`);
      await page.getByRole('navigation', { name: t(kk, 'app.menu') }).getByRole('link', { name: t(kk, 'nav.services') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'services.title') }).waitFor();
      // the register: words of the name as written, and a channel (LSS 12, 18(2)); the search stays in the address
      await page.getByLabel(t(kk, 'services.search')).fill('Неке');
      await page.getByLabel(t(kk, 'services.channel')).selectOption('provider');
      await page.getByRole('button', { name: t(kk, 'services.find') }).click();
      await page.waitForURL(/\/services\?q=.+&channel=provider/);
      const found = page.getByTestId('services').getByRole('link', { name: /Неке қиюды/ });
      await found.click();

      // the service: its term, documents (one taken from information systems, not asked of the citizen), fee, act
      await page.getByRole('heading', { level: 1, name: /Неке қиюды/ }).waitFor();
      assert.match((await page.getByTestId('service-term').textContent())!, /30/);
      const documents = page.getByTestId('service-documents').locator('li');
      assert.equal(await documents.count(), 2);
      await documents.filter({ hasText: 'Мемлекеттік бажды' }).getByText(t(kk, 'services.fromIs')).waitFor();
      await page.getByTestId('service-facts').getByText(t(kk, 'services.mci').replace('{{mci}}', '0,5')).waitFor();
      await page.getByTestId('service-facts').getByText('LSS 21-1').waitFor();
      await page.getByTestId('service-quality').getByText(t(kk, 'services.noRatings')).waitFor();

      // the complaint (LSS 25(2)): to the provider, 5 working days from registration
      await page.getByRole('link', { name: t(kk, 'services.complain') }).first().click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'serviceComplaint.title') }).waitFor();
      await page.getByRole('radio', { name: new RegExp(t(kk, 'serviceComplaint.to.provider')) }).check();
      await page.getByRole('combobox', { name: new RegExp(t(kk, 'serviceComplaint.provider')) }).selectOption(ids['KRG-BZH']!);
      // what happened is required: the API's message stands next to the field
      const essence = page.getByLabel(t(kk, 'serviceComplaint.essence'));
      await page.getByRole('button', { name: t(kk, 'serviceComplaint.submit') }).click();
      await page.locator('.field.invalid').filter({ has: essence }).locator('.error').waitFor();
      await essence.fill('Неке қиюды тіркеуге өтінішті қабылдамай, жүйеде бар құжаттарды қағаз түрінде талап етті.');
      await page.getByLabel(t(kk, 'services.receiptRef')).fill('KZ-2026-000123');
      await page.getByRole('button', { name: t(kk, 'serviceComplaint.submit') }).click();
      const number = (await page.getByTestId('service-complaint-number').textContent())!;
      const stored = await app.database.db.selectFrom('service_complaint').select(['id', 'state', 'term_id', 'due', 'body_id', 'channel']).where('number', '=', number).executeTakeFirstOrThrow();
      assert.deepEqual([stored.state, stored.term_id, stored.body_id, stored.channel], ['registered', 'LSS-25.2', ids['KRG-BZH'], 'electronic']);
      // the term with how it was counted
      const term = page.locator('.term').filter({ hasText: (kk.termName as Record<string, string>)['LSS-25.2']! });
      await term.getByText(t(kk, 'term.explain')).click();
      await term.locator('.steps li').first().waitFor();

      // the cabinet lists it with its state and term
      await page.locator('#main').getByRole('link', { name: t(kk, 'nav.cabinet') }).click();
      const mine = page.getByTestId('my-service-complaints').locator('li').filter({ hasText: number });
      await mine.getByText(t(kk, 'serviceComplaint.state.registered')).waitFor();
      await mine.getByText(new RegExp(`${stored.due}|${stored.due.split('-').reverse().join('.')}`)).waitFor();

      // the provider decides (LSS 25(2), 5(2)(7)); the complaint's page shows the decision
      const head = await api('body_head');
      const current = await head.getServiceComplaintsById({ id: stored.id });
      await head.postServiceComplaintsByIdActions({ id: stored.id }, { version: current.version, action: 'decide', outcome: 'refused', reasons: 'Құжаттар ақпараттық жүйеден алынды, қағаз түрінде талап етілмеген.' });
      await page.reload();
      await mine.getByText(t(kk, 'serviceComplaint.state.decided')).waitFor();
      await mine.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
      const decision = page.getByTestId('service-complaint-decision');
      await decision.getByText(t(kk, 'serviceComplaint.outcome.refused')).waitFor();
      await decision.getByText('Құжаттар ақпараттық жүйеден алынды').waitFor();

      // and rates the service by the complaint (LSS 28–29): the figure counts it
      await page.locator('#main').getByRole('link', { name: /Неке қиюды/ }).click();
      await page.getByRole('heading', { level: 1, name: /Неке қиюды/ }).waitFor();
      await page.getByRole('radio', { name: t(kk, 'services.scores.2') }).check();
      await page.getByRole('combobox', { name: new RegExp(t(kk, 'services.provider')) }).selectOption(ids['KRG-BZH']!);
      await page.getByLabel(t(kk, 'services.orComplaint')).selectOption({ label: number });
      await page.getByRole('button', { name: t(kk, 'services.rateSubmit') }).click();
      await page.getByText(t(kk, 'services.rated')).waitFor();
      await page.getByTestId('service-quality').getByText(t(kk, 'services.ratings_one').replace('{{count}}', '1')).waitFor();
      const rating = await app.database.db.selectFrom('service_rating').select(['score', 'complaint_id']).where('complaint_id', '=', stored.id).executeTakeFirstOrThrow();
      assert.equal(rating.score, 2);
    }, { phone: true });
  });

  test('a head assigns two new appeals to an executor at once from the inbox', async () => {
    now = new Date();
    const registrar = await api('registrar');
    const cases: { id: string; number: string }[] = [];
    for (const summary of ['Аула жарығы', 'Балалар алаңы', 'Көше белгісі']) {
      const r = await registrar.postAppealsRegister({
        bodyId: ids['KRG-BZH']!, type: 'application', channel: 'paper', language: 'kk', summary, essence: `${summary}: жөндеуді сұраймын.`,
        applicant: { kind: 'individual', name: 'Әлиев Әли', postalAddress: 'Бұқар жырау ауданы, Абай к-сі, 10' }, signed: true, receivedAt: now.toISOString(),
      });
      cases.push({ id: r.id, number: r.number });
    }
    await journey('head-bulk-assigns', async (page) => {
      await officialSignIn(page, 'body_head');
      await page.getByRole('button', { name: new RegExp(t(kk, 'inbox.new')) }).click();
      for (const c of cases) await page.getByRole('checkbox', { name: t(kk, 'bulk.pick').replace('{{number}}', c.number), exact: true }).check();
      await page.getByText(t(kk, 'bulk.chosen_other').replace('{{count}}', '3')).waitFor();
      // meanwhile someone else takes a step on the third case: its version in the list is stale (409 version_conflict)
      const stale = cases[2]!;
      await (await api('body_head')).postAppealsByIdActions({ id: stale.id }, { version: await versionOf(stale.id), action: 'assign', executorId: ids['bzh.executor']! });
      await page.getByLabel(t(kk, 'bulk.executor')).selectOption(ids['bzh.executor']!);
      await page.getByRole('button', { name: t(kk, 'bulk.assign') }).click();
      await page.getByRole('heading', { name: t(kk, 'bulk.result').replace('{{ok}}', '2').replace('{{failed}}', '1') }).waitFor();
      const outcomes = page.locator('.outcomes li');
      for (const c of cases.slice(0, 2)) await outcomes.filter({ hasText: c.number }).getByText(t(kk, 'bulk.assigned'), { exact: false }).waitFor();
      const failed = outcomes.filter({ hasText: stale.number });
      await failed.getByText(t(kk, 'bulk.failed')).waitFor();
      assert.match((await failed.textContent())!, /нұсқа|біреу/, 'the refusal says why (version_conflict)');
      const stored = await app.database.db.selectFrom('appeal').select(['id', 'executor_id']).where('id', 'in', cases.map((c) => c.id)).execute();
      for (const row of stored) assert.equal(row.executor_id, ids['bzh.executor']);
      const steps = await app.database.db.selectFrom('case_event').select('case_id').where('case_id', 'in', cases.map((c) => c.id)).where('action', '=', 'assign').execute();
      assert.equal(steps.length, 3, 'one assign step per case: two from the inbox, one from the API');
      // the two assigned leave the selection; the refused one stays chosen for another try
      await page.getByText(t(kk, 'bulk.chosen_one').replace('{{count}}', '1')).waitFor();
      assert.equal(await page.getByRole('checkbox', { name: t(kk, 'bulk.pick').replace('{{number}}', stale.number), exact: true }).isChecked(), true, 'the refused case stays chosen for another try');
    });
  });

  test('the administrator grants a role and edits a calendar year; the change is audited', async () => {
    await journey('admin-roles-calendar', async (page) => {
      await officialSignIn(page, 'sysadmin');
      await page.getByRole('link', { name: t(kk, 'nav.admin') }).click();
      await page.getByRole('heading', { level: 1, name: t(kk, 'admin.title') }).waitFor();

      // officials of a body with their positions; the executor gets the knowledge-base editor's role, then loses it
      await page.getByLabel(t(kk, 'admin.body'), { exact: true }).selectOption(ids['KRG-BZH']!);
      const name = 'Иванова Елена Сергеевна';
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByRole('button', { name: new RegExp(t(kk, 'admin.manageRoles')) }).click();
      await page.getByRole('heading', { level: 3, name: t(kk, 'admin.rolesOf').replace('{{name}}', name) }).waitFor();
      await page.getByLabel(t(kk, 'admin.role'), { exact: true }).selectOption('kb_editor');
      await page.getByRole('button', { name: t(kk, 'admin.grantButton'), exact: true }).click();
      await page.locator('.grants li').filter({ has: page.getByRole('button', { name: new RegExp(t(kk, 'admin.revoke')) }) }).first().waitFor();
      const granted = await app.database.db.selectFrom('role_grant').selectAll().where('official_id', '=', ids['bzh.executor']!).where('role', '=', 'kb_editor').executeTakeFirstOrThrow();
      assert.equal(granted.body_id, ids['KRG-BZH']);
      await page.getByRole('button', { name: new RegExp(t(kk, 'admin.revoke')) }).first().click();
      await page.locator('.grants').getByText(t(kk, 'admin.revokedTag')).waitFor();
      const revoked = await app.database.db.selectFrom('role_grant').select('revoked_at').where('id', '=', granted.id).executeTakeFirstOrThrow();
      assert.ok(revoked.revoked_at, 'the grant is revoked');

      // the production calendar: 2027 with its holidays and working-day total; a transfer onto a Saturday is refused
      // next to the field, a weekday one is saved and the total drops by one
      await page.getByLabel(t(kk, 'admin.year'), { exact: true }).fill('2027');
      await page.getByRole('button', { name: t(kk, 'admin.show'), exact: true }).click();
      await page.getByRole('heading', { level: 3, name: t(kk, 'admin.yearTitle').replace('{{year}}', '2027') }).waitFor();
      await page.getByRole('cell', { name: 'Жаңа жыл' }).first().waitFor();
      const before = Number(await page.getByTestId('working-days').textContent());
      assert.ok(before > 240, `a whole year's working days (${before})`);
      await page.getByRole('button', { name: t(kk, 'admin.edit') }).click();
      await page.getByRole('button', { name: t(kk, 'admin.addTransfer') }).click();
      const label = (field: string) => new RegExp(`^${t(kk, field)}, ${t(kk, 'admin.transfer')} \\d+$`);
      const dayOff = page.getByLabel(label('admin.dayOff')).last();
      await dayOff.fill('2027-11-06');
      await page.getByLabel(label('admin.act')).last().fill('ҚР Еңбек министрінің сынақ бұйрығы');
      await page.getByRole('button', { name: t(kk, 'admin.save') }).click();
      await page.getByRole('alert').getByText('Күнтізбе жылы қайшылықты толтырылған').waitFor();
      assert.equal(await dayOff.getAttribute('aria-invalid'), 'true');
      await page.locator('.invalid .error').getByText(/онсыз да демалыс/).waitFor();
      await dayOff.fill('2027-11-05');
      await page.getByRole('button', { name: t(kk, 'admin.save') }).click();
      await page.getByRole('heading', { level: 3, name: t(kk, 'admin.yearTitle').replace('{{year}}', '2027') }).waitFor();
      await page.getByTestId('working-days').getByText(String(before - 1), { exact: true }).waitFor();
      await page.locator('.transfers').getByText(/ҚР Еңбек министрінің сынақ бұйрығы/).waitFor();

      const audited = await app.database.db.selectFrom('audit_event').select(['action', 'subject_id', 'details']).where('action', 'in', ['permissions.role_granted', 'permissions.role_revoked', 'calendar.year_changed']).execute();
      assert.ok(audited.some((e) => e.action === 'permissions.role_granted' && e.subject_id === ids['bzh.executor']), 'the grant is audited');
      assert.ok(audited.some((e) => e.action === 'permissions.role_revoked' && e.subject_id === ids['bzh.executor']), 'the revocation is audited');
      const change = audited.find((e) => e.action === 'calendar.year_changed' && e.subject_id === '2027');
      assert.ok(change, 'the calendar change is audited');
      assert.ok(JSON.stringify(change.details).includes('2027-11-05'), 'with the year after the change');
    });
  });

  test('a head approves a draft standard form of an act in the administration (Rules No. 111 p.5(3))', async () => {
    // a knowledge-base editor of the district drafts a new form through the API
    await (await api('sysadmin')).postOfficialsByIdRoles({ id: ids['bzh.executor']! }, { role: 'kb_editor', bodyId: ids['KRG-BZH']! });
    const editor = await api('executor');
    const words = { kk: 'Сынақ нысаны', ru: 'Тестовая форма', en: 'Test form' };
    const draft = await editor.postActTemplates({
      bodyId: ids['KRG-BZH']!, code: 'bzh.test-satisfaction', kind: 'satisfaction', procedure: 'appeal', title: words,
      sections: { operative: words, justification: words, legalBasis: words, appealExplanation: words },
    });
    assert.equal(draft.state, 'draft');
    await journey('head-approves-form', async (page) => {
      await officialSignIn(page, 'body_head');
      await page.getByRole('link', { name: t(kk, 'nav.admin') }).click();
      await page.getByRole('heading', { level: 2, name: t(kk, 'admin.forms') }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Сынақ нысаны' });
      await row.getByText(t(kk, 'admin.formState.draft'), { exact: true }).waitFor();
      await row.getByRole('button', { name: new RegExp(t(kk, 'admin.approve')) }).click();
      await row.getByText(t(kk, 'admin.formState.approved'), { exact: true }).waitFor();
      const stored = await app.database.db.selectFrom('act_template').select(['state', 'approved_by']).where('id', '=', draft.id).executeTakeFirstOrThrow();
      assert.deepEqual([stored.state, stored.approved_by], ['approved', ids['bzh.akim']]);
    });
  });
});
