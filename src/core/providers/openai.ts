// The OpenAI-compatible provider on the official SDK: OpenAI itself, Azure OpenAI's /openai/v1,
// vLLM, llama.cpp, Ollama, LM Studio. Completion models get the seed's prompt format; chat models
// get a system message defining the task. The answer is parsed by the core's parser either way.
import OpenAI from 'openai';
import { z } from 'zod';
import { parseCompletion } from '../completion';
import type { ExtractionResult, Usage } from '../entities';
import { ExtractionError, throwIfCancelled } from '../errors';
import type { PostingInput } from '../posting';
import type { Provider } from '../provider';
import { keyMayGoTo, type Settings } from '../settings';
import { isCutConnection, mapProviderError } from './map-error';
import { buildModelRequest, type ModelRequest } from './request';
import { firstLine } from '../text';

/**
 * Sent when no key is set. Local servers (vLLM, llama.cpp, Ollama, LM Studio) need none, but the
 * SDK refuses to build a client without one; they ignore the header.
 */
export const PLACEHOLDER_API_KEY = 'no-key';

/** Longest retry-after the SDK may sleep for before retrying a 429; beyond it we fail fast. */
const MAX_RETRY_AFTER_MS = 20_000;

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that tells the SDK not to retry what retrying cannot fix. SDK 6 retries every 429, but a
 * 429 `insufficient_quota` is billing, not a rate limit: we add `x-should-retry: false`, which the
 * SDK obeys. A 429 asking to wait longer than MAX_RETRY_AFTER_MS is not retried either, so a
 * service worker is not kept sleeping past its lifetime.
 */
export function noRetryOnQuotaFetch(base: FetchLike = (input, init) => globalThis.fetch(input, init)): FetchLike {
  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 429 || res.headers.has('x-should-retry')) return res;
    const text = await res.text();
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    if (/"insufficient_quota"/.test(text) || retryAfterMs(res.headers) > MAX_RETRY_AFTER_MS)
      headers.set('x-should-retry', 'false');
    return new Response(text, { status: res.status, statusText: res.statusText, headers });
  };
}

function retryAfterMs(h: Headers): number {
  const ms = Number(h.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = h.get('retry-after');
  if (!raw) return 0;
  const s = Number(raw);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? at - Date.now() : 0;
}

export function createClient(settings: Settings, fetchImpl?: FetchLike): OpenAI {
  return new OpenAI({
    // The key goes only to the origin it was saved for, whatever the base URL says now.
    apiKey: (keyMayGoTo(settings) && settings.apiKey) || PLACEHOLDER_API_KEY,
    baseURL: settings.baseURL,
    maxRetries: settings.maxRetries,
    timeout: settings.timeoutMs,
    // The service worker and popup are browsers to the SDK; the key is the user's own, kept in the extension.
    dangerouslyAllowBrowser: true,
    fetch: noRetryOnQuotaFetch(fetchImpl),
  });
}

/** Fail before any request when the settings cannot work. */
export function checkSettings(settings: Settings): void {
  if (!settings.model) {
    throw new ExtractionError(
      'no_model',
      'No model is set. Enter your fine-tuned model id (e.g. ft:davinci-002:ORG:NAME:ID) in the settings or pass --model, or use the offline extractor.',
    );
  }
  if (!settings.apiKey && /^https:\/\/api\.openai\.com(\/|$)/.test(settings.baseURL)) {
    throw new ExtractionError(
      'invalid_key',
      'No API key is set for api.openai.com. Create one at https://platform.openai.com/api-keys and paste it in the settings (or pass --api-key / set OPENAI_API_KEY).',
    );
  }
}

// The answer shapes we rely on, validated like any other boundary (a wrong base URL can answer HTML).
const UsageWire = z
  .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
  .partial()
  .nullish();
const CompletionWire = z.object({
  choices: z.array(z.object({ text: z.string().nullish(), finish_reason: z.string().nullish() })).min(1),
  usage: UsageWire,
});
const ChatWire = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: UsageWire,
});

