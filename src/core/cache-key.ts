// The key results are cached under: the same posting asked with the same answer-changing settings
// gives the same key. The API key, timeout and retries do not change the answer and are left out.
import { resolveMode } from './models';
import { normalizeText } from './prompt';
import { resolveProvider, type Settings } from './settings';
import { sha256Hex } from './hash';

/** Bump when the parse or prompt format changes, so old cached answers are not reused. */
export const CACHE_KEY_VERSION = 2;

export function cacheKeyMaterial(text: string, settings: Settings): string {
  const provider = resolveProvider(settings);
  // The scope decides which part of the posting is read: a focused and a whole answer are cached apart.
  const common = {
    v: CACHE_KEY_VERSION,
    text: normalizeText(text),
    provider,
    trimBoilerplate: settings.trimBoilerplate,
    scope: settings.scope,
  };
  // The embedded extractor ignores the model settings: changing them must not miss its cache.
  if (provider === 'local') return JSON.stringify(common);
  return JSON.stringify({
    ...common,
    baseURL: settings.baseURL.trim().replace(/\/+$/, ''),
    model: settings.model,
    mode: resolveMode(settings.model, settings.mode),
    separator: settings.separator,
    stop: settings.stop,
    maxTokens: settings.maxTokens,
    contextTokens: settings.contextTokens ?? null,
  });
}

/** SHA-256 hex of the text and the settings that change the answer (crypto.subtle: worker and Node alike). */
export async function cacheKey(text: string, settings: Settings): Promise<string> {
  return sha256Hex(cacheKeyMaterial(text, settings));
}
