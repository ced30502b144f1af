// `job-entities batch status|collect|cancel --batch-state FILE`: follow, collect or stop the
// batches `extract --batch` submitted, from its state file.
import { resolve } from 'node:path';
import { BATCH_TERMINAL, BatchClient } from '../../core/batch';
import { ExtractionError } from '../../core/errors';
import { readState, stateSettings, waitAndCollect, type BatchState } from '../batch-run';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { pollFlag } from '../extract-flags';
import { createOutputWriter, OUTPUT_FORMATS, type OutputFormat } from '../output-writers';

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

async function load(
  values: { 'batch-state'?: string; 'api-key'?: string },
  io: CliIO,
): Promise<{ state: BatchState; path: string; client: BatchClient; settings: ReturnType<typeof stateSettings> }> {
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
  return { state, path, client: new BatchClient(settings), settings };
}

const SUBCOMMANDS = ['status', 'collect', 'cancel'] as const;

export const batchCommand: Command = {
  name: 'batch',
  summary: 'Follow, collect or cancel the batches of extract --batch',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number])) {
      throw new UsageError(
        sub
          ? `unknown subcommand "${sub}"; use one of ${SUBCOMMANDS.join(', ')}`
          : `give a subcommand: ${SUBCOMMANDS.join(', ')}`,
      );
    }
    const { values } = parseCommandArgs(
      rest,
      {
        'batch-state': { type: 'string' },
        'api-key': { type: 'string' },
        format: { type: 'string' },
        bom: { type: 'boolean' },
        'batch-poll': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
      },
      false,
    );
    const format = (values.format ?? 'jsonl') as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format))
      throw new UsageError(`--format takes ${OUTPUT_FORMATS.join(' or ')}, got "${values.format}"`);
    const pollMs = pollFlag(values['batch-poll']);
    const { state, path, client, settings } = await load(values, io);
    const unfinished = `Not every part was submitted yet: run the \`extract --batch\` command again to finish submitting (it resumes from ${path}).`;
    if (!state.submitted && sub === 'collect') throw new ExtractionError('invalid_input', unfinished);
    if (!state.submitted && sub === 'status') io.stderr.write(unfinished + '\n');

    if (sub === 'status') {
      for (const part of state.parts) {
        if (!part.batchId) {
          io.stdout.write(
            `batch ${part.n + 1}/${state.parts.length} -: not submitted (lines ${part.firstLine}-${part.lastLine})\n`,
          );
          continue;
        }
        const b = await client.retrieve(part.batchId);
        const c = b.request_counts;
        io.stdout.write(
          `batch ${part.n + 1}/${state.parts.length} ${b.id}: ${b.status}, ${c ? `${c.completed}/${c.total || part.requests} done${c.failed ? `, ${c.failed} failed` : ''}` : `${part.requests} requests`} (lines ${part.firstLine}-${part.lastLine})\n`,
        );
      }
      return 0;
    }
    if (sub === 'cancel') {
      for (const part of state.parts) {
        if (!part.batchId) continue;
        // Known finished from the state: nothing to cancel (a retrieve first would move test servers on).
        if (part.status && BATCH_TERMINAL.has(part.status)) {
          io.stdout.write(`batch ${part.n + 1}/${state.parts.length} ${part.batchId}: already ${part.status}\n`);
          continue;
        }
        let b;
        try {
          b = await client.cancel(part.batchId);
        } catch (err) {
          // Finished between the last poll and now: the server refuses (400); say so and go on.
          if (err instanceof ExtractionError && err.code === 'bad_request') {
            io.stdout.write(
              `batch ${part.n + 1}/${state.parts.length} ${part.batchId}: not cancelled (${err.message})\n`,
            );
            continue;
          }
          throw err;
        }
        io.stdout.write(`batch ${part.n + 1}/${state.parts.length} ${b.id}: ${b.status}\n`);
      }
      io.stdout.write(`Answers already made stay collectable: job-entities batch collect --batch-state ${path}\n`);
      return 0;
    }
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
  },
};
