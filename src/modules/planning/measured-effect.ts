/**
 * Issue 15, item 2: once a course's effect is measured (issue 16), a seat's
 * benefit counts the levels its trainees actually gained rather than the
 * levels the catalogue promises. The factor is measured gain ÷ nominal gain,
 * capped at 1 (a course is never credited beyond closing the gap it was
 * chosen for) and floored at 0 (a course shown to lower levels brings nothing).
 * A course with groups too small to conclude keeps its nominal levels.
 */
export interface MeasuredGain {
  gain: number | null;
  verdict: 'raised' | 'lowered' | 'no_difference' | 'too_small';
}

/** The share of its nominal levels a course delivers (1: as promised, or not measured yet). */
export function realisation(competencies: ReadonlyArray<{ fromLevel: number; toLevel: number }>, measured: MeasuredGain | undefined): number {
  if (!measured || measured.verdict === 'too_small' || measured.gain === null || competencies.length === 0) return 1;
  const nominal = competencies.reduce((sum, c) => sum + Math.max(0, c.toLevel - c.fromLevel), 0) / competencies.length;
  if (nominal <= 0) return 1;
  return Math.round(Math.min(1, Math.max(0, measured.gain / nominal)) * 10_000) / 10_000;
}
