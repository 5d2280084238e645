/**
 * 360° consolidation rules, without I/O: from the ratings one person received
 * on one competency to the consolidated level, the agreement between sources,
 * and the self-vs-others flag. Unit-tested with hand-computed examples in
 * consolidation.test.ts.
 */

export const RATER_SOURCES = ['self', 'leader', 'peer', 'subordinate', 'expert'] as const;
export type RaterSource = (typeof RATER_SOURCES)[number];
/** `test` is the objective knowledge test, counted as one more source. */
export const SOURCES = [...RATER_SOURCES, 'test'] as const;
export type Source = (typeof SOURCES)[number];
/** What a report may show: a source, or peers and subordinates pooled to reach the anonymity threshold. */
export const SOURCE_GROUP_NAMES = [...SOURCES, 'colleagues'] as const;
export type SourceGroupName = (typeof SOURCE_GROUP_NAMES)[number];

/** Sources whose raters stay anonymous to the person rated (and to their leader). */
export const ANONYMOUS_SOURCES: readonly Source[] = ['peer', 'subordinate'];

export type SourceWeights = Record<Source, number>;

/**
 * The example weights, plus the knowledge test. Weights are relative:
 * they are normalised over the sources a person actually has, since most
 * people have no subordinates and many no expert or test.
 */
export const DEFAULT_WEIGHTS: SourceWeights = { self: 20, leader: 40, peer: 20, subordinate: 10, expert: 10, test: 10 };
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
/** A self rating this far (in levels) from the others' is flagged. */
export const DEFAULT_GAP_THRESHOLD = 1;

export interface ReceivedRating {
  source: Source;
  level: number;
}

export interface SourceGroup {
  source: SourceGroupName;
  /** Mean level of the group's raters (unrounded). */
  level: number;
  raters: number;
  weight: number;
}

export interface ConsolidationRules {
  weights: SourceWeights;
  anonymityThreshold: number;
  gapThreshold: number;
}

export const DEFAULT_RULES: ConsolidationRules = {
  weights: DEFAULT_WEIGHTS,
  anonymityThreshold: DEFAULT_ANONYMITY_THRESHOLD,
  gapThreshold: DEFAULT_GAP_THRESHOLD,
};

export const GAP_FLAGS = ['blind_spot', 'hidden_strength'] as const;
export type GapFlag = (typeof GAP_FLAGS)[number];

