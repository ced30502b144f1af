// The saved API key is bound to the origin it was saved for: loadSettings hands it out only for a
// valid settings record whose base URL is on that origin. Any damage to the stored record (a base
// URL that is not a URL, a missing base URL, a record replaced by a string or an array) withholds
// it, so the default base URL (api.openai.com) never receives a key saved for another server.
// Error messages never carry a key.
import { describe, expect, it } from 'vitest';
import { redactSecrets, toErrorInfo } from '../../src/core/errors';
import { bindKey, defaultSettings, loadSettings } from '../../src/core/settings';

const KEY = 'sk-local-key-0123456789';
const LOCAL = 'http://127.0.0.1:8080/v1';
const saved = () => bindKey({ ...defaultSettings(), baseURL: LOCAL, apiKey: KEY, model: 'm' });

describe('the key is bound to its origin', () => {
  it('a key saved for a server is stored with its origin and read back for it', () => {
    expect(saved().keyOrigin).toBe('http://127.0.0.1:8080');
    const { settings, keyWithheld } = loadSettings(structuredClone(saved()));
    expect(settings.apiKey).toBe(KEY);
    expect(keyWithheld).toBe(false);
  });

  it.each([
    ['baseURL 12345', { baseURL: 12345 }],
    ['baseURL "not a url"', { baseURL: 'not a url' }],
    ['baseURL removed', { baseURL: undefined }],
    ['baseURL moved to api.openai.com', { baseURL: 'https://api.openai.com/v1' }],
    ['keyOrigin changed', { keyOrigin: 'https://api.openai.com' }],
    ['maxTokens damaged', { maxTokens: 'lots' }],
  ])('%s: the key is withheld and the base URL never gets it', (_name, patch) => {
    const stored: Record<string, unknown> = { ...saved(), ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete stored[k];
    const { settings, keyWithheld } = loadSettings(stored);
    expect(settings.apiKey).toBe('');
    expect(keyWithheld).toBe(true);
  });

  it('an older record without keyOrigin keeps its key for its own valid base URL only', () => {
    const { keyOrigin: _k, ...legacy } = saved();
    expect(loadSettings(legacy).settings.apiKey).toBe(KEY);
    const { baseURL: _b, ...noBase } = legacy;
    expect(loadSettings(noBase).settings.apiKey).toBe('');
  });

  it.each([
    ['a string', 'garbage'],
    ['an array', [KEY, LOCAL]],
    ['a number', 42],
  ])('a record replaced by %s: defaults, reported as reset, no key', (_n, stored) => {
    const { settings, reset } = loadSettings(stored);
    expect(settings).toEqual(defaultSettings());
    expect(reset).toContain('settings');
  });

  it('bindKey drops the origin when there is no key', () => {
    expect(bindKey({ ...defaultSettings(), apiKey: '' }).keyOrigin).toBeUndefined();
  });
});

describe('messages never carry a key', () => {
  it('redacts sk-… tokens and the given secrets', () => {
    expect(redactSecrets(`401: Incorrect API key provided: ${KEY}.`)).not.toContain(KEY);
    expect(redactSecrets('bad key my-own-secret-value here', ['my-own-secret-value'])).toBe('bad key [redacted] here');
    expect(redactSecrets('no secret here')).toBe('no secret here');
  });
  it('toErrorInfo redacts whatever it is given', () => {
    expect(toErrorInfo(new Error(`echo ${KEY}`)).message).not.toContain(KEY);
  });
});
