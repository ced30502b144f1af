// The one place that turns posting text and settings into an OpenAI-compatible request body:
// `extract` sends it at once, `extract --batch` writes it as a line of a Batch API input file.
// Pure (no network), so both paths send byte for byte the same request.
import { resolveMode } from '../models';
import { buildChatMessages, buildPrompt, type ChatMessage } from '../prompt';
import type { MaxTokensParam, Settings } from '../settings';

export type ModelEndpoint = '/v1/completions' | '/v1/chat/completions';

export interface CompletionBody {
  model: string;
  prompt: string;
  temperature: number;
  max_tokens: number;
  stop: string[];
}

export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
}

export type ModelRequest =
  | { mode: 'completion'; endpoint: '/v1/completions'; body: CompletionBody }
  | { mode: 'chat'; endpoint: '/v1/chat/completions'; body: ChatBody };

/** Hosts that take `max_completion_tokens` (OpenAI, where `max_tokens` is deprecated and o-series refuse it; Azure OpenAI). */
const MAX_COMPLETION_TOKENS_HOSTS = [
  /^api\.openai\.com$/,
  /\.openai\.azure\.com$/,
  /\.cognitiveservices\.azure\.com$/,
  /\.services\.ai\.azure\.com$/,
];

/**
 * The chat parameter for the answer budget this server understands. OpenAI and Azure take
 * `max_completion_tokens`; vLLM, llama.cpp, Ollama and LM Studio read `max_tokens` (some ignore the
 * newer name, which would leave answers unbounded). The setting overrides the choice by host.
 */
export function maxTokensParamFor(
  baseURL: string,
  setting: MaxTokensParam = 'auto',
): 'max_tokens' | 'max_completion_tokens' {
  if (setting !== 'auto') return setting;
  let host = '';
  try {
    host = new URL(baseURL).hostname.toLowerCase();
  } catch {
    return 'max_tokens';
  }
  return MAX_COMPLETION_TOKENS_HOSTS.some((re) => re.test(host)) ? 'max_completion_tokens' : 'max_tokens';
}

/** The request for one piece of posting text (one chunk), as `extract` sends it. */
export function buildModelRequest(text: string, settings: Settings, opts: { maxTokens?: number } = {}): ModelRequest {
  const mode = resolveMode(settings.model, settings.mode);
  const maxTokens = opts.maxTokens ?? settings.maxTokens;
  if (mode === 'completion') {
    return {
      mode,
      endpoint: '/v1/completions',
      body: {
        model: settings.model,
        prompt: buildPrompt(text, {
          separator: settings.separator,
          stop: settings.stop,
          trimBoilerplate: settings.trimBoilerplate,
        }),
        temperature: 0,
        max_tokens: maxTokens,
        stop: [settings.stop],
      },
    };
  }
  const body: ChatBody = {
    model: settings.model,
    messages: buildChatMessages(text, { trimBoilerplate: settings.trimBoilerplate }),
    temperature: 0,
  };
  body[maxTokensParamFor(settings.baseURL, settings.maxTokensParam)] = maxTokens;
  return { mode, endpoint: '/v1/chat/completions', body };
}