function toUsage(u: z.infer<typeof UsageWire>): Usage | undefined {
  if (!u || typeof u.prompt_tokens !== 'number' || typeof u.completion_tokens !== 'number') return undefined;
  const p = Math.max(0, Math.round(u.prompt_tokens));
  const c = Math.max(0, Math.round(u.completion_tokens));
  return {
    promptTokens: p,
    completionTokens: c,
    totalTokens: typeof u.total_tokens === 'number' ? Math.max(0, Math.round(u.total_tokens)) : p + c,
  };
}

function badAnswer(settings: Settings, what: string): ExtractionError {
  return new ExtractionError(
    'unknown',
    `The server at ${settings.baseURL} answered ${what}, not an OpenAI-compatible completion. Check that the base URL points at the server's /v1 API.`,
  );
}

/** What a server refused, per base URL and model: the first request pays the 400, later ones do not. */
const refusedParams = new Map<string, { maxTokens?: boolean; temperature?: boolean }>();

/** The request as this server takes it: parameters it refused before are changed the way it asked. */
function adjustRequest(
  req: ModelRequest,
  refused: { maxTokens?: boolean; temperature?: boolean } | undefined,
): ModelRequest {
  if (req.mode !== 'chat' || !refused) return req;
  const body = { ...req.body };
  if (refused.maxTokens && body.max_tokens !== undefined) {
    body.max_completion_tokens = body.max_tokens;
    delete body.max_tokens;
  }
  if (refused.temperature) delete body.temperature;
  return { ...req, body };
}

/**
 * Send the request built by buildModelRequest. OpenAI's reasoning models (o-series, gpt-5) refuse
 * `max_tokens` and temperature 0 with a 400 naming the parameter: then ask again as they require,
 * and remember it for this server and model so the next postings are sent right the first time.
 */
async function sendModelRequest(
  client: OpenAI,
  req: ModelRequest,
  settings: Settings,
  signal?: AbortSignal,
): Promise<unknown> {
  const key = `${settings.baseURL}\n${settings.model}`;
  for (let attempt = 0; ; attempt++) {
    const sent = adjustRequest(req, refusedParams.get(key));
    try {
      if (sent.mode === 'completion') return await client.completions.create(sent.body, { signal });
      return await client.chat.completions.create(sent.body, { signal });
    } catch (err) {
      if (
        sent.mode !== 'chat' ||
        attempt >= 2 ||
        !(err instanceof OpenAI.BadRequestError) ||
        !/^unsupported_(parameter|value)$/.test(err.code ?? '')
      )
        throw err;
      const refused = { ...refusedParams.get(key) };
      if (err.param === 'max_tokens' && sent.body.max_tokens !== undefined) refused.maxTokens = true;
      else if (err.param === 'temperature' && sent.body.temperature !== undefined) refused.temperature = true;
      else throw err;
      refusedParams.set(key, refused);
    }
  }
}

/** Runs `call` again once when the connection was cut mid-answer (see isCutConnection). */
async function withOneRetryOnCut<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (signal?.aborted || !isCutConnection(err)) throw err;
    return call();
  }
}

export interface RawAnswer {
  text: string;
  finishReason: string | null;
  usage?: Usage;
  mode: 'completion' | 'chat';
}

/** One request to the model for this text; returns its raw answer. Throws mapped ExtractionErrors. */
export async function requestAnswer(
  text: string,
  settings: Settings,
  signal?: AbortSignal,
  opts: { maxTokens?: number; client?: OpenAI } = {},
): Promise<RawAnswer> {
  checkSettings(settings);
  throwIfCancelled(signal);
  const client = opts.client ?? createClient(settings);
  const req = buildModelRequest(text, settings, { maxTokens: opts.maxTokens });
  const mode = req.mode;
  const ctx = {
    model: settings.model,
    baseURL: settings.baseURL,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    apiKey: settings.apiKey,
  };
  let answer: unknown;
  try {
    // A connection cut mid-answer is tried once more, like a 5xx (the SDK retries those itself).
    answer = await withOneRetryOnCut(signal, () => sendModelRequest(client, req, settings, signal));
  } catch (err) {
    // A caller's deadline (AbortSignal.timeout) aborts like a cancel: report it as the timeout it is.
    if (signal?.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError') {
      throw new ExtractionError(
        'timeout',
        `The model ${settings.model} at ${settings.baseURL} took too long to answer. Try again, or raise the timeout in the settings.`,
        { cause: err },
      );
    }
    throw mapProviderError(err, ctx);
  }
  return readAnswer(answer, mode, settings);
}

