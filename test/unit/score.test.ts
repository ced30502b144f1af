import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCompletion } from '../../src/core/completion';
import { emptyEntities, type Entities } from '../../src/core/entities';
import { formatScores, scoreEntities, typeScore } from '../../src/core/score';
import { fixturePath, HAS_SHARED, readShared, SHARED_SKIP_REASON } from '../shared';

const E = (p: Partial<Entities>): Entities => ({ ...emptyEntities(), ...p });

describe('scoreEntities', () => {
  it('matches ignoring case and all white space', () => {
    const s = scoreEntities(
      [E({ skills: ['c #', '2 + years'], diploma: ['BS'] })],
      [E({ skills: ['C#', '2+years'], diploma: ['bs'] })],
    );
    expect(s.perType.skills).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(s.perType.diploma.tp).toBe(1);
  });
  it('counts repeats as a multiset', () => {
    const s = scoreEntities(
      [E({ experience: ['5 + years', '5 + years', '3 + years'] })],
      [E({ experience: ['5 + years', '5 + years', '5 + years'] })],
    );
    expect(s.perType.experience).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.perType.experience.precision).toBeCloseTo(2 / 3);
    expect(s.perType.experience.recall).toBeCloseTo(2 / 3);
  });
  it('does not match across documents or types', () => {
    const s = scoreEntities([E({ skills: ['go'] }), E({})], [E({}), E({ skills: ['go'], diploma: ['go'] })]);
    expect(s.perType.skills).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(s.perType.diploma).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
  it('micro sums counts; macro averages the per-type scores', () => {
    const gold = [E({ diploma: ['bs'], skills: ['a', 'b', 'c', 'd'] })];
    const pred = [E({ diploma: ['bs'], skills: ['a', 'x'] })];
    const s = scoreEntities(gold, pred);
    expect(s.micro).toMatchObject({ tp: 2, fp: 1, fn: 3 });
    expect(s.micro.precision).toBeCloseTo(2 / 3);
    expect(s.micro.recall).toBeCloseTo(2 / 5);
    // diploma 1/1/1, diploma_major and experience absent on both sides -> 1/1/1, skills P .5 R .25.
    expect(s.macro.precision).toBeCloseTo((1 + 1 + 1 + 0.5) / 4);
    expect(s.macro.recall).toBeCloseTo((1 + 1 + 1 + 0.25) / 4);
    expect(s.macro.f1).toBeCloseTo((1 + 1 + 1 + (2 * 0.5 * 0.25) / 0.75) / 4);
  });
  it('defines 0/0: agreeing on nothing is perfect, missing everything is zero', () => {
    expect(typeScore(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(typeScore(0, 0, 3)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(typeScore(0, 2, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(scoreEntities([], []).micro).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
  it('needs one prediction per gold record', () => {
    expect(() => scoreEntities([E({})], [])).toThrow(/one prediction per gold record/);
  });
  it('scores the project fixtures against themselves as 1.0', () => {
    const gold = readFileSync(fixturePath('format', 'training-sample.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => parseCompletion(JSON.parse(l).completion).entities);
    const s = scoreEntities(gold, gold);
    expect([s.micro.f1, s.macro.f1]).toEqual([1, 1]);
  });
});

describe.skipIf(!HAS_SHARED)(`scores on the shared gold (${HAS_SHARED ? 'present' : SHARED_SKIP_REASON})`, () => {
  it('gold against itself is 1.0; against empty predictions the recall is 0', () => {
    const gold = readShared('data', 'training_data.jsonl')
      .split('\n')
      .filter(Boolean)
      .map((l) => parseCompletion(JSON.parse(l).completion).entities);
    expect(scoreEntities(gold, gold).micro.f1).toBe(1);
    const none = scoreEntities(
      gold,
      gold.map(() => emptyEntities()),
    );
    expect(none.micro.recall).toBe(0);
    expect(none.micro.tp + none.micro.fn).toBe(536);
  });
});

describe('formatScores', () => {
  it('prints a table with every type, micro and macro', () => {
    const s = scoreEntities([E({ diploma: ['bs'], skills: ['a', 'b'] })], [E({ diploma: ['bs'], skills: ['a', 'x'] })]);
    const table = formatScores(s);
    const lines = table.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/gold\s+predicted\s+tp\s+fp\s+fn\s+precision\s+recall\s+f1/);
    expect(lines[1]).toMatch(/^diploma\s+1\s+1\s+1\s+0\s+0\s+1\.000\s+1\.000\s+1\.000$/);
    expect(lines[4]).toMatch(/^skills\s+2\s+2\s+1\s+1\s+1\s+0\.500\s+0\.500\s+0\.500$/);
    expect(lines[5]).toMatch(/^micro\s+3\s+3\s+2\s+1\s+1\s+0\.667\s+0\.667\s+0\.667$/);
    expect(lines[6]).toMatch(/^macro\s+0\.875\s+0\.875\s+0\.875$/);
  });
});
