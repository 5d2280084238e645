import { detectFileFormat, type DetectedFile, type FileKind } from '../../../platform/files/detect-format.js';
import type { FrameworkFormat, ImportIssue } from '../document.js';
import { issue } from '../document.validate.js';
import { MOODLE_HEADERS, headerKey } from './moodle-csv.js';
import { FRAMEWORK_SHEET_NAMES } from './xlsx.js';

/**
 * Before any parser runs: does the file hold what the chosen format expects? If not, say
 * what it holds, what was expected, and which importer fits it, in both languages, instead
 * of a parser's own message ("Can't find end of central directory", "Invalid Opening Quote").
 */
const EXPECTED: Record<FrameworkFormat, { kinds: FileKind[]; vi: string; en: string }> = {
  xlsx: { kinds: ['xlsx'], vi: 'bảng tính Excel (xlsx) theo mẫu của NangLuc', en: "an Excel workbook (xlsx) in NangLuc's layout" },
  'moodle-csv': {
    kinds: ['csv'],
    vi: 'tệp CSV khung năng lực của Moodle (phân cách bằng dấu phẩy)',
    en: "Moodle's competency framework CSV (comma separated)",
  },
  case: { kinds: ['case-json'], vi: 'gói CASE 1.1 (JSON có CFDocument và CFItems)', en: 'a CASE 1.1 package (JSON with CFDocument and CFItems)' },
  digcomp: { kinds: ['digcomp-jsonld'], vi: 'tệp DigComp JSON-LD (có @graph)', en: 'a DigComp JSON-LD file (with @graph)' },
};

const FORMAT_NAME: Record<FrameworkFormat, string> = { xlsx: 'xlsx', 'moodle-csv': 'Moodle CSV', case: 'CASE 1.1', digcomp: 'DigComp JSON-LD' };

const isMoodleHeader = (header: string[]) => header.length >= MOODLE_HEADERS.length && headerKey(header[1] ?? '') === headerKey(MOODLE_HEADERS[1]);

/** The importer that fits a detected file, if any. */
export function suggestedFormat(file: DetectedFile): FrameworkFormat | null {
  if (file.kind === 'xlsx') return 'xlsx';
  if (file.kind === 'case-json') return 'case';
  if (file.kind === 'digcomp-jsonld') return 'digcomp';
  if (file.kind === 'csv' && file.delimiter === ',' && isMoodleHeader(file.header ?? [])) return 'moodle-csv';
  return null;
}

export async function checkFileFormat(format: FrameworkFormat, bytes: Buffer): Promise<ImportIssue | null> {
  const file = await detectFileFormat(bytes);
  const expected = EXPECTED[format];
  if (expected.kinds.includes(file.kind)) {
    if (format === 'moodle-csv' && file.delimiter !== ',')
      return issue(
        'file',
        `Tệp này là ${file.description.vi}; Moodle cần dấu phẩy giữa các cột. Hãy lưu lại dưới dạng "CSV (dấu phẩy)".`,
        `This file is ${file.description.en}; Moodle needs commas between columns. Save it again as "CSV (comma delimited)".`,
      );
    if (format === 'xlsx' && file.sheets && !file.sheets.some((name) => FRAMEWORK_SHEET_NAMES.includes(name)))
      return issue(
        'file',
        `Tệp này là ${file.description.vi}, không có trang nào của mẫu khung năng lực (${FRAMEWORK_SHEET_NAMES.join(', ')}).`,
        `This file is ${file.description.en}, and none of the framework workbook's sheets (${FRAMEWORK_SHEET_NAMES.join(', ')}).`,
      );
    return null;
  }
  const other = suggestedFormat(file);
  const hint = other
    ? { vi: ` Hãy chọn định dạng "${FORMAT_NAME[other]}".`, en: ` Choose the "${FORMAT_NAME[other]}" format.` }
    : {
        vi: ' NangLuc nhập bảng tính xlsx theo mẫu, CSV của Moodle, gói CASE 1.1 và DigComp JSON-LD.',
        en: " NangLuc imports its xlsx layout, Moodle's CSV, CASE 1.1 packages and DigComp JSON-LD.",
      };
  return issue(
    'file',
    `Tệp này là ${file.description.vi}, không phải ${expected.vi}.${hint.vi}`,
    `This file is ${file.description.en}, not ${expected.en}.${hint.en}`,
  );
}
