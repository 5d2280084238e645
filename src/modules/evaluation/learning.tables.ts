import type { ColumnType, Generated } from 'kysely';

export type LearningPhase = 'pre' | 'post';

export interface EvaluationLearningAttemptsTable {
  id: Generated<string>;
  enrolment_id: string;
  person_id: string;
  agency_id: string;
  course_id: string;
  phase: LearningPhase;
  source: 'online' | 'recorded';
  questions: ColumnType<Array<{ id: string; competencyId: string }>, string | undefined, string>;
  answers: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  submitted_at: Date | null;
  recorded_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface EvaluationLearningScoresTable {
  attempt_id: string;
  competency_id: string;
  score: ColumnType<number, number, number>;
  level: number;
}

export interface LearningTables {
  evaluation_learning_attempts: EvaluationLearningAttemptsTable;
  evaluation_learning_scores: EvaluationLearningScoresTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends LearningTables {}
}
