import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cacheKey, cacheKeyMaterial } from '../../src/core/cache-key';
import { SettingsSchema, type SettingsInput } from '../../src/core/settings';

const s = (over: SettingsInput = {}) =>
  SettingsSchema.parse({ model: 'ft:davinci-002:acme::x', apiKey: 'sk-a', ...over });
const text = '5+ years of Python.\n\nBS in CS.';

describe('cacheKey', () => {
  it('is the SHA-256 hex of its material', async () => {
    const key = await cacheKey(text, s());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(createHash('sha256').update(cacheKeyMaterial(text, s())).digest('hex'));
  });
  it('is stable across white space differences in the text', async () => {
    expect(await cacheKey('  5+ years of Python. BS in CS. ', s())).toBe(await cacheKey(text, s()));
  });
  it('ignores the API key, timeout and retries', async () => {
    const base = await cacheKey(text, s());
    expect(await cacheKey(text, s({ apiKey: 'sk-other' }))).toBe(base);
    expect(await cacheKey(text, s({ timeoutMs: 10_000, maxRetries: 0 }))).toBe(base);
    expect(cacheKeyMaterial(text, s())).not.toContain('sk-a');
  });
  it('changes with every setting that changes the answer', async () => {
    const base = await cacheKey(text, s());
    const variants: SettingsInput[] = [
      { baseURL: 'http://127.0.0.1:8080/v1' },
      { model: 'ft:davinci-002:acme::y' },
      { mode: 'chat' },
      { separator: '\n->\n' },
      { stop: ' STOP' },
      { maxTokens: 256 },
      { trimBoilerplate: true },
      { contextTokens: 4096 },
      { provider: 'local' },
      { scope: 'whole' },
    ];
    const keys = await Promise.all(variants.map((v) => cacheKey(text, s(v))));
    for (const [i, k] of keys.entries()) expect(k, JSON.stringify(variants[i])).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await cacheKey('other text', s())).not.toBe(base);
  });
  it('uses the resolved mode and provider', async () => {
    // auto resolves to completion for ft:davinci-002, so naming it explicitly hits the same entry.
    expect(await cacheKey(text, s({ mode: 'completion' }))).toBe(await cacheKey(text, s({ mode: 'auto' })));
    // provider auto with a model is openai.
    expect(await cacheKey(text, s({ provider: 'openai' }))).toBe(await cacheKey(text, s({ provider: 'auto' })));
    // a trailing slash on the base URL is the same server.
    expect(await cacheKey(text, s({ baseURL: 'https://api.openai.com/v1/' }))).toBe(await cacheKey(text, s()));
  });
  it('a focused and a whole answer are cached apart, for the offline extractor too', async () => {
    expect(await cacheKey(text, s({ provider: 'local', scope: 'whole' }))).not.toBe(
      await cacheKey(text, s({ provider: 'local', scope: 'focused' })),
    );
    expect(await cacheKey(text, s({ scope: 'focused' }))).toBe(await cacheKey(text, s()));
  });
  it('the local extractor ignores the model settings', async () => {
    const local = await cacheKey(text, s({ provider: 'local' }));
    expect(
      await cacheKey(text, s({ provider: 'local', model: 'other', baseURL: 'http://127.0.0.1:1/v1', maxTokens: 100 })),
    ).toBe(local);
    expect(await cacheKey(text, s({ provider: 'auto', model: '' }))).toBe(local);
  });
});
