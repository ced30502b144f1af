// What the core knows about model families: context sizes and which API shape they speak.
// ONE table; extend it by adding a row. Sizes are conservative (the default context a server
// gives without long-context tricks) because overshooting makes the server refuse the request.

export interface ModelFamily {
  /** Tested against the normalized base model id (see baseModelId). First match wins. */
  pattern: RegExp;
  contextTokens: number;
  /** True when the family's tokenizer is an OpenAI encoding, so cl100k counts are accurate. */
  openaiTokenizer?: boolean;
}

export const UNKNOWN_CONTEXT_TOKENS = 4096;

export const MODEL_FAMILIES: ModelFamily[] = [
  // OpenAI completion models (the seed's fine-tuning format).
  { pattern: /^(davinci|babbage)-002\b/, contextTokens: 16_384, openaiTokenizer: true },
  { pattern: /^gpt-3\.5-turbo-instruct\b/, contextTokens: 4_096, openaiTokenizer: true },
  { pattern: /^gpt-3\.5-turbo\b/, contextTokens: 16_384, openaiTokenizer: true },
  { pattern: /^gpt-4\.1\b/, contextTokens: 1_047_576, openaiTokenizer: true },
  { pattern: /^gpt-4o\b/, contextTokens: 128_000, openaiTokenizer: true }, // gpt-4o, gpt-4o-mini
  { pattern: /^gpt-4-turbo\b|^gpt-4-\d{4}-preview\b/, contextTokens: 128_000, openaiTokenizer: true },
  { pattern: /^gpt-4-32k\b/, contextTokens: 32_768, openaiTokenizer: true },
  { pattern: /^gpt-4\b/, contextTokens: 8_192, openaiTokenizer: true },
  { pattern: /^gpt-5\b/, contextTokens: 272_000, openaiTokenizer: true }, // input limit of the 400k window
  { pattern: /^o[134](-mini)?\b/, contextTokens: 200_000, openaiTokenizer: true },
  // Open-weight families as served by vLLM, llama.cpp, Ollama, LM Studio.
  { pattern: /llama-?3\.[123]\b/, contextTokens: 131_072 },
  { pattern: /llama-?3\b/, contextTokens: 8_192 },
  { pattern: /codellama/, contextTokens: 16_384 },
  { pattern: /llama-?2\b/, contextTokens: 4_096 },
  { pattern: /mistral-nemo|mistral-large|mistral-small-(24|3)/, contextTokens: 131_072 },
  { pattern: /mixtral|mistral/, contextTokens: 32_768 },
  { pattern: /qwen-?(2(\.5)?|3)\b/, contextTokens: 32_768 },
  { pattern: /qwen/, contextTokens: 8_192 },
  { pattern: /gemma-?3\b/, contextTokens: 32_768 },
  { pattern: /gemma/, contextTokens: 8_192 },
  { pattern: /phi-?4\b/, contextTokens: 16_384 },
  { pattern: /phi-?3/, contextTokens: 4_096 },
];

/**
 * The base model id in a comparable form: lower case, `ft:BASE:org::id` -> BASE, organisation or
 * folder prefixes (`meta-llama/`, `models/`) and `.gguf` removed, `_`/spaces turned into `-`.
 */
export function baseModelId(model: string): string {
  let id = model.trim().toLowerCase();
  if (id.startsWith('ft:')) id = id.split(':')[1] ?? '';
  id = id.slice(id.lastIndexOf('/') + 1).replace(/\.gguf$/, '');
  return id.replace(/[_\s]+/g, '-');
}

export function modelFamily(model: string): ModelFamily | undefined {
  const id = baseModelId(model);
  return MODEL_FAMILIES.find((f) => f.pattern.test(id));
}

/** Context window in tokens; a positive integer override (settings.contextTokens) wins. */
export function contextTokensFor(model: string, override?: number): number {
  if (override !== undefined && Number.isInteger(override) && override > 0) return override;
  return modelFamily(model)?.contextTokens ?? UNKNOWN_CONTEXT_TOKENS;
}

/**
 * Completion-only models: the legacy completion bases and OpenAI's `*-instruct` variants. Ids
 * with a tag or an org path (`qwen2.5:7b-instruct`, `mistralai/Mistral-7B-Instruct`) are chat
 * models on Ollama, vLLM and LM Studio, so they stay in chat mode.
 */
const COMPLETION_MODELS = /^(davinci|babbage)-002$|^[^:/]*-instruct$/;

export function resolveMode(model: string, mode: 'auto' | 'completion' | 'chat'): 'completion' | 'chat' {
  if (mode !== 'auto') return mode;
  return COMPLETION_MODELS.test(baseModelId(model)) ? 'completion' : 'chat';
}
