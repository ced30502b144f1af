// The built Firefox extension (dist-firefox/, or an unzipped package through
// JOB_ENTITIES_FIREFOX_DIST) in real Firefox ESR: the offline extractor on the demo posting, the
// options page saving a model on the project's test server with CORS off (host permission is what
// lets the request in), chips from that model, the cache on reopen, Copy all, a page that is not a
// posting and a Firefox page the extension may not read.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupForDisplay } from '../../src/core/display';
import { ENTITY_LABELS, ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { closeAll, startFixturePages, startJobSite, type JobSite } from '../e2e/fixtures';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import { PROJECT_DIR } from '../shared';
import { FirefoxOptions, FirefoxPopup, launchFirefoxExtension, type Chip, type FirefoxExtension } from './fixtures';

const KEY = 'sk-test-firefox-0123456789';
const MODEL = 'ft:davinci-002:tidewater:jobs:ff140';
const ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['5 + years'],
  skills: ['go', 'python', 'kubernetes', 'c #'],
};
const COMPLETION =
  ' ' + ENTITY_TYPES.map((t) => `${t}:[${ANSWER[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';
const expectedChips = (e: Entities): Chip[] =>
  ENTITY_TYPES.flatMap((t) => groupForDisplay(e[t]).map((g) => ({ type: t, text: g.display })));

let ext: FirefoxExtension;
let server: OpenAIServer;
let site: JobSite;
let demo: JobSite;

beforeAll(async () => {
  // CORS off: the server sends no Access-Control-* headers, like LM Studio by default.
  server = await startOpenAIServer({ apiKey: KEY, cors: false, answer: () => COMPLETION });
  site = await startJobSite();
  demo = await startFixturePages(join(PROJECT_DIR, 'demo'));
  ext = await launchFirefoxExtension();
}, 90_000);

afterAll(() => closeAll(ext, demo, site, server));

describe('Firefox: no model configured', () => {
  it('the offline extractor answers on the demo posting, and nothing goes to the network', async () => {
    const { page, tabId } = await ext.openTab(demo.url('sample-posting.html'));
    const popup = await FirefoxPopup.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    const chips = await popup.chips();
    expect(chips).toContainEqual({ type: 'experience', text: '5+ years' });
    expect(chips).toContainEqual({ type: 'skills', text: 'Python' });
    expect(chips.some((c) => c.type === 'diploma')).toBe(true);
    expect(await popup.text('offline-label')).toBe('offline extractor');
    expect(await popup.text('posting-title')).toBe('Senior Backend Engineer');
    expect(server.requests).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: a model on an OpenAI-compatible server with CORS off', () => {
  it('the options page saves the server, key and model', async () => {
    const o = await FirefoxOptions.open(ext);
    await o.fill({ baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' });
    expect(await o.save()).toBe('Saved.');
    await o.close();
    const stored = await ext.inExtension(
      async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>,
      null,
    );
    expect(stored).toMatchObject({ baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' });
    // Reopened, the page shows the server but never the key.
    const again = await FirefoxOptions.open(ext);
    expect(await again.page.$eval('[data-testid="base-url"]', (e) => (e as HTMLInputElement).value)).toBe(server.url);
    expect(await again.page.$eval('[data-testid="api-key"]', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(await again.page.content()).not.toContain(KEY);
    await again.close();
  });

  it("chips equal the model's answer: host permission lets the request in without CORS headers", async () => {
    const { page, tabId } = await ext.openTab(site.url('backend-engineer.html'));
    const before = server.modelRequests().length;
    const popup = await FirefoxPopup.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    expect(await popup.chips()).toEqual(expectedChips(ANSWER));
    expect(await popup.text('answered-by')).toBe(MODEL);
    expect(server.modelRequests().length).toBe(before + 1);
    const req = server.modelRequests().at(-1)!;
    expect(req.path).toBe('/v1/completions');
    expect(req.apiKey).toBe(KEY);
    expect(String((req.body as { prompt: string }).prompt)).toMatch(/\n\n###\n\n$/);
    await popup.close();
    await page.close();
  });

  it('reopening the popup on the same posting shows the cached result with no second request', async () => {
    const { page, tabId } = await ext.openTab(site.url('data-analyst.html'));
    const first = await FirefoxPopup.open(ext, tabId);
    expect(await first.settled()).toBe('done');
    await first.close();
    const before = server.modelRequests().length;
    const again = await FirefoxPopup.open(ext, tabId);
    expect(await again.settled()).toBe('done');
    expect(await again.chips()).toEqual(expectedChips(ANSWER));
    await again.close();
    // With the session state gone (as after a browser restart) the URL finds the stored result.
    await ext.inExtension(() => chrome.storage.session.clear(), null);
    const third = await FirefoxPopup.open(ext, tabId);
    expect(await third.settled()).toBe('done');
    expect(await third.text('from-cache')).toMatch(/from cache/);
    await third.close();
    expect(server.modelRequests().length).toBe(before);
    await page.close();
  });

  it('Copy all puts every entity on the clipboard, one type per line', async () => {
    const { page, tabId } = await ext.openTab(site.url('backend-engineer.html'));
    const popup = await FirefoxPopup.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    const lines = ENTITY_TYPES.map(
      (t) =>
        `${ENTITY_LABELS[t]}: ${groupForDisplay(ANSWER[t])
          .map((g) => g.display)
          .join(', ')}`,
    );
    expect(await popup.copyAll()).toBe(lines.join('\n'));
    await popup.close();
    await page.close();
  });
});

describe('Firefox: pages that give no posting', () => {
  it('a page that holds no posting says so', async () => {
    const { page, tabId } = await ext.openTab(site.url('not-a-posting.html'));
    const popup = await FirefoxPopup.open(ext, tabId);
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('no_posting');
    await popup.close();
    await page.close();
  });

  it('a Firefox page (about:robots) cannot be read, and the popup says so', async () => {
    const { page, tabId } = await ext.openTab('about:robots');
    const popup = await FirefoxPopup.open(ext, tabId);
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorCode()).toBe('no_posting');
    expect(await popup.text('error')).toMatch(/cannot read this page/);
    await popup.close();
    await page.close();
  });
});
