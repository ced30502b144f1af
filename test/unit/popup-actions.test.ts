// The popup's use cases outside its components: the job watch and the steps that show a tab's
// job, the freshness check, applying a correction, and the highlight commands' texts.
import { describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

// webextension-polyfill hands back a `browser` that is already there; this one holds only what
// the modules under test touch: storage.onChanged and storage.session.
const fake = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  const session: Record<string, unknown> = {};
  const browser = {
    runtime: { id: 'test-extension-id' },
    storage: {
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
      session: { get: async (key: string) => (key in session ? { [key]: session[key] } : {}) },
    },
  };
  const g = globalThis as Record<string, unknown>;
  g.chrome = { runtime: { id: 'test-extension-id' } };
  g.browser = browser;
  return { listeners, session };
});

import { pickEntities, type ExtractionResult } from '../../src/core/entities';
import { applyEdit } from '../../src/popup/correction-actions';
import { highlightEntries, revealText } from '../../src/popup/highlight-actions';
import { jobIsForPage } from '../../src/popup/job-freshness';
import { followTab, type JobContext, type PopupView } from '../../src/popup/job-steps';
import { readStoredJob, watchJob } from '../../src/popup/job-storage';
import type { JobState } from '../../src/shared/messages';
import { jobKey } from '../../src/shared/storage';
import { addValue, removeValue } from '../../src/shared/corrections-store';
import type { MatchResult } from '../../src/core/match';

const job = (over: Partial<JobState> = {}): JobState => ({
  id: 'j1',
  tabId: 7,
  url: 'https://jobs.example/1',
  status: 'done',
  startedAt: 1,
  ...over,
});

const emit = (changes: Record<string, { newValue?: unknown }>, area = 'session') => {
  for (const l of [...fake.listeners]) l(changes, area);
};

describe('watchJob', () => {
  it("reports each valid state written for its tab's job, and nothing else", () => {
    const seen: JobState[] = [];
    const stop = new AbortController();
    watchJob(7, (j) => seen.push(j), stop.signal);
    emit({ [jobKey(7)]: { newValue: job({ status: 'extracting' }) } });
    emit({ [jobKey(8)]: { newValue: job({ tabId: 8 }) } }); // another tab
    emit({ [jobKey(7)]: { newValue: job() } }, 'local'); // another area
    emit({ [jobKey(7)]: { newValue: { id: 'j1', status: 'bogus' } } }); // damaged
    emit({ [jobKey(7)]: {} }); // removed
    expect(seen.map((j) => j.status)).toEqual(['extracting']);
  });

  it('stops when its signal aborts', () => {
    const seen: JobState[] = [];
    const stop = new AbortController();
    const before = fake.listeners.size;
    watchJob(7, (j) => seen.push(j), stop.signal);
    stop.abort();
    expect(fake.listeners.size).toBe(before);
    emit({ [jobKey(7)]: { newValue: job() } });
    expect(seen).toEqual([]);
  });

  it('readStoredJob reads the same key and drops what does not parse', async () => {
    fake.session[jobKey(3)] = job({ tabId: 3 });
    fake.session[jobKey(4)] = { id: 4 };
    expect((await readStoredJob(3))?.tabId).toBe(3);
    expect(await readStoredJob(4)).toBeUndefined();
    expect(await readStoredJob(5)).toBeUndefined();
  });
});

describe('followTab', () => {
  const context = () => {
    const views: PopupView[] = [];
    const ctx: JobContext = {
      params: { mode: 'window', tabId: 7, selection: false },
      setView: (v) => views.push(v),
      setTabId: () => undefined,
      epoch: 0,
      selection: false,
    };
    return { ctx, views };
  };

  it("shows a running job's progress and the shown job's end, not another finished job", () => {
    const { ctx, views } = context();
    followTab(ctx, 7);
    emit({ [jobKey(7)]: { newValue: job({ id: 'old' }) } });
    expect(views).toEqual([]);
    emit({ [jobKey(7)]: { newValue: job({ id: 'new', status: 'capturing' }) } });
    emit({ [jobKey(7)]: { newValue: job({ id: 'new', status: 'done' }) } });
    expect(views.map((v) => (v.kind === 'job' ? `${v.job.id}:${v.job.status}` : v.kind))).toEqual([
      'new:capturing',
      'new:done',
    ]);
    ctx.watch?.abort();
  });

  it('following another tab stops watching the first', () => {
    const { ctx, views } = context();
    followTab(ctx, 7);
    followTab(ctx, 8);
    emit({ [jobKey(7)]: { newValue: job({ status: 'extracting' }) } });
    expect(views).toEqual([]);
    emit({ [jobKey(8)]: { newValue: job({ tabId: 8, status: 'extracting' }) } });
    expect(views).toHaveLength(1);
    ctx.watch?.abort();
  });
});

describe('jobIsForPage', () => {
  it('needs the same URL, and the same kind (selection or not) when asked', () => {
    expect(jobIsForPage(job(), 'https://jobs.example/1')).toBe(true);
    expect(jobIsForPage(job(), 'https://jobs.example/2')).toBe(false);
    expect(jobIsForPage(job(), undefined)).toBe(false);
    expect(jobIsForPage(job({ url: '' }), '')).toBe(false);
    expect(jobIsForPage(job(), 'https://jobs.example/1', false)).toBe(true);
    expect(jobIsForPage(job(), 'https://jobs.example/1', true)).toBe(false);
    expect(jobIsForPage(job({ selection: true }), 'https://jobs.example/1', true)).toBe(true);
  });
});

describe('applyEdit', () => {
  const model = {
    diploma: [],
    diploma_major: [],
    experience: [],
    skills: ['python', 'sql'],
    meta: {},
  } as unknown as ExtractionResult;

  it('keeps the user set, says when nothing changed, and drops a set that is the model answer again', () => {
    const removed = applyEdit(model, undefined, (e) => removeValue(e, 'skills', 'sql'));
    expect(removed).toMatchObject({ skills: ['python'] });
    expect(applyEdit(model, undefined, (e) => e)).toBe('unchanged');
    const back = applyEdit(model, removed as ReturnType<typeof pickEntities>, (e) => addValue(e, 'skills', 'sql'));
    expect(back).toBeUndefined();
  });
});

describe('highlight commands', () => {
  it('marks skills matched or missing in candidate mode, and says where a revealed value is', () => {
    const entities = { diploma: ["Bachelor's"], diploma_major: [], experience: [], skills: ['Python', 'Go'] };
    const match = { matched: ['python'] } as unknown as MatchResult;
    const kinds = highlightEntries(entities, match).map((e) => [e.value, e.kind]);
    expect(kinds).toEqual([
      ["Bachelor's", 'diploma'],
      ['Python', 'matched'],
      ['Go', 'missing'],
    ]);
    expect(highlightEntries(entities).map((e) => e.kind)).toEqual(['diploma', 'skills', 'skills']);
    expect(revealText('python', { on: true, total: 3, index: 1 } as never)).toBe('"Python": 2 of 3 in the page');
    expect(revealText('python', { on: true, total: 0 } as never)).toBe('"Python" is not found in the page.');
  });
});
