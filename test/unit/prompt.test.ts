import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { ENTITY_TYPES } from '../../src/core/entities';
import {
  buildChatMessages,
  buildPrompt,
  CHAT_SYSTEM_PROMPT,
  normalizeText,
  preparePromptText,
  SEPARATOR,
  STOP,
  trimBoilerplate,
} from '../../src/core/prompt';
import { DEFAULT_SEPARATOR, DEFAULT_STOP } from '../../src/core/settings';
import { fixturePath, HAS_SHARED, readShared, SHARED_SKIP_REASON } from '../shared';

interface Pair {
  prompt: string;
  completion: string;
}
const readPairs = (text: string): Pair[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pair);
const fixturePairs = readPairs(readFileSync(fixturePath('format', 'training-sample.jsonl'), 'utf8'));
const boilerplate = JSON.parse(readFileSync(fixturePath('format', 'boilerplate.json'), 'utf8')) as {
  boilerplate: string[];
  keep: string[];
};
const squash = (s: string) => s.toLowerCase().replace(/\s+/gu, '');

/** Completion values that are no longer in the text after trimming (compared without spaces and case). */
function lostValues(pairs: Pair[]): string[] {
  const lost: string[] = [];
  for (const p of pairs) {
    const text = p.prompt.slice(0, -SEPARATOR.length);
    const trimmed = squash(trimBoilerplate(text).text);
    const { entities } = parseCompletion(p.completion);
    for (const t of ENTITY_TYPES)
      for (const v of entities[t]) if (squash(text).includes(squash(v)) && !trimmed.includes(squash(v))) lost.push(v);
  }
  return lost;
}

describe('constants', () => {
  it('match the settings defaults', () => {
    expect(SEPARATOR).toBe(DEFAULT_SEPARATOR);
    expect(STOP).toBe(DEFAULT_STOP);
  });
});

describe('normalizeText', () => {
  it('collapses all white space and trims', () => {
    expect(normalizeText('  a\n\n b\t\tc\u00a0d\r\ne  ')).toBe('a b c d e');
    expect(normalizeText('')).toBe('');
  });
});

describe('buildPrompt', () => {
  it('puts the text on one line and appends the separator once', () => {
    expect(buildPrompt('Python\n\n- 5+ years\n- BS ')).toBe('Python - 5+ years - BS\n\n###\n\n');
  });
  it('is idempotent when the text already ends with the separator', () => {
    const once = buildPrompt('Some text.');
    expect(buildPrompt(once)).toBe(once);
    expect(buildPrompt('Some text.\n###\n')).toBe(once);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const p = buildPrompt(s);
        expect(buildPrompt(p)).toBe(p);
        expect(p.endsWith(SEPARATOR)).toBe(true);
        expect(p.slice(0, -SEPARATOR.length)).not.toContain('###');
      }),
      { numRuns: 1000 },
    );
  });
  it('neutralises the separator inside the text by shortening runs of #', () => {
    expect(buildPrompt('Part one\n\n###\n\nPart two #### three')).toBe('Part one ## Part two ## three' + SEPARATOR);
  });
  it('neutralises the stop word as a word only', () => {
    expect(preparePromptText('END of line. ENDorse, end, End, the END.')).toBe(
      'end of line. ENDorse, end, End, the end.',
    );
  });
  it('leaves C#, #1 and ## alone', () => {
    expect(preparePromptText('C# and F# are #1 ## ok')).toBe('C# and F# are #1 ## ok');
  });
  it('honours a custom separator and stop word', () => {
    expect(buildPrompt('a -> b STOP c ->', { separator: ' ->', stop: ' STOP' })).toBe('a - > b stop c ->');
    expect(buildPrompt('x ---- y', { separator: '\n---\n' })).toBe('x -- y\n---\n');
  });
  it('rebuilds every project fixture prompt byte for byte', () => {
    for (const p of fixturePairs) expect(buildPrompt(p.prompt.slice(0, -SEPARATOR.length))).toBe(p.prompt);
  });
  it('can trim boilerplate first', () => {
    expect(buildPrompt('5+ years of Go. Apply now!', { trimBoilerplate: true })).toBe('5+ years of Go.' + SEPARATOR);
  });
});

