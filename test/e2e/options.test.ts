/// <reference types="chrome" />
// The options page in Chromium: validation with field messages, presets, the masked key, test
// connection's mapped errors, migration of stored settings, and the missing-host-permission error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ apiKey: 'sk-options-test' }));
});

afterAll(() => closeAll(ext, site, server));

const storedSettings = () =>
  ext.worker.evaluate(
    async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined,
  );

describe('options page', () => {
  it('refuses invalid fields with a message next to each, and saves nothing', async () => {
    const o = await OptionsPage.open(ext);
    await o.fill({ baseURL: 'localhost:11434/v1' });
    await o.page.locator('summary').click();
    await o.page.getByTestId('max-tokens').fill('3');
    await o.page.getByTestId('timeout').fill('900');
    expect(await o.save()).toMatch(/Fix the highlighted fields/);
    await expect(o.page.getByTestId('error-baseURL').textContent()).resolves.toMatch(/http:\/\//);
    await expect(o.page.getByTestId('error-maxTokens').textContent()).resolves.toMatch(/16/);
    await expect(o.page.getByTestId('error-timeoutSec').textContent()).resolves.toMatch(/seconds/);
    expect(await storedSettings()).toBeUndefined();
    await o.page.close();
  });

  it('presets fill the base URL and say what the server needs', async () => {
    const o = await OptionsPage.open(ext);
    await o.page.getByTestId('preset-ollama').click();
    await expect(o.page.getByTestId('base-url').inputValue()).resolves.toBe('http://localhost:11434/v1');
    await expect(o.page.getByTestId('preset-help').textContent()).resolves.toMatch(/OLLAMA_ORIGINS/);
    await o.page.getByTestId('preset-lmstudio').click();
    await expect(o.page.getByTestId('preset-help').textContent()).resolves.toMatch(/CORS/);
    await o.page.getByTestId('preset-azure').click();
    await expect(o.page.getByTestId('preset-help').textContent()).resolves.toMatch(/deployment name/);
    await o.page.close();
  });

  it('masks the key, with a Show toggle', async () => {
    const o = await OptionsPage.open(ext);
    await o.fill({ apiKey: 'sk-visible?' });
    await expect(o.page.getByTestId('api-key').getAttribute('type')).resolves.toBe('password');
    await o.page.getByTestId('show-key').click();
    await expect(o.page.getByTestId('api-key').getAttribute('type')).resolves.toBe('text');
    await expect(o.page.getByTestId('api-key').inputValue()).resolves.toBe('sk-visible?');
    await o.page.close();
  });

  it('test connection shows the mapped error for a wrong key and for an unknown model, then success', async () => {
    const o = await OptionsPage.open(ext);
    await o.fill({ baseURL: server.url, apiKey: 'sk-wrong', model: 'davinci-002' });
    expect(await o.testConnection()).toMatch(/key/i);
    await o.fill({ apiKey: 'sk-options-test', model: 'no-such-model' });
    expect(await o.testConnection()).toMatch(/no-such-model/);
    await o.fill({ model: 'davinci-002' });
    expect(await o.testConnection()).toMatch(/^Connected: davinci-002/);
    // Testing saves nothing.
    expect(await storedSettings()).toBeUndefined();
    await o.page.close();
  });

  it('stored settings from an old version are migrated and the key kept', async () => {
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { openaiKey: 'sk-old-key', baseUrl: 'http://localhost:8000/v1', maxTokens: 300 },
      }),
    );
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('base-url').inputValue()).resolves.toBe('http://localhost:8000/v1');
    await expect(o.page.getByTestId('api-key').getAttribute('placeholder')).resolves.toMatch(/saved/);
    await o.page.locator('summary').click();
    await expect(o.page.getByTestId('max-tokens').inputValue()).resolves.toBe('300');
    await o.save();
    expect(await storedSettings()).toMatchObject({
      version: 1,
      apiKey: 'sk-old-key',
      keyOrigin: 'http://localhost:8000',
      baseURL: 'http://localhost:8000/v1',
      maxTokens: 300,
    });
    await o.page.close();
  });

  it('a damaged stored record: the page says the settings were reset and the saved key is not used', async () => {
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { openaiKey: 'sk-old-key', baseUrl: 'http://localhost:8000/v1', maxTokens: 'lots' },
      }),
    );
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('settings-reset').textContent()).resolves.toMatch(
      /\(maxTokens\).*key is not used until you enter/,
    );
    await expect(o.page.getByTestId('api-key').getAttribute('placeholder')).resolves.not.toMatch(/saved/);
    await o.fill({ apiKey: 'sk-entered-again' });
    await o.save();
    expect(await storedSettings()).toMatchObject({
      apiKey: 'sk-entered-again',
      baseURL: 'http://localhost:8000/v1',
      maxTokens: 512,
    });
    await expect(o.page.getByTestId('settings-reset').count()).resolves.toBe(0);
    await o.page.close();
  });

  it('a base URL whose host was not granted gives the host_permission error with a way to the settings', async () => {
    // As if saved while the permission prompt was refused.
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: { version: 1, baseURL: 'https://models.example.net/v1', apiKey: 'sk-x', model: 'gpt-4o-mini' },
      }),
    );
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('host_permission');
    expect(await popup.errorText()).toMatch(/models\.example\.net[\s\S]*Save/);
    await expect(popup.page.getByTestId('open-settings').isVisible()).resolves.toBe(true);
    await popup.close();
    await job.close();
  });
});
