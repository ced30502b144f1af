// Says that the stored settings could not be read and took their defaults, and that a saved key is
// not used until the settings are entered again (it only ever goes to the server it was saved for).
import type { PublicSettings } from '../../shared/messages';
import { Notice } from '../../shared/Notice';

export function settingsResetText(s: Pick<PublicSettings, 'reset' | 'keyWithheld'>): string | undefined {
  if (!s.reset?.length && !s.keyWithheld) return undefined;
  const what = s.reset?.includes('settings')
    ? 'The saved settings could not be read and were reset to their defaults.'
    : s.reset?.length
      ? `Some saved settings could not be read and were reset to their defaults (${s.reset.join(', ')}).`
      : 'The saved base URL is not the server the key was saved for.';
  const key = s.keyWithheld
    ? ' The saved API key is not used until you enter your settings and the key again, then Save.'
    : ' Check them and Save.';
  return what + key;
}

export function SettingsResetNotice({ saved }: { saved: Pick<PublicSettings, 'reset' | 'keyWithheld'> | undefined }) {
  const text = saved && settingsResetText(saved);
  if (!text) return null;
  return <Notice notice={{ kind: 'error', text }} testId="settings-reset" />;
}
