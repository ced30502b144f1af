// The state file of `extract --batch`: everything needed to resume (input fingerprint, settings, the
// parts with their file and batch ids), saved after every step so that a re-run resumes waiting and
// never submits the same records twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { BATCH_MAX_BYTES } from '../../core/batch';
import { ExtractionError } from '../../core/errors';
import { SettingsSchema, type Settings } from '../../core/settings';
import { errorMessage, firstLine } from '../../core/text';
import type { CliIO } from '../command';

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
export async function saveState(path: string, state: BatchState): Promise<void> {
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

async function fingerprintInput(inputArg: string, inputPath: string): Promise<{ bytes: number; sha256: string }> {
  try {
    return await fingerprint(inputPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ExtractionError(
      'invalid_input',
      `Cannot read ${inputArg}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : errorMessage(err)}.`,
    );
  }
}

/** A saved state is resumed only for the same input (same content) and the same model and server. */
function checkResumable(
  saved: BatchState,
  input: { path: string; bytes: number; sha256: string },
  settings: Settings,
  statePath: string,
): void {
  if (saved.input.sha256 !== input.sha256) {
    throw new ExtractionError(
      'invalid_input',
      `The batch state file ${statePath} belongs to another input: ${saved.input.path} (${saved.input.bytes} bytes), not ${input.path} (${input.bytes} bytes${saved.input.path === input.path ? ', changed since' : ''}). Give another --batch-state FILE, or delete ${statePath} to start over.`,
    );
  }
  const was = stateSettings(saved, settings.apiKey);
  if (was.model !== settings.model || was.baseURL !== settings.baseURL) {
    throw new ExtractionError(
      'invalid_input',
      `The batch state file ${statePath} was made for ${was.model} at ${was.baseURL}, not ${settings.model} at ${settings.baseURL}. Run with the same --model and --base-url to resume, or give another --batch-state FILE.`,
    );
  }
}

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
  const fp = await fingerprintInput(inputArg, inputPath);
  const saved = await readState(opts.statePath);
  if (saved) {
    checkResumable(saved, { path: inputPath, ...fp }, settings, opts.statePath);
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
