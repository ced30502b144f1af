// Training examples saved from the popup ("Save as training example"), in storage.local under one
// key of its own (the unlimitedStorage permission keeps it from the 10 MB cap). Pages read and
// write it directly; it holds no secret. Examples are the user's work, so the store is durable:
// it never evicts (a full store refuses a new example and says what to do), and a stored entry
// that fails validation is set aside under its own key instead of being deleted, so a schema
// mistake never destroys data. Functions take the storage area so unit tests can pass an
// in-memory one.
import type { Entities } from '../core/entities';
import type { StorageAreaLike } from './storage-item';
import { EXAMPLES_LIMIT, trainingExamplesItem } from './storage-items';
import { clip, SET_ASIDE } from './stored-list';
import { TrainingExampleSchema, type TrainingExample } from './stored-schemas';

export { EXAMPLE_TEXT_LIMIT, TrainingExampleSchema, type TrainingExample } from './stored-schemas';
/** The most examples kept: enough for several fine-tuning rounds, small enough for one export. */
export { EXAMPLES_LIMIT } from './storage-items';
export const EXAMPLES_KEY = trainingExamplesItem.key;
export const EXAMPLES_SET_ASIDE_KEY = SET_ASIDE.trainingExamples.key;
export const EXAMPLES_VERSION = trainingExamplesItem.version;

export interface ExamplesRead {
  examples: TrainingExample[];
  /** Stored entries that are not valid examples (kept aside, not shown). */
  invalid: unknown[];
}

/** Never throws: a store the browser cannot read shows as empty (and is not written over by a read). */
export async function readExamples(area: StorageAreaLike): Promise<ExamplesRead> {
  try {
    const { value, invalid } = await trainingExamplesItem.read({ local: area });
    return { examples: value, invalid };
  } catch {
    return { examples: [], invalid: [] };
  }
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
  await trainingExamplesItem.update({ local: area }, (examples) => {
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
  return trainingExamplesItem.update({ local: area }, (examples) => examples.filter((e) => e.id !== id));
}

export async function findExample(area: StorageAreaLike, id: string): Promise<TrainingExample | undefined> {
  return (await readExamples(area)).examples.find((e) => e.id === id);
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
