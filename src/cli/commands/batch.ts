// `job-entities batch status|collect|cancel --batch-state FILE`: follow, collect or stop the
// batches `extract --batch` submitted, from its state file.
import { resolve } from 'node:path';
import { BATCH_TERMINAL, BatchClient } from '../../core/batch';
import { ExtractionError } from '../../core/errors';
import type { Settings } from '../../core/settings';
import { countsText, partLabel } from '../batch/part-lines';
import { waitAndCollect } from '../batch/run';
import { readState, stateSettings, type BatchPart, type BatchState } from '../batch/state';
import { parseCommandArgs, runSubcommand, UsageError, type CliIO, type Command } from '../command';
import { pollFlag } from '../extract-flags';
import { createOutputWriter, formatFlag, type OutputFormat } from '../output-writers';

const HELP = `Usage: job-entities batch <status|collect|cancel> --batch-state FILE [options]

Follow, collect or cancel the batches that \`job-entities extract --batch\` submitted. The state file
holds the input, the settings and the batch ids; the API key comes from --api-key or OPENAI_API_KEY.

batch status   each batch's status and request counts (completed / failed / total)
batch collect  wait for the unfinished batches, then print the results as \`extract --batch\` does:
               one line per input record, in input order (--format jsonl|csv|tsv, --bom)
batch cancel   cancel the batches that have not finished (answers already made stay collectable)

Options:
  --batch-state FILE   the state file extract --batch printed at start (required)
  --api-key KEY        API key (env OPENAI_API_KEY)
  --format F, --bom    output format for collect, as for extract (default jsonl)
  --batch-poll SECONDS how often collect asks about unfinished batches (default 30)
  -q, --quiet          no progress lines while waiting

Exit codes: 0 success; 1 an error (or every record failed); 2 wrong usage.
`;

const BATCH_OPTIONS = {
  'batch-state': { type: 'string' },
  'api-key': { type: 'string' },
  format: { type: 'string' },
  bom: { type: 'boolean' },
  'batch-poll': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** A batch run read back from its state file, with what the subcommand was asked for. */
interface LoadedRun {
  values: ReturnType<typeof parseCommandArgs<typeof BATCH_OPTIONS>>['values'];
  format: OutputFormat;
  pollMs: number;
  state: BatchState;
  path: string;
  client: BatchClient;
  settings: Settings;
}

/** The flags checked, then the state file read; the API key comes from the flags or the environment. */
async function loadRun(argv: string[], io: CliIO): Promise<LoadedRun> {
  const { values } = parseCommandArgs(argv, BATCH_OPTIONS, false);
  const format = formatFlag(values.format);
  const pollMs = pollFlag(values['batch-poll']);
  if (!values['batch-state'])
    throw new UsageError('--batch-state FILE is required (extract --batch printed it at start)');
  const path = resolve(io.cwd, values['batch-state']);
  const state = await readState(path);
  if (!state)
    throw new ExtractionError(
      'invalid_input',
      `No batch state file at ${path}. Give the file \`extract --batch\` printed at start.`,
    );
  const key = values['api-key'] ?? io.env.OPENAI_API_KEY ?? '';
  const settings = stateSettings(state, key.trim());
  return { values, format, pollMs, state, path, client: new BatchClient(settings), settings };
}

function notAllSubmitted(path: string): string {
  return `Not every part was submitted yet: run the \`extract --batch\` command again to finish submitting (it resumes from ${path}).`;
}

async function runStatus(argv: string[], io: CliIO): Promise<number> {
  const { state, path, client } = await loadRun(argv, io);
  if (!state.submitted) io.stderr.write(notAllSubmitted(path) + '\n');
  const total = state.parts.length;
  for (const part of state.parts) {
    const lines = `(lines ${part.firstLine}-${part.lastLine})`;
    if (!part.batchId) {
      io.stdout.write(`${partLabel(part, total)}: not submitted ${lines}\n`);
      continue;
    }
    const b = await client.retrieve(part.batchId);
    const counts = b.request_counts ? countsText(b.request_counts, part.requests) : `${part.requests} requests`;
    io.stdout.write(`${partLabel(part, total, b.id)}: ${b.status}, ${counts} ${lines}\n`);
  }
  return 0;
}

/** Cancel one part's batch; a batch that finished meanwhile is said so, not an error. */
async function cancelPart(part: BatchPart, batchId: string, total: number, client: BatchClient, io: CliIO) {
  // Known finished from the state: nothing to cancel (a retrieve first would move test servers on).
  if (part.status && BATCH_TERMINAL.has(part.status)) {
    io.stdout.write(`${partLabel(part, total)}: already ${part.status}\n`);
    return;
  }
  try {
    const b = await client.cancel(batchId);
    io.stdout.write(`${partLabel(part, total, b.id)}: ${b.status}\n`);
  } catch (err) {
    // Finished between the last poll and now: the server refuses (400); say so and go on.
    if (!(err instanceof ExtractionError && err.code === 'bad_request')) throw err;
    io.stdout.write(`${partLabel(part, total)}: not cancelled (${err.message})\n`);
  }
}

async function runCancel(argv: string[], io: CliIO): Promise<number> {
  const { state, path, client } = await loadRun(argv, io);
  for (const part of state.parts) {
    if (part.batchId) await cancelPart(part, part.batchId, state.parts.length, client, io);
  }
  io.stdout.write(`Answers already made stay collectable: job-entities batch collect --batch-state ${path}\n`);
  return 0;
}

async function runCollect(argv: string[], io: CliIO): Promise<number> {
  const { values, format, pollMs, state, path, client, settings } = await loadRun(argv, io);
  if (!state.submitted) throw new ExtractionError('invalid_input', notAllSubmitted(path));
  return waitAndCollect(
    state,
    path,
    settings,
    client,
    pollMs,
    () => createOutputWriter(format, io.stdout, { bom: values.bom }),
    io,
    'batch collect',
    values.quiet,
  );
}

export const batchCommand: Command = {
  name: 'batch',
  summary: 'Follow, collect or cancel the batches of extract --batch',
  help: HELP,
  run: (argv: string[], io: CliIO) =>
    runSubcommand(argv, io, { status: runStatus, collect: runCollect, cancel: runCancel }),
};
