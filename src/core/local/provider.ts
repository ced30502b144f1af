// The embedded offline extractor behind the Provider contract: nothing leaves the machine.
// The model file is imported dynamically the first time it is needed, so builds that never
// extract offline (or popups that only show results) do not load it.
import type { ExtractionResult } from '../entities';
import { ExtractionError, throwIfCancelled } from '../errors';
import type { PostingInput } from '../posting';
import type { Provider } from '../provider';
import type { Settings } from '../settings';
import { LocalModelSchema, findValuesInText, loadModel, type LoadedModel } from './model';
import { showValues } from './results';

export const LOCAL_PROVIDER_ID = 'local';

let loading: Promise<LoadedModel> | null = null;

/** Loads and validates the shipped model once; later calls share it. */
export function loadShippedModel(): Promise<LoadedModel> {
  loading ??= import('./model.json')
    .then((mod) => {
      const parsed = LocalModelSchema.safeParse((mod as { default?: unknown }).default ?? mod);
      if (!parsed.success)
        throw new ExtractionError(
          'unknown',
          'The offline extractor\'s model file is damaged. Reinstall job-entities or run "npm run train:local".',
        );
      return loadModel(parsed.data);
    })
    .catch((err: unknown) => {
      loading = null;
      throw err instanceof ExtractionError
        ? err
        : new ExtractionError('unknown', "The offline extractor's model could not be loaded. Reinstall job-entities.", {
            cause: err,
          });
    });
  return loading;
}

/** Runs a loaded model on a posting (exported for tests and for callers holding their own model). */
export function extractWithModel(
  model: LoadedModel,
  posting: PostingInput,
  threshold = model.threshold,
): ExtractionResult {
  const { entities, details } = showValues(findValuesInText(model, posting.text), threshold, {
    company: posting.company,
  });
  return {
    ...entities,
    details,
    meta: { provider: LOCAL_PROVIDER_ID, model: model.name, finishReason: 'stop', warnings: [], chunks: 1 },
  };
}

export const localProvider: Provider = {
  id: LOCAL_PROVIDER_ID,
  async extract(posting: PostingInput, _settings: Settings, signal?: AbortSignal): Promise<ExtractionResult> {
    throwIfCancelled(signal);
    const model = await loadShippedModel();
    throwIfCancelled(signal);
    // Yield once so a cancel issued while the model loaded, or right after the call, is seen.
    await Promise.resolve();
    throwIfCancelled(signal);
    return extractWithModel(model, posting);
  },
};
