// `job-entities extract`: one JSON object per input record, in input order, with N requests in
// flight. A configuration error that dooms every record stops the run.
import { emptyEntities, type Entities, type EntityDetails, type ExtractionResult } from '../../core/entities';
import { toCSV, toTSV, UTF8_BOM } from '../../core/export/delimited';
import { SPREADSHEET_HEADER, toSpreadsheetRow } from '../../core/export/rows';
import { ExtractionError, toErrorInfo, type ErrorInfo } from '../../core/errors';
import { extractPosting, withLinkedSignal } from '../../core/extract';
import type { Settings } from '../../core/settings';
import { intFlag, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { resolve } from 'node:path';
import { BATCH_MAX_REQUESTS } from '../../core/batch';
import { defaultStatePath, runBatch } from '../batch-run';
import { streamInputs, type InputStream } from '../input';
import type { InputRecord } from '../jsonl-records';
import { createProgress } from '../progress';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';
import { firstLine } from '../../core/text';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_BATCH_POLL_SECONDS = 30;

/** --batch-poll SECONDS: how often to ask the server about the batches; fractions allowed. */
export function pollFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_POLL_SECONDS * 1000;
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0 || value.trim() === '')
    throw new UsageError(`--batch-poll takes a number of seconds > 0 (fractions allowed), got "${value}"`);
  return Math.max(1, Math.round(s * 1000));
}
const MAX_CONCURRENCY = 64;

