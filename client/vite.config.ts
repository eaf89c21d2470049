import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/**
 * Pyodide's WebAssembly and standard library, served from our own origin (never a CDN) under a path
 * that names the version, so the server may cache them as immutable. Only what a plain Python run
 * needs; the worker preloads these with a progress bar.
 */
const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const pyodideVersion = (JSON.parse(readFileSync(path.join(pyodideDir, 'package.json'), 'utf8')) as { version: string }).version;
const PYODIDE_URL = `/pyodide/${pyodideVersion}/`;
const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].map((name) => ({
  name,
  size: statSync(path.join(pyodideDir, name)).size,
}));

function pyodideAssets(): Plugin {
  let outDir = 'dist';
  const types: Record<string, string> = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.zip': 'application/zip', '.json': 'application/json' };
  return {
    name: 'quorum:pyodide',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = (req.url?.split('?')[0] ?? '').slice(PYODIDE_URL.length);
        if (!req.url?.startsWith(PYODIDE_URL) || !pyodideFiles.some((file) => file.name === name)) return next();
        res.setHeader('Content-Type', types[path.extname(name)] ?? 'application/octet-stream');
        createReadStream(path.join(pyodideDir, name)).pipe(res);
      });
    },
    writeBundle() {
      const target = path.join(outDir, PYODIDE_URL);
      mkdirSync(target, { recursive: true });
      for (const { name } of pyodideFiles) cpSync(path.join(pyodideDir, name), path.join(target, name));
    },
  };
}

export default defineConfig({
  plugins: [react(), excalidrawFonts(), pyodideAssets()],
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
