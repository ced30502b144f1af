// `job-entities dataset ...` end to end: the built CLI on the project's fixtures (and, when
// ../shared is present, on the seed data).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { fixturePath, HAS_SHARED, sharedPath } from '../shared';
import { ensureCliBuilt, runCli } from './spawn-cli';

const fx = (name: string) => fixturePath('dataset', name);
const jsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'je-dataset-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dataset check', () => {
  it('--json prints the report shape; errors exit 1', async () => {
    const r = await runCli(['dataset', 'check', fx('broken.jsonl'), '--json', '--context-tokens', '300']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['examples', 'errors', 'warnings', 'fixes', 'stats']);
    expect(report.examples).toBe(24);
    expect(report.errors.map((e: any) => e.line)).toEqual([2, 5, 23, 24]);
    expect(Object.keys(report.errors[0])).toEqual(['line', 'message']);
    expect(Object.keys(report.warnings[0])).toEqual(['check', 'message', 'lines']);
    expect(report.warnings.find((w: any) => w.check === 'too-long').lines).toEqual([10]);
  });

  it('a clean file exits 0 with a readable text report', async () => {
    const r = await runCli(['dataset', 'check', fx('clean.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 example(s), 0 error(s), 1 warning(s)');
    expect(r.stdout).toContain('[few-examples]');
    expect(r.stdout).toContain('10 with entities, 2 negative(s)');
    expect(r.stderr).toBe('');
  });

  it('--fix writes the prepared file and lists what it dropped', async () => {
    const out = join(dir, 'prepared.jsonl');
    const r = await runCli(['dataset', 'check', fx('broken.jsonl'), '--fix', out, '--context-tokens', '300']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Wrote 16 prepared example(s)');
    expect(r.stdout).toContain('What --fix does:');
    expect(r.stdout).toContain('dropped 1 duplicate example(s) (the first copy is kept) (lines 7)');
    const rows = jsonl(out);
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['prompt', 'completion']);
      expect(row.prompt.endsWith('\n\n###\n\n')).toBe(true);
      expect(row.completion).toMatch(/^ [\s\S]*\n END$/);
    }
    const again = await runCli(['dataset', 'check', out, '--json', '--context-tokens', '300']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).fixes).toEqual([]);
  });

  it('refuses to overwrite its input, and reports a missing file', async () => {
    const same = await runCli(['dataset', 'check', fx('clean.jsonl'), '--fix', fx('clean.jsonl')]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('is the input file');
    const missing = await runCli(['dataset', 'check', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads CSV, TSV and stdin', async () => {
    const csv = await runCli(['dataset', 'check', fx('sheet.tsv'), '--json']);
    expect(JSON.parse(csv.stdout).warnings.map((w: any) => w.check)).toEqual(['key-case', 'few-examples']);
    const stdin = await runCli(['dataset', 'check', '-', '--json'], { input: readFileSync(fx('clean.jsonl'), 'utf8') });
    expect(JSON.parse(stdin.stdout).examples).toBe(12);
  });

  it.skipIf(!HAS_SHARED)('on the shared seed data: the two endings, exit 0', async () => {
    const r = await runCli(['dataset', 'check', sharedPath('data', 'training_data.jsonl'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.warnings.map((w: any) => w.check)).toEqual([
      'conflicting-duplicate',
      'ending-inconsistent',
      'few-examples',
    ]);
    expect(report.warnings[1].lines).toEqual([8, 10, 12, 23, 24, 51, 56, 71, 73]);
  });
});

describe('dataset convert, split, from-iob', () => {
  it('convert --to chat and back keeps the entities', async () => {
    const chat = join(dir, 'chat.jsonl');
    const back = join(dir, 'back.jsonl');
    expect((await runCli(['dataset', 'convert', fx('clean.jsonl'), '--to', 'chat', '--output', chat])).code).toBe(0);
    const rows = jsonl(chat);
    expect(rows[0].messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect((await runCli(['dataset', 'convert', chat, '--to', 'completion', '--output', back])).code).toBe(0);
    const orig = jsonl(fx('clean.jsonl'));
    jsonl(back).forEach((r, i) =>
      expect(parseCompletion(r.completion).entities).toEqual(parseCompletion(orig[i].completion).entities),
    );
  });

  it('convert reports skipped lines and exits 1; a bad --to is a usage error', async () => {
    const r = await runCli([
      'dataset',
      'convert',
      fx('broken.jsonl'),
      '--to',
      'chat',
      '--output',
      join(dir, 'b.jsonl'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Skipped 4 line(s)');
    expect(r.stderr).toContain('line 2: not valid JSON');
    const bad = await runCli([
      'dataset',
      'convert',
      fx('clean.jsonl'),
      '--to',
      'xml',
      '--output',
      join(dir, 'x.jsonl'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--to takes chat or completion');
  });

  it('split is reproducible and writes both files', async () => {
    const p1 = join(dir, 's1.');
    const p2 = join(dir, 's2.');
    await runCli(['dataset', 'split', fx('clean.jsonl'), '--valid', '0.25', '--seed', '5', '--output-prefix', p1]);
    const r = await runCli([
      'dataset',
      'split',
      fx('clean.jsonl'),
      '--valid',
      '0.25',
      '--seed',
      '5',
      '--output-prefix',
      p2,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('8 in');
    expect(readFileSync(`${p1}valid.jsonl`, 'utf8')).toBe(readFileSync(`${p2}valid.jsonl`, 'utf8'));
    expect(jsonl(`${p1}train.jsonl`)).toHaveLength(8);
    expect(jsonl(`${p1}valid.jsonl`)).toHaveLength(4);
    const bad = await runCli(['dataset', 'split', fx('clean.jsonl'), '--valid', '2']);
    expect(bad.code).toBe(2);
  });

  it('from-iob builds examples from the project TSV', async () => {
    const out = join(dir, 'iob.jsonl');
    const r = await runCli(['dataset', 'from-iob', fx('tiny.tsv'), '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Read 3 document(s)');
    expect(jsonl(out)[0].prompt).toBe('We need 5+ years of C# (or F#). BS/MS in Computer Science.\n\n###\n\n');
  });

  it.skipIf(!HAS_SHARED)('from-iob on the shared TSV: 77 documents', async () => {
    const out = join(dir, 'ner.jsonl');
    const r = await runCli(['dataset', 'from-iob', sharedPath('data', 'ner_training.tsv'), '--output', out]);
    expect(r.code).toBe(0);
    expect(jsonl(out)).toHaveLength(77);
  });

  it('--help documents every subcommand; unknown subcommands are usage errors', async () => {
    const help = await runCli(['dataset', '--help']);
    expect(help.code).toBe(0);
    for (const sub of ['dataset check FILE', 'dataset convert FILE', 'dataset split FILE', 'dataset from-iob FILE'])
      expect(help.stdout).toContain(sub);
    const bad = await runCli(['dataset', 'frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown subcommand');
  });
});
