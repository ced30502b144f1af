// The options form (strings <-> settings), presets, the worker's draft merge (key kept), host
// permission patterns and the popup's URL parameters.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import { applyDraft } from '../../src/background/settings';
import { originPattern } from '../../src/shared/server-origin';
import { defaultSettings } from '../../src/core/settings';
import { escapeControl, issuesToForm, toDraft, toForm, unescapeControl, validateForm } from '../../src/options/form';
import { isPreGrantedHost, SERVER_PRESETS } from '../../src/options/presets';
import { readPopupParams } from '../../src/popup/target-tab';
import { toPublicSettings } from '../../src/shared/storage';
import manifest from '../../manifest.json' with { type: 'json' };

describe('options form', () => {
  it('shows line breaks as \\n and reads them back', () => {
    expect(escapeControl('\n\n###\n\n')).toBe('\\n\\n###\\n\\n');
    for (const s of ['\n\n###\n\n', ' END', 'a\\nb', '\t\\\n']) expect(unescapeControl(escapeControl(s))).toBe(s);
  });
  it('round-trips the defaults', () => {
    const form = toForm(toPublicSettings(defaultSettings()));
    expect(form.timeoutSec).toBe('45');
    expect(validateForm(form)).toEqual({});
    const draft = toDraft(form);
    expect(draft).toMatchObject({ separator: '\n\n###\n\n', stop: ' END', maxTokens: 512, timeoutMs: 45_000 });
  });
  it('gives a message per invalid field', () => {
    const form = {
      ...toForm(toPublicSettings(defaultSettings())),
      baseURL: 'localhost:11434',
      maxTokens: '3',
      timeoutSec: '600',
      separator: '',
    };
    const issues = validateForm(form);
    expect(Object.keys(issues).sort()).toEqual(['baseURL', 'maxTokens', 'separator', 'timeoutSec']);
    expect(issues.baseURL).toMatch(/http:\/\//);
    expect(validateForm({ ...form, baseURL: 'not a url' }).baseURL).toMatch(/full URL/);
    expect(issues.timeoutSec).toMatch(/seconds/);
  });
  it('maps worker field names to form fields', () => {
    expect(issuesToForm({ timeoutMs: 'x', model: 'y' })).toEqual({
      timeoutSec: expect.stringMatching(/seconds/),
      model: 'y',
    });
  });
});

describe('applyDraft (worker side of save and test)', () => {
  const saved = { ...defaultSettings(), apiKey: 'sk-saved', model: 'old' };
  it('keeps the saved key when the draft has none', () => {
    const { settings } = applyDraft(saved, { settings: { model: 'new' } });
    expect(settings).toMatchObject({ apiKey: 'sk-saved', model: 'new' });
  });
  it('replaces the key when given; an empty key removes it', () => {
    expect(applyDraft(saved, { settings: {}, apiKey: 'sk-new' }).settings?.apiKey).toBe('sk-new');
    expect(applyDraft(saved, { settings: {}, apiKey: '' }).settings?.apiKey).toBe('');
  });
  it('ignores an apiKey smuggled in the settings record', () => {
    expect(applyDraft(saved, { settings: { apiKey: 'sk-evil', hasKey: false } }).settings?.apiKey).toBe('sk-saved');
  });
  it('returns field issues instead of saving invalid settings', () => {
    const r = applyDraft(saved, { settings: { baseURL: 'nope', mode: 'fast' } });
    expect(r.settings).toBeUndefined();
    expect(Object.keys(r.issues ?? {}).sort()).toEqual(['baseURL', 'mode']);
  });
});

describe('host permissions', () => {
  it('match patterns drop the port and path', () => {
    expect(originPattern('https://my.openai.azure.com/openai/v1/')).toBe('https://my.openai.azure.com/*');
    expect(originPattern('http://localhost:11434/v1')).toBe('http://localhost/*');
  });
  it('the manifest grants exactly the pre-granted hosts', () => {
    expect(manifest.host_permissions).toEqual(['https://api.openai.com/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(isPreGrantedHost('https://api.openai.com/v1')).toBe(true);
    expect(isPreGrantedHost('http://127.0.0.1:8080/v1')).toBe(true);
    expect(isPreGrantedHost('http://localhost:11434/v1')).toBe(true);
    expect(isPreGrantedHost('https://localhost:11434/v1')).toBe(false);
    expect(isPreGrantedHost('https://x.openai.azure.com/openai/v1/')).toBe(false);
    expect(isPreGrantedHost('garbage')).toBe(false);
  });
  it('every preset URL is valid and explained', () => {
    expect(SERVER_PRESETS.map((p) => p.name)).toEqual([
      'OpenAI',
      'Azure OpenAI',
      'Ollama',
      'LM Studio',
      'vLLM',
      'llama.cpp',
    ]);
    for (const p of SERVER_PRESETS) {
      expect(() => new URL(p.baseURL)).not.toThrow();
      expect(p.help.length).toBeGreaterThan(40);
    }
    expect(SERVER_PRESETS.find((p) => p.id === 'ollama')?.help).toMatch(/OLLAMA_ORIGINS/);
    // Firefox's extension origin is moz-extension://, Chrome's and Edge's chrome-extension://.
    expect(SERVER_PRESETS.find((p) => p.id === 'ollama')?.help).toMatch(/chrome-extension:\/\/\*,moz-extension:\/\/\*/);
    expect(SERVER_PRESETS.find((p) => p.id === 'lmstudio')?.help).toMatch(/CORS/);
    expect(SERVER_PRESETS.find((p) => p.id === 'azure')?.help).toMatch(/deployment/);
  });
});

describe('popup URL parameters', () => {
  it('reads ?tabId and ?selection: with a tab, a detached window that follows it; without, the toolbar popup', () => {
    expect(readPopupParams('?tabId=12')).toEqual({ mode: 'window', tabId: 12, windowId: undefined, selection: false });
    expect(readPopupParams('?tabId=12&selection=1')).toEqual({
      mode: 'window',
      tabId: 12,
      windowId: undefined,
      selection: true,
    });
    expect(readPopupParams('')).toEqual({ mode: 'popup', tabId: undefined, windowId: undefined, selection: false });
    expect(readPopupParams('?tabId=abc')).toEqual({
      mode: 'popup',
      tabId: undefined,
      windowId: undefined,
      selection: false,
    });
    expect(readPopupParams('?tabId=-1')).toEqual({
      mode: 'popup',
      tabId: undefined,
      windowId: undefined,
      selection: false,
    });
  });
  it('the side panel follows the active tab of its window (?windowId pins one)', () => {
    expect(readPopupParams('', true)).toEqual({
      mode: 'panel',
      tabId: undefined,
      windowId: undefined,
      selection: false,
    });
    expect(readPopupParams('?windowId=3&tabId=9', true)).toEqual({
      mode: 'panel',
      tabId: undefined,
      windowId: 3,
      selection: false,
    });
  });
});
