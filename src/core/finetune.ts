// The fine-tuning API (files + fine_tuning/jobs) through the official SDK, at any base URL that
// speaks it (OpenAI, Azure OpenAI, compatible servers). Pure: no Node APIs, so the extension can
// start and follow a job too. Every failure becomes an ExtractionError saying what to do.
import OpenAI, { BadRequestError, NotFoundError, UnprocessableEntityError, toFile } from 'openai';
import type { FileObject } from 'openai/resources/files';
import type { FineTuningJob, FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';
import { ExtractionError } from './errors';
import { mapProviderError, serverMessage } from './providers/map-error';
import { resolveMode } from './models';

export type { FileObject, FineTuningJob, FineTuningJobEvent };

export const TERMINAL_STATUSES: ReadonlySet<FineTuningJob['status']> = new Set(['succeeded', 'failed', 'cancelled']);

export interface FineTuneConnection {
  baseURL: string;
  /** May be empty for servers without keys; a placeholder is sent then (the SDK insists on one). */
  apiKey: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface JobRequest {
  model: string;
  trainingFile: string;
  validationFile?: string;
  suffix?: string;
  epochs?: number;
  seed?: number;
}

export interface JobUpdate {
  job: FineTuningJob;
  /** Events not reported before, oldest first. */
  events: FineTuningJobEvent[];
  /** True when the status differs from the previous update (always true on the first). */
  statusChanged: boolean;
}

/** The format a base model is fine-tuned with: chat `messages` for chat models, else prompt/completion. */
export function trainingFormatFor(model: string): 'chat' | 'completion' {
  return resolveMode(model, 'auto');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class FineTuningClient {
  readonly client: OpenAI;
  constructor(readonly conn: FineTuneConnection) {
    this.client = new OpenAI({
      apiKey: conn.apiKey || 'no-key',
      baseURL: conn.baseURL,
      timeout: conn.timeoutMs ?? 120_000,
      maxRetries: conn.maxRetries ?? 2,
      dangerouslyAllowBrowser: true,
    });
  }

  /** Map an SDK error; `what` names the object for 400/404 answers that are not about a model. */
  private fail(err: unknown, model: string, what?: { notFound?: string; rejected?: string }): ExtractionError {
    const base = this.conn.baseURL;
    if (what?.notFound && err instanceof NotFoundError) return new ExtractionError('not_found', `${what.notFound} at ${base} (404: ${serverMessage(err)}).`, { status: 404, cause: err });
    if (what?.rejected && (err instanceof BadRequestError || err instanceof UnprocessableEntityError))
      return new ExtractionError('bad_request', `${what.rejected} (${err.status}: ${serverMessage(err)}).`, { status: err.status, cause: err });
    return mapProviderError(err, { model, baseURL: base, timeoutMs: this.conn.timeoutMs });
  }

  /** Upload a JSONL training (or validation) file with purpose 'fine-tune'. */
  async uploadTrainingFile(name: string, content: string, signal?: AbortSignal): Promise<FileObject> {
    try {
      const file = await toFile(new TextEncoder().encode(content), name, { type: 'application/jsonl' });
      return await this.client.files.create({ file, purpose: 'fine-tune' }, { signal });
    } catch (err) {
      throw this.fail(err, '', { rejected: `The server rejected the file ${name}`, notFound: `The files endpoint was not found (is the base URL right, ending in /v1?)` });
    }
  }

  async createJob(req: JobRequest, signal?: AbortSignal): Promise<FineTuningJob> {
    try {
      return await this.client.fineTuning.jobs.create(
        {
          model: req.model,
          training_file: req.trainingFile,
          ...(req.validationFile ? { validation_file: req.validationFile } : {}),
          ...(req.suffix ? { suffix: req.suffix } : {}),
          ...(req.seed !== undefined ? { seed: req.seed } : {}),
          ...(req.epochs !== undefined ? { method: { type: 'supervised' as const, supervised: { hyperparameters: { n_epochs: req.epochs } } } } : {}),
        },
        { signal },
      );
    } catch (err) {
      throw this.fail(err, req.model, {
        rejected: `The server refused to create a fine-tuning job on ${req.model}`,
        notFound: `The fine-tuning endpoint was not found for ${req.model} (does this server fine-tune?)`,
      });
    }
  }

  async retrieve(id: string, signal?: AbortSignal): Promise<FineTuningJob> {
    try {
      return await this.client.fineTuning.jobs.retrieve(id, { signal });
    } catch (err) {
      throw this.fail(err, '', { notFound: `No fine-tuning job "${id}" (list yours with \`job-entities finetune list\`)`, rejected: `The server refused to look up job "${id}"` });
    }
  }

  /** One page of jobs, newest first. */
  async list(opts: { limit?: number; after?: string } = {}, signal?: AbortSignal): Promise<{ jobs: FineTuningJob[]; hasMore: boolean }> {
    try {
      const page = await this.client.fineTuning.jobs.list({ limit: opts.limit ?? 20, ...(opts.after ? { after: opts.after } : {}) }, { signal });
      return { jobs: page.data, hasMore: page.has_more };
    } catch (err) {
      throw this.fail(err, '', { notFound: 'The fine-tuning endpoint was not found (does this server fine-tune?)' });
    }
  }

  /** The latest events of a job, oldest first. */
  async listEvents(id: string, opts: { limit?: number } = {}, signal?: AbortSignal): Promise<FineTuningJobEvent[]> {
    try {
      const page = await this.client.fineTuning.jobs.listEvents(id, { limit: opts.limit ?? 50 }, { signal });
      return [...page.data].reverse();
    } catch (err) {
      throw this.fail(err, '', { notFound: `No fine-tuning job "${id}" (list yours with \`job-entities finetune list\`)` });
    }
  }

  async cancel(id: string, signal?: AbortSignal): Promise<FineTuningJob> {
    try {
      return await this.client.fineTuning.jobs.cancel(id, { signal });
    } catch (err) {
      throw this.fail(err, '', { notFound: `No fine-tuning job "${id}"`, rejected: `The server would not cancel job "${id}"` });
    }
  }

  /**
   * Poll a job until it reaches a terminal status (succeeded, failed, cancelled), reporting status
   * changes and new events. Returns the final job. Aborting stops following, not the job.
   */
  async followJob(id: string, onUpdate: (u: JobUpdate) => void, signal?: AbortSignal, pollMs = 10_000): Promise<FineTuningJob> {
    const seen = new Set<string>();
    let lastStatus: string | undefined;
    try {
      while (true) {
        const job = await this.retrieve(id, signal);
        // The newest 100 events: far more than a job logs between two polls (a few per minute).
        const events = (await this.listEvents(id, { limit: 100 }, signal)).filter((e) => !seen.has(e.id));
        for (const e of events) seen.add(e.id);
        const statusChanged = job.status !== lastStatus;
        lastStatus = job.status;
        if (statusChanged || events.length) onUpdate({ job, events, statusChanged });
        if (TERMINAL_STATUSES.has(job.status)) return job;
        await sleep(pollMs, signal);
      }
    } catch (err) {
      if (signal?.aborted) throw new ExtractionError('cancelled', `Stopped following job ${id}; it keeps running on the server. Check it with \`job-entities finetune status ${id}\`.`);
      throw err;
    }
  }
}
