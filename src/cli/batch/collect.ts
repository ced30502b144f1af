// Collecting a batch run: every record's outcome printed in input order, from the answers of the
// part its requests were sent in, with a clear error for the requests a batch left without answer.
import { createReadStream } from 'node:fs';
import { combineChunks, outcomeOfOutputLine, type BatchClient, type ChunkOutcome } from '../../core/batch';
import type { ErrorInfo } from '../../core/errors';
import type { Settings } from '../../core/settings';
import type { CliIO } from '../command';
import { reportFailures, type RecordOutcome } from '../extract-records';
import { streamJsonl } from '../jsonl-lines';
import { lineList } from '../line-list';
import type { OutputWriter } from '../output-writers';
import { planRecord } from './requests';
import type { BatchPart, BatchState } from './state';

/** Every output and error line of a part, by the record position (JSONL line) and chunk. */
async function loadPart(
  part: BatchPart,
  client: BatchClient,
  settings: Settings,
  io: CliIO,
): Promise<Map<number, ChunkOutcome[]>> {
  const map = new Map<number, ChunkOutcome[]>();
  for (const id of [part.outputFileId, part.errorFileId]) {
    if (!id) continue;
    const text = await client.content(id);
    let bad = 0;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      const o = outcomeOfOutputLine(raw, settings);
      if (!o) {
        bad++;
        continue;
      }
      const list = map.get(o.position) ?? [];
      list[o.chunk] = o;
      map.set(o.position, list);
    }
    if (bad)
      io.stderr.write(`job-entities: ${bad} line(s) of the batch file ${id} could not be read and were left out.\n`);
  }
  return map;
}

function missingError(part: BatchPart | undefined): ErrorInfo {
  if (!part?.batchId) return { code: 'invalid_input', message: 'This record was not submitted in a batch.' };
  switch (part.status) {
    case 'expired':
      return {
        code: 'timeout',
        message: `No result: the batch ${part.batchId} expired (24 h window) before this request ran. Run the records without a result again.`,
      };
    case 'cancelled':
      return {
        code: 'cancelled',
        message: `No result: the batch ${part.batchId} was cancelled before this request ran.`,
      };
    case 'failed':
      return {
        code: 'bad_request',
        message: `No result: the batch ${part.batchId} failed${part.error ? `: ${part.error}` : ''}.`,
      };
    default:
      return {
        code: 'unknown',
        message: `No result: the batch ${part.batchId} ended (${part.status ?? 'unknown status'}) without an answer for this request.`,
      };
  }
}

export interface CollectSummary {
  records: number;
  failed: number;
  firstError?: string;
  /** Lines without a result, by the batch status that left them out. */
  noResult: Map<string, number[]>;
}

function noteNoResult(summary: CollectSummary, part: BatchPart | undefined, line: number): void {
  const key = `${part?.batchId ?? 'not submitted'} ${part?.status ?? ''}`.trim();
  const list = summary.noResult.get(key) ?? [];
  list.push(line);
  summary.noResult.set(key, list);
}

/** Print every record's outcome in input order (re-reading the input, one part's answers at a time). */
export async function collect(
  state: BatchState,
  client: BatchClient,
  settings: Settings,
  writer: OutputWriter,
  io: CliIO,
): Promise<CollectSummary> {
  const summary: CollectSummary = { records: 0, failed: 0, noResult: new Map() };
  let partIndex = 0;
  let loaded: { n: number; map: Map<number, ChunkOutcome[]> } | undefined;
  let index = 0;
  for await (const record of streamJsonl(createReadStream(state.input.path))) {
    while (partIndex < state.parts.length && record.line > state.parts[partIndex].lastLine) partIndex++;
    const part =
      state.parts[partIndex] && record.line >= state.parts[partIndex].firstLine ? state.parts[partIndex] : undefined;
    let outcome: RecordOutcome;
    const plan = planRecord(record, settings);
    if ('problem' in plan) {
      outcome = {
        record,
        error: record.error ?? {
          code: 'invalid_input',
          message: `line ${record.line} was not sent in the batch: ${plan.problem}.`,
        },
      };
    } else {
      if (part && (!loaded || loaded.n !== part.n))
        loaded = { n: part.n, map: await loadPart(part, client, settings, io) };
      const chunks = part && loaded ? (loaded.map.get(record.line) ?? []) : [];
      let missing = chunks.some((c) => c?.noResult);
      const onMissing = () => {
        missing = true;
        return missingError(part);
      };
      outcome = { record, ...combineChunks(chunks, plan.lines.length, onMissing, plan.read, record.posting) };
      if (missing) noteNoResult(summary, part, record.line);
    }
    summary.records++;
    if (outcome.error) {
      summary.failed++;
      summary.firstError ??= outcome.error.message;
    }
    writer.write(outcome, index++);
  }
  writer.end();
  return summary;
}

/** After collect: which records have no result, a failure count, and the exit code. */
export function reportCollect(summary: CollectSummary, io: CliIO, command: string): number {
  for (const [batch, lines] of summary.noResult)
    io.stderr.write(
      `job-entities ${command}: ${lines.length} record(s) have no result (batch ${batch}): line(s) ${lineList(lines)}\n`,
    );
  return reportFailures({ ...summary, total: summary.records }, io, command, 'records');
}
