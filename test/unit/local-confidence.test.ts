// The offline extractor's confidence, shown values and the recall rules (src/core/local):
// forward-backward posteriors, threshold, near-duplicates, skill order, details; experience
// forms, dotted degrees as one token, majors listed after a degree.
import { describe, expect, it } from 'vitest';
import type { FoundValue } from '../../src/core/local/model';
import { extractWithModel, loadShippedModel } from '../../src/core/local/provider';
import { nearDuplicateKey, showValues } from '../../src/core/local/results';
import { degreeSpans, experienceSpans, majorListSpans } from '../../src/core/local/rules';
import { decode, marginals } from '../../src/core/local/tagger';
import { tokenize } from '../../src/core/local/tokenize';

const toks = (s: string) => tokenize(s).map((t) => t.text);
const spans = (s: string, f: (t: string[]) => Array<{ start: number; end: number }>) => {
  const t = toks(s);
  return f(t).map((x) => t.slice(x.start, x.end).join(' '));
};

describe('marginals (forward-backward)', () => {
  const weights = {
    tags: ['O', 'B-X', 'I-X'],
    transitions: [
      [0, 0, -5],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 0],
    ],
  };
  const emissions = [Float64Array.from([0, 2, 0]), Float64Array.from([0, 0, 1.5]), Float64Array.from([1, 0, 0])];
  it("each token's posteriors sum to 1, I-X never follows O or starts a sentence", () => {
    const m = marginals(weights, emissions);
    for (const row of m) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(m[0][2]).toBe(0);
  });
  it('the best tag of each token agrees with Viterbi here, and a higher temperature flattens the posteriors', () => {
    const m = marginals(weights, emissions, 1);
    const path = decode(weights, emissions);
    m.forEach((row, i) => expect(row.indexOf(Math.max(...row))).toBe(path[i]));
    const flat = marginals(weights, emissions, 20);
    expect(Math.max(...flat[0])).toBeLessThan(Math.max(...m[0]));
  });
});

describe('showValues: threshold, near-duplicates, order, details', () => {
  const found: FoundValue[] = [
    { type: 'skills', value: 'sql', confidence: 0.6, position: 1 },
    { type: 'skills', value: 'aws', confidence: 0.7, position: 2 },
    { type: 'skills', value: 'python', confidence: 0.95, position: 5 },
    { type: 'skills', value: 'AWS', confidence: 0.9, position: 8 },
    { type: 'skills', value: 'docker', confidence: 0.2, position: 9 },
    { type: 'skills', value: 'dental', confidence: 0.99, position: 10 },
    { type: 'experience', value: '5 + years', confidence: 1, position: 0 },
    { type: 'diploma', value: 'collaborate', confidence: 0.9, position: 3 },
  ];
  const shown = showValues(found, 0.5);
  it('skills by confidence, then position; below the threshold and failed sanity left out', () => {
    expect(shown.entities.skills).toEqual(['python', 'aws', 'aws', 'sql']);
    expect(shown.entities.diploma).toEqual([]);
    expect(shown.entities.experience).toEqual(['5 + years']);
  });
  it('near-duplicates are one value (its best confidence, its count), each occurrence kept in one spelling', () => {
    expect(shown.details.skills[1]).toEqual({ value: 'aws', confidence: 0.9, count: 2 });
    expect(nearDuplicateKey('AWS')).toBe(nearDuplicateKey('aws'));
    expect(nearDuplicateKey('Node.js')).toBe(nearDuplicateKey('nodejs'));
    expect(nearDuplicateKey('APIs')).toBe(nearDuplicateKey('API'));
  });
  it('details run parallel to the lists', () => {
    for (const t of ['diploma', 'diploma_major', 'experience', 'skills'] as const)
      expect(shown.details[t].map((d) => d.value)).toEqual(shown.entities[t]);
  });
  it('threshold 0 shows every value that passes sanity', () =>
    expect(showValues(found, 0).entities.skills).toContain('docker'));
});

describe('the shipped model', () => {
  it('gives every value a confidence in 0..1 with rules at 1, and leaves pay, places and benefits out', async () => {
    const model = await loadShippedModel();
    const r = extractWithModel(model, {
      text: 'Requirements\n5+ years of experience with Python, Kubernetes and PostgreSQL.\nBS in Computer Science.\nBenefits\nDental, vision, 401(k), unlimited PTO. Salary $150,000 USD. Offices in San Francisco and London.',
      company: 'Acme',
    });
    expect(r.details).toBeDefined();
    expect(r.details!.experience[0]).toMatchObject({ value: '5 + years', confidence: 1 });
    expect(r.skills).toEqual(expect.arrayContaining(['python', 'kubernetes', 'postgresql']));
    for (const junk of ['dental', 'usd', 'san francisco', 'london', 'pto', 'unlimited pto'])
      expect(r.skills).not.toContain(junk);
    const conf = r.details!.skills.map((d) => d.confidence);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
  });
  it('a higher threshold shows fewer skills, never more', async () => {
    const model = await loadShippedModel();
    const text =
      'You bring experience with Python, data pipelines, stakeholder management and making things better in a dynamic environment.';
    expect(extractWithModel(model, { text }, 0.95).skills.length).toBeLessThanOrEqual(
      extractWithModel(model, { text }, 0).skills.length,
    );
  });
});

describe('recall rules', () => {
  it.each([
    ['3 or more years of experience', '3 or more years'],
    ['at least five years of experience', 'five years'],
    ['a minimum of 2 years', '2 years'],
    ['1+ year(s) of work experience', '1 + year(s )'],
    ['two-plus years in sales', 'two - plus years'],
    ['3-5 yrs of SQL', '3 - 5 yrs'],
    ['6 months of experience', '6 months'],
    ["8 à 10 ans d'expérience", '8 à 10 ans'],
  ])('experience: %s', (text, want) => expect(spans(text, experienceSpans)).toEqual([want]));
  it.each(['Reviewed every 6 months', 'In 3 months you will', 'within two years', 'a 6 month contract'])(
    'no experience in "%s"',
    (text) => expect(spans(text, experienceSpans)).toEqual([]),
  );
  it.each([
    ['A Ph.D. in physics', 'Ph.D.'],
    ['M.Sc. preferred', 'M.Sc.'],
    ['B.Eng. degree', 'B.Eng.'],
    ['B.S. in math', 'B.S.'],
  ])('dotted degree as one token: %s', (text, want) => {
    expect(toks(text)).toContain(want);
    expect(spans(text, degreeSpans)).toEqual([want]);
  });
  it('"Associate" and "master" are degrees only before degree words', () => {
    expect(spans('Associate Customer Success Manager', degreeSpans)).toEqual([]);
    expect(spans("an associate's degree", degreeSpans)).toEqual(['associate']);
    expect(spans("Master's in finance", degreeSpans)).toEqual(['Master']);
  });
  it.each([
    ['a degree in Computer Science, Statistics or a related field', ['Computer Science', 'Statistics']],
    [
      'BS/MS in Computer Science, Statistics, Mathematics, or equivalent',
      ['Computer Science', 'Statistics', 'Mathematics'],
    ],
    ['BS in physics required', ['physics']],
    ['a degree in a technical field', []],
    ['Bachelor degree in the field of supply chain management', []],
  ])('majors listed after a degree: %s', (text, want) => expect(spans(text, majorListSpans)).toEqual(want));
});
