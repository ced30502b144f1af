// Sections on the saved real pages: for each page in ../shared/pages (and the Lever demo postings,
// rendered as jobs.lever.co serves them), how many sections capture keeps, which kinds, and how
// many characters the extractor reads in scope 'focused' against the whole posting.
// Usage: npm run bench:sections [-- --verbose]   (needs ../shared; --verbose lists every section)
//
// Result (2026-11-30): 3-11 sections per page; the 10 pages 46,877 characters whole -> 27,959 read
// focused (60%), 27 Lever demo postings 57,936 -> 44,747 (77%); of the 74 training prompts 20 are
// read narrower (their equal-opportunity statements left out) and 0 of their 536 gold values are
// lost. The offline extractor shows 323 distinct values on the 10 pages focused against 409 whole.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { captureHtml } from '../src/cli/dom';
import { focusPosting } from '../src/core/focus';
import type { Posting } from '../src/core/posting';

const shared = process.env.JOB_ENTITIES_SHARED ?? resolve('..', 'shared');
if (!existsSync(join(shared, 'pages', 'pages.json'))) {
  console.error(`${shared}/pages/pages.json is absent: this measurement needs the shared pages (see test/shared.ts).`);
  process.exit(1);
}
const verbose = process.argv.includes('--verbose');

interface Page {
  file: string;
  url: string;
}
const pages = JSON.parse(readFileSync(join(shared, 'pages', 'pages.json'), 'utf8')) as Page[];

const abbrev: Record<string, string> = {
  requirements: 'req',
  'nice-to-have': 'nice',
  responsibilities: 'resp',
  company: 'comp',
  benefits: 'ben',
  legal: 'legal',
  process: 'proc',
  other: 'other',
};

function row(name: string, posting: Posting): { whole: number; focused: number } {
  const sections = posting.sections ?? [];
  const focused = focusPosting(posting, 'focused');
  const kinds = new Map<string, number>();
  for (const s of sections) kinds.set(abbrev[s.kind], (kinds.get(abbrev[s.kind]) ?? 0) + 1);
  const kindText = [...kinds].map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(' ');
  const share = posting.text.length ? focused.text.length / posting.text.length : 0;
  console.log(
    [
      name.padEnd(44),
      posting.source.padEnd(13),
      String(sections.length).padStart(4),
      String(focused.read.headings.length).padStart(5),
      String(posting.text.length).padStart(6),
      String(focused.text.length).padStart(7),
      `${(share * 100).toFixed(0)}%`.padStart(5),
      ' ' + kindText,
    ].join(' '),
  );
  if (verbose) {
    for (const s of sections)
      console.log(
        `    [${abbrev[s.kind].padEnd(5)}] ${(s.heading || '(no heading)').slice(0, 60).padEnd(60)} ${s.text.length} chars: ${s.text.replace(/\s+/g, ' ').slice(0, 70)}`,
      );
  }
  return { whole: posting.text.length, focused: focused.text.length };
}

console.log(
  ['page'.padEnd(44), 'source'.padEnd(13), 'secs', ' read', ' whole', 'focused', 'share', ' kinds'].join(' '),
);
let whole = 0;
let focused = 0;
for (const p of pages) {
  const r = row(p.file, captureHtml(readFileSync(join(shared, 'pages', p.file), 'utf8'), p.url));
  whole += r.whole;
  focused += r.focused;
}

interface LeverPosting {
  id: string;
  text: string;
  description?: string;
  additional?: string;
  lists: { text: string; content: string }[];
  hostedUrl: string;
}
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (s: string): string =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<div>${p.replace(/\n/g, '<br>')}</div>`)
    .join('<div><br></div>');
const lever = JSON.parse(readFileSync(join(shared, 'pages', 'lever-api-1-leverdemo.json'), 'utf8')) as LeverPosting[];
let leverWhole = 0;
let leverFocused = 0;
let leverCount = 0;
for (const p of lever) {
  const lists = p.lists
    .map(
      (l) =>
        `<div class="section"><h3>${esc(l.text)}</h3><ul class="posting-requirements"><ul>${l.content}</ul></ul></div>`,
    )
    .join('');
  const html = `<html><head><title>Leverdemo - ${esc(p.text)}</title></head><body><div class="posting-page"><div class="posting-headline"><h2>${esc(p.text)}</h2></div><div class="section-wrapper"><div class="section" data-qa="job-description">${paragraphs(p.description ?? '')}</div>${lists}<div class="section" data-qa="closing-description">${paragraphs(p.additional ?? '')}</div></div></div></body></html>`;
  let posting: Posting;
  try {
    posting = captureHtml(html, p.hostedUrl);
  } catch {
    continue; // the one demo posting with a title and nothing else
  }
  leverCount++;
  const r = row(`lever ${p.id.slice(0, 8)} ${p.text}`.slice(0, 44), posting);
  leverWhole += r.whole;
  leverFocused += r.focused;
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(0)}%`;
console.log(`\n${pages.length} pages: ${whole} characters whole, ${focused} focused (${pct(focused, whole)})`);
console.log(
  `${leverCount} Lever demo postings: ${leverWhole} characters whole, ${leverFocused} focused (${pct(leverFocused, leverWhole)})`,
);

// The training prompts are qualification snippets: reading them focused must lose none of their
// gold values (a snippet is mostly read whole, since its text is one paragraph).
const { parseCompletion } = await import('../src/core/completion');
const { ENTITY_TYPES } = await import('../src/core/entities');
const { normalizeText } = await import('../src/core/prompt');
const pairs = readFileSync(join(shared, 'data', 'training_data.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { prompt: string; completion: string });
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
let values = 0;
let present = 0;
let lost = 0;
let narrowed = 0;
for (const pair of pairs) {
  const text = pair.prompt.replace(/\n\n###\n\n$/, '');
  const focused = focusPosting({ text }, 'focused').text;
  if (normalizeText(focused) !== normalizeText(text)) narrowed++;
  const gold = parseCompletion(pair.completion).entities;
  for (const t of ENTITY_TYPES) {
    for (const v of gold[t]) {
      values++;
      if (!squash(text).includes(squash(v))) continue;
      present++;
      if (!squash(focused).includes(squash(v))) {
        lost++;
        if (verbose) console.log(`    lost ${t}: ${v}`);
      }
    }
  }
}
console.log(
  `${pairs.length} training prompts: ${narrowed} read narrower than whole; ${lost} of ${present} gold values present in the text lost when focused (${values} values in all)`,
);

// What the offline extractor shows on the 10 pages, whole against focused.
const { extractPosting } = await import('../src/core/extract');
const { SettingsSchema } = await import('../src/core/settings');
let shownWhole = 0;
let shownFocused = 0;
for (const p of pages) {
  const posting = captureHtml(readFileSync(join(shared, 'pages', p.file), 'utf8'), p.url);
  const count = (r: Awaited<ReturnType<typeof extractPosting>>) =>
    ENTITY_TYPES.reduce((n, t) => n + new Set(r[t].map((v) => v.toLowerCase())).size, 0);
  shownWhole += count(await extractPosting(posting, SettingsSchema.parse({ provider: 'local', scope: 'whole' })));
  shownFocused += count(await extractPosting(posting, SettingsSchema.parse({ provider: 'local', scope: 'focused' })));
}
console.log(
  `offline extractor on the ${pages.length} pages: ${shownWhole} distinct values whole, ${shownFocused} focused`,
);
