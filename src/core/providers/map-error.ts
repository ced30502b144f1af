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
import { ExtractionError, redactSecrets, type ErrorCode } from '../errors';
import { errorMessage, firstLine } from '../text';
import { isCutConnection, unreachableMessage } from './connection-errors';

export { isCutConnection, isLocalBaseURL } from './connection-errors';

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

/** What a message may name: the model, the base URL, and whether the client retried. */
interface MessageContext {
  model: string;
  base: string;
  retried: boolean;
}

/** One kind of HTTP answer: the SDK's error classes that carry it, a finer test on the body, the code and message. */
interface HttpErrorRule {
  classes: readonly (abstract new (...args: never[]) => APIError)[];
  when?: (err: APIError) => boolean;
  code: ErrorCode;
  /** The status reported; the error's own when not given. */
  status?: number;
  message: (err: APIError, m: MessageContext) => string;
}

const AFTER_RETRYING = (m: MessageContext) => (m.retried ? ' and still did after retrying' : '');

/** HTTP answers in the order they are tried: the first rule whose class (and test) matches maps the error. */
const HTTP_ERROR_RULES: readonly HttpErrorRule[] = [
  {
    classes: [AuthenticationError],
    code: 'invalid_key',
    status: 401,
    message: (err, { base }) => {
      const where = isOpenAI(base)
        ? 'Create one at https://platform.openai.com/api-keys and'
        : `Check the key your server at ${base} expects and`;
      return `The API key was rejected by ${base} (401: ${serverMessage(err)}). ${where} paste it in the settings (or pass --api-key / OPENAI_API_KEY).`;
    },
  },
  {
    classes: [PermissionDeniedError],
    code: 'no_access',
    status: 403,
    message: (err, { model, base }) =>
      `Your key may not use the model ${model} at ${base} (403: ${serverMessage(err)}). Use a model your organisation or project can access, or ask its owner for access.`,
  },
  {
    classes: [NotFoundError],
    code: 'not_found',
    status: 404,
    message: (err, { model, base }) =>
      `The model "${model}" was not found at ${base} (404: ${serverMessage(err)}). Check the model id (a fine-tune looks like ft:davinci-002:ORG:NAME:ID) and that the base URL ends in /v1.`,
  },
  {
    classes: [RateLimitError],
    when: (err) =>
      err.code === 'insufficient_quota' || (err.error as { type?: unknown } | undefined)?.type === 'insufficient_quota',
    code: 'quota',
    status: 429,
    message: (err, { base }) =>
      `Your account at ${base} has no quota left (429 insufficient_quota: ${serverMessage(err)}). Add credit or raise the limit in your billing settings, then try again.`,
  },
  {
    classes: [RateLimitError],
    code: 'rate_limit',
    status: 429,
    message: (err, m) =>
      `The server at ${m.base} is rate-limiting requests to ${m.model}${AFTER_RETRYING(m)} (429).${retryAfterText(err)} Wait a moment, lower --concurrency, or raise your rate limits.`,
  },
  {
    classes: [BadRequestError, UnprocessableEntityError],
    when: (err) => err.code === 'context_length_exceeded',
    code: 'bad_request',
    message: (err, { model }) =>
      `The posting is too long for ${model} (${err.status}: ${serverMessage(err)}). Set the model's context size in the settings so long postings are split, or lower the max tokens.`,
  },
  {
    classes: [BadRequestError, UnprocessableEntityError],
    code: 'bad_request',
    message: (err, { model, base }) =>
      `The server at ${base} refused the request for ${model} (${err.status}: ${serverMessage(err)}). Check the model and mode (completion or chat) in the settings.`,
  },
  {
    classes: [InternalServerError],
    code: 'server_error',
    message: (err, m) =>
      `The server at ${m.base} failed with ${err.status}${AFTER_RETRYING(m)} (${serverMessage(err)}). Try again later.`,
  },
  {
    classes: [APIError],
    when: (err) => typeof err.status === 'number',
    code: 'unknown',
    message: (err, { base }) =>
      `The server at ${base} answered ${err.status} (${serverMessage(err)}). Check the base URL and model in the settings.`,
  },
];

/** Map anything the SDK (or a fetch under it) threw to an ExtractionError. */
export function mapProviderError(err: unknown, ctx: ErrorContext): ExtractionError {
  if (err instanceof ExtractionError) return err;
  const m: MessageContext = { model: ctx.model || '(no model set)', base: ctx.baseURL, retried: ctx.maxRetries !== 0 };
  const mk = (code: ErrorCode, message: string, status?: number) =>
    new ExtractionError(code, redactSecrets(message, ctx.apiKey ? [ctx.apiKey] : []), { status, cause: err });

  if (err instanceof APIUserAbortError || (err instanceof Error && err.name === 'AbortError'))
    return mk('cancelled', 'Cancelled: the request was stopped before the model answered.');
  if (err instanceof APIConnectionTimeoutError) {
    const secs = ctx.timeoutMs ? ` within ${Math.round(ctx.timeoutMs / 1000)} s` : '';
    return mk(
      'timeout',
      `The model ${m.model} at ${m.base} did not answer${secs}. Try again, raise the timeout in the settings, or shorten the posting.`,
    );
  }
  if (err instanceof APIConnectionError) return mk('unreachable', unreachableMessage(err.cause ?? err, ctx));
  if (isCutConnection(err)) {
    return mk(
      'unreachable',
      `The connection to ${m.base} was cut before the answer was complete (tried twice). Try again; if it keeps happening, check the server and your network.`,
    );
  }
  if (err instanceof APIError) {
    const rule = HTTP_ERROR_RULES.find((r) => r.classes.some((c) => err instanceof c) && (r.when?.(err) ?? true));
    if (rule) return mk(rule.code, rule.message(err, m), rule.status ?? err.status);
  }
  return mk('unknown', `Something went wrong calling ${m.model} at ${m.base}: ${firstLine(errorMessage(err))}`);
}
