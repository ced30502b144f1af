// Types for find-chromium.mjs (plain ESM), for the TypeScript that imports it (test/e2e/fixtures.ts).
export declare const CHROMIUM_JSON: string;
export declare function extensionArgs(distDir: string): string[];
export declare const HEADLESS_ARGS: readonly string[];
export declare function chromiumVersion(path: string): string | undefined;
export declare function findChromium(): { path: string; from: string } | undefined;
