// The offline extractor: tokenizer, rules, tagger training and decoding, cross-validation
// folds, and the provider, on an invented tiny corpus (test/fixtures/local/tiny.tsv) and the
// shipped model. Tests reading ../shared skip with a stated reason where it is absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExtractionResultSchema } from '../../src/core/entities';
import { ExtractionError } from '../../src/core/errors';
import { parseCorpus, sentencesToEntities, tagsToSpans, TAGS } from '../../src/core/local/corpus';
import { crossValidate, nearDuplicateGroups, splitFolds } from '../../src/core/local/crossval';
import {
  LocalModelSchema,
  extractFromSentences,
  extractFromText,
  loadModel,
  tagTokens,
  trainLocalModel,
} from '../../src/core/local/model';
import { extractWithModel, localProvider } from '../../src/core/local/provider';
import { degreeSpans, experienceSpans } from '../../src/core/local/rules';
import { compactWeights, expandWeights, tagSequence, trainTagger } from '../../src/core/local/tagger';
import { tokenize, toValue } from '../../src/core/local/tokenize';
import { scoreEntities } from '../../src/core/score';
import { defaultSettings } from '../../src/core/settings';
import { HAS_SHARED, fixturePath, readShared } from '../shared';

const tiny = parseCorpus(readFileSync(fixturePath('local', 'tiny.tsv'), 'utf8'));
const words = (text: string) => tokenize(text).map((t) => t.text);
const valuesOf = (spans: { start: number; end: number }[], tokens: string[]) =>
  spans.map((s) => toValue(tokens.slice(s.start, s.end)));

