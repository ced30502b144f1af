// The fine-tuning API's answers are validated, not trusted as the SDK's types: through the project's
// test server (test/server/openai-server.ts with the routes of test/server/fine-tuning.ts), good
// answers come back whole, and an extra route's malformed answers become one ExtractionError
// naming the endpoint and what was wrong.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/core/errors';
import { describeReplyProblem, FineTuningClient, FineTuningJobSchema } from '../../src/core/finetune';
import { ensureCliBuilt, runCli } from '../cli/spawn-cli';
import { fixturePath } from '../shared';
import { createFineTuningRoutes, type FineTuningState } from '../server/fine-tuning';
import { startOpenAIServer, type OpenAIServer, type RouteHandler } from '../server/openai-server';

const KEY = 'sk-test-replies';
const CHECK = 'Check that the base URL points at an OpenAI-compatible server.';

function reply(res: ServerResponse, body: string, type = 'application/json'): true {
  res.writeHead(200, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
  return true;
}

/** A job as the wire has it, but with what a broken server gets wrong. */
const MALFORMED_JOB = {
  object: 'fine_tuning.job',
  id: 12345,
  model: 'malformed-job',
  training_file: 'file-1',
  created_at: 1_700_000_000,
};

/**
 * The extra route: malformed answers for chosen inputs, everything else left to the real routes.
 *   POST /v1/fine_tuning/jobs with model "malformed-job"    -> a job without status, its id a number
 *   POST /v1/files named malformed.jsonl                     -> bytes as text
 *   GET  /v1/fine_tuning/jobs?after=malformed-page           -> a list whose job lacks training_file
 *   GET  /v1/fine_tuning/jobs/ftjob-html                     -> an HTML page (a wrong base URL)
 *   GET  /v1/fine_tuning/jobs/ftjob-empty                    -> 200 with an empty body
 *   GET  /v1/fine_tuning/jobs/ftjob-badevents[/events]       -> a valid running job; events whose message is a number
 *   POST /v1/fine_tuning/jobs/ftjob-null/cancel              -> null
 *   GET  /proxy/v1/fine_tuning/jobs/ftjob-x                  -> a list (a base URL with a path of its own)
 */
const malformedRoute: RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL) => {
  const path = url.pathname;
  if (req.method === 'POST' && path === '/v1/fine_tuning/jobs') {
    let model: unknown;
    try {
      model = (JSON.parse(body.toString('utf8')) as { model?: unknown }).model;
    } catch {
      return false;
    }
    return model === 'malformed-job' ? reply(res, JSON.stringify(MALFORMED_JOB)) : false;
  }
  if (req.method === 'POST' && path === '/v1/files' && body.includes('filename="malformed.jsonl"'))
    return reply(res, JSON.stringify({ object: 'file', id: 'file-bad', bytes: '12' }));
  if (req.method === 'GET' && path === '/v1/fine_tuning/jobs' && url.searchParams.get('after') === 'malformed-page')
    return reply(
      res,
      JSON.stringify({
        object: 'list',
        data: [{ object: 'fine_tuning.job', id: 'ftjob-1', status: 'running', model: 'davinci-002' }],
        has_more: false,
      }),
    );
  if (req.method === 'GET' && path === '/v1/fine_tuning/jobs/ftjob-html')
    return reply(res, '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head></html>', 'text/html');
  if (req.method === 'GET' && path === '/v1/fine_tuning/jobs/ftjob-empty') return reply(res, '');
  if (req.method === 'GET' && path === '/v1/fine_tuning/jobs/ftjob-badevents')
    return reply(
      res,
      JSON.stringify({
        object: 'fine_tuning.job',
        id: 'ftjob-badevents',
        status: 'running',
        model: 'davinci-002',
        training_file: 'file-1',
        created_at: 1,
        finished_at: null,
        fine_tuned_model: null,
        error: null,
      }),
    );
  if (req.method === 'GET' && path === '/v1/fine_tuning/jobs/ftjob-badevents/events')
    return reply(
      res,
      JSON.stringify({
        object: 'list',
        data: [
          {
            object: 'fine_tuning.job.event',
            id: 'ftevent-1',
            created_at: 1,
            level: 'info',
            message: 42,
            type: 'message',
            data: null,
          },
        ],
        has_more: false,
      }),
    );
  if (req.method === 'POST' && path === '/v1/fine_tuning/jobs/ftjob-null/cancel') return reply(res, 'null');
  if (req.method === 'GET' && path === '/proxy/v1/fine_tuning/jobs/ftjob-x') return reply(res, '[]');
  return false;
};

