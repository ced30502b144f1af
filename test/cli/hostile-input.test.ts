// The CLI facing bad input and a closed output: binary files and binary stdin are refused with a
// clear message, invalid UTF-8 gives a warning naming the line, an empty input says so, a negative
// --concurrency says what it accepts, and with `| head` the CLI stops once its output is closed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { ensureCliBuilt, runCli } from './spawn-cli';

let dir: string;
let server: OpenAIServer;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'job-entities-hostile-'));
  server = await startOpenAIServer({ answer: () => " skills:['sql']\n END", delayMs: 30 });
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

const file = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('bad input', () => {
  it('a binary file is refused with a clear message', async () => {
    const r = await runCli([
      'extract',
      '--input',
      file(
        'photo.txt',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      ),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/binary file.*not text/i);
    expect(r.stdout).toBe('');
  });

  it('binary stdin is refused too', async () => {
    const r = await runCli(['extract'], { input: 'PK\u0003\u0004\u0000\u0000\u0000binary zip' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/binary.*not text/i);
  });

  it('invalid UTF-8 gives a warning with the line', async () => {
    const p = file(
      'latin1.jsonl',
      Buffer.concat([
        Buffer.from('{"text":"SQL and Python"}\n{"text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from(' staff, SQL"}\n'),
      ]),
    );
    const r = await runCli(['extract', '--input', p]);
    expect(r.stderr).toMatch(/line 2.*not valid UTF-8/i);
    expect(r.lines()).toHaveLength(2);
  });

  it('an empty input says so', async () => {
    const r = await runCli(['extract', '--input', file('empty.jsonl', '')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/is empty/);
  });

  it('--concurrency -3 says what it accepts', async () => {
    const r = await runCli(['extract', '--concurrency', '-3'], { input: '{"text":"x"}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency takes a whole number from 1 to \d+, got "-3"/);
  });
});

describe('a closed output', () => {
  it('with | head the CLI stops working once its output is closed', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ text: `Posting ${i}: SQL and Python required.` }),
    ).join('\n');
    const before = server.modelRequests().length;
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_DIR, 'bin', 'job-entities.js'),
        'extract',
        '--base-url',
        server.url,
        '--model',
        'davinci-002',
        '--concurrency',
        '1',
      ],
      { cwd: PROJECT_DIR, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(lines);
    // Like `head -n 1`: read one line, then close the pipe.
    await new Promise<void>((resolve) => {
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const made = server.modelRequests().length - before;
    expect(made).toBeLessThan(20);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
