// `job-entities finetune ...` end to end: the built CLI against the project's OpenAI-compatible test
// server with the file and fine-tuning routes (test/server/fine-tuning.ts), through the real SDK.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { ExtractionError } from '../../src/core/errors';
import { FineTuningClient, type FineTuningJob, type FineTuningJobEvent } from '../../src/core/finetune';
import { progressReporter } from '../../src/cli/finetune/progress';
import { CHAT_SYSTEM_PROMPT } from '../../src/core/prompt';
import { fixturePath } from '../shared';
import { createFineTuningRoutes, type FineTuningState } from '../server/fine-tuning';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { ensureCliBuilt, runCli } from './spawn-cli';

const KEY = 'sk-test-finetune';
const fx = (name: string) => fixturePath('dataset', name);

let server: OpenAIServer;
let state: FineTuningState;
let poorServer: OpenAIServer;
beforeAll(async () => {
  await ensureCliBuilt();
  const ft = createFineTuningRoutes({ failModels: ['babbage-002'] });
  state = ft.state;
  server = await startOpenAIServer({ apiKey: KEY, routes: ft.routes });
  poorServer = await startOpenAIServer({ apiKey: KEY, routes: createFineTuningRoutes({ noQuota: true }).routes });
}, 60_000);
afterAll(async () => {
  await server.close();
  await poorServer.close();
});

const conn = (s: OpenAIServer = server) => ['--base-url', s.url, '--api-key', KEY];
/** `finetune start` on the clean training fixture, with the rest of the arguments. */
const startOnClean = (args: string[]) => runCli(['finetune', 'start', '--training', fx('clean.jsonl'), ...args]);
const jobIdOf = (stdout: string) => /ftjob-[A-Za-z0-9]+/.exec(stdout)?.[0] ?? '';
const uploads = (s: OpenAIServer) => s.requests.filter((r) => r.method === 'POST' && r.path === '/v1/files').length;

