/// <reference types="chrome" />
// The saved key never reaches api.openai.com after damage to the stored settings. api.openai.com
// is mapped to a local HTTPS stand-in (a throwaway certificate made here with openssl,
// --host-resolver-rules, --ignore-certificate-errors); the key is saved for a local test server;
// then the stored settings are damaged in each way an unlucky profile or a bug could, and an
// extraction runs. The stand-in records every key it is sent: it must never see the saved one.
// Also: the page's world (the injected capture script's) cannot read storage.local.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  launchExtension,
  OptionsPage,
  PopupPage,
  startJobSite,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-local-server-key-000111';
const OPENAI_KEY = 'sk-key-meant-for-openai-0002';
const MODEL = 'davinci-002';

let ext: ExtensionBrowser;
let local: OpenAIServer;
let standIn: OpenAIServer;
let site: JobSite;
let certDir: string;
/** The settings as saved through the options page for the local server. */
let saved: Record<string, unknown>;

function throwawayCertificate(): { key: string; cert: string } {
  certDir = mkdtempSync(join(tmpdir(), 'job-entities-cert-'));
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=api.openai.com',
      '-addext',
      'subjectAltName=DNS:api.openai.com',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

beforeAll(async () => {
  standIn = await startOpenAIServer({ tls: throwawayCertificate() });
  local = await startOpenAIServer({ apiKey: KEY });
  site = await startJobSite();
  ext = await launchExtension({
    args: [`--host-resolver-rules=MAP api.openai.com:443 127.0.0.1:${standIn.port}`, '--ignore-certificate-errors'],
  });
}, 60_000);

afterAll(async () => {
  await closeAll(ext, site, local, standIn);
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

const setStored = (value: unknown) =>
  ext.worker.evaluate(async (v) => void (await chrome.storage.local.set({ settings: v })), value);
const getStored = () =>
  ext.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);

async function extractOnce(): Promise<{ state: string; code: string | null }> {
  await ext.worker.evaluate(async () => {
    await chrome.storage.session.clear();
    await chrome.storage.local.remove('resultCache');
  });
  const job = await ext.context.newPage();
  await job.goto(site.url('backend-engineer.html'));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
  const state = await popup.settled(40_000);
  const code = state === 'done' ? null : await popup.errorCode();
  await popup.close();
  await job.close();
  return { state, code };
}

describe('the key never reaches api.openai.com after damage to the stored settings', () => {
  it('the stand-in answers for api.openai.com (so the checks below can see a leak)', async () => {
    expect(
      await OptionsPage.configure(ext, {
        baseURL: 'https://api.openai.com/v1',
        apiKey: OPENAI_KEY,
        model: MODEL,
        mode: 'auto',
      }),
    ).toMatch(/^Saved\./);
    expect((await extractOnce()).state).toBe('done');
    expect(standIn.modelRequests().map((r) => r.apiKey)).toContain(OPENAI_KEY);
  });

  it('a key saved for the local server goes there, with the origin it is bound to', async () => {
    expect(await OptionsPage.configure(ext, { baseURL: local.url, apiKey: KEY, model: MODEL })).toMatch(/^Saved\./);
    saved = await getStored();
    expect(saved).toMatchObject({ baseURL: local.url, apiKey: KEY, keyOrigin: new URL(local.url).origin });
    expect((await extractOnce()).state).toBe('done');
    expect(local.modelRequests().map((r) => r.apiKey)).toContain(KEY);
  });

  const damages: [string, (s: Record<string, unknown>) => unknown][] = [
    ['baseURL 12345', (s) => ({ ...s, baseURL: 12345 })],
    ['baseURL "not a url"', (s) => ({ ...s, baseURL: 'not a url' })],
    ['baseURL removed', ({ baseURL: _b, ...s }) => s],
    ['baseURL pointed at api.openai.com', (s) => ({ ...s, baseURL: 'https://api.openai.com/v1' })],
    [
      'keyOrigin and baseURL both moved to api.openai.com... key kept',
      (s) => ({ ...s, baseURL: 'https://api.openai.com/v1', keyOrigin: 'https://api.openai.com', maxTokens: 'x' }),
    ],
    ['version damaged and baseURL removed', ({ baseURL: _b, ...s }) => ({ ...s, version: 'x' })],
    ['settings replaced by a string', (s) => `${String(s.apiKey)}`],
    ['settings replaced by an array', (s) => [s]],
    ['maxTokens damaged', (s) => ({ ...s, maxTokens: -5 })],
  ];
  for (const [name, damage] of damages) {
    it(`${name}: no request carries the key to api.openai.com`, async () => {
      await setStored(damage(saved));
      const { state, code } = await extractOnce();
      // Either the settings problem is reported, or (the record unreadable: defaults, no model) the offline extractor answered.
      if (state !== 'done') expect(code).toBe('settings_damaged');
      expect(standIn.requests.map((r) => r.apiKey)).not.toContain(KEY);
    }, 60_000);
  }

  it('the options page says the settings were reset and the key is not used until entered again', async () => {
    await setStored({ ...saved, baseURL: 12345 });
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('settings-reset').textContent()).resolves.toMatch(
      /reset.*\(baseURL\).*key is not used until you enter/s,
    );
    await o.page.close();
    await setStored('garbage');
    const again = await OptionsPage.open(ext);
    await expect(again.page.getByTestId('settings-reset').textContent()).resolves.toMatch(
      /could not be read and were reset to their defaults/,
    );
    await again.page.close();
  });

  it('the popup says to re-enter the settings (with Open settings)', async () => {
    await setStored({ ...saved, baseURL: 'not a url' });
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, job));
    await popup.settled();
    expect(await popup.errorText()).toMatch(/damaged.*enter the key again/);
    await expect(popup.page.getByTestId('open-settings').count()).resolves.toBe(1);
    await popup.close();
    await job.close();
    expect(standIn.requests.map((r) => r.apiKey)).not.toContain(KEY);
  });
});

describe('web pages cannot read the key', () => {
  it("the page's isolated world (where the capture script runs) cannot read storage.local", async () => {
    await setStored(saved);
    const job = await ext.context.newPage();
    await job.goto(site.url('backend-engineer.html'));
    const tabId = await tabIdOf(ext, job);
    const seen = await ext.worker.evaluate(async (id) => {
      const [r] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (err) {
            return `refused: ${(err as Error).message}`;
          }
        },
      });
      return String(r?.result);
    }, tabId);
    await job.close();
    expect(seen).not.toContain(KEY);
    expect(seen).toMatch(/refused|undefined/);
  });
});
