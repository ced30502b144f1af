// The dataset checker: every check fires exactly where it should, on the project's own crafted
// files and, when ../shared is present, on the seed training data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, checkDataset, type CheckReport } from '../../src/core/dataset/check';
import { fixDataset, toJsonl } from '../../src/core/dataset/fix';
import { readDataset, type Example } from '../../src/core/dataset/read';
import { fixturePath, HAS_SHARED, readShared } from '../shared';

const fixture = (name: string) => readFileSync(fixturePath('dataset', name), 'utf8');
const check = (name: string, opts = {}) => checkDataset(readDataset(fixture(name), { fileName: name }), opts);
const byCheck = (r: CheckReport) => Object.fromEntries(r.warnings.map((w) => [w.check, w.lines]));
const byFix = (r: { fixes: { fix: string; lines: number[] }[] }) =>
  Object.fromEntries(r.fixes.map((f) => [f.fix, f.lines]));
const SEP = '\n\n###\n\n';

/** Checks seen firing anywhere in this file: the last test asserts that all of them were. */
const fired = new Set<string>();

describe('checkDataset on the crafted broken file', () => {
  const report = check('broken.jsonl', { contextTokens: 300 });
  report.warnings.forEach((w) => fired.add(w.check));

  it('counts every record and reports unusable lines as errors with their line numbers', () => {
    expect(report.examples).toBe(24);
    expect(report.errors.map((e) => e.line)).toEqual([2, 5, 23, 24]);
    expect(report.errors[0].message).toMatch(/not valid JSON/);
    expect(report.errors[1].message).toMatch(/no "completion" key/);
    expect(report.errors[2].message).toMatch(/prompt is a number/);
    expect(report.errors[3].message).toMatch(/JSON array/);
  });

  it('fires each check on exactly its lines and nowhere else', () => {
    expect(byCheck(report)).toEqual({
      'key-case': [3],
      'extra-keys': [4],
      'mixed-formats': [22],
      'empty-completion': [6],
      duplicate: [7],
      'conflicting-duplicate': [8, 9],
      'too-long': [10],
      'upper-case': [11],
      'separator-missing': [12],
      'separator-inconsistent': [13],
      'separator-in-prompt': [14],
      'ending-missing': [15],
      'ending-inconsistent': [16],
      'ending-in-completion': [17],
      'no-leading-space': [18],
      'completion-format': [19],
      'few-examples': [],
      'value-not-in-prompt': [20],
    });
  });

  it('says what is wrong and what to do', () => {
    const msg = Object.fromEntries(report.warnings.map((w) => [w.check, w.message]));
    expect(msg.duplicate).toContain('line 7 repeats line 1');
    expect(msg['value-not-in-prompt']).toContain('line 20 skills "kubernetes"');
    expect(msg['ending-inconsistent']).toContain('"\\n END" (16)');
    expect(msg['ending-inconsistent']).toContain('" END" (1)');
    expect(msg['key-case']).toContain('"Prompt" -> "prompt"');
    expect(msg['extra-keys']).toContain('"id"');
    expect(msg['too-long']).toContain('300 tokens');
    expect(msg['few-examples']).toContain('Only 20 usable');
  });

  it('lists the fixes --fix applies, line by line', () => {
    expect(byFix(report)).toEqual({
      'drop-unreadable': [2, 24],
      'drop-invalid': [5, 23],
      'drop-empty-completion': [6],
      'drop-unparseable-completion': [19],
      'drop-too-long': [10],
      'drop-duplicate': [7],
      'rename-keys': [3],
      'drop-extra-keys': [4],
      'convert-chat': [22],
      'rewrite-prompt': [12, 13, 14, 17],
      'rewrite-completion': [15, 16, 18],
    });
  });

  it('gives stats per entity type, negatives and tokens', () => {
    expect(report.stats).toMatchObject({
      usable: 20,
      completionFormat: 19,
      chatFormat: 1,
      negatives: 1,
      positives: 18,
      entities: {
        diploma: { examples: 2, values: 2 },
        diploma_major: { examples: 2, values: 2 },
        experience: { examples: 4, values: 4 },
        skills: { examples: 17, values: 23 },
      },
      tokens: { limit: 300 },
      endings: { '\n END': 16, ' END': 1 },
    });
    expect(report.stats.tokens.max).toBeGreaterThan(300);
  });

  it('the fixed file is clean of everything --fix repairs, and fixing it again changes nothing', () => {
    const fixed = fixDataset(readDataset(fixture('broken.jsonl')), { contextTokens: 300 });
    expect(fixed.sourceLines).toEqual([1, 3, 4, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22]);
    const text = toJsonl(fixed.records);
    const again = checkDataset(readDataset(text), { contextTokens: 300 });
    expect(again.errors).toEqual([]);
    // What remains needs a human: the two annotations of one text, capitals, the stop word as a value, a value not in its text.
    expect(again.warnings.map((w) => w.check)).toEqual([
      'conflicting-duplicate',
      'upper-case',
      'ending-in-completion',
      'few-examples',
      'value-not-in-prompt',
    ]);
    expect(again.fixes).toEqual([]);
    expect(toJsonl(fixDataset(readDataset(text)).records)).toBe(text);
    for (const r of fixed.records) {
      expect(r.prompt.endsWith(SEP)).toBe(true);
      expect(r.prompt.slice(0, -SEP.length)).not.toContain('###');
      expect(r.completion.startsWith(' ')).toBe(true);
      expect(r.completion.endsWith('\n END')).toBe(true);
    }
  });
});

