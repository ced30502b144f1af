import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseCompletion,
  pythonRepr,
  serializeCompletion,
  toJsonAnswer,
  negativeCompletion,
} from '../../src/core/completion';
import { EntitiesSchema, ENTITY_TYPES, emptyEntities, type Entities } from '../../src/core/entities';
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

function expectRoundTrip(pairs: Pair[]): number {
  let same = 0;
  for (const { completion } of pairs) {
    const parsed = parseCompletion(completion);
    expect(parsed.warnings, completion).toEqual([]);
    expect(serializeCompletion(parsed.entities, { order: parsed.order })).toBe(completion);
    same++;
  }
  return same;
}

describe('round trip of the project fixtures (seed format)', () => {
  const pairs = readPairs(readFileSync(fixturePath('format', 'training-sample.jsonl'), 'utf8'));
  it('every fixture completion parses without warnings and serializes back byte for byte', () => {
    expect(expectRoundTrip(pairs)).toBe(pairs.length);
  });
  it('negatives parse as negative and come back in the documented form', () => {
    const negatives = pairs.filter((p) => p.completion.includes('no entity'));
    expect(negatives.length).toBeGreaterThan(0);
    for (const n of negatives) {
      const parsed = parseCompletion(n.completion);
      expect(parsed.negative).toBe(true);
      expect(serializeCompletion(parsed.entities)).toBe(negativeCompletion());
    }
  });
});

describe.skipIf(!HAS_SHARED)(
  `round trip of ../shared/data/training_data.jsonl (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`,
  () => {
    it('all 74 completions round-trip byte for byte', () => {
      const pairs = readPairs(readShared('data', 'training_data.jsonl'));
      expect(pairs).toHaveLength(74);
      expect(expectRoundTrip(pairs)).toBe(74);
      expect(pairs.filter((p) => parseCompletion(p.completion).negative)).toHaveLength(9);
    });
  },
);

describe('format variants (test/fixtures/format/completion-variants.json)', () => {
  const cases = JSON.parse(readFileSync(fixturePath('format', 'completion-variants.json'), 'utf8')) as {
    name: string;
    completion: string;
    finishReason: string | null;
    entities: Entities;
    negative: boolean;
    warns: boolean;
  }[];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseCompletion(c.completion, { finishReason: c.finishReason });
      expect(parsed.entities).toEqual(c.entities);
      expect(parsed.negative).toBe(c.negative);
      expect(parsed.warnings.length > 0, parsed.warnings.join(' | ')).toBe(c.warns);
    });
  }

  it('a truncated answer warns about the token limit', () => {
    const parsed = parseCompletion(" skills:['python', 'jav", { finishReason: 'length' });
    expect(parsed.warnings.join(' ')).toMatch(/max tokens/i);
  });

  it('an unknown key named like an Object property is ignored, not taken for an entity type', () => {
    for (const key of ['constructor', '__proto__', 'hasOwnProperty']) {
      const parsed = parseCompletion(`${key}:['x']\nskills:['python']\n END`);
      expect(parsed.entities, key).toEqual({ ...emptyEntities(), skills: ['python'] });
      expect(parsed.warnings.join(' '), key).toMatch(/unknown key/);
    }
  });

  it('records the key order for serialization', () => {
    expect(parseCompletion(" skills:['a']\ndiploma:['b']\nskills:['c']\n END").order).toEqual(['skills', 'diploma']);
  });

  it('honours a custom stop word', () => {
    const e = { ...emptyEntities(), skills: ['a'] };
    const text = serializeCompletion(e, { stop: ' STOP' });
    expect(text).toBe(" skills:['a']\n STOP");
    expect(parseCompletion(text, { stop: ' STOP' })).toMatchObject({ entities: e, warnings: [] });
    expect(negativeCompletion(' STOP')).toBe(' no entity\n , STOP');
  });
});

describe('serialization', () => {
  it('writes non-empty types only, in the given order then the canonical one', () => {
    const e: Entities = { diploma: ['bs'], diploma_major: [], experience: ['2 + years'], skills: ['go'] };
    expect(serializeCompletion(e)).toBe(" diploma:['bs']\nexperience:['2 + years']\nskills:['go']\n END");
    expect(serializeCompletion(e, { order: ['skills'] })).toBe(
      " skills:['go']\ndiploma:['bs']\nexperience:['2 + years']\n END",
    );
  });
  it('quotes like Python repr', () => {
    expect(pythonRepr('plain')).toBe("'plain'");
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr('say "hi"')).toBe('\'say "hi"\'');
    expect(pythonRepr(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pythonRepr('back\\slash\nnew')).toBe("'back\\\\slash\\nnew'");
    expect(pythonRepr('\x01é')).toBe("'\\x01é'");
  });
  it('toJsonAnswer gives all four keys and parses back', () => {
    const e: Entities = { diploma: [], diploma_major: ['math'], experience: [], skills: ['c #', 'it\'s "x"'] };
    const json = toJsonAnswer(e);
    expect(Object.keys(JSON.parse(json))).toEqual([...ENTITY_TYPES]);
    expect(parseCompletion(json)).toMatchObject({ entities: e, warnings: [] });
  });
});

const valueArb = fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => s.trim().length > 0);
const entitiesArb = fc.record({
  diploma: fc.array(valueArb, { maxLength: 3 }),
  diploma_major: fc.array(valueArb, { maxLength: 3 }),
  experience: fc.array(valueArb, { maxLength: 3 }),
  skills: fc.array(valueArb, { maxLength: 5 }),
});

describe('property-based', () => {
  it('never throws on arbitrary strings and always satisfies EntitiesSchema', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(null, 'stop', 'length'),
        (s, finishReason) => {
          const parsed = parseCompletion(s, { finishReason });
          expect(EntitiesSchema.safeParse(parsed.entities).success).toBe(true);
          // The scanner itself must not throw: the catch-all's warning never shows up.
          expect(parsed.warnings.join(' ')).not.toMatch(/could not be read/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on strings built from the format's own pieces", () => {
    const piece = fc.constantFrom(
      'skills',
      'diploma',
      ':',
      '[',
      ']',
      "'",
      '"',
      '\\',
      ',',
      ' ',
      '\n',
      'END',
      'no entity',
      '{',
      '}',
      '```json',
      'x',
      'null',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const parsed = parseCompletion(pieces.join(''));
        expect(parsed.warnings.join(' ')).not.toMatch(/could not be read/);
        expect(EntitiesSchema.safeParse(parsed.entities).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('serialize then parse gives the same entities (line and JSON forms)', () => {
    fc.assert(
      fc.property(entitiesArb, (e) => {
        const p = parseCompletion(serializeCompletion(e));
        expect(p.entities).toEqual(e);
        expect(p.warnings).toEqual([]);
        expect(parseCompletion(toJsonAnswer(e)).entities).toEqual(e);
      }),
      { numRuns: 1000 },
    );
  });

  it('a cut-off answer keeps a prefix of the values', () => {
    fc.assert(
      fc.property(entitiesArb, fc.nat(), (e, cut) => {
        const full = serializeCompletion(e);
        const part = parseCompletion(full.slice(0, cut % (full.length + 1)), { finishReason: 'length' });
        for (const t of ENTITY_TYPES) {
          // Every value kept is complete; at most the values after the cut are missing.
          expect(e[t].slice(0, part.entities[t].length)).toEqual(part.entities[t]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
