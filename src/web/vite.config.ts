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
      dir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
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
 * Kazakh is the default language: its texts (a dynamic chunk, so Russian and English readers never load them) are
 * announced in the page as a modulepreload, fetched alongside the entry instead of after it (the first paint waits
 * for them).
 */
function preloadDefaultTexts(): Plugin {
  return {
    name: 'tynda-preload-kk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const kk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/locales/kk.json'));
        return kk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${kk.fileName}` }, injectTo: 'head' }] : html;
      },
    },
  };
}

const outDir = path.resolve(here, '../../dist/web');

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), preloadDefaultTexts(), precompress()],
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
