// What `extract` and `eval` read: JSONL (seed `prompt`, `text`, or `url` + `html` per line), an
// .html page (captured like the extension does), a .txt file, stdin, or a page fetched by --url.
// Every record keeps its place: a bad line becomes a record with an error, so output stays aligned.
import { constants, createReadStream } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { looksLikeHtmlPage } from '../core/capture/html-text';
import { ExtractionError, toErrorInfo, type ErrorInfo } from '../core/errors';
import type { PostingInput } from '../core/posting';
import { SEPARATOR } from '../core/prompt';
import { UsageError, type CliIO } from './command';
import { captureHtml } from './dom';
import { decodeText, readStream, readTextFile } from './files';
import { errorMessage, firstLine } from '../core/text';

export interface InputRecord {
  /** 1-based position in the input (the JSONL line number for JSONL). */
  line: number;
  posting?: PostingInput;
  /** The gold completion when the line carried one (the seed format). */
  completion?: string;
  /** An `id` the line carried, echoed on its output line. */
  id?: string | number;
  error?: ErrorInfo;
}

const optionalText = z.string().optional();
/** One JSONL line. Unknown keys are allowed (and ignored): exported datasets carry extras. */
export const JsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    prompt: optionalText,
    completion: optionalText,
    text: optionalText,
    html: optionalText,
    url: optionalText,
    title: optionalText,
    company: optionalText,
    location: optionalText,
  })
  .loose()
  .refine((r) => r.prompt !== undefined || r.text !== undefined || r.html !== undefined, {
    message: 'needs a "prompt", a "text", or "url" and "html"',
  });

