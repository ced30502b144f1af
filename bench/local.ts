// Offline extractor speed and size: ms per posting of about 2,000 characters in Node (the
// invented test/fixtures/local/posting.txt), model file size raw and gzipped, and the model's
// load time. Usage: npm run bench:local
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { extractWithModel, loadShippedModel } from '../src/core/local/provider';

const modelPath = 'src/core/local/model.json';
const posting = readFileSync('test/fixtures/local/posting.txt', 'utf8');
const raw = statSync(modelPath).size;
const gz = gzipSync(readFileSync(modelPath)).length;

const t0 = performance.now();
const model = await loadShippedModel();
const loadMs = performance.now() - t0;

for (let i = 0; i < 20; i++) extractWithModel(model, { text: posting }); // warm up the JIT
const runs = 200;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  extractWithModel(model, { text: posting });
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / runs;
const p95 = times[Math.floor(runs * 0.95)];
const result = extractWithModel(model, { text: posting });

console.log(`posting: ${posting.length} characters; ${runs} runs`);
console.log(`extract: ${mean.toFixed(2)} ms mean, ${times[runs >> 1].toFixed(2)} ms median, ${p95.toFixed(2)} ms p95 (target <= 20 ms)`);
console.log(`model file: ${(raw / 1024).toFixed(0)} KB raw (limit 1536 KB), ${(gz / 1024).toFixed(0)} KB gzipped (limit 400 KB)`);
console.log(`model load (import + validate + index): ${loadMs.toFixed(0)} ms`);
console.log(`sample: ${JSON.stringify({ diploma: result.diploma, diploma_major: result.diploma_major, experience: result.experience, skills: result.skills })}`);
