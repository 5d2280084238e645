/**
 * Accent folding, written once for the server, the web app (which imports this
 * file: keep it free of imports and of Node) and SQL (vietnamese-sql.ts builds
 * its translate() table from VIETNAMESE_ACCENTED and foldForSearch below).
 */

/**
 * Unicode NFC: the same Vietnamese word typed on two keyboards compares equal.
 * Legacy fonts and old name lists write Đ as the Icelandic eth (Ð U+00D0, ð U+00F0),
 * which looks identical but never matches: we replace it.
 */
export function normalizeVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00d0/g, '\u0110')
    .replace(/\u00f0/g, '\u0111')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Search key: lower case, diacritics removed, đ → d, so "nguyen van a" finds
 * "Nguyễn Văn A" and "Hoà"/"Hòa" match.
 */
export function foldForSearch(text: string): string {
  return normalizeVietnamese(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The vowels of the Vietnamese alphabet, the five tone marks (with none first). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/**
 * Every Vietnamese letter that folding changes, in NFC, lower and upper case:
 * each vowel with each tone (bare a e i o u y left out: they fold to themselves) and đ.
 */
export const VIETNAMESE_ACCENTED: string = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).filter((ch) => ch !== foldForSearch(ch)), 'đ']
  .flatMap((ch) => [ch, ch.toUpperCase()])
  .join('');
