// Writes a storage snapshot: every kind of data the extension saves, written through the store
// functions of the tree this runs in, against in-memory storage areas, dumped as JSON
// ({version, local, session}). test/fixtures/storage-snapshot-0.1.0.json was written by version
// 0.1.0 (commit 5121e48, before the storage-item API); test/unit/storage-snapshot.test.ts loads it
// and checks that every entry a user saved reads back unchanged. Re-running on a later tree writes
// that tree's format: give it a new file name rather than overwriting an old snapshot.
//
// Usage (the polyfill refuses to load outside an extension without a runtime id):
//   node --import 'data:text/javascript,globalThis.chrome={runtime:{id:"snapshot"}}' \
//     scripts/run-ts.mjs scripts/storage-snapshot.ts test/fixtures/storage-snapshot-X.json
import { readFileSync, writeFileSync } from 'node:fs';
import { savePosting } from '../src/shared/collection-store';
import { correctionKeyOf, textHash, writeCorrection } from '../src/shared/corrections-store';
import { saveExample, toTrainingExample } from '../src/shared/examples-store';
import { writePanelPrefs } from '../src/shared/panel-prefs';
import { saveProfile } from '../src/shared/profile-store';
import {
  highlightKey,
  putCached,
  selectionKey,
  writeJob,
  writeSettings,
  type StorageAreaLike,
} from '../src/shared/storage';
import { SettingsSchema } from '../src/core/settings';
import type { ExtractionResult } from '../src/core/entities';

const out = process.argv[2];
if (!out) {
  console.error('usage: ... scripts/storage-snapshot.ts OUT.json');
  process.exit(2);
}

function area(): StorageAreaLike & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    data,
    async get(keys) {
      const o: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in data) o[k] = copy(data[k]);
      return o;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data[k] = copy(v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

// A fixed clock: the snapshot is the same on every run.
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
Date.now = () => NOW;
const at = (minutes: number) => new Date(NOW - minutes * 60_000);

const local = area();
const session = area();
const text =
  'Data engineer. Requirements: a master degree in computer science, 3 years of experience with SQL and Python.';
const entities = {
  diploma: ['master'],
  diploma_major: ['computer science'],
  experience: ['3 years'],
  skills: ['SQL', 'Python'],
};
const result: ExtractionResult = {
  ...entities,
  meta: { provider: 'openai', model: 'ft:gpt-4o-mini:acme::abc', finishReason: 'stop', warnings: [] },
};
const posting = {
  url: 'https://jobs.example/data-engineer',
  title: 'Data engineer',
  company: 'Acme',
  location: 'Paris',
  text,
  source: 'jsonld' as const,
};

// Settings with a key (bound to its origin).
await writeSettings(
  local,
  SettingsSchema.parse({ provider: 'openai', model: 'ft:gpt-4o-mini:acme::abc', apiKey: 'sk-snapshot-0123456789' }),
);

// The collection: two postings, one with tracking.
await savePosting(local, {
  url: posting.url,
  title: posting.title,
  company: posting.company,
  location: posting.location,
  capturedAt: at(60).toISOString(),
  entities,
  model: result.meta.model,
  provider: 'openai',
  status: 'Applied',
  notes: 'Called back on Monday.',
});
await savePosting(local, {
  url: 'https://jobs.example/analyst',
  title: 'Analyst',
  company: 'Beta',
  location: '',
  capturedAt: at(30).toISOString(),
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['Excel'] },
  model: 'local',
  provider: 'local',
});
// Entries today's code could not read: set aside under collectionSetAside on the next write.
const saved = local.data.collection as { version: number; postings: unknown[] };
local.data.collection = { ...saved, postings: [...saved.postings, { url: 42, title: 'broken' }] };
await savePosting(local, {
  url: 'https://jobs.example/third',
  title: 'Third',
  company: 'Gamma',
  location: 'Lyon',
  capturedAt: at(10).toISOString(),
  entities: { diploma: ['bachelor'], diploma_major: [], experience: [], skills: [] },
  model: 'local',
  provider: 'local',
});

// Training examples, one negative.
await saveExample(
  local,
  toTrainingExample(
    {
      id: `${posting.url}\u0000${await textHash(text)}`,
      text,
      entities,
      url: posting.url,
      title: posting.title,
      model: result.meta.model,
    },
    at(50),
  ),
);
await saveExample(
  local,
  toTrainingExample(
    {
      id: 'https://jobs.example/none\u0000' + 'b'.repeat(64),
      text: 'We sell shoes.',
      entities: { diploma: [], diploma_major: [], experience: [], skills: [] },
      url: 'https://jobs.example/none',
      title: 'Not a posting',
      model: 'local',
    },
    at(40),
  ),
);

// Corrections, then a damaged one set aside on the next write.
const hash = await textHash(text);
await writeCorrection(local, correctionKeyOf(posting.url, hash), {
  url: posting.url,
  textHash: hash,
  entities: { ...entities, skills: ['SQL', 'Python', 'Airflow'] },
  updatedAt: NOW - 20 * 60_000,
});
const corrections = local.data.corrections as { version: number; entries: Record<string, unknown> };
local.data.corrections = { ...corrections, entries: { ...corrections.entries, broken: { url: 1 } } };
await writeCorrection(local, correctionKeyOf('https://jobs.example/analyst', 'c'.repeat(64)), {
  url: 'https://jobs.example/analyst',
  textHash: 'c'.repeat(64),
  entities: { diploma: [], diploma_major: [], experience: [], skills: ['Excel', 'SQL'] },
  updatedAt: NOW - 5 * 60_000,
});

// The profile.
await saveProfile(local, {
  version: 1,
  skills: ['SQL', 'Python', 'dbt'],
  years: 4,
  diplomas: ['master'],
  majors: ['computer science'],
});

// The results cache: one entry found by text and by URL.
await putCached(local, 'text-key-1', 'url-key-1', { result, posting, usedAt: NOW - 15 * 60_000 });
await putCached(local, 'text-key-2', undefined, {
  result: { ...result, skills: ['Excel'] },
  posting: { ...posting, url: 'https://jobs.example/analyst', text: 'Analyst with Excel.' },
  usedAt: NOW - 10 * 60_000,
  cut: { total: 120_000, kept: 60_000, requests: 2 },
});

// Side panel preferences.
await writePanelPrefs(local, { toolbarOpensPanel: true, autoExtract: true });

// storage.session: a finished job, a running one, a highlight and a selection.
await writeJob(session, {
  id: 'job-done',
  tabId: 7,
  url: posting.url,
  status: 'done',
  startedAt: NOW - 60_000,
  finishedAt: NOW - 50_000,
  provider: 'openai',
  model: result.meta.model,
  selection: false,
  posting,
  textHash: hash,
  result,
  fromCache: false,
  settingsKey: 'd'.repeat(64),
});
await writeJob(session, {
  id: 'job-running',
  tabId: 8,
  url: 'https://jobs.example/analyst',
  status: 'extracting',
  startedAt: NOW - 5_000,
  provider: 'local',
  model: 'offline extractor',
  settingsKey: 'e'.repeat(64),
});
await session.set({ [highlightKey(7)]: true, [selectionKey(8)]: 'Excel and SQL' });

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
writeFileSync(out, JSON.stringify({ version: pkg.version, local: local.data, session: session.data }, null, 2) + '\n');
console.log(`wrote ${out}`);
