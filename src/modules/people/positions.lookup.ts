import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/engine.js';
import type { Database } from '../../platform/db/schema.js';

export interface CataloguePosition {
  id: string;
  agencyId: string;
  agencyPath: string;
  roleCategory: string;
}

/**
 * Job positions (vị trí việc làm) belong to the positions module; each is a post
 * of one agency. Read by table existence so the register works (positions left
 * empty) in an installation without that module.
 */
export async function positionCatalogue(db: Db | Transaction<Database>): Promise<Map<string, CataloguePosition> | null> {
  const { rows } = await sql<{ exists: boolean }>`
    SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'positions' AND column_name = 'agency_id') AS exists`.execute(db);
  if (!rows[0]?.exists) return null;
  const { rows: positions } = await sql<{ id: string; code: string; agency_id: string; path: string; role_category: string }>`
    SELECT p.id::text AS id, p.code, p.agency_id::text AS agency_id, a.path, p.role_category
    FROM positions p JOIN agencies a ON a.id = p.agency_id`.execute(db);
  return new Map(positions.map((p) => [p.code.toUpperCase(), { id: p.id, agencyId: p.agency_id, agencyPath: p.path, roleCategory: p.role_category }]));
}

/** A person may hold a post of their own agency or of an agency above it. */
export function positionFitsAgency(position: Pick<CataloguePosition, 'agencyPath'>, agencyPath: string): boolean {
  return agencyPath.startsWith(position.agencyPath);
}
