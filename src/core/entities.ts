// The extraction result: one zod schema is the single source of truth; types come from z.infer.
import { z } from 'zod';
import { ScopeSchema, SectionKindSchema } from './sections';

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
  /** The model's raw answer (clipped) when it was cut off or had parts out of the format: the popup shows it on request. */
  rawAnswer: z.string().optional(),
  /** How many chunks the posting was split into (1 when it fit). */
  chunks: z.number().int().positive().optional(),
  /** Which part of the posting was read ('focused' unless the user asked for the whole posting). */
  scope: ScopeSchema.optional(),
  /** The headings of the sections that were read, and how many sections the posting has. */
  read: z.object({ headings: z.array(z.string()), total: z.number().int().nonnegative() }).optional(),
});
export type ResultMeta = z.infer<typeof ResultMetaSchema>;

/** One shown value with what the extractor knows of it. */
export const EntityDetailSchema = z.object({
  value: z.string(),
  /** 0..1: the tagger's confidence (1 for exact rules and for model answers). */
  confidence: z.number().min(0).max(1),
  /** The kind of section the value was first found in, when the posting had sections. */
  section: SectionKindSchema.optional(),
  /** How many times the value (or a near-duplicate of it) occurs in what was read. */
  count: z.number().int().positive().optional(),
});
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export const EntityDetailsSchema = z.object({
  diploma: z.array(EntityDetailSchema),
  diploma_major: z.array(EntityDetailSchema),
  experience: z.array(EntityDetailSchema),
  skills: z.array(EntityDetailSchema),
});
export type EntityDetails = z.infer<typeof EntityDetailsSchema>;

export const ExtractionResultSchema = EntitiesSchema.extend({
  meta: ResultMetaSchema,
  /** Per-value details, parallel to the entity lists (same values, same order) when present. */
  details: EntityDetailsSchema.optional(),
});
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
  return {
    diploma: [...e.diploma],
    diploma_major: [...e.diploma_major],
    experience: [...e.experience],
    skills: [...e.skills],
  };
}
