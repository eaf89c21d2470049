import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';

/**
 * Security headers with a Content-Security-Policy the app works under: everything from our own
 * origin; inline styles because CodeMirror and Excalidraw inject theirs; images from data and blob
 * URLs (whiteboard exports and pasted images); no framing. 'wasm-unsafe-eval' lets the code runners
 * (Pyodide, QuickJS) compile WebAssembly; it allows no JavaScript eval.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Cross-origin API calls only from PUBLIC_URL; without it, same-origin only. */
export function corsPolicy(publicUrl: string | undefined): RequestHandler {
  return cors({ origin: publicUrl ? [publicUrl] : false });
}
