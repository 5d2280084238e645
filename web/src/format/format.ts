/**
 * How dates and numbers read on the pages, in the page's language: 3.011
 * người, 25,5 %, 02/12/2026 in Vietnamese; 3,011, 25.5%, 02/12/2026 in
 * English (en-GB: day first, like Vietnam). The server's twin is
 * src/platform/text/formats.ts: a page and its PDF or xlsx agree.
 * Pure functions of the language; pages use useFormat(), which follows the switch.
 */
export type FormatLanguage = 'vi' | 'en';

export const localeOf = (language: FormatLanguage) => (language === 'en' ? 'en-GB' : 'vi-VN');

const DASH = '—';
const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: FormatLanguage, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${language}:${minDigits}:${maxDigits}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits })));
  return format;
}

/** 3.011 (vi), 3,011 (en). */
export function formatCount(n: number | null | undefined, language: FormatLanguage): string {
  return missing(n) ? DASH : numberFormat(language, 0, 0).format(n);
}

/** At most `digits` decimals, trailing zeros dropped unless `fixed`: 2,5 (vi). */
export function formatNumber(n: number | null | undefined, language: FormatLanguage, digits = 2, fixed = false): string {
  return missing(n) ? DASH : numberFormat(language, fixed ? digits : 0, digits).format(n);
}

/** A share (0..1): 25,5 % (a no-break space before the sign, as Vietnamese writes it), 25.5% in English. */
export function formatPercent(share: number | null | undefined, language: FormatLanguage, digits = 1): string {
  if (missing(share)) return DASH;
  const number = numberFormat(language, 0, digits).format(share * 100);
  return language === 'en' ? `${number}%` : `${number}\u00a0%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * dd/mm/yyyy. An ISO calendar date (YYYY-MM-DD) is written as it is, never
 * through Date (which would read it as UTC midnight and show the day before
 * west of UTC); an instant shows the user's own day.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  }
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`;
}

/** dd/mm/yyyy hh:mm (24 h) in the user's zone. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return String(value);
  return `${formatDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Money in whole đồng: 1.500.000 ₫ (vi), ₫1,500,000 (en). */
export function formatDong(amount: number | null | undefined, language: FormatLanguage): string {
  if (missing(amount)) return DASH;
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}
