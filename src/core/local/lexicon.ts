// Lexicons learned from the labelled documents: the phrases labelled with each type (a
// gazetteer) and, per word, how often it sat inside a span of each type. The trainer builds
// them leaving each document out in turn, so features of a training document never see its
// own labels (otherwise the tagger would learn to trust gazetteer hits that are perfect only
// on the training data).
import { tagsToSpans, type LabelledDoc } from './corpus';

export interface Lexicon {
  /** label -> lower-cased phrases (tokens joined by spaces). */
  phrases: Record<string, string[]>;
  /** lower-cased word -> [occurrences, ...count inside a span of each label in LABELS order]. */
  words: Record<string, number[]>;
}

export const LEXICON_LABELS = ['DIPLOMA', 'DIPLOMA_MAJOR', 'EXPERIENCE', 'SKILLS'] as const;

/** Longest phrase (in tokens) the gazetteer matches. */
export const MAX_PHRASE_TOKENS = 6;

interface DocCounts {
  phrases: Map<string, Map<string, number>>; // label -> phrase -> count
  words: Map<string, number[]>;
}

function countDoc(doc: LabelledDoc): DocCounts {
  const phrases = new Map<string, Map<string, number>>();
  const words = new Map<string, number[]>();
  for (const s of doc.sentences) {
    const inside: Array<number> = s.tokens.map(() => -1);
    for (const span of tagsToSpans(s.tags)) {
      const li = LEXICON_LABELS.indexOf(span.label as (typeof LEXICON_LABELS)[number]);
      if (li < 0) continue;
      for (let i = span.start; i < span.end; i++) inside[i] = li;
      if (span.end - span.start > MAX_PHRASE_TOKENS) continue;
      const phrase = s.tokens.slice(span.start, span.end).join(' ').toLowerCase();
      const m = phrases.get(span.label) ?? new Map<string, number>();
      m.set(phrase, (m.get(phrase) ?? 0) + 1);
      phrases.set(span.label, m);
    }
    s.tokens.forEach((t, i) => {
      const w = t.toLowerCase();
      const c = words.get(w) ?? new Array(1 + LEXICON_LABELS.length).fill(0);
      c[0]++;
      if (inside[i] >= 0) c[1 + inside[i]]++;
      words.set(w, c);
    });
  }
  return { phrases, words };
}

/** Builds lexicons from many documents, and the leave-one-out lexicon of any of them. */
export class LexiconBuilder {
  private readonly perDoc: DocCounts[];
  private readonly total: DocCounts;

  constructor(docs: readonly LabelledDoc[]) {
    this.perDoc = docs.map(countDoc);
    this.total = { phrases: new Map(), words: new Map() };
    for (const d of this.perDoc) {
      for (const [label, m] of d.phrases) {
        const tm = this.total.phrases.get(label) ?? new Map<string, number>();
        for (const [p, c] of m) tm.set(p, (tm.get(p) ?? 0) + c);
        this.total.phrases.set(label, tm);
      }
      for (const [w, c] of d.words) {
        const tc = this.total.words.get(w) ?? new Array(c.length).fill(0);
        c.forEach((v, i) => (tc[i] += v));
        this.total.words.set(w, tc);
      }
    }
  }

  /** The lexicon of all documents, or of all but document index `exclude`. */
  build(exclude?: number): Lexicon {
    const minus = exclude === undefined ? undefined : this.perDoc[exclude];
    const phrases: Record<string, string[]> = {};
    for (const label of LEXICON_LABELS) {
      const tm = this.total.phrases.get(label) ?? new Map<string, number>();
      const own = minus?.phrases.get(label);
      phrases[label] = [...tm].filter(([p, c]) => c - (own?.get(p) ?? 0) > 0).map(([p]) => p);
    }
    const words: Record<string, number[]> = {};
    for (const [w, c] of this.total.words) {
      const own = minus?.words.get(w);
      const left = own ? c.map((v, i) => v - own[i]) : c;
      // Only words labelled at least once: the rest read as 'none', like unseen words (keeping
      // them did not help in cross-validation and would bloat the model).
      if (left.slice(1).some((v) => v > 0)) words[w] = left;
    }
    return { phrases, words };
  }
}

/** A lexicon ready for lookups. */
export interface LexiconIndex {
  phrases: Map<string, Set<string>>; // phrase -> labels
  words: Record<string, number[]>;
}

export function indexLexicon(lex: Lexicon): LexiconIndex {
  const phrases = new Map<string, Set<string>>();
  for (const [label, list] of Object.entries(lex.phrases)) {
    for (const p of list) {
      const s = phrases.get(p) ?? new Set<string>();
      s.add(label);
      phrases.set(p, s);
    }
  }
  return { phrases, words: lex.words };
}

/**
 * Gazetteer hits per token: for each token, strings like `SKILLS:B`, `SKILLS:I` for the longest
 * phrase of each label that covers it.
 */
export function gazetteerHits(lowerTokens: readonly string[], index: LexiconIndex): string[][] {
  const hits: string[][] = lowerTokens.map(() => []);
  const taken = new Map<string, number>(); // label -> end of the last match placed
  for (let i = 0; i < lowerTokens.length; i++) {
    const candidates: string[] = [];
    let phrase = '';
    for (let n = 1; n <= Math.min(MAX_PHRASE_TOKENS, lowerTokens.length - i); n++) {
      phrase = n === 1 ? lowerTokens[i] : `${phrase} ${lowerTokens[i + n - 1]}`;
      candidates.push(phrase);
    }
    for (let n = candidates.length; n >= 1; n--) {
      const labels = index.phrases.get(candidates[n - 1]);
      if (!labels) continue;
      for (const label of labels) {
        if ((taken.get(label) ?? 0) > i) continue;
        taken.set(label, i + n);
        for (let k = i; k < i + n; k++) hits[k].push(`${label}:${k === i ? 'B' : 'I'}${n === 1 ? '1' : ''}`);
      }
    }
  }
  return hits;
}
