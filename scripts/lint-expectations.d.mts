// Types for lint-expectations.mjs (plain ESM), for the TypeScript that imports it.
export interface ExpectedFinding {
  code: string;
  file?: RegExp;
  why: string;
}
export declare const FIREFOX_WARNINGS: ExpectedFinding[];
export declare const CHROME_FIREFOX_ONLY_ERRORS: ExpectedFinding[];
export declare const CHROME_WARNINGS: ExpectedFinding[];