/** --concurrency for every command that extracts: a whole number from 1 to MAX_CONCURRENCY. */
export function concurrencyFlag(value: string | undefined): number {
  const n = Number(value ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
    throw new UsageError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, got "${value}"`);
  return n;
}

const HELP = `Usage: job-entities extract [--input FILE|-] [--url URL] [provider flags] [--concurrency N] [--format jsonl|csv|tsv]

Turn job postings into entities (diploma, diploma_major, experience, skills) with your own model on
an OpenAI-compatible server, or with the embedded offline extractor.

Input (one of):
  --input FILE.jsonl       one posting per line: {"prompt": ...} (the fine-tuning format; the
                           separator may be there or not), {"text": ...}, or {"url": ..., "html": ...}
  --input FILE.html        a saved page: the posting is captured as the extension does (add --url)
  --input FILE.txt         the posting's text
  --input - / stdin        any of the above piped in
  --url URL                without --input: download that page and capture its posting;
                           with an .html input: the address the page came from

Output:
  --format jsonl           one JSON object per input record, in input order (default):
                           {"diploma":[],"diploma_major":[],"experience":[],"skills":[],"meta":{...}}
                           a record that failed gets its line too, with an "error": {code, message}
  --format csv|tsv         a spreadsheet: a header (Title, Company, Location, URL, Diploma, Major,
                           Experience, Skills) then one row per input record, in input order; several
                           values in one cell joined with "; "; cells that a spreadsheet would run as
                           a formula (=, +, -, @, tab, CR first) are prefixed with ' (CSV injection)
  --bom                    with csv: start with a UTF-8 byte-order mark (Excel then reads accents)
  --details                with jsonl: add "details", per type one {value, confidence, count} per
                           value, parallel to the lists (confidence 0..1: the offline extractor's
                           certainty; 1 for exact rules and for a model's answers)
  --concurrency N          requests in flight (default ${DEFAULT_CONCURRENCY})
  -q, --quiet              no progress bar (it is drawn only when stderr is a terminal anyway)

JSONL input is read line by line and each line is written as soon as its turn in input order
comes: memory stays flat however large the input.

Batch (half the price, results within 24 hours; see README "Large runs: --batch"):
  --batch                  send the postings of a .jsonl --input through the server's Batch API
                           (OpenAI, Azure OpenAI batch deployments, vLLM run_batch): the same
                           requests, results printed in input order in the chosen --format
  --batch-state FILE       where the batch ids and progress are kept (default INPUT.batch-state.json
                           in the working directory); run the same command again to resume
  --no-wait                submit and exit; then \`job-entities batch status|collect|cancel\`
  --batch-max-requests N   requests per batch input file (default and most ${BATCH_MAX_REQUESTS}; files
                           also stay under 200 MB); lower it for servers with smaller limits
  --batch-poll SECONDS     how often to ask about the batches while waiting (default ${DEFAULT_BATCH_POLL_SECONDS})

${PROVIDER_FLAGS_HELP}

  --debug                  print stack traces on errors
  -h, --help               show this help

Exit codes: 0 done (see "error" on failed lines); 1 a fatal error (bad key, unknown model, no quota,
server unreachable) or every record failed; 2 wrong usage.

Examples:
  job-entities extract --model ft:davinci-002:acme:jobs:abc123 --input postings.jsonl > entities.jsonl
  job-entities extract --base-url http://127.0.0.1:8000/v1 --model my-model --input job.html --url https://jobs.lever.co/acme/123
  pbpaste | job-entities extract --provider local
`;

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
  const iterator: AsyncIterator<InputRecord> | Iterator<InputRecord> =
    Symbol.asyncIterator in records
      ? records[Symbol.asyncIterator]()
      : (records as Iterable<InputRecord>)[Symbol.iterator]();
  const pending = new Map<number, RecordOutcome>();
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const window = Math.max(64, opts.concurrency * 8);
  let next = 0;
  let reported = 0;
  let done = 0;
  let failed = 0;
  let failedDone = 0;
  let total = 0;
  let firstError: string | undefined;
  let exhausted = false;
  let fatal: ExtractionError | undefined;
  let fatalIndex = Infinity;
  let waiters: (() => void)[] = [];

  const flush = () => {
    while (reported < fatalIndex && pending.has(reported)) {
      const o = pending.get(reported) as RecordOutcome;
      pending.delete(reported);
      if (o.error) {
        failed++;
        firstError ??= o.error.message;
      }
      opts.onOutcome?.(o, reported);
      reported++;
    }
    const w = waiters;
    waiters = [];
    for (const wake of w) wake();
  };

  const worker = async () => {
    while (!fatal && !exhausted) {
      // Too far ahead of the oldest unfinished record: wait for it instead of buffering more.
      if (next - reported >= window) {
        await new Promise<void>((r) => waiters.push(r));
        continue;
      }
      const i = next++;
      const item = await iterator.next();
      if (item.done) {
        exhausted = true;
        break;
      }
      total++;
      const record = item.value;
      let outcome: RecordOutcome;
      if (record.error || !record.posting) {
        outcome = { record, error: record.error ?? { code: 'invalid_input', message: 'empty record' } };
      } else {
        const posting = record.posting;
        try {
          // One signal per record, linked to the run's: listeners the SDK adds die with the record.
          outcome = { record, result: await withLinkedSignal(signal, (s) => extractPosting(posting, settings, s)) };
        } catch (err) {
          if (err instanceof ExtractionError && err.isFatal && !fatal) {
            fatal = err;
            fatalIndex = i;
            controller.abort();
          } else if (fatal) {
            // Aborted because of the fatal error, not its own failure: do not report it.
            fatalIndex = Math.min(fatalIndex, i);
          }
          outcome = { record, error: toErrorInfo(err) };
        }
      }
      pending.set(i, outcome);
      done++;
      if (outcome.error) failedDone++;
      opts.onProgress?.(done, failedDone);
      flush();
    }
    flush();
  };

  const n = Math.max(1, opts.concurrency);
  await Promise.all(Array.from({ length: n }, worker));
  flush();
  return { total, fatal, failed, firstError };
}

// ---------------------------------------------------------------------------------------------
// Output: one writer per format.

export const OUTPUT_FORMATS = ['jsonl', 'csv', 'tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputWriter {
  write(outcome: RecordOutcome, index: number): void;
  end(): void;
}

/** The JSONL object for one record: the four lists, then meta or error, then the input's id. */
export function toOutputObject(outcome: RecordOutcome, options: { details?: boolean } = {}): Record<string, unknown> {
  const { result, error, record } = outcome;
  const out: Record<string, unknown> = result
    ? {
        diploma: result.diploma,
        diploma_major: result.diploma_major,
        experience: result.experience,
        skills: result.skills,
        meta: result.meta,
      }
    : {
        diploma: [],
        diploma_major: [],
        experience: [],
        skills: [],
        error: { code: error?.code ?? 'unknown', message: error?.message ?? 'failed' },
      };
  if (options.details && result) out.details = result.details ?? detailsOf(result);
  if (record.id !== undefined) out.id = record.id;
  return out;
}

/** Details for a result that has none (a model's answer): every value at confidence 1. */
function detailsOf(result: Entities): EntityDetails {
  const one = (values: string[]) => values.map((value) => ({ value, confidence: 1 }));
  return {
    diploma: one(result.diploma),
    diploma_major: one(result.diploma_major),
    experience: one(result.experience),
    skills: one(result.skills),
  };
}

export function createOutputWriter(
  format: OutputFormat,
  out: NodeJS.WritableStream,
  options: { bom?: boolean; details?: boolean } = {},
): OutputWriter {
  switch (format) {
    case 'jsonl':
      return {
        write: (outcome) =>
          void out.write(JSON.stringify(toOutputObject(outcome, { details: options.details })) + '\n'),
        end: () => {},
      };
    case 'csv':
    case 'tsv': {
      // Spreadsheet rows (src/core/export): failed records keep their row, empty.
      const lines = (rows: string[][]) => (format === 'csv' ? toCSV(rows, { bom: false }) : toTSV(rows));
      out.write((format === 'csv' && options.bom ? UTF8_BOM : '') + lines([[...SPREADSHEET_HEADER]]));
      return {
        write: (o) => void out.write(lines([toSpreadsheetRow(o.record.posting ?? {}, o.result ?? emptyEntities())])),
        end: () => {},
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------

export { createProgress } from '../progress';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Extract diploma, major, experience and skills from job postings',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PROVIDER_OPTIONS,
      input: { type: 'string', short: 'i' },
      url: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      format: { type: 'string' },
      bom: { type: 'boolean' },
      details: { type: 'boolean' },
      batch: { type: 'boolean' },
      'batch-state': { type: 'string' },
      'batch-max-requests': { type: 'string' },
      'batch-poll': { type: 'string' },
      'no-wait': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length)
      throw new UsageError(`unexpected argument "${positionals[0]}" (give files with --input FILE)`);
    const format = (values.format ?? 'jsonl') as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format))
      throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(' or ')}, got "${values.format}"`);
    const concurrency = concurrencyFlag(values.concurrency);
    const settings = settingsFromFlags(values, io.env);
    if (values.details && format !== 'jsonl')
      throw new UsageError('--details goes with --format jsonl (a spreadsheet has no place for confidences)');
    const batchOnly = (['batch-state', 'batch-max-requests', 'batch-poll', 'no-wait'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (!values.batch && batchOnly) throw new UsageError(`--${batchOnly} goes with --batch`);
    if (values.batch) {
      if (values.url !== undefined)
        throw new UsageError('--batch reads a .jsonl file given with --input; --url is for one page');
      const maxRequests = intFlag(values['batch-max-requests'], 'batch-max-requests', BATCH_MAX_REQUESTS);
      if (maxRequests > BATCH_MAX_REQUESTS)
        throw new UsageError(
          `--batch-max-requests takes at most ${BATCH_MAX_REQUESTS} (the Batch API's limit), got ${maxRequests}`,
        );
      const pollMs = pollFlag(values['batch-poll']);
      const statePath =
        values['batch-state'] !== undefined
          ? resolve(io.cwd, values['batch-state'])
          : defaultStatePath(values.input ?? 'stdin', io.cwd);
      return runBatch(
        values.input,
        settings,
        { statePath, maxRequests, pollMs, wait: !values['no-wait'], quiet: values.quiet },
        () => createOutputWriter(format, io.stdout, { bom: values.bom, details: values.details }),
        io,
      );
    }
    const input = await streamInputs({ input: values.input, url: values.url }, io, {
      count: Boolean(io.stderr.isTTY) && !values.quiet,
    });

    const writer = createOutputWriter(format, io.stdout, { bom: values.bom, details: values.details });
    return writeOutcomes(input, settings, io, {
      command: 'extract',
      noun: 'records',
      concurrency,
      quiet: values.quiet,
      write: (o, i) => writer.write(o, i),
      end: () => writer.end(),
    });
  },
};

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
  if (summary.total > 0 && summary.failed === summary.total) {
    const first = summary.firstError ?? '';
    throw new ExtractionError(
      'unknown',
      summary.total === 1 ? first : `all ${summary.total} ${opts.noun} failed; the first: ${first}`,
    );
  }
  if (summary.failed > 0)
    io.stderr.write(
      `job-entities ${opts.command}: ${summary.failed} of ${summary.total} ${opts.noun} failed (see "error" on their lines)\n`,
    );
  return 0;
}
