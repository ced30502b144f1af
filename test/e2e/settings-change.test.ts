/// <reference types="chrome" />
// A finished job is reused only with the settings it was asked with: a user who saw the offline
// extractor's chips, then set a model in the options, gets the model's answer when the popup is
// reopened on the same tab (one request), and the cache after that (no second request). The same
// for a change of mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupForDisplay } from '../../src/core/display';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import type { OpenAIServer } from '../server/openai-server';
import {
  closeAll,
  OptionsPage,
  PopupPage,
  startTestBed,
  tabIdOf,
  type Chip,
  type ExtensionBrowser,
  type JobSite,
} from './fixtures';

const KEY = 'sk-test-settings-change-0123';
const MODEL = 'ft:davinci-002:tidewater:settings:def456';

/** Values the offline extractor would never give for the page: the chips show who answered. */
const ANSWER: Entities = {
  diploma: ['phd'],
  diploma_major: ['marine biology'],
  experience: ['12 + years'],
  skills: ['cobol', 'fortran', 'cobol'],
};
const COMPLETION =
  ' ' + ENTITY_TYPES.map((t) => `${t}:[${ANSWER[t].map((v) => `'${v}'`).join(', ')}]`).join('\n ') + '\n END';
const MODEL_CHIPS: Chip[] = ENTITY_TYPES.flatMap((t) =>
  groupForDisplay(ANSWER[t]).map((g) => ({ type: t, text: g.display })),
);

let ext: ExtensionBrowser;
let server: OpenAIServer;
let site: JobSite;
let tabId: number;

beforeAll(async () => {
  ({ server, site, ext } = await startTestBed({ apiKey: KEY, answer: () => COMPLETION }));
  const page = await ext.context.newPage();
  await page.goto(site.url('backend-engineer.html'));
  tabId = await tabIdOf(ext, page);
});

afterAll(() => closeAll(ext, site, server));

/** Opens the popup on the tab and waits for the answer of `model` (a stale result may show first). */
async function popupAnsweredBy(model: string): Promise<PopupPage> {
  const popup = await PopupPage.open(ext, tabId);
  await popup.page.getByTestId('answered-by').filter({ hasText: model }).waitFor({ timeout: 20_000 });
  expect(await popup.settled()).toBe('done');
  return popup;
}

const storedJob = () =>
  ext.worker.evaluate(
    async (id: number) =>
      (await chrome.storage.session.get(`job:${id}`))[`job:${id}`] as Record<string, unknown> | undefined,
    tabId,
  );

describe('a finished job and changed settings', () => {
  it('with no model, the offline extractor answers (no request)', async () => {
    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('offline-label').textContent()).resolves.toBe('offline extractor');
    const chips = await popup.chips();
    expect(chips.length).toBeGreaterThan(2);
    expect(chips).not.toEqual(MODEL_CHIPS);
    await popup.close();
    expect(server.modelRequests()).toHaveLength(0);
    expect(await storedJob()).toMatchObject({
      status: 'done',
      model: 'offline extractor',
      settingsKey: expect.any(String),
    });
  });

  it("after a model is saved in the options, the reopened popup shows the model's chips: one request", async () => {
    const offlineKey = (await storedJob())?.settingsKey;
    expect(await OptionsPage.configure(ext, { baseURL: server.url, apiKey: KEY, model: MODEL, mode: 'auto' })).toBe(
      'Saved.',
    );
    const popup = await popupAnsweredBy(MODEL);
    expect(await popup.chips()).toEqual(MODEL_CHIPS);
    await expect(popup.page.getByTestId('offline-label').count()).resolves.toBe(0);
    await popup.close();
    expect(server.modelRequests()).toHaveLength(1);
    expect(server.modelRequests()[0].path).toBe('/v1/completions');
    const job = await storedJob();
    expect(job).toMatchObject({ status: 'done', model: MODEL, fromCache: false });
    expect(job?.settingsKey).not.toBe(offlineKey);
  });

  it('reopened again with the same settings: the same chips, no second request', async () => {
    const popup = await popupAnsweredBy(MODEL);
    expect(await popup.chips()).toEqual(MODEL_CHIPS);
    await popup.close();
    expect(server.modelRequests()).toHaveLength(1);
  });

  it('a change of mode is a change of answer too: one new request, in the new mode', async () => {
    const before = (await storedJob())?.settingsKey;
    expect(await OptionsPage.configure(ext, { mode: 'chat' })).toBe('Saved.');
    const popup = await PopupPage.open(ext, tabId);
    // The label is the same model's: wait for the new job rather than for the label.
    const newJobDone = async () => {
      const job = await storedJob();
      return job?.status === 'done' && job.settingsKey !== before;
    };
    await expect.poll(newJobDone, { timeout: 20_000 }).toBe(true);
    await popup.page.getByTestId('answered-by').filter({ hasText: MODEL }).waitFor();
    expect(await popup.settled()).toBe('done');
    expect(await popup.chips()).toEqual(MODEL_CHIPS);
    await popup.close();
    expect(server.modelRequests()).toHaveLength(2);
    expect(server.modelRequests()[1].path).toBe('/v1/chat/completions');
    const again = await popupAnsweredBy(MODEL);
    expect(await again.chips()).toEqual(MODEL_CHIPS);
    await again.close();
    expect(server.modelRequests()).toHaveLength(2);
  });

  it('back to no model: the offline chips again, from the cache, with no request', async () => {
    expect(await OptionsPage.configure(ext, { model: '' })).toBe('Saved.');
    const popup = await PopupPage.open(ext, tabId);
    await popup.page.getByTestId('offline-label').waitFor({ timeout: 20_000 });
    expect(await popup.settled()).toBe('done');
    await expect(popup.page.getByTestId('from-cache').count()).resolves.toBe(1);
    await popup.close();
    expect(server.modelRequests()).toHaveLength(2);
  });
});
