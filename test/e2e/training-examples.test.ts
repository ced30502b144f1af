/// <reference types="chrome" />
// Corrections and training examples in real Chromium: the popup shows a fine-tuned model's answer
// (the project's OpenAI-compatible test server), the user removes a chip and adds missing values,
// saves the training example; the options page lists it, exports it as completion and chat JSONL
// (real downloads, checked line by line against the training format) and checks it; a reopened
// popup shows the corrected set while the model's cached answer stays as it was.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { groupForDisplay } from '../../src/core/display';
import { ENTITY_LABELS, ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { CHAT_SYSTEM_PROMPT, SEPARATOR } from '../../src/core/prompt';
import type { OpenAIServer } from '../server/openai-server';
import { fixturePath } from '../shared';
import {
  chooseMenuItem,
  closeAll,
  OptionsPage,
  PopupPage,
  startFixturePages,
  startTestBed,
  tabIdOf,
  type Chip,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-examples-0123456789';
const MODEL = 'ft:davinci-002:pelican:jobs:ex1';

/** The "fine-tuned model's" answer: it misses the major, mistakes "kafka" for a requirement and misses Rust. */
const MODEL_ANSWER: Entities = {
  diploma: ['bs'],
  diploma_major: [],
  experience: ['3 + years'],
  skills: ['java', 'python', 'sql', 'linux', 'docker', 'kafka'],
};
const COMPLETION =
  " diploma:['bs']\nexperience:['3 + years']\nskills:['java', 'python', 'sql', 'linux', 'docker', 'kafka']\n END";

/** After the user's corrections: kafka removed, Rust and the major added (typed as the user would). */
const CORRECTED: Entities = {
  diploma: ['bs'],
  diploma_major: ['computer science'],
  experience: ['3 + years'],
  skills: ['java', 'python', 'sql', 'linux', 'docker', 'rust'],
};

function chipsOf(e: Entities): Chip[] {
  return ENTITY_TYPES.flatMap((t) => groupForDisplay(e[t]).map((g) => ({ type: t, text: g.display })));
}

let ext: ExtensionBrowser;
let server: OpenAIServer;
let pages: JobSite;
let jobPage: Page;
let tabId: number;

beforeAll(async () => {
  ({
    server,
    site: pages,
    ext,
  } = await startTestBed({ apiKey: KEY, answer: () => COMPLETION }, () =>
    startFixturePages(fixturePath('e2e-examples')),
  ));
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  expect(await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' })).toBe(
    'Saved.',
  );
  jobPage = await ext.context.newPage();
  await jobPage.goto(pages.url('warehouse-engineer.html'));
  tabId = await tabIdOf(ext, jobPage);
});

afterAll(() => closeAll(ext, pages, server));

async function openPopup(): Promise<PopupPage> {
  const popup = await PopupPage.open(ext, tabId);
  expect(await popup.settled()).toBe('done');
  return popup;
}

async function storedExamples(): Promise<
  { text: string; entities: Entities; url: string; title: string; model: string; savedAt: string }[]
> {
  return ext.worker.evaluate(
    async () =>
      ((await chrome.storage.local.get('trainingExamples')).trainingExamples as { examples: never[] } | undefined)
        ?.examples ?? [],
  );
}

/** Clicks the export button and returns the downloaded file's name and text. */
async function download(page: Page): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-examples').click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('correcting chips and saving training examples', () => {
  it("the popup corrects the model's answer: remove a chip, add missing values; copy uses the corrected set", async () => {
    const popup = await openPopup();
    const page = popup.page;
    expect(await popup.chips()).toEqual(chipsOf(MODEL_ANSWER));
    await expect(page.getByTestId('edited-marker').count()).resolves.toBe(0);
    // Chips are plain copy buttons until the user asks to edit.
    await expect(page.getByTestId('chip-remove').count()).resolves.toBe(0);
    await chooseMenuItem(page, 'improve-menu', 'edit-chips');

    // Remove "kafka" with its × (a keyboard-reachable button labelled with the value).
    const remove = page.locator('[data-testid="chip-remove"][data-raw="kafka"]');
    await expect(remove.getAttribute('aria-label')).resolves.toBe('Remove "Kafka"');
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await popup.chips()).some((c) => c.text === 'Kafka')).toBe(false);
    await page.getByTestId('edited-marker').waitFor();

    // Add a skill (typed as a user would; stored in token form) and the major the model missed.
    await page.locator('[data-testid="chip-add-input"][data-type="skills"]').fill('Rust');
    await page.locator('[data-testid="chip-add"][data-type="skills"]').click();
    await page.locator('[data-testid="chip-add-input"][data-type="diploma_major"]').fill('Computer Science');
    await page.locator('[data-testid="chip-add-input"][data-type="diploma_major"]').press('Enter');
    await expect.poll(() => popup.chips()).toEqual(chipsOf(CORRECTED));

    // "Copy all" copies what is shown.
    const copied = await popup.copyAll();
    expect(copied).toBe(
      ENTITY_TYPES.map(
        (t) =>
          `${ENTITY_LABELS[t]}: ${groupForDisplay(CORRECTED[t])
            .map((g) => g.display)
            .join(', ')}`,
      ).join('\n'),
    );

    // Save as training example.
    await chooseMenuItem(page, 'improve-menu', 'save-example');
    await page
      .getByTestId('save-example-status')
      .filter({ hasText: 'Saved as a training example (1 saved)' })
      .waitFor();
    const saved = await storedExamples();
    expect(saved).toHaveLength(1);
    expect(saved[0].entities).toEqual(CORRECTED);
    expect(saved[0]).toMatchObject({ url: pages.url('warehouse-engineer.html'), model: MODEL });
    expect(saved[0].title).toContain('Warehouse Systems Engineer');
    // The text as the prompt is built: one line, the posting's qualifications in it, its benefits left out.
    expect(saved[0].text).not.toMatch(/\n/);
    expect(saved[0].text).toContain('BS in computer science or logistics engineering.');
    expect(saved[0].text).not.toContain('bicycle allowance');
    const prompt = String((server.modelRequests().at(-1)!.body as { prompt: string }).prompt);
    expect(prompt).toBe(saved[0].text + SEPARATOR);

    // Saving again updates the same example.
    await chooseMenuItem(page, 'improve-menu', 'save-example');
    await page
      .getByTestId('save-example-status')
      .filter({ hasText: 'Updated as a training example (1 saved)' })
      .waitFor();
    expect(await storedExamples()).toHaveLength(1);
    await popup.close();
  });

  it('the options page lists the example, exports completion and chat JSONL, and checks it', async () => {
    const o = await OptionsPage.open(ext);
    const page = o.page;
    await page.getByTestId('example-count').filter({ hasText: '1 saved example.' }).waitFor();
    const row = page.getByTestId('example');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('Warehouse Systems Engineer');
    await expect(row.getByTestId('example-counts').textContent()).resolves.toBe(
      '1 diploma · 1 major · 1 experience · 6 skills',
    );

    // Completion format (the default).
    const completion = await download(page);
    expect(completion.name).toMatch(/^job-entities-training-completion-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = completion.text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]) as { prompt: string; completion: string };
    expect(Object.keys(rec)).toEqual(['prompt', 'completion']);
    expect(rec.prompt.endsWith('\n\n###\n\n')).toBe(true);
    expect(rec.prompt).toBe((await storedExamples())[0].text + SEPARATOR);
    expect(rec.completion.startsWith(' ')).toBe(true);
    expect(rec.completion.endsWith(' END')).toBe(true);
    const parsed = parseCompletion(rec.completion);
    expect(parsed.entities).toEqual(CORRECTED);
    expect(parsed.warnings).toEqual([]);

    // Chat format.
    await page.getByTestId('export-format').selectOption('chat');
    const chat = await download(page);
    expect(chat.name).toMatch(/^job-entities-training-chat-/);
    const chatLines = chat.text.split('\n').filter(Boolean);
    expect(chatLines).toHaveLength(1);
    const msg = JSON.parse(chatLines[0]) as { messages: { role: string; content: string }[] };
    expect(Object.keys(msg)).toEqual(['messages']);
    expect(msg.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(msg.messages[0].content).toBe(CHAT_SYSTEM_PROMPT);
    expect(msg.messages[1].content).toBe((await storedExamples())[0].text);
    expect(parseCompletion(msg.messages[2].content).entities).toEqual(CORRECTED);

    // Check: the dataset checker's report on the file.
    await page.getByTestId('export-format').selectOption('completion');
    await page.getByTestId('check-examples').click();
    const report = page.getByTestId('check-report');
    await report.waitFor();
    await expect(report.getAttribute('data-errors')).resolves.toBe('0');
    const checks = await report
      .getByTestId('check-warning')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
    expect(checks).toEqual(['no-negatives', 'few-examples']);
    await expect(report.textContent()).resolves.toContain('Only 1 usable example(s)');
    await page.close();
  });

  it("a reopened popup shows the corrected set; the model's cached answer is kept apart; Revert brings it back", async () => {
    const before = server.modelRequests().length;
    const popup = await openPopup();
    await popup.page.getByTestId('edited-marker').waitFor();
    expect(await popup.chips()).toEqual(chipsOf(CORRECTED));
    expect(server.modelRequests().length).toBe(before);
    // The results cache still holds the model's own answer.
    const cached = await ext.worker.evaluate(async () => {
      const cache = (await chrome.storage.local.get('resultCache')).resultCache as {
        entries: Record<string, { result: Record<string, unknown> }>;
      };
      return Object.values(cache.entries).map((e) => ({
        diploma: e.result.diploma,
        diploma_major: e.result.diploma_major,
        experience: e.result.experience,
        skills: e.result.skills,
      }));
    });
    expect(cached).toEqual([MODEL_ANSWER]);

    await popup.menu('improve-menu', 'revert-corrections');
    await expect.poll(() => popup.chips()).toEqual(chipsOf(MODEL_ANSWER));
    await expect(popup.page.getByTestId('edited-marker').count()).resolves.toBe(0);
    // The chips change at once; the stored correction goes a moment later: reopen after it has.
    await expect
      .poll(() =>
        ext.worker.evaluate(async () => {
          const stored = (await chrome.storage.local.get('corrections')).corrections as
            { entries?: object } | undefined;
          return Object.keys(stored?.entries ?? {}).length;
        }),
      )
      .toBe(0);
    await popup.close();

    const again = await openPopup();
    await again.page.getByTestId('improve-menu').waitFor();
    expect(await again.chips()).toEqual(chipsOf(MODEL_ANSWER));
    await expect(again.page.getByTestId('edited-marker').count()).resolves.toBe(0);
    // Reverting the chips does not touch the saved example.
    expect((await storedExamples())[0].entities).toEqual(CORRECTED);
    await again.close();
  });

  it('deleting the example on the options page empties the list', async () => {
    const o = await OptionsPage.open(ext);
    await o.page.getByTestId('example').first().waitFor();
    await o.page.getByTestId('delete-example').click();
    await o.page.getByTestId('example-count').filter({ hasText: '0 saved examples.' }).waitFor();
    await expect(o.page.getByTestId('export-examples').isDisabled()).resolves.toBe(true);
    expect(await storedExamples()).toEqual([]);
    await o.page.close();
  });

  it('damaged stored corrections and examples never break the popup or the options page', async () => {
    await ext.worker.evaluate(async () => {
      await chrome.storage.local.set({
        corrections: 'not an object',
        trainingExamples: { version: 1, examples: [{ id: 3 }] },
      });
    });
    const popup = await openPopup();
    await popup.page.getByTestId('improve-menu').waitFor();
    expect(await popup.chips()).toEqual(chipsOf(MODEL_ANSWER));
    // Correcting still works and replaces the damaged value.
    await popup.menu('improve-menu', 'edit-chips');
    await popup.page.locator('[data-testid="chip-remove"][data-raw="kafka"]').click();
    await popup.page.getByTestId('edited-marker').waitFor();
    await expect
      .poll(() =>
        ext.worker.evaluate(
          async () =>
            Object.keys(
              ((await chrome.storage.local.get('corrections')).corrections as { entries?: object })?.entries ?? {},
            ).length,
        ),
      )
      .toBe(1);
    await popup.close();
    const o = await OptionsPage.open(ext);
    await o.page
      .getByTestId('example-count')
      .filter({ hasText: '0 saved examples. 1 unreadable stored example(s) were set aside' })
      .waitFor();
    // The settings form is still there and intact.
    await expect(o.page.getByTestId('model').inputValue()).resolves.toBe(MODEL);
    await o.page.close();
  });
});
