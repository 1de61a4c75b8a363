/** The act lifecycle of apc-requirements §4.2, row by row, and the content of APC 80. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TERMS } from '../terms.ts';
import { ACT_CONTENT, identicalActsExemptionApplies, missingActContent } from '../acts.ts';
import { ACT, ADOPTED } from './act.ts';
import { transitionFor } from './lifecycle.ts';

test('every act transition names real states, actors, a citation and existing terms', () => {
  const ids = new Set(TERMS.map((t) => t.id));
  for (const t of ACT.transitions) {
    for (const s of t.from) assert.ok(ACT.states.includes(s), `${t.action}: ${s}`);
    if (t.to) assert.ok(ACT.states.includes(t.to));
    assert.ok(t.actors.length > 0);
    assert.match(t.citation, /^APC \d/);
    for (const id of t.starts ?? []) assert.ok(ids.has(id), id);
  }
});

test('APC 83(1): adoption puts the act in force; a later stated date waits for it', () => {
  assert.equal(transitionFor(ACT, 'draft', 'sign')!.to, 'in_force');
  assert.equal(transitionFor(ACT, 'adopted_pending_force', 'enter_into_force')!.to, 'in_force');
});

test('APC 81, 83(2): communication puts it into effect and starts the 5 working days of 86(3)', () => {
  const t = transitionFor(ACT, 'in_force', 'communicate')!;
  assert.equal(t.to, 'effective');
  assert.deepEqual(t.starts, ['APC-86.3']);
  assert.equal(transitionFor(ACT, 'adopted_pending_force', 'communicate')!.to, null);
});

test('APC 96: a complaint suspends execution; execution resumes afterwards (A15)', () => {
  assert.equal(transitionFor(ACT, 'effective', 'suspend_execution')!.to, 'execution_suspended');
  assert.equal(transitionFor(ACT, 'execution_suspended', 'resume_execution')!.to, 'effective');
  assert.equal(transitionFor(ACT, 'execution_suspended', 'execute'), undefined);
});

test('APC 86(2)-(3), 83(3): executed, then ceased; a ceased act can no longer be executed', () => {
  assert.equal(transitionFor(ACT, 'effective', 'execute')!.to, 'executed');
  assert.equal(transitionFor(ACT, 'executed', 'cease')!.to, 'ceased');
  assert.equal(transitionFor(ACT, 'ceased', 'execute'), undefined);
});

test('APC 82: a correction keeps the state and is possible in every adopted state, never on a draft', () => {
  for (const s of ADOPTED) assert.equal(transitionFor(ACT, s, 'correct')!.to, null, s);
  assert.equal(transitionFor(ACT, 'draft', 'correct'), undefined);
});

test('APC 84, 85: revocation by the head or a deputy only; 100(1), 155(3): cancellation by the review body or court', () => {
  for (const a of ['revoke_unlawful', 'revoke_lawful']) assert.deepEqual([...transitionFor(ACT, 'effective', a)!.actors].sort(), ['deputy_head', 'head']);
  assert.equal(transitionFor(ACT, 'effective', 'cancel')!.to, 'cancelled');
  assert.equal(transitionFor(ACT, 'draft', 'revoke_unlawful'), undefined);
});

test('APC 78(4): an oral act may be asked for in writing; the term is APC-78.4', () => {
  assert.deepEqual(transitionFor(ACT, 'effective', 'request_written_form')!.starts, ['APC-78.4']);
});

test('APC 80(1): a complete act lacks nothing; each missing item is named with its citation', () => {
  const full = { bodyName: 'Байзақ ауданының әкімдігі', official: 'Смағұлов Е.Қ.', adoptedOn: '2025-04-14', addressee: { kind: 'individual' as const, name: 'Құрманғалиева Әлия' }, operative: 'Қанағаттандырылсын', justification: 'Құжаттар сай', legalBasis: 'ӘРПК 77(1)(1)', appealExplanation: '3 ай' };
  assert.deepEqual(missingActContent(full, { beforeSigning: true }), []);
  assert.deepEqual(missingActContent(full).map((i) => i.citation), ['APC 80(1)(5)']);
  assert.deepEqual(missingActContent({ ...full, addressee: { kind: 'legal_entity', name: 'Жарық' } }, { beforeSigning: true }).map((i) => i.citation), ['APC 80(1)(3)']);
  assert.deepEqual(missingActContent({ ...full, justification: '' }, { beforeSigning: true }).map((i) => i.code), ['justification']);
  assert.deepEqual(missingActContent({ ...full, justification: '', justificationExemption: 'favourable_no_third_party' }, { beforeSigning: true }), []);
  assert.deepEqual(missingActContent({ ...full, hearingExemption: 'urgent_protection' }, { beforeSigning: true }).map((i) => i.citation), ['APC 73(2)']);
  for (const i of ACT_CONTENT) for (const l of ['kk', 'ru', 'en'] as const) assert.ok(i.text[l].length > 3, `${i.code} ${l}`);
});

test('#52 APC 80(2)(2): more than five identical acts within 30 continuous calendar days', () => {
  assert.equal(identicalActsExemptionApplies(['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04'], '2025-04-14'), false);
  assert.equal(identicalActsExemptionApplies(['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05'], '2025-04-14'), true);
  assert.equal(identicalActsExemptionApplies(['2025-03-16', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05'], '2025-04-14'), true, '16.03 is the 30th day counting 14.04');
  assert.equal(identicalActsExemptionApplies(['2025-03-15', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05'], '2025-04-14'), false);
});
