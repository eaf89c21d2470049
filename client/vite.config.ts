import { cpSync, createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where the whiteboard looks for its fonts; must match EXCALIDRAW_ASSET_PATH set in the client. */
const EXCALIDRAW_ASSETS = '/excalidraw-assets/';

const backend = 'http://127.0.0.1:3000';

/**
 * Excalidraw fetches its hand-drawn fonts at run time, from a CDN unless told otherwise. We serve
 * them from our own origin instead, so a room works without internet and never calls a third party.
 */
function excalidrawFonts(): Plugin {
  const require = createRequire(import.meta.url);
  const fontsDir = path.join(path.dirname(require.resolve('@excalidraw/excalidraw')), 'fonts');
  const urlPrefix = `${EXCALIDRAW_ASSETS}fonts/`;
  let outDir = 'dist';
  return {
    name: 'quorum:excalidraw-fonts',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(urlPrefix)) return next();
        const file = path.join(fontsDir, decodeURIComponent(url.slice(urlPrefix.length)));
        if (!file.startsWith(fontsDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'font/woff2');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      cpSync(fontsDir, path.join(outDir, EXCALIDRAW_ASSETS, 'fonts'), { recursive: true });
    },
  };
}

/** Text files worth compressing; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy of every compressible file at build time, at the
 * highest levels, so the server sends them without compressing anything per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'quorum:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((entry) => {
          const full = path.join(dir, entry);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir).filter((name) => COMPRESSIBLE.test(name))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        const brotli = brotliCompressSync(content, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
        });
        const gzip = gzipSync(content, { level: 9 });
        if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), excalidrawFonts(), precompress()],
  define: { __EXCALIDRAW_ASSETS__: JSON.stringify(EXCALIDRAW_ASSETS) },
  resolve: {
    // One copy of each, or Yjs documents silently stop syncing ("Yjs was already imported").
    dedupe: ['yjs', 'y-protocols', 'lib0', 'y-websocket'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Excalidraw alone is about 2 MB; it loads lazily on the room page, so the warning says nothing useful.
    chunkSizeWarningLimit: 2600,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/socket.io': { target: backend, ws: true },
      '/yjs': { target: backend, ws: true },
    },
  },
});
