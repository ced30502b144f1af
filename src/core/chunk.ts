// Long postings: split the text so each piece fits the model's context, on sentence boundaries.
import { contextTokensFor, modelFamily } from './models';
import { CHAT_SYSTEM_PROMPT, SEPARATOR } from './prompt';
import { splitSentences } from './sentences';
import { countTokens } from './tokens';

/** Smallest budget promptBudget returns: below it chunks would be too small to mean anything. */
export const MIN_PROMPT_BUDGET = 128;

/**
 * Split `text` into pieces of at most `maxTokens` tokens each (cl100k count), in order.
 * Greedy: sentences are packed into a piece while it fits. A sentence longer than the budget
 * alone is split between words (and a single "word" longer than that, e.g. a huge URL, between
 * characters). Pieces are trimmed; `normalizeText(pieces.join(' '))` equals `normalizeText(text)`.
 */
export function chunkText(text: string, maxTokens: number): string[] {
  const budget = Math.max(1, Math.floor(maxTokens));
  if (!text.trim()) return [];
  if (countTokens(text) <= budget) return [text.trim()];
  // Units no longer than the budget each: sentences, or the words / character runs of an
  // over-long sentence.
  const units: string[] = [];
  const explode = (unit: string, split: (u: string) => string[]) => {
    if (countTokens(unit.trim()) <= budget) units.push(unit);
    else for (const part of split(unit)) explode(part, splitChars);
  };
  for (const seg of splitSentences(text)) explode(seg.text, splitWords);
  // Greedy packing on summed unit counts (linear time; tokens are nearly additive across white
  // space), then each piece is checked with an exact count and its tail units are handed to the
  // next piece while it is over the budget.
  const counts = units.map((u) => countTokens(u.trim()));
  const pieces: string[] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    let sum = 0;
    while (j < units.length && (j === i || sum + counts[j] <= budget)) sum += counts[j++];
    while (j - i > 1 && countTokens(units.slice(i, j).join('').trim()) > budget) j--;
    const piece = units.slice(i, j).join('').trim();
    if (piece) pieces.push(piece);
    i = j;
  }
  return pieces;
}

/** Words with their trailing white space. */
function splitWords(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? [];
}

/** Fallback for one word longer than the budget: halves, until each half fits. */
function splitChars(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return [s];
  const mid = Math.ceil(chars.length / 2);
  return [chars.slice(0, mid).join(''), chars.slice(mid).join('')];
}

let overheadTokens: number | undefined;

/**
 * Tokens a request spends besides the posting text: the chat system message (the larger of the
 * two modes' overheads, so one budget fits both), the separator and the chat framing.
 */
export function promptOverheadTokens(): number {
  overheadTokens ??= countTokens(CHAT_SYSTEM_PROMPT) + countTokens(SEPARATOR) + 16;
  return overheadTokens;
}

/**
 * Tokens left for the posting text in one request: context minus the answer budget minus the
 * prompt overhead. Families with a non-OpenAI tokenizer keep a 15% margin because cl100k counts
 * can undershoot their tokenizers. Never below MIN_PROMPT_BUDGET: a context smaller than the
 * answer budget is a settings mistake the server reports clearly.
 */
export function promptBudget(model: string, settings: { maxTokens: number; contextTokens?: number }): number {
  const context = contextTokensFor(model, settings.contextTokens);
  const exact = modelFamily(model)?.openaiTokenizer === true;
  const free = context - settings.maxTokens - promptOverheadTokens();
  return Math.max(MIN_PROMPT_BUDGET, Math.floor(exact ? free : free * 0.85));
}
