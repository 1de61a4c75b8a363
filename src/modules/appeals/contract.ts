/** The HTTP contract of the appeal procedure (APC Chapters 9, 10, 12). */
import { z } from 'zod';
import { toAlmatyDay } from '../../law/dates.ts';
import { HEARING_EXEMPTIONS, RECUSAL_GROUNDS, SIMPLIFIED_TERMINATION_GROUNDS, TERMINATION_GROUNDS, APPEAL_CONTENT } from '../../law/requirements.ts';
import { bin, email, iin, phone } from '../bodies/contract.ts';
import { isoDate } from '../calendar/contract.ts';
import { notifyBy } from '../notifications/contract.ts';

const instant = z
  .string()
  .max(40)
  .refine((v) => /T/.test(v) && toAlmatyDay(v) !== undefined, 'invalid_timestamp')
  .describe('An ISO timestamp with an offset');
const text = (max: number) => z.string().trim().min(1).max(max);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');
const uuid = z.uuid();
const hearingMinutes = z.number().int().min(10).max(480).default(60).describe('How long the hearing is expected to take, for the calendars');
const codes = <T extends { code: string }>(list: readonly T[]) => z.enum(list.map((g) => g.code) as [string, ...string[]]);

export const applicantInput = z.strictObject({
  kind: z.enum(['individual', 'legal_entity']),
  name: z.string().trim().max(300).optional().describe('Surname, first name, patronymic, or the name of the legal entity (APC 63(2)(1))'),
  iin: iin.optional().describe('Only if the person has one (APC 63(2)(1): "при его наличии"); never required (APC 14)'),
  bin: bin.optional(),
  postalAddress: z.string().trim().max(500).optional(),
  email: email.optional(),
  phone: phone.optional(),
  notifyBy,
});

const intakeCommon = {
  bodyId: uuid,
  type: z.enum(['application', 'proposal', 'feedback', 'request', 'report']),
  language: z.enum(['kk', 'ru', 'en']).default('kk'),
  topicId: uuid.optional(),
  summary: z.string().trim().max(300).optional(),
  essence: z.string().trim().max(20_000).default('').describe('The essence of the appeal (APC 63(2)(3))'),
  filedOn: isoDate.optional().describe('The date of filing stated in the appeal (APC 63(2)(4))'),
  repeatOf: uuid.optional(),
};

/** An applicant files from the cabinet (electronic, APC 64(4)). */
export const fileBody = z.strictObject({
  ...intakeCommon,
  applicant: applicantInput,
  signature: z
    .strictObject({ format: z.enum(['cms']), value: z.string().min(16).max(200_000).describe('base64 of a detached CMS (PKCS#7) SignedData, DER, over the canonical JSON of the appeal (docs/acts.md)') })
    .optional()
    .describe('The e-signature; verified by the signature port (APC 64(4), 45(7))'),
});

/** A clerk registers a paper, oral or reception appeal with its real receipt time (APC 63(1), 64(2)–(3)). */
export const registerBody = z.strictObject({
  ...intakeCommon,
  channel: z.enum(['paper', 'oral', 'reception', 'videoconference']),
  applicant: applicantInput,
  anonymous: z.boolean().default(false),
  signed: z.boolean().describe('The paper bears the signature of the applicant or representative (APC 63(2)(5)); an oral protocol is signed by the applicant'),
  receivedAt: instant.describe('When the appeal reached the body: the procedure starts then (APC 62(2))'),
});

