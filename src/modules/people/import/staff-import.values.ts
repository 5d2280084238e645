import { foldForSearch } from '../../../platform/text/vietnamese.js';
import type { Gender, PersonStatus, RoleCategory } from '../people.tables.js';

// Readers for the cell values HR offices actually type: Vietnamese or English
// words, dd/mm/yyyy dates, Excel date cells and serial numbers.

const GENDERS: Record<string, Gender> = { nam: 'male', male: 'male', m: 'male', nu: 'female', female: 'female', f: 'female', khac: 'other', other: 'other' };
const ROLE_CATEGORIES: Record<string, RoleCategory> = {
  'lanh dao': 'leader',
  leader: 'leader',
  'quan ly': 'manager',
  manager: 'manager',
  'chuyen mon': 'professional',
  'chuyen vien': 'professional',
  'chuyen mon nghiep vu': 'professional',
  professional: 'professional',
  'ho tro': 'support',
  'ho tro phuc vu': 'support',
  'phuc vu': 'support',
  support: 'support',
};
const STATUSES: Record<string, PersonStatus> = {
  'dang lam viec': 'active',
  'dang cong tac': 'active',
  active: 'active',
  'nghi phep': 'on_leave',
  'tam nghi': 'on_leave',
  on_leave: 'on_leave',
  'on leave': 'on_leave',
  'da chuyen cong tac': 'transferred',
  'chuyen cong tac': 'transferred',
  transferred: 'transferred',
  'nghi huu': 'retired',
  'da nghi huu': 'retired',
  retired: 'retired',
};

const lookup =
  <T>(table: Record<string, T>) =>
  (raw: string): T | undefined =>
    table[foldForSearch(raw)];
export const readGender = lookup(GENDERS);
export const readRoleCategory = lookup(ROLE_CATEGORIES);
export const readStatus = lookup(STATUSES);

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A date cell as ISO yyyy-mm-dd, or undefined when it is not a real calendar date.
 * A date in a file is a calendar date, not an instant: exceljs gives Date cells
 * as UTC midnight of that day and a serial counts whole days, so reading them
 * in UTC (toISOString) returns the written day whatever the server's or the
 * app's time zone. Do not use the app's clock (src/platform/clock.ts) here:
 * in Asia/Ho_Chi_Minh it would be the same day, in a zone west of UTC the day before.
 */
export function readDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // Excel serial day (1900 system): 25569 is 1970-01-01.
    if (!Number.isFinite(value) || value < 1 || value > 100000) return undefined;
    return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 10);
  }
  const text = String(value ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Vietnamese writes day first: 05/03/1980 is 5 March.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/** The text of a cell: exceljs gives rich text, hyperlinks and formulas as objects. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A Date cell is UTC midnight of the written day (see readDate).
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}
