/**
 * The methods of the monitoring dashboards: fair (load-normalised) indicators and rising topics. These numbers
 * are ours, not the law's: the Standard Regulation (REG p.5(3), 7(1)–(2), 9(2)) asks the department to monitor
 * timeliness and problem issues but sets no formula. Pure functions, no I/O; docs/monitoring.md explains them.
 */

export const FAIR_METHOD = {
  citation: 'REG p.5(3), p.9(2) (method: Tynda, docs/monitoring.md)',
  per: 1000,
  /**
   * Damping: the actual and the expected count of late appeals each get this many expected cases added, so a
   * body whose own figures are small stays near the average (ratio 1) instead of topping or bottoming the table.
   */
  priorExpected: 10,
  /** rows with fewer appeals are shown but marked as not yet reliable */
  minAppeals: 30,
} as const;

export const RISING_METHOD = {
  citation: 'REG p.7(1)–(2) (method: Tynda, docs/monitoring.md)',
  /** a topic counts as rising in a district only with at least this many appeals in the period */
  minVolume: 10,
  /** growth is measured against at least this base, so 1 → 3 is +20 %, not +200 % */
  minBase: 10,
  /** and only from this growth up (0.25 = +25 %) */
  minGrowth: 0.25,
  /** the content analysis forms a card of a problem issue for a rising topic of a district from this volume up */
  cardVolume: 30,
} as const;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface MixRow {
  key: string;
  topicId: string | null;
  received: number;
  late: number;
}

export interface FairRow {
  key: string;
  received: number;
  late: number;
  /** late per 1,000 appeals received, as counted */
  latePer1000: number | null;
  /** how many late appeals this body would have with the average rate of each of its topics */
  expectedLate: number;
  /** (late + prior) / (expected + prior): 1 is the average for this mix of topics, 2 twice it */
  adjustedRatio: number | null;
  /** the adjusted ratio times the overall rate, per 1,000: comparable across bodies of any size and topic mix */
  adjustedPer1000: number | null;
  reliable: boolean;
}

/**
 * Fair indicators per row (a body, a district): from counts per (row, topic). The expected count uses each topic's
 * late rate over all rows given (the case mix: a body drowning in heating complaints in January is compared with
 * what heating complaints do everywhere), then the ratio is damped by FAIR_METHOD.priorExpected.
 */
export function fairIndicators(mix: readonly MixRow[]): { rows: FairRow[]; overallPer1000: number | null } {
  const m = FAIR_METHOD;
  const topic = new Map<string, { received: number; late: number }>();
  let received = 0;
  let late = 0;
  for (const r of mix) {
    const t = topic.get(r.topicId ?? '') ?? { received: 0, late: 0 };
    t.received += r.received;
    t.late += r.late;
    topic.set(r.topicId ?? '', t);
    received += r.received;
    late += r.late;
  }
  const overall = received ? late / received : null;
  const byKey = new Map<string, { received: number; late: number; expected: number }>();
  for (const r of mix) {
    const t = topic.get(r.topicId ?? '')!;
    const row = byKey.get(r.key) ?? { received: 0, late: 0, expected: 0 };
    row.received += r.received;
    row.late += r.late;
    row.expected += t.received ? (r.received * t.late) / t.received : 0;
    byKey.set(r.key, row);
  }
  const rows = [...byKey.entries()].map(([key, r]): FairRow => {
    const ratio = r.received ? (r.late + m.priorExpected) / (r.expected + m.priorExpected) : null;
    return {
      key,
      received: r.received,
      late: r.late,
      latePer1000: r.received ? round((r.late * m.per) / r.received, 1) : null,
      expectedLate: round(r.expected, 2),
      adjustedRatio: ratio === null ? null : round(ratio, 3),
      adjustedPer1000: ratio === null || overall === null ? null : round(ratio * overall * m.per, 1),
      reliable: r.received >= m.minAppeals,
    };
  });
  rows.sort((a, b) => (b.adjustedRatio ?? -1) - (a.adjustedRatio ?? -1) || b.received - a.received || a.key.localeCompare(b.key));
  return { rows, overallPer1000: overall === null ? null : round(overall * m.per, 1) };
}

/** Growth of a topic against the same period a year before, with the minimum base: (now - before) / max(before, minBase). */
export function growth(now: number, before: number): number {
  return round((now - before) / Math.max(before, RISING_METHOD.minBase), 3);
}

export function isRising(now: number, before: number): boolean {
  return now >= RISING_METHOD.minVolume && growth(now, before) >= RISING_METHOD.minGrowth;
}

/** A problem issue for a card (REG p.7(2)): a rising topic of a district with at least RISING_METHOD.cardVolume appeals. */
export function isProblem(now: number, before: number): boolean {
  return now >= RISING_METHOD.cardVolume && isRising(now, before);
}

/** The same calendar day a year before (29 February → 28 February). */
export function yearBefore(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The half-year that contains a day, as its first and last days. */
export function halfYear(year: number, half: 1 | 2): { from: string; to: string } {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}
