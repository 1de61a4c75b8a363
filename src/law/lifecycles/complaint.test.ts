import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLAINT_CONTENT, COMPLAINT_DECISIONS, NOT_CONSIDERED_GROUNDS, SUSPENSION_EXCEPTIONS, missingComplaintContent } from '../complaints.ts';
import { ANNEX3_COLUMNS, CLAIM_TYPES, RETURN_GROUNDS, annex3Problems, claimTerm, foundUnlawful } from '../court.ts';
import { TERMS } from '../terms.ts';
import { COMPLAINT, COMPLAINT_PRE_DECISION } from './complaint.ts';
import { transitionFor } from './lifecycle.ts';

test('complaint lifecycle (§4.4): every transition names real states, actors, a citation and terms that exist', () => {
  const ids = new Set(TERMS.map((t) => t.id));
  for (const t of COMPLAINT.transitions) {
    for (const s of t.from) assert.ok(COMPLAINT.states.includes(s), `${t.action}: from ${s}`);
    if (t.to !== null) assert.ok(COMPLAINT.states.includes(t.to), `${t.action}: to ${t.to}`);
    assert.ok(t.actors.length > 0);
    assert.match(t.citation, /^APC \d/);
    for (const id of t.starts ?? []) assert.ok(ids.has(id), `${t.action} starts unknown term ${id}`);
  }
});

test('APC 92(3), 94(1) -> 64(1); §9 C: no action refuses intake of a complaint, and none extends the 20-working-day term of 99', () => {
  assert.ok(!COMPLAINT.transitions.some((t) => /refus|reject|extend/.test(t.action)));
});

test('APC 91(4): satisfying, forwarding and the court route of 91(6) are the originating body\'s steps at filing only', () => {
  for (const action of ['satisfy', 'forward', 'court_route']) {
    const t = transitionFor(COMPLAINT, 'filed_at_origin', action)!;
    assert.ok(!t.actors.includes('reviewer'), action);
    assert.equal(transitionFor(COMPLAINT, 'registered_at_review', action), undefined);
  }
});

test('APC 94(1) -> 64(9), 95(1)(4): withdrawal is possible before the decision only, and leaves the complaint without consideration', () => {
  for (const s of COMPLAINT_PRE_DECISION) assert.equal(transitionFor(COMPLAINT, s, 'withdraw')?.to, 'left_without_consideration', s);
  assert.equal(transitionFor(COMPLAINT, 'decided', 'withdraw'), undefined);
});

test('APC 100(5), A23: a decision after the deemed dismissal is still possible and is recorded as late', () => {
  assert.equal(transitionFor(COMPLAINT, 'deemed_dismissed', 'decide')?.to, 'decided');
});

test('closed lists: 93(2) has 10 checked items, 95(1) four grounds, 96 three exceptions, 100(1) six decisions, 138(2) seventeen return grounds', () => {
  assert.equal(COMPLAINT_CONTENT.length, 10);
  assert.deepEqual(NOT_CONSIDERED_GROUNDS.map((g) => g.citation), ['APC 95(1)(1)', 'APC 95(1)(2)', 'APC 95(1)(3)', 'APC 95(1)(4)']);
  assert.deepEqual(SUSPENSION_EXCEPTIONS.map((g) => g.citation), ['APC 96(1)', 'APC 96(2)', 'APC 96(3)']);
  assert.deepEqual(COMPLAINT_DECISIONS.map((d) => d.citation), [1, 2, 3, 4, 5, 6].map((n) => `APC 100(1)(${n})`));
  assert.equal(RETURN_GROUNDS.length, 17);
  assert.deepEqual(RETURN_GROUNDS.filter((g) => g.refilingBarred).map((g) => g.code.split('.').at(-1)), ['3', '5', '9', '11', '12', '13', '14', '15', '17']);
  for (const list of [COMPLAINT_CONTENT, NOT_CONSIDERED_GROUNDS, SUSPENSION_EXCEPTIONS, COMPLAINT_DECISIONS, CLAIM_TYPES, RETURN_GROUNDS]) {
    for (const g of list) for (const l of ['kk', 'ru', 'en'] as const) assert.ok(g.text[l].trim(), `${g.code} ${l}`);
  }
});

test('APC 93(2)(2), A16, #40: a complaint without IIN lacks only that item; the actual address (93(2)(3)) is checked too', () => {
  const base = { reviewBody: 'Қарағанды облысының әкімдігі', complainant: { kind: 'individual' as const, name: 'Иванов И. И.', iin: '900101300017', postalAddress: 'Абай к-сі 10', actualAddress: 'Абай к-сі 10' }, challengedBody: 'Байқоңыр ауданы әкімдігі', circumstances: 'Шатыр', filedOn: '2025-04-14', signed: true, attachments: [] };
  assert.deepEqual(missingComplaintContent(base), []);
  assert.deepEqual(missingComplaintContent({ ...base, complainant: { ...base.complainant, iin: null } }).map((i) => i.citation), ['APC 93(2)(2)']);
  assert.deepEqual(missingComplaintContent({ ...base, complainant: { ...base.complainant, actualAddress: null }, attachments: null }).map((i) => i.code), ['actual_address', 'attachments']);
});

test('APC 136(1), 136(1) ¶2, 136(2), 136(6): the claim term by claim type and basis', () => {
  assert.equal(claimTerm('challenge', 'complaint_decision'), 'APC-136.1');
  assert.equal(claimTerm('compulsion', 'direct'), 'APC-136.1_direct');
  assert.equal(claimTerm('performance', 'complaint_decision'), 'APC-136.2');
  assert.equal(claimTerm('challenge', 'deemed_dismissal'), 'APC-136.6');
});

test('Rules No. 111 Annex 3, AT-28: pending needs the instance, a decided instance its number and date, a cancellation in force its reasons', () => {
  assert.deepEqual(annex3Problems({ status: 'pending', actCancelled: false }).map((p) => p.code), ['instance_required']);
  assert.deepEqual(annex3Problems({ status: 'in_force', enteredIntoForceOn: '2025-09-05', actCancelled: true }).map((p) => p.code), ['cancellation_reasons_required']);
  assert.deepEqual(annex3Problems({ status: 'pending', instance: 'appeal', appeal: { outcome: 'claim_refused' } as never, actCancelled: false }).map((p) => p.field), ['body.appeal.caseNumber', 'body.appeal.decidedOn']);
  assert.deepEqual(annex3Problems({ status: 'in_force', enteredIntoForceOn: '2025-09-05', actCancelled: true, cancellationReasons: 'Суд: нарушен закон' }), []);
  assert.deepEqual(ANNEX3_COLUMNS.map((c) => c.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
});

test('Rules No. 111 p.5(7): the court act of the highest instance decides whether the act was found unlawful', () => {
  assert.equal(foundUnlawful({ firstInstance: { outcome: 'act_cancelled' } }), true);
  assert.equal(foundUnlawful({ firstInstance: { outcome: 'act_cancelled' }, appeal: { outcome: 'claim_refused' } }), false);
  assert.equal(foundUnlawful({ firstInstance: { outcome: 'claim_refused' }, appeal: { outcome: 'claim_refused' }, cassation: { outcome: 'act_cancelled_in_part' } }), true);
});
