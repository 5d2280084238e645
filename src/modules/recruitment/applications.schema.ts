import { z } from 'zod';
import { isoDate } from '../../platform/http/schema-types.js';
import { calendarDate, timestamp } from '../../platform/http/response-types.js';
import { APPLICATION_STATUSES, CAMPAIGN_STATUSES, DOCUMENT_KINDS } from './recruitment.schema.js';

const text = (max: number) => z.string().trim().max(max);
/** The citizen identity number (căn cước), 12 digits; optional, it lets an appointment find an existing record. */
const identityNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^\d{12}$/))
  .nullable()
  .default(null);

const documentInput = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  fileName: text(200).min(1),
  /** The file's bytes, base64: PDF, PNG or JPEG, at most 5 MB (checked by the bytes, not the name). */
  content: z.base64().max(7_000_000),
});

const applicationFields = {
  positionId: z.uuid(),
  /** The version of the consent text the candidate agreed to; it must be the current one. */
  consentVersion: text(20).min(1),
  /** A priority category under the law (a tie-break rule). */
  priority: z.boolean().default(false),
  documents: z.array(documentInput).max(20).default([]),
};

export const applicationBody = z.strictObject(applicationFields);

export const paperApplicationBody = z.strictObject({
  ...applicationFields,
  candidate: z.strictObject({
    fullName: text(200).min(1),
    email: z.email().max(200).nullable().default(null),
    phone: text(30).nullable().default(null),
    dateOfBirth: isoDate.nullable().default(null),
    identityNumber,
  }),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

export const signUpBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(100)
    .regex(/^[A-Za-z0-9._@+-]+$/),
  /** At least 10 characters, as for every account (auth.routes.ts). */
  password: z.string().min(10).max(200),
  fullName: text(200).min(1),
  email: z.email().max(200),
  phone: text(30).nullable().default(null),
  dateOfBirth: isoDate.nullable().default(null),
  identityNumber,
  campaignId: z.uuid().optional(),
});

const applicationSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignCode: z.string(),
  campaignTitle: z.string(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES),
  positionId: z.string(),
  positionTitle: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  source: z.enum(['online', 'paper']),
  submittedAt: timestamp,
});

export const myApplicationList = z.object({ items: z.array(applicationSummary) });
export const campaignApplicationList = z.object({
  items: z.array(applicationSummary.extend({ email: z.string().nullable(), phone: z.string().nullable(), documents: z.number() })),
});

export const applicationDetail = applicationSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  retainUntil: calendarDate.nullable(),
  consentAt: timestamp.nullable(),
  consentVersion: z.string().nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      fileName: z.string(),
      mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
      sizeBytes: z.number(),
      uploadedAt: timestamp,
    }),
  ),
});
