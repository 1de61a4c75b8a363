/**
 * compute(term, from) -> the due date and every step that produced it.
 *
 * The Code has no counting article (APC requirements §3.1(3)); the defaults below are the conventions of
 * §3.1(4), each one a named setting in `Conventions`. The due date itself costs a few array reads whatever the
 * term's length; only the explanation walks the days it covers.
 */
import { CalendarRangeError, type DayInfo, type WorkingCalendar } from './calendar.ts';
import { addMonths, isoDate, yearOf, dayNumber, type IsoDate } from './dates.ts';
import type { Localized } from './i18n.ts';
import type { Term } from './term.ts';

export interface Conventions {
  /**
   * 'day_after_event' (default, §3.1(4)): the event day is day 0 even when it is not a working day; the term
   * ends at the end of the N-th working day after it. 'event_day': the event day, if it is a working day, is
   * day 1 (the alternative of Law on State Services scenarios AT-01, AT-14).
   */
  countStart: 'day_after_event' | 'event_day';
  /**
   * For calendar-day, month and year periods: 'next_working_day' (default, civil-law convention, A3) moves a
   * legal end that falls on a non-working day to the next working day; 'unchanged' keeps the nominal date.
   */
  nonWorkingEnd: 'next_working_day' | 'unchanged';
  /**
   * For a body's own month-based duties also give an internal target: the last working day on or before the
   * nominal date, so the body never relies on the roll-forward (A3). Default true.
   */
  bodyInternalTarget: boolean;
  /** The 15-working-day term runs from 'receipt' (default, APC 76(1), 62(2); A4) or from 'registration' (64(3)). */
  mainTermFrom: 'receipt' | 'registration';
}

export const DEFAULT_CONVENTIONS: Conventions = {
  countStart: 'day_after_event',
  nonWorkingEnd: 'next_working_day',
  bodyInternalTarget: true,
  mainTermFrom: 'receipt',
};

export type StepCode =
  | 'day_zero'
  | 'day_one'
  | 'registration_day'
  | 'skipped'
  | 'worked_weekend'
  | 'nth_working_day'
  | 'nth_working_day_before'
  | 'months_added'
  | 'years_added'
  | 'calendar_days_added'
  | 'calendar_days_before'
  | 'month_end_clamped'
  | 'rolled_forward'
  | 'internal_target'
  | 'same_day'
  | 'immediately'
  | 'next_working_day'
  | 'on_expiry'
  | 'fixed_date'
  | 'citation';

/** One line of an explanation; `explain.<code>` in the locale files renders it. */
export interface Step {
  code: StepCode;
  date?: IsoDate;
  /** the last day of a run of skipped days */
  until?: IsoDate;
  n?: number;
  /** a second date the line speaks of: the nominal end, the day a holiday moved from */
  other?: IsoDate;
  /** why a day is not a working day */
  reason?: 'weekend' | 'holiday' | 'carry_over' | 'transfer';
  name?: Localized;
  act?: string;
  citation?: string;
}

export type Warning =
  | { code: 'calendar_year_incomplete'; year: number }
  | { code: 'term_not_in_force'; effective: { from: IsoDate; to?: IsoDate } }
  | { code: 'fixed_date_not_working'; date: IsoDate }
  | { code: 'caveat'; text: Localized };

export interface Deadline {
  term: string;
  citation: string;
  from: IsoDate;
  due: IsoDate;
  /** the body's own target for month-based duties (A3) */
  internalTarget?: IsoDate;
  /** APC 37(3), 88(1)(2): "immediately" raises an urgent alert */
  urgent: boolean;
  conventions: Conventions;
  explanation: Step[];
  warnings: Warning[];
}

export class TermNotComputableError extends Error {
  constructor(readonly term: Term) {
    super(`${term.id} has no fixed length in the law (${term.citation})`);
  }
}

