import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { candidateIndex } from './plan-check.js';
import { buildPlanInstance, type PlanInstance } from './plan-instance.js';
import { planningEvidence, type PlanningEvidence } from './planning.repository.js';
import type { PlanInputs } from './planning.schema.js';

export interface PlanContext {
  evidence: PlanningEvidence;
  instance: PlanInstance;
  personIndex: Map<string, number>;
  sessionIndex: Map<string, number>;
  candidates: Map<string, number>;
}

/** The model of a plan as the database stands now: its inputs applied to the agency's staff, results and sessions. */
export async function planContext(db: Kysely<Database>, plan: { agencyPath: string; budget: number; inputs: PlanInputs }): Promise<PlanContext> {
  const evidence = await planningEvidence(db, plan.agencyPath, plan.inputs);
  const groupWeights = new Map(plan.inputs.priorities.competencyGroups.map((g) => [g.groupCode, g.weight]));
  const competencyWeights = Object.fromEntries([...evidence.groups].map(([code, group]) => [code, groupWeights.get(group.code) ?? 1]));
  const instance = buildPlanInstance(evidence.people, evidence.sessions, {
    budget: plan.budget,
    unitBudgets: Object.fromEntries(plan.inputs.unitBudgets.map((u) => [u.agencyId, u.budget])),
    competencyWeights,
    excluded: new Set(plan.inputs.excludedPersonIds),
    mandatory: plan.inputs.mandatory,
    taken: evidence.taken,
  });
  return {
    evidence,
    instance,
    personIndex: new Map(instance.people.map((p, i) => [p.id, i])),
    sessionIndex: new Map(instance.sessions.map((s, i) => [s.id, i])),
    candidates: candidateIndex(instance),
  };
}
