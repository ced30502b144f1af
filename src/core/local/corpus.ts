// The labelled corpus in CoNLL form (token<TAB>tag, blank line between sentences,
// `-DOCSTART-` between documents) and the conversions between BIO tags and entity values.
import { emptyEntities, type Entities, type EntityType } from '../entities';
import { toValue } from './tokenize';
import { parseIob } from '../dataset/iob-parse';

export interface Sentence {
  tokens: string[];
  tags: string[];
}

export interface LabelledDoc {
  id: number;
  sentences: Sentence[];
}

/** Corpus labels -> entity types. */
export const LABEL_TO_TYPE: Record<string, EntityType> = {
  DIPLOMA: 'diploma',
  DIPLOMA_MAJOR: 'diploma_major',
  EXPERIENCE: 'experience',
  SKILLS: 'skills',
};

export const TAGS = ['O', ...Object.keys(LABEL_TO_TYPE).flatMap((l) => [`B-${l}`, `I-${l}`])];

/**
 * Parses a CoNLL/IOB corpus for training. Throws an Error naming the first malformed line: a
 * training run on a partly read corpus would silently learn from less than the user gave it.
 */
export function parseCorpus(text: string): LabelledDoc[] {
  const { documents, errors } = parseIob(text);
  if (errors.length) {
    // The reader's own message says the token is kept; here nothing is kept, so say what the line should be.
    const { line } = errors[0];
    const raw = (text.replace(/^\uFEFF/, '').split('\n')[line - 1] ?? '').replace(/\r$/, '');
    throw new Error(`line ${line}: expected "token<TAB>tag" with a BIO tag, got ${JSON.stringify(raw.slice(0, 60))}`);
  }
  return documents.map((doc, id) => ({
    id,
    sentences: doc.sentences.map((s) => ({ tokens: s.map((t) => t.text), tags: s.map((t) => corpusTag(t.tag)) })),
  }));
}

/** The reader's tags ('B-diploma_major') in the corpus's labels ('B-DIPLOMA_MAJOR'). */
function corpusTag(tag: string): string {
  return tag === 'O' ? tag : `${tag.slice(0, 2)}${tag.slice(2).toUpperCase()}`;
}

export interface Span {
  label: string;
  start: number;
  /** Exclusive. */
  end: number;
}

/** BIO tags -> spans. An I- tag without a matching opener starts a span (as conlleval does). */
export function tagsToSpans(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  tags.forEach((tag, i) => {
    const label = tag === 'O' ? null : tag.slice(2);
    const begins = tag.startsWith('B-') || (label !== null && (cur === null || cur.label !== label));
    if (cur && (label === null || begins)) {
      spans.push(cur);
      cur = null;
    }
    if (label !== null && begins) cur = { label, start: i, end: i + 1 };
    else if (label !== null && cur) cur.end = i + 1;
  });
  if (cur) spans.push(cur);
  return spans;
}

/** Sentences with tags -> entity values in order found, in the training data's token form. */
export function sentencesToEntities(
  sentences: ReadonlyArray<{ tokens: readonly string[]; tags: readonly string[] }>,
): Entities {
  const out = emptyEntities();
  for (const s of sentences) {
    for (const span of tagsToSpans(s.tags)) {
      const type = LABEL_TO_TYPE[span.label];
      if (type) out[type].push(toValue(s.tokens.slice(span.start, span.end)));
    }
  }
  return out;
}
