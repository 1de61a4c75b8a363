/** The HTTP contract of the uniformity analysis (APC 15-1(4); Rules No. 111 p.5(4), Annex 4). */
import { z } from 'zod';
import { MEASURES, OUTCOME_CODES, VERDICTS } from '../../law/uniformity.ts';

const localized = z.record(z.string(), z.string());
const outcome = z.enum(OUTCOME_CODES as [string, ...string[]]);
const spread = z.enum(['same_executor', 'executor', 'subdivision', 'body', 'region']);

export const runBody = z.strictObject({ bodyId: z.uuid().describe('The body; its subordinate bodies are analysed with it') });

export const runView = z.object({
  id: z.string(),
  bodyId: z.string(),
  state: z.enum(['queued', 'running', 'finished', 'failed']),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()).describe('cases, procedures, groups, comparisons, divergences'),
  error: z.string().nullable(),
});

export const listQuery = z.strictObject({
  open: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only those the legal service has not reviewed yet'),
  all: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Also those the last run no longer found'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const review = z.object({
  verdict: z.enum(['justified', 'defect']).nullable(),
  measure: z.enum(['update_manual', 'training', 'revoke_act', 'other']).nullable(),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const divergenceItem = z.object({
  id: z.string(),
  procedureId: z.string(),
  a: z.object({ appealId: z.string(), number: z.string(), bodyId: z.string(), bodyCode: z.string(), outcome }),
  b: z.object({ appealId: z.string(), number: z.string(), bodyId: z.string(), bodyCode: z.string(), outcome }),
  similarity: z.number(),
  normOverlap: z.number(),
  spread,
  score: z.number(),
  group: z.object({ key: z.string(), size: z.number(), outcomes: z.record(z.string(), z.number()) }),
  current: z.boolean(),
  review,
});

export const divergenceList = z.object({ procedureId: z.string(), bodyId: z.string().describe("The procedure's body: a run over it (and the bodies below) refreshes the list"), total: z.number(), items: z.array(divergenceItem) });

const side = z.object({
  appealId: z.string(),
  number: z.string(),
  bodyId: z.string(),
  body: localized.nullable(),
  subdivision: localized.nullable(),
  executor: z.string().nullable(),
  regionId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  actId: z.string().nullable(),
  actNumber: z.string().nullable(),
  essence: z.string(),
  reasons: z.string(),
  legalBasis: z.string(),
  norms: z.array(z.string()),
  outcome,
  manual: z.object({ id: z.string(), version: z.number().nullable(), effectiveFrom: z.string().nullable() }).nullable().describe('The manual version in force on the decision date (Rules No. 111 p.9)'),
});

export const divergenceView = divergenceItem.extend({ sides: z.array(side).length(2), citation: z.string() });

export const reviewBody = z.strictObject({
  verdict: z.enum(Object.keys(VERDICTS) as [string, ...string[]]).describe('justified: the difference has a reason; defect: divergent practice (Annex 4 p.1)'),
  measure: z.enum(Object.keys(MEASURES) as [string, ...string[]]).optional().describe('Required for a defect: update the manual, training, revoke the act, other (Annex 4 p.6)'),
  note: z.string().trim().min(1).max(4000).describe('The reasons of the verdict, or the measure in words'),
});

export const courtSignalsView = z.object({
  procedureId: z.string(),
  courtCases: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byInstance: z.record(z.string(), z.number()),
  byResult: z.record(z.string(), z.number()),
  actsAdopted: z.number(),
  actsCancelled: z.number(),
  cancelledShare: z.number(),
  cancelled: z.array(z.object({
    courtCaseId: z.string(), court: z.string(), caseNumber: z.string().nullable(), actId: z.string().nullable(), actNumber: z.string().nullable(),
    appealNumber: z.string().nullable(), enteredIntoForceOn: z.string().nullable(), reasons: z.string().nullable(), instance: z.string(),
  })),
  changedBecause: z.array(z.object({ manualId: z.string(), version: z.number(), state: z.string(), effectiveFrom: z.string().nullable(), note: z.string(), courtCaseIds: z.array(z.string()) })),
  citation: z.string(),
});

export const repeatsView = z.object({
  procedureId: z.string(),
  appeals: z.number(),
  repeats: z.number(),
  applicants: z.array(z.object({ applicant: z.object({ name: z.string().nullable(), iin: z.string().nullable() }), appeals: z.number(), repeats: z.number() })),
  suggestions: z.array(z.object({ appealId: z.string(), number: z.string(), earlierId: z.string(), earlierNumber: z.string(), similarity: z.number() })),
  citation: z.string(),
});
