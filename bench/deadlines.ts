/**
 * Deadline engine: computations per second of the O(1) engine against a day-by-day loop, for short and long
 * terms. Budget (DESIGN.md): independent of the term's length, and at least 20x the day-by-day loop.
 * Prints one JSON line.
 */
import file from '../data/calendar/kz.json' with { type: 'json' };
import { WorkingCalendar, completeYear } from '../src/law/calendar.ts';
import { readProductionCalendarFile, type ProductionCalendarFile } from '../src/law/calendar-file.ts';
import { dayNumber, isoDate } from '../src/law/dates.ts';
import { DEFAULT_CONVENTIONS, computeDeadline } from '../src/law/deadlines.ts';
import type { Term } from '../src/law/term.ts';
import { TERMS } from '../src/law/terms.ts';

const calendar = new WorkingCalendar(readProductionCalendarFile(file as unknown as ProductionCalendarFile).map(completeYear));
const first = dayNumber('2024-01-01');
const span = dayNumber('2026-06-30') - first;

// The day-by-day computation a developer would write first: walk the days, look each up in the lists.
const years = readProductionCalendarFile(file as unknown as ProductionCalendarFile).map(completeYear);
const off = new Set(years.flatMap((y) => [...y.holidays.map((h) => h.date), ...y.extraDaysOff.map((e) => e.date)]));
const worked = new Set(years.flatMap((y) => y.workingWeekendDays.map((w) => w.date)));
function dayByDay(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const key = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    if (worked.has(key) || (!weekend && !off.has(key))) left--;
  }
  return d.toISOString().slice(0, 10);
}

function rate(fn: (i: number) => unknown, ms = 400): number {
  let i = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 1000; k++) fn(i++);
    now = performance.now();
  }
  return Math.round((i / (now - start)) * 1000);
}

const term = (id: string) => TERMS.find((t) => t.id === id) as Term;
const dates = Array.from({ length: span }, (_, i) => isoDate(first + i));
const cases = [['APC-65.1', 3], ['APC-76.1', 15], ['APC-90-5.1.1', 40]] as const;
const result: Record<string, unknown> = { bench: 'deadlines', node: process.version };
for (const [id, n] of cases) {
  const t = term(id);
  const engine = rate((i) => computeDeadline(t, dates[i % span]!, calendar, DEFAULT_CONVENTIONS, { explain: false }));
  const loop = rate((i) => dayByDay(dates[i % span]!, n));
  if (computeDeadline(t, '2025-03-20', calendar).due !== dayByDay('2025-03-20', n)) throw new Error(`the two disagree on ${id}`);
  result[`${id}_per_s`] = engine;
  result[`${id}_day_by_day_per_s`] = loop;
  result[`${id}_speedup`] = Math.round((engine / loop) * 10) / 10;
}
result.addWorkingDays_3_per_s = rate((i) => calendar.addWorkingDays(first + (i % span), 3));
result.addWorkingDays_200_per_s = rate((i) => calendar.addWorkingDays(first + (i % span), 200));
const main = term('APC-76.1');
result.with_explanation_APC_76_1_per_s = rate((i) => computeDeadline(main, dates[i % span]!, calendar));
result.budget_20x_met = (result['APC-76.1_speedup'] as number) >= 20;
console.log(JSON.stringify(result));
