// The Batch API (OpenAI, Azure OpenAI batch deployments, vLLM's run_batch): postings become lines
// of a JSONL input file, each the very request `extract` would send, and the output lines (in any
// order, keyed by custom_id) become the same results and error lines `extract` gives. Pure: the
// CLI reads and writes the files, this module only builds and reads lines.
import OpenAI, { APIError, toFile } from 'openai';
import { z } from 'zod';
import { promptOverheadTokens, MIN_PROMPT_BUDGET } from './chunk';
import type { ExtractionResult } from './entities';
import { ExtractionError, toErrorInfo, type ErrorInfo } from './errors';
import { checkResult, mergeChunkResults, postingRequestTexts, readPosting } from './extract';
import { withRequestSignal } from './finetune';
import { contextTokensFor } from './models';
import type { PostingInput } from './posting';
import { normalizeText } from './prompt';
import { mapProviderError } from './providers/map-error';
import { createClient, readAnswer, resultFromAnswer } from './providers/openai';
import { buildModelRequest, type ModelEndpoint } from './providers/request';
import type { Settings } from './settings';
import { countTokens } from './tokens';

/** What of a posting was read (scope, headings), as extract's results report it. */
type ReadMeta = Pick<ExtractionResult['meta'], 'scope' | 'read'>;

/** OpenAI's limits for one batch input file. */
export const BATCH_MAX_REQUESTS = 50_000;
export const BATCH_MAX_BYTES = 200 * 1024 * 1024;
export const COMPLETION_WINDOW = '24h';

export interface BatchRequestLine {
  custom_id: string;
  method: 'POST';
  url: ModelEndpoint;
  body: unknown;
}

/**
 * The custom_id of a request: the record's position in the input (its JSONL line), `/k` for the
 * k-th chunk of a posting split in several, then `:ID` when the record carried an id (for people
 * reading the output file; only the position is read back).
 */
export function customIdFor(position: number, id?: string | number, chunk?: { index: number; count: number }): string {
  let s = String(position);
  if (chunk && chunk.count > 1) s += `/${chunk.index + 1}`;
  if (id !== undefined) s += `:${String(id).slice(0, 64)}`;
  return s;
}

export function parseCustomId(customId: string): { position: number; chunk: number } | undefined {
  const m = /^(\d+)(?:\/(\d+))?(?::[\s\S]*)?$/.exec(customId);
  if (!m) return undefined;
  return { position: Number(m[1]), chunk: m[2] ? Number(m[2]) - 1 : 0 };
}

/**
 * The request lines for one posting, or why the batch cannot carry it: empty text, or a piece
 * still too long for the model's context after chunking (the answer budget leaves no room).
 */
export function batchRequestLines(
  posting: PostingInput,
  position: number,
  settings: Settings,
  id?: string | number,
): { lines: BatchRequestLine[]; read: ReadMeta } | { problem: string } {
  if (!posting.text.trim()) return { problem: 'the posting text is empty' };
  const read = readPosting(posting, settings);
  const texts = postingRequestTexts(posting, settings, read);
  const context = contextTokensFor(settings.model, settings.contextTokens);
  const free = context - settings.maxTokens - promptOverheadTokens();
  // Chunks fit by construction unless the budget was raised to its floor: only then count again.
  if (free < MIN_PROMPT_BUDGET) {
    for (const t of texts) {
      const n = countTokens(normalizeText(t));
      if (n > free)
        return {
          problem: `too long for ${settings.model}: a piece of ${n} tokens plus the ${settings.maxTokens}-token answer exceeds its ${context}-token context even after splitting; lower --max-tokens or set --context-tokens`,
        };
    }
  }
  return {
    read: read.meta,
    lines: texts.map((text, index) => {
      const req = buildModelRequest(text, settings);
      return {
        custom_id: customIdFor(position, id, { index, count: texts.length }),
        method: 'POST',
        url: req.endpoint,
        body: req.body,
      };
    }),
  };
}

export function endpointFor(settings: Settings): ModelEndpoint {
  return buildModelRequest('', settings).endpoint;
}

// ---------------------------------------------------------------------------------------------
// Output lines

export const BatchOutputLineSchema = z.looseObject({
  custom_id: z.string(),
  response: z.looseObject({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

export interface ChunkOutcome {
  position: number;
  chunk: number;
  result?: ExtractionResult;
  error?: ErrorInfo;
  /** The request never ran (expired, cancelled): an error line without a response. */
  noResult?: boolean;
}

/**
 * One line of a batch output or error file as the outcome `extract` would have had: the answer
 * parsed the same way, or the server's error mapped to the same message. Undefined for a line
 * that is not an output line (reported by the caller).
 */
export function outcomeOfOutputLine(raw: string, settings: Settings): ChunkOutcome | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = BatchOutputLineSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const line = parsed.data;
  const id = parseCustomId(line.custom_id);
  if (!id) return undefined;
  const mode = endpointFor(settings) === '/v1/completions' ? 'completion' : 'chat';
  try {
    if (line.response && line.response.status_code === 200) {
      return { ...id, result: resultFromAnswer(readAnswer(line.response.body, mode, settings), settings) };
    }
    if (line.response) {
      const body = line.response.body as { error?: object } | undefined;
      const err = APIError.generate(
        line.response.status_code,
        body && typeof body === 'object' ? body : undefined,
        undefined,
        new Headers(),
      );
      // A batch request is never retried: the message must not say it was.
      throw mapProviderError(err, {
        model: settings.model,
        baseURL: settings.baseURL,
        maxRetries: 0,
        apiKey: settings.apiKey,
      });
    }
    const code = line.error?.code ?? 'unknown';
    const message = line.error?.message ?? 'the server gave no reason';
    const kind = code === 'batch_expired' ? 'timeout' : code === 'batch_cancelled' ? 'cancelled' : 'server_error';
    return {
      ...id,
      noResult: true,
      error: new ExtractionError(kind, `No result: ${message.replace(/\.$/, '')} (${code}).`).toInfo(),
    };
  } catch (err) {
    return { ...id, error: toErrorInfo(err) };
  }
}

/** The outcome of a posting from its chunks' outcomes: the first error, or the merged result. */
export function combineChunks(
  chunks: (ChunkOutcome | undefined)[],
  count: number,
  missing: () => ErrorInfo,
  read?: ReadMeta,
  posting?: PostingInput,
): { result?: ExtractionResult; error?: ErrorInfo } {
  const parts: ExtractionResult[] = [];
  for (let k = 0; k < count; k++) {
    const c = chunks[k];
    if (!c) return { error: missing() };
    if (c.error) return { error: c.error };
    if (c.result) parts.push(c.result);
  }
  try {
    // The posting as extract passes it: the company for cleaning, the sections for attribution.
    return { result: checkResult(mergeChunkResults(parts), 'openai', read, posting) };
  } catch (err) {
    return { error: toErrorInfo(err) };
  }
}

// ---------------------------------------------------------------------------------------------
// The endpoints: files with purpose batch, /batches, file content.

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
        await withRequestSignal(signal, (s) => this.client.batches.retrieve(id, { signal: s })),
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
      const res = await withRequestSignal(signal, (s) => this.client.files.content(fileId, { signal: s }));
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
