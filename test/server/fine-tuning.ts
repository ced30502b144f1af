// OpenAI's file and fine-tuning endpoints for the test server (test/server/openai-server.ts takes
// them through its `routes` option), faithful to the wire format the official SDK speaks:
//   POST /v1/files (multipart/form-data, parsed for real; JSONL validated as OpenAI does on upload)
//   GET  /v1/files, GET /v1/files/:id, GET /v1/files/:id/content, DELETE /v1/files/:id
//   POST /v1/fine_tuning/jobs, GET /v1/fine_tuning/jobs (cursor pagination), GET /v1/fine_tuning/jobs/:id,
//   GET  /v1/fine_tuning/jobs/:id/events, POST /v1/fine_tuning/jobs/:id/cancel
// A job moves validating_files -> queued -> running -> succeeded one step each time it is
// retrieved (or every `stepMs` when set), with events at each step, like a real job only faster.
// It fails in validation when its file is too small or in the wrong format for the base model, and
// in training when its base model is listed in `failModels`.
//
// Standalone (manual use, demos): node scripts/run-ts.mjs test/server/fine-tuning.ts --port 8787 [--step-ms 2000] [--fail-model M]...
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openaiError, randomId, startOpenAIServer, type RouteHandler } from './openai-server';

export interface StoredFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
  /** A string in OpenAI's spec (deprecated there; never null). */
  status_details: string;
  /** Unix seconds when the server deletes the file: an integer in the spec. */
  expires_at: number;
  /** Not on the wire: the uploaded text. */
  content: string;
}

type JobStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface StoredJob {
  object: 'fine_tuning.job';
  id: string;
  model: string;
  created_at: number;
  finished_at: number | null;
  fine_tuned_model: string | null;
  organization_id: string;
  result_files: string[];
  status: JobStatus;
  validation_file: string | null;
  training_file: string;
  hyperparameters: {
    n_epochs: number | 'auto';
    batch_size: number | 'auto';
    learning_rate_multiplier: number | 'auto';
  };
  trained_tokens: number | null;
  error: { code: string; message: string; param: string | null } | null;
  user_provided_suffix: string | null;
  seed: number;
  estimated_finish: number | null;
  integrations: unknown[];
  method: { type: 'supervised'; supervised: { hyperparameters: StoredJob['hyperparameters'] } };
  metadata: Record<string, string> | null;
}

export interface JobEvent {
  object: 'fine_tuning.job.event';
  id: string;
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  /** An object in the spec: empty for message events, step metrics for metrics events. */
  data: Record<string, unknown>;
  type: 'message' | 'metrics';
}

export interface FineTuningOptions {
  /** Base models a job can be created on (default: OpenAI's fine-tunable models of 2026). */
  models?: string[];
  /** Jobs on these base models fail while running (after validation). */
  failModels?: string[];
  /** Every job creation answers 429 insufficient_quota (an account without credit). */
  noQuota?: boolean;
  /** Also advance jobs on the clock, one step per stepMs (0 = only when retrieved). */
  stepMs?: number;
  /** Training steps reported as metrics events while running (default 3). */
  trainingSteps?: number;
  organization?: string;
}

export interface FineTuningState {
  files: Map<string, StoredFile>;
  jobs: Map<string, StoredJob>;
  events: Map<string, JobEvent[]>;
}

export const FINE_TUNABLE_MODELS = [
  'davinci-002',
  'babbage-002',
  'gpt-3.5-turbo-0125',
  'gpt-4o-mini-2024-07-18',
  'gpt-4o-2024-08-06',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano-2025-04-14',
];
const COMPLETION_BASES = new Set(['davinci-002', 'babbage-002']);
export const MIN_TRAINING_EXAMPLES = 10;
/** The Batch API's limit on one input file (200 MB). */
export const BATCH_FILE_MAX_BYTES = 200 * 1024 * 1024;
/** Files are kept 30 days, as OpenAI does by default for batch files. */
const FILE_LIFETIME_S = 30 * 24 * 3600;

const now = () => Math.floor(Date.now() / 1000);

function send(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': randomId('req', 12),
    'openai-version': '2020-10-01',
    'access-control-allow-origin': '*',
  });
  res.end(text);
  return true;
}

