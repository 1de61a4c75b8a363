/**
 * The shape of a legal time limit. The table of every limit is `terms.ts`; the arithmetic is `deadlines.ts`.
 * A lawyer reads a Term as one row of the law: amount, unit, the event it runs from, who may extend it,
 * the citation and the dates it is in force.
 */
import type { Localized } from './i18n.ts';

export type TermUnit =
  /** the N-th working day after day 0 (APC 3.1(4) convention) */
  | 'working_days'
  /** the latest day that lies N working days before the event (APC 73(1): "не позднее чем за три рабочих дня до") */
  | 'working_days_before'
  /** day 0 + N calendar days; the legal end rolls forward off a non-working day */
  | 'calendar_days'
  /** the event minus N calendar days (LSS 5(2)(5): "no later than one day before") */
  | 'calendar_days_before'
  /** the same-numbered day of the N-th month, clamped to the month's end, rolled forward off a non-working day */
  | 'months'
  /** as months, times twelve */
  | 'years'
  /** the event day if it is a working day, else the next working day (APC 64(3)) */
  | 'same_or_next_working_day'
  /** the first working day after the event (APC 90-6(3)) */
  | 'next_working_day'
  /** the event day itself, with an urgent flag (APC 37(3), 88(1)(2)) */
  | 'immediately'
  /** a legal fact dated on the day another term expires (APC 91(2), 100(5)); `from` is that expiry day */
  | 'on_expiry'
  /** the next of fixed days of the year on or after the event (Rules No. 111 p.16: 10 June and 10 December) */
  | 'fixed_dates'
  /** no number in the law: "reasonable", "in advance", set by the body or the court, periodic duties */
  | 'no_fixed_term';

/** Who bears the duty. For month-based limits a body also gets an internal target (APC requirements A3). */
export type Party = 'body' | 'participant' | 'court' | 'other';

/** "within N" (exact end), "not later than N" (max), "at least N before" (min). Informational. */
export type Bound = 'exact' | 'max' | 'min';

export type ExtensionRole = 'head' | 'deputy_head' | 'instruction_giver' | 'authorized_body' | 'court' | 'law';

export interface Extension {
  /** roles that may extend */
  by: ExtensionRole[];
  /** how far: a further amount, or a total cap counted from the term's start */
  max?: { amount: number; unit: 'working_days' | 'calendar_days' | 'months'; counted: 'from_start' | 'from_due' };
  /** closed list of grounds, if the law gives one (LSS 25(4)) */
  grounds?: Localized[];
  citation: string;
}

export interface Term {
  /** 'APC-76.1', 'APC-90-2.4.1_written', 'LSS-25.2.1', 'RULES-16' (see docs/legal-mapping.md for the scheme) */
  id: string;
  /** the act: Administrative Procedural and Process Code, Law on State Services, Rules No. 111, Standard Regulation No. 560 */
  act: 'APC' | 'LSS' | 'RULES' | 'REG';
  /** human citation, 'APC 76(1)' */
  citation: string;
  unit: TermUnit;
  /** null only for 'no_fixed_term', 'immediately', 'on_expiry', 'same_or_next_working_day', 'next_working_day', 'fixed_dates' */
  amount: number | null;
  /** for 'fixed_dates': 'MM-DD' days of the year */
  fixedDates?: string[];
  bound: Bound;
  party: Party;
  /** the event the term runs from, in words */
  runsFrom: Localized;
  /** one line: what must be done within the term */
  description: Localized;
  extension?: Extension;
  /** the date the provision took effect and, if it did, stopped */
  effective: { from: string; to?: string };
  /** a caution to show wherever this term is used (suspended text, changed rules, counting ambiguity) */
  caveat?: Localized;
  /**
   * The term runs from receipt of an appeal (APC 76(1), 62(2)). Under the convention
   * `mainTermFrom: 'registration'` it runs from the registration day instead (requirements A4).
   */
  receiptBased?: boolean;
  /** the short original quote, Russian for the APC, as the requirements give it */
  quote?: string;
}
