import ExcelJS from 'exceljs';
import {
  GROUP_KINDS,
  cleanText,
  type Competency,
  type CompetencyGroup,
  type FrameworkDocument,
  type GroupKind,
  type ImportIssue,
  type ParseResult,
  type ScaleLevel,
} from '../document.js';
import { issue, validateFramework } from '../document.validate.js';
import { foldForSearch } from '../../../platform/text/vietnamese.js';
import { reviveSpreadsheetText, safeRow } from '../../../platform/export/spreadsheet-safe.js';

/**
 * A workbook an HR officer can read and edit in Excel: one sheet per part of
 * the framework, Vietnamese headers, one row per thing. Sheets and columns are
 * found by their (accent-insensitive) header text, so reordering columns or
 * retyping a header without diacritics still imports.
 *
 * Text that would start a formula once an officer edits the cell in Excel
 * (= + - @, tab, CR) is written with a leading apostrophe, like every export
 * (platform/export/spreadsheet-safe.ts). The prefix is reversible and
 * `cellText` removes it, so this format still re-imports its own export
 * unchanged; only a person reading such a cell in Excel sees the apostrophe.
 */

const KIND_LABEL: Record<GroupKind, string> = { core: 'Cốt lõi', functional: 'Chuyên môn', technical: 'Kỹ thuật' };

const SHEETS = {
  framework: { name: 'Khung năng lực', columns: ['Thuộc tính', 'Giá trị'] },
  levels: { name: 'Thang đo', columns: ['Mức', 'Tên mức (tiếng Việt)', 'Tên mức (tiếng Anh)', 'Mô tả (tiếng Việt)', 'Mô tả (tiếng Anh)'] },
  groups: {
    name: 'Nhóm năng lực',
    columns: ['Mã nhóm', 'Loại nhóm', 'Tên nhóm (tiếng Việt)', 'Tên nhóm (tiếng Anh)', 'Mô tả (tiếng Việt)', 'Mô tả (tiếng Anh)'],
  },
  competencies: {
    name: 'Năng lực',
    columns: ['Mã năng lực', 'Mã nhóm', 'Mã năng lực cha', 'Tên năng lực (tiếng Việt)', 'Tên năng lực (tiếng Anh)', 'Mô tả (tiếng Việt)', 'Mô tả (tiếng Anh)'],
  },
  indicators: { name: 'Chỉ báo hành vi', columns: ['Mã năng lực', 'Mức', 'Chỉ báo (tiếng Việt)', 'Chỉ báo (tiếng Anh)'] },
} as const;

/** The sheets a framework workbook has, for telling another workbook apart (format-check.ts). */
export const FRAMEWORK_SHEET_NAMES: readonly string[] = Object.values(SHEETS).map((s) => s.name);

const FRAMEWORK_KEYS = ['Mã khung', 'Tên (tiếng Việt)', 'Tên (tiếng Anh)', 'Mô tả (tiếng Việt)', 'Mô tả (tiếng Anh)', 'Nguồn và giấy phép'] as const;

