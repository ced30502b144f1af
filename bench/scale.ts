// Extraction at scale.
// 1. Memory: peak RSS of `extract --provider local` (the offline extractor) over 5,000 and 20,000
//    postings of a JSONL file. Input is streamed line by line and output written as it comes, so
//    the two should be close. Target: RSS(20,000) <= 1.3 x RSS(5,000).
// 2. Batch overhead: 1,000 postings against the test server, `extract` (one request each,
//    --concurrency 8) vs `extract --batch` (build, upload, create, poll every 0.2 s, download,
//    print in order). The server answers at once, so the difference is the batch machinery's cost.
// Run: npm run build:cli && node scripts/run-ts.mjs bench/scale.ts [--small 5000] [--large 20000] [--batch 1000]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBatchRoutes } from '../test/server/batch';
import { createFineTuningRoutes } from '../test/server/fine-tuning';
import { goldAnswerer, startOpenAIServer } from '../test/server/openai-server';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '5000' },
    large: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '1000' },
  },
});
const root = resolve('.');
const cli = join(root, 'bin', 'job-entities.js');
const probe = join(root, 'bench', 'rss-probe.mjs');
if (!existsSync(join(root, 'build', 'cli.mjs'))) {
  console.error('Build the CLI first: npm run build:cli');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'je-scale-'));

const SKILLS = [
  'Python',
  'SQL',
  'Java',
  'Go',
  'React',
  'Docker',
  'Kubernetes',
  'AWS',
  'Terraform',
  'Excel',
  'Tableau',
  'C#',
];
const DEGREES = [
  'BS in Computer Science',
  'Master of Science in Statistics',
  'Bachelor in Accounting',
  'a degree in Mechanical Engineering',
];
/** A realistic ~1 KB posting, different for every i. */
function posting(i: number): { id: number; text: string; completion: string } {
  const a = SKILLS[i % SKILLS.length];
  const b = SKILLS[(i * 5 + 3) % SKILLS.length];
  const years = 1 + (i % 9);
  const text =
    `Job ${i + 1}: Engineer (team ${i % 97}). About us: we build tools for logistics companies across Europe and care about calm, focused work. ` +
    `Requirements: ${years}+ years of professional experience with ${a} and ${b}. ${DEGREES[i % DEGREES.length]} or equivalent experience. ` +
    `Experience with code review, testing and continuous delivery. Nice to have: knowledge of ${SKILLS[(i + 7) % SKILLS.length]}. ` +
    `Responsibilities: design, build and run services used by ${1000 + i} customers; mentor colleagues; take part in the on-call rotation. ` +
    `Benefits: 30 days of holiday, a learning budget, flexible hours and a yearly team trip. We are an equal opportunity employer.`;
  return {
    id: i + 1,
    text,
    completion: ` experience:['${years} + years']\nskills:['${a.toLowerCase()}', '${b.toLowerCase()}']\n END`,
  };
}

function writeInput(n: number): string {
  const file = join(dir, `postings-${n}.jsonl`);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = posting(i);
    lines.push(JSON.stringify({ id: p.id, text: p.text }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function run(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ ms: number; code: number; stderr: string; outBytes: number }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (outBytes += d.length));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => ok({ ms: performance.now() - t0, code: code ?? 1, stderr, outBytes }));
  });
}

async function peakRss(file: string): Promise<{ mb: number; ms: number }> {
  const out = join(dir, 'rss.txt');
  const r = await run(['extract', '--provider', 'local', '--input', file, '--quiet'], { RSS_PROBE_FILE: out }, [
    '--import',
    probe,
  ]);
  if (r.code !== 0) throw new Error(`extract failed: ${r.stderr}`);
  return { mb: Number(readFileSync(out, 'utf8')) / 1024, ms: r.ms };
}

try {
  const small = Number(values.small);
  const large = Number(values.large);
  const fSmall = writeInput(small);
  const fLarge = writeInput(large);
  console.log(`Memory: extract --provider local (offline extractor), JSONL input streamed`);
  const a = await peakRss(fSmall);
  const b = await peakRss(fLarge);
  console.log(
    `  ${small} postings (${(statSync(fSmall).size / 1e6).toFixed(1)} MB): peak RSS ${a.mb.toFixed(0)} MB, ${(a.ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ${large} postings (${(statSync(fLarge).size / 1e6).toFixed(1)} MB): peak RSS ${b.mb.toFixed(0)} MB, ${(b.ms / 1000).toFixed(1)} s`,
  );
  const ratio = b.mb / a.mb;
  console.log(`  ratio ${ratio.toFixed(2)} (target <= 1.30): ${ratio <= 1.3 ? 'OK' : 'OVER'}`);

  const n = Number(values.batch);
  const fBatch = writeInput(n);
  const gold = Array.from({ length: n }, (_, i) => ({ prompt: posting(i).text, completion: posting(i).completion }));
  const ft = createFineTuningRoutes();
  const batch = createBatchRoutes(ft, { requestsPerStep: 250 });
  const server = await startOpenAIServer({ answer: goldAnswerer(gold), routes: [...ft.routes, ...batch.routes] });
  try {
    const common = [
      '--input',
      fBatch,
      '--base-url',
      server.url,
      '--api-key',
      'sk-bench',
      '--model',
      'davinci-002',
      '--quiet',
    ];
    const direct = await run(['extract', ...common, '--concurrency', '8']);
    const state = join(dir, 'bench.batch-state.json');
    const viaBatch = await run(['extract', ...common, '--batch', '--batch-state', state, '--batch-poll', '0.2']);
    if (direct.code !== 0 || viaBatch.code !== 0) throw new Error(`a run failed: ${direct.stderr}${viaBatch.stderr}`);
    const inputBytes = [...ft.state.files.values()]
      .filter((f) => f.purpose === 'batch')
      .reduce((s, f) => s + f.bytes, 0);
    const polls = server.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/v1/batches/')).length;
    const others = server.requests.filter(
      (q) =>
        (q.method === 'POST' && (q.path === '/v1/files' || q.path === '/v1/batches')) ||
        (q.method === 'GET' && /^\/v1\/files\/[^/]+\/content$/.test(q.path)),
    ).length;
    console.log(`Batch overhead: ${n} postings against the test server (answers at once)`);
    console.log(`  extract --concurrency 8: ${(direct.ms / 1000).toFixed(2)} s, ${n} HTTP requests`);
    console.log(
      `  extract --batch:         ${(viaBatch.ms / 1000).toFixed(2)} s, ${others} requests (upload, create, download) and ${polls} polls; batch input ${(inputBytes / 1e6).toFixed(2)} MB; same output: ${direct.outBytes === viaBatch.outBytes ? 'yes (byte count)' : `no (${direct.outBytes} vs ${viaBatch.outBytes} bytes)`}`,
    );
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
