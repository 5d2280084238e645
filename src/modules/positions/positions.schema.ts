import { z } from 'zod';
import { ADMIN_TIERS, ROLE_CATEGORIES } from './positions.tables.js';

/** Request shapes of the positions API (strict objects: unknown fields are a 400). */

const requirement = z.strictObject({
  competencyId: z.uuid(),
  requiredLevel: z.number().int().min(1).max(8),
  criticality: z.number().int().min(1).max(3),
});

export const positionParams = z.strictObject({ id: z.uuid() });
export const listQuery = z.strictObject({
  search: z.string().max(200).optional(),
  agencyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const createBody = z.strictObject({
  agencyId: z.uuid().optional(),
  code: z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N}._\-/]+$/u),
  title: z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') }),
  roleCategory: z.enum(ROLE_CATEGORIES),
  tier: z.enum(ADMIN_TIERS),
  fromTemplate: z.boolean().default(true),
});
export const updateBody = z.strictObject({
  title: z.strictObject({ vi: z.string().trim().min(1).max(300), en: z.string().trim().max(300).default('') }),
  roleCategory: z.enum(ROLE_CATEGORIES),
  tier: z.enum(ADMIN_TIERS),
});
export const profileBody = z.strictObject({ requirements: z.array(requirement).max(2_000) });
export const matrixBody = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        positionId: z.uuid(),
        competencyId: z.uuid(),
        requiredLevel: z.number().int().min(1).max(8).nullable(),
        criticality: z.number().int().min(1).max(3).default(2),
      }),
    )
    .min(1)
    .max(20_000),
});
export const templateParams = z.strictObject({ role: z.enum(ROLE_CATEGORIES), tier: z.enum(ADMIN_TIERS) });
