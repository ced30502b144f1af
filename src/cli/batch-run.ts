// `extract --batch` and `job-entities batch`: submit a JSONL input through the Batch API, wait,
// collect, and print the results as `extract` would, in input order. Everything needed to resume
// (input fingerprint, settings, the parts with their file and batch ids) is in a state file,
// saved after every step: a re-run resumes waiting and never submits the same records twice.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  BATCH_MAX_BYTES,
  BATCH_TERMINAL,
  BatchClient,
  batchRequestLines,
  combineChunks,
  endpointFor,
  outcomeOfOutputLine,
  type Batch,
  type ChunkOutcome,
} from '../core/batch';
import { ExtractionError, type ErrorInfo } from '../core/errors';
import { sleep } from '../core/finetune';
import { SettingsSchema, type Settings } from '../core/settings';
import { UsageError, type CliIO } from './command';
import type { RecordOutcome } from './extract-records';
import type { OutputWriter } from './output-writers';
import { streamJsonl } from './jsonl-lines';
import type { InputRecord } from './jsonl-records';
import { errorMessage, firstLine } from '../core/text';

const PartSchema = z.object({
  n: z.number().int().nonnegative(),
  firstLine: z.number().int().positive(),
  lastLine: z.number().int().positive(),
  requests: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  inputFileId: z.string().optional(),
  batchId: z.string().optional(),
  status: z.string().optional(),
  outputFileId: z.string().nullish(),
  errorFileId: z.string().nullish(),
  counts: z.object({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  error: z.string().optional(),
});
export type BatchPart = z.infer<typeof PartSchema>;

export const BatchStateSchema = z.object({
  version: z.literal(1),
  input: z.object({ path: z.string(), bytes: z.number(), sha256: z.string() }),
  /** The settings the requests were built with (never the API key). */
  settings: z.record(z.string(), z.unknown()),
  maxRequests: z.number().int().positive(),
  maxBytes: z.number().int().positive(),
  createdAt: z.string(),
  /** Every part has its batch: nothing is left to submit. */
  submitted: z.boolean(),
  records: z.number().int().nonnegative().optional(),
  requests: z.number().int().nonnegative().optional(),
  parts: z.array(PartSchema),
});
export type BatchState = z.infer<typeof BatchStateSchema>;

export interface BatchOptions {
  statePath: string;
  maxRequests: number;
  pollMs: number;
  wait: boolean;
  quiet?: boolean;
}

/** The default state file: beside the input's name, in the working directory. */
export function defaultStatePath(input: string, cwd: string): string {
  return join(cwd, basename(input, extname(input)) + '.batch-state.json');
}

async function fingerprint(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export async function readState(path: string): Promise<BatchState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ExtractionError(
      'invalid_input',
      `Cannot read the batch state file ${path}: ${firstLine(errorMessage(err))}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const r = BatchStateSchema.safeParse(value);
  if (!r.success)
    throw new ExtractionError(
      'invalid_input',
      `${path} is not a job-entities batch state file. Give another --batch-state FILE (it is created on the first run).`,
    );
  return r.data;
}

/** Written beside and renamed: a crash mid-write leaves the previous state, never half of one. */
async function saveState(path: string, state: BatchState): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
  await rename(tmp, path);
}

function publicSettings(settings: Settings): Record<string, unknown> {
  const { apiKey: _key, ...rest } = settings;
  return rest;
}

/** The settings a state file was made with, the key taken from the current flags or environment. */
export function stateSettings(state: BatchState, apiKey: string): Settings {
  return SettingsSchema.parse({ ...state.settings, apiKey });
}

// ---------------------------------------------------------------------------------------------
// Open or create the state

/**
 * The state for this input and these settings: the saved one when it is for the same input (same
 * content) and model, else a new one. A state file for another input is refused, naming both.
 */
export async function openState(
  inputArg: string,
  settings: Settings,
  opts: BatchOptions,
  io: CliIO,
): Promise<BatchState> {
  const inputPath = resolve(io.cwd, inputArg);
  let fp: { bytes: number; sha256: string };
  try {
    fp = await fingerprint(inputPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ExtractionError(
      'invalid_input',
      `Cannot read ${inputArg}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : errorMessage(err)}.`,
    );
  }
  const saved = await readState(opts.statePath);
  if (saved) {
    if (saved.input.sha256 !== fp.sha256) {
      throw new ExtractionError(
        'invalid_input',
        `The batch state file ${opts.statePath} belongs to another input: ${saved.input.path} (${saved.input.bytes} bytes), not ${inputPath} (${fp.bytes} bytes${saved.input.path === inputPath ? ', changed since' : ''}). Give another --batch-state FILE, or delete ${opts.statePath} to start over.`,
      );
    }
    const was = stateSettings(saved, settings.apiKey);
    if (was.model !== settings.model || was.baseURL !== settings.baseURL) {
      throw new ExtractionError(
        'invalid_input',
        `The batch state file ${opts.statePath} was made for ${was.model} at ${was.baseURL}, not ${settings.model} at ${settings.baseURL}. Run with the same --model and --base-url to resume, or give another --batch-state FILE.`,
      );
    }
    return saved;
  }
  const state: BatchState = {
    version: 1,
    input: { path: inputPath, ...fp },
    settings: publicSettings(settings),
    maxRequests: opts.maxRequests,
    maxBytes: BATCH_MAX_BYTES,
    createdAt: new Date().toISOString(),
    submitted: false,
    parts: [],
  };
  await saveState(opts.statePath, state);
  return state;
}

// ---------------------------------------------------------------------------------------------
// Submit

interface OpenPart {
  part: BatchPart;
  file?: WriteStream;
  path: string;
}

function writeLine(file: WriteStream, text: string): Promise<void> {
  return file.write(text) ? Promise.resolve() : new Promise((r) => file.once('drain', () => r()));
}

/**
 * Build the request lines record by record, cut them into parts (at most maxRequests requests and
 * maxBytes bytes each, a posting's chunks never split), upload each part and create its batch.
 * Parts the state already has a batch for are only counted, not sent again.
 */
export async function submit(
  state: BatchState,
  statePath: string,
  settings: Settings,
  io: CliIO,
  client: BatchClient,
): Promise<void> {
  if (state.submitted) return;
  const endpoint = endpointFor(settings);
  let open: OpenPart | undefined;
  let records = 0;
  let requests = 0;
  let skipped = 0;
  // Parts are cut the same way on every run (same input, same settings): part n here is state.parts[n].
  let nextN = 0;

  const finish = async (o: OpenPart) => {
    const saved = state.parts[o.part.n];
    if (o.file) await new Promise<void>((r, j) => o.file!.end((err?: Error | null) => (err ? j(err) : r())));
    const part = saved ?? o.part;
    if (!saved) {
      state.parts[o.part.n] = part;
      await saveState(statePath, state);
    }
    if (!part.inputFileId) {
      part.inputFileId = await client.upload(basename(o.path), createReadStream(o.path));
      await saveState(statePath, state);
    }
    if (!part.batchId) {
      // A crash between creating the batch and saving its id must not create a second one.
      const existing = saved ? await client.findByInputFile(part.inputFileId) : undefined;
      const batch =
        existing ??
        (await client.create(part.inputFileId, endpoint, {
          job_entities_input: basename(state.input.path).slice(0, 500),
          job_entities_part: String(part.n + 1),
        }));
      part.batchId = batch.id;
      part.status = batch.status;
      await saveState(statePath, state);
      io.stderr.write(
        `Submitted part ${part.n + 1} (lines ${part.firstLine}-${part.lastLine}, ${part.requests} requests) as ${batch.id}.\n`,
      );
    }
    await rm(o.path, { force: true });
  };

  for await (const record of streamJsonl(createReadStream(state.input.path))) {
    records++;
    const lines = planRecord(record, settings);
    if ('problem' in lines) {
      skipped++;
      io.stderr.write(`line ${record.line}: not sent (${lines.problem})\n`);
      continue;
    }
    const texts = lines.lines.map((l) => JSON.stringify(l) + '\n');
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    if (
      open &&
      open.part.requests > 0 &&
      (open.part.requests + texts.length > state.maxRequests || open.part.bytes + bytes > state.maxBytes)
    ) {
      await finish(open);
      open = undefined;
    }
    if (!open) {
      const n = nextN++;
      const path = `${statePath}.part-${n + 1}.jsonl`;
      const alreadyUploaded = Boolean(state.parts[n]?.inputFileId);
      open = {
        part: { n, firstLine: record.line, lastLine: record.line, requests: 0, bytes: 0 },
        path,
        file: alreadyUploaded ? undefined : createWriteStream(path),
      };
    }
    if (open.file) for (const t of texts) await writeLine(open.file, t);
    open.part.requests += texts.length;
    open.part.bytes += bytes;
    open.part.lastLine = record.line;
    requests += texts.length;
  }
  if (open) await finish(open);
  state.submitted = true;
  state.records = records;
  state.requests = requests;
  await saveState(statePath, state);
  io.stderr.write(
    `${requests} request(s) for ${records - skipped} posting(s) in ${state.parts.length} batch(es) at ${settings.baseURL} (24 h window)${skipped ? `; ${skipped} record(s) not sent (see above)` : ''}.\n`,
  );
}

function planRecord(record: InputRecord, settings: Settings): ReturnType<typeof batchRequestLines> {
  if (record.error || !record.posting) return { problem: record.error?.message ?? 'empty record' };
  return batchRequestLines(record.posting, record.line, settings, record.id);
}

// ---------------------------------------------------------------------------------------------
// Wait

function partLine(p: BatchPart, total: number): string {
  const c = p.counts;
  const counts = c
    ? `${c.completed}/${c.total || p.requests} done${c.failed ? `, ${c.failed} failed` : ''}`
    : `0/${p.requests} done`;
  return `batch ${p.n + 1}/${total} ${p.batchId ?? '-'}: ${p.status ?? 'not submitted'}, ${counts}`;
}

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

/**
 * Poll every unfinished batch until all are finished. On a terminal one line per batch is redrawn
 * in place; in a log a line is written when a batch's status changes (not at every count, which
 * over a 24 h window would fill the log); --quiet writes nothing.
 */
export async function waitForBatches(
  state: BatchState,
  statePath: string,
  client: BatchClient,
  pollMs: number,
  io: CliIO,
  signal?: AbortSignal,
  quiet = false,
): Promise<void> {
  const tty = Boolean(io.stderr.isTTY) && !quiet;
  let drawn = 0;
  const draw = (changed: BatchPart[]) => {
    if (tty) {
      // Redraw the block of per-batch lines in place.
      if (drawn) io.stderr.write(`\x1b[${drawn}F`);
      for (const p of state.parts) io.stderr.write(`\x1b[2K${partLine(p, state.parts.length)}\n`);
      drawn = state.parts.length;
    } else if (!quiet) for (const p of changed) io.stderr.write(partLine(p, state.parts.length) + '\n');
  };
  for (;;) {
    const changed: BatchPart[] = [];
    let any = false;
    for (const part of state.parts) {
      if (!part.batchId || (part.status && BATCH_TERMINAL.has(part.status))) continue;
      const u = update(part, await client.retrieve(part.batchId, signal));
      if (u.status) changed.push(part);
      any ||= u.status || u.counts;
    }
    if (any) await saveState(statePath, state);
    if (tty ? any || !drawn : changed.length) draw(changed);
    if (state.parts.every((p) => !p.batchId || (p.status && BATCH_TERMINAL.has(p.status)))) return;
    await sleep(pollMs, signal);
  }
}

// ---------------------------------------------------------------------------------------------
// Collect

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
      const r = combineChunks(
        chunks,
        plan.lines.length,
        () => {
          missing = true;
          return missingError(part);
        },
        plan.read,
        record.posting,
      );
      if (missing) {
        const key = `${part?.batchId ?? 'not submitted'} ${part?.status ?? ''}`.trim();
        const list = summary.noResult.get(key) ?? [];
        list.push(record.line);
        summary.noResult.set(key, list);
      }
      outcome = { record, ...r };
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

function lineList(lines: number[]): string {
  const shown = lines.slice(0, 20).join(', ');
  return lines.length > 20 ? `${shown} and ${lines.length - 20} more` : shown;
}

/** After collect: which records have no result, a failure count, and the exit code. */
export function reportCollect(summary: CollectSummary, io: CliIO, command: string): number {
  for (const [batch, lines] of summary.noResult)
    io.stderr.write(
      `job-entities ${command}: ${lines.length} record(s) have no result (batch ${batch}): line(s) ${lineList(lines)}\n`,
    );
  if (summary.records > 0 && summary.failed === summary.records) {
    throw new ExtractionError(
      'unknown',
      summary.records === 1
        ? (summary.firstError ?? 'failed')
        : `all ${summary.records} records failed; the first: ${summary.firstError ?? ''}`,
    );
  }
  if (summary.failed)
    io.stderr.write(
      `job-entities ${command}: ${summary.failed} of ${summary.records} records failed (see "error" on their lines)\n`,
    );
  return 0;
}

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
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  try {
    await waitForBatches(state, statePath, client, pollMs, io, controller.signal, quiet);
  } catch (err) {
    if (controller.signal.aborted) {
      io.stderr.write(
        `\nStopped waiting; the batches keep running. Resume with the same command, or: job-entities batch collect --batch-state ${statePath}\n`,
      );
      return 130;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  return reportCollect(await collect(state, client, settings, writer(), io), io, command);
}
