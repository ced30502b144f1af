// Token counts for budgeting prompts, in cl100k_base: the encoding of davinci-002 and babbage-002
// (the completion models the seed format was fine-tuned on) and of gpt-3.5/gpt-4. gpt-4o* and
// gpt-4.1* use o200k_base, which yields slightly fewer tokens for English text, so cl100k counts
// are a safe (never lower) estimate for them too; models.ts leaves a margin for other families.
//
// The whole cl100k table is ~440 KB gzipped: too much to parse on every cold start of the service
// worker. Shipped code counts with the first TABLE_SIZE tokens of the vocabulary instead, running
// the same byte-pair merges. BPE merges the adjacent pair of lowest rank until none is left, so with
// a prefix of the ranks the merges are exactly the full table's until the next one would need a rank
// outside the prefix; the full table can only merge further, and each merge removes one token. The
// count is therefore never lower than the exact one (tests check it), about 1.7x on postings (1.4x with twice the table, which did not fit the size budget).
// The CLI registers the exact counter (src/cli/exact-tokens.ts), where size does not matter.
import table from './token-table.json';

export type TokenCounter = (text: string) => number;

/** cl100k_base's pre-tokenizer: BPE runs inside each piece, never across pieces. */
const PIECES =
  /'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s+$|\s*[\r\n]|\s+(?!\S)|\s/gu;

let ranks: Map<string, number> | undefined;
const utf8 = new TextEncoder();

/** Bytes as a string of char codes 0-255, the table's key form. */
function byteKey(s: string): string {
  const bytes = utf8.encode(s);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function pieceBound(key: string, rank: Map<string, number>): number {
  if (rank.has(key)) return 1;
  const parts = key.split('');
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < parts.length; i++) {
      const r = rank.get(parts[i] + parts[i + 1]);
      if (r !== undefined && r < best) {
        best = r;
        at = i;
      }
    }
    if (at < 0) return parts.length;
    parts.splice(at, 2, parts[at] + parts[at + 1]);
  }
}

/** An upper bound of the cl100k_base token count (see above), built from the table on first use. */
export function tokenBound(text: string): number {
  if (!text) return 0;
  ranks ??= new Map(table.tokens.map((t, i) => [t, i]));
  let n = 0;
  for (const m of text.matchAll(PIECES)) n += pieceBound(byteKey(m[0]), ranks);
  return n;
}

let exact: TokenCounter | undefined;

/** Lets a host with room for the whole table (the CLI) count exactly. */
export function setTokenCounter(counter: TokenCounter | undefined): void {
  exact = counter;
}

/** The token count used for budgets: exact where registered, else a bound that never undercounts. */
export function countTokens(text: string): number {
  if (!text) return 0;
  return exact ? exact(text) : tokenBound(text);
}
