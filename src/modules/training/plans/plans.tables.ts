import type { ColumnType, Generated } from 'kysely';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface TrainingDevelopmentPlansTable {
  id: Generated<string>;
  person_id: string;
  cycle_id: string;
  agency_id: string;
  status: Generated<PlanStatus>;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  leader_note: Generated<string>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface TrainingPlanItemsTable {
  plan_id: string;
  course_id: string;
  session_id: string | null;
  position: number;
  benefit: ColumnType<number, number, number>;
  /** GapClosed[] (recommend.ts), as JSON. */
  reasons: ColumnType<unknown, string, string>;
  added_by: 'person' | 'leader';
}

export interface PlansTables {
  training_development_plans: TrainingDevelopmentPlansTable;
  training_plan_items: TrainingPlanItemsTable;
}

declare module '../../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends PlansTables {}
}
