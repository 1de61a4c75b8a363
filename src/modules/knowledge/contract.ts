/** The HTTP contract of the Knowledge Base (Rules No. 111 p.6–13, Annexes 1–2; REG p.5(8)). */
import { z } from 'zod';
import { CHANGE_BASES, MANUAL_ROW_KEYS, NONE_MARKABLE } from '../../law/knowledge.ts';
import { isoDate as anyDate } from '../bodies/contract.ts';

/** PostgreSQL text cannot hold NUL: refused as bad input rather than failing in the database */
const plain = (max: number) => z.string().trim().max(max).refine((v) => !v.includes('\u0000'), 'invalid_value');
const text = (max: number) => plain(max).refine((v) => v.length > 0, 'required');
const localized = z.strictObject({ kk: text(500), ru: text(500), en: text(500) });
/** a date PostgreSQL and the legal calendar can hold */
const isoDate = anyDate.refine((v) => v >= '1900-01-01' && v <= '2999-12-31', 'date_out_of_range');
const lang = z.enum(['kk', 'ru', 'en']);
const loc = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
/** a text in up to three languages; at least one is filled where the field is required */
const texts = (max: number) => z.strictObject({ kk: plain(max).optional(), ru: plain(max).optional(), en: plain(max).optional() });
const someText = (max: number) => texts(max).refine((v) => Object.values(v).some((s) => !!s), 'one_language_required');

/** Annex 1: the eight columns (names in kk, ru and en). */
export const procedureInput = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'invalid_format'),
  scope: text(300).describe('col. 1 scope of legislation'),
  name: localized.describe('col. 2 the name'),
  regulatedBy: text(2_000).describe('col. 2 where the procedure is regulated'),
  format: z.enum(['paper', 'electronic', 'both']).describe('col. 3'),
  informationSystem: plain(300).optional().describe('col. 3 the information system, if any'),
  performer: text(1_000).describe('col. 4 the body or official who carries it out'),
  complaintBody: text(1_000).describe('col. 5 the body reviewing the complaint'),
  appealProcedure: text(4_000).describe('col. 6 how the appeal is implemented'),
  appealBinding: z.enum(['recommendatory', 'mandatory']).optional().describe('col. 6 recommendatory or mandatory (A-14)'),
  appealTerms: text(1_000).describe('col. 7 terms of possible appeal'),
  legalRefs: text(4_000).describe('col. 8 the specific reference to a law or other normative legal act'),
  topicIds: z.array(z.uuid()).max(50).default([]).describe('The topics of appeals the procedure covers (diagnosis, p.8)'),
  publicServiceCode: plain(20).optional().describe('A link to the register of public services: refused, p.8 (AT-26)'),
});
export const createProcedureBody = procedureInput.extend({ bodyId: z.uuid() });
export type ProcedureInput = z.infer<typeof procedureInput>;

export const procedureView = z.object({
  id: z.string(),
  bodyId: z.string(),
  code: z.string(),
  scope: z.string(),
  name: loc,
  regulatedBy: z.string(),
  format: z.string(),
  informationSystem: z.string().nullable(),
  performer: z.string(),
  complaintBody: z.string(),
  appealProcedure: z.string(),
  appealBinding: z.string().nullable(),
  appealTerms: z.string(),
  legalRefs: z.string(),
  topicIds: z.array(z.string()),
  state: z.string(),
  approvedAt: z.string().nullable(),
  manual: z.object({ version: z.number(), state: z.string(), effectiveFrom: z.string() }).nullable().describe('The version in force today'),
  outdatedSince: z.string().nullable().describe('The manual is outdated: a change of procedure awaits the updated version (p.13)'),
  overdueObligations: z.number(),
});

export const bodyQuery = z.strictObject({ bodyId: z.uuid() });
export const exportQuery = z.strictObject({ bodyId: z.uuid(), lang: lang.optional() });
export const annex1Response = z.object({
  bodyId: z.string(),
  lang: z.string(),
  citation: z.string(),
  columns: z.array(z.object({ n: z.number(), label: z.string() })),
  rows: z.array(z.object({ id: z.string(), state: z.string(), cells: z.array(z.string()) })),
});
export const diagnosisResponse = z.object({
  bodyId: z.string(),
  since: z.string(),
  citation: z.string(),
  suggestions: z.array(z.object({ topicId: z.string(), topicCode: z.string(), topic: loc, appeals: z.number(), examples: z.array(z.string()) })),
  excludedPublicServiceTopics: z.array(z.string()),
});

const fieldsShape = Object.fromEntries(MANUAL_ROW_KEYS.map((k) => [k, texts(20_000).optional()])) as Record<(typeof MANUAL_ROW_KEYS)[number], z.ZodOptional<ReturnType<typeof texts>>>;
export const manualFields = z.strictObject(fieldsShape);
export const basisInput = z.strictObject({
  note: plain(4_000).default(''),
  courtCaseIds: z.array(z.uuid()).max(50).default([]),
  divergenceIds: z.array(z.uuid()).max(50).default([]),
});
export const manualInput = z.strictObject({
  fields: manualFields,
  none: z.array(z.enum(NONE_MARKABLE)).max(3).default([]).describe('Rows explicitly marked "none" (8, 15, 16; R-03)'),
  basis: basisInput.optional().describe('Why the rule changed: a note, court cases, divergences found'),
});
export type ManualInput = z.infer<typeof manualInput>;

