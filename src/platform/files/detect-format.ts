import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/**
 * What a file holds, judged from its bytes and never from its name or the format the
 * user picked, so every importer can say "this is a PDF, a CSV was expected" instead
 * of passing on a library's message ("Can't find end of central directory").
 */
export type FileKind =
  | 'empty'
  | 'xlsx'
  | 'ods'
  | 'docx'
  | 'zip'
  | 'xls'
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'case-json'
  | 'digcomp-jsonld'
  | 'json'
  | 'broken-json'
  | 'csv'
  | 'text'
  | 'binary';

export interface DetectedFile {
  kind: FileKind;
  /** xlsx: the sheet names, in order. */
  sheets?: string[];
  /** csv: the delimiter, the first row's cells and how many there are. */
  delimiter?: string;
  header?: string[];
  /** One sentence for the user, in both languages: what the file is. */
  description: { vi: string; en: string };
}

const DELIMITERS: Array<[string, string, string]> = [
  [',', 'dấu phẩy', 'commas'],
  [';', 'dấu chấm phẩy', 'semicolons'],
  ['\t', 'dấu tab', 'tabs'],
  ['|', 'dấu gạch đứng', 'vertical bars'],
];

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const shortList = (items: string[], max = 6) => (items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', '));

/**
 * The formats told by a fixed signature at the start (old Office, PDF, PNG, JPEG), synchronously:
 * enough for callers that accept only those (an application's documents), null for anything else.
 */
export function detectBySignature(bytes: Buffer): DetectedFile | null {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'xls', description: { vi: 'tệp Excel/Word đời cũ (.xls, .doc)', en: 'an old-style Excel or Word file (.xls, .doc)' } };
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', description: { vi: 'tài liệu PDF', en: 'a PDF document' } };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', description: { vi: 'ảnh PNG', en: 'a PNG image' } };
  // Every JPEG starts with the start-of-image marker followed by another marker.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', description: { vi: 'ảnh JPEG', en: 'a JPEG image' } };
  return null;
}

export async function detectFileFormat(bytes: Buffer): Promise<DetectedFile> {
  if (bytes.length === 0 || /^\s*$/.test(bytes.subarray(0, 4096).toString('utf8'))) {
    return { kind: 'empty', description: { vi: 'tệp rỗng', en: 'an empty file' } };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes);
  const signed = detectBySignature(bytes);
  if (signed) return signed;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // Text has no NUL and decodes without replacement characters the original did not have.
  if (text.includes('\u0000') || (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD')))) {
    return { kind: 'binary', description: { vi: 'dữ liệu nhị phân không rõ loại', en: 'binary data of an unknown kind' } };
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = detectJson(trimmed);
    if (json) return json;
  }
  return detectDelimited(text);
}

async function detectZip(bytes: Buffer): Promise<DetectedFile> {
  // Entry names are stored in clear in a zip's headers: enough to tell the office formats apart.
  const names = bytes.toString('latin1');
  if (names.includes('word/document.xml')) return { kind: 'docx', description: { vi: 'văn bản Word (.docx)', en: 'a Word document (.docx)' } };
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet'))
    return { kind: 'ods', description: { vi: 'bảng tính OpenDocument (.ods)', en: 'an OpenDocument spreadsheet (.ods)' } };
  if (names.includes('xl/workbook.xml')) {
    try {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheets = book.worksheets.map((s) => s.name);
      return {
        kind: 'xlsx',
        sheets,
        description: { vi: `bảng tính Excel (xlsx) có các trang: ${shortList(sheets)}`, en: `an Excel workbook (xlsx) with the sheets: ${shortList(sheets)}` },
      };
    } catch {
      return { kind: 'xlsx', sheets: [], description: { vi: 'bảng tính Excel (xlsx) bị hỏng', en: 'a damaged Excel workbook (xlsx)' } };
    }
  }
  return { kind: 'zip', description: { vi: 'tệp nén ZIP', en: 'a ZIP archive' } };
}

function detectJson(text: string): DetectedFile | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Not JSON after all if it does not close like JSON (a CSV whose first cell starts with a brace).
    if (!/[}\]]\s*$/.test(text)) return null;
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position ? text.slice(0, Number(position)).split('\n').length : null;
    const where = line ? { vi: ` gần dòng ${line}`, en: ` near line ${line}` } : { vi: '', en: '' };
    return { kind: 'broken-json', description: { vi: `tệp JSON bị lỗi cú pháp${where.vi}`, en: `a JSON file with a syntax error${where.en}` } };
  }
  const object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (object && ('CFDocument' in object || 'CFItems' in object || 'CFPackage' in object))
    return { kind: 'case-json', description: { vi: 'gói CASE 1.1 (JSON)', en: 'a CASE 1.1 package (JSON)' } };
  if (object && ('@graph' in object || '@context' in object))
    return { kind: 'digcomp-jsonld', description: { vi: 'tệp JSON-LD (kiểu DigComp)', en: 'a JSON-LD file (DigComp style)' } };
  return { kind: 'json', description: { vi: 'tệp JSON', en: 'a JSON file' } };
}

function detectDelimited(text: string): DetectedFile {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  // The delimiter found the same number of times on most of the first lines (quotes aside).
  const counts = DELIMITERS.map(([d]) => lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1));
  let best = -1;
  let bestScore = 0;
  counts.forEach((perLine, i) => {
    const first = perLine[0] ?? 0;
    const steady = perLine.filter((n) => n === first).length;
    const score = first > 0 ? steady * 100 + first : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best < 0) {
    const first = lines[0]?.slice(0, 60) ?? '';
    return { kind: 'text', description: { vi: `văn bản thường (dòng đầu: "${first}")`, en: `plain text (first line: "${first}")` } };
  }
  const [delimiter, vi, en] = DELIMITERS[best]!;
  let header: string[];
  try {
    const records: string[][] = parse(lines[0]!, { delimiter, relax_quotes: true, relax_column_count: true });
    header = records[0] ?? [];
  } catch {
    header = lines[0]!.split(delimiter);
  }
  header = header.map((h) => h.trim());
  return {
    kind: 'csv',
    delimiter,
    header,
    description: {
      vi: `tệp CSV phân cách bằng ${vi}, ${header.length} cột: ${shortList(header)}`,
      en: `a CSV file separated by ${en}, ${header.length} columns: ${shortList(header)}`,
    },
  };
}
