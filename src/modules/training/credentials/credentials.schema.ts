import { z } from 'zod';
import { page, timestamp } from '../../../platform/http/response-types.js';

export const credentialStatus = z.enum(['pending', 'issued', 'revoked']);
export const verificationStatus = z.enum(['genuine', 'revoked', 'tampered', 'invalid']);

export const credentialListQuery = z.strictObject({
  /** Only the caller's own certificates (the "my certificates" page), whatever else their role reads. */
  mine: z.enum(['true', 'false']).optional(),
  personId: z.uuid().optional(),
  status: credentialStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const revokeBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

const credentialItem = z.object({
  id: z.string(),
  status: credentialStatus,
  personId: z.string(),
  personName: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  courseTitleEn: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  completedAt: timestamp,
  issuedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const credentialList = page(credentialItem);
export const credentialDetail = credentialItem.extend({
  revokeReason: z.string().nullable(),
  /** The signed Open Badges 3.0 credential (null while pending). */
  document: z.record(z.string(), z.unknown()).nullable(),
});

/**
 * A credential pasted (text) or uploaded (parsed JSON) for checking. A JSON-LD document is an object with
 * an @context (anything else is not a credential at all: 400); what it says and how it is signed is the
 * verifier's answer, never a refusal.
 */
export const verifyBody = z.strictObject({
  credential: z.union([z.string().min(2).max(1_000_000), z.looseObject({ '@context': z.union([z.string(), z.array(z.unknown()).min(1)]) })]),
});

const summary = z.object({
  id: z.string().nullable(),
  issuerId: z.string().nullable(),
  issuerName: z.string().nullable(),
  personName: z.string().nullable(),
  courseCode: z.string().nullable(),
  courseName: z.string().nullable(),
  validFrom: z.string().nullable(),
  competencies: z.array(z.object({ code: z.string(), name: z.string(), url: z.string() })),
});

export const verificationAnswer = z.object({
  status: verificationStatus,
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  /** What the credential says: only when its signature holds (genuine or revoked). */
  credential: summary.nullable(),
  credentialId: z.string().nullable(),
  revokedAt: timestamp.nullable(),
});

export const publicCredentialAnswer = verificationAnswer.extend({ document: z.record(z.string(), z.unknown()) });

export const controllerDocumentAnswer = z.object({
  '@context': z.array(z.string()),
  id: z.string(),
  verificationMethod: z.array(z.object({ id: z.string(), type: z.string(), controller: z.string(), publicKeyMultibase: z.string() })),
  assertionMethod: z.array(z.string()),
});
