// The extension budgets prompts with a bound built from a prefix of cl100k_base (src/core/tokens.ts):
// it must never count fewer tokens than the exact encoder, or a chunk could overflow the context.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { countTokens as exactCount } from 'gpt-tokenizer/encoding/cl100k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkText } from '../../src/core/chunk';
import { countTokens, setTokenCounter, tokenBound } from '../../src/core/tokens';
import table from '../../src/core/token-table.json';
import { useExactTokenCounts } from '../../src/cli/exact-tokens';
import { fixturePath, HAS_SHARED, readShared, SHARED_SKIP_REASON } from '../shared';

afterEach(() => setTokenCounter(undefined));

/** Every text file under a fixture folder, as the extension would see it. */
function fixtureTexts(dir: string): string[] {
  return readdirSync(fixturePath(dir)).map((f) => readFileSync(fixturePath(dir, f), 'utf8'));
}

describe('tokenBound', () => {
  it('is exact on common words and counts nothing in empty text', () => {
    expect(tokenBound('')).toBe(0);
    expect(tokenBound(' world')).toBe(1);
    expect(tokenBound(' The team needs 5 years of experience.')).toBe(
      exactCount(' The team needs 5 years of experience.'),
    );
  });

  it('never undercounts arbitrary text, ASCII or not (property)', () => {
    const check = (s: string) => {
      expect(tokenBound(s)).toBeGreaterThanOrEqual(exactCount(s));
    };
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), check), { numRuns: 3000 });
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."ab éß漢字 \n\t.,-/+#()0123456789'sXYZ"), maxLength: 200 }),
        check,
      ),
      { numRuns: 3000 },
    );
  });

  it("never undercounts the project's fixture pages, and stays within 2x of the exact count", () => {
    let bound = 0;
    let exact = 0;
    for (const text of [...fixtureTexts('e2e'), ...fixtureTexts('gold'), ...fixtureTexts('e2e-match')]) {
      const b = tokenBound(text);
      const x = exactCount(text);
      expect(b).toBeGreaterThanOrEqual(x);
      bound += b;
      exact += x;
    }
    expect(bound / exact).toBeLessThan(2);
  });

  it.skipIf(!HAS_SHARED)(
    `never undercounts the labelled postings in ../shared (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`,
    () => {
      for (const line of readShared('data', 'training_data.jsonl').split('\n')) {
        if (!line.trim()) continue;
        const { prompt, completion } = JSON.parse(line) as { prompt: string; completion: string };
        for (const t of [prompt, completion]) expect(tokenBound(t)).toBeGreaterThanOrEqual(exactCount(t));
      }
    },
  );

  it('is built from the first tokens of cl100k_base in rank order', () => {
    expect(table.encoding).toBe('cl100k_base');
    expect(table.tokens).toHaveLength(table.size);
    expect(table.tokens.slice(0, 3)).toEqual(['!', '"', '#']);
  });
});

describe('countTokens', () => {
  it('uses the bound until an exact counter is registered (the CLI registers gpt-tokenizer)', () => {
    const text = 'Kubernetes, Terraform and PostgreSQL administration; 3-5 yrs.';
    expect(countTokens(text)).toBe(tokenBound(text));
    useExactTokenCounts();
    expect(countTokens(text)).toBe(exactCount(text));
  });

  it('chunks at the context limit fit exactly, with the bound as with the exact count', () => {
    const text = Array.from(
      { length: 300 },
      (_, i) => `Requirement ${i}: Kubernetes-operatør ${i % 9}+ års erfaring, naïve café-grade Go/Rust.`,
    ).join(' ');
    for (const budget of [64, 300, 1000]) {
      for (const piece of chunkText(text, budget)) expect(exactCount(piece)).toBeLessThanOrEqual(budget);
      useExactTokenCounts();
      for (const piece of chunkText(text, budget)) expect(exactCount(piece)).toBeLessThanOrEqual(budget);
      setTokenCounter(undefined);
    }
  });
});
