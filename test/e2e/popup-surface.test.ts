/// <reference types="chrome" />
// The popup as a working surface, in real Chromium at a toolbar popup's 375 × 600: the action bar
// in view with forty skills, keyboard paths (focus on open, skip link, menus), the page
// highlighted through CSS.highlights, the side panel following two tabs, the detached window
// following its tab, and the states (not a posting, a failed model, new posting).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { PROJECT_DIR } from '../shared';
import type { AnswerRequest, OpenAIServer } from '../server/openai-server';
import {
  clearExtensionState,
  closeAll,
  OptionsPage,
  PopupPage,
  startFixturePages,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-surface-0123456789';
const MODEL = 'ft:davinci-002:northwind:jobs:surface1';
const FIXTURES = join(PROJECT_DIR, 'test', 'fixtures', 'e2e-surface');
const FORTY: string[] = JSON.parse(readFileSync(join(FIXTURES, 'skills.json'), 'utf8'));

/** The model's token form of a display value (`Node.js` -> `node . js`, `C#` -> `c #`). */
const tokenForm = (s: string) => s.toLowerCase().replace(/\./g, ' . ').replace(/#/g, ' #').replace(/\s+/g, ' ').trim();

const FORTY_ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['8 + years'],
  // COBOL is not in the page: the highlight reports it as not found.
  skills: [...FORTY.map(tokenForm), 'cobol'],
};
const SECOND_ANSWER: Entities = {
  diploma: ['ms'],
  diploma_major: ['statistics'],
  experience: ['3 + years'],
  skills: ['sql', 'python', 'airflow'],
};

function completion(e: Entities): string {
  return ' ' + ENTITY_TYPES.map((t) => `${t}:[${e[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';
}

function answer(req: AnswerRequest): string {
  const text = String(req.prompt ?? JSON.stringify(req.messages ?? ''));
  // Told apart by their requirements: the model reads the requirement sections, not the company line.
  return completion(text.includes('data pipelines') ? SECOND_ANSWER : FORTY_ANSWER);
}

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ apiKey: KEY, answer }, () => startFixturePages(FIXTURES)));
  await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' });
});

afterAll(() => closeAll(ext, site, server));

async function openJob(file: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(site.url(file));
  return { page, tabId: await tabIdOf(ext, page) };
}

async function popupAt375(tabId: number): Promise<PopupPage> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 375, height: 600 });
  await page.goto(ext.url(`src/popup/popup.html?tabId=${tabId}`));
  return new PopupPage(page, ext);
}

async function inViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

/** Moves the keyboard's starting point to the top of the document, as a freshly opened page has it. */
async function focusTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

/**
 * Chrome's real side panel: headless Chromium runs it as a page target that Playwright does not list
 * among the context's pages, so it is reached through the DevTools protocol (Target.* on the browser
 * session, Runtime.evaluate sent into the panel's target).
 */
class RealSidePanel {
  private seq = 0;
  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {}

  static async find(e: ExtensionBrowser): Promise<RealSidePanel | undefined> {
    const cdp = await e.context.browser()!.newBrowserCDPSession();
    const send = (cdp.send as (m: string, p?: unknown) => Promise<any>).bind(cdp);
    for (let i = 0; i < 50; i++) {
      const { targetInfos } = await send('Target.getTargets', {});
      const target = targetInfos.find((t: { url: string }) => t.url.startsWith(e.url('src/sidepanel/sidepanel.html')));
      if (target) {
        const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
        return new RealSidePanel(cdp, sessionId);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await cdp.detach();
    return undefined;
  }

  /** Evaluates an expression in the panel and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = ++this.seq;
    const answer = new Promise<T>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const msg = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: T }; exceptionDetails?: unknown };
        };
        if (event.sessionId !== this.sessionId || msg.id !== id) return;
        (this.cdp as unknown as { off(e: string, f: unknown): void }).off(
          'Target.receivedMessageFromTarget',
          onMessage,
        );
        if (msg.result?.exceptionDetails) reject(new Error(JSON.stringify(msg.result.exceptionDetails)));
        else resolve(msg.result?.result?.value as T);
      };
      (this.cdp as unknown as { on(e: string, f: unknown): void }).on('Target.receivedMessageFromTarget', onMessage);
    });
    await (this.cdp.send as (m: string, p?: unknown) => Promise<unknown>)('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    return answer;
  }

  title(): Promise<string> {
    return this.evaluate<string>(
      `(document.querySelector('[data-testid="posting-title"]')?.textContent ?? '').replace(/ — .*$/, '')`,
    );
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
  }
}

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

describe('the popup at 375 × 600 with forty skills', () => {
  it('shows Copy all and Save to collection without scrolling, and keeps them in view when scrolled', async () => {
    const { page, tabId } = await openJob('forty-skills.html');
    const popup = await popupAt375(tabId);
    expect(await popup.settled()).toBe('done');
    expect(await popup.page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(await inViewport(popup.page, 'action-bar')).toBe(true);
    expect(await inViewport(popup.page, 'copy-all')).toBe(true);
    expect(await inViewport(popup.page, 'save-to-collection')).toBe(true);
    expect(await inViewport(popup.page, 'export-menu')).toBe(true);
    // One primary button in the view.
    expect(await popup.page.locator('.button.primary').count()).toBe(1);
    // Skills: the first 12, then "Show all 41"; the other types in full.
    expect(await popup.page.locator('[data-testid="chip"][data-type="skills"]').count()).toBe(12);
    await expect(popup.page.getByTestId('show-all-skills').textContent()).resolves.toBe('Show all 41');
    await popup.page.getByTestId('show-all-skills').click();
    expect(await popup.page.locator('[data-testid="chip"][data-type="skills"]').count()).toBe(41);
    // Focus goes on to the first chip that was hidden.
    await expect.poll(() => popup.page.evaluate(() => document.activeElement?.getAttribute('data-raw'))).toBe('docker');
    // Scrolled to the end, the bar is still there.
    await popup.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await popup.page.evaluate(() => document.scrollingElement!.scrollTop)).toBeGreaterThan(0);
    expect(await inViewport(popup.page, 'copy-all')).toBe(true);
    expect(await inViewport(popup.page, 'save-to-collection')).toBe(true);
    expect(await popup.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The README's picture of the popup.
    await popup.page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(PROJECT_DIR, 'docs'), { recursive: true });
    await popup.page.screenshot({ path: join(PROJECT_DIR, 'docs', 'popup-375.png') });
    await popup.close();
    await page.close();
  });

  it('opens with focus on Copy all; from the top, Copy all is at most 5 Tab presses away; the skip link reaches the bar', async () => {
    const { page, tabId } = await openJob('forty-skills.html');
    const popup = await popupAt375(tabId);
    expect(await popup.settled()).toBe('done');
    await expect.poll(() => activeTestId(popup.page)).toBe('copy-all');
    // From the very top of the page.
    await focusTop(popup.page);
    let presses = 0;
    while (presses < 10 && (await activeTestId(popup.page)) !== 'copy-all') {
      await popup.page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(5);
    // The skip link is the first stop and lands on the action bar.
    await focusTop(popup.page);
    await popup.page.keyboard.press('Tab');
    expect(await activeTestId(popup.page)).toBe('skip-to-actions');
    await popup.page.keyboard.press('Enter');
    expect(await activeTestId(popup.page)).toBe('action-bar');
    await popup.page.keyboard.press('Tab');
    expect(await activeTestId(popup.page)).toBe('copy-all');
    await popup.close();
    await page.close();
  });

  it('the Export menu works from the keyboard with menu roles', async () => {
    const { page, tabId } = await openJob('forty-skills.html');
    const popup = await popupAt375(tabId);
    expect(await popup.settled()).toBe('done');
    const button = popup.page.getByTestId('export-menu');
    await expect(button.getAttribute('aria-haspopup')).resolves.toBe('menu');
    await button.focus();
    await popup.page.keyboard.press('ArrowDown');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await popup.page.locator('[role="menu"] [role="menuitem"]').count()).toBe(3);
    expect(await activeTestId(popup.page)).toBe('copy-row');
    await popup.page.keyboard.press('ArrowDown');
    expect(await activeTestId(popup.page)).toBe('copy-table');
    await popup.page.keyboard.press('End');
    expect(await activeTestId(popup.page)).toBe('download-csv');
    await popup.page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await activeTestId(popup.page)).toBe('export-menu');
    // Enter on an item acts and closes the menu.
    await popup.page.keyboard.press('Enter');
    await popup.page.keyboard.press('Enter');
    await popup.page.getByTestId('export-status').filter({ hasText: 'Copied as a row' }).waitFor();
    expect(await popup.page.locator('[role="menu"]').count()).toBe(0);
    // The model-building actions sit in the Improve menu.
    await popup.menu('improve-menu', 'edit-chips');
    expect(await popup.page.getByTestId('chip-remove').count()).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
});

describe('candidate mode in the popup', () => {
  it('puts the match summary at the top and marks the skill chips themselves, with no second list; the highlight colours matched and missing', async () => {
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({
        profile: {
          version: 1,
          skills: ['Python', 'Kubernetes', 'SQL', 'Rust'],
          years: 9,
          diplomas: ['BS'],
          majors: ['computer science'],
        },
      }),
    );
    try {
      const { page, tabId } = await openJob('forty-skills.html');
      const popup = await popupAt375(tabId);
      expect(await popup.settled()).toBe('done');
      await popup.page.getByTestId('match-panel').waitFor();
      await expect(popup.page.getByTestId('match-summary').textContent()).resolves.toMatch(
        /^4 of 41 required skills.* · 10 %$/,
      );
      expect(await inViewport(popup.page, 'match-summary')).toBe(true);
      expect(await inViewport(popup.page, 'copy-all')).toBe(true);
      // The marks are on the chips: every match-chip is a chip of the Skills group.
      await popup.page.getByTestId('show-all-skills').click();
      const marked = await popup.page
        .locator('[data-testid="match-chip"]')
        .evaluateAll((els) =>
          els.map((e) => [
            e.closest('[data-testid="group"]')?.getAttribute('data-type'),
            e.getAttribute('data-value'),
            e.getAttribute('data-state'),
          ]),
        );
      expect(marked.filter(([, , state]) => state === 'matched').map(([, v]) => v)).toEqual([
        'python',
        'rust',
        'sql',
        'kubernetes',
      ]);
      expect(marked.every(([type]) => type === 'skills')).toBe(true);
      expect(marked).toHaveLength(41);
      await expect(
        popup.page.locator('[data-testid="chip"][data-raw="python"]').getAttribute('data-match'),
      ).resolves.toBe('matched');
      await expect(
        popup.page.locator('[data-testid="chip"][data-raw="java"]').getAttribute('data-match'),
      ).resolves.toBe('missing');
      // The page highlight: matched and missing instead of one skills colour.
      await popup.page.getByTestId('highlight-toggle').click();
      await expect
        .poll(() => page.evaluate(() => [...CSS.highlights.keys()].sort()))
        .toEqual([
          'job-entities-diploma',
          'job-entities-diploma_major',
          'job-entities-experience',
          'job-entities-matched',
          'job-entities-missing',
        ]);
      expect(await page.evaluate(() => CSS.highlights.get('job-entities-matched')!.size)).toBe(4);
      await popup.page.getByTestId('highlight-toggle').click();
      await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
      await popup.close();
      await page.close();
    } finally {
      await ext.worker.evaluate(() => chrome.storage.local.remove('profile'));
    }
  });
});

describe('Highlight in page', () => {
  it("marks every value in CSS.highlights without changing the DOM, scrolls to a chip's occurrences, follows a changing page, and removes everything when turned off", async () => {
    await clearExtensionState(ext);
    const { page, tabId } = await openJob('forty-skills.html');
    const popup = await popupAt375(tabId);
    expect(await popup.settled()).toBe('done');
    const domBefore = await page.evaluate(() => document.body.innerHTML);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

    await popup.page.getByTestId('highlight-toggle').click();
    await expect.poll(() => popup.page.getByTestId('highlight-toggle').getAttribute('aria-pressed')).toBe('true');
    // Seen from the page itself: one highlight per entity type, holding the entity ranges.
    const painted = await page.evaluate(() =>
      Object.fromEntries(
        [...CSS.highlights.keys()].map((k) => [k, [...CSS.highlights.get(k)!].map((r) => r.toString())]),
      ),
    );
    expect(Object.keys(painted).sort()).toEqual([
      'job-entities-diploma',
      'job-entities-diploma_major',
      'job-entities-experience',
      'job-entities-skills',
    ]);
    expect(painted['job-entities-diploma']).toEqual(['BS']);
    expect(painted['job-entities-diploma_major']).toEqual(['computer science']);
    expect(painted['job-entities-experience']).toEqual(['8+ years']);
    expect(painted['job-entities-skills']).toHaveLength(40);
    expect(new Set(painted['job-entities-skills'])).toEqual(new Set(FORTY));
    await expect(popup.page.getByTestId('highlight-not-found').getAttribute('data-count')).resolves.toBe('1');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(domBefore);
    await popup.page.bringToFront();

    // A chip click scrolls the page to the value and cycles through its occurrences.
    const before = await page.evaluate(() => window.scrollY);
    await popup.page.setViewportSize({ width: 375, height: 600 });
    await popup.page.getByTestId('show-all-skills').click();
    await popup.page.locator('[data-testid="chip"][data-raw="scala"]').click();
    await popup.page.getByTestId('copied').filter({ hasText: '"Scala": 1 of 1 in the page' }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('job-entities-current') ?? [])].map((r) => r.toString())))
      .toEqual(['Scala']);
    await popup.page.locator('[data-testid="chip"][data-raw="cobol"]').click();
    await popup.page.getByTestId('copied').filter({ hasText: '"COBOL" is not found in the page.' }).waitFor();

    // A dynamic page: new text with a value is highlighted too.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Bonus: Kubernetes operators.';
      document.getElementById('more')!.append(p);
    });
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('job-entities-skills')?.size ?? 0), { timeout: 5_000 })
      .toBe(41);

    await popup.page.getByTestId('highlight-toggle').click();
    await expect.poll(() => popup.page.getByTestId('highlight-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await popup.close();
    await page.close();
  });

  it('the README picture of a highlighted page', async () => {
    const { page, tabId } = await openJob('second-posting.html');
    await page.setViewportSize({ width: 720, height: 420 });
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    await popup.page.getByTestId('highlight-toggle').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
    await page.bringToFront();
    await page.screenshot({ path: join(PROJECT_DIR, 'docs', 'highlight.png') });
    await popup.close();
    await page.close();
  });
});

describe('following the tab', () => {
  /** The side panel page, in a window of its own, following the active tab of the job tabs' window. */
  async function openPanel(windowId: number): Promise<Page> {
    const opened = ext.context.waitForEvent('page');
    await ext.worker.evaluate(([url]) => chrome.windows.create({ url, type: 'popup', width: 400, height: 700 }), [
      ext.url(`src/sidepanel/sidepanel.html?windowId=${windowId}`),
    ] as const);
    const panel = await opened;
    await panel.waitForLoadState();
    return panel;
  }

  const title = async (panel: Page) =>
    ((await panel.getByTestId('posting-title').textContent()) ?? '').replace(/ — .*$/, '');

  it('the side panel shows the active tab\'s job, follows a switch between two tabs, and offers "Extract" on a new posting', async () => {
    await clearExtensionState(ext);
    const a = await openJob('forty-skills.html');
    const b = await openJob('second-posting.html');
    for (const t of [a, b]) {
      const popup = await PopupPage.open(ext, t.tabId);
      expect(await popup.settled()).toBe('done');
      await popup.close();
    }
    const windowId = await ext.worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), a.tabId);
    await a.page.bringToFront();
    const panel = await openPanel(windowId);
    await expect.poll(() => title(panel)).toBe('Staff Platform Engineer');
    await panel.locator('[data-testid="popup"][data-state="done"]').waitFor();
    const requests = server.modelRequests().length;

    await b.page.bringToFront();
    await expect.poll(() => title(panel)).toBe('Data Engineer');
    expect(await panel.locator('[data-testid="chip"][data-type="skills"]').count()).toBe(3);
    await a.page.bringToFront();
    await expect.poll(() => title(panel)).toBe('Staff Platform Engineer');
    // Switching shows the finished jobs: no new request.
    expect(server.modelRequests().length).toBe(requests);

    // The tab goes to another posting: "New posting — Extract", one click.
    await a.page.goto(site.url('second-posting.html'));
    await panel.getByTestId('new-posting').waitFor();
    await panel.getByTestId('extract').click();
    await expect.poll(() => title(panel)).toBe('Data Engineer');
    await panel.locator('[data-testid="popup"][data-state="done"]').waitFor();
    mkdirSync(join(PROJECT_DIR, 'docs'), { recursive: true });
    await panel.screenshot({ path: join(PROJECT_DIR, 'docs', 'side-panel.png') });
    await panel.close();
    await a.page.close();
    await b.page.close();
  });

  it('"Open in side panel" opens Chrome\'s side panel, which follows the active tab', async () => {
    await clearExtensionState(ext);
    const a = await openJob('forty-skills.html');
    const b = await openJob('second-posting.html');
    for (const t of [b, a]) {
      const popup = await PopupPage.open(ext, t.tabId);
      expect(await popup.settled()).toBe('done');
      await popup.close();
    }
    // The toolbar popup (no tabId): its click on "Open in side panel" is the user gesture the API needs.
    await a.page.bringToFront();
    const toolbar = await ext.context.newPage();
    await toolbar.goto(ext.url('src/popup/popup.html'));
    await toolbar.getByTestId('more-menu').click();
    const closed = toolbar.waitForEvent('close');
    await toolbar.getByTestId('open-side-panel').click();
    await closed; // the toolbar popup closes itself once the panel is open
    const panel = await RealSidePanel.find(ext);
    expect(panel).toBeDefined();
    await a.page.bringToFront();
    await expect.poll(() => panel!.title()).toBe('Staff Platform Engineer');
    await b.page.bringToFront();
    await expect.poll(() => panel!.title()).toBe('Data Engineer');
    await a.page.bringToFront();
    await expect.poll(() => panel!.title()).toBe('Staff Platform Engineer');
    await panel!.close();
    await a.page.close();
    await b.page.close();
  });

  it('the detached window follows its tab: after a navigation it offers "Extract", and Re-extract reads the new page', async () => {
    await clearExtensionState(ext);
    const { page, tabId } = await openJob('forty-skills.html');
    const win = await PopupPage.open(ext, tabId);
    expect(await win.settled()).toBe('done');
    await page.goto(site.url('second-posting.html'));
    await win.page.getByTestId('new-posting').waitFor();
    await win.reextract();
    await expect.poll(() => win.page.getByTestId('posting-title').textContent()).toBe('Data Engineer');
    expect(await win.settled()).toBe('done');
    expect((await win.chips()).filter((c) => c.type === 'skills').map((c) => c.text.toLowerCase())).toEqual([
      'sql',
      'python',
      'airflow',
    ]);
    await win.close();
    await page.close();
  });
});

describe('states', () => {
  it('a page that is not a posting is neutral information with one action', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('not-a-posting.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    expect(await popup.settled()).toBe('error');
    await popup.page.getByTestId('not-a-posting').waitFor();
    expect(await popup.page.locator('[role="alert"]').count()).toBe(0);
    expect(await popup.page.locator('[data-testid="not-a-posting"] button').count()).toBe(1);
    expect(await popup.page.getByTestId('action-bar').count()).toBe(0);
    // The collection stays one click away.
    await expect(popup.page.getByTestId('open-collection').isVisible()).resolves.toBe(true);
    await popup.close();
    await page.close();
  });

  it('a failed model offers one retry and "Use the offline extractor for now", in the extension\'s own words', async () => {
    await clearExtensionState(ext);
    server.setBehavior(MODEL, { fault: 'invalid_key' });
    try {
      const { page, tabId } = await openJob('second-posting.html');
      const popup = await PopupPage.open(ext, tabId);
      expect(await popup.settled()).toBe('error');
      const text = await popup.errorText();
      expect(text).not.toMatch(/--|`/);
      expect(await popup.page.locator('.error .button.primary').count()).toBe(1);
      await popup.page.getByTestId('use-offline').click();
      await popup.page.locator('[data-testid="popup"][data-state="done"]').waitFor();
      await popup.page.getByTestId('offline-label').waitFor();
      expect((await popup.chips()).length).toBeGreaterThan(0);
      await popup.close();
      await page.close();
    } finally {
      server.setBehavior(MODEL, undefined);
    }
  });
});

