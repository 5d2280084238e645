import type { z } from 'zod';
import type { competencyInfo } from './needs.schema.js';
import type { Db } from '../../platform/db/engine.js';

/** What a needs table shows of a competency: names and the group it rolls up into (needs.schema.ts). */
export type CompetencyInfo = z.infer<typeof competencyInfo>;

/**
 * Competencies of published (or retired) versions never change, and results
 * only point at those: their names are kept here once read, which spares every
 * needs query a round trip (ids are UUIDs, so one cache serves any database).
 */
const immutable = new Map<string, CompetencyInfo>();

/** Names and groups of the competencies a table mentions (of whatever framework version). */
export async function loadCompetencyCatalogue(db: Db, competencyIds: readonly string[]): Promise<Map<string, CompetencyInfo>> {
  const found = new Map<string, CompetencyInfo>();
  const missing = competencyIds.filter((id) => {
    const known = immutable.get(id);
    if (known) found.set(id, known);
    return !known;
  });
  if (missing.length === 0) return found;
  const rows = await db
    .selectFrom('competencies as c')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .innerJoin('framework_versions as v', 'v.id', 'c.version_id')
    .select([
      'c.id',
      'c.code',
      'c.name_vi',
      'c.name_en',
      'c.position',
      'g.code as group_code',
      'g.name_vi as group_name_vi',
      'g.name_en as group_name_en',
      'g.position as group_position',
      'v.status',
    ])
    .where('c.id', 'in', missing)
    .execute();
  for (const r of rows) {
    const info: CompetencyInfo = {
      id: r.id,
      code: r.code,
      name: { vi: r.name_vi, en: r.name_en },
      // Groups first, then competencies within a group, as the framework orders them.
      order: r.group_position * 1000 + r.position,
      groupCode: r.group_code,
      groupName: { vi: r.group_name_vi, en: r.group_name_en },
      groupOrder: r.group_position,
    };
    found.set(r.id, info);
    if (r.status !== 'draft') immutable.set(r.id, info);
  }
  return found;
}
