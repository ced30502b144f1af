// What the popup asks the highlight script to do (through the worker) and what it answers: zod
// schemas for both sides of scripting.executeScript, and the stylesheet the worker inserts.
import { z } from 'zod';

export { HIGHLIGHT_GLOBAL, HIGHLIGHT_SCRIPT_FILE } from './capture-file';

/** One colour per entity type, and matched / missing for skills in candidate mode. */
export const HIGHLIGHT_KINDS = ['diploma', 'diploma_major', 'experience', 'skills', 'matched', 'missing'] as const;

export const HighlightEntrySchema = z.object({
  key: z.string().min(1).max(500),
  value: z.string().min(1).max(500),
  kind: z.enum(HIGHLIGHT_KINDS),
});
export type HighlightEntry = z.infer<typeof HighlightEntrySchema>;

export const HighlightCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('on'), entries: z.array(HighlightEntrySchema).max(2_000) }),
  z.object({ op: z.literal('off') }),
  z.object({
    op: z.literal('reveal'),
    key: z.string().min(1).max(500),
    index: z.number().int().nonnegative().optional(),
  }),
  z.object({ op: z.literal('status') }),
]);
export type HighlightCommand = z.infer<typeof HighlightCommandSchema>;

export const HighlightReportSchema = z.object({
  on: z.boolean(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  notFound: z.array(z.string()),
  index: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});
export type HighlightReport = z.infer<typeof HighlightReportSchema>;

/**
 * Painted by the page's renderer only where the highlight script registered ranges: colours that
 * keep the page's own text readable, with an underline so the type does not rest on colour alone.
 */
export const HIGHLIGHT_CSS = `
::highlight(job-entities-diploma) { background-color: rgba(255, 196, 0, 0.45); text-decoration: underline 2px rgba(160, 110, 0, 0.9); }
::highlight(job-entities-diploma_major) { background-color: rgba(0, 200, 180, 0.35); text-decoration: underline 2px rgba(0, 120, 110, 0.9); }
::highlight(job-entities-experience) { background-color: rgba(255, 120, 200, 0.35); text-decoration: underline 2px rgba(170, 40, 120, 0.9); }
::highlight(job-entities-skills) { background-color: rgba(110, 120, 255, 0.35); text-decoration: underline 2px rgba(60, 60, 200, 0.9); }
::highlight(job-entities-matched) { background-color: rgba(40, 200, 100, 0.4); text-decoration: underline 2px rgba(20, 110, 50, 0.95); }
::highlight(job-entities-missing) { background-color: rgba(255, 90, 90, 0.35); text-decoration: underline wavy 2px rgba(170, 20, 20, 0.95); }
::highlight(job-entities-current) { background-color: rgba(255, 150, 0, 0.85); color: #000; }
`;
