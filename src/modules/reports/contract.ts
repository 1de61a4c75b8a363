/** The HTTP contract of the generalization of administrative practice (Rules No. 111 p.16, Annexes 3–4) and target indicators (p.5(7)). */
import { z } from 'zod';
import { RESULTS_FOR_BODY, INSTANCES } from '../../law/court.ts';
import { DEFICIENCY_TYPES } from '../../law/generalization.ts';
import { isoDate } from '../calendar/contract.ts';

const uuid = z.uuid();
const n = <T extends z.ZodType>(t: T) => t.nullable();
const text = (max: number) => z.string().trim().max(max);
const result = z.enum(RESULTS_FOR_BODY);

export const createCampaignBody = z.strictObject({
  bodyId: uuid,
  year: z.number().int().min(2025).max(2100),
  half: z.union([z.literal(1), z.literal(2)]).describe('1: due 10 June; 2: due 10 December (Rules p.16)'),
  periodFrom: isoDate.optional().describe('Default (§6 A-10): H1 1 December of the previous year – 31 May; H2 1 June – 30 November'),
  periodTo: isoDate.optional(),
  startsOn: isoDate.optional().describe('Default: 30 days before the due date'),
});

export const listQuery = z.strictObject({ bodyId: uuid.optional() });

export const requestBody = z.strictObject({ subdivisionIds: z.array(uuid).min(1).max(100).describe('Annex 4 step 1: the structural subdivisions asked for the Annex 3 table') });

const cells = z.record(z.string().regex(/^(?:[2-9]|1[0-3])$/), text(20_000)).describe('Annex 3 columns 2–13 as text (column 1 is the row number)');
export const rowBody = z.strictObject({
  subdivisionId: uuid.optional().describe('The subdivision whose row it is; none: the legal service'),
  cells: cells.optional(),
  status: z.enum(['pending', 'in_force']).optional().describe('Annex 3 c.3'),
  instance: n(z.enum(INSTANCES)).optional().describe('Annex 3 c.3: required while pending (AT-28)'),
  firstResult: n(result).optional(),
  appealResult: n(result).optional(),
  cassationResult: n(result).optional(),
  finalResult: n(result).optional().describe('The decision in legal force: for the body, against, partly (§6 A-12), other'),
  area: n(text(200)).optional().describe('Area of activity (Annex 4 step 10)'),
  procedure: n(text(500)).optional().describe('The administrative procedure or act appealed'),
  version: z.number().int().min(1).optional(),
});

export const reviewBody = z.strictObject({
  reasoningAnalysis: text(20_000).optional().describe('Annex 4 step 4: analysis of the reasoning part of the decision'),
  illegalityFound: z.boolean().optional().describe('Annex 4 step 6: compared with legislation, illegality found'),
  illegalityDescription: text(20_000).optional(),
  lossCauses: text(20_000).optional().describe('Annex 4 step 7: causes and conditions of the loss (required for a lost case)'),
  deficiencyType: z.enum(DEFICIENCY_TYPES).optional().describe('Annex 4 step 7: regulatory regulation or law-enforcement practice'),
  measuresTaken: text(20_000).optional().describe('Annex 4 step 8 (feeds columns 11, 12)'),
  proposals: text(20_000).optional().describe('Annex 4 step 8: proposals for the elimination of deficiencies'),
  version: z.number().int().min(1).optional(),
});

export const sectionsBody = z.strictObject({
  shortcomings: text(50_000).optional().describe('Annex 4 step 10: identified shortcomings'),
  proposals: text(50_000).optional().describe('Annex 4 step 10: proposals for their elimination'),
  otherNotes: text(50_000).optional(),
});

export const submissionBody = z.strictObject({
  submittedOn: isoDate.describe('The day the report went to the Ministry of Justice (on or before the due date is on time)'),
  to: text(300).optional(),
  reference: text(200).optional().describe('Outgoing number or the IAS reference'),
});

