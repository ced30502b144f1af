// Reading the user's files and stdin: one place for the messages a user sees when that fails.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExtractionError } from '../core/errors';
import type { CliIO } from './command';
import { errorMessage } from '../core/text';
import { lineList } from './line-list';

export async function readStream(
  stream: NodeJS.ReadableStream,
  io?: Pick<CliIO, 'stderr'>,
  name = 'stdin',
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return decodeText(Buffer.concat(chunks), name, io);
}

/** Magic numbers of formats people pipe by mistake (images, archives, PDFs, office files). */
const BINARY_MAGIC = [
  /^\x89PNG/,
  /^\xff\xd8\xff/,
  /^GIF8/,
  /^%PDF-/,
  /^PK\x03\x04/,
  /^\x1f\x8b/,
  /^\x7fELF/,
  /^\xd0\xcf\x11\xe0/,
];

/**
 * Bytes as UTF-8 text. A binary file (a NUL byte early on, or a known binary format) is refused:
 * read as text it would give empty or garbage results with exit 0. Bytes that are not UTF-8 are
 * shown as U+FFFD, with a warning naming each line (the first five) so the user can fix the file.
 */
export function decodeText(buf: Buffer, name: string, io?: Pick<CliIO, 'stderr'>): string {
  const head = buf.subarray(0, 8192).toString('latin1');
  if (head.includes('\u0000') || BINARY_MAGIC.some((re) => re.test(head))) {
    throw new ExtractionError(
      'invalid_input',
      `${name} looks like a binary file, not text. Give a .jsonl, .html or .txt file (UTF-8).`,
    );
  }
  const text = buf.toString('utf8');
  if (io && text.includes('\ufffd')) {
    let strict = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      strict = false;
    }
    if (!strict) {
      const bad: number[] = [];
      text.split('\n').forEach((line, i) => line.includes('\ufffd') && bad.push(i + 1));
      const shown = lineList(bad, 5);
      io.stderr.write(
        `job-entities: warning: ${name} line${bad.length > 1 ? 's' : ''} ${shown} ${bad.length > 1 ? 'are' : 'is'} not valid UTF-8 (read as \ufffd); save the file as UTF-8.\n`,
      );
    }
  }
  return text;
}

/**
 * Reads a UTF-8 file relative to the working directory ('-' reads stdin). A failure becomes an
 * ExtractionError that names the file (after `what`, e.g. "the profile"), says why, and ends with
 * `hint` (what to give instead).
 */
export async function readTextFile(file: string, io: CliIO, hint = '', what = ''): Promise<string> {
  if (file === '-') return readStream(io.stdin, io);
  let buf: Buffer;
  try {
    buf = await readFile(resolve(io.cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : errorMessage(err);
    throw new ExtractionError(
      'invalid_input',
      `Cannot read ${what ? what + ' ' : ''}${file}: ${why}.${hint ? ' ' + hint : ''}`,
    );
  }
  return decodeText(buf, file, io);
}
