// extractPosting reads what the scope asks for, with both providers: the model's prompt holds the
// focused text then the separator (as in training), chunked as before when too long; the offline
// extractor reads the same text; meta.scope and meta.read say what was read.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureHtml } from '../../src/cli/dom';
import { extractPosting } from '../../src/core/extract';
import { focusPosting } from '../../src/core/focus';
import { SEPARATOR } from '../../src/core/prompt';
import { SettingsSchema, type SettingsInput } from '../../src/core/settings';
import { fixturePath } from '../shared';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';

const posting = captureHtml(
  readFileSync(fixturePath('sections', 'en.html'), 'utf8'),
  'https://careers.northwind.example/jobs/backend',
);

let server: OpenAIServer;
beforeAll(async () => {
  // A model that names what it sees: python when the requirements are there, dental when the benefits are.
  server = await startOpenAIServer({
    answer: (req) => {
      const skills = [/python/i.test(req.prompt) && "'python'", /dental/i.test(req.prompt) && "'dental'"]
        .filter(Boolean)
        .join(', ');
      return ` skills:[${skills}]\n END`;
    },
  });
});
afterAll(async () => {
  await server.close();
});

const settings = (over: SettingsInput = {}) =>
  SettingsSchema.parse({ baseURL: server.url, apiKey: 'sk-test', model: 'davinci-002', maxRetries: 0, ...over });
const lastPrompt = () => (server.modelRequests().at(-1)?.body as { prompt: string }).prompt;

describe('extractPosting and the scope', () => {
  it('focused (the default): the prompt is the requirement-like sections on one line, then the separator', async () => {
    const result = await extractPosting(posting, settings());
    const expected = focusPosting(posting, 'focused').text.replace(/\s+/g, ' ').trim() + SEPARATOR;
    expect(lastPrompt()).toBe(expected);
    expect(lastPrompt()).toMatch(/^What you'll do Design and build REST APIs/);
    expect(lastPrompt()).not.toMatch(/dental|equal opportunity|leading provider/i);
    expect(result.skills).toEqual(['python']);
    expect(result.meta.scope).toBe('focused');
    expect(result.meta.read).toEqual({ headings: ["What you'll do", 'Requirements', 'Nice to have'], total: 7 });
  });

  it('whole: the prompt is the whole posting', async () => {
    const result = await extractPosting(posting, settings({ scope: 'whole' }));
    expect(lastPrompt()).toBe(posting.text.replace(/\s+/g, ' ').trim() + SEPARATOR);
    // The model saw the benefits and answered 'dental'; a benefit is never a skill, so the type
    // sanity that cleans every model answer (src/core/sanity.ts) leaves it out.
    expect(server.modelRequests().length).toBeGreaterThan(0);
    expect(result.skills).toEqual(['python']);
    expect(result.meta.scope).toBe('whole');
    expect(result.meta.read?.total).toBe(7);
    expect(result.meta.read?.headings).toHaveLength(7);
  });

  it('a posting from the CLI (text only) is split from its text', async () => {
    const text = readFileSync(fixturePath('sections', 'no-headings.txt'), 'utf8');
    const result = await extractPosting({ text }, settings());
    expect(lastPrompt()).toContain('You have at least 2 years of experience');
    expect(lastPrompt()).not.toContain('401(k)');
    expect(result.meta.read).toEqual({ headings: ['Responsibilities', 'Requirements'], total: 5 });
  });

  it('a focused text longer than the context is chunked as before, and every chunk is focused', async () => {
    const requirements = Array.from(
      { length: 120 },
      (_, i) => `- ${i + 1} years of experience with Python module number ${i}`,
    ).join('\n');
    const text = `About us\nWe are a leading provider of dental software.\nRequirements\n${requirements}\nBenefits\nDental insurance for everyone`;
    const n = server.modelRequests().length;
    const result = await extractPosting({ text }, settings({ contextTokens: 1024, maxTokens: 64 }));
    const prompts = server
      .modelRequests()
      .slice(n)
      .map((r) => (r.body as { prompt: string }).prompt);
    expect(prompts.length).toBeGreaterThan(1);
    expect(result.meta.chunks).toBe(prompts.length);
    for (const p of prompts) {
      expect(p.endsWith(SEPARATOR)).toBe(true);
      expect(p).not.toMatch(/dental/i);
    }
    expect(result.meta.read).toEqual({ headings: ['Requirements'], total: 3 });
  });

  it('the offline extractor reads the focused text too', async () => {
    const focused = await extractPosting(posting, SettingsSchema.parse({ provider: 'local' }));
    const whole = await extractPosting(posting, SettingsSchema.parse({ provider: 'local', scope: 'whole' }));
    expect(focused.meta.provider).toBe('local');
    expect(focused.meta.scope).toBe('focused');
    expect(focused.meta.read?.headings).toEqual(["What you'll do", 'Requirements', 'Nice to have']);
    expect(whole.meta.scope).toBe('whole');
    const all = (r: typeof focused) =>
      [...r.diploma, ...r.diploma_major, ...r.experience, ...r.skills].join(' | ').toLowerCase();
    // Nothing read in focused scope comes from the left-out sections.
    expect(all(focused)).not.toMatch(/dental|vision|401|pto|cover letter/);
    expect(all(focused)).toMatch(/python/);
  });
});
