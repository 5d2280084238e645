import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../platform/export/spreadsheet-safe.js';

/** Send a generated file with its type and a safe Content-Disposition: the training module's downloads, in one place. */
export function sendFile(reply: FastifyReply<any>, file: { contentType: string; disposition: 'inline' | 'attachment'; name: string; body: Buffer }) {
  return reply.type(file.contentType).header('content-disposition', contentDisposition(file.disposition, file.name)).send(file.body);
}
