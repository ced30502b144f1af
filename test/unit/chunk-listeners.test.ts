// A posting long enough for many chunks (a 20 MB record in the CLI) is extracted with one signal:
// the SDK adds an abort listener to the signal of each request it sends, so the chunks must not all
// hang theirs on the caller's signal (Node warns past ten: MaxListenersExceededWarning).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/core/extract';
import { SettingsSchema } from '../../src/core/settings';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ answer: () => " skills:['sql']\n END" });
});
afterAll(() => server.close());

describe('a posting of many chunks', () => {
  it('is extracted without a MaxListenersExceededWarning, every chunk asked', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const settings = SettingsSchema.parse({
        baseURL: server.url,
        model: 'davinci-002',
        provider: 'openai',
        contextTokens: 512,
        maxTokens: 16,
        scope: 'whole',
        maxRetries: 0,
      });
      const text = Array.from(
        { length: 600 },
        (_, i) => `Requirement ${i}: experience with SQL, Python and reporting tools.`,
      ).join(' ');
      const before = server.modelRequests().length;
      const controller = new AbortController();
      const result = await extractPosting({ text }, settings, controller.signal);
      const asked = server.modelRequests().length - before;
      expect(asked).toBeGreaterThan(12);
      expect(result.meta.chunks).toBe(asked);
      // Warnings are emitted on the next tick.
      await new Promise((r) => setTimeout(r, 20));
      expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
