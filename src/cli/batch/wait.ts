// Waiting for the batches of a run: poll every unfinished one, keep the state file current, and show
// where each stands.
import { BATCH_TERMINAL, type Batch, type BatchClient } from '../../core/batch';
import { sleep } from '../../core/finetune';
import type { CliIO } from '../command';
import { partLine } from './part-lines';
import { saveState, type BatchPart, type BatchState } from './state';

/** Take a retrieved batch into its part; says what changed. */
function update(part: BatchPart, b: Batch): { status: boolean; counts: boolean } {
  const beforeStatus = part.status;
  const beforeCounts = JSON.stringify(part.counts);
  part.status = b.status;
  part.outputFileId = b.output_file_id ?? undefined;
  part.errorFileId = b.error_file_id ?? undefined;
  if (b.request_counts)
    part.counts = {
      total: b.request_counts.total,
      completed: b.request_counts.completed,
      failed: b.request_counts.failed,
    };
  const first = b.errors?.data?.[0];
  if (first?.message) part.error = `${first.message}${first.line ? ` (input line ${first.line})` : ''}`;
  return { status: part.status !== beforeStatus, counts: JSON.stringify(part.counts) !== beforeCounts };
}

function isFinished(part: BatchPart): boolean {
  return !part.batchId || Boolean(part.status && BATCH_TERMINAL.has(part.status));
}

/**
 * The progress display: on a terminal one line per batch, redrawn in place; in a log a line when a
 * batch's status changes (not at every count, which over a 24 h window would fill the log); nothing
 * when quiet. Called after every poll with the parts whose status changed and whether anything did.
 */
function progressDisplay(state: BatchState, io: CliIO, quiet: boolean) {
  const tty = Boolean(io.stderr.isTTY) && !quiet;
  let drawn = 0;
  return (changed: BatchPart[], anyChange: boolean) => {
    if (tty) {
      if (!anyChange && drawn) return;
      // Redraw the block of per-batch lines in place.
      if (drawn) io.stderr.write(`\x1b[${drawn}F`);
      for (const p of state.parts) io.stderr.write(`\x1b[2K${partLine(p, state.parts.length)}\n`);
      drawn = state.parts.length;
    } else if (!quiet) for (const p of changed) io.stderr.write(partLine(p, state.parts.length) + '\n');
  };
}

/** Poll every unfinished batch until all are finished, saving the state whenever something changed. */
export async function waitForBatches(
  state: BatchState,
  statePath: string,
  client: BatchClient,
  pollMs: number,
  io: CliIO,
  signal?: AbortSignal,
  quiet = false,
): Promise<void> {
  const show = progressDisplay(state, io, quiet);
  for (;;) {
    const changed: BatchPart[] = [];
    let any = false;
    for (const part of state.parts) {
      if (!part.batchId || isFinished(part)) continue;
      const u = update(part, await client.retrieve(part.batchId, signal));
      if (u.status) changed.push(part);
      any ||= u.status || u.counts;
    }
    if (any) await saveState(statePath, state);
    show(changed, any);
    if (state.parts.every(isFinished)) return;
    await sleep(pollMs, signal);
  }
}
