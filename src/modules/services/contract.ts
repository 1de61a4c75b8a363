/** The HTTP contract of public services (Law "On State Services"): the register, complaints, ratings, hidden services. */
import { z } from 'zod';
import { toAlmatyDay } from '../../law/dates.ts';
import { COMPLAINT_ADDRESSEES, COMPLAINT_SUBJECTS, EXTENSION_GROUNDS, REFUSAL_GROUNDS, SERVICE_CHANNEL_CODES, SERVICE_COMPLAINT_OUTCOMES } from '../../law/services.ts';
import { BODY_TYPE_IDS } from '../bodies/service.ts';
import { bin, email, iin, phone } from '../bodies/contract.ts';
import { isoDate } from '../calendar/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.uuid();
const codes = (list: readonly { code: string }[]) => z.enum(list.map((g) => g.code) as [string, ...string[]]);
const instant = z.string().max(40).refine((v) => /T/.test(v) && toAlmatyDay(v) !== undefined, 'invalid_timestamp').describe('An ISO timestamp with an offset');
const localized = (max = 500) => z.strictObject({ kk: text(max), ru: text(max), en: text(max) });

/** Register codes are digits (the classified list of Art. 1(8)); the path /services/quality never clashes with one. */
export const serviceCode = z.string().regex(/^\d{6,12}$/, 'invalid_code').describe('The code of the service in the register (LSS 1(8), 12)');

export const TERM_UNITS = ['minutes', 'hours', 'working_days', 'calendar_days'] as const;

export const serviceBody = z.strictObject({
  code: serviceCode,
  name: localized(),
  providers: z.strictObject({
    bodyTypes: z.array(z.enum(BODY_TYPE_IDS)).max(20).optional().describe('Every body of these types provides the service'),
    bodyIds: z.array(uuid).max(50).optional().describe('Named provider bodies'),
  }),
  providerNote: localized().optional(),
  channels: z.array(z.enum(SERVICE_CHANNEL_CODES)).min(1).max(7).describe('LSS 18(2)'),
  term: z.strictObject({ amount: z.number().int().min(1).max(366), unit: z.enum(TERM_UNITS), note: localized().optional() }).describe('LSS 14(3-1)(d)'),
  documents: z.array(z.strictObject({ kk: text(500), ru: text(500), en: text(500), fromIs: z.boolean().describe('Obtainable from information systems: not asked of the recipient (LSS 5(2))') })).max(50),
  fee: z.strictObject({ free: z.boolean(), mci: z.number().positive().max(100_000).optional().describe('In monthly calculation indices'), note: localized().optional() }).describe('LSS 24, 14(3-1)(g)'),
  refusalGrounds: z.array(codes(REFUSAL_GROUNDS)).max(REFUSAL_GROUNDS.length).describe('LSS 19-1(2); other_law needs refusalOther (19-1(5))'),
  refusalOther: z.array(localized()).max(20).optional(),
  procedureAct: z.strictObject({ title: localized(1000), number: text(50), date: isoDate }).describe('The by-law act setting the procedure (LSS 13–14)'),
  result: localized().optional(),
  proactive: z.boolean().describe('LSS 1(17-1), 21-1'),
  sociallySignificant: z.boolean().describe('LSS 1(4-1)'),
  active: z.boolean().optional(),
});

export const serviceListQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Words of the name in kk, ru or en, or the code'),
  channel: z.enum(SERVICE_CHANNEL_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const loc = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export const serviceResponse = z.object({
  code: z.string(),
  name: loc,
  providers: z.object({ bodyTypes: z.array(z.string()), bodies: z.array(z.object({ id: z.string(), code: z.string(), name: loc })) }),
  providerNote: loc.nullable(),
  channels: z.array(z.object({ code: z.string(), citation: z.string(), name: z.string() })),
  term: z.object({ amount: z.number(), unit: z.string(), text: z.string(), note: loc.optional() }),
  documents: z.array(z.object({ kk: z.string(), ru: z.string(), en: z.string(), fromIs: z.boolean() })),
  fee: z.object({ free: z.boolean(), mci: z.number().optional(), note: loc.optional() }),
  refusalGrounds: z.array(z.object({ code: z.string(), citation: z.string(), text: z.string() })),
  refusalOther: z.array(loc),
  procedureAct: z.object({ title: loc, number: z.string(), date: z.string() }),
  result: loc.nullable(),
  proactive: z.boolean(),
  sociallySignificant: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});
export const serviceListResponse = z.object({ items: z.array(serviceResponse), total: z.number(), page: z.number(), pageSize: z.number() });

// complaints about a public service (LSS 25)
const complainant = z.strictObject({
  kind: z.enum(['individual', 'legal_entity']),
  name: text(300),
  iin: iin.optional(),
  bin: bin.optional(),
  postalAddress: z.string().trim().max(500).optional().describe('Required for a complaint on paper: the answer goes in writing (LSS 25(4))'),
  email: email.optional(),
  phone: phone.optional(),
});

const complaintFields = {
  serviceCode,
  addressee: z.enum(COMPLAINT_ADDRESSEES).describe('LSS 25(2): the provider or the State Corporation (5 working days), the authorised body for quality (15)'),
  bodyId: uuid.optional().describe('The receiving body: the provider; the State Corporation or the authorised body when omitted'),
  providerBodyId: uuid.optional().describe('The provider complained about, when the complaint goes to the State Corporation or the authorised body'),
  subject: z.enum(COMPLAINT_SUBJECTS).default('quality').describe('administrative_act: the complaint is against an act, the APC path (LSS 25(1); APC 91)'),
  receiptRef: z.string().trim().min(1).max(100).optional().describe('The number of the service application complained about'),
  appealId: uuid.optional().describe('The appeal case whose act the complaint may concern'),
  essence: text(20_000),
  demands: z.string().trim().max(4000).optional(),
  complainant,
  language: z.enum(['kk', 'ru', 'en']),
};
export const fileComplaintBody = z.strictObject(complaintFields);
export const registerComplaintBody = z.strictObject({ ...complaintFields, channel: z.enum(['paper', 'electronic']), receivedAt: instant });

export const complaintAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('extend'),
    ground: codes(EXTENSION_GROUNDS).describe('LSS 25(4)(1)–(2)'),
    days: z.number().int().min(1).max(366).describe('Working days added; at most 10 in total beyond the original due date (LSS 25(4))'),
    reasons: text(4000),
  }),
  z.strictObject({
    action: z.literal('decide'),
    outcome: codes(SERVICE_COMPLAINT_OUTCOMES),
    reasons: text(20_000).describe('The answer: a refusal states its reasons'),
    measures: z.string().trim().max(4000).optional().describe('Measures restoring the violated rights (LSS 5(2)(9)); required when satisfied'),
  }),
  z.strictObject({
    action: z.literal('route_to_apc'),
    challengedSummary: text(2000).describe('The administrative act the complaint is really against'),
    learnedOn: isoDate.optional().describe('APC 92(1): when the complainant learned of the act (needed without an appeal case)'),
    actId: uuid.optional(),
  }),
  z.strictObject({ action: z.literal('withdraw') }),
]);
export const actionEnvelope = z.strictObject({ version: z.number().int().min(1) });

