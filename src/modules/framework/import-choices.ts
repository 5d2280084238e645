import type { LocalizedText } from './document.js';

/**
 * What NangLuc cannot decide alone about a package from another system, and
 * the user's answers. A CASE package with items straight under the document has
 * no groups; one without rubrics has no scale. The preview asks, the confirm
 * call carries the answers, and the import answer says what was done.
 */
export const STRUCTURE_CHOICES = ['one_group', 'top_level_as_groups'] as const;
export type StructureChoice = (typeof STRUCTURE_CHOICES)[number];
export const LEVELS_CHOICES = ['national_scale', 'without_levels'] as const;
export type LevelsChoice = (typeof LEVELS_CHOICES)[number];

export interface ImportChoices {
  structure?: StructureChoice;
  /** The name of the one group (one_group), or of the group holding the top-level items without children (top_level_as_groups). */
  groupName?: string;
  levels?: LevelsChoice;
}

export interface ImportQuestions {
  structure?: { options: StructureChoice[]; groupName: string };
  levels?: { options: LevelsChoice[] };
}

export interface ImportDecision {
  question: 'structure' | 'levels';
  choice: StructureChoice | LevelsChoice;
  message: LocalizedText;
}

/** The questions a confirm call left without an answer, or answered with a choice that was not offered. */
export function unansweredQuestions(questions: ImportQuestions | undefined, choices: ImportChoices): Array<'structure' | 'levels'> {
  const open: Array<'structure' | 'levels'> = [];
  if (questions?.structure && !(choices.structure && questions.structure.options.includes(choices.structure))) open.push('structure');
  if (questions?.levels && !(choices.levels && questions.levels.options.includes(choices.levels))) open.push('levels');
  return open;
}
