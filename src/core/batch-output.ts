// Batch output lines read as the outcome `extract` would have had: the answer parsed the same way,
// errors mapped to the same messages, and a posting's chunks merged.
import { APIError } from 'openai';
import { z } from 'zod';
import type { ExtractionResult } from './entities';
import { ExtractionError, toErrorInfo, type ErrorInfo } from './errors';
import { checkResult, mergeChunkResults } from './extract';
import type { PostingInput } from './posting';
import { mapProviderError } from './providers/map-error';
import { readAnswer, resultFromAnswer } from './providers/openai';
import type { Settings } from './settings';
import { endpointFor, parseCustomId, type ReadMeta } from './batch-requests';

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
