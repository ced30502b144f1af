/// <reference types="chrome" />
// Capture inside the real browser, on pages served at their real addresses (Playwright route), after
// a click on the toolbar button (which grants activeTab: these hosts are not in host_permissions).
// Page scripts are blocked with a CSP header, as the saved pages must be read without running them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_SKIP_REASON, fixturePath, sharedPath } from '../shared';
import { startOpenAIServer, type OpenAIServer } from '../server/openai-server';
import {
  clickToolbarButton,
  closeAll,
  launchExtension,
  OptionsPage,
  PopupPage,
  type ExtensionBrowser,
} from './fixtures';
import type { JobState } from '../../src/shared/messages';

let ext: ExtensionBrowser;
let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer({
    answer: () =>
      " diploma:['bs']\n diploma_major:['computer science']\n experience:['3 + years']\n skills:['kubernetes']\n END",
  });
  ext = await launchExtension();
  await OptionsPage.configure(ext, { baseURL: server.url, apiKey: 'sk-any', model: 'ft:davinci-002:org:jobs:1' });
});

afterAll(() => closeAll(ext, server));

/** Serve `file` at `url` with page scripts blocked, open it, and click the toolbar button on it. */
async function openAtRealUrl(url: string, file: string) {
  await ext.context.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
      body: readFileSync(file),
    }),
  );
  const page = await ext.context.newPage();
  await page.goto(url);
  await clickToolbarButton(ext, page);
  const tabId = await ext.worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1,
  );
  return { page, tabId };
}

async function capturedPosting(tabId: number): Promise<NonNullable<JobState['posting']>> {
  const job = (await ext.worker.evaluate((id) => chrome.storage.session.get(`job:${id}`), tabId))[
    `job:${tabId}`
  ] as JobState;
  if (!job?.posting) throw new Error(`no posting captured for tab ${tabId}`);
  return job.posting;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token recall and precision of `got` against `want`, as multisets. */
function overlap(got: string, want: string): { recall: number; precision: number } {
  const bag = new Map<string, number>();
  for (const w of words(got)) bag.set(w, (bag.get(w) ?? 0) + 1);
  const wanted = words(want);
  let hit = 0;
  for (const w of wanted) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(w, n - 1);
    }
  }
  return { recall: hit / Math.max(1, wanted.length), precision: hit / Math.max(1, words(got).length) };
}

describe('capture at real URLs after a toolbar click', () => {
  it("the project's own greenhouse-style page", async () => {
    const { page, tabId } = await openAtRealUrl(
      'https://boards.greenhouse.io/tidewater/jobs/4000001',
      fixturePath('e2e', 'greenhouse-tidewater.html'),
    );
    expect(await page.title()).not.toBe('page scripts must not run');
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    expect((await popup.chips()).map((c) => c.text)).toEqual(['BS', 'computer science', '3+ years', 'Kubernetes']);
    const posting = await capturedPosting(tabId);
    expect(posting.url).toBe('https://boards.greenhouse.io/tidewater/jobs/4000001');
    expect(posting.text).toContain('two hundred container terminals');
    expect(posting.text).toContain('3+ years running production infrastructure');
    expect(posting.text).not.toContain('Submit application');
    await popup.close();
    await page.close();
  });
});

describe('without a toolbar click', () => {
  it('a host the extension may not read gives a clear message', async () => {
    await ext.context.route('https://jobs.example.org/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: readFileSync(fixturePath('e2e', 'data-analyst.html')),
      }),
    );
    const page = await ext.context.newPage();
    await page.goto('https://jobs.example.org/data-analyst');
    const tabId = await ext.worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1,
    );
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorText()).toMatch(/cannot read this page[\s\S]*toolbar button/);
    await popup.close();
    await page.close();
  });
});

interface SavedPage {
  file: string;
  url: string;
  description_text: string;
}

describe.skipIf(!HAS_SHARED)(
  `capture of saved career pages at their real URLs (${HAS_SHARED ? '../shared/pages' : SHARED_SKIP_REASON})`,
  () => {
    const pages: SavedPage[] = HAS_SHARED
      ? (JSON.parse(readFileSync(sharedPath('pages', 'pages.json'), 'utf8')) as SavedPage[])
      : [];
    for (const file of ['greenhouse-1-legacy-anthropic.html', 'workday-2-autodesk-jsonld.html']) {
      it(file, async () => {
        const saved = pages.find((p) => p.file === file)!;
        const { page, tabId } = await openAtRealUrl(saved.url, sharedPath('pages', file));
        const popup = await PopupPage.open(ext, tabId);
        expect(await popup.settled()).toBe('done');
        expect((await popup.chips()).length).toBe(4);
        const posting = await capturedPosting(tabId);
        const { recall, precision } = overlap(posting.text, saved.description_text);
        console.log(
          `${file}: source ${posting.source}${posting.site ? ` (${posting.site})` : ''}, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}, title "${posting.title}"`,
        );
        expect(recall).toBeGreaterThanOrEqual(0.95);
        expect(precision).toBeGreaterThanOrEqual(0.85);
        expect(posting.title.length).toBeGreaterThan(3);
        await popup.close();
        await page.close();
      });
    }
  },
);
