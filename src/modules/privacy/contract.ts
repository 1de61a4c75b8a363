/** The HTTP contract of a person's own data: the export of everything kept about them, and erasure of the cabinet. */
import { z } from 'zod';

const applicantAsStated = z.object({
  kind: z.string(),
  name: z.string().optional(),
  iin: z.string().optional(),
  bin: z.string().optional(),
  postalAddress: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const exportResponse = z.object({
  exportedAt: z.string(),
  profile: z.object({
    id: z.string(),
    kind: z.string().nullable(),
    name: z.string().nullable(),
    iin: z.string().nullable(),
    bin: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    createdAt: z.string(),
  }),
  appeals: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      bodyId: z.string(),
      type: z.string(),
      state: z.string(),
      channel: z.string(),
      language: z.string(),
      receivedAt: z.string(),
      registeredOn: z.string(),
      due: z.string(),
      summary: z.string(),
      essence: z.string(),
      applicant: applicantAsStated.describe('The applicant as stated in the appeal (APC 63(2)(1))'),
      decision: z.unknown().nullable(),
      closedAt: z.string().nullable(),
      timeline: z.array(z.object({ at: z.string(), action: z.string(), citation: z.string().nullable(), state: z.string().nullable() })),
    }),
  ),
  notices: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), body: z.string(), deliveredAt: z.string().nullable(), readAt: z.string().nullable() })),
});
