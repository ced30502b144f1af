// A job's state as storage.session keeps it and the worker replies it: its own module, free of the
// extension APIs, so the stores (and their unit tests) can read it without the message layer.
import { z } from 'zod';
import { ExtractionResultSchema } from '../core/entities';
import { ErrorInfoSchema } from '../core/errors';
import { PostingSchema } from '../core/posting';
import { ScopeSchema } from '../core/sections';

export const JOB_STATUSES = ['capturing', 'extracting', 'done', 'error'] as const;

/** A job: one extraction for one tab, kept in storage.session under `job:<tabId>` (see storage.ts). */
export const JobStateSchema = z.object({
  id: z.string(),
  tabId: z.number().int(),
  /** The tab's URL when the job started: a job for another URL is stale. */
  url: z.string(),
  status: z.enum(JOB_STATUSES),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  /** Which provider and model answer (known once extracting starts). */
  provider: z.enum(['openai', 'local']).optional(),
  model: z.string().optional(),
  selection: z.boolean().optional(),
  /** The posting as the popup needs it: its text only while small enough to save as a training example (see toStoredJob). */
  posting: PostingSchema.optional(),
  /** SHA-256 hex of the posting text (corrections-store textHash): the posting's identity even when its text is not kept. */
  textHash: z.string().optional(),
  result: ExtractionResultSchema.optional(),
  error: ErrorInfoSchema.optional(),
  /** True when the result came from the results cache (no request was made). */
  fromCache: z.boolean().optional(),
  /** The answer-changing settings the job ran with (see settingsKey in background/extract.ts): a finished job asked with other settings is not reused. */
  settingsKey: z.string().optional(),
  /** Set when the posting was longer than the maxTextChars setting and only its start was sent: how much, and the requests "Send all" takes. */
  cut: z.object({ total: z.number().int(), kept: z.number().int(), requests: z.number().int() }).optional(),
  /** The scope the user chose for this posting in the popup ("Read the whole posting"), when it overrides the settings' scope. */
  scope: ScopeSchema.optional(),
});
export type JobState = z.infer<typeof JobStateSchema>;

/** The page a job is asked for: the tab's URL ('' or undefined when the extension may not read it), the selection choice and, for the worker, the answer-changing settings. */
export interface JobPage {
  url: string | undefined;
  selection: boolean;
  /** Left out where the settings are not known (a page reading storage.session directly). */
  settingsKey?: string;
}

/**
 * Whether a stored job is the one for this page: made for the URL the tab shows (without a URL,
 * nothing proves it is the same page), with the same selection choice and, when given, the same
 * answer-changing settings (a job asked with another model, mode, base URL, provider or scope is
 * stale: its answer is not the one these settings give). The worker and the popup both ask this.
 */
export function isJobFor(job: JobState | null | undefined, page: JobPage): job is JobState {
  if (!job || !page.url || job.url !== page.url || (job.selection ?? false) !== page.selection) return false;
  return page.settingsKey === undefined || job.settingsKey === page.settingsKey;
}
