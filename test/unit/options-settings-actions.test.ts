// The options page's settings use cases without a page: the key-drop rule (a key saved for one
// server is neither sent to nor kept for another), the one check before Save and Test send
// anything, the host permission asked for on Save, and what each action tells the page. The
// worker and the browser's permission prompt are replaced by recording fakes.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  sent: [] as { name: string; req: unknown }[],
  replies: {} as Record<string, unknown>,
  permissionRequests: [] as unknown[],
  grant: true,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: {
      request: (p: unknown) => {
        fake.permissionRequests.push(p);
        return Promise.resolve(fake.grant);
      },
    },
  },
}));

vi.mock('../../src/shared/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/shared/messages')>()),
  sendMessage: (name: string, req: unknown) => {
    fake.sent.push({ name, req });
    const reply = fake.replies[name];
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  },
}));

import { defaultSettings } from '../../src/core/settings';
import { toForm } from '../../src/options/form';
import { formProblems, keySavedFor, removeKey, saveSettings, testConnection } from '../../src/options/settings-actions';
import { toPublicSettings } from '../../src/shared/storage';

const A = 'https://a.example/v1';
const B = 'https://b.example/v1';
const savedFor = (baseURL: string, hasKey = true) => ({ ...toPublicSettings(defaultSettings()), baseURL, hasKey });
const formFor = (baseURL: string) => ({ ...toForm(savedFor(baseURL)), baseURL });

beforeEach(() => {
  fake.sent = [];
  fake.replies = {};
  fake.permissionRequests = [];
  fake.grant = true;
});

describe('the key-drop rule', () => {
  it("names the saved key's host only when the form points at another server", () => {
    expect(keySavedFor(savedFor(A), B)).toBe('a.example');
    expect(keySavedFor(savedFor(A), `${A}/`)).toBeUndefined();
    expect(keySavedFor(savedFor(A, false), B)).toBeUndefined();
    expect(keySavedFor(undefined, B)).toBeUndefined();
    // A base URL still being typed is not another server yet.
    expect(keySavedFor(savedFor(A), 'https://')).toBeUndefined();
  });

  it('Save without a new key on another server says the old key was removed', async () => {
    fake.replies['save-settings'] = { ok: true, settings: savedFor(B, false) };
    const outcome = await saveSettings(formFor(B), '', savedFor(A));
    expect(outcome.notice.kind).toBe('ok');
    expect(outcome.notice.text).toMatch(/^Saved\. The key saved for a\.example was removed/);
    expect(fake.sent[0]).toMatchObject({ name: 'save-settings', req: { settings: { baseURL: B } } });
    expect(fake.sent[0].req).not.toHaveProperty('apiKey');
  });

  it('Save with a typed key sends it trimmed and says nothing of the old one', async () => {
    fake.replies['save-settings'] = { ok: true, settings: savedFor(B) };
    const outcome = await saveSettings(formFor(B), '  sk-b  ', savedFor(A));
    expect(outcome.notice).toEqual({ kind: 'ok', text: 'Saved.' });
    expect(fake.sent[0].req).toMatchObject({ apiKey: 'sk-b' });
  });
});

describe('the check before sending', () => {
  it('an invalid form gets its field messages and the one notice, a valid one nothing', () => {
    expect(formProblems({ ...formFor(A), baseURL: 'localhost:11434/v1', maxTokens: '3' })).toMatchObject({
      issues: { baseURL: expect.stringMatching(/http:\/\//), maxTokens: expect.any(String) },
      notice: { kind: 'error', text: 'Fix the highlighted fields.' },
    });
    expect(formProblems(formFor(A))).toBeUndefined();
  });
});

describe('Save', () => {
  it('asks for a host the manifest does not grant, and says so when refused, saving all the same', async () => {
    fake.grant = false;
    fake.replies['save-settings'] = { ok: true, settings: savedFor(B) };
    const outcome = await saveSettings(formFor(B), '', savedFor(B));
    expect(fake.permissionRequests).toEqual([{ origins: ['https://b.example/*'] }]);
    expect(outcome.saved?.baseURL).toBe(B);
    expect(outcome.notice.kind).toBe('error');
    expect(outcome.notice.text).toMatch(/^Saved\. The browser did not grant access to b\.example/);
  });

  it('asks nothing for a pre-granted host', async () => {
    fake.replies['save-settings'] = { ok: true, settings: savedFor('http://localhost:11434/v1') };
    await saveSettings(formFor('http://localhost:11434/v1'), '', undefined);
    expect(fake.permissionRequests).toEqual([]);
  });

  it("shows the worker's field messages in form terms when it refuses", async () => {
    fake.replies['save-settings'] = { ok: false, issues: { timeoutMs: 'too long' } };
    const outcome = await saveSettings(formFor(A), '', undefined);
    expect(outcome.saved).toBeUndefined();
    expect(Object.keys(outcome.issues ?? {})).toEqual(['timeoutSec']);
    expect(outcome.notice.text).toBe('Fix the highlighted fields.');
  });

  it('a failed message becomes an error notice with its text, no stack', async () => {
    fake.replies['save-settings'] = new Error('The background worker did not answer.');
    const outcome = await saveSettings(formFor(A), '', undefined);
    expect(outcome.notice).toEqual({ kind: 'error', text: 'The background worker did not answer.' });
  });
});

describe('Test connection and Remove key', () => {
  it("Test connection returns the worker's message and field messages", async () => {
    fake.replies['test-connection'] = { ok: false, message: 'Wrong key.', issues: { apiKey: 'Enter a key.' } };
    expect(await testConnection(formFor(A), 'sk')).toEqual({
      issues: { apiKey: 'Enter a key.' },
      notice: { kind: 'error', text: 'Wrong key.' },
    });
    expect(fake.sent[0]).toMatchObject({ name: 'test-connection', req: { apiKey: 'sk' } });
  });

  it('Remove key sends an empty draft with an empty key', async () => {
    fake.replies['save-settings'] = { ok: true, settings: savedFor(A, false) };
    const outcome = await removeKey();
    expect(fake.sent).toEqual([{ name: 'save-settings', req: { settings: {}, apiKey: '' } }]);
    expect(outcome.notice).toEqual({ kind: 'ok', text: 'Key removed: no key is saved now.' });
    fake.replies['save-settings'] = { ok: false };
    expect((await removeKey()).notice.kind).toBe('error');
  });
});
