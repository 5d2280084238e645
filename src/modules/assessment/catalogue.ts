import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { FormCompetency, ScaleLevel } from './assessment.responses.js';

// Reads of the framework and positions modules' tables (issue 3), kept in one
// file so the assessment module depends on their schema in one place only.

type Q = Kysely<Database> | Transaction<Database>;

export async function levelsOf(db: Q, versionId: string): Promise<ScaleLevel[]> {
  return db
    .selectFrom('framework_levels')
    .select(['level', 'name_vi as name', 'name_en as nameEn', 'description_vi as description', 'description_en as descriptionEn'])
    .where('version_id', '=', versionId)
    .orderBy('level')
    .execute();
}

/**
 * The competencies a person is rated on: their position's profile when it has
 * requirements in the cycle's framework version, else every top-level
 * competency of that version (so someone without a profile can still be assessed).
 */
export async function formCompetencyIds(db: Q, versionId: string, positionId: string | null): Promise<string[]> {
  if (positionId) {
    const required = await db
      .selectFrom('position_requirements as r')
      .innerJoin('competencies as c', 'c.id', 'r.competency_id')
      .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
      .select('c.id')
      .where('r.position_id', '=', positionId)
      .where('c.version_id', '=', versionId)
      .orderBy('g.position')
      .orderBy('c.position')
      .execute();
    if (required.length > 0) return required.map((r) => r.id);
  }
  const all = await db
    .selectFrom('competencies as c')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .select('c.id')
    .where('c.version_id', '=', versionId)
    .where('c.parent_id', 'is', null)
    .orderBy('g.position')
    .orderBy('c.position')
    .execute();
  return all.map((r) => r.id);
}

/** Competencies with group, indicators of every level and (if a position is given) the required level. */
export async function competencyDetails(db: Q, ids: string[], positionId: string | null = null): Promise<FormCompetency[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('competencies as c')
    .innerJoin('competency_groups as g', 'g.id', 'c.group_id')
    .leftJoin('position_requirements as r', (join) =>
      join.onRef('r.competency_id', '=', 'c.id').on('r.position_id', '=', positionId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'c.id',
      'c.code',
      'c.name_vi as name',
      'c.name_en as nameEn',
      'c.description_vi as description',
      'c.description_en as descriptionEn',
      'g.code as groupCode',
      'g.name_vi as groupName',
      'g.name_en as groupNameEn',
      'r.required_level as requiredLevel',
    ])
    .where(sql<boolean>`c.id = ANY(${ids}::uuid[])`)
    .execute();
  const indicators = await db
    .selectFrom('competency_indicators')
    .select(['competency_id', 'level', 'text_vi as text', 'text_en as textEn'])
    .where(sql<boolean>`competency_id = ANY(${ids}::uuid[])`)
    .orderBy('competency_id')
    .orderBy('level')
    .orderBy('position')
    .execute();
  const byCompetency = new Map<string, FormCompetency['indicators']>();
  for (const i of indicators) {
    const list = byCompetency.get(i.competency_id) ?? [];
    list.push({ level: i.level, text: i.text, textEn: i.textEn });
    byCompetency.set(i.competency_id, list);
  }
  const byId = new Map(rows.map((r) => [r.id, { ...r, indicators: byCompetency.get(r.id) ?? [] }]));
  // Keep the form's order (group, then competency) as snapshotted.
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Required level and criticality per (position, competency), read at consolidation. */
export async function requirementsOf(db: Q, positionIds: string[]): Promise<Map<string, { requiredLevel: number; criticality: number }>> {
  const map = new Map<string, { requiredLevel: number; criticality: number }>();
  if (positionIds.length === 0) return map;
  const rows = await db
    .selectFrom('position_requirements')
    .select(['position_id', 'competency_id', 'required_level', 'criticality'])
    .where(sql<boolean>`position_id = ANY(${positionIds}::uuid[])`)
    .execute();
  for (const r of rows) map.set(`${r.position_id}:${r.competency_id}`, { requiredLevel: r.required_level, criticality: r.criticality });
  return map;
}

export async function frameworkVersion(db: Q, id: string) {
  return db
    .selectFrom('framework_versions')
    .select(['id', 'name_vi as name', 'name_en as nameEn', 'level_count as levelCount', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Versions a cycle may use: published ones (and retired ones, to re-run an old cycle's framework). */
export async function usableFrameworkVersions(db: Q) {
  return db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id', 'f.code', 'v.version_no as versionNo', 'v.name_vi as name', 'v.name_en as nameEn', 'v.level_count as levelCount', 'v.status'])
    .where('v.status', 'in', ['published', 'retired'])
    .orderBy('f.code')
    .orderBy('v.version_no', 'desc')
    .execute();
}

export async function positionTitles(db: Q, ids: string[]): Promise<Map<string, { title: string; titleEn: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('positions')
    .select(['id', 'title_vi', 'title_en'])
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, { title: r.title_vi, titleEn: r.title_en }]));
}
