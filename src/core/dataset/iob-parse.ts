// Reading IOB-tagged text (CoNLL style: `-DOCSTART-` starts a document, blank lines separate
// sentences, each other line is `token<TAB>tag` with tag O, B-TYPE or I-TYPE). The one IOB reader:
// it collects every malformed line instead of stopping at the first, so `dataset convert` can
// report them all; the offline extractor's corpus reader (local/corpus.ts) throws on the first.
// Kept apart from iob.ts so the worker, which reads no IOB, pulls in nothing of the converter.
import { ENTITY_TYPES } from '../entities';
import type { ReadError } from './read';

export interface IobToken {
  text: string;
  /** 'O', or 'B-'/'I-' + an entity type in lower case. */
  tag: string;
  line: number;
}

export interface IobDocument {
  /** The line of its -DOCSTART- (or of its first token when the file has none). */
  line: number;
  /** Sentences of tokens. */
  sentences: IobToken[][];
}

export interface IobParseResult {
  documents: IobDocument[];
  errors: ReadError[];
}

const TAG = /^(?:O|([BI])-([A-Za-z_]+))$/;

export function parseIob(text: string): IobParseResult {
  const documents: IobDocument[] = [];
  const errors: ReadError[] = [];
  let doc: IobDocument | undefined;
  let sentence: IobToken[] = [];
  const endSentence = () => {
    if (doc && sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((rawLine, i) => {
    const line = i + 1;
    const raw = rawLine.replace(/\r$/, '');
    if (raw.trim() === '') {
      endSentence();
      return;
    }
    if (raw.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { line, sentences: [] };
      documents.push(doc);
      return;
    }
    const cells = raw.includes('\t') ? raw.split('\t') : raw.split(/ +/);
    if (cells.length < 2 || cells[0] === '') {
      errors.push({ line, message: `expected "token<TAB>tag", got ${JSON.stringify(raw.slice(0, 60))}` });
      return;
    }
    const token = cells[0];
    const tagText = cells[cells.length - 1].trim();
    const m = TAG.exec(tagText);
    const type = m?.[2]?.toLowerCase();
    if (!m || (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type))) {
      // The token stays in the text (as O) so the prompt is complete; the tag is reported.
      errors.push({
        line,
        message: `unknown tag ${JSON.stringify(tagText)} (the token is kept, untagged); expected O, B-/I- followed by ${ENTITY_TYPES.map((t) => t.toUpperCase()).join(', ')}`,
      });
    }
    if (!doc) {
      doc = { line, sentences: [] };
      documents.push(doc);
    }
    const known = m && (type === undefined || (ENTITY_TYPES as readonly string[]).includes(type));
    sentence.push({ text: token, tag: known && type ? `${m[1]}-${type}` : 'O', line });
  });
  endSentence();
  return { documents, errors };
}
