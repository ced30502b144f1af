// Request limits inside an MV3 service worker: Chrome stops a worker whose fetch() waits more than
// 30 s for a response, and any single event may not run for 5 minutes. Every handler that calls a
// model server applies these (the CLI has no such limits and uses the settings as they are).
import type { Settings } from '../core/settings';

export const WORKER_REQUEST_TIMEOUT_MS = 28_000;
const WORKER_JOB_CEILING_MS = 240_000;

/** The settings with each request's timeout capped below the worker's 30 s fetch limit. */
export function withWorkerLimits(settings: Settings): Settings {
  return { ...settings, timeoutMs: Math.min(settings.timeoutMs, WORKER_REQUEST_TIMEOUT_MS) };
}

/** One ceiling over a whole job (every retry and chunk), combined with the user's cancel signal when there is one. */
export function jobSignal(signal: AbortSignal | undefined, settings: Settings): AbortSignal {
  const ceiling = AbortSignal.timeout(Math.min(settings.timeoutMs * (settings.maxRetries + 1) + 5_000, WORKER_JOB_CEILING_MS));
  return signal ? AbortSignal.any([signal, ceiling]) : ceiling;
}
