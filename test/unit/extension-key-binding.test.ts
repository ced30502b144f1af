// The API key belongs to the server it was saved for: a settings draft pointed at another origin
// gets no saved key (applyDraft), so Test connection sends none there and Save drops it; the same
// origin keeps it; '' removes it. The worker's save and test handlers run here against two test
// servers, with the `browser` they use replaced by an in-memory storage.local.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const data: Record<string, unknown> = {};
  const local = {
    data,
    async get(keys: string | string[]) {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
  // An empty storage.session: saving settings looks there for finished jobs made with other settings.
  const session = {
    async get(_keys: string | string[] | null): Promise<Record<string, unknown>> {
      return {};
    },
    async set() {},
    async remove() {},
  };
  return { local, session };
});
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'test-extension-id' },
    storage: { local: fake.local, session: fake.session },
    // The manifest grants http://127.0.0.1/*: the test servers' host.
    permissions: { contains: async () => true },
  },
}));

import { applyDraft, handleSaveSettings } from '../../src/background/settings';
import { handleTestConnection } from '../../src/background/test-connection';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { hostOf, isOtherServer, originOf } from '../../src/shared/server-origin';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';

const OPENAI_KEY = 'sk-key-for-openai-0001';

describe('origins of base URLs (shared/server-origin)', () => {
  it('compares scheme, host and port, not the path', () => {
    expect(isOtherServer('https://api.openai.com/v1', 'https://api.openai.com/v1/')).toBe(false);
    expect(isOtherServer('https://api.openai.com/v1', 'https://API.openai.com/other')).toBe(false);
    expect(isOtherServer('https://api.openai.com/v1', 'https://api.openai.com:443/v1')).toBe(false);
    expect(isOtherServer('https://api.openai.com/v1', 'http://api.openai.com/v1')).toBe(true);
    expect(isOtherServer('http://localhost:11434/v1', 'http://localhost:1234/v1')).toBe(true);
    expect(isOtherServer('https://api.openai.com/v1', 'https://api.openai.com.evil.example/v1')).toBe(true);
    expect(isOtherServer('https://api.openai.com/v1', 'https://YOUR-RESOURCE.openai.azure.com/openai/v1/')).toBe(true);
    expect(isOtherServer('https://api.openai.com/v1', 'not a url')).toBe(true);
  });
  it('names hosts as the user knows them', () => {
    expect(hostOf('https://api.openai.com/v1')).toBe('api.openai.com');
    expect(hostOf('http://127.0.0.1:8080/v1')).toBe('127.0.0.1:8080');
    expect(originOf('localhost:11434/v1')).not.toBe('http://localhost:11434');
    expect(originOf('')).toBeUndefined();
  });
});

describe('applyDraft binds the saved key to its origin', () => {
  const saved: Settings = { ...defaultSettings(), apiKey: OPENAI_KEY, model: 'ft:davinci-002:org:jobs:1' };

  it('another origin without a new key: no key, and says whose key was withheld', () => {
    const r = applyDraft(saved, { settings: { baseURL: 'http://localhost:11434/v1', model: 'llama3' } });
    expect(r.settings).toMatchObject({ baseURL: 'http://localhost:11434/v1', model: 'llama3', apiKey: '' });
    expect(r.withheldKeyFor).toBe('api.openai.com');
  });
  it('another port on the same host is another server', () => {
    const local = { ...saved, baseURL: 'http://127.0.0.1:8001/v1' };
    expect(applyDraft(local, { settings: { baseURL: 'http://127.0.0.1:8002/v1' } }).settings?.apiKey).toBe('');
  });
  it('the same origin keeps the saved key, whatever the path', () => {
    const r = applyDraft(saved, { settings: { baseURL: 'https://api.openai.com/v1/', model: 'new' } });
    expect(r.settings).toMatchObject({ apiKey: OPENAI_KEY, model: 'new' });
    expect(r.withheldKeyFor).toBeUndefined();
    expect(applyDraft(saved, { settings: { model: 'new' } }).settings?.apiKey).toBe(OPENAI_KEY);
  });
  it('a new key goes with the new origin; an empty key removes the saved one', () => {
    const r = applyDraft(saved, { settings: { baseURL: 'http://localhost:8000/v1' }, apiKey: 'sk-vllm' });
    expect(r.settings?.apiKey).toBe('sk-vllm');
    expect(r.withheldKeyFor).toBeUndefined();
    expect(applyDraft(saved, { settings: {}, apiKey: '' }).settings?.apiKey).toBe('');
    expect(applyDraft(saved, { settings: {}, apiKey: '   ' }).settings?.apiKey).toBe('');
  });
  it('a key smuggled in the settings record neither moves nor keeps the saved key elsewhere', () => {
    const r = applyDraft(saved, {
      settings: { baseURL: 'http://localhost:8000/v1', apiKey: OPENAI_KEY, hasKey: true },
    });
    expect(r.settings?.apiKey).toBe('');
  });
  it('nothing saved: nothing withheld', () => {
    const r = applyDraft(defaultSettings(), { settings: { baseURL: 'http://localhost:8000/v1' } });
    expect(r.settings?.apiKey).toBe('');
    expect(r.withheldKeyFor).toBeUndefined();
  });
  it('invalid drafts still give field issues', () => {
    const r = applyDraft(saved, { settings: { baseURL: 'nope' } });
    expect(r.settings).toBeUndefined();
    expect(Object.keys(r.issues ?? {})).toEqual(['baseURL']);
  });
});

