// The OpenAI-compatible provider through the real SDK against the project's test server on
// 127.0.0.1: both modes, every error mapped with its own message, retries seen in the server's
// request log, timeouts, unreachable servers, cancellation and chunking of long postings.
import { readFileSync } from 'node:fs';
import { APIConnectionError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { ExtractionResultSchema } from '../../src/core/entities';
import { ExtractionError } from '../../src/core/errors';
import { extractPosting, getProvider, planChunks, testConnection } from '../../src/core/extract';
import { mapProviderError } from '../../src/core/providers/map-error';
import { noRetryOnQuotaFetch, openaiProvider } from '../../src/core/providers/openai';
import { SettingsSchema, type SettingsInput } from '../../src/core/settings';
import { fixturePath } from '../shared';
import { closedPort, goldAnswerer, startOpenAIServer, type OpenAIServer } from '../server/openai-server';

const GOLD = readFileSync(fixturePath('gold', 'postings.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
const textOf = (i: number) => GOLD[i].prompt.replace(/\n\n###\n\n$/, '');
const goldOf = (i: number) => parseCompletion(GOLD[i].completion).entities;

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ answer: goldAnswerer(GOLD) });
});
afterAll(async () => {
  await server.close();
});

function settings(over: SettingsInput = {}) {
  return SettingsSchema.parse({
    baseURL: server.url,
    apiKey: 'sk-test',
    model: 'davinci-002',
    maxRetries: 2,
    timeoutMs: 10_000,
    ...over,
  });
}

/** The error a call throws, asserted to be an ExtractionError. */
async function failure(p: Promise<unknown>): Promise<ExtractionError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    return err as ExtractionError;
  }
  throw new Error('expected the call to fail');
}

function since(n: number) {
  return server.modelRequests().slice(n);
}

describe('completion mode', () => {
  it('sends the training prompt format and parses the answer into exactly the gold entities', async () => {
    const n = server.modelRequests().length;
    const r = await openaiProvider.extract({ text: textOf(0) }, settings());
    expect(ExtractionResultSchema.parse(r)).toEqual(r);
    expect({ diploma: r.diploma, diploma_major: r.diploma_major, experience: r.experience, skills: r.skills }).toEqual(
      goldOf(0),
    );
    expect(r.diploma).toEqual(['bs']);
    expect(r.skills).toEqual(['go', 'java', 'postgresql', 'kafka', 'docker', 'kubernetes']);
    expect(r.meta).toMatchObject({
      provider: 'openai',
      model: 'davinci-002',
      finishReason: 'stop',
      warnings: [],
      chunks: 1,
    });
    expect(r.meta.usage?.promptTokens).toBeGreaterThan(10);
    expect(r.meta.usage?.totalTokens).toBe((r.meta.usage?.promptTokens ?? 0) + (r.meta.usage?.completionTokens ?? 0));
    const [req] = since(n);
    expect(req.path).toBe('/v1/completions');
    const body = req.body as Record<string, unknown>;
    expect(body.prompt).toBe(textOf(0) + '\n\n###\n\n');
    expect(body).toMatchObject({ model: 'davinci-002', temperature: 0, max_tokens: 512, stop: [' END'] });
    expect(req.headers['x-stainless-retry-count']).toBe('0');
  });

  it('reads the negative answer as no entities', async () => {
    const r = await openaiProvider.extract({ text: textOf(2) }, settings());
    expect([...r.diploma, ...r.diploma_major, ...r.experience, ...r.skills]).toEqual([]);
  });

  it('uses completions for fine-tunes of davinci-002 and a forced mode', async () => {
    const n = server.modelRequests().length;
    await openaiProvider.extract({ text: textOf(1) }, settings({ model: 'ft:davinci-002:acme:jobs:abc123' }));
    await openaiProvider.extract({ text: textOf(1) }, settings({ model: 'my-llama', mode: 'completion' }));
    expect(since(n).map((r) => r.path)).toEqual(['/v1/completions', '/v1/completions']);
  });

  it('keeps complete values and warns when the answer is cut by max_tokens', async () => {
    const r = await openaiProvider.extract({ text: textOf(0) }, settings({ maxTokens: 16 }));
    expect(r.meta.finishReason).toBe('length');
    expect(r.meta.warnings.length).toBeGreaterThan(0);
    expect(r.diploma).toEqual(['bs']);
  });

  it('sends a placeholder key when none is set (local servers need none)', async () => {
    const n = server.modelRequests().length;
    await openaiProvider.extract({ text: textOf(0) }, settings({ apiKey: '' }));
    expect(since(n)[0].apiKey).toBe('no-key');
  });

  it('refuses to run without a model, or without a key for api.openai.com, before any request', async () => {
    const n = server.modelRequests().length;
    expect((await failure(openaiProvider.extract({ text: 'x' }, settings({ model: '' })))).code).toBe('no_model');
    const e = await failure(
      openaiProvider.extract({ text: 'x' }, settings({ baseURL: 'https://api.openai.com/v1', apiKey: '' })),
    );
    expect(e.code).toBe('invalid_key');
    expect(e.message).toMatch(/No API key is set/);
    expect(since(n)).toHaveLength(0);
  });
});