/** The quality-review form of an answer under control (D-5.4): each criterion met or not. */
const assessment = {
  complete: z.boolean().default(false).describe('The answer is complete'),
  allIssuesAnswered: z.boolean().default(false).describe('Every issue raised is answered'),
  legalBasis: z.boolean().default(false).describe('The answer states its legal basis'),
  measuresTaken: z.boolean().default(false).describe('The measures taken are stated'),
};

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), subdivisionId: uuid.optional(), executorId: uuid.optional(), coExecutorIds: z.array(uuid).max(10).optional() }),
  z.strictObject({
    action: z.literal('start_review'),
    // APC 71–72: consideration is sole, or collegial where a law provides it or the body so decides
    collegial: z.strictObject({
      basis: z.enum(['law', 'body_decision']).describe('A law provides collegial consideration, or the body decided so (APC 72)'),
      reference: z.string().trim().min(1).max(500).optional().describe('The law, or the decision of the body'),
      memberIds: z.array(uuid).min(2).max(20).describe('The officials of the body who consider the case together'),
    }).optional(),
  }),
  z.strictObject({ action: z.literal('redirect'), toBodyId: uuid, reasons: text(2000) }),
  z.strictObject({ action: z.literal('redirect_urgent'), toBodyId: uuid, reasons: text(2000) }),
  z.strictObject({ action: z.literal('redirect_part'), toBodyId: uuid, demands: z.array(text(1000)).min(1).max(20) }),
  z.strictObject({ action: z.literal('request_correction'), defects: z.array(codes(APPEAL_CONTENT)).min(1), cureBy: isoDate, guidance: z.string().max(2000).optional() }),
  z.strictObject({ action: z.literal('correction_received'), note: z.string().max(2000).optional() }),
  z.strictObject({ action: z.literal('return') }),
  z.strictObject({ action: z.literal('withdraw'), writtenOn: isoDate.optional().describe('Date of the written withdrawal (APC 64(9))') }),
  z.strictObject({ action: z.literal('terminate'), ground: z.union([codes(TERMINATION_GROUNDS), codes(SIMPLIFIED_TERMINATION_GROUNDS)]), reasons: text(4000) }),
  z.strictObject({ action: z.literal('extend'), newDue: isoDate, reasons: text(4000).describe('The reasoned decision: which facts must still be established (APC 76(3))') }),
  z.strictObject({
    action: z.literal('notify_preliminary_decision'),
    draft: text(20_000),
    method: z.enum(['hearing', 'information_system', 'other']).describe('How the participant is heard (APC 73(1)(1)-(3)); "hearing" invites them to a hearing'),
    hearingAt: instant.optional().describe('Required with method "hearing": when the hearing takes place (APC 20(1)(4), 66(1)); on a later day than the invitation'),
    place: z.string().trim().min(1).max(500).optional().describe('Required with method "hearing": where it takes place, or the videoconference link (APC 73(1)(1))'),
    minutes: hearingMinutes,
  }),
  z.strictObject({
    action: z.literal('schedule_hearing'),
    hearingAt: instant.describe('When the hearing takes place; on a later day than the invitation (APC 20(1)(4))'),
    place: text(500),
    minutes: hearingMinutes,
    reasons: z.string().trim().max(2000).optional().describe('Why the hearing is set or moved (e.g. the invitation did not reach the person in time)'),
  }),
  z.strictObject({ action: z.literal('invite_to_event'), event: text(300).describe('What takes place: an inspection on site, an examination, ... (APC 66(1))'), eventAt: instant, place: text(500) }),
  z.strictObject({ action: z.literal('record_preliminary_receipt'), receivedOn: isoDate.describe('The day the participant received the preliminary decision (APC 73(3)); from the delivery record') }),
  z.strictObject({ action: z.literal('record_objection'), text: text(20_000), oral: z.boolean().default(false) }),
  z.strictObject({
    action: z.literal('record_hearing_protocol'),
    place: text(500),
    heldOn: isoDate,
    startedAt: clock.describe('Start time of the hearing, HH:MM (APC 74(2)(1))'),
    endedAt: clock.describe('End time, HH:MM (APC 74(2)(1))'),
    presidingOfficial: text(300).describe('Surname and initials of the presiding official (74(2)(2)), who signs (74(4))'),
    secretary: text(300).describe('Surname and initials of the secretary (74(2)(2)), who signs (74(4))'),
    participants: z.array(text(300)).min(1).max(50).describe('The participant and other persons who took part (74(2)(3))'),
    issue: text(4000).describe('The issue considered (74(2)(4))'),
    statements: text(50_000).describe('Explanations, questions, answers and statements (74(2)(5))'),
    participantEntries: z.string().trim().max(20_000).optional().describe('Facts the participant asked to enter as essential (74(3))'),
  }),
  z.strictObject({ action: z.literal('record_protocol_reading'), readOn: isoDate.describe('The day the participant read the protocol (74(5)); remarks are due 3 working days later (74(6))'), readBy: text(300) }),
  z.strictObject({ action: z.literal('record_protocol_remarks'), text: text(20_000), receivedOn: isoDate.optional().describe('The day the remarks were received; default today') }),
  z.strictObject({ action: z.literal('decide_protocol_remarks'), decision: z.enum(['accepted', 'rejected', 'partly_rejected']), reasons: text(4000) }),
  z.strictObject({
    action: z.literal('adopt_act'),
    outcome: z.enum(['satisfied', 'partly_satisfied', 'refused']),
    favourable: z.boolean().describe('Favourable to the addressee (APC 4(1)(21)) or burdensome (4(1)(3))'),
    reasons: text(20_000),
    hearingExemption: codes(HEARING_EXEMPTIONS).optional(),
    exemptionReasons: z.string().trim().max(4000).optional(),
  }),
  z.strictObject({ action: z.literal('communicate_act'), communicatedOn: isoDate }),
  z.strictObject({ action: z.literal('close') }),
  z.strictObject({ action: z.literal('answer'), text: text(20_000) }),
  z.strictObject({ action: z.literal('note'), text: text(20_000) }),
  z.strictObject({
    action: z.literal('join_interested'),
    name: text(300),
    iin: iin.optional(),
    postalAddress: z.string().trim().max(500).optional(),
    interest: text(2000).describe('How the case touches the person\'s rights or legitimate interests (APC 4(1)(25))'),
  }),
  z.strictObject({
    action: z.literal('add_representative'),
    name: text(300),
    iin: iin.optional(),
    basis: z.enum(['power_of_attorney', 'oral_declaration', 'law']).describe('APC 68(2): a document, or an oral declaration the body puts in writing for the principal to sign'),
    document: z.string().trim().max(300).optional(),
  }),
  z.strictObject({ action: z.literal('declare_recusal'), officialId: uuid, ground: codes(RECUSAL_GROUNDS), self: z.boolean().default(false), statement: text(4000) }),
  z.strictObject({ action: z.literal('decide_recusal'), upheld: z.boolean(), replacementId: uuid.optional(), reasons: text(4000) }),
  z.strictObject({ action: z.literal('postpone'), reasons: text(2000) }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('request_access'), note: z.string().max(2000).optional() }),
  // REG p.5(4)-(5), D-5.4, D-5.5: the quality review of an answer under control
  z.strictObject({ action: z.literal('take_under_control'), reason: text(2000).describe("Why: e.g. taken under the akim's control (REG p.5(4))") }),
  z.strictObject({
    action: z.literal('return_for_rework'),
    ...assessment,
    issues: z.array(text(2000)).min(1).max(20).describe('One entry per issue raised that the answer leaves unanswered or answers poorly, with what is missing (REG p.5(5))'),
  }),
  z.strictObject({ action: z.literal('accept_answer'), ...assessment, note: z.string().trim().max(4000).optional() }),
  z.strictObject({
    action: z.literal('resubmit_answer'),
    kind: z.enum(['supplementary_answer', 'corrected_act', 'new_act']).describe('A supplementary answer on the issues returned; or the act corrected (APC 82) or adopted anew after revocation (APC 84-85) in the acts module'),
    text: text(20_000),
    actNumber: z.string().trim().min(1).max(100).optional().describe('Required for a corrected or new act: its number'),
  }),
  z.strictObject({ action: z.literal('grant_access'), grantedOn: isoDate, withheld: z.string().max(2000).optional().describe('What was withheld or redacted and why (state secrets, APC 75)') }),
]);
export type ActionInput = z.infer<typeof actionBody>;

