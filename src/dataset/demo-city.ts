import { sql } from 'kysely';
import type { Db } from '../platform/db/engine.js';
import { recordAudit } from '../platform/audit/audit.js';
import { foldForSearch, nameSortKey } from '../platform/text/vietnamese.js';
import { REFORM_2025_DATE } from '../modules/org/admin-units.model.js';
import { insertStaffBatch } from '../modules/people/people.bulk.js';
import { shippedNameLists } from '../modules/people/demo/name-lists.js';
import type { RoleCategory } from '../modules/people/people.tables.js';
import { CITY_AGENCIES, cityPosts, cityStaff } from './demo-city.plan.js';

/** When the city's staff held their posts before the reorganisation (as the demo's own staff do). */
const CITY_HISTORY_START = '2024-01-01';

/**
 * Writes the demo city (demo-city.plan.ts) into a database holding the demo
 * base: its agencies, their posts with requirements from the national
 * templates (varied per post, as the national data set's are), and its staff
 * with a history across the 1 July 2025 reorganisation. Bulk statements only
 * (a few dozen in all), so the first start stays short on the embedded engine.
 * Does nothing without the base (no Hà Nội) or when the city is already there.
 */
export async function seedDemoCity(db: Db, seed = 2026): Promise<{ agencies: number; positions: number; people: number }> {
  return db.transaction().execute(async (trx) => {
    const none = { agencies: 0, positions: 0, people: 0 };
    const roots = await trx.selectFrom('agencies').select(['id', 'code', 'path']).where('code', 'in', ['HN', 'DN']).execute();
    if (roots.length < 2) return none;
    if (await trx.selectFrom('people').select('id').where('staff_code', '=', 'HN-D0001').executeTakeFirst()) return none;

    const fresh = CITY_AGENCIES.filter((a) => !a.existing);
    const taken = new Set(
      (
        await trx
          .selectFrom('agencies')
          .select('code')
          .where(
            'code',
            'in',
            fresh.map((a) => a.code),
          )
          .execute()
      ).map((a) => a.code),
    );
    const rootOf = new Map(roots.map((r) => [r.code, r]));
    const agencies = fresh
      .filter((a) => !taken.has(a.code))
      .map((a) => {
        const id = crypto.randomUUID();
        const parent = rootOf.get(a.parentCode)!;
        return { id, code: a.code, name: a.name, name_en: a.nameEn, kind: a.kind, parent_id: parent.id, path: `${parent.path}${id}/`, admin_unit_id: a.unitId };
      });
    if (agencies.length) await trx.insertInto('agencies').values(agencies).execute();

    const byCode = new Map(
      (
        await trx
          .selectFrom('agencies')
          .select(['id', 'code'])
          .where(
            'code',
            'in',
            CITY_AGENCIES.map((a) => a.code),
          )
          .execute()
      ).map((a) => [a.code, a.id]),
    );
    const posts = cityPosts().filter((p) => byCode.has(p.agencyCode));
    if (posts.length) {
      await trx
        .insertInto('positions')
        .values(
          posts.map((p) => ({
            agency_id: byCode.get(p.agencyCode)!,
            code: p.code,
            title_vi: p.titleVi,
            title_en: p.titleEn,
            search_title: foldForSearch(p.titleVi),
            role_category: p.roleCategory,
            tier: p.tier,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      // The template of the post's role and tier, one level up or down for a third of the competencies each: posts differ as real ones do.
      await sql`
        INSERT INTO position_requirements (position_id, competency_id, required_level, criticality)
        SELECT p.id, t.competency_id,
               LEAST(v.level_count, GREATEST(1, t.required_level + floor(((hashtext(p.code || t.competency_id::text) & 2147483647) / 2147483648.0) * 3)::int - 1)),
               t.criticality
        FROM positions p
        JOIN profile_templates t ON t.role_category = p.role_category AND t.tier = p.tier
        JOIN competencies c ON c.id = t.competency_id
        JOIN framework_versions v ON v.id = c.version_id
        WHERE p.code IN (${sql.join(posts.map((p) => p.code))})
          AND NOT EXISTS (SELECT 1 FROM position_requirements r WHERE r.position_id = p.id)
        ON CONFLICT DO NOTHING`.execute(trx);
    }

    const { rows: postRows } = await sql<{ id: string; code: string; agency_code: string; role_category: RoleCategory }>`
      SELECT p.id, p.code, a.code AS agency_code, p.role_category
      FROM positions p JOIN agencies a ON a.id = p.agency_id
      WHERE a.code IN (${sql.join(CITY_AGENCIES.map((a) => a.code))})
        AND EXISTS (SELECT 1 FROM position_requirements r WHERE r.position_id = p.id)`.execute(trx);
    const postsByAgency = new Map<string, { code: string; roleCategory: RoleCategory }[]>();
    for (const p of postRows) postsByAgency.set(p.agency_code, [...(postsByAgency.get(p.agency_code) ?? []), { code: p.code, roleCategory: p.role_category }]);
    const postId = new Map(postRows.map((p) => [p.code, p.id]));

    const staff = cityStaff(postsByAgency, shippedNameLists(), seed);
    await insertStaffBatch(
      trx,
      staff.map((s) => ({
        staffCode: s.staffCode,
        fullName: s.fullName,
        searchName: foldForSearch(s.fullName),
        sortKey: nameSortKey(s.fullName),
        dateOfBirth: s.dateOfBirth,
        gender: s.gender,
        agencyId: byCode.get(s.agencyCode)!,
        positionId: postId.get(s.positionCode) ?? null,
        roleCategory: s.roleCategory,
        rank: s.rank,
        email: null,
        phone: s.phone,
        status: 'active',
      })),
      REFORM_2025_DATE,
      'reorganisation',
    );
    // Their post before the reorganisation, under the unit their agency served then (a predecessor of today's).
    await sql`
      INSERT INTO person_assignments (person_id, agency_id, position_id, admin_unit_id, role_category, rank, status, valid_from, valid_to, reason)
      SELECT p.id, p.agency_id, p.position_id,
             COALESCE((SELECT min(l.predecessor_id) FROM admin_unit_links l WHERE l.successor_id = a.admin_unit_id), a.admin_unit_id),
             p.role_category, p.rank, p.status, ${CITY_HISTORY_START}::date, ${REFORM_2025_DATE}::date, 'hired'
      FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE p.staff_code IN (${sql.join(staff.map((s) => s.staffCode))})`.execute(trx);

    await recordAudit(trx, null, {
      action: 'seed',
      entity: 'staff_register',
      entityId: 'demo-city',
      agencyPath: null,
      after: { agencies: agencies.length, positions: posts.length, people: staff.length, seed },
    });
    return { agencies: agencies.length, positions: posts.length, people: staff.length };
  });
}