describe('side panel options', () => {
  it('the toolbar button can open the side panel instead of the popup', async () => {
    const o = await OptionsPage.open(ext);
    await o.page.getByTestId('toolbar-opens-panel').check();
    await o.page.getByTestId('panel-options-status').filter({ hasText: 'opens the side panel' }).waitFor();
    await expect
      .poll(() =>
        ext.worker.evaluate(async () => [
          (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
          await chrome.action.getPopup({}),
        ]),
      )
      .toEqual([true, '']);
    await o.page.getByTestId('toolbar-opens-panel').uncheck();
    await expect
      .poll(() =>
        ext.worker.evaluate(async () => [
          (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick,
          await chrome.action.getPopup({}),
        ]),
      )
      .toEqual([false, ext.url('src/popup/popup.html')]);
    await o.page.close();
  });

  it('"Extract automatically" (off by default) asks once before sending page text to the model, then extracts each new page by itself', async () => {
    await clearExtensionState(ext);
    await ext.worker.evaluate(() => chrome.storage.local.remove('panelPrefs'));
    const o = await OptionsPage.open(ext);
    await expect(o.page.getByTestId('auto-extract').isChecked()).resolves.toBe(false);
    await o.page.close();
    // The permission the option asks for (all sites), as the user's "Allow" would grant it.
    await ext.worker.evaluate(() => chrome.storage.local.set({ panelPrefs: { autoExtract: true } }));
    const a = await openJob('forty-skills.html');
    const windowId = await ext.worker.evaluate((id) => chrome.tabs.get(id).then((t) => t.windowId), a.tabId);
    const opened = ext.context.waitForEvent('page');
    await ext.worker.evaluate(([url]) => chrome.windows.create({ url, type: 'popup', width: 400, height: 700 }), [
      ext.url(`src/sidepanel/sidepanel.html?windowId=${windowId}`),
    ] as const);
    const panel = await opened;
    const before = server.modelRequests().length;
    await panel.getByTestId('auto-extract-consent').waitFor();
    expect(server.modelRequests().length).toBe(before);
    await panel.getByTestId('auto-extract-allow').click();
    await panel.locator('[data-testid="popup"][data-state="done"]').waitFor();
    // The next posting is read without a click.
    await a.page.goto(site.url('second-posting.html'));
    await expect
      .poll(async () => ((await panel.getByTestId('posting-title').textContent()) ?? '').startsWith('Data Engineer'))
      .toBe(true);
    await panel.locator('[data-testid="popup"][data-state="done"]').waitFor();
    expect(
      await ext.worker.evaluate(async () => (await chrome.storage.local.get('panelPrefs')).panelPrefs),
    ).toMatchObject({ autoExtract: true, autoExtractModelAgreed: true });
    await ext.worker.evaluate(() => chrome.storage.local.remove('panelPrefs'));
    await panel.close();
    await a.page.close();
  });
});
