import { z } from 'zod';

/**
 * Response field types shared by every module (issue 13, one API contract):
 * each route declares what it answers in `schema.response`, the serializer
 * checks every answer against it (a mismatch is a 500 the tests see, never a
 * silent drift), and the web app's types are generated from the OpenAPI
 * document built from these schemas (`npm run api:types`).
 */

/**
 * A point in time. The database driver hands timestamptz columns over as Date
 * (sent as ISO 8601); values built in SQL with to_char arrive as strings.
 * Either way the client receives an ISO 8601 string.
 */
export const timestamp = z.union([z.date(), z.iso.datetime({ offset: true })]);

/** A calendar date, yyyy-mm-dd (date columns are read as strings on both engines). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The body of every error answer (src/platform/http/error-handler.ts). */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** 204: the answer has no body. */
export const noContent = z.undefined().describe('No content');

/**
 * A file download (xlsx, pdf, csv, ics, zip): the handler sends a Buffer with
 * its own Content-Type, which Fastify sends as it is (no serializer runs for a
 * Buffer); OpenAPI, and so the web types, see a binary string.
 */
const fileBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' });

export function fileResponse(contentType: string | readonly string[], description: string) {
  const types = typeof contentType === 'string' ? [contentType] : contentType;
  return { description, content: Object.fromEntries(types.map((type) => [type, { schema: fileBytes }])) };
}

/** `{ ok: true }`: the answer of a change that has nothing else to say. */
export const okAnswer = z.object({ ok: z.literal(true) });

/** A page of a list: the items in order and how many there are in all. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
