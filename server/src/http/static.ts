import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Request, RequestHandler, Response } from 'express';

/** Vite's assets carry a content hash in their name; Excalidraw's fonts and Pyodide's versioned files never change under one name. */
const IMMUTABLE = /^\/(assets|excalidraw-assets|pyodide)\//;
const YEAR_SECONDS = 365 * 24 * 3600;
/** The encodings the client build writes next to each compressible file, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export interface StaticClient {
  /** The built files themselves. */
  files: RequestHandler;
  /** `index.html`, for every route of the single-page app. */
  page: RequestHandler;
}

/**
 * Serves the built client. Hashed assets are cached for a year as immutable; `index.html` is never
 * cached, so after an upgrade a browser always gets the page that points at files that exist. The
 * build precompresses text files (brotli and gzip) and the best one the browser accepts is sent,
 * so no request pays for compression.
 */
export function staticClient(staticDir: string): StaticClient {
  const variants = precompressedVariants(staticDir);
  const plain = express.static(staticDir, {
    index: false,
    setHeaders: (res, filePath) => res.setHeader('Cache-Control', cacheControlFor(urlPathOf(staticDir, filePath))),
  });
  const send = (urlPath: string, req: Request, res: Response, next: (error?: unknown) => void) => {
    const encodings = variants.get(urlPath) ?? new Set<string>();
    const chosen = ENCODINGS.find((encoding) => encodings.has(encoding.name) && req.acceptsEncodings(encoding.name));
    res.vary('Accept-Encoding');
    // send() keeps a Content-Type that is already set, so a .br file is not labelled application/x-brotli.
    res.type(path.extname(urlPath));
    if (chosen) res.setHeader('Content-Encoding', chosen.name);
    const file = path.join(staticDir, urlPath + (chosen?.suffix ?? ''));
    res.sendFile(file, { cacheControl: false, headers: { 'Cache-Control': cacheControlFor(urlPath) } }, (error) => error && next(error));
  };
  return {
    files: (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (!variants.has(req.path)) return plain(req, res, next);
      send(req.path, req, res, next);
    },
    // An asset that is gone (a page from before an upgrade asking for it) is a 404, never the page as JavaScript.
    page: (req, res, next) => (IMMUTABLE.test(req.path) ? next() : send('/index.html', req, res, next)),
  };
}

export function cacheControlFor(urlPath: string): string {
  return IMMUTABLE.test(urlPath) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-store';
}

function urlPathOf(staticDir: string, filePath: string): string {
  return '/' + path.relative(staticDir, filePath).split(path.sep).join('/');
}

/** URL path of each built file that has precompressed siblings → the encodings present. */
function precompressedVariants(staticDir: string): Map<string, Set<string>> {
  const variants = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const encoding = ENCODINGS.find((candidate) => entry.endsWith(candidate.suffix));
      const original = encoding && full.slice(0, -encoding.suffix.length);
      if (!encoding || !original || !existsSync(original)) continue;
      const key = urlPathOf(staticDir, original);
      variants.set(key, (variants.get(key) ?? new Set<string>()).add(encoding.name));
    }
  };
  walk(staticDir);
  return variants;
}
