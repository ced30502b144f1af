// Extracting a stream of records with N requests in flight, outcomes handed on in input order:
// the engine of `extract`, `match` and `eval`. A configuration error that dooms every record
// (err.isFatal) stops the run.
import { ExtractionError, toErrorInfo, type ErrorInfo } from '../core/errors';
import type { ExtractionResult } from '../core/entities';
import { extractPosting, withLinkedSignal } from '../core/extract';
import type { Settings } from '../core/settings';
import { firstLine } from '../core/text';
import type { CliIO } from './command';
import type { InputRecord } from './jsonl-records';
import type { InputStream } from './input';
import { createProgress } from './progress';

export interface RecordOutcome {
  record: InputRecord;
  result?: ExtractionResult;
  error?: ErrorInfo;
}

export interface RunOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** Called once per record, in input order, as soon as it and every record before it are done. */
  onOutcome?: (outcome: RecordOutcome, index: number) => void;
  /** Called whenever a record finishes (any order): records done and failed so far. */
  onProgress?: (done: number, failed: number) => void;
}

export interface RunSummary {
  /** Records read (and reported, unless a fatal error stopped the run). */
  total: number;
  /** The error that stopped the run; records from the first one it hit on were not reported. */
  fatal?: ExtractionError;
  failed: number;
  /** The first failed record's message, for the "all failed" summary. */
  firstError?: string;
}

/**
 * Outcomes handed on in input order, however they finish. Nothing from `stopAt` on is handed on:
 * that is the record a fatal error hit, and the ones aborted because of it.
 */
class InOrderReporter {
  private pending = new Map<number, RecordOutcome>();
  private waiters: (() => void)[] = [];
  reported = 0;
  failed = 0;
  firstError?: string;
  stopAt = Infinity;

  constructor(private readonly onOutcome?: RunOptions['onOutcome']) {}

  put(index: number, outcome: RecordOutcome): void {
    this.pending.set(index, outcome);
  }

  /** Hand on every outcome whose turn has come, then wake the workers waiting for that. */
  flush(): void {
    while (this.reported < this.stopAt && this.pending.has(this.reported)) {
      const o = this.pending.get(this.reported) as RecordOutcome;
      this.pending.delete(this.reported);
      if (o.error) {
        this.failed++;
        this.firstError ??= o.error.message;
      }
      this.onOutcome?.(o, this.reported);
      this.reported++;
    }
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  /** Resolves at the next flush. */
  nextFlush(): Promise<void> {
    return new Promise<void>((r) => this.waiters.push(r));
  }
}

interface Run {
  settings: Settings;
  signal: AbortSignal;
  abort: () => void;
  order: InOrderReporter;
  fatal?: ExtractionError;
}

/** One record's outcome; a fatal error is kept on the run and aborts the requests in flight. */
async function extractOne(record: InputRecord, index: number, run: Run): Promise<RecordOutcome> {
  if (record.error || !record.posting)
    return { record, error: record.error ?? { code: 'invalid_input', message: 'empty record' } };
  const posting = record.posting;
  try {
    // One signal per record, linked to the run's: listeners the SDK adds die with the record.
    return { record, result: await withLinkedSignal(run.signal, (s) => extractPosting(posting, run.settings, s)) };
  } catch (err) {
    if (err instanceof ExtractionError && err.isFatal && !run.fatal) {
      run.fatal = err;
      run.order.stopAt = index;
      run.abort();
    } else if (run.fatal) {
      // Aborted because of the fatal error, not its own failure: do not report it.
      run.order.stopAt = Math.min(run.order.stopAt, index);
    }
    return { record, error: toErrorInfo(err) };
  }
}

function iteratorOf<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
}

/**
 * Extract every record with `concurrency` requests in flight; report outcomes in input order.
 * Records are read from `records` only as they are needed, and at most a window of finished
 * outcomes waits for a slower one before it: memory stays flat whatever the input's length.
 * A fatal error (err.isFatal) aborts the requests in flight and stops taking new ones.
 */
