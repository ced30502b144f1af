// Every failure of an OpenAI-compatible call becomes one ExtractionError whose message says what
// happened and what to do. The SDK's error classes tell the HTTP status; the body's `code` refines it.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from 'openai';
import { ExtractionError, redactSecrets } from '../errors';
import { firstLine } from '../text';

export interface ErrorContext {
  model: string;
  baseURL: string;
  /** The request timeout in ms, for the timeout message. */
  timeoutMs?: number;
  /** Retries the client made on 429 and 5xx (0: the message must not claim it retried). */
  maxRetries?: number;
  /** The key sent: a server may echo it in its error, and no message may carry it. */
  apiKey?: string;
}

/** Hosts that are the user's own machine or network: the server is theirs to start. */
export function isLocalBaseURL(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host.endsWith('.local')
  );
}

function isOpenAI(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

/** The server's own words from an SDK error (the `error.message` of its JSON body), one line. */
export function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  const raw = body && typeof body.message === 'string' ? body.message : err.message.replace(/^\d{3}\s+/, '');
  const line = firstLine(raw).trim();
  return line.length > 300 ? line.slice(0, 297) + '...' : line;
}

function retryAfterText(err: APIError): string {
  const headers = err.headers as Headers | undefined;
  const ms = Number(headers?.get?.('retry-after-ms'));
  const s = Number(headers?.get?.('retry-after'));
  const wait = Number.isFinite(ms) && ms > 0 ? ms / 1000 : Number.isFinite(s) && s > 0 ? s : undefined;
  return wait === undefined
    ? ''
    : ` The server asked to wait ${wait < 10 ? wait.toFixed(wait < 1 ? 1 : 0) : Math.round(wait)} s.`;
}

/** The low-level reason of a connection failure (Node's undici puts it in `cause.code`). */
function connectionCause(err: unknown): { code?: string; message: string } {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof c.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c.code))
      return { code: c.code, message: String(c.message ?? '') };
    cur = c.cause;
  }
  return { message: err instanceof Error ? err.message : String(err) };
}

function unreachableMessage(err: unknown, ctx: ErrorContext): string {
  const { code } = connectionCause(err);
  const local = isLocalBaseURL(ctx.baseURL);
  const where = `Could not reach ${ctx.baseURL}`;
  let what: string;
  if (code === 'ECONNREFUSED') what = `${where}: the connection was refused (nothing is listening there).`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') what = `${where}: the host name does not resolve (DNS).`;
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    what = `${where}: the server closed the connection without answering.`;
  else if (code) what = `${where} (${code}).`;
  // In a browser a refused connection and a CORS refusal look the same ("Failed to fetch").
  else what = `${where}: the server is down, the address is wrong, or it refused this origin (CORS).`;
  const todo = local
    ? ' Start your server and check the port (vLLM: `vllm serve MODEL`; llama.cpp: `llama-server -m MODEL.gguf`; Ollama: `ollama serve`; LM Studio: start the local server). From the extension, Ollama also needs OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" and LM Studio needs CORS enabled.'
    : ' Check the base URL in the settings (for OpenAI: https://api.openai.com/v1) and your network connection.';
  return what + todo;
}

/**
 * A connection cut after the answer started (headers received, body cut off): the SDK does not
 * wrap it, so it arrives as the fetch's own TypeError ("terminated" in Node, "Failed to fetch" or
 * "network error" in browsers). Worth one more try, like a 5xx.
 */
export function isCutConnection(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof APIError) return false;
  if (err.name === 'AbortError') return false;
  const { code } = connectionCause(err);
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return true;
  return (
    err instanceof TypeError &&
    /terminated|failed to fetch|network ?error|load failed|other side closed/i.test(err.message)
  );
}

