import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { isInScope } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';
import { staffInstitution } from '../training/sessions/sessions.repository.js';
import { courseEffect, effectEstimates, type EffectDimension, type EffectRow, type EffectScope } from './effectiveness.repository.js';

/**
 * Who sees which figures: HR its agency's subtree (another agency answers
 * 404), an institution's staff only its own courses (with trainees from any
 * agency), the national administrator everything. Only aggregates leave: a
 * group under the minimum size gives no interval and no verdict.
 */
export async function effectScope(db: Kysely<Database>, actor: Actor, agencyId?: string): Promise<EffectScope> {
  if (actor.role === 'trainer') {
    const institutionId = await staffInstitution(db, actor.userId);
    if (!institutionId || agencyId) throw notFound();
    return { agencyPath: null, institutionId };
  }
  if (!agencyId) return { agencyPath: actor.role === 'national_admin' ? null : actor.agencyPath, institutionId: null };
  const agency = await db.selectFrom('agencies').select('path').where('id', '=', agencyId).executeTakeFirst();
  if (!agency || !isInScope(actor, agency.path)) throw notFound();
  return { agencyPath: agency.path, institutionId: null };
}

export interface Labelled extends EffectRow {
  label: string;
  labelEn: string;
  code: string | null;
  institutionName: string | null;
}

async function labels(
  db: Kysely<Database>,
  by: EffectDimension,
  keys: string[],
): Promise<Map<string, { label: string; labelEn: string; code: string | null; institutionName: string | null }>> {
  const out = new Map<string, { label: string; labelEn: string; code: string | null; institutionName: string | null }>();
  if (keys.length === 0) return out;
  if (by === 'course') {
    const rows = await db
      .selectFrom('training_courses as c')
      .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
      .select(['c.id', 'c.title', 'c.title_en', 'c.code', 'i.name as institutionName'])
      .where('c.id', 'in', keys)
      .execute();
    for (const r of rows) out.set(r.id, { label: r.title, labelEn: r.title_en || r.title, code: r.code, institutionName: r.institutionName });
  } else if (by === 'institution') {
    const rows = await db.selectFrom('training_institutions').select(['id', 'name', 'name_en', 'code']).where('id', 'in', keys).execute();
    for (const r of rows) out.set(r.id, { label: r.name, labelEn: r.name_en || r.name, code: r.code, institutionName: null });
  } else if (by === 'competency') {
    const rows = await db.selectFrom('competencies').select(['id', 'name_vi', 'name_en', 'code']).where('id', 'in', keys).execute();
    for (const r of rows) out.set(r.id, { label: r.name_vi, labelEn: r.name_en || r.name_vi, code: r.code, institutionName: null });
  } else {
    for (const k of keys) out.set(k, { label: k, labelEn: k, code: null, institutionName: null });
  }
  return out;
}

export async function effectRanking(db: Kysely<Database>, actor: Actor, by: EffectDimension, agencyId?: string): Promise<Labelled[]> {
  const rows = await effectEstimates(db, await effectScope(db, actor, agencyId), by);
  const names = await labels(
    db,
    by,
    rows.map((r) => r.key),
  );
  return rows.map((r) => ({ ...r, ...(names.get(r.key) ?? { label: r.key, labelEn: r.key, code: null, institutionName: null }) }));
}

/** A course's figures; 404 when it has no trainee the reader may see (or is another institution's). */
export async function courseEffectDetail(db: Kysely<Database>, actor: Actor, courseId: string, agencyId?: string) {
  const scope = await effectScope(db, actor, agencyId);
  const course = await db
    .selectFrom('training_courses as c')
    .innerJoin('training_institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.title', 'c.title_en', 'c.code', 'c.format', 'c.institution_id', 'i.name as institutionName'])
    .where('c.id', '=', courseId)
    .executeTakeFirst();
  if (!course || (scope.institutionId && course.institution_id !== scope.institutionId)) throw notFound();
  const effect = await courseEffect(db, scope, courseId);
  if (effect.overall.treatedN === 0) throw notFound();
  const names = await labels(
    db,
    'competency',
    effect.byCompetency.map((r) => r.key),
  );
  return {
    course: {
      id: course.id,
      code: course.code,
      title: course.title,
      titleEn: course.title_en || course.title,
      format: course.format,
      institutionName: course.institutionName,
    },
    overall: effect.overall,
    byCompetency: effect.byCompetency.map((r) => ({ ...r, ...names.get(r.key)! })),
  };
}

/** The agency a report is about (the reader's own, or the one asked for within its scope). */
export async function effectScopeName(db: Kysely<Database>, actor: Actor, agencyId?: string): Promise<{ name: string; code: string }> {
  await effectScope(db, actor, agencyId);
  return db
    .selectFrom('agencies')
    .select(['name', 'code'])
    .where('id', '=', agencyId ?? actor.agencyId)
    .executeTakeFirstOrThrow();
}