export interface ConsolidatedCompetency {
  assessedLevel: number;
  /** Population standard deviation of the source groups' levels: 0 = the sources agree. */
  spread: number;
  /** Number of source groups that entered the result. */
  sourceCount: number;
  selfLevel: number | null;
  othersLevel: number | null;
  flag: GapFlag | null;
  /** What may be shown to the person rated: every group here respects the anonymity threshold. */
  groups: SourceGroup[];
  /** Anonymous ratings left out because too few raters gave them to be shown safely. */
  withheldRatings: number;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/**
 * Group ratings by source, honouring anonymity. Peer and subordinate groups
 * need at least `threshold` raters. Two groups that are each too small are
 * pooled as "colleagues" (with both weights) when together they reach it;
 * otherwise their ratings are left out and their weight goes to the other
 * sources. Leaving them out is what keeps a single peer unidentifiable: if a
 * lone peer's rating entered the weighted result, the person rated, knowing
 * their own and their leader's ratings, could solve for it.
 */
export function groupRatings(
  ratings: ReceivedRating[],
  rules: ConsolidationRules,
  show?: ReadonlySet<SourceGroupName>,
): { groups: SourceGroup[]; withheld: number } {
  const bySource = new Map<Source, number[]>();
  for (const rating of ratings) {
    const list = bySource.get(rating.source) ?? [];
    list.push(rating.level);
    bySource.set(rating.source, list);
  }
  const groups: SourceGroup[] = [];
  const short: Array<{ source: Source; levels: number[] }> = [];
  let withheldHidden = 0;
  for (const source of SOURCES) {
    const levels = bySource.get(source);
    if (!levels || levels.length === 0) continue;
    if (ANONYMOUS_SOURCES.includes(source) && levels.length < rules.anonymityThreshold) {
      short.push({ source, levels });
      continue;
    }
    // A group the anonymity rule does not release (see releasableGroups) is left out like a short one, weight and all.
    if (show && ANONYMOUS_SOURCES.includes(source) && !show.has(source)) {
      withheldHidden += levels.length;
      continue;
    }
    groups.push({ source, level: mean(levels), raters: levels.length, weight: rules.weights[source] });
  }
  let withheld = withheldHidden;
  const pooled = short.flatMap((s) => s.levels);
  if (short.length > 1 && pooled.length >= rules.anonymityThreshold && (!show || show.has('colleagues'))) {
    const weight = short.reduce((sum, s) => sum + rules.weights[s.source], 0);
    groups.push({ source: 'colleagues', level: mean(pooled), raters: pooled.length, weight });
  } else {
    withheld += pooled.length;
  }
  return { groups, withheld };
}

function weightedMean(groups: SourceGroup[]): number | null {
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  if (total <= 0) return null;
  return groups.reduce((sum, g) => sum + g.weight * g.level, 0) / total;
}

export function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

export function gapFlag(selfLevel: number | null, othersLevel: number | null, threshold: number): GapFlag | null {
  if (selfLevel === null || othersLevel === null) return null;
  const gap = round2(selfLevel - othersLevel);
  if (gap >= threshold) return 'blind_spot';
  if (gap <= -threshold) return 'hidden_strength';
  return null;
}

/**
 * Consolidate one person's ratings on one competency. Returns null when no
 * source with a positive weight rated it (nothing to report).
 */
export function consolidateCompetency(
  ratings: ReceivedRating[],
  rules: ConsolidationRules = DEFAULT_RULES,
  show?: ReadonlySet<SourceGroupName>,
): ConsolidatedCompetency | null {
  const { groups: all, withheld } = groupRatings(ratings, rules, show);
  const groups = all.filter((g) => g.weight > 0);
  const assessed = weightedMean(groups);
  if (assessed === null) return null;
  const self = groups.find((g) => g.source === 'self');
  const others = weightedMean(groups.filter((g) => g.source !== 'self'));
  const selfLevel = self ? round2(self.level) : null;
  const othersLevel = others === null ? null : round2(others);
  return {
    assessedLevel: round2(assessed),
    spread: round2(standardDeviation(groups.map((g) => g.level))),
    sourceCount: groups.length,
    selfLevel,
    othersLevel,
    flag: gapFlag(selfLevel, othersLevel, rules.gapThreshold),
    groups: groups.map((g) => ({ ...g, level: round2(g.level) })),
    withheldRatings: withheld,
  };
}

/** Weights must be non-negative and not all zero; normalised shares for display. */
export function weightShares(weights: SourceWeights): Record<Source, number> {
  const total = SOURCES.reduce((sum, s) => sum + weights[s], 0);
  return Object.fromEntries(SOURCES.map((s) => [s, total > 0 ? round2((weights[s] / total) * 100) : 0])) as Record<Source, number>;
}

/**
 * Anonymity across versions (docs/ANONYMITY.md). One consolidation alone never
 * shows fewer than `threshold` anonymous raters, but two versions could be
 * differenced: a mean of {A,B,C,D} and then of {A,B,C} gives D exactly. So an
 * anonymous aggregate, once released (written to results, which HR reads at
 * once), may be released again only with exactly the same raters and the
 * same ratings; any aggregate overlapping it in any other way is hidden in
 * every later version of the cycle. Revealed aggregates are then pairwise
 * identical or disjoint, and no combination of them isolates one rater.
 * While the cycle is open a source is released only once every rater
 * assigned to it has submitted (its membership is final), so consolidating
 * after each submission neither shows partial groups nor locks them.
 */
export interface AnonymousMembership {
  source: 'peer' | 'subordinate';
  /** Submitted forms of this source, each with its ratings (`competencyId:level` strings). */
  members: Array<{ key: string; ratings: string[] }>;
  /** Forms assigned for this source, in any status. */
  assigned: number;
}

export interface ReleasedGroup {
  members: string[];
  fingerprint: string;
}

export interface ReleaseCandidate {
  source: SourceGroupName;
  members: string[];
  fingerprint: string;
}

export function releasableGroups(
  memberships: AnonymousMembership[],
  options: { threshold: number; closed: boolean; fingerprint: (parts: string[]) => string },
  released: ReleasedGroup[],
): { show: Set<SourceGroupName>; released: ReleaseCandidate[]; hidden: SourceGroupName[] } {
  const candidates: Array<{ source: SourceGroupName; members: AnonymousMembership['members'] }> = [];
  const short: AnonymousMembership[] = [];
  for (const m of memberships) {
    const final = options.closed || m.members.length === m.assigned;
    if (!final || m.members.length === 0) continue;
    if (m.members.length >= options.threshold) candidates.push({ source: m.source, members: m.members });
    else short.push(m);
  }
  const pooled = short.flatMap((m) => m.members);
  if (short.length > 1 && pooled.length >= options.threshold) candidates.push({ source: 'colleagues', members: pooled });
  const show = new Set<SourceGroupName>();
  const hidden: SourceGroupName[] = [];
  const out: ReleaseCandidate[] = [];
  for (const c of candidates) {
    const keys = c.members.map((m) => m.key).sort();
    const fingerprint = options.fingerprint(c.members.flatMap((m) => m.ratings.map((r) => `${m.key}:${r}`)).sort());
    const conflicting = released.some((r) => r.fingerprint !== fingerprint && r.members.some((k) => keys.includes(k)));
    if (conflicting) {
      hidden.push(c.source);
      continue;
    }
    show.add(c.source);
    out.push({ source: c.source, members: keys, fingerprint });
  }
  return { show, released: out, hidden };
}
