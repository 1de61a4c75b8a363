import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import file from '../../data/calendar/kz.json' with { type: 'json' };
import { WorkingCalendar, completeYear, deriveCarryOvers, checkYearInput, CalendarRangeError } from './calendar.ts';
import { readProductionCalendarFile, type ProductionCalendarFile } from './calendar-file.ts';
import { dayNumber, isoDate, weekday } from './dates.ts';

const data = file as unknown as ProductionCalendarFile;
const years = readProductionCalendarFile(data).map(completeYear);
const calendar = new WorkingCalendar(years);

test('working-day totals match the published production calendar (2025: 246) and the data file for every year', () => {
  const byYear = Object.fromEntries(years.map((y) => [y.year, y.workingDays]));
  assert.equal(byYear[2025], 246);
  for (const [year, y] of Object.entries(data.years)) {
    assert.equal(byYear[Number(year)], (y as { working_days_total: number }).working_days_total, `year ${year}`);
  }
});

test('working days per month match the data file (2025: June 20, August 21, October 22, December 22)', () => {
  for (const [year, y] of Object.entries(data.years)) {
    const months = (y as unknown as { working_days_by_month: number[] }).working_days_by_month;
    months.forEach((expected, i) => {
      const first = dayNumber(`${year}-${String(i + 1).padStart(2, '0')}-01`);
      const last = dayNumber(isoDate(Date.UTC(Number(year), i + 1, 0) / 86_400_000));
      const count = calendar.workingDaysBetween(first, last) + (calendar.isWorkingDay(first) ? 1 : 0);
      assert.equal(count, expected, `${year}-${i + 1}`);
    });
  }
});

test('Law 267 art. 5: carry-overs derived from the holidays equal the carry-overs the data file lists', () => {
  for (const [year, y] of Object.entries(data.years)) {
    const input = years.find((v) => v.year === Number(year))!;
    const derived = deriveCarryOvers(input.holidays, input.transfers).map((e) => e.date).sort();
    const listed = (y as { extra_days_off: { date: string; type: string }[] }).extra_days_off
      .filter((e) => e.type === 'statutory_carry_over').map((e) => e.date).sort();
    assert.deepEqual(derived, listed, `year ${year}`);
  }
});

test('Law 267 art. 5: two weekend holidays move two days (Nauryz 2026: Tue 24 and Wed 25 March off)', () => {
  assert.equal(calendar.isWorkingDay(dayNumber('2026-03-23')), false); // Nauryz itself, Monday
  assert.equal(calendar.isWorkingDay(dayNumber('2026-03-24')), false);
  assert.equal(calendar.isWorkingDay(dayNumber('2026-03-25')), false);
  assert.equal(calendar.isWorkingDay(dayNumber('2026-03-26')), true);
  const info = calendar.info(dayNumber('2026-03-25'));
  assert.ok(!info.working && info.reason === 'carry_over');
});

test('Labour Code 84(5): religious days off never move (Orthodox Christmas on Sunday 7 January 2024: Monday 8th works)', () => {
  assert.equal(weekday(dayNumber('2024-01-07')), 'sun');
  assert.equal(calendar.isWorkingDay(dayNumber('2024-01-08')), true);
});

test('Labour Code 85(3): a transfer makes a weekend day a working day and a weekday a day off (2025: Sun 5 Jan worked, Fri 3 Jan off)', () => {
  assert.equal(calendar.isWorkingDay(dayNumber('2025-01-05')), true);
  assert.equal(calendar.isWorkingDay(dayNumber('2025-01-03')), false);
  const info = calendar.info(dayNumber('2025-01-03'));
  assert.ok(!info.working && info.reason === 'transfer' && /436/.test(info.extra.act!));
});

test('2026 has no Constitution Day: Monday 31 August 2026 is a working day', () => {
  assert.equal(calendar.isWorkingDay(dayNumber('2026-08-31')), true);
});

const first = dayNumber('2024-01-01');
const last = dayNumber('2027-12-31');

// the definition of the calendar README, day by day: the reference the O(1) arithmetic must agree with
function naiveIsWorking(day: number): boolean {
  const iso = isoDate(day);
  const y = years.find((v) => v.year === Number(iso.slice(0, 4)))!;
  if (y.workingWeekendDays.some((w) => w.date === iso)) return true;
  const wd = weekday(day);
  if (wd === 'sat' || wd === 'sun') return false;
  return !y.holidays.some((h) => h.date === iso) && !y.extraDaysOff.some((e) => e.date === iso);
}
function naiveAdd(day: number, n: number): number {
  let d = day;
  for (let left = Math.abs(n); left > 0; ) {
    d += Math.sign(n);
    if (d < first || d > last) return NaN;
    if (naiveIsWorking(d)) left--;
  }
  return d;
}

const anyDay = fc.integer({ min: first, max: last });

test('property: isWorkingDay agrees with the day-by-day definition on every day of 2024–2027', () => {
  for (let d = first; d <= last; d++) assert.equal(calendar.isWorkingDay(d), naiveIsWorking(d), isoDate(d));
});

test('property: addWorkingDays agrees with a day-by-day loop over 2024–2027, forwards and backwards', () => {
  fc.assert(
    fc.property(anyDay, fc.integer({ min: -120, max: 120 }), (day, n) => {
      const naive = naiveAdd(day, n);
      fc.pre(!Number.isNaN(naive));
      assert.equal(calendar.addWorkingDays(day, n), naive);
    }),
    { numRuns: 3000 },
  );
});

test('property: workingDaysBetween counts the working days in (a, b] and inverts addWorkingDays', () => {
  fc.assert(
    fc.property(anyDay, anyDay, (a, b) => {
      let count = 0;
      for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (naiveIsWorking(d)) count++;
      assert.equal(calendar.workingDaysBetween(a, b), a <= b ? count : 0 - count || 0);
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(anyDay, fc.integer({ min: 1, max: 200 }), (day, n) => {
      fc.pre(day + 400 < last);
      assert.equal(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, n)), n);
    }),
  );
});

test('a date outside the calendar is refused, not guessed (calendar README: refuse to compute)', () => {
  assert.throws(() => calendar.isWorkingDay(dayNumber('2023-12-31')), CalendarRangeError);
  assert.throws(() => calendar.addWorkingDays(dayNumber('2027-12-30'), 5), CalendarRangeError);
});

test('an administrator\'s year is checked: transfers on weekends, worked weekdays and dates of another year are refused', () => {
  const problems = checkYearInput({
    year: 2028,
    complete: false,
    holidays: [{ date: '2027-12-31', name: { kk: 'x', ru: 'x', en: 'x' }, kind: 'state', confirmed: true }],
    transfers: [{ dayOff: '2028-01-08', workedOn: '2028-01-10', act: 'order' }],
  });
  assert.deepEqual(problems.map((p) => p.problem).sort(), ['day_off_on_weekend', 'outside_year', 'worked_day_not_weekend']);
});