// ---------------------------------------------------------------------------------------------
// multipart/form-data, parsed from the bytes (the SDK sends a real FormData body)

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error('no boundary in the content-type');
  const boundary = Buffer.from(`--${(m[1] ?? m[2]).trim()}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(boundary);
  if (pos < 0) throw new Error('the boundary does not occur in the body');
  while (true) {
    pos += boundary.length;
    // "--" after a boundary ends the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new Error('a part has no header end');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next < 0) throw new Error('the closing boundary is missing');
    // The part's data ends with CRLF before the next boundary.
    const data = body.subarray(headerEnd + 4, next - 2);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw new Error('a part has no name');
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
    parts.push({ name, filename, contentType: type, data: Buffer.from(data) });
    pos = next;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Validation as OpenAI does it: on upload (each line JSON), then in the job (format, size).

function uploadProblem(text: string): string | undefined {
  const lines = text.split('\n');
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return `Invalid file format for Fine-Tuning API. Must be .jsonl: line ${i + 1} is not valid JSON.`;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return `Invalid file format for Fine-Tuning API. Line ${i + 1} is not a JSON object.`;
    count++;
  }
  if (count === 0) return 'Invalid file format for Fine-Tuning API. The file is empty.';
  return undefined;
}

function trainingProblem(file: StoredFile, model: string): string | undefined {
  const records = file.content
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const chat = !COMPLETION_BASES.has(model);
  for (const [i, r] of records.entries()) {
    if (chat) {
      const messages = r.messages;
      if (!Array.isArray(messages))
        return `The job failed due to an invalid training file. Invalid file format. Example ${i + 1}: missing key "messages". ${model} takes the chat format.`;
      if (!messages.some((m) => (m as { role?: unknown }).role === 'assistant'))
        return `The job failed due to an invalid training file. Example ${i + 1} has no assistant message.`;
    } else if (typeof r.prompt !== 'string' || typeof r.completion !== 'string') {
      return `The job failed due to an invalid training file. Invalid file format. Example ${i + 1}: missing "prompt" or "completion". ${model} takes prompt/completion pairs.`;
    }
  }
  if (records.length < MIN_TRAINING_EXAMPLES)
    return `The job failed due to an invalid training file. Training file has ${records.length} example(s), but must have at least ${MIN_TRAINING_EXAMPLES} examples.`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** The file store other route sets (the Batch API) share. */
export interface FileStore {
  state: FineTuningState;
  storeFile(filename: string, purpose: string, content: string): StoredFile;
}

export function createFineTuningRoutes(opts: FineTuningOptions = {}): {
  routes: RouteHandler[];
  state: FineTuningState;
  storeFile: FileStore['storeFile'];
  stop(): void;
} {
  const state: FineTuningState = { files: new Map(), jobs: new Map(), events: new Map() };
  const models = new Set(opts.models ?? FINE_TUNABLE_MODELS);
  const failModels = new Set(opts.failModels ?? []);
  const org = opts.organization ?? 'org-test';
  const steps = opts.trainingSteps ?? 3;
  const progress = new Map<string, number>(); // training steps done per running job

  function addEvent(
    jobId: string,
    message: string,
    level: JobEvent['level'] = 'info',
    type: JobEvent['type'] = 'message',
    data: JobEvent['data'] = {},
  ): void {
    const list = state.events.get(jobId) ?? [];
    list.push({
      object: 'fine_tuning.job.event',
      id: randomId('ftevent'),
      created_at: now(),
      level,
      message,
      data,
      type,
    });
    state.events.set(jobId, list);
  }

  function finish(job: StoredJob, status: 'succeeded' | 'failed' | 'cancelled'): void {
    job.status = status;
    job.finished_at = now();
    job.estimated_finish = null;
  }

  /** One step of a job's life. */
  function advance(job: StoredJob): void {
    switch (job.status) {
      case 'validating_files': {
        const file = state.files.get(job.training_file);
        const problem = file
          ? trainingProblem(file, job.model)
          : 'The job failed due to an invalid training file. The training file is gone.';
        if (problem) {
          job.error = { code: 'invalid_training_file', message: problem, param: 'training_file' };
          addEvent(job.id, problem, 'error');
          finish(job, 'failed');
          return;
        }
        addEvent(job.id, 'Files validated, moving job to queued state');
        job.status = 'queued';
        return;
      }
      case 'queued':
        if (job.hyperparameters.n_epochs === 'auto') job.hyperparameters.n_epochs = 3;
        if (job.hyperparameters.batch_size === 'auto') job.hyperparameters.batch_size = 1;
        if (job.hyperparameters.learning_rate_multiplier === 'auto') job.hyperparameters.learning_rate_multiplier = 2;
        job.method.supervised.hyperparameters = job.hyperparameters;
        job.status = 'running';
        job.estimated_finish = now() + 60;
        progress.set(job.id, 0);
        addEvent(job.id, 'Fine-tuning job started');
        return;
      case 'running': {
        const done = (progress.get(job.id) ?? 0) + 1;
        progress.set(job.id, done);
        if (failModels.has(job.model) && done >= 2) {
          job.error = {
            code: 'training_failed',
            message: `Fine-tuning of ${job.model} failed: the training run diverged (loss became NaN). Try again or contact support.`,
            param: null,
          };
          addEvent(job.id, job.error.message, 'error');
          finish(job, 'failed');
          return;
        }
        const loss = Math.round((2 / (done + 1)) * 1000) / 1000;
        addEvent(job.id, `Step ${done}/${steps}: training loss=${loss}`, 'info', 'metrics', {
          step: done,
          total_steps: steps,
          train_loss: loss,
          train_mean_token_accuracy: Math.min(0.99, 0.5 + done / (2 * steps)),
        });
        if (done < steps) return;
        const file = state.files.get(job.training_file);
        const epochs = typeof job.hyperparameters.n_epochs === 'number' ? job.hyperparameters.n_epochs : 3;
        job.trained_tokens = Math.ceil((file?.bytes ?? 0) / 4) * epochs;
        job.fine_tuned_model = `ft:${job.model}:${org.replace(/^org-/, '')}:${job.user_provided_suffix ?? ''}:${job.id.slice(-8)}`;
        const results = storeFile('step_metrics.csv', 'fine-tune-results', 'step,train_loss\n');
        job.result_files = [results.id];
        addEvent(job.id, `Checkpoint created at step ${steps}`);
        addEvent(job.id, `New fine-tuned model created: ${job.fine_tuned_model}`);
        addEvent(job.id, 'The job has successfully completed');
        finish(job, 'succeeded');
        return;
      }
      default:
        return;
    }
  }

  function storeFile(filename: string, purpose: string, content: string): StoredFile {
    const created = now();
    const file: StoredFile = {
      id: randomId('file'),
      object: 'file',
      bytes: Buffer.byteLength(content),
      created_at: created,
      filename,
      purpose,
      status: 'processed',
      status_details: 'File processed.',
      expires_at: created + FILE_LIFETIME_S,
      content,
    };
    state.files.set(file.id, file);
    return file;
  }

  const publicFile = (f: StoredFile) => {
    const { content: _content, ...wire } = f;
    return wire;
  };

  const timer = opts.stepMs ? setInterval(() => state.jobs.forEach((j) => advance(j)), opts.stepMs) : undefined;
  timer?.unref();

  function page<T extends { id: string }>(items: T[], url: URL) {
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 20) || 20));
    const after = url.searchParams.get('after');
    let start = 0;
    if (after) {
      const i = items.findIndex((x) => x.id === after);
      start = i < 0 ? items.length : i + 1;
    }
    const data = items.slice(start, start + limit);
    return { object: 'list', data, has_more: start + limit < items.length };
  }

  function notFoundJob(res: ServerResponse, id: string): true {
    return send(
      res,
      404,
      openaiError(
        `Could not find fine-tuning job: ${id}`,
        'invalid_request_error',
        'fine_tuning_job_not_found',
        'fine_tuning_job_id',
      ),
    );
  }

  async function handleFiles(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    path: string,
    url: URL,
  ): Promise<boolean> {
    if (req.method === 'POST' && path === '/v1/files') {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^multipart\/form-data/i.test(type))
        return send(
          res,
          400,
          openaiError(
            'The request must be multipart/form-data with "file" and "purpose".',
            'invalid_request_error',
            null,
          ),
        );
      let parts: FormPart[];
      try {
        parts = parseMultipart(body, type);
      } catch (e) {
        return send(
          res,
          400,
          openaiError(`Could not parse multipart form: ${(e as Error).message}`, 'invalid_request_error', null),
        );
      }
      const purpose = parts.find((p) => p.name === 'purpose')?.data.toString('utf8');
      const filePart = parts.find((p) => p.name === 'file');
      if (!purpose)
        return send(
          res,
          400,
          openaiError(
            "Missing required parameter: 'purpose'.",
            'invalid_request_error',
            'missing_required_parameter',
            'purpose',
          ),
        );
      if (!filePart)
        return send(
          res,
          400,
          openaiError(
            "Missing required parameter: 'file'.",
            'invalid_request_error',
            'missing_required_parameter',
            'file',
          ),
        );
      const filename = filePart.filename ?? 'upload';
      const content = filePart.data.toString('utf8');
      if (purpose === 'batch') {
        if (!/\.jsonl$/i.test(filename))
          return send(
            res,
            400,
            openaiError(
              `Invalid file format for Batch API. Must be .jsonl (got ${filename}).`,
              'invalid_request_error',
              'invalid_file_format',
              'file',
            ),
          );
        if (filePart.data.length > BATCH_FILE_MAX_BYTES)
          return send(
            res,
            400,
            openaiError(
              `File is too large for Batch API: ${filePart.data.length} bytes, the limit is ${BATCH_FILE_MAX_BYTES}.`,
              'invalid_request_error',
              'file_too_large',
              'file',
            ),
          );
      }
      if (purpose === 'fine-tune') {
        if (!/\.jsonl$/i.test(filename))
          return send(
            res,
            400,
            openaiError(
              `Invalid file format for Fine-Tuning API. Must be .jsonl (got ${filename}).`,
              'invalid_request_error',
              'invalid_file_format',
              'file',
            ),
          );
        const problem = uploadProblem(content);
        if (problem)
          return send(res, 400, openaiError(problem, 'invalid_request_error', 'invalid_file_format', 'file'));
      }
      return send(res, 200, publicFile(storeFile(filename, purpose, content)));
    }
    if (req.method === 'GET' && path === '/v1/files') {
      const purpose = url.searchParams.get('purpose');
      return send(res, 200, {
        object: 'list',
        data: [...state.files.values()].filter((f) => !purpose || f.purpose === purpose).map(publicFile),
        has_more: false,
      });
    }
    const m = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
    if (!m) return false;
    const f = state.files.get(m[1]);
    if (!f && (req.method === 'GET' || req.method === 'DELETE'))
      return send(res, 404, openaiError(`No such File object: ${m[1]}`, 'invalid_request_error', null, 'id'));
    if (req.method === 'GET' && m[2] && f) {
      // The content as uploaded (or as the server wrote it, for batch output): not JSON-wrapped.
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(Buffer.byteLength(f.content)),
        'x-request-id': randomId('req', 12),
        'access-control-allow-origin': '*',
      });
      res.end(f.content);
      return true;
    }
    if (req.method === 'GET' && f) return send(res, 200, publicFile(f));
    if (req.method === 'DELETE' && !m[2] && f) {
      state.files.delete(f.id);
      return send(res, 200, { id: f.id, object: 'file', deleted: true });
    }
    return false;
  }

  function handleJobs(req: IncomingMessage, res: ServerResponse, body: Buffer, path: string, url: URL): boolean {
    if (path === '/v1/fine_tuning/jobs' && req.method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return send(
          res,
          400,
          openaiError('We could not parse the JSON body of your request.', 'invalid_request_error', null),
        );
      const b = parsed as Record<string, unknown>;
      if (opts.noQuota)
        return send(
          res,
          429,
          openaiError(
            'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
            'insufficient_quota',
            'insufficient_quota',
          ),
        );
      const model = b.model;
      if (typeof model !== 'string' || !model)
        return send(
          res,
          400,
          openaiError(
            "Missing required parameter: 'model'.",
            'invalid_request_error',
            'missing_required_parameter',
            'model',
          ),
        );
      if (!models.has(model) && !failModels.has(model))
        return send(
          res,
          400,
          openaiError(
            `Model ${model} is not available for fine-tuning or does not exist.`,
            'invalid_request_error',
            'model_not_available',
            'model',
          ),
        );
      const training = typeof b.training_file === 'string' ? state.files.get(b.training_file) : undefined;
      if (!training)
        return send(
          res,
          400,
          openaiError(
            `invalid training_file: ${String(b.training_file)}`,
            'invalid_request_error',
            null,
            'training_file',
          ),
        );
      if (training.purpose !== 'fine-tune')
        return send(
          res,
          400,
          openaiError(
            `File ${training.id} has purpose ${training.purpose}, expected fine-tune.`,
            'invalid_request_error',
            null,
            'training_file',
          ),
        );
      let validation: StoredFile | undefined;
      if (b.validation_file !== undefined && b.validation_file !== null) {
        validation = typeof b.validation_file === 'string' ? state.files.get(b.validation_file) : undefined;
        if (!validation)
          return send(
            res,
            400,
            openaiError(
              `invalid validation_file: ${String(b.validation_file)}`,
              'invalid_request_error',
              null,
              'validation_file',
            ),
          );
      }
      const suffix = b.suffix;
      if (suffix !== undefined && suffix !== null && (typeof suffix !== 'string' || suffix.length > 64))
        return send(
          res,
          400,
          openaiError(
            'suffix must be a string of at most 64 characters.',
            'invalid_request_error',
            'invalid_value',
            'suffix',
          ),
        );
      const method = b.method as
        { type?: string; supervised?: { hyperparameters?: Record<string, unknown> } } | undefined;
      const hp = {
        ...((b.hyperparameters as Record<string, unknown> | undefined) ?? {}),
        ...(method?.supervised?.hyperparameters ?? {}),
      };
      const epochs = hp.n_epochs ?? 'auto';
      if (epochs !== 'auto' && !(typeof epochs === 'number' && Number.isInteger(epochs) && epochs >= 1 && epochs <= 50))
        return send(
          res,
          400,
          openaiError(
            `Invalid n_epochs: ${JSON.stringify(epochs)}. Expected an integer between 1 and 50, or "auto".`,
            'invalid_request_error',
            'invalid_value',
            'hyperparameters.n_epochs',
          ),
        );
      const hyperparameters = {
        n_epochs: epochs as number | 'auto',
        batch_size: 'auto' as const,
        learning_rate_multiplier: 'auto' as const,
      };
      const job: StoredJob = {
        object: 'fine_tuning.job',
        id: randomId('ftjob'),
        model,
        created_at: now(),
        finished_at: null,
        fine_tuned_model: null,
        organization_id: org,
        result_files: [],
        status: 'validating_files',
        validation_file: validation?.id ?? null,
        training_file: training.id,
        hyperparameters,
        trained_tokens: null,
        error: null,
        user_provided_suffix: typeof suffix === 'string' ? suffix : null,
        seed: typeof b.seed === 'number' ? b.seed : Math.floor(Math.random() * 2 ** 31),
        estimated_finish: null,
        integrations: [],
        method: { type: 'supervised', supervised: { hyperparameters: { ...hyperparameters } } },
        metadata: (b.metadata as Record<string, string> | undefined) ?? null,
      };
      state.jobs.set(job.id, job);
      addEvent(
        job.id,
        `Validating training file: ${training.id}${validation ? ` and validation file: ${validation.id}` : ''}`,
      );
      addEvent(job.id, `Created fine-tuning job: ${job.id}`);
      return send(res, 200, job);
    }
    if (path === '/v1/fine_tuning/jobs' && req.method === 'GET') {
      const newestFirst = [...state.jobs.values()].reverse();
      return send(res, 200, page(newestFirst, url));
    }
    const m = /^\/v1\/fine_tuning\/jobs\/([^/]+)(\/events|\/cancel)?$/.exec(path);
    if (!m) return false;
    const job = state.jobs.get(m[1]);
    if (!job) return notFoundJob(res, m[1]);
    if (!m[2] && req.method === 'GET') {
      advance(job);
      return send(res, 200, job);
    }
    if (m[2] === '/events' && req.method === 'GET') {
      return send(res, 200, page([...(state.events.get(job.id) ?? [])].reverse(), url));
    }
    if (m[2] === '/cancel' && req.method === 'POST') {
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled')
        return send(
          res,
          400,
          openaiError(
            `Job ${job.id} has already ${job.status === 'cancelled' ? 'been cancelled' : 'completed'} and cannot be cancelled.`,
            'invalid_request_error',
            'invalid_job_status',
            null,
          ),
        );
      finish(job, 'cancelled');
      addEvent(job.id, 'Fine-tuning job cancelled');
      return send(res, 200, job);
    }
    return false;
  }

  const route: RouteHandler = async (req, res, body, url) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/v1/files' || path.startsWith('/v1/files/')) return handleFiles(req, res, body, path, url);
    if (path === '/v1/fine_tuning/jobs' || path.startsWith('/v1/fine_tuning/jobs/'))
      return handleJobs(req, res, body, path, url);
    return false;
  };
  return { routes: [route], state, storeFile, stop: () => timer && clearInterval(timer) };
}

// ---------------------------------------------------------------------------------------------
// Standalone: the OpenAI-compatible test server with these routes.

async function mainStandalone(argv: string[]): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      'step-ms': { type: 'string' },
      'fail-model': { type: 'string', multiple: true },
      'api-key': { type: 'string' },
    },
  });
  const ft = createFineTuningRoutes({
    stepMs: values['step-ms'] ? Number(values['step-ms']) : undefined,
    failModels: values['fail-model'],
  });
  const server = await startOpenAIServer({ port: Number(values.port), routes: ft.routes, apiKey: values['api-key'] });
  process.stdout.write(
    `OpenAI-compatible test server with /v1/files and /v1/fine_tuning/jobs on ${server.url}\n` +
      `  Try: job-entities finetune start --training test/fixtures/dataset/clean.jsonl --model davinci-002 --wait --poll 1 --base-url ${server.url}\n`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (typeof process !== 'undefined' && /fine-tuning\.(m?js|ts)$/.test(process.argv[1] ?? '')) {
  void mainStandalone(process.argv.slice(2));
}
