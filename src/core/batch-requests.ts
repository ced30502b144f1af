// Batch input lines: each the very request `extract` would send for one chunk of a posting, keyed
// by a custom_id that says which posting and chunk it is.
import { promptOverheadTokens, MIN_PROMPT_BUDGET } from './chunk';
import type { ExtractionResult } from './entities';
import { postingRequestTexts, readPosting } from './extract';
import { contextTokensFor } from './models';
import type { PostingInput } from './posting';
import { normalizeText } from './prompt';
import { buildModelRequest, type ModelEndpoint } from './providers/request';
import type { Settings } from './settings';
import { countTokens } from './tokens';

/** What of a posting was read (scope, headings), as extract's results report it. */
export type ReadMeta = Pick<ExtractionResult['meta'], 'scope' | 'read'>;

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
