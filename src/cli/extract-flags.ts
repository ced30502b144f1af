// The flags every command that extracts shares: how many requests in flight, how often to poll.
import { UsageError } from './command';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_BATCH_POLL_SECONDS = 30;
const MAX_CONCURRENCY = 64;

/** --batch-poll SECONDS: how often to ask the server about the batches; fractions allowed. */
export function pollFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_POLL_SECONDS * 1000;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0 || value.trim() === '')
    throw new UsageError(`--batch-poll takes a number of seconds > 0 (fractions allowed), got "${value}"`);
  return Math.max(1, Math.round(s * 1000));
}

/** --concurrency for every command that extracts: a whole number from 1 to MAX_CONCURRENCY. */
export function concurrencyFlag(value: string | undefined): number {
  const n = Number(value ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
    throw new UsageError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, got "${value}"`);
  return n;
}
