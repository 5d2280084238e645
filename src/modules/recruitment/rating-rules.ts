/**
 * What a rating sheet may hold, without I/O: a level on the framework's scale for a competency of the position's
 * profile. The errors name the field, so the form can point at the row.
 */
export interface SheetRating {
  competencyId: string;
  level: number;
}

export type SheetProblem =
  | { code: 'recruitment_level_out_of_scale'; field: string; min: 1; max: number }
  | { code: 'recruitment_competency_not_in_profile'; field: string }
  | { code: 'recruitment_sheet_incomplete'; missing: string[] };

/** The first problem of a sheet's ratings (null: fine). A submitted sheet must rate every profile competency. */
export function sheetProblem(ratings: readonly SheetRating[], profile: ReadonlySet<string>, levelCount: number, submitting: boolean): SheetProblem | null {
  for (const [i, r] of ratings.entries()) {
    if (!profile.has(r.competencyId)) return { code: 'recruitment_competency_not_in_profile', field: `ratings.${i}.competencyId` };
    if (!Number.isInteger(r.level) || r.level < 1 || r.level > levelCount) {
      return { code: 'recruitment_level_out_of_scale', field: `ratings.${i}.level`, min: 1, max: levelCount };
    }
  }
  if (submitting) {
    const rated = new Set(ratings.map((r) => r.competencyId));
    const missing = [...profile].filter((c) => !rated.has(c));
    if (missing.length) return { code: 'recruitment_sheet_incomplete', missing };
  }
  return null;
}

/**
 * Independence: a panel member reads the other members' sheets of an application (at a stage) only once their
 * own is submitted; until then they see their own sheet alone. HR of the agency reads every submitted sheet.
 */
export function visibleSheets<T extends { userId: string; submittedAt: Date | null }>(sheets: readonly T[], reader: { userId: string; hr: boolean }): T[] {
  if (reader.hr) return sheets.filter((s) => s.submittedAt !== null || s.userId === reader.userId);
  const own = sheets.find((s) => s.userId === reader.userId);
  if (!own?.submittedAt) return own ? [own] : [];
  return sheets.filter((s) => s.userId === reader.userId || s.submittedAt !== null);
}
