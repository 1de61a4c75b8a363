/**
 * The acceptance scenarios of the law that involve a term: apc-requirements.md §8 (numbered #) and
 * rules-services-requirements.md Part 5 (AT-xx). Each test names its article.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import file from '../../data/calendar/kz.json' with { type: 'json' };
import { WorkingCalendar, completeYear } from './calendar.ts';
import { readProductionCalendarFile, type ProductionCalendarFile } from './calendar-file.ts';
import { dayNumber, isoDate } from './dates.ts';
import { DEFAULT_CONVENTIONS, TermNotComputableError, computeDeadline, type Conventions } from './deadlines.ts';
import type { Term } from './term.ts';
import { TERMS } from './terms.ts';

const calendar = new WorkingCalendar(readProductionCalendarFile(file as unknown as ProductionCalendarFile).map(completeYear));
const term = (id: string): Term => {
  const t = TERMS.find((x) => x.id === id);
  assert.ok(t, `term ${id} exists`);
  return t;
};
const due = (id: string, from: string, conventions: Partial<Conventions> = {}) =>
  computeDeadline(term(id), from, calendar, { ...DEFAULT_CONVENTIONS, ...conventions });

type Row = [scenario: string, termId: string, from: string, expected: string, conventions?: Partial<Conventions>];

const APC: Row[] = [
  ['#1 APC 64(3): received Saturday 22.03.2025, registered on the next working day', 'APC-64.3', '2025-03-22', '2025-03-26'],
  ['#3 APC 64(3): received on a working day, registered the same day', 'APC-64.3', '2025-04-02', '2025-04-02'],
  ['#2 APC 76(1): 15 working days from receipt on Saturday 22.03.2025', 'APC-76.1', '2025-03-22', '2025-04-15'],
  ['#2 APC 76(1) with the registration convention (A4): from 26.03', 'APC-76.1', '2025-03-22', '2025-04-16', { mainTermFrom: 'registration' }],
  ['#3/#44 APC 76(1): received Wednesday 02.04.2025', 'APC-76.1', '2025-04-02', '2025-04-23'],
  ['#14 APC 76(1): received Monday 03.02.2025', 'APC-76.1', '2025-02-03', '2025-02-24'],
  ['#58 APC 76(1): Independence Day 16.12 skipped', 'APC-76.1', '2025-12-01', '2025-12-23'],
  ['#7 APC 65(1): redirection within 3 working days', 'APC-65.1', '2025-10-20', '2025-10-23'],
  ['#8 APC 65(1): Republic Day moved to 27.10', 'APC-65.1', '2025-10-23', '2025-10-29'],
  ['#9 APC 65(1): received during Nauryz', 'APC-65.1', '2025-03-22', '2025-03-28'],
  ['#10 APC 65(2): partial redirection', 'APC-65.2', '2025-04-02', '2025-04-07'],
  ['#11 APC 70(3): termination notice', 'APC-70.3', '2025-04-10', '2025-04-15'],
  ['#14 APC 76(3): extension cap, 2 months from initiation', 'APC-76.3', '2025-02-03', '2025-04-03'],
  ['#14 APC 76(3): notice of the extension within 3 working days', 'APC-76.3_notice', '2025-02-20', '2025-02-25'],
  ['#15 APC 73(1): preliminary decision at least 3 working days before the act', 'APC-73.1', '2025-02-24', '2025-02-19'],
  ['#16 APC 73(3): objection within 2 working days of receipt', 'APC-73.3', '2025-04-07', '2025-04-09'],
  ['#19 APC 74(6): remarks on the protocol within 3 working days', 'APC-74.6', '2025-04-10', '2025-04-15'],
  ['#20 APC 67(3): recusal decided within 3 working days (10.03 moved day off)', 'APC-67.3', '2025-03-07', '2025-03-13'],
  ['#23 APC 75(1): access to case materials', 'APC-75.1', '2025-10-23', '2025-10-29'],
  ['#24 APC 82(3): correction motion decided', 'APC-82.3', '2025-04-03', '2025-04-08'],
  ['#25 APC 78(4): oral act put in writing within 1 working day', 'APC-78.4', '2025-03-07', '2025-03-11'],
  ['#26 APC 86(3): execution counted from taking effect (A12)', 'APC-86.3', '2025-04-16', '2025-04-23'],
  ['#26 APC 86(3): execution counted from adoption (A12)', 'APC-86.3', '2025-04-14', '2025-04-21'],
  ['#27 APC 91(2): deemed refusal dated on the expiry day', 'APC-91.2', '2025-02-24', '2025-02-24'],
  ['#28 APC 92(1): complaint within 3 months', 'APC-92.1', '2025-01-15', '2025-04-15'],
  ['#36 APC 92(1): 30 February does not exist, 28.02.2026 is a Saturday', 'APC-92.1', '2025-11-30', '2026-03-02'],
  ['#31 APC 91(4): forward the complaint and the case file', 'APC-91.4', '2025-04-14', '2025-04-17'],
  ['#31 APC 91(4) ¶3: or satisfy it in full within the same 3 working days', 'APC-91.4_satisfy', '2025-04-14', '2025-04-17'],
  ['#34 APC 99: complaint decided within 20 working days', 'APC-99', '2025-10-15', '2025-11-13'],
  ['#34 APC 100(5): deemed dismissal dated on the expiry day', 'APC-100.5', '2025-11-13', '2025-11-13'],
  ['#37 APC 100(2): case returned within 5 working days (21, 24, 25 March off)', 'APC-100.2', '2025-03-17', '2025-03-27'],
  ['#38 APC 95(2): notice of leaving without consideration', 'APC-95.2', '2025-03-19', '2025-03-27'],
  ['#45 APC 90-5(1)(1): petition, central body, 40 working days', 'APC-90-5.1.1', '2025-10-06', '2025-12-02'],
  ['#45 APC 90-5(1)(2): petition, local body, 20 working days', 'APC-90-5.1.2', '2025-10-06', '2025-11-04'],
  ['#46 APC 90-5(2)(2): notices 3 working days before the public discussion', 'APC-90-5.2.2', '2025-04-10', '2025-04-07'],
  ['#47 APC 90-6(3): decision posted by the next working day', 'APC-90-6.3', '2025-03-07', '2025-03-11'],
  ['#48 APC 90-2(8): registered media informed within 5 working days', 'APC-90-2.8', '2025-03-20', '2025-04-01'],
  ['#53 APC 136(1): claim within a month of delivery of the complaint decision', 'APC-136.1', '2025-02-12', '2025-03-12'],
  ['#55 APC 168(2): appeal within 2 months of the decision in final form', 'APC-168.2', '2025-02-14', '2025-04-14'],
  ['#56 APC 171(2): execution within a month, nominal 01.11.2025 is a Saturday', 'APC-171.2', '2025-10-01', '2025-11-03'],
  ['#57 APC 169(2): cassation within a month of delivery', 'APC-169.2', '2025-10-10', '2025-11-10'],
];

const LSS: Row[] = [
  ['AT-01 LSS 25(2): complaint to the provider, 5 working days from registration', 'LSS-25.2', '2025-09-15', '2025-09-22'],
  ['AT-01 LSS 25(2): with the "registration day is day 1" convention', 'LSS-25.2', '2025-09-15', '2025-09-19', { countStart: 'event_day' }],
  ['AT-02 LSS 25(2): complaint to the authorised body, 15 working days', 'LSS-25.2_authorized_body', '2025-09-15', '2025-10-06'],
  ['AT-05 LSS 25(2): Independence Day 16.12.2025 skipped', 'LSS-25.2', '2025-12-12', '2025-12-22'],
  ['AT-10 LSS 5(2)(5): result to the State Corporation one day before the term ends', 'LSS-5.2.5', '2025-11-14', '2025-11-13'],
  ['AT-11 LSS 23(2): information to the Unified Contact Center within 3 working days', 'LSS-23.2', '2025-11-03', '2025-11-06'],
  ['AT-11 LSS 10(13): the State Corporation informed within 3 working days', 'LSS-10.13', '2025-11-03', '2025-11-06'],
  ['AT-12 LSS 15(3): public discussion lasts 10 working days', 'LSS-15.3', '2025-11-03', '2025-11-17'],
  ['AT-13 LSS 27-2(2): notice of a scheduled inspection at least 3 working days before', 'LSS-27-2.2', '2025-11-17', '2025-11-12'],
  ['AT-14 LSS 27-2(1): scheduled inspection, counting from the day after the start', 'LSS-27-2.1', '2025-11-17', '2025-12-15'],
  ['AT-14 LSS 27-2(1): scheduled inspection, the start day is day 1', 'LSS-27-2.1', '2025-11-17', '2025-12-12', { countStart: 'event_day' }],
  ['AT-14 LSS 27-2(5): draft certificate 3 working days before completion', 'LSS-27-2.5', '2025-12-12', '2025-12-09'],
  ['AT-15 LSS 27-2(1): unscheduled inspection, 10 working days', 'LSS-27-2.1_unscheduled', '2025-11-19', '2025-12-03'],
  ['AT-15 LSS 27-2(2): notice of an unscheduled inspection one day before', 'LSS-27-2.2_unscheduled', '2025-11-19', '2025-11-18'],
  ['AT-17 LSS 27-2(4): suspension notice within 1 working day', 'LSS-27-2.4', '2025-09-18', '2025-09-19'],
  ['AT-18 LSS 27-2(6): objection to the draft certificate within 2 working days', 'LSS-27-2.6', '2025-11-20', '2025-11-24'],
  ['AT-19 LSS 27-2(9): recommendation considered within 30 calendar days', 'LSS-27-2.9', '2025-10-01', '2025-10-31'],
  ['AT-19 LSS 27-2(10): report within 2 working days of consideration', 'LSS-27-2.10', '2025-10-31', '2025-11-04'],
  ['AT-22 LSS 27-1(3): H1-2026 plan due by 10 December', 'LSS-27-1.3', '2025-11-01', '2025-12-10'],
  ['AT-24 Rules p.13: manual updated within 3 months of a change', 'RULES-13', '2025-02-14', '2025-05-14'],
  ['AT-27 Rules p.16: generalization due 10 June', 'RULES-16', '2025-05-12', '2025-06-10'],
];

describe('APC acceptance scenarios (apc-requirements.md §8)', () => {
  for (const [name, id, from, expected, conv] of APC) test(name, () => assert.equal(due(id, from, conv).due, expected));
});

describe('Law on State Services and Rules No. 111 scenarios (rules-services-requirements.md Part 5)', () => {
  for (const [name, id, from, expected, conv] of LSS) test(name, () => assert.equal(due(id, from, conv).due, expected));

  test('AT-03 LSS 25(4): an extension by 10 working days moves 06.10.2025 to 20.10.2025; the notice is due 30.09.2025', () => {
    assert.equal(isoDate(calendar.addWorkingDays(dayNumber('2025-10-06'), 10)), '2025-10-20');
    const notice = TERMS.find((t) => t.citation.startsWith('LSS 25(4)') && t.unit === 'working_days' && t.amount === 3);
    assert.ok(notice, 'the 3-working-day notice of extension is in the table');
    assert.equal(computeDeadline(notice, '2025-09-25', calendar).due, '2025-09-30');
  });

  test('AT-22 LSS 27-1(3): H2-2026 plan due 10 May 2026, a Sunday, kept with a warning (no shift rule, A-03)', () => {
    const d = due('LSS-27-1.3', '2026-01-01');
    assert.equal(d.due, '2026-05-10');
    assert.ok(d.warnings.some((w) => w.code === 'fixed_date_not_working'));
  });
});

describe('explanations and conventions (apc-requirements.md §3.1)', () => {
  test('APC 76(1): the explanation starts at day 0, names every day skipped with its reason, and ends with the citation', () => {
    const d = due('APC-76.1', '2025-03-20');
    assert.equal(d.due, '2025-04-15');
    const codes = d.explanation.map((s) => s.code);
    assert.equal(codes[0], 'day_zero');
    assert.equal(codes.at(-1), 'citation');
    assert.equal(d.explanation.at(-1)!.citation, 'APC 76(1)');
    const skipped = d.explanation.filter((s) => s.code === 'skipped');
    assert.deepEqual(skipped.map((s) => [s.date, s.reason]), [
      ['2025-03-21', 'holiday'],
      ['2025-03-22', 'holiday'], // Nauryz on a weekend is named as the holiday it is
      ['2025-03-23', 'holiday'],
      ['2025-03-24', 'carry_over'],
      ['2025-03-25', 'carry_over'],
      ['2025-03-29', 'weekend'],
      ['2025-04-05', 'weekend'],
      ['2025-04-12', 'weekend'],
    ]);
    assert.equal(skipped[3]!.other, '2025-03-22'); // the Nauryz day that fell on Saturday
    assert.equal(skipped[5]!.until, '2025-03-30'); // a plain weekend is one line
    assert.deepEqual(d.explanation.at(-2), { code: 'nth_working_day', date: '2025-04-15', n: 15 });
  });

  test('A3: a body\'s month-based duty gets an internal target on or before the nominal date (#56: 31.10.2025)', () => {
    const d = due('APC-171.2', '2025-10-01');
    assert.equal(d.internalTarget, '2025-10-31');
    assert.ok(d.explanation.some((s) => s.code === 'rolled_forward' && s.other === '2025-11-01'));
  });

  test('A3: a participant\'s month-based term gets no internal target, and "unchanged" keeps the nominal end', () => {
    assert.equal(due('APC-92.1', '2025-11-30').internalTarget, undefined);
    assert.equal(due('APC-92.1', '2025-11-30', { nonWorkingEnd: 'unchanged' }).due, '2026-02-28');
  });

  test('B2: the cassation term carries the warning that the rules changed from 01.07.2025', () => {
    assert.ok(due('APC-169.2', '2025-10-10').warnings.some((w) => w.code === 'caveat'));
  });

  test('a due date in a year not marked complete (2027) is flagged', () => {
    const d = due('APC-76.1', '2026-12-20');
    assert.deepEqual(d.warnings.filter((w) => w.code === 'calendar_year_incomplete'), [{ code: 'calendar_year_incomplete', year: 2027 }]);
    assert.equal(due('APC-76.1', '2025-12-01').warnings.some((w) => w.code === 'calendar_year_incomplete'), false);
  });

  test('"immediately" is the same day and urgent (APC 88(1)(2))', () => {
    const d = due('APC-88.1.2', '2025-03-22');
    assert.equal(d.due, '2025-03-22');
    assert.equal(d.urgent, true);
  });

  test('a term with no number in the law is refused, not guessed (APC 64(6): a reasonable period set by the body)', () => {
    assert.throws(() => due('APC-64.6', '2025-03-22'), TermNotComputableError);
  });

  test('property: for every working-day term and any start in 2024–2026, the due date is the N-th working day after day 0', () => {
    const wd = TERMS.filter((t) => t.unit === 'working_days');
    fc.assert(
      fc.property(fc.constantFrom(...wd), fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2026-10-31') }), (t, day) => {
        const d = computeDeadline(t, isoDate(day), calendar, DEFAULT_CONVENTIONS, { explain: false });
        const end = dayNumber(d.due);
        assert.equal(calendar.isWorkingDay(end), true);
        assert.equal(calendar.workingDaysBetween(day, end), t.amount);
      }),
      { numRuns: 2000 },
    );
  });
});
