// The fine-tuning API (files + fine_tuning/jobs) through the official SDK, at any base URL that
// speaks it (OpenAI, Azure OpenAI, compatible servers). Pure: no Node APIs, so the extension can
// start and follow a job too. Every failure becomes an ExtractionError saying what to do.
// The server's answers are not trusted as the SDK's types: each is validated with zod (the fields
// this project reads; the rest passes through), and a malformed one names the endpoint.
import OpenAI, { BadRequestError, NotFoundError, UnprocessableEntityError, toFile } from 'openai';
import type { z } from 'zod';
import { ExtractionError } from './errors';
import { mapProviderError, serverMessage } from './providers/map-error';
import { noRetryOnQuotaFetch, PLACEHOLDER_API_KEY } from './providers/openai';
import { resolveMode } from './models';
import { sleep, withLinkedSignal } from './abortable';
import {
  FileObjectSchema,
  FineTuningJobEventPageSchema,
  FineTuningJobPageSchema,
  FineTuningJobSchema,
  TERMINAL_STATUSES,
  type FileObject,
  type FineTuneConnection,
  type FineTuningJob,
  type FineTuningJobEvent,
  type JobRequest,
  type JobUpdate,
} from './finetune-schemas';
import { describeReplyProblem, readReply, type ReplyBody } from './server-reply';

export * from './finetune-schemas';
export { sleep } from './abortable';
export { describeReplyProblem, type ReplyBody } from './server-reply';

/** The format a base model is fine-tuned with: chat `messages` for chat models, else prompt/completion. */
export function trainingFormatFor(model: string): 'chat' | 'completion' {
  return resolveMode(model, 'auto');
}

/** Most epochs OpenAI's API accepts for a fine-tuning job (n_epochs, 1 to 50). */
export const MAX_EPOCHS = 50;

export class FineTuningClient {
  readonly client: OpenAI;
  constructor(readonly conn: FineTuneConnection) {
    this.client = new OpenAI({
      apiKey: conn.apiKey || PLACEHOLDER_API_KEY,
      baseURL: conn.baseURL,
      timeout: conn.timeoutMs ?? 120_000,
      maxRetries: conn.maxRetries ?? 2,
      dangerouslyAllowBrowser: true,
      // As for extraction: a 429 insufficient_quota (billing) or a long retry-after is not retried.
      fetch: noRetryOnQuotaFetch(),
    });
  }

  /** Map an SDK error; `what` names the object for 400/404 answers that are not about a model. */
  private fail(err: unknown, model: string, what?: { notFound?: string; rejected?: string }): ExtractionError {
    const base = this.conn.baseURL;
    if (what?.notFound && err instanceof NotFoundError)
      return new ExtractionError('not_found', `${what.notFound} at ${base} (404: ${serverMessage(err)}).`, {
        status: 404,
        cause: err,
      });
    if (what?.rejected && (err instanceof BadRequestError || err instanceof UnprocessableEntityError))
      return new ExtractionError('bad_request', `${what.rejected} (${err.status}: ${serverMessage(err)}).`, {
        status: err.status,
        cause: err,
      });
    return mapProviderError(err, {
      model,
      baseURL: base,
      timeoutMs: this.conn.timeoutMs,
      maxRetries: this.conn.maxRetries ?? 2,
      apiKey: this.conn.apiKey,
    });
  }

  /** The endpoint as the user's server sees it, e.g. `POST /v1/fine_tuning/jobs`. */
  private endpoint(method: 'GET' | 'POST', path: string): string {
    let base = '';
    try {
      base = new URL(this.conn.baseURL).pathname.replace(/\/+$/, '');
    } catch {
      // An unparsable base URL fails in the SDK first; the path alone still names the endpoint.
    }
    return `${method} ${base}${path}`;
  }