describe('finetune start', () => {
  it('--wait on a completion model: checks, uploads the file as it is, follows the job to the model id', async () => {
    const r = await startOnClean([
      '--model',
      'davinci-002',
      '--suffix',
      'jobs',
      '--epochs',
      '2',
      '--wait',
      '--poll',
      '0.05',
      ...conn(),
    ]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const id = jobIdOf(r.stdout);
    const job = state.jobs.get(id)!;
    expect(job.status).toBe('succeeded');
    expect(job.hyperparameters.n_epochs).toBe(2);
    expect(r.stdout).toContain(`Fine-tuned model: ${job.fine_tuned_model}`);
    expect(job.fine_tuned_model).toMatch(/^ft:davinci-002:test:jobs:[A-Za-z0-9]{8}$/);
    expect(r.stdout).toContain('options page -> Model');
    expect(r.stdout).toContain(`--base-url ${server.url}`);
    // The multipart upload arrived byte for byte.
    expect(state.files.get(job.training_file)!.content).toBe(readFileSync(fx('clean.jsonl'), 'utf8'));
    expect(state.files.get(job.training_file)!.purpose).toBe('fine-tune');
    // Progress: status changes, the metrics, the events.
    for (const s of [
      'status: queued',
      'status: running',
      'status: succeeded',
      'step 3/3 [####################]',
      'New fine-tuned model created',
      'The job has successfully completed',
    ])
      expect(r.stderr).toContain(s);
    expect(r.stderr).toContain('1 warning(s) (few-examples)');
  });

  it('a chat base model gets the chat format: the inference system message and the same entities', async () => {
    const r = await startOnClean([
      '--validation',
      fx('small.jsonl'),
      '--model',
      'gpt-4o-mini-2024-07-18',
      '--wait',
      '--poll',
      '0.05',
      ...conn(),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Converted 12 example(s)');
    const job = state.jobs.get(jobIdOf(r.stdout))!;
    expect(job.validation_file).toBeTruthy();
    const lines = state.files
      .get(job.training_file)!
      .content.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const orig = readFileSync(fx('clean.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    lines.forEach((l, i) => {
      expect(l.messages[0].content).toBe(CHAT_SYSTEM_PROMPT);
      expect(parseCompletion(l.messages[2].content).entities).toEqual(parseCompletion(orig[i].completion).entities);
    });
    expect(r.stdout).toMatch(/Fine-tuned model: ft:gpt-4o-mini-2024-07-18:test::/);
  });

  it('refuses a file with errors before uploading anything', async () => {
    const before = uploads(server);
    const r = await runCli([
      'finetune',
      'start',
      '--training',
      fx('broken.jsonl'),
      '--model',
      'davinci-002',
      ...conn(),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has 4 error(s)');
    expect(r.stderr).toContain('line 2: not valid JSON');
    expect(r.stderr).toContain('Refusing to fine-tune');
    expect(uploads(server)).toBe(before);
  });

  it("a job the server fails in validation: exit 1 with the server's reason", async () => {
    const r = await runCli([
      'finetune',
      'start',
      '--training',
      fx('small.jsonl'),
      '--model',
      'davinci-002',
      '--wait',
      '--poll',
      '0.05',
      ...conn(),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /The fine-tuning job ftjob-\w+ failed: .*must have at least 10 examples.*\(invalid_training_file\)/,
    );
    expect(r.stderr).toContain('status: failed');
  });

  it('a job that fails while training: exit 1 with the error', async () => {
    const r = await startOnClean(['--model', 'babbage-002', '--wait', '--poll', '0.05', ...conn()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('status: running');
    expect(r.stderr).toMatch(
      /failed: Fine-tuning of babbage-002 failed: the training run diverged .*\(training_failed\)/,
    );
  });

  it("a model that cannot be fine-tuned: the server's message", async () => {
    const r = await startOnClean(['--model', 'gpt-9-imaginary', ...conn()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'The server refused to create a fine-tuning job on gpt-9-imaginary (400: Model gpt-9-imaginary is not available for fine-tuning or does not exist.)',
    );
  });

  it('a bad key and an account without quota are said plainly', async () => {
    const bad = await startOnClean(['--model', 'davinci-002', '--base-url', server.url, '--api-key', 'sk-wrong']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The API key was rejected');
    expect(bad.stderr).toContain('401: Incorrect API key provided');
    const poor = await startOnClean(['--model', 'davinci-002', ...conn(poorServer)]);
    expect(poor.code).toBe(1);
    expect(poor.stderr).toContain('no quota left');
    expect(poor.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['finetune', 'start', '--model', 'davinci-002', ...conn()])).code).toBe(2);
    expect((await startOnClean([...conn()])).code).toBe(2);
    expect((await startOnClean(['--model', 'davinci-002', '--epochs', 'many', ...conn()])).code).toBe(2);
    expect((await runCli(['finetune', 'launch'])).code).toBe(2);
  });
});

describe('finetune status, events, list, cancel', () => {
  it('start without --wait, then status, events, cancel, and a second cancel refused', async () => {
    const start = await startOnClean(['--model', 'davinci-002', ...conn()]);
    expect(start.code).toBe(0);
    const id = jobIdOf(start.stdout);
    expect(start.stdout).toContain(`finetune status ${id}`);

    const status = await runCli(['finetune', 'status', id, ...conn()]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Job ${id}`);
    expect(status.stdout).toMatch(/status:\s+queued/);
    const json = await runCli(['finetune', 'status', id, '--json', ...conn()]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id,
      object: 'fine_tuning.job',
      status: 'running',
      model: 'davinci-002',
    });

    const events = await runCli(['finetune', 'events', id, ...conn()]);
    expect(events.code).toBe(0);
    const lines = events.stdout.trim().split('\n');
    expect(lines[0]).toContain('Validating training file');
    expect(lines.at(-1)).toContain('Fine-tuning job started');

    const cancel = await runCli(['finetune', 'cancel', id, ...conn()]);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toBe(`Job ${id}: cancelled.\n`);
    expect(state.jobs.get(id)!.status).toBe('cancelled');
    const again = await runCli(['finetune', 'cancel', id, ...conn()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('has already been cancelled');
  });

  it('list shows the jobs newest first; --json has the page', async () => {
    const r = await runCli(['finetune', 'list', ...conn()]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^JOB\s+STATUS\s+BASE MODEL\s+FINE-TUNED MODEL\s+CREATED$/);
    const newest = [...state.jobs.values()].at(-1)!;
    expect(rows[1].startsWith(newest.id)).toBe(true);
    const json = JSON.parse((await runCli(['finetune', 'list', '--limit', '2', '--json', ...conn()])).stdout);
    expect(json.data).toHaveLength(2);
    expect(json.has_more).toBe(state.jobs.size > 2);
  });

  it('an unknown job id: exit 1 with what to do', async () => {
    const r = await runCli(['finetune', 'status', 'ftjob-nope', ...conn()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No fine-tuning job "ftjob-nope"');
    expect(r.stderr).toContain('finetune list');
  });
});

describe('FineTuningClient (the core, in process)', () => {
  it("a file the server rejects: the server's reason in the error", async () => {
    const client = new FineTuningClient({ baseURL: server.url, apiKey: KEY, maxRetries: 0 });
    const err = await client
      .uploadTrainingFile('data.jsonl', '{"prompt": "a", "completion": " b"}\nnot json\n')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionError);
    expect((err as ExtractionError).code).toBe('bad_request');
    expect((err as ExtractionError).message).toBe(
      'The server rejected the file data.jsonl (400: Invalid file format for Fine-Tuning API. Must be .jsonl: line 2 is not valid JSON.).',
    );
  });

  it('followJob reports each status once and stops when aborted', async () => {
    const client = new FineTuningClient({ baseURL: server.url, apiKey: KEY });
    const file = await client.uploadTrainingFile('clean.jsonl', readFileSync(fx('clean.jsonl'), 'utf8'));
    expect(await client.client.files.retrieve(file.id)).toMatchObject({
      id: file.id,
      object: 'file',
      filename: 'clean.jsonl',
      purpose: 'fine-tune',
      status: 'processed',
    });
    const job = await client.createJob({ model: 'davinci-002', trainingFile: file.id });
    const statuses: string[] = [];
    const final = await client.followJob(job.id, (u) => u.statusChanged && statuses.push(u.job.status), undefined, 1);
    expect(statuses).toEqual(['queued', 'running', 'succeeded']);
    expect(final.fine_tuned_model).toMatch(/^ft:davinci-002:test::/);

    const job2 = await client.createJob({ model: 'davinci-002', trainingFile: file.id });
    const controller = new AbortController();
    const stopped = client
      .followJob(job2.id, () => controller.abort(), controller.signal, 60_000)
      .catch((e: unknown) => e);
    const e = (await stopped) as ExtractionError;
    expect(e.code).toBe('cancelled');
    expect(e.message).toContain('keeps running on the server');
  });
});

describe('the progress display', () => {
  const job = (status: FineTuningJob['status']) => ({ id: 'ftjob-1', status }) as FineTuningJob;
  const metrics = (step: number): FineTuningJobEvent => ({
    id: `e${step}`,
    object: 'fine_tuning.job.event',
    created_at: 0,
    level: 'info',
    message: `Step ${step}/2`,
    type: 'metrics',
    data: { step, total_steps: 2, train_loss: 1 / step },
  });
  const run = (isTTY: boolean) => {
    let out = '';
    const report = progressReporter({
      stderr: Object.assign(new PassThrough(), { isTTY, write: (s: string) => ((out += s), true) }) as never,
    });
    report({ job: job('running'), events: [metrics(1)], statusChanged: true });
    report({ job: job('running'), events: [metrics(2)], statusChanged: false });
    report({ job: job('succeeded'), events: [], statusChanged: true });
    return out.replace(/\[\d\d:\d\d\] /g, '');
  };

  it('redraws the step bar in place on a terminal', () => {
    expect(run(true)).toBe(
      '\rstep 1/2 [##########----------]  loss 1.000\nstatus: running\n\rstep 2/2 [####################]  loss 0.500\nstatus: succeeded\n',
    );
  });

  it('writes one line per step in a log', () => {
    expect(run(false)).toBe(
      'step 1/2 [##########----------]  loss 1.000\nstatus: running\nstep 2/2 [####################]  loss 0.500\nstatus: succeeded\n',
    );
  });
});

describe('OpenAI API conformance', () => {
  it('--epochs above 50 (the API limit) is refused before anything is uploaded', async () => {
    const before = uploads(server);
    const r = await startOnClean(['--model', 'davinci-002', '--epochs', '60', ...conn()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--epochs takes 1 to 50');
    expect(uploads(server)).toBe(before);
  });

  it('the uploaded file is deleted when the job cannot be created, kept with --keep-files', async () => {
    const deletes = () =>
      poorServer.requests.filter((q) => q.method === 'DELETE' && q.path.startsWith('/v1/files/')).length;
    const before = deletes();
    const r = await startOnClean(['--model', 'davinci-002', ...conn(poorServer)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Deleted the uploaded file file-\w+: no job uses it/);
    expect(deletes()).toBe(before + 1);
    const kept = await startOnClean(['--model', 'davinci-002', '--keep-files', ...conn(poorServer)]);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toMatch(/Kept the uploaded file\(s\) file-\w+ \(--keep-files\)/);
    expect(deletes()).toBe(before + 1);
  });

  it('finetune list --after pages through the jobs', async () => {
    const all = [...state.jobs.values()].reverse().map((j) => j.id);
    expect(all.length).toBeGreaterThan(2);
    const first = JSON.parse((await runCli(['finetune', 'list', '--limit', '1', '--json', ...conn()])).stdout);
    expect(first.data.map((j: { id: string }) => j.id)).toEqual([all[0]]);
    const next = JSON.parse(
      (await runCli(['finetune', 'list', '--limit', '2', '--after', all[0], '--json', ...conn()])).stdout,
    );
    expect(next.data.map((j: { id: string }) => j.id)).toEqual(all.slice(1, 3));
    const text = await runCli(['finetune', 'list', '--limit', '1', ...conn()]);
    expect(text.stdout).toContain(`finetune list --after ${all[0]}`);
  });

  it('finetune events --after pages back; followJob sees every event however many came between polls', async () => {
    const client = new FineTuningClient({ baseURL: server.url, apiKey: KEY });
    const file = await client.uploadTrainingFile('clean.jsonl', readFileSync(fx('clean.jsonl'), 'utf8'));
    const job = await client.createJob({ model: 'davinci-002', trainingFile: file.id });
    for (let i = 0; i < 6; i++) await client.retrieve(job.id);
    const all = state.events.get(job.id)!.map((e) => e.id);
    const page1 = await client.listEventsPage(job.id, { limit: 3 });
    const page2 = await client.listEventsPage(job.id, { limit: 3, after: page1.events.at(-1)!.id });
    expect([...page1.events, ...page2.events].map((e) => e.id)).toEqual([...all].reverse().slice(0, 6));
    const cli = await runCli(['finetune', 'events', job.id, '--limit', '2', '--after', page1.events[1].id, ...conn()]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(state.events.get(job.id)!.find((e) => e.id === page1.events[2].id)!.message);
    // More events than one page holds since the last poll: paged, none lost, oldest first.
    const seen = new Set(all.slice(0, 1));
    expect((await client.newEvents(job.id, seen)).map((e) => e.id)).toEqual(all.slice(1));
  });

  it('start --wait over many polls: one abort listener at a time, no MaxListenersExceededWarning', async () => {
    const ft = createFineTuningRoutes({ trainingSteps: 15 });
    const many = await startOpenAIServer({ apiKey: KEY, routes: ft.routes });
    try {
      const r = await startOnClean(['--model', 'davinci-002', '--wait', '--poll', '0.01', ...conn(many)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('step 15/15');
      expect(r.stderr).not.toContain('MaxListenersExceededWarning');
    } finally {
      await many.close();
    }
  });
});
