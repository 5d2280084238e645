import { sql } from 'kysely';
import type { Db } from '../platform/db/engine.js';
import { consolidateCycle } from '../modules/assessment/consolidate.service.js';
import { seedDemoFollowups } from './demo-followups.js';
import { seedDemoCity } from './demo-city.js';
import { insertCycle, insertRatings, insertSubjectsAndRaters, nationalAdmin, nationalVersion } from './national-dataset.js';

/**
 * The demo city's staff (demo-city.ts: a few hundred in Hà Nội and Đà Nẵng),
 * then two closed national assessment cycles (2024, 2025) for every demo
 * civil servant, rated and consolidated the way the national data set is
 * (consolidation refreshes the needs summaries), so a first start shows gaps,
 * dashboards, target groups and trends instead of empty pages. Only when the
 * database has no cycle yet.
 */
export async function seedDemoAssessments(db: Db): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM assessment_cycles`.execute(db);
  if (rows[0]!.n > 0) return false;
  await seedDemoCity(db);
  const versionId = await nationalVersion(db);
  const admin = await nationalAdmin(db);
  for (const [index, year] of [2024, 2025].entries()) {
    const cycleId = await insertCycle(db, year, versionId);
    await insertSubjectsAndRaters(db, cycleId, { peers: 3, chunk: 10_000 });
    await insertRatings(db, cycleId, index, 1, 0);
    await consolidateCycle(db, admin, cycleId);
  }
  // After the cycles: the follow-ups of the 2026 sessions compare with the 2025 results.
  await seedDemoFollowups(db);
  return true;
}
