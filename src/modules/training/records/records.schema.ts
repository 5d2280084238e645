import { z } from 'zod';
import { calendarDate, timestamp } from '../../../platform/http/response-types.js';

const enrolmentStatus = z.enum(['pending_approval', 'enrolled', 'waitlisted', 'rejected', 'cancelled', 'completed', 'not_completed']);

export const learningHistoryAnswer = z.object({
  person: z.object({ id: z.string(), fullName: z.string(), staffCode: z.string(), agencyName: z.string() }),
  rows: z.array(
    z.object({
      enrolmentId: z.string(),
      courseCode: z.string(),
      courseTitle: z.string(),
      institutionName: z.string(),
      sessionCode: z.string(),
      startsOn: calendarDate,
      endsOn: calendarDate,
      hours: z.number(),
      status: enrolmentStatus,
      finalScore: z.number().nullable(),
      attendanceShare: z.number().nullable(),
      completedAt: timestamp.nullable(),
      credentialId: z.string().nullable(),
    }),
  ),
});

export const reportQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

const reportLine = z.object({
  key: z.string(),
  people: z.number().int(),
  participations: z.number().int(),
  completions: z.number().int(),
  hours: z.number(),
  cost: z.number(),
});

export const annualReportAnswer = z.object({
  agency: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  year: z.number().int(),
  total: reportLine,
  byFormat: z.array(reportLine),
  byGroup: z.array(reportLine.extend({ name: z.string() })),
  byRoleCategory: z.array(reportLine),
});
