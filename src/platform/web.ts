/**
 * Serves the browser application (built by `npm run build:web` into dist/web) from the same server as the API.
 * Hashed assets are cached for a year; index.html is revalidated. Any other GET that is not under /api/ or
 * /verify/ is a page of the single-page application and gets index.html; under those prefixes an unknown path
 * stays a problem+json 404, so the web never shadows the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { Problem } from './problems.ts';

/** Paths the web application never answers (the API and the public verification pages). */
export const NOT_WEB = ['/api/', '/verify/'];

export async function serveWeb(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // one route per built file (no catch-all of its own): the page fallback below is ours
    wildcard: false,
    index: false,
    // build-web writes .br and .gz beside each asset: sent to browsers that accept them, no compression per request
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (NOT_WEB.some((p) => url === p.slice(0, -1) || url.startsWith(p))) throw new Problem(404, 'route_not_found');
    // a missing hashed asset is a 404, never the page (a stale tab would otherwise parse HTML as a script)
    if (url.startsWith('/assets/')) throw new Problem(404, 'route_not_found');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
