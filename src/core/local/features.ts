// Observation features of each token of a sentence (the tagger adds the previous tag itself):
// the word, its shape and affixes, neighbouring words, gazetteer hits and per-word label
// statistics from the lexicon, and the exact rules' spans.
import { LEXICON_LABELS, gazetteerHits, type LexiconIndex } from './lexicon';
import { degreeSpans, experienceSpans } from './rules';

/** Word shape: `Xxxx`, `xxxx`, `dd`, `X.X.`, with runs collapsed (`Java` -> `Xx`). */
export function wordShape(w: string, collapse: boolean): string {
  let out = '';
  let last = '';
  for (const c of w) {
    const code = c.charCodeAt(0);
    // ASCII first: the regex tests are the slow path, kept for accented and other letters.
    const s =
      code >= 65 && code <= 90
        ? 'X'
        : code >= 97 && code <= 122
          ? 'x'
          : code >= 48 && code <= 57
            ? 'd'
            : code < 128
              ? c
              : /\p{Lu}/u.test(c)
                ? 'X'
                : /\p{Ll}/u.test(c)
                  ? 'x'
                  : c;
    if (!collapse || last !== s) out += s;
    last = s;
  }
  return collapse ? out : out.slice(0, 6);
}

function bucket(fraction: number): number {
  return fraction === 0 ? 0 : fraction < 0.2 ? 1 : fraction < 0.5 ? 2 : fraction < 0.8 ? 3 : 4;
}

/** Words that introduce requirements: the nearest one to the left is a feature. */
const TRIGGERS = new Set([
  'experience',
  'knowledge',
  'skills',
  'proficiency',
  'proficient',
  'familiarity',
  'expertise',
  'understanding',
  'degree',
  'in',
  'with',
  'of',
  'using',
  'including',
  'such',
  'and',
  'or',
  ',',
  ':',
  'years',
]);

export function sentenceFeatures(tokens: readonly string[], lexicon: LexiconIndex): string[][] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.toLowerCase());
  const gaz = gazetteerHits(lower, lexicon);
  const rule: string[] = tokens.map(() => '');
  for (const s of experienceSpans(tokens))
    for (let i = s.start; i < s.end; i++) rule[i] = i === s.start ? 'EXP:B' : 'EXP:I';
  for (const s of degreeSpans(tokens))
    for (let i = s.start; i < s.end; i++) rule[i] = i === s.start ? 'DEG:B' : 'DEG:I';
  const stats = lower.map((w) => {
    const c = lexicon.words[w];
    if (!c) return 'none';
    return LEXICON_LABELS.map((_, k) => bucket(c[1 + k] / c[0])).join('');
  });
  const shapes = tokens.map((t) => wordShape(t, true));
  const at = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const shapeAt = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);

  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = lower[i];
    const f: string[] = ['b', `w=${w}`, `s=${shapes[i]}`, `S=${wordShape(tokens[i], false)}`];
    if (w.length > 3) f.push(`p3=${w.slice(0, 3)}`, `x3=${w.slice(-3)}`, `x2=${w.slice(-2)}`);
    if (w.length > 4) f.push(`p4=${w.slice(0, 4)}`, `x4=${w.slice(-4)}`);
    f.push(`w-1=${at(i - 1)}`, `w+1=${at(i + 1)}`, `w-2=${at(i - 2)}`, `w+2=${at(i + 2)}`);
    f.push(`w-1w=${at(i - 1)}|${w}`, `ww+1=${w}|${at(i + 1)}`);
    f.push(`s-1=${shapeAt(i - 1)}`, `s+1=${shapeAt(i + 1)}`);
    f.push(`w-1w+1=${at(i - 1)}|${at(i + 1)}`);
    if (i > 0 && /^\p{Lu}/u.test(tokens[i])) f.push('cap-mid');
    if (/[0-9]/.test(w) && /\p{L}/u.test(w)) f.push('alnum');
    f.push(`st-2=${i > 1 ? stats[i - 2] : '<s>'}`, `st+2=${i + 2 < n ? stats[i + 2] : '</s>'}`);
    f.push(`st=${stats[i]}`, `st-1=${i > 0 ? stats[i - 1] : '<s>'}`, `st+1=${i + 1 < n ? stats[i + 1] : '</s>'}`);
    for (const g of gaz[i]) f.push(`g=${g}`);
    if (gaz[i].length === 0) f.push('g=none');
    for (const g of i > 0 ? gaz[i - 1] : []) f.push(`g-1=${g}`);
    for (const g of i + 1 < n ? gaz[i + 1] : []) f.push(`g+1=${g}`);
    if (rule[i]) f.push(`r=${rule[i]}`);
    if (i + 1 < n && rule[i + 1]) f.push(`r+1=${rule[i + 1]}`);
    if (i > 0 && rule[i - 1]) f.push(`r-1=${rule[i - 1]}`);
    let trig = 'none';
    for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
      if (TRIGGERS.has(lower[k])) {
        trig = `${lower[k]}@${Math.min(i - k, 3)}`;
        break;
      }
    }
    f.push(`t=${trig}`);
    if (i === 0) f.push('first');
    if (i === n - 1) f.push('last');
    out.push(f);
  }
  return out;
}
