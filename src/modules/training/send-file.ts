import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';

/**
 * Send a generated file. The route's `fileResponse` schema describes the body to OpenAPI as a binary
 * string, so the route's typed reply expects a string; Fastify sends a Buffer as it is (no serialiser
 * runs for it), so files go through this untyped reply, in one place.
 */
export function sendFile(reply: FastifyReply<any>, file: { contentType: string; disposition: 'inline' | 'attachment'; name: string; body: Buffer }) {
  return reply.type(file.contentType).header('content-disposition', contentDisposition(file.disposition, file.name)).send(file.body);
}
