// Request limits inside an MV3 service worker: Chrome stops a worker whose fetch() waits more than
// 30 s for a response, and any single event may not run for 5 minutes. Every handler that calls a
// model server applies these (the CLI has no such limits and uses the settings as they are).
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { Settings } from '../core/settings';

export const WORKER_REQUEST_TIMEOUT_MS = 28_000;
const WORKER_JOB_CEILING_MS = 240_000;

/** The settings with each request's timeout capped below the worker's 30 s fetch limit. */
export function withWorkerLimits(settings: Settings): Settings {
  return { ...settings, timeoutMs: Math.min(settings.timeoutMs, WORKER_REQUEST_TIMEOUT_MS) };
}

/** The longest a whole job may wait (every retry included): shown in the timeout message. */
export function jobCeilingMs(settings: Settings): number {
  return Math.min(settings.timeoutMs * (settings.maxRetries + 1) + 5_000, WORKER_JOB_CEILING_MS);
}

/**
 * The timeout error as the worker tells it: when the timeout is at the worker's limit, raising it
 * cannot help, so the message says what the limit is and how long the whole wait
 * was at most, instead of "raise the timeout".
 */
export function timeoutInfo(err: unknown, limited: Settings): ErrorInfo {
  const info = toErrorInfo(err);
  if (info.code !== 'timeout') return info;
  const per = Math.round(limited.timeoutMs / 1000);
  const total = Math.round(jobCeilingMs(limited) / 1000);
  // At the cap, a higher setting would be capped again: raising it cannot help.
  if (limited.timeoutMs >= WORKER_REQUEST_TIMEOUT_MS) {
    return {
      code: 'timeout',
      message: `The model server did not answer within ${per} s, the longest one request may wait inside a browser extension (at most ${total} s in all, retries included). Try again later or use a faster server; the CLI has no such limit.`,
    };
  }
  return {
    code: 'timeout',
    message: `The model server did not answer within ${per} s per request (at most ${total} s in all, retries included). Try again, or raise the timeout in the settings (up to ${WORKER_REQUEST_TIMEOUT_MS / 1000} s in the extension).`,
  };
}

/** One ceiling over a whole job (every retry and chunk), combined with the user's cancel signal when there is one. */
export function jobSignal(signal: AbortSignal | undefined, settings: Settings): AbortSignal {
  const ceiling = AbortSignal.timeout(jobCeilingMs(settings));
  return signal ? AbortSignal.any([signal, ceiling]) : ceiling;
}
