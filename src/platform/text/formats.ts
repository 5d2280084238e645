import { dateInZone, timeZone } from '../clock.js';
import type { Language } from '../i18n/language.js';

/**
 * How dates and numbers read in what the server produces (PDFs, xlsx, csv,
 * e-mails), in the reader's language: Vietnamese writes 3.011 người, 25,5 %
 * and 02/12/2026 (TCVN habits, Circular 01/2011/TT-BNV on administrative
 * documents); English follows en-GB, whose day-month order matches Vietnam's.
 * One module so that every export agrees, and the web app's twin
 * (web/src/format) answers the same.
 */

export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${language}:${minDigits}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    numberFormats.set(key, format);
  }
  return format;
}

const DASH = '—';
const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);

/** A whole count with its thousands separator: 3.011 (vi), 3,011 (en). */
export function formatCount(n: number | null | undefined, language: Language): string {
  return missing(n) ? DASH : numberFormat(language, 0, 0).format(n);
}

/** A measured number, at most `digits` decimals (trailing zeros dropped unless `fixed`): 2,5 (vi). */
export function formatNumber(n: number | null | undefined, language: Language, digits = 2, fixed = false): string {
  return missing(n) ? DASH : numberFormat(language, fixed ? digits : 0, digits).format(n);
}

/**
 * A share (0..1) as a percentage. Vietnamese puts a space before the sign
 * (25,5 %), a no-break one so the sign never wraps to the next line; English
 * writes 25.5%. The one percent style of the app.
 */
export function formatPercent(share: number | null | undefined, language: Language, digits = 1): string {
  if (missing(share)) return DASH;
  const number = numberFormat(language, 0, digits).format(share * 100);
  return language === 'en' ? `${number}%` : `${number}\u00a0%`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar day of an ISO date (or the day in the deployment's zone of an instant), as YYYY-MM-DD parts. */
function dayParts(value: string | Date): [string, string, string] | null {
  const iso = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : dateInZone(value)) : value;
  const m = ISO_DAY.exec(iso);
  return m ? [m[1]!, m[2]!, m[3]!] : null;
}

/** dd/mm/yyyy in both languages (en-GB writes the day first too). */
export function formatDate(value: string | Date | null | undefined, _language: Language = 'vi'): string {
  if (value === null || value === undefined || value === '') return DASH;
  const parts = dayParts(value);
  if (!parts) return String(value);
  const [y, m, d] = parts;
  return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy hh:mm, in the deployment's zone. */
export function formatDateTime(instant: Date | string | null | undefined, language: Language = 'vi'): string {
  if (instant === null || instant === undefined || instant === '') return DASH;
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) return String(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone(), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${formatDate(at, language)} ${time}`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The place and date line that closes an administrative document (Decree
 * 30/2020/NĐ-CP, Appendix I): "Hà Nội, ngày 02 tháng 12 năm 2026". The decree
 * puts a 0 before days below 10 and before months 1 and 2 only ("ngày 05
 * tháng 02", "ngày 05 tháng 3"), so that a month cannot be extended by hand
 * (1 → 11, 2 → 12). English: "Hà Nội, 2 December 2026". Without a place, the date alone.
 */
export function placeAndDate(place: string | null | undefined, day: string | Date, language: Language): string {
  const parts = dayParts(day);
  if (!parts) return place ?? '';
  const [y, m, d] = parts;
  const month = Number(m) <= 2 ? m : String(Number(m));
  const date = language === 'en' ? `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}` : `ngày ${d} tháng ${month} năm ${y}`;
  const where = place?.trim();
  if (!where) return language === 'en' ? date : date.charAt(0).toUpperCase() + date.slice(1);
  return `${where}, ${date}`;
}

/** The name a place and date line uses: "Hà Nội", not "Thành phố Hà Nội". */
export function shortPlaceName(fullName: string): string {
  return fullName.replace(/^(Thành phố|Tỉnh|TP\.?)\s+/iu, '').trim();
}
