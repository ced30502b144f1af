// useStoredItem: the value read on mount, replaced on each change in storage, the subscription
// dropped on unmount. Rendered with Preact into a linkedom document.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as Record<string, unknown>).chrome = { runtime: { id: 'test-extension-id' } };
});

import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { panelPrefsItem } from '../../src/shared/storage-items';
import { useStoredItem, type StoredItemState } from '../../src/shared/use-stored-item';
import { memoryAreas } from './fake-storage';
import type { PanelPrefs } from '../../src/shared/stored-schemas';

describe('useStoredItem', () => {
  it('reads on mount, follows changes, and unsubscribes on unmount', async () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    (globalThis as Record<string, unknown>).document = document;
    const root = document.getElementById('root') as unknown as Element;
    const areas = memoryAreas({ local: { panelPrefs: { autoExtract: true } } });
    const seen: StoredItemState<PanelPrefs>[] = [];
    function Probe() {
      seen.push(useStoredItem(panelPrefsItem, areas));
      return null;
    }
    await act(async () => render(h(Probe, {}), root));
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(seen[0]).toMatchObject({ loaded: false, value: panelPrefsItem.fallback });
    expect(seen.at(-1)).toMatchObject({ loaded: true, value: { autoExtract: true, toolbarOpensPanel: false } });
    await act(async () => {
      await panelPrefsItem.update(areas, (p) => ({ ...p, toolbarOpensPanel: true }));
    });
    expect(seen.at(-1)?.value.toolbarOpensPanel).toBe(true);
    await act(async () => render(null, root));
    expect(areas.onChanged.hasListeners()).toBe(false);
    delete (globalThis as Record<string, unknown>).document;
  });
});
