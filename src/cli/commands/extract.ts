// `job-entities extract`: one JSON object per input record, in input order, with N requests in
// flight (../extract-records.ts), or the same through the Batch API (../batch/run.ts).
import { resolve } from 'node:path';
import { BATCH_MAX_REQUESTS } from '../../core/batch';
import type { Settings } from '../../core/settings';
import { defaultStatePath, type BatchOptions } from '../batch/state';
import { runBatch } from '../batch/run';
import { intFlag, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { concurrencyFlag, DEFAULT_BATCH_POLL_SECONDS, DEFAULT_CONCURRENCY, pollFlag } from '../extract-flags';
import { writeOutcomes } from '../extract-records';
import { streamInputs } from '../input';
import { createOutputWriter, formatFlag, type OutputFormat } from '../output-writers';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';

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

const EXTRACT_OPTIONS = {
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
} as const;

type ExtractValues = ReturnType<typeof parseCommandArgs<typeof EXTRACT_OPTIONS>>['values'];

/** What `extract` was asked for, every flag checked; `batch` is set with --batch. */
interface ExtractRequest {
  values: ExtractValues;
  format: OutputFormat;
  concurrency: number;
  settings: Settings;
  batch?: BatchOptions;
}

/** The --batch flags: refused without --batch, checked with it. */
function batchOptions(values: ExtractValues, io: CliIO): BatchOptions | undefined {
  const batchOnly = (['batch-state', 'batch-max-requests', 'batch-poll', 'no-wait'] as const).find(
    (k) => values[k] !== undefined,
  );
  if (!values.batch && batchOnly) throw new UsageError(`--${batchOnly} goes with --batch`);
  if (!values.batch) return undefined;
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
  return { statePath, maxRequests, pollMs, wait: !values['no-wait'], quiet: values.quiet };
}

function parseExtractArgs(argv: string[], io: CliIO): ExtractRequest {
  const { values, positionals } = parseCommandArgs(argv, EXTRACT_OPTIONS);
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}" (give files with --input FILE)`);
  const format = formatFlag(values.format);
  const concurrency = concurrencyFlag(values.concurrency);
  const settings = settingsFromFlags(values, io.env);
  if (values.details && format !== 'jsonl')
    throw new UsageError('--details goes with --format jsonl (a spreadsheet has no place for confidences)');
  return { values, format, concurrency, settings, batch: batchOptions(values, io) };
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'Extract diploma, major, experience and skills from job postings',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, format, concurrency, settings, batch } = parseExtractArgs(argv, io);
    const writer = () => createOutputWriter(format, io.stdout, { bom: values.bom, details: values.details });
    if (batch) return runBatch(values.input, settings, batch, writer, io);
    const input = await streamInputs({ input: values.input, url: values.url }, io, {
      count: Boolean(io.stderr.isTTY) && !values.quiet,
    });
    const out = writer();
    return writeOutcomes(input, settings, io, {
      command: 'extract',
      noun: 'records',
      concurrency,
      quiet: values.quiet,
      write: (o, i) => out.write(o, i),
      end: () => out.end(),
    });
  },
};
