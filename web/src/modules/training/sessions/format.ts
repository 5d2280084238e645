import { currentLanguage, intlLocale } from '../../../i18n';
import { formatDate, formatDong as formatMoney } from '../../../format/format';

/** A yyyy-mm-dd date: dd/mm/yyyy, the app's one date format (web/src/format). */
export const formatDay = (day: string): string => formatDate(day);

/** A meeting's time in Vietnam's zone, where sessions take place. */
export function formatMeeting(startsAt: string, endsAt: string): string {
  const zone = { timeZone: 'Asia/Ho_Chi_Minh', hour12: false } as const;
  const day = new Intl.DateTimeFormat(intlLocale(), { ...zone, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(startsAt),
  );
  const time = new Intl.DateTimeFormat(intlLocale(), { ...zone, hour: '2-digit', minute: '2-digit' });
  return `${day} ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

export const formatDong = (amount: number): string => formatMoney(amount, currentLanguage());

/** A yyyy-mm-dd day and hh:mm in Vietnam (UTC+7, no daylight saving) as an ISO instant. */
export function vietnamInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+07:00`).toISOString();
}

/** The hh:mm of an instant in Vietnam. */
export function vietnamTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(instant));
}

/** The yyyy-mm-dd day of an instant in Vietnam. */
export function vietnamDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}
