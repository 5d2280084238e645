import type { GroupKind } from '../document.js';

/** [Vietnamese, English]: the seed content is written in pairs so neither language is forgotten. */
export type Pair = readonly [string, string];

export interface CompetencySeed {
  code: string;
  name: Pair;
  description: Pair;
  /** One or more indicators per level, index 0 = level 1. */
  indicators: ReadonlyArray<Pair | ReadonlyArray<Pair>>;
}

export interface GroupSeed {
  code: string;
  kind: GroupKind;
  name: Pair;
  description: Pair;
  competencies: CompetencySeed[];
}
