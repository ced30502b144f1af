// Converting between the completion and chat formats keeps the entities exactly; the split is
// reproducible; IOB text becomes examples; the reader keeps line numbers whatever the container.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/core/completion';
import { ENTITY_TYPES, type Entities } from '../../src/core/entities';
import { buildChatMessages, buildPrompt, CHAT_SYSTEM_PROMPT } from '../../src/core/prompt';
import { checkDataset } from '../../src/core/dataset/check';
import {
  CHAT_NEGATIVE,
  chatToCompletion,
  completionToChat,
  convertDataset,
  toChatAnswer,
  type ChatRecord,
  type CompletionRecord,
} from '../../src/core/dataset/convert';
import { fixDataset, toJsonl } from '../../src/core/dataset/fix';
import { detokenize, iobToExamples, parseIob } from '../../src/core/dataset/iob';
import { detectFormat, readDataset } from '../../src/core/dataset/read';
import { splitDataset } from '../../src/core/dataset/split';
import { seededRandom } from '../../src/core/random';
import { fixturePath, HAS_SHARED, readShared } from '../shared';

const fixture = (name: string) => readFileSync(fixturePath('dataset', name), 'utf8');
const entitiesOf = (completion: string): Entities => parseCompletion(completion).entities;
const records = (text: string) => readDataset(text).examples.map((e) => e.record as unknown as CompletionRecord);

function expectRoundTrip(originals: CompletionRecord[]) {
  const chat = convertDataset(readDataset(toJsonl(originals)), 'chat');
  expect(chat.errors).toEqual([]);
  expect(chat.records).toHaveLength(originals.length);
  chat.records.forEach((c, i) => {
    const { messages } = c as ChatRecord;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    // The very messages the extension sends at inference.
    expect(messages.slice(0, 2)).toEqual(buildChatMessages(originals[i].prompt));
    expect(messages[0].content).toBe(CHAT_SYSTEM_PROMPT);
    expect(entitiesOf(messages[2].content)).toEqual(entitiesOf(originals[i].completion));
  });
  const back = convertDataset(readDataset(toJsonl(chat.records)), 'completion');
  expect(back.errors).toEqual([]);
  back.records.forEach((b, i) => {
    const r = b as CompletionRecord;
    expect(entitiesOf(r.completion)).toEqual(entitiesOf(originals[i].completion));
    expect(parseCompletion(r.completion).order).toEqual(parseCompletion(originals[i].completion).order);
    expect(r.prompt).toBe(buildPrompt(originals[i].prompt));
  });
  // Back in the completion format, the file is exactly the prepared (fixed) one.
  expect(toJsonl(back.records)).toBe(toJsonl(fixDataset(readDataset(toJsonl(originals))).records));
}

describe('convert between completion and chat', () => {
  it('round-trips the project fixture: same entities, same order, inference messages', () => {
    expectRoundTrip(records(fixture('clean.jsonl')));
  });

  it('writes the assistant answer in the line format CHAT_SYSTEM_PROMPT asks for', () => {
    const e: Entities = {
      diploma: ['bs'],
      diploma_major: [],
      experience: ['2 + years'],
      skills: ["o'reilly tools", 'c #', 'c #'],
    };
    expect(toChatAnswer(e)).toBe(
      `diploma:['bs']\nexperience:['2 + years']\nskills:["o'reilly tools", 'c #', 'c #']\nEND`,
    );
    expect(toChatAnswer({ diploma: [], diploma_major: [], experience: [], skills: [] })).toBe(CHAT_NEGATIVE);
    expect(parseCompletion(CHAT_NEGATIVE).negative).toBe(true);
  });

  it('keeps the key order of the original completion', () => {
    const rec = {
      prompt: `3+ years, BS in Physics, Python${'\n\n###\n\n'}`,
      completion: " skills:['python']\nexperience:['3 + years']\ndiploma:['bs']\ndiploma_major:['physics']\n END",
    };
    const chat = completionToChat(rec);
    expect(chat.messages[2].content.split('\n')[0]).toBe("skills:['python']");
    expect(chatToCompletion(chat).completion).toBe(rec.completion);
  });

  it('reads a chat file and a mixed file, and reports unusable lines', () => {
    const mixed = readDataset(fixture('broken.jsonl'));
    const out = convertDataset(mixed, 'chat');
    expect(out.errors.map((e) => e.line)).toEqual([2, 5, 23, 24]);
    expect(out.records).toHaveLength(20);
    const figma = out.records.find((r) => (r as ChatRecord).messages[1].content.includes('Figma')) as ChatRecord;
    expect(entitiesOf(figma.messages[2].content).skills).toEqual(['figma prototypes']);
  });

  it('converts CSV and JSON array datasets too', () => {
    const csv = convertDataset(readDataset(fixture('sheet.csv'), { fileName: 'sheet.csv' }), 'chat');
    const json = convertDataset(readDataset(fixture('array.json'), { fileName: 'array.json' }), 'chat');
    expect(csv.records).toEqual(json.records);
    expect(csv.records).toHaveLength(4);
  });
});

