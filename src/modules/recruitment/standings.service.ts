/**
 * Each application's standing kept current (migration 0042): its consolidated stage levels scored against its
 * position's profile, written in the transaction that changes its evidence, so the ranking reads one row an
 * application and sorts (issue 17: 5,000 candidates ≤ 200 ms). Scoring is the same code either way
 * (consolidatePanel, scoreCandidate), so a stored standing equals a full recomputation.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { campaignStageLevels, OUT_OF_RACE, profilesOf, stagesOf, type ProfileCompetency, type StageLevelsRow } from './assessment.repository.js';
import { consolidatePanel } from './panel-consolidation.js';
import { fitScore } from './fit-score.js';
import { scoreCandidate, type RankingStage, type ScoredCandidate } from './ranking.js';

type Executor = Parameters<typeof stagesOf>[0];

export interface Standing extends ScoredCandidate {
  disagreements: number;
  basis: string;
}

/** What the campaign scores on: its assessed stages (screening only admits), the positions' profiles and their competencies in order. */
export async function scoringBasis(db: Executor, campaignId: string) {
  const [posts, stages] = await Promise.all([
    db.selectFrom('recruitment_campaign_posts').select('position_id').where('campaign_id', '=', campaignId).execute(),
    stagesOf(db, campaignId),
  ]);
  const assessed = stages.filter((s) => s.kind !== 'screening');
  const profiles = await profilesOf(
    db,
    posts.map((p) => p.position_id),
  );
  const competencyIds = [...new Set([...profiles.values()].flatMap((profile) => profile.map((p) => p.competencyId)))];
  return { stages, assessed, profiles, competencyIds };
}
export type ScoringBasis = Awaited<ReturnType<typeof scoringBasis>>;

