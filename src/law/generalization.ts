/**
 * The semi-annual generalization of administrative practice (Rules No. 111 p.16, Annexes 3–4) and the body's
 * target indicators (p.5(7)) as data. Source: rules-services-requirements.md, §1.5, §1.6, §1.7 (D-04,
 * D-06, D-12), §6, AT-27 – AT-31.
 */
import { dayNumber, isoDate, type IsoDate } from './dates.ts';

export const GENERALIZATION_CITATION = 'Rules No. 111 p.16; Annexes 3, 4';

/**
 * Rules No. 111 p.16: "on a semi-annual basis, by June 10 and December 10" (KZ «10 маусым мен 10 желтоқсанға дейінгі
 * мерзімде»). The due date is inclusive: submitted on the 10th is on time (§6 A-10, §1.7 D-12). It is not moved
 * off a weekend or holiday: the Rules state no shift (§6 A-03); the campaign warns instead and reminds early.
 */
export const DUE_DATES: Record<1 | 2, { month: number; day: number }> = {
  1: { month: 6, day: 10 },
  2: { month: 12, day: 10 },
};
export const DUE_CITATION = 'Rules No. 111 p.16';

/** §6 A-35: the Rules took effect on 28 February 2025, so the first semi-annual due date is 10 June 2025 (H1 2025). */
export const FIRST_CAMPAIGN = { year: 2025, half: 1 as const };

/**
 * R-15 [design]: a campaign starts 30 days before its due date by default (configurable per campaign). Not a legal
 * number: the Rules set only the due date.
 */
export const DEFAULT_START_DAYS_BEFORE = 30;

/**
 * §6 A-10: the Rules give the due dates but not the period each report covers. Tynda's default (configurable per
 * campaign): the report due 10 June covers 1 December of the previous year – 31 May; the one due 10 December covers
 * 1 June – 30 November. Each month falls in exactly one report, December cases are in the next year's first one,
 * and the legal service has ten days between the end of the period and the due date to review and report.
 */
export function defaultPeriod(year: number, half: 1 | 2): { from: IsoDate; to: IsoDate } {
  return half === 1 ? { from: `${year - 1}-12-01`, to: `${year}-05-31` } : { from: `${year}-06-01`, to: `${year}-11-30` };
}

export function dueDate(year: number, half: 1 | 2): IsoDate {
  const d = DUE_DATES[half];
  return `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function defaultStart(year: number, half: 1 | 2): IsoDate {
  return isoDate(dayNumber(dueDate(year, half)) - DEFAULT_START_DAYS_BEFORE);
}

/** Overdue the day after the due date while no submission to the Ministry of Justice is recorded (R-15, AT-27). */
export function isOverdue(dueOn: IsoDate, today: IsoDate, submittedOn: IsoDate | null): boolean {
  return submittedOn === null && today > dueOn;
}

/**
 * R-15 "escalating reminders" [design]: the subdivisions that have not submitted are reminded 10, 3 and 1 calendar
 * days before the campaign's due date, and every day once it has passed (AT-27). Not legal numbers.
 */
export const REMINDER_DAYS_BEFORE = [10, 3, 1] as const;

export function reminderDue(dueOn: IsoDate, today: IsoDate): boolean {
  const left = dayNumber(dueOn) - dayNumber(today);
  return left < 0 || (REMINDER_DAYS_BEFORE as readonly number[]).includes(left);
}

/** Annex 4 step 7: the kind of deficiency a lost case reveals. */
export const DEFICIENCY_TYPES = ['regulatory', 'law_enforcement'] as const;
export type DeficiencyType = (typeof DEFICIENCY_TYPES)[number];

/** Annex 4 steps 1–10, cited by each action of a campaign. */
export const STEP_CITATIONS = {
  request: 'Rules No. 111 Annex 4 step 1 (the Annex 3 table: §1.7 D-06, §6 A-13)',
  fill: 'Rules No. 111 Annex 4 step 2',
  review: 'Rules No. 111 Annex 4 steps 3–8',
  finalise: 'Rules No. 111 Annex 4 step 9',
  report: 'Rules No. 111 Annex 4 step 10',
  submit: 'Rules No. 111 p.16',
} as const;

/**
 * Annex 4 steps 6–8 as field checks on a reviewed row: illegality yes/no with a description when yes (step 6); a lost
 * case needs the causes and conditions of the loss and the deficiency type (step 7); a deficiency needs the measures
 * taken or proposals for its elimination (step 8). A case is lost when the decision against the body (or partly
 * against it, §6 A-12) entered into force.
 */
export interface RowReview {
  reasoningAnalysis?: string | null | undefined;
  illegalityFound?: boolean | null | undefined;
  illegalityDescription?: string | null | undefined;
  lossCauses?: string | null | undefined;
  deficiencyType?: DeficiencyType | null | undefined;
  measuresTaken?: string | null | undefined;
  proposals?: string | null | undefined;
}

export function isLost(finalResult: string | null | undefined): boolean {
  return finalResult === 'against_body' || finalResult === 'partly';
}

const blank = (s: string | null | undefined) => !s || !s.trim();

export function reviewProblems(review: RowReview, lost: boolean): { field: string; code: string }[] {
  const out: { field: string; code: string }[] = [];
  if (blank(review.reasoningAnalysis)) out.push({ field: 'body.reasoningAnalysis', code: 'required' });
  if (review.illegalityFound === null || review.illegalityFound === undefined) out.push({ field: 'body.illegalityFound', code: 'required' });
  if (review.illegalityFound && blank(review.illegalityDescription)) out.push({ field: 'body.illegalityDescription', code: 'required' });
  if (lost && blank(review.lossCauses)) out.push({ field: 'body.lossCauses', code: 'loss_causes_required' });
  if (lost && !review.deficiencyType) out.push({ field: 'body.deficiencyType', code: 'deficiency_type_required' });
  if ((review.deficiencyType || review.illegalityFound) && blank(review.measuresTaken) && blank(review.proposals)) out.push({ field: 'body.measuresTaken', code: 'measures_or_proposals_required' });
  return out;
}

/** Rules No. 111 p.5(7), R-14: the target record; approval by the head is in the English text only (§1.7 D-04), on by default. */
export const TARGET_CITATION = 'Rules No. 111 p.5(7)';
export const TARGET_APPROVAL_DEFAULT = true;
