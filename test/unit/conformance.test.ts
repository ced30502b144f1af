// Requests and answers checked against OpenAI's published API spec: the answer-budget parameter
// chosen per server, a refused parameter learned once per run (not one 400 per posting), messages
// that do not claim retries that were not made, and the test server's field types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/core/errors';
import { openaiProvider } from '../../src/core/providers/openai';
import { buildModelRequest, maxTokensParamFor } from '../../src/core/providers/request';
import { SettingsSchema, type SettingsInput } from '../../src/core/settings';
import { createFineTuningRoutes } from '../server/fine-tuning';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ routes: createFineTuningRoutes().routes });
});
afterAll(async () => {
  await server.close();
});

const settings = (over: SettingsInput = {}) =>
  SettingsSchema.parse({
    baseURL: server.url,
    apiKey: 'sk-test',
    model: 'gpt-4o-mini-2024-07-18',
    maxRetries: 2,
    timeoutMs: 10_000,
    ...over,
  });

describe('the answer budget parameter', () => {
  it('max_completion_tokens for OpenAI and Azure, max_tokens for other servers; the setting overrides', () => {
    expect(maxTokensParamFor('https://api.openai.com/v1')).toBe('max_completion_tokens');
    expect(maxTokensParamFor('https://acme.openai.azure.com/openai/v1/')).toBe('max_completion_tokens');
    expect(maxTokensParamFor('https://acme.cognitiveservices.azure.com/openai/v1')).toBe('max_completion_tokens');
    for (const local of ['http://127.0.0.1:8000/v1', 'http://localhost:11434/v1', 'https://llm.example.com/v1'])
      expect(maxTokensParamFor(local)).toBe('max_tokens');
    expect(maxTokensParamFor('http://127.0.0.1:8000/v1', 'max_completion_tokens')).toBe('max_completion_tokens');
    expect(maxTokensParamFor('https://api.openai.com/v1', 'max_tokens')).toBe('max_tokens');
  });

  it('chat requests to OpenAI carry max_completion_tokens and no max_tokens; completion requests keep max_tokens', () => {
    const chat = buildModelRequest(
      'text',
      SettingsSchema.parse({ model: 'gpt-4.1-mini', baseURL: 'https://api.openai.com/v1' }),
    );
    expect(chat.endpoint).toBe('/v1/chat/completions');
    expect(chat.body).toMatchObject({ max_completion_tokens: 512, temperature: 0 });
    expect('max_tokens' in chat.body).toBe(false);
    const completion = buildModelRequest(
      'text',
      SettingsSchema.parse({ model: 'davinci-002', baseURL: 'https://api.openai.com/v1' }),
    );
    expect(completion.body).toMatchObject({ max_tokens: 512, stop: [' END'] });
  });

  it('sends what the setting says on the wire', async () => {
    const n = server.modelRequests().length;
    await openaiProvider.extract({ text: 'Python developer' }, settings({ maxTokensParam: 'max_completion_tokens' }));
    await openaiProvider.extract({ text: 'Python developer' }, settings());
    const [a, b] = server
      .modelRequests()
      .slice(n)
      .map((q) => q.body as Record<string, unknown>);
    expect(a.max_completion_tokens).toBe(512);
    expect(a.max_tokens).toBeUndefined();
    expect(b.max_tokens).toBe(512);
  });

  it('a reasoning model refusing max_tokens and temperature costs one round trip per run, not per posting', async () => {
    const n = server.modelRequests().length;
    const s = settings({ model: 'reasoning-model', baseURL: server.url.replace('127.0.0.1', 'localhost') });
    for (let i = 0; i < 4; i++) await openaiProvider.extract({ text: `posting ${i}` }, s);
    const sent = server.modelRequests().slice(n);
    // The first posting learns both refusals (3 requests); the other three are sent right at once.
    expect(sent).toHaveLength(3 + 3);
    for (const q of sent.slice(3)) expect(q.body).toMatchObject({ max_completion_tokens: 512 });
  });
});

describe('messages with --retries 0', () => {
  it('do not say the request was retried', async () => {
    for (const model of ['always-500', 'always-429']) {
      const err = (await openaiProvider
        .extract({ text: 'x' }, settings({ model, maxRetries: 0 }))
        .catch((e: unknown) => e)) as ExtractionError;
      expect(err).toBeInstanceOf(ExtractionError);
      expect(err.message).not.toMatch(/retr/i);
    }
    const retried = (await openaiProvider
      .extract({ text: 'x' }, settings({ model: 'always-500', maxRetries: 1 }))
      .catch((e: unknown) => e)) as ExtractionError;
    expect(retried.message).toContain('after retrying');
  });
});

describe("the test server speaks the spec's types", () => {
  it("system_fingerprint is a string; a file's expires_at an integer and status_details a string; event data an object", async () => {
    const post = async (path: string, body: unknown) =>
      (
        await fetch(server.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const completion = await post('/completions', { model: 'davinci-002', prompt: 'x', max_tokens: 5 });
    expect(typeof completion.system_fingerprint).toBe('string');
    const chat = await post('/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      max_completion_tokens: 5,
    });
    expect(typeof chat.system_fingerprint).toBe('string');

    const form = new FormData();
    form.append('purpose', 'fine-tune');
    const lines = Array.from({ length: 10 }, (_, i) =>
      JSON.stringify({ prompt: `p${i}`, completion: ` c${i} END` }),
    ).join('\n');
    form.append('file', new Blob([lines]), 'train.jsonl');
    const file = await (await fetch(server.url + '/files', { method: 'POST', body: form })).json();
    expect(Number.isInteger(file.expires_at)).toBe(true);
    expect(typeof file.status_details).toBe('string');

    const job = await post('/fine_tuning/jobs', { model: 'davinci-002', training_file: file.id });
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/fine_tuning/jobs/${job.id}`);
    const events = await (await fetch(`${server.url}/fine_tuning/jobs/${job.id}/events`)).json();
    expect(events.data.length).toBeGreaterThan(2);
    for (const e of events.data)
      expect(e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data)).toBe(true);
  });
});
