/**
 * Text users typed ends up in files other people open in Excel or LibreOffice.
 * A CSV cell (or a cell retyped in a workbook) that starts with = + - @, a tab
 * or a carriage return is read as a formula: `=HYPERLINK(...)` leaks data,
 * `=cmd|' /C calc'!A0` runs a program (OWASP "CSV injection"). Every CSV and
 * xlsx writer passes its text cells through here.
 *
 * Neutralising prefixes one apostrophe, the spreadsheet convention for "this
 * is text". Numbers stay numbers: only strings are touched, so a real -3 in a
 * numeric column is still -3.
 *
 * The prefix is reversible, so our own importers read back exactly what was
 * exported: a text is prefixed when it matches /^'*[=+\-@\t\r]/ (apostrophes,
 * then a formula character) and `reviveSpreadsheetText` removes one apostrophe
 * from a text matching /^'+[=+\-@\t\r]/. Every text maps to one cell and back.
 */

const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** The characters a spreadsheet reads as the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseText(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** Inverse of neutraliseText, for importers of files we export. */
export function reviveSpreadsheetText(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}

/** A cell value for a workbook: strings neutralised, numbers, dates, booleans and empties as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}

/** A row of workbook cells, each through safeCell. */
export function safeRow<T extends readonly unknown[]>(cells: T): unknown[] {
  return cells.map(safeCell);
}

/** An object row (exceljs `sheet.addRow({ key: value })`), each value through safeCell. */
export function safeRecord<T extends Record<string, unknown>>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, safeCell(v)]));
}

/** One CSV field: neutralised when it is text, quoted (RFC 4180) when it holds a quote, separator or line break. */
export function csvField(value: unknown): string {
  const text = typeof value === 'string' ? neutraliseText(value) : String(value ?? '');
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line ending). */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvField).join(',');
}

/**
 * A Content-Disposition header value (RFC 6266, RFC 5987) for a file name that
 * may hold Vietnamese letters or text a user typed: an ASCII `filename=` for
 * old clients and `filename*=UTF-8''…` with the real name. Neither can carry a
 * quote, a line break, a path separator or a leading formula character, so the
 * header cannot be split, the file cannot land outside the download folder and
 * the saved name does not start a formula.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const unicode = cleanFileName(fileName.normalize('NFC'));
  const ascii = cleanFileName(
    unicode
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '_'),
  );
  const encoded = encodeURIComponent(unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return unicode === ascii ? `${type}; filename="${ascii}"` : `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function cleanFileName(name: string): string {
  const cleaned = name
    // Control characters (CR/LF split headers), quotes and path separators become underscores.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, '_')
    // A leading dot hides the file, a leading formula character starts a formula where the name is shown.
    .replace(/^[\s.=+\-@'_]+/, '')
    .trim();
  return cleaned === '' ? 'download' : cleaned;
}
