// Dataset records are validated with zod (read.ts, pairs.ts); what the user reads is the checker's
// own sentence for each problem, with its line, whatever zod reports underneath.
import { describe, expect, it } from 'vitest';
import { ChatRecordSchema, CompletionRecordSchema, toPair, type PairResult } from '../../src/core/dataset/pairs';
import { readDataset } from '../../src/core/dataset/read';

const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
/** toPair's verdict on each readable line of a JSONL text. */
const pairs = (...lines: unknown[]): PairResult[] => readDataset(jsonl(...lines)).examples.map(toPair);
const messageOf = (record: unknown) => {
  const [r] = pairs(record);
  return r.ok ? undefined : r.message;
};
const chat = (...messages: unknown[]) => ({ messages });

describe('reading: lines that are not a record', () => {
  it('names bad JSON and non-objects with their line numbers', () => {
    const r = readDataset(jsonl('{"prompt": "a", "completion": " b"}', '', '{oops', '[1, 2]', '"text"', '7', 'null'));
    expect(r.examples.map((e) => e.line)).toEqual([1]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(r.errors[0].message).toMatch(/^not valid JSON \(.*\); each line must be one JSON object$/);
    const want = (what: string) => `a JSON ${what} where an object {"prompt": ..., "completion": ...} was expected`;
    expect(r.errors.slice(1).map((e) => e.message)).toEqual([
      want('array'),
      want('string'),
      want('number'),
      want('null'),
    ]);
  });

  it('a JSON file must be an array of objects, numbered by element', () => {
    expect(readDataset('{"prompt": "a"}', { format: 'json' }).errors).toEqual([
      { line: 1, message: 'a JSON dataset must be an array of {"prompt", "completion"} objects' },
    ]);
    const r = readDataset(JSON.stringify([{ prompt: 'a', completion: ' b' }, 'x', null]), { format: 'json' });
    expect(r.examples).toHaveLength(1);
    expect(r.errors).toEqual([
      { line: 2, message: 'element 2 is not an object {"prompt": ..., "completion": ...}' },
      { line: 3, message: 'element 3 is not an object {"prompt": ..., "completion": ...}' },
    ]);
  });

  it('keeps every key as written, "__proto__" included (zod\'s copy would drop it)', () => {
    const [ex] = readDataset('{"prompt": "a", "completion": " b", "__proto__": {"x": 1}}').examples;
    expect(Object.keys(ex.record)).toEqual(['prompt', 'completion', '__proto__']);
    const r = toPair(ex);
    expect(r.ok && r.pair.extraKeys).toEqual(['__proto__']);
  });
});

describe('prompt/completion records', () => {
  it('reads both texts; keys in another case are renamed, other keys are extra', () => {
    const [r] = pairs({ Prompt: 'Python', ' completion ': " skills:['python']\n END", id: 3 });
    expect(r).toEqual({
      ok: true,
      pair: {
        line: 1,
        kind: 'completion',
        prompt: 'Python',
        completion: " skills:['python']\n END",
        renamedKeys: ['"Prompt" -> "prompt"', '" completion " -> "completion"'],
        extraKeys: ['id'],
      },
    });
  });

  it('missing keys come first, all of them, with the keys found', () => {
    expect(messageOf({ text: 'x', label: 'y' })).toBe('no "prompt" or "completion" key (keys found: "text", "label")');
    expect(messageOf({ prompt: 'x', completion: 1, Completion: 2 })).toBe('the completion is a number, not text');
    expect(messageOf({ prompt: 5 })).toBe('no "completion" key (keys found: "prompt")');
    expect(messageOf({})).toBe('no "prompt" or "completion" key (keys found: none)');
  });

  it('then the first value that is not text, prompt before completion', () => {
    expect(messageOf({ prompt: 1, completion: null })).toBe('the prompt is a number, not text');
    expect(messageOf({ prompt: 'x', completion: null })).toBe('the completion is null, not text');
    expect(messageOf({ prompt: ['x'], completion: 'y' })).toBe('the prompt is an array, not text');
    expect(messageOf({ prompt: { t: 'x' }, completion: 'y' })).toBe('the prompt is a object, not text');
    expect(messageOf({ prompt: 'x', completion: true })).toBe('the completion is a boolean, not text');
  });

  it('the schema is the rule: two texts', () => {
    expect(CompletionRecordSchema.safeParse({ prompt: 'a', completion: 'b' }).success).toBe(true);
    expect(CompletionRecordSchema.safeParse({ prompt: 'a', completion: 1 }).success).toBe(false);
  });
});

describe('chat records', () => {
  const sys = { role: 'system', content: 'Extract.' };
  const user = { role: 'user', content: 'Python and SQL.' };
  const bot = { role: 'assistant', content: "skills:['python', 'sql']" };

  it('the last user and assistant turns are the example; the rest counts as context', () => {
    const [r] = pairs({ ...chat(sys, user, bot), tools: [], id: 1 });
    expect(r).toEqual({
      ok: true,
      pair: {
        line: 1,
        kind: 'chat',
        prompt: user.content,
        completion: bot.content,
        renamedKeys: [],
        extraKeys: ['id'],
        context: 'Extract.',
      },
    });
  });

  it('says what is wrong with the first wrong message: not an object, then its role, then its content', () => {
    expect(messageOf({ messages: 'hi' })).toBe('"messages" must be a list of {"role", "content"} objects');
    expect(messageOf({ messages: null })).toBe('"messages" must be a list of {"role", "content"} objects');
    expect(messageOf(chat(user, 'hello', bot))).toBe('message 2 is not an object {"role", "content"}');
    expect(messageOf(chat(user, ['x']))).toBe('message 2 is not an object {"role", "content"}');
    expect(messageOf(chat(sys, { role: 'bot', content: 'x' }))).toBe(
      'message 2 has role "bot"; use "system", "user" or "assistant"',
    );
    expect(messageOf(chat({ content: 'x' }))).toBe('message 1 has role undefined; use "system", "user" or "assistant"');
    expect(messageOf(chat({ role: 3, content: 5 }))).toBe('message 1 has role 3; use "system", "user" or "assistant"');
    expect(messageOf(chat(user, { role: 'assistant', content: null }))).toBe(
      'message 2 (assistant) has no text "content"',
    );
    expect(messageOf(chat(user, { role: 'assistant' }))).toBe('message 2 (assistant) has no text "content"');
    // An earlier message's content problem wins over a later message's role problem.
    expect(messageOf(chat({ role: 'user', content: 1 }, { role: 'bot', content: 'x' }))).toBe(
      'message 1 (user) has no text "content"',
    );
    // Within one message, the role comes before the content.
    expect(messageOf(chat(user, { role: 'robot', content: 1 }))).toBe(
      'message 2 has role "robot"; use "system", "user" or "assistant"',
    );
  });

  it('needs a user and an assistant message', () => {
    expect(messageOf(chat(sys, bot))).toBe('no "user" message (the posting text)');
    expect(messageOf(chat(sys, user))).toBe('no "assistant" message (the expected answer)');
    expect(messageOf(chat())).toBe('no "user" message (the posting text)');
  });

  it('keeps the line numbers of the file', () => {
    const results = pairs(chat(user, bot), '', chat(user), chat(user, 'x'));
    expect(results.map((r) => r.ok || [r.line, r.message])).toEqual([
      true,
      [3, 'no "assistant" message (the expected answer)'],
      [4, 'message 2 is not an object {"role", "content"}'],
    ]);
  });

  it('the schema is the rule: a list of turns with a known role and text content, other keys allowed', () => {
    expect(
      ChatRecordSchema.safeParse({ messages: [{ role: 'user', content: 'x', name: 'me' }], tools: [] }).success,
    ).toBe(true);
    expect(ChatRecordSchema.safeParse({ messages: [{ role: 'tool', content: 'x' }] }).success).toBe(false);
  });
});