export const manualAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit') }),
  z.strictObject({ action: z.literal('return'), note: text(4_000) }),
  z.strictObject({ action: z.literal('approve'), effectiveFrom: isoDate.optional().describe('Default: the day of approval') }),
  z.strictObject({ action: z.literal('publish') }),
]);

export const manualView = z.object({
  id: z.string(),
  procedureId: z.string(),
  bodyId: z.string(),
  version: z.number().nullable(),
  state: z.string(),
  fields: z.record(z.string(), z.record(z.string(), z.string())),
  none: z.array(z.string()),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  basis: z.object({ note: z.string(), courtCaseIds: z.array(z.string()), divergenceIds: z.array(z.string()) }),
  missing: z.array(z.string()).describe('The rows that block approval (p.9, R-03)'),
  returnedNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const manualList = z.object({ items: z.array(manualView) });


export const inForceQuery = z.strictObject({ on: isoDate });
export const diffQuery = z.strictObject({ from: z.coerce.number().int().min(1).max(100_000), to: z.coerce.number().int().min(1).max(100_000) });
export const diffResponse = z.object({
  procedureId: z.string(),
  from: z.number(),
  to: z.number(),
  changes: z.array(z.object({ field: z.string(), lang: z.string(), ops: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })) })),
});

export const obligationView = z.object({
  id: z.string(),
  bodyId: z.string(),
  procedureId: z.string(),
  procedureCode: z.string(),
  procedureName: loc,
  kind: z.string(),
  period: z.string().nullable(),
  summary: z.string(),
  adoptedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  changeBasis: z.string().nullable(),
  changeDate: z.string().nullable(),
  subdivisionId: z.string().nullable(),
  due: z.string().nullable(),
  state: z.string(),
  overdue: z.boolean(),
  result: z.string().nullable(),
  note: z.string().nullable(),
  doneOn: z.string().nullable(),
  citation: z.string(),
});
export const procedureDetail = procedureView.extend({
  manuals: z.array(manualView),
  obligations: z.array(obligationView),
  labels: z.object({
    annex1: z.array(z.object({ n: z.number(), field: z.string(), label: loc })).describe('Annex 1 column labels (law/knowledge.ts)'),
    rows: z.array(z.object({ key: z.string(), row: z.string(), label: loc })).describe('Annex 2 row labels'),
  }),
});

export const obligationQuery = z.strictObject({ bodyId: z.uuid(), overdue: z.enum(['true', 'false']).optional(), procedureId: z.uuid().optional() });
export const obligationList = z.object({ today: z.string(), items: z.array(obligationView) });

export const verificationBody = z.strictObject({
  procedureId: z.uuid(),
  verifiedOn: isoDate.optional().describe('Default: today'),
  result: z.enum(['compliant', 'needs_update']),
  note: plain(4_000).optional(),
});
export const changeBody = z.strictObject({
  procedureId: z.uuid(),
  changedAct: text(2_000).describe('The amending act'),
  adoptedOn: isoDate.optional(),
  publishedOn: isoDate.optional(),
  inForceOn: isoDate.optional(),
  basis: z.enum(CHANGE_BASES).default('entry_into_force').describe('Which date counts (A-09); default: entry into force'),
});
export const proposalBody = z.strictObject({ procedureId: z.uuid(), subdivisionId: z.uuid().optional(), text: text(4_000) });
export const obligationAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), note: plain(4_000).optional() }),
  z.strictObject({ action: z.literal('reject'), note: text(4_000) }),
  z.strictObject({ action: z.literal('done'), note: plain(4_000).optional() }),
]);

export const answerBody = z.strictObject({
  bodyId: z.uuid(),
  procedureId: z.uuid().optional(),
  question: someText(2_000),
  answer: someText(20_000),
  publish: z.boolean().default(false),
});
export const answerView = z.object({ id: z.string(), bodyId: z.string(), procedureId: z.string().nullable(), question: z.record(z.string(), z.string()), answer: z.record(z.string(), z.string()), state: z.string(), publishedAt: z.string().nullable() });

export const appealProcedureBody = z.strictObject({ procedureId: z.uuid().nullable() });
export const appealManualResponse = z.object({ appealId: z.string(), procedureId: z.string().nullable(), on: z.string(), manual: manualView.nullable() });

export const searchQuery = z.strictObject({ q: text(200), lang: lang.optional(), bodyId: z.uuid().optional() });
export const searchResponse = z.object({
  q: z.string(),
  lang: z.string(),
  correctedQuery: z.string().nullable().describe('The query with misspelt words replaced by the nearest words found (pg_trgm)'),
  items: z.array(z.object({ kind: z.string(), id: z.string(), bodyId: z.string().nullable(), title: z.string(), titleHighlighted: z.string(), snippet: z.string(), rank: z.number() })),
});
export const publicManualResponse = z.object({
  procedure: z.object({ id: z.string(), bodyId: z.string(), code: z.string(), name: loc, scope: z.string() }),
  title: loc,
  version: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  publishedAt: z.string().nullable(),
  outdatedSince: z.string().nullable(),
  rows: z.array(z.object({ key: z.string(), row: z.string(), label: loc, text: z.record(z.string(), z.string()), none: z.boolean() })),
});
