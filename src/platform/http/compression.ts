import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for every answer a browser may shrink (issue 18, item 14): the web app's JavaScript and CSS,
 * the API's JSON, CSV and calendars. Registered before any route so its onSend hook covers them all, and before
 * @fastify/static so static files are compressed too (the plugin's documented order).
 *
 * Which types are compressed is @fastify/compress's own choice from mime-db: text, JSON and XML are, while xlsx
 * (already a zip), PDF (our pdfkit output deflates its streams), fonts (woff2) and images are sent as they are —
 * compressing them again costs CPU and saves nothing. `text/event-stream` is never compressed by the plugin, so a
 * server-sent stream would keep flushing event by event.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // Quality 5 is the measured knee for JavaScript: close to quality 11's size at a small fraction of its
    // time, and cheap enough to run per request on a shared laptop (the default 4 is a few per cent larger).
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } },
    // The plugin's 1 KB default: below it the headers outweigh the saving.
    threshold: 1024,
  });
}
