// The extraction result: one zod schema is the single source of truth; types come from z.infer.
import { z } from 'zod';

export const ENTITY_TYPES = ['diploma', 'diploma_major', 'experience', 'skills'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const EntityTypeSchema = z.enum(ENTITY_TYPES);

/** Human labels for each entity type, in display order. */
export const ENTITY_LABELS: Record<EntityType, string> = {
  diploma: 'Diploma',
  diploma_major: 'Major',
  experience: 'Experience',
  skills: 'Skills',
};

/** Values in the order found, in the training data's token form (`2 + years`, `c #`). Repeats are kept. */
export const EntitiesSchema = z.object({
  diploma: z.array(z.string()),
  diploma_major: z.array(z.string()),
  experience: z.array(z.string()),
  skills: z.array(z.string()),
});
export type Entities = z.infer<typeof EntitiesSchema>;

export const UsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const ResultMetaSchema = z.object({
  /** 'openai' (any OpenAI-compatible server) or 'local' (the embedded offline extractor). */
  provider: z.string(),
  model: z.string(),
  /** 'stop' | 'length' | 'content_filter' | ... as the server said; null when unknown. */
  finishReason: z.string().nullable(),
  warnings: z.array(z.string()),
  usage: UsageSchema.optional(),
  /** How many chunks the posting was split into (1 when it fit). */
  chunks: z.number().int().positive().optional(),
});
export type ResultMeta = z.infer<typeof ResultMetaSchema>;

export const ExtractionResultSchema = EntitiesSchema.extend({ meta: ResultMetaSchema });
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;

export function emptyEntities(): Entities {
  return { diploma: [], diploma_major: [], experience: [], skills: [] };
}

export function isEmpty(e: Entities): boolean {
  return ENTITY_TYPES.every((t) => e[t].length === 0);
}

/** Concatenate entity lists in order (used to merge chunk results). */
export function mergeEntities(parts: Entities[]): Entities {
  const out = emptyEntities();
  for (const p of parts) for (const t of ENTITY_TYPES) out[t].push(...p[t]);
  return out;
}

/** Just the four entity arrays of a result (drops metadata). */
export function pickEntities(e: Entities): Entities {
  return { diploma: [...e.diploma], diploma_major: [...e.diploma_major], experience: [...e.experience], skills: [...e.skills] };
}
