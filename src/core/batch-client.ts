// The Batch API's endpoints: files with purpose batch, /batches, file content. Every answer is
// validated and every failure mapped to an ExtractionError.
import OpenAI, { toFile } from 'openai';
import { z } from 'zod';
import { ExtractionError } from './errors';
import { withLinkedSignal } from './abortable';
import { COMPLETION_WINDOW } from './batch-requests';
import { mapProviderError } from './providers/map-error';
import { createClient } from './providers/openai';
import type { ModelEndpoint } from './providers/request';
import type { Settings } from './settings';

export const BatchSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  input_file_id: z.string(),
  output_file_id: z.string().nullish(),
  error_file_id: z.string().nullish(),
  request_counts: z.looseObject({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  errors: z
    .looseObject({
      data: z
        .array(z.looseObject({ message: z.string().nullish(), line: z.number().nullish(), code: z.string().nullish() }))
        .nullish(),
    })
    .nullish(),
});
export type Batch = z.infer<typeof BatchSchema>;

/** Statuses after which a batch changes no more. */
export const BATCH_TERMINAL: ReadonlySet<string> = new Set(['completed', 'failed', 'expired', 'cancelled']);

export class BatchClient {
  readonly client: OpenAI;
  constructor(readonly settings: Settings) {
    this.client = createClient(settings);
  }

  private fail(err: unknown): ExtractionError {
    return mapProviderError(err, {
      model: this.settings.model,
      baseURL: this.settings.baseURL,
      timeoutMs: this.settings.timeoutMs,
      maxRetries: this.settings.maxRetries,
      apiKey: this.settings.apiKey,
    });
  }

  private check(value: unknown, what: string): Batch {
    const r = BatchSchema.safeParse(value);
    if (!r.success)
      throw new ExtractionError(
        'unknown',
        `The server's answer for ${what} is not a batch (${r.error.issues[0]?.message}). Check that ${this.settings.baseURL} speaks OpenAI's Batch API.`,
      );
    return r.data;
  }

  /** Upload a batch input file; `content` may be a stream (the CLI's file) so it is never whole in memory. */
  async upload(name: string, content: Parameters<typeof toFile>[0], signal?: AbortSignal): Promise<string> {
    try {
      const file = await this.client.files.create(
        { file: await toFile(content, name, { type: 'application/jsonl' }), purpose: 'batch' },
        { signal },
      );
      if (!file || typeof file.id !== 'string')
        throw new ExtractionError('unknown', `The server did not answer the upload of ${name} with a file id.`);
      return file.id;
    } catch (err) {
      throw this.fail(err);
    }
  }

  async create(
    inputFileId: string,
    endpoint: ModelEndpoint,
    metadata: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<Batch> {
    try {
      return this.check(
        await this.client.batches.create(
          { input_file_id: inputFileId, endpoint, completion_window: COMPLETION_WINDOW, metadata },
          { signal },
        ),
        'POST /batches',
      );
    } catch (err) {
      throw this.fail(err);
    }
  }

  async retrieve(id: string, signal?: AbortSignal): Promise<Batch> {
    try {
      return this.check(
        await withLinkedSignal(signal, (s) => this.client.batches.retrieve(id, { signal: s })),
        `batch ${id}`,
      );
    } catch (err) {
      throw this.fail(err);
    }
  }

  async cancel(id: string, signal?: AbortSignal): Promise<Batch> {
    try {
      return this.check(await this.client.batches.cancel(id, { signal }), `cancelling ${id}`);
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** The batch created from this input file, when one exists (a crash between create and saving its id). */
  async findByInputFile(inputFileId: string, signal?: AbortSignal): Promise<Batch | undefined> {
    try {
      const page = await this.client.batches.list({ limit: 100 }, { signal });
      const found = page.data.find((b) => b.input_file_id === inputFileId);
      return found ? this.check(found, 'GET /batches') : undefined;
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** A file's content as text (output and error files are at most the input's size). */
  async content(fileId: string, signal?: AbortSignal): Promise<string> {
    try {
      const res = await withLinkedSignal(signal, (s) => this.client.files.content(fileId, { signal: s }));
      return await res.text();
    } catch (err) {
      throw this.fail(err);
    }
  }

  async deleteFile(fileId: string): Promise<void> {
    try {
      await this.client.files.delete(fileId);
    } catch (err) {
      throw this.fail(err);
    }
  }
}
