/**
 * Which courses close a person's largest weighted gaps (issue 14, item 7).
 * Pure: the repository hands over the person's standings and the candidate
 * courses; this decides and explains.
 *
 * A course raises a competency from `fromLevel` to `toLevel`. It helps a
 * person whose level has reached its from-level (a course that starts above
 * where the person stands is not theirs yet) by the levels it adds below the
 * required level, weighted by the competency's criticality. Courses are chosen one at
 * a time, each against what the courses already chosen leave open, so two
 * courses covering the same range are not both recommended for it.
 */

export interface Standing {
  /** The competency's code: courses and results may use different versions of one framework. */
  competency: string;
  assessedLevel: number | null;
  requiredLevel: number | null;
  /** 1–3; blank counts as the middle (needs/gaps DEFAULT_CRITICALITY). */
  criticality: number;
}

export interface CandidateCourse {
  courseId: string;
  /** Institution and code: a completed earlier version counts as completed. */
  courseKey: string;
  costPerSeat: number;
  hours: number;
  competencies: ReadonlyArray<{ competency: string; fromLevel: number; toLevel: number }>;
}

export interface GapClosed {
  competency: string;
  assessedLevel: number;
  requiredLevel: number;
  /** Levels of this gap the course covers (after the courses ranked above it). */
  levels: number;
  criticality: number;
}

export interface Recommendation {
  courseId: string;
  /** Σ criticality × levels closed. */
  benefit: number;
  reasons: GapClosed[];
}

export interface RecommendOptions {
  /** Course keys the person has completed (any version). */
  completed: ReadonlySet<string>;
  /** Course keys the person holds a live enrolment in (not recommended twice). */
  enrolled?: ReadonlySet<string>;
  limit?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The person already holds the course's to-level in every competency it raises (an unknown level is not held). */
export function alreadyHeld(course: CandidateCourse, levels: ReadonlyMap<string, number | null>): boolean {
  return course.competencies.every((c) => {
    const held = levels.get(c.competency);
    return held !== null && held !== undefined && held >= c.toLevel;
  });
}

/** What is still open of one gap: the range from the level reached so far to the required level. */
export interface OpenGap {
  from: number;
  to: number;
  criticality: number;
  assessed: number;
  required: number;
}

/** A person's open gaps by competency (the annual plan, planning/, weighs seats by the same rule). */
export function openGaps(standings: readonly Standing[]): Map<string, OpenGap> {
  const open = new Map<string, OpenGap>();
  for (const s of standings) {
    if (s.assessedLevel === null || s.requiredLevel === null || s.requiredLevel <= s.assessedLevel) continue;
    open.set(s.competency, { from: s.assessedLevel, to: s.requiredLevel, criticality: s.criticality, assessed: s.assessedLevel, required: s.requiredLevel });
  }
  return open;
}

export function gapsClosed(course: Pick<CandidateCourse, 'competencies'>, open: ReadonlyMap<string, OpenGap>): GapClosed[] {
  const reasons: GapClosed[] = [];
  for (const c of course.competencies) {
    const gap = open.get(c.competency);
    if (!gap) continue;
    if (c.fromLevel > gap.from) continue;
    const levels = Math.min(c.toLevel, gap.to) - gap.from;
    if (levels > 0)
      reasons.push({
        competency: c.competency,
        assessedLevel: gap.assessed,
        requiredLevel: gap.required,
        levels: round2(levels),
        criticality: gap.criticality,
      });
  }
  return reasons;
}

const benefitOf = (reasons: readonly GapClosed[]) => round2(reasons.reduce((sum, r) => sum + r.levels * r.criticality, 0));

export function recommendCourses(standings: readonly Standing[], courses: readonly CandidateCourse[], options: RecommendOptions): Recommendation[] {
  const levels = new Map(standings.map((s) => [s.competency, s.assessedLevel]));
  const open = openGaps(standings);
  let candidates = courses.filter((c) => !options.completed.has(c.courseKey) && !options.enrolled?.has(c.courseKey) && !alreadyHeld(c, levels));
  const chosen: Recommendation[] = [];
  const limit = options.limit ?? 5;
  while (chosen.length < limit && open.size > 0) {
    let best: { course: CandidateCourse; reasons: GapClosed[]; benefit: number } | null = null;
    for (const course of candidates) {
      const reasons = gapsClosed(course, open);
      const benefit = benefitOf(reasons);
      if (benefit <= 0) continue;
      // Largest benefit; then the cheaper per unit of benefit; then fewer hours; then a stable order.
      if (
        !best ||
        benefit > best.benefit ||
        (benefit === best.benefit &&
          (course.costPerSeat < best.course.costPerSeat ||
            (course.costPerSeat === best.course.costPerSeat &&
              (course.hours < best.course.hours || (course.hours === best.course.hours && course.courseId < best.course.courseId)))))
      ) {
        best = { course, reasons, benefit };
      }
    }
    if (!best) break;
    chosen.push({ courseId: best.course.courseId, benefit: best.benefit, reasons: best.reasons });
    for (const r of best.reasons) {
      const gap = open.get(r.competency)!;
      const raisedTo = gap.from + r.levels;
      if (raisedTo >= gap.to) open.delete(r.competency);
      else open.set(r.competency, { ...gap, from: raisedTo });
    }
    const picked = best.course.courseKey;
    candidates = candidates.filter((c) => c.courseKey !== picked);
  }
  return chosen;
}
