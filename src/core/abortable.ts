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
 * Runs `work` with a signal of its own that follows `parent`. The SDK hangs an abort listener on
 * the signal of every request and never takes it off: with one signal for all the chunks of a long
 * posting they pile up on the caller's signal (Node warns past ten). The link is removed when the
 * work is done, so the caller's signal holds at most one listener from here at a time.
 */
export async function withLinkedSignal<T>(
  parent: AbortSignal | undefined,
  work: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!parent) return work(undefined);
  const own = new AbortController();
  const forward = () => own.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  try {
    return await work(own.signal);
  } finally {
    parent.removeEventListener('abort', forward);
  }
}