describe('chat mode', () => {
  it('sends the system and user messages and parses the entity lines', async () => {
    const n = server.modelRequests().length;
    const r = await openaiProvider.extract({ text: textOf(3) }, settings({ model: 'gpt-4o-mini-2024-07-18' }));
    expect({ diploma: r.diploma, diploma_major: r.diploma_major, experience: r.experience, skills: r.skills }).toEqual(
      goldOf(3),
    );
    const [req] = since(n);
    expect(req.path).toBe('/v1/chat/completions');
    const body = req.body as { messages: { role: string; content: string }[]; temperature: number; max_tokens: number };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toMatch(/diploma_major/);
    expect(body.messages[1].content).toBe(textOf(3));
    expect(body.temperature).toBe(0);
    expect(body.max_tokens).toBe(512);
    expect(r.meta.usage).toBeDefined();
  });

  it('asks again as reasoning models require when they refuse max_tokens and temperature 0', async () => {
    const n = server.modelRequests().length;
    const r = await openaiProvider.extract({ text: textOf(0) }, settings({ model: 'reasoning-model' }));
    expect(r.diploma).toEqual(['bs']);
    const bodies = since(n).map((q) => q.body as Record<string, unknown>);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toMatchObject({ max_tokens: 512, temperature: 0 });
    expect(bodies[1]).toMatchObject({ max_completion_tokens: 512, temperature: 0 });
    expect(bodies[1].max_tokens).toBeUndefined();
    expect(bodies[2].temperature).toBeUndefined();
    expect(bodies[2].max_completion_tokens).toBe(512);
  });

  it('accepts a JSON answer from a chat model', async () => {
    server.setBehavior('json-chat', {
      answer: '{"diploma": ["ms"], "diploma_major": [], "experience": ["2 + years"], "skills": ["sql", "sql"]}',
    });
    const r = await openaiProvider.extract({ text: 'anything' }, settings({ model: 'json-chat' }));
    expect(r.diploma).toEqual(['ms']);
    expect(r.skills).toEqual(['sql', 'sql']);
  });
});

