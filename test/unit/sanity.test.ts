// Type sanity of extracted values (src/core/sanity.ts): general cases, not pages.
import { describe, expect, it } from 'vitest';
import {
  hasDegreeWord,
  isBenefitOrPay,
  isPlace,
  sanitizeEntities,
  sanitizeValue,
  trimValue,
} from '../../src/core/sanity';

describe('trimValue: unbalanced brackets and stray punctuation', () => {
  it.each([
    ['Go)', 'Go'],
    ['(SDLC', 'SDLC'],
    ['go )', 'go'],
    ['( sdlc', 'sdlc'],
    ['python ,', 'python'],
    ['- docker', 'docker'],
    ['and kubernetes', 'kubernetes'],
    ['sql and', 'sql'],
    ['highly available ( ha )', 'highly available ( ha )'],
    ['c++', 'c++'],
    ['c #', 'c #'],
    ['.net', '.net'],
    ['Ph.D.', 'Ph.D.'],
    ['ms / ph . d.', 'ms / ph . d.'],
    ['B.S.', 'B.S.'],
    ['python.', 'python'],
  ])('%s -> %s', (raw, want) => expect(trimValue(raw)).toBe(want));
});

describe('diploma: must hold a degree word', () => {
  it.each([
    'bachelors',
    "Bachelor's degree",
    'BS / MS',
    'ph.d.',
    'Ph.D.',
    'M.Sc.',
    'B.Eng.',
    'MBA',
    'associate degree',
    'high school diploma',
    'GED',
    'doctorate',
    'baccalauréat',
    'Licence',
    'Master',
    'Hochschulabschluss',
    'Abitur',
    'licenciatura',
    'Grado',
    'bacharelado',
    'mestrado',
  ])('%s is a degree', (v) => {
    expect(hasDegreeWord(v)).toBe(true);
    expect(sanitizeValue('diploma', v)).not.toBeNull();
  });
  it.each(['kubernetes', 'collaborate', 'uk', 'high', 'python'])('%s is not', (v) =>
    expect(sanitizeValue('diploma', v)).toBeNull(),
  );
});

describe('skills: never a place, pay, a benefit, a date, the employer, a generic word or a stop word', () => {
  it.each(['us', 'uk', 'san francisco', 'ca & bangalore', 'Europe', 'remote', 'australian'])('place %s', (v) => {
    expect(isPlace(v)).toBe(true);
    expect(sanitizeValue('skills', v)).toBeNull();
  });
  it.each([
    'usd',
    '$150,000',
    '€60k',
    '120k',
    'salary',
    'pto',
    'dental',
    'unlimited pto',
    '401(k)',
    '401 ( k )',
    'parental leave',
    'stock options',
    'commuting',
    'development stipend',
    'in)full - time$15k',
  ])('pay or benefit %s', (v) => {
    expect(sanitizeValue('skills', v)).toBeNull();
  });
  it('pay and benefit words are recognised inside values', () => expect(isBenefitOrPay('health insurance')).toBe(true));
  it.each([
    'insurance claims',
    'stock management',
    'equity research',
    'compensation analysis',
    'benefits administration',
    'driving',
    'patient care',
    'customer service',
  ])("a field of work that shares a benefit's word stays: %s", (v) => {
    expect(sanitizeValue('skills', v)).toBe(v);
  });
  it.each(['insurance', 'equity', 'benefits'])('the benefit word alone goes: %s', (v) =>
    expect(sanitizeValue('skills', v)).toBeNull(),
  );
  it.each(['January 2024', '2023', 'monday'])('date %s', (v) => expect(sanitizeValue('skills', v)).toBeNull());
  it.each([
    'making',
    'collaborate',
    'evaluate',
    'dynamic',
    'product',
    'the',
    'and',
    'next - generation',
    'design-oriented',
    'self - starter',
    'product managers',
    "and you've",
    'loving it',
  ])('generic %s', (v) => {
    expect(sanitizeValue('skills', v)).toBeNull();
  });
  it("the employer's own name, also as a prefix (PaperCut -> PaperCutters)", () => {
    expect(sanitizeValue('skills', 'papercut', { company: 'PaperCut Software' })).toBeNull();
    expect(sanitizeValue('skills', 'papercutters', { company: 'PaperCut Software' })).toBeNull();
    // The generic part of a company name does not remove every skill holding it.
    expect(sanitizeValue('skills', 'software engineering', { company: 'PaperCut Software' })).toBe(
      'software engineering',
    );
  });
  it.each([
    'python',
    'kubernetes',
    'people management',
    'project management',
    'data analysis',
    'operating systems',
    'windows 2016',
    'it infrastructure',
    'sql server',
    'c #',
    'marketing',
    'sales',
    'written',
    'critical thinking',
    'healthcare information systems',
    'month - end close',
    'no - sql',
  ])('keeps the skill %s', (v) => {
    expect(sanitizeValue('skills', v)).toBe(v);
  });
});

describe('majors', () => {
  it.each(['computer science', 'Mechanical Engineering', 'nursing', 'accounting', 'statistics', 'engineering'])(
    'keeps %s',
    (v) => expect(sanitizeValue('diploma_major', v)).toBe(v),
  );
  it.each([
    'san francisco',
    '/ remote',
    'services',
    'salary',
    'related field',
    'technical recruiting',
    'Université Lumière',
    'Stanford University',
    'Imperial College',
    'ETH Hochschule',
  ])('drops %s', (v) => expect(sanitizeValue('diploma_major', v)).toBeNull());
});

describe('experience', () => {
  it.each(['5 + years', '3 - 5 years', 'six months', '8 à 10 ans'])('keeps %s', (v) =>
    expect(sanitizeValue('experience', v)).toBe(v),
  );
  it('drops words without a number or a period', () => expect(sanitizeValue('experience', 'extensive')).toBeNull());
});

describe('model answers (strict false)', () => {
  it('keep generic and stop words the annotator labels, drop places, pay and degree-less diplomas', () => {
    const e = sanitizeEntities(
      {
        diploma: ['kubernetes', 'bs'],
        diploma_major: ['san francisco', 'physics'],
        experience: ['2 + years'],
        skills: ['managing', 'a', '$ 150,000', 'python )'],
      },
      { strict: false },
    );
    expect(e).toEqual({
      diploma: ['bs'],
      diploma_major: ['physics'],
      experience: ['2 + years'],
      skills: ['managing', 'a', 'python'],
    });
  });
});
