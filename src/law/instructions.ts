/**
 * Control of execution of instructions (APC 37–38, 44, 46; Standard Regulation No. 560 p.9) as data. Source:
 * apc-requirements.md §2.20, §4.7; rules-services-requirements.md §3.5 (D-9.0 – D-9.7), AT-35, AT-37.
 */
import type { WorkingCalendar } from './calendar.ts';
import { dayNumber, type IsoDate } from './dates.ts';
import { computeDeadline, DEFAULT_CONVENTIONS, type Conventions, type Deadline } from './deadlines.ts';
import type { Term } from './term.ts';

/** REG p.9, p.8(4): who gave the instruction. `head`: the head of the body itself (APC 46); `reception`: given at a personal reception (REG p.6(1)). */
export const INSTRUCTION_SOURCES = ['president', 'state_adviser', 'pa_leadership', 'pa_department', 'akim', 'head', 'reception'] as const;
export type InstructionSource = (typeof INSTRUCTION_SOURCES)[number];

/** APC 46(3): of several executors, the first named coordinates the execution and answers for it. */
export const COORDINATOR_CITATION = 'APC 46(3)';

/**
 * APC 38(6), 46(4): a reminder "заблаговременно", before the due date. The Code has no number (A28); Tynda
 * reminds 3 and 1 working days before, as for appeals.
 */
export const INSTRUCTION_REMINDER_WORKING_DAYS = [3, 1] as const;

/** APC 46(5): only the head who gave the instruction sets an additional period, on the executor's written request. */
export const EXTENSION_CITATION = 'APC 46(5)';

/** APC 46(6): control is closed by the one who gave the instruction or an authorised official; 38(5) for individual legal acts: management. */
export const CLOSE_CITATION = 'APC 46(6), 38(5)';

/** REG p.9(1)–(2): overdue instructions surface for the monitoring department and feed proposals on executive discipline. */
export const OVERDUE_CITATION = 'REG p.9(1), p.9(2)';

/**
 * APC 37(3): the due date of an instruction is set by whoever gives it (in the act, or by the executing or superior
 * body) and is counted in working days of the production calendar when given as a number. The law has no number of
 * its own here, so the term is built from the giver's number, with the same counting as every other term.
 */
export function instructionTerm(workingDays: number): Term {
  return {
    id: 'APC-37.3',
    act: 'APC',
    citation: 'APC 37(3)',
    unit: 'working_days',
    amount: workingDays,
    bound: 'max',
    party: 'body',
    runsFrom: { kk: 'Тапсырма берілген күн', ru: 'День дачи поручения', en: 'The day the instruction is given' },
    description: {
      kk: 'Тапсырманы тапсырма беруші белгілеген мерзімде орындау',
      ru: 'Исполнение поручения в срок, установленный давшим его',
      en: 'Execute the instruction within the period its giver set',
    },
    extension: { by: ['instruction_giver'], citation: EXTENSION_CITATION },
    effective: { from: '2021-07-01' },
  };
}

/**
 * The due date of an instruction with the steps that produce it (principle 2): given as a number of working days
 * from the day it was given, or as a date, which is then explained as the N-th working day after that day (a date
 * on a day off keeps its date and carries a warning; the giver chose it).
 */
export function instructionDeadline(givenOn: IsoDate, set: { workingDays: number } | { due: IsoDate }, calendar: WorkingCalendar, conventions: Conventions = DEFAULT_CONVENTIONS): Deadline & { workingDays: number } {
  const start = dayNumber(givenOn);
  if ('workingDays' in set) return { ...computeDeadline(instructionTerm(set.workingDays), givenOn, calendar, { ...conventions, countStart: 'day_after_event' }), workingDays: set.workingDays };
  const end = dayNumber(set.due);
  const n = Math.max(0, calendar.workingDaysBetween(start, end));
  if (n === 0) return { term: 'APC-37.3', citation: 'APC 37(3)', from: givenOn, due: set.due, urgent: true, conventions, explanation: [{ code: 'immediately', date: set.due }], warnings: [], workingDays: 0 };
  const d = computeDeadline(instructionTerm(n), givenOn, calendar, { ...conventions, countStart: 'day_after_event' });
  if (d.due === set.due) return { ...d, workingDays: n };
  // the chosen date is not a working day: the n-th working day falls before it; keep the giver's date
  return { ...d, due: set.due, explanation: [...d.explanation, { code: 'fixed_date', date: set.due }], warnings: [...d.warnings, { code: 'fixed_date_not_working', date: set.due }], workingDays: n };
}