/** The seed's prompt without its separator (present or not), as posting text. */
export function stripSeparator(prompt: string, separator = SEPARATOR): string {
  if (prompt.endsWith(separator)) return prompt.slice(0, -separator.length);
  return prompt.replace(/\s*###\s*$/, '');
}

function looksLikeJsonl(text: string): boolean {
  return /^\s*\{/.test(text);
}

function fail(line: number, message: string, code: ErrorInfo['code'] = 'invalid_input'): InputRecord {
  return { line, error: { code, message } };
}

function capture(html: string, url: string, line: number): InputRecord {
  try {
    return { line, posting: captureHtml(html, url) };
  } catch (err) {
    return { line, error: toErrorInfo(err) };
  }
}

/** One JSONL line as a record (undefined for a blank line: not a record). */
export function parseJsonlLine(raw: string, line: number): InputRecord | undefined {
  if (!raw.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return fail(
      line,
      `line ${line} is not valid JSON (${firstLine(errorMessage(e))}). Each line must be one JSON object.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(line, `line ${line} must be a JSON object such as {"text": "..."}.`);
  }
  const r = JsonlRecordSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? ` "${issue.path.join('.')}"` : '';
    return fail(line, `line ${line}${where}: ${issue.message}.`);
  }
  const rec = r.data;
  let result: InputRecord;
  if (rec.prompt !== undefined) result = { line, posting: { text: stripSeparator(rec.prompt) } };
  else if (rec.text !== undefined) result = { line, posting: { text: rec.text } };
  else if (rec.url === undefined) result = fail(line, `line ${line}: "html" needs the page's "url" beside it.`);
  else result = capture(rec.html ?? '', rec.url, line);
  if (result.posting) {
    for (const k of ['url', 'title', 'company', 'location'] as const)
      if (rec[k] !== undefined && result.posting[k] === undefined) result.posting[k] = rec[k];
  }
  if (rec.completion !== undefined) result.completion = rec.completion;
  if (rec.id !== undefined) result.id = rec.id;
  return result;
}

/** Parse JSONL text into records; blank lines are not records. */
export function parseJsonl(text: string): InputRecord[] {
  const out: InputRecord[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const r = parseJsonlLine(raw, i + 1);
      if (r) out.push(r);
    });
  return out;
}

export interface LineOptions {
  /** Called for a line whose bytes are not UTF-8 (it is read with U+FFFD in their place). */
  onInvalidUtf8?: (line: number) => void;
}

/**
 * The lines of a stream, one at a time (a BOM at the start and CR before LF removed). Lines are cut
 * on the byte 0x0A, which is never part of a multi-byte UTF-8 character, and each is decoded on its
 * own so that a line that is not UTF-8 can be named.
 */
export async function* linesOf(stream: AsyncIterable<string | Buffer>, opts: LineOptions = {}): AsyncGenerator<string> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lossy = new TextDecoder('utf-8');
  let line = 0;
  const decode = (bytes: Uint8Array): string => {
    line++;
    try {
      return strict.decode(bytes);
    } catch {
      opts.onInvalidUtf8?.(line);
      return lossy.decode(bytes);
    }
  };
  let rest: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of stream) {
    rest = rest.length
      ? Buffer.concat([rest, typeof chunk === 'string' ? Buffer.from(chunk) : chunk])
      : typeof chunk === 'string'
        ? Buffer.from(chunk)
        : chunk;
    if (first && rest.length >= 3) {
      if (rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) rest = rest.subarray(3);
      first = false;
    }
    let from = 0;
    let nl: number;
    while ((nl = rest.indexOf(0x0a, from)) >= 0) {
      yield decode(rest.subarray(from, nl)).replace(/\r$/, '');
      from = nl + 1;
    }
    rest = rest.subarray(from);
  }
  if (rest.length)
    yield decode(rest)
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
}

/** JSONL records parsed as their lines arrive: memory stays flat whatever the input's size. */
export async function* streamJsonl(
  stream: AsyncIterable<string | Buffer>,
  opts: LineOptions = {},
): AsyncGenerator<InputRecord> {
  let line = 0;
  for await (const raw of linesOf(stream, opts)) {
    const r = parseJsonlLine(raw, ++line);
    if (r) yield r;
  }
}

/** The warning for lines that are not UTF-8: the first five named, then one line saying more follow. */
function utf8Warnings(name: string, io: CliIO): LineOptions {
  let bad = 0;
  return {
    onInvalidUtf8: (line) => {
      bad++;
      if (bad <= 5)
        io.stderr.write(
          `job-entities: warning: ${name} line ${line} is not valid UTF-8 (read as \ufffd); save the file as UTF-8.\n`,
        );
      else if (bad === 6) io.stderr.write(`job-entities: warning: more lines of ${name} are not valid UTF-8.\n`);
    },
  };
}

/** One document of unknown kind (stdin): JSONL, an HTML page, or plain text. */
export function parseDocument(text: string, opts: { url?: string; kind?: 'jsonl' | 'html' | 'text' }): InputRecord[] {
  const kind = opts.kind ?? (looksLikeJsonl(text) ? 'jsonl' : looksLikeHtmlPage(text) ? 'html' : 'text');
  if (kind === 'jsonl') return parseJsonl(text);
  if (kind === 'html') return [capture(text, opts.url ?? 'file:///stdin.html', 1)];
  if (!text.trim()) return [fail(1, 'The input is empty: give the posting text.')];
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

/** Records of a JSONL file counted without keeping them (for a progress bar's total). */
export async function countJsonlRecords(file: string, io: CliIO): Promise<number> {
  let n = 0;
  for await (const raw of linesOf(createReadStream(resolve(io.cwd, file)))) if (raw.trim()) n++;
  return n;
}

export interface InputStream {
  records: AsyncIterable<InputRecord>;
  /** The number of records when known before reading them (a JSONL file), for progress. */
  total?: number;
}

/**
 * The input records, in order, read as they are needed: a JSONL file (or JSONL on stdin) line by
 * line, so memory stays flat; anything else (one page or text) as readInputs reads it.
 */
export async function streamInputs(opts: InputOptions, io: CliIO, { count = false } = {}): Promise<InputStream> {
  if (opts.input !== undefined && opts.input !== '-' && isJsonlPath(opts.input)) {
    const path = resolve(io.cwd, opts.input);
    let size = -1;
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
      await access(path, constants.R_OK);
      size = st.size;
    } catch {
      // The same message readInputs gives for a file it cannot read.
      await readTextFile(opts.input, io, 'Give a .jsonl, .html or .txt file, or - for stdin.');
    }
    // What readTextFile refuses for a whole file, checked on the first bytes: a binary file, an empty one.
    const head = await readHead(path);
    decodeText(head, opts.input);
    if (
      !head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim() &&
      size <= head.length
    ) {
      throw new ExtractionError(
        'invalid_input',
        `The input ${opts.input} is empty: give at least one posting (a .jsonl line, an .html page or .txt text).`,
      );
    }
    return {
      records: streamJsonl(createReadStream(path), utf8Warnings(opts.input, io)),
      total: count ? await countJsonlRecords(opts.input, io) : undefined,
    };
  }
  if (opts.url === undefined && (opts.input === '-' || (opts.input === undefined && !io.stdin.isTTY))) {
    // stdin: JSONL is streamed; a page or a text is read whole (it is one record).
    const it = (io.stdin as AsyncIterable<string | Buffer>)[Symbol.asyncIterator]();
    const firstChunk = await it.next();
    if (firstChunk.done) {
      if (opts.input === undefined)
        throw new UsageError('no input: pass --input FILE (.jsonl, .html, .txt), --url URL, or pipe text on stdin');
      return { records: (async function* () {})() };
    }
    const head =
      typeof firstChunk.value === 'string' ? firstChunk.value : Buffer.from(firstChunk.value).toString('utf8');
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
    if (!text.trim() && opts.input === undefined)
      throw new UsageError('no input: pass --input FILE (.jsonl, .html, .txt), --url URL, or pipe text on stdin');
    return { records: toAsync(parseDocument(text, { url: opts.url })) };
  }
  const all = await readInputs(opts, io);
  return { records: toAsync(all), total: all.length };
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

/** Read every input record, in order. Throws UsageError when there is nothing to read. */
export async function readInputs(opts: InputOptions, io: CliIO): Promise<InputRecord[]> {
  if (opts.url !== undefined) {
    try {
      const u = new URL(opts.url);
      if (!/^(https?|file):$/.test(u.protocol)) throw new Error();
    } catch {
      throw new UsageError(`--url takes the page's full address (https://...), got "${opts.url}"`);
    }
  }
  // --url alone: download the page, as the extension would see it.
  if (opts.input === undefined && opts.url !== undefined) return [capture(await fetchPage(opts.url), opts.url, 1)];
  if (opts.input === undefined || opts.input === '-') {
    if (opts.input === undefined && io.stdin.isTTY)
      throw new UsageError('no input: pass --input FILE (.jsonl, .html, .txt), --url URL, or pipe text on stdin');
    const text = await readStream(io.stdin, io);
    if (!text.trim() && opts.input === undefined)
      throw new UsageError('no input: pass --input FILE (.jsonl, .html, .txt), --url URL, or pipe text on stdin');
    return parseDocument(text, { url: opts.url });
  }
  const text = await readTextFile(opts.input, io, 'Give a .jsonl, .html or .txt file, or - for stdin.');
  if (!text.replace(/^\uFEFF/, '').trim())
    throw new ExtractionError(
      'invalid_input',
      `The input ${opts.input} is empty: give at least one posting (a .jsonl line, an .html page or .txt text).`,
    );
  const ext = extname(opts.input).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return parseJsonl(text);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml')
    return parseDocument(text, { kind: 'html', url: opts.url ?? pathToFileURL(resolve(io.cwd, opts.input)).href });
  if (ext === '.txt' || ext === '.text' || ext === '.md') return parseDocument(text, { kind: 'text', url: opts.url });
  return parseDocument(text, { url: opts.url });
}
