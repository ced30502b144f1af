// The worker's extraction job with fake storage areas, capture and provider: a cached result answers
// without a model call, a job asked with other settings or for another page is not the current
// one, a cancel ends the job cancelled with nothing cached, and a newer job for the same tab is
// never overwritten by an older one finishing late.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import { SettingsSchema, type Settings } from '../../src/core/settings';
import type { ExtractionResult } from '../../src/core/entities';
import type { Posting } from '../../src/core/posting';
import { recordCancel, runJob, type JobContext, type JobRequest } from '../../src/background/job-run';
import { settingsKey } from '../../src/background/extract';
import { isJobFor, type JobState } from '../../src/shared/job-state';
import { readCache, readJob } from '../../src/shared/storage';
import { memoryArea } from './fake-storage';

const URL_A = 'https://jobs.example/data-engineer';
const posting: Posting = {
  url: URL_A,
  title: 'Data engineer',
  company: 'Acme',
  location: 'Paris',
  text: 'Data engineer. A master degree and 3 years of SQL.',
  source: 'jsonld',
};
const answer = (settings: Settings): ExtractionResult => ({
  diploma: ['master'],
  diploma_major: [],
  experience: ['3 years'],
  skills: ['SQL'],
  meta: { provider: 'openai', model: settings.model, finishReason: 'stop', warnings: [] },
});

/** A context over in-memory areas; `extract` answers at once unless a gate is given. */
function fakeContext(opts: { gate?: (signal: AbortSignal) => Promise<void> } = {}) {
  let clock = 1_000;
  const calls = { capture: 0, extract: 0 };
  const ctx: JobContext = {
    areas: { local: memoryArea(), session: memoryArea() },
    capture: async () => {
      calls.capture++;
      return posting;
    },
    ensureHostPermission: async () => undefined,
    extract: async (_p, settings, signal) => {
      calls.extract++;
      await opts.gate?.(signal);
      return answer(settings);
    },
    now: () => clock++,
  };
  return { ctx, calls };
}

const settingsFor = (model: string) => SettingsSchema.parse({ provider: 'openai', model, apiKey: 'sk-test' });

let jobs = 0;
async function request(settings: Settings, over: Partial<JobRequest> = {}): Promise<JobRequest> {
  return {
    id: `job-${++jobs}`,
    tabId: 3,
    url: URL_A,
    selection: false,
    force: false,
    settings,
    settingsKey: await settingsKey(settings),
    all: false,
    signal: new AbortController().signal,
    ...over,
  };
}

/** Resolves once the tab's stored job reaches `status`. */
async function until(ctx: JobContext, tabId: number, test: (job: JobState | null) => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (test(await readJob(ctx.areas.session, tabId))) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the job never got there');
}