describe('checkDataset on the other crafted files', () => {
  it('a clean file only hears that it is small', () => {
    const r = check('clean.jsonl');
    expect(r.errors).toEqual([]);
    expect(byCheck(r)).toEqual({ 'few-examples': [] });
    expect(r.fixes).toEqual([]);
    expect(r.stats).toMatchObject({ usable: 12, negatives: 2, positives: 10 });
  });

  it('reports a common prompt prefix (instructions) on every line', () => {
    const r = check('common-prefix.jsonl');
    r.warnings.forEach((w) => fired.add(w.check));
    expect(byCheck(r)).toEqual({ 'common-prefix': [1, 2, 3, 4], 'few-examples': [] });
    expect(r.warnings[0].message).toContain('"Extract the entities from this job posting:"');
  });

  it('reports the same long text before the separator', () => {
    const r = check('long-suffix.jsonl');
    r.warnings.forEach((w) => fired.add(w.check));
    expect(byCheck(r)).toEqual({ 'separator-long': [1, 2, 3, 4], 'few-examples': [] });
    expect(r.warnings[0].message).toContain('Please list the diploma, major, experience and skills.');
  });

  it('a separator longer than 20 characters is itself reported', () => {
    const sep = '\n\nExtract the entities now\n\n';
    const ex = [{ prompt: `Python skills${sep}`, completion: " skills:['python']\n END" }];
    const r = checkDataset(toExamples(ex), { separator: sep });
    expect(byCheck(r)['separator-long']).toEqual([]);
  });

  it('advises negatives when there are none, and stops asking for more data at 100 examples', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      prompt: `Posting ${i}: ${i + 1}+ years of Python.${SEP}`,
      completion: ` experience:['${i + 1} + years']\nskills:['python']\n END`,
    }));
    const r = checkDataset(toExamples(many));
    r.warnings.forEach((w) => fired.add(w.check));
    expect(byCheck(r)).toEqual({ 'no-negatives': [] });
    expect(r.warnings[0].message).toMatch(/no entity/);
  });

  it('fewer than 10 examples: says OpenAI refuses them', () => {
    const r = check('small.jsonl');
    expect(r.warnings.find((w) => w.check === 'few-examples')?.message).toMatch(/fewer than 10/);
  });

  it('the model sets the length limit', () => {
    const long = [
      { prompt: `${'Python and SQL skills. '.repeat(1100)}${SEP}`, completion: " skills:['python']\n END" },
    ];
    expect(byCheck(checkDataset(toExamples(long)))['too-long']).toBeUndefined(); // davinci-002: 16k
    expect(byCheck(checkDataset(toExamples(long), { model: 'some-unknown-model' }))['too-long']).toEqual([1]); // 4096
    expect(checkDataset(toExamples(long), { model: 'gpt-4o-mini-2024-07-18' }).stats.tokens.limit).toBe(128_000);
  });

  it('a chat line counts its system message towards the length', () => {
    const chat = (system: string) => ({
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Python skills.' },
        { role: 'assistant', content: "skills:['python']\nEND" },
      ],
    });
    const r = checkDataset(toExamples([chat('Extract the entities. '.repeat(80)), chat('Extract the entities.')]), {
      contextTokens: 300,
    });
    expect(byCheck(r)['too-long']).toEqual([1]);
  });

  it('reads CSV and TSV sheets with line numbers of their rows, and JSON arrays by element', () => {
    const csv = check('sheet.csv');
    expect(csv.stats.format).toBe('csv');
    expect(byCheck(csv)).toEqual({ 'few-examples': [] });
    const tsv = check('sheet.tsv');
    expect(tsv.stats.format).toBe('tsv');
    // Rows start on lines 2, 11, 17, 26: prompts and completions hold line breaks.
    expect(byCheck(tsv)).toEqual({ 'key-case': [2, 11, 17, 26], 'few-examples': [] });
    const json = check('array.json');
    expect(json.stats).toMatchObject({ format: 'json', usable: 4, negatives: 1 });
  });
});

