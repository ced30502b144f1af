// scripts/cv-local.ts as a developer runs it (`node scripts/run-ts.mjs scripts/cv-local.ts ...`) on
// the project's tiny IOB corpus: its flags reach the cross-validation, and the table it prints is
// the one the core functions compute (test/unit/local-tagger.test.ts tests those functions).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/entities';
import { parseCorpus } from '../../src/core/local/corpus';
import { crossValidate, nearDuplicateGroups } from '../../src/core/local/crossval';
import { formatScores, scoreEntities } from '../../src/core/score';
import { fixturePath, PROJECT_DIR } from '../shared';

const TINY = fixturePath('local', 'tiny.tsv');
const tiny = parseCorpus(readFileSync(TINY, 'utf8'));

function cvLocal(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(PROJECT_DIR, 'scripts', 'run-ts.mjs'), 'scripts/cv-local.ts', ...args],
      { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The printed table's rows by name: [gold, predicted, tp, fp, fn, precision, recall, f1] (macro: the last three). */
function rows(table: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const line of table.split('\n').slice(1)) {
    const [name, ...cells] = line.trim().split(/\s+/);
    if (name) out[name] = cells.map(Number);
  }
  return out;
}

describe('scripts/cv-local.ts on test/fixtures/local/tiny.tsv', () => {
  it("--k 2: the header names the run, the table is the core functions' scores", async () => {
    const r = await cvLocal(['--data', TINY, '--k', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [header, ...table] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(
      /^2-fold cross-validation on 6 documents \(seed 13, 6 groups: near-duplicates share a fold, from the labelled tokens\), \d+ ms$/,
    );
    const run = crossValidate(tiny, 2, 13, {}, nearDuplicateGroups(tiny));
    expect(table.join('\n')).toBe(formatScores(scoreEntities(run.gold, run.predicted)));

    const byName = rows(table.join('\n'));
    expect(Object.keys(byName)).toEqual([...ENTITY_TYPES, 'micro', 'macro']);
    // Every gold value of the corpus is scored once: 5 diplomas, 4 majors, 6 experiences, 13 skills.
    expect(ENTITY_TYPES.map((t) => byName[t][0])).toEqual([5, 4, 6, 13]);
    expect(byName.micro[0]).toBe(28);
    for (const t of [...ENTITY_TYPES, 'micro']) {
      const [gold, predicted, tp, fp, fn, ...prf] = byName[t];
      expect(tp + fn).toBe(gold);
      expect(tp + fp).toBe(predicted);
      for (const x of prf) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    expect(byName.macro).toHaveLength(3);
  });

  it('--k, --seed and --plain reach the folds; the same flags give the same table', async () => {
    const a = await cvLocal(['--data', TINY, '--k', '3', '--seed', '7', '--plain']);
    expect(a.code).toBe(0);
    const [header, ...table] = a.stdout.trimEnd().split('\n');
    expect(header).toMatch(
      /^3-fold cross-validation on 6 documents \(seed 7, plain document folds, from the labelled tokens\), \d+ ms$/,
    );
    const run = crossValidate(tiny, 3, 7, {});
    expect(table.join('\n')).toBe(formatScores(scoreEntities(run.gold, run.predicted)));
    const b = await cvLocal(['--data', TINY, '--k', '3', '--seed', '7', '--plain']);
    expect(b.stdout.split('\n').slice(1)).toEqual(a.stdout.split('\n').slice(1));
  });

  it('a missing data file: exit 1 and what to do, no stack trace', async () => {
    const r = await cvLocal(['--data', join(PROJECT_DIR, 'test', 'fixtures', 'local', 'no-such.tsv'), '--k', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Cannot read the labelled data at');
    expect(r.stderr).toContain('pass --data FILE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('more folds than documents, or a malformed line: exit 1 and one line saying so, no stack trace', async () => {
    const many = await cvLocal(['--data', TINY, '--k', '7']);
    expect(many.code).toBe(1);
    expect(many.stdout).toBe('');
    expect(many.stderr.trim()).toBe('--k takes at most as many folds as there are documents (6), got 7');

    const bad = join(mkdtempSync(join(tmpdir(), 'cv-local-')), 'bad.tsv');
    writeFileSync(bad, 'Python\tB-SKILLS\nno tag here\n');
    const r = await cvLocal(['--data', bad, '--k', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`${bad}: line 2: expected "token<TAB>tag" with a BIO tag, got "no tag here"`);
  });
});