/** A short name of the stages and profile a standing is scored on: equal names, equal scoring. */
export function basisKey(stages: readonly RankingStage[], profile: readonly ProfileCompetency[]): string {
  const text = JSON.stringify([
    stages.map((s) => [s.id, s.weight, s.ordinal]),
    profile.map((p) => [p.competencyId, p.requiredLevel, p.criticality, !!p.digital]),
  ]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * An application's stage levels from its packed evidence (campaignStageLevels): the panel's consolidated level of
 * each rated stage and competency, the test level of each tested one, in stage order then the profiles' order;
 * and how many of its panels disagree (consolidatePanel's flag).
 */
function stageLevelsOf(evidence: string | null, basis: ScoringBasis) {
  const byStage = new Map<string, Map<string, number>>();
  if (!evidence) return { byStage, disagreements: 0 };
  const panel = new Map<string, number[]>();
  const tests = new Map<string, number>();
  for (const entry of evidence.split(',')) {
    const [stage, competency, level, kind] = entry.split(':') as [string, string, string, string];
    const key = `${stage.padStart(4, '0')}:${competency.length > 8 ? competency : competency.padStart(4, '0')}`;
    if (kind === 't') tests.set(key, Number(level));
    else {
      const list = panel.get(key);
      if (list) list.push(Number(level));
      else panel.set(key, [Number(level)]);
    }
  }
  const consolidated = new Map<string, number>();
  let disagreements = 0;
  for (const [key, levels] of panel) {
    const c = consolidatePanel(levels)!;
    consolidated.set(key, c.level);
    if (c.flag) disagreements++;
  }
  for (const [key, level] of tests) consolidated.set(key, level);
  for (const key of [...consolidated.keys()].sort()) {
    const [stage, competency] = key.split(':') as [string, string];
    if (stage === '0000') continue; // a stage not assessed (screening): counted in the disagreements only
    const stageId = basis.assessed[Number(stage) - 1]!.id;
    const competencyId = competency.length > 8 ? competency : basis.competencyIds[Number(competency) - 1]!;
    let levels = byStage.get(stageId);
    if (!levels) byStage.set(stageId, (levels = new Map<string, number>()));
    levels.set(competencyId, consolidated.get(key)!);
  }
  return { byStage, disagreements };
}

/** Score applications from their evidence (every one in the race, or these whatever their status). */
export async function scoreApplications(db: Executor, campaignId: string, basis: ScoringBasis, applicationIds?: readonly string[]) {
  const rows: StageLevelsRow[] = await campaignStageLevels(
    db,
    campaignId,
    basis.assessed.map((s) => s.id),
    basis.competencyIds,
    applicationIds,
  );
  const keys = new Map([...basis.profiles].map(([positionId, profile]) => [positionId, basisKey(basis.assessed, profile)]));
  const out = new Map<string, Standing & { positionId: string }>();
  for (const row of rows) {
    const { byStage, disagreements } = stageLevelsOf(row.evidence, basis);
    const profile = basis.profiles.get(row.positionId) ?? [];
    const scored = scoreCandidate(profile, basis.assessed, { applicationId: row.id, submittedAt: row.submittedAt, priority: 0, stageLevels: byStage });
    out.set(row.id, { ...scored, disagreements, basis: keys.get(row.positionId) ?? basisKey(basis.assessed, profile), positionId: row.positionId });
  }
  return out;
}

/** The levels packed for the row: each competency by its index in the profile (its id if outside it). */
function packLevels(levels: ReadonlyMap<string, number>, profile: readonly ProfileCompetency[]): string {
  const index = new Map(profile.map((p, i) => [p.competencyId, i]));
  return [...levels].map(([c, level]) => `${index.get(c) ?? c}:${level}`).join(',');
}

/** A stored row back into the standing scoreApplications gives: the shortfalls are the fit rule's on the levels. */
export function unpackStanding(
  row: { applicationId: string; basis: string; fit: number; digitalFit: number; stageFits: string; levels: string; disagreements: number },
  /** Heaviest first (rankedStages), worked out once for all rows. */
  ordered: readonly RankingStage[],
  profile: readonly ProfileCompetency[],
): Standing {
  const levels = new Map<string, number>();
  if (row.levels)
    for (const entry of row.levels.split(',')) {
      const [c, level] = entry.split(':') as [string, string];
      levels.set(c.length > 8 ? c : profile[Number(c)]!.competencyId, Number(level));
    }
  const fits = row.stageFits ? row.stageFits.split(',') : [];
  return {
    applicationId: row.applicationId,
    fit: row.fit,
    digitalFit: row.digitalFit,
    stageFits: ordered.map((s, i) => ({ stageId: s.id, fit: Number(fits[i]) })),
    levels,
    shortfalls: fitScore(profile, levels).shortfalls,
    disagreements: row.disagreements,
    basis: row.basis,
  };
}

async function storeStandings(db: Executor, campaignId: string, basis: ScoringBasis, standings: ReadonlyMap<string, Standing & { positionId: string }>) {
  const rows = [...standings.values()].map((s) => ({
    application_id: s.applicationId,
    campaign_id: campaignId,
    basis: s.basis,
    fit: s.fit,
    digital_fit: s.digitalFit,
    stage_fits: s.stageFits.map((f) => f.fit).join(','),
    levels: packLevels(s.levels, basis.profiles.get(s.positionId) ?? []),
    disagreements: s.disagreements,
    updated_at: new Date(),
  }));
  // 500 rows a statement keeps the parameters well under PostgreSQL's 65,535.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('recruitment_standings')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          basis: eb.ref('excluded.basis'),
          fit: eb.ref('excluded.fit'),
          digital_fit: eb.ref('excluded.digital_fit'),
          stage_fits: eb.ref('excluded.stage_fits'),
          levels: eb.ref('excluded.levels'),
          disagreements: eb.ref('excluded.disagreements'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Score again and store the standings of these applications (default: all of the campaign's), inside the caller's
 * transaction: a sheet submitted or reopened, a test scored, a conflict declared, the stages changed.
 */
export async function refreshStandings(db: Executor, campaignId: string, applicationIds?: readonly string[]): Promise<void> {
  if (applicationIds && applicationIds.length === 0) return;
  const basis = await scoringBasis(db, campaignId);
  const ids = applicationIds ?? (await db.selectFrom('recruitment_applications').select('id').where('campaign_id', '=', campaignId).execute()).map((a) => a.id);
  await storeStandings(db, campaignId, basis, await scoreApplications(db, campaignId, basis, ids));
}

/** Rows scored on another basis (a profile edited since) or never scored: scored now and stored. */
export async function healStandings(db: Executor, campaignId: string, basis: ScoringBasis, applicationIds: readonly string[]) {
  const scored = await scoreApplications(db, campaignId, basis, applicationIds);
  await storeStandings(db, campaignId, basis, scored);
  return scored;
}

/** The campaign's applications in the race with their stored standings (null: none yet): one indexed read. */
export async function storedStandings(db: Executor, campaignId: string) {
  const { rows } = await sql<
    Omit<StageLevelsRow, 'evidence'> & {
      basis: string | null;
      fit: number | null;
      digitalFit: number | null;
      stageFits: string | null;
      levels: string | null;
      disagreements: number | null;
    }
  >`
    SELECT p.id, p.position_id AS "positionId", p.status, p.submitted_at AS "submittedAt", k.priority, k.full_name AS "fullName",
           s.basis, s.fit, s.digital_fit AS "digitalFit", s.stage_fits AS "stageFits", s.levels, s.disagreements
    FROM recruitment_applications p
    JOIN recruitment_candidates k ON k.id = p.candidate_id
    LEFT JOIN recruitment_standings s ON s.application_id = p.id
    WHERE p.campaign_id = ${campaignId} AND p.status NOT IN (${sql.join(OUT_OF_RACE.map((s) => sql.lit(s)))})`.execute(db);
  return rows;
}
