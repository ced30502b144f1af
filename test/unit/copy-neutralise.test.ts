// Copying one chip or one group puts what a spreadsheet shows as text on the clipboard, never a
// live formula: neutralised as the table exports are.
import { describe, expect, it } from 'vitest';
import { clipboardValue, groupText } from '../../src/popup/entities-text';

describe('chip and group copies', () => {
  it('a chip whose value is a formula is neutralised', () => {
    expect(clipboardValue('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(clipboardValue('\n@SUM(1)')).toBe(`'\n@SUM(1)`);
  });
  it('a group starting with a formula is neutralised; ordinary values are left alone', () => {
    expect(clipboardValue(groupText(['+cmd', 'sql']))).toMatch(/^'\+cmd/);
    expect(clipboardValue(groupText(['python', 'sql']))).toBe(groupText(['python', 'sql']));
  });
});
