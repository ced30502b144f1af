import { describe, expect, it } from 'vitest';
import { baseModelId, contextTokensFor, resolveMode, UNKNOWN_CONTEXT_TOKENS } from '../../src/core/models';

describe('contextTokensFor', () => {
  const cases: [string, number][] = [
    ['davinci-002', 16_384],
    ['babbage-002', 16_384],
    ['ft:davinci-002:acme::8xYz12', 16_384],
    ['ft:babbage-002:personal:jobs:abc', 16_384],
    ['gpt-4o-mini', 128_000],
    ['gpt-4o-mini-2024-07-18', 128_000],
    ['ft:gpt-4o-mini-2024-07-18:acme::x1', 128_000],
    ['gpt-4o', 128_000],
    ['gpt-4.1', 1_047_576],
    ['gpt-4.1-mini', 1_047_576],
    ['gpt-4.1-nano-2025-04-14', 1_047_576],
    ['gpt-3.5-turbo', 16_384],
    ['gpt-3.5-turbo-instruct', 4_096],
    ['gpt-4', 8_192],
    ['llama3.1:8b', 131_072],
    ['meta-llama/Llama-3.1-8B-Instruct', 131_072],
    ['Meta-Llama-3-8B-Instruct.Q4_K_M.gguf', 8_192],
    ['llama2', 4_096],
    ['mistral:7b-instruct', 32_768],
    ['mistralai/Mistral-Nemo-Instruct-2407', 131_072],
    ['qwen2.5:7b-instruct', 32_768],
    ['Qwen/Qwen3-8B', 32_768],
    ['gemma2:9b', 8_192],
    ['phi3', 4_096],
    ['my-own-model', UNKNOWN_CONTEXT_TOKENS],
    ['', UNKNOWN_CONTEXT_TOKENS],
  ];
  for (const [model, n] of cases) it(`${model || '(empty)'} -> ${n}`, () => expect(contextTokensFor(model)).toBe(n));

  it('an override wins; invalid overrides are ignored', () => {
    expect(contextTokensFor('davinci-002', 8000)).toBe(8000);
    expect(contextTokensFor('unknown', 32_000)).toBe(32_000);
    expect(contextTokensFor('davinci-002', 0)).toBe(16_384);
    expect(contextTokensFor('davinci-002', Number.NaN)).toBe(16_384);
    expect(contextTokensFor('davinci-002', undefined)).toBe(16_384);
  });
  it('unknown is 4096', () => expect(UNKNOWN_CONTEXT_TOKENS).toBe(4096));
});

describe('baseModelId', () => {
  it('strips ft:, folders and .gguf and lower-cases', () => {
    expect(baseModelId('ft:davinci-002:acme:jobs:abc')).toBe('davinci-002');
    expect(baseModelId(' Meta-Llama/Llama_3.1 8B.gguf ')).toBe('llama-3.1-8b');
  });
});

describe('resolveMode', () => {
  it('auto picks completion for the completion models and instruct variants', () => {
    for (const m of [
      'davinci-002',
      'babbage-002',
      'ft:davinci-002:acme::abc',
      'ft:babbage-002:acme:jobs:x',
      'gpt-3.5-turbo-instruct',
      'ft:gpt-3.5-turbo-instruct:o::x',
    ])
      expect(resolveMode(m, 'auto'), m).toBe('completion');
  });
  it('auto picks chat for everything else', () => {
    for (const m of [
      'gpt-4o-mini',
      'ft:gpt-4o-mini-2024-07-18:acme::x',
      'gpt-4.1',
      'llama3.1:8b',
      'davinci-002-chat',
      'my-model',
      '',
      'qwen2.5:7b-instruct',
      'mistralai/Mistral-7B-Instruct-v0.3',
    ])
      expect(resolveMode(m, 'auto'), m).toBe('chat');
  });
  it('an explicit mode wins', () => {
    expect(resolveMode('davinci-002', 'chat')).toBe('chat');
    expect(resolveMode('gpt-4o-mini', 'completion')).toBe('completion');
  });
});
