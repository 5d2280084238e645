/**
 * The campaign's ordered tie-break rules (recruitment_campaigns.tie_break; the names are campaign-rules.ts'), without I/O. Candidates with equal
 * fit scores are ordered by the first rule that tells them apart:
 *   highest_weight_stage the higher fit in the campaign's heaviest stage, then the next heaviest (later stage first on equal weight)
 *   digital_fit          the higher fit on the profile's digital-government competencies
 *   priority             a candidate in a priority category under the law first
 *   earlier_submission   the application submitted first
 * Still equal after every rule stated: the candidates share the rank (HR decides; the list says so).
 */
import { TIE_BREAK_RULES, type TieBreakRule } from './campaign-rules.js';

export { TIE_BREAK_RULES, type TieBreakRule };

export interface TieBreakFacts {
  fit: number;
  /** Fit per stage, heaviest stage first (the order rankedStages gives). */
  stageFits: readonly number[];
  digitalFit: number;
  priority: number;
  submittedAt: Date;
}

/** The stated rules, in order; unknown names and repeats are ignored. Takes ['rule', …] or [{ rule }, …]. */
export function parseTieBreak(value: unknown): TieBreakRule[] {
  if (!Array.isArray(value)) return [];
  const names = value.map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'rule' in v ? (v as { rule: unknown }).rule : null));
  return [...new Set(names.filter((n): n is TieBreakRule => (TIE_BREAK_RULES as readonly unknown[]).includes(n)))];
}

/** Negative: a before b on this rule; 0: the rule does not tell them apart. */
export function compareByRule(rule: TieBreakRule, a: TieBreakFacts, b: TieBreakFacts): number {
  switch (rule) {
    case 'highest_weight_stage':
      for (let i = 0; i < Math.max(a.stageFits.length, b.stageFits.length); i++) {
        const d = (b.stageFits[i] ?? 0) - (a.stageFits[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    case 'digital_fit':
      return b.digitalFit - a.digitalFit;
    case 'priority':
      return b.priority - a.priority;
    case 'earlier_submission':
      return a.submittedAt.getTime() - b.submittedAt.getTime();
  }
}

/** The fit first, then the rules; returns the order and the rule that decided (null: not decided by a rule). */
export function compareCandidates(rules: readonly TieBreakRule[], a: TieBreakFacts, b: TieBreakFacts): { order: number; decidedBy: TieBreakRule | null } {
  if (a.fit !== b.fit) return { order: b.fit - a.fit, decidedBy: null };
  for (const rule of rules) {
    const order = compareByRule(rule, a, b);
    if (order !== 0) return { order, decidedBy: rule };
  }
  return { order: 0, decidedBy: null };
}
