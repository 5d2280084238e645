import type { z } from 'zod';
import { reviveSpreadsheetText } from '../../../platform/export/spreadsheet-safe.js';
import { foldForSearch, nameSortKey, normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import type { StaffRow } from '../people.bulk.js';
import type { ColumnMapping, StaffImportField } from './staff-import.columns.js';
import type { rowErrorCode } from './staff-import.schema.js';
import { positionFitsAgency, type CataloguePosition } from '../positions.lookup.js';
import { cellText, readDate, readGender, readRoleCategory, readStatus } from './staff-import.values.js';
import { keepUnmapped, type ExistingPerson, type FieldChange } from './staff-import.changes.js';

export type RowErrorCode = z.infer<typeof rowErrorCode>;

export interface RowError {
  /** Row number as the spreadsheet shows it (header is row 1). */
  row: number;
  field: StaffImportField;
  code: RowErrorCode;
  value: string;
}

/** A row that passed every check: what the bulk insert takes, plus its row number in the file. */
export interface ValidStaffRow extends StaffRow {
  row: number;
  /** The person a row of an exported register updates; null or absent for a new person. */
  personId?: string | null;
  /** The codes as written, for the preview of changes. */
  agencyCode?: string;
  positionCode?: string | null;
  /** For an update: what it changes (empty when the row repeats the register). */
  changes?: FieldChange[];
}

export interface ImportLookups {
  /** Agency code (upper case) → id and path. */
  agencies: Map<string, { id: string; path: string }>;
  /** Position code (upper case) → position; null when no positions module is installed. */
  positions: Map<string, CataloguePosition> | null;
  /** Staff codes taken by people the importer may not update (another agency's): refused. */
  existingStaffCodes: Set<string>;
  /** People of the importer's scope, by staff code: their rows are updates (a re-imported export). */
  existingPeople?: Map<string, ExistingPerson>;
  /** Whether the importing user may write into an agency path. */
  inScope: (agencyPath: string) => boolean;
  /** Today's date (ISO), for the plausibility window of birth dates. */
  today: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

/**
 * Checks every row and reports every problem at once (not only the first), so
 * an HR officer fixes the file in one pass. Pure: the caller loads the lookups.
 */
export function validateStaffRows(rows: unknown[][], mapping: ColumnMapping, lookups: ImportLookups, firstRowNumber = 2) {
  const valid: ValidStaffRow[] = [];
  const errors: RowError[] = [];
  const seenCodes = new Map<string, number>();
  const minBirth = `${Number(lookups.today.slice(0, 4)) - 80}${lookups.today.slice(4)}`;
  const maxBirth = `${Number(lookups.today.slice(0, 4)) - 15}${lookups.today.slice(4)}`;

  rows.forEach((cells, index) => {
    const row = firstRowNumber + index;
    const raw = (field: StaffImportField): unknown => (mapping[field] === undefined ? undefined : cells[mapping[field]]);
    // Revived: a cell our own export neutralised ('+84…) reads back as it was written.
    const text = (field: StaffImportField) => reviveSpreadsheetText(normalizeVietnamese(cellText(raw(field))));
    if (Object.values(mapping).every((i) => cellText(cells[i]).trim() === '')) return; // blank line
    const rowErrors: RowError[] = [];
    const fail = (field: StaffImportField, code: RowErrorCode, value = text(field)) => rowErrors.push({ row, field, code, value });

    for (const field of ['staffCode', 'fullName', 'agencyCode'] as const) if (!text(field)) fail(field, 'required');
    for (const field of ['staffCode', 'fullName', 'rank', 'email', 'phone'] as const)
      if (text(field).length > MAX_TEXT) fail(field, 'too_long', text(field).slice(0, 40));

    const staffCode = text('staffCode').toUpperCase();
    if (staffCode) {
      const firstSeen = seenCodes.get(staffCode);
      if (firstSeen !== undefined) fail('staffCode', 'duplicate_in_file', `${staffCode} (${firstSeen})`);
      else seenCodes.set(staffCode, row);
      if (lookups.existingStaffCodes.has(staffCode)) fail('staffCode', 'staff_code_exists');
    }

    const agencyCode = text('agencyCode').toUpperCase();
    const agency = agencyCode ? lookups.agencies.get(agencyCode) : undefined;
    if (agencyCode && !agency) fail('agencyCode', 'unknown_agency');
    else if (agency && !lookups.inScope(agency.path)) fail('agencyCode', 'agency_out_of_scope');

    let positionId: string | null = null;
    const positionCode = text('positionCode').toUpperCase();
    if (positionCode) {
      const position = lookups.positions?.get(positionCode);
      if (!position) fail('positionCode', 'unknown_position');
      else if (agency && !positionFitsAgency(position, agency.path)) fail('positionCode', 'position_not_in_agency');
      else positionId = position.id;
    }

    let dateOfBirth: string | null = null;
    if (text('dateOfBirth')) {
      dateOfBirth = readDate(raw('dateOfBirth')) ?? null;
      if (!dateOfBirth) fail('dateOfBirth', 'invalid_date');
      else if (dateOfBirth < minBirth || dateOfBirth > maxBirth) fail('dateOfBirth', 'date_out_of_range', dateOfBirth);
    }
    const gender = text('gender') ? readGender(text('gender')) : null;
    if (gender === undefined) fail('gender', 'invalid_gender');
    const roleCategory = text('roleCategory') ? readRoleCategory(text('roleCategory')) : null;
    if (roleCategory === undefined) fail('roleCategory', 'invalid_role_category');
    const existing = staffCode ? lookups.existingPeople?.get(staffCode) : undefined;
    const status = text('status') ? readStatus(text('status')) : (existing?.status ?? 'active');
    if (status === undefined) fail('status', 'invalid_status');
    const email = text('email') || null;
    if (email && !EMAIL.test(email)) fail('email', 'invalid_email');

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const fullName = text('fullName');
    const validRow: ValidStaffRow = {
      row,
      staffCode,
      fullName,
      searchName: foldForSearch(fullName),
      sortKey: nameSortKey(fullName),
      dateOfBirth,
      gender: gender ?? null,
      agencyId: agency!.id,
      positionId,
      roleCategory: roleCategory ?? null,
      rank: text('rank') || null,
      email,
      phone: text('phone') || null,
      status: status ?? 'active',
      agencyCode,
      positionCode: positionCode || null,
    };
    valid.push(existing ? keepUnmapped(validRow, existing, (field) => mapping[field] !== undefined) : validRow);
  });
  return { valid, errors };
}