const outcomes = z.object({ forBody: z.number(), againstBody: z.number(), partly: z.number(), other: z.number() });
export const figuresView = z.object({
  inProceedings: z.number(),
  final: outcomes.extend({ pending: z.number() }),
  perInstance: z.object({ first: outcomes, appeal: outcomes, cassation: outcomes }),
  areas: z.array(z.object({ area: z.string(), count: z.number() })),
  procedures: z.array(z.object({ procedure: z.string(), count: z.number() })),
  lost: z.number(),
  lossCauses: z.array(z.string()),
  deficiencies: z.object({ regulatory: z.number(), lawEnforcement: z.number() }),
  measures: z.array(z.string()),
  rowProposals: z.array(z.string()),
  foundUnlawful: z.number(),
  privateRulings: z.object({ total: z.number(), executed: z.number() }),
});

export const campaignSummary = z.object({
  id: z.string(), bodyId: z.string(), year: z.number(), half: z.number(), periodFrom: z.string(), periodTo: z.string(), dueOn: z.string(), startsOn: z.string(),
  state: z.enum(['draft', 'collecting', 'final', 'submitted']), overdue: z.boolean(), requestedOn: n(z.string()), submittedOn: n(z.string()), submittedTo: n(z.string()),
  submissionRef: n(z.string()), shortcomings: n(z.string()), proposals: n(z.string()), otherNotes: n(z.string()), finalisedAt: n(z.string()),
  dueOnNonWorkingDay: z.boolean().describe('§6 A-03: the due date is not moved; submit before it'), citation: z.string(), version: z.number(),
});

export const rowView = z.object({
  id: z.string(), position: z.number(), subdivisionId: n(z.string()), courtCaseId: n(z.string()), cells: z.record(z.string(), z.string()),
  status: z.string(), instance: n(z.string()), firstResult: n(z.string()), appealResult: n(z.string()), cassationResult: n(z.string()), finalResult: n(z.string()),
  area: n(z.string()), procedure: n(z.string()), foundUnlawful: z.boolean(), lost: z.boolean(),
  reasoningAnalysis: n(z.string()), illegalityFound: n(z.boolean()), illegalityDescription: n(z.string()), lossCauses: n(z.string()), deficiencyType: n(z.string()),
  measuresTaken: n(z.string()), proposals: n(z.string()), reviewedAt: n(z.string()), version: z.number(),
});

const share = z.object({ year: z.number(), unlawful: z.number(), denominator: z.number(), sharePercent: n(z.number()) });
export const targetView = z.object({
  bodyId: z.string(), year: z.number(), denominator: z.string(),
  target: n(z.object({ targetPercent: z.number(), baselinePercent: n(z.number()), baselineYear: n(z.number()), ndpIndicator: n(z.string()), approvalRequired: z.boolean(), approvedOn: n(z.string()), approvedBy: n(z.string()), approved: z.boolean() })),
  actual: share, previous: share, changePercentagePoints: n(z.number()), reduced: n(z.boolean()), met: n(z.boolean()),
  trend: z.array(z.object({ year: z.number(), actualPercent: n(z.number()), unlawful: z.number(), denominator: z.number(), targetPercent: n(z.number()) })),
  citation: z.string(),
});

export const campaignView = z.object({
  campaign: campaignSummary,
  subdivisions: z.array(z.object({ subdivisionId: z.string(), code: z.string(), name: z.record(z.string(), z.string()), requestedOn: z.string(), status: z.string(), submittedOn: n(z.string()), reminders: z.number(), lastRemindedOn: n(z.string()), rows: z.number() })),
  rows: z.array(rowView),
  figures: figuresView,
  missingSections: z.array(z.string()).describe('R-16 [design]: the report is blocked while a case was lost and these are empty'),
  target: targetView,
});

export const targetParams = z.strictObject({ bodyId: uuid, year: z.coerce.number().int().min(2021).max(2100) });
export const targetBody = z.strictObject({
  targetPercent: z.number().min(0).max(100),
  baselinePercent: z.number().min(0).max(100).optional(),
  baselineYear: z.number().int().min(2000).max(2100).optional(),
  ndpIndicator: text(500).optional().describe('The key national indicator of the National Development Plan to 2029 it decomposes'),
  denominator: z.enum(['appealed_in_court', 'decided_in_force']).optional().describe('§6 A-11: acts appealed in court (default) or decisions in force'),
  approvalRequired: z.boolean().optional().describe('Approval by the head (EN only, §1.7 D-04): on by default'),
});
