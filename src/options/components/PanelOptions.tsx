// Side panel preferences, saved as soon as they change (storage.local, apart from the model
// settings): what the toolbar button opens, and automatic extraction in the side panel. Automatic
// extraction reads pages the user did not click on, so it needs their permission for those sites:
// asked in the click itself (browsers require a user gesture).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { Notice, type NoticeState } from '../../shared/Notice';
import { readPanelPrefs, type PanelPrefs } from '../../shared/panel-prefs';
import { changePanelPrefs, setAutoExtract, type PrefsOutcome } from '../panel-actions';

export function PanelOptions() {
  const [prefs, setPrefs] = useState<PanelPrefs | undefined>(undefined);
  const [notice, setNotice] = useState<NoticeState>();
  useEffect(() => {
    void readPanelPrefs(browser.storage.local).then(setPrefs, () =>
      setNotice({ kind: 'error', text: 'The side panel preferences could not be read; the defaults apply.' }),
    );
  }, []);
  if (!prefs) return null;

  const show = (outcome: PrefsOutcome) => {
    if (outcome.prefs) setPrefs(outcome.prefs);
    setNotice(outcome.notice);
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
            void changePanelPrefs(
              { toolbarOpensPanel: e.currentTarget.checked },
              e.currentTarget.checked
                ? 'Saved: the toolbar button opens the side panel.'
                : 'Saved: the toolbar button opens the popup.',
            ).then(show)
          }
        />
        The toolbar button opens the side panel instead of the popup
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="auto-extract"
          checked={prefs.autoExtract}
          onChange={(e) => void setAutoExtract(e.currentTarget.checked).then(show)}
        />
        Extract automatically when a job page opens (in the side panel)
      </label>
      <p class="hint" id="auto-extract-hint">
        Off by default. With a model configured, the side panel asks once before it sends page text to your server.
      </p>
      <Notice notice={notice} testId="panel-options-status" />
    </section>
  );
}
