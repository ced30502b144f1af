// What `extract`, `match` and `capture` read: JSONL (./jsonl-records.ts), an .html page (captured
// like the extension does), a .txt file, stdin, or a page fetched by --url. Every record keeps its
// place: a bad line becomes a record with an error, so output stays aligned.
import { constants, createReadStream } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { looksLikeHtmlPage } from '../core/capture/html-text';
import { ExtractionError } from '../core/errors';
import { UsageError, type CliIO } from './command';
import { decodeText, readStream, readTextFile } from './files';
import { countJsonlRecords, streamJsonl, utf8Warnings } from './jsonl-lines';
import { capturedRecord, failedRecord, parseJsonl, type InputRecord } from './jsonl-records';

const NO_INPUT = 'no input: pass --input FILE (.jsonl, .html, .txt), --url URL, or pipe text on stdin';
const FILE_HINT = 'Give a .jsonl, .html or .txt file, or - for stdin.';

function emptyInput(file: string): ExtractionError {
  return new ExtractionError(
    'invalid_input',
    `The input ${file} is empty: give at least one posting (a .jsonl line, an .html page or .txt text).`,
  );
}

function looksLikeJsonl(text: string): boolean {
  return /^\s*\{/.test(text);
}

/** One document of unknown kind (stdin): JSONL, an HTML page, or plain text. */
export function parseDocument(text: string, opts: { url?: string; kind?: 'jsonl' | 'html' | 'text' }): InputRecord[] {
  const kind = opts.kind ?? (looksLikeJsonl(text) ? 'jsonl' : looksLikeHtmlPage(text) ? 'html' : 'text');
  if (kind === 'jsonl') return parseJsonl(text);
  if (kind === 'html') return [capturedRecord(text, opts.url ?? 'file:///stdin.html', 1)];
  if (!text.trim()) return [failedRecord(1, 'The input is empty: give the posting text.')];
  return [{ line: 1, posting: { text, ...(opts.url ? { url: opts.url } : {}) } }];
}

/** Fetch a live page for --url without --input. */
async function fetchPage(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(30_000),
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new ExtractionError(
      'unreachable',
      `Could not download ${url}${cause ? ` (${cause})` : ''}. Check the address, or save the page and pass it with --input page.html --url ${url}.`,
    );
  }
  if (!res.ok)
    throw new ExtractionError(
      'invalid_input',
      `Downloading ${url} gave HTTP ${res.status}. Save the page from your browser and pass it with --input page.html --url ${url}.`,
    );
  return res.text();
}

export interface InputOptions {
  input?: string;
  url?: string;
}

function isJsonlPath(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson';
}

export interface InputStream {
  records: AsyncIterable<InputRecord>;
  /** The number of records when known before reading them (a JSONL file), for progress. */
  total?: number;
}

/** The first bytes of a file (enough to tell a binary or an empty file). */
async function readHead(path: string, size = 8192): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * A JSONL file, streamed. What readTextFile refuses for a whole file (unreadable, binary, empty)
 * is checked first, on its first bytes, with the same messages.
 */
async function streamJsonlFile(file: string, io: CliIO, count: boolean): Promise<InputStream> {
  const path = resolve(io.cwd, file);
  let size = -1;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    await access(path, constants.R_OK);
    size = st.size;
  } catch {
    // The same message readInputs gives for a file it cannot read.
    await readTextFile(file, io, FILE_HINT);
  }
  const head = await readHead(path);
  decodeText(head, file);
  if (
    !head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim() &&
    size <= head.length
  )
    throw emptyInput(file);
  return {
    records: streamJsonl(createReadStream(path), utf8Warnings(file, io)),
    total: count ? await countJsonlRecords(file, io) : undefined,
  };
}

/** stdin: JSONL is streamed; a page or a text is read whole (it is one record). */
async function streamStdin(opts: InputOptions, io: CliIO): Promise<InputStream> {
  const it = (io.stdin as AsyncIterable<string | Buffer>)[Symbol.asyncIterator]();
  const firstChunk = await it.next();
  if (firstChunk.done) {
    if (opts.input === undefined) throw new UsageError(NO_INPUT);
    return { records: (async function* () {})() };
  }
  const head = typeof firstChunk.value === 'string' ? firstChunk.value : Buffer.from(firstChunk.value).toString('utf8');
  const replay: AsyncIterable<string | Buffer> = {
    async *[Symbol.asyncIterator]() {
      yield firstChunk.value;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    },
  };
  if (looksLikeJsonl(head.replace(/^\uFEFF/, ''))) {
    decodeText(Buffer.from(head), 'stdin');
    return { records: streamJsonl(replay, utf8Warnings('stdin', io)) };
  }
  const text = await readStream(replay as NodeJS.ReadableStream);
  if (!text.trim() && opts.input === undefined) throw new UsageError(NO_INPUT);
  return { records: toAsync(parseDocument(text, { url: opts.url })) };
}

/**
 * The input records, in order, read as they are needed: a JSONL file (or JSONL on stdin) line by
 * line, so memory stays flat; anything else (one page or text) as readInputs reads it.
 */
export async function streamInputs(opts: InputOptions, io: CliIO, { count = false } = {}): Promise<InputStream> {
  if (opts.input !== undefined && opts.input !== '-' && isJsonlPath(opts.input))
    return streamJsonlFile(opts.input, io, count);
  if (opts.url === undefined && (opts.input === '-' || (opts.input === undefined && !io.stdin.isTTY)))
    return streamStdin(opts, io);
  const all = await readInputs(opts, io);
  return { records: toAsync(all), total: all.length };
}

function checkUrl(url: string): void {
  try {
    const u = new URL(url);
    if (!/^(https?|file):$/.test(u.protocol)) throw new Error();
  } catch {
    throw new UsageError(`--url takes the page's full address (https://...), got "${url}"`);
  }
}

/** Read every input record, in order. Throws UsageError when there is nothing to read. */
export async function readInputs(opts: InputOptions, io: CliIO): Promise<InputRecord[]> {
  if (opts.url !== undefined) checkUrl(opts.url);
  // --url alone: download the page, as the extension would see it.
  if (opts.input === undefined && opts.url !== undefined)
    return [capturedRecord(await fetchPage(opts.url), opts.url, 1)];
  if (opts.input === undefined || opts.input === '-') {
    if (opts.input === undefined && io.stdin.isTTY) throw new UsageError(NO_INPUT);
    const text = await readStream(io.stdin, io);
    if (!text.trim() && opts.input === undefined) throw new UsageError(NO_INPUT);
    return parseDocument(text, { url: opts.url });
  }
  const text = await readTextFile(opts.input, io, FILE_HINT);
  if (!text.replace(/^\uFEFF/, '').trim()) throw emptyInput(opts.input);
  const ext = extname(opts.input).toLowerCase();
  if (isJsonlPath(opts.input)) return parseJsonl(text);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml')
    return parseDocument(text, { kind: 'html', url: opts.url ?? pathToFileURL(resolve(io.cwd, opts.input)).href });
  if (ext === '.txt' || ext === '.text' || ext === '.md') return parseDocument(text, { kind: 'text', url: opts.url });
  return parseDocument(text, { url: opts.url });
}
