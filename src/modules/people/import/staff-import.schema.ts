import { z } from 'zod';
import { calendarDate, timestamp } from '../../../platform/http/response-types.js';
import { gender, personStatus, roleCategory } from '../people.schema.js';
import { STAFF_IMPORT_FIELDS, type StaffImportField } from './staff-import.columns.js';

/** The answers of the staff import wizard (issue 13: one API contract). */

export const importField = z.enum(STAFF_IMPORT_FIELDS.map((f) => f.field) as [StaffImportField, ...StaffImportField[]]);

/** Why a row cannot be imported; the web app names each under `people.rowErrors`. */
export const rowErrorCode = z.enum([
  'required',
  'too_long',
  'unknown_agency',
  'agency_out_of_scope',
  'unknown_position',
  'position_not_in_agency',
  'duplicate_in_file',
  'staff_code_exists',
  'invalid_date',
  'date_out_of_range',
  'invalid_gender',
  'invalid_role_category',
  'invalid_status',
  'invalid_email',
]);

export const importPhase = z.enum(['reading', 'validating', 'ready', 'committing', 'committed', 'failed']);

/** Field → index of the file column that fills it. */
export const columnMapping = z.partialRecord(importField, z.number().int().min(0));

export const rowError = z.object({
  /** Row number as the spreadsheet shows it (header is row 1). */
  row: z.number().int(),
  field: importField,
  code: rowErrorCode,
  value: z.string(),
});

/** A valid row as the preview shows it: what will be inserted, without the search and sort keys. */
export const previewRow = z.object({
  row: z.number().int(),
  staffCode: z.string(),
  fullName: z.string(),
  dateOfBirth: calendarDate.nullable(),
  gender: gender.nullable(),
  agencyId: z.string(),
  positionId: z.string().nullable(),
  roleCategory: roleCategory.nullable(),
  rank: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: personStatus,
});

/** A cell of a re-imported row that differs from the register (codes for agencies and posts). */
export const fieldChange = z.object({ field: importField, before: z.string().nullable(), after: z.string().nullable() });

/** What committing the file does: new people, people it changes (the first 200, cell by cell), rows that repeat the register. */
export const importChanges = z.object({
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), staffCode: z.string(), fullName: z.string(), changes: z.array(fieldChange) })),
});

export const importJob = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']).nullable(),
  phase: importPhase,
  /** Progress of the current phase. */
  done: z.number().int(),
  total: z.number().int(),
  headers: z.array(z.string()),
  mapping: columnMapping,
  fields: z.array(z.object({ field: importField, vi: z.string(), en: z.string(), required: z.boolean() })),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  errorCount: z.number().int(),
  /** At most 200 from `errorsOffset`; the report has them all. */
  errors: z.array(rowError),
  preview: z.array(previewRow),
  changes: importChanges,
  imported: z.number().int(),
  failure: z.object({ code: z.string(), details: z.unknown().optional() }).nullable(),
  expiresAt: timestamp,
});
