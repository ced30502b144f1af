// Where the build puts the capture script (see vite.config.ts), relative to the extension root,
// and the function it leaves behind.
// Its own module so that vite.config.ts can import it without pulling zod into the config.
export const CAPTURE_SCRIPT_FILE = 'content/capture.js';

/** Name of the function the capture script defines on globalThis. */
export const CAPTURE_GLOBAL = '__jobEntitiesCapture';

/** The highlight script (see src/content/highlight.ts) and the function it leaves behind. */
export const HIGHLIGHT_SCRIPT_FILE = 'content/highlight.js';
export const HIGHLIGHT_GLOBAL = '__jobEntitiesHighlight';
