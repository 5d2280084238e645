import type { Db } from '../../platform/db/engine.js';

/** What a needs table shows of a competency: names and the group it rolls up into. */
export interface CompetencyInfo {
  id: string;
  code: string;
  name: { vi: string; en: string };
  order: number;
  groupCode: string;
  groupName: { vi: string; en: string };
  groupOrder: number;
}

/** Names and groups of the competencies a table mentions (of whatever framework version). */
export async function loadCompetencyCatalogue(db: Db, competencyIds: readonly string[]): Promise<Map<string, CompetencyInfo>> {
  if (competencyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('competencies as c')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.code', 'c.name_vi', 'c.name_en', 'c.position', 'g.code as group_code', 'g.name_vi as group_name_vi', 'g.name_en as group_name_en', 'g.position as group_position'])
    .where('c.id', 'in', competencyIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: { vi: r.name_vi, en: r.name_en },
        // Groups first, then competencies within a group, as the framework orders them.
        order: r.group_position * 1000 + r.position,
        groupCode: r.group_code,
        groupName: { vi: r.group_name_vi, en: r.group_name_en },
        groupOrder: r.group_position,
      },
    ]),
  );
}
