/**
 * Target groups: people whose gap profiles are alike enough to be trained
 * together in one class (MISSION.md step 4, issue 6). The method is chosen to
 * be explainable to an HR officer, deterministic, and O(n log n):
 *
 * 1. Each person's signature is the set of their two largest needs
 *    (by criticality-weighted gap); one need gives a one-competency signature.
 * 2. People with the same signature form a group: they need the same training first.
 * 3. A group smaller than `minSize` is folded into the largest group whose
 *    signature contains its members' top need (same first course); what cannot
 *    be folded stays as its own small group.
 * 4. A group larger than `maxSize` is split into balanced classes, people
 *    ordered by their total need, so each class has a similar starting level.
 * 5. Each group is described by its shared gaps: competencies that at least
 *    `sharedShare` of its members need, with the mean gap.
 */

export interface PersonNeeds {
  personId: string;
  agencyId: string;
  /** Positive gaps only. */
  needs: ReadonlyArray<{ competencyId: string; gap: number; weightedNeed: number }>;
}

export interface TargetGroupOptions {
  minSize: number;
  maxSize: number;
  sharedShare: number;
}

export interface TargetGroup {
  key: string;
  signature: string[];
  size: number;
  personIds: string[];
  sharedGaps: Array<{ competencyId: string; share: number; meanGap: number }>;
  agencies: Array<{ agencyId: string; people: number }>;
}

export const DEFAULT_TARGET_GROUP_OPTIONS: TargetGroupOptions = { minSize: 5, maxSize: 30, sharedShare: 0.6 };

function topNeeds(person: PersonNeeds, count: number): string[] {
  return [...person.needs]
    .sort((a, b) => b.weightedNeed - a.weightedNeed || b.gap - a.gap || a.competencyId.localeCompare(b.competencyId))
    .slice(0, count)
    .map((n) => n.competencyId);
}

const totalNeed = (p: PersonNeeds) => p.needs.reduce((sum, n) => sum + n.weightedNeed, 0);

export function buildTargetGroups(people: readonly PersonNeeds[], options: TargetGroupOptions = DEFAULT_TARGET_GROUP_OPTIONS): TargetGroup[] {
  const bySignature = new Map<string, { signature: string[]; members: PersonNeeds[] }>();
  for (const person of people) {
    if (person.needs.length === 0) continue;
    const signature = topNeeds(person, 2).sort();
    const key = signature.join('+');
    const group = bySignature.get(key) ?? { signature, members: [] };
    group.members.push(person);
    bySignature.set(key, group);
  }

  // Fold small groups into the largest viable group sharing the members' first need.
  const groups = [...bySignature.values()].sort((a, b) => b.members.length - a.members.length || keyOf(a).localeCompare(keyOf(b)));
  const kept: typeof groups = [];
  for (const group of groups) {
    if (group.members.length >= options.minSize) {
      kept.push(group);
      continue;
    }
    const leftover: PersonNeeds[] = [];
    for (const person of group.members) {
      const first = topNeeds(person, 1)[0]!;
      const host = kept.find((g) => g.members.length >= options.minSize && g.signature.includes(first));
      if (host) host.members.push(person);
      else leftover.push(person);
    }
    if (leftover.length) kept.push({ signature: group.signature, members: leftover });
  }

  const result: TargetGroup[] = [];
  for (const group of kept) {
    const ordered = [...group.members].sort((a, b) => totalNeed(b) - totalNeed(a) || a.personId.localeCompare(b.personId));
    const classes = Math.max(1, Math.ceil(ordered.length / options.maxSize));
    // Balanced: sizes differ by at most one (70 → 24, 23, 23, not 24, 24, 22).
    const base = Math.floor(ordered.length / classes);
    const larger = ordered.length % classes;
    let start = 0;
    for (let c = 0; c < classes; c++) {
      const size = base + (c < larger ? 1 : 0);
      const members = ordered.slice(start, start + size);
      start += size;
      const key = keyOf(group) + (classes > 1 ? `#${c + 1}` : '');
      result.push(describe(key, group.signature, members, options.sharedShare));
    }
  }
  return result.sort((a, b) => b.size - a.size || a.key.localeCompare(b.key));
}

const keyOf = (g: { signature: string[] }) => g.signature.join('+');

function describe(key: string, signature: string[], members: PersonNeeds[], sharedShare: number): TargetGroup {
  const needCount = new Map<string, { people: number; gapSum: number }>();
  const agencyCount = new Map<string, number>();
  for (const person of members) {
    agencyCount.set(person.agencyId, (agencyCount.get(person.agencyId) ?? 0) + 1);
    for (const need of person.needs) {
      const entry = needCount.get(need.competencyId) ?? { people: 0, gapSum: 0 };
      entry.people += 1;
      entry.gapSum += need.gap;
      needCount.set(need.competencyId, entry);
    }
  }
  const sharedGaps = [...needCount]
    .map(([competencyId, e]) => ({ competencyId, share: round2(e.people / members.length), meanGap: round2(e.gapSum / e.people) }))
    .filter((g) => g.share >= sharedShare)
    .sort((a, b) => b.share - a.share || b.meanGap - a.meanGap || a.competencyId.localeCompare(b.competencyId));
  return {
    key,
    signature,
    size: members.length,
    personIds: members.map((m) => m.personId),
    sharedGaps,
    agencies: [...agencyCount].map(([agencyId, people]) => ({ agencyId, people })).sort((a, b) => b.people - a.people || a.agencyId.localeCompare(b.agencyId)),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
