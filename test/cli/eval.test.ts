// `job-entities eval` end to end against the test server: gold answers score 1.0; the seed's 74
// training prompts answered with their gold completions score 1.0 in both modes (with ../shared).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { ENTITY_TYPES } from '../../src/core/entities';
import { fixturePath, HAS_SHARED, readShared, SHARED_SKIP_REASON, sharedPath } from '../shared';
import { goldAnswerer, startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { ensureCliBuilt, runCli } from './spawn-cli';

const GOLD_FILE = fixturePath('gold', 'postings.jsonl');
const GOLD = readFileSync(GOLD_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
const goldCount = GOLD.reduce(
  (n, g) => n + ENTITY_TYPES.reduce((m, t) => m + parseCompletion(g.completion).entities[t].length, 0),
  0,
);

const SHARED_GOLD = HAS_SHARED
  ? readShared('data', 'training_data.jsonl')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { prompt: string; completion: string })
  : [];

let server: OpenAIServer;
let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  server = await startOpenAIServer({ answer: goldAnswerer(GOLD) });
  dir = mkdtempSync(join(tmpdir(), 'je-eval-'));
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const flags = (model: string) => ['--base-url', server.url, '--model', model];

describe("eval on the project's gold fixture", () => {
  it('gold answers score 1.0 (table)', async () => {
    const r = await runCli(['eval', '--gold', GOLD_FILE, ...flags('davinci-002')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^13 postings, model davinci-002\n/);
    expect(r.stdout).toMatch(/\nmicro\s+(\d+)\s+\1\s+\1\s+0\s+0\s+1\.000\s+1\.000\s+1\.000\n/);
    expect(r.stdout).toMatch(/\nmacro\s+1\.000\s+1\.000\s+1\.000/);
  });

  it('gold answers score 1.0 through a chat model (--json)', async () => {
    const r = await runCli(['eval', '--gold', GOLD_FILE, '--json', ...flags('gpt-4o-mini-2024-07-18')]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ records: 13, failed: 0, model: 'gpt-4o-mini-2024-07-18' });
    expect(s.micro).toMatchObject({ tp: goldCount, fp: 0, fn: 0, f1: 1 });
    expect(s.macro.f1).toBe(1);
    for (const t of ENTITY_TYPES) expect(s.perType[t].f1).toBe(1);
  });

  it('a model that finds nothing scores 0 recall', async () => {
    server.setBehavior('blind', { answer: ' no entity\n , END' });
    const r = await runCli(['eval', '--gold', GOLD_FILE, '--json', ...flags('blind')]);
    const s = JSON.parse(r.stdout);
    expect(s.micro).toMatchObject({ tp: 0, fp: 0, fn: goldCount, recall: 0 });
  });

  it('a failed prediction counts as an empty answer and is reported', async () => {
    server.setBehavior('fail-first', { fault: 'server_error', times: 1 });
    const r = await runCli([
      'eval',
      '--gold',
      GOLD_FILE,
      '--json',
      '--retries',
      '0',
      '--concurrency',
      '1',
      ...flags('fail-first'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 1 failed \(The server at .* failed with 500/);
    const s = JSON.parse(r.stdout);
    expect(s.failed).toBe(1);
    const first = parseCompletion(GOLD[0].completion).entities;
    expect(s.micro.fn).toBe(ENTITY_TYPES.reduce((n, t) => n + first[t].length, 0));
  });

  it('exit 1 on a fatal error or a gold file without completions; exit 2 without --gold', async () => {
    const missing = await runCli(['eval', '--gold', GOLD_FILE, ...flags('no-such-model')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/The model "no-such-model" was not found/);
    const file = join(dir, 'no-completion.jsonl');
    writeFileSync(file, JSON.stringify({ prompt: 'x' }) + '\n');
    const bad = await runCli(['eval', '--gold', file, ...flags('davinci-002')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 1: has no "completion"/);
    const usage = await runCli(['eval', ...flags('davinci-002')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--gold FILE\.jsonl/);
    // The same cap as extract and match: eval floods no server either.
    const flood = await runCli(['eval', '--gold', GOLD_FILE, '--concurrency', '65', ...flags('davinci-002')]);
    expect(flood.code).toBe(2);
    expect(flood.stderr).toMatch(/--concurrency takes a whole number from 1 to 64, got "65"/);
  });
});

describe.skipIf(!HAS_SHARED)(`eval on ../shared training data (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`, () => {
  // A fresh server per run: the seed repeats three prompts with different gold completions, which
  // the gold answerer hands out in request order.
  async function evalShared(model: string) {
    const s = await startOpenAIServer({ answer: goldAnswerer(SHARED_GOLD) });
    try {
      const r = await runCli([
        'eval',
        '--gold',
        sharedPath('data', 'training_data.jsonl'),
        '--json',
        '--concurrency',
        '8',
        '--base-url',
        s.url,
        '--model',
        model,
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    } finally {
      await s.close();
    }
  }

  it('the 74 training prompts answered with their gold completions give F1 1.0 (completion model)', async () => {
    const s = await evalShared('ft:davinci-002:acme:jobs:abc123');
    expect(s.records).toBe(74);
    expect(s.failed).toBe(0);
    expect(s.micro.f1).toBe(1);
    expect(s.macro.f1).toBe(1);
  });

  it('... and through a chat model', async () => {
    const s = await evalShared('ft:gpt-4o-mini-2024-07-18:acme:jobs:abc123');
    expect(s.records).toBe(74);
    expect(s.micro.f1).toBe(1);
    expect(s.macro.f1).toBe(1);
  });
});

describe('eval --provider local: the embedded offline extractor (issue 4)', () => {
  const inUnit = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;

  it('scores the gold fixture offline: exit 0, valid scores per type, micro and macro, micro F1 above a loose floor', async () => {
    const before = server.requests.length;
    // A base URL in the environment must not pull the offline extractor online.
    const r = await runCli(['eval', '--gold', GOLD_FILE, '--provider', 'local', '--json'], {
      env: { OPENAI_BASE_URL: server.url },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ records: 13, failed: 0 });
    expect(s.model).toMatch(/^job-entities-local/);
    let gold = 0;
    for (const t of ENTITY_TYPES) {
      const p = s.perType[t];
      for (const k of ['tp', 'fp', 'fn']) expect(Number.isInteger(p[k]) && p[k] >= 0).toBe(true);
      for (const k of ['precision', 'recall', 'f1']) expect(inUnit(p[k])).toBe(true);
      gold += p.tp + p.fn;
    }
    // Every gold value is scored once: found (tp) or missed (fn).
    expect(gold).toBe(goldCount);
    expect(s.micro.tp + s.micro.fn).toBe(goldCount);
    for (const k of ['precision', 'recall', 'f1']) {
      expect(inUnit(s.micro[k])).toBe(true);
      expect(inUnit(s.macro[k])).toBe(true);
    }
    // The offline extractor scores about 0.70 micro F1 here; the floor only catches a broken one.
    expect(s.micro.f1).toBeGreaterThan(0.4);
    expect(server.requests.length).toBe(before);
  });

  it('prints the same scores as a table', async () => {
    const r = await runCli(['eval', '--gold', GOLD_FILE, '--provider', 'local']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^13 postings, model job-entities-local/);
    for (const t of [...ENTITY_TYPES, 'micro'])
      expect(r.stdout).toMatch(
        new RegExp(
          `\\n${t}\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}\\n`,
        ),
      );
    expect(r.stdout).toMatch(/\nmacro\s+[01]\.\d{3}\s+[01]\.\d{3}\s+[01]\.\d{3}/);
  });
});
