/// <reference types="chrome" />
// Firefox browser-test fixtures: Debian's Firefox ESR (or $FIREFOX_PATH) driven by puppeteer-core
// over WebDriver BiDi with the built Firefox extension (dist-firefox/) installed as a temporary
// add-on, and page objects for the popup and the options page. Playwright's Firefox does not run on
// the ESR builds, hence puppeteer here.
//
// Two Firefox facts shape these helpers:
// - The add-on's moz-extension:// UUID is random per install unless the pref
//   extensions.webextensions.uuids fixes it for the add-on's id; it is fixed here, so page URLs are
//   known before the install.
// - page.goto() to a moz-extension: URL never resolves although the page loads, so navigation is
//   started without awaiting it and the page is polled with evaluate() (more reliable on ESR 140
//   than waitForFunction).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_JSON, findFirefox } from '../../scripts/find-firefox.mjs';
import { GECKO_ID } from '../../scripts/manifests';
import { PROJECT_DIR } from '../shared';

/** The built Firefox extension; JOB_ENTITIES_FIREFOX_DIST (relative to the project) points the tests at another, e.g. an unzipped package. */
export const FIREFOX_DIST_DIR = resolve(PROJECT_DIR, process.env.JOB_ENTITIES_FIREFOX_DIST ?? 'dist-firefox');
/** Fixed by pref, so extension URLs are known up front. */
export const EXTENSION_UUID = '5c0d2a7e-3b8f-4e51-9a26-0f4d6c7b1e93';

/** $FIREFOX_PATH, else what scripts/ensure-firefox.mjs recorded, else the finder itself. */
export function firefoxPath(): string {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  const recorded = join(PROJECT_DIR, FIREFOX_JSON);
  if (existsSync(recorded)) {
    const { path } = JSON.parse(readFileSync(recorded, 'utf8')) as { path: string };
    if (existsSync(path)) return path;
  }
  const found = findFirefox();
  if (!found) throw new Error('No Firefox found: run `node scripts/ensure-firefox.mjs` (or set FIREFOX_PATH).');
  return found.path;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` in the page until it returns a truthy value; evaluate errors (page still loading) count as "not yet". */
export async function poll<T>(
  page: Page,
  fn: () => T,
  timeout = 20_000,
  what = 'condition',
): Promise<NonNullable<Awaited<T>>> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await page.evaluate(fn);
      if (v) return v as NonNullable<Awaited<T>>;
    } catch (err) {
      last = err;
    }
    await sleep(100);
  }
  throw new Error(
    `Timed out after ${timeout} ms waiting for ${what} on ${page.url()}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

export interface FirefoxExtension {
  browser: Browser;
  /** moz-extension://UUID/PATH */
  url(path: string): string;
  /** Opens an extension page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a web page in a new tab; returns the page and the tab's id as the extension sees it. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Runs `fn(arg)` in an extension page (the extension APIs are there as `chrome` and `browser`). */
  inExtension<A, R>(fn: (arg: A) => Promise<R> | R, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** Starts Firefox headless with the built extension installed; `prefs` are extra Firefox prefs. */
export async function launchFirefoxExtension(prefs: Record<string, unknown> = {}): Promise<FirefoxExtension> {
  if (!existsSync(join(FIREFOX_DIST_DIR, 'manifest.json')))
    throw new Error(`${FIREFOX_DIST_DIR} has no manifest.json: run \`npm run build:ext\` first.`);
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // The WebDriver BiDi session may install add-ons only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }), ...prefs },
  });
  try {
    await firefox.installExtension(FIREFOX_DIST_DIR);
  } catch (err) {
    await firefox.close();
    throw err;
  }
  const url = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  let helper: Page | undefined;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await firefox.newPage();
    const target = url(path);
    void page.goto(target).catch(() => undefined);
    await poll(
      page,
      () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
      20_000,
      `${path} to load`,
    );
    return page;
  };
  const inExtension = async <A, R>(fn: (arg: A) => Promise<R> | R, arg: A): Promise<R> => {
    helper ??= await openExtensionPage('src/options/options.html');
    return helper.evaluate(fn as never, arg as never) as Promise<R>;
  };
  const openTab = async (pageUrl: string) => {
    const newest = () =>
      inExtension(async () => Math.max(-1, ...(await chrome.tabs.query({})).map((t) => t.id ?? -1)), null);
    const before = await newest();
    const page = await firefox.newPage();
    if (/^https?:/.test(pageUrl)) await page.goto(pageUrl);
    // Like moz-extension: pages, Firefox's own pages (about:...) load but never resolve goto().
    else void page.goto(pageUrl).catch(() => undefined);
    const end = Date.now() + 20_000;
    for (;;) {
      const tabId = await inExtension(
        async ({ u, after }: { u: string; after: number }) => {
          // Firefox offers the chrome namespace too, with promises.
          const tabs = await chrome.tabs.query({});
          const byUrl = tabs.find((t) => t.url === u && t.status === 'complete');
          if (byUrl?.id !== undefined) return byUrl.id;
          // A page the extension has no host permission for hides its URL: the new tab, once loaded.
          const hidden = tabs
            .filter((t) => !t.url && t.id !== undefined && t.id > after && t.status === 'complete')
            .sort((a, b) => b.id! - a.id!);
          return hidden[0]?.id ?? -1;
        },
        { u: pageUrl, after: before },
      );
      if (tabId >= 0) return { page, tabId };
      if (Date.now() > end) throw new Error(`No tab found for ${pageUrl}`);
      await sleep(100);
    }
  };
  return { browser: firefox, url, openExtensionPage, openTab, inExtension, close: () => firefox.close() };
}

