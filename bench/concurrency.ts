// Does `extract --concurrency 8` keep 8 requests in flight? 26 postings against a server that takes
// 400 ms per answer should finish in about ceil(26 / 8) = 4 round trips (1.6 s) plus the CLI's
// start-up. Target: (wall - start-up) <= 1.3 x ideal.
// Run: npm run build:cli && node scripts/run-ts.mjs bench/concurrency.ts [--postings 26] [--concurrency 8] [--delay 400]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { goldAnswerer, startOpenAIServer } from '../test/server/openai-server';

const { values } = parseArgs({
  options: {
    postings: { type: 'string', default: '26' },
    concurrency: { type: 'string', default: '8' },
    delay: { type: 'string', default: '400' },
    runs: { type: 'string', default: '3' },
  },
});
const N = Number(values.postings);
const C = Number(values.concurrency);
const DELAY = Number(values.delay);
const RUNS = Number(values.runs);

const root = resolve('.');
const cli = join(root, 'bin', 'job-entities.js');
if (!existsSync(join(root, 'build', 'cli.mjs'))) {
  console.error('Build the CLI first: npm run build:cli');
  process.exit(1);
}

const SKILLS = [
  'python',
  'sql',
  'java',
  'go',
  'react',
  'docker',
  'kubernetes',
  'aws',
  'terraform',
  'excel',
  'tableau',
  'c #',
];
const records = Array.from({ length: N }, (_, i) => {
  const a = SKILLS[i % SKILLS.length];
  const b = SKILLS[(i * 5 + 3) % SKILLS.length];
  const years = 1 + (i % 7);
  return {
    prompt: `Posting ${i + 1}: we are hiring engineer number ${i + 1}. ${years}+ years of experience with ${a} and ${b}. BS in Computer Science preferred.\n\n###\n\n`,
    completion: ` diploma:['bs']\ndiploma_major:['computer science']\nexperience:['${years} + years']\nskills:['${a}', '${b}']\n END`,
  };
});

function runCli(args: string[]): Promise<{ ms: number; code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ ms: performance.now() - t0, code: code ?? 1, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'je-bench-'));
const input = join(dir, 'postings.jsonl');
writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

const server = await startOpenAIServer({ answer: goldAnswerer(records), delayMs: DELAY });
try {
  const common = ['--model', 'davinci-002', '--api-key', 'bench', '--retries', '0'];
  const rows: { wall: number; startup: number; work: number; inFlight: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    server.requests.length = 0;
    const spawnedAt = Date.now();
    const r = await runCli([
      'extract',
      '--base-url',
      server.url,
      '--input',
      input,
      '--concurrency',
      String(C),
      ...common,
    ]);
    if (r.code !== 0) throw new Error(`CLI failed (${r.code}): ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    if (lines.length !== N) throw new Error(`expected ${N} output lines, got ${lines.length}`);
    // Output order must match input order.
    lines.forEach((l, j) => {
      const years = 1 + (j % 7);
      if (!(JSON.parse(l) as { experience: string[] }).experience.includes(`${years} + years`))
        throw new Error(`line ${j + 1} out of order`);
    });
    const times = server
      .modelRequests()
      .map((q) => q.time)
      .sort((x, y) => x - y);
    // Start-up: from spawning the CLI to its first request (Node, module loading, reading input).
    const startup = times[0] - spawnedAt;
    let inFlight = 0;
    for (const t of times) inFlight = Math.max(inFlight, times.filter((u) => u >= t && u < t + DELAY).length);
    rows.push({ wall: r.ms, startup, work: r.ms - startup, inFlight });
  }
  const best = rows.reduce((a, b) => (b.work < a.work ? b : a));
  const ideal = Math.ceil(N / C) * DELAY;
  const ratio = best.work / ideal;
  console.log(`postings ${N}, concurrency ${C}, server delay ${DELAY} ms, ${RUNS} runs (best shown)`);
  console.log(
    `wall time               ${Math.round(best.wall)} ms   (runs: ${rows.map((w) => Math.round(w.wall)).join(', ')})`,
  );
  console.log(`start-up                ${Math.round(best.startup)} ms   (spawn to first request)`);
  console.log(
    `first request to exit   ${Math.round(best.work)} ms   (runs: ${rows.map((w) => Math.round(w.work)).join(', ')})`,
  );
  console.log(`ideal                   ${ideal} ms   (${Math.ceil(N / C)} round trips of ${DELAY} ms)`);
  console.log(
    `ratio                   ${ratio.toFixed(2)} x ideal   target <= 1.30  ${ratio <= 1.3 ? 'OK' : 'MISSED'}`,
  );
  console.log(`max requests in flight  ${best.inFlight}`);
  process.exitCode = ratio <= 1.3 ? 0 : 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
