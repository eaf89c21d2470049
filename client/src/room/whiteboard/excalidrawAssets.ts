declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/**
 * Fonts come from our own origin (see vite.config.ts), never from Excalidraw's CDN, so a room
 * works without internet and tells no third party who is interviewing. main.tsx imports this at
 * start-up, before Excalidraw first builds a font URL.
 */
window.EXCALIDRAW_ASSET_PATH = __EXCALIDRAW_ASSETS__;

/**
 * Excalidraw always appends its CDN as a fallback source of every font face. Nothing is fetched
 * from it while ours answers, but a Content-Security-Policy reports each listed CDN URL as a
 * violation, hundreds per page load. Dropping that one fallback from the source list keeps the
 * console clean and makes "never the CDN" hold even without a CSP.
 */
const excalidrawCdnSource = /,\s*url\(https:\/\/esm\.sh\/@excalidraw\/[^)]*\)(\s*format\([^)]*\))?/g;
const NativeFontFace = window.FontFace;
window.FontFace = class extends NativeFontFace {
  constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
    super(family, typeof source === 'string' ? source.replace(excalidrawCdnSource, '') : source, descriptors);
  }
};

export {};
