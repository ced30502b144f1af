// Reading JSONL as it arrives: lines cut on the bytes, each decoded on its own (so a line that is
// not UTF-8 can be named), records parsed one at a time so memory stays flat whatever the size.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from './command';
import { parseJsonlLine, type InputRecord } from './jsonl-records';

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
export function utf8Warnings(name: string, io: CliIO): LineOptions {
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

/** Records of a JSONL file counted without keeping them (for a progress bar's total). */
export async function countJsonlRecords(file: string, io: CliIO): Promise<number> {
  let n = 0;
  for await (const raw of linesOf(createReadStream(resolve(io.cwd, file)))) if (raw.trim()) n++;
  return n;
}
