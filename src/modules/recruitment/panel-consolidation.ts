/**
 * Consolidating a panel's ratings of one candidate on one competency, without I/O. The members are equals (no
 * source weights as in the 360°), so the level is their median: one member far from the rest moves it less than
 * a mean would. Spread is the 360° rule's (population standard deviation, consolidation.ts); the flag asks the
 * chair to look again when two members are two or more levels apart.
 */
import { median as ssMedian } from 'simple-statistics';
import { round2, standardDeviation } from '../assessment/consolidation.js';

/** Members this many levels apart (highest − lowest) are flagged as disagreeing. */
export const DISAGREEMENT_LEVELS = 2;

export interface PanelConsolidation {
  /** The median of the members' levels (2 decimals): the level the ranking uses. */
  level: number;
  mean: number;
  spread: number;
  raters: number;
  min: number;
  max: number;
  flag: 'panel_disagreement' | null;
}

export function consolidatePanel(levels: readonly number[]): PanelConsolidation | null {
  if (levels.length === 0) return null;
  const min = Math.min(...levels);
  const max = Math.max(...levels);
  return {
    level: round2(ssMedian([...levels])),
    mean: round2(levels.reduce((s, l) => s + l, 0) / levels.length),
    spread: round2(standardDeviation([...levels])),
    raters: levels.length,
    min,
    max,
    flag: max - min >= DISAGREEMENT_LEVELS ? 'panel_disagreement' : null,
  };
}
