/** The HTTP contract of the time engine: production calendar, terms, deadlines. */
import { z } from 'zod';
import { parseIsoDate, toAlmatyDay } from '../../law/dates.ts';

export const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, 'invalid_date').describe('A calendar date, YYYY-MM-DD');
const dateOrTimestamp = z
  .string()
  .max(40)
  .refine((v) => toAlmatyDay(v) !== undefined, 'invalid_date')
  .describe('A date (YYYY-MM-DD, Asia/Almaty) or an ISO timestamp with an offset, taken as its date in Asia/Almaty');
const localized = z.strictObject({ kk: z.string().min(1).max(300), ru: z.string().min(1).max(300), en: z.string().min(1).max(300) });

export const conventionsInput = z
  .strictObject({
    countStart: z.enum(['day_after_event', 'event_day']),
    nonWorkingEnd: z.enum(['next_working_day', 'unchanged']),
    bodyInternalTarget: z.boolean(),
    mainTermFrom: z.enum(['receipt', 'registration']),
  })
  .partial()
  .describe('Counting conventions (docs/legal-mapping.md); omitted ones take the server defaults');

export const computeBody = z.strictObject({
  term: z.string().min(1).max(64).describe("Term id, e.g. 'APC-76.1'"),
  from: dateOrTimestamp,
  conventions: conventionsInput.optional(),
});

const step = z.object({
  code: z.string(),
  date: z.string().optional(),
  text: z.string().describe('The step in the language of the request'),
});
const warning = z.object({ code: z.string(), text: z.string() });

export const deadlineResponse = z.object({
  term: z.string(),
  from: z.string(),
  due: z.string(),
  internalTarget: z.string().optional().describe("The body's own target for month-based duties (last working day on or before the nominal end)"),
  urgent: z.boolean(),
  citation: z.string(),
  description: z.string(),
  explanation: z.array(step),
  warnings: z.array(warning),
  conventions: z.object({ countStart: z.string(), nonWorkingEnd: z.string(), bodyInternalTarget: z.boolean(), mainTermFrom: z.string() }),
});

export const termResponse = z.object({
  id: z.string(),
  act: z.string(),
  citation: z.string(),
  unit: z.string(),
  amount: z.number().nullable(),
  fixedDates: z.array(z.string()).optional(),
  bound: z.string(),
  party: z.string(),
  runsFrom: localized,
  description: localized,
  extension: z
    .object({
      by: z.array(z.string()),
      max: z.object({ amount: z.number(), unit: z.string(), counted: z.string() }).optional(),
      grounds: z.array(localized).optional(),
      citation: z.string(),
    })
    .optional(),
  effective: z.object({ from: z.string(), to: z.string().optional() }),
  caveat: localized.optional(),
  quote: z.string().optional(),
});

export const yearParam = z.strictObject({ year: z.coerce.number().int().min(1991).max(2200) });

const holiday = z.strictObject({
  date: isoDate,
  name: localized,
  kind: z.enum(['national', 'state', 'religious']),
  confirmed: z.boolean().default(true),
});
const transfer = z.strictObject({
  dayOff: isoDate,
  workedOn: isoDate.optional(),
  act: z.string().min(3).max(500).describe("The act that made the transfer: 'MTSZN Order No. 436 of 21.11.2024'"),
});

export const calendarYearBody = z.strictObject({
  complete: z.boolean().describe('True once the transfer order is published and the Kurban Ait date confirmed'),
  holidays: z.array(holiday).max(40),
  transfers: z.array(transfer).max(20).default([]),
  note: z.string().max(2000).optional(),
});

export const calendarYearResponse = z.object({
  year: z.number(),
  complete: z.boolean(),
  workingDays: z.number(),
  holidays: z.array(z.object({ date: z.string(), name: localized, kind: z.string(), confirmed: z.boolean() })),
  extraDaysOff: z.array(z.object({ date: z.string(), type: z.string(), movedFrom: z.string().optional(), act: z.string().optional() })),
  workingWeekendDays: z.array(z.object({ date: z.string(), act: z.string() })),
  transfers: z.array(z.object({ dayOff: z.string(), workedOn: z.string().optional(), act: z.string() })),
  note: z.string().optional(),
  revision: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const recomputeBody = z.strictObject({
  dryRun: z.boolean().default(false).describe('Report what would move without changing anything'),
});

export const recomputeResponse = z.object({
  checked: z.number(),
  calendarRevision: z.number(),
  dryRun: z.boolean(),
  moved: z.array(
    z.object({
      id: z.number(),
      subjectType: z.string(),
      subjectId: z.string(),
      term: z.string(),
      from: z.string(),
      oldDue: z.string(),
      newDue: z.string(),
      oldInternalTarget: z.string().nullable(),
      newInternalTarget: z.string().nullable(),
    }),
  ),
});
