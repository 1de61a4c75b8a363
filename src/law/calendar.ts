/**
 * Kazakhstan's production calendar for the five-day week, and working-day arithmetic on it in constant time.
 *
 * A date is a working day when it is a worked weekend day (a transfer, Labour Code 85(3)), or a Monday–Friday
 * that is neither a holiday nor an extra day off. Extra days off are statutory carry-overs (Law No. 267-II
 * "On holidays" art. 5: a national or state holiday on a Saturday or Sunday moves the day off to the next
 * working day; two weekend holidays move two days) and transfers. Religious days off (7 January, the first day
 * of Kurban Ait; Labour Code 84(5)) never move. Carry-overs are derived here from the holidays, never typed in.
 */
import { dayNumber, isoDate, weekday, yearOf, type IsoDate } from './dates.ts';
import type { Localized } from './i18n.ts';

export type HolidayKind = 'national' | 'state' | 'religious';

export interface Holiday {
  date: IsoDate;
  name: Localized;
  kind: HolidayKind;
  /** false while the date is announced but not confirmed (Kurban Ait before the MTSZN announcement) */
  confirmed: boolean;
}

/** A swap of a weekend day and a working day by the authorised body (Labour Code 85(3)). */
export interface Transfer {
  /** the weekday that becomes a day off */
  dayOff: IsoDate;
  /** the Saturday or Sunday that is worked instead, if any */
  workedOn?: IsoDate;
  /** the act: 'MTSZN Order No. 436 of 21.11.2024' */
  act: string;
}

/** What an administrator enters for a year; everything else is derived. */
export interface CalendarYearInput {
  year: number;
  /** true once the transfer order is out and the Kurban Ait date is confirmed (calendar README) */
  complete: boolean;
  holidays: Holiday[];
  transfers: Transfer[];
  note?: string;
}

export interface ExtraDayOff {
  date: IsoDate;
  type: 'statutory_carry_over' | 'transfer';
  /** for a carry-over, the holiday that fell on the weekend */
  movedFrom?: IsoDate;
  /** for a transfer, its act */
  act?: string;
}

export interface WorkingWeekendDay {
  date: IsoDate;
  act: string;
}

export interface CalendarYear extends CalendarYearInput {
  extraDaysOff: ExtraDayOff[];
  workingWeekendDays: WorkingWeekendDay[];
  workingDays: number;
}

/** Why a day is or is not a working day: the explanation of a deadline is built from this. */
export type DayInfo =
  | { working: true; workedWeekend?: WorkingWeekendDay }
  | { working: false; reason: 'weekend' }
  | { working: false; reason: 'holiday'; holiday: Holiday }
  | { working: false; reason: 'carry_over'; extra: ExtraDayOff; holiday: Holiday }
  | { working: false; reason: 'transfer'; extra: ExtraDayOff };

export class CalendarRangeError extends Error {
  constructor(readonly date: IsoDate, readonly covered: { first: number; last: number }) {
    super(`${date} is outside the production calendar (${covered.first}–${covered.last})`);
  }
}

const isWeekend = (day: number) => {
  const w = weekday(day);
  return w === 'sat' || w === 'sun';
};

/** Law No. 267-II art. 5: each national or state holiday on a weekend gives the next free weekday off. */
export function deriveCarryOvers(holidays: Holiday[], transfers: Transfer[]): ExtraDayOff[] {
  const taken = new Set<number>([
    ...holidays.map((h) => dayNumber(h.date)),
    ...transfers.map((t) => dayNumber(t.dayOff)),
  ]);
  const out: ExtraDayOff[] = [];
  const moving = holidays
    .filter((h) => h.kind !== 'religious' && isWeekend(dayNumber(h.date)))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const h of moving) {
    let d = dayNumber(h.date) + 1;
    while (isWeekend(d) || taken.has(d)) d++;
    taken.add(d);
    out.push({ date: isoDate(d), type: 'statutory_carry_over', movedFrom: h.date });
  }
  return out;
}

/** Problems with a year as entered, in words an administrator can act on; empty when it is consistent. */
export function checkYearInput(input: CalendarYearInput): { field: string; problem: string; date?: IsoDate }[] {
  const problems: { field: string; problem: string; date?: IsoDate }[] = [];
  const inYear = (d: IsoDate) => yearOf(dayNumber(d)) === input.year;
  const seen = new Set<string>();
  input.holidays.forEach((h, i) => {
    if (!inYear(h.date)) problems.push({ field: `holidays.${i}.date`, problem: 'outside_year', date: h.date });
    if (seen.has(h.date)) problems.push({ field: `holidays.${i}.date`, problem: 'duplicate', date: h.date });
    seen.add(h.date);
  });
  input.transfers.forEach((t, i) => {
    if (!inYear(t.dayOff)) problems.push({ field: `transfers.${i}.dayOff`, problem: 'outside_year', date: t.dayOff });
    else if (isWeekend(dayNumber(t.dayOff))) problems.push({ field: `transfers.${i}.dayOff`, problem: 'day_off_on_weekend', date: t.dayOff });
    else if (seen.has(t.dayOff)) problems.push({ field: `transfers.${i}.dayOff`, problem: 'duplicate', date: t.dayOff });
    seen.add(t.dayOff);
    if (t.workedOn !== undefined) {
      if (!inYear(t.workedOn)) problems.push({ field: `transfers.${i}.workedOn`, problem: 'outside_year', date: t.workedOn });
      else if (!isWeekend(dayNumber(t.workedOn))) problems.push({ field: `transfers.${i}.workedOn`, problem: 'worked_day_not_weekend', date: t.workedOn });
    }
  });
  return problems;
}

