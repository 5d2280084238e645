// Normalisation and folding live in fold.ts, which the web app imports too.
export { foldForSearch, normalizeVietnamese } from './fold.js';
import { normalizeVietnamese } from './fold.js';
import { escapeLike } from './like.js';

/** A user's search text as a SQL LIKE pattern matching it anywhere (used with the default `\` escape). */
export function likePattern(folded: string): string {
  return '%' + escapeLike(folded) + '%';
}

/** One collator for the process: constructing Intl.Collator is costly in sort loops. */
export const vietnameseCollator = new Intl.Collator('vi');

export interface VietnameseNameParts {
  surname: string;
  middle: string;
  given: string;
}

/**
 * Vietnamese order is surname – middle – given ("Nguyễn Văn An"): the first word
 * is the surname, the last the given name. Compound surnames ("Tôn Nữ") are rare
 * enough in the civil-service register that we do not guess them.
 */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  const words = normalizeVietnamese(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { surname: '', middle: '', given: '' };
  if (words.length === 1) return { surname: '', middle: '', given: words[0]! };
  return { surname: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

/**
 * Vietnamese lists (staff rolls, exam lists) sort by given name, then middle
 * name, then surname — sorting by surname would put 38 % of people under "Nguyễn".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const pa = splitVietnameseName(a);
  const pb = splitVietnameseName(b);
  return (
    vietnameseCollator.compare(pa.given, pb.given) || vietnameseCollator.compare(pa.middle, pb.middle) || vietnameseCollator.compare(pa.surname, pb.surname)
  );
}

// ---- A sort key a database can compare bytewise (ORDER BY key COLLATE "C") ----
// Neither PGlite nor every PostgreSQL build has an ICU 'vi' collation, so we
// precompute a key that orders like Intl.Collator('vi'): all primary weights
// (letters, with ă â đ ê ô ơ ư as letters of their own), then tone marks
// (none < huyền < hỏi < ngã < sắc < nặng), then case (lower first).

const PRIMARY_ORDER = [
  ' ',
  "'",
  '-',
  '.',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const PRIMARY_WEIGHT = new Map(PRIMARY_ORDER.map((ch, i) => [ch, String.fromCharCode(0x21 + i)]));
const LETTER_MODIFIERS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
const TONE_WEIGHT: Record<string, string> = {
  '\u0300': 'b', // huyền
  '\u0309': 'c', // hỏi
  '\u0303': 'd', // ngã
  '\u0301': 'e', // sắc
  '\u0323': 'f', // nặng
};
const LEVEL_SEPARATOR = '\u0002';
const FIELD_SEPARATOR = '\u0001';

/** Collation key of one string; keys compare (code point order) like Intl.Collator('vi'). */
export function vietnameseSortKey(text: string): string {
  const decomposed = normalizeVietnamese(text).normalize('NFD');
  let primary = '';
  let secondary = '';
  let tertiary = '';
  let i = 0;
  while (i < decomposed.length) {
    const ch = decomposed[i]!;
    let j = i + 1;
    const marks: string[] = [];
    while (j < decomposed.length && /[\u0300-\u036f]/.test(decomposed[j]!)) marks.push(decomposed[j++]!);
    i = j;
    const lower = ch.toLowerCase();
    let letter = lower;
    let tone = 'a';
    for (const mark of marks) {
      const modified = LETTER_MODIFIERS[mark]?.[letter];
      if (modified) letter = modified;
      else if (TONE_WEIGHT[mark]) tone = TONE_WEIGHT[mark]!;
    }
    // Characters outside the alphabet sort after it, among themselves by code point.
    primary += PRIMARY_WEIGHT.get(letter) ?? String.fromCodePoint(0x3000 + (letter.codePointAt(0) ?? 0));
    secondary += tone;
    tertiary += ch === lower ? 'a' : 'b';
  }
  return primary + LEVEL_SEPARATOR + secondary + LEVEL_SEPARATOR + tertiary;
}

/** Sort key of a person's name: given name, then middle name, then surname. */
export function nameSortKey(fullName: string): string {
  const { surname, middle, given } = splitVietnameseName(fullName);
  return [given, middle, surname].map(vietnameseSortKey).join(FIELD_SEPARATOR);
}
