import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/engine.js';
import { notFound } from '../../../platform/errors.js';
import { childAgencyTable } from '../../needs/needs.repository.js';
import { visibleCycles } from '../../needs/needs.service.js';
import { rollUp, toFigures, addMeasures, EMPTY_MEASURES, type NeedFigures } from '../../needs/needs.figures.js';
import { loadCompetencyCatalogue } from '../../needs/competency-catalogue.js';
import type { SummaryMeasures } from '../../needs/needs.repository.js';
import { cataloguePolicy } from './catalogue.policy.js';
import { findInstitution, staffInstitutionOf } from './institutions.service.js';

/**
 * What an institution sees of its clients' training needs: for each client
 * agency (its whole subtree), the needs module's pre-aggregated figures per
 * competency group, never a person. Only what that module already shows
 * outside HR: closed cycles (a leader's view, published results), read through
 * its own repository with the client's scope, so its anonymity rules
 * (docs/ANONYMITY.md: aggregates only, of published consolidations) hold here
 * unchanged. Direction training → needs only.
 */
export async function clientNeeds(db: Db, actor: Actor, institutionId: string, cycleId?: string) {
  const institution = await findInstitution(db, institutionId);
  if (!institution || !cataloguePolicy.canSeeClientNeeds(actor, institution, await staffInstitutionOf(db, actor))) throw notFound();
  const clients = await db
    .selectFrom('training_institution_clients as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['a.id', 'a.name', 'a.path'])
    .where('c.institution_id', '=', institutionId)
    .orderBy('a.path')
    .execute();
  // The client's published view: a leader of that agency sees closed cycles only.
  const viewOf = (client: { id: string; name: string; path: string }): Actor => ({
    ...actor,
    role: 'leader',
    agencyId: client.id,
    agencyName: client.name,
    agencyPath: client.path,
    personId: null,
  });
  const cycles = new Map<string, { id: string; name: string; year: number | null; agencyName: string; status: string }>();
  for (const client of clients) for (const c of await visibleCycles(db, viewOf(client))) if (c.status === 'closed') cycles.set(c.id, c);
  const cycleList = [...cycles.values()].map(({ status: _s, ...c }) => c);
  const chosen = cycleId ? cycles.get(cycleId) : cycleList[0];
  if (!chosen) return { cycles: cycleList, cycleId: null, columns: [], rows: [] };

  const perClient = await Promise.all(clients.map(async (client) => ({ client, rows: await childAgencyTable(db, viewOf(client), chosen.id, client.path) })));
  const catalogue = await loadCompetencyCatalogue(db, [...new Set(perClient.flatMap((p) => p.rows.map((r) => r.competencyId)))]);
  const groups = new Map<string, { key: string; code: string; name: { vi: string; en: string }; order: number }>();
  for (const c of catalogue.values())
    if (!groups.has(c.groupCode)) groups.set(c.groupCode, { key: c.groupCode, code: c.groupCode, name: c.groupName, order: c.groupOrder });
  const rows = perClient.map(({ client, rows: measures }) => {
    const line =
      rollUp(
        measures,
        () => client.id,
        (r) => catalogue.get(r.competencyId)?.groupCode,
      ).get(client.id) ?? new Map<string, SummaryMeasures>();
    let total = EMPTY_MEASURES;
    const cells: Record<string, NeedFigures> = {};
    for (const [group, m] of line) {
      total = addMeasures(total, m);
      cells[group] = toFigures(m);
    }
    return { agencyId: client.id, agencyName: client.name, total: toFigures(total), cells };
  });
  const columns = [...groups.values()].sort((a, b) => a.order - b.order).map(({ order: _o, ...c }) => c);
  return { cycles: cycleList, cycleId: chosen.id, columns, rows };
}