let server: OpenAIServer;
let state: FineTuningState;
let client: FineTuningClient;
beforeAll(async () => {
  const ft = createFineTuningRoutes();
  state = ft.state;
  server = await startOpenAIServer({ apiKey: KEY, routes: [malformedRoute, ...ft.routes] });
  client = new FineTuningClient({ baseURL: server.url, apiKey: KEY, maxRetries: 0, timeoutMs: 10_000 });
});
afterAll(async () => {
  await server.close();
});

/** The ExtractionError a call rejects with. */
async function failure(p: Promise<unknown>): Promise<ExtractionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionError);
  return err as ExtractionError;
}

const clean = () => readFileSync(fixturePath('dataset', 'clean.jsonl'), 'utf8');

describe('well-formed answers pass validation whole', () => {
  it("upload, create, retrieve, list, events and cancel return the server's objects with every field", async () => {
    const file = await client.uploadTrainingFile('clean.jsonl', clean());
    expect(file).toMatchObject({
      object: 'file',
      purpose: 'fine-tune',
      filename: 'clean.jsonl',
      bytes: Buffer.byteLength(clean()),
    });
    const job = await client.createJob({ model: 'davinci-002', trainingFile: file.id, suffix: 'replies', epochs: 2 });
    expect(job.status).toBe('validating_files');
    // Fields the schema does not name pass through, in the server's key order (what --json prints).
    expect(job).toMatchObject({
      object: 'fine_tuning.job',
      user_provided_suffix: 'replies',
      method: { type: 'supervised' },
    });
    expect(Object.keys(job)).toEqual(Object.keys(state.jobs.get(job.id)!));
    const again = await client.retrieve(job.id);
    expect(again.status).toBe('queued');
    const { jobs, hasMore } = await client.list({ limit: 5 });
    expect(jobs.map((j) => j.id)).toContain(job.id);
    expect(hasMore).toBe(false);
    const events = await client.listEvents(job.id);
    expect(events.map((e) => e.message)).toEqual([
      'Validating training file: ' + file.id,
      `Created fine-tuning job: ${job.id}`,
      'Files validated, moving job to queued state',
    ]);
    const cancelled = await client.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
  });

  it('follows a job to the end through validated answers', async () => {
    const file = await client.uploadTrainingFile('clean.jsonl', clean());
    const job = await client.createJob({ model: 'davinci-002', trainingFile: file.id });
    const final = await client.followJob(job.id, () => {}, undefined, 1);
    expect(final.status).toBe('succeeded');
    expect(final.fine_tuned_model).toMatch(/^ft:davinci-002:/);
  });

  it('the job schema takes the open fields as a compatible server may send them', () => {
    // No error, no finished_at, a status of its own: still a job.
    expect(
      FineTuningJobSchema.safeParse({ id: 'ftjob-x', status: 'pending', model: 'm', training_file: 'f' }).success,
    ).toBe(true);
  });
});