export async function extractRecords(
  records: Iterable<InputRecord> | AsyncIterable<InputRecord>,
  settings: Settings,
  opts: RunOptions,
): Promise<RunSummary> {
  const iterator = iteratorOf(records);
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const order = new InOrderReporter(opts.onOutcome);
  const run: Run = { settings, signal, abort: () => controller.abort(), order };
  const window = Math.max(64, opts.concurrency * 8);
  let next = 0;
  let done = 0;
  let failedDone = 0;
  let total = 0;
  let exhausted = false;

  const worker = async () => {
    while (!run.fatal && !exhausted) {
      // Too far ahead of the oldest unfinished record: wait for it instead of buffering more.
      if (next - order.reported >= window) {
        await order.nextFlush();
        continue;
      }
      const i = next++;
      const item = await iterator.next();
      if (item.done) {
        exhausted = true;
        break;
      }
      total++;
      const outcome = await extractOne(item.value, i, run);
      order.put(i, outcome);
      done++;
      if (outcome.error) failedDone++;
      opts.onProgress?.(done, failedDone);
      order.flush();
    }
    order.flush();
  };

  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  order.flush();
  return { total, fatal: run.fatal, failed: order.failed, firstError: order.firstError };
}

/**
 * After a run: a summary error when every record failed (the message itself for a single one),
 * else a count of the failed ones on stderr. Returns the exit code.
 */
export function reportFailures(
  summary: { total: number; failed: number; firstError?: string },
  io: CliIO,
  command: string,
  noun: string,
): number {
  if (summary.total > 0 && summary.failed === summary.total) {
    const first = summary.firstError ?? '';
    throw new ExtractionError(
      'unknown',
      summary.total === 1 ? first : `all ${summary.total} ${noun} failed; the first: ${first}`,
    );
  }
  if (summary.failed > 0)
    io.stderr.write(
      `job-entities ${command}: ${summary.failed} of ${summary.total} ${noun} failed (see "error" on their lines)\n`,
    );
  return 0;
}

/**
 * Extracts the records with N requests in flight and hands each outcome, in input order, to
 * `write` as soon as its turn comes; shared by `extract` and `match`. Returns the exit code, or
 * throws the fatal error that stopped the run (or a summary when every record failed).
 */
export async function writeOutcomes(
  input: InputStream,
  settings: Settings,
  io: CliIO,
  opts: {
    command: string;
    noun: string;
    concurrency: number;
    quiet?: boolean;
    write(o: RecordOutcome, index: number): void;
    end?(): void;
  },
): Promise<number> {
  // `... | head`: when the reader goes away, stop quietly instead of crashing on EPIPE. Any other
  // write error (a full disk) stops the run too and becomes the one-line message, not a crash.
  const stop = new AbortController();
  let readerGone = false;
  let writeError: Error | undefined;
  const onWriteError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') readerGone = true;
    else writeError ??= err;
    stop.abort();
  };
  // Kept to the end of the process: an EPIPE can arrive after the last write.
  io.stdout.on('error', onWriteError);
  const progress = createProgress(io.stderr, input.total, { quiet: opts.quiet });
  const summary = await extractRecords(input.records, settings, {
    concurrency: opts.concurrency,
    signal: stop.signal,
    onOutcome: (o, i) => {
      if (!readerGone && !writeError) opts.write(o, i);
    },
    onProgress: (d, f) => progress.update(d, f),
  });
  progress.clear();
  // A failed write is reported after the fact: wait until what was written has been flushed (or failed).
  await new Promise<void>((resolve) => io.stdout.write('', () => resolve()));
  if (writeError) throw new ExtractionError('unknown', `Cannot write the output: ${firstLine(writeError.message)}`);
  if (readerGone) return 0;
  opts.end?.();
  if (summary.fatal) throw summary.fatal;
  return reportFailures(summary, io, opts.command, opts.noun);
}