export interface Chip {
  type: string;
  text: string;
}

export class FirefoxPopup {
  constructor(readonly page: Page) {}

  static async open(ext: FirefoxExtension, tabId: number, query = ''): Promise<FirefoxPopup> {
    return new FirefoxPopup(await ext.openExtensionPage(`src/popup/popup.html?tabId=${tabId}${query}`));
  }

  async state(): Promise<string | null> {
    return this.page.evaluate(
      () => document.querySelector('[data-testid="popup"]')?.getAttribute('data-state') ?? null,
    );
  }

  /** Waits until the popup shows a final state: 'done', 'error' or 'failed'. */
  async settled(timeout = 30_000): Promise<string> {
    return poll(
      this.page,
      () => {
        const s = document.querySelector('[data-testid="popup"]')?.getAttribute('data-state');
        return s === 'done' || s === 'error' || s === 'failed' ? s : null;
      },
      timeout,
      'the popup to settle',
    );
  }

  async chips(): Promise<Chip[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="chip"]')].map((e) => ({
        type: e.getAttribute('data-type') ?? '',
        text: (e.textContent ?? '').trim(),
      })),
    );
  }

  async text(testId: string): Promise<string | null> {
    return this.page.evaluate(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null,
      testId,
    );
  }

  async errorCode(): Promise<string | null> {
    return this.page.evaluate(() => document.querySelector('[data-code]')?.getAttribute('data-code') ?? null);
  }

  /**
   * Clicks Copy all (a real click: the clipboard write needs the user activation it gives) and
   * returns what the popup wrote, read back from Firefox's clipboard.
   */
  async copyAll(): Promise<string> {
    await this.page.click('[data-testid="copy-all"]');
    await poll(
      this.page,
      () => /Copied/.test(document.querySelector('[data-testid="copy-all-status"]')?.textContent ?? ''),
      10_000,
      'Copied',
    );
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

export interface ProviderFields {
  baseURL?: string;
  apiKey?: string;
  model?: string;
  mode?: 'auto' | 'completion' | 'chat';
}

export class FirefoxOptions {
  constructor(readonly page: Page) {}

  static async open(ext: FirefoxExtension): Promise<FirefoxOptions> {
    const page = await ext.openExtensionPage('src/options/options.html');
    await poll(page, () => !!document.querySelector('[data-testid="save"]'), 20_000, 'the options form');
    return new FirefoxOptions(page);
  }

  async fill(f: ProviderFields): Promise<void> {
    if (f.baseURL !== undefined) await this.type('base-url', f.baseURL);
    if (f.apiKey !== undefined) await this.type('api-key', f.apiKey);
    if (f.model !== undefined) await this.type('model', f.model);
    if (f.mode !== undefined) await this.page.select('[data-testid="mode"]', f.mode);
  }

  /**
   * Replaces a field's text by typing it (real key events). Puppeteer's Locator.fill never
   * finishes on Firefox ESR 140, so the field is focused and its text selected first.
   */
  private async type(testId: string, text: string): Promise<void> {
    await this.page.$eval(`[data-testid="${testId}"]`, (el) => {
      (el as HTMLInputElement).focus();
      (el as HTMLInputElement).select();
    });
    if (text) await this.page.keyboard.type(text);
    else await this.page.keyboard.press('Backspace');
  }

  /** Clicks Save and returns the notice shown. */
  async save(): Promise<string> {
    await this.page.click('[data-testid="save"]');
    return poll(
      this.page,
      () => {
        const t = document.querySelector('[data-testid="notice"]')?.textContent?.trim() ?? '';
        return t && !/Testing/.test(t) ? t : '';
      },
      20_000,
      'the save notice',
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
