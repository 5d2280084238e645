import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';

// The platform's one date type: the copy here threw "Invalid time value" on ' ' (a 500).
export { isoDate };
export const gender = z.enum(['male', 'female', 'other']);
export const roleCategory = z.enum(['leader', 'manager', 'professional', 'support']);
export const personStatus = z.enum(['active', 'on_leave', 'transferred', 'retired']);

export const peopleListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  agencyId: z.uuid().optional(),
  status: personStatus.optional(),
  sort: z.enum(['name', 'staffCode']).default('name'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const personFields = {
  fullName: z.string().trim().min(1).max(200),
  dateOfBirth: isoDate.nullish(),
  gender: gender.nullish(),
  roleCategory: roleCategory.nullish(),
  rank: z.string().trim().max(200).nullish(),
  email: z.email().max(200).nullish(),
  phone: z.string().trim().max(40).nullish(),
};

export const personCreateBody = z.strictObject({
  staffCode: z.string().trim().min(1).max(40),
  agencyId: z.uuid(),
  positionId: z.uuid().nullish(),
  status: personStatus.default('active'),
  startDate: isoDate.optional(),
  ...personFields,
});

// A correction names at least one field: an empty one would write an audit record of nothing.
export const personUpdateBody = z
  .strictObject({
    fullName: personFields.fullName.optional(),
    dateOfBirth: personFields.dateOfBirth,
    gender: personFields.gender,
    email: personFields.email,
    phone: personFields.phone,
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'Name at least one field to change' });

export const personTransferBody = z.strictObject({
  agencyId: z.uuid(),
  positionId: z.uuid().nullish(),
  roleCategory: roleCategory.nullish(),
  rank: z.string().trim().max(200).nullish(),
  effectiveDate: isoDate,
});

export const personStatusBody = z.strictObject({ status: personStatus, effectiveDate: isoDate });
export const idParams = z.strictObject({ id: z.uuid() });
