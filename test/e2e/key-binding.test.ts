/// <reference types="chrome" />
// The API key only ever goes to the server it was saved for, in Chromium with the built extension:
// a key saved for server A is not sent to server B (a second test server) by Test connection nor,
// after Save, by an extraction; the page says so next to the key field; "Remove key" removes it.
// Both servers record the key each request carried (test/server/openai-server.ts `apiKey`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY_A = 'sk-key-for-server-a-0001';
const KEY_B = 'sk-key-for-server-b-0002';
const MODEL = 'davinci-002';

let ext: ExtensionBrowser;
let a: OpenAIServer;
let b: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server: a, site, ext } = await startTestBed({ apiKey: KEY_A }));
  b = await startOpenAIServer({ apiKey: KEY_B });
});

afterAll(() => closeAll(ext, site, a, b));

const storedSettings = () =>
  ext.worker.evaluate(
    async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined,
  );
const host = (url: string) => new URL(url).host;
const keysSeenBy = (s: OpenAIServer) => s.requests.map((r) => r.apiKey);

describe('the API key is bound to the server it was saved for', () => {
  it('a key saved for server A is used with server A', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: a.url, apiKey: KEY_A, model: MODEL, mode: 'auto' })).toBe(
      'Saved.',
    );
    const o = await OptionsPage.open(ext);
    expect(await o.testConnection()).toMatch(/^Connected: davinci-002/);
    expect(keysSeenBy(a)).toContain(KEY_A);
    await expect(o.page.getByTestId('key-origin-note').count()).resolves.toBe(0);
    // Same server, other fields changed: the key stays.
    await o.page.locator('summary').click();
    await o.page.getByTestId('max-tokens').fill('256');
    expect(await o.save()).toBe('Saved.');
    expect(await storedSettings()).toMatchObject({ baseURL: a.url, apiKey: KEY_A, maxTokens: 256 });
    expect(await o.page.content()).not.toContain(KEY_A);
    await o.page.close();
  });

  it('switched to server B, Test connection sends no key there and says to enter the key for B', async () => {
    const o = await OptionsPage.open(ext);
    await o.fill({ baseURL: b.url });
    const note = o.page.getByTestId('key-origin-note');
    await expect(note.textContent()).resolves.toMatch(
      new RegExp(`saved key was for ${host(a.url)}; enter the key for this server`),
    );
    const before = b.requests.length;
    const message = await o.testConnection();
    expect(message).toMatch(/401/);
    expect(message).toContain(`Enter the key for ${host(b.url)}`);
    expect(b.requests.length).toBeGreaterThan(before);
    expect(keysSeenBy(b)).not.toContain(KEY_A);
    // Testing saved nothing: the key is still saved, for server A.
    expect(await storedSettings()).toMatchObject({ baseURL: a.url, apiKey: KEY_A });
    // Back on server A, the saved key is used again.
    await o.fill({ baseURL: a.url });
    await expect(note.count()).resolves.toBe(0);
    expect(await o.testConnection()).toMatch(/^Connected/);
    await o.page.close();
  });

  it('saved with server B and no new key, the old key is dropped and B never receives it', async () => {
    const o = await OptionsPage.open(ext);
    await o.fill({ baseURL: b.url });
    const notice = await o.save();
    expect(notice).toMatch(new RegExp(`^Saved\\. The key saved for ${host(a.url)} was removed`));
    expect(await storedSettings()).toMatchObject({ baseURL: b.url, apiKey: '' });
    // Nothing saved now: no note, no Remove key, the hint says so.
    await expect(o.page.getByTestId('key-origin-note').count()).resolves.toBe(0);
    await expect(o.page.getByTestId('remove-key').count()).resolves.toBe(0);
    await expect(o.page.getByText('No key saved.').isVisible()).resolves.toBe(true);
    await o.page.close();

    // An extraction now goes to B without any key: B answers 401.
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('invalid_key');
    await popup.close();
    await job.close();
    expect(b.modelRequests().length).toBeGreaterThan(0);
    expect(keysSeenBy(b)).not.toContain(KEY_A);
  });

  it('Remove key removes the saved key and shows that none is saved', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: b.url, apiKey: KEY_B })).toBe('Saved.');
    expect(await storedSettings()).toMatchObject({ baseURL: b.url, apiKey: KEY_B });
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('api-key').getAttribute('placeholder')).resolves.toMatch(/saved/);
    // An unsaved edit stays in the form and is not saved by Remove key.
    await o.fill({ model: 'unsaved-model' });
    await o.page.getByTestId('remove-key').click();
    await expect(o.page.getByTestId('notice').filter({ hasText: 'Key removed' }).textContent()).resolves.toMatch(
      /no key is saved/,
    );
    await expect(o.page.getByTestId('remove-key').count()).resolves.toBe(0);
    await expect(o.page.getByText('No key saved.').isVisible()).resolves.toBe(true);
    await expect(o.page.getByTestId('model').inputValue()).resolves.toBe('unsaved-model');
    expect(await storedSettings()).toMatchObject({ baseURL: b.url, apiKey: '', model: MODEL });
    await o.page.close();
    // Reopened: still no key.
    const again = await OptionsPage.open(ext);
    await expect(again.page.getByTestId('api-key').getAttribute('placeholder')).resolves.not.toMatch(/saved/);
    await expect(again.page.getByTestId('remove-key').count()).resolves.toBe(0);
    await again.page.close();
    expect(keysSeenBy(b)).not.toContain(KEY_A);
  });
});
