/** The HTTP contract of the monitoring dashboards (REG p.5(3)–(5), 5(9), 7(1)–(2), 9(2)). */
import { z } from 'zod';
import { CHANNELS } from '../../law/requirements.ts';
import { isoDate } from '../bodies/contract.ts';
import { FIGURES, GROUPS } from './queries.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month').describe('YYYY-MM');

/** The filters every dashboard endpoint takes; the period is of the day of receipt (default: this year to today). */
export const filterQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  bodyId: z.uuid().optional(),
  territoryId: z.uuid().optional().describe('A district (the territory of the bodies), with the territories inside it'),
  topicId: z.uuid().optional().describe('A topic, with the topics under it'),
  channel: z.enum(CHANNELS).optional(),
  month: month.optional(),
  executorId: z.uuid().optional(),
});

export const figuresQuery = filterQuery.extend({ groupBy: z.enum(GROUPS).default('body') });
export const casesQuery = filterQuery.extend({
  figure: z.enum(FIGURES).default('received'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const fairQuery = filterQuery.extend({ by: z.enum(['body', 'district', 'executor']).default('body') });
export const exportQuery = filterQuery.extend({
  chart: z.enum(['figures', 'fair', 'returns', 'topics']).default('figures'),
  groupBy: z.enum(GROUPS).default('body'),
  by: z.enum(['body', 'district', 'executor']).default('body'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

const counts = Object.fromEntries([...FIGURES, 'returns'].map((f) => [f, z.number()])) as Record<(typeof FIGURES)[number] | 'returns', z.ZodNumber>;
export const figureCounts = z.object(counts);

export const figuresResponse = z.object({
  asOf: z.string(),
  dueSoonUntil: z.string(),
  groupBy: z.string(),
  totals: figureCounts,
  groups: z.array(figureCounts.extend({ key: z.string(), label: z.string() })),
});

export const casesResponse = z.object({
  total: z.number(),
  items: z.array(z.object({
    id: z.string(), number: z.string(), bodyId: z.string(), bodyName: z.string(), state: z.string(), receivedOn: z.string(), due: z.string(),
    executorId: z.string().nullable(), executorName: z.string().nullable(), topicId: z.string().nullable(), topicName: z.string().nullable(),
    channel: z.string(), summary: z.string(), deemedRefusedOn: z.string().nullable(), extended: z.boolean(),
  })),
});

export const fairResponse = z.object({
  by: z.string(),
  overallPer1000: z.number().nullable(),
  method: z.object({ per: z.number(), priorExpected: z.number(), minAppeals: z.number(), citation: z.string() }),
  rows: z.array(z.object({
    key: z.string(), label: z.string(), received: z.number(), late: z.number(), latePer1000: z.number().nullable(), expectedLate: z.number(),
    adjustedRatio: z.number().nullable(), adjustedPer1000: z.number().nullable(), reliable: z.boolean(),
  })),
});

export const returnsResponse = z.array(z.object({
  bodyId: z.string(), bodyName: z.string(), executorId: z.string().nullable(), executorName: z.string().nullable(), returns: z.number(), appeals: z.number(),
}));

export const topicsResponse = z.object({
  from: z.string(), to: z.string(), comparedFrom: z.string(), comparedTo: z.string(),
  method: z.object({ minVolume: z.number(), minBase: z.number(), minGrowth: z.number(), cardVolume: z.number(), citation: z.string() }),
  rows: z.array(z.object({
    territoryId: z.string(), territoryName: z.string(), topicId: z.string(), topicName: z.string(), volume: z.number(), previous: z.number(), growth: z.number(), rising: z.boolean(), problem: z.boolean(),
  })),
});

const cardView = z.object({
  id: z.string(), territoryId: z.string(), territoryName: z.string(), topicId: z.string(), topicName: z.string(), from: z.string(), to: z.string(),
  volume: z.number(), previousVolume: z.number(), growth: z.number(), trend: z.enum(['up', 'down', 'flat']),
  bodies: z.array(z.object({ id: z.string(), name: z.string() })), measures: z.string(), status: z.enum(['open', 'in_progress', 'resolved']), version: z.number(),
  appeals: z.array(z.object({ id: z.string(), number: z.string(), bodyId: z.string(), state: z.string(), receivedOn: z.string(), summary: z.string() })),
});
export const cardResponse = cardView.extend({
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), details: z.record(z.string(), z.unknown()) })),
});
export const cardsResponse = z.array(cardView);
export const cardsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), territoryId: z.uuid().optional() });

export const createCardBody = z.strictObject({ territoryId: z.uuid(), topicId: z.uuid(), from: isoDate, to: isoDate });
export const refreshCardsBody = z.strictObject({ from: isoDate, to: isoDate });
export const updateCardBody = z.strictObject({
  version: z.number().int().positive(),
  measures: z.string().trim().max(20_000).optional().describe('Measures taken on the issue, written by the department'),
  status: z.enum(['open', 'in_progress', 'resolved']).optional(),
});
