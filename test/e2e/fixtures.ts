/// <reference types="chrome" />
// Browser-test fixtures: launch Debian's Chromium (or $CHROMIUM_PATH) with the built extension
// (dist/), find its id from the service worker, serve the project's invented job pages on
// 127.0.0.1, a test file's usual set-up (test server, pages, browser) and its closing, and page
// objects for the popup and the options page.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { extensionArgs, findChromium, HEADLESS_ARGS } from '../../scripts/find-chromium.mjs';
import { startOpenAIServer, type OpenAIServer, type OpenAIServerOptions } from '../server/openai-server';
import { PROJECT_DIR } from '../shared';

export { PROJECT_DIR };
/** The built extension; JOB_ENTITIES_DIST points the tests at another build. */
export const DIST_DIR = process.env.JOB_ENTITIES_DIST ?? join(PROJECT_DIR, 'dist');
const E2E_FIXTURES = join(PROJECT_DIR, 'test', 'fixtures', 'e2e');

/** $CHROMIUM_PATH, else what scripts/ensure-chromium.mjs recorded, else the finder itself. */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const recorded = join(PROJECT_DIR, 'build', 'chromium.json');
  if (existsSync(recorded)) {
    const { path } = JSON.parse(readFileSync(recorded, 'utf8')) as { path: string };
    if (existsSync(path)) return path;
  }
  const found = findChromium();
  if (!found) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` (or set CHROMIUM_PATH).');
  return found.path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** chrome-extension://ID/PATH */
  url(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(
  opts: { colorScheme?: 'light' | 'dark'; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(DIST_DIR, 'manifest.json')))
    throw new Error('dist/ has no manifest.json: run `npm run build:ext` first.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'job-entities-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumPath(),
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 420, height: 720 },
    args: [...HEADLESS_ARGS, ...extensionArgs(DIST_DIR), ...(opts.args ?? [])],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = worker.url().split('/')[2];
  return {
    context,
    extensionId,
    worker,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id of the tab showing `page`, from the worker: matched by URL when the extension may see it,
 * else (a host it has no permission for hides the URL) the newest tab that is not an extension page.
 * Call it right after opening the page.
 */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    // The newest tab with that URL: an earlier test may have left one open.
    const byUrl = tabs.filter((t) => t.url === u).sort((a, b) => b.id! - a.id!)[0];
    if (byUrl?.id !== undefined) return byUrl.id;
    const hidden = tabs.filter((t) => !t.url && t.id !== undefined).sort((a, b) => b.id! - a.id!);
    return hidden[0]?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * What a click on the toolbar button does, through the DevTools protocol (Playwright cannot click
 * browser UI): the action runs for the page's tab, which grants activeTab for it. The tab must be
 * the active one.
 */
export async function clickToolbarButton(ext: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const browser = ext.context.browser();
  if (!browser) throw new Error('No browser handle for the DevTools protocol.');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await (cdp.send as (m: string, p: unknown) => Promise<unknown>)('Target.getTargets', {
      filter: [{ type: 'tab' }],
    })) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await (cdp.send as (m: string, p: unknown) => Promise<unknown>)('Extensions.triggerAction', {
      id: ext.extensionId,
      targetId: tab.targetId,
    });
  } finally {
    await cdp.detach();
  }
}

/** Clears the extension's cache and job state, keeping settings. */
export async function clearExtensionState(ext: ExtensionBrowser): Promise<void> {
  await ext.worker.evaluate(async () => {
    await chrome.storage.session.clear();
    await chrome.storage.local.remove('resultCache');
  });
}

// ---- job pages on 127.0.0.1 ----

export interface JobSite {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(file: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/** Serves test/fixtures/e2e/* (the project's own invented pages). */
export async function startJobSite(): Promise<JobSite> {
  return serve((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = join(E2E_FIXTURES, name);
    if (!name || name.includes('..') || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
}

/** Serves the `*.html` pages of one fixture folder (content scripts run on real http URLs only). */
export async function startFixturePages(dir: string): Promise<JobSite> {
  return serve((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
    if (!/^[\w-]+\.html$/.test(name)) return void res.writeHead(404).end('not found');
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      return void res.writeHead(404).end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
}

async function serve(handler: RequestListener): Promise<JobSite> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: (f) => `${origin}/${f}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

// ---- the usual set-up of a test file ----

export interface TestBed {
  server: OpenAIServer;
  site: JobSite;
  ext: ExtensionBrowser;
}

/**
 * The OpenAI-compatible test server, the pages to capture (startJobSite unless given) and Chromium
 * with the built extension, started in that order. When one fails, those already started are closed.
 */