describe.skipIf(!HAS_SHARED)('convert on the shared seed data', () => {
  it('all 74 examples keep exactly their entities through chat and back', () => {
    expectRoundTrip(records(readShared('data', 'training_data.jsonl')));
  });
});

describe('split', () => {
  const examples = readDataset(fixture('clean.jsonl')).examples;

  it('is reproducible for a seed and differs between seeds', () => {
    const a = splitDataset(examples, { valid: 0.25, seed: 7 });
    const b = splitDataset(examples, { valid: 0.25, seed: 7 });
    expect(a.valid.map((e) => e.line)).toEqual(b.valid.map((e) => e.line));
    const seeds = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        splitDataset(examples, { valid: 0.25, seed })
          .valid.map((e) => e.line)
          .join(','),
      ),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('partitions the file, keeps file order, and splits negatives and positives alike', () => {
    const { train, valid } = splitDataset(examples, { valid: 0.25, seed: 3 });
    expect([...train, ...valid].map((e) => e.line).sort((x, y) => x - y)).toEqual(examples.map((e) => e.line));
    expect(train.map((e) => e.line)).toEqual([...train.map((e) => e.line)].sort((x, y) => x - y));
    // 2 negatives -> 1 in validation (at least one per group); 10 positives -> 3 (rounded 2.5).
    const neg = (list: typeof train) =>
      list.filter((e) => (e.record.completion as string).includes('no entity')).length;
    expect(neg(valid)).toBe(1);
    expect(valid.length).toBe(4);
  });

  it('refuses a share outside (0, 1) and the generator is uniform enough', () => {
    expect(() => splitDataset(examples, { valid: 1, seed: 1 })).toThrow(/between 0 and 1/);
    const r = seededRandom(42);
    const xs = Array.from({ length: 10_000 }, () => r());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });
});

describe('from IOB', () => {
  it('turns the project fixture into prompts and completions (CRLF, sentences, B/I spans)', () => {
    const out = iobToExamples(fixture('tiny.tsv'));
    expect(out.errors).toEqual([]);
    expect(out.documents).toBe(3);
    expect(out.records).toEqual([
      {
        prompt: 'We need 5+ years of C# (or F#). BS/MS in Computer Science.\n\n###\n\n',
        completion:
          " diploma:['bs / ms']\ndiploma_major:['computer science']\nexperience:['5 + years']\nskills:['c #', 'f #']\n END",
      },
      { prompt: 'Free lunch every day!\n\n###\n\n', completion: ' no entity\n END' },
      // An I- tag after O starts a new span.
      {
        prompt: 'hands-on SQL and Excel macros\n\n###\n\n',
        completion: " skills:['hands - on sql', 'excel macros']\n END",
      },
    ]);
    expect(out.sourceLines).toEqual([1, 24, 30]);
    const report = checkDataset(readDataset(toJsonl(out.records)));
    expect(report.warnings.map((w) => w.check)).toEqual(['few-examples']);
  });

  it('reports bad lines with their numbers and keeps the text of an unknown tag', () => {
    const out = iobToExamples(fixture('bad-tags.tsv'));
    expect(out.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(out.errors[0].message).toMatch(/unknown tag "B-SALARY"/);
    expect(out.records).toEqual([{ prompt: 'Python is great\n\n###\n\n', completion: " skills:['python']\n END" }]);
  });

  it('detokenizes as English is written', () => {
    expect(detokenize(['I', "'m", 'in', '(', 'the', ')', 'team', ',', 'ok', '?'])).toBe("I'm in (the) team, ok?");
    expect(detokenize(['10', '+', 'years', 'of', 'C', '++', 'and', 'node', '.', 'js'])).toBe(
      '10+ years of C++ and node. js',
    );
  });

  it('a file without -DOCSTART- is one document', () => {
    expect(parseIob('Python\tB-SKILLS\n').documents).toHaveLength(1);
  });
});

describe.skipIf(!HAS_SHARED)('from IOB on the shared ner_training.tsv', () => {
  const text = HAS_SHARED ? readShared('data', 'ner_training.tsv') : '';
  const out = HAS_SHARED ? iobToExamples(text) : undefined;

  it('reads the 77 documents into 77 examples without errors', () => {
    expect(out!.documents).toBe(77);
    expect(out!.records).toHaveLength(77);
    expect(out!.errors).toEqual([]);
  });

  it('makes one value per B- tag, each found in its prompt', () => {
    const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
    for (const r of out!.records) for (const t of ENTITY_TYPES) counts[t] += entitiesOf(r.completion)[t].length;
    const bTags = (type: string) => (text.match(new RegExp(`\\tB-${type}\\r?$`, 'gm')) ?? []).length;
    expect(counts).toEqual({
      diploma: bTags('DIPLOMA'),
      diploma_major: bTags('DIPLOMA_MAJOR'),
      experience: bTags('EXPERIENCE'),
      skills: bTags('SKILLS'),
    });
    const report = checkDataset(readDataset(toJsonl(out!.records)));
    expect(report.errors).toEqual([]);
    expect(report.warnings.find((w) => w.check === 'value-not-in-prompt')).toBeUndefined();
  });

  it('writes values in the token form of training_data.jsonl (the first document)', () => {
    expect(
      out!.records[0].prompt.startsWith('A successful member of our team will have: 5+ years of industry experience'),
    ).toBe(true);
    expect(entitiesOf(out!.records[0].completion).experience).toEqual(['5 + years']);
    expect(entitiesOf(out!.records[0].completion).diploma).toEqual(['bs / ms']);
  });
});

describe('reading datasets', () => {
  it('keeps JSONL line numbers across blank lines, CRLF and a BOM', () => {
    const r = readDataset('\uFEFF{"prompt":"a","completion":" b"}\r\n\r\n{"prompt":"c","completion":" d"}\n');
    expect(r.examples.map((e) => e.line)).toEqual([1, 3]);
    expect(r.examples[0].raw).toBe('{"prompt":"a","completion":" b"}');
  });

  it('recognises chat lines and detects formats', () => {
    const r = readDataset('{"messages":[{"role":"user","content":"x"}]}');
    expect(r.examples[0].kind).toBe('chat');
    expect(detectFormat('[{"prompt":1}]')).toBe('json');
    expect(detectFormat('{"prompt":1}', 'x.json')).toBe('jsonl');
    expect(detectFormat('prompt\tcompletion\n')).toBe('tsv');
    expect(detectFormat('prompt,completion\n')).toBe('csv');
  });

  it('reports a broken CSV row and a sheet without the needed columns', () => {
    const r = readDataset('prompt,completion\n"a",b,c\nx,y\n', { format: 'csv' });
    expect(r.errors.map((e) => e.line)).toEqual([2]);
    expect(r.examples.map((e) => e.line)).toEqual([3]);
    const missing = checkDataset(readDataset('text,label\nx,y\n', { format: 'csv' }));
    expect(missing.errors).toEqual([
      { line: 2, message: 'no "prompt" or "completion" key (keys found: "text", "label")' },
    ]);
  });
});
