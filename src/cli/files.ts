// Reading the user's files and stdin: one place for the messages a user sees when that fails.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExtractionError } from '../core/errors';
import type { CliIO } from './command';

export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a UTF-8 file relative to the working directory ('-' reads stdin). A failure becomes an
 * ExtractionError that names the file (after `what`, e.g. "the profile"), says why, and ends with
 * `hint` (what to give instead).
 */
export async function readTextFile(file: string, io: CliIO, hint = '', what = ''): Promise<string> {
  if (file === '-') return readStream(io.stdin);
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new ExtractionError('invalid_input', `Cannot read ${what ? what + ' ' : ''}${file}: ${why}.${hint ? ' ' + hint : ''}`);
  }
}
