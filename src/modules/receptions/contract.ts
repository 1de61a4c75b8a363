/** The HTTP contract of personal receptions (APC 90; Standard Regulation p.6). */
import { z } from 'zod';
import { toAlmatyDay } from '../../law/dates.ts';
import { CHALLENGED_KINDS } from '../../law/complaints.ts';
import { RECEPTION_FORMAT_IDS } from '../../law/receptions.ts';
import { email, iin, isoDate, phone } from '../bodies/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string().max(40).refine((v) => /T/.test(v) && toAlmatyDay(v) !== undefined, 'invalid_timestamp').describe('An ISO timestamp with an offset');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format').describe('YYYY-MM');

export const sessionBody = z.strictObject({
  bodyId: z.uuid(),
  officialId: z.uuid().describe('The head or deputy who receives (APC 90(1))'),
  format: z.enum(RECEPTION_FORMAT_IDS),
  startsAt: instant,
  endsAt: instant,
  slotMinutes: z.number().int().min(5).max(240).default(15),
  place: text(500).describe('The place of work (90(2)), the settlement of a visiting reception, or the video link'),
  territoryId: z.uuid().optional().describe('The district of a visiting reception (REG p.6(4))'),
});

export const sessionResponse = z.object({
  id: z.string(),
  bodyId: z.string(),
  officialId: z.string(),
  officialName: z.string(),
  format: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  slotMinutes: z.number(),
  place: z.string(),
  territoryId: z.string().nullable(),
  freeSlots: z.array(z.string()),
});

export const scheduleQuery = z.strictObject({ bodyId: z.uuid().optional(), officialId: z.uuid().optional(), from: isoDate, to: isoDate });
export const scheduleResponse = z.object({ sessions: z.array(sessionResponse) });

export const visitorInput = z.strictObject({ name: text(300), iin: iin.optional(), phone: phone.optional(), email: email.optional(), postalAddress: z.string().trim().max(500).optional() });

export const bookBody = z.strictObject({
  slotAt: instant,
  topic: text(2_000).describe('The issue the visitor brings, stated in advance (REG p.6(1))'),
  language: z.enum(['kk', 'ru', 'en']).default('kk'),
  visitor: visitorInput.optional().describe('Required when a clerk books for a visitor; a signed-in applicant books as themselves'),
  videoConsent: z.boolean().default(false).describe('Consent to a videoconference reception with the Presidential Administration (REG p.6(3))'),
});

/** APC 93(2): what a complaint put in writing at a reception states besides its text. */
const complaintPart = z.strictObject({
  challengedKind: z.enum(CHALLENGED_KINDS),
  challengedSummary: text(2_000).describe('The act, action or inaction challenged (93(2)(3))'),
  appealId: z.uuid().optional().describe('The appeal whose act or handling is challenged; the complaint then goes to that appeal\'s body (91(4))'),
  bodyId: z.uuid().optional().describe('The body whose act is challenged (91(4)); by default the body holding the reception'),
  demands: z.string().trim().max(10_000).optional(),
  learnedOn: isoDate.optional().describe('APC 92(1): the day the visitor learned of the act or action'),
});

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('consent_video') }),
  z.strictObject({ action: z.literal('move'), sessionId: z.uuid(), slotAt: instant }),
  z.strictObject({ action: z.literal('cancel'), reason: z.string().trim().max(1_000).optional() }),
  z.strictObject({ action: z.literal('check_in') }),
  z.strictObject({ action: z.literal('no_show') }),
  z.strictObject({
    action: z.literal('give_instruction'),
    text: text(20_000),
    executorIds: z.array(z.uuid()).min(1).max(20),
    due: isoDate,
  }),
  z.strictObject({ action: z.literal('resolve'), answer: text(20_000) }),
  z.strictObject({
    action: z.literal('convert'),
    type: z.enum(['application', 'proposal', 'feedback', 'request', 'report', 'complaint']).describe('complaint: a complaint put in writing at the reception (APC 90(3), 93(1); scenario #41)'),
    essence: text(20_000).describe('The appeal or complaint put in writing at the reception (90(3)), signed by the visitor'),
    signed: z.literal(true).describe('The visitor signed the written text (90(3); A20)'),
    complaint: complaintPart.optional().describe('Required when type is complaint: what is challenged (APC 93(2))'),
  }).refine((v) => (v.type === 'complaint') === (v.complaint !== undefined), { path: ['complaint'], message: 'complaint_fields' }),
]);
export type ReceptionAction = z.infer<typeof actionBody>;
export const actionEnvelope = z.strictObject({ version: z.number().int().positive() }).passthrough();

export const bookingResponse = z.object({
  id: z.string(),
  sessionId: z.string(),
  slotAt: z.string(),
  state: z.string(),
  topic: z.string(),
  language: z.string(),
  visitor: z.record(z.string(), z.unknown()),
  videoConsentAt: z.string().nullable(),
  queueNumber: z.number().nullable(),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  appealId: z.string().nullable(),
  complaintId: z.string().nullable().describe('The complaint registered from the reception (APC 90(3), 93(1))'),
  instructionIds: z.array(z.string()),
  version: z.number(),
});

export const dailyQuery = z.strictObject({ bodyId: z.uuid(), date: isoDate, format: z.enum(['html', 'json']).default('html') });
export const complianceQuery = z.strictObject({ bodyId: z.uuid(), from: month, to: month });
export const complianceResponse = z.object({
  bodyId: z.string(),
  from: z.string(),
  to: z.string(),
  citation: z.string(),
  officials: z.array(z.object({ officialId: z.string(), name: z.string(), role: z.string(), monthsWithout: z.array(z.string()) })),
});
