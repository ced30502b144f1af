// `extract --batch` and `job-entities batch collect`: submit a JSONL input through the Batch API,
// wait, collect, and print the results as `extract` would, in input order. The state file
// (./state.ts) makes every step resumable: a re-run resumes waiting and never submits twice.
import { BatchClient } from '../../core/batch';
import type { Settings } from '../../core/settings';
import { UsageError, type CliIO } from '../command';
import { untilInterrupted } from '../interrupt';
import type { OutputWriter } from '../output-writers';
import { collect, reportCollect } from './collect';
import { openState, stateSettings, type BatchOptions, type BatchState } from './state';
import { submit } from './submit';
import { waitForBatches } from './wait';

/** The whole `extract --batch` run: open or resume the state, submit, wait, collect. */
export async function runBatch(
  inputArg: string | undefined,
  flagSettings: Settings,
  opts: BatchOptions,
  writer: () => OutputWriter,
  io: CliIO,
): Promise<number> {
  if (inputArg === undefined || inputArg === '-' || !/\.(jsonl|ndjson)$/i.test(inputArg)) {
    throw new UsageError(
      '--batch reads a .jsonl file given with --input (one posting per line), so that a re-run can find it and resume',
    );
  }
  if (!flagSettings.model)
    throw new UsageError(
      '--batch needs a model on a server with the Batch API: pass --model ID (the offline extractor needs no batch)',
    );
  io.stderr.write(`Batch state: ${opts.statePath} (run the same command again to resume)\n`);
  const state = await openState(inputArg, flagSettings, opts, io);
  // A resumed run builds and reads requests exactly as the first one did.
  const settings = stateSettings(state, flagSettings.apiKey);
  const client = new BatchClient(settings);
  await submit(state, opts.statePath, settings, io, client);
  if (!opts.wait) {
    io.stderr.write(
      `Not waiting (--no-wait). Follow with: job-entities batch status --batch-state ${opts.statePath}\nCollect the results with: job-entities batch collect --batch-state ${opts.statePath}\n`,
    );
    return 0;
  }
  return waitAndCollect(state, opts.statePath, settings, client, opts.pollMs, writer, io, 'extract', opts.quiet);
}

/** Wait for every batch (Ctrl-C stops waiting, not the batches), then print the results. */
export async function waitAndCollect(
  state: BatchState,
  statePath: string,
  settings: Settings,
  client: BatchClient,
  pollMs: number,
  writer: () => OutputWriter,
  io: CliIO,
  command: string,
  quiet = false,
): Promise<number> {
  const stopped = await untilInterrupted(async (signal) => {
    try {
      await waitForBatches(state, statePath, client, pollMs, io, signal, quiet);
      return false;
    } catch (err) {
      if (signal.aborted) return true;
      throw err;
    }
  });
  if (stopped) {
    io.stderr.write(
      `\nStopped waiting; the batches keep running. Resume with the same command, or: job-entities batch collect --batch-state ${statePath}\n`,
    );
    return 130;
  }
  return reportCollect(await collect(state, client, settings, writer(), io), io, command);
}
