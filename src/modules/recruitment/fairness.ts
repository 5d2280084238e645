/**
 * The fairness view of a campaign, without I/O: how each panel member rates compared with the others. Each
 * member's own sheets are turned into fit scores (as if they alone had rated), and each of their levels is compared
 * with the median of the other members' levels for the same application, stage and competency. A member whose
 * levels lie on average a level or more from the others' is flagged, and the sign says harsher or more lenient.
 */
import { max, mean, median, min, standardDeviation } from 'simple-statistics';
import { fitScore, type ProfileRequirement } from './fit-score.js';

/** Mean absolute distance (levels) from the others' median at which a member is flagged. */
export const FAR_FROM_OTHERS = 1;

export interface MemberSheet {
  userId: string;
  applicationId: string;
  stageId: string;
  levels: ReadonlyMap<string, number>;
}

export interface MemberFairness {
  userId: string;
  sheets: number;
  fits: { count: number; mean: number; median: number; sd: number; min: number; max: number } | null;
  /** Levels compared with at least one other member's. */
  compared: number;
  /** Mean of (own − others' median): negative harsher, positive more lenient. */
  meanDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  flag: 'far_from_others' | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function memberFairness(sheets: readonly MemberSheet[], profileOf: (applicationId: string) => readonly ProfileRequirement[]): MemberFairness[] {
  const byKey = new Map<string, Array<{ userId: string; level: number }>>();
  for (const s of sheets) {
    for (const [competencyId, level] of s.levels) {
      const key = `${s.applicationId}|${s.stageId}|${competencyId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { userId: s.userId, level }]);
    }
  }
  const members = [...new Set(sheets.map((s) => s.userId))].sort();
  return members.map((userId) => {
    const own = sheets.filter((s) => s.userId === userId);
    const fits = own.map((s) => fitScore(profileOf(s.applicationId), s.levels).score);
    const deviations: number[] = [];
    for (const s of own) {
      for (const [competencyId, level] of s.levels) {
        const others = byKey.get(`${s.applicationId}|${s.stageId}|${competencyId}`)!.filter((r) => r.userId !== userId);
        if (others.length) deviations.push(level - median(others.map((r) => r.level)));
      }
    }
    const mad = deviations.length ? round2(mean(deviations.map(Math.abs))) : null;
    return {
      userId,
      sheets: own.length,
      fits: fits.length
        ? { count: fits.length, mean: round2(mean(fits)), median: round2(median(fits)), sd: round2(standardDeviation(fits)), min: min(fits), max: max(fits) }
        : null,
      compared: deviations.length,
      meanDeviation: deviations.length ? round2(mean(deviations)) : null,
      meanAbsoluteDeviation: mad,
      flag: mad !== null && mad >= FAR_FROM_OTHERS ? 'far_from_others' : null,
    };
  });
}