export const complaintListQuery = z.strictObject({
  overdue: z.enum(['true', 'false']).optional().describe('Only registered complaints whose due date has passed'),
  state: z.string().max(40).optional(),
});

const n = <T extends z.ZodType>(t: T) => t.nullable();
export const complaintResponse = z.object({
  id: z.string(),
  number: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  addressee: z.string(),
  bodyId: z.string(),
  providerBodyId: n(z.string()),
  state: z.string(),
  language: z.string(),
  channel: z.string(),
  subject: z.string(),
  receiptRef: n(z.string()),
  appealId: n(z.string()),
  essence: z.string(),
  demands: n(z.string()),
  complainant: z.record(z.string(), z.unknown()),
  receivedAt: z.string(),
  receivedOn: z.string(),
  registeredOn: z.string().describe('The term runs from here (LSS 25(2); A-07)'),
  term: z.string(),
  citation: z.string(),
  originalDue: z.string(),
  due: z.string(),
  extendedDays: z.number(),
  overdue: z.boolean(),
  decision: z.unknown(),
  decidedOn: n(z.string()),
  closedAt: n(z.string()),
  apcComplaintId: n(z.string()).describe('The APC complaint this one became (LSS 25(1); APC 91)'),
  version: z.number(),
});

export const complaintCase = complaintResponse.extend({
  dueExplanation: z.array(z.object({ code: z.string(), date: z.string().optional(), until: z.string().optional(), text: z.string() })).describe('How the due date was counted, day by day (skipped runs with their last day)'),
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: n(z.string()), state: n(z.string()), details: z.record(z.string(), z.unknown()) })),
  deadlines: z.array(z.object({ term: z.string(), from: z.string(), due: z.string(), open: z.boolean() })),
  actions: z.array(z.object({ action: z.string(), citation: z.string() })),
  extension: z
    .object({ grounds: z.array(z.object({ code: z.string(), citation: z.string(), text: z.string() })), maxWorkingDays: z.number() })
    .describe('LSS 25(4): the grounds of an extension, in the request language, and the most working days extensions add in total (`extendedDays` are used)'),
  message: n(z.string()).describe('What happened, in the request language (the route to the APC path says so)'),
});

// quality (LSS 28–29)
export const rateBody = z.strictObject({
  providerBodyId: uuid,
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
  receiptRef: z.string().trim().min(1).max(100).optional().describe('The service application rated (once per receipt)'),
  complaintId: uuid.optional().describe('Or the own complaint about it (once per complaint)'),
});
export const ratingResponse = z.object({ id: z.string(), serviceCode: z.string(), providerBodyId: z.string(), score: z.number(), receiptKey: z.string() });

export const qualityQuery = z.strictObject({ by: z.enum(['service', 'provider']).default('service'), serviceCode: serviceCode.optional() });
const figure = z.object({
  ratings: z.number(),
  average: n(z.number()),
  damped: n(z.number()).describe('The average pulled towards the overall average by priorWeight ratings: the order of the table'),
  satisfiedPer100: n(z.number()),
  dissatisfiedPer100: n(z.number()),
  complaints: z.number(),
  complaintsPer100Ratings: n(z.number()),
  distribution: z.array(z.number()).describe('Counts of scores 1..5'),
  reliable: z.boolean().describe('At least minRatings ratings'),
});
export const qualityResponse = z.object({
  by: z.string(),
  citation: z.string(),
  method: z.object({ priorWeight: z.number(), minRatings: z.number(), satisfiedFrom: z.number(), per: z.number(), overallAverage: n(z.number()) }),
  rows: z.array(figure.extend({ serviceCode: n(z.string()), serviceName: n(z.string()), providerBodyId: n(z.string()), providerName: n(z.string()) })),
});

// hidden public services (LSS 1(2-1), 12(3))
export const hiddenBody = z.strictObject({ appealId: uuid, functionName: text(500), reason: text(4000) });
export const hiddenResponse = z.object({ id: z.string(), appealId: z.string(), bodyId: z.string(), functionName: z.string(), reason: z.string(), flaggedBy: z.string(), createdAt: z.string(), citation: z.string() });
