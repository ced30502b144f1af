// Waiting and requests that stop when a run's AbortSignal fires, without piling listeners on it.

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted (its listener removed either way). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Run one request on its own signal, linked to the run's by one listener removed when the request
 * ends. The SDK adds an abort listener to the signal it is given for every request and keeps it:
 * passing the run's signal to each poll would pile them up (MaxListenersExceededWarning).
 */
export async function withRequestSignal<T>(
  signal: AbortSignal | undefined,
  run: (signal?: AbortSignal) => Promise<T>,
): Promise<T> {
  if (!signal) return run(undefined);
  const child = new AbortController();
  const onAbort = () => child.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await run(child.signal);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
