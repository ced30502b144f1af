// The labelled corpus in CoNLL form (token<TAB>tag, blank line between sentences,
// `-DOCSTART-` between documents) and the conversions between BIO tags and entity values.
import { emptyEntities, type Entities, type EntityType } from '../entities';
import { toValue } from './tokenize';

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
export const TYPE_TO_LABEL: Record<EntityType, string> = {
  diploma: 'DIPLOMA',
  diploma_major: 'DIPLOMA_MAJOR',
  experience: 'EXPERIENCE',
  skills: 'SKILLS',
};

export const TAGS = ['O', ...Object.keys(LABEL_TO_TYPE).flatMap((l) => [`B-${l}`, `I-${l}`])];

const TAG_LINE = /^(O|[BI]-(?:DIPLOMA|DIPLOMA_MAJOR|EXPERIENCE|SKILLS))$/;

/** Parses a CoNLL/IOB file. Throws an Error naming the line when a line is malformed. */
export function parseIob(text: string): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  let doc: LabelledDoc | null = null;
  let sent: Sentence = { tokens: [], tags: [] };
  const flush = () => {
    if (doc && sent.tokens.length > 0) doc.sentences.push(sent);
    sent = { tokens: [], tags: [] };
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, n) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('-DOCSTART-')) {
      flush();
      doc = { id: docs.length, sentences: [] };
      docs.push(doc);
      return;
    }
    if (line.trim() === '') {
      flush();
      return;
    }
    const tab = line.lastIndexOf('\t');
    const token = tab >= 0 ? line.slice(0, tab) : '';
    const tag = tab >= 0 ? line.slice(tab + 1).trim() : '';
    if (!token || !TAG_LINE.test(tag)) throw new Error(`line ${n + 1}: expected "token<TAB>tag" with a BIO tag, got ${JSON.stringify(line.slice(0, 60))}`);
    if (!doc) {
      doc = { id: docs.length, sentences: [] };
      docs.push(doc);
    }
    sent.tokens.push(token);
    sent.tags.push(tag);
  });
  flush();
  return docs;
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
export function sentencesToEntities(sentences: ReadonlyArray<{ tokens: readonly string[]; tags: readonly string[] }>): Entities {
  const out = emptyEntities();
  for (const s of sentences) {
    for (const span of tagsToSpans(s.tags)) {
      const type = LABEL_TO_TYPE[span.label];
      if (type) out[type].push(toValue(s.tokens.slice(span.start, span.end)));
    }
  }
  return out;
}
