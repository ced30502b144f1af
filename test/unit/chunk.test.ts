import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText, MIN_PROMPT_BUDGET, promptBudget, promptOverheadTokens } from '../../src/core/chunk';
import { normalizeText } from '../../src/core/prompt';
import { splitSentences } from '../../src/core/sentences';
import { countTokens } from '../../src/core/tokens';

const sentence = (i: number) => `Sentence number ${i} asks for ${i % 7} + years of experience with tool${i}.`;
const long = Array.from({ length: 200 }, (_, i) => sentence(i)).join(' ');

describe('countTokens', () => {
  it('counts cl100k tokens (a bound that never undercounts, until an exact counter is registered)', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('the world')).toBe(2);
    expect(countTokens(long)).toBeGreaterThan(2000);
  });
});

describe('splitSentences', () => {
  it('covers the whole text, in order', () => {
    const text = 'One. Two!\nThree? • Four - five; Six e.g. Python. Dr. Who is 5.5 years old.';
    const segs = splitSentences(text);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => s.text.trim())).toEqual([
      'One.',
      'Two!',
      'Three?',
      '• Four - five;',
      'Six e.g. Python.',
      'Dr. Who is 5.5 years old.',
    ]);
  });
  it('never loses text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(
          splitSentences(s)
            .map((x) => x.text)
            .join(''),
        ).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('chunkText', () => {
  it('returns the text whole when it fits', () => {
    expect(chunkText('Short text.', 100)).toEqual(['Short text.']);
    expect(chunkText('   ', 100)).toEqual([]);
  });
  it('packs whole sentences greedily under the budget, in order, losing nothing', () => {
    const chunks = chunkText(long, 300);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(countTokens(c)).toBeLessThanOrEqual(300);
      expect(c).toMatch(/^Sentence number \d+/);
      expect(c).toMatch(/\.$/); // ends on a sentence boundary
    }
    expect(normalizeText(chunks.join(' '))).toBe(normalizeText(long));
    // Greedy: adding the next chunk's first sentence would overflow.
    for (let i = 0; i + 1 < chunks.length; i++) {
      const first = splitSentences(chunks[i + 1])[0].text.trim();
      expect(countTokens(`${chunks[i]} ${first}`)).toBeGreaterThan(300);
    }
  });
  it('splits on line breaks and bullets too', () => {
    const text = Array.from({ length: 30 }, (_, i) => `• requirement ${i} with some words`).join('\n');
    const chunks = chunkText(text, 40);
    for (const c of chunks) expect(c.startsWith('•')).toBe(true);
    expect(normalizeText(chunks.join(' '))).toBe(normalizeText(text));
  });
  it('splits a sentence longer than the budget between words, and a huge word between characters', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(words, 50);
    for (const c of chunks) expect(countTokens(c)).toBeLessThanOrEqual(50);
    expect(chunks.join(' ')).toBe(words);
    const url = 'https://example.com/' + 'abcdefghij'.repeat(100);
    const parts = chunkText(`See ${url} now.`, 20);
    for (const c of parts) expect(countTokens(c)).toBeLessThanOrEqual(20);
    expect(parts.join('').replace(/\s+/g, '')).toBe(`See${url}now.`);
  });
  it('stays fast on a very long posting (linear packing)', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => sentence(i)).join(' ');
    const t0 = performance.now();
    const chunks = chunkText(huge, 3000);
    expect(performance.now() - t0).toBeLessThan(5000);
    for (const c of chunks) expect(countTokens(c)).toBeLessThanOrEqual(3000);
    expect(normalizeText(chunks.join(' '))).toBe(normalizeText(huge));
  });
  it('keeps every character and stays under the budget (property)', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom('. ', '\n', ' ', '• ', '! '), fc.string({ minLength: 1, maxLength: 12 })), {
        maxLength: 80,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 3, max: 60 }), (t, budget) => {
        const chunks = chunkText(t, budget);
        for (const c of chunks) expect(countTokens(c)).toBeLessThanOrEqual(budget);
        expect(chunks.join('').replace(/\s+/gu, '')).toBe(t.replace(/\s+/gu, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('promptBudget', () => {
  it('is the context minus the answer budget minus the prompt overhead', () => {
    expect(promptBudget('davinci-002', { maxTokens: 512 })).toBe(16_384 - 512 - promptOverheadTokens());
    expect(promptBudget('ft:davinci-002:acme::abc', { maxTokens: 1000 })).toBe(16_384 - 1000 - promptOverheadTokens());
    expect(promptBudget('davinci-002', { maxTokens: 512, contextTokens: 2048 })).toBe(
      2048 - 512 - promptOverheadTokens(),
    );
  });
  it('keeps a margin for non-OpenAI tokenizers', () => {
    expect(promptBudget('llama3.1:8b', { maxTokens: 512 })).toBe(
      Math.floor((131_072 - 512 - promptOverheadTokens()) * 0.85),
    );
    expect(promptBudget('some-unknown-model', { maxTokens: 512 })).toBe(
      Math.floor((4096 - 512 - promptOverheadTokens()) * 0.85),
    );
  });
  it('never goes below the minimum', () => {
    expect(promptBudget('davinci-002', { maxTokens: 4000, contextTokens: 4096 })).toBe(MIN_PROMPT_BUDGET);
  });
  it('the overhead covers the system prompt', () => {
    expect(promptOverheadTokens()).toBeGreaterThan(100);
  });
});
