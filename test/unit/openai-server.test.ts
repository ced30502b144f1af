// The test server is the model's contract: these tests pin its wire format to OpenAI's (raw HTTP,
// no SDK), so provider tests that pass against it mean something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFineTuningRoutes } from '../server/fine-tuning';
import { goldAnswerer, promptKey, startOpenAIServer, toChatAnswer, type OpenAIServer } from '../server/openai-server';

const GOLD = [
  { prompt: 'Need 3+ years of Python.\n\n###\n\n', completion: " experience:['3 + years']\nskills:['python']\n END" },
  { prompt: 'Front desk, free parking.\n\n###\n\n', completion: ' no entity\n , END' },
];

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ answer: goldAnswerer(GOLD) });
});
afterAll(async () => {
  await server.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}, base = server.url) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
    body: JSON.stringify(body),
  });
  return { res, json: (await res.json()) as Record<string, any> };
}

describe('POST /v1/completions', () => {
  it('answers in the text_completion shape, cut at the stop sequence', async () => {
    const { res, json } = await post('/completions', {
      model: 'davinci-002',
      prompt: GOLD[0].prompt,
      temperature: 0,
      max_tokens: 100,
      stop: [' END'],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(json.id).toMatch(/^cmpl-/);
    expect(json.object).toBe('text_completion');
    expect(typeof json.created).toBe('number');
    expect(json.model).toBe('davinci-002');
    expect(json.choices).toEqual([
      { text: " experience:['3 + years']\nskills:['python']\n", index: 0, logprobs: null, finish_reason: 'stop' },
    ]);
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
    expect(json.usage.prompt_tokens).toBeGreaterThan(3);
  });

  it('leaves " no entity\\n ," when the stop word cuts the negative answer', async () => {
    const { json } = await post('/completions', { model: 'davinci-002', prompt: GOLD[1].prompt, stop: [' END'] });
    expect(json.choices[0].text).toBe(' no entity\n ,');
  });

  it('keeps the stop word when none is sent, and truncates at max_tokens with finish_reason length', async () => {
    const full = await post('/completions', { model: 'davinci-002', prompt: GOLD[0].prompt });
    expect(full.json.choices[0].text).toBe(GOLD[0].completion);
    const cut = await post('/completions', { model: 'davinci-002', prompt: GOLD[0].prompt, max_tokens: 5 });
    expect(cut.json.choices[0].finish_reason).toBe('length');
    expect(cut.json.usage.completion_tokens).toBeLessThanOrEqual(5);
    expect(GOLD[0].completion.startsWith(cut.json.choices[0].text)).toBe(true);
  });

  it('finds the gold answer whatever the client did to white space, ### and END', () => {
    expect(promptKey('Need 3+  years\nof ## Python END')).toBe(promptKey('need 3+ years of ### python end\n\n###\n\n'));
  });

  it('refuses a body that is not JSON, and a missing model or prompt, as OpenAI does', async () => {
    const res = await fetch(server.url + '/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/could not parse the JSON body/);
    const noModel = await post('/completions', { prompt: 'x' });
    expect(noModel.res.status).toBe(400);
    expect(noModel.json.error).toEqual({
      message: 'you must provide a model parameter',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    const noPrompt = await post('/completions', { model: 'davinci-002' });
    expect(noPrompt.json.error.param).toBe('prompt');
  });
});

describe('POST /v1/chat/completions', () => {
  it('answers in the chat.completion shape', async () => {
    const { res, json } = await post('/chat/completions', {
      model: 'gpt-4o-mini-2024-07-18',
      messages: [
        { role: 'system', content: 'extract' },
        { role: 'user', content: 'Need 3+ years of Python.' },
      ],
      temperature: 0,
    });
    expect(res.status).toBe(200);
    expect(json.id).toMatch(/^chatcmpl-/);
    expect(json.object).toBe('chat.completion');
    expect(json.model).toBe('gpt-4o-mini-2024-07-18');
    expect(json.choices).toHaveLength(1);
    expect(json.choices[0]).toMatchObject({
      index: 0,
      logprobs: null,
      finish_reason: 'stop',
      message: { role: 'assistant', content: "experience:['3 + years']\nskills:['python']", refusal: null },
    });
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
  });

  it('turns a seed completion into what a chat fine-tune says', () => {
    expect(toChatAnswer(" skills:['go']\n END")).toBe("skills:['go']");
    expect(toChatAnswer(' no entity\n , END')).toBe('no entity');
  });
});

describe('GET /v1/models', () => {
  it('lists models in the list shape', async () => {
    const res = await fetch(server.url + '/models');
    const json = (await res.json()) as any;
    expect(json.object).toBe('list');
    expect(json.data).toContainEqual({
      id: 'davinci-002',
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'system',
    });
  });
});

describe('errors exactly as OpenAI sends them', () => {
  it('401 invalid_api_key for a wrong key, and for no key', async () => {
    const s = await startOpenAIServer({ apiKey: 'sk-right-key-123456' });
    try {
      const wrong = await post(
        '/completions',
        { model: 'davinci-002', prompt: 'x' },
        { authorization: 'Bearer sk-wrong-key-987654' },
        s.url,
      );
      expect(wrong.res.status).toBe(401);
      expect(wrong.json).toEqual({
        error: {
          message: expect.stringMatching(/^Incorrect API key provided: sk-\**7654\. You can find your API key at/),
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
      const none = await fetch(s.url + '/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(none.status).toBe(401);
      expect(((await none.json()) as any).error.message).toMatch(/^You didn't provide an API key/);
      const right = await post(
        '/completions',
        { model: 'davinci-002', prompt: 'x' },
        { authorization: 'Bearer sk-right-key-123456' },
        s.url,
      );
      expect(right.res.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('404 model_not_found names the model', async () => {
    const { res, json } = await post('/completions', { model: 'no-such-model', prompt: 'x' });
    expect(res.status).toBe(404);
    expect(json).toEqual({
      error: {
        message: 'The model `no-such-model` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
  });

  it('404 for models outside the served list', async () => {
    const s = await startOpenAIServer({ models: ['my-model'] });
    try {
      expect(
        (await post('/chat/completions', { model: 'my-model', messages: [{ role: 'user', content: 'x' }] }, {}, s.url))
          .res.status,
      ).toBe(200);
      expect(
        (await post('/chat/completions', { model: 'other', messages: [{ role: 'user', content: 'x' }] }, {}, s.url))
          .json.error.code,
      ).toBe('model_not_found');
    } finally {
      await s.close();
    }
  });

  it('429 rate_limit_exceeded with retry-after and x-ratelimit-* headers', async () => {
    const { res, json } = await post('/completions', { model: 'always-429', prompt: 'x' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('retry-after-ms')).toBe('50');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(res.headers.get('x-ratelimit-reset-requests')).toBe('1s');
    expect(json.error).toMatchObject({ type: 'requests', param: null, code: 'rate_limit_exceeded' });
    expect(json.error.message).toMatch(/^Rate limit reached for always-429/);
  });

  it('429 insufficient_quota with its billing body and no retry-after', async () => {
    const { res, json } = await post('/completions', { model: 'insufficient-quota', prompt: 'x' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(json).toEqual({
      error: {
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    });
  });

  it('403, 400, 500 and 503 bodies', async () => {
    const forbidden = await post('/completions', { model: 'forbidden-model', prompt: 'x' });
    expect(forbidden.res.status).toBe(403);
    expect(forbidden.json.error.type).toBe('invalid_request_error');
    const bad = await post('/completions', { model: 'bad-request', prompt: 'x' });
    expect(bad.res.status).toBe(400);
    expect(bad.json.error).toMatchObject({ param: 'temperature', code: 'invalid_value' });
    const e500 = await post('/completions', { model: 'always-500', prompt: 'x' });
    expect(e500.res.status).toBe(500);
    expect(e500.json.error).toEqual({
      message: 'The server had an error while processing your request. Sorry about that!',
      type: 'server_error',
      param: null,
      code: null,
    });
    const e503 = await post('/chat/completions', { model: 'always-503', messages: [{ role: 'user', content: 'x' }] });
    expect(e503.res.status).toBe(503);
  });

  it('fail-once models fail the first request only', async () => {
    server.setBehavior('fail-once-500', { fault: 'server_error', times: 1 });
    expect((await post('/completions', { model: 'fail-once-500', prompt: 'x' })).res.status).toBe(500);
    expect((await post('/completions', { model: 'fail-once-500', prompt: 'x' })).res.status).toBe(200);
  });

  it('context_length_exceeded when prompt + max_tokens exceed the model context', async () => {
    const { res, json } = await post('/completions', {
      model: 'small-context',
      prompt: 'word '.repeat(2000),
      max_tokens: 10,
    });
    expect(res.status).toBe(400);
    expect(json.error.code).toBe('context_length_exceeded');
  });

  it('drops the connection for drop_connection', async () => {
    server.setBehavior('dropper', { fault: 'drop_connection' });
    await expect(post('/completions', { model: 'dropper', prompt: 'x' })).rejects.toThrow();
  });
});

describe('slow answers, CORS, recording, extra routes', () => {
  it('waits delayMs before answering', async () => {
    server.setBehavior('slowish', { delayMs: 300 });
    const t0 = Date.now();
    const { res } = await post('/completions', { model: 'slowish', prompt: 'x' });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('answers the preflight of a chrome-extension:// origin, echoing the x-stainless-* headers', async () => {
    const res = await fetch(server.url + '/chat/completions', {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os,x-stainless-retry-count',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,x-stainless-os,x-stainless-retry-count',
    );
    const { res: post200 } = await post(
      '/completions',
      { model: 'davinci-002', prompt: 'x' },
      { origin: 'chrome-extension://abcdefghijklmnop' },
    );
    expect(post200.headers.get('access-control-allow-origin')).toBe('*');
    expect(post200.headers.get('access-control-allow-headers')).toMatch(/x-stainless-retry-count/);
    const errorRes = await post('/completions', { model: 'always-500', prompt: 'x' });
    expect(errorRes.res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends no CORS headers with cors: false (LM Studio with CORS off)', async () => {
    const s = await startOpenAIServer({ cors: false });
    try {
      const res = await fetch(s.url + '/models', { headers: { origin: 'chrome-extension://x' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.close();
    }
  });

  it('records each request with the key redacted from the headers', async () => {
    const before = server.requests.length;
    await post(
      '/completions',
      { model: 'davinci-002', prompt: 'recorded' },
      { authorization: 'Bearer sk-secret-value' },
    );
    const r = server.requests[before];
    expect(r).toMatchObject({
      method: 'POST',
      path: '/v1/completions',
      apiKey: 'sk-secret-value',
      body: { model: 'davinci-002', prompt: 'recorded' },
    });
    expect(r.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(r.headers)).not.toContain('sk-secret-value');
    expect(server.modelRequests().at(-1)).toBe(r);
  });

  it("consults extra routes before its 404, which has OpenAI's shape", async () => {
    const s = await startOpenAIServer({
      routes: [
        (_req, res, body, url) => {
          if (url.pathname !== '/v1/files') return false;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ object: 'file', bytes: body.length }));
          return true;
        },
      ],
    });
    try {
      const files = await fetch(s.url + '/files', { method: 'POST', body: 'abc' });
      expect(await files.json()).toEqual({ object: 'file', bytes: 3 });
      const missing = await fetch(s.url + '/nothing');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as any).error).toEqual({
        message: 'Invalid URL (GET /v1/nothing)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    } finally {
      await s.close();
    }
  });

  it('the fine-tuning routes answer 400, not a server failure, to a job body that is JSON but not an object', async () => {
    const ft = createFineTuningRoutes();
    const s = await startOpenAIServer({ routes: ft.routes });
    try {
      for (const body of ['null', '[]', '7', '{oops']) {
        const res = await fetch(s.url + '/fine_tuning/jobs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBe(400);
        expect(((await res.json()) as any).error.message).toMatch(/could not parse the JSON body/);
      }
    } finally {
      ft.stop();
      await s.close();
    }
  });
});
