/**
 * Serves the browser application (built by `npm run build:web` into dist/web) from the same server as the API.
 * Hashed assets are cached for a year; index.html is revalidated. Any other GET that is not under /api/ or
 * /verify/ is a page of the single-page application and gets index.html; under those prefixes an unknown path
 * stays a problem+json 404, so the web never shadows the API.
 *
 * The citizen's pages come with their first paint drawn in (the build's server module, src/web/prepaint.tsx): the
 * page's frame and first render in the visitor's language, for whoever is signed in, before any JavaScript runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from './problems.ts';
import { readCookie } from './security.ts';

/** Paths the web application never answers (the API and the public verification pages). */
export const NOT_WEB = ['/api/', '/verify/'];

/** The build's server module (dist/web/.server/prepaint.js, built from src/web/prepaint.tsx). */
interface Prepaint {
  drawing(path: string): { with: string[] } | undefined;
  LANG_COOKIE: string;
  requestLanguage(url: URL, remembered: string | undefined): string;
  prepaint(template: string, page: { href: string; lang: string; me: unknown; data: Record<string, unknown> }): string;
}

export interface WebOptions {
  /** Who is signed in, as GET /api/v1/auth/me says it in `lang`; null for a visitor. */
  whoIs(request: FastifyRequest, lang: string): Promise<unknown>;
  /** The API's answer to a GET of `path` for the page's request (its session, in `lang`); undefined when refused. */
  ask(request: FastifyRequest, path: string, lang: string): Promise<unknown>;
}

export async function serveWeb(app: FastifyInstance, dir: string, options: WebOptions): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return false;
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const serverModule = path.join(dir, '.server', 'prepaint.js');
  const drawn = fs.existsSync(serverModule) ? ((await import(pathToFileURL(serverModule).href)) as Prepaint) : undefined;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // one route per built file (no catch-all of its own): the page fallback below is ours
    wildcard: false,
    index: false,
    // build-web writes .br and .gz beside each asset: sent to browsers that accept them, no compression per request
    preCompressed: true,
    // the server's module is read from disk, never sent
    globIgnore: ['**/*.br', '**/*.gz', '.server/**'],
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  async function page(request: FastifyRequest, reply: FastifyReply) {
    const url = new URL(request.url, 'http://tynda');
    const drawing = drawn?.drawing(url.pathname);
    if (!drawn || !drawing) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    const lang = drawn.requestLanguage(url, readCookie(request.headers.cookie, drawn.LANG_COOKIE));
    let html: string;
    try {
      const [me, ...answers] = await Promise.all([options.whoIs(request, lang), ...drawing.with.map((p) => options.ask(request, p, lang))]);
      // an answer refused (not found, not yours) is left out: the application shows the refusal itself
      const data = Object.fromEntries(drawing.with.flatMap((p, i) => (answers[i] === undefined ? [] : [[p, answers[i]]])));
      html = drawn.prepaint(template, { href: url.pathname + url.search, lang, me, data });
    } catch (error) {
      // a page that cannot be drawn is still served: the application draws it in the browser
      request.log.error({ err: error, page: url.pathname }, 'web: the first paint was not drawn');
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    // drawn for this visitor: never kept by a shared cache
    reply.header('cache-control', 'private, no-cache').header('vary', 'cookie, accept-encoding').type('text/html; charset=utf-8');
    if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return html;
    return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(html));
  }

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (NOT_WEB.some((p) => url === p.slice(0, -1) || url.startsWith(p))) throw new Problem(404, 'route_not_found');
    // a missing hashed asset is a 404, never the page (a stale tab would otherwise parse HTML as a script)
    if (url.startsWith('/assets/')) throw new Problem(404, 'route_not_found');
    return page(request, reply);
  });
  app.get('/', { schema: { hide: true } }, page);
  return true;
}
