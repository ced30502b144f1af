// One typed error for everything a user can meet: what happened and what to do.
import { z } from 'zod';
import { errorMessage, firstLine } from './text';

export const ERROR_CODES = [
  'no_model', // nothing configured where a model is required
  'invalid_key', // 401
  'no_access', // 403
  'not_found', // 404: model id or base URL wrong
  'rate_limit', // 429 after retries
  'quota', // 429 insufficient_quota: billing
  'server_error', // 5xx after retries
  'bad_request', // 400/422: the server refused the request
  'timeout',
  'unreachable', // refused, DNS, CORS
  'host_permission', // the extension lacks permission for the base URL's host
  'cancelled',
  'no_posting', // the page holds no job posting
  'invalid_input', // a file or message failed validation
  'settings_damaged',
  'bad_answer', // the model answered, but not in the expected format // the stored settings failed validation: the saved key is not used until they are entered again
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes whose cause is the user's settings: the UI offers a button to the options page. The same
 * codes doom every request of a run with those settings, so the CLI stops on them.
 */
export const SETTINGS_ERROR_CODES: ReadonlySet<ErrorCode> = new Set([
  'no_model',
  'invalid_key',
  'no_access',
  'not_found',
  'quota',
  'unreachable',
  'host_permission',
  'settings_damaged',
]);

export const ErrorInfoSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** One or two sentences: what happened, then what to do. No stack traces. */
  message: z.string(),
  status: z.number().int().optional(),
  /** The model's raw answer (clipped), when the error is about what it answered: the user may look at it. */
  raw: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export class ExtractionError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly raw?: string;
  constructor(code: ErrorCode, message: string, options?: { status?: number; cause?: unknown; raw?: string }) {
    super(redactSecrets(message), options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ExtractionError';
    this.code = code;
    this.status = options?.status;
    if (options?.raw !== undefined) this.raw = redactSecrets(options.raw);
  }
  /** A settings error dooms every request made with those settings: a run stops on it. */
  get isFatal(): boolean {
    return SETTINGS_ERROR_CODES.has(this.code);
  }
  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.raw === undefined ? {} : { raw: this.raw }),
    };
  }
}

/** What a stopped extraction says, wherever it was stopped (before a request, between chunks, in the worker). */
export const CANCELLED_MESSAGE = 'Cancelled: the extraction was stopped.';

/** Stop here when the caller has given up: the one cancel check of the core and the worker. */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ExtractionError('cancelled', CANCELLED_MESSAGE);
}

/** Anything thrown -> ErrorInfo, for crossing a message boundary or printing. Never exposes a stack or a key. */
export function toErrorInfo(err: unknown, secrets: readonly string[] = []): ErrorInfo {
  if (err instanceof ExtractionError) {
    const info = err.toInfo();
    return {
      ...info,
      message: redactSecrets(info.message, secrets),
      ...(info.raw === undefined ? {} : { raw: redactSecrets(info.raw, secrets) }),
    };
  }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: CANCELLED_MESSAGE };
  return { code: 'unknown', message: redactSecrets(`Something went wrong: ${firstLine(errorMessage(err))}`, secrets) };
}

/** Key-shaped tokens: OpenAI's `sk-…` (project, admin and service-account keys alike). */
const KEY_PATTERN = /\bsk-[A-Za-z0-9_*.-]{6,}/g;

/**
 * A message with every key-shaped token and every given secret replaced: a server that echoes the
 * key in its error ("Incorrect API key provided: sk-…") must not get it shown, stored or printed.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out.replace(KEY_PATTERN, 'sk-[redacted]');
}
