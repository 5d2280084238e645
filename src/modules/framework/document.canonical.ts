import type { Competency, FrameworkDocument } from './document.js';

/**
 * The one order every importer and the database return: groups as given;
 * competencies group by group, each followed by its sub-competencies (depth
 * first, siblings in their given order); indicators by level, keeping their
 * order within a level. Formats that store a tree (CASE, Moodle) cannot keep
 * any other order, so "identical after a round trip" is judged on this form.
 */
export function canonicalFramework(doc: FrameworkDocument): FrameworkDocument {
  const ordered: Competency[] = [];
  const placed = new Set<Competency>();
  const visit = (groupCode: string, parentCode: string | null) => {
    for (const c of doc.competencies) {
      if (placed.has(c) || c.groupCode !== groupCode || c.parentCode !== parentCode) continue;
      placed.add(c);
      ordered.push(c);
      visit(groupCode, c.code);
    }
  };
  for (const group of doc.groups) visit(group.code, null);
  // Anything unreachable (unknown group or parent) stays at the end for validation to report.
  for (const c of doc.competencies) if (!placed.has(c)) ordered.push(c);
  return {
    ...doc,
    competencies: ordered.map((c) => ({
      ...c,
      indicators: c.indicators
        .map((indicator, position) => ({ indicator, position }))
        .sort((a, b) => a.indicator.level - b.indicator.level || a.position - b.position)
        .map(({ indicator }) => indicator),
    })),
  };
}
