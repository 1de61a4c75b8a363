/**
 * The law tables of personal receptions and control of instructions, without a database: the instruction's due date
 * counted and explained on the production calendar (APC 37(3)), who may extend and close (46(5)–(6)), the reception
 * outcomes (90(3)) and the months without a reception (90(1), #51).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import file from '../../data/calendar/kz.json' with { type: 'json' };
import { WorkingCalendar, completeYear } from './calendar.ts';
import { readProductionCalendarFile, type ProductionCalendarFile } from './calendar-file.ts';
import { instructionDeadline } from './instructions.ts';
import { INSTRUCTION } from './lifecycles/instruction.ts';
import { transitionFor } from './lifecycles/lifecycle.ts';
import { RECEPTION } from './lifecycles/reception.ts';
import { monthsWithoutReception, needsConsent } from './receptions.ts';

const calendar = new WorkingCalendar(readProductionCalendarFile(file as unknown as ProductionCalendarFile).map(completeYear));

test('APC 37(3): N working days from the day given, across the Nauryz break (21–25.03.2025), with every skipped day explained', () => {
  const d = instructionDeadline('2025-03-19', { workingDays: 5 }, calendar);
  assert.equal(d.due, '2025-03-31'); // 20.03 is day 1; 21–25.03 off (22–23 the weekend); 26, 27, 28, 31.03
  assert.equal(d.workingDays, 5);
  assert.equal(d.explanation[0]!.code, 'day_zero');
  const skipped = d.explanation.filter((s) => s.code === 'skipped');
  for (const day of ['2025-03-21', '2025-03-24', '2025-03-25']) assert.ok(skipped.some((s) => s.date === day), day);
  assert.ok(d.explanation.some((s) => s.code === 'nth_working_day' && s.n === 5 && s.date === '2025-03-31'));
  assert.equal(d.explanation.at(-1)!.citation, 'APC 37(3)');
});

test('APC 37(3): a date chosen by the giver is explained as the N-th working day after the day given; a day off is kept, with a warning', () => {
  const working = instructionDeadline('2025-10-01', { due: '2025-10-15' }, calendar);
  assert.equal(working.workingDays, 10);
  assert.equal(working.due, '2025-10-15');
  assert.deepEqual(working.warnings, []);
  assert.deepEqual(instructionDeadline('2025-10-01', { workingDays: working.workingDays }, calendar).due, working.due, 'the two forms agree');
  const dayOff = instructionDeadline('2025-10-01', { due: '2025-10-27' }, calendar); // the moved day off of Republic Day
  assert.equal(dayOff.due, '2025-10-27');
  assert.equal(dayOff.workingDays, 17);
  assert.deepEqual(dayOff.warnings, [{ code: 'fixed_date_not_working', date: '2025-10-27' }]);
  const today = instructionDeadline('2025-10-01', { due: '2025-10-01' }, calendar);
  assert.equal(today.urgent, true);
  assert.equal(today.workingDays, 0);
});

test('APC 46(5)–(6): only the giver (or a controller recording an outside giver) extends; executors ask and report; control is closed only after execution', () => {
  assert.deepEqual([...transitionFor(INSTRUCTION, 'extension_requested', 'extend')!.actors].sort(), ['controller', 'instruction_giver']);
  assert.deepEqual(transitionFor(INSTRUCTION, 'assigned', 'request_extension')!.actors, ['executor']);
  assert.deepEqual(transitionFor(INSTRUCTION, 'assigned', 'report')!.actors, ['executor']);
  assert.equal(transitionFor(INSTRUCTION, 'assigned', 'close_control'), undefined);
  assert.ok(!transitionFor(INSTRUCTION, 'executed', 'close_control')!.actors.includes('executor'));
  assert.match(transitionFor(INSTRUCTION, 'executed', 'close_control')!.citation, /46\(6\)/);
});

test('APC 90(3): a reception ends resolved on the spot or put in writing; only from the queue; REG p.6(3): only the PA videoconference needs consent', () => {
  for (const action of ['resolve', 'convert', 'give_instruction']) {
    assert.ok(transitionFor(RECEPTION, 'queued', action), action);
    assert.equal(transitionFor(RECEPTION, 'booked', action), undefined, action);
  }
  assert.match(transitionFor(RECEPTION, 'queued', 'convert')!.citation, /90\(3\).*93\(1\)/);
  assert.deepEqual((['office', 'visiting', 'video', 'video_pa'] as const).filter(needsConsent), ['video_pa']);
});

test('#51 APC 90(1): every month of the range without a reception is listed, across the year end', () => {
  assert.deepEqual(monthsWithoutReception(['2025-11-12', '2026-01-20'], '2025-10', '2026-02'), ['2025-10', '2025-12', '2026-02']);
  assert.deepEqual(monthsWithoutReception([], '2025-12', '2025-12'), ['2025-12']);
  assert.deepEqual(monthsWithoutReception(['2025-12-31'], '2025-12', '2025-12'), []);
});
