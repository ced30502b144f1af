// Provider flags shared by every command that extracts (extract, eval, match): one option table,
// one help block, one function turning flags + environment into validated Settings.
import { SettingsSchema, type Settings } from '../core/settings';
import { UsageError } from './command';

/** parseArgs options: spread into a command's own table. */
export const PROVIDER_OPTIONS = {
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  model: { type: 'string' },
  mode: { type: 'string' },
  'max-tokens': { type: 'string' },
  'max-tokens-param': { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'context-tokens': { type: 'string' },
  'trim-boilerplate': { type: 'boolean' },
  scope: { type: 'string' },
} as const;

export const PROVIDER_FLAGS_HELP = `Provider:
  --provider openai|local  openai: your model on any OpenAI-compatible server (the default when a
                           model is set); local: the embedded offline extractor (the default otherwise)
  --model ID               model id, e.g. ft:davinci-002:acme:jobs:abc123 (env JOB_ENTITIES_MODEL)
  --base-url URL           server's /v1 address (env OPENAI_BASE_URL; default https://api.openai.com/v1)
                           vLLM http://127.0.0.1:8000/v1, llama.cpp http://127.0.0.1:8080/v1,
                           Ollama http://127.0.0.1:11434/v1, LM Studio http://127.0.0.1:1234/v1,
                           Azure OpenAI https://RESOURCE.openai.azure.com/openai/v1 (model = deployment)
  --api-key KEY            API key (env OPENAI_API_KEY); local servers need none (a placeholder is sent)
  --mode auto|completion|chat
                           auto: davinci-002, babbage-002, their fine-tunes and *-instruct use
                           completions; every other model uses chat completions
  --max-tokens N           answer budget in tokens (default 512)
  --max-tokens-param auto|max_tokens|max_completion_tokens
                           the chat parameter that carries it; auto: max_completion_tokens for
                           api.openai.com and Azure OpenAI, max_tokens for every other server
  --timeout SECONDS        per-request timeout (default 45)
  --retries N              retries on 429 and 5xx, with backoff (default 2)
  --context-tokens N       the model's context size, when the built-in table does not know it
  --trim-boilerplate       drop equal-opportunity statements, "apply now" and cookie text first
  --scope focused|whole    focused (default): read only the requirements, nice-to-have and
                           responsibilities sections (what the model was trained on), leaving out
                           the company blurb, benefits, pay, legal text; a posting without such
                           sections is read whole. whole: read the whole posting`;

export type ProviderFlagValues = {
  [K in keyof typeof PROVIDER_OPTIONS]?: (typeof PROVIDER_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === '') throw new UsageError(`--${name} takes a number, got "${value}"`);
  return n;
}

const FLAG_FOR_FIELD: Record<string, string> = {
  provider: '--provider',
  baseURL: '--base-url (or OPENAI_BASE_URL)',
  apiKey: '--api-key',
  model: '--model',
  mode: '--mode',
  maxTokens: '--max-tokens',
  maxTokensParam: '--max-tokens-param',
  timeoutMs: '--timeout',
  maxRetries: '--retries',
  contextTokens: '--context-tokens',
  scope: '--scope',
};

/** Flags, then environment, then defaults; validated by SettingsSchema. Bad values are usage errors. */
export function settingsFromFlags(values: ProviderFlagValues, env: NodeJS.ProcessEnv): Settings {
  const pick = (flag: string | undefined, envName: string): string | undefined => {
    if (flag !== undefined) return flag;
    const v = env[envName];
    return v !== undefined && v.trim() !== '' ? v : undefined;
  };
  const timeout = numberFlag(values.timeout, 'timeout');
  const raw: Record<string, unknown> = {
    provider: values.provider,
    baseURL: pick(values['base-url'], 'OPENAI_BASE_URL'),
    apiKey: pick(values['api-key'], 'OPENAI_API_KEY'),
    model: pick(values.model, 'JOB_ENTITIES_MODEL'),
    mode: values.mode,
    maxTokens: numberFlag(values['max-tokens'], 'max-tokens'),
    maxTokensParam: values['max-tokens-param'],
    timeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
    maxRetries: numberFlag(values.retries, 'retries'),
    contextTokens: numberFlag(values['context-tokens'], 'context-tokens'),
    trimBoilerplate: values['trim-boilerplate'],
    scope: values.scope,
  };
  for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? '');
    const flag = FLAG_FOR_FIELD[field] ?? field;
    let why = issue.message;
    if (field === 'timeoutMs') why = 'must be between 1 and 120 seconds';
    if (field === 'mode') why = 'must be auto, completion or chat';
    if (field === 'provider') why = 'must be openai or local';
    if (field === 'maxTokensParam') why = 'must be auto, max_tokens or max_completion_tokens';
    if (field === 'scope') why = `must be focused or whole, got "${values.scope}"`;
    throw new UsageError(`${flag}: ${why}`);
  }
  const settings = parsed.data;
  if (!/^https?:\/\//i.test(settings.baseURL)) {
    throw new UsageError(
      `--base-url (or OPENAI_BASE_URL) must start with http:// or https://, e.g. http://127.0.0.1:8000/v1; got "${settings.baseURL}"`,
    );
  }
  if (settings.provider === 'openai' && !settings.model) {
    throw new UsageError('--provider openai needs a model: pass --model ID (or set JOB_ENTITIES_MODEL)');
  }
  if (
    settings.provider === 'auto' &&
    !settings.model &&
    (values['base-url'] !== undefined || values['api-key'] !== undefined)
  ) {
    throw new UsageError(
      '--base-url and --api-key need a model: pass --model ID (or --provider local for the offline extractor)',
    );
  }
  return settings;
}
