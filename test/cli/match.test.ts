// `job-entities match` end to end: the built CLI, spawned as a user runs it, extracting through
// the OpenAI-compatible test server on 127.0.0.1 (exact answers) and the embedded local extractor.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldAnswerer, readGoldJsonl, startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { fixturePath } from '../shared';
import { ensureCliBuilt, runCli } from './spawn-cli';

const MODEL = 'ft:davinci-002:acme:jobs:m1';
const POSTINGS = fixturePath('match', 'postings.jsonl');
let server: OpenAIServer;
let model: string[];

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startOpenAIServer({ answer: goldAnswerer(readGoldJsonl(fixturePath('match', 'gold.jsonl'))) });
  model = ['--base-url', server.url, '--model', MODEL];
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('job-entities match (model server)', () => {
  it('prints one JSON line per posting, best match first, with posting-side values as extracted', async () => {
    const r = await runCli([
      'match',
      '--skills',
      'C#, JavaScript; REST API\nk8s, Python, React',
      '--input',
      POSTINGS,
      ...model,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('job-entities match: 1 of 4 postings failed (see "error" on their lines)\n');
    const lines = r.lines();
    expect(lines).toHaveLength(4);
    const none = { matched: [], missing: [] };
    expect(lines[0]).toEqual({
      rank: 1,
      score: 0.6,
      summary: '3 of 5 required skills · 60 %',
      matched: ['c #', 'rest apis', 'kubernetes'],
      missing: ['java', 'sql'],
      niceToHave: none,
      extra: ['JavaScript', 'Python', 'React'],
      line: 1,
      id: 'p1',
      title: 'Backend Engineer',
      url: 'https://jobs.example/backend-1',
    });
    expect(lines[1]).toMatchObject({
      rank: 2,
      score: 0.4,
      summary: '2 of 5 required skills · 40 %',
      matched: ['reactjs', 'javascript'],
      missing: ['html5', 'css3', 'node.js'],
      extra: ['C#', 'REST API', 'k8s', 'Python'],
      line: 2,
      id: 'p2',
    });
    expect(lines[2]).toMatchObject({
      rank: 3,
      score: 0,
      summary: 'No skills to compare',
      matched: [],
      missing: [],
      extra: ['C#', 'JavaScript', 'REST API', 'k8s', 'Python', 'React'],
      id: 'p3',
    });
    // A failed posting is ranked last, with its error.
    expect(lines[3]).toMatchObject({ rank: 4, line: 4, error: { code: 'invalid_input' } });
    expect(Object.keys(lines[0])).toEqual([
      'rank',
      'score',
      'summary',
      'matched',
      'missing',
      'niceToHave',
      'extra',
      'line',
      'id',
      'title',
      'url',
    ]);
  });

  it('ranks the postings by score, whatever their input order; --order input keeps the input order', async () => {
    // The kitchen posting first: it asks no skill, so it comes last.
    const skills = ['--skills', 'html, css, node, react, javascript', ...model];
    const ranked = (await runCli(['match', ...skills, '--input', POSTINGS])).lines();
    expect(ranked.map((l) => [l.rank, l.id ?? l.line])).toEqual([
      [1, 'p2'],
      [2, 'p1'],
      [3, 'p3'],
      [4, 4],
    ]);
    expect(ranked[0].score).toBe(1);
    const inOrder = await runCli(['match', ...skills, '--input', POSTINGS, '--order', 'input']);
    expect(inOrder.lines().map((l) => [l.rank, l.id ?? l.line])).toEqual([
      [undefined, 'p1'],
      [undefined, 'p2'],
      [undefined, 'p3'],
      [undefined, 4],
    ]);
    const bad = await runCli(['match', ...skills, '--input', POSTINGS, '--order', 'best']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--order takes "rank" \(best match first\) or "input", got "best"/);
  });

  it('reads a profile file and, with --details, compares years, diploma and major', async () => {
    const r = await runCli([
      'match',
      '--profile',
      fixturePath('match', 'profile.json'),
      '--input',
      POSTINGS,
      '--details',
      ...model,
    ]);
    expect(r.code).toBe(0);
    const [first, second] = r.lines();
    expect(first).toMatchObject({
      score: 0.6,
      asked: 5,
      formula: 'score = required skills you have / required skills = 3 / 5 = 60 %',
      required: { matched: 3, total: 5 },
      niceToHaveCount: { matched: 0, total: 0 },
      ignored: [],
      experience: { asked: 3, values: ['3 + years'], held: 4, ok: true },
      diploma: { asked: ['bs', 'ms'], held: ['MSc'], ok: true },
      major: { asked: ['computer science'], held: ['Computer Science'], ok: true },
    });
    expect(second.experience).toEqual({ asked: 2, values: ['two years'], held: 4, ok: true });
  });

  it('reads the posting from stdin', async () => {
    const text = readGoldJsonl(fixturePath('match', 'gold.jsonl'))[1].prompt.replace(/\n\n###\n\n$/, '');
    const r = await runCli(['match', '--skills', 'html, css, node', ...model], { input: text });
    expect(r.code).toBe(0);
    expect(r.lines()).toEqual([
      {
        rank: 1,
        score: 0.6,
        summary: '3 of 5 required skills · 60 %',
        matched: ['html5', 'css3', 'node.js'],
        missing: ['reactjs', 'javascript'],
        niceToHave: { matched: [], missing: [] },
        extra: [],
        line: 1,
      },
    ]);
  });

  it('stops with the server’s error when the model does not exist', async () => {
    const r = await runCli([
      'match',
      '--skills',
      'java',
      '--input',
      POSTINGS,
      '--base-url',
      server.url,
      '--model',
      'no-such-model',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^job-entities match: .*model/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('job-entities match: usage and profile errors', () => {
  it.each([
    [['match', '--input', POSTINGS], /--skills "a, b, c" or --profile FILE/],
    [['match', '--skills', 'a', '--profile', 'p.json', '--input', POSTINGS], /not both/],
    [['match', '--skills', ' , ;', '--input', POSTINGS], /--skills is empty/],
    [['match', '--skills', 'a', '--bogus'], /bogus/],
    [['match', '--skills', 'a', 'stray.txt'], /unexpected argument/],
  ])('%j exits 2', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/job-entities match --help/);
  });

  it('explains a bad or missing profile and exits 1', async () => {
    const bad = await runCli([
      'match',
      '--profile',
      fixturePath('match', 'bad-profile.json'),
      '--input',
      POSTINGS,
      ...model,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-profile\.json: Not a valid profile: "skills"/);
    const dir = mkdtempSync(join(tmpdir(), 'je-match-'));
    writeFileSync(join(dir, 'notjson.json'), 'skills: python');
    const notJson = await runCli(['match', '--profile', 'notjson.json', '--input', POSTINGS, ...model], { cwd: dir });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/not JSON/);
    const missing = await runCli(['match', '--profile', 'nope.json', '--input', POSTINGS, ...model], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read the profile nope\.json: no such file/);
  });

  it('shows help', async () => {
    const r = await runCli(['match', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: job-entities match \(--skills "a, b, c" \| --profile FILE\)/);
    const list = await runCli(['--help']);
    expect(list.stdout).toMatch(/\n {2}match +Compare your skills/);
  });
});

describe('job-entities match --provider local (the embedded extractor)', () => {
  it('matches a plain-text posting offline', async () => {
    const r = await runCli([
      'match',
      '--provider',
      'local',
      '--skills',
      'Python, SQL, k8s, Docker, Excel',
      '--input',
      fixturePath('match', 'posting.txt'),
    ]);
    expect(r.code).toBe(0);
    const [line] = r.lines();
    expect(Object.keys(line)).toEqual([
      'rank',
      'score',
      'summary',
      'matched',
      'missing',
      'niceToHave',
      'extra',
      'line',
    ]);
    expect(line.score).toBeGreaterThan(0);
    expect(line.score).toBeLessThanOrEqual(1);
    // Whatever the extractor found: required skills count whole, nice-to-have ones half.
    const nice = line.niceToHave as { matched: string[]; missing: string[] };
    const weight = line.matched.length + line.missing.length + (nice.matched.length + nice.missing.length) / 2;
    expect(line.score).toBeCloseTo((line.matched.length + nice.matched.length / 2) / weight, 3);
    expect(line.extra).toContain('Excel');
    expect(line.matched.length).toBeGreaterThan(0);
  });
});
