// The quick start (`npm start` runs it right after `npm run build`): Chromium with the built
// extension (dist/) opens the demo posting (demo/sample-posting.html, served on 127.0.0.1), the
// popup extracts it with whatever is configured (in the fresh profile used here: nothing, so the
// embedded offline extractor), and the entities are printed grouped by type.
// With a display and CI unset the browser stays open for the user (Ctrl+C closes it); without a
// display, with CI set or with --headless it runs headless, saves a picture of the popup to
// build/quickstart-popup.png and exits 0.
// TypeScript run through scripts/run-ts.mjs (bundled into build/run/ first), so it shares the core's labels.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, BrowserType, Page, Worker } from 'playwright-core';
import { ENTITY_LABELS } from '../src/core/entities';
import { chromiumVersion, extensionArgs, findChromium, HEADLESS_ARGS } from './find-chromium.mjs';

/** The folder holding package.json, found upwards (this file runs bundled from build/run/). */
function findProjectDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'quickstart.ts'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..');
  }
}
const PROJECT_DIR = findProjectDir(dirname(fileURLToPath(import.meta.url)));
/** JOB_ENTITIES_DIST points at another build, as in the browser tests. */
const DIST_DIR = resolve(process.env.JOB_ENTITIES_DIST ?? join(PROJECT_DIR, 'dist'));
const DEMO_DIR = join(PROJECT_DIR, 'demo');
const DEMO_PAGE = 'sample-posting.html';
const SCREENSHOT = join(PROJECT_DIR, 'build', 'quickstart-popup.png');
const SETTLE_TIMEOUT_MS = 60_000;

const USAGE = `Usage: npm start [-- --headless]
       node scripts/run-ts.mjs scripts/quickstart.ts [--headless]

Opens Chromium with the built extension on a demo job posting and prints the entities it extracts.
  --headless   run without a window: print the entities, save build/quickstart-popup.png, exit
Environment: CHROMIUM_PATH (the browser to use), CI (set: headless), JOB_ENTITIES_DIST (another build).`;

/** An error whose message is all the user needs: printed without a stack trace. */
class QuickstartError extends Error {}

// ---- options ----

function readOptions(argv: string[]): { headless: boolean } {
  const args = argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const unknown = args.filter((a) => a !== '--headless');
  if (unknown.length) throw new QuickstartError(`Unknown argument ${unknown[0]}.\n\n${USAGE}`);
  const ci = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');
  const hasDisplay =
    process.platform === 'darwin' ||
    process.platform === 'win32' ||
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return { headless: args.includes('--headless') || ci || !hasDisplay };
}

// ---- the build ----

function popupPath(): string {
  const manifestFile = join(DIST_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new QuickstartError(
      `The extension is not built: ${manifestFile} is missing.\nRun \`npm run build\` first (\`npm start\` builds, then runs this script).`,
    );
  }
  const popup = JSON.parse(readFileSync(manifestFile, 'utf8'))?.action?.default_popup;
  if (typeof popup !== 'string' || !existsSync(join(DIST_DIR, popup))) {
    throw new QuickstartError(`The build in ${DIST_DIR} has no popup page: run \`npm run build\` again.`);
  }
  return popup;
}

async function loadPlaywright(): Promise<BrowserType> {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    throw new QuickstartError('playwright-core is not installed: run `npm install` in the project folder first.');
  }
}

// ---- Chromium ----

// Google Chrome 137 and later ignores --load-extension; Chromium (Debian's, Playwright's) honours it.
const isBrandedChrome = (path: string) =>
  /google[- ]chrome|Google Chrome\.app|\\Google\\Chrome\\/i.test(path) && !/for Testing/i.test(path);

/** Where Playwright keeps (or would keep) its own Chromium on this platform. */
interface Found {
  path: string;
  from: string;
}

function playwrightChromium(chromium: BrowserType): Found | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? { path, from: 'Playwright' } : undefined;
  } catch {
    return undefined;
  }
}

function windowsChromium(): Found | undefined {
  if (process.platform !== 'win32') return undefined;
  const roots = [process.env.LOCALAPPDATA, process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(
    (r): r is string => Boolean(r),
  );
  const rels = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe'];
  for (const rel of rels)
    for (const root of roots) if (existsSync(join(root, rel))) return { path: join(root, rel), from: 'system' };
  return undefined;
}

/** CHROMIUM_PATH, else the system's or Playwright's Chromium (a branded Chrome only as a last resort). */
function locateChromium(chromium: BrowserType): Found | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit))
      throw new QuickstartError(
        `CHROMIUM_PATH is set to ${explicit}, which does not exist.\nPoint it at a Chromium binary, or unset it to let the quick start look for one.`,
      );
    return { path: explicit, from: 'CHROMIUM_PATH' };
  }
  const found = findChromium() ?? windowsChromium();
  if (found && !isBrandedChrome(found.path)) return found;
  return playwrightChromium(chromium) ?? found;
}