describe('the worker never sends a key to a server it was not saved for', () => {
  const KEY_A = 'sk-server-a-key-0001';
  let a: OpenAIServer;
  let b: OpenAIServer;
  let open: OpenAIServer;
  const model = 'davinci-002';

  beforeAll(async () => {
    a = await startOpenAIServer({ apiKey: KEY_A });
    b = await startOpenAIServer({ apiKey: 'sk-server-b-key-0002' }); // needs its own key
    open = await startOpenAIServer({}); // a local server that needs none
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await open.close();
  });
  beforeEach(async () => {
    for (const k of Object.keys(fake.local.data)) delete fake.local.data[k];
    expect((await handleSaveSettings({ settings: { baseURL: a.url, model }, apiKey: KEY_A })).settings?.hasKey).toBe(
      true,
    );
  });

  const keysSeen = (s: OpenAIServer) => s.requests.map((r) => r.apiKey);
  const stored = () => fake.local.data.settings as Settings;

  it('test connection on the saved server uses the saved key', async () => {
    const reply = await handleTestConnection({ settings: { baseURL: a.url, model } });
    expect(reply).toMatchObject({ ok: true });
    expect(keysSeen(a)).toContain(KEY_A);
  });

  it('test connection on another server sends no key: a 401 there says to enter its key', async () => {
    const reply = await handleTestConnection({ settings: { baseURL: b.url, model } });
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain(`the saved key was for ${hostOf(a.url)}`);
    expect(reply.message).toMatch(new RegExp(`Enter the key for ${hostOf(b.url).replace(/\./g, '\\.')}`));
    expect(reply.message).not.toContain(KEY_A);
    expect(b.requests.length).toBeGreaterThan(0);
    expect(keysSeen(b)).not.toContain(KEY_A);
    // Testing saved nothing: the key is still there, for server A.
    expect(stored()).toMatchObject({ baseURL: a.url, apiKey: KEY_A });
  });

  it('test connection on a local server that needs no key connects without the saved key', async () => {
    const reply = await handleTestConnection({ settings: { baseURL: open.url, model } });
    expect(reply).toMatchObject({ ok: true });
    expect(keysSeen(open)).not.toContain(KEY_A);
  });

  it('saving another server without a key drops the saved key; with a key keeps the new one', async () => {
    const reply = await handleSaveSettings({ settings: { baseURL: b.url, model } });
    expect(reply.settings).toMatchObject({ baseURL: b.url, hasKey: false });
    expect(stored()).toMatchObject({ baseURL: b.url, apiKey: '' });
    await handleSaveSettings({ settings: { baseURL: open.url, model }, apiKey: 'sk-typed' });
    expect(stored()).toMatchObject({ baseURL: open.url, apiKey: 'sk-typed' });
  });

  it('an empty key removes the saved key and nothing else', async () => {
    const reply = await handleSaveSettings({ settings: {}, apiKey: '' });
    expect(reply.settings).toMatchObject({ baseURL: a.url, model, hasKey: false });
    expect(stored().apiKey).toBe('');
  });
});
