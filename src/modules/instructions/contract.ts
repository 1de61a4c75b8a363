/** The HTTP contract of control of instructions (APC 37–38, 44, 46; Standard Regulation p.9). */
import { z } from 'zod';
import { INSTRUCTION_SOURCES } from '../../law/instructions.ts';
import { isoDate } from '../bodies/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const instructionInput = z.strictObject({
  source: z.enum(INSTRUCTION_SOURCES),
  giverId: z.uuid().optional().describe('The official who gave it (a head of this body); only they extend it (46(5))'),
  giverName: z.string().trim().min(1).max(300).optional().describe('An outside giver (the President, the Presidential Administration …)'),
  text: text(20_000),
  executorIds: z.array(z.uuid()).min(1).max(20).describe('In order: the first named coordinates (46(3))'),
  due: isoDate.optional().describe('The due date set by the giver (37(3)); or give workingDays'),
  workingDays: z.number().int().min(1).max(250).optional().describe('The period in working days from today, counted on the production calendar (37(3))'),
  language: z.enum(['kk', 'ru', 'en']).optional().describe('The language of the instruction and of the notices about it; by default the language of the request'),
  appealId: z.uuid().optional(),
  returnRequired: z.boolean().default(false).describe('The document must be returned (44(4))'),
});

export const createBody = instructionInput
  .extend({ bodyId: z.uuid() })
  .refine((v) => (v.due === undefined) !== (v.workingDays === undefined), { path: ['due'], message: 'due_or_working_days' });

/** The due date with the steps that produce it (principle 2): day 0, the days skipped, the N-th working day, the citation. */
export const deadlineView = z.object({
  due: z.string(),
  workingDays: z.number(),
  citation: z.string(),
  explanation: z.array(z.record(z.string(), z.unknown())),
  warnings: z.array(z.record(z.string(), z.unknown())),
  text: z.array(z.string()).describe('The explanation in the language of the request'),
});

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('request_extension'), reasons: text(5_000), proposedDue: isoDate }),
  z.strictObject({ action: z.literal('extend'), newDue: isoDate, reasons: text(5_000), basis: z.string().trim().min(1).max(1_000).optional().describe("For an outside giver: the giver's decision being recorded") }),
  z.strictObject({ action: z.literal('refuse_extension'), reasons: text(5_000), basis: z.string().trim().min(1).max(1_000).optional() }),
  z.strictObject({ action: z.literal('contribute'), text: text(20_000) }),
  z.strictObject({ action: z.literal('report'), text: text(20_000), executedOn: isoDate }),
  z.strictObject({ action: z.literal('return_for_rework'), comment: text(5_000) }),
  z.strictObject({ action: z.literal('close_control'), note: text(5_000) }),
]);
export type InstructionAction = z.infer<typeof actionBody>;
export const actionEnvelope = z.strictObject({ version: z.number().int().positive() }).passthrough();

export const instructionResponse = z.object({
  id: z.string(),
  number: z.string(),
  bodyId: z.string(),
  source: z.string(),
  giverId: z.string().nullable(),
  giverName: z.string(),
  controllerId: z.string().nullable(),
  text: z.string(),
  executorIds: z.array(z.string()),
  coordinatorId: z.string(),
  state: z.string(),
  givenOn: z.string(),
  originalDue: z.string(),
  due: z.string(),
  overdue: z.boolean(),
  overdueOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  returnRequired: z.boolean(),
  appealId: z.string().nullable(),
  receptionBookingId: z.string().nullable(),
  language: z.string(),
  version: z.number(),
  deadline: deadlineView.optional(),
});

export const caseResponse = instructionResponse.extend({
  timeline: z.array(z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), citation: z.string().nullable(), state: z.string().nullable(), details: z.record(z.string(), z.unknown()) })),
});

export const listQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const listResponse = z.object({ items: z.array(instructionResponse), page: z.number(), pageSize: z.number() });

export const disciplineQuery = z.strictObject({ bodyId: z.uuid(), from: isoDate, to: isoDate });
export const disciplineResponse = z.object({
  bodyId: z.string(),
  from: z.string(),
  to: z.string(),
  citation: z.string(),
  executors: z.array(z.object({ officialId: z.string(), name: z.string(), total: z.number(), executedOnTime: z.number(), executedLate: z.number(), overdueOpen: z.number(), extended: z.number(), overdueRate: z.number(), proposal: z.boolean() })),
});
