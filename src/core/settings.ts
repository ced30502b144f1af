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

/** The chat parameter carrying the answer budget; 'auto' chooses by the server's host (providers/request.ts). */
export const MaxTokensParamSchema = z.enum(['auto', 'max_tokens', 'max_completion_tokens']);
export type MaxTokensParam = z.infer<typeof MaxTokensParamSchema>;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  provider: ProviderChoiceSchema.default('auto'),
  baseURL: z
    .string()
    .trim()
    .url('The base URL must be a full URL such as https://api.openai.com/v1')
    .default(DEFAULT_BASE_URL),
  /** Never logged, never sent anywhere but the origin it was saved for (keyOrigin). */
  apiKey: z.string().trim().default(''),
  /** The origin (scheme, host, port) the key was saved for: the only server it is ever sent to. */
  keyOrigin: z.string().optional(),
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
  /**
   * The most characters of a posting sent to a model server in one click: a longer page is cut
   * there and the popup offers to send it all (a 3 MB page would otherwise be dozens of requests).
   */
  maxTextChars: z.number().int().min(1_000).max(10_000_000).default(60_000),
  /** Overrides the model family's context size from the table in models.ts. */
  contextTokens: z.number().int().min(512).max(2_000_000).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

export interface LoadedSettings {
  settings: Settings;
  /** Fields that were invalid and took their default; 'settings' when the record itself was not an object. */
  reset: string[];
  /** A key is stored but not handed out: the record was damaged or its base URL is not the key's origin. */
  keyWithheld: boolean;
}

/**
 * Read stored settings whatever they hold: migrate old versions, replace each invalid field by its
 * default. The key is handed out only with a valid record whose base URL is on the origin the key
 * was saved for: a damaged record falls back to defaults (the default base URL is api.openai.com),
 * and a key saved for a local server must never follow it there.
 */
export function loadSettings(stored: unknown): LoadedSettings {
  const reset: string[] = [];
  const isRecord = Boolean(stored) && typeof stored === 'object' && !Array.isArray(stored);
  if (stored !== undefined && stored !== null && !isRecord) reset.push('settings');
  const raw: Record<string, unknown> = isRecord ? { ...(stored as Record<string, unknown>) } : {};
  // Unversioned early builds named the key `openaiKey` and had no base URL setting: their key was for the default server.
  const v0Key = typeof raw.openaiKey === 'string' && raw.version === undefined;
  migrateInPlace(raw);
  const out: Record<string, unknown> = {};
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (!(key in raw) || key === 'keyOrigin') continue;
    const r = shape[key].safeParse(raw[key]);
    if (r.success) out[key] = r.data;
    else reset.push(key);
  }
  out.version = SETTINGS_VERSION;
  const settings = SettingsSchema.parse(out);
  let keyWithheld = false;
  if (settings.apiKey) {
    const origin = originOfURL(settings.baseURL);
    // Records saved before keys carried their origin: the key belongs to the base URL saved with it.
    const bound =
      typeof raw.keyOrigin === 'string'
        ? raw.keyOrigin
        : 'baseURL' in raw && !reset.includes('baseURL')
          ? origin
          : v0Key
            ? originOfURL(DEFAULT_BASE_URL)
            : undefined;
    if (reset.length > 0 || origin === undefined || bound !== origin) {
      settings.apiKey = '';
      keyWithheld = true;
    } else settings.keyOrigin = origin;
  }
  return { settings, reset, keyWithheld };
}

/** The settings as they are stored: the key together with the origin it is for (none without a key). */
export function bindKey(settings: Settings): Settings {
  const { keyOrigin: _old, ...rest } = settings;
  const origin = originOfURL(settings.baseURL);
  return settings.apiKey && origin
    ? { ...rest, keyOrigin: origin }
    : { ...rest, apiKey: settings.apiKey && origin ? settings.apiKey : '' };
}

/** Whether these settings may send their key to their base URL (settings without keyOrigin come from the CLI's flags). */
export function keyMayGoTo(settings: Settings): boolean {
  return settings.keyOrigin === undefined || settings.keyOrigin === originOfURL(settings.baseURL);
}

function originOfURL(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return /^https?:$/.test(u.protocol) ? u.origin : undefined;
  } catch {
    return undefined;
  }
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

/** `text` cut to at most `max` characters at a line break (or a space) when it is longer; undefined when it fits. */
export function capText(text: string, max: number): string | undefined {
  if (text.length <= max) return undefined;
  const head = text.slice(0, max);
  const line = head.lastIndexOf('\n');
  const at = line > max * 0.8 ? line : head.lastIndexOf(' ');
  return (at > max * 0.8 ? head.slice(0, at) : head).trimEnd();
}
