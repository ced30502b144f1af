// Measures what trimBoilerplate saves and what it would cost, to choose settings.trimBoilerplate:
// - token savings (cl100k) on every page's description_text in ../shared/pages/pages.json;
// - on the 74 training prompts, how many completion values present in the text would be lost
//   (must be 0) and how many tokens would be saved.
// Usage: npm run bench:boilerplate [-- --verbose]   (needs ../shared; --verbose lists removed sentences)
//
// Result (2026-11-26): pages 9190 -> 8939 tokens (251 saved, 2.7%; 5 of 10 pages changed, at most
// 84 tokens on one page); training prompts 13530 -> 12566 (964 saved, 7.1%; 20 of 74 changed);
// 0 of 536 completion values lost. Decision: settings.trimBoilerplate stays false by default.
// The saving is a few dozen tokens per posting, far from any context limit (so it never avoids a
// chunk split), while 20 of the 74 training prompts contain exactly such equal-opportunity
// statements: the fine-tuned model learned on text with them, and removing them moves its
// input away from what it was trained on for no measurable gain. It stays an opt-in option.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCompletion } from '../src/core/completion';
import { ENTITY_TYPES } from '../src/core/entities';
import { normalizeText, SEPARATOR, trimBoilerplate } from '../src/core/prompt';
import { countTokens } from '../src/core/tokens';

const shared = process.env.JOB_ENTITIES_SHARED ?? resolve('..', 'shared');
if (!existsSync(join(shared, 'pages', 'pages.json'))) {
  console.error(`${shared}/pages/pages.json is absent: this measurement needs the shared pages (see test/shared.ts).`);
  process.exit(1);
}
const verbose = process.argv.includes('--verbose');
const squash = (s: string) => s.toLowerCase().replace(/\s+/gu, '');
const pct = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);

interface Page {
  file: string;
  site: string;
  description_text: string;
}
const pages = JSON.parse(readFileSync(join(shared, 'pages', 'pages.json'), 'utf8')) as Page[];
console.log('Pages (description_text, cl100k tokens):');
console.log(
  [
    'page'.padEnd(36),
    'tokens'.padStart(7),
    'trimmed'.padStart(8),
    'saved'.padStart(6),
    'saved%'.padStart(7),
    'sentences removed',
  ].join('  '),
);
let before = 0;
let after = 0;
let pagesWithSavings = 0;
for (const p of pages) {
  const text = normalizeText(p.description_text);
  const { text: trimmed, removed } = trimBoilerplate(text);
  const a = countTokens(text);
  const b = countTokens(trimmed);
  before += a;
  after += b;
  if (b < a) pagesWithSavings++;
  console.log(
    [
      p.file.padEnd(36),
      String(a).padStart(7),
      String(b).padStart(8),
      String(a - b).padStart(6),
      pct(a - b, a).padStart(7),
      String(removed.length),
    ].join('  '),
  );
  if (verbose) for (const r of removed) console.log(`    - ${r.slice(0, 160)}`);
}
console.log(
  [
    'total'.padEnd(36),
    String(before).padStart(7),
    String(after).padStart(8),
    String(before - after).padStart(6),
    pct(before - after, before).padStart(7),
    `${pagesWithSavings}/${pages.length} pages changed`,
  ].join('  '),
);

const pairs = readFileSync(join(shared, 'data', 'training_data.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
let values = 0;
let present = 0;
const lost: string[] = [];
let tBefore = 0;
let tAfter = 0;
let promptsChanged = 0;
for (const { prompt, completion } of pairs) {
  const text = prompt.slice(0, -SEPARATOR.length);
  const { text: trimmed, removed } = trimBoilerplate(text);
  if (removed.length) promptsChanged++;
  if (verbose) for (const r of removed) console.log(`    - (training) ${r.slice(0, 160)}`);
  tBefore += countTokens(text);
  tAfter += countTokens(trimmed);
  const { entities } = parseCompletion(completion);
  for (const t of ENTITY_TYPES)
    for (const v of entities[t]) {
      values++;
      if (!squash(text).includes(squash(v))) continue;
      present++;
      if (!squash(trimmed).includes(squash(v))) lost.push(`${t}: ${v}`);
    }
}
console.log(
  `\nTraining prompts: ${pairs.length}; ${promptsChanged} changed; tokens ${tBefore} -> ${tAfter} (saved ${tBefore - tAfter}, ${pct(tBefore - tAfter, tBefore)}).`,
);
console.log(`Completion values: ${values}; found in their prompt text: ${present}; lost by trimming: ${lost.length}.`);
for (const l of lost) console.log(`  LOST ${l}`);
process.exitCode = lost.length === 0 ? 0 : 1;

// The extension and the CLI trim the captured text, which keeps line breaks (labels such as
// "Apply now" stand on their own line there). Measure that too, on each saved page as captured.
console.log('\nPages as captured (capturePosting text with line breaks):');
const { captureHtml } = await import('../src/cli/dom');
let cBefore = 0;
let cAfter = 0;
for (const p of pages as (Page & { url: string })[]) {
  let text: string;
  try {
    text = captureHtml(readFileSync(join(shared, 'pages', p.file), 'utf8'), p.url).text;
  } catch (err) {
    console.log(`${p.file.padEnd(36)}  capture failed: ${(err as Error).message}`);
    continue;
  }
  const { text: trimmed, removed } = trimBoilerplate(text);
  const a = countTokens(normalizeText(text));
  const b = countTokens(normalizeText(trimmed));
  cBefore += a;
  cAfter += b;
  console.log(
    [
      p.file.padEnd(36),
      String(a).padStart(7),
      String(b).padStart(8),
      String(a - b).padStart(6),
      pct(a - b, a).padStart(7),
      String(removed.length),
    ].join('  '),
  );
  if (verbose) for (const r of removed) console.log(`    - ${r.slice(0, 160)}`);
}
console.log(
  [
    'total'.padEnd(36),
    String(cBefore).padStart(7),
    String(cAfter).padStart(8),
    String(cBefore - cAfter).padStart(6),
    pct(cBefore - cAfter, cBefore).padStart(7),
  ].join('  '),
);
