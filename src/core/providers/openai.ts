// The OpenAI-compatible provider on the official SDK: OpenAI itself, Azure OpenAI's /openai/v1,
// vLLM, llama.cpp, Ollama, LM Studio. Completion models get the seed's prompt format; chat models
// get a system message defining the task. The answer is parsed by the core's parser either way.
import OpenAI from 'openai';
import type { ExtractionResult } from '../entities';
import { ExtractionError, throwIfCancelled } from '../errors';
import type { PostingInput } from '../posting';
import type { Provider } from '../provider';
import type { Settings } from '../settings';
import { readAnswer, resultFromAnswer, type RawAnswer } from './answer';
import { createClient } from './client';
import { isCutConnection, mapProviderError } from './map-error';
import { buildModelRequest, type ModelRequest } from './request';

export { readAnswer, resultFromAnswer, type RawAnswer } from './answer';
export { createClient, noRetryOnQuotaFetch, PLACEHOLDER_API_KEY } from './client';

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
