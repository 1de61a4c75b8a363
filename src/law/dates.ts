/**
 * Civil dates as whole day numbers. Legal terms are counted in days of the Republic's calendar, so a date
 * never carries a time or a zone here; an instant becomes a date in Asia/Almaty at the boundary (`dateInAlmaty`).
 */

/** 'YYYY-MM-DD' */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Days since 1970-01-01, or undefined when the text is not a real calendar date (2025-02-30). */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function dayNumber(date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return n;
}

export function isoDate(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function weekday(day: number): Weekday {
  // 1970-01-01 was a Thursday
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7]!;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same-numbered day `months` months later; when that month is shorter, its last day
 * (the civil-law convention the APC requirements recommend, §3.1(4) and A3).
 */
export function addMonths(day: number, months: number): { day: number; clamped: boolean } {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m0 = d.getUTCMonth() + months;
  const ty = y + Math.floor(m0 / 12);
  const tm = ((m0 % 12) + 12) % 12;
  const last = daysInMonth(ty, tm + 1);
  const want = d.getUTCDate();
  return { day: Date.UTC(ty, tm, Math.min(want, last)) / MS_PER_DAY, clamped: want > last };
}

const almatyDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A date or an ISO timestamp as the civil date in Asia/Almaty; undefined when it is neither.
 * Timestamps must name their offset (Z or ±hh:mm) so that a server's own zone never decides a legal date.
 */
export function toAlmatyDay(input: string): number | undefined {
  const asDate = parseIsoDate(input);
  if (asDate !== undefined) return asDate;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(input)) return undefined;
  const datePart = parseIsoDate(input.slice(0, 10));
  const ms = Date.parse(input);
  if (datePart === undefined || Number.isNaN(ms)) return undefined;
  return dayNumber(almatyDate.format(new Date(ms)));
}

/** Today's date in Asia/Almaty for an instant. */
export function almatyToday(now: Date): IsoDate {
  return almatyDate.format(now);
}
