import { parse } from 'csv-parse/sync';
import {
  GROUP_KINDS,
  cleanText,
  emptyText,
  type Competency,
  type CompetencyGroup,
  type FrameworkDocument,
  type GroupKind,
  type ImportIssue,
  type Indicator,
  type LocalizedText,
  type ParseResult,
  type ScaleLevel,
} from '../document.js';
import { issue, validateFramework, type Locator } from '../document.validate.js';
import { decodeEntities, fromMultilang } from './html-text.js';
import { MOODLE_HEADERS, decodeItem, headerKey } from './moodle-csv.js';
import { moodleExtras, rowLosses, scaleSettings, type ScaleSettings } from './moodle-csv-extras.js';
import { reviveSpreadsheetText } from '../../../platform/export/spreadsheet-safe.js';

/** Reading Moodle competency-framework CSV (the layout is described in moodle-csv.ts). */
interface ReadDescription {
  description: LocalizedText;
  kind: GroupKind | null;
  attribution: string;
  indicators: Indicator[];
}

function readDescription(html: string): ReadDescription {
  const kind = /<p class="nangluc-kind">([a-z]+)<\/p>/.exec(html)?.[1];
  const attribution = /<p class="nangluc-attribution">([\s\S]*?)<\/p>/.exec(html)?.[1];
  const indicators = [...html.matchAll(/<dd data-level="(\d+)">([\s\S]*?)<\/dd>/g)].map((m) => ({
    level: Number(m[1]),
    text: fromMultilang(m[2]!),
  }));
  const ours = /<p class="nangluc-description">([\s\S]*?)<\/p>/.exec(html);
  const marked = kind !== undefined || attribution !== undefined || indicators.length > 0 || ours !== null;
  // A description written elsewhere is plain HTML: keep its text, in both languages.
  const description = ours ? fromMultilang(ours[1]!) : marked ? emptyText() : fromMultilang(html);
  return {
    description,
    kind: kind && (GROUP_KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : null,
    attribution: attribution ? cleanText(decodeEntities(attribution)) : '',
    indicators,
  };
}

const found = (header: string[] | undefined) => {
  const cells = (header ?? []).map((h) => `"${cleanText(h).slice(0, 40)}"`);
  return cells.length > 8 ? `${cells.slice(0, 8).join(', ')}, …` : cells.join(', ');
};
const rowLabel = (row: number) => ({ vi: `dòng ${row}`, en: `row ${row}` });
const at = (row: number) => `${rowLabel(row).vi} / ${rowLabel(row).en}`;

export function parseMoodleCsv(input: string | Buffer): ParseResult {
  const source = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    // Our export prefixes text that would start a formula with an apostrophe; read the original text back.
    records = parse(source, { relax_column_count: true, skip_empty_lines: true }).map((r) => r.map(reviveSpreadsheetText));
  } catch (err) {
    // csv-parse's own text ("Invalid Opening Quote: a quote is found on field 0 at line 2") is not for users.
    const line = (err as { lines?: number }).lines;
    return {
      ok: false,
      issues: [
        issue(
          line ? at(line) : 'file',
          'Tệp CSV bị lỗi cú pháp: một dấu ngoặc kép (") nằm giữa ô hoặc mở mà không đóng.',
          'The CSV file is malformed: a double quote (") stands inside a cell or is opened and never closed.',
        ),
      ],
    };
  }
  const issues: ImportIssue[] = [];
  const header = records[0];
  if (
    !header ||
    header.length < MOODLE_HEADERS.length ||
    !MOODLE_HEADERS.every(
      (h, i) =>
        headerKey(h) === headerKey(header[i] ?? '') ||
        (i === 2 && headerKey(header[i] ?? '') === 'shortname') ||
        (i === 10 && headerKey(header[i] ?? '') === 'crossreferencedcompetencyidnumbers'),
    )
  ) {
    return {
      ok: false,
      issues: [
        issue(
          at(1),
          `Dòng tiêu đề không đúng mẫu Moodle: có ${header?.length ?? 0} cột (${found(header)}), cần đủ ${MOODLE_HEADERS.length} cột: ${MOODLE_HEADERS.join(', ')}.`,
          `The header row is not Moodle's: it has ${header?.length ?? 0} columns (${found(header)}); expected ${MOODLE_HEADERS.length} columns: ${MOODLE_HEADERS.join(', ')}.`,
        ),
      ],
    };
  }

  let frameworkRow: { row: number; cells: string[] } | null = null;
  const nodes: Array<{ row: number; parent: string; code: string; name: LocalizedText; read: ReadDescription }> = [];
  const seen = new Map<string, number>();
  // Moodle features NangLuc does not model: imported without them, and said so.
  const notKept: ImportIssue[] = [];
  const exportIds: Record<string, string> = {};
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (k: number) => cleanText(cells[k] ?? '');
    if (/^(1|true|yes)$/i.test(get(12))) {
      if (frameworkRow)
        issues.push(
          issue(
            at(row),
            `Chỉ được có một dòng khung năng lực (đã có ở dòng ${frameworkRow.row}).`,
            `Only one framework row is allowed (already one at row ${frameworkRow.row}).`,
          ),
        );
      else frameworkRow = { row, cells };
      return;
    }
    const code = get(1);
    if (!code) {
      issues.push(issue(at(row), 'Thiếu "ID number".', 'The "ID number" is missing.'));
      return;
    }
    if (seen.has(code)) {
      issues.push(issue(at(row), `ID number "${code}" trùng với dòng ${seen.get(code)}.`, `ID number "${code}" repeats row ${seen.get(code)}.`));
      return;
    }
    seen.set(code, row);
    notKept.push(...rowLosses(at(row), code, get));
    if (get(11)) exportIds[code] = get(11);
    nodes.push({ row, parent: get(0), code, name: fromMultilang(get(2)), read: readDescription(cells[3] ?? '') });
  });
  if (!frameworkRow) issues.push(issue('file', 'Không có dòng khung năng lực ("Is framework" = 1).', 'No framework row ("Is framework" = 1).'));
  for (const node of nodes) {
    if (node.parent && !seen.has(node.parent)) {
      issues.push(issue(at(node.row), `Không tìm thấy "Parent ID number" "${node.parent}".`, `"Parent ID number" "${node.parent}" was not found.`));
    }
  }
  if (issues.length > 0 || !frameworkRow) return { ok: false, issues };
  const fw: { row: number; cells: string[] } = frameworkRow;
  const { levels, settings } = readScale(fw.cells[5] ?? '', fw.cells[6] ?? '', fw.row, issues);
  const fwDescription = readDescription(fw.cells[3] ?? '');

  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const rootOf = (code: string): string => {
    let cursor = byCode.get(code);
    for (let guard = 0; cursor && cursor.parent && guard < 100; guard++) cursor = byCode.get(cursor.parent);
    return cursor?.code ?? code;
  };
  const groups: CompetencyGroup[] = [];
  const competencies: Competency[] = [];
  const locations: { group: number[]; competency: number[] } = { group: [], competency: [] };
  for (const node of nodes) {
    if (!node.parent) {
      locations.group.push(node.row);
      groups.push({ code: node.code, kind: node.read.kind ?? 'functional', name: node.name, description: node.read.description });
    }
  }
  // Competencies in group order, then file order, as they are displayed.
  for (const group of groups) {
    for (const node of nodes) {
      if (!node.parent || rootOf(node.code) !== group.code) continue;
      locations.competency.push(node.row);
      competencies.push({
        code: node.code,
        groupCode: group.code,
        parentCode: node.parent === group.code ? null : node.parent,
        name: node.name,
        description: node.read.description,
        indicators: node.read.indicators,
      });
    }
  }
  const doc: FrameworkDocument = {
    code: cleanText(fw.cells[1]),
    name: fromMultilang(cleanText(fw.cells[2])),
    description: fwDescription.description,
    attribution: fwDescription.attribution,
    levels,
    groups,
    competencies,
  };
  const taxonomies = cleanText(fw.cells[13] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const moodle = moodleExtras(doc, { taxonomies, scale: settings, exportIds });
  if (moodle) doc.moodle = moodle;
  const locator: Locator = {
    framework: () => at(fw.row),
    level: () => at(fw.row),
    group: (i) => at(locations.group[i] ?? 0),
    competency: (i) => at(locations.competency[i] ?? 0),
    indicator: (c) => at(locations.competency[c] ?? 0),
  };
  issues.push(...validateFramework(doc, locator));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document: doc, warnings: notKept };
}