export async function serializeXlsx(doc: FrameworkDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'NangLuc';
  const sheet = (def: { name: string; columns: readonly string[] }, widths: number[], rows: Array<Array<string | number>>) => {
    const ws = book.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = def.columns.map((header, i) => ({ header, width: widths[i] ?? 30 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0FA' } };
    for (const row of rows) ws.addRow(safeRow(row)).alignment = { wrapText: true, vertical: 'top' };
    return ws;
  };
  sheet(
    SHEETS.framework,
    [24, 100],
    [
      [FRAMEWORK_KEYS[0], doc.code],
      [FRAMEWORK_KEYS[1], doc.name.vi],
      [FRAMEWORK_KEYS[2], doc.name.en],
      [FRAMEWORK_KEYS[3], doc.description.vi],
      [FRAMEWORK_KEYS[4], doc.description.en],
      [FRAMEWORK_KEYS[5], doc.attribution],
    ],
  );
  sheet(
    SHEETS.levels,
    [8, 24, 24, 60, 60],
    doc.levels.map((l) => [l.level, l.name.vi, l.name.en, l.description.vi, l.description.en]),
  );
  const groups = sheet(
    SHEETS.groups,
    [14, 14, 40, 40, 60, 60],
    doc.groups.map((g) => [g.code, KIND_LABEL[g.kind], g.name.vi, g.name.en, g.description.vi, g.description.en]),
  );
  // A drop-down for the group kind: the value an HR officer types is always one we read.
  for (let r = 2; r <= Math.max(doc.groups.length + 1, 200); r++) {
    groups.getCell(r, 2).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${Object.values(KIND_LABEL).join(',')}"`] };
  }
  sheet(
    SHEETS.competencies,
    [14, 12, 16, 40, 40, 60, 60],
    doc.competencies.map((c) => [c.code, c.groupCode, c.parentCode ?? '', c.name.vi, c.name.en, c.description.vi, c.description.en]),
  );
  sheet(
    SHEETS.indicators,
    [14, 8, 70, 70],
    doc.competencies.flatMap((c) => c.indicators.map((i) => [c.code, i.level, i.text.vi, i.text.en])),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  return reviveSpreadsheetText(rawCellText(value));
}

function rawCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cleanText(value.result instanceof Date ? value.result.toISOString() : value.result);
    if ('text' in value) return cleanText(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('error' in value) return '';
  }
  return cleanText(value);
}

const key = (header: string) => foldForSearch(header).replace(/[^a-z0-9]/g, '');
const where = (sheet: string, row: number) => `${sheet}, dòng ${row} / row ${row}`;

interface ReadSheet {
  rows: Array<{ row: number; get(column: string): string }>;
}

function readSheet(book: ExcelJS.Workbook, def: { name: string; columns: readonly string[] }, issues: ImportIssue[]): ReadSheet {
  const ws = book.worksheets.find((w) => key(w.name) === key(def.name));
  if (!ws) {
    issues.push(issue(def.name, `Thiếu trang tính "${def.name}".`, `The sheet "${def.name}" is missing.`));
    return { rows: [] };
  }
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => header.set(key(cellText(cell.value)), col));
  const missing = def.columns.filter((c) => !header.has(key(c)));
  if (missing.length > 0) {
    issues.push(issue(where(def.name, 1), `Thiếu cột: ${missing.join(', ')}.`, `Missing columns: ${missing.join(', ')}.`));
    return { rows: [] };
  }
  const rows: ReadSheet['rows'] = [];
  ws.eachRow((row, number) => {
    if (number === 1) return;
    const values = def.columns.map((c) => cellText(row.getCell(header.get(key(c))!).value));
    if (values.every((v) => v === '')) return;
    rows.push({ row: number, get: (column) => values[def.columns.indexOf(column)] ?? '' });
  });
  return { rows };
}

/** The group kind a cell names, or the cell's text as written when it names none (the validator reports it). */
function parseKind(value: string): string {
  const folded = key(value);
  for (const kind of GROUP_KINDS) if (folded === kind || folded === key(KIND_LABEL[kind])) return kind;
  return value;
}

export async function parseXlsx(input: Buffer | ArrayBuffer): Promise<ParseResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(input as ArrayBuffer);
  } catch (err) {
    return {
      ok: false,
      issues: [
        issue('(file)', `Không đọc được tệp Excel (.xlsx): ${(err as Error).message}`, `The Excel (.xlsx) file cannot be read: ${(err as Error).message}`),
      ],
    };
  }
  const issues: ImportIssue[] = [];
  const fw = readSheet(book, SHEETS.framework, issues);
  const lv = readSheet(book, SHEETS.levels, issues);
  const gr = readSheet(book, SHEETS.groups, issues);
  const co = readSheet(book, SHEETS.competencies, issues);
  const ind = readSheet(book, SHEETS.indicators, issues);
  if (issues.length > 0) return { ok: false, issues };

  const props = new Map(fw.rows.map((r) => [key(r.get('Thuộc tính')), r.get('Giá trị')]));
  const prop = (k: string) => props.get(key(k)) ?? '';
  const levels: ScaleLevel[] = lv.rows.map((r) => {
    const level = Number(r.get('Mức'));
    if (!Number.isInteger(level))
      issues.push(issue(where(SHEETS.levels.name, r.row), `Mức "${r.get('Mức')}" không phải số nguyên.`, `Level "${r.get('Mức')}" is not a whole number.`));
    return {
      level,
      name: { vi: r.get('Tên mức (tiếng Việt)'), en: r.get('Tên mức (tiếng Anh)') },
      description: { vi: r.get('Mô tả (tiếng Việt)'), en: r.get('Mô tả (tiếng Anh)') },
    };
  });
  const groups: CompetencyGroup[] = gr.rows.map((r) => ({
    code: r.get('Mã nhóm'),
    kind: parseKind(r.get('Loại nhóm')) as GroupKind,
    name: { vi: r.get('Tên nhóm (tiếng Việt)'), en: r.get('Tên nhóm (tiếng Anh)') },
    description: { vi: r.get('Mô tả (tiếng Việt)'), en: r.get('Mô tả (tiếng Anh)') },
  }));
  const competencies: Competency[] = co.rows.map((r) => ({
    code: r.get('Mã năng lực'),
    groupCode: r.get('Mã nhóm'),
    parentCode: r.get('Mã năng lực cha') || null,
    name: { vi: r.get('Tên năng lực (tiếng Việt)'), en: r.get('Tên năng lực (tiếng Anh)') },
    description: { vi: r.get('Mô tả (tiếng Việt)'), en: r.get('Mô tả (tiếng Anh)') },
    indicators: [],
  }));
  const byCode = new Map(competencies.map((c) => [c.code, c]));
  const indicatorRows = new Map<string, number[]>();
  for (const r of ind.rows) {
    const target = byCode.get(r.get('Mã năng lực'));
    const level = Number(r.get('Mức'));
    if (!target) {
      issues.push(
        issue(
          where(SHEETS.indicators.name, r.row),
          `Mã năng lực "${r.get('Mã năng lực')}" không có trong trang "${SHEETS.competencies.name}".`,
          `Competency code "${r.get('Mã năng lực')}" is not on the "${SHEETS.competencies.name}" sheet.`,
        ),
      );
      continue;
    }
    target.indicators.push({ level: Number.isInteger(level) ? level : NaN, text: { vi: r.get('Chỉ báo (tiếng Việt)'), en: r.get('Chỉ báo (tiếng Anh)') } });
    indicatorRows.set(target.code, [...(indicatorRows.get(target.code) ?? []), r.row]);
  }
  const doc: FrameworkDocument = {
    code: prop(FRAMEWORK_KEYS[0]),
    name: { vi: prop(FRAMEWORK_KEYS[1]), en: prop(FRAMEWORK_KEYS[2]) },
    description: { vi: prop(FRAMEWORK_KEYS[3]), en: prop(FRAMEWORK_KEYS[4]) },
    attribution: prop(FRAMEWORK_KEYS[5]),
    levels,
    groups,
    competencies,
  };
  const found = validateFramework(doc, {
    framework: () => SHEETS.framework.name,
    level: (i) => where(SHEETS.levels.name, lv.rows[i]?.row ?? 0),
    group: (i) => where(SHEETS.groups.name, gr.rows[i]?.row ?? 0),
    competency: (i) => where(SHEETS.competencies.name, co.rows[i]?.row ?? 0),
    indicator: (c, k) => where(SHEETS.indicators.name, indicatorRows.get(competencies[c]!.code)?.[k] ?? 0),
  });
  // Every independent error in one pass: what the sheets' reading found, then the rules, except at a place already reported.
  const all = [...issues, ...found.filter((f) => !issues.some((i) => i.location === f.location))];
  return all.length > 0 ? { ok: false, issues: all } : { ok: true, document: doc };
}
