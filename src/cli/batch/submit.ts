// Submitting `extract --batch`: the request lines are cut into parts (each one batch input file),
// and every part is uploaded and gets its batch. Each step is saved in the state file first, so a
// re-run after a crash neither uploads a part twice nor creates its batch twice.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { endpointFor, type BatchClient } from '../../core/batch';
import type { Settings } from '../../core/settings';
import type { CliIO } from '../command';
import { streamJsonl } from '../jsonl-lines';
import { planRecord, requestTexts } from './requests';
import { saveState, type BatchPart, type BatchState } from './state';

/** The part being filled: its file is not written again when a previous run already uploaded it. */
interface OpenPart {
  part: BatchPart;
  file?: WriteStream;
  path: string;
}

interface Submission {
  state: BatchState;
  statePath: string;
  io: CliIO;
  client: BatchClient;
  endpoint: ReturnType<typeof endpointFor>;
}

function writeLine(file: WriteStream, text: string): Promise<void> {
  return file.write(text) ? Promise.resolve() : new Promise((r) => file.once('drain', () => r()));
}

function openPart(n: number, line: number, s: Submission): OpenPart {
  const path = `${s.statePath}.part-${n + 1}.jsonl`;
  const alreadyUploaded = Boolean(s.state.parts[n]?.inputFileId);
  return {
    part: { n, firstLine: line, lastLine: line, requests: 0, bytes: 0 },
    path,
    file: alreadyUploaded ? undefined : createWriteStream(path),
  };
}

/** A record's requests would take the part over maxRequests or maxBytes (a posting's chunks are never split). */
function wouldOverflow(part: BatchPart, requests: number, bytes: number, state: BatchState): boolean {
  return part.requests > 0 && (part.requests + requests > state.maxRequests || part.bytes + bytes > state.maxBytes);
}

async function appendToPart(open: OpenPart, texts: string[], bytes: number, line: number): Promise<void> {
  if (open.file) for (const t of texts) await writeLine(open.file, t);
  open.part.requests += texts.length;
  open.part.bytes += bytes;
  open.part.lastLine = line;
}

/** The part's batch: the one a previous run created before it could save the id, else a new one. */
async function createBatchOnce(part: BatchPart, inputFileId: string, resumed: boolean, s: Submission) {
  // A crash between creating the batch and saving its id must not create a second one.
  const existing = resumed ? await s.client.findByInputFile(inputFileId) : undefined;
  return (
    existing ??
    (await s.client.create(inputFileId, s.endpoint, {
      job_entities_input: basename(s.state.input.path).slice(0, 500),
      job_entities_part: String(part.n + 1),
    }))
  );
}

/** Close a part's file, record the part in the state, upload the file and create its batch. */
async function sendPart(o: OpenPart, s: Submission): Promise<void> {
  const { state, statePath } = s;
  const saved = state.parts[o.part.n];
  if (o.file) await new Promise<void>((r, j) => o.file!.end((err?: Error | null) => (err ? j(err) : r())));
  const part = saved ?? o.part;
  if (!saved) {
    state.parts[o.part.n] = part;
    await saveState(statePath, state);
  }
  if (!part.inputFileId) {
    part.inputFileId = await s.client.upload(basename(o.path), createReadStream(o.path));
    await saveState(statePath, state);
  }
  if (!part.batchId) {
    const batch = await createBatchOnce(part, part.inputFileId, Boolean(saved), s);
    part.batchId = batch.id;
    part.status = batch.status;
    await saveState(statePath, state);
    s.io.stderr.write(
      `Submitted part ${part.n + 1} (lines ${part.firstLine}-${part.lastLine}, ${part.requests} requests) as ${batch.id}.\n`,
    );
  }
  await rm(o.path, { force: true });
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
  const s: Submission = { state, statePath, io, client, endpoint: endpointFor(settings) };
  let open: OpenPart | undefined;
  let records = 0;
  let requests = 0;
  let skipped = 0;
  // Parts are cut the same way on every run (same input, same settings): part n here is state.parts[n].
  let nextN = 0;
  for await (const record of streamJsonl(createReadStream(state.input.path))) {
    records++;
    const plan = planRecord(record, settings);
    if ('problem' in plan) {
      skipped++;
      io.stderr.write(`line ${record.line}: not sent (${plan.problem})\n`);
      continue;
    }
    const { texts, bytes } = requestTexts(plan.lines);
    if (open && wouldOverflow(open.part, texts.length, bytes, state)) {
      await sendPart(open, s);
      open = undefined;
    }
    open ??= openPart(nextN++, record.line, s);
    await appendToPart(open, texts, bytes, record.line);
    requests += texts.length;
  }
  if (open) await sendPart(open, s);
  state.submitted = true;
  state.records = records;
  state.requests = requests;
  await saveState(statePath, state);
  io.stderr.write(
    `${requests} request(s) for ${records - skipped} posting(s) in ${state.parts.length} batch(es) at ${settings.baseURL} (24 h window)${skipped ? `; ${skipped} record(s) not sent (see above)` : ''}.\n`,
  );
}
