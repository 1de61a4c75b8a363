/** The HTTP contract of the organisation: territories, bodies, subdivisions, positions, officials, topics. */
import { z } from 'zod';
import { parseIsoDate } from '../../law/dates.ts';
import { ROLES, isValidBin, isValidIin, normalizeEmail, normalizePhone } from '../identity/service.ts';
import { BODY_TYPE_IDS, SUBDIVISION_KINDS, TERRITORY_KINDS, isValidRegistrationNumberFormat } from './service.ts';

export const localized = z.strictObject({ kk: z.string().trim().min(1).max(500), ru: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });
export const id = z.uuid().describe('An id (UUID)');
export const idParam = z.strictObject({ id });
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'invalid_format').describe('A short stable code: letters, digits, . _ -');
export const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, 'invalid_date').describe('A calendar date, YYYY-MM-DD');
export const bin = z.string().refine(isValidBin, 'invalid_bin').describe('BIN: 12 digits with a valid check digit');
export const iin = z.string().refine(isValidIin, 'invalid_iin').describe('IIN: 12 digits with a valid check digit');
export const email = z.string().max(254).transform((v, ctx) => normalizeEmail(v) ?? (ctx.addIssue({ code: 'custom', message: 'invalid_email' }), z.NEVER));
export const phone = z.string().max(40).transform((v, ctx) => normalizePhone(v) ?? (ctx.addIssue({ code: 'custom', message: 'invalid_phone' }), z.NEVER));
const positionRole = z.enum(ROLES.filter((r) => r !== 'applicant') as [string, ...string[]]);

export const territoryQuery = z.strictObject({ kind: z.enum(TERRITORY_KINDS).optional(), parentId: id.optional() });
export const territoryResponse = z.object({ id: z.string(), code: z.string(), kato: z.string().nullable(), kind: z.string(), parentId: z.string().nullable(), name: localized });

const contact = z.strictObject({ phone: phone.optional(), email: email.optional(), website: z.url({ protocol: /^https?$/ }).max(300).optional() });
const registrationNumberFormat = z
  .string()
  .refine(isValidRegistrationNumberFormat, 'invalid_registration_format')
  .describe("Registration numbers of the body's appeals: {code}, {yyyy}, {yy} and exactly one {seq} or {seq:N} (zero-padded), e.g. '{code}-{yyyy}-{seq:6}'");

export const bodyInput = z.strictObject({
  code,
  type: z.enum(BODY_TYPE_IDS),
  name: localized,
  bin: bin.optional(),
  territoryId: id.optional(),
  parentId: id.optional().describe('The body above this one'),
  complaintBodyId: id.optional().describe('The body that reviews complaints against this one (APC 91(3)); none: complaints go to court (91(6))'),
  contact: contact.optional(),
  receptionAddress: localized.optional(),
  registrationNumberFormat: registrationNumberFormat.optional(),
});

export const bodyPatch = z.strictObject({
  type: z.enum(BODY_TYPE_IDS).optional(),
  name: localized.optional(),
  bin: bin.nullable().optional(),
  territoryId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  complaintBodyId: id.nullable().optional(),
  contact: contact.optional(),
  receptionAddress: localized.nullable().optional(),
  registrationNumberFormat: registrationNumberFormat.optional(),
  active: z.boolean().optional(),
});

export const bodyQuery = z.strictObject({ type: z.enum(BODY_TYPE_IDS).optional(), parentId: id.optional(), territoryId: id.optional() });

export const bodyResponse = z.object({
  id: z.string(),
  code: z.string(),
  type: z.string(),
  typeName: z.string().describe('The body type in the language of the request'),
  name: localized,
  bin: z.string().nullable(),
  territoryId: z.string().nullable(),
  parentId: z.string().nullable(),
  complaintBodyId: z.string().nullable(),
  subjectToRules111: z.boolean().describe('A subject of Rules No. 111 p.1: central executive bodies, their departments, local executive bodies down to districts'),
  contact: z.object({ phone: z.string().optional(), email: z.string().optional(), website: z.string().optional() }),
  receptionAddress: localized.nullable(),
  registrationNumberFormat: z.string(),
  active: z.boolean(),
});

export const subdivisionInput = z.strictObject({ code, kind: z.enum(SUBDIVISION_KINDS), name: localized, parentId: id.optional() });
export const subdivisionResponse = z.object({ id: z.string(), bodyId: z.string(), parentId: z.string().nullable(), code: z.string(), kind: z.string(), name: localized, active: z.boolean() });

export const positionInput = z.strictObject({
  code,
  title: localized,
  subdivisionId: id.optional(),
  role: positionRole.optional().describe('The role whoever holds this position has, in its body and subdivision'),
});
export const positionResponse = z.object({ id: z.string(), bodyId: z.string(), subdivisionId: z.string().nullable(), code: z.string(), title: localized, role: z.string().nullable() });

export const officialInput = z.strictObject({
  bodyId: id,
  fullName: z.string().trim().min(3).max(300),
  iin: iin.optional(),
  email: email.optional(),
  phone: phone.optional(),
});
export const officialQuery = z.strictObject({ bodyId: id.optional() });

const appointmentView = z.object({
  id: z.string(),
  positionId: z.string(),
  bodyId: z.string(),
  subdivisionId: z.string().nullable(),
  title: localized,
  role: z.string().nullable(),
  acting: z.boolean(),
  actingFor: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const officialResponse = z.object({
  id: z.string(),
  bodyId: z.string(),
  fullName: z.string(),
  iin: z.string().nullable().describe('Masked unless the reader may see personal data'),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalDataMasked: z.boolean(),
  active: z.boolean(),
  appointments: z.array(appointmentView).describe('Appointments running today'),
});

export const appointmentInput = z
  .strictObject({
    positionId: id,
    acting: z.boolean().default(false).describe('Acting for an absent holder (Standard Regulation p.19): needs validTo, ends by itself'),
    actingFor: id.optional().describe('The official replaced'),
    validFrom: isoDate,
    validTo: isoDate.optional(),
  });
export const appointmentResponse = z.object({
  id: z.string(),
  officialId: z.string(),
  positionId: z.string(),
  acting: z.boolean(),
  actingFor: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  ended: z.boolean(),
});

export const topicInput = z.strictObject({ code, name: localized, parentId: id.optional(), competentBodyType: z.enum(BODY_TYPE_IDS).optional() });
const topicLeaf = z.object({ id: z.string(), code: z.string(), name: localized, competentBodyType: z.string().nullable() });
export const topicResponse = topicLeaf.extend({ parentId: z.string().nullable() });
export const topicTreeResponse = z.object({ topics: z.array(topicLeaf.extend({ children: z.array(topicLeaf) })) });
