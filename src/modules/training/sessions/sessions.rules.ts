import { timeZone } from '../../../platform/clock.js';

/**
 * Pure rules of sessions, enrolment and completion (no I/O), unit-tested in
 * sessions.rules.test.ts. Services call them and turn a violation into an
 * AppError naming the field.
 */

export interface SessionPlan {
  startsOn: string;
  endsOn: string;
  enrolOpensOn: string;
  enrolClosesOn: string;
  seats: number;
  meetings: ReadonlyArray<{ startsAt: string | Date; endsAt: string | Date }>;
}

export type PlanViolation =
  | { code: 'training_session_dates_invalid'; field: 'endsOn' }
  | { code: 'training_enrolment_window_invalid'; field: 'enrolClosesOn' }
  | { code: 'training_seats_below_enrolled'; field: 'seats'; enrolled: number }
  | { code: 'training_meeting_invalid'; field: string }
  | { code: 'training_meeting_outside_session'; field: string };

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day of an instant in the deployment's zone (a meeting at 06:30 in Hà Nội is on that day, not the UTC one before). */
export function localDay(instant: Date | string, zone = timeZone()): string {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}

/** The first thing wrong with a session's plan, or null. `enrolled` is how many hold a seat now. */
export function planViolation(plan: SessionPlan, enrolled: number): PlanViolation | null {
  if (plan.endsOn < plan.startsOn) return { code: 'training_session_dates_invalid', field: 'endsOn' };
  // The window must open before it closes, and close by the last day: nobody enrols into a finished session.
  if (plan.enrolClosesOn < plan.enrolOpensOn || plan.enrolClosesOn > plan.endsOn) return { code: 'training_enrolment_window_invalid', field: 'enrolClosesOn' };
  if (plan.seats < enrolled) return { code: 'training_seats_below_enrolled', field: 'seats', enrolled };
  for (const [i, meeting] of plan.meetings.entries()) {
    const start = new Date(meeting.startsAt);
    const end = new Date(meeting.endsAt);
    if (!(end > start)) return { code: 'training_meeting_invalid', field: `meetings.${i}.endsAt` };
    const firstDay = localDay(start);
    const lastDay = localDay(end);
    if (firstDay < plan.startsOn || lastDay > plan.endsOn) return { code: 'training_meeting_outside_session', field: `meetings.${i}.startsAt` };
  }
  return null;
}

/** Two sessions overlap when their date ranges share a day (both ends inclusive). */
export function datesOverlap(a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export function windowOpen(day: string, session: { enrolOpensOn: string; enrolClosesOn: string }): boolean {
  return session.enrolOpensOn <= day && day <= session.enrolClosesOn;
}

export interface CompletionInput {
  meetings: number;
  attended: number;
  /** Share of meetings to attend, 0–1 (the course's rule). */
  minAttendance: number;
  /** Score out of 100 to pass, null when the course has no examination. */
  passScore: number | null;
  score: number | null;
}

/**
 * The course's completion rule: attendance share ≥ min_attendance and, when the
 * course is examined, score ≥ pass_score (no score is a fail). A session
 * without meetings counts as fully attended: there was nothing to miss.
 */
export function completionResult(input: CompletionInput): { attendanceShare: number; completed: boolean } {
  const attendanceShare = input.meetings === 0 ? 1 : Math.round((input.attended / input.meetings) * 1000) / 1000;
  const attendedEnough = attendanceShare + 1e-9 >= input.minAttendance;
  const passed = input.passScore === null || (input.score !== null && input.score >= input.passScore);
  return { attendanceShare, completed: attendedEnough && passed };
}

/** A sheet's "present" cell: 1/0, x, yes/no, có/không, true/false; anything else is null (a row error). */
export function presentValue(cell: unknown): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const text = String(cell ?? '')
    .trim()
    .normalize('NFC')
    .toLowerCase();
  if (['1', 'x', 'yes', 'y', 'true', 'có', 'co', 'c', 'p', 'present', 'có mặt'].includes(text)) return true;
  if (['0', 'no', 'n', 'false', 'không', 'khong', 'k', 'a', 'absent', 'vắng'].includes(text)) return false;
  return null;
}

/** A sheet's meeting date: yyyy-mm-dd, dd/mm/yyyy or an Excel date cell (read as midnight UTC); null when it is none of these. */
export function meetingDateValue(cell: unknown): string | null {
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) return cell.toISOString().slice(0, 10);
  const text = String(cell ?? '').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
