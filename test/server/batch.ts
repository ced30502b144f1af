// OpenAI's Batch API for the test server, on the file store of test/server/fine-tuning.ts:
//   POST /v1/batches, GET /v1/batches (cursor pagination, newest first), GET /v1/batches/:id,
//   POST /v1/batches/:id/cancel
// Each request line is answered by the test server itself (an HTTP call to its own
// /v1/completions or /v1/chat/completions), so faults, gold answers and context limits are the
// ones a direct request meets. A batch moves validating -> in_progress -> finalizing -> completed,
// one step each time it is retrieved (or every `stepMs`), running `requestsPerStep` requests per
// step while in progress. As on OpenAI: output lines come in any order (here always shuffled),
// answers with a status other than 200 go to the error file, and a batch whose model is in
// `expireModels` expires after its first step, its unfinished requests in the error file with
// code batch_expired.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStore } from './fine-tuning';
import { openaiError, randomId, type RouteHandler } from './openai-server';

export const BATCH_ENDPOINTS = ['/v1/completions', '/v1/chat/completions', '/v1/embeddings', '/v1/responses'] as const;
export const BATCH_MAX_REQUESTS = 50_000;

type BatchStatus =
  'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

export interface StoredBatch {
  id: string;
  object: 'batch';
  endpoint: string;
  errors?: { object: 'list'; data: { code: string; message: string; param: string | null; line: number | null }[] };
  input_file_id: string;
  completion_window: '24h';
  status: BatchStatus;
  output_file_id?: string;
  error_file_id?: string;
  created_at: number;
  in_progress_at?: number;
  expires_at: number;
  finalizing_at?: number;
  completed_at?: number;
  failed_at?: number;
  expired_at?: number;
  cancelling_at?: number;
  cancelled_at?: number;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

interface RequestLine {
  custom_id: string;
  method: 'POST';
  url: string;
  body: Record<string, unknown>;
}

interface Work {
  lines: RequestLine[];
  next: number;
  out: string[];
  err: string[];
}

export interface BatchOptions {
  /** Requests run per step while in progress (default: half the batch, at least 1). */
  requestsPerStep?: number;
  /** Batches whose requests use one of these models expire after their first step (default ['expiring-batch']). */
  expireModels?: string[];
  /** Also advance batches on the clock, one step per stepMs (0 = only when retrieved). */
  stepMs?: number;
}

const now = () => Math.floor(Date.now() / 1000);

/** Batch ids look like `batch_...` and request ids `batch_req_...` on OpenAI. */
const underscoreId = (prefix: string) => randomId(prefix, 32).replace(`${prefix}-`, `${prefix}_`);

function send(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': randomId('req', 12),
    'access-control-allow-origin': '*',
  });
  res.end(text);
  return true;
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The input file checked as OpenAI does when the batch is validated: one failure per bad line. */
function validateInput(
  content: string,
  endpoint: string,
): { lines: RequestLine[]; errors: NonNullable<StoredBatch['errors']>['data'] } {
  const lines: RequestLine[] = [];
  const errors: NonNullable<StoredBatch['errors']>['data'] = [];
  const ids = new Set<string>();
  let model: string | undefined;
  content.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const line = i + 1;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      errors.push({
        code: 'invalid_json_line',
        message: 'This line is not parseable as valid JSON.',
        param: null,
        line,
      });
      return;
    }
    if (
      typeof v !== 'object' ||
      v === null ||
      typeof v.custom_id !== 'string' ||
      v.method !== 'POST' ||
      typeof v.url !== 'string' ||
      typeof v.body !== 'object' ||
      v.body === null
    ) {
      errors.push({
        code: 'invalid_request',
        message: 'Each line must have custom_id, method "POST", url and body.',
        param: null,
        line,
      });
      return;
    }
    if (v.url !== endpoint) {
      errors.push({
        code: 'mismatched_endpoint',
        message: `The provided url '${v.url}' does not match the batch endpoint '${endpoint}'.`,
        param: 'url',
        line,
      });
      return;
    }
    if (ids.has(v.custom_id)) {
      errors.push({
        code: 'duplicate_custom_id',
        message: `The custom_id for this request is a duplicate of another request: ${v.custom_id}.`,
        param: 'custom_id',
        line,
      });
      return;
    }
    ids.add(v.custom_id);
    const m = String((v.body as Record<string, unknown>).model ?? '');
    if (model !== undefined && m !== model) {
      errors.push({
        code: 'mismatched_model',
        message: `All requests in a batch must use the same model; found '${m}' and '${model}'.`,
        param: 'body.model',
        line,
      });
      return;
    }
    model = m;
    lines.push(v as unknown as RequestLine);
  });
  if (!errors.length && lines.length === 0)
    errors.push({ code: 'empty_file', message: 'The input file is empty.', param: null, line: null });
  if (lines.length > BATCH_MAX_REQUESTS)
    errors.push({
      code: 'too_many_requests',
      message: `A batch holds at most ${BATCH_MAX_REQUESTS} requests; this file has ${lines.length}.`,
      param: null,
      line: null,
    });
  return { lines, errors };
}

