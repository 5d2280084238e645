/**
 * Pure rules of the course catalogue (no I/O): what a course may claim to
 * raise, whether its prerequisites loop, and whether an edit changes its
 * content (a published course's content change makes a new version).
 * Tested in course-rules.test.ts.
 */

export const COURSE_FORMATS = ['online', 'classroom', 'blended', 'simulation', 'on_the_job', 'job_rotation'] as const;
export type CourseFormatCode = (typeof COURSE_FORMATS)[number];

export interface CompetencyTarget {
  competencyId: string;
  fromLevel: number;
  toLevel: number;
}

/** Why a course's content is refused; `field` names the input as the client sent it. */
export interface CourseIssue {
  field: string;
  code:
    | 'training_level_outside_scale'
    | 'training_competency_other_version'
    | 'training_level_order'
    | 'training_duplicate_competency'
    | 'training_prerequisite_cycle'
    | 'training_prerequisite_unknown';
}

/**
 * Every competency must belong to the course's framework version; levels lie
 * within that version's scale (from 0 = not yet, to at most level_count), and a
 * course raises a level: to > from.
 */
export function checkCompetencyTargets(
  targets: readonly CompetencyTarget[],
  version: { levelCount: number; competencyIds: ReadonlySet<string> },
): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const at = `competencies.${i}`;
    if (!version.competencyIds.has(t.competencyId)) issues.push({ field: `${at}.competencyId`, code: 'training_competency_other_version' });
    if (seen.has(t.competencyId)) issues.push({ field: `${at}.competencyId`, code: 'training_duplicate_competency' });
    seen.add(t.competencyId);
    if (t.fromLevel < 0 || t.fromLevel >= version.levelCount) issues.push({ field: `${at}.fromLevel`, code: 'training_level_outside_scale' });
    if (t.toLevel < 1 || t.toLevel > version.levelCount) issues.push({ field: `${at}.toLevel`, code: 'training_level_outside_scale' });
    else if (t.toLevel <= t.fromLevel) issues.push({ field: `${at}.toLevel`, code: 'training_level_order' });
  });
  return issues;
}

/**
 * Would `courseId` requiring `prerequisiteIds` close a loop? `edges` maps each
 * other course to its own prerequisites. Returns the loop (course ids, starting
 * and ending at courseId) or null.
 */
export function findPrerequisiteCycle(courseId: string, prerequisiteIds: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const visited = new Set<string>();
  const walk = (node: string, path: string[]): string[] | null => {
    if (node === courseId) return [...path, node];
    if (visited.has(node)) return null;
    visited.add(node);
    for (const next of edges.get(node) ?? []) {
      const found = walk(next, [...path, node]);
      if (found) return found;
    }
    return null;
  };
  for (const first of prerequisiteIds) {
    const found = walk(first, [courseId]);
    if (found) return found;
  }
  return null;
}

/** What makes a course version: a change of any of it on a published course is a new version. */
export interface CourseContent {
  title: string;
  titleEn: string;
  description: string;
  format: CourseFormatCode;
  hours: number;
  costPerSeat: number;
  frameworkVersionId: string;
  minAttendance: number;
  passScore: number | null;
  competencies: readonly CompetencyTarget[];
  prerequisiteIds: readonly string[];
}

/** Order-free comparison of two contents (competencies and prerequisites are sets). */
export function sameCourseContent(a: CourseContent, b: CourseContent): boolean {
  const targets = (c: CourseContent) =>
    [...c.competencies]
      .map((t) => `${t.competencyId}:${t.fromLevel}:${t.toLevel}`)
      .sort()
      .join('|');
  const prereqs = (c: CourseContent) => [...new Set(c.prerequisiteIds)].sort().join('|');
  return (
    a.title === b.title &&
    a.titleEn === b.titleEn &&
    a.description === b.description &&
    a.format === b.format &&
    Number(a.hours) === Number(b.hours) &&
    Number(a.costPerSeat) === Number(b.costPerSeat) &&
    a.frameworkVersionId === b.frameworkVersionId &&
    Number(a.minAttendance) === Number(b.minAttendance) &&
    (a.passScore === null ? null : Number(a.passScore)) === (b.passScore === null ? null : Number(b.passScore)) &&
    targets(a) === targets(b) &&
    prereqs(a) === prereqs(b)
  );
}
