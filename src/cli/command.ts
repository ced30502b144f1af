// The contract for one CLI command: one file per command in src/cli/commands/, registered in main.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage, firstLine } from '../core/text';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full --help text. */
  help: string;
  /** Returns the exit code: 0 success, 1 user-facing error, 2 wrong usage. Throw UsageError for 2. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Wrong usage: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs with unknown options and bad values turned into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  // `--concurrency -3`: parseArgs takes "-3" for an option and calls the value ambiguous; read it as
  // the value it is, so the flag's own check can say what it accepts.
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const opt = /^--([\w-]+)$/.exec(argv[i])?.[1];
    const next = argv[i + 1];
    if (
      opt &&
      (options as Record<string, { type?: string }>)[opt]?.type === 'string' &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else joined.push(argv[i]);
  }
  argv = joined;
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(firstLine(errorMessage(e)));
  }
}

/** Parse a positive integer flag value or throw UsageError. */
export function intFlag(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} takes a whole number >= ${min}, got "${value}"`);
  return n;
}

/** The handlers of a command's subcommands, by name, in the order the usage message lists them. */
export type Subcommands = Record<string, (argv: string[], io: CliIO) => Promise<number>>;

/** Runs the subcommand argv starts with (`finetune start ...`); UsageError names the ones there are. */
export async function runSubcommand(argv: string[], io: CliIO, subcommands: Subcommands): Promise<number> {
  const [sub, ...rest] = argv;
  const names = Object.keys(subcommands);
  if (!sub || !names.includes(sub))
    throw new UsageError(
      sub ? `unknown subcommand "${sub}"; use one of ${names.join(', ')}` : `give a subcommand: ${names.join(', ')}`,
    );
  return subcommands[sub](rest, io);
}
