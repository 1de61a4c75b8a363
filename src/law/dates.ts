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
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function dayNumber(date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return n;
}

/** Civil date of a day number (Hinnant's days-to-civil; pure arithmetic, no Date: this is on the hot path). */
function civil(day: number): [y: number, m: number, d: number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isoDate(day: number): IsoDate {
  const [y, m, d] = civil(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function weekday(day: number): Weekday {
  // 1970-01-01 was a Thursday
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7]!;
}

export function yearOf(day: number): number {
  return civil(day)[0];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
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
