// The Batch API lines: custom ids, requests identical to extract's, chunked postings, output and
// error lines read back as extract's results and error lines.
import { describe, expect, it } from 'vitest';
import {
  batchRequestLines,
  combineChunks,
  customIdFor,
  outcomeOfOutputLine,
  parseCustomId,
} from '../../src/core/batch';
import { planChunks } from '../../src/core/extract';
import { buildModelRequest } from '../../src/core/providers/request';
import { SettingsSchema } from '../../src/core/settings';

const settings = (over: Record<string, unknown> = {}) =>
  SettingsSchema.parse({ baseURL: 'https://api.openai.com/v1', apiKey: 'sk-x', model: 'davinci-002', ...over });

describe('custom ids', () => {
  it('carry the position, the chunk and the id; only the position and chunk are read back', () => {
    expect(customIdFor(12)).toBe('12');
    expect(customIdFor(12, 'job:7/a')).toBe('12:job:7/a');
    expect(customIdFor(3, 9, { index: 1, count: 3 })).toBe('3/2:9');
    expect(customIdFor(3, undefined, { index: 0, count: 1 })).toBe('3');
    expect(parseCustomId('12:job:7/a')).toEqual({ position: 12, chunk: 0 });
    expect(parseCustomId('3/2:9')).toEqual({ position: 3, chunk: 1 });
    expect(parseCustomId('request-1')).toBeUndefined();
  });
});

describe('batch request lines', () => {
  it('are the requests extract sends, one per chunk of a long posting', () => {
    const s = settings({ contextTokens: 1024, maxTokens: 64 });
    const text = Array.from(
      { length: 120 },
      (_, i) => `Sentence ${i} asks for Python, SQL and ${i} years of Kubernetes.`,
    ).join(' ');
    const r = batchRequestLines({ text }, 5, s, 'x');
    if (!('lines' in r)) throw new Error(r.problem);
    const chunks = planChunks(text, s);
    expect(chunks.length).toBeGreaterThan(1);
    expect(r.lines.map((l) => l.custom_id)).toEqual(chunks.map((_, k) => `5/${k + 1}:x`));
    expect(r.lines.map((l) => l.body)).toEqual(chunks.map((c) => buildModelRequest(c, s).body));
    expect(r.lines.every((l) => l.method === 'POST' && l.url === '/v1/completions')).toBe(true);
  });

  it('refuse an empty posting and one the context cannot hold even split', () => {
    expect(batchRequestLines({ text: '  \n' }, 1, settings())).toEqual({ problem: 'the posting text is empty' });
    const tiny = batchRequestLines({ text: 'word '.repeat(400) }, 1, settings({ contextTokens: 600, maxTokens: 512 }));
    expect('problem' in tiny && tiny.problem).toMatch(/too long for davinci-002/);
  });
});

describe('output lines', () => {
  const s = settings();
  const ok = (id: string, text: string) =>
    JSON.stringify({
      id: 'batch_req_1',
      custom_id: id,
      response: {
        status_code: 200,
        request_id: 'req_1',
        body: {
          id: 'cmpl-1',
          object: 'text_completion',
          choices: [{ text, index: 0, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      },
      error: null,
    });

  it('a 200 answer becomes the result extract gives', () => {
    const o = outcomeOfOutputLine(ok('4:a', " skills:['python']\n"), s)!;
    expect(o.position).toBe(4);
    expect(o.result).toMatchObject({
      skills: ['python'],
      meta: { provider: 'openai', model: 'davinci-002', finishReason: 'stop', chunks: 1, usage: { totalTokens: 15 } },
    });
  });

  it("an error answer carries the server's message, mapped as extract maps it; an expired request has no result", () => {
    const bad = JSON.stringify({
      custom_id: '2',
      response: {
        status_code: 400,
        body: {
          error: {
            message: "This model's maximum context length is 300 tokens.",
            type: 'invalid_request_error',
            code: 'context_length_exceeded',
            param: null,
          },
        },
      },
      error: null,
    });
    const o = outcomeOfOutputLine(bad, s)!;
    expect(o.error?.code).toBe('bad_request');
    expect(o.error?.message).toContain("This model's maximum context length is 300 tokens.");
    const expired = outcomeOfOutputLine(
      JSON.stringify({
        custom_id: '3',
        response: null,
        error: {
          code: 'batch_expired',
          message: 'This request could not be executed before the completion window expired.',
        },
      }),
      s,
    )!;
    expect(expired).toMatchObject({ position: 3, noResult: true, error: { code: 'timeout' } });
    expect(outcomeOfOutputLine('{"custom_id": "x"}', s)).toBeUndefined();
    expect(outcomeOfOutputLine('not json', s)).toBeUndefined();
  });

  it('chunks are merged in order; a missing chunk is reported', () => {
    const a = outcomeOfOutputLine(ok('1/1', " skills:['python']\n"), s)!;
    const b = outcomeOfOutputLine(ok('1/2', " skills:['sql']\n"), s)!;
    const merged = combineChunks([a, b], 2, () => ({ code: 'unknown', message: 'missing' }));
    expect(merged.result?.skills).toEqual(['python', 'sql']);
    expect(merged.result?.meta.chunks).toBe(2);
    expect(combineChunks([a], 2, () => ({ code: 'timeout', message: 'no result' })).error).toEqual({
      code: 'timeout',
      message: 'no result',
    });
  });
});