function osRelease() {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

function run(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Installs a Chromium where the platform allows it; returns it, or undefined when that failed. */
function installChromium(chromium: BrowserType): Found | undefined {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = /^ID=("?)debian\1$/m.test(osRelease());
  try {
    if (process.platform === 'linux' && isRoot && isDebian && existsSync('/usr/bin/apt-get')) {
      console.log("No Chromium found: installing Debian's chromium package ...");
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
      return findChromium();
    }
    // Playwright publishes Chromium builds for macOS, Windows and x64/arm64 Linux; on Linux it
    // also needs system libraries, which only root can install (--with-deps).
    const supported =
      ['darwin', 'win32'].includes(process.platform) ||
      (process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch));
    if (supported) {
      console.log("No Chromium found: downloading Playwright's Chromium (about 150 MB) ...");
      const cli = join(PROJECT_DIR, 'node_modules', 'playwright-core', 'cli.js');
      run(process.execPath, [
        cli,
        'install',
        '--no-shell',
        ...(process.platform === 'linux' && isRoot ? ['--with-deps'] : []),
        'chromium',
      ]);
      return playwrightChromium(chromium);
    }
  } catch {
    console.error('The installation did not succeed (see above).');
  }
  return undefined;
}

const INSTALL_HELP = [
  'No Chromium was found, and none could be installed here.',
  'Do one of these, then run `npm start` again:',
  '  - Debian:   sudo apt-get install -y chromium',
  '  - Fedora:   sudo dnf install -y chromium',
  '  - macOS:    brew install --cask chromium',
  '  - anywhere Playwright supports: npx playwright-core install chromium   (Linux: sudo npx playwright-core install --with-deps chromium)',
  '  - or point CHROMIUM_PATH at a Chromium binary: CHROMIUM_PATH=/path/to/chromium npm start',
  'Google Chrome 137 and later ignores extensions loaded from the command line, so use Chromium.',
].join('\n');

// ---- the demo site ----

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves demo/ on 127.0.0.1 at a random port (the extension may read 127.0.0.1 pages). */
async function serveDemo() {
  const server = createServer((req, res) => {
    let name = '';
    try {
      name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || DEMO_PAGE;
    } catch {
      // A malformed escape (`/%E0`) names no file; it must not bring the quick start down.
    }
    const file = resolve(DEMO_DIR, name);
    if (!name || !file.startsWith(DEMO_DIR + sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name: string) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

// ---- the browser ----

function launchArgs(headless: boolean): string[] {
  const args = [...extensionArgs(DIST_DIR), '--no-default-browser-check'];
  // Headless (as CI runs it) includes --no-sandbox.
  if (headless) return [...HEADLESS_ARGS, ...args];
  // A Wayland-only session (no X server behind DISPLAY): Chromium must be told to use Wayland.
  if (process.platform === 'linux' && !process.env.DISPLAY && process.env.WAYLAND_DISPLAY)
    args.push('--ozone-platform=wayland');
  // Chromium refuses to run as root with its sandbox; a headed window would otherwise show a
  // warning bar about the flag, so it is added only where needed.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) args.push('--no-sandbox');
  return args;
}

interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

async function launchBrowser(chromium: BrowserType, executablePath: string, headless: boolean): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'job-entities-quickstart-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      // Headless: a popup-sized page for the picture. Headed: normal windows.
      viewport: headless ? { width: 420, height: 360 } : null,
      args: launchArgs(headless),
      // Ctrl+C is handled below, so that the browser, the server and the profile all go.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    const first =
      String((e as Error | undefined)?.message ?? e)
        .split('\n')
        .find((l) => l.trim()) ?? 'unknown error';
    throw new QuickstartError(
      `Chromium (${executablePath}) did not start: ${first}\n` +
        (headless ? '' : 'If this machine has no usable display, run `npm start -- --headless`.\n') +
        'Set CHROMIUM_PATH to another Chromium binary if this one is broken.',
    );
  }
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
    return { context, worker, extensionId: worker.url().split('/')[2], close };
  } catch {
    await close();
    throw new QuickstartError(
      `Chromium started but the extension in ${DIST_DIR} did not load.\n` +
        (isBrandedChrome(executablePath)
          ? 'Google Chrome 137 and later ignores --load-extension: install Chromium and set CHROMIUM_PATH to it.\n'
          : '') +
        'Rebuild it with `npm run build` and try again.',
    );
  }
}

/** The posting's tab id, from the service worker (the extension may read 127.0.0.1 URLs). */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new QuickstartError(`The extension does not see the demo tab (${url}).`);
  return id;
}

/**
 * Opens the popup for the tab. Headed: in a small popup window, as the popup's own "open in a
 * window" does, next to the posting. Headless: as a page of the popup's size.
 */
async function openPopup(browser: Launched, url: string, headless: boolean): Promise<Page> {
  if (headless) {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }
  const [page] = await Promise.all([
    browser.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(url.split('?')[0]), timeout: 20_000 }),
    browser.worker.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 440, height: 720 }), url),
  ]);
  return page;
}

