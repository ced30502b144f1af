// The zod schemas of what src/shared stores (the other stored values are the core's: settings,
// saved postings, the profile, a job's posting and result). Kept apart from the stores so the one
// registry of stored items (storage-items.ts) can use them and the stores can use the registry.
import { z } from 'zod';
import { EntitiesSchema, ExtractionResultSchema } from '../core/entities';
import { PostingSchema } from '../core/posting';

/** Longer texts are not postings' qualifications any more; the checker would flag them anyway. */
export const EXAMPLE_TEXT_LIMIT = 100_000;

export const TrainingExampleSchema = z.object({
  /** The posting's identity: URL + text hash (see corrections-store postingCorrectionKey). Saving it again updates it. */
  id: z.string().min(1).max(5000),
  /** The posting text as the prompt is built (preparePromptText): one line, no separator. */
  text: z.string().min(1).max(EXAMPLE_TEXT_LIMIT),
  /** The corrected entities: the answer the model should have given. All empty = a negative example. */
  entities: EntitiesSchema,
  url: z.string().max(4096),
  title: z.string().max(1000),
  /** ISO 8601. */
  savedAt: z.iso.datetime({ offset: true }),
  /** The model whose answer was corrected (`local` for the offline extractor). */
  model: z.string().max(500),
});
export type TrainingExample = z.infer<typeof TrainingExampleSchema>;

export const CorrectionSchema = z.object({
  url: z.string().max(4096),
  /** SHA-256 hex of the posting text, white space collapsed. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  entities: EntitiesSchema,
  /** ms since epoch. */
  updatedAt: z.number(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const CacheEntrySchema = z.object({
  result: ExtractionResultSchema,
  posting: PostingSchema,
  /** Last use (ms since epoch): the least recently used entry goes first when the cache is full. */
  usedAt: z.number(),
  /** The posting was cut at the text cap before it was sent (see JobState.cut). */
  cut: z.object({ total: z.number().int(), kept: z.number().int(), requests: z.number().int() }).optional(),
});
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/**
 * `entries` is keyed by the core's cacheKey (posting text + answer-changing settings); `byUrl`
 * maps a URL key (the same cacheKey function over the tab's URL) to an entry key, so a reopened
 * popup finds the result without capturing the page again.
 */
export const ResultCacheSchema = z.object({
  entries: z.record(z.string(), CacheEntrySchema),
  byUrl: z.record(z.string(), z.string()),
});
export type ResultCache = z.infer<typeof ResultCacheSchema>;

export const PanelPrefsSchema = z.object({
  /** The toolbar button opens the side panel instead of the popup. */
  toolbarOpensPanel: z.boolean().catch(false).default(false),
  /** "Extract automatically when a job page opens" in the side panel. */
  autoExtract: z.boolean().catch(false).default(false),
  /** The user agreed that automatic extraction sends page text to the configured model server. */
  autoExtractModelAgreed: z.boolean().catch(false).default(false),
});
export type PanelPrefs = z.infer<typeof PanelPrefsSchema>;
