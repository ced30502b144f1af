// The dataset checker's named checks, each called alone on a context built from a few pairs: a
// check reads only the context, so it can be tested (and reasoned about) without the others.
import { describe, expect, it } from 'vitest';
import {
  CHECKS,
  CHECK_IDS,
  checkContext,
  describe as describePair,
  type CheckContext,
  type Facts,
} from '../../src/core/dataset/check';
import { toPair } from '../../src/core/dataset/pairs';
import type { Example } from '../../src/core/dataset/read';
import { SEPARATOR, STOP } from '../../src/core/prompt';

function facts(records: Record<string, unknown>[]): Facts[] {
  return records.map((record, i) => {
    const ex: Example = {
      line: i + 1,
      raw: JSON.stringify(record),
      record,
      kind: 'messages' in record ? 'chat' : 'completion',
    };
    const r = toPair(ex);
    if (!r.ok) throw new Error(r.message);
    return describePair(r.pair, SEPARATOR, STOP);
  });
}

const good = (text: string, completion = " skills:['python']\n END") => ({ prompt: `${text}${SEPARATOR}`, completion });
const ctx = (records: Record<string, unknown>[], opts = {}): CheckContext => checkContext(facts(records), opts);

describe('the table of named checks', () => {
  it('names only checks whose warnings carry a known id', () => {
    const messy = ctx([
      { Prompt: 'PYTHON AND SQL REQUIRED FOR THIS ROLE', completion: "skills:['java']" },
      good('we use python daily'),
      good('we use python daily', ' no entity\n , END'),
      {
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: ' no entity\n END' },
        ],
      },
    ]);
    for (const [name, check] of Object.entries(CHECKS)) {
      for (const w of check(messy)) expect(CHECK_IDS, name).toContain(w.check);
    }
  });

  it('each check is silent on a clean file', () => {
    const clean = ctx([
      good('we use python daily'),
      good('sql and python here'),
      good('a posting with nothing', ' no entity\n END'),
    ]);
    const fired = Object.entries(CHECKS)
      .filter(([, check]) => check(clean).length)
      .map(([name]) => name);
    expect(fired).toEqual(['size']);
  });

  it('key case: names the renamed keys and their lines', () => {
    const [w] = CHECKS.keyCase(
      ctx([good('python'), { PROMPT: `python${SEPARATOR}`, Completion: " skills:['python']\n END" }]),
    );
    expect(w.lines).toEqual([2]);
    expect(w.message).toMatch(/^1 line\(s\) name a key .*PROMPT/);
  });

  it('duplicates and conflicts come from one grouping by prompt text', () => {
    const ws = CHECKS.duplicates(ctx([good('python'), good('python'), good('python', " skills:['java']\n END")]));
    expect(ws.map((w) => [w.check, w.lines])).toEqual([
      ['duplicate', [2]],
      ['conflicting-duplicate', [1, 2, 3]],
    ]);
  });

  it('separator: missing, variant and inside are told apart', () => {
    const ws = CHECKS.separator(
      ctx([
        { prompt: 'python', completion: ' x\n END' },
        { prompt: 'python\n###', completion: ' x\n END' },
        good(`a${SEPARATOR}b`),
      ]),
    );
    expect(Object.fromEntries(ws.map((w) => [w.check, w.lines]))).toEqual({
      'separator-missing': [1],
      'separator-inconsistent': [2],
      'separator-in-prompt': [3],
    });
  });

  it('endings: the odd ways of ending are the lines reported', () => {
    const c = ctx([good('a'), good('b'), good('c', " skills:['c']\nEND")]);
    expect([...c.endings.keys()].length).toBe(2);
    const [w] = CHECKS.endingInconsistent(c);
    expect(w.lines).toEqual([3]);
  });

  it('size: below the minimum says OpenAI refuses it', () => {
    expect(CHECKS.size(ctx([good('a')]))[0].message).toMatch(/fewer than 10/);
  });

  it('values not in their prompt are listed with their type', () => {
    const [w] = CHECKS.valuesInPrompt(ctx([good('we use python', " skills:['python', 'rust']\n END")]));
    expect(w.message).toMatch(/line 1 skills "rust"/);
  });
});
