import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  loadSettings,
  MIGRATIONS,
  resolveProvider,
  SETTINGS_VERSION,
  SettingsSchema,
} from '../../src/core/settings';

describe('settings', () => {
  it('defaults are valid and point at OpenAI with the seed format', () => {
    const s = defaultSettings();
    expect(SettingsSchema.parse(s)).toEqual(s);
    expect(s.baseURL).toBe('https://api.openai.com/v1');
    expect(s.separator).toBe('\n\n###\n\n');
    expect(s.stop).toBe(' END');
    expect(s.version).toBe(SETTINGS_VERSION);
  });

  it('falls back to defaults for invalid fields and withholds the key (it stays stored, unused)', () => {
    const { settings, reset, keyWithheld } = loadSettings({
      version: 1,
      apiKey: 'sk-test',
      baseURL: 'not a url',
      maxTokens: 'lots',
      mode: 'weird',
      model: 'ft:davinci-002:acme::x1',
    });
    expect(settings.apiKey).toBe('');
    expect(keyWithheld).toBe(true);
    expect(settings.model).toBe('ft:davinci-002:acme::x1');
    expect(settings.baseURL).toBe('https://api.openai.com/v1');
    expect(settings.maxTokens).toBe(defaultSettings().maxTokens);
    expect(settings.mode).toBe('auto');
    expect(reset.sort()).toEqual(['baseURL', 'maxTokens', 'mode']);
  });

  it('reads garbage as defaults', () => {
    for (const junk of [null, undefined, 42, 'x', [], [1, 2]])
      expect(loadSettings(junk).settings).toEqual(defaultSettings());
  });

  it('drops unknown keys', () => {
    const { settings } = loadSettings({ version: 1, surprise: true });
    expect(settings).toEqual(defaultSettings());
  });

  it('migration 0 -> 1 moves openaiKey and baseUrl', () => {
    const s: Record<string, unknown> = { openaiKey: 'sk-old', baseUrl: 'http://127.0.0.1:8080/v1' };
    MIGRATIONS[0](s);
    expect(s).toEqual({ apiKey: 'sk-old', baseURL: 'http://127.0.0.1:8080/v1' });
    const { settings } = loadSettings({ openaiKey: 'sk-old', baseUrl: 'http://127.0.0.1:8080/v1' });
    expect(settings.apiKey).toBe('sk-old');
    expect(settings.baseURL).toBe('http://127.0.0.1:8080/v1');
    expect(settings.version).toBe(SETTINGS_VERSION);
  });

  it('every version below the current one has a migration', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('resolves the provider: local until a model is set', () => {
    expect(resolveProvider(defaultSettings())).toBe('local');
    expect(resolveProvider({ ...defaultSettings(), model: 'gpt-4o-mini' })).toBe('openai');
    expect(resolveProvider({ ...defaultSettings(), model: 'gpt-4o-mini', provider: 'local' })).toBe('local');
  });
});
