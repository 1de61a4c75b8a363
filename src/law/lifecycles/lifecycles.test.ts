import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TERMS } from '../terms.ts';
import { missingContent } from '../requirements.ts';
import { APPEAL, PRE_DECISION } from './appeal.ts';
import { actionsIn, transitionFor, type Lifecycle } from './lifecycle.ts';
import { SIMPLIFIED } from './simplified.ts';

const lifecycles = [APPEAL, SIMPLIFIED] as Lifecycle<string>[];

test('every transition names real states, at least one actor, a citation, and terms that exist', () => {
  const ids = new Set(TERMS.map((t) => t.id));
  for (const lc of lifecycles) {
    for (const t of lc.transitions) {
      for (const s of t.from) assert.ok(lc.states.includes(s), `${lc.name}.${t.action}: from ${s}`);
      if (t.to !== null) assert.ok(lc.states.includes(t.to), `${lc.name}.${t.action}: to ${t.to}`);
      assert.ok(t.actors.length > 0);
      assert.match(t.citation, /^APC \d/);
      for (const id of t.starts ?? []) assert.ok(ids.has(id), `${lc.name}.${t.action} starts unknown term ${id}`);
    }
  }
});

test('APC 64(1): no lifecycle has an action that refuses to accept an appeal', () => {
  for (const lc of lifecycles) assert.ok(!lc.transitions.some((t) => /refus|reject/.test(t.action)), lc.name);
});

test('APC 76(3): only the head or a deputy head may extend the term', () => {
  for (const lc of lifecycles) {
    const extend = lc.transitions.find((t) => t.action === 'extend')!;
    assert.deepEqual([...extend.actors].sort(), ['deputy_head', 'head']);
  }
});

test('APC 88(2): only the head or a deputy terminates a simplified procedure; an ordinary official cannot', () => {
  const t = transitionFor(SIMPLIFIED, 'in_review', 'terminate')!;
  assert.deepEqual([...t.actors].sort(), ['deputy_head', 'head']);
  assert.equal(actionsIn(SIMPLIFIED, 'in_review', ['official']).some((x) => x.action === 'terminate'), false);
});

test('APC 64(9): withdrawal is possible only before the decision on the case', () => {
  for (const s of PRE_DECISION) assert.ok(transitionFor(APPEAL, s, 'withdraw'), s);
  assert.equal(transitionFor(APPEAL, 'decided', 'withdraw'), undefined);
  assert.equal(transitionFor(APPEAL, 'closed', 'withdraw'), undefined);
});

test('APC 65(1): an appeal cannot be redirected after the decision', () => {
  assert.equal(transitionFor(APPEAL, 'decided', 'redirect'), undefined);
  assert.ok(transitionFor(APPEAL, 'in_review', 'redirect'));
});

test('APC 73(1): the act is adopted from review or after the preliminary decision; the notice starts the 2-day objection window', () => {
  assert.ok(transitionFor(APPEAL, 'preliminary_notified', 'adopt_act'));
  assert.deepEqual(transitionFor(APPEAL, 'in_review', 'notify_preliminary_decision')!.starts, ['APC-73.3']);
});

test('APC 63(2): scenario #4, an unsigned appeal lacks only the signature; #6, no IIN is not a defect', () => {
  const base = { applicant: { kind: 'individual' as const, name: 'Әлия Құрманғалиқызы', postalAddress: 'Астана, Абай к-сі 1' }, addressee: 'Астана қаласының әкімдігі', essence: 'Жол жөндеу', filedOn: '2025-03-20' };
  assert.deepEqual(missingContent({ ...base, signed: false }).map((i) => i.citation), ['APC 63(2)(5)']);
  assert.deepEqual(missingContent({ ...base, signed: true }), []);
  assert.deepEqual(missingContent({ ...base, signed: true, paid: true }).map((i) => i.code), ['payment_proof']);
  assert.deepEqual(missingContent({ applicant: { kind: 'legal_entity' }, signed: true }).map((i) => i.code), ['applicant_name', 'postal_address', 'addressee', 'essence', 'filed_on']);
});
