// `job-entities extract` end to end: the built CLI spawned against the project's OpenAI-compatible
// test server on 127.0.0.1, which answers the gold completions of test/fixtures/gold.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress';
import { parseCompletion } from '../../src/core/completion';
import { fixturePath } from '../shared';
import { closedPort, goldAnswerer, startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { ensureCliBuilt, runCli } from './spawn-cli';

const GOLD_FILE = fixturePath('gold', 'postings.jsonl');
const GOLD = readFileSync(GOLD_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
const goldEntities = GOLD.map((g) => parseCompletion(g.completion).entities);

// The gold answers for the .html and .txt fixtures, keyed by the text capture must produce.
const HTML_TEXT =
  'We build calm apps for busy people.\n4+ years of Android development with Kotlin\nJetpack Compose and Coroutines\nBSc in Computer Science or similar';
const HTML_GOLD =
  " diploma:['bsc']\ndiploma_major:['computer science']\nexperience:['4 + years']\nskills:['android development', 'kotlin', 'jetpack compose', 'coroutines']\n END";
const TXT_GOLD =
  " diploma:['high school diploma']\nexperience:['2 + years']\nskills:['forklift licence', 'sap ewm']\n END";
const TXT_TEXT = readFileSync(fixturePath('gold', 'posting.txt'), 'utf8');

const entitiesOf = (line: Record<string, any>) => ({
  diploma: line.diploma,
  diploma_major: line.diploma_major,
  experience: line.experience,
  skills: line.skills,
});

let server: OpenAIServer;
let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  server = await startOpenAIServer({
    answer: goldAnswerer([
      ...GOLD,
      { prompt: HTML_TEXT, completion: HTML_GOLD },
      { prompt: TXT_TEXT, completion: TXT_GOLD },
    ]),
    routes: [
      // A live career page for --url.
      (_req, res, _body, url) => {
        if (url.pathname !== '/careers/android') return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFileSync(fixturePath('gold', 'posting.html')));
        return true;
      },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'je-extract-'));
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const flags = (model: string, ...more: string[]) => [
  '--base-url',
  server.url,
  '--api-key',
  'sk-test',
  '--model',
  model,
  ...more,
];

describe('extract against an OpenAI-compatible server answering the gold completions', () => {
  it('completion model: exactly the gold entities, one line per record, in order', async () => {
    const n = server.modelRequests().length;
    const r = await runCli(['extract', '--input', GOLD_FILE, ...flags('davinci-002')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.lines();
    expect(lines).toHaveLength(GOLD.length);
    lines.forEach((line, i) => expect(entitiesOf(line)).toEqual(goldEntities[i]));
    expect(lines[0]).toMatchObject({ diploma: ['bs'], diploma_major: ['computer science'], experience: ['3 + years'] });
    expect(lines[2]).toMatchObject({ diploma: [], diploma_major: [], experience: [], skills: [] });
    expect(lines[0].meta).toMatchObject({ provider: 'openai', model: 'davinci-002', finishReason: 'stop', chunks: 1 });
    expect(Object.keys(lines[0])).toEqual(['diploma', 'diploma_major', 'experience', 'skills', 'meta']);
    expect(
      server
        .modelRequests()
        .slice(n)
        .every((q) => q.path === '/v1/completions'),
    ).toBe(true);
  });

  it('chat model: the same entities through chat completions', async () => {
    const n = server.modelRequests().length;
    const r = await runCli(['extract', '--input', GOLD_FILE, ...flags('gpt-4o-mini-2024-07-18')]);
    expect(r.code).toBe(0);
    r.lines().forEach((line, i) => expect(entitiesOf(line)).toEqual(goldEntities[i]));
    expect(
      server
        .modelRequests()
        .slice(n)
        .every((q) => q.path === '/v1/chat/completions'),
    ).toBe(true);
  });

  it('--mode overrides the choice by model id; fine-tunes of davinci-002 use completions', async () => {
    let n = server.modelRequests().length;
    expect((await runCli(['extract', '--input', GOLD_FILE, ...flags('ft:davinci-002:acme:jobs:abc123')])).code).toBe(0);
    expect(
      new Set(
        server
          .modelRequests()
          .slice(n)
          .map((q) => q.path),
      ),
    ).toEqual(new Set(['/v1/completions']));
    n = server.modelRequests().length;
    const r = await runCli(['extract', '--input', GOLD_FILE, ...flags('davinci-002', '--mode', 'chat')]);
    r.lines().forEach((line, i) => expect(entitiesOf(line)).toEqual(goldEntities[i]));
    expect(
      new Set(
        server
          .modelRequests()
          .slice(n)
          .map((q) => q.path),
      ),
    ).toEqual(new Set(['/v1/chat/completions']));
  });

  it('takes the key and base URL from OPENAI_API_KEY and OPENAI_BASE_URL, the model from JOB_ENTITIES_MODEL', async () => {
    const n = server.modelRequests().length;
    const r = await runCli(['extract', '--input', GOLD_FILE], {
      env: { OPENAI_API_KEY: 'sk-from-env', OPENAI_BASE_URL: server.url, JOB_ENTITIES_MODEL: 'babbage-002' },
    });
    expect(r.code).toBe(0);
    const reqs = server.modelRequests().slice(n);
    expect(reqs[0].apiKey).toBe('sk-from-env');
    expect((reqs[0].body as { model: string }).model).toBe('babbage-002');
  });

  it('keeps input order with many requests in flight and answers of varying speed', async () => {
    const s = await startOpenAIServer({
      answer: goldAnswerer(GOLD),
      // Early records answer last.
      delayMs: (req) => 40 * (GOLD.length - GOLD.findIndex((g) => g.prompt.slice(0, 40) === req.prompt.slice(0, 40))),
    });
    try {
      const r = await runCli([
        'extract',
        '--input',
        GOLD_FILE,
        '--concurrency',
        '8',
        '--base-url',
        s.url,
        '--model',
        'davinci-002',
      ]);
      expect(r.code).toBe(0);
      r.lines().forEach((line, i) => expect(entitiesOf(line)).toEqual(goldEntities[i]));
      // 8 requests were in flight at once: the first 8 arrived before the first answer (>= 200 ms).
      const times = s.modelRequests().map((q) => q.time);
      expect(times[7] - times[0]).toBeLessThan(200);
    } finally {
      await s.close();
    }
  });
});

describe('input formats', () => {
  it('an .html page is captured first (with --url), like the extension does', async () => {
    const n = server.modelRequests().length;
    const r = await runCli([
      'extract',
      '--input',
      fixturePath('gold', 'posting.html'),
      '--url',
      'https://careers.lindenfeld.example/jobs/42',
      ...flags('davinci-002'),
    ]);
    expect(r.code).toBe(0);
    expect(r.lines()).toHaveLength(1);
    expect(entitiesOf(r.lines()[0])).toEqual(parseCompletion(HTML_GOLD).entities);
    expect((server.modelRequests()[n].body as { prompt: string }).prompt).toContain(
      '4+ years of Android development with Kotlin',
    );
    expect((server.modelRequests()[n].body as { prompt: string }).prompt).not.toContain('All jobs');
  });

  it('--url alone downloads the page and captures it', async () => {
    const r = await runCli([
      'extract',
      '--url',
      server.url.replace(/\/v1$/, '') + '/careers/android',
      ...flags('davinci-002'),
    ]);
    expect(r.code).toBe(0);
    expect(entitiesOf(r.lines()[0])).toEqual(parseCompletion(HTML_GOLD).entities);
  });

  it('a .txt file, and text on stdin', async () => {
    const file = await runCli(['extract', '--input', fixturePath('gold', 'posting.txt'), ...flags('davinci-002')]);
    expect(file.code).toBe(0);
    expect(entitiesOf(file.lines()[0])).toEqual(parseCompletion(TXT_GOLD).entities);
    const stdin = await runCli(['extract', ...flags('davinci-002')], { input: TXT_TEXT });
    expect(stdin.code).toBe(0);
    expect(entitiesOf(stdin.lines()[0])).toEqual(parseCompletion(TXT_GOLD).entities);
    const dash = await runCli(['extract', '--input', '-', ...flags('davinci-002')], {
      input: readFileSync(fixturePath('gold', 'posting.html'), 'utf8'),
    });
    expect(entitiesOf(dash.lines()[0])).toEqual(parseCompletion(HTML_GOLD).entities);
  });

  it('--scope: focused (the default) sends the requirement-like sections only, whole the whole posting', async () => {
    const lastPrompt = () => (server.modelRequests().at(-1)?.body as { prompt: string }).prompt;
    const focused = await runCli(['extract', '--input', fixturePath('gold', 'posting.txt'), ...flags('davinci-002')]);
    expect(focused.code).toBe(0);
    expect(lastPrompt()).toMatch(/^What you bring - 2\+ years leading a team in logistics/);
    expect(focused.lines()[0].meta).toMatchObject({
      scope: 'focused',
      read: { headings: ['What you bring'], total: 2 },
    });
    const whole = await runCli([
      'extract',
      '--scope',
      'whole',
      '--input',
      fixturePath('gold', 'posting.txt'),
      ...flags('davinci-002'),
    ]);
    expect(whole.code).toBe(0);
    expect(lastPrompt()).toMatch(/^Warehouse team lead \(night shift\) What you bring:/);
    expect(whole.lines()[0].meta).toMatchObject({ scope: 'whole', read: { total: 2 } });
  });

  it('JSONL with prompt (separator or not), text, or url + html; a bad line keeps its place with an error', async () => {
    const html = readFileSync(fixturePath('gold', 'posting.html'), 'utf8');
    const jsonl = [
      JSON.stringify({ prompt: GOLD[0].prompt }),
      JSON.stringify({ prompt: GOLD[1].prompt.replace(/\n\n###\n\n$/, ''), id: 'no-separator' }),
      '{"text": oops',
      JSON.stringify({ text: GOLD[3].prompt.replace(/\n\n###\n\n$/, '').replace(/\. /g, '.\n') }),
      JSON.stringify({ title: 'no text at all' }),
      '',
      JSON.stringify({ url: 'https://careers.lindenfeld.example/jobs/42', html }),
      JSON.stringify({ html }),
      '[1, 2]',
    ].join('\n');
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, jsonl);
    const r = await runCli(['extract', '--input', file, '--concurrency', '3', ...flags('davinci-002')]);
    expect(r.code).toBe(0);
    const lines = r.lines();
    expect(lines).toHaveLength(8);
    expect(entitiesOf(lines[0])).toEqual(goldEntities[0]);
    expect(entitiesOf(lines[1])).toEqual(goldEntities[1]);
    expect(lines[1].id).toBe('no-separator');
    expect(lines[2].error.code).toBe('invalid_input');
    expect(lines[2].error.message).toMatch(/^line 3 is not valid JSON/);
    expect(lines[2]).toMatchObject({ diploma: [], diploma_major: [], experience: [], skills: [] });
    expect(entitiesOf(lines[3])).toEqual(goldEntities[3]);
    expect(lines[4].error.message).toMatch(/line 5: needs a "prompt", a "text", or "url" and "html"/);
    expect(entitiesOf(lines[5])).toEqual(parseCompletion(HTML_GOLD).entities);
    expect(lines[6].error.message).toMatch(/line 8: "html" needs the page's "url"/);
    expect(lines[7].error.message).toMatch(/line 9 must be a JSON object/);
    expect(r.stderr).toMatch(/4 of 8 records failed/);
  });

  it('JSONL on stdin', async () => {
    const r = await runCli(['extract', ...flags('davinci-002')], {
      input: GOLD.slice(0, 3)
        .map((g) => JSON.stringify(g))
        .join('\n'),
    });
    expect(r.code).toBe(0);
    expect(r.lines().map(entitiesOf)).toEqual(goldEntities.slice(0, 3));
  });

  it('--provider local uses the embedded offline extractor (no server)', async () => {
    const n = server.requests.length;
    const r = await runCli(['extract', '--provider', 'local', '--input', fixturePath('gold', 'posting.txt')]);
    expect(r.code).toBe(0);
    expect(r.lines()[0].meta.provider).toBe('local');
    expect(server.requests.length).toBe(n);
  });

  it("--details adds each value's confidence and count, parallel to the lists", async () => {
    const r = await runCli([
      'extract',
      '--provider',
      'local',
      '--details',
      '--input',
      fixturePath('gold', 'posting.txt'),
    ]);
    expect(r.code).toBe(0);
    const line = r.lines()[0];
    for (const t of ['diploma', 'diploma_major', 'experience', 'skills']) {
      expect(line.details[t].map((d: { value: string }) => d.value)).toEqual(line[t]);
      for (const d of line.details[t]) {
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.count).toBeGreaterThanOrEqual(1);
      }
    }
    // The experience rule is exact: confidence 1.
    expect(line.details.experience[0]).toMatchObject({ value: '2 + years', confidence: 1 });
  });

  it('--details goes with jsonl only (usage error with csv)', async () => {
    const r = await runCli([
      'extract',
      '--provider',
      'local',
      '--details',
      '--format',
      'csv',
      '--input',
      fixturePath('gold', 'posting.txt'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--details goes with --format jsonl/);
  });

  it('a model answer keeps its values apart from places, pay and the diploma without a degree word', async () => {
    const s = await startOpenAIServer({
      answer: () =>
        " diploma:['kubernetes', 'bs']\ndiploma_major:['san francisco', 'physics']\nskills:['python )', '$120k', 'dental', 'managing']\n END",
    });
    try {
      const r = await runCli([
        'extract',
        '--base-url',
        s.url,
        '--api-key',
        'sk-test-000000',
        '--model',
        'davinci-002',
        '--input',
        fixturePath('gold', 'posting.txt'),
      ]);
      expect(r.code).toBe(0);
      expect(entitiesOf(r.lines()[0])).toEqual({
        diploma: ['bs'],
        diploma_major: ['physics'],
        experience: [],
        skills: ['python', 'managing'],
      });
    } finally {
      await s.close();
    }
  });
});

describe('faults: each exits 1 with its own message', () => {
  const run = (model: string, ...more: string[]) =>
    runCli(['extract', '--input', GOLD_FILE, '--retries', '0', ...flags(model, ...more)]);

  it('401 invalid key', async () => {
    const s = await startOpenAIServer({ apiKey: 'sk-right' });
    try {
      const r = await runCli([
        'extract',
        '--input',
        GOLD_FILE,
        '--base-url',
        s.url,
        '--api-key',
        'sk-wrong-000000',
        '--model',
        'davinci-002',
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^job-entities extract: The API key was rejected by http:\/\/127\.0\.0\.1:\d+\/v1 \(401: Incorrect API key provided/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      // Fatal: the run stopped instead of sending every record.
      expect(s.modelRequests().length).toBeLessThanOrEqual(4);
    } finally {
      await s.close();
    }
  });

  it('403, 404 (naming the model), quota: fatal, one line each', async () => {
    const forbidden = await run('forbidden-model');
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/may not use the model forbidden-model/);
    const missing = await run('no-such-model');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/The model "no-such-model" was not found at http:\/\/127\.0\.0\.1:\d+\/v1/);
    const n = server.modelRequests().length;
    const quota = await runCli(['extract', '--input', GOLD_FILE, '--concurrency', '1', ...flags('insufficient-quota')]);
    expect(quota.code).toBe(1);
    expect(quota.stderr).toMatch(/no quota left \(429 insufficient_quota/);
    expect(server.modelRequests().length - n).toBe(1); // not retried, and the run stopped
  });

  it('rate limit, server error, bad request, timeout: exit 1 with their messages', async () => {
    const limited = await run('always-429');
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/is rate-limiting requests to always-429/);
    expect(limited.lines()[0].error.code).toBe('rate_limit');
    const broken = await run('always-500');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/failed with 500/);
    const bad = await run('bad-request');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/refused the request for bad-request \(400: Invalid value for 'temperature'/);
    const one = join(dir, 'one.jsonl');
    writeFileSync(one, JSON.stringify(GOLD[0]) + '\n');
    server.setBehavior('slow-model', { delayMs: 3_000 });
    const slow = await runCli(['extract', '--input', one, '--timeout', '1', '--retries', '0', ...flags('slow-model')]);
    expect(slow.code).toBe(1);
    expect(slow.stderr).toMatch(/did not answer within 1 s/);
  });

  it('unreachable server (a closed port)', async () => {
    const port = await closedPort();
    const r = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      '--base-url',
      `http://127.0.0.1:${port}/v1`,
      '--model',
      'davinci-002',
      '--retries',
      '0',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Could not reach http://127.0.0.1:${port}/v1: the connection was refused`);
  });

  it('an unreadable input file', async () => {
    const r = await runCli(['extract', '--input', join(dir, 'missing.jsonl'), ...flags('davinci-002')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot read .*missing\.jsonl: no such file/);
  });

  it('--debug adds the stack trace', async () => {
    const r = await run('no-such-model', '--debug');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

// Independent short runs: concurrently, to keep the suite quick.
describe.concurrent('usage errors exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--nope'], /Unknown option '--nope'/],
    [
      'bad concurrency',
      ['--concurrency', '0', '--input', GOLD_FILE],
      /--concurrency takes a whole number from 1 to 64, got "0"/,
    ],
    [
      'too much concurrency',
      ['--concurrency', '65', '--input', GOLD_FILE],
      /--concurrency takes a whole number from 1 to 64, got "65"/,
    ],
    ['bad mode', ['--mode', 'fast', '--model', 'x', '--input', GOLD_FILE], /--mode: must be auto, completion or chat/],
    [
      'bad base URL',
      ['--base-url', 'localhost:8000', '--model', 'x', '--input', GOLD_FILE],
      /--base-url \(or OPENAI_BASE_URL\) must start with http:\/\/ or https:\/\//,
    ],
    [
      'base URL not a URL',
      ['--base-url', 'nowhere', '--model', 'x', '--input', GOLD_FILE],
      /--base-url \(or OPENAI_BASE_URL\): The base URL must be a full URL/,
    ],
    ['bad format', ['--format', 'xml', '--input', GOLD_FILE], /--format takes/],
    ['openai without a model', ['--provider', 'openai', '--input', GOLD_FILE], /--provider openai needs a model/],
    ['bad timeout', ['--timeout', 'soon', '--model', 'x', '--input', GOLD_FILE], /--timeout takes a number/],
    ['no input', [], /no input: pass --input FILE/],
    ['positional argument', ['file.jsonl'], /unexpected argument "file.jsonl"/],
    ['bad --url', ['--url', 'not a url'], /--url takes the page's full address/],
    ['bad scope', ['--scope', 'all', '--input', GOLD_FILE], /--scope: must be focused or whole, got "all"/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async ({ expect }) => {
      const r = await runCli(['extract', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Run `job-entities extract --help` for usage/);
    });
  }

  it('--help prints the usage and exits 0', async ({ expect }) => {
    const r = await runCli(['extract', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: job-entities extract/);
    expect(r.stdout).toMatch(/OPENAI_API_KEY/);
  });
});

describe('progress on stderr', () => {
  it('draws a bar only when stderr is a terminal', () => {
    const written: string[] = [];
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    tty.on('data', (d) => written.push(String(d)));
    const bar = createProgress(tty, 26);
    bar.update(13);
    expect(written.join('')).toMatch(/\r\[#{15}\.{15}\] 13\/26 /);
    const pipe = new PassThrough();
    const none: string[] = [];
    pipe.on('data', (d) => none.push(String(d)));
    createProgress(pipe, 26).update(13);
    expect(none).toEqual([]);
  });
});