  /**
   * Send a request, map its failure, and validate its answer. The answer returned is the server's
   * own object (zod only checks it): every field and the key order survive for `--json`.
   */
  private async request<S extends z.ZodType>(
    endpoint: string,
    what: string,
    schema: S,
    send: () => Promise<Response>,
    fail: (err: unknown) => ExtractionError,
  ): Promise<z.infer<S>> {
    let body: ReplyBody;
    try {
      body = await readReply(await send());
    } catch (err) {
      throw fail(err);
    }
    const parsed = body.json ? schema.safeParse(body.value) : undefined;
    if (body.json && parsed?.success) return body.value as z.infer<S>;
    throw new ExtractionError(
      'unknown',
      `The server's answer to ${endpoint} is not ${what}: ${describeReplyProblem(body, parsed?.error?.issues)}. Check that the base URL points at an OpenAI-compatible server.`,
    );
  }

  /** Upload a JSONL training (or validation) file with purpose 'fine-tune'. */
  async uploadTrainingFile(name: string, content: string, signal?: AbortSignal): Promise<FileObject> {
    return this.request(
      this.endpoint('POST', '/files'),
      'a file object',
      FileObjectSchema,
      async () => {
        const file = await toFile(new TextEncoder().encode(content), name, { type: 'application/jsonl' });
        return this.client.files.create({ file, purpose: 'fine-tune' }, { signal }).asResponse();
      },
      (err) =>
        this.fail(err, '', {
          rejected: `The server rejected the file ${name}`,
          notFound: `The files endpoint was not found (is the base URL right, ending in /v1?)`,
        }),
    );
  }

  async createJob(req: JobRequest, signal?: AbortSignal): Promise<FineTuningJob> {
    return this.request(
      this.endpoint('POST', '/fine_tuning/jobs'),
      'a fine-tuning job',
      FineTuningJobSchema,
      () =>
        this.client.fineTuning.jobs
          .create(
            {
              model: req.model,
              training_file: req.trainingFile,
              ...(req.validationFile ? { validation_file: req.validationFile } : {}),
              ...(req.suffix ? { suffix: req.suffix } : {}),
              ...(req.seed !== undefined ? { seed: req.seed } : {}),
              ...(req.epochs !== undefined
                ? { method: { type: 'supervised' as const, supervised: { hyperparameters: { n_epochs: req.epochs } } } }
                : {}),
            },
            { signal },
          )
          .asResponse(),
      (err) =>
        this.fail(err, req.model, {
          rejected: `The server refused to create a fine-tuning job on ${req.model}`,
          notFound: `The fine-tuning endpoint was not found for ${req.model} (does this server fine-tune?)`,
        }),
    );
  }

  async retrieve(id: string, signal?: AbortSignal): Promise<FineTuningJob> {
    return this.request(
      this.endpoint('GET', `/fine_tuning/jobs/${id}`),
      'a fine-tuning job',
      FineTuningJobSchema,
      () => this.client.fineTuning.jobs.retrieve(id, { signal }).asResponse(),
      (err) =>
        this.fail(err, '', {
          notFound: `No fine-tuning job "${id}" (list yours with \`job-entities finetune list\`)`,
          rejected: `The server refused to look up job "${id}"`,
        }),
    );
  }

  /** One page of jobs, newest first. */
  async list(
    opts: { limit?: number; after?: string } = {},
    signal?: AbortSignal,
  ): Promise<{ jobs: FineTuningJob[]; hasMore: boolean }> {
    const page = await this.request(
      this.endpoint('GET', '/fine_tuning/jobs'),
      'a list of fine-tuning jobs',
      FineTuningJobPageSchema,
      () =>
        this.client.fineTuning.jobs
          .list({ limit: opts.limit ?? 20, ...(opts.after ? { after: opts.after } : {}) }, { signal })
          .asResponse(),
      (err) => this.fail(err, '', { notFound: 'The fine-tuning endpoint was not found (does this server fine-tune?)' }),
    );
    return { jobs: page.data, hasMore: page.has_more ?? false };
  }

