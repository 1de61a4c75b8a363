/**
 * The six-monthly analytical note of the appeals-monitoring department (Standard Regulation No. 560, REG p.7(6);
 * rules-services-requirements.md D-7.6, §6 A-21): when it is due and when the department is reminded.
 */
import { dayNumber, isoDate, type IsoDate } from './dates.ts';

export const NOTE_CITATION = 'Standard Regulation No. 560 p.7(6)';

/**
 * REG p.7(6) asks for the draft reports and analytical notes "once every six months" and sets no due date (§6 A-21:
 * "half-year reminder with configurable due dates"). Tynda's default [design, not a legal number]: the department is
 * reminded on the 1st day after the half-year ends (1 July, 1 January) that the note is due on the 15th day
 * (15 July, 15 January); a day missed (the system down) is made up on any later day up to the due date. Counted in calendar days after the half-year's last day; change here or pass another
 * schedule to `MonitoringService.remindAnalyticalNote`.
 */
export interface NoteSchedule {
  remindDaysAfter: number;
  dueDaysAfter: number;
}
export const NOTE_SCHEDULE: NoteSchedule = { remindDaysAfter: 1, dueDaysAfter: 15 };

export interface NoteHalfYear {
  year: number;
  half: 1 | 2;
  from: IsoDate;
  to: IsoDate;
  remindOn: IsoDate;
  dueOn: IsoDate;
}

/**
 * The half-year whose note the department is reminded of on `today`: the latest half-year that has ended, from its
 * reminder day to its due date (null outside that window: a note long past its due date is not announced as due,
 * e.g. after the first installation).
 */
export function noteReminderDue(today: IsoDate, schedule: NoteSchedule = NOTE_SCHEDULE): NoteHalfYear | null {
  const year = Number(today.slice(0, 4));
  const latest = today > `${year}-06-30` ? { year, half: 1 as const } : { year: year - 1, half: 2 as const };
  const from: IsoDate = latest.half === 1 ? `${latest.year}-01-01` : `${latest.year}-07-01`;
  const to: IsoDate = latest.half === 1 ? `${latest.year}-06-30` : `${latest.year}-12-31`;
  const remindOn = isoDate(dayNumber(to) + schedule.remindDaysAfter);
  const dueOn = isoDate(dayNumber(to) + schedule.dueDaysAfter);
  if (today < remindOn || (today > dueOn && today > remindOn)) return null;
  return { ...latest, from, to, remindOn, dueOn };
}
