// The whole-posting scorer (npm run eval:pages): lenient matching and the junk rate.
import { describe, expect, it } from 'vitest';
import { emptyEntities, type Entities } from '../../src/core/entities';
import { formatLenient, lenientMatch, scoreLenient, valueWords } from '../../src/core/lenient-score';

const ents = (e: Partial<Entities>): Entities => ({ ...emptyEntities(), ...e });

describe('lenientMatch', () => {
  it.each([
    ['postgres', 'postgres or other relational databases'],
    ['5 + years', '5+ years'],
    ['c #', 'C#'],
    ["bachelor's degree", 'bachelors'],
    ['bachelor', "Bachelor's degree"],
    ['machine learning models', 'machine learning'],
    ['ci / cd pipelines', 'CI/CD'],
  ])('%s ~ %s', (a, b) => {
    expect(lenientMatch(a, b)).toBe(true);
    expect(lenientMatch(b, a)).toBe(true);
  });
  it.each([
    ['java', 'javascript'],
    ['c', 'c #'],
    ['experience', 'python experience'],
    ['and', 'sales and marketing'],
    ['aws lambda functions and step functions', 'aws'],
  ])('%s !~ %s', (a, b) => expect(lenientMatch(a, b)).toBe(a === 'aws lambda functions and step functions'));
  it('ignores stop words and the word experience', () =>
    expect([...valueWords('Experience with the AWS cloud')]).toEqual(['aws', 'cloud']));
});

describe('scoreLenient', () => {
  it('precision over shown values, recall over gold values, junk over every type', () => {
    const gold = [ents({ diploma: ['bachelors'], skills: ['python', 'aws', 'docker'] })];
    // `aws` is shown twice (once per spelling): counted once. `bs` is a diploma shown as a skill: wrong type, yet no junk.
    const predicted = [ents({ skills: ['python', 'AWS', 'aws', 'dental', 'bachelors'], diploma: [] })];
    const s = scoreLenient(gold, predicted);
    expect(s.perType.skills).toMatchObject({ tp: 2, fp: 2, fn: 1 });
    expect(s.perType.skills.precision).toBeCloseTo(0.5);
    expect(s.perType.skills.recall).toBeCloseTo(2 / 3);
    expect(s.perType.diploma.recall).toBe(0);
    expect(s.junk).toEqual({ shown: 4, unmatched: 1, rate: 0.25 });
    expect(s.micro.recall).toBeCloseTo(2 / 4);
  });
  it('a type absent from both sides scores 1', () => {
    const s = scoreLenient([ents({ skills: ['go'] })], [ents({ skills: ['go'] })]);
    expect(s.perType.diploma.f1).toBe(1);
    expect(s.junk.rate).toBe(0);
  });
  it('needs one prediction per gold posting', () => expect(() => scoreLenient([ents({})], [])).toThrow(RangeError));
  it('formats one markdown row per run', () => {
    const table = formatLenient([
      { name: 'focused', scores: scoreLenient([ents({ skills: ['go'] })], [ents({ skills: ['go', 'usd'] })]) },
    ]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('| focused |');
    expect(table).toContain('| 0.50 | 2 |');
  });
});
