import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { timestamp } from '../../platform/http/response-types.js';

const role = z.enum(ROLES);
/** At least 10 characters, as for a changed password (auth.routes.ts). */
const password = z.string().min(10).max(200);

export const accountListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const accountCreateBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(200),
  role,
  agencyId: z.uuid(),
  personId: z.uuid().nullish(),
  password,
});

export const accountUpdateBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200),
    role,
    agencyId: z.uuid(),
    personId: z.uuid().nullable(),
    active: z.boolean(),
  })
  .partial();

export const passwordResetBody = z.strictObject({ password });

export const account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  createdAt: timestamp,
  agencyId: z.string(),
  agencyName: z.string(),
  agencyPath: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  staffCode: z.string().nullable(),
});

export const accountList = z.object({ items: z.array(account), total: z.number().int(), assignableRoles: z.array(role).readonly() });

export const bulkAccountsBody = z
  .strictObject({
    personIds: z.array(z.uuid()).min(1).max(500).optional(),
    agencyId: z.uuid().optional(),
    role: role.default('civil_servant'),
    delivery: z.enum(['sheet', 'email']).default('sheet'),
  })
  .refine((b) => (b.personIds === undefined) !== (b.agencyId === undefined), { message: 'personIds or agencyId', path: ['personIds'] });

export const bulkAccountsAnswer = z.object({
  created: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      personId: z.string(),
      staffCode: z.string(),
      agencyName: z.string(),
      emailed: z.boolean(),
    }),
  ),
  skipped: z.array(z.object({ personId: z.string(), fullName: z.string(), staffCode: z.string(), reason: z.enum(['has_account']) })),
  emailed: z.number().int(),
  sheet: z.string().nullable().describe('Base64 PDF with the first passwords of those not e-mailed: shown once, never stored'),
});
