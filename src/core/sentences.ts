// Sentence segmentation shared by chunking and boilerplate trimming. Segments are exact spans of
// the input (each keeps the white space that follows it), so joining them gives the text back
// unchanged: nothing can be lost or reordered by splitting.

export interface Segment {
  /** The sentence with its trailing white space. */
  text: string;
  start: number;
  end: number;
}

// A boundary is: a line break; sentence punctuation followed by white space and something that
// can start a sentence; or white space before a bullet glyph. Training prompts are one line where
// bullets were flattened, so bullets and "sentence-ish" capitals matter as much as line breaks.
const BOUNDARY = /\r?\n+\s*|(?<=[.!?;])["')\]]?\s+(?=["'([]?[\p{Lu}\p{N}•·▪◦●*–-])|\s+(?=[•·▪◦●]\s*)/gu;

// Abbreviations whose period must not end a sentence ("e.g. Python", "Dr. Smith").
const NO_BREAK_AFTER =
  /(?:\b(?:e\.g|i\.e|etc|vs|inc|dr|mr|ms|mrs|jr|sr|st|no|approx|incl|min|max|u\.s|u\.k)\.)["')\]]?$/i;

/** Split text into sentence segments covering all of it, in order. */
export function splitSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    if (m[0].length === 0) {
      BOUNDARY.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    const body = text.slice(start, m.index);
    if (!body.trim()) continue; // leading white space belongs to the next segment's predecessor
    if (/[.]["')\]]?$/.test(body) && NO_BREAK_AFTER.test(body)) continue;
    out.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length });
  return out;
}
