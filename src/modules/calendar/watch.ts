/**
 * The daily calendar watch (a pg-boss schedule): deadlines are only as good as the calendar, so the system
 * says early when a year it will soon count in is missing or not final (calendar README: refuse to guess).
 */
import type { Logger } from 'pino';
import { almatyToday, dayNumber, isoDate } from '../../law/dates.ts';
import type { CalendarService } from './service.ts';

/** How far ahead a missing or provisional year is worth an administrator's attention. */
export const WATCH_HORIZON_DAYS = 120;

export type Attention = { code: 'year_missing' | 'year_incomplete'; year: number };

export function calendarAttention(today: string, years: { year: number; complete: boolean }[]): Attention[] {
  const from = Number(today.slice(0, 4));
  const to = Number(isoDate(dayNumber(today) + WATCH_HORIZON_DAYS).slice(0, 4));
  const out: Attention[] = [];
  for (let y = from; y <= to; y++) {
    const kept = years.find((k) => k.year === y);
    if (!kept) out.push({ code: 'year_missing', year: y });
    else if (!kept.complete) out.push({ code: 'year_incomplete', year: y });
  }
  return out;
}

export async function calendarWatch(calendar: CalendarService, log: Logger, now: Date): Promise<Attention[]> {
  const { years } = await calendar.current();
  const attention = calendarAttention(almatyToday(now), years);
  for (const a of attention) log.warn({ ...a }, 'production calendar needs an administrator');
  return attention;
}