describe.skipIf(!HAS_SHARED)('checkDataset on the shared seed data (../shared/data/training_data.jsonl)', () => {
  const text = HAS_SHARED ? readShared('data', 'training_data.jsonl') : '';
  const report = HAS_SHARED ? checkDataset(readDataset(text, { fileName: 'training_data.jsonl' })) : undefined;
  const negatives = [8, 10, 12, 23, 24, 51, 56, 71, 73];

  it('reads all 74 examples without errors', () => {
    expect(report!.examples).toBe(74);
    expect(report!.errors).toEqual([]);
  });

  it('reports exactly: the two endings, the texts annotated twice, the small size', () => {
    expect(byCheck(report!)).toEqual({
      'conflicting-duplicate': [4, 20, 30, 32, 63, 70],
      'ending-inconsistent': negatives,
      'few-examples': [],
    });
    const ending = report!.warnings.find((w) => w.check === 'ending-inconsistent')!.message;
    expect(ending).toContain('"\\n END" (65)');
    expect(ending).toContain('"\\n , END" (9)');
    expect(ending).toContain('the odd ones are the negatives');
  });

  it('counts entities per type and the 9 negatives', () => {
    expect(report!.stats).toMatchObject({
      usable: 74,
      positives: 65,
      negatives: 9,
      entities: {
        diploma: { examples: 43, values: 45 },
        diploma_major: { examples: 43, values: 88 },
        experience: { examples: 58, values: 111 },
        skills: { examples: 58, values: 292 },
      },
      endings: { '\n END': 65, '\n , END': 9 },
    });
  });

  it('--fix gives the negatives the common ending and keeps every example', () => {
    expect(byFix(report!)['rewrite-completion']).toEqual(negatives);
    const fixed = fixDataset(readDataset(text));
    expect(fixed.records).toHaveLength(74);
    const again = checkDataset(readDataset(toJsonl(fixed.records)));
    expect(again.warnings.map((w) => w.check)).toEqual(['conflicting-duplicate', 'few-examples']);
    expect(again.fixes).toEqual([]);
  });
});

describe('coverage of the checks', () => {
  it('every check id fired in some test above', () => {
    expect(CHECK_IDS.filter((id) => !fired.has(id))).toEqual([]);
  });
});

function toExamples(records: object[]): Example[] {
  return readDataset(records.map((r) => JSON.stringify(r)).join('\n')).examples;
}