/** The legal date of a term that runs from `from`. Throws CalendarRangeError when the calendar lacks a year. */
export function computeDeadline(
  term: Term,
  from: IsoDate,
  calendar: WorkingCalendar,
  conventions: Conventions = DEFAULT_CONVENTIONS,
  options: { explain?: boolean } = {},
): Deadline {
  const explain = options.explain ?? true;
  const steps: Step[] = [];
  const warnings: Warning[] = [];
  const day0 = dayNumber(from);
  if (!calendar.covers(day0)) throw new CalendarRangeError(from, calendar.yearsCovered());
  let due: number;
  let internalTarget: number | undefined;
  let start = day0;
  const n = term.amount ?? 0;

  const ctx: Walk = { calendar, steps, explain };
  if (term.receiptBased && conventions.mainTermFrom === 'registration') {
    start = calendar.workingDayOnOrAfter(day0);
    if (explain) steps.push({ code: 'registration_day', date: isoDate(start), other: from });
  }

  switch (term.unit) {
    case 'working_days': {
      const firstCounted = conventions.countStart === 'event_day' ? start - 1 : start;
      if (explain) steps.push({ code: conventions.countStart === 'event_day' ? 'day_one' : 'day_zero', date: isoDate(start), name: term.runsFrom });
      due = calendar.addWorkingDays(firstCounted, n);
      skipped(ctx, firstCounted, due);
      if (explain) steps.push({ code: 'nth_working_day', date: isoDate(due), n });
      break;
    }
    case 'working_days_before': {
      due = calendar.addWorkingDays(start, -n);
      if (explain) steps.push({ code: 'day_zero', date: isoDate(start), name: term.runsFrom });
      skipped(ctx, due, start - 1);
      if (explain) steps.push({ code: 'nth_working_day_before', date: isoDate(due), n, other: isoDate(start) });
      break;
    }
    case 'calendar_days': {
      if (explain) steps.push({ code: 'day_zero', date: isoDate(start), name: term.runsFrom });
      if (explain) steps.push({ code: 'calendar_days_added', date: isoDate(start + n), n });
      ({ due, internalTarget } = nominalEnd(ctx, term, conventions, start + n, false));
      break;
    }
    case 'calendar_days_before': {
      due = start - n;
      if (explain) steps.push({ code: 'calendar_days_before', date: isoDate(due), n, other: isoDate(start) });
      break;
    }
    case 'months':
    case 'years': {
      const months = term.unit === 'years' ? n * 12 : n;
      const end = addMonths(start, months);
      if (explain) steps.push({ code: 'day_zero', date: isoDate(start), name: term.runsFrom });
      if (explain) steps.push({ code: term.unit === 'years' ? 'years_added' : 'months_added', date: isoDate(end.day), n });
      ({ due, internalTarget } = nominalEnd(ctx, term, conventions, end.day, end.clamped));
      break;
    }
    case 'same_or_next_working_day': {
      due = calendar.workingDayOnOrAfter(start);
      if (due === start) {
        if (explain) steps.push({ code: 'same_day', date: isoDate(due) });
      } else {
        skipped(ctx, start - 1, due - 1);
        if (explain) steps.push({ code: 'next_working_day', date: isoDate(due) });
      }
      break;
    }
    case 'next_working_day': {
      due = calendar.addWorkingDays(start, 1);
      if (explain) steps.push({ code: 'day_zero', date: isoDate(start), name: term.runsFrom });
      skipped(ctx, start, due - 1);
      if (explain) steps.push({ code: 'next_working_day', date: isoDate(due) });
      break;
    }
    case 'immediately':
      due = start;
      if (explain) steps.push({ code: 'immediately', date: isoDate(due) });
      break;
    case 'on_expiry':
      due = start;
      if (explain) steps.push({ code: 'on_expiry', date: isoDate(due) });
      break;
    case 'fixed_dates': {
      due = nextFixedDate(start, term.fixedDates ?? []);
      if (explain) steps.push({ code: 'fixed_date', date: isoDate(due) });
      // the law gives no shift rule for fixed dates (rules-services A-03): keep the date, say so
      if (calendar.covers(due) && !calendar.isWorkingDay(due)) warnings.push({ code: 'fixed_date_not_working', date: isoDate(due) });
      break;
    }
    case 'no_fixed_term':
      throw new TermNotComputableError(term);
  }
  if (!calendar.covers(due!)) throw new CalendarRangeError(isoDate(due!), calendar.yearsCovered());
  if (explain) steps.push({ code: 'citation', citation: term.citation });

  const dueYear = yearOf(due!);
  if (calendar.year(dueYear)?.complete === false) warnings.push({ code: 'calendar_year_incomplete', year: dueYear });
  if (internalTarget !== undefined && yearOf(internalTarget) !== dueYear && calendar.year(yearOf(internalTarget))?.complete === false) {
    warnings.push({ code: 'calendar_year_incomplete', year: yearOf(internalTarget) });
  }
  if (from < term.effective.from || (term.effective.to !== undefined && from >= term.effective.to)) {
    warnings.push({ code: 'term_not_in_force', effective: term.effective });
  }
  if (term.caveat) warnings.push({ code: 'caveat', text: term.caveat });

  return {
    term: term.id,
    citation: term.citation,
    from,
    due: isoDate(due!),
    ...(internalTarget === undefined ? {} : { internalTarget: isoDate(internalTarget) }),
    urgent: term.unit === 'immediately',
    conventions,
    explanation: steps,
    warnings,
  };
}

