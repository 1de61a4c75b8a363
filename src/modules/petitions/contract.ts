/** The HTTP contract of petitions (APC Chapter 12-1). */
import { z } from 'zod';
import { toAlmatyDay } from '../../law/dates.ts';
import { CONSIDERATION_DUTY_CODES, FORBIDDEN_SUBJECT_CODES, PETITION_DECISIONS, REJECTION_GROUND_CODES, RETURN_AS } from '../../law/petitions.ts';
import { canonicalJson } from '../../platform/signature.ts';
import { email, iin, isoDate } from '../bodies/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().max(40).refine((v) => /T/.test(v) && toAlmatyDay(v) !== undefined, 'invalid_timestamp').describe('An ISO timestamp with an offset');
const yes = z.literal(true);

/** APC 90-2(2): what a petition states. */
export const submitBody = z.strictObject({
  bodyId: z.uuid().describe('The state body or local executive body addressed (90-2(2)(2))'),
  language: z.enum(['kk', 'ru', 'en']).default('kk'),
  title: text(300),
  content: text(20_000).describe('The content of the petition with its arguments (90-2(2)(4))'),
  proposals: text(10_000).describe('The proposals on its subject (90-2(2)(4))'),
  applicant: z.strictObject({
    name: text(300).describe('Surname, first name, patronymic as in the identity document (90-2(2)(1))'),
    iin,
    residence: text(500).describe('Place of residence (90-2(2)(1))'),
    email,
  }),
  representative: z.strictObject({ name: text(300), authority: text(2_000).describe('The document that confirms the authority (90-2(2)(3))') }).optional(),
  citizen: yes.describe('The applicant declares citizenship of the Republic of Kazakhstan (90-1(2))'),
  channel: z.enum(['electronic', 'written']).default('electronic').describe('written: entered by the petitions authority from the approved paper form (90-2(1))'),
});

/**
 * APC 90-3(1): joining a petition "с удостоверением посредством электронной цифровой подписи или в письменном виде".
 * Electronically, the citizen signs `petitionSigningContent(id)` with their EDS; the IIN and name come from the
 * verified certificate, never from the request. In writing, the petitions authority enters the IIN and name.
 */
export const signBody = z.strictObject({
  iin: iin.optional().describe('Electronic: optional, must be the IIN of the certificate. Written: required'),
  name: z.string().trim().min(1).max(300).optional().describe('Written form only: the name on the paper signature'),
  signature: z
    .strictObject({ format: z.enum(['cms']), value: z.string().min(16).max(200_000).describe('base64 of a detached CMS (PKCS#7) SignedData, DER, over `GET /api/v1/petitions/{id}/signing-content`') })
    .optional()
    .describe('The EDS of the citizen (required for the electronic form, APC 90-3(1)); verified by the signature port'),
  citizen: yes.describe('I am a citizen of the Republic of Kazakhstan (90-1(2), 90-3(1))'),
  consent: yes.describe('I consent to the collection and processing of my personal data (90-3(1) ¶2)'),
  form: z.enum(['electronic', 'written']).default('electronic').describe('written: a paper signature entered by the petitions authority'),
});

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('reject'),
    grounds: z.array(z.enum(REJECTION_GROUND_CODES)).min(1),
    forbiddenSubjects: z.array(z.enum(FORBIDDEN_SUBJECT_CODES)).optional(),
    reasons: text(5_000),
  }),
  z.strictObject({ action: z.literal('publish'), population: z.number().int().positive().max(30_000_000).optional().describe('Population of the administrative-territorial unit, for a percent threshold (90-3(4))') }),
  z.strictObject({ action: z.literal('inform_media'), informedOn: isoDate, outlets: z.array(text(300)).min(1).max(500) }),
  z.strictObject({ action: z.literal('send') }),
  z.strictObject({ action: z.literal('return'), as: z.enum(RETURN_AS).optional() }),
  z.strictObject({ action: z.literal('register') }),
  z.strictObject({ action: z.literal('start_review') }),
  z.strictObject({
    action: z.literal('record_duty'),
    duty: z.enum(CONSIDERATION_DUTY_CODES),
    outcome: z.enum(['done', 'waived']),
    on: isoDate,
    note: text(5_000),
  }),
  z.strictObject({ action: z.literal('schedule_discussion'), at: instant, place: text(500) }),
  z.strictObject({ action: z.literal('decide'), decision: z.enum(PETITION_DECISIONS), reasons: text(20_000), language: z.enum(['kk', 'ru', 'en']) }),
  z.strictObject({ action: z.literal('publish_decision') }),
  z.strictObject({ action: z.literal('official_statement'), madeOn: isoDate, text: text(10_000) }),
]);
export type PetitionAction = z.infer<typeof actionBody>;
export const actionEnvelope = z.strictObject({ version: z.number().int().positive() }).passthrough();

export const countResponse = z.object({ id: z.string(), count: z.number(), threshold: z.number().nullable(), thresholdReached: z.boolean(), preSupport: z.number() });

export const publicPetition = z.object({
  id: z.string(),
  number: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  competence: z.string(),
  level: z.string(),
  state: z.string(),
  language: z.string(),
  title: z.string(),
  content: z.string(),
  proposals: z.string(),
  submittedOn: z.string(),
  preSupportBy: z.string(),
  publishedOn: z.string().nullable(),
  signingEndsOn: z.string().nullable(),
  threshold: z.number().nullable(),
  count: z.number(),
  thresholdReached: z.boolean(),
  signingOpen: z.boolean(),
  sentOn: z.string().nullable(),
  registeredOn: z.string().nullable(),
  due: z.string().nullable(),
  decision: z.record(z.string(), z.unknown()).nullable(),
  decidedOn: z.string().nullable(),
  version: z.number(),
});

export const caseResponse = publicPetition.extend({
  applicant: z.record(z.string(), z.unknown()),
  duties: z.record(z.string(), z.unknown()),
  checkBy: z.string().nullable(),
  mediaBy: z.string().nullable(),
  sendBy: z.string().nullable(),
  publishDecisionBy: z.string().nullable(),
  returnedAppealId: z.string().nullable(),
  actions: z
    .array(z.object({ action: z.string(), citation: z.string() }))
    .describe("The steps of the petition's state that the caller's roles take (src/law/lifecycles/petition.ts); `sign` is the authority's recording of a signature collected on paper (POST …/signatures, form written)"),
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: z.string().nullable(), state: z.string().nullable(), details: z.record(z.string(), z.unknown()) })),
});

export const listQuery = z.strictObject({
  state: z.string().max(40).optional(),
  bodyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const listResponse = z.object({ items: z.array(publicPetition), page: z.number(), pageSize: z.number() });
export const signResponse = z.object({ accepted: z.literal(true), count: z.number() });
export const signingContentResponse = z.object({ id: z.string(), content: z.string().describe('The exact UTF-8 text a citizen signs with the EDS to join (APC 90-3(1))') });

/** What a citizen signs to join petition `petitionId` (APC 90-3(1)): the canonical JSON of the declaration. */
export function petitionSigningContent(petitionId: string): string {
  return canonicalJson({ action: 'join_petition', citizen: true, consent: true, petitionId });
}
