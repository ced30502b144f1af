import { describe, expect, it } from 'vitest';
import { inExtensionWords } from '../../src/popup/error-words';

describe('inExtensionWords', () => {
  it('drops CLI flags and backticks from core messages', () => {
    expect(
      inExtensionWords(
        'The API key was rejected by http://x/v1 (401: bad). Check the key and paste it in the settings (or pass --api-key / OPENAI_API_KEY).',
      ),
    ).toBe('The API key was rejected by http://x/v1 (401: bad). Check the key and paste it in the settings.');
    expect(
      inExtensionWords('Still rate-limited (429). Wait a moment, lower --concurrency, or raise your rate limits.'),
    ).toBe('Still rate-limited (429). Wait a moment, or raise your rate limits.');
    expect(inExtensionWords('Start your server (vLLM: `vllm serve MODEL`).')).toBe(
      'Start your server (vLLM: vllm serve MODEL).',
    );
  });
  it('leaves plain messages alone', () => {
    expect(inExtensionWords('Cancelled. Click Re-extract to try again.')).toBe(
      'Cancelled. Click Re-extract to try again.',
    );
  });
});