export async function startTestBed(
  serverOptions: OpenAIServerOptions,
  startSite: () => Promise<JobSite> = startJobSite,
): Promise<TestBed> {
  const server = await startOpenAIServer(serverOptions);
  let site: JobSite | undefined;
  try {
    site = await startSite();
    return { server, site, ext: await launchExtension() };
  } catch (err) {
    await closeAll(site, server);
    throw err;
  }
}

/** Closes each in turn (the browser first, then what it talked to), skipping what never started. */
export async function closeAll(...items: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const item of items) await item?.close();
}

// ---- page objects ----

export interface Chip {
  type: string;
  text: string;
}

export class PopupPage {
  constructor(
    readonly page: Page,
    readonly ext: ExtensionBrowser,
  ) {}

  static async open(ext: ExtensionBrowser, tabId: number, query = ''): Promise<PopupPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.url(`src/popup/popup.html?tabId=${tabId}${query}`));
    return new PopupPage(page, ext);
  }

  /** Waits until the popup shows a final state: 'done' or 'error'. */
  async settled(timeout = 20_000): Promise<'done' | 'error' | 'failed'> {
    const main = this.page.getByTestId('popup');
    await this.page.waitForSelector(
      '[data-testid="popup"][data-state="done"], [data-testid="popup"][data-state="error"], [data-testid="popup"][data-state="failed"]',
      { timeout },
    );
    return (await main.getAttribute('data-state')) as 'done' | 'error' | 'failed';
  }

  async chips(): Promise<Chip[]> {
    // Skills beyond the first 12 wait behind "Show all N".
    const showAll = this.page.getByTestId('show-all-skills');
    if (await showAll.count()) await showAll.click();
    return this.page
      .getByTestId('chip')
      .evaluateAll((els) =>
        els.map((e) => ({ type: e.getAttribute('data-type') ?? '', text: (e.textContent ?? '').trim() })),
      );
  }

  async errorText(): Promise<string> {
    return ((await this.page.getByTestId('error').textContent()) ?? '').trim();
  }

  async errorCode(): Promise<string | null> {
    return this.page.locator('[data-code]').first().getAttribute('data-code');
  }

  /** Opens one of the view's menus (export-menu, improve-menu, more-menu) and picks an item. */
  async menu(menu: string, item: string): Promise<void> {
    await chooseMenuItem(this.page, menu, item);
  }

  async copyAll(): Promise<string> {
    await this.page.getByTestId('copy-all').click();
    await this.page.getByTestId('copy-all-status').filter({ hasText: 'Copied' }).waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async reextract(): Promise<void> {
    await this.page.getByTestId('reextract').click();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Opens a menu button (its data-testid) unless open, then clicks the item (its data-testid). */
export async function chooseMenuItem(page: Page, menu: string, item: string): Promise<void> {
  const button = page.getByTestId(menu);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByTestId(item).click();
}

export interface ProviderFields {
  baseURL?: string;
  apiKey?: string;
  model?: string;
  mode?: 'auto' | 'completion' | 'chat';
  scope?: 'focused' | 'whole';
}

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<OptionsPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.url('src/options/options.html'));
    await page.getByTestId('save').waitFor();
    return new OptionsPage(page);
  }

  async fill(f: ProviderFields): Promise<void> {
    if (f.baseURL !== undefined) await this.page.getByTestId('base-url').fill(f.baseURL);
    if (f.apiKey !== undefined) await this.page.getByTestId('api-key').fill(f.apiKey);
    if (f.model !== undefined) await this.page.getByTestId('model').fill(f.model);
    if (f.mode !== undefined) await this.page.getByTestId('mode').selectOption(f.mode);
    if (f.scope !== undefined) await this.page.getByTestId('scope').selectOption(f.scope);
  }

  /** Clicks Save and returns the notice shown. */
  async save(): Promise<string> {
    await this.page.getByTestId('save').click();
    const notice = this.page.getByTestId('notice');
    await notice.filter({ hasNotText: 'Testing' }).waitFor();
    return ((await notice.textContent()) ?? '').trim();
  }

  async testConnection(): Promise<string> {
    await this.page.getByTestId('test-connection').click();
    const notice = this.page.getByTestId('notice').filter({ hasNotText: 'Testing…' });
    await notice.waitFor();
    return ((await notice.textContent()) ?? '').trim();
  }

  /** Fill, save, close: the usual set-up step. */
  static async configure(ext: ExtensionBrowser, f: ProviderFields): Promise<string> {
    const o = await OptionsPage.open(ext);
    await o.fill(f);
    const notice = await o.save();
    await o.page.close();
    return notice;
  }
}
