/** Build of the browser application: `npm run build:web` writes dist/web, which the server serves at `/`. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes .br and .gz beside every text asset, for @fastify/static's preCompressed (no compression per request). */
function precompress(): Plugin {
  let dir = '';
  return {
    name: 'tynda-precompress',
    apply: 'build',
    configResolved(config) {
      // the server's module (prepaint.tsx) is read from disk, never sent
      dir = config.build.ssr ? '' : path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!dir) return;
      const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      for (const file of walk(dir).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
        const data = fs.readFileSync(file);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * The first paint needs two dynamic chunks besides the entry (opening.ts): the application itself (main.tsx, loaded
 * by the entry after its early requests) and the Kazakh texts (the default language; a chunk of their own so Russian
 * and English readers never load them). Both, with the chunks they import, are announced in the page as
 * modulepreloads, fetched alongside the entry instead of after it.
 */
function preloadFirstPaint(): Plugin {
  return {
    name: 'tynda-preload-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const f of byFile.get(file)?.imports ?? []) visit(f);
        };
        for (const c of chunks) if (c.isDynamicEntry && /\/src\/web\/(main\.tsx|locales\/kk\.json)$/.test(c.facadeModuleId ?? '')) visit(c.fileName);
        // the entry and its static imports are in the page already (Vite's own tags)
        for (const c of chunks) if (c.isEntry || html.includes(`/${c.fileName}"`)) files.delete(c.fileName);
        return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

const outDir = path.resolve(here, '../../dist/web');

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), preloadFirstPaint(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // the Content-Security-Policy forbids inline scripts: no inlined module-preload polyfill either
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  // /verify/{id} is the server's public check of an act (the QR of its PDF), never a page of this application
  server: { proxy: { '/api': 'http://localhost:3000', '/verify': 'http://localhost:3000' } },
});
