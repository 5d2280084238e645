import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { scopeCondition } from '../../platform/auth/scope.js';
import type { Db } from '../../platform/db/engine.js';

/**
 * Staff on a date per province, read from their assignments (so a 2024 date
 * counts people where they were in 2024). 'historical' groups by the province of
 * that time; 'current' rolls the old units up into today's provinces — 63 old
 * provinces fold into 34. People whose agency has no unit are counted apart.
 */
export async function staffByProvince(db: Db, actor: Actor, on: string, geography: 'historical' | 'current') {
  const provinceColumn = geography === 'current' ? sql.ref('u.current_province_id') : sql.ref('u.province_id');
  const { rows } = await sql<{ provinceId: string | null; provinceName: string | null; staff: number }>`
    SELECT pu.id AS "provinceId", pu.full_name AS "provinceName", count(*)::int AS staff
    FROM person_assignments s
    JOIN agencies a ON a.id = s.agency_id
    LEFT JOIN admin_units u ON u.id = s.admin_unit_id
    LEFT JOIN admin_units pu ON pu.id = ${provinceColumn}
    WHERE s.valid_from <= ${on}::date AND (s.valid_to IS NULL OR s.valid_to > ${on}::date)
      AND s.status IN ('active', 'on_leave')
      AND ${scopeCondition(actor, 'a.path')}
    GROUP BY pu.id, pu.full_name
    ORDER BY staff DESC, pu.full_name`.execute(db);
  return rows;
}
