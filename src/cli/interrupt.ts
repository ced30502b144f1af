// Long waits (batches, fine-tuning jobs) stop on Ctrl-C through an AbortSignal, so the command can
// say how to resume instead of dying mid-write.

/** Runs `task` with a signal that SIGINT aborts; the handler is removed when the task settles. */
export async function untilInterrupted<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  try {
    return await task(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