describe('tokenize', () => {
  it('splits punctuation the way the training data does', () => {
    expect(words('5+ years of C#, Objective-C and C++ (Node.js)')).toEqual([
      '5',
      '+',
      'years',
      'of',
      'C',
      '#',
      ',',
      'Objective',
      '-',
      'C',
      'and',
      'C++',
      '(',
      'Node.js',
      ')',
    ]);
    expect(words('BA/BS/MS in CS/EE, 3-5 years')).toEqual([
      'BA',
      '/',
      'BS',
      '/',
      'MS',
      'in',
      'CS',
      '/',
      'EE',
      ',',
      '3',
      '-',
      '5',
      'years',
    ]);
    expect(words('MS/Ph.D. e.g. B.S. and/or etc.')).toEqual([
      'MS',
      '/',
      'Ph',
      '.',
      'D.',
      'e.g.',
      'B.S.',
      'and/or',
      'etc',
      '.',
    ]);
    expect(words("Bachelor's degree. Strong skills!")).toEqual([
      'Bachelor',
      "'s",
      'degree',
      '.',
      'Strong',
      'skills',
      '!',
    ]);
  });

  it('keeps character offsets and marks line starts', () => {
    const text = 'Need 5+ years\n- Python/SQL';
    const toks = tokenize(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(toks.filter((t) => t.lineStart).map((t) => t.text)).toEqual(['Need', '-']);
  });

  it('writes values as lower-cased tokens joined by single spaces', () => {
    expect(toValue(words('5+ Years'))).toBe('5 + years');
    expect(toValue(words('Objective-C'))).toBe('objective - c');
  });
});

describe('corpus', () => {
  it('parses the IOB fixture into documents and sentences', () => {
    expect(tiny).toHaveLength(6);
    expect(tiny[0].sentences).toHaveLength(2);
    expect(tiny[0].sentences[0].tokens.slice(2, 5)).toEqual(['5', '+', 'years']);
    expect(sentencesToEntities(tiny[0].sentences)).toEqual({
      diploma: ['bs'],
      diploma_major: ['computer science'],
      experience: ['5 + years'],
      skills: ['python', 'sql'],
    });
  });

  it('names the malformed line', () => {
    expect(() => parseCorpus('-DOCSTART- -X- O O\nfoo\tB-NOPE\n')).toThrow(/line 2/);
    expect(() => parseCorpus('-DOCSTART- -X- O O\nfoo\tO\n\nbar\n')).toThrow(
      'line 4: expected "token<TAB>tag" with a BIO tag, got "bar"',
    );
  });

  it('reads through the one IOB reader: tags in the corpus labels, documents numbered, BOM ignored', () => {
    const docs = parseCorpus(
      '\uFEFF-DOCSTART- -X- O O\nBS\tB-DIPLOMA\nin\tO\nCS\tB-DIPLOMA_MAJOR\n\n-DOCSTART-\nSQL\tB-SKILLS\r\n',
    );
    expect(docs).toEqual([
      { id: 0, sentences: [{ tokens: ['BS', 'in', 'CS'], tags: ['B-DIPLOMA', 'O', 'B-DIPLOMA_MAJOR'] }] },
      { id: 1, sentences: [{ tokens: ['SQL'], tags: ['B-SKILLS'] }] },
    ]);
  });

  it('turns BIO tags into spans, treating a stray I- as a start', () => {
    expect(tagsToSpans(['B-SKILLS', 'I-SKILLS', 'O', 'I-DIPLOMA', 'B-SKILLS', 'B-SKILLS'])).toEqual([
      { label: 'SKILLS', start: 0, end: 2 },
      { label: 'DIPLOMA', start: 3, end: 4 },
      { label: 'SKILLS', start: 4, end: 5 },
      { label: 'SKILLS', start: 5, end: 6 },
    ]);
  });
});

describe('rules', () => {
  it('finds experience spans in the annotator form', () => {
    const toks = words(
      '5+ years of Go, 3-5 years with SQL, at least five years, 3 to 6 years, 10 plus yrs, one year, 2years. Renew every two years.',
    );
    expect(valuesOf(experienceSpans(toks), toks)).toEqual([
      '5 + years',
      '3 - 5 years',
      'five years',
      '3 to 6 years',
      '10 plus yrs',
      'one year',
      '2years',
    ]);
  });

  it('finds degree abbreviations and names but not products', () => {
    const toks = words(
      'BS/MS in Computer Science; MS/Ph.D. preferred; MBA; Bachelor of Science; experience with MS Dynamics',
    );
    expect(valuesOf(degreeSpans(toks), toks)).toEqual(['bs / ms', 'ms / ph . d.', 'mba', 'bachelor of science']);
    const or = words('BS or MS in Physics, Bachelors degree');
    expect(valuesOf(degreeSpans(or), or)).toEqual(['bs or ms', 'bachelors']);
  });
});

describe('tagger', () => {
  it('learns a tiny corpus and decodes it back', () => {
    // No pruning: the default prune threshold suits the real corpus's larger weights.
    const model = loadModel(trainLocalModel(tiny, { epochs: 10, minWeight: 0 }));
    for (const doc of tiny) {
      const predicted = extractFromSentences(
        model,
        doc.sentences.map((s) => s.tokens),
      );
      expect(predicted).toEqual(sentencesToEntities(doc.sentences));
    }
  });

  it('generalizes from the tiny corpus to a new sentence', () => {
    const model = loadModel(trainLocalModel(tiny, { epochs: 10, minWeight: 0 }));
    const got = extractFromText(model, 'We need 7+ years of experience with python and sql.\nBS in physics required.');
    expect(got.experience).toEqual(['7 + years']);
    expect(got.skills).toEqual(expect.arrayContaining(['python', 'sql']));
    expect(got.diploma).toEqual(['bs']);
  });

  it('never emits I- after O or after another label (Viterbi constraint)', () => {
    const model = loadModel(trainLocalModel(tiny, { epochs: 3 }));
    const tags = tagTokens(model, words('Python SQL BS MS Java docker 4+ years communication'));
    tags.forEach((t, i) => {
      if (t.startsWith('I-')) expect(tags[i - 1]?.slice(2)).toBe(t.slice(2));
    });
  });

  it('is deterministic for a seed and keeps decisions after compaction', () => {
    const data = tiny.flatMap((d) =>
      d.sentences.map((s) => ({ features: s.tokens.map((t) => ['b', `w=${t.toLowerCase()}`]), tags: s.tags })),
    );
    const a = trainTagger(data, TAGS, { epochs: 5, seed: 3 });
    const b = trainTagger(data, TAGS, { epochs: 5, seed: 3 });
    expect([...a.features.entries()].map(([f, w]) => [f, [...w]])).toEqual(
      [...b.features.entries()].map(([f, w]) => [f, [...w]]),
    );
    const round = expandWeights(compactWeights(a, 0, 1000));
    for (const s of data) expect(tagSequence(round, s.features)).toEqual(tagSequence(a, s.features));
  });

  it('produces a model file that matches its schema and holds no training text', () => {
    const model = trainLocalModel(tiny, { epochs: 5 });
    expect(LocalModelSchema.safeParse(model).success).toBe(true);
    expect(JSON.stringify(model)).not.toContain('We need');
  });
});

describe('cross-validation', () => {
  it('splits documents into deterministic, disjoint, complete folds', () => {
    const a = splitFolds(6, 3, 42);
    expect(splitFolds(6, 3, 42)).toEqual(a);
    expect(a.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(a.map((f) => f.length)).toEqual([2, 2, 2]);
    expect(() => splitFolds(6, 1, 42)).toThrow(/k must be/);
  });

  it('keeps a group of documents in one fold', () => {
    const folds = splitFolds(6, 3, 5, [0, 1, 1, 2, 3, 3]);
    const foldOf = (d: number) => folds.findIndex((f) => f.includes(d));
    expect(foldOf(1)).toBe(foldOf(2));
    expect(foldOf(4)).toBe(foldOf(5));
    expect(folds.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('groups near-duplicate documents', () => {
    const docs = [...tiny, { id: 6, sentences: tiny[2].sentences }];
    const groups = nearDuplicateGroups(docs);
    expect(groups[6]).toBe(groups[2]);
    expect(new Set(groups).size).toBe(6);
  });

  it('scores every held-out document with a model that never saw it', () => {
    const run = crossValidate(tiny, 3, 1, { epochs: 5 });
    expect(run.folds).toEqual(splitFolds(6, 3, 1));
    expect(run.gold).toEqual(tiny.map((d) => sentencesToEntities(d.sentences)));
    expect(run.predicted.every((p) => p !== undefined)).toBe(true);
    // The exact experience rule finds every held-out experience span.
    expect(run.predicted.map((p) => p.experience)).toEqual(run.gold.map((g) => g.experience));
  });

  it('can predict held-out documents from their raw text instead of their tokens', () => {
    const texts = tiny.map((d, i) => (i === 5 ? undefined : d.sentences.map((s) => s.tokens.join(' ')).join('\n')));
    const run = crossValidate(tiny, 3, 1, { epochs: 5 }, undefined, texts);
    expect(run.gold).toHaveLength(5);
    expect(run.predicted.map((p) => p.experience)).toEqual(run.gold.map((g) => g.experience));
  });
});

describe('local provider', () => {
  const settings = defaultSettings();
  const posting = readFileSync(fixturePath('local', 'posting.txt'), 'utf8');

  it('returns a schema-valid result from the shipped model', async () => {
    const result = await localProvider.extract({ text: posting }, settings);
    expect(ExtractionResultSchema.parse(result)).toEqual(result);
    expect(result.meta).toMatchObject({ provider: 'local', finishReason: 'stop', warnings: [] });
    expect(localProvider.id).toBe('local');
    expect(result.experience).toEqual(expect.arrayContaining(['5 + years', '3 - 5 years']));
    expect(result.skills).toEqual(expect.arrayContaining(['python', 'docker', 'kubernetes']));
    expect(result.diploma).toContain('bs / ms');
    expect(result.diploma_major).toContain('computer science');
  });

  it('tags an invented posting sensibly', async () => {
    const result = await localProvider.extract(
      { text: 'Requirements:\n- 5+ years of experience with Python and SQL\n- BS in Computer Science' },
      settings,
    );
    expect(result.experience).toEqual(['5 + years']);
    expect(result.skills).toContain('python');
    expect(result.diploma).toEqual(['bs']);
  });

  it('returns empty lists for text without entities', async () => {
    const result = await localProvider.extract({ text: '' }, settings);
    expect(result).toMatchObject({ diploma: [], diploma_major: [], experience: [], skills: [] });
  });

  it('throws ExtractionError cancelled for an aborted signal', async () => {
    const before = new AbortController();
    before.abort();
    await expect(localProvider.extract({ text: posting }, settings, before.signal)).rejects.toMatchObject({
      name: 'ExtractionError',
      code: 'cancelled',
    });
    const during = new AbortController();
    const pending = localProvider.extract({ text: posting }, settings, during.signal);
    during.abort();
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionError);
    expect((err as ExtractionError).code).toBe('cancelled');
  });

  it('runs a model trained here through the same result shape', () => {
    const model = loadModel(trainLocalModel(tiny, { epochs: 5, name: 'tiny' }));
    const result = extractWithModel(model, { text: 'Python and SQL with 3+ years' });
    expect(ExtractionResultSchema.parse(result).meta.model).toBe('tiny');
  });
});

describe.skipIf(!HAS_SHARED)('on ../shared/data', () => {
  const docs = HAS_SHARED ? parseCorpus(readShared('data', 'ner_training.tsv')) : [];

  it('reads the 77 labelled documents', () => {
    expect(docs).toHaveLength(77);
  });

  it('tokenizes the postings as the labelled data does (>= 99% of tokens)', () => {
    const prompts: string[] = readShared('data', 'training_data.jsonl')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { prompt: string }).prompt.replace(/\n\n###\n\n$/, ''));
    let gold = 0;
    let same = 0;
    for (const p of prompts) {
      const mine = words(p);
      const best = docs
        .map((d) => d.sentences.flatMap((s) => s.tokens))
        .reduce((a, b) => (overlap(mine, b) > overlap(mine, a) ? b : a));
      gold += best.length;
      same += lcs(mine, best);
    }
    expect(same / gold).toBeGreaterThanOrEqual(0.99);
  });

  it('cross-validates above the targets with the eval scoring (5 folds, near-duplicates grouped)', () => {
    const run = crossValidate(docs, 5, 13, {}, nearDuplicateGroups(docs));
    const scores = scoreEntities(run.gold, run.predicted);
    expect(scores.perType.experience.f1).toBeGreaterThanOrEqual(0.9);
    expect(scores.macro.f1).toBeGreaterThanOrEqual(0.65);
    expect(scores.micro.f1).toBeGreaterThanOrEqual(0.5);
    // Five trainings plus posteriors for every held-out sentence: ~15 s alone, several times
    // that on the shared 2-core machines.
  }, 180_000);
});

function overlap(a: string[], b: string[]): number {
  const s = new Set(b.slice(0, 40));
  return a.slice(0, 40).filter((t) => s.has(t)).length;
}

function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length];
}
