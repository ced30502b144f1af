import { describe, expect, it } from 'vitest';
import { PANEL_PREFS_KEY, readPanelPrefs, writePanelPrefs } from '../../src/shared/panel-prefs';

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (key: string | string[]) =>
      Object.fromEntries((Array.isArray(key) ? key : [key]).filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (keys: string | string[]) =>
      void (Array.isArray(keys) ? keys : [keys]).forEach((k) => delete data[k]),
  };
}

describe('panel preferences', () => {
  it('default to the popup and no automatic extraction', async () => {
    expect(await readPanelPrefs(area())).toEqual({
      toolbarOpensPanel: false,
      autoExtract: false,
      autoExtractModelAgreed: false,
    });
  });
  it('a damaged entry falls back field by field', async () => {
    expect(await readPanelPrefs(area({ [PANEL_PREFS_KEY]: { toolbarOpensPanel: true, autoExtract: 'yes' } }))).toEqual({
      toolbarOpensPanel: true,
      autoExtract: false,
      autoExtractModelAgreed: false,
    });
    expect(await readPanelPrefs(area({ [PANEL_PREFS_KEY]: 'broken' }))).toEqual({
      toolbarOpensPanel: false,
      autoExtract: false,
      autoExtractModelAgreed: false,
    });
  });
  it('writes merge with what is stored', async () => {
    const a = area();
    await writePanelPrefs(a, { autoExtract: true });
    await writePanelPrefs(a, { autoExtractModelAgreed: true });
    expect(a.data[PANEL_PREFS_KEY]).toEqual({
      toolbarOpensPanel: false,
      autoExtract: true,
      autoExtractModelAgreed: true,
    });
  });
});
