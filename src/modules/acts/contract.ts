/** The HTTP contract of administrative acts (APC Chapter 11) and their standard forms (Rules No. 111 p.5(3), p.7). */
import { z } from 'zod';
import { COMPARISONS, COMPLAINT_DECISIONS, DECISION_GROUNDS, NOT_CONSIDERED_GROUNDS } from '../../law/complaints.ts';
import { JUSTIFICATION_EXEMPTIONS, LAWFUL_REVOCATION_GROUNDS, ORAL_FORM_GROUNDS, UNLAWFUL_FAVOURABLE_GROUNDS } from '../../law/acts.ts';
import { HEARING_EXEMPTIONS, TERMINATION_GROUNDS } from '../../law/requirements.ts';
import { isoDate } from '../calendar/contract.ts';

const codes = <T extends { code: string }>(list: readonly T[]) => z.enum(list.map((g) => g.code) as [string, ...string[]]);
const text = (max: number) => z.string().trim().max(max);
const localized = z.strictObject({ kk: text(20_000), ru: text(20_000), en: text(20_000) });

export const addresseeInput = z.strictObject({
  kind: z.enum(['individual', 'legal_entity']),
  name: text(300).describe('Surname, first name, patronymic (if in the ID document); or the name of the legal entity (APC 80(1)(3))'),
  legalForm: text(100).optional().describe('Organisational and legal form of a legal entity (APC 80(1)(3))'),
  iin: z.string().regex(/^\d{12}$/).optional().describe('The complainant\'s IIN, in a complaint decision (APC 101(1)(3))'),
  bin: z.string().regex(/^\d{12}$/).optional().describe('The complainant\'s BIN, in a complaint decision (APC 101(1)(3))'),
});

/** The decision of APC 100(1) a complaint-decision act takes when it is signed (the complaints module checks it then). */
export const complaintDecisionInput = z.strictObject({
  decision: z.enum(COMPLAINT_DECISIONS.map((d) => d.code) as ['cancel_act', 'cancel_and_new_act', 'take_action', 'dismiss', 'return_for_new_procedure', 'leave_without_consideration']),
  grounds: z.array(codes(DECISION_GROUNDS)).max(3).optional().describe('APC 100(3), for decisions (1), (2), (3) and (5)'),
  withinCompetence: z.boolean().optional().describe('APC 100(2)'),
  comparison: z.enum(COMPARISONS).optional().describe('APC 98(6): the new act compared with the cancelled one, for the complainant'),
  newAct: text(20_000).optional(),
  violations: z.array(text(2000)).max(50).optional(),
  proposals: z.array(text(2000)).max(50).optional(),
  ground: codes(NOT_CONSIDERED_GROUNDS).optional().describe('For 100(1)(6): the ground of 95(1)'),
  other: text(4000).optional().describe('APC 101(2)'),
});

/** The editable content of an act; every part may be left empty in a draft and is checked at signing (APC 80). */
export const contentInput = z.strictObject({
  addressee: addresseeInput.optional(),
  operative: text(20_000).optional().describe('The issues the act resolves (APC 80(1)(4))'),
  justification: text(20_000).optional().describe('The justification (APC 80(1)(4)); the defendant may rely only on it in court (129(3))'),
  legalBasis: text(2000).optional(),
  justificationExemption: codes(JUSTIFICATION_EXEMPTIONS).nullable().optional().describe('APC 80(2): why the justification may be left out'),
  hearingExemption: codes(HEARING_EXEMPTIONS).nullable().optional(),
  noHearingReasons: text(4000).optional().describe('Required with the 73(2)(4) exemption (73(2) last paragraph)'),
  appealExplanation: text(4000).optional(),
  inForceOn: isoDate.nullable().optional().describe('A later date of entry into force stated in the act (APC 83(1))'),
  executionDue: isoDate.nullable().optional().describe('An execution date the act itself sets instead of 5 working days (APC 86(3))'),
  outcome: z.enum(['satisfied', 'partly_satisfied', 'refused']).optional(),
  terminationGround: codes(TERMINATION_GROUNDS).optional().describe('For a termination decision (APC 70(1))'),
  subjectKey: text(200).optional().describe('The subject of identical acts (APC 80(2)(2)); default: the topic of the appeal'),
  challenged: text(2000).optional().describe('Complaint decision: a short summary of the challenged act or action (APC 101(1)(4))'),
  essence: text(20_000).optional().describe('Complaint decision: the essence of the complaint (APC 101(1)(5))'),
  complaintDecision: complaintDecisionInput.optional().describe('Complaint decision: which decision of APC 100(1), with what it needs'),
});
export type ContentInput = z.infer<typeof contentInput>;

export const draftBody = z.strictObject({
  appealId: z.uuid().optional().describe('The appeal case the act decides'),
  complaintId: z.uuid().optional().describe('Or the complaint case a complaint decision (APC 100–101) decides; one of the two'),
  templateId: z.uuid().describe('An approved standard form (GET /api/v1/act-templates)'),
  form: z.enum(['written_electronic', 'written_paper']).default('written_electronic').describe('APC 78(2): an appeal-initiated procedure ends only in a written act'),
  content: contentInput.optional(),
});

export const oralBody = z.strictObject({
  bodyId: z.uuid(),
  language: z.enum(['kk', 'ru', 'en']).default('kk'),
  form: z.enum(['oral', 'other']).default('oral'),
  oralGround: codes(ORAL_FORM_GROUNDS).describe('APC 78(3)'),
  adoptedOn: isoDate,
  favourable: z.boolean(),
  addressee: addresseeInput,
  operative: text(20_000).pipe(z.string().min(1)),
});

