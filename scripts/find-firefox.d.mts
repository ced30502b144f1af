// Types for find-firefox.mjs (plain ESM), for the TypeScript that imports it (test/firefox/fixtures.ts).
export declare const FIREFOX_JSON: string;
export declare const FIREFOX_MIN_MAJOR: number;
export declare function firefoxVersion(path: string): string | undefined;
export declare function firefoxMajor(versionLine: string | undefined): number;
export declare function findFirefox(): { path: string; from: string } | undefined;
