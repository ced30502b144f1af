// The extension's corrections and training examples: the two stores (validation, caps, damaged
// entries), the edits behind the popup's chip × and Add, and the export/check of saved examples
// through the dataset core, on the project's own invented examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { chatToCompletion } from '../../src/core/dataset/convert';
import { emptyEntities, type Entities } from '../../src/core/entities';
import { CHAT_SYSTEM_PROMPT, SEPARATOR } from '../../src/core/prompt';
import { toEntityValue } from '../../src/popup/components/AddValue';
import {
  addValue,
  CORRECTIONS_KEY,
  CORRECTIONS_LIMIT,
  deleteCorrection,
  postingCorrectionKey,
  readCorrection,
  removeValue,
  sameEntities,
  textHash,
  writeCorrection,
} from '../../src/shared/corrections-store';
import { checkTrainingExamples, exportFileName, trainingJsonl } from '../../src/shared/examples-export';
import {
  deleteExample,
  EXAMPLES_KEY,
  EXAMPLES_SET_ASIDE_KEY,
  ExamplesFullError,
  readExamples,
  saveExample,
  toTrainingExample,
  TrainingExampleSchema,
  type TrainingExample,
} from '../../src/shared/examples-store';
import { fixturePath } from '../shared';
import * as fakeStorage from './fake-storage';

/** An in-memory storage.local (values pass through JSON, as the browser's structured clone would). */
const memoryArea = (initial: Record<string, unknown> = {}) => fakeStorage.memoryArea(initial, fakeStorage.jsonCopy);

const FIXTURES: TrainingExample[] = JSON.parse(readFileSync(fixturePath('e2e-examples', 'examples.json'), 'utf8'));

function entities(p: Partial<Entities>): Entities {
  return { ...emptyEntities(), ...p };
}

