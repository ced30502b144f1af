// Streaming: JSONL input is read line by line and each output line is written as soon as its turn
// comes, so a producer that waits for the answer before sending the next posting is served (a
// buffering reader would wait for the end of input forever). The progress bar's text.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress';
import { fixturePath, PROJECT_DIR } from '../shared';
import { ensureCliBuilt, runCli } from './spawn-cli';

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'je-stream-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with a stdin we feed one line at a time, each only after the previous answer arrived. */
function conversation(args: string[], lines: string[]): Promise<{ out: string[]; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_DIR, 'bin', 'job-entities.js'), ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    let buf = '';
    let stderr = '';
    let sent = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(
          `no answer to line ${sent} before the input ended: the CLI does not stream (stdout so far: ${out.length} lines)`,
        ),
      );
    }, 20_000);
    const sendNext = () => {
      if (sent < lines.length) child.stdin.write(lines[sent++] + '\n');
      else child.stdin.end();
    };
    child.stdout.on('data', (d) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        out.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        sendNext();
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ out, code: code ?? 1, stderr });
    });
    sendNext();
  });
}

describe('streaming JSONL', () => {
  const postings = [
    JSON.stringify({ id: 1, text: 'Backend developer. 3+ years of Python and SQL. BS in Computer Science.' }),
    JSON.stringify({ id: 2, text: 'Data analyst: Excel, Tableau, 2 years of experience.' }),
    '{"text": "broken',
    JSON.stringify({ id: 4, text: 'Nurse with a BSc in Nursing and 1 year of experience.' }),
  ];

  it('extract answers each line before the next one is sent; a broken line in the middle is one error record', async () => {
    const r = await conversation(['extract', '--provider', 'local', '--input', '-'], postings);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(4);
    const lines = r.out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([1, 2, undefined, 4]);
    expect(lines[0].skills.length).toBeGreaterThan(0);
    expect(lines[2].error).toMatchObject({ code: 'invalid_input' });
    expect(lines[2].error.message).toMatch(/^line 3 is not valid JSON/);
    expect(r.stderr).toBe('job-entities extract: 1 of 4 records failed (see "error" on their lines)\n');
  });

  it('match --order input streams the same way (the default rank order needs every posting first)', async () => {
    const r = await conversation(
      ['match', '--provider', 'local', '--skills', 'python, sql', '--order', 'input', '--input', '-'],
      postings,
    );
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(4);
    expect(JSON.parse(r.out[0]).matched).toEqual(expect.arrayContaining(['python', 'sql']));
  });
});

describe('capture and dataset read JSONL line by line', () => {
  it('capture PAGES.jsonl: one posting per line, written as each page arrives; a page without a posting gets an error line', async () => {
    const html = readFileSync(fixturePath('pages', 'greenhouse-legacy.html'), 'utf8');
    const file = join(dir, 'pages.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'gh', url: 'https://boards.greenhouse.io/fjordline/jobs/4000001', html }),
        '{"url": oops',
        JSON.stringify({ url: 'https://example.com/empty', html: '<html><body></body></html>' }),
      ].join('\n') + '\n',
    );
    const out = await runCli(['capture', file]);
    expect(out.code).toBe(0);
    const lines = out.lines();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'gh', title: 'Geospatial Analyst', site: 'greenhouse' });
    expect(lines[1].error.message).toMatch(/^line 2 is not valid JSON/);
    expect(lines[2].error.code).toBeDefined();
    expect(out.stderr).toBe('job-entities capture: 2 of 3 pages failed (see "error" on their lines)\n');
  });

  it('dataset convert streams a JSONL file: every example converted, broken lines reported', async () => {
    const file = join(dir, 'train.jsonl');
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({
        prompt: `Posting ${i}: 2+ years of Python\n\n###\n\n`,
        completion: ` experience:['2 + years']\nskills:['python']\n END`,
      }),
    );
    lines.splice(150, 0, 'not json');
    writeFileSync(file, lines.join('\n') + '\n');
    const out = join(dir, 'chat.jsonl');
    const r = await runCli(['dataset', 'convert', file, '--to', 'chat', '--output', out]);
    // Exit 1: a line was skipped (as when the file is read whole).
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Wrote 300 example(s) in chat format');
    expect(r.stderr).toContain('line 151: not valid JSON');
    const written = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(written).toHaveLength(300);
    expect(written[299].messages.at(-1)).toMatchObject({ role: 'assistant' });
    expect(written[299].messages[1].content).toBe('Posting 299: 2+ years of Python');
  });
});

describe('the progress bar', () => {
  it('shows done/total, rate, ETA and failures; done and rate when the total is unknown', () => {
    expect(progressLine(250, 1000, 3, 10_000, 20)).toBe(
      '[#####...............] 250/1000 10.0s  25/s  ETA 30s  3 failed',
    );
    expect(progressLine(1000, 1000, 0, 40_000, 20)).toBe('[####################] 1000/1000 40.0s  25/s');
    expect(progressLine(42, undefined, 1, 7_000)).toBe('42 done  6.0/s  7s  1 failed');
    expect(progressLine(10, 5000, 0, 60_000)).toMatch(/ETA 8h19m$/);
  });

  it('is drawn on a terminal only, never with --quiet', () => {
    const capture = (isTTY: boolean, quiet: boolean) => {
      const s = Object.assign(new PassThrough(), { isTTY });
      let text = '';
      s.on('data', (d) => (text += d));
      const bar = createProgress(s, 10, { quiet });
      bar.update(5, 1);
      bar.clear();
      return text;
    };
    expect(capture(true, false)).toMatch(/^\r\[#{15}\.{15}\] 5\/10 .*1 failed/);
    expect(capture(true, true)).toBe('');
    expect(capture(false, false)).toBe('');
  });
});
