// The CLI has room for the whole cl100k_base table, so it budgets prompts with exact counts; the
// extension counts with the bound in src/core/tokens.ts. Importing the single encoding module keeps
// the load small (the package's main entry pulls in every encoding).
import { countTokens } from 'gpt-tokenizer/encoding/cl100k_base';
import { setTokenCounter } from '../core/tokens';

export function useExactTokenCounts(): void {
  setTokenCounter((text) => countTokens(text));
}