describe('a malformed answer is an ExtractionError naming the endpoint and the problem', () => {
  it('POST /v1/fine_tuning/jobs answering a job without status', async () => {
    const file = await client.uploadTrainingFile('clean.jsonl', clean());
    const err = await failure(client.createJob({ model: 'malformed-job', trainingFile: file.id }));
    expect(err.code).toBe('unknown');
    expect(err.message).toBe(
      `The server's answer to POST /v1/fine_tuning/jobs is not a fine-tuning job: "id" is a number, not text; "status" is missing. ${CHECK}`,
    );
  });

  it('POST /v1/files answering bytes as text', async () => {
    const err = await failure(client.uploadTrainingFile('malformed.jsonl', clean()));
    expect(err.message).toBe(
      `The server's answer to POST /v1/files is not a file object: "bytes" is text, not a number. ${CHECK}`,
    );
  });

  it('GET /v1/fine_tuning/jobs answering a list whose job lacks a field', async () => {
    const err = await failure(client.list({ after: 'malformed-page' }));
    expect(err.message).toBe(
      `The server's answer to GET /v1/fine_tuning/jobs is not a list of fine-tuning jobs: "data[0].training_file" is missing. ${CHECK}`,
    );
  });

  it('an HTML page instead of JSON (a base URL pointing at a web server)', async () => {
    const err = await failure(client.retrieve('ftjob-html'));
    expect(err.message).toBe(
      `The server's answer to GET /v1/fine_tuning/jobs/ftjob-html is not a fine-tuning job: it is not JSON (it starts with "<!DOCTYPE html> <html><head><title>Welcome to nginx!</title>..."). ${CHECK}`,
    );
  });

  it('an empty answer', async () => {
    const err = await failure(client.retrieve('ftjob-empty'));
    expect(err.message).toBe(
      `The server's answer to GET /v1/fine_tuning/jobs/ftjob-empty is not a fine-tuning job: it is empty. ${CHECK}`,
    );
  });

  it('null where a job was expected', async () => {
    const err = await failure(client.cancel('ftjob-null'));
    expect(err.message).toBe(
      `The server's answer to POST /v1/fine_tuning/jobs/ftjob-null/cancel is not a fine-tuning job: it is null, not a JSON object. ${CHECK}`,
    );
  });

  it('events whose message is not text; following the job stops with that error, not as cancelled', async () => {
    const err = await failure(client.listEvents('ftjob-badevents'));
    expect(err.message).toBe(
      `The server's answer to GET /v1/fine_tuning/jobs/ftjob-badevents/events is not a list of fine-tuning job events: "data[0].message" is a number, not text. ${CHECK}`,
    );
    const followed = await failure(client.followJob('ftjob-badevents', () => {}, new AbortController().signal, 1));
    expect(followed.message).toBe(err.message);
  });

  it("the endpoint keeps the base URL's own path", async () => {
    const viaProxy = new FineTuningClient({
      baseURL: server.url.replace(/\/v1$/, '/proxy/v1'),
      apiKey: KEY,
      maxRetries: 0,
    });
    const err = await failure(viaProxy.retrieve('ftjob-x'));
    expect(err.message).toBe(
      `The server's answer to GET /proxy/v1/fine_tuning/jobs/ftjob-x is not a fine-tuning job: it is a list, not a JSON object. ${CHECK}`,
    );
  });

  it('lists at most three problems', () => {
    const issues = FineTuningJobSchema.safeParse({}).error!.issues;
    expect(describeReplyProblem({ json: true, value: {} }, issues)).toBe(
      '"id" is missing; "status" is missing; "model" is missing; and 1 more',
    );
  });
});

describe('the CLI shows the message, without a stack trace', () => {
  beforeAll(async () => {
    await ensureCliBuilt();
  }, 60_000);

  it('finetune status on a server answering HTML: exit 1 and the message', async () => {
    const r = await runCli([
      'finetune',
      'status',
      'ftjob-html',
      '--base-url',
      server.url,
      '--api-key',
      KEY,
      '--retries',
      '0',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "The server's answer to GET /v1/fine_tuning/jobs/ftjob-html is not a fine-tuning job: it is not JSON",
    );
    expect(r.stderr).toContain(CHECK);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
