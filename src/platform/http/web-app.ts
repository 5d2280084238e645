import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names every built file under assets/ after a hash of its content: `index-BQ3fZ1x2.js`. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|ttf|svg|png|jpe?g|webp)$/;

/** A hashed file never changes under its name: browsers keep it a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashes: browsers must ask each time (a 304 when nothing changed). */
export const REVALIDATE = 'no-cache';

function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built web app from `webRoot` (issue 18, item 14: hashed assets used to go out with `max-age=0`,
 * so every page load asked again for 765 KB). Returns false when nothing is built (API only).
 */
export async function installWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<boolean> {
  if (webRoot === undefined || !fs.existsSync(path.join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    cacheControl: false,
    setHeaders(res, filePath) {
      const urlPath = '/' + path.relative(webRoot, filePath).split(path.sep).join('/');
      res.setHeader('cache-control', cacheControlFor(urlPath));
    },
  });
  return true;
}