describe('errors: each mapped with its own message', () => {
  it('401 -> invalid_key', async () => {
    const s = await startOpenAIServer({ apiKey: 'sk-right' });
    try {
      const e = await failure(
        openaiProvider.extract({ text: 'x' }, settings({ baseURL: s.url, apiKey: 'sk-wrong-key-0000' })),
      );
      expect(e.code).toBe('invalid_key');
      expect(e.status).toBe(401);
      expect(e.isFatal).toBe(true);
      expect(e.message).toContain(`The API key was rejected by ${s.url}`);
      expect(e.message).toMatch(/Incorrect API key provided/);
      expect(s.modelRequests()).toHaveLength(1); // 401 is not retried
    } finally {
      await s.close();
    }
  });

  it('403 -> no_access', async () => {
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'forbidden-model' })));
    expect(e.code).toBe('no_access');
    expect(e.message).toMatch(/may not use the model forbidden-model/);
  });

  it('404 -> not_found, naming the model id asked for and the base URL', async () => {
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'no-such-model' })));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('"no-such-model"');
    expect(e.message).toContain(server.url);
    expect(e.isFatal).toBe(true);
  });

  it('429 is retried, honouring retry-after-ms, then succeeds', async () => {
    server.setBehavior('fail-once-429', { fault: 'rate_limit', times: 1, retryAfterSeconds: 1, retryAfterMs: 300 });
    const n = server.modelRequests().length;
    const r = await openaiProvider.extract({ text: textOf(0) }, settings({ model: 'fail-once-429' }));
    expect(r.meta.model).toBe('fail-once-429');
    const reqs = since(n);
    expect(reqs).toHaveLength(2);
    expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(280);
    expect(reqs[1].headers['x-stainless-retry-count']).toBe('1');
  });

  it('429 that persists -> rate_limit after 1 + maxRetries requests', async () => {
    const n = server.modelRequests().length;
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'always-429', maxRetries: 2 })));
    expect(e.code).toBe('rate_limit');
    expect(e.message).toMatch(/rate-limiting requests to always-429/);
    expect(e.isFatal).toBe(false);
    expect(since(n)).toHaveLength(3);
  });

  it('429 insufficient_quota -> quota, never retried', async () => {
    const n = server.modelRequests().length;
    const e = await failure(
      openaiProvider.extract({ text: 'x' }, settings({ model: 'insufficient-quota', maxRetries: 3 })),
    );
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/no quota left/);
    expect(e.message).toMatch(/billing/);
    expect(since(n)).toHaveLength(1);
  });

  it('a 429 asking to wait longer than a worker can is not retried', async () => {
    server.setBehavior('long-wait', { fault: 'rate_limit', retryAfterSeconds: 120 });
    const n = server.modelRequests().length;
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'long-wait', maxRetries: 3 })));
    expect(e.code).toBe('rate_limit');
    expect(e.message).toMatch(/wait 120 s/);
    expect(since(n)).toHaveLength(1);
  });

  it('5xx is retried then succeeds; a persistent 5xx -> server_error', async () => {
    server.setBehavior('fail-once-500', { fault: 'server_error', times: 1 });
    let n = server.modelRequests().length;
    await openaiProvider.extract({ text: textOf(0) }, settings({ model: 'fail-once-500' }));
    expect(since(n).length).toBe(2);
    n = server.modelRequests().length;
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'always-503', maxRetries: 1 })));
    expect(e.code).toBe('server_error');
    expect(e.status).toBe(503);
    expect(e.message).toMatch(/failed with 503 and still did after retrying/);
    expect(since(n)).toHaveLength(2);
  });

  it('a dropped connection is retried', async () => {
    server.setBehavior('fail-once-drop', { fault: 'drop_connection', times: 1 });
    const n = server.modelRequests().length;
    await openaiProvider.extract({ text: textOf(0) }, settings({ model: 'fail-once-drop' }));
    expect(since(n)).toHaveLength(2);
  });

  it("400 -> bad_request with the server's message; context_length_exceeded says the posting is too long", async () => {
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'bad-request' })));
    expect(e.code).toBe('bad_request');
    expect(e.message).toContain("Invalid value for 'temperature'");
    const long = await failure(
      openaiProvider.extract({ text: 'word '.repeat(1500) }, settings({ model: 'small-context', maxTokens: 64 })),
    );
    expect(long.message).toMatch(/too long for small-context/);
  });

  it('an answer that is not OpenAI-shaped -> a clear error', async () => {
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'garbage-model', maxRetries: 0 })));
    expect(e.message).toMatch(/not an OpenAI-compatible completion/);
  });

  it('timeout -> timeout', async () => {
    server.setBehavior('slow-model', { delayMs: 3_000 });
    const t0 = Date.now();
    const e = await failure(
      openaiProvider.extract({ text: 'x' }, settings({ model: 'slow-model', timeoutMs: 1_000, maxRetries: 0 })),
    );
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 1 s/);
    expect(Date.now() - t0).toBeLessThan(2_900);
  });

  it('unreachable (a closed port) -> unreachable, naming the base URL and how to start a local server', async () => {
    const port = await closedPort();
    const base = `http://127.0.0.1:${port}/v1`;
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ baseURL: base, maxRetries: 0 })));
    expect(e.code).toBe('unreachable');
    expect(e.isFatal).toBe(true);
    expect(e.message).toContain(`Could not reach ${base}: the connection was refused`);
    expect(e.message).toMatch(/Start your server/);
    expect(e.message).toMatch(/OLLAMA_ORIGINS/);
    expect(e.message).toMatch(/moz-extension:\/\/\*/);
  });

  it('DNS failures and browser "Failed to fetch" (CORS) get their own words', () => {
    const dns = mapProviderError(
      new APIConnectionError({
        cause: Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
        }),
      }),
      {
        model: 'm',
        baseURL: 'https://llm.example.com/v1',
      },
    );
    expect(dns.code).toBe('unreachable');
    expect(dns.message).toMatch(/does not resolve \(DNS\)/);
    expect(dns.message).toMatch(/Check the base URL/);
    const cors = mapProviderError(new APIConnectionError({ cause: new TypeError('Failed to fetch') }), {
      model: 'm',
      baseURL: 'http://localhost:11434/v1',
    });
    expect(cors.message).toMatch(/refused this origin \(CORS\)/);
    expect(cors.message).toMatch(/OLLAMA_ORIGINS/);
  });

  it('cancel via AbortSignal -> cancelled, mid-request and before it', async () => {
    server.setBehavior('slow-model', { delayMs: 3_000 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 150);
    const t0 = Date.now();
    const e = await failure(openaiProvider.extract({ text: 'x' }, settings({ model: 'slow-model' }), ctl.signal));
    expect(e.code).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(2_000);
    const n = server.modelRequests().length;
    const pre = await failure(extractPosting({ text: 'x' }, settings(), AbortSignal.abort()));
    expect(pre.code).toBe('cancelled');
    expect(since(n)).toHaveLength(0);
  });

  it('a caller deadline (AbortSignal.timeout) is reported as a timeout', async () => {
    server.setBehavior('slow-model', { delayMs: 3_000 });
    const e = await failure(
      openaiProvider.extract({ text: 'x' }, settings({ model: 'slow-model' }), AbortSignal.timeout(200)),
    );
    expect(e.code).toBe('timeout');
  });

  it('the quota fetch wrapper leaves other responses untouched', async () => {
    const plain = new Response('{"ok":true}', { status: 200 });
    expect(await noRetryOnQuotaFetch(async () => plain)('http://x')).toBe(plain);
    const rate = await noRetryOnQuotaFetch(
      async () =>
        new Response('{"error":{"code":"rate_limit_exceeded"}}', { status: 429, headers: { 'retry-after': '1' } }),
    )('http://x');
    expect(rate.headers.get('x-should-retry')).toBeNull();
    const quota = await noRetryOnQuotaFetch(
      async () => new Response('{"error":{"code":"insufficient_quota"}}', { status: 429 }),
    )('http://x');
    expect(quota.headers.get('x-should-retry')).toBe('false');
    expect(await quota.text()).toContain('insufficient_quota');
  });
});

