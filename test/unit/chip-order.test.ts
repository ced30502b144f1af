import { describe, expect, it } from 'vitest';
import { orderedGroups } from '../../src/popup/chip-order';

const base = { diploma: [], diploma_major: [], experience: [], skills: ['sql', 'python', 'sql', 'rust', 'go'] };

describe('orderedGroups', () => {
  it('keeps the given order without details', () => {
    expect(orderedGroups(base, 'skills').map((g) => g.raw)).toEqual(['sql', 'python', 'rust', 'go']);
  });
  it('puts the most confident skills first, equal confidence in the details order, unknown values last', () => {
    const details = {
      diploma: [],
      diploma_major: [],
      experience: [],
      skills: [
        { value: 'python', confidence: 0.9 },
        { value: 'go', confidence: 0.9 },
        { value: 'sql', confidence: 0.4 },
      ],
    };
    expect(orderedGroups({ ...base, details }, 'skills').map((g) => g.raw)).toEqual(['python', 'go', 'sql', 'rust']);
  });
});
