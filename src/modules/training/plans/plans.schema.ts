import { z } from 'zod';
import { calendarDate, page, timestamp } from '../../../platform/http/response-types.js';

const planStatus = z.enum(['draft', 'submitted', 'approved', 'returned']);
const choice = z.strictObject({ courseId: z.uuid(), sessionId: z.uuid().nullish() });

export const planChoiceBody = z.strictObject({ items: z.array(choice).max(20) });
export const planDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  note: z.string().trim().max(2000).optional(),
  /** The courses as the leader changes them (omitted: as the person chose). */
  items: z.array(choice).max(20).optional(),
});
export const planListQuery = z.strictObject({
  status: planStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const gapClosed = z.object({
  competency: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  assessedLevel: z.number(),
  requiredLevel: z.number(),
  /** Levels of the gap the course covers. */
  levels: z.number(),
  criticality: z.number(),
});

const courseSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleEn: z.string(),
  format: z.string(),
  hours: z.number(),
  costPerSeat: z.number(),
  institutionId: z.string(),
  institutionName: z.string(),
});

const nextSession = z.object({
  id: z.string(),
  code: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  place: z.string(),
  enrolClosesOn: calendarDate,
  seatsLeft: z.number().int(),
});

const recommendation = z.object({
  courseId: z.string(),
  benefit: z.number(),
  reasons: z.array(gapClosed),
  course: courseSummary,
  sessions: z.array(nextSession),
});
const planItem = recommendation.extend({ sessionId: z.string().nullable(), addedBy: z.enum(['person', 'leader']) });

export const personPlanAnswer = z.object({
  person: z.object({ id: z.string(), fullName: z.string(), staffCode: z.string() }),
  cycle: z.object({ id: z.string(), name: z.string() }).nullable(),
  plan: z
    .object({
      id: z.string(),
      status: planStatus,
      leaderNote: z.string(),
      submittedAt: timestamp.nullable(),
      decidedAt: timestamp.nullable(),
      items: z.array(planItem),
    })
    .nullable(),
  recommendations: z.array(recommendation),
  canChoose: z.boolean(),
  canDecide: z.boolean(),
});

export const planList = page(
  z.object({
    id: z.string(),
    status: planStatus,
    personId: z.string(),
    fullName: z.string(),
    staffCode: z.string(),
    agencyName: z.string(),
    cycleName: z.string(),
    submittedAt: timestamp.nullable(),
    decidedAt: timestamp.nullable(),
    courses: z.number().int(),
    cost: z.number(),
  }),
);