/** A completion or chat completion body (from the server or a batch output line) as a RawAnswer; throws on other shapes. */
export function readAnswer(answer: unknown, mode: 'completion' | 'chat', settings: Settings): RawAnswer {
  if (typeof answer === 'string') throw badAnswer(settings, `"${answer.replace(/\s+/g, ' ').slice(0, 60)}"`);
  if (mode === 'completion') {
    const r = CompletionWire.safeParse(answer);
    if (!r.success) throw badAnswer(settings, 'JSON without choices[].text');
    const c = r.data.choices[0];
    return { text: c.text ?? '', finishReason: c.finish_reason ?? null, usage: toUsage(r.data.usage), mode };
  }
  const r = ChatWire.safeParse(answer);
  if (!r.success) throw badAnswer(settings, 'JSON without choices[].message');
  const c = r.data.choices[0];
  if (c.message.refusal && !c.message.content) {
    throw new ExtractionError(
      'bad_request',
      `The model ${settings.model} refused to answer: ${firstLine(c.message.refusal)}`,
    );
  }
  return { text: c.message.content ?? '', finishReason: c.finish_reason ?? null, usage: toUsage(r.data.usage), mode };
}

/** Raw answers kept for the user to read: enough to see what went wrong, small enough to store. */
const RAW_ANSWER_LIMIT = 4000;
function clipRaw(text: string): string {
  return text.length > RAW_ANSWER_LIMIT ? `${text.slice(0, RAW_ANSWER_LIMIT - 1)}…` : text;
}

/**
 * The provider's result for one answer: entities parsed from it, with the meta `extract` reports.
 * An answer out of the format is an error, not "nothing found": an empty result would be shown,
 * cached and exported as a clean answer.
 */
export function resultFromAnswer(answer: RawAnswer, settings: Settings): ExtractionResult {
  const parsed = parseCompletion(answer.text, { finishReason: answer.finishReason ?? undefined, stop: settings.stop });
  if (parsed.unreadable) {
    throw new ExtractionError(
      'bad_answer',
      `The model's answer was not in the expected format, so no entities could be read from it. Check the model and mode in the settings (a model fine-tuned for this answers like skills:['sql']).`,
      { raw: clipRaw(answer.text) },
    );
  }
  const result: ExtractionResult = {
    ...parsed.entities,
    meta: {
      provider: 'openai',
      model: settings.model,
      finishReason: answer.finishReason,
      warnings: [...parsed.warnings],
      chunks: 1,
    },
  };
  if (answer.finishReason === 'length' || parsed.warnings.length > 0) result.meta.rawAnswer = clipRaw(answer.text);
  if (answer.usage) result.meta.usage = answer.usage;
  return result;
}

export const openaiProvider: Provider = {
  id: 'openai',
  async extract(posting: PostingInput, settings: Settings, signal?: AbortSignal): Promise<ExtractionResult> {
    return resultFromAnswer(await requestAnswer(posting.text, settings, signal), settings);
  },
};

/** The smallest real request to the configured model: the options page's "Test connection". */
export async function pingModel(
  settings: Settings,
  signal?: AbortSignal,
): Promise<{ mode: 'completion' | 'chat'; answer: string }> {
  const a = await requestAnswer('Test connection.', { ...settings, maxRetries: 0 }, signal, { maxTokens: 1 });
  return { mode: a.mode, answer: a.text };
}
