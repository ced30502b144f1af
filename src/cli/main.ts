// job-entities CLI: the same core as the extension, in Node.
import { UsageError, type CliIO, type Command } from './command';
import { COMMANDS } from './commands/index';
import { useExactTokenCounts } from './exact-tokens';
import { version } from '../../package.json';
import { errorMessage, firstLine } from '../core/text';

function usage(): string {
  const lines = ['Usage: job-entities <command> [options]', '', 'Commands:'];
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(width)}  ${c.summary}`);
  lines.push(
    '',
    "Run `job-entities <command> --help` for a command's options.",
    'Exit codes: 0 success, 1 error, 2 wrong usage. Add --debug for stack traces.',
  );
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  useExactTokenCounts();
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(version + '\n');
    return 0;
  }
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`job-entities: unknown command "${name}"\n\n` + usage());
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(cmd.help.endsWith('\n') ? cmd.help : cmd.help + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`job-entities ${cmd.name}: ${err.message}\nRun \`job-entities ${cmd.name} --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`job-entities ${cmd.name}: ${firstLine(errorMessage(err))}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(err.stack + '\n');
    return 1;
  }
}

// Entry point when bundled into build/cli.mjs.
const isMain =
  typeof process !== 'undefined' && process.argv[1] && /job-entities(\.js)?$|cli\.mjs$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`job-entities: ${errorMessage(err)}\n`);
      process.exitCode = 1;
    },
  );
}
