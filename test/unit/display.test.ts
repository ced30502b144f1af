import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { DISPLAY_CASING, groupForDisplay, toDisplay, valueKey } from '../../src/core/display';
import { ENTITY_TYPES } from '../../src/core/entities';
import { fixturePath, HAS_SHARED, readShared, SHARED_SKIP_REASON } from '../shared';

/** The display form may change only spaces and letter case. */
const same = (a: string, b: string) => a.replace(/\s+/gu, '').toLowerCase() === b.replace(/\s+/gu, '').toLowerCase();

describe('toDisplay', () => {
  const cases: [string, string][] = [
    ['2 + years', '2+ years'],
    ['c #', 'C#'],
    ['objective - c', 'Objective-C'],
    ['ba / bs / ms', 'BA/BS/MS'],
    ['highly available ( ha )', 'highly available (HA)'],
    ['node . js', 'Node.js'],
    ['3 - 5 years', '3-5 years'],
    ['c++', 'C++'],
    [
      'large - scale analytics on relational , structured and unstructured data',
      'large-scale analytics on relational, structured and unstructured data',
    ],
    ['asp . net', 'ASP.NET'],
    ['c # and . net', 'C# and .NET'],
    ["bachelor 's degree", "bachelor's degree"],
    ['phd', 'PhD'],
    ['mba', 'MBA'],
    ['aws', 'AWS'],
    ['sql', 'SQL'],
    ['rest api', 'REST API'],
    ['html / css', 'HTML/CSS'],
    ['ci / cd', 'CI/CD'],
    ['r & d', 'R&D'],
    ['research & development', 'research & development'],
    ['microsoft azure', 'Microsoft Azure'],
    ['$ 100k', '$100k'],
    ['10 + years ( preferred )', '10+ years (preferred)'],
    ['project management', 'project management'],
    ['  python  ', 'Python'],
    ['', ''],
  ];
  for (const [raw, display] of cases)
    it(`${JSON.stringify(raw)} -> ${JSON.stringify(display)}`, () => expect(toDisplay(raw)).toBe(display));

  it('a word named like an Object property keeps its own spelling', () => {
    expect(toDisplay('constructor')).toBe('constructor');
    expect(toDisplay('constructor .')).toBe('constructor.');
    expect(toDisplay('dependency injection via constructor')).toBe('dependency injection via constructor');
  });

  it('the casing table only changes case', () => {
    for (const [key, value] of Object.entries(DISPLAY_CASING)) expect(value.toLowerCase()).toBe(key);
  });

  it('changes nothing but spaces and letter case (property)', () => {
    const tokenish = fc.array(
      fc.oneof(
        fc.constantFrom(
          '+',
          '#',
          '-',
          '/',
          '.',
          ',',
          '(',
          ')',
          '&',
          '$',
          "'s",
          'c',
          'r',
          'net',
          'js',
          'aws',
          'ha',
          'years',
          '2',
          'İ',
          'ß',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(tokenish, (tokens) => {
        const raw = tokens.join(' ');
        expect(same(toDisplay(raw), raw)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        expect(same(toDisplay(raw), raw)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the project fixture values equivalent', () => {
    const lines = readFileSync(fixturePath('format', 'training-sample.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const { entities } = parseCompletion(JSON.parse(line).completion);
      for (const t of ENTITY_TYPES) for (const v of entities[t]) expect(same(toDisplay(v), v)).toBe(true);
    }
  });
});

describe.skipIf(!HAS_SHARED)(
  `display of every shared training value (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`,
  () => {
    it('changes only spaces and case and leaves no tokenizer space before + or #', () => {
      const lines = readShared('data', 'training_data.jsonl').split('\n').filter(Boolean);
      let n = 0;
      for (const line of lines) {
        const { entities } = parseCompletion(JSON.parse(line).completion);
        for (const t of ENTITY_TYPES)
          for (const v of entities[t]) {
            const d = toDisplay(v);
            expect(same(d, v)).toBe(true);
            expect(d).not.toMatch(/ [+#,]| - | \/ |\( | \)/);
            n++;
          }
      }
      expect(n).toBeGreaterThan(500);
    });
  },
);

describe('groupForDisplay', () => {
  it('shows repeats once with their count, in first-seen order', () => {
    expect(groupForDisplay(['5 + years', 'c #', '5 + years', 'C#', 'python', '5+ years'])).toEqual([
      { raw: '5 + years', display: '5+ years', count: 3 },
      { raw: 'c #', display: 'C#', count: 2 },
      { raw: 'python', display: 'Python', count: 1 },
    ]);
  });
  it('drops empty values and handles no values', () => {
    expect(groupForDisplay([])).toEqual([]);
    expect(groupForDisplay(['', '  '])).toEqual([]);
  });
  it('the normalized key ignores case and white space', () => {
    expect(valueKey(' Objective - C ')).toBe(valueKey('objective-c'));
  });
});

describe('shownLabel', () => {
  it('shows values up to 200 characters whole and cuts longer ones with an ellipsis', async () => {
    const { shownLabel, MAX_SHOWN_CHARS } = await import('../../src/core/display');
    expect(shownLabel('Kubernetes')).toBe('Kubernetes');
    const exact = 'a'.repeat(MAX_SHOWN_CHARS);
    expect(shownLabel(exact)).toBe(exact);
    const long = 'word '.repeat(2000);
    const cut = shownLabel(long);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(MAX_SHOWN_CHARS);
    // Characters outside the BMP are not split in half.
    const emoji = '😀'.repeat(300);
    expect([...shownLabel(emoji)]).toHaveLength(MAX_SHOWN_CHARS);
  });
});
