// `extract --batch` and `job-entities batch` end to end: the built CLI against the test server's
// Batch API (test/server/batch.ts), whose requests are answered by the same model endpoints as
// `extract`'s, output lines shuffled.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { fixturePath, PROJECT_DIR } from '../shared';
import { createBatchRoutes, type StoredBatch } from '../server/batch';
import { createFineTuningRoutes, type FineTuningState } from '../server/fine-tuning';
import { goldAnswerer, startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { ensureCliBuilt, runCli } from './spawn-cli';

const GOLD_FILE = fixturePath('gold', 'postings.jsonl');
const GOLD = readFileSync(GOLD_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
const goldEntities = GOLD.map((g) => parseCompletion(g.completion).entities);
const entitiesOf = (line: Record<string, any>) => ({
  diploma: line.diploma,
  diploma_major: line.diploma_major,
  experience: line.experience,
  skills: line.skills,
});

let server: OpenAIServer;
let files: FineTuningState;
let batches: Map<string, StoredBatch>;
let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  const ft = createFineTuningRoutes();
  files = ft.state;
  const b = createBatchRoutes(ft);
  batches = b.batches;
  server = await startOpenAIServer({ answer: goldAnswerer(GOLD), routes: [...ft.routes, ...b.routes] });
  // A model whose context one long posting overflows: its request fails inside the batch.
  server.setBehavior('tight-model', { contextTokens: 300 });
  dir = mkdtempSync(join(tmpdir(), 'je-batch-'));
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const flags = (model: string, state: string, ...more: string[]) => [
  '--base-url',
  server.url,
  '--api-key',
  'sk-test',
  '--model',
  model,
  '--batch',
  '--batch-state',
  state,
  '--batch-poll',
  '0.05',
  ...more,
];
const creates = () => server.requests.filter((q) => q.method === 'POST' && q.path === '/v1/batches').length;
const statePath = (name: string) => join(dir, `${name}.json`);
const readStateFile = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

describe('extract --batch', () => {
  it('several batch files (small --batch-max-requests), shuffled output restored to input order, the same entities as extract', async () => {
    const before = creates();
    const state = statePath('gold');
    const r = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      ...flags('davinci-002', state, '--batch-max-requests', '5'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Batch state: ${state}`);
    expect(r.stderr).toContain('13 request(s) for 13 posting(s) in 3 batch(es)');
    expect(creates() - before).toBe(3);
    const lines = r.lines();
    expect(lines).toHaveLength(GOLD.length);
    lines.forEach((line, i) => expect(entitiesOf(line)).toEqual(goldEntities[i]));
    expect(lines[0].meta).toMatchObject({ provider: 'openai', model: 'davinci-002', finishReason: 'stop', chunks: 1 });

    // Each batch input file holds at most 5 requests, built exactly as extract builds them.
    const parts = readStateFile(state).parts as { batchId: string; requests: number }[];
    expect(parts.map((p) => p.requests)).toEqual([5, 5, 3]);
    const direct = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      '--concurrency',
      '1',
      '--base-url',
      server.url,
      '--api-key',
      'sk-test',
      '--model',
      'davinci-002',
    ]);
    const directBodies = server
      .modelRequests()
      .slice(-GOLD.length)
      .map((q) => q.body);
    const batchBodies = parts.flatMap((p) =>
      files.files
        .get(batches.get(p.batchId)!.input_file_id)!
        .content.trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    );
    expect(batchBodies.map((l) => l.body)).toEqual(directBodies);
    expect(batchBodies.map((l) => l.custom_id)).toEqual(GOLD.map((_, i) => String(i + 1)));
    expect(batchBodies.every((l) => l.method === 'POST' && l.url === '/v1/completions')).toBe(true);
    // Line for line what extract prints: entities, section attribution, meta (scope, read, usage).
    expect(lines).toEqual(direct.lines());
    // The server really shuffled: the output files are not in custom_id order.
    const outputIds = parts.flatMap((p) =>
      files.files
        .get(batches.get(p.batchId)!.output_file_id!)!
        .content.trim()
        .split('\n')
        .map((l) => JSON.parse(l).custom_id),
    );
    expect(outputIds).not.toEqual([...outputIds].sort((a, b) => Number(a) - Number(b)));
    expect(batches.get(parts[0].batchId)).toMatchObject({
      endpoint: '/v1/completions',
      completion_window: '24h',
      status: 'completed',
    });

    // Run again: everything is collected from the state, nothing submitted twice.
    const again = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      ...flags('davinci-002', state, '--batch-max-requests', '5'),
    ]);
    expect(again.code).toBe(0);
    expect(again.lines().map(entitiesOf)).toEqual(lines.map(entitiesOf));
    expect(creates() - before).toBe(3);
  });

  it("a failed request gets its error line with the server's message; bad records are reported at submit time and kept out", async () => {
    const input = join(dir, 'mixed.jsonl');
    const long = 'Senior engineer with Kubernetes, Terraform, Go and Python. '.repeat(40);
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: 'Python developer, 3+ years' }),
        JSON.stringify({ id: 'b', text: long }),
        '{"text": ',
        JSON.stringify({ id: 'd', text: '   ' }),
        JSON.stringify({ id: 'e', text: 'SQL analyst' }),
      ].join('\n') + '\n',
    );
    const r = await runCli([
      'extract',
      '--input',
      input,
      ...flags('tight-model', statePath('mixed'), '--mode', 'completion', '--max-tokens', '64'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/line 3: not sent \(line 3 is not valid JSON/);
    expect(r.stderr).toContain('line 4: not sent (the posting text is empty)');
    expect(r.stderr).toContain('3 of 5 records failed');
    const lines = r.lines();
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', undefined, 'd', 'e']);
    expect(lines[0].error).toBeUndefined();
    expect(lines[1].error.code).toBe('bad_request');
    expect(lines[1].error.message).toContain("This model's maximum context length is 300 tokens");
    expect(lines[1].error.message).not.toMatch(/retr/);
    expect(lines[2].error.code).toBe('invalid_input');
    expect(lines[3].error.message).toContain('not sent in the batch: the posting text is empty');
    expect(lines[4].error).toBeUndefined();
    // Only the two good records and the one the server refuses were sent.
    const state = readStateFile(statePath('mixed'));
    expect(state.parts[0].requests).toBe(3);
    const custom = files.files
      .get(batches.get(state.parts[0].batchId)!.input_file_id)!
      .content.trim()
      .split('\n')
      .map((l) => JSON.parse(l).custom_id);
    expect(custom).toEqual(['1:a', '2:b', '5:e']);
  });

  it('resumes after the process is killed mid-wait, without submitting again', async () => {
    const state = statePath('killed');
    const before = creates();
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_DIR, 'bin', 'job-entities.js'),
        'extract',
        '--input',
        GOLD_FILE,
        ...flags('davinci-002', state, '--batch-max-requests', '4', '--batch-poll', '30'),
      ],
      { stdio: 'ignore' },
    );
    // Killed once every part is submitted and it is waiting (the next poll is 30 s away).
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(existsSync(state) && readStateFile(state).submitted))
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readStateFile(state).parts.every((p: { batchId?: string }) => p.batchId)).toBe(true);
    expect(creates() - before).toBe(4);

    const r = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      ...flags('davinci-002', state, '--batch-max-requests', '4'),
    ]);
    expect(r.code).toBe(0);
    expect(r.lines().map(entitiesOf)).toEqual(goldEntities);
    expect(creates() - before).toBe(4);
  });

  it('--no-wait, then batch status and batch collect', async () => {
    const state = statePath('nowait');
    const r = await runCli(['extract', '--input', GOLD_FILE, ...flags('gpt-4o-mini-2024-07-18', state, '--no-wait')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`job-entities batch collect --batch-state ${state}`);
    const status = await runCli(['batch', 'status', '--batch-state', state]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^batch 1\/1 batch_\w+: in_progress, 0\/13 done \(lines 1-13\)\n$/);
    const collected = await runCli([
      'batch',
      'collect',
      '--batch-state',
      state,
      '--batch-poll',
      '0.05',
      '--format',
      'csv',
    ]);
    expect(collected.code).toBe(0);
    const rows = collected.stdout.trim().split('\n');
    expect(rows[0].replace(/"/g, '')).toMatch(/^Title,Company,Location,URL,Diploma,Major,Experience,Skills/);
    expect(rows).toHaveLength(GOLD.length + 1);
    expect(rows[1]).toContain('"BS","computer science"');
    const batch = batches.get(readStateFile(state).parts[0].batchId)!;
    expect(batch.endpoint).toBe('/v1/chat/completions');
  });

  it('batch cancel: answers made before stay, the others are reported without a result', async () => {
    const state = statePath('cancel');
    expect((await runCli(['extract', '--input', GOLD_FILE, ...flags('davinci-002', state, '--no-wait')])).code).toBe(0);
    // Two polls: validated, then the first half of the requests answered.
    await runCli(['batch', 'status', '--batch-state', state]);
    await runCli(['batch', 'status', '--batch-state', state]);
    const cancel = await runCli(['batch', 'cancel', '--batch-state', state]);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(/batch 1\/1 batch_\w+: cancelling/);
    const r = await runCli(['batch', 'collect', '--batch-state', state, '--batch-poll', '0.05']);
    expect(r.code).toBe(0);
    const lines = r.lines();
    expect(lines).toHaveLength(13);
    const answered = lines.filter((l) => !l.error).length;
    expect(answered).toBe(7);
    expect(lines.slice(7).every((l) => l.error.code === 'cancelled' && /was cancelled/.test(l.error.message))).toBe(
      true,
    );
    expect(r.stderr).toMatch(
      /6 record\(s\) have no result \(batch batch_\w+ cancelled\): line\(s\) 8, 9, 10, 11, 12, 13/,
    );
  });

  it('an expired batch: the records without a result are named', async () => {
    const r = await runCli([
      'extract',
      '--input',
      GOLD_FILE,
      ...flags('expiring-batch', statePath('expired'), '--mode', 'completion'),
    ]);
    expect(r.code).toBe(0);
    const lines = r.lines();
    expect(lines.slice(0, 7).every((l) => !l.error)).toBe(true);
    expect(
      lines
        .slice(7)
        .every(
          (l) => l.error.code === 'timeout' && /completion window expired \(batch_expired\)/.test(l.error.message),
        ),
    ).toBe(true);
    expect(r.stderr).toMatch(
      /6 record\(s\) have no result \(batch batch_\w+ expired\): line\(s\) 8, 9, 10, 11, 12, 13/,
    );
  });

  it('a state file from another input is refused with a message naming both', async () => {
    const state = statePath('other');
    expect((await runCli(['extract', '--input', GOLD_FILE, ...flags('davinci-002', state, '--no-wait')])).code).toBe(0);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, JSON.stringify({ text: 'Nurse, 2 years' }) + '\n');
    const n = creates();
    const r = await runCli(['extract', '--input', other, ...flags('davinci-002', state)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`belongs to another input: ${GOLD_FILE}`);
    expect(r.stderr).toContain(`not ${other}`);
    expect(creates()).toBe(n);
  });

  it('reads what extract reads: the focused sections by default, the whole posting with --scope whole', async () => {
    const input = join(dir, 'sections.jsonl');
    const text =
      'About us\nWe roast coffee and ship it across Europe.\n\nRequirements\n- 3+ years of Python\n- BS in Computer Science\n\nBenefits\n- 30 days of holiday\n- Free coffee for everyone';
    writeFileSync(input, JSON.stringify({ id: 's', text }) + '\n');
    const promptOf = (state: string) => {
      const part = readStateFile(state).parts[0];
      return JSON.parse(files.files.get(batches.get(part.batchId)!.input_file_id)!.content.trim()).body
        .prompt as string;
    };
    const focused = await runCli(['extract', '--input', input, ...flags('davinci-002', statePath('focused'))]);
    expect(focused.code).toBe(0);
    expect(promptOf(statePath('focused'))).toContain('3+ years of Python');
    expect(promptOf(statePath('focused'))).not.toContain('30 days of holiday');
    expect(focused.lines()[0].meta.scope).toBe('focused');
    // The same prompt extract sends for that record.
    await runCli([
      'extract',
      '--input',
      input,
      '--base-url',
      server.url,
      '--api-key',
      'sk-test',
      '--model',
      'davinci-002',
    ]);
    expect((server.modelRequests().at(-1)!.body as { prompt: string }).prompt).toBe(promptOf(statePath('focused')));
    const whole = await runCli([
      'extract',
      '--input',
      input,
      ...flags('davinci-002', statePath('whole'), '--scope', 'whole'),
    ]);
    expect(whole.code).toBe(0);
    expect(promptOf(statePath('whole'))).toContain('30 days of holiday');
    expect(whole.lines()[0].meta.scope).toBe('whole');
  });

  it('usage: --batch needs a .jsonl --input and a model; batch flags need --batch', async () => {
    expect(
      (await runCli(['extract', '--batch', '--model', 'davinci-002', '--input', fixturePath('gold', 'posting.txt')]))
        .stderr,
    ).toContain('--batch reads a .jsonl file');
    expect((await runCli(['extract', '--input', GOLD_FILE, '--no-wait'])).code).toBe(2);
    expect(
      (await runCli(['extract', '--input', GOLD_FILE, '--batch', '--model', 'davinci-002', '--batch-poll', '0'])).code,
    ).toBe(2);
    expect(
      (
        await runCli([
          'extract',
          '--input',
          GOLD_FILE,
          '--batch',
          '--model',
          'davinci-002',
          '--batch-max-requests',
          '60000',
        ])
      ).code,
    ).toBe(2);
    expect((await runCli(['batch', 'status'])).code).toBe(2);
  });
});
