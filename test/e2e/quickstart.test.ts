// The quick start as `npm start` runs it after the build: scripts/quickstart.ts with CI set runs
// headless, prints the entities the extension's popup shows for demo/sample-posting.html (offline
// extractor: the fresh profile has no model) and saves a picture of the popup.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared';
import { chromiumPath, DIST_DIR } from './fixtures';

const SCRIPT = [join(PROJECT_DIR, 'scripts', 'run-ts.mjs'), join('scripts', 'quickstart.ts')];
const SCREENSHOT = join(PROJECT_DIR, 'build', 'quickstart-popup.png');
const DEMO_PAGE = join(PROJECT_DIR, 'demo', 'sample-posting.html');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runQuickstart(args: string[], env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SCRIPT, ...args], {
      cwd: PROJECT_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`quickstart did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The values printed on the line "  <Label>  a, b (×2), c". */
function printedValues(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.trimStart().startsWith(label + ' '));
  if (!line) return [];
  const rest = line.trim().slice(label.length).trim();
  if (rest === '—') return [];
  return rest.split(', ').map((v) => v.replace(/ \(×\d+\)$/, ''));
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9+#]/g, '');

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('npm start (scripts/quickstart.ts) headless with CI set', () => {
  let run: Run;
  let startedAt: number;

  beforeAll(async () => {
    // The same browser the other browser tests use, so the run does not depend on the finder's order.
    const chromium = await chromiumPath();
    startedAt = Date.now();
    run = await runQuickstart([], { CI: '1', CHROMIUM_PATH: chromium, JOB_ENTITIES_DIST: DIST_DIR });
  }, 120_000);

  it('exits 0 without errors', () => {
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it("prints the demo posting's entities grouped by type, with a skill and an experience from the page", () => {
    const skills = printedValues(run.stdout, 'Skills');
    const experience = printedValues(run.stdout, 'Experience');
    expect(skills.map((s) => s.toLowerCase())).toEqual(expect.arrayContaining(['python', 'kubernetes']));
    expect(experience.map(squash)).toContain('5+years');
    for (const label of ['Diploma', 'Major', 'Experience', 'Skills'])
      expect(run.stdout).toMatch(new RegExp(`^  ${label} +\\S`, 'm'));
    expect(run.stdout).toContain('Senior Backend Engineer');
  });

  it('prints only values that the posting holds', () => {
    const page = squash(readFileSync(DEMO_PAGE, 'utf8'));
    const all = ['Diploma', 'Major', 'Experience', 'Skills'].flatMap((l) => printedValues(run.stdout, l));
    expect(all.length).toBeGreaterThan(3);
    for (const v of all) expect(page, v).toContain(squash(v));
  });

  it('says the offline extractor answered, since no model is configured', () => {
    expect(run.stdout).toMatch(/offline extractor/);
  });

  it('saves a picture of the popup to build/quickstart-popup.png', () => {
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(statSync(SCREENSHOT).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
    const { width, height } = pngSize(SCREENSHOT);
    expect(width).toBeGreaterThanOrEqual(360);
    expect(height).toBeGreaterThan(200);
    expect(run.stdout).toContain(SCREENSHOT);
  });
});

describe('quickstart failures say what to do', () => {
  let emptyDist: string;
  beforeAll(() => {
    emptyDist = mkdtempSync(join(tmpdir(), 'job-entities-no-dist-'));
  });
  afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

  it('no build: tells the user to run npm run build', async () => {
    const r = await runQuickstart([], { CI: '1', JOB_ENTITIES_DIST: emptyDist });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('npm run build');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a CHROMIUM_PATH that does not exist: says so and what to do', async () => {
    const r = await runQuickstart(['--headless'], {
      CHROMIUM_PATH: join(emptyDist, 'no-such-chromium'),
      JOB_ENTITIES_DIST: DIST_DIR,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CHROMIUM_PATH is set to .*no-such-chromium, which does not exist/);
    expect(r.stderr).toMatch(/unset it/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('an unknown argument: prints the usage', async () => {
    const r = await runQuickstart(['--fast'], { CI: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown argument --fast');
    expect(r.stderr).toContain('--headless');
  });
});