/** Map anything the SDK (or a fetch under it) threw to an ExtractionError. */
export function mapProviderError(err: unknown, ctx: ErrorContext): ExtractionError {
  if (err instanceof ExtractionError) return err;
  const model = ctx.model || '(no model set)';
  const base = ctx.baseURL;
  const retried = ctx.maxRetries !== 0;
  const mk = (code: ConstructorParameters<typeof ExtractionError>[0], message: string, status?: number) =>
    new ExtractionError(code, redactSecrets(message, ctx.apiKey ? [ctx.apiKey] : []), { status, cause: err });

  if (err instanceof APIUserAbortError || (err instanceof Error && err.name === 'AbortError'))
    return mk('cancelled', 'Cancelled: the request was stopped before the model answered.');
  if (err instanceof APIConnectionTimeoutError) {
    const secs = ctx.timeoutMs ? ` within ${Math.round(ctx.timeoutMs / 1000)} s` : '';
    return mk(
      'timeout',
      `The model ${model} at ${base} did not answer${secs}. Try again, raise the timeout in the settings, or shorten the posting.`,
    );
  }
  if (err instanceof APIConnectionError) return mk('unreachable', unreachableMessage(err.cause ?? err, ctx));
  if (isCutConnection(err)) {
    return mk(
      'unreachable',
      `The connection to ${base} was cut before the answer was complete (tried twice). Try again; if it keeps happening, check the server and your network.`,
    );
  }
  if (err instanceof AuthenticationError) {
    const where = isOpenAI(base)
      ? 'Create one at https://platform.openai.com/api-keys and'
      : `Check the key your server at ${base} expects and`;
    return mk(
      'invalid_key',
      `The API key was rejected by ${base} (401: ${serverMessage(err)}). ${where} paste it in the settings (or pass --api-key / OPENAI_API_KEY).`,
      401,
    );
  }
  if (err instanceof PermissionDeniedError) {
    return mk(
      'no_access',
      `Your key may not use the model ${model} at ${base} (403: ${serverMessage(err)}). Use a model your organisation or project can access, or ask its owner for access.`,
      403,
    );
  }
  if (err instanceof NotFoundError) {
    return mk(
      'not_found',
      `The model "${model}" was not found at ${base} (404: ${serverMessage(err)}). Check the model id (a fine-tune looks like ft:davinci-002:ORG:NAME:ID) and that the base URL ends in /v1.`,
      404,
    );
  }
  if (err instanceof RateLimitError) {
    if (
      err.code === 'insufficient_quota' ||
      (err.error as { type?: unknown } | undefined)?.type === 'insufficient_quota'
    ) {
      return mk(
        'quota',
        `Your account at ${base} has no quota left (429 insufficient_quota: ${serverMessage(err)}). Add credit or raise the limit in your billing settings, then try again.`,
        429,
      );
    }
    return mk(
      'rate_limit',
      `The server at ${base} is rate-limiting requests to ${model}${retried ? ' and still did after retrying' : ''} (429).${retryAfterText(err)} Wait a moment, lower --concurrency, or raise your rate limits.`,
      429,
    );
  }
  if (err instanceof BadRequestError || err instanceof UnprocessableEntityError) {
    const status = err.status;
    if (err.code === 'context_length_exceeded') {
      return mk(
        'bad_request',
        `The posting is too long for ${model} (${status}: ${serverMessage(err)}). Set the model's context size in the settings so long postings are split, or lower the max tokens.`,
        status,
      );
    }
    return mk(
      'bad_request',
      `The server at ${base} refused the request for ${model} (${status}: ${serverMessage(err)}). Check the model and mode (completion or chat) in the settings.`,
      status,
    );
  }
  if (err instanceof InternalServerError) {
    return mk(
      'server_error',
      `The server at ${base} failed with ${err.status}${retried ? ' and still did after retrying' : ''} (${serverMessage(err)}). Try again later.`,
      err.status,
    );
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    return mk(
      'unknown',
      `The server at ${base} answered ${err.status} (${serverMessage(err)}). Check the base URL and model in the settings.`,
      err.status,
    );
  }
  const msg = err instanceof Error ? err.message : String(err);
  return mk('unknown', `Something went wrong calling ${model} at ${base}: ${firstLine(msg)}`);
}