/** A gate the test opens, or that rejects when the job's signal aborts (as a real request does). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      void opened.then(resolve);
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
  return { open: () => open(), wait };
}

describe('runJob: answers and the cache', () => {
  it('answers from the model, stores the job and caches the result', async () => {
    const { ctx, calls } = fakeContext();
    const settings = settingsFor('m1');
    const job = await runJob(ctx, await request(settings));
    expect(job).toMatchObject({ status: 'done', fromCache: false, result: answer(settings) });
    expect(calls).toEqual({ capture: 1, extract: 1 });
    expect(await readJob(ctx.areas.session, 3)).toEqual(job);
    expect(Object.keys((await readCache(ctx.areas.local)).entries)).toHaveLength(1);
  });

  it('a cache hit answers with the cached result and no model call (by URL: no capture either)', async () => {
    const { ctx, calls } = fakeContext();
    const settings = settingsFor('m1');
    await runJob(ctx, await request(settings));
    const again = await runJob(ctx, await request(settings));
    expect(again).toMatchObject({ status: 'done', fromCache: true, result: answer(settings) });
    expect(calls).toEqual({ capture: 1, extract: 1 });
    // A selection is not found by URL: captured again, then found by its text.
    const selected = await runJob(ctx, await request(settings, { selection: true }));
    expect(selected).toMatchObject({ status: 'done', fromCache: true });
    expect(calls).toEqual({ capture: 2, extract: 1 });
  });

  it('Re-extract (force) asks the model again', async () => {
    const { ctx, calls } = fakeContext();
    const settings = settingsFor('m1');
    await runJob(ctx, await request(settings));
    expect(await runJob(ctx, await request(settings, { force: true }))).toMatchObject({ fromCache: false });
    expect(calls.extract).toBe(2);
  });

  it('another model is another answer: not served from the cache of the first', async () => {
    const { ctx, calls } = fakeContext();
    await runJob(ctx, await request(settingsFor('m1')));
    const job = await runJob(ctx, await request(settingsFor('m2')));
    expect(job).toMatchObject({ fromCache: false, result: answer(settingsFor('m2')) });
    expect(calls.extract).toBe(2);
  });
});

describe('runJob: cancels and newer jobs', () => {
  it('a cancel ends the job cancelled, and its result is not cached', async () => {
    const g = gate();
    const { ctx } = fakeContext({ gate: g.wait });
    const controller = new AbortController();
    const running = runJob(ctx, await request(settingsFor('m1'), { signal: controller.signal }));
    await until(ctx, 3, (j) => j?.status === 'extracting');
    await recordCancel(ctx.areas.session, 3, ctx.now());
    controller.abort();
    const job = await running;
    expect(job).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
    expect(await readJob(ctx.areas.session, 3)).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
    expect((await readCache(ctx.areas.local)).entries).toEqual({});
  });

  it('a cancel recorded while the answer arrives: the job reports the cancel, not its result', async () => {
    const g = gate();
    const { ctx } = fakeContext({ gate: g.wait });
    const running = runJob(ctx, await request(settingsFor('m1')));
    await until(ctx, 3, (j) => j?.status === 'extracting');
    await recordCancel(ctx.areas.session, 3, ctx.now());
    g.open();
    expect(await running).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
    expect(await readJob(ctx.areas.session, 3)).toMatchObject({ status: 'error', error: { code: 'cancelled' } });
  });

  it('a newer job for the same tab is never overwritten by the older one finishing late', async () => {
    const slow = gate();
    let asked = 0;
    // The first request waits for the gate; the second answers at once.
    const { ctx } = fakeContext({ gate: (signal) => (++asked === 1 ? slow.wait(signal) : Promise.resolve()) });
    const older = runJob(ctx, await request(settingsFor('m1')));
    await until(ctx, 3, (j) => j?.status === 'extracting');
    const newer = await runJob(ctx, await request(settingsFor('m2'), { force: true }));
    expect(newer).toMatchObject({ status: 'done', model: 'm2' });
    slow.open();
    const late = await older;
    // The older job reports its own answer, but the tab's state stays the newer job's.
    expect(late).toMatchObject({ status: 'done', model: 'm1' });
    expect(await readJob(ctx.areas.session, 3)).toMatchObject({ id: newer.id, model: 'm2' });
  });
});

describe('isJobFor: the one freshness check of the worker and the popup', () => {
  const job: JobState = {
    id: 'j',
    tabId: 3,
    url: URL_A,
    status: 'done',
    startedAt: 1,
    selection: false,
    settingsKey: 'k1',
  };
  it('is the job of the page with the same URL, selection choice and settings', () => {
    expect(isJobFor(job, { url: URL_A, selection: false, settingsKey: 'k1' })).toBe(true);
    expect(isJobFor(job, { url: URL_A, selection: false })).toBe(true);
  });
  it('a job asked with other settings, for another URL or another selection choice is stale', () => {
    expect(isJobFor(job, { url: URL_A, selection: false, settingsKey: 'k2' })).toBe(false);
    expect(isJobFor(job, { url: 'https://jobs.example/other', selection: false })).toBe(false);
    expect(isJobFor(job, { url: URL_A, selection: true })).toBe(false);
  });
  it('without the tab URL nothing proves it is the same page', () => {
    expect(isJobFor(job, { url: '', selection: false })).toBe(false);
    expect(isJobFor(job, { url: undefined, selection: false })).toBe(false);
    expect(isJobFor(null, { url: URL_A, selection: false })).toBe(false);
  });
});
