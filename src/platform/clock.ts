/**
 * The app's one clock. Date rules (assessment windows, validity, effective
 * dates) are about the calendar day where the deployment is — Vietnam by
 * default — not the UTC day: `new Date().toISOString().slice(0, 10)` answers
 * yesterday between 00:00 and 07:00 in Hà Nội. Everything that needs "today"
 * or "now" asks here, so tests can move time and the zone is set once.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let zone = checkedTimeZone(process.env.TIME_ZONE || DEFAULT_TIME_ZONE);
let dayFormat = formatterFor(zone);
/** A fixed instant set by tests; null means the real time. */
let fixedInstant: Date | null = null;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // 'en-CA' formats a date as YYYY-MM-DD, the ISO order the database and API use.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
}

function checkedTimeZone(timeZone: string): string {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone} (use an IANA name such as ${DEFAULT_TIME_ZONE})`);
  }
  return timeZone;
}

/** The deployment's time zone (IANA name). */
export function timeZone(): string {
  return zone;
}

/** Sets the deployment's time zone (from AppConfig); refuses a name Intl does not know. */
export function setTimeZone(timeZone: string): void {
  zone = checkedTimeZone(timeZone);
  dayFormat = formatterFor(zone);
}

/** The current instant (the fixed one while a test holds the clock). */
export function now(): Date {
  return fixedInstant ? new Date(fixedInstant.getTime()) : new Date();
}

/** The calendar date of an instant in the deployment's zone, as YYYY-MM-DD. */
export function dateInZone(instant: Date): string {
  return dayFormat.format(instant);
}

/** Today's date in the deployment's zone, as YYYY-MM-DD. */
export function today(): string {
  return dateInZone(now());
}

/** For tests: hold the clock at an instant; `null` lets real time run again. */
export function setClock(instant: Date | string | null): void {
  if (instant === null) {
    fixedInstant = null;
    return;
  }
  const fixed = new Date(instant);
  if (Number.isNaN(fixed.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  fixedInstant = fixed;
}