/** Waits for the popup's final state and reads what it shows through its test hooks. */
interface Shown {
  state: string;
  title: string;
  facts: string;
  offline: boolean;
  model: string;
  error: string;
  chips: { type: string; text: string; count: number }[];
}

async function readPopup(page: Page): Promise<Shown> {
  await page
    .waitForSelector('[data-testid="popup"]:is([data-state="done"], [data-state="error"], [data-state="failed"])', {
      timeout: SETTLE_TIMEOUT_MS,
    })
    .catch(() => {
      throw new QuickstartError(`The popup showed no result within ${SETTLE_TIMEOUT_MS / 1000} s.`);
    });
  // The popup shows 12 skills until "Show all": the terminal lists them all.
  const showAll = page.locator('[data-testid="show-all-skills"]');
  if (await showAll.count()) await showAll.click();
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    return {
      state: q('popup')?.getAttribute('data-state') ?? '',
      title: text(q('posting-title')),
      facts: text(q('posting-facts')),
      offline: Boolean(q('offline-label')),
      model: text(q('answered-by')),
      error: text(q('error')),
      chips: [...document.querySelectorAll('[data-testid="chip"]')].map((c) => ({
        type: c.getAttribute('data-type') ?? '',
        text: text(c),
        count: Number(text(c.parentElement?.querySelector('[data-testid="chip-count"]')).replace(/\D/g, '')) || 1,
      })),
    };
  });
}

// ---- output ----

function formatEntities(shown: Shown): string {
  const lines: string[] = [];
  if (shown.title) lines.push(shown.title);
  if (shown.facts) lines.push(shown.facts);
  lines.push('');
  const width = Math.max(...Object.values(ENTITY_LABELS).map((l) => l.length)) + 2;
  for (const [type, label] of Object.entries(ENTITY_LABELS)) {
    const values = shown.chips
      .filter((c) => c.type === type)
      .map((c) => (c.count > 1 ? `${c.text} (×${c.count})` : c.text));
    lines.push(`  ${label.padEnd(width)}${values.length ? values.join(', ') : '—'}`);
  }
  lines.push('');
  lines.push(
    shown.offline
      ? "Extracted by the offline extractor (no model is configured; nothing left this machine).\nFor better results, set your fine-tuned model in the extension's options."
      : `Extracted by ${shown.model || 'the configured model'}.`,
  );
  return lines.join('\n');
}

// ---- main ----

async function main() {
  const { headless } = readOptions(process.argv);
  const popup = popupPath();
  const chromium = await loadPlaywright();
  let found = locateChromium(chromium);
  found ??= installChromium(chromium);
  if (!found) throw new QuickstartError(INSTALL_HELP);
  console.log(`Chromium: ${found.path} (${chromiumVersion(found.path) ?? 'version unknown'}; found via ${found.from})`);

  const site = await serveDemo();
  let browser: Launched | undefined;
  let closing: Promise<void> | undefined;
  const shutDown = () =>
    (closing ??= (async () => {
      await browser?.close();
      await site.close();
    })());
  const onSignal = () => {
    // A second Ctrl+C while closing: stop waiting for the browser.
    if (closing) process.exit(130);
    console.log('\nClosing the browser ...');
    void shutDown().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    browser = await launchBrowser(chromium, found.path, headless);
    const postingUrl = site.url(DEMO_PAGE);
    const postingPage = browser.context.pages()[0] ?? (await browser.context.newPage());
    await postingPage.goto(postingUrl);
    console.log(`Demo posting: ${postingUrl}`);
    const tabId = await tabIdOf(browser.worker, postingPage.url());
    const popupUrl = `chrome-extension://${browser.extensionId}/${popup}?tabId=${tabId}`;
    const openedAt = Date.now();
    const popupPage = await openPopup(browser, popupUrl, headless);
    const shown = await readPopup(popupPage);
    const elapsedMs = Date.now() - openedAt;

    if (headless) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await popupPage.screenshot({ path: SCREENSHOT, fullPage: true });
    }
    if (shown.state !== 'done')
      throw new QuickstartError(`The extension reported an error: ${shown.error || 'no message'}`);
    if (shown.chips.length === 0) throw new QuickstartError('The extension found no entities in the demo posting.');

    console.log('\n' + formatEntities(shown));
    console.log(`Popup open to chips: ${elapsedMs} ms.\n`);
    if (headless) {
      console.log(`Picture of the popup: ${SCREENSHOT}`);
      return;
    }
    console.log(
      [
        "The browser stays open: the posting in the main window, the extension's popup in a small window beside it.",
        'Open any job posting and click Job Entities (puzzle-piece menu in the toolbar) or press Alt+Shift+E to extract it.',
        'Press Ctrl+C here (or close the browser) to close everything.',
      ].join('\n'),
    );
    const { context } = browser;
    await new Promise((ok) => context.once('close', ok));
  } finally {
    await shutDown();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof QuickstartError) console.error(e.message);
    else console.error(`The quick start failed: ${String((e as Error | undefined)?.message ?? e).split('\n')[0]}`);
    process.exit(1);
  },
);