function readScale(valuesCell: string, configCell: string, row: number, issues: ImportIssue[]): { levels: ScaleLevel[]; settings: ScaleSettings } {
  const values = cleanText(valuesCell)
    ? cleanText(valuesCell)
        .split(',')
        .map((v) => cleanText(decodeItem(v)))
    : [];
  let entries: unknown[] = [];
  if (cleanText(configCell)) {
    try {
      const parsed: unknown = JSON.parse(configCell);
      if (Array.isArray(parsed)) entries = parsed;
      else throw new Error('not an array');
    } catch {
      issues.push(issue(at(row), '"Scale configuration" không phải JSON hợp lệ.', '"Scale configuration" is not valid JSON.'));
    }
  }
  const settings = scaleSettings(entries);
  if (values.length === 0) {
    issues.push(issue(at(row), 'Dòng khung năng lực thiếu "Scale values".', 'The framework row has no "Scale values".'));
    return { levels: [], settings };
  }
  // Moodle lists only the levels it configures, each by its 1-based "id"; our export lists every level.
  type Entry = { id?: unknown; name?: Partial<LocalizedText>; description?: Partial<LocalizedText> };
  const byLevel = new Map<number, Entry>();
  entries.slice(1).forEach((raw, i) => {
    const entry = (raw ?? {}) as Entry;
    byLevel.set(Number(entry.id ?? i + 1), entry);
  });
  const levels = values.map((value, i) => {
    const more = byLevel.get(i + 1) ?? {};
    const name = more.name && typeof more.name === 'object' ? { vi: cleanText(more.name.vi), en: cleanText(more.name.en) } : { vi: value, en: value };
    const description =
      more.description && typeof more.description === 'object' ? { vi: cleanText(more.description.vi), en: cleanText(more.description.en) } : emptyText();
    return { level: i + 1, name, description };
  });
  return { levels, settings };
}