export function completeYear(input: CalendarYearInput): CalendarYear {
  const extraDaysOff = [
    ...deriveCarryOvers(input.holidays, input.transfers),
    ...input.transfers.map((t): ExtraDayOff => ({ date: t.dayOff, type: 'transfer', act: t.act })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const workingWeekendDays = input.transfers
    .filter((t) => t.workedOn !== undefined)
    .map((t) => ({ date: t.workedOn!, act: t.act }));
  const off = new Set([...input.holidays.map((h) => h.date), ...extraDaysOff.map((e) => e.date)]);
  const worked = new Set(workingWeekendDays.map((w) => w.date));
  let workingDays = 0;
  for (let d = dayNumber(`${input.year}-01-01`), end = dayNumber(`${input.year}-12-31`); d <= end; d++) {
    const iso = isoDate(d);
    if (worked.has(iso) || (!isWeekend(d) && !off.has(iso))) workingDays++;
  }
  return { ...input, extraDaysOff, workingWeekendDays, workingDays };
}

/**
 * Working-day arithmetic over consecutive years. `prefix[i]` is the number of working days among the first i
 * days of the range and `nth[k]` the offset of the k-th working day, so every operation is two array reads.
 */
export class WorkingCalendar {
  readonly first: number;
  readonly last: number;
  private readonly prefix: Int32Array;
  private readonly nth: Int32Array;
  private readonly special = new Map<number, DayInfo>();
  private readonly years = new Map<number, CalendarYear>();

  constructor(years: CalendarYear[]) {
    if (years.length === 0) throw new Error('a calendar needs at least one year');
    const sorted = [...years].sort((a, b) => a.year - b.year);
    sorted.forEach((y, i) => {
      if (i > 0 && y.year !== sorted[i - 1]!.year + 1) throw new Error(`calendar years must be consecutive: ${sorted[i - 1]!.year} then ${y.year}`);
      this.years.set(y.year, y);
      const holidays = new Map(y.holidays.map((h) => [h.date, h]));
      for (const h of y.holidays) this.special.set(dayNumber(h.date), { working: false, reason: 'holiday', holiday: h });
      for (const e of y.extraDaysOff) {
        const info: DayInfo = e.type === 'transfer'
          ? { working: false, reason: 'transfer', extra: e }
          : { working: false, reason: 'carry_over', extra: e, holiday: holidays.get(e.movedFrom!)! };
        this.special.set(dayNumber(e.date), info);
      }
      for (const w of y.workingWeekendDays) this.special.set(dayNumber(w.date), { working: true, workedWeekend: w });
    });
    this.first = dayNumber(`${sorted[0]!.year}-01-01`);
    this.last = dayNumber(`${sorted.at(-1)!.year}-12-31`);
    const size = this.last - this.first + 1;
    this.prefix = new Int32Array(size + 1);
    const nth: number[] = [];
    for (let i = 0; i < size; i++) {
      const working = this.info(this.first + i).working;
      this.prefix[i + 1] = this.prefix[i]! + (working ? 1 : 0);
      if (working) nth.push(i);
    }
    this.nth = Int32Array.from(nth);
  }

  yearsCovered(): { first: number; last: number } {
    return { first: yearOf(this.first), last: yearOf(this.last) };
  }

  year(year: number): CalendarYear | undefined {
    return this.years.get(year);
  }

  covers(day: number): boolean {
    return day >= this.first && day <= this.last;
  }

  private check(day: number): number {
    if (!this.covers(day)) throw new CalendarRangeError(isoDate(day), this.yearsCovered());
    return day - this.first;
  }

  info(day: number): DayInfo {
    const s = this.special.get(day);
    if (s) return s;
    return isWeekend(day) ? { working: false, reason: 'weekend' } : { working: true };
  }

  isWorkingDay(day: number): boolean {
    const i = this.check(day);
    return this.prefix[i + 1]! - this.prefix[i]! === 1;
  }

  /** Working days in (from, to]; negative when to < from. */
  workingDaysBetween(from: number, to: number): number {
    return this.prefix[this.check(to) + 1]! - this.prefix[this.check(from) + 1]!;
  }

  /** n > 0: the n-th working day after `day`; n < 0: the |n|-th working day before it; n = 0: `day`. */
  addWorkingDays(day: number, n: number): number {
    const i = this.check(day);
    if (n === 0) return day;
    const k = n > 0 ? this.prefix[i + 1]! + n - 1 : this.prefix[i]! + n;
    if (k < 0 || k >= this.nth.length) {
      throw new CalendarRangeError(isoDate(day + (n > 0 ? 366 : -366)), this.yearsCovered());
    }
    return this.first + this.nth[k]!;
  }

  /** `day` if it is a working day, else the next working day. */
  workingDayOnOrAfter(day: number): number {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, 1);
  }

  /** `day` if it is a working day, else the working day before it. */
  workingDayOnOrBefore(day: number): number {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, -1);
  }
}
