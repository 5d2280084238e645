import { z } from 'zod';
import { isoDate } from '../../../platform/http/schema-types.js';
import { calendarDate, timestamp } from '../../../platform/http/response-types.js';

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });

export const idParams = z.strictObject({ id: z.uuid() });

export const meetingInput = z.strictObject({
  /** Given: the meeting kept (its attendance too); absent: a new meeting. */
  id: z.uuid().optional(),
  startsAt: instant,
  endsAt: instant,
  topic: text(300).default(''),
});

const sessionFields = {
  startsOn: isoDate,
  endsOn: isoDate,
  place: text(300).default(''),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  seats: z.number().int().min(1).max(10_000),
  enrolOpensOn: isoDate,
  enrolClosesOn: isoDate,
  /** Integer dong; the course's price when absent. */
  costPerSeat: z.number().int().min(0).max(1_000_000_000_000).optional(),
  lecturerIds: z.array(z.uuid()).max(50).default([]),
  meetings: z.array(meetingInput).max(200).default([]),
};

export const sessionCreateBody = z.strictObject({
  courseId: z.uuid(),
  code: text(60)
    .min(1)
    .regex(/^[\p{L}\p{N}._/-]+$/u),
  ...sessionFields,
});

export const sessionUpdateBody = z.strictObject(sessionFields).partial();

export const sessionListQuery = z.strictObject({
  /** Sessions the caller's institution runs (trainers). */
  mine: z.enum(['true', 'false']).optional(),
  /** Only sessions open for enrolment today. */
  open: z.enum(['true', 'false']).optional(),
  courseId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const meeting = z.object({ id: z.string(), startsAt: timestamp, endsAt: timestamp, topic: z.string() });
const sessionStatus = z.enum(['planned', 'open', 'running', 'completed', 'cancelled']);

export const sessionSummary = z.object({
  id: z.string(),
  code: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  courseTitleEn: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  place: z.string(),
  onlineUrl: z.string().nullable(),
  seats: z.number().int(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  enrolOpensOn: calendarDate,
  enrolClosesOn: calendarDate,
  costPerSeat: z.number().int(),
  status: sessionStatus,
  minAttendance: z.number(),
  passScore: z.number().nullable(),
  /** Today is within the enrolment window and the session is not closed. */
  enrolmentOpen: z.boolean(),
  /** The caller may edit it, record attendance and close it. */
  canManage: z.boolean(),
});

export const sessionDetail = sessionSummary.extend({
  meetings: z.array(meeting),
  lecturers: z.array(z.object({ id: z.string(), fullName: z.string(), title: z.string() })),
});

export const sessionList = z.object({ items: z.array(sessionSummary), total: z.number().int() });

export const enrolmentStatus = z.enum(['pending_approval', 'enrolled', 'waitlisted', 'rejected', 'cancelled', 'completed', 'not_completed']);

export const enrolment = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionCode: z.string(),
  courseTitle: z.string(),
  courseTitleEn: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  personId: z.string(),
  fullName: z.string(),
  staffCode: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: enrolmentStatus,
  source: z.enum(['self', 'hr', 'plan']),
  requestedAt: timestamp,
  decidedAt: timestamp.nullable(),
  replacesId: z.string().nullable(),
  cancelReason: z.string().nullable(),
  attendanceShare: z.number().nullable(),
  finalScore: z.number().nullable(),
  completedAt: timestamp.nullable(),
});

export const enrolmentList = z.object({ items: z.array(enrolment), total: z.number().int() });

export const enrolmentListQuery = z.strictObject({
  status: enrolmentStatus.optional(),
  sessionId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const enrolPeopleBody = z.strictObject({
  personIds: z.array(z.uuid()).min(1).max(500),
  /** 'plan' when a development plan enrols the person (issue 14, item 7). */
  source: z.enum(['hr', 'plan']).default('hr'),
});

export const requestBody = z.strictObject({ sessionId: z.uuid() });
export const cancelBody = z.strictObject({ reason: text(500).optional() });
export const replaceBody = z.strictObject({ personId: z.uuid() });
