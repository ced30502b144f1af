// Cells that spreadsheets still run as formulas after leading white space the old check missed: a
// line break or an ideographic space (U+3000) before `=`. Both are neutralised, and round-trip.
import { describe, expect, it } from 'vitest';
import { neutraliseCell, unneutraliseCell } from '../../src/core/export/delimited';

describe('neutraliseCell with unusual leading white space', () => {
  it.each([
    '\n=HYPERLINK("http://evil","x")',
    '\r\n=1+1',
    '\u3000=HYPERLINK("http://evil")',
    '\u2003+SUM(A1)',
    '\n\n@cmd',
    ' \u3000 -2+3',
  ])('%j is neutralised', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(unneutraliseCell(neutraliseCell(cell))).toBe(cell);
  });
  it('ordinary text is left alone', () => {
    expect(neutraliseCell('\nPython')).toBe('\nPython');
    expect(neutraliseCell('\u3000SQL')).toBe('\u3000SQL');
  });
});
