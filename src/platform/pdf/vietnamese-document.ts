/**
 * Vietnamese figures and the place-and-date line of printed reports. A small
 * stand-in for the project's formatting module (being built on another branch):
 * Intl 'vi-VN' gives "." for thousands and "," for decimals.
 */

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export const viInteger = (n: number): string => integer.format(n);

export const viDecimal = (n: number, digits = 2): string => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A share (0–1) as "25,5 %" (the space before % as Vietnamese typesetting writes it). */
export const viPercent = (share: number): string => `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** yyyy-mm-dd → dd/mm/yyyy. */
export const viDate = (isoDay: string): string => isoDay.slice(0, 10).split('-').reverse().join('/');

/**
 * "Hà Nội, ngày 02 tháng 12 năm 2026": Decree 30/2020/NĐ-CP writes days
 * below 10 and the months January and February with a leading zero (so no
 * digit can be added to the date later), other months without.
 */
export function placeAndDateLine(place: string, isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}
