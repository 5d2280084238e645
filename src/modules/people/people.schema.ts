import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';
import { calendarDate, page } from '../../platform/http/response-types.js';

// The platform's one date type: the copy here threw "Invalid time value" on ' ' (a 500).
export { isoDate };
export const gender = z.enum(['male', 'female', 'other']);
export const roleCategory = z.enum(['leader', 'manager', 'professional', 'support']);
export const personStatus = z.enum(['active', 'on_leave', 'transferred', 'retired']);
/** Why an assignment row was opened (person_assignments.reason). */
export const assignmentReason = z.enum(['hired', 'import', 'transfer', 'status_change', 'reorganisation', 'correction']);

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

// ---- Answers (issue 13: one API contract), mirroring the columns the repository selects. ----

/** A person as `personColumns` (people.repository.ts) reads them; the post is null when none is held. */
export const person = z.object({
  id: z.string(),
  staffCode: z.string(),
  fullName: z.string(),
  dateOfBirth: calendarDate.nullable(),
  gender: gender.nullable(),
  roleCategory: roleCategory.nullable(),
  rank: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: personStatus,
  positionId: z.string().nullable(),
  positionCode: z.string().nullable(),
  positionTitle: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyPath: z.string(),
});

export const personList = page(person);

/** One post of a person's history, with the unit of its own date and what that unit is today. */
export const assignment = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  positionId: z.string().nullable(),
  positionTitle: z.string().nullable(),
  roleCategory: roleCategory.nullable(),
  rank: z.string().nullable(),
  status: personStatus,
  validFrom: calendarDate,
  validTo: calendarDate.nullable(),
  reason: assignmentReason,
  adminUnitId: z.string().nullable(),
  adminUnitName: z.string().nullable(),
  currentUnitName: z.string().nullable(),
  currentProvinceName: z.string().nullable(),
});

export const personDetail = person.extend({ assignments: z.array(assignment) });
