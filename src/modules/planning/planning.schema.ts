import { z } from 'zod';
import { calendarDate, timestamp } from '../../platform/http/response-types.js';
import { isoDate } from '../../platform/http/schema-types.js';

const uuid = z.uuid();
const money = z.number().int().min(0).max(1_000_000_000_000_000);
const weight = z.number().min(0.1).max(10);

/** What HR states for the year (issue 15, item 1). Every list has a limit so a request stays small. */
export const planInputs = z.strictObject({
  /** Sessions on offer; empty: every planned or open session whose enrolment has not closed. */
  sessionIds: z.array(uuid).max(2_000).default([]),
  /** Budget per unit (an agency of the subtree) for its people's seats. */
  unitBudgets: z
    .array(z.strictObject({ agencyId: uuid, budget: money }))
    .max(500)
    .default([]),
  /** Training hours each person may spend in the year. */
  hoursLimit: z.number().min(0).max(2_000).default(80),
  /** People on leave, retiring… */
  excludedPersonIds: z.array(uuid).max(20_000).default([]),
  mandatory: z
    .array(z.strictObject({ personId: uuid, sessionId: uuid }))
    .max(5_000)
    .default([]),
  priorities: z
    .strictObject({
      /** Competency groups by code (the digital-government groups first): a seat's benefit is multiplied by the weight. */
      competencyGroups: z
        .array(z.strictObject({ groupCode: z.string().trim().min(1).max(50), weight }))
        .max(50)
        .default([]),
      positions: z
        .array(z.strictObject({ positionId: uuid, weight }))
        .max(500)
        .default([]),
      /** People with no completed course in the last N years weigh `noTrainingWeight`. */
      noTrainingYears: z.number().int().min(1).max(20).optional(),
      noTrainingWeight: weight.default(1.5),
    })
    .default({ competencyGroups: [], positions: [], noTrainingWeight: 1.5 }),
});
export type PlanInputs = z.infer<typeof planInputs>;

export const createPlanBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(200),
  budget: money,
  inputs: planInputs.optional(),
});
export const updatePlanBody = createPlanBody.omit({ year: true });
export const solveBody = z.strictObject({ timeLimitSeconds: z.number().int().min(1).max(600).default(60) });
const seatInput = z.strictObject({ personId: uuid, sessionId: uuid });
export const seatsBody = z.strictObject({ seats: z.array(seatInput).max(100_000) });
export const planParams = z.strictObject({ id: uuid });
export const versionParams = z.strictObject({ id: uuid, number: z.coerce.number().int().min(1).max(1_000_000) });
export const runParams = z.strictObject({ id: uuid, runId: uuid });
export const planListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A class to open (issue 15): runs only if a plan chooses at least `minClass` people; `openingCost` is paid once. */
export const openingBody = z.strictObject({
  courseId: uuid,
  /** The agency whose plans may fill it (its own, those above and below it); default the caller's. */
  agencyId: uuid.optional(),
  code: z.string().trim().min(1).max(50),
  startsOn: isoDate,
  endsOn: isoDate,
  seats: z.number().int().min(1).max(10_000),
  minClass: z.number().int().min(1).max(10_000),
  openingCost: money,
  /** Default: the course's price a seat. */
  costPerSeat: money.optional(),
});
export type OpeningBody = z.infer<typeof openingBody>;
export const openingParams = z.strictObject({ openingId: uuid });
export const openingListQuery = z.strictObject({ status: z.enum(['proposed', 'opened', 'withdrawn']).optional() });
export const openingAnswer = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  code: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  seats: z.number().int(),
  minClass: z.number().int(),
  openingCost: z.number(),
  costPerSeat: z.number(),
  status: z.enum(['proposed', 'opened', 'withdrawn']),
  /** The session the approved plan created. */
  sessionId: z.string().nullable(),
  createdAt: timestamp,
});
export const openingList = z.object({ items: z.array(openingAnswer) });

const total = z.object({ key: z.string(), label: z.string(), levels: z.number(), benefit: z.number(), seats: z.number().int() });

