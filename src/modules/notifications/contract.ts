/** The HTTP contract of notifications: the cabinet, a case's notice history, registered letters. */
import { z } from 'zod';
import { isoDate } from '../calendar/contract.ts';

/** APC 66(2), (4): the channels a person asks for besides the cabinet, to the contacts they gave */
export const notifyBy = z
  .array(z.enum(['email', 'sms', 'post']))
  .max(3)
  .optional()
  .describe('Channels to be notified through besides the cabinet, to the contacts given here (APC 66(2), 66(4))');

export const recipientParam = z.strictObject({ recipientId: z.string().min(1).max(200) });
export const recipientNoticeParams = z.strictObject({ recipientId: z.string().min(1).max(200), noticeId: z.uuid() });
export const noticeParam = z.strictObject({ noticeId: z.uuid() });
export const deliveryParam = z.strictObject({ deliveryId: z.coerce.number().int().positive() });

export const cabinetQuery = z.strictObject({
  unread: z.enum(['true', 'false']).default('false').describe('Only notices not opened yet'),
});

export const historyQuery = z.strictObject({
  subjectType: z.string().min(1).max(64).describe("The kind of case: 'appeal', 'complaint', 'petition'"),
  subjectId: z.string().min(1).max(200),
});

export const postQueueQuery = z.strictObject({
  status: z.enum(['queued', 'sent', 'delivered', 'failed']).default('queued').describe('queued: letters to print and send'),
});

export const postRecordBody = z
  .strictObject({
    trackingNumber: z.string().trim().min(3).max(64).optional().describe('The tracking number from the post office receipt'),
    sentOn: isoDate.optional().describe('The dispatch date; today when omitted'),
    deliveredOn: isoDate.optional().describe('The date on the acknowledgement of delivery: the receipt date terms run from'),
    refused: z.boolean().optional().describe("The courier's mark that the addressee refused to accept (APC 66(5)); needs deliveredOn as the date of the mark"),
  })
  .refine((b) => b.trackingNumber !== undefined || b.deliveredOn !== undefined, 'required')
  .refine((b) => !b.refused || b.deliveredOn !== undefined, 'required');

const term = z.object({
  id: z.string(),
  citation: z.string(),
  from: z.string().nullable().describe('The receipt date the term runs from, for a term that runs from receipt'),
  due: z.string().nullable().describe('The last day; null until receipt is recorded'),
});

export const deliveryView = z.object({
  id: z.number(),
  channel: z.enum(['cabinet', 'email', 'sms', 'post']),
  address: z.string().nullable().describe('The contact used (personal data)'),
  status: z.enum(['queued', 'sent', 'delivered', 'read', 'failed']),
  attempts: z.number(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  receivedOn: z.string().nullable(),
  reference: z.string().nullable().describe('SMTP Message-ID, SMS reference or postal tracking number'),
  refused: z.boolean(),
  lastError: z.string().nullable(),
});

export const cabinetNotice = z.object({
  id: z.string(),
  type: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  language: z.string(),
  citation: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(['queued', 'sent', 'delivered', 'read', 'failed']),
  deliveredAt: z.string(),
  readAt: z.string().nullable(),
  receivedOn: z.string().nullable(),
  terms: z.array(term),
});

export const historyEntry = z.object({
  id: z.string(),
  type: z.string(),
  citation: z.string(),
  recorded: z.boolean().describe('Receipt must be recorded (a legal consequence runs from it)'),
  recipient: z.object({ kind: z.string(), id: z.string() }),
  language: z.string(),
  title: z.string(),
  createdAt: z.string(),
  notifiedAt: z.string().nullable().describe('First moment a channel sent or placed the notice'),
  receivedOn: z.string().nullable().describe('First proven receipt (cabinet opened, letter delivered): the date terms run from'),
  terms: z.array(term),
  deliveries: z.array(deliveryView),
});

export const postQueueEntry = z.object({
  deliveryId: z.number(),
  noticeId: z.string(),
  type: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  language: z.string(),
  status: z.string(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});

export const noticeTypeView = z.object({
  type: z.string(),
  citation: z.string(),
  recipient: z.enum(['participant', 'official']),
  recorded: z.boolean().describe('Must reach the person through a channel that records receipt'),
  why: z.string().optional().describe('Why receipt must be recorded, in the language of the request'),
  writtenIfFiledOnPaper: z.boolean(),
  fields: z.record(z.string(), z.enum(['text', 'list', 'date', 'datetime'])).describe('The data the notice text needs'),
  terms: z.array(z.object({ id: z.string(), citation: z.string(), runsFromReceipt: z.boolean(), dueField: z.string().optional() })),
  sendWithin: z.object({ id: z.string(), citation: z.string() }).optional().describe("The body's term for sending the notice"),
});
