import { z } from 'zod';

export const breakdownQuery = z.strictObject({
  cycleId: z.uuid(),
  /** country: provinces; province: agencies of one province (id = province unit); agency: children of one agency. */
  level: z.enum(['country', 'province', 'agency']).optional(),
  id: z.string().max(64).optional(),
  columns: z.enum(['group', 'competency']).default('group'),
  geography: z.enum(['current', 'historical']).default('current'),
});

/** A subtree (the caller's by default) by role category or position. */
export const dimensionQuery = z.strictObject({
  cycleId: z.uuid(),
  dimension: z.enum(['role_category', 'position']),
  agencyId: z.uuid().optional(),
  columns: z.enum(['group', 'competency']).default('group'),
});

export const agencyPeopleQuery = z.strictObject({ cycleId: z.uuid(), q: z.string().max(100).optional() });
export const personQuery = z.strictObject({ cycleId: z.uuid().optional() });
export const trendQuery = z.strictObject({ agencyId: z.uuid().optional() });
export const targetGroupQuery = z.strictObject({
  cycleId: z.uuid(),
  agencyId: z.uuid().optional(),
  minSize: z.coerce.number().int().min(1).max(100).default(5),
  maxSize: z.coerce.number().int().min(2).max(200).default(30),
  sharedShare: z.coerce.number().min(0.1).max(1).default(0.6),
});
export const reportQuery = z.strictObject({ cycleId: z.uuid(), agencyId: z.uuid().optional() });
export const idParams = z.strictObject({ id: z.uuid() });