describe('extractPosting: provider choice, chunking, validation', () => {
  it('chunks a posting longer than the context, extracts each chunk in order and merges', async () => {
    // A posting of 40 sentences, each naming one skill; the server "model" returns the skills it sees.
    const sentences = Array.from(
      { length: 40 },
      (_, i) =>
        `Candidates should know tool${i} well and use it daily in a demanding production environment with many colleagues.`,
    );
    const text = sentences.join(' ');
    const s = await startOpenAIServer({
      behaviors: { 'tiny-ctx': { contextTokens: 1_024 } },
      answer: (req) => {
        const tools = [...req.prompt.matchAll(/\btool\d+\b/g)].map((m) => `'${m[0]}'`);
        return ` skills:[${tools.join(', ')}]\n END`;
      },
    });
    try {
      const st = SettingsSchema.parse({
        baseURL: s.url,
        model: 'tiny-ctx',
        mode: 'completion',
        contextTokens: 1_024,
        maxTokens: 200,
        maxRetries: 0,
      });
      const planned = planChunks(text, st);
      expect(planned.length).toBeGreaterThan(1);
      const r = await extractPosting({ text }, st);
      expect(r.meta.chunks).toBe(planned.length);
      expect(s.modelRequests()).toHaveLength(planned.length);
      expect(r.skills).toEqual(sentences.map((_, i) => `tool${i}`));
      // Each request fitted the server's context (none was refused) and no answer was cut.
      expect(r.meta.finishReason).toBe('stop');
      expect(r.meta.warnings).toEqual([]);
      expect(r.meta.usage!.promptTokens).toBeGreaterThan(planned.length * 100);
    } finally {
      await s.close();
    }
  });

  it('reports a truncated chunk: finish reason length and a warning naming the chunk', async () => {
    const text = Array.from(
      { length: 30 },
      (_, i) =>
        `Candidates should know tool${i} well and use it daily in a demanding production environment with many colleagues.`,
    ).join(' ');
    const s = await startOpenAIServer({
      // The chunk holding tool0 gets an answer far longer than max_tokens.
      answer: (req) =>
        req.prompt.includes('tool0 ')
          ? ` skills:[${Array.from({ length: 80 }, (_, i) => `'extra${i}'`).join(', ')}]\n END`
          : " skills:['x']\n END",
    });
    try {
      const st = SettingsSchema.parse({
        baseURL: s.url,
        model: 'tiny-ctx',
        mode: 'completion',
        contextTokens: 1_024,
        maxTokens: 200,
        maxRetries: 0,
      });
      const r = await extractPosting({ text }, st);
      expect(r.meta.chunks).toBeGreaterThan(1);
      expect(r.meta.finishReason).toBe('length');
      expect(r.meta.warnings.some((w) => w.startsWith(`chunk 1/${r.meta.chunks}: `))).toBe(true);
      expect(r.skills[0]).toBe('extra0');
      expect(r.skills.at(-1)).toBe('x');
    } finally {
      await s.close();
    }
  });

  it('does not split a posting that fits', async () => {
    const n = server.modelRequests().length;
    const r = await extractPosting({ text: textOf(4) }, settings());
    expect(r.meta.chunks).toBe(1);
    expect(since(n)).toHaveLength(1);
    expect(r.skills).toEqual(goldOf(4).skills);
  });

  it('getProvider: a model -> openai; no model or --provider local -> the offline extractor', async () => {
    expect((await getProvider(settings())).id).toBe('openai');
    expect((await getProvider(SettingsSchema.parse({}))).id).toBe('local');
    expect((await getProvider(settings({ provider: 'local' }))).id).toBe('local');
    const r = await extractPosting({ text: textOf(0) }, settings({ provider: 'local' }));
    expect(r.meta.provider).toBe('local');
    expect(ExtractionResultSchema.safeParse(r).success).toBe(true);
  });

  it('testConnection: one tiny request; the mapped error otherwise', async () => {
    const n = server.modelRequests().length;
    await expect(testConnection(settings({ model: 'gpt-4o-mini' }))).resolves.toEqual({
      ok: true,
      model: 'gpt-4o-mini',
      mode: 'chat',
    });
    await expect(testConnection(settings())).resolves.toEqual({ ok: true, model: 'davinci-002', mode: 'completion' });
    const reqs = since(n);
    expect(reqs.map((r) => (r.body as { max_tokens: number }).max_tokens)).toEqual([1, 1]);
    const e = await failure(testConnection(settings({ model: 'no-such-model' })));
    expect(e.code).toBe('not_found');
  });
});
