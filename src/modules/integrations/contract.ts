/** The contracts of the integrations: Open311 GeoReport v2 parameters, webhooks, worklist export and register import. */
import { z } from 'zod';
import { email, phone } from '../bodies/contract.ts';
import { listQuery } from '../appeals/contract.ts';
import { WEBHOOK_EVENTS } from './webhooks.ts';

/** A form field sent empty is a field not sent (HTML forms and many 311 clients send every field). */
const opt = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), t.optional());
const text = (max: number) => z.string().trim().max(max);

/** POST requests.{format}: the fields of the specification, `attribute[CODE]` collected into `attributes`. */
export const open311Create = z
  .object({
    api_key: opt(z.string().max(200)),
    jurisdiction_id: opt(text(50)),
    service_code: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(100)),
    lat: opt(z.coerce.number().min(-90).max(90)),
    long: opt(z.coerce.number().min(-180).max(180)),
    address_string: opt(text(500)),
    address_id: opt(text(100)),
    email: opt(email),
    device_id: opt(text(100)),
    account_id: opt(text(100)),
    first_name: opt(text(100)),
    last_name: opt(text(100)),
    phone: opt(phone),
    description: opt(text(4000)),
    media_url: opt(z.url({ protocol: /^https?$/ }).max(2000)),
    attributes: z.record(z.string(), z.string().max(200)).default({}),
  })
  // the specification: a location is lat & long, or address_string, or address_id
  .refine((v) => (v.lat !== undefined && v.long !== undefined) || v.address_string !== undefined || v.address_id !== undefined, { message: 'location_required', path: ['lat'] });
export type Open311Create = z.infer<typeof open311Create>;

const list = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const w3cDate = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'invalid_timestamp');

/** GET requests.{format}: the specification's filters. */
export const open311Query = z.object({
  api_key: opt(z.string().max(200)),
  jurisdiction_id: opt(text(50)),
  service_request_id: z.preprocess(list, z.array(z.string().max(100)).max(1000).optional()),
  service_code: z.preprocess(list, z.array(z.string().max(100)).max(100).optional()),
  status: z.preprocess(list, z.array(z.enum(['open', 'closed'])).optional()),
  start_date: opt(w3cDate),
  end_date: opt(w3cDate),
});

export const webhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000).describe('Where deliveries are POSTed (http or https)'),
  secret: z.string().min(16).max(200).describe('The HMAC-SHA256 key of `X-Tynda-Signature`; kept, never shown again'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  bodyId: z.uuid().optional().describe('Only appeals of this body (default: every body your permission reaches)'),
  includeSubordinate: z.boolean().default(false).describe('With bodyId: also the bodies below it'),
});

export const webhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  bodyIds: z.array(z.string()).nullable(),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const deliveryLogView = z.object({
  deliveries: z.array(
    z.object({
      id: z.number(), eventId: z.string(), eventType: z.string(), status: z.string(), attempts: z.number(), createdAt: z.string(), nextAttemptAt: z.string().nullable(),
      deliveredAt: z.string().nullable(), lastError: z.string().nullable(),
      log: z.array(z.object({ attempt: z.number(), at: z.string(), httpStatus: z.number().nullable(), error: z.string().nullable(), ms: z.number() })),
    }),
  ),
});

/** The worklist filters of GET /api/v1/appeals, without paging: the export is the whole list (at most EXPORT_MAX rows). */
export const exportQuery = listQuery.omit({ page: true, pageSize: true });
export const EXPORT_MAX = 50_000;

/** Columns of a register a mapping may name; receivedAt and essence are required. */
export const IMPORT_FIELDS = ['receivedAt', 'essence', 'summary', 'type', 'language', 'topic', 'applicantKind', 'applicantName', 'iin', 'bin', 'postalAddress', 'email', 'phone', 'signed', 'filedOn', 'externalNumber'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** An import file: at most this many rows after the header (one transaction registers them all). */
export const IMPORT_MAX_ROWS = 10_000;
/** An XLSX file: at most 8 MB as sent, and at most 100 MB once inflated (a small ZIP can inflate to gigabytes). */
export const XLSX_MAX_BYTES = 8 * 1024 * 1024;
export const XLSX_MAX_INFLATED = 100 * 1024 * 1024;

export const importBody = z.strictObject({
  bodyId: z.uuid(),
  csv: z.string().min(1).max(10_000_000).optional().describe('The file as CSV (comma or semicolon separated, UTF-8), first row the column names; or send `xlsx`'),
  xlsx: z.base64().min(1).max(Math.ceil(XLSX_MAX_BYTES / 3) * 4).optional().describe('The file as XLSX, base64: its first sheet, first row the column names; dates and numbers as Excel stores them'),
  mapping: z
    .partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200))
    .refine((m) => m.receivedAt !== undefined && m.essence !== undefined, 'mapping_incomplete')
    .describe('Tynda field -> column name in the file; receivedAt and essence are required'),
  defaults: z
    .strictObject({
      type: z.enum(['application', 'proposal', 'feedback', 'request', 'report']).default('application'),
      language: z.enum(['kk', 'ru', 'en']).default('ru'),
      channel: z.enum(['paper', 'oral', 'reception']).default('paper'),
      signed: z.boolean().default(false).describe('Whether the paper bore a signature, where the file does not say'),
    })
    .default({ type: 'application', language: 'ru', channel: 'paper', signed: false }),
  dryRun: z.boolean().default(true).describe('Check every row and write nothing (the default)'),
}).refine((b) => (b.csv === undefined) !== (b.xlsx === undefined), { message: 'file_required', path: ['csv'] });

export const importResponse = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  errors: z.array(z.object({
    row: z.number().describe('The line of the CSV file or the row of the sheet; the header is 1'),
    field: z.string().describe('The Tynda field of the mapping (receivedAt, iin, …); empty for the file as a whole'),
    column: z.string().describe("The file's column name"),
    code: z.string(),
    message: z.string().describe("The reason, in the request's language"),
  })),
  registered: z.array(z.object({ row: z.number(), id: z.string(), number: z.string(), receivedAt: z.string(), registeredOn: z.string(), due: z.string() })),
});

export const hearingView = z.object({
  id: z.string(), appealId: z.string(), officialId: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string(), noticeId: z.string().nullable(), cancelledAt: z.string().nullable(),
});

export const feedBody = z.strictObject({ kind: z.enum(['hearings', 'receptions']) });
export const feedView = z.object({ id: z.string(), kind: z.string(), path: z.string().describe('GET it (no sign-in): the secret is the credential; revoke with DELETE'), createdAt: z.string() });
