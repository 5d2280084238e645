/**
 * The user's own calendar day as YYYY-MM-DD, offset by whole days. Local date
 * parts, not toISOString(): that is the UTC day, which in Vietnam is
 * yesterday until 07:00. Adding days through the Date constructor keeps
 * month ends and leap years right.
 */
export function todayIso(offsetDays = 0): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