/** Stored with each version: its figures and the explanation's totals (the seats' reasons are re-derived when read). */
export const versionSummary = z.object({
  gap: z.number().nullable(),
  lpBound: z.number().nullable(),
  benefitPer10Million: z.number().nullable(),
  mipStatus: z.string().nullable(),
  elapsedMs: z.number(),
  byGroup: z.array(total),
  byUnit: z.array(total),
  byPosition: z.array(total),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const planAnswer = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number().int(),
  name: z.string(),
  budget: z.number(),
  inputs: planInputs,
  status: z.enum(['draft', 'approved']),
  approvedVersion: z.number().int().nullable(),
  latestVersion: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const planList = z.object({ items: z.array(planAnswer) });

export const budgetQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), agencyId: uuid.optional() });
export const budgetAnswer = z.object({
  year: z.number().int(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  rows: z.array(
    z.object({
      agencyId: z.string(),
      name: z.string(),
      own: z.boolean(),
      hasChildren: z.boolean(),
      approvedPlans: z.number().int(),
      draftPlans: z.number().int(),
      budget: z.number(),
      planned: z.number(),
      plannedSeats: z.number().int(),
      spent: z.number(),
      spentSeats: z.number().int(),
    }),
  ),
});

export const runAnswer = z.object({
  id: z.string(),
  planId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  phase: z.string().nullable(),
  incumbent: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
  version: z.number().int().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

const violation = z.object({
  limit: z.string(),
  personId: z.string().nullable(),
  sessionId: z.string().nullable(),
  unitId: z.string().nullable(),
  competency: z.string().nullable(),
  limitValue: z.number(),
  actual: z.number(),
  by: z.number(),
});

export const checkAnswer = z.object({
  benefit: z.number(),
  cost: z.number(),
  seats: z.number().int(),
  /** The best bound known for this plan's inputs (from its latest solve), and how far this plan is below it. */
  bound: z.number().nullable(),
  gapToBound: z.number().nullable(),
  violations: z.array(violation),
});

const reason = z.object({
  competency: z.string(),
  assessedLevel: z.number(),
  requiredLevel: z.number(),
  levels: z.number(),
  criticality: z.number(),
  weight: z.number(),
  realisation: z.number(),
});

export const versionAnswer = z.object({
  number: z.number().int(),
  source: z.enum(['solver', 'edit', 'import']),
  method: z.string().nullable(),
  benefit: z.number(),
  cost: z.number(),
  bound: z.number().nullable(),
  greedyBenefit: z.number().nullable(),
  summary: versionSummary,
  createdAt: timestamp,
  check: checkAnswer,
  seats: z.array(
    z.object({
      personId: z.string(),
      staffCode: z.string(),
      fullName: z.string(),
      agencyId: z.string(),
      sessionId: z.string(),
      sessionCode: z.string(),
      courseTitle: z.string(),
      cost: z.number(),
      benefit: z.number(),
      benefitPerMillion: z.number(),
      reasons: z.array(reason),
      /** The seat is in a class to open (sessionId is the class's id until the plan is approved). */
      opening: z.boolean(),
    }),
  ),
  /** Every class to open the model offered: how many this version puts in it and whether that opens it. */
  openings: z.array(
    z.object({
      sessionId: z.string(),
      code: z.string(),
      courseTitle: z.string(),
      openingCost: z.number(),
      minClass: z.number().int(),
      seats: z.number().int(),
      chosen: z.number().int(),
      opens: z.boolean(),
    }),
  ),
  leftOut: z.array(z.object({ personId: z.string(), fullName: z.string(), limit: z.string(), sessionId: z.string() })),
});
export const versionList = z.object({
  items: z.array(z.object({ number: z.number().int(), source: z.string(), benefit: z.number(), cost: z.number(), createdAt: timestamp })),
});
export const approveAnswer = z.object({
  plan: planAnswer,
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  /** The classes to open the plan opened, with the session each became. */
  opened: z.array(z.object({ openingId: z.string(), sessionId: z.string() })),
});