export function createBatchRoutes(
  store: FileStore,
  opts: BatchOptions = {},
): { routes: RouteHandler[]; batches: Map<string, StoredBatch>; stop(): void } {
  const batches = new Map<string, StoredBatch>();
  const work = new Map<string, Work>();
  const expireModels = new Set(opts.expireModels ?? ['expiring-batch']);
  // Steps must not overlap: a retrieve while a step runs waits for it.
  const running = new Map<string, Promise<void>>();
  let selfUrl = '';

  async function execute(line: RequestLine): Promise<{ status: number; body: unknown }> {
    try {
      const res = await fetch(selfUrl + line.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(line.body),
      });
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) };
      } catch {
        return { status: res.status, body: text };
      }
    } catch (e) {
      return {
        status: 500,
        body: openaiError(`The request could not be completed: ${(e as Error).message}`, 'server_error', null),
      };
    }
  }

  function writeFiles(batch: StoredBatch, w: Work): void {
    if (w.out.length)
      batch.output_file_id = store.storeFile(
        `batch_${batch.id}_output.jsonl`,
        'batch_output',
        shuffle(w.out).join('\n') + '\n',
      ).id;
    if (w.err.length)
      batch.error_file_id = store.storeFile(
        `batch_${batch.id}_error.jsonl`,
        'batch_output',
        shuffle(w.err).join('\n') + '\n',
      ).id;
  }

  async function step(batch: StoredBatch): Promise<void> {
    const w = work.get(batch.id);
    switch (batch.status) {
      case 'validating': {
        const file = store.state.files.get(batch.input_file_id);
        const { lines, errors } = file
          ? validateInput(file.content, batch.endpoint)
          : {
              lines: [],
              errors: [
                {
                  code: 'file_not_found',
                  message: `The input file ${batch.input_file_id} is gone.`,
                  param: 'input_file_id',
                  line: null,
                },
              ],
            };
        if (errors.length) {
          batch.errors = { object: 'list', data: errors };
          batch.status = 'failed';
          batch.failed_at = now();
          return;
        }
        work.set(batch.id, { lines, next: 0, out: [], err: [] });
        batch.request_counts.total = lines.length;
        batch.status = 'in_progress';
        batch.in_progress_at = now();
        return;
      }
      case 'in_progress': {
        if (!w) return;
        const n = opts.requestsPerStep ?? Math.max(1, Math.ceil(w.lines.length / 2));
        const slice = w.lines.slice(w.next, w.next + n);
        const answers = await Promise.all(slice.map(execute));
        slice.forEach((line, k) => {
          const a = answers[k];
          const record = JSON.stringify({
            id: underscoreId('batch_req'),
            custom_id: line.custom_id,
            response: { status_code: a.status, request_id: randomId('req', 32), body: a.body },
            error: null,
          });
          if (a.status === 200) {
            w.out.push(record);
            batch.request_counts.completed++;
          } else {
            w.err.push(record);
            batch.request_counts.failed++;
          }
        });
        w.next += slice.length;
        const model = String(w.lines[0]?.body.model ?? '');
        if (w.next < w.lines.length && expireModels.has(model)) {
          for (const line of w.lines.slice(w.next)) {
            w.err.push(
              JSON.stringify({
                id: underscoreId('batch_req'),
                custom_id: line.custom_id,
                response: null,
                error: {
                  code: 'batch_expired',
                  message: 'This request could not be executed before the completion window expired.',
                },
              }),
            );
          }
          writeFiles(batch, w);
          batch.status = 'expired';
          batch.expired_at = now();
          return;
        }
        if (w.next >= w.lines.length) {
          batch.status = 'finalizing';
          batch.finalizing_at = now();
        }
        return;
      }
      case 'finalizing':
        if (w) writeFiles(batch, w);
        batch.status = 'completed';
        batch.completed_at = now();
        return;
      case 'cancelling':
        if (w) writeFiles(batch, w);
        batch.status = 'cancelled';
        batch.cancelled_at = now();
        return;
      default:
        return;
    }
  }

  function advance(batch: StoredBatch): Promise<void> {
    const prev = running.get(batch.id) ?? Promise.resolve();
    const next = prev.then(() => step(batch));
    running.set(batch.id, next);
    return next;
  }

  const timer = opts.stepMs ? setInterval(() => batches.forEach((b) => void advance(b)), opts.stepMs) : undefined;
  timer?.unref();

  function page(items: StoredBatch[], url: URL) {
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 20) || 20));
    const after = url.searchParams.get('after');
    let start = 0;
    if (after) {
      const i = items.findIndex((x) => x.id === after);
      start = i < 0 ? items.length : i + 1;
    }
    const data = items.slice(start, start + limit);
    return {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data[data.length - 1]?.id ?? null,
      has_more: start + limit < items.length,
    };
  }

  const notFound = (res: ServerResponse, id: string) =>
    send(res, 404, openaiError(`No batch found with id '${id}'.`, 'invalid_request_error', null, 'batch_id'));

  const route: RouteHandler = async (req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== '/v1/batches' && !path.startsWith('/v1/batches/')) return false;
    selfUrl = `http://127.0.0.1:${req.socket.localPort}`;
    if (path === '/v1/batches' && req.method === 'POST') {
      let b: Record<string, unknown>;
      try {
        b = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(
          res,
          400,
          openaiError('We could not parse the JSON body of your request.', 'invalid_request_error', null),
        );
      }
      if (b === null || typeof b !== 'object' || Array.isArray(b))
        return send(
          res,
          400,
          openaiError('We could not parse the JSON body of your request.', 'invalid_request_error', null),
        );
      if (typeof b.input_file_id !== 'string')
        return send(
          res,
          400,
          openaiError(
            "Missing required parameter: 'input_file_id'.",
            'invalid_request_error',
            'missing_required_parameter',
            'input_file_id',
          ),
        );
      if (!BATCH_ENDPOINTS.includes(b.endpoint as (typeof BATCH_ENDPOINTS)[number]))
        return send(
          res,
          400,
          openaiError(
            `Invalid value for 'endpoint': expected one of ${BATCH_ENDPOINTS.join(', ')}.`,
            'invalid_request_error',
            'invalid_value',
            'endpoint',
          ),
        );
      if (b.completion_window !== '24h')
        return send(
          res,
          400,
          openaiError(
            "Invalid value for 'completion_window': only '24h' is supported.",
            'invalid_request_error',
            'invalid_value',
            'completion_window',
          ),
        );
      const file = store.state.files.get(b.input_file_id);
      if (!file)
        return send(
          res,
          404,
          openaiError(`No such File object: ${b.input_file_id}`, 'invalid_request_error', null, 'input_file_id'),
        );
      if (file.purpose !== 'batch')
        return send(
          res,
          400,
          openaiError(
            `File ${file.id} has purpose ${file.purpose}, expected batch.`,
            'invalid_request_error',
            'invalid_value',
            'input_file_id',
          ),
        );
      const created = now();
      const batch: StoredBatch = {
        id: underscoreId('batch'),
        object: 'batch',
        endpoint: b.endpoint as string,
        input_file_id: file.id,
        completion_window: '24h',
        status: 'validating',
        created_at: created,
        expires_at: created + 24 * 3600,
        request_counts: { total: 0, completed: 0, failed: 0 },
        metadata: (b.metadata as Record<string, string> | undefined) ?? null,
      };
      batches.set(batch.id, batch);
      return send(res, 200, batch);
    }
    if (path === '/v1/batches' && req.method === 'GET')
      return send(res, 200, page([...batches.values()].reverse(), url));
    const m = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
    if (!m) return false;
    const batch = batches.get(m[1]);
    if (!batch) return notFound(res, m[1]);
    if (!m[2] && req.method === 'GET') {
      await advance(batch);
      return send(res, 200, batch);
    }
    if (m[2] && req.method === 'POST') {
      await (running.get(batch.id) ?? Promise.resolve());
      if (!['validating', 'in_progress', 'finalizing'].includes(batch.status))
        return send(
          res,
          400,
          openaiError(`Cannot cancel a batch with status '${batch.status}'.`, 'invalid_request_error', null, null),
        );
      batch.status = 'cancelling';
      batch.cancelling_at = now();
      return send(res, 200, batch);
    }
    return false;
  };
  return { routes: [route], batches, stop: () => timer && clearInterval(timer) };
}
