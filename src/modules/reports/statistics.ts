/**
 * The figures of the generalization report (Rules No. 111 Annex 4 step 10; R-17), counted from the campaign's
 * Annex 3 rows. Pure: the tests hold it to hand-counted fixtures (AT-29).
 */
import { isLost } from '../../law/generalization.ts';

export interface StatRow {
  status: 'pending' | 'in_force';
  first_result: string | null;
  appeal_result: string | null;
  cassation_result: string | null;
  final_result: string | null;
  area: string | null;
  procedure: string | null;
  found_unlawful: boolean;
  private_rulings: number;
  private_rulings_executed: number;
  loss_causes: string | null;
  deficiency_type: string | null;
  measures_taken: string | null;
  proposals: string | null;
}

/** for the body, against it, partly (§6 A-12: a category of its own), other (returned, settled, withdrawn) */
export interface Outcomes { forBody: number; againstBody: number; partly: number; other: number }

export interface ReportFigures {
  /** R-17 1: cases in proceedings during the period (KZ «іс жүргізудегі») */
  inProceedings: number;
  /** R-17 2–3, the decisions in legal force, and the cases still pending */
  final: Outcomes & { pending: number };
  /** R-17 2–3 per instance (§6 A-12) */
  perInstance: { first: Outcomes; appeal: Outcomes; cassation: Outcomes };
  /** R-17 4: areas of activity with their counts, most first */
  areas: { area: string; count: number }[];
  /** R-17 additional: the most appealed procedures or acts */
  procedures: { procedure: string; count: number }[];
  /** lost cases (against or partly against, in force) and their causes (Annex 4 step 7) */
  lost: number;
  lossCauses: string[];
  deficiencies: { regulatory: number; lawEnforcement: number };
  measures: string[];
  rowProposals: string[];
  foundUnlawful: number;
  privateRulings: { total: number; executed: number };
}

const UNSPECIFIED = '—';

function outcomes(results: (string | null)[]): Outcomes {
  const o: Outcomes = { forBody: 0, againstBody: 0, partly: 0, other: 0 };
  for (const r of results) {
    if (r === 'for_body') o.forBody++;
    else if (r === 'against_body') o.againstBody++;
    else if (r === 'partly') o.partly++;
    else if (r === 'other') o.other++;
  }
  return o;
}

function counted(values: (string | null)[]): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) {
    const k = v?.trim() || UNSPECIFIED;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function reportFigures(rows: StatRow[]): ReportFigures {
  const inForce = rows.filter((r) => r.status === 'in_force');
  const lostRows = inForce.filter((r) => isLost(r.final_result));
  const texts = (xs: (string | null)[]) => xs.filter((x): x is string => !!x && !!x.trim());
  return {
    inProceedings: rows.length,
    final: { ...outcomes(inForce.map((r) => r.final_result)), pending: rows.length - inForce.length },
    perInstance: {
      first: outcomes(rows.map((r) => r.first_result)),
      appeal: outcomes(rows.map((r) => r.appeal_result)),
      cassation: outcomes(rows.map((r) => r.cassation_result)),
    },
    areas: counted(rows.map((r) => r.area)).map(({ key, count }) => ({ area: key, count })),
    procedures: counted(rows.map((r) => r.procedure)).slice(0, 5).map(({ key, count }) => ({ procedure: key, count })),
    lost: lostRows.length,
    lossCauses: texts(lostRows.map((r) => r.loss_causes)),
    deficiencies: { regulatory: rows.filter((r) => r.deficiency_type === 'regulatory').length, lawEnforcement: rows.filter((r) => r.deficiency_type === 'law_enforcement').length },
    measures: texts(rows.map((r) => r.measures_taken)),
    rowProposals: texts(rows.map((r) => r.proposals)),
    foundUnlawful: rows.filter((r) => r.found_unlawful).length,
    privateRulings: { total: rows.reduce((s, r) => s + r.private_rulings, 0), executed: rows.reduce((s, r) => s + r.private_rulings_executed, 0) },
  };
}

/** R-16 [design]: the report is blocked while any lost case exists and the shortcomings or proposals are empty. */
export function missingSections(figures: ReportFigures, campaign: { shortcomings: string | null; proposals: string | null }): ('shortcomings' | 'proposals')[] {
  if (figures.lost === 0) return [];
  const out: ('shortcomings' | 'proposals')[] = [];
  if (!campaign.shortcomings?.trim()) out.push('shortcomings');
  if (!campaign.proposals?.trim()) out.push('proposals');
  return out;
}
