/** The HTTP contract of court-case tracking (APC Section 4; Rules No. 111 Annex 3). */
import { z } from 'zod';
import { CLAIM_BASES, CLAIM_TYPES, COURT_OUTCOMES, INSTANCES, RESULTS_FOR_BODY, RETURN_GROUNDS } from '../../law/court.ts';
import { isoDate } from '../calendar/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => z.string().trim().max(max).optional();
const uuid = z.uuid();
const codes = (list: readonly { code: string }[]) => z.enum(list.map((g) => g.code) as [string, ...string[]]);

const instanceRecord = z.strictObject({
  caseNumber: opt(100),
  decidedOn: isoDate.optional(),
  finalFormOn: isoDate.optional().describe('The decision in final form (151(2)); the appeal window of 168(2) runs from it'),
  deliveredOn: isoDate.optional().describe('Delivery to the body (B7); the cassation window of 169(2) runs from delivery of the appellate act'),
  outcome: codes(COURT_OUTCOMES).optional(),
  result: z.enum(RESULTS_FOR_BODY).optional().describe('Annex 3 c.7–9: for the state body, against it, partly, other'),
  reasoning: opt(20_000),
  operative: opt(20_000),
  appealed: z.boolean().optional(),
  disagreement: opt(20_000).describe("The body's arguments of disagreement when it appealed (Annex 3 c.7–8)"),
});

const measures = z.strictObject({ taken: z.boolean(), description: opt(4000), similarCases: z.boolean().optional(), links: z.array(text(500)).max(20).optional() });

export const courtCaseBody = z.strictObject({
  bodyId: uuid.optional().describe('The state body whose case it is (Annex 3 c.2); by default the body of the complaint or appeal'),
  appealId: uuid.optional(),
  complaintId: uuid.optional(),
  actId: uuid.optional(),
  act: z.strictObject({ name: text(500), content: text(4000), adoptedOn: isoDate }).describe('Annex 3 c.4'),
  claimType: codes(CLAIM_TYPES),
  damagesClaim: z.boolean().optional().describe('APC 160'),
  claimBasis: z.enum(CLAIM_BASES).optional().describe('Where the claim term runs from (136): by default from the linked complaint'),
  basisOn: isoDate.optional().describe('Delivery of the complaint decision (136(1)) or of the act (136(1) ¶2); a deemed dismissal dates itself (136(6))'),
  court: text(300),
  caseNumber: opt(100),
  role: z.enum(['defendant', 'plaintiff', 'interested']).default('defendant'),
  plaintiff: z.strictObject({ kind: z.enum(['individual', 'legal_entity']), name: text(300) }),
  claims: text(20_000),
  arguments: opt(20_000),
  area: opt(200).describe('Area of activity (Annex 4 step 10)'),
  claimFiledOn: isoDate.describe('The claim date starts the proceedings (APC 137)'),
  status: z.enum(['pending', 'in_force']).describe('Annex 3 c.3'),
  instance: z.enum(INSTANCES).optional().describe('Annex 3 c.3: required while pending'),
  firstInstance: instanceRecord.optional(),
  appeal: instanceRecord.optional(),
  cassation: instanceRecord.optional(),
  returnGround: codes(RETURN_GROUNDS).optional(),
  enteredIntoForceOn: isoDate.optional().describe('APC 161, 168(10)'),
  actCancelled: z.boolean().optional().describe('By default: the deciding court act cancels the act and is in force'),
  cancellationReasons: opt(20_000).describe('Annex 3 c.10: required when the act is cancelled by a decision in force'),
  preventiveMeasures: measures.optional().describe('Annex 3 c.11'),
  causesMeasures: measures.optional().describe('Annex 3 c.12'),
  privateRulings: z.array(z.strictObject({ content: text(4000), requires: text(4000), measures: opt(4000), executed: z.boolean(), appealed: z.boolean().optional(), disagreement: opt(4000) })).max(20).optional().describe('Annex 3 c.13: private rulings (частные определения) and what was done'),
  executedOn: isoDate.optional().describe('APC 171(2): executed within a month of entry into force'),
  courtNotifiedOn: isoDate.optional(),
});

export const updateBody = courtCaseBody.omit({ bodyId: true, appealId: true, complaintId: true, actId: true, claimBasis: true, basisOn: true }).extend({ version: z.number().int().min(1).describe('The version the form was loaded at') });

const n = <T extends z.ZodType>(t: T) => t.nullable();
export const courtCaseResponse = z.object({
  id: z.string(),
  bodyId: z.string(),
  appealId: n(z.string()),
  complaintId: n(z.string()),
  actId: n(z.string()),
  act: z.unknown(),
  claimType: z.string(),
  damagesClaim: z.boolean(),
  claimBasis: z.string(),
  court: z.string(),
  caseNumber: n(z.string()),
  role: z.string(),
  plaintiff: z.unknown(),
  claims: z.string(),
  arguments: n(z.string()),
  area: n(z.string()),
  claimFiledOn: z.string(),
  claimDeadline: n(z.string()).describe('APC 136: the last day to file the claim'),
  claimLate: z.boolean(),
  status: z.string(),
  instance: n(z.string()),
  firstInstance: z.unknown(),
  appeal: z.unknown(),
  cassation: z.unknown(),
  returnGround: n(z.string()),
  enteredIntoForceOn: n(z.string()),
  foundUnlawful: z.boolean().describe('Counts towards the share of acts found unlawful (Rules No. 111 p.5(7))'),
  actCancelled: z.boolean(),
  cancellationReasons: n(z.string()),
  preventiveMeasures: z.unknown(),
  causesMeasures: z.unknown(),
  privateRulings: z.unknown(),
  executedOn: n(z.string()),
  courtNotifiedOn: n(z.string()),
  version: z.number(),
});

export const courtCaseView = courtCaseResponse.extend({
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: n(z.string()), state: n(z.string()), details: z.record(z.string(), z.unknown()) })),
  deadlines: z.array(z.object({ id: z.number(), term: z.string(), from: z.string(), due: z.string(), internalTarget: n(z.string()), warnings: z.array(z.unknown()), open: z.boolean() })),
});

export const annex3Query = z.strictObject({ from: isoDate, to: isoDate, bodyId: uuid, lang: z.enum(['kk', 'ru', 'en']).optional() });
export const annex3Response = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  bodyId: z.string(),
  columns: z.array(z.object({ n: z.number(), kk: z.string(), ru: z.string(), en: z.string(), enCorrected: z.string().optional() })).describe('Rules No. 111 Annex 3: KZ and EN verbatim, RU a translation (the Rules have no Russian text)'),
  rows: z.array(z.object({ id: z.string(), cells: z.record(z.string(), z.string()) })),
});

export const indicatorQuery = z.strictObject({
  bodyId: uuid,
  year: z.coerce.number().int().min(2021).max(2100),
  denominator: z.enum(['appealed_in_court', 'decided_in_force']).default('appealed_in_court').describe('Rules p.5(7) names no denominator (§6 A-11)'),
});
const share = z.object({ year: z.number(), unlawful: z.number(), denominator: z.number(), sharePercent: n(z.number()) });
export const indicatorResponse = z.object({
  bodyId: z.string(),
  denominatorKind: z.string(),
  current: share,
  previous: share,
  changePercentagePoints: n(z.number()),
  reduced: n(z.boolean()).describe('The share fell against the previous year (Rules p.5(7): an annual reduction)'),
});
