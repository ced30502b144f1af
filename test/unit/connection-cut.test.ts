// A connection cut in the middle of the answer (headers sent, body cut off) is a network error,
// retried once like a 5xx, not "Something went wrong … Failed to fetch".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/core/extract';
import { SettingsSchema } from '../../src/core/settings';

let server: Server;
let url = '';
let requests = 0;
let cutsLeft = 0;
const body = JSON.stringify({
  id: 'cmpl-1',
  object: 'text_completion',
  created: 1,
  model: 'davinci-002',
  choices: [{ index: 0, text: " skills:['sql']\n", finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      if (cutsLeft > 0) {
        cutsLeft--;
        res.write(body.slice(0, 20));
        setTimeout(() => res.socket?.destroy(), 20);
      } else res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const settings = () => SettingsSchema.parse({ baseURL: url, model: 'davinci-002', maxRetries: 0, scope: 'whole' });

describe('a connection cut mid-response', () => {
  it('is retried once and the answer read', async () => {
    cutsLeft = 1;
    requests = 0;
    const r = await extractPosting({ text: 'We need SQL.' }, settings());
    expect(r.skills).toEqual(['sql']);
    expect(requests).toBe(2);
  });
  it('cut twice: a network error (unreachable) that says so, not "Something went wrong"', async () => {
    cutsLeft = 2;
    requests = 0;
    const err = await extractPosting({ text: 'We need SQL.' }, settings()).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.code).toBe('unreachable');
    expect(err?.message).toMatch(/connection to .* was cut/);
    expect(requests).toBe(2);
  });
});
