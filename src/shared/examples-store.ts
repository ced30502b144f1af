// Training examples saved from the popup ("Save as training example"), in storage.local under one
// key of its own (the unlimitedStorage permission keeps it from the 10 MB cap). Pages read and
// write it directly; it holds no secret. Examples are the user's work, so the store is durable:
// it never evicts (a full store refuses a new example and says what to do), and a stored entry
// that fails validation is set aside under its own key instead of being deleted, so a schema
// mistake never destroys data. Functions take the storage area so unit tests can pass an
// in-memory one.
import { z } from 'zod';
import { EntitiesSchema, type Entities } from '../core/entities';
import type { StorageAreaLike } from './storage';
import { clip, SET_ASIDE, storedList } from './stored-list';

export const EXAMPLES_KEY = 'trainingExamples';
export const EXAMPLES_SET_ASIDE_KEY = SET_ASIDE.trainingExamples.key;
export const EXAMPLES_VERSION = 1;
/** The most examples kept: enough for several fine-tuning rounds, small enough for one export. */
export const EXAMPLES_LIMIT = 1000;
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

export interface ExamplesRead {
  examples: TrainingExample[];
  /** Stored entries that are not valid examples (kept aside, not shown). */
  invalid: unknown[];
}

const examplesList = storedList({
  key: EXAMPLES_KEY,
  field: 'examples',
  entry: TrainingExampleSchema,
  version: EXAMPLES_VERSION,
  setAside: 'trainingExamples',
});

export function parseStoredExamples(raw: unknown): ExamplesRead {
  const { valid, invalid } = examplesList.parse(raw);
  return { examples: valid, invalid };
}

/** Never throws: a store the browser cannot read shows as empty (and is not written over by a read). */
export async function readExamples(area: StorageAreaLike): Promise<ExamplesRead> {
  const { valid, invalid } = await examplesList.read(area);
  return { examples: valid, invalid };
}

export class ExamplesFullError extends Error {
  constructor(limit: number) {
    super(
      `You have ${limit.toLocaleString('en')} saved training examples, the most the extension keeps. Export them from the options page and delete some to save more.`,
    );
    this.name = 'ExamplesFullError';
  }
}

/**
 * Save an example; one with the same id (the same posting) is replaced in place. Throws
 * ExamplesFullError when the store is full, and a zod error for an invalid example (never stored).
 */
export async function saveExample(
  area: StorageAreaLike,
  example: TrainingExample,
  limit = EXAMPLES_LIMIT,
): Promise<'saved' | 'updated'> {
  const valid = TrainingExampleSchema.parse(example);
  let outcome: 'saved' | 'updated' = 'saved';
  await examplesList.update(area, (examples) => {
    const at = examples.findIndex((e) => e.id === valid.id);
    if (at >= 0) {
      outcome = 'updated';
      const out = [...examples];
      out[at] = valid;
      return out;
    }
    if (examples.length >= limit) throw new ExamplesFullError(limit);
    return [...examples, valid];
  });
  return outcome;
}

export async function deleteExample(area: StorageAreaLike, id: string): Promise<TrainingExample[]> {
  return examplesList.update(area, (examples) => examples.filter((e) => e.id !== id));
}

export async function findExample(area: StorageAreaLike, id: string): Promise<TrainingExample | undefined> {
  return (await readExamples(area)).examples.find((e) => e.id === id);
}

/** Whether a storage.onChanged batch touches the examples. */
export function examplesChanged(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && EXAMPLES_KEY in changes;
}

/** The example built from a posting and the entities the user approved. */
export function toTrainingExample(
  input: { id: string; text: string; entities: Entities; url: string; title: string; model: string },
  now: Date = new Date(),
): TrainingExample {
  return TrainingExampleSchema.parse({
    id: input.id,
    text: input.text,
    entities: {
      diploma: [...input.entities.diploma],
      diploma_major: [...input.entities.diploma_major],
      experience: [...input.entities.experience],
      skills: [...input.entities.skills],
    },
    url: clip(input.url.trim(), 4096),
    title: clip(input.title.trim(), 1000),
    savedAt: now.toISOString(),
    model: clip(input.model, 500),
  });
}
