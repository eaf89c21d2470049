import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where the whiteboard looks for its fonts; must match EXCALIDRAW_ASSET_PATH set in the client. */
const EXCALIDRAW_ASSETS = '/excalidraw-assets/';

const backend = 'http://127.0.0.1:3000';

interface OwnOriginAssets {
  name: string;
  /** The URL path they are served under, ending in a slash. */
  urlPrefix: string;
  dir: string;
  /** Only these files of `dir`; all of it when absent. */
  files?: readonly string[];
  contentType: (file: string) => string;
}

/** Files from a package, served by the dev server and copied into the build under `urlPrefix`. */
function ownOriginAssets({ name, urlPrefix, dir, files, contentType }: OwnOriginAssets): Plugin {
  let outDir = 'dist';
  return {
    name,
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(urlPrefix)) return next();
        const relative = decodeURIComponent(url.slice(urlPrefix.length));
        const file = path.join(dir, relative);
        const allowed = files ? files.includes(relative) : file.startsWith(dir + path.sep);
        if (!allowed || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', contentType(file));
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      const target = path.join(outDir, urlPrefix);
      if (!files) return cpSync(dir, target, { recursive: true });
      mkdirSync(target, { recursive: true });
      for (const file of files) cpSync(path.join(dir, file), path.join(target, file));
    },
  };
}

const require = createRequire(import.meta.url);

/**
 * Excalidraw fetches its hand-drawn fonts at run time, from a CDN unless told otherwise. We serve
 * them from our own origin instead, so a room works without internet and never calls a third party.
 */
const excalidrawFonts = () =>
  ownOriginAssets({
    name: 'quorum:excalidraw-fonts',
    urlPrefix: `${EXCALIDRAW_ASSETS}fonts/`,
    dir: path.join(path.dirname(require.resolve('@excalidraw/excalidraw')), 'fonts'),
    contentType: () => 'font/woff2',
  });

/**
 * Pyodide's WebAssembly and standard library, served from our own origin (never a CDN) under a path
 * that names the version, so the server may cache them as immutable. Only what a plain Python run
 * needs; the worker preloads these with a progress bar.
 */
const pyodideDir = path.dirname(require.resolve('pyodide/package.json'));
const pyodideVersion = (JSON.parse(readFileSync(path.join(pyodideDir, 'package.json'), 'utf8')) as { version: string }).version;
const PYODIDE_URL = `/pyodide/${pyodideVersion}/`;
const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].map((name) => ({
  name,
  size: statSync(path.join(pyodideDir, name)).size,
}));
const pyodideTypes: Record<string, string> = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json' };
const pyodideAssets = () =>
  ownOriginAssets({
    name: 'quorum:pyodide',
    urlPrefix: PYODIDE_URL,
    dir: pyodideDir,
    files: pyodideFiles.map((file) => file.name),
    contentType: (file) => pyodideTypes[path.extname(file)] ?? 'application/octet-stream',
  });

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
  plugins: [react(), excalidrawFonts(), pyodideAssets(), precompress()],
  define: {
    __EXCALIDRAW_ASSETS__: JSON.stringify(EXCALIDRAW_ASSETS),
    __PYODIDE_URL__: JSON.stringify(PYODIDE_URL),
    __PYODIDE_FILES__: JSON.stringify(pyodideFiles),
  },
  // Runtime workers are ES modules: they load their engines (and Pyodide) with import().
  worker: { format: 'es' },
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
