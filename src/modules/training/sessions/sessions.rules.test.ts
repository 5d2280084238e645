import { describe, expect, it } from 'vitest';
import { completionResult, datesOverlap, localDay, meetingDateValue, planViolation, presentValue, windowOpen } from './sessions.rules.js';

const plan = { startsOn: '2026-03-02', endsOn: '2026-03-04', enrolOpensOn: '2026-02-01', enrolClosesOn: '2026-02-25', seats: 20, meetings: [] };

describe('session plan', () => {
  it('accepts a plan whose window closes before the end and meetings fall within the dates', () => {
    expect(planViolation({ ...plan, meetings: [{ startsAt: '2026-03-02T01:00:00Z', endsAt: '2026-03-02T04:00:00Z' }] }, 0)).toBeNull();
  });
  it('names the field of each violation', () => {
    expect(planViolation({ ...plan, endsOn: '2026-03-01' }, 0)?.field).toBe('endsOn');
    expect(planViolation({ ...plan, enrolClosesOn: '2026-03-05' }, 0)?.code).toBe('training_enrolment_window_invalid');
    expect(planViolation({ ...plan, enrolOpensOn: '2026-02-26' }, 0)?.field).toBe('enrolClosesOn');
    expect(planViolation({ ...plan, seats: 4 }, 5)).toEqual({ code: 'training_seats_below_enrolled', field: 'seats', enrolled: 5 });
    expect(planViolation({ ...plan, meetings: [{ startsAt: '2026-03-02T04:00:00Z', endsAt: '2026-03-02T01:00:00Z' }] }, 0)?.field).toBe('meetings.0.endsAt');
    expect(planViolation({ ...plan, meetings: [{ startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T02:00:00Z' }] }, 0)).toEqual({
      code: 'training_meeting_outside_session',
      field: 'meetings.0.startsAt',
    });
  });
  it('places a meeting on its day in Hà Nội, not the UTC day', () => {
    // 23:30 UTC on 1 March is 06:30 on 2 March in Hà Nội: inside a session starting on 2 March.
    expect(localDay('2026-03-01T23:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('2026-03-02');
    expect(planViolation({ ...plan, meetings: [{ startsAt: '2026-03-01T23:30:00Z', endsAt: '2026-03-02T01:00:00Z' }] }, 0)).toBeNull();
  });
});

describe('overlap and window', () => {
  it('sessions sharing a day overlap; adjacent ones do not', () => {
    expect(datesOverlap({ startsOn: '2026-03-01', endsOn: '2026-03-03' }, { startsOn: '2026-03-03', endsOn: '2026-03-05' })).toBe(true);
    expect(datesOverlap({ startsOn: '2026-03-01', endsOn: '2026-03-03' }, { startsOn: '2026-03-04', endsOn: '2026-03-05' })).toBe(false);
    expect(datesOverlap({ startsOn: '2026-03-02', endsOn: '2026-03-02' }, { startsOn: '2026-03-01', endsOn: '2026-03-05' })).toBe(true);
  });
  it('the window includes both ends', () => {
    expect(windowOpen('2026-02-01', plan)).toBe(true);
    expect(windowOpen('2026-02-25', plan)).toBe(true);
    expect(windowOpen('2026-02-26', plan)).toBe(false);
  });
});

describe('completion rule', () => {
  it('needs the attendance share and, when examined, the pass score', () => {
    expect(completionResult({ meetings: 5, attended: 4, minAttendance: 0.8, passScore: null, score: null })).toEqual({ attendanceShare: 0.8, completed: true });
    expect(completionResult({ meetings: 5, attended: 3, minAttendance: 0.8, passScore: null, score: null }).completed).toBe(false);
    expect(completionResult({ meetings: 5, attended: 5, minAttendance: 0.8, passScore: 50, score: 49.5 }).completed).toBe(false);
    expect(completionResult({ meetings: 5, attended: 5, minAttendance: 0.8, passScore: 50, score: null }).completed).toBe(false);
    expect(completionResult({ meetings: 5, attended: 5, minAttendance: 0.8, passScore: 50, score: 50 }).completed).toBe(true);
    expect(completionResult({ meetings: 3, attended: 2, minAttendance: 2 / 3, passScore: null, score: null }).completed).toBe(true);
  });
});

describe('sheet cells', () => {
  it('reads present marks in Vietnamese and English', () => {
    expect(['x', 'Có', '1', 'yes'].map(presentValue)).toEqual([true, true, true, true]);
    expect(['0', 'không', 'No', ''].map(presentValue)).toEqual([false, false, false, null]);
    expect(presentValue(2)).toBeNull();
  });
  it('reads meeting dates and refuses impossible ones', () => {
    expect(meetingDateValue('2026-03-02')).toBe('2026-03-02');
    expect(meetingDateValue('2/3/2026')).toBe('2026-03-02');
    expect(meetingDateValue(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
    expect(meetingDateValue('2026-02-30')).toBeNull();
    expect(meetingDateValue('hôm qua')).toBeNull();
  });
});
