/** The HTTP contract of the complaint procedure (APC Chapters 13–15). */
import { z } from 'zod';
import { toAlmatyDay } from '../../law/dates.ts';
import { CHALLENGED_KINDS, COMPARISONS, COMPLAINT_CONTENT, COMPLAINT_DECISIONS, DECISION_GROUNDS, HEARD_PARTIES, NOT_CONSIDERED_GROUNDS, SUSPENSION_EXCEPTIONS } from '../../law/complaints.ts';
import { bin, email, iin, phone } from '../bodies/contract.ts';
import { isoDate } from '../calendar/contract.ts';
import { notifyBy } from '../notifications/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.uuid();
const codes = (list: readonly { code: string }[]) => z.enum(list.map((g) => g.code) as [string, ...string[]]);
const instant = z.string().max(40).refine((v) => /T/.test(v) && toAlmatyDay(v) !== undefined, 'invalid_timestamp').describe('An ISO timestamp with an offset');

export const complainant = z.strictObject({
  kind: z.enum(['individual', 'legal_entity']),
  name: z.string().trim().max(300).optional(),
  iin: iin.optional().describe('APC 93(2)(2) lists it without "if any"; a missing one is reported, never a refusal (A16)'),
  bin: bin.optional(),
  postalAddress: z.string().trim().max(500).optional(),
  actualAddress: z.string().trim().max(500).optional().describe('APC 93(2)(3)'),
  email: email.optional(),
  phone: phone.optional(),
  notifyBy,
});

const complaintFields = {
  appealId: uuid.optional().describe('The appeal case whose act, action, inaction or deemed refusal is challenged'),
  actId: uuid.optional().describe('The administrative act, when the acts module has it'),
  challengedKind: z.enum(CHALLENGED_KINDS),
  challengedSummary: text(2000).describe('APC 93(2)(4), 101(1)(4): what is challenged, in short'),
  challengedOfficialIds: z.array(uuid).max(10).optional().describe('Officials whose act or action is challenged (APC 97(2)); the executor and the signer of the act are added'),
  circumstances: text(20_000).describe('APC 93(2)(5): the circumstances and the evidence'),
  demands: z.string().trim().max(4000).optional(),
  attachments: z.array(text(300)).max(100).nullable().optional().describe('APC 93(2)(8): the list of attached documents (empty: none attached)'),
  complainant,
  language: z.enum(['kk', 'ru', 'en']),
  filedOn: isoDate.optional(),
  learnedOn: isoDate.optional().describe('APC 92(1), A13: the day the complainant learned of the act or action; by default the delivery of the act, or the expiry for inaction'),
  restorationMotion: z.string().trim().max(4000).optional().describe('APC 92(2): the motion to restore a missed term, with its reasons'),
};

export const fileComplaintBody = z.strictObject({ ...complaintFields, signature: z.unknown().optional() });

export const registerComplaintBody = z.strictObject({
  ...complaintFields,
  bodyId: uuid.optional().describe('The originating body, when no appeal case is named'),
  channel: z.enum(['paper', 'electronic', 'reception_record']).describe('Written only (APC 93(1)); an oral complaint is put in writing and signed (A20)'),
  signed: z.boolean(),
  receivedAt: instant,
});

