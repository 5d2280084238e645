import { sql } from 'kysely';
import { nationalAdmin } from '../src/dataset/national-dataset.js';
import * as repo from '../src/modules/needs/needs.repository.js';
import { countryBreakdown, personGapProfile } from '../src/modules/needs/needs.service.js';
import { onResultsConsolidated } from '../src/modules/needs/summaries.js';
import { consolidateCycle } from '../src/modules/assessment/consolidate.service.js';
import { openBenchDataset } from './dataset.js';
import { percentile, timeRuns, type Benchmark, type BenchResult } from './support.js';

const RUNS = 30;
const rollback = new Error('rolled back on purpose');

/** Issue 6: gap reports from the summaries, and the same table over raw data for the ratio. */
export const needsBenchmark: Benchmark = {
  name: 'needs',
  async run(context) {
    const data = await openBenchDataset(context);
    const db = data.db;
    try {
      const cycleId = data.cycleIds.at(-1)!;
      const admin = await nationalAdmin(db);
      // Two people of a province: the first is consolidated again and again below (each run leaves dead result rows, which
      // nothing vacuums on the embedded engine), so the gap profile is read for the second, as for anyone consolidated once.
      const {
        rows: [consolidated, sample],
      } = await sql<{ province: string; person: string }>`
        SELECT DISTINCT ON (r.person_id) s.current_province_id AS province, r.person_id AS person
        FROM assessment_results r JOIN needs_summary_agency s ON s.cycle_id = r.cycle_id AND s.agency_id = r.agency_id
        WHERE r.cycle_id = ${cycleId} AND s.current_province_id <> 'central' ORDER BY r.person_id LIMIT 2`.execute(db);
      const figure = (name: string, times: number[], target?: string, note?: string): BenchResult => ({
        name,
        engine: context.engine,
        dataSize: data.label,
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        target,
        note,
      });

      const national = await timeRuns(RUNS, () => repo.provinceCompetencyTable(db, admin, cycleId, 'current'));
      const nationalApi = await timeRuns(RUNS, () => countryBreakdown(db, admin, cycleId, 'competency', 'current'));
      const province = await timeRuns(RUNS, () => repo.provinceTotals(db, admin, cycleId, sample!.province, 'current'));
      const provinceAgencies = await timeRuns(RUNS, () => repo.oneProvinceTable(db, admin, cycleId, sample!.province, 'current'));
      const person = await timeRuns(RUNS, () => personGapProfile(db, admin, sample!.person, cycleId));
      // One person consolidated again (their forms re-read, results rewritten, summaries moved by the delta), committed each run.
      const consolidation = await timeRuns(RUNS, () => consolidateCycle(db, admin, cycleId, [consolidated!.person]));
      // The summaries' part alone: the delta from the previous version to the latest, with the previous version's levels
      // shifted first so every competency's rows really change (the same forms again would cancel out and write nothing);
      // rolled back each run so the summaries stay exact.
      const {
        rows: [latest],
      } = await sql<{ version: number }>`
        SELECT max(version)::int AS version FROM assessment_results WHERE cycle_id = ${cycleId} AND person_id = ${consolidated!.person}`.execute(db);
      const previous = latest!.version - 1;
      const event = { cycleId, personIds: [consolidated!.person], previousVersions: new Map([[consolidated!.person, previous]]) };
      const update: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        await db
          .transaction()
          .execute(async (trx) => {
            await sql`UPDATE assessment_results_history SET assessed_level = assessed_level - 0.5
                    WHERE cycle_id = ${cycleId} AND person_id = ${consolidated!.person} AND version = ${previous}`.execute(trx);
            const started = performance.now();
            await onResultsConsolidated(trx, event);
            if (run > 0) update.push(performance.now() - started);
            throw rollback;
          })
          .catch((error) => {
            if (error !== rollback) throw error;
          });
      }
      update.sort((a, b) => a - b);
      // The same national table computed straight from the consolidated results, and the mean rating from raw ratings.
      const rawResults = await timeRuns(5, () =>
        sql`
        SELECT COALESCE(u.current_province_id, u.province_id), r.competency_id, count(*)::int,
               (count(*) FILTER (WHERE r.required_level > r.assessed_level))::int, sum(GREATEST(r.required_level - r.assessed_level, 0))
        FROM assessment_results r JOIN agencies a ON a.id = r.agency_id LEFT JOIN admin_units u ON u.id = a.admin_unit_id
        WHERE r.cycle_id = ${cycleId} AND r.required_level IS NOT NULL GROUP BY 1, 2`.execute(db),
      );
      const rawRatings = await timeRuns(3, () =>
        sql`
        SELECT COALESCE(u.current_province_id, u.province_id), r.competency_id, avg(r.level)
        FROM assessment_ratings r JOIN assessment_assignments x ON x.id = r.assignment_id
        JOIN agencies a ON a.id = x.agency_id LEFT JOIN admin_units u ON u.id = a.admin_unit_id
        WHERE x.cycle_id = ${cycleId} GROUP BY 1, 2`.execute(db),
      );
      const ratio = (base: number[]) => `${(percentile(base, 50) / percentile(national, 50)).toFixed(0)}× the summary`;
      return [
        figure('national province × competency table (summary query)', national, context.engine === 'postgres' ? '< 50 ms' : '< 100 ms'),
        figure('national table as the API builds it (with names)', nationalApi),
        figure('one province’s gaps per competency', province, '< 20 ms'),
        figure('one province’s agency × competency table (drill-down)', provinceAgencies),
        figure('one person’s gap profile', person, '< 5 ms'),
        figure('summary update after one person is consolidated (per-person delta)', update, '< 10 ms'),
        figure('one person’s whole consolidation (forms read, results and summaries written)', consolidation),
        figure('baseline: national table over raw consolidated results', rawResults, undefined, ratio(rawResults)),
        figure('baseline: province × competency mean over raw ratings', rawRatings, undefined, ratio(rawRatings)),
      ];
    } finally {
      await data.close();
    }
  },
};
