import type { ColumnType, Generated } from 'kysely';
import type { PlanInputs, VersionSummary } from './planning.schema.js';

type CreatedAt = ColumnType<Date, never, never>;
/** bigint is parsed to number on both engines (platform/db/engine.ts). */
type Money = ColumnType<number, number, number>;

export interface PlanningPlansTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  name: string;
  budget: Money;
  inputs: ColumnType<PlanInputs, string, string>;
  status: Generated<'draft' | 'approved'>;
  approved_version: number | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PlanningRunsTable {
  id: Generated<string>;
  plan_id: string;
  agency_id: string;
  status: Generated<RunStatus>;
  phase: string | null;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
  cancel_requested: Generated<boolean>;
  error: ColumnType<{ code: string; details: Record<string, unknown> } | null, string | null, string | null>;
  version: number | null;
  requested_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface PlanningVersionsTable {
  plan_id: string;
  number: number;
  source: 'solver' | 'edit' | 'import';
  method: string | null;
  benefit: number;
  cost: Money;
  bound: number | null;
  greedy_benefit: number | null;
  summary: ColumnType<VersionSummary, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlanningAssignmentsTable {
  plan_id: string;
  version: number;
  person_id: string;
  /** The session, or (until the plan is approved) the class to open: exactly one of the two. */
  session_id: string | null;
  opening_id: ColumnType<string | null, string | null | undefined, string | null>;
  agency_id: string;
}

export interface PlanningOpeningsTable {
  id: Generated<string>;
  agency_id: string;
  course_id: string;
  code: string;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  seats: number;
  min_class: number;
  opening_cost: Money;
  cost_per_seat: Money;
  status: Generated<'proposed' | 'opened' | 'withdrawn'>;
  session_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PlanningTables {
  planning_plans: PlanningPlansTable;
  planning_runs: PlanningRunsTable;
  planning_versions: PlanningVersionsTable;
  planning_assignments: PlanningAssignmentsTable;
  planning_openings: PlanningOpeningsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends PlanningTables {}
}
