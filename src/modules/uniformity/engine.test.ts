/**
 * The uniformity engine and its parts (APC 15-1(4)): the norm parser on kk/ru/en citation forms, the stems that
 * make rewordings meet, and the analysis on hand-written and generated cases with planted divergences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Outcome } from '../../law/uniformity.ts';
import { findDivergences, type DecidedCase } from './engine.ts';
import { generateCases } from './generate.ts';
import { normOverlap, parseNorms } from './norms.ts';
import { hash32, jaccard, stems } from './text.ts';

test('norms: one normal form for the Kazakh, Russian and English citations of APC 77(1)(2)', () => {
  for (const text of [
    'ӘРПК 77-бабы 1-тармағының 2) тармақшасы',
    'ст. 77 п. 1 пп. 2) АППК',
    'подпункт 2) пункта 1 статьи 77 АППК',
    'APC 77(1)(2)',
    'Article 77(1)(2) of the APC',
    'Административного процедурно-процессуального кодекса ст. 77 п. 1 пп. 2)',
  ]) assert.deepEqual(parseNorms(text), ['APC 77(1)(2)'], text);
});

test('norms: other codes and laws, several references, the code named once for two articles', () => {
  assert.deepEqual(parseNorms('Жер кодексінің 43-бабы'), ['LC 43']);
  assert.deepEqual(parseNorms('ст. 43 ЗК РК; ст. 77 АППК'), ['LC 43', 'APC 77']);
  assert.deepEqual(parseNorms('статьи 77 АППК и статьи 12'), ['APC 77', 'APC 12']);
  assert.deepEqual(parseNorms('ч. 2 ст. 73 Административного процедурно-процессуального кодекса'), ['APC 73(2)']);
  assert.deepEqual(parseNorms('Согласно ст. 12 Закона о жилищных отношениях и п. 3 ст. 77 АППК'), ['HousingLaw 12', 'APC 77(3)']);
  assert.deepEqual(parseNorms('Тұрғын үй қатынастары туралы заңның 12-бабы'), ['HousingLaw 12']);
  assert.deepEqual(parseNorms('ул. Абая, 10, department 5, кв. 3'), []);
});

test('norms: overlap counts a narrower norm as part of the wider one, different subparagraphs as different', () => {
  assert.equal(normOverlap(['APC 77(1)'], ['APC 77(1)(2)']), 1);
  assert.equal(normOverlap(['APC 77(1)(1)'], ['APC 77(1)(2)']), 0);
  assert.equal(normOverlap(['APC 77(1)(1)', 'HousingLaw 12'], ['APC 77(1)(1)']), 0.5);
  assert.equal(normOverlap([], []), 1);
  assert.equal(normOverlap(['LC 43'], []), 0);
});

const sim = (x: string, y: string) => {
  const a = Uint32Array.from(stems(x).map(hash32)).sort();
  const b = Uint32Array.from(stems(y).map(hash32)).sort();
  return jaccard(a, 0, a.length, b, 0, b.length);
};

test('stems: inflections, order and punctuation do not matter; different facts stay apart', () => {
  assert.deepEqual(new Set(stems('крыша, крыши, крышу, крышей')), new Set(['крыш']));
  assert.ok(sim('Прошу отремонтировать протекающую крышу дома', 'Крыша дома протекает: прошу отремонтировать') > 0.7);
  assert.ok(sim('Прошу отремонтировать протекающую крышу дома', 'Прошу установить уличное освещение') < 0.1);
  assert.ok(sim('Көпқабатты үйдің шатырын жөндеуді сұраймын', 'Көпқабатты үйдің шатырын жөндеу қажет') >= 0.75);
});

const FACTS = {
  roof: [
    'Прошу отремонтировать протекающую крышу многоквартирного дома по ул. Абая, 10: управляющая компания бездействует. Крыша дома в аварийном состоянии, что подтверждено актом обследования',
    'Управляющая компания бездействует, крыша нашего многоквартирного дома протекает, просим провести ремонт крыши (ул. Абая, 12). Аварийное состояние крыши дома подтверждено актом обследования',
    'Протекает крыша многоквартирного дома на улице Абая 14, управляющая компания ничего не делает, прошу отремонтировать крышу. Актом обследования подтверждено аварийное состояние крыши',
  ],
  light: ['Прошу установить уличное освещение на улице Абая, вечером темно, фонари не работают. Освещение улицы не предусмотрено бюджетом текущего года'],
};

function kase(id: string, text: string, outcome: Outcome, where: Partial<DecidedCase> = {}, norms = ['APC 77(1)(1)', 'HousingLaw 12']): DecidedCase {
  return { id, procedureId: 'p1', outcome, text, norms, bodyId: 'b1', subdivisionId: 's1', executorId: 'e1', regionId: 'r1', ...where };
}

test('engine: a planted divergence is found; rewordings with one outcome, different facts and different norms are not', () => {
  const cases = [
    kase('a1', FACTS.roof[0]!, 'satisfied'),
    kase('a2', FACTS.roof[1]!, 'refused', { bodyId: 'b2', executorId: 'e2', subdivisionId: 's2' }),
    kase('a3', FACTS.roof[2]!, 'satisfied', { executorId: 'e3' }),
    // different facts, different outcome, same norms
    kase('c1', FACTS.light[0]!, 'refused'),
    // the same facts under other norms
    kase('d1', FACTS.roof[2]!, 'refused', {}, ['LC 43']),
    // the same facts in another procedure
    kase('x1', FACTS.roof[0]!, 'refused', { procedureId: 'p2' }),
  ];
  const r = findDivergences(cases);
  const keys = r.pairs.map((p) => `${p.a}-${p.b}`);
  assert.deepEqual(new Set(keys), new Set(['a1-a2', 'a2-a3']));
  const top = r.pairs[0]!;
  assert.equal(`${top.a}-${top.b}`, 'a1-a2', 'across bodies ranks above within the body');
  assert.equal(top.spread, 'body');
  assert.equal(top.outcomeA, 'satisfied');
  assert.equal(top.outcomeB, 'refused');
  assert.ok(top.similarity >= 0.6);
  assert.equal(top.group.size, 4, 'a1, a2, a3 and d1 describe the same facts');
  assert.equal(r.pairs.find((p) => p.a === 'a2' && p.b === 'a3')!.spread, 'body');
});

test('engine: satisfied against refused ranks above satisfied against partly satisfied', () => {
  const r = findDivergences([
    kase('a1', FACTS.roof[0]!, 'satisfied'),
    kase('a2', FACTS.roof[1]!, 'partly_satisfied', { executorId: 'e2' }),
    kase('b1', FACTS.roof[0]!.replace('Абая', 'Сейфуллина'), 'satisfied', { procedureId: 'p3' }),
    kase('b2', FACTS.roof[1]!.replace('Абая', 'Сейфуллина'), 'refused', { procedureId: 'p3', executorId: 'e2' }),
  ]);
  assert.deepEqual(r.pairs.map((p) => `${p.a}-${p.b}`), ['b1-b2', 'a1-a2']);
});

test('engine: generated cases: planted divergences are found, same-outcome rewordings never flagged', () => {
  const cases = [...generateCases({ cases: 3000, procedures: 3, issuesPerProcedure: 20, divergenceRate: 0.03, seed: 7 })];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const r = findDivergences(cases, { pairsPerGroup: 1000 });
  assert.ok(r.pairs.length > 0);
  for (const p of r.pairs) {
    const a = byId.get(p.a)!;
    const b = byId.get(p.b)!;
    assert.notEqual(a.outcome, b.outcome);
    assert.equal(a.issue, b.issue, 'only cases of one issue (similar facts) are paired');
    assert.ok(a.planted || b.planted, 'every pair has a planted case in it');
  }
  // every planted case whose issue has another outcome in the data is found in some pair
  const inPairs = new Set(r.pairs.flatMap((p) => [p.a, p.b]));
  const planted = cases.filter((c) => c.planted);
  const found = planted.filter((c) => inPairs.has(c.id));
  assert.ok(found.length / planted.length > 0.97, `${found.length} of ${planted.length} planted cases found`);
});
