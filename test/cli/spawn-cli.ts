// Run the built CLI as a user would (`node bin/job-entities.js ...`). The bundle is rebuilt when a
// source file is newer than it; the new bundle is renamed into place so that test files building
// at the same time never spawn a half-written one.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_DIR } from '../shared';

const BUNDLE = join(PROJECT_DIR, 'build', 'cli.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureCliBuilt(): Promise<void> {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource(join(PROJECT_DIR, 'src'))) return;
  // Same options as scripts/build-cli.mjs, written beside and renamed (atomic on one file system).
  const out = await build({
    entryPoints: [join(PROJECT_DIR, 'src/cli/main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    loader: { '.json': 'json' },
    write: false,
  });
  // A fresh clone has no build/ until the first build: the unit suite alone must not depend on one.
  mkdirSync(dirname(BUNDLE), { recursive: true });
  for (const file of out.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout's lines parsed as JSON. */
  lines: () => Record<string, any>[];
}

/** Spawn the CLI. Without `input`, stdin is /dev/null. OPENAI_* from the caller's env are removed. */
export function runCli(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  delete env.JOB_ENTITIES_MODEL;
  Object.assign(env, opts.env ?? {});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_DIR, 'bin', 'job-entities.js'), ...args], {
      cwd: opts.cwd ?? PROJECT_DIR,
      env,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout,
        stderr,
        lines: () =>
          stdout
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l) as Record<string, any>),
      }),
    );
  });
}
