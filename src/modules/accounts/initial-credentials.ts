import { randomInt } from 'node:crypto';
import { foldForSearch, splitVietnameseName } from '../../platform/text/vietnamese.js';

/**
 * Usernames as Vietnamese offices write e-mail addresses: the given name, then
 * the initials of surname and middle names, without diacritics ("Nguyễn Thị
 * Lan" → "lannt"); a number is added when the name is taken (lannt2, lannt3).
 * A name with no Latin letter left falls back to the staff code.
 */
export function usernameBase(fullName: string, staffCode: string): string {
  const { surname, middle, given } = splitVietnameseName(fullName);
  const ascii = (text: string) => foldForSearch(text).replace(/[^a-z0-9 ]/g, '');
  const initials = [surname, ...middle.split(' ')].map((word) => ascii(word).charAt(0)).join('');
  const base = (ascii(given).replace(/ /g, '') + initials).slice(0, 50);
  if (base.length >= 3) return base;
  const code = staffCode.toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return (base + code).slice(0, 50).padEnd(3, '0');
}

/** The first of base, base2, base3 … that is neither in `taken` nor given out in this batch (it is added to `taken`). */
export function uniqueUsername(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

// No 0/O, 1/l/I: the sheet is read off paper and typed by hand.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A first password of 12 characters (about 70 bits) from crypto's generator, in groups of four to read aloud or type. */
export function initialPassword(): string {
  const chars = Array.from({ length: 12 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}