export const actionEnvelope = z.strictObject({
  version: z.number().int().min(1).describe('The version of the case the action was decided on; a newer version means someone acted first (409)'),
});

export const listQuery = z.strictObject({
  view: z.enum(['mine', 'subdivision', 'body', 'due_soon', 'overdue', 'all']).default('body'),
  bodyId: uuid.optional(),
  state: z.string().max(40).optional(),
  type: z.enum(['application', 'proposal', 'feedback', 'request', 'report']).optional(),
  q: z.string().max(200).optional().describe('Registration number or words of the summary'),
  control: z.enum(['under_control', 'returned']).optional().describe('Appeals under control, or those whose answer was returned for rework (REG p.5(4)-(5))'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ticketResponse = z.object({
  id: z.string(),
  number: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  receivedAt: z.string(),
  registeredOn: z.string(),
  acceptedBy: z.string(),
  acceptedByPosition: z.string(),
  due: z.string(),
  state: z.string(),
  missing: z.array(z.object({ code: z.string(), citation: z.string(), text: z.string() })).describe('Items of APC 63 the appeal lacks: a defect notice may follow (64(6)); intake is never refused'),
  language: z.string(),
  signature: z
    .object({ valid: z.boolean(), reason: z.enum(['ok', 'signature_invalid']), detail: z.string(), text: z.string(), citation: z.string(), signer: z.string().optional() })
    .optional()
    .describe('The check of the e-signature of an electronic appeal (APC 64(4)). An invalid one does not stop registration (64(1)): the appeal counts as unsigned and a defect notice can follow (64(6); AT-32)'),
});

const n = <T extends z.ZodType>(t: T) => t.nullable();
export const appealResponse = z.object({
  id: z.string(),
  number: z.string(),
  bodyId: z.string(),
  type: z.string(),
  procedure: z.string(),
  state: z.string(),
  channel: z.string(),
  language: z.string(),
  topicId: n(z.string()),
  summary: z.string(),
  essence: z.string(),
  anonymous: z.boolean(),
  signed: z.boolean(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  registeredOn: z.string(),
  acceptedBy: z.string(),
  subdivisionId: n(z.string()),
  executorId: n(z.string()),
  coExecutorIds: z.array(z.string()),
  due: z.string().describe('The term in force (APC 76(1), or as extended under 76(3))'),
  extensionCap: z.string().describe('The latest date an extension may reach (APC 76(3): two months from initiation)'),
  extended: z.boolean(),
  preliminaryReceivedOn: n(z.string()),
  hearingExemption: n(z.string()),
  deemedRefusedOn: n(z.string()).describe('The legal fact of APC 91(2), dated on the expiry day'),
  decidedAt: n(z.string()),
  decision: z.unknown(),
  closedAt: n(z.string()),
  parties: z.array(z.record(z.string(), z.unknown())).describe('Interested persons (APC 22(1)) and representatives (68), a removed one with its reason'),
  redirectedFrom: n(z.string()),
  parentId: n(z.string()),
  repeatOf: n(z.string()),
  controlStatus: n(z.string()).describe('Under control of the monitoring department, returned for rework, or the answer accepted (REG p.5(4)-(5))'),
  reworkCount: z.number().describe('How many times the answer was returned for rework (REG p.5(5))'),
  version: z.number(),
});

export const caseResponse = appealResponse.extend({
  applicant: z
    .object({ kind: z.string(), name: z.string().optional(), iin: z.string().optional(), bin: z.string().optional(), postalAddress: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })
    .describe("Masked unless you may see applicants' personal data"),
  preliminaryDecisionBy: n(z.string()).describe('APC 73(1), #15: the last day the preliminary decision can reach the participant for a burdensome act to be adopted within the term in force; null once it was sent or in the simplified procedure'),
  possibleRepeats: z
    .array(z.object({ id: z.string(), number: z.string(), state: z.string(), receivedOn: z.string(), similarity: z.number() }))
    .describe("Earlier appeals of the same person to this body that read alike: a hint for APC 70(5) and 88(1)(1), never a decision (A24)"),
  hearing: z
    .object({
      at: z.string(), place: z.string(), invitationId: z.string(), notifiedAt: n(z.string()), receivedOn: n(z.string()),
      inTime: z.boolean().describe('The invitation provably reached the person before the hearing day (APC 20(1)(4), 66(2))'),
      held: z.boolean().describe('A hearing protocol was recorded after the invitation (APC 74)'),
    })
    .nullable()
    .optional()
    .describe('The hearing the participant is invited to, and when they were notified of it (APC 20(1)(4), 66, 73(1))'),
  notices: z
    .array(z.object({ id: z.string(), type: z.string(), citation: z.string(), createdAt: z.string(), notifiedAt: n(z.string()), receivedOn: n(z.string()), channels: z.array(z.object({ channel: z.string(), status: z.string() })) }))
    .optional()
    .describe('When the person was told what (APC 66): first sent or placed, proven receipt (the date terms run from), per-channel status'),
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: n(z.string()), state: n(z.string()), details: z.record(z.string(), z.unknown()) })),
  deadlines: z.array(z.object({ id: z.number(), term: z.string(), from: z.string(), due: z.string(), internalTarget: n(z.string()), open: z.boolean() })),
  actions: z.array(z.object({ action: z.string(), citation: z.string() })),
  recusalCandidates: z.array(z.object({ id: z.string(), fullName: z.string() })).optional().describe('With the step decide_recusal open: the officials of the body, one of whom takes over if the recusal is upheld (APC 67(8))'),
  control: z
    .object({
      status: n(z.string()),
      reason: n(z.string()),
      reworkCount: z.number(),
      versions: z.array(z.object({ n: z.number(), at: z.string(), actor: z.string(), action: z.string(), kind: z.string(), text: n(z.string()), outcome: n(z.string()), actNumber: n(z.string()) })),
      reviews: z.array(z.object({ at: z.string(), actor: z.string(), result: z.enum(['taken', 'returned', 'accepted']), version: n(z.number()), issues: z.array(z.string()), note: n(z.string()), assessment: n(z.record(z.string(), z.boolean())) })),
    })
    .nullable()
    .optional()
    .describe('REG p.5(4)-(5): the control of the answer: every answer version kept, and the reviews (taken, returned with issues, accepted)'),
  related: z
    .object({
      acts: z.array(z.object({ id: z.string(), number: z.string(), kind: z.string(), state: z.string(), adoptedOn: n(z.string()), complaintId: n(z.string()).describe('Set on a complaint decision (APC 100–101)'), ceaseCause: n(z.string()) })).optional()
        .describe('The acts of the case and the decision acts of its complaints, with their states (CANCELLED by a complaint decision or a court, APC 100(1), 155(3))'),
      complaints: z.array(z.object({ id: z.string(), number: z.string(), relation: z.string(), state: z.string(), receivedOn: z.string(), due: z.string(), decision: n(z.string()), decidedOn: n(z.string()), deemedDismissedOn: n(z.string()), newAppealId: n(z.string()), actId: n(z.string()).optional(), decisionActId: n(z.string()).optional() })),
      courtCases: z.array(z.object({ id: z.string(), complaintId: n(z.string()), actId: n(z.string()).optional(), court: z.string(), caseNumber: n(z.string()), claimType: z.string(), claimFiledOn: z.string(), status: z.string(), instance: n(z.string()), enteredIntoForceOn: n(z.string()), foundUnlawful: z.boolean(), actCancelled: z.boolean() })),
    })
    .optional()
    .describe('Complaints against this appeal (or opened by their return, APC 100(1)(5)) and court cases: appeal -> act -> complaint -> court as one story'),
});

export const listResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(), number: z.string(), body_id: z.string(), type: z.string(), procedure: z.string(), state: z.string(), channel: z.string(), language: z.string(),
      summary: z.string(), received_on: z.string(), registered_on: z.string(), due: z.string(), deemed_refused_on: n(z.string()), executor_id: n(z.string()), subdivision_id: n(z.string()), version: z.number(),
      control_status: n(z.string()).describe('under_control | returned | accepted (REG p.5(4)-(5))'), rework_count: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counters: z.object({ new: z.number(), mine: z.number(), dueSoon: z.number(), overdue: z.number(), returned: z.number().describe('My answers returned for rework, to answer again') }),
});
