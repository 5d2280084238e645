import type { Db } from '../../../platform/db/engine.js';
import { NATIONAL_FRAMEWORK_CODE } from '../../framework/seed/national-framework.js';

/**
 * The framework versions a course may map to (published ones) and, for one of
 * them (the national framework's by default), its scale, groups and
 * competencies: what the catalogue's filters and the course form offer.
 */
export async function catalogueFramework(db: Db, versionId?: string) {
  const versions = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id', 'v.name_vi', 'v.name_en', 'f.code', 'v.version_no as versionNo'])
    .where('v.status', '=', 'published')
    .orderBy('f.code')
    .orderBy('v.version_no', 'desc')
    .execute();
  const chosen = versionId ? versions.find((v) => v.id === versionId) : (versions.find((v) => v.code === NATIONAL_FRAMEWORK_CODE) ?? versions[0]);
  const list = versions.map((v) => ({ id: v.id, name: { vi: v.name_vi, en: v.name_en }, code: v.code, versionNo: v.versionNo }));
  if (!chosen) return { versions: list, version: null };
  const [levels, groups, competencies] = await Promise.all([
    db.selectFrom('framework_levels').select(['level', 'name_vi', 'name_en']).where('version_id', '=', chosen.id).orderBy('level').execute(),
    db.selectFrom('competency_groups').select(['id', 'code', 'name_vi', 'name_en']).where('version_id', '=', chosen.id).orderBy('position').execute(),
    db
      .selectFrom('competencies')
      .select(['id', 'code', 'name_vi', 'name_en', 'group_id'])
      .where('version_id', '=', chosen.id)
      .orderBy('position')
      .orderBy('code')
      .execute(),
  ]);
  return {
    versions: list,
    version: {
      id: chosen.id,
      name: { vi: chosen.name_vi, en: chosen.name_en },
      levels: levels.map((l) => ({ level: l.level, name: { vi: l.name_vi, en: l.name_en } })),
      groups: groups.map((g) => ({ id: g.id, code: g.code, name: { vi: g.name_vi, en: g.name_en } })),
      competencies: competencies.map((c) => ({ id: c.id, code: c.code, name: { vi: c.name_vi, en: c.name_en }, groupId: c.group_id })),
    },
  };
}
