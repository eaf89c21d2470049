/** Injected by vite.config.ts: the path the whiteboard fonts are served from. */
declare const __EXCALIDRAW_ASSETS__: string;