describe.skipIf(!HAS_SHARED)(`shared training prompts (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`, () => {
  const pairs = HAS_SHARED ? readPairs(readShared('data', 'training_data.jsonl')) : [];
  it('buildPrompt gives the shared prompt byte for byte wherever it is already normalized (72 of 74)', () => {
    let normalized = 0;
    let same = 0;
    for (const p of pairs) {
      expect(p.prompt.endsWith(SEPARATOR)).toBe(true);
      const body = p.prompt.slice(0, -SEPARATOR.length);
      const built = buildPrompt(body);
      if (normalizeText(body) === body) {
        normalized++;
        expect(built).toBe(p.prompt);
      } else {
        // The other prompts differ only by white space the training data left in.
        expect(built).toBe(normalizeText(body) + SEPARATOR);
      }
      if (built === p.prompt) same++;
    }
    console.log(
      `buildPrompt reproduces ${same} of ${pairs.length} shared prompts byte for byte (${normalized} are already normalized)`,
    );
    expect(same).toBe(normalized);
    expect(same).toBe(72);
  });
  it('trimming boilerplate loses no completion value on the 74 prompts', () => {
    expect(lostValues(pairs)).toEqual([]);
  });
});

describe('trimBoilerplate', () => {
  it('removes each boilerplate sentence and keeps each qualification sentence', () => {
    // Lines, as capture returns them (labels such as "Share this job" stand on their own line).
    const text = [...boilerplate.keep, ...boilerplate.boilerplate].join('\n');
    const { text: kept, removed } = trimBoilerplate(text);
    expect(removed).toEqual(boilerplate.boilerplate);
    expect(kept).toBe(boilerplate.keep.join('\n'));
  });
  it('never drops a qualification sentence, wherever it sits among boilerplate', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...boilerplate.keep, ...boilerplate.boilerplate]), (sentences) => {
        // Joined by spaces: the flattened one-line form, where labels run into sentences.
        const { text } = trimBoilerplate(sentences.join(' '));
        for (const s of sentences) if (boilerplate.keep.includes(s)) expect(text).toContain(s);
      }),
      { numRuns: 300 },
    );
  });
  it('keeps the qualification when it shares a sentence with boilerplate (property)', () => {
    const qualification = fc.constantFrom(
      '5+ years of experience',
      'a BS degree',
      "a Master's in Physics",
      'PhD',
      '3-5 yrs',
      'strong SQL skills',
      'proficiency in Java',
      'knowledge of AWS',
      'MBA preferred',
    );
    fc.assert(
      fc.property(fc.constantFrom(...boilerplate.boilerplate), qualification, fc.boolean(), (b, q, before) => {
        const sentence = before ? `${q} is required; ${b}` : `${b.replace(/[.!]?$/, '')} and ${q} is required.`;
        const { text, removed } = trimBoilerplate(sentence);
        expect(text).toContain(`${q} is required`);
        for (const r of removed) expect(r).not.toContain(q);
      }),
      { numRuns: 300 },
    );
  });
  it('keeps the text and order when nothing is boilerplate; handles line breaks', () => {
    const t = 'Python.\nGo.\nRust.';
    expect(trimBoilerplate(t)).toEqual({ text: t, removed: [] });
    expect(trimBoilerplate('Python.\nApply now\nGo.').text).toBe('Python.\nGo.');
  });
  it('loses no completion value on the project fixtures', () => {
    expect(lostValues(fixturePairs)).toEqual([]);
  });
});

describe('chat messages', () => {
  it('the system message defines the four entity types and the answer format', () => {
    for (const word of ['diploma', 'diploma_major', 'experience', 'skills', 'no entity', 'END', 'JSON'])
      expect(CHAT_SYSTEM_PROMPT).toContain(word);
    // The format example in the system message is itself a parseable answer.
    const example = CHAT_SYSTEM_PROMPT.slice(
      CHAT_SYSTEM_PROMPT.indexOf("diploma:['bs']"),
      CHAT_SYSTEM_PROMPT.indexOf('\nEND') + 4,
    );
    expect(parseCompletion(example)).toMatchObject({
      warnings: [],
      entities: { diploma: ['bs'], skills: ['python', 'c #'] },
    });
  });
  it('is system + user with the prepared text', () => {
    expect(buildChatMessages('5+ years\nof Go. Apply now!', { trimBoilerplate: true })).toEqual([
      { role: 'system', content: CHAT_SYSTEM_PROMPT },
      { role: 'user', content: '5+ years of Go.' },
    ]);
  });
});
