// k-fold cross-validation of the offline extractor on ../shared/data/ner_training.tsv, scored
// with the CLI's eval scoring (src/core/score.ts). Folds are by document with a fixed seed;
// near-duplicate documents (the corpus repeats some postings) share a fold unless --plain.
// With --text, held-out documents are extracted from their raw posting text
// (training_data.jsonl prompts, matched to the tokenized documents) through the tokenizer and
// sentence splitter, exactly as the provider runs.
// With --sweep, also prints the held-out scores at each confidence threshold (how the model's
// threshold is chosen).
// Usage: npm run cv:local [-- --k 5 --seed 13 --plain --text --sweep --temperature T --data FILE --prompts FILE]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDataset } from '../src/core/dataset/read';
import type { LabelledDoc } from '../src/core/local/corpus';
import { tokenize } from '../src/core/local/tokenize';
import { crossValidate, nearDuplicateGroups } from '../src/core/local/crossval';
import { formatScores, scoreEntities } from '../src/core/score';
import { showValues } from '../src/core/local/results';
import { corpusPath, fail, option, readCorpus } from './local-corpus';

const dataPath = corpusPath();
const k = Number(option('k', '5'));
const seed = Number(option('seed', '13'));
if (!Number.isInteger(k) || k < 2) fail(`--k takes a whole number of folds >= 2, got "${option('k', '5')}"`);
if (!Number.isInteger(seed)) fail(`--seed takes a whole number, got "${option('seed', '13')}"`);
const plain = process.argv.includes('--plain');
const fromText = process.argv.includes('--text');
const promptsPath = resolve(option('prompts', dataPath.replace(/ner_training\.tsv$/, 'training_data.jsonl')));

/** Each document's raw prompt text: the prompt sharing at least 90% of its tokens, if any. */
function matchPrompts(docs: LabelledDoc[], prompts: string[]): Array<string | undefined> {
  const promptTokens = prompts.map((p) => tokenize(p).map((t) => t.text));
  return docs.map((d) => {
    const words = d.sentences.flatMap((s) => s.tokens);
    const vocabulary = new Set(words);
    let best: string | undefined;
    let bestShare = 0.9;
    promptTokens.forEach((toks, i) => {
      const share = toks.filter((t) => vocabulary.has(t)).length / Math.max(toks.length, words.length);
      if (share >= bestShare) {
        bestShare = share;
        best = prompts[i];
      }
    });
    return best;
  });
}

const docs = readCorpus(dataPath, 'labelled data');
if (k > docs.length) fail(`--k takes at most as many folds as there are documents (${docs.length}), got ${k}`);
const groups = plain ? undefined : nearDuplicateGroups(docs);
const started = Date.now();
let texts: Array<string | undefined> | undefined;
if (fromText) {
  let promptsText = '';
  try {
    promptsText = readFileSync(promptsPath, 'utf8');
  } catch {
    fail(`Cannot read the prompts at ${promptsPath} (needed by --text). Pass --prompts FILE.`);
  }
  const read = readDataset(promptsText, { format: 'jsonl' });
  const bad = read.errors[0];
  if (bad) fail(`${promptsPath}: line ${bad.line}: ${bad.message}`);
  const noPrompt = read.examples.find((e) => typeof e.record.prompt !== 'string');
  if (noPrompt) fail(`${promptsPath}: line ${noPrompt.line}: no "prompt" string.`);
  const prompts = read.examples.map((e) => String(e.record.prompt).replace(/\n\n###\n\n$/, ''));
  texts = matchPrompts(docs, prompts);
}
const temperature = process.argv.includes('--temperature') ? Number(option('temperature', '1')) : undefined;
if (temperature !== undefined && !(temperature > 0))
  fail(`--temperature takes a positive number, got "${option('temperature', '')}"`);
const run = crossValidate(docs, k, seed, { temperature }, groups, texts);
const how = plain ? 'plain document folds' : `${new Set(groups).size} groups: near-duplicates share a fold`;
const input = texts ? `, from the raw text of ${run.gold.length} documents` : ', from the labelled tokens';
console.log(
  `${k}-fold cross-validation on ${docs.length} documents (seed ${seed}, ${how}${input}), ${Date.now() - started} ms`,
);
console.log(formatScores(scoreEntities(run.gold, run.predicted)));
if (process.argv.includes('--sweep')) {
  // The confidence threshold: shown values at or above it, scored on the held-out folds.
  console.log('\nthreshold  micro-P  micro-R  micro-F1  macro-F1  skills-P  skills-R');
  for (let t = 0; t <= 0.951; t += 0.05) {
    const s = scoreEntities(
      run.gold,
      run.found.map((f) => showValues(f, t).entities),
    );
    console.log(
      `${t.toFixed(2).padStart(9)}  ${[s.micro.precision, s.micro.recall, s.micro.f1, s.macro.f1, s.perType.skills.precision, s.perType.skills.recall].map((x) => x.toFixed(3).padStart(7)).join('  ')}`,
    );
  }
}
