// Provider settings: one zod schema with defaults, versioned, migrated on read.
import { z } from 'zod';
import { ScopeSchema } from './sections';

export const SETTINGS_VERSION = 1;
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_SEPARATOR = '\n\n###\n\n';
export const DEFAULT_STOP = ' END';

export const ModeSchema = z.enum(['auto', 'completion', 'chat']);
export type Mode = z.infer<typeof ModeSchema>;

/** 'auto': the OpenAI-compatible model when a model is set, else the embedded offline extractor. */
export const ProviderChoiceSchema = z.enum(['auto', 'openai', 'local']);
export type ProviderChoice = z.infer<typeof ProviderChoiceSchema>;

/** The chat parameter carrying the answer budget; 'auto' chooses by the server's host (providers/request.ts). */
export const MaxTokensParamSchema = z.enum(['auto', 'max_tokens', 'max_completion_tokens']);
export type MaxTokensParam = z.infer<typeof MaxTokensParamSchema>;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  provider: ProviderChoiceSchema.default('auto'),
  baseURL: z.string().trim().url('The base URL must be a full URL such as https://api.openai.com/v1').default(DEFAULT_BASE_URL),
  /** Never logged, never sent anywhere but the configured base URL. */
  apiKey: z.string().trim().default(''),
  model: z.string().trim().default(''),
  mode: ModeSchema.default('auto'),
  separator: z.string().min(1).default(DEFAULT_SEPARATOR),
  stop: z.string().min(1).default(DEFAULT_STOP),
  /** Answer budget in tokens. */
  maxTokens: z.number().int().min(16).max(16_384).default(512),
  maxTokensParam: MaxTokensParamSchema.default('auto'),
  /** Per-request timeout: well inside an MV3 service worker's limits. */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(45_000),
  maxRetries: z.number().int().min(0).max(6).default(2),
  /** Remove equal-opportunity statements, cookie banners, "apply now" before prompting. */
  trimBoilerplate: z.boolean().default(false),
  /** 'focused': read the requirement-like sections only (what the model was trained on); 'whole': everything. */
  scope: ScopeSchema.default('focused'),
  /** Overrides the model family's context size from the table in models.ts. */
  contextTokens: z.number().int().min(512).max(2_000_000).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/**
 * Read stored settings whatever they hold: migrate old versions, replace each invalid field by its
 * default, and never lose the API key. Returns the settings and what was reset.
 */
export function loadSettings(stored: unknown): { settings: Settings; reset: string[] } {
  const reset: string[] = [];
  const raw: Record<string, unknown> = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  migrateInPlace(raw);
  const out: Record<string, unknown> = {};
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in raw)) continue;
    const r = shape[key].safeParse(raw[key]);
    if (r.success) out[key] = r.data;
    else reset.push(key);
  }
  out.version = SETTINGS_VERSION;
  return { settings: SettingsSchema.parse(out), reset };
}

/** Numbered migrations: MIGRATIONS[n] turns version n into n + 1. Each has a test. */
export const MIGRATIONS: Record<number, (s: Record<string, unknown>) => void> = {
  // Version 0 (unversioned early builds) stored the key as `openaiKey` and the URL as `baseUrl`.
  0: (s) => {
    if (typeof s.openaiKey === 'string' && !s.apiKey) s.apiKey = s.openaiKey;
    if (typeof s.baseUrl === 'string' && !s.baseURL) s.baseURL = s.baseUrl;
    delete s.openaiKey;
    delete s.baseUrl;
  },
};

function migrateInPlace(s: Record<string, unknown>): void {
  let v = typeof s.version === 'number' && Number.isInteger(s.version) ? s.version : 0;
  while (v < SETTINGS_VERSION) {
    MIGRATIONS[v]?.(s);
    v++;
  }
  s.version = SETTINGS_VERSION;
}

/** The provider that will answer with these settings. */
export function resolveProvider(s: Settings): 'openai' | 'local' {
  if (s.provider !== 'auto') return s.provider;
  return s.model ? 'openai' : 'local';
}