const isPlainWeekend = (info: DayInfo) => !info.working && info.reason === 'weekend';

// The helpers below are module functions, not closures: computeDeadline is on hot paths (worklists, imports).
interface Walk {
  calendar: WorkingCalendar;
  steps: Step[];
  explain: boolean;
}

/** Explains the non-working days in (a, b]; a plain weekend is one line. */
function skipped({ calendar, steps, explain }: Walk, a: number, b: number): void {
  if (!explain) return;
  for (let d = a + 1; d <= b; d++) {
    const info = calendar.info(d);
    if (info.working) {
      if (info.workedWeekend) steps.push({ code: 'worked_weekend', date: isoDate(d), act: info.workedWeekend.act });
      continue;
    }
    if (info.reason === 'weekend') {
      let end = d;
      while (end + 1 <= b && isPlainWeekend(calendar.info(end + 1))) end++;
      steps.push({ code: 'skipped', reason: 'weekend', date: isoDate(d), ...(end > d ? { until: isoDate(end) } : {}) });
      d = end;
    } else steps.push(skipStep(d, info));
  }
}

/** The end of a calendar-day, month or year period: roll-forward and the body's internal target (A3). */
function nominalEnd(ctx: Walk, term: Term, conventions: Conventions, nominal: number, clamped: boolean): { due: number; internalTarget: number | undefined } {
  const { calendar, steps, explain } = ctx;
  if (clamped && explain) steps.push({ code: 'month_end_clamped', date: isoDate(nominal) });
  let due = nominal;
  if (!calendar.isWorkingDay(nominal) && conventions.nonWorkingEnd === 'next_working_day') {
    due = calendar.workingDayOnOrAfter(nominal);
    skipped(ctx, nominal - 1, due - 1);
    if (explain) steps.push({ code: 'rolled_forward', date: isoDate(due), other: isoDate(nominal) });
  }
  let internalTarget: number | undefined;
  if (term.party === 'body' && conventions.bodyInternalTarget) {
    internalTarget = calendar.workingDayOnOrBefore(nominal);
    if (explain) steps.push({ code: 'internal_target', date: isoDate(internalTarget), other: isoDate(nominal) });
  }
  return { due, internalTarget };
}

function skipStep(day: number, info: Exclude<DayInfo, { working: true }>): Step {
  const date = isoDate(day);
  switch (info.reason) {
    case 'holiday':
      return { code: 'skipped', reason: 'holiday', date, name: info.holiday.name };
    case 'carry_over':
      return { code: 'skipped', reason: 'carry_over', date, name: info.holiday.name, other: info.extra.movedFrom! };
    case 'transfer':
      return { code: 'skipped', reason: 'transfer', date, act: info.extra.act! };
    case 'weekend':
      return { code: 'skipped', reason: 'weekend', date };
  }
}

function nextFixedDate(day: number, monthDays: string[]): number {
  const year = yearOf(day);
  const candidates = [year, year + 1].flatMap((y) => monthDays.map((md) => dayNumber(`${y}-${md}`)));
  return Math.min(...candidates.filter((c) => c >= day));
}
