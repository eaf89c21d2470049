/** Injected by vite.config.ts: the path the whiteboard fonts are served from. */
declare const __EXCALIDRAW_ASSETS__: string;

/** Where Pyodide's files are served, under a path that names its version (set in vite.config.ts). */
declare const __PYODIDE_URL__: string;
/** The files the Python worker preloads with a progress bar, and their sizes in bytes. */
declare const __PYODIDE_FILES__: readonly { name: string; size: number }[];
