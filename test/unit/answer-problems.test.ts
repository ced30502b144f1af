// Cut-off and unreadable answers never pass for clean results: a cut-off answer keeps what it read
// but says so (finish_reason length) and carries the raw answer; an answer that is not in the
// format is an error (bad_answer) carrying the raw answer, not an empty result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/core/errors';
import { extractPosting } from '../../src/core/extract';
import { SettingsSchema } from '../../src/core/settings';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';

const ANSWER =
  " diploma:['bachelor']\ndiploma_major:['computer science']\nexperience:['3 + years']\nskills:['python', 'sql', 'kubernetes']\n END";
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ answer: () => ANSWER });
});
afterAll(() => server.close());

const settings = (over: Record<string, unknown> = {}) =>
  SettingsSchema.parse({ baseURL: server.url, apiKey: 'sk-test', model: 'davinci-002', maxRetries: 0, ...over });

describe('answers that are not clean', () => {
  it('a cut-off answer: the values read, finish_reason length, the raw answer kept', async () => {
    const r = await extractPosting({ text: 'A posting.' }, settings({ maxTokens: 16 }));
    expect(r.meta.finishReason).toBe('length');
    expect(r.meta.rawAnswer).toBeTruthy();
    expect(ANSWER.startsWith(r.meta.rawAnswer!)).toBe(true);
  });

  it('an answer not in the format is an error with the raw answer, not an empty result', async () => {
    server.setAnswer(() => 'Sure! I would be happy to help you with this job posting. END');
    let caught: unknown;
    try {
      await extractPosting({ text: 'A posting.' }, settings());
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExtractionError);
    const e = caught as ExtractionError;
    expect(e.code).toBe('bad_answer');
    expect(e.message).toMatch(/not in the expected format/);
    expect(e.toInfo().raw).toContain('happy to help');
  });

  it('an empty answer is an error too', async () => {
    server.setAnswer(() => ' END');
    await expect(extractPosting({ text: 'A posting.' }, settings())).rejects.toMatchObject({ code: 'bad_answer' });
  });

  it('the negative answer is still a clean empty result', async () => {
    server.setAnswer(() => ' no entity\n , END');
    const r = await extractPosting({ text: 'A posting.' }, settings());
    expect(r.skills).toEqual([]);
    expect(r.meta.finishReason).toBe('stop');
  });
});