export const complaintAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('satisfy'), measures: text(4000).describe('The favourable act or action that fully satisfies the complaint (APC 91(4) ¶3)') }),
  z.strictObject({ action: z.literal('forward') }),
  z.strictObject({ action: z.literal('court_route') }),
  z.strictObject({ action: z.literal('record_suspension_exception'), ground: codes(SUSPENSION_EXCEPTIONS), reasons: z.string().trim().max(4000).optional() }),
  z.strictObject({ action: z.literal('register_at_review'), receivedOn: isoDate.optional() }),
  z.strictObject({ action: z.literal('request_correction'), defects: z.array(codes(COMPLAINT_CONTENT)).min(1), cureBy: isoDate }),
  z.strictObject({ action: z.literal('correction_received'), note: z.string().max(2000).optional() }),
  z.strictObject({ action: z.literal('return') }),
  z.strictObject({ action: z.literal('withdraw'), writtenOn: isoDate.optional() }),
  z.strictObject({ action: z.literal('leave_without_consideration'), ground: codes(NOT_CONSIDERED_GROUNDS), reasons: text(4000) }),
  z.strictObject({ action: z.literal('decide_restoration'), restored: z.boolean(), reasons: text(4000) }),
  z.strictObject({ action: z.literal('start_review'), collegial: z.boolean().optional() }),
  z.strictObject({ action: z.literal('record_hearing'), party: z.enum(HEARD_PARTIES), heardOn: isoDate, attended: z.boolean(), summary: text(20_000) }),
  z.strictObject({
    action: z.literal('decide'),
    decision: z.enum(COMPLAINT_DECISIONS.map((d) => d.code) as ['cancel_act', 'cancel_and_new_act', 'take_action', 'dismiss', 'return_for_new_procedure', 'leave_without_consideration']),
    reasons: text(20_000).describe('The justification (APC 101(1)(6)); a dismissal must be reasoned (100(4))'),
    norms: text(4000).describe('The legal norms applied (APC 101(1)(6))'),
    grounds: z.array(codes(DECISION_GROUNDS)).max(3).optional().describe('APC 100(3), for decisions (1), (2), (3) and (5)'),
    withinCompetence: z.boolean().optional().describe('APC 100(2): decisions (1)–(3) only within the review body\'s competence'),
    comparison: z.enum(COMPARISONS).optional().describe('APC 98(6): the new act compared with the cancelled one, for the complainant; "worse" is refused'),
    newAct: z.string().trim().max(20_000).optional(),
    violations: z.array(text(2000)).max(50).optional(),
    proposals: z.array(text(2000)).max(50).optional(),
    ground: codes(NOT_CONSIDERED_GROUNDS).optional(),
    other: z.string().trim().max(4000).optional().describe('APC 101(2)'),
  }),
  z.strictObject({ action: z.literal('send_back') }),
]);

export const actionEnvelope = z.strictObject({ version: z.number().int().min(1) });

const n = <T extends z.ZodType>(t: T) => t.nullable();
export const complaintResponse = z.object({
  id: z.string(),
  number: z.string(),
  originBodyId: z.string(),
  reviewBodyId: n(z.string()).describe('Null: there is no superior body; the route is the court (APC 91(6))'),
  state: z.string(),
  language: z.string(),
  channel: z.string(),
  complainant: z.record(z.string(), z.unknown()),
  appealId: n(z.string()),
  actId: n(z.string()),
  challengedKind: z.string(),
  challengedSummary: z.string(),
  challengedOfficials: z.array(z.string()),
  circumstances: z.string(),
  demands: n(z.string()),
  attachments: z.unknown(),
  signed: z.boolean(),
  filedOn: n(z.string()),
  receivedAt: z.string(),
  receivedOn: z.string(),
  registeredOn: z.string(),
  learnedOn: z.string(),
  complainBy: z.string().describe('APC 92(1): three months from the day learned'),
  late: z.boolean().describe('Filed after the 92(1) term: never a reason to refuse intake (92(3))'),
  restoration: z.unknown(),
  executionSuspended: z.boolean().describe('APC 96'),
  suspensionException: n(z.string()),
  forwardedOn: n(z.string()),
  reviewReceivedOn: n(z.string()),
  reviewerId: n(z.string()),
  collegial: z.boolean(),
  due: z.string().describe('APC 99: 20 working days from receipt at the originating body (A8, the legal date)'),
  reviewDue: n(z.string()).describe('The same term counted from receipt at the review body (A8, internal)'),
  decision: z.unknown(),
  decidedOn: n(z.string()),
  deemedDismissedOn: n(z.string()).describe('The legal fact of APC 100(5), dated on the expiry day'),
  closedAt: n(z.string()),
  newAppealId: n(z.string()).describe('The new procedure at the originating body after a return (APC 100(1)(5))'),
  version: z.number(),
});

export const complaintCase = complaintResponse.extend({
  missing: z.array(z.object({ code: z.string(), citation: z.string(), text: z.string() })).describe('Items of APC 93(2) the complaint lacks: a defect notice may follow; intake is never refused'),
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: n(z.string()), state: n(z.string()), details: z.record(z.string(), z.unknown()) })),
  deadlines: z.array(z.object({ id: z.number(), term: z.string(), from: z.string(), due: z.string(), internalTarget: n(z.string()), open: z.boolean() })),
  actions: z.array(z.object({ action: z.string(), citation: z.string() })),
});

export const listQuery = z.strictObject({ appealId: uuid.optional() });