describe('corrections store', () => {
  it('keys a posting by URL (fragment aside) and a hash of its text (white space aside)', async () => {
    const a = await postingCorrectionKey({ url: 'https://x.test/job/1#apply', text: 'Python  and\nSQL' });
    const b = await postingCorrectionKey({ url: 'https://x.test/job/1', text: ' Python and SQL ' });
    const c = await postingCorrectionKey({ url: 'https://x.test/job/1', text: 'Python and Go' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(await textHash('a b')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes, reads and deletes a correction; other keys are untouched', async () => {
    const area = memoryArea({ settings: { model: 'm' }, resultCache: { entries: {}, byUrl: {} } });
    const key = await postingCorrectionKey({ url: 'https://x.test/1', text: 'text' });
    const corr = {
      url: 'https://x.test/1',
      textHash: await textHash('text'),
      entities: entities({ skills: ['rust'] }),
      updatedAt: 1,
    };
    await writeCorrection(area, key, corr);
    expect(await readCorrection(area, key)).toEqual(corr);
    await deleteCorrection(area, key);
    expect(await readCorrection(area, key)).toBeUndefined();
    expect(area.data.settings).toEqual({ model: 'm' });
    expect(area.data.resultCache).toEqual({ entries: {}, byUrl: {} });
  });

  it('keeps at most CORRECTIONS_LIMIT entries, dropping the least recently changed', async () => {
    const hash = await textHash('t');
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < CORRECTIONS_LIMIT; i++)
      entries[`k${i}`] = { url: `u${i}`, textHash: hash, entities: emptyEntities(), updatedAt: 1000 + i };
    const area = memoryArea({ [CORRECTIONS_KEY]: { version: 1, entries } });
    await writeCorrection(area, 'new', { url: 'n', textHash: hash, entities: emptyEntities(), updatedAt: 99_999 });
    const stored = (area.data[CORRECTIONS_KEY] as { entries: Record<string, unknown> }).entries;
    expect(Object.keys(stored)).toHaveLength(CORRECTIONS_LIMIT);
    expect(stored.k0).toBeUndefined();
    expect(stored.k1).toBeDefined();
    expect(stored.new).toBeDefined();
  });

  it('a damaged entry or a damaged store never throws and costs only itself', async () => {
    const hash = await textHash('t');
    const good = { url: 'u', textHash: hash, entities: entities({ diploma: ['bs'] }), updatedAt: 5 };
    const area = memoryArea({ [CORRECTIONS_KEY]: { version: 1, entries: { good, bad: { url: 3, entities: 'x' } } } });
    expect(await readCorrection(area, 'good')).toEqual(good);
    expect(await readCorrection(area, 'bad')).toBeUndefined();
    for (const junk of ['nonsense', 42, null, [1, 2], { version: 1, entries: 'x' }]) {
      expect(await readCorrection(memoryArea({ [CORRECTIONS_KEY]: junk }), 'good')).toBeUndefined();
    }
    await expect(writeCorrection(area, 'x', { ...good, textHash: 'not-a-hash' })).rejects.toThrow();
  });

  it('removing a chip removes every occurrence and spelling it stands for; adding skips values already shown', () => {
    const e = entities({ skills: ['python', 'sql', 'Python', 'c #'] });
    expect(removeValue(e, 'skills', 'python').skills).toEqual(['sql', 'c #']);
    expect(removeValue(e, 'skills', 'c #').skills).toEqual(['python', 'sql', 'Python']);
    expect(addValue(e, 'skills', 'rust').skills).toEqual(['python', 'sql', 'Python', 'c #', 'rust']);
    expect(addValue(e, 'skills', 'c#')).toBe(e);
    expect(addValue(e, 'skills', '   ')).toBe(e);
    expect(addValue(e, 'diploma', 'bs').diploma).toEqual(['bs']);
    expect(sameEntities(e, entities({ skills: ['python', 'sql', 'Python', 'c #'] }))).toBe(true);
    expect(sameEntities(e, entities({ skills: ['sql', 'python', 'Python', 'c #'] }))).toBe(false);
  });

  it("a typed value is stored in the training data's token form", () => {
    expect(toEntityValue('C#')).toBe('c #');
    expect(toEntityValue('5+ years')).toBe('5 + years');
    expect(toEntityValue('  Objective-C ')).toBe('objective - c');
    expect(toEntityValue('Rust')).toBe('rust');
    expect(toEntityValue('  ')).toBe('');
  });
});

describe('training examples store', () => {
  const base = {
    id: 'https://x.test/1\u0000h',
    text: 'You know Rust.',
    entities: entities({ skills: ['rust'] }),
    url: 'https://x.test/1',
    title: 'Engineer',
    model: 'local',
  };

  it('saves, updates the same posting in place, deletes', async () => {
    const area = memoryArea();
    expect(await saveExample(area, toTrainingExample(base, new Date('2026-11-26T06:00:00Z')))).toBe('saved');
    expect(await saveExample(area, toTrainingExample({ ...base, id: 'other', url: 'https://x.test/2' }))).toBe('saved');
    expect(
      await saveExample(area, toTrainingExample({ ...base, entities: entities({ skills: ['rust', 'go'] }) })),
    ).toBe('updated');
    const { examples } = await readExamples(area);
    expect(examples.map((e) => e.id)).toEqual([base.id, 'other']);
    expect(examples[0].entities.skills).toEqual(['rust', 'go']);
    await deleteExample(area, 'other');
    expect((await readExamples(area)).examples.map((e) => e.id)).toEqual([base.id]);
  });

  it('refuses a new example when full (never evicts), but still updates a saved one', async () => {
    const area = memoryArea();
    await saveExample(area, toTrainingExample(base), 2);
    await saveExample(area, toTrainingExample({ ...base, id: 'b' }), 2);
    await expect(saveExample(area, toTrainingExample({ ...base, id: 'c' }), 2)).rejects.toBeInstanceOf(
      ExamplesFullError,
    );
    await expect(saveExample(area, toTrainingExample({ ...base, id: 'c' }), 2)).rejects.toThrow(
      /Export them from the options page/,
    );
    expect(await saveExample(area, toTrainingExample({ ...base, title: 'Renamed' }), 2)).toBe('updated');
    expect((await readExamples(area)).examples).toHaveLength(2);
  });

  it('an invalid example is refused, never stored', async () => {
    const area = memoryArea();
    await expect(saveExample(area, { ...toTrainingExample(base), text: '' })).rejects.toThrow();
    await expect(saveExample(area, { ...toTrainingExample(base), savedAt: 'yesterday' })).rejects.toThrow();
    expect(area.data[EXAMPLES_KEY]).toBeUndefined();
  });

  it('damaged stored entries are set aside on the next write, the rest kept; nothing outside its keys is touched', async () => {
    const good = FIXTURES[0];
    const area = memoryArea({
      [EXAMPLES_KEY]: { version: 1, examples: [good, { id: 7 }, 'junk'] },
      collection: { version: 1, postings: [] },
    });
    const read = await readExamples(area);
    expect(read.examples).toEqual([good]);
    expect(read.invalid).toEqual([{ id: 7 }, 'junk']);
    await saveExample(area, toTrainingExample(base));
    expect((await readExamples(area)).examples.map((e) => e.id)).toEqual([good.id, base.id]);
    expect(area.data[EXAMPLES_SET_ASIDE_KEY]).toEqual([{ id: 7 }, 'junk']);
    expect(area.data.collection).toEqual({ version: 1, postings: [] });
    for (const junk of ['x', 3, { version: 1, examples: 'nope' }]) {
      const r = await readExamples(memoryArea({ [EXAMPLES_KEY]: junk }));
      expect(r.examples).toEqual([]);
      expect(r.invalid).toHaveLength(1);
    }
  });

  it('the invented fixtures are valid examples', () => {
    for (const ex of FIXTURES) expect(TrainingExampleSchema.safeParse(ex).success).toBe(true);
  });
});

describe('export and check of saved examples', () => {
  it('completion JSONL: one line per example, the training format exactly, entities round-trip', () => {
    const text = trainingJsonl(FIXTURES, 'completion');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { prompt: string; completion: string });
    expect(lines).toHaveLength(FIXTURES.length);
    lines.forEach((rec, i) => {
      expect(Object.keys(rec)).toEqual(['prompt', 'completion']);
      expect(rec.prompt.endsWith(SEPARATOR)).toBe(true);
      expect(rec.prompt.slice(0, -SEPARATOR.length)).not.toContain('###');
      expect(rec.completion.startsWith(' ')).toBe(true);
      expect(rec.completion.endsWith(' END')).toBe(true);
      const parsed = parseCompletion(rec.completion);
      expect(parsed.entities).toEqual(FIXTURES[i].entities);
      expect(parsed.warnings).toEqual([]);
    });
    // The stop word inside the posting text is neutralised, as at inference.
    expect(lines[0].prompt).toContain('at the end of the hall');
    expect(lines[1].completion).toBe(' no entity\n END');
  });

  it('chat JSONL: system, user, assistant; converting back gives the same entities', () => {
    const lines = trainingJsonl(FIXTURES, 'chat')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
    expect(lines).toHaveLength(FIXTURES.length);
    lines.forEach((rec, i) => {
      expect(rec.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(rec.messages[0].content).toBe(CHAT_SYSTEM_PROMPT);
      expect(rec.messages[1].content).not.toContain(SEPARATOR);
      expect(parseCompletion(rec.messages[2].content).entities).toEqual(FIXTURES[i].entities);
      expect(parseCompletion(chatToCompletion(rec as never).completion).entities).toEqual(FIXTURES[i].entities);
    });
    expect(lines[1].messages[2].content).toBe('no entity');
  });

  it('the check reports on the exported file with line numbers that match the list', () => {
    const report = checkTrainingExamples(FIXTURES, 'completion');
    expect(report.examples).toBe(3);
    expect(report.errors).toEqual([]);
    const byCheck = Object.fromEntries(report.warnings.map((w) => [w.check, w.lines]));
    expect(byCheck['value-not-in-prompt']).toEqual([3]);
    expect(byCheck['few-examples']).toEqual([]);
    expect(byCheck['no-negatives']).toBeUndefined();
    expect(byCheck['ending-inconsistent']).toBeUndefined();
    expect(byCheck['separator-missing']).toBeUndefined();
    expect(report.stats.negatives).toBe(1);
    expect(report.stats.entities.skills.values).toBe(6);
    const chat = checkTrainingExamples(FIXTURES, 'chat');
    expect(chat.errors).toEqual([]);
    expect(chat.stats.chatFormat).toBe(3);
    expect(Object.fromEntries(chat.warnings.map((w) => [w.check, w.lines]))['value-not-in-prompt']).toEqual([3]);
  });

  it('without negatives the check says so', () => {
    const report = checkTrainingExamples([FIXTURES[0], FIXTURES[2]], 'completion');
    expect(report.warnings.map((w) => w.check)).toContain('no-negatives');
  });

  it('names the file after the format and the day', () => {
    expect(exportFileName('chat', new Date('2026-11-26T06:00:00Z'))).toBe(
      'job-entities-training-chat-2026-11-26.jsonl',
    );
  });
});
