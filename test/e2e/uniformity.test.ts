/**
 * The uniformity analysis in real Chromium (docs/uniformity.md): a legal-service official opens a procedure, runs
 * the analysis, sees the divergent decisions ranked, opens the pair side by side and marks it a defect with a
 * measure (APC 15-1(4); Rules No. 111 Annex 4 p.1, p.6); the court signals show the cancelled act and the courts'
 * reasons. The decided cases are written into the database directly.
 */
import { after, before, describe, test } from 'node:test';
import { kk, missing, openWebApp, t, type WebApp } from '../support/browser.ts';

describe('uniformity analysis in Chromium', { skip: missing }, () => {
  let web: WebApp;
  let procedureId = '';

  before(async () => {
    web = await openWebApp({}, { clock: () => new Date('2025-06-02T05:00:00Z') });
    const db = web.app.database.db;
    await db.insertInto('role_grant').values({ official_id: web.ids['krg.legal']!, role: 'legal_service', body_id: web.ids['KRG-BZH']!, valid_from: '2024-01-01', granted_by: 'test' }).execute();
    procedureId = (await db.insertInto('admin_procedure').values({
      body_id: web.ids['KRG-BZH']!, code: 'ROOF', scope: 'Тұрғын үй қатынастары', name: JSON.stringify({ kk: 'Шатырды жөндеу', ru: 'Ремонт крыши', en: 'Roof repair' }), regulated_by: 'ӘРПК', format: 'both',
      performer: 'ТКШ бөлімі', complaint_body: 'Аудан әкімі', appeal_procedure: 'Шағым', appeal_terms: 'Үш ай', legal_refs: 'ӘРПК 77-бабы', state: 'approved', created_by: 'test',
    }).returning('id').executeTakeFirstOrThrow()).id;
    const cases = [
      { body: 'KRG-BZH', essence: 'Прошу отремонтировать протекающую крышу многоквартирного дома по ул. Абая, 10: управляющая компания бездействует', reasons: 'Крыша дома в аварийном состоянии, что подтверждено актом обследования', outcome: 'satisfied' },
      { body: 'KRG-BZH-BOT', essence: 'Управляющая компания бездействует, крыша нашего многоквартирного дома протекает, просим провести ремонт крыши', reasons: 'Аварийное состояние крыши дома подтверждено актом обследования', outcome: 'refused' },
    ];
    let n = 0;
    for (const c of cases) {
      n++;
      const appeal = await db.insertInto('appeal').values({
        number: `E2E-${n}`, body_id: web.ids[c.body]!, type: 'application', procedure: 'appeal', state: 'closed', channel: 'paper', language: 'ru', summary: 'Крыша', essence: c.essence,
        applicant: JSON.stringify({ kind: 'individual', name: `Заявитель ${n}` }), signed: true, received_at: '2025-03-03T03:00:00Z', received_on: '2025-03-03', registered_on: '2025-03-03',
        accepted_by_name: '—', accepted_by_position: '—', due: '2025-03-24', extension_cap: '2025-04-14', admin_procedure_id: procedureId, decided_at: '2025-03-20T06:00:00Z',
        decision: JSON.stringify({ kind: 'act', outcome: c.outcome }),
      }).returning('id').executeTakeFirstOrThrow();
      const act = await db.insertInto('act').values({
        number: `E2E-A-${n}`, body_id: web.ids[c.body]!, appeal_id: appeal.id, kind: c.outcome === 'refused' ? 'refusal' : 'satisfaction', outcome: c.outcome, favourable: c.outcome !== 'refused',
        form: 'written_electronic', language: 'ru', state: 'in_force', adopted_on: '2025-03-20', content: JSON.stringify({ outcome: c.outcome, justification: c.reasons, legalBasis: 'ст. 77 п. 1 пп. 1) АППК' }),
      }).returning('id').executeTakeFirstOrThrow();
      if (c.outcome === 'refused') {
        await db.insertInto('court_case').values({
          body_id: web.ids['KRG-BZH']!, act_id: act.id, act: JSON.stringify({ name: 'Отказ', content: 'Отказ', adoptedOn: '2025-03-20' }), claim_type: 'challenge', claim_basis: 'direct',
          court: 'СМАС', case_number: '7194-25-00-4/77', role: 'defendant', plaintiff: JSON.stringify({ kind: 'individual', name: 'Истец' }), claims: 'Отменить', claim_filed_on: '2025-04-01',
          status: 'in_force', instance: 'first', first_instance: JSON.stringify({ caseNumber: '7194-25-00-4/77', decidedOn: '2025-04-20', outcome: 'act_cancelled', result: 'against_body' }),
          entered_into_force_on: '2025-05-20', act_cancelled: true, cancellation_reasons: 'Акт обследования не оценён',
        }).execute();
      }
    }
  });
  after(async () => web?.close());

  test('the legal service runs the analysis, compares the pair and marks it a defect; the court signals show the cancelled act', async () => {
    await web.journey('uniformity-review', async (page) => {
      await web.officialSignIn(page, 'legal_service');
      await page.goto(`${web.base}/staff/procedures/${procedureId}`);
      await page.getByRole('heading', { name: t(kk, 'uniformity.title') }).waitFor();
      await page.getByTestId('court-cancelled').getByText('Акт обследования не оценён').waitFor();
      await page.getByRole('button', { name: t(kk, 'uniformity.run') }).click();
      await page.getByTestId('divergence-list').waitFor();
      await page.getByRole('button', { name: t(kk, 'uniformity.compare') }).first().click();
      await page.getByTestId('divergence-side').nth(1).waitFor();
      await page.getByTestId('divergence-pair').getByText('E2E-2').waitFor();
      await page.getByLabel(t(kk, 'uniformity.verdict'), { exact: true }).selectOption('defect');
      await page.getByLabel(t(kk, 'uniformity.measure'), { exact: true }).selectOption('update_manual');
      await page.getByLabel(t(kk, 'uniformity.note'), { exact: true }).fill('Нұсқаулықта тексеру актісін бағалауды нақтылау');
      await page.getByRole('button', { name: t(kk, 'uniformity.saveReview') }).click();
      await page.getByTestId('divergence-reviewed').getByText('Нұсқаулықта тексеру актісін бағалауды нақтылау', { exact: false }).waitFor();
    });
  });
});
