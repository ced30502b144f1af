// `job-entities extract`: one JSON object per input record, in input order, with N requests in
// flight. A configuration error that dooms every record stops the run.
import { emptyEntities, type Entities, type EntityDetails, type ExtractionResult } from '../../core/entities';
import { toCSV, toTSV, UTF8_BOM } from '../../core/export/delimited';
import { SPREADSHEET_HEADER, toSpreadsheetRow } from '../../core/export/rows';
import { ExtractionError, toErrorInfo, type ErrorInfo } from '../../core/errors';
import { extractPosting } from '../../core/extract';
import type { Settings } from '../../core/settings';
import { intFlag, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { readInputs, type InputRecord } from '../input';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';

export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

/** --concurrency for every command that extracts: a whole number from 1 to MAX_CONCURRENCY. */
export function concurrencyFlag(value: string | undefined): number {
  const n = Number(value ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) throw new UsageError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, got "${value}"`);
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
  /** Called whenever a record finishes (any order): done count. */
  onProgress?: (done: number, total: number) => void;
}

export interface RunSummary {
  outcomes: RecordOutcome[];
  /** The error that stopped the run; records from the first one it hit on were not reported. */
  fatal?: ExtractionError;
  failed: number;
}

/**
 * Extract every record with `concurrency` requests in flight; report outcomes in input order.
 * A fatal error (err.isFatal) aborts the requests in flight and stops taking new ones.
 */
export async function extractRecords(records: InputRecord[], settings: Settings, opts: RunOptions): Promise<RunSummary> {
  const outcomes: (RecordOutcome | undefined)[] = new Array(records.length);
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  let next = 0;
  let reported = 0;
  let done = 0;
  let fatal: ExtractionError | undefined;
  let fatalIndex = Infinity;

  const flush = () => {
    while (reported < records.length && reported < fatalIndex && outcomes[reported]) {
      opts.onOutcome?.(outcomes[reported] as RecordOutcome, reported);
      reported++;
    }
  };

  const worker = async () => {
    while (!fatal && next < records.length) {
      const i = next++;
      const record = records[i];
      if (record.error || !record.posting) {
        outcomes[i] = { record, error: record.error ?? { code: 'invalid_input', message: 'empty record' } };
      } else {
        // One signal per record, linked to the run's: listeners the SDK adds die with the record.
        const recordController = new AbortController();
        const onAbort = () => recordController.abort(signal.reason);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        try {
          outcomes[i] = { record, result: await extractPosting(record.posting, settings, recordController.signal) };
        } catch (err) {
          if (err instanceof ExtractionError && err.isFatal && !fatal) {
            fatal = err;
            fatalIndex = i;
            controller.abort();
          } else if (fatal) {
            // Aborted because of the fatal error, not its own failure: do not report it.
            fatalIndex = Math.min(fatalIndex, i);
          }
          outcomes[i] = { record, error: toErrorInfo(err) };
        } finally {
          signal.removeEventListener('abort', onAbort);
        }
      }
      done++;
      opts.onProgress?.(done, records.length);
      flush();
    }
  };

  const n = Math.max(1, Math.min(opts.concurrency, records.length));
  await Promise.all(Array.from({ length: n }, worker));
  flush();
  const finished = outcomes.filter((o): o is RecordOutcome => o !== undefined);
  return { outcomes: finished, fatal, failed: finished.filter((o) => o.error).length };
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
    ? { diploma: result.diploma, diploma_major: result.diploma_major, experience: result.experience, skills: result.skills, meta: result.meta }
    : { diploma: [], diploma_major: [], experience: [], skills: [], error: { code: error?.code ?? 'unknown', message: error?.message ?? 'failed' } };
  if (options.details && result) out.details = result.details ?? detailsOf(result);
  if (record.id !== undefined) out.id = record.id;
  return out;
}

/** Details for a result that has none (a model's answer): every value at confidence 1. */
function detailsOf(result: Entities): EntityDetails {
  const one = (values: string[]) => values.map((value) => ({ value, confidence: 1 }));
  return { diploma: one(result.diploma), diploma_major: one(result.diploma_major), experience: one(result.experience), skills: one(result.skills) };
}

export function createOutputWriter(format: OutputFormat, out: NodeJS.WritableStream, options: { bom?: boolean; details?: boolean } = {}): OutputWriter {
  switch (format) {
    case 'jsonl':
      return {
        write: (outcome) => void out.write(JSON.stringify(toOutputObject(outcome, { details: options.details })) + '\n'),
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

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function createProgress(stderr: CliIO['stderr'], total: number): { update(done: number): void; clear(): void } {
  if (!stderr.isTTY || total < 2) return { update() {}, clear() {} };
  const width = 30;
  const started = Date.now();
  return {
    update(done) {
      const filled = Math.round((done / total) * width);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs}s`);
    },
    clear() {
      stderr.write('\r' + ' '.repeat(width + 24) + '\r');
    },
  };
}

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
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (give files with --input FILE)`);
    const format = (values.format ?? 'jsonl') as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(' or ')}, got "${values.format}"`);
    const concurrency = concurrencyFlag(values.concurrency);
    const settings = settingsFromFlags(values, io.env);
    const records = await readInputs({ input: values.input, url: values.url }, io);

    if (values.details && format !== 'jsonl') throw new UsageError('--details goes with --format jsonl (a spreadsheet has no place for confidences)');
    const writer = createOutputWriter(format, io.stdout, { bom: values.bom, details: values.details });
    return writeOutcomes(records, settings, io, { command: 'extract', noun: 'records', concurrency, write: (o, i) => writer.write(o, i), end: () => writer.end() });
  },
};

/**
 * Extracts the records with N requests in flight and hands each outcome, in input order, to
 * `write`; shared by `extract` and `match`. Returns the exit code, or throws the fatal error that
 * stopped the run (or a summary when every record failed).
 */
export async function writeOutcomes(
  records: InputRecord[],
  settings: Settings,
  io: CliIO,
  opts: { command: string; noun: string; concurrency: number; write(o: RecordOutcome, index: number): void; end?(): void },
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
  const progress = createProgress(io.stderr, records.length);
  const summary = await extractRecords(records, settings, {
    concurrency: opts.concurrency,
    signal: stop.signal,
    onOutcome: (o, i) => {
      if (!readerGone && !writeError) opts.write(o, i);
    },
    onProgress: (d) => progress.update(d),
  });
  progress.clear();
  // A failed write is reported after the fact: wait until what was written has been flushed (or failed).
  await new Promise<void>((resolve) => io.stdout.write('', () => resolve()));
  if (writeError) throw new ExtractionError('unknown', `Cannot write the output: ${writeError.message.split('\n')[0]}`);
  if (readerGone) return 0;
  opts.end?.();
  if (summary.fatal) throw summary.fatal;
  if (records.length > 0 && summary.failed === records.length) {
    const first = summary.outcomes[0]?.error?.message ?? '';
    throw new ExtractionError('unknown', records.length === 1 ? first : `all ${records.length} ${opts.noun} failed; the first: ${first}`);
  }
  if (summary.failed > 0) io.stderr.write(`job-entities ${opts.command}: ${summary.failed} of ${records.length} ${opts.noun} failed (see "error" on their lines)\n`);
  return 0;
}
