// Side panel preferences, saved as soon as they change (storage.local, apart from the model
// settings): what the toolbar button opens, and automatic extraction in the side panel. Automatic
// extraction reads pages the user did not click on, so it needs their permission for those sites:
// asked in the click itself (browsers require a user gesture).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readPanelPrefs, writePanelPrefs, type PanelPrefs } from '../../shared/panel-prefs';

const ALL_SITES = ['https://*/*', 'http://*/*'];

export function PanelOptions() {
  const [prefs, setPrefs] = useState<PanelPrefs | undefined>(undefined);
  const [note, setNote] = useState('');
  useEffect(() => {
    void readPanelPrefs(browser.storage.local).then(setPrefs, () =>
      setNote('The side panel preferences could not be read; the defaults apply.'),
    );
  }, []);
  if (!prefs) return null;

  const change = async (patch: Partial<PanelPrefs>, saved: string) => {
    try {
      setPrefs(await writePanelPrefs(browser.storage.local, patch));
      setNote(saved);
    } catch (err) {
      setNote(`Not saved: ${(err as Error).message}. Try again.`);
    }
  };

  const toggleAuto = async (on: boolean) => {
    if (!on) return change({ autoExtract: false }, 'Saved: the side panel extracts only when you click Extract.');
    // Asked before any other await: the permission prompt needs the click's user gesture.
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) {
      setNote(
        'Not turned on: reading job pages by itself needs your permission to read the sites you visit. Allow it when your browser asks.',
      );
      return;
    }
    return change({ autoExtract: true }, 'Saved: the side panel extracts each job page you open.');
  };

  return (
    <section class="panel-options" aria-labelledby="panel-options-title" data-testid="panel-options">
      <h2 id="panel-options-title">Side panel</h2>
      <label class="check">
        <input
          type="checkbox"
          data-testid="toolbar-opens-panel"
          checked={prefs.toolbarOpensPanel}
          onChange={(e) =>
            void change(
              { toolbarOpensPanel: e.currentTarget.checked },
              e.currentTarget.checked
                ? 'Saved: the toolbar button opens the side panel.'
                : 'Saved: the toolbar button opens the popup.',
            )
          }
        />
        The toolbar button opens the side panel instead of the popup
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="auto-extract"
          checked={prefs.autoExtract}
          onChange={(e) => void toggleAuto(e.currentTarget.checked)}
        />
        Extract automatically when a job page opens (in the side panel)
      </label>
      <p class="hint" id="auto-extract-hint">
        Off by default. With a model configured, the side panel asks once before it sends page text to your server.
      </p>
      <p class="notice" role="status" data-testid="panel-options-status">
        {note}
      </p>
    </section>
  );
}
