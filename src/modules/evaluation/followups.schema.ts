import { z } from 'zod';
import { calendarDate, page } from '../../platform/http/response-types.js';
import { FOLLOWUP_STATUSES } from './followups.tables.js';

export const followupSettingsAnswer = z.object({ agencyId: z.string(), months: z.array(z.number().int()), windowDays: z.number().int(), own: z.boolean() });
export const followupSettingsBody = z.strictObject({
  // Up to four follow-ups, 1 to 36 months after completion, each month count once.
  months: z
    .array(z.number().int().min(1).max(36))
    .max(4)
    .refine((m) => new Set(m).size === m.length, 'each month count once'),
  windowDays: z.number().int().min(7).max(90),
});

export const followupListQuery = z.strictObject({
  status: z.enum([...FOLLOWUP_STATUSES, 'overdue']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const followupItem = z.object({
  id: z.string(),
  personId: z.string(),
  fullName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  months: z.number().int(),
  completedOn: calendarDate,
  dueOn: calendarDate,
  status: z.enum(FOLLOWUP_STATUSES),
  /** Open, its window closed, and raters still to answer. */
  overdue: z.boolean(),
  cycleId: z.string().nullable(),
  answered: z.number().int(),
  assigned: z.number().int(),
});
export const followupListAnswer = page(followupItem);