const versioned = { version: z.number().int().min(1) };
export const editBody = z.strictObject({ ...versioned, content: contentInput });
export const signBody = z.strictObject({ ...versioned, signature: z.string().min(16).max(200_000).describe('base64 of a detached CMS SignedData (DER) over the bytes of GET …/signing-content') });
export const communicateBody = z.strictObject({ ...versioned, communicatedOn: isoDate, method: z.enum(['cabinet', 'registered_post', 'email', 'in_person', 'oral', 'published']) });
export const executeBody = z.strictObject({ ...versioned, executedOn: isoDate, note: text(2000).optional() });
export const correctionBody = z.strictObject({
  ...versioned,
  content: contentInput.omit({ outcome: true, terminationGround: true, justificationExemption: true, hearingExemption: true, subjectKey: true }).describe('The corrected texts: clerical and arithmetic errors only (APC 82(1))'),
  description: text(2000).pipe(z.string().min(1)).describe('What was wrong and what it reads now'),
  motionReceivedOn: isoDate.optional().describe('A participant\'s motion: decided within 3 working days (APC 82(3))'),
});
export const writtenFormBody = z.strictObject({ ...versioned, motionOn: isoDate, content: contentInput.optional() });
export const revokeBody = z.strictObject({
  ...versioned,
  basis: z.enum(['unlawful', 'lawful']),
  scope: z.enum(['full', 'partial']).default('full').describe('APC 84(2), 85(2)'),
  ground: z.union([codes(UNLAWFUL_FAVOURABLE_GROUNDS), codes(LAWFUL_REVOCATION_GROUNDS)]).optional(),
  invalidFrom: z.enum(['adoption', 'finding']).optional().describe('APC 84(3): invalid from adoption or from the finding of unlawfulness'),
  reasons: text(4000).pipe(z.string().min(1)),
});
export const ceaseBody = z.strictObject({ ...versioned, ceasedOn: isoDate, cause: z.enum(['event', 'expiry']) });

export const templateBody = z.strictObject({
  bodyId: z.uuid(),
  code: z.string().regex(/^[a-z0-9_.-]{3,80}$/),
  kind: z.enum(['satisfaction', 'refusal', 'termination', 'simplified_answer', 'complaint_decision']),
  procedure: text(100).pipe(z.string().min(1)),
  title: localized,
  sections: z.strictObject({ operative: localized, justification: localized, legalBasis: localized, appealExplanation: localized }),
  formPrescribedByLaw: z.boolean().default(false),
  prescribedRef: text(300).optional(),
  manualVersion: text(50).optional(),
});

const n = <T extends z.ZodType>(t: T) => t.nullable();
export const templateResponse = z.object({
  id: z.string(), bodyId: n(z.string()), code: z.string(), version: z.number(), kind: z.string(), procedure: z.string(), title: z.record(z.string(), z.string()),
  sections: z.record(z.string(), z.record(z.string(), z.string())), formPrescribedByLaw: z.boolean(), prescribedRef: n(z.string()), manualVersion: n(z.string()), state: z.string(), approvedAt: n(z.string()),
});

export const missingItem = z.object({ code: z.string(), citation: z.string(), text: z.string() });
export const actResponse = z.object({
  id: z.string(),
  number: z.string(),
  bodyId: z.string(),
  appealId: n(z.string()),
  complaintId: n(z.string()),
  template: n(z.object({ id: z.string(), code: z.string(), version: z.number() })),
  manualVersion: n(z.string()),
  kind: z.string(),
  outcome: z.string(),
  favourable: z.boolean(),
  form: z.string(),
  language: z.string(),
  state: z.string(),
  content: z.record(z.string(), z.unknown()),
  contentVersion: z.number(),
  pending: n(z.record(z.string(), z.unknown())),
  missing: z.array(missingItem).describe('Items of APC 80 the act lacks: it cannot be signed until this is empty (the signature itself excepted)'),
  signer: n(z.object({ name: z.string(), position: n(z.string()), signedAt: z.string() })),
  adoptedOn: n(z.string()),
  inForceOn: n(z.string()),
  communicatedOn: n(z.string()),
  executionDue: n(z.string()),
  executedOn: n(z.string()),
  ceasedOn: n(z.string()),
  ceaseCause: n(z.string()),
  revocation: n(z.record(z.string(), z.unknown())),
  writtenFormDue: n(z.string()),
  verifyUrl: z.string(),
  version: z.number(),
});

export const signingContentResponse = z.object({
  canonical: z.string().describe('The exact UTF-8 text to sign (canonical JSON, docs/acts.md)'),
  sha256: z.string(),
  adoptedOn: z.string(),
  version: z.number(),
});

export const verifyResponse = z.object({
  id: z.string(),
  number: z.string(),
  body: z.string(),
  title: z.string(),
  state: z.string(),
  adoptedOn: n(z.string()),
  signer: n(z.string()),
  signedAt: n(z.string()),
  contentVersion: z.number(),
  sha256: n(z.string()),
  hashMatch: z.boolean().describe('The stored text still hashes to what was signed'),
  signatureValid: z.boolean().describe('The signature verifies now against the trust store'),
  reason: z.string(),
});

export const listQuery = z.strictObject({
  view: z.enum(['execution_due', 'overdue', 'all']).default('all'),
  bodyId: z.uuid().optional(),
  appealId: z.uuid().optional(),
});
