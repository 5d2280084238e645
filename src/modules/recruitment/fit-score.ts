/**
 * A candidate's fit against a position's profile (issue 17): the share of the profile's required levels the
 * candidate reaches, each competency weighted by its criticality. Reaching above the required level earns
 * nothing more, so surplus in one competency never hides a shortfall in another; a competency with no
 * evidence counts as level 0, because in recruitment the candidate has to show it.
 *
 *   fit = 100 × Σ w·min(assessed, required)/required ÷ Σ w,   w = criticality × (digitalWeight if digital)
 *
 * The same rule ranks external candidates of a campaign and internal candidates for an appointment; the
 * appointment may weight the digital-government groups more (an explicit criterion the HR officer sets).
 */
import { DEFAULT_CRITICALITY } from '../needs/gaps.js';

export interface ProfileRequirement {
  competencyId: string;
  requiredLevel: number;
  /** 1–3; blank counts as the middle of the scale, as in the gap rules. */
  criticality: number | null;
  /** One of the five digital-government groups. */
  digital?: boolean;
}

export interface Shortfall {
  competencyId: string;
  requiredLevel: number;
  /** null: no evidence (counted as 0). */
  assessedLevel: number | null;
  /** required − assessed (assessed 0 when there is no evidence), 2 decimals. */
  gap: number;
  weight: number;
}

export interface FitResult {
  /** 0–100, 2 decimals. */
  score: number;
  /** The competencies below the required level, largest weighted gap first. */
  shortfalls: Shortfall[];
}

export interface FitOptions {
  /** Multiplies the weight of digital-government competencies; 1 (the default) treats them like the rest. */
  digitalWeight?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function weightOf(requirement: ProfileRequirement, options: FitOptions = {}): number {
  const criticality = requirement.criticality ?? DEFAULT_CRITICALITY;
  return requirement.digital ? criticality * (options.digitalWeight ?? 1) : criticality;
}

/** `assessed`: a level by competency id (a Map, or anything that looks one up). */
export function fitScore(requirements: readonly ProfileRequirement[], assessed: Pick<ReadonlyMap<string, number>, 'get'>, options: FitOptions = {}): FitResult {
  const shortfalls: Shortfall[] = [];
  const score = weightedFit(requirements, assessed, options, (requirement, level, weight) =>
    shortfalls.push({
      competencyId: requirement.competencyId,
      requiredLevel: requirement.requiredLevel,
      assessedLevel: level ?? null,
      gap: round2(requirement.requiredLevel - (level ?? 0)),
      weight,
    }),
  );
  shortfalls.sort((a, b) => b.gap * b.weight - a.gap * a.weight || b.gap - a.gap || a.competencyId.localeCompare(b.competencyId));
  return { score, shortfalls };
}

/** The score of fitScore alone, without building the shortfalls (the promotion shortlist's digital fit, 19,000 a read). */
export function fitScoreOnly(
  requirements: readonly ProfileRequirement[],
  assessed: Pick<ReadonlyMap<string, number>, 'get'>,
  options: FitOptions = {},
): number {
  return weightedFit(requirements, assessed, options, null);
}

function weightedFit(
  requirements: readonly ProfileRequirement[],
  assessed: Pick<ReadonlyMap<string, number>, 'get'>,
  options: FitOptions,
  onShortfall: ((requirement: ProfileRequirement, level: number | undefined, weight: number) => void) | null,
): number {
  let earned = 0;
  let total = 0;
  for (const requirement of requirements) {
    const weight = weightOf(requirement, options);
    const level = assessed.get(requirement.competencyId);
    const reached = Math.min(level ?? 0, requirement.requiredLevel);
    total += weight;
    earned += (weight * reached) / requirement.requiredLevel;
    if (onShortfall && reached < requirement.requiredLevel) onShortfall(requirement, level, weight);
  }
  return total === 0 ? 0 : round2((100 * earned) / total);
}
