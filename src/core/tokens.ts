// Token counts for budgeting prompts. cl100k_base is the encoding of davinci-002 and babbage-002,
// the completion models the seed format was fine-tuned on, and of gpt-3.5/gpt-4; gpt-4o* and
// gpt-4.1* use o200k_base, which yields slightly fewer tokens for English text, so cl100k counts
// are a safe (never lower) estimate for them too. Other families' tokenizers differ; models.ts
// leaves a margin for those. Importing the single encoding module keeps the bundle small (the
// package's main entry pulls in every encoding).
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';

export const TOKEN_ENCODING = 'cl100k_base';

export function countTokens(text: string): number {
  if (!text) return 0;
  return countCl100k(text);
}