  /** One page of a job's events, newest first, after the event `after` (older ones) when given. */
  async listEventsPage(
    id: string,
    opts: { limit?: number; after?: string } = {},
    signal?: AbortSignal,
  ): Promise<{ events: FineTuningJobEvent[]; hasMore: boolean }> {
    const page = await this.request(
      this.endpoint('GET', `/fine_tuning/jobs/${id}/events`),
      'a list of fine-tuning job events',
      FineTuningJobEventPageSchema,
      () =>
        this.client.fineTuning.jobs
          .listEvents(id, { limit: opts.limit ?? 50, ...(opts.after ? { after: opts.after } : {}) }, { signal })
          .asResponse(),
      (err) =>
        this.fail(err, '', { notFound: `No fine-tuning job "${id}" (list yours with \`job-entities finetune list\`)` }),
    );
    return { events: page.data, hasMore: page.has_more ?? false };
  }

  /** The latest events of a job (older than `after` when given), oldest first. */
  async listEvents(
    id: string,
    opts: { limit?: number; after?: string } = {},
    signal?: AbortSignal,
  ): Promise<FineTuningJobEvent[]> {
    return [...(await this.listEventsPage(id, opts, signal)).events].reverse();
  }

  /** Upload files are removed when the job they were for could not be created. */
  async deleteFile(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.client.files.delete(id, { signal });
    } catch (err) {
      throw this.fail(err, '', { notFound: `No file "${id}"` });
    }
  }

  /**
   * Events newer than the ones in `seen`, oldest first: pages back from the newest until a page
   * reaches a seen event or the first one, so no event is lost however many came between two polls.
   */
  async newEvents(id: string, seen: Set<string>, signal?: AbortSignal): Promise<FineTuningJobEvent[]> {
    const fresh: FineTuningJobEvent[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const { events, hasMore } = await withLinkedSignal(signal, (s) =>
        this.listEventsPage(id, { limit: 100, after }, s),
      );
      const stop = events.findIndex((e) => seen.has(e.id));
      fresh.push(...(stop < 0 ? events : events.slice(0, stop)));
      if (stop >= 0 || !hasMore || events.length === 0) break;
      after = events[events.length - 1].id;
    }
    return fresh.reverse();
  }

  async cancel(id: string, signal?: AbortSignal): Promise<FineTuningJob> {
    return this.request(
      this.endpoint('POST', `/fine_tuning/jobs/${id}/cancel`),
      'a fine-tuning job',
      FineTuningJobSchema,
      () => this.client.fineTuning.jobs.cancel(id, { signal }).asResponse(),
      (err) =>
        this.fail(err, '', {
          notFound: `No fine-tuning job "${id}"`,
          rejected: `The server would not cancel job "${id}"`,
        }),
    );
  }

  /**
   * Poll a job until it reaches a terminal status (succeeded, failed, cancelled), reporting status
   * changes and new events. Returns the final job. Aborting stops following, not the job.
   */
  async followJob(
    id: string,
    onUpdate: (u: JobUpdate) => void,
    signal?: AbortSignal,
    pollMs = 10_000,
  ): Promise<FineTuningJob> {
    const seen = new Set<string>();
    let lastStatus: string | undefined;
    try {
      while (true) {
        const job = await withLinkedSignal(signal, (s) => this.retrieve(id, s));
        const events = await this.newEvents(id, seen, signal);
        for (const e of events) seen.add(e.id);
        const statusChanged = job.status !== lastStatus;
        lastStatus = job.status;
        if (statusChanged || events.length) onUpdate({ job, events, statusChanged });
        if (TERMINAL_STATUSES.has(job.status)) return job;
        await sleep(pollMs, signal);
      }
    } catch (err) {
      if (signal?.aborted)
        throw new ExtractionError(
          'cancelled',
          `Stopped following job ${id}; it keeps running on the server. Check it with \`job-entities finetune status ${id}\`.`,
        );
      throw err;
    }
  }
}
