// The text cap: a posting longer than maxTextChars (60,000 by default) is cut at a line break or a
// space near the limit; a shorter one is left alone.
import { describe, expect, it } from 'vitest';
import { capText, defaultSettings } from '../../src/core/settings';

describe('capText', () => {
  it('defaults to 60,000 characters', () => {
    expect(defaultSettings().maxTextChars).toBe(60_000);
  });
  it('leaves a text within the cap alone', () => {
    expect(capText('short text', 1_000)).toBeUndefined();
  });
  it('cuts at a line break near the cap, never above it', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `Line ${i} of the posting.`).join('\n');
    const cut = capText(text, 60_000)!;
    expect(cut.length).toBeLessThanOrEqual(60_000);
    expect(cut.length).toBeGreaterThan(48_000);
    expect(text.startsWith(cut)).toBe(true);
    expect(text[cut.length]).toBe('\n');
  });
});
