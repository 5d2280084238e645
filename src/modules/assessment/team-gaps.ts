/**
 * A leader's team gaps per competency, from consolidated results only (the
 * anonymity threshold of peers and subordinates is applied at consolidation:
 * docs/ANONYMITY.md), without I/O. Unit-tested in team-gaps.test.ts.
 */

export interface TeamResult {
  personId: string;
  competencyId: string;
  assessedLevel: number;
  requiredLevel: number | null;
}

export interface TeamGap {
  competencyId: string;
  /** Team members with a consolidated result on it. */
  people: number;
  /** Of them, below the level their position requires. */
  below: number;
  /** Mean of max(required − assessed, 0) over the members with a requirement; null without any. */
  meanGap: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Most people below first, then the largest mean gap; competencies nobody is below come last. */
export function teamGaps(results: readonly TeamResult[]): TeamGap[] {
  const by = new Map<string, { people: Set<string>; below: Set<string>; gapSum: number; required: number }>();
  for (const r of results) {
    const cell = by.get(r.competencyId) ?? { people: new Set(), below: new Set(), gapSum: 0, required: 0 };
    cell.people.add(r.personId);
    if (r.requiredLevel !== null) {
      cell.required += 1;
      const gap = r.requiredLevel - r.assessedLevel;
      if (gap > 0) {
        cell.below.add(r.personId);
        cell.gapSum += gap;
      }
    }
    by.set(r.competencyId, cell);
  }
  return [...by]
    .map(([competencyId, c]) => ({
      competencyId,
      people: c.people.size,
      below: c.below.size,
      meanGap: c.required === 0 ? null : round2(c.gapSum / c.required),
    }))
    .sort((a, b) => b.below - a.below || (b.meanGap ?? -1) - (a.meanGap ?? -1) || (a.competencyId < b.competencyId ? -1 : 1));
}

/** Forms done out of forms given, as a share (0 when nothing was given: nothing is late). */
export function completionShare(done: number, total: number): number {
  return total === 0 ? 0 : round2(done / total);
}
